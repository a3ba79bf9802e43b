//! F005 `forward-year-jump`: The forward-year budget moves beyond the tolerance.

use super::util::{amount, field, label, rp, year_label};
use super::{Context, Finding, Related, Rule, Severity};
use crate::ingest::code::Level;
use crate::ingest::role::Role;
use rust_decimal::Decimal;

pub static RULE: Rule = Rule {
    code: "F005",
    name: "forward-year-jump",
    family: 'F',
    severity: Severity::Warning,
    summary_id: "Pagu prakiraan maju berubah melebihi toleransi",
    summary_en: "The forward-year budget moves beyond the tolerance",
    explain_id: "\
Apa yang diperiksa
  Pada tabel dengan pagu tahun rencana (n) dan pagu prakiraan maju (n+1), seperti T-C.33:
  untuk setiap sub kegiatan dan setiap program, pagu n+1 tidak boleh naik atau turun lebih dari
  toleransi `forward_jump` (rules.toml, bawaan 0,5 = 50%) terhadap pagu n. Tepat di batas
  toleransi tidak dilaporkan. Kegiatan hanya diperiksa bila tidak ada sub kegiatan berpagu di
  bawahnya (tabel yang berhenti di tingkat kegiatan), supaya satu lonjakan tidak dilaporkan
  tiga kali. Kosong tidak sama dengan nol: baris yang hanya direncanakan di salah satu tahun
  (pagu lainnya kosong) bukan lonjakan (lihat F002); pagu 0 adalah nilai yang direncanakan,
  sehingga 0 menjadi 250.000.000, atau 3.150.000.000 menjadi 0, dilaporkan. Perbandingan
  desimal eksak. Sel yang tidak terbaca dilewati (A001).

Mengapa ini masalah
  Prakiraan maju adalah dasar pagu tahun berikutnya. Perubahan besar tanpa penjelasan sering
  berarti angka salah ketik atau salah kolom, atau rencana yang belum dipikirkan; verifikator
  akan menanyakannya.

Contoh
  Program 1.06.07: pagu 2026 3.500.000.000, prakiraan maju 2027 325.000.000 (turun 90,71%).

Sebaiknya
  Periksa kembali angka prakiraan maju; jika perubahan memang direncanakan, jelaskan
  alasannya di Catatan Penting.",
    explain_en: "\
What it does
  In a table with a plan-year budget (n) and a forward-year budget (n+1), such as T-C.33: for
  every sub kegiatan and every program, the n+1 budget must not move up or down by more than
  the `forward_jump` tolerance (rules.toml, default 0.5 = 50%) relative to the n budget. A move
  of exactly the tolerance is not reported. A kegiatan is checked only when no sub kegiatan
  below it has a budget (a table that stops at kegiatan level), so that one jump is not
  reported three times. Blank is not zero: a row planned in one of the two years only (the
  other budget blank) is not a jump (see F002); a budget of 0 is a planned value, so 0 becoming
  250.000.000, or 3.150.000.000 becoming 0, is reported. Exact decimal comparison. Unreadable
  cells are skipped (A001).

Why is this bad
  The forward-year estimate is the basis of next year's budget. A large unexplained change
  often means a typo or a wrong column, or a plan not thought through; the verifier will ask
  about it.

Example
  Program 1.06.07: 2026 budget 3.500.000.000, 2027 forward-year budget 325.000.000 (down
  90,71%).

Use instead
  Check the forward-year figure again; if the change is really planned, explain why in
  Catatan Penting.",
    run,
};

/// A signed percentage the Indonesian way, two decimals at most: `+75`, `-90,71`.
fn pct_text(p: Decimal) -> String {
    let p = p.round_dp(2);
    if p.is_sign_positive() && !p.is_zero() {
        format!("+{}", rp(&p))
    } else {
        rp(&p)
    }
}

