//! C001 `realisation-rate-mismatch`: T-C.29 column 8 differs from (7/6)×100.
//!
//! The T-C.29 reading and number-showing helpers it shares with C002–C004, F001 and F004 are in
//! [`super::realisation`].

use super::realisation::{
    Slot, cell_subject, fmt_pct, fmt_shown, ratio_pct, ratio_should, slot, tolerance, within,
};
use super::{Context, Finding, Related, Rule, Severity};
use crate::ingest::kind::TableKind;
use crate::ingest::role::Role;

pub static RULE: Rule = Rule {
    code: "C001",
    name: "realisation-rate-mismatch",
    family: 'C',
    severity: Severity::Error,
    summary_id: "Kolom 8 T-C.29 tidak sama dengan (7/6)×100",
    summary_en: "T-C.29 column 8 differs from (7/6)×100",
    explain_id: "\
Apa yang diperiksa
  Pada tabel T-C.29 (evaluasi Renja tahun lalu), kolom 8 \"Tingkat Realisasi (%)\" harus sama
  dengan (kolom 7 realisasi Renja ÷ kolom 6 target Renja) × 100, dihitung dari angka yang
  tertulis. Toleransi: setengah satuan digit terakhir yang ditampilkan (0,005 untuk dua
  desimal, nilai `tolerance.percent` di rules.toml; lebih longgar hanya bila sel menampilkan
  lebih sedikit desimal). Sel berformat persen (0,98 tampil 98%) dibaca sebagai 98. Bila
  kolom 6 kosong atau nol, atau kolom 7 kosong, tidak ada yang dibandingkan. Kolom 8 yang
  kosong padahal kolom 6 dan 7 terisi dilaporkan (kosong bukan nol). Baris indikator lanjutan
  (indikator kedua sebuah program pada baris berikutnya) diperiksa sendiri-sendiri; baris yang
  sama yang muncul dua kali diperiksa masing-masing. Sel yang bukan angka dilewati (lihat A001).

Mengapa ini masalah
  Kolom 8 adalah kolom turunan: bila tidak sesuai dengan kolom 6 dan 7, salah satu angka
  diketik ulang tanpa diperbarui, dan penilaian kinerja tahun lalu menjadi keliru.

Contoh
  Target Renja 2024 = 1.468, realisasi = 1.439, tingkat realisasi tertulis 89,02; seharusnya
  1.439 ÷ 1.468 × 100 = 98,02.

Sebaiknya
  Isi kolom 8 dengan rumus =ROUND(K/J*100;2) atas sel kolom 7 dan 6 pada baris yang sama,
  atau perbaiki target/realisasinya bila kolom 8 yang benar.",
    explain_en: "\
What it does
  In table T-C.29 (evaluation of last year's Renja), column 8 \"Tingkat Realisasi (%)\" must
  equal (column 7 Renja realisation ÷ column 6 Renja target) × 100, computed from the values
  as written. Tolerance: half a unit of the last shown digit (0.005 for two decimals, the
  `tolerance.percent` value of rules.toml; wider only when the cell shows fewer decimals).
  Percent-formatted cells (0.98 shown as 98%) are read as 98. When column 6 is blank or zero,
  or column 7 is blank, there is nothing to compare. A blank column 8 next to filled columns 6
  and 7 is reported (blank is not zero). Continuation rows (a program's second indicator on
  the next row) are checked on their own; a row repeated verbatim is checked each time. Cells
  that are not numbers are skipped (A001 reports them).

Why is this bad
  Column 8 is derived: when it disagrees with columns 6 and 7, one of them was retyped and
  not updated, and last year's performance is assessed on a wrong figure.

Example
  Renja target 2024 = 1,468, realisation = 1,439, realisation rate written 89,02; it should
  be 1,439 ÷ 1,468 × 100 = 98,02.

Use instead
  Make column 8 a formula =ROUND(K/J*100,2) over columns 7 and 6 of the same row, or correct
  the target / realisation if column 8 is the right one.",
    run,
};

// ---------------------------------------------------------------------------------------------

fn run(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for (_, t) in ctx.plan.tables_of(TableKind::TC29) {
        let sheet = &t.table.sheet;
        for (ri, row) in t.table.rows.iter().enumerate() {
            let (Some(k6), Some(k7)) = (
                slot(ctx, t, row, Role::K6).num(),
                slot(ctx, t, row, Role::K7).num(),
            ) else {
                continue;
            };
            let Some(exact) = ratio_pct(k7.value, k6.value) else {
                continue; // k6 zero: no rate
            };
            let (pos, found, found_en, tol, decimals) = match slot(ctx, t, row, Role::K8) {
                Slot::Num(k8) => {
                    let tol = tolerance(ctx, k8.decimals);
                    if within(k8.value, exact, tol) {
                        continue;
                    }
                    (k8.pos, fmt_shown(&k8), fmt_shown(&k8), tol, k8.decimals)
                }
                Slot::Blank(pos) => (
                    pos,
                    "(kosong)".to_string(),
                    "(blank)".to_string(),
                    ctx.config.tolerance.percent,
                    2,
                ),
                Slot::Absent | Slot::Unreadable => continue,
            };
            let expected = fmt_pct(exact, decimals);
            out.push(
                Finding::new(
                    &RULE,
                    sheet,
                    pos,
                    format!(
                        "{} tertulis {}, seharusnya {}",
                        cell_subject(t, ri, Role::K8, Some(8), false),
                        found,
                        ratio_should((7, 6), &k7, &k6, &expected, tol, false),
                    ),
                    format!(
                        "{} says {}, should be {}",
                        cell_subject(t, ri, Role::K8, Some(8), true),
                        found_en,
                        ratio_should((7, 6), &k7, &k6, &expected, tol, true),
                    ),
                )
                .related([Related::new(sheet, k7.pos), Related::new(sheet, k6.pos)])
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
    use crate::ingest::cell::{Cell, Value};
    use crate::ingest::workbook::Sheet;

    type Row = [&'static str; 11];

    fn rows(k8_kegiatan: &'static str) -> Vec<Row> {
        vec![
            [
                "1.06.04",
                "PROGRAM REHABILITASI SOSIAL",
                "Persentase PMKS terlayani",
                "100",
                "100",
                "100",
                "100",
                "100,00",
                "100",
                "100",
                "100,00",
            ],
            [
                "1.06.04.2.01",
                "Rehabilitasi Sosial Dasar",
                "Terpenuhinya pelayanan PMKS",
                "7650",
                "5568",
                "1468",
                "1439",
                k8_kegiatan,
                "1250",
                "8257",
                "107,93",
            ],
            // Continuation row: a second indicator of the kegiatan, its own figures.
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
            // Target zero: nothing to compare.
            [
                "1.06.04.2.02",
                "Rehabilitasi Lainnya",
                "Jumlah",
                "10",
                "0",
                "0",
                "5",
                "",
                "0",
                "5",
                "50,00",
            ],
        ]
    }

    #[test]
    fn fires_on_a_wrong_rate() {
        let f = run(&RULE, vec![sheet("T-C.29", &[], TC29, &rows("89,02"))]);
        assert_eq!(f.len(), 1, "{f:?}");
        let x = &f[0];
        assert_eq!(x.cell, "H3");
        assert_eq!(x.expected.as_deref(), Some("98,02"));
        assert_eq!(x.found.as_deref(), Some("89,02"));
        let rel: Vec<String> = x.related.iter().map(|r| r.cell.a1()).collect();
        assert_eq!(rel, ["G3", "F3"]);
        assert!(x.message_en.contains("1.06.04.2.01"), "{}", x.message_en);
        assert!(x.message_en.contains("column 8"), "{}", x.message_en);
    }

    #[test]
    fn silent_on_consistent_rows_rounded_to_two_decimals() {
        // 1439/1468 = 98,0245… shown 98,02; 97/96,6 = 100,414… shown 100,41.
        let f = run(&RULE, vec![sheet("T-C.29", &[], TC29, &rows("98,02"))]);
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn off_by_more_than_half_a_unit_fires() {
        let f = run(&RULE, vec![sheet("T-C.29", &[], TC29, &rows("98,03"))]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].expected.as_deref(), Some("98,02"));
    }

    #[test]
    fn blank_rate_with_target_and_realisation_is_reported() {
        let f = run(&RULE, vec![sheet("T-C.29", &[], TC29, &rows(""))]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].cell, "H3");
        assert_eq!(f[0].found.as_deref(), Some("(kosong)"));
        assert_eq!(f[0].expected.as_deref(), Some("98,02"));
    }

    #[test]
    fn text_in_the_rate_cell_is_left_to_a001() {
        let f = run(&RULE, vec![sheet("T-C.29", &[], TC29, &rows("tercapai"))]);
        assert!(f.is_empty(), "{f:?}");
    }

    /// A T-C.29 whose rate column is a number cell with the given value and format.
    fn numeric_sheet(k8: f64, format: &str) -> Sheet {
        let mut cells = Vec::new();
        let mut formats = Vec::new();
        for (c, h) in TC29.iter().enumerate() {
            cells.push((0, c as u32, Cell::new(Value::Text((*h).into()))));
        }
        let row: [(u32, Value, Option<&str>); 10] = [
            (0, Value::Text("1.06.04.2.01".into()), None),
            (1, Value::Text("Rehabilitasi".into()), None),
            (2, Value::Text("Jumlah layanan".into()), None),
            (3, Value::Number(7650.0), Some("#,##0")),
            (4, Value::Number(5568.0), Some("#,##0")),
            (5, Value::Number(1468.0), Some("#,##0")),
            (6, Value::Number(1439.0), Some("#,##0")),
            (7, Value::Number(k8), Some(format)),
            (8, Value::Number(1250.0), Some("#,##0")),
            (9, Value::Number(8257.0), Some("#,##0")),
        ];
        for (c, v, fmt) in row {
            cells.push((1, c, Cell::new(v)));
            if let Some(f) = fmt {
                formats.push((
                    crate::ingest::cell::Pos::new(1, c),
                    std::sync::Arc::new(f.to_string()),
                ));
            }
        }
        Sheet::from_cells("T-C.29", cells, vec![]).with_formats(formats)
    }

    #[test]
    fn percent_formatted_cell_is_read_as_percent() {
        // =K2/J2 formatted 0.00%: 0.980245… shown 98,02%.
        let f = run(&RULE, vec![numeric_sheet(1439.0 / 1468.0, "0.00%")]);
        assert!(f.is_empty(), "{f:?}");
        let f = run(&RULE, vec![numeric_sheet(0.8902, "0.00%")]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].found.as_deref(), Some("89,02"));
        assert_eq!(f[0].expected.as_deref(), Some("98,02"));
    }

    #[test]
    fn a_rate_shown_without_decimals_is_compared_to_half_a_unit() {
        // 98,0245 shown `98` (format 0): within 0,5.
        let f = run(&RULE, vec![numeric_sheet(98.0, "0")]);
        assert!(f.is_empty(), "{f:?}");
        let f = run(&RULE, vec![numeric_sheet(97.0, "0")]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].expected.as_deref(), Some("98,02"));
        assert_eq!(f[0].found.as_deref(), Some("97"));
    }
}
