//! C001 `realisation-rate-mismatch`: T-C.29 column 8 differs from (7/6)×100.
//!
//! This file also holds the small T-C.29 helpers used by C002, C003, C004, F001 and F004 (same
//! owner): reading a number cell the way it is shown (percent-formatted cells scaled to percent,
//! the number of decimals shown), formatting a value with those decimals, and naming a row.

use super::util::label;
use super::{Context, Finding, Related, Rule, Severity};
use crate::ingest::cell::{Pos, Value};
use crate::ingest::locate::{Field, Parsed, TableRow};
use crate::ingest::number::format_id;
use crate::model::plan::TableModel;
use rust_decimal::{Decimal, RoundingStrategy};

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
// Helpers shared by the T-C.29 rules of this owner (C001–C004, F001, F004).

/// The table kind these rules read.
pub(crate) const TC29: &str = "T-C.29";

/// A number as shown in its cell.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Shown {
    /// The value, already ×100 for a percent-formatted number cell (0,98 shown `98%` → 98).
    pub value: Decimal,
    /// Decimals shown (from the number format, or the digits written).
    pub decimals: u32,
    /// Written or formatted as a percentage.
    pub percent: bool,
    pub pos: Pos,
}

/// What a role's cell on a row holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Slot {
    /// The table has no such column.
    Absent,
    Blank(Pos),
    Num(Shown),
    /// Text, an error or anything else that is not a number (A001 / A002 report it).
    Unreadable,
}

impl Slot {
    pub fn num(&self) -> Option<Shown> {
        match self {
            Slot::Num(s) => Some(*s),
            _ => None,
        }
    }
}

/// Decimals and percent sign of an Excel number format code (`#,##0.00`, `0.0%`).
fn format_shape(code: &str) -> (Option<u32>, bool) {
    let section = code.split(';').next().unwrap_or("");
    // Drop quoted literals, bracketed colours/conditions and escaped characters.
    let mut clean = String::new();
    let mut chars = section.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                for d in chars.by_ref() {
                    if d == '"' {
                        break;
                    }
                }
            }
            '[' => {
                for d in chars.by_ref() {
                    if d == ']' {
                        break;
                    }
                }
            }
            '\\' => {
                chars.next();
            }
            _ => clean.push(c),
        }
    }
    if clean.eq_ignore_ascii_case("general") || clean.trim().is_empty() {
        return (None, false);
    }
    let percent = clean.contains('%');
    let decimals = match clean.split_once('.') {
        Some((_, frac)) => frac
            .chars()
            .take_while(|c| matches!(c, '0' | '#' | '?'))
            .count() as u32,
        None => 0,
    };
    (Some(decimals), percent)
}

/// Reads a field as the number it shows.
pub(crate) fn shown(ctx: &Context, sheet: &str, f: &Field) -> Option<Shown> {
    let (value, percent_written, unit_percent) = match &f.parsed {
        Parsed::Number { value, percent } => (*value, *percent, false),
        Parsed::Amount(v) => (*v, false, false),
        Parsed::Target { value, unit } => (
            *value,
            false,
            unit.as_deref()
                .is_some_and(|u| super::util::same_unit(u, "%")),
        ),
        _ => return None,
    };
    let cell = ctx
        .ingested
        .workbook
        .sheets
        .iter()
        .find(|s| s.name == sheet)
        .and_then(|s| s.get(f.pos));
    match cell {
        Some(c) if matches!(c.value, Value::Number(_)) => {
            let (decimals, pct_format) = c
                .format
                .as_deref()
                .map(format_shape)
                .unwrap_or((None, false));
            let value = if pct_format {
                value.checked_mul(Decimal::ONE_HUNDRED)?
            } else {
                value
            };
            Some(Shown {
                value,
                decimals: decimals.unwrap_or_else(|| value.normalize().scale()),
                percent: pct_format || unit_percent,
                pos: f.pos,
            })
        }
        _ => Some(Shown {
            value,
            // Text is parsed exactly: the scale is the number of decimals written.
            decimals: value.scale(),
            percent: percent_written || unit_percent,
            pos: f.pos,
        }),
    }
}

