//! C003 `renstra-achievement-mismatch`: T-C.29 column 11 differs from (10/4)×100.

use super::realisation::{
    Slot, cell_subject, fmt_pct, fmt_shown, half_unit, ratio_pct, ratio_should, slot, tolerance,
    within,
};
use super::{Context, Finding, Related, Rule, Severity};
use crate::ingest::kind::TableKind;
use crate::ingest::role::Role;
use rust_decimal::Decimal;

pub static RULE: Rule = Rule {
    code: "C003",
    name: "renstra-achievement-mismatch",
    family: 'C',
    severity: Severity::Error,
    summary_id: "Kolom 11 T-C.29 tidak sama dengan (10/4)×100",
    summary_en: "T-C.29 column 11 differs from (10/4)×100",
    explain_id: "\
Apa yang diperiksa
  Pada tabel T-C.29, kolom 11 \"Tingkat capaian realisasi target Renstra (%)\" harus sama
  dengan (kolom 10 realisasi s/d tahun berjalan ÷ kolom 4 target Renstra) × 100, dihitung
  dari angka kolom 10 yang tertulis (kesalahan kolom 10 sendiri dilaporkan oleh C002).
  Toleransi: setengah satuan digit terakhir kolom 11 (0,005 untuk dua desimal,
  `tolerance.percent`), ditambah pembulatan kolom 10 yang terbawa ke hasil bagi bila kolom 10
  ditampilkan dengan desimal (setengah satuan digit terakhirnya × 100 ÷ kolom 4). Sel berformat
  persen dibaca sebagai persen (0,98 = 98). Bila kolom 4 kosong atau nol, atau kolom 10 kosong,
  tidak ada yang dibandingkan. Kolom 11 yang kosong padahal kolom 4 dan 10 terisi dilaporkan.
  Baris indikator lanjutan diperiksa sendiri-sendiri; sel yang bukan angka dilewati (A001).

Mengapa ini masalah
  Kolom 11 adalah angka yang dibaca orang tentang pencapaian Renstra. Bila tidak sesuai dengan
  kolom 10 dan 4, kategori capaian dan kesimpulan evaluasi menjadi salah.

Contoh
  Nilai SAKIP: target Renstra 84, kolom 10 = 85,00, kolom 11 tertulis 80,31; seharusnya
  85,00 ÷ 84 × 100 = 101,19 (80,31 adalah kolom 7 ÷ kolom 4).

Sebaiknya
  Isi kolom 11 dengan rumus =ROUND(N/H*100;2) atas kolom 10 dan 4 pada baris yang sama.",
    explain_en: "\
What it does
  In table T-C.29, column 11 \"Renstra target achievement (%)\" must equal (column 10
  realisation up to the current year ÷ column 4 Renstra target) × 100, computed from column 10
  as written (column 10's own mistakes are C002's). Tolerance: half a unit of column 11's last
  shown digit (0.005 for two decimals, `tolerance.percent`), plus column 10's rounding carried
  into the ratio when column 10 shows decimals (half a unit of its last digit × 100 ÷ column
  4). Percent-formatted cells are read as percentages (0.98 = 98). When column 4 is blank or
  zero, or column 10 is blank, there is nothing to compare. A blank column 11 next to filled
  columns 4 and 10 is reported. Continuation rows are checked on their own; cells that are not
  numbers are skipped (A001).

Why is this bad
  Column 11 is the figure people read about the Renstra achievement. When it disagrees with
  columns 10 and 4, the achievement category and the evaluation's conclusion are wrong.

Example
  Nilai SAKIP: Renstra target 84, column 10 = 85,00, column 11 says 80,31; it should be
  85,00 ÷ 84 × 100 = 101,19 (80,31 is column 7 ÷ column 4).

Use instead
  Make column 11 a formula =ROUND(N/H*100,2) over columns 10 and 4 of the same row.",
    run,
};

