//! F003 `unit-change`: The unit changes between years.

use super::util::{label, node_rows, same_unit, target_text, year_label};
use super::{Context, Finding, Related, Rule, Severity};
use crate::ingest::cell::Pos;
use crate::ingest::code::Level;
use crate::ingest::locate::{Parsed, TableRow};
use crate::ingest::role::Role;
use rust_decimal::Decimal;

pub static RULE: Rule = Rule {
    code: "F003",
    name: "unit-change",
    family: 'F',
    severity: Severity::Warning,
    summary_id: "Satuan berubah antar tahun",
    summary_en: "The unit changes between years",
    explain_id: "\
Apa yang diperiksa
  Pada tabel yang memuat target dua tahun (T-C.33: tahun rencana n dan prakiraan maju n+1),
  untuk setiap baris yang bertarget di kedua tahun: satuan tahun n harus sama dengan satuan
  tahun n+1. Satuan diambil dari kolom satuan, atau dari sel target itu sendiri bila satuan
  ditulis di sana (`120 Orang/Bulan`). Perbandingan mengabaikan huruf besar/kecil, spasi dan
  tanda baca; `%` sama dengan `Persen`. Dilaporkan juga bila satu tahun bersatuan dan tahun
  lain tidak. Setiap baris indikator diperiksa sendiri (termasuk baris lanjutan program dengan
  beberapa indikator). Baris yang hanya bertarget di satu tahun tidak diperiksa (lihat F002);
  sel target yang tidak terbaca dilewati (A001).

Mengapa ini masalah
  Target dua tahun untuk indikator yang sama hanya bisa dibandingkan bila satuannya sama.
  Satuan yang berganti (Orang menjadi Paket) atau hilang biasanya salah ketik atau kolom yang
  tergeser, dan membuat target prakiraan maju tidak bermakna.

Contoh
  Sub kegiatan 1.06.05.2.02.0001: target 2026 `119540 Orang`, target 2027 `118345` tanpa
  satuan.

Sebaiknya
  Tulis satuan yang sama di kedua tahun; jika indikatornya memang berubah, ubah juga teks
  indikatornya.",
    explain_en: "\
What it does
  In a table with targets for two years (T-C.33: plan year n and forward year n+1), for every
  row with a target in both years: the unit of year n must equal the unit of year n+1. The unit
  comes from the unit column, or from the target cell itself when it is written there
  (`120 Orang/Bulan`). Case, spacing and punctuation are ignored; `%` equals `Persen`. A unit
  present in one year and missing in the other is reported too. Every indicator row is checked
  on its own (including the continuation rows of a program with several indicators). Rows with
  a target in one year only are not checked (see F002); unreadable target cells are skipped
  (A001).

Why is this bad
  Two years' targets of one indicator can only be compared in the same unit. A unit that
  changes (Orang becomes Paket) or disappears is usually a typo or a shifted column, and makes
  the forward-year target meaningless.

Example
  Sub kegiatan 1.06.05.2.02.0001: 2026 target `119540 Orang`, 2027 target `118345` with no
  unit.

Use instead
  Write the same unit in both years; if the indicator really changes, change the indicator
  text too.",
    run,
};

/// The two years compared: (target role, unit role) of year n and of year n+1.
const YEARS: [(Role, Role); 2] = [
    (Role::TargetN, Role::SatuanN),
    (Role::TargetN1, Role::SatuanN1),
];

/// A readable target of one row for one year: value, unit, and the cell holding the unit
/// (the unit column when the table has one, else the target cell).
struct YearTarget {
    value: Decimal,
    unit: Option<String>,
    unit_pos: Pos,
    target_pos: Pos,
}