/// The cell of `role` on a row.
pub(crate) fn slot(ctx: &Context, t: &TableModel, row: &TableRow, role: &str) -> Slot {
    if !t.table.has(role) {
        return Slot::Absent;
    }
    match row.field(role) {
        None => Slot::Absent,
        Some(f) if f.parsed.is_blank() => Slot::Blank(f.pos),
        Some(f) => shown(ctx, &t.table.sheet, f)
            .map(Slot::Num)
            .unwrap_or(Slot::Unreadable),
    }
}

/// Half a unit of the last of `decimals` shown digits: 2 → 0,005.
pub(crate) fn half_unit(decimals: u32) -> Decimal {
    Decimal::new(5, decimals.min(20) + 1)
}

/// Tolerance for a derived percentage shown with `decimals` decimals: the configured one
/// (0,005), or half a unit of the last shown digit when the cell shows fewer decimals.
pub(crate) fn tolerance(ctx: &Context, decimals: u32) -> Decimal {
    ctx.config.tolerance.percent.max(half_unit(decimals))
}

/// A value rounded half away from zero to `decimals` and written the Indonesian way with
/// exactly that many decimals: `101,19`, `90,00`, `12`.
pub(crate) fn fmt_dec(v: Decimal, decimals: u32) -> String {
    let r = v.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
    let s = format_id(&r);
    if decimals == 0 {
        return s;
    }
    let have = s.split_once(',').map(|(_, f)| f.len() as u32).unwrap_or(0);
    let mut out = s;
    if have == 0 {
        out.push(',');
    }
    for _ in have..decimals {
        out.push('0');
    }
    out
}

/// A shown value as written: its own decimals.
pub(crate) fn fmt_shown(s: &Shown) -> String {
    fmt_dec(s.value, s.decimals)
}

/// A derived percentage: two decimals, or more when the cell shows more.
pub(crate) fn fmt_pct(v: Decimal, shown_decimals: u32) -> String {
    fmt_dec(v, shown_decimals.max(2))
}

/// The row of a table in messages: the node it belongs to (a continuation row belongs to the
/// entity above it) and its indicator, or its sheet row when it is not in the hierarchy.
pub(crate) fn row_label(t: &TableModel, row_idx: usize, en: bool) -> String {
    let row = &t.table.rows[row_idx];
    let node = t
        .nodes
        .iter()
        .find(|n| n.row_idx == row_idx)
        .map(|n| (n, false))
        .or_else(|| {
            t.nodes
                .iter()
                .find(|n| n.extra_rows.contains(&row_idx))
                .map(|n| (n, true))
        });
    let mut out = match node {
        Some((n, false)) => label(n, en),
        Some((n, true)) => format!(
            "{} ({})",
            label(n, en),
            if en {
                "continuation row"
            } else {
                "baris lanjutan"
            }
        ),
        None => format!("{} {}", if en { "row" } else { "baris" }, row.row + 1),
    };
    if let Some(ind) = indicator(row) {
        let mut s: String = ind.chars().take(60).collect();
        if ind.chars().count() > 60 {
            s.push('…');
        }
        out.push_str(&format!(
            ", {} `{}`",
            if en { "indicator" } else { "indikator" },
            s
        ));
    }
    out
}

/// The indicator text of a row, trimmed, None when blank (`indikator`; in T-C.31 the draft's
/// or the analysis' indicator, in the proposal table the output).
pub(crate) fn indicator(row: &TableRow) -> Option<&str> {
    ["indikator", "r_indikator", "a_indikator", "keluaran"]
        .iter()
        .find_map(|r| row.text(r).map(str::trim).filter(|s| !s.is_empty()))
}

/// A column of the table in messages: `kolom 8 "Tingkat Realisasi (%)"` (the lowest header
/// piece, without its group).
pub(crate) fn column_name(t: &TableModel, role: &str, number: Option<u32>, en: bool) -> String {
    let header = t
        .table
        .column(role)
        .map(|c| {
            c.header
                .rsplit(" / ")
                .next()
                .unwrap_or("")
                .trim()
                .to_string()
        })
        .unwrap_or_default();
    let word = if en { "column" } else { "kolom" };
    match (number, header.is_empty()) {
        (Some(n), false) => format!("{word} {n} `{header}`"),
        (Some(n), true) => format!("{word} {n}"),
        (None, false) => format!("{word} `{header}`"),
        (None, true) => format!("{word} {role}"),
    }
}