fn run(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for (_, t) in ctx.plan.tables_of(TableKind::TC29) {
        let sheet = &t.table.sheet;
        for (ri, row) in t.table.rows.iter().enumerate() {
            let (Some(k4), Some(k10)) = (
                slot(ctx, t, row, Role::K4).num(),
                slot(ctx, t, row, Role::K10).num(),
            ) else {
                continue;
            };
            let Some(exact) = ratio_pct(k10.value, k4.value) else {
                continue;
            };
            // Column 10 shown rounded carries its rounding into the ratio.
            let carried = if k10.decimals > 0 {
                (half_unit(k10.decimals) * Decimal::ONE_HUNDRED)
                    .checked_div(k4.value.abs())
                    .unwrap_or(Decimal::ZERO)
            } else {
                Decimal::ZERO
            };
            let (pos, found, found_en, tol, decimals, found_v) = match slot(ctx, t, row, Role::K11)
            {
                Slot::Num(k11) => {
                    let tol = tolerance(ctx, k11.decimals) + carried;
                    if within(k11.value, exact, tol) {
                        continue;
                    }
                    (
                        k11.pos,
                        fmt_shown(&k11),
                        fmt_shown(&k11),
                        tol,
                        k11.decimals,
                        Some(k11.value),
                    )
                }
                Slot::Blank(pos) => (
                    pos,
                    "(kosong)".to_string(),
                    "(blank)".to_string(),
                    ctx.config.tolerance.percent + carried,
                    2,
                    None,
                ),
                Slot::Absent | Slot::Unreadable => continue,
            };
            let expected = fmt_pct(exact, decimals);
            // A common slip: column 11 computed from column 7 instead of 10.
            let from_k7 = match (slot(ctx, t, row, Role::K7).num(), found_v) {
                (Some(k7), Some(v)) => ratio_pct(k7.value, k4.value)
                    .is_some_and(|r| within(r, v, tolerance(ctx, decimals))),
                _ => false,
            };
            let (hint_id, hint_en) = if from_k7 {
                (
                    "; nilai tertulis sama dengan (kolom 7 ÷ kolom 4) × 100",
                    "; the written value equals (column 7 ÷ column 4) × 100",
                )
            } else {
                ("", "")
            };
            out.push(
                Finding::new(
                    &RULE,
                    sheet,
                    pos,
                    format!(
                        "{} tertulis {}, seharusnya {}{}",
                        cell_subject(t, ri, Role::K11, Some(11), false),
                        found,
                        ratio_should((10, 4), &k10, &k4, &expected, tol, false),
                        hint_id
                    ),
                    format!(
                        "{} says {}, should be {}{}",
                        cell_subject(t, ri, Role::K11, Some(11), true),
                        found_en,
                        ratio_should((10, 4), &k10, &k4, &expected, tol, true),
                        hint_en
                    ),
                )
                .related([Related::new(sheet, k10.pos), Related::new(sheet, k4.pos)])
                .expected_found(expected, found),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::util::testkit::{TC29, run, sheet};

    type Row = [&'static str; 11];

    fn rows(sakip_k11: &'static str) -> Vec<Row> {
        vec![
            [
                "1.06.01",
                "PROGRAM PENUNJANG",
                "Nilai SAKIP Perangkat Daerah",
                "84",
                "92,45",
                "81",
                "67,46",
                "83,28",
                "82",
                "85,00",
                sakip_k11,
            ],
            // 96,33 ÷ 99 = 97,303…; the sheet computed 97,31 from the unrounded 96,333…
            [
                "",
                "",
                "Presentase PMKS yang memperoleh layanan",
                "99",
                "94",
                "96,6",
                "97",
                "100,41",
                "98",
                "96,33",
                "97,31",
            ],
            [
                "1.06.04.2.01",
                "Rehabilitasi Sosial Dasar",
                "Terpenuhinya pelayanan PMKS",
                "7650",
                "5568",
                "1468",
                "1439",
                "98,02",
                "1250",
                "8257",
                "107,93",
            ],
        ]
    }

    #[test]
    fn fires_when_column_11_is_not_10_over_4() {
        let f = run(&RULE, vec![sheet("T-C.29", &[], TC29, &rows("80,31"))]);
        assert_eq!(f.len(), 1, "{f:?}");
        let x = &f[0];
        assert_eq!(x.cell, "K2");
        assert_eq!(x.expected.as_deref(), Some("101,19"));
        assert_eq!(x.found.as_deref(), Some("80,31"));
        let rel: Vec<String> = x.related.iter().map(|r| r.cell.a1()).collect();
        assert_eq!(rel, ["J2", "D2"]);
        assert!(
            x.message_en.contains("(column 7 ÷ column 4)"),
            "{}",
            x.message_en
        );
    }

    #[test]
    fn silent_on_consistent_rows_including_carried_rounding() {
        let f = run(&RULE, vec![sheet("T-C.29", &[], TC29, &rows("101,19"))]);
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn blank_column_11_is_reported() {
        let f = run(&RULE, vec![sheet("T-C.29", &[], TC29, &rows(""))]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].found.as_deref(), Some("(kosong)"));
        assert_eq!(f[0].expected.as_deref(), Some("101,19"));
    }

    #[test]
    fn zero_renstra_target_is_skipped() {
        let r: Vec<Row> = vec![[
            "1.06.01.2.01",
            "Perencanaan",
            "Jumlah Dokumen",
            "0",
            "28",
            "6",
            "6",
            "100,00",
            "2",
            "36",
            "90,00",
        ]];
        let f = run(&RULE, vec![sheet("T-C.29", &[], TC29, &r)]);
        assert!(f.is_empty(), "{f:?}");
    }
}