fn run(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    let tol = ctx.config.tolerance.forward_jump.abs();
    let hundred = Decimal::from(100);
    for t in &ctx.plan.tables {
        if !t.table.has(Role::PaguN) || !t.table.has(Role::PaguN1) {
            continue;
        }
        let sheet = &t.table.sheet;
        let yl = |forward, en| {
            year_label(
                t,
                &[Role::PaguN, Role::TargetN],
                &[Role::PaguN1, Role::TargetN1],
                forward,
                en,
            )
        };
        let (y0_id, y0_en) = (yl(false, false), yl(false, true));
        let (y1_id, y1_en) = (yl(true, false), yl(true, true));
        for (i, n) in t.nodes.iter().enumerate() {
            let checked = match n.level {
                Level::SubKegiatan | Level::Program => true,
                Level::Kegiatan => !t.children(i).any(|(_, c)| {
                    c.level == Level::SubKegiatan
                        && (amount(t, c, Role::PaguN).is_some()
                            || amount(t, c, Role::PaguN1).is_some())
                }),
                _ => false,
            };
            if !checked {
                continue;
            }
            let (Some(a), Some(b)) = (amount(t, n, Role::PaguN), amount(t, n, Role::PaguN1)) else {
                continue;
            };
            let (Some(fa), Some(fb)) = (field(t, n, Role::PaguN), field(t, n, Role::PaguN1)) else {
                continue;
            };
            if a == b {
                continue;
            }
            let base = a.abs();
            let (msg_id, msg_en, expected) = if base.is_zero() {
                (
                    format!(
                        "pagu {} {} padahal pagu {} 0 (direncanakan nol): perubahan tak terhingga, batas ±{}%",
                        y1_id,
                        rp(&b),
                        y0_id,
                        rp(&(tol * hundred))
                    ),
                    format!(
                        "{} budget {} while the {} budget is 0 (planned at zero): an unbounded change, limit ±{}%",
                        y1_en,
                        rp(&b),
                        y0_en,
                        rp(&(tol * hundred))
                    ),
                    "0".to_string(),
                )
            } else {
                // Checked: a tiny year-n budget under a huge forward one (fuzzing found 7e-26
                // against 1.2e14) has a change beyond what Decimal holds; such a pair is left
                // unjudged rather than panicking.
                let Some((change, pct_value, lo, hi)) = (|| {
                    let change = b.checked_sub(a)?.checked_div(base)?;
                    let band = base.checked_mul(tol)?;
                    Some((
                        change,
                        change.checked_mul(hundred)?,
                        a.checked_sub(band)?.max(Decimal::ZERO),
                        a.checked_add(band)?,
                    ))
                })() else {
                    continue;
                };
                if change.abs() <= tol {
                    continue;
                }
                let pct = pct_text(pct_value);
                (
                    format!(
                        "pagu {} {} berubah {}% dari pagu {} {} (batas ±{}%)",
                        y1_id,
                        rp(&b),
                        pct,
                        y0_id,
                        rp(&a),
                        rp(&(tol * hundred))
                    ),
                    format!(
                        "{} budget {} moves {}% from the {} budget {} (limit ±{}%)",
                        y1_en,
                        rp(&b),
                        pct,
                        y0_en,
                        rp(&a),
                        rp(&(tol * hundred))
                    ),
                    format!("{} s.d. {}", rp(&lo.normalize()), rp(&hi.normalize())),
                )
            };
            out.push(
                Finding::new(
                    &RULE,
                    sheet,
                    fb.pos,
                    format!("{}: {}: {}", t.table.kind, label(n, false), msg_id),
                    format!("{}: {}: {}", t.table.kind, label(n, true), msg_en),
                )
                .related([Related::new(sheet, fa.pos)])
                .expected_found(expected, rp(&b)),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::util::testkit::{TC33, run, sheet};

    type Row = [&'static str; 12];

    fn r33(code: &'static str, name: &'static str, p_n: &'static str, p_n1: &'static str) -> Row {
        [
            code,
            name,
            "Ind",
            "Tenggarong",
            "1",
            "Paket",
            p_n,
            "APBD",
            "",
            "1",
            "Paket",
            p_n1,
        ]
    }

    fn rows() -> Vec<Row> {
        vec![
            r33(
                "1.06.07",
                "PROGRAM TAMAN MAKAM",
                "300.000.000",
                "450.000.000",
            ),
            r33("1.06.07.2.01", "Pemeliharaan", "300.000.000", "450.000.000"),
            // +50% exactly: at the limit, not beyond it.
            r33(
                "1.06.07.2.01.01",
                "Rehabilitasi",
                "200.000.000",
                "300.000.000",
            ),
            // −50% exactly.
            r33(
                "1.06.07.2.01.02",
                "Pemeliharaan TMP",
                "100.000.000",
                "50.000.000",
            ),
            // Planned in the forward year only: not a jump.
            r33("1.06.07.2.01.03", "Baru", "", "100.000.000"),
        ]
    }

    #[test]
    fn silent_within_the_tolerance_and_for_one_year_rows() {
        let f = run(&RULE, vec![sheet("T-C.33", &[], TC33, &rows())]);
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn fires_on_a_sub_kegiatan_and_a_program_beyond_the_tolerance() {
        let mut rs = rows();
        rs[0][11] = "35.000.000"; // program 300 → 35 million: −88,33%
        rs[3][11] = "49.999.999"; // sub kegiatan just beyond −50%
        let f = run(&RULE, vec![sheet("T-C.33", &[], TC33, &rs)]);
        let mut got: Vec<(&str, &str, &str)> = f
            .iter()
            .map(|x| {
                (
                    crate::checks::util::testkit::a1(x.cell),
                    x.expected.as_deref().unwrap_or(""),
                    x.found.as_deref().unwrap_or(""),
                )
            })
            .collect();
        got.sort();
        assert_eq!(
            got,
            [
                ("L2", "150.000.000 s.d. 450.000.000", "35.000.000"),
                ("L5", "50.000.000 s.d. 150.000.000", "49.999.999"),
            ]
        );
        let p = f.iter().find(|x| x.cell == "L2").unwrap();
        assert_eq!(p.related[0].cell, "G2");
        assert!(p.message_id.contains("-88,33%"), "{}", p.message_id);
    }

    #[test]
    fn a_kegiatan_is_checked_only_without_budgeted_sub_kegiatan() {
        let rs: Vec<Row> = vec![
            r33("1.06.07", "PROGRAM TAMAN MAKAM", "100", "120"),
            r33("1.06.07.2.01", "Pemeliharaan", "100", "400"),
        ];
        let f = run(&RULE, vec![sheet("T-C.33", &[], TC33, &rs)]);
        let cells: Vec<String> = f.iter().map(|x| x.cell.a1()).collect();
        assert_eq!(cells, ["L3"]);
        assert!(f[0].message_en.contains("+300%"), "{}", f[0].message_en);
    }

    #[test]
    fn zero_is_a_planned_value() {
        let mut rs = rows();
        rs[0][11] = "350.000.000";
        rs[2][6] = "0"; // 0 → 300.000.000: unbounded
        rs[3][11] = "0"; // 100.000.000 → 0: −100%
        let f = run(&RULE, vec![sheet("T-C.33", &[], TC33, &rs)]);
        let mut cells: Vec<String> = f.iter().map(|x| x.cell.a1()).collect();
        cells.sort();
        assert_eq!(cells, ["L4", "L5"], "{f:?}");
        let z = f.iter().find(|x| x.cell == "L4").unwrap();
        assert_eq!(z.expected.as_deref(), Some("0"));
        assert_eq!(z.found.as_deref(), Some("300.000.000"));
    }
}