fn read(row: &TableRow, target_role: Role, unit_role: Role) -> Option<YearTarget> {
    let f = row.field(target_role)?;
    let (value, unit_in_cell) = match &f.parsed {
        Parsed::Target { value, unit } => (*value, unit.as_deref().cloned()),
        Parsed::Number { value, .. } => (*value, None),
        _ => return None,
    };
    let unit_field = row.field(unit_role);
    let unit = unit_field
        .and_then(|u| u.parsed.text())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .or(unit_in_cell);
    Some(YearTarget {
        value,
        unit,
        unit_pos: unit_field.map(|u| u.pos).unwrap_or(f.pos),
        target_pos: f.pos,
    })
}

fn run(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    let [(t0, u0), (t1, u1)] = YEARS;
    for t in &ctx.plan.tables {
        if !t.table.has(t0) || !t.table.has(t1) {
            continue;
        }
        let sheet = &t.table.sheet;
        let yl = |forward, en| {
            year_label(
                t,
                &[Role::TargetN, Role::SatuanN, Role::PaguN],
                &[Role::TargetN1, Role::SatuanN1, Role::PaguN1],
                forward,
                en,
            )
        };
        let (y0_id, y0_en) = (yl(false, false), yl(false, true));
        let (y1_id, y1_en) = (yl(true, false), yl(true, true));
        for n in &t.nodes {
            if n.level == Level::Total {
                continue;
            }
            for row in node_rows(t, n) {
                let (Some(a), Some(b)) = (read(row, t0, u0), read(row, t1, u1)) else {
                    continue;
                };
                match (&a.unit, &b.unit) {
                    (None, None) => {}
                    (Some(x), Some(y)) if same_unit(x, y) => {}
                    (Some(x), Some(y)) => {
                        let ta = target_text(&a.value, a.unit.as_deref());
                        let tb = target_text(&b.value, b.unit.as_deref());
                        out.push(
                        Finding::new(
                            &RULE,
                            sheet,
                            b.unit_pos,
                            format!(
                                "{}: {}: satuan target berubah antar tahun — {}: {}, {}: {}",
                                t.table.kind,
                                label(n, false),
                                y0_id,
                                ta,
                                y1_id,
                                tb
                            ),
                            format!(
                                "{}: {}: the target's unit changes between years — {}: {}, {}: {}",
                                t.table.kind,
                                label(n, true),
                                y0_en,
                                ta,
                                y1_en,
                                tb
                            ),
                        )
                        .related([Related::new(sheet, a.unit_pos)])
                        .expected_found(x.clone(), y.clone()),
                        )
                    }
                    (Some(x), None) | (None, Some(x)) => {
                        // The year without a unit is the cell to fix.
                        let missing_in_forward = b.unit.is_none();
                        let (fix, other) = if missing_in_forward {
                            (&b, &a)
                        } else {
                            (&a, &b)
                        };
                        let (fix_id, fix_en, other_id, other_en) = if missing_in_forward {
                            (&y1_id, &y1_en, &y0_id, &y0_en)
                        } else {
                            (&y0_id, &y0_en, &y1_id, &y1_en)
                        };
                        let fix_text = target_text(&fix.value, None);
                        let other_text = target_text(&other.value, other.unit.as_deref());
                        out.push(
                            Finding::new(
                                &RULE,
                                sheet,
                                fix.unit_pos,
                                format!(
                                    "{}: {}: target {} `{}` tanpa satuan, sedangkan {}: {}",
                                    t.table.kind,
                                    label(n, false),
                                    fix_id,
                                    fix_text,
                                    other_id,
                                    other_text
                                ),
                                format!(
                                    "{}: {}: the {} target `{}` has no unit, while {}: {}",
                                    t.table.kind,
                                    label(n, true),
                                    fix_en,
                                    fix_text,
                                    other_en,
                                    other_text
                                ),
                            )
                            .related(
                                [Related::new(sheet, other.unit_pos)].into_iter().chain(
                                    (fix.unit_pos != fix.target_pos)
                                        .then(|| Related::new(sheet, fix.target_pos)),
                                ),
                            )
                            .expected_found(x.clone(), "(kosong)"),
                        );
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::util::testkit::{TC33, run, sheet};

    type Row = [&'static str; 12];

    fn r33(
        code: &'static str,
        name: &'static str,
        t_n: &'static str,
        s_n: &'static str,
        t_n1: &'static str,
        s_n1: &'static str,
    ) -> Row {
        [
            code,
            name,
            "Ind",
            "Tenggarong",
            t_n,
            s_n,
            "100.000.000",
            "APBD",
            "",
            t_n1,
            s_n1,
            "100.000.000",
        ]
    }

    fn consistent() -> Vec<Row> {
        vec![
            r33(
                "1.06.05",
                "PROGRAM PERLINDUNGAN",
                "80",
                "%",
                "100",
                "Persen",
            ),
            r33(
                "1.06.05.2.02",
                "Pengelolaan Data",
                "100",
                "Persen",
                "100",
                "persen",
            ),
            r33(
                "1.06.05.2.02.01",
                "Pendataan Fakir Miskin",
                "119540",
                "Orang",
                "118345",
                "Orang",
            ),
            r33(
                "1.06.05.2.02.04",
                "Fasilitasi Bantuan",
                "30",
                "Orang/Bulan",
                "50",
                "orang / bulan",
            ),
            // A target in one year only: not compared here.
            r33(
                "1.06.05.2.02.06",
                "Fasilitasi Bansos",
                "",
                "",
                "500",
                "Orang",
            ),
        ]
    }

    #[test]
    fn silent_when_units_agree_after_folding() {
        let f = run(&RULE, vec![sheet("T-C.33", &[], TC33, &consistent())]);
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn fires_when_the_unit_changes() {
        let mut rows = consistent();
        rows[3][10] = "Paket";
        let f = run(&RULE, vec![sheet("T-C.33", &[], TC33, &rows)]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].cell, "K5");
        assert_eq!(f[0].expected.as_deref(), Some("Orang/Bulan"));
        assert_eq!(f[0].found.as_deref(), Some("Paket"));
        assert_eq!(f[0].related[0].cell, "F5");
    }

    #[test]
    fn fires_when_the_forward_year_has_no_unit() {
        let mut rows = consistent();
        rows[2][10] = "";
        let f = run(&RULE, vec![sheet("T-C.33", &[], TC33, &rows)]);
        assert_eq!(f.len(), 1, "{f:?}");
        let x = &f[0];
        assert_eq!(x.cell, "K4");
        assert_eq!(x.expected.as_deref(), Some("Orang"));
        assert_eq!(x.found.as_deref(), Some("(kosong)"));
        assert!(
            x.message_id.contains("`118.345` tanpa satuan"),
            "{}",
            x.message_id
        );
        let rel: Vec<String> = x.related.iter().map(|r| r.cell.a1()).collect();
        assert_eq!(rel, ["F4", "J4"]);
    }

    #[test]
    fn units_inside_the_target_cells() {
        // Format B: no unit columns, `target unit` in one cell.
        let header: &[&str] = &[
            "Kode",
            "Program/Kegiatan",
            "Indikator",
            "Rencana Target",
            "Rencana Pagu",
            "Prakiraan Maju Target",
            "Prakiraan Maju Pagu",
        ];
        let rows: Vec<[&'static str; 7]> = vec![
            [
                "1.06.07",
                "PROGRAM TAMAN MAKAM",
                "Ind",
                "100 Persen",
                "3.500",
                "100 %",
                "325",
            ],
            [
                "1.06.07.2.01",
                "Pemeliharaan",
                "Ind",
                "91 Makam",
                "3.500",
                "2 Unit",
                "325",
            ],
            [
                "1.06.07.2.01.02",
                "Pemeliharaan TMP",
                "Ind",
                "119540 Orang",
                "3.500",
                "118345",
                "325",
            ],
        ];
        let f = run(&RULE, vec![sheet("Rencana", &[], header, &rows)]);
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
        assert_eq!(got, [("F3", "Makam", "Unit"), ("F4", "Orang", "(kosong)")]);
    }
}