/// The subject of a message about one cell of a row: `T-C.29: sub kegiatan … , indikator `…`
/// kolom 8 `Tingkat Realisasi (%)``.
pub(crate) fn cell_subject(
    t: &TableModel,
    row_idx: usize,
    role: &str,
    number: Option<u32>,
    en: bool,
) -> String {
    format!(
        "{}: {} {}",
        t.table.kind,
        row_label(t, row_idx, en),
        column_name(t, role, number, en)
    )
}

/// How a rate should read, for messages: `(kolom 7 ÷ kolom 6) × 100 = 1.439 ÷ 1.468 × 100 =
/// 98,02 (toleransi 0,005)`; `cols` are the numerator's and the denominator's column numbers.
pub(crate) fn ratio_should(
    cols: (u32, u32),
    num: &Shown,
    den: &Shown,
    expected: &str,
    tol: Decimal,
    en: bool,
) -> String {
    let (word, tol_word) = if en {
        ("column", "tolerance")
    } else {
        ("kolom", "toleransi")
    };
    format!(
        "({word} {} ÷ {word} {}) × 100 = {} ÷ {} × 100 = {} ({tol_word} {})",
        cols.0,
        cols.1,
        fmt_shown(num),
        fmt_shown(den),
        expected,
        format_id(&tol.round_dp(4).normalize())
    )
}

/// `|a − b| ≤ tol`, without overflow (values too far apart to subtract are not within).
pub(crate) fn within(a: Decimal, b: Decimal, tol: Decimal) -> bool {
    a.checked_sub(b).is_some_and(|d| d.abs() <= tol)
}

/// `(a / b) × 100`, None when b is zero.
pub(crate) fn ratio_pct(a: Decimal, b: Decimal) -> Option<Decimal> {
    if b.is_zero() {
        return None;
    }
    a.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(b)
}

// ---------------------------------------------------------------------------------------------

fn run(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for (_, t) in ctx.plan.tables_of(TC29) {
        let sheet = &t.table.sheet;
        for (ri, row) in t.table.rows.iter().enumerate() {
            let (Some(k6), Some(k7)) =
                (slot(ctx, t, row, "k6").num(), slot(ctx, t, row, "k7").num())
            else {
                continue;
            };
            let Some(exact) = ratio_pct(k7.value, k6.value) else {
                continue; // k6 zero: no rate
            };
            let (pos, found, found_en, tol, decimals) = match slot(ctx, t, row, "k8") {
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
                        cell_subject(t, ri, "k8", Some(8), false),
                        found,
                        ratio_should((7, 6), &k7, &k6, &expected, tol, false),
                    ),
                    format!(
                        "{} says {}, should be {}",
                        cell_subject(t, ri, "k8", Some(8), true),
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
    use crate::ingest::cell::Cell;
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
        let rel: Vec<&str> = x.related.iter().map(|r| r.cell.as_str()).collect();
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

    fn cell(v: Value, format: Option<&str>) -> Cell {
        Cell {
            value: v,
            format: format.map(std::sync::Arc::from),
            formula: None,
        }
    }

    /// A T-C.29 whose rate column is a number cell with the given value and format.
    fn numeric_sheet(k8: f64, format: &str) -> Sheet {
        let mut cells = Vec::new();
        for (c, h) in TC29.iter().enumerate() {
            cells.push((0, c as u32, cell(Value::Text(h.to_string()), None)));
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
            cells.push((1, c, cell(v, fmt)));
        }
        Sheet::from_cells("T-C.29", cells, vec![])
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

    #[test]
    fn format_shapes() {
        assert_eq!(format_shape("#,##0.00"), (Some(2), false));
        assert_eq!(format_shape("0.0%"), (Some(1), true));
        assert_eq!(format_shape("0%"), (Some(0), true));
        assert_eq!(format_shape("General"), (None, false));
        assert_eq!(format_shape("\"Rp\" #,##0;[Red]-#,##0"), (Some(0), false));
        assert_eq!(fmt_dec("90".parse().unwrap(), 2), "90,00");
        assert_eq!(fmt_dec("101.185".parse().unwrap(), 2), "101,19");
        assert_eq!(fmt_dec("8257".parse().unwrap(), 0), "8.257");
        assert_eq!(half_unit(2), "0.005".parse::<Decimal>().unwrap());
    }
}
