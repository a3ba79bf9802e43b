//! Reading and showing the numbers of the realisation tables, shared by the T-C.29 rules
//! (C001–C004, F001, F004) and the E.81 rules (C005–C008, E008, F010–F013):
//!
//! - reading a row's percentage, target or realisation cell as a `Slot` (absent, blank, a
//!   number, unreadable) and a number cell the way it is shown (`Shown`: percent-formatted
//!   cells scaled to percent, the number of decimals shown);
//! - writing a value back the way the sheet shows it (`fmt_shown`, `fmt_dec`, `fmt_pct`)
//!   and naming a row, a column and a cell in messages (`cell_subject`);
//! - the stated percent tolerance (`tolerance`: `tolerance.percent` of rules.toml, or half a
//!   unit of the last shown digit) and the comparisons made with it (`within`, `ratio_pct`);
//! - the achievement category of a percentage (`category`, Permendagri 86/2017), used by C004
//!   on T-C.29 and by C007, C008 and the E.81 summary.

use super::Context;
use super::util::label;
use crate::ingest::cell::{Pos, Value};
use crate::ingest::locate::{Field, Parsed, TableRow};
use crate::ingest::number::format_id;
use crate::ingest::role::Role;
use crate::model::plan::TableModel;
use rust_decimal::{Decimal, RoundingStrategy};

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
    shown_at(ctx, sheet, &f.parsed, f.pos)
}

/// Reads the value parsed from the cell at `pos` as the number it shows (a cell outside any
/// column, such as the figure of a footer row).
pub(crate) fn shown_at(ctx: &Context, sheet: &str, parsed: &Parsed, pos: Pos) -> Option<Shown> {
    let (value, percent_written, unit_percent) = match parsed {
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
    let sheet = ctx
        .ingested
        .workbook
        .sheets
        .iter()
        .find(|s| s.name == sheet);
    match sheet.and_then(|s| s.get(pos).map(|c| (s, c))) {
        Some((s, c)) if matches!(c.value, Value::Number(_)) => {
            let (decimals, pct_format) = s.format(pos).map(format_shape).unwrap_or((None, false));
            let value = if pct_format {
                value.checked_mul(Decimal::ONE_HUNDRED)?
            } else {
                value
            };
            Some(Shown {
                value,
                decimals: decimals.unwrap_or_else(|| value.normalize().scale()),
                percent: pct_format || unit_percent,
                pos,
            })
        }
        _ => Some(Shown {
            value,
            // Text is parsed exactly: the scale is the number of decimals written.
            decimals: value.scale(),
            percent: percent_written || unit_percent,
            pos,
        }),
    }
}

/// The cell of `role` on a row.
pub(crate) fn slot(ctx: &Context, t: &TableModel, row: &TableRow, role: Role) -> Slot {
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
    [
        Role::Indikator,
        Role::RIndikator,
        Role::AIndikator,
        Role::Keluaran,
    ]
    .into_iter()
    .find_map(|r| row.text(r).map(str::trim).filter(|s| !s.is_empty()))
}

/// A column of the table in messages: `kolom 8 "Tingkat Realisasi (%)"` (the lowest header
/// piece, without its group).
pub(crate) fn column_name(t: &TableModel, role: Role, number: Option<u32>, en: bool) -> String {
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
    role: Role,
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

/// The achievement category of a percentage (Permendagri 86/2017 scale), with the boundaries
/// between whole numbers: `sangat tinggi` v ≥ 91, `tinggi` 76 ≤ v < 91, `sedang` 66 ≤ v < 76,
/// `rendah` 51 ≤ v < 66, `sangat rendah` v < 51.
pub fn category(v: Decimal) -> &'static str {
    if v >= Decimal::from(91) {
        "sangat tinggi"
    } else if v >= Decimal::from(76) {
        "tinggi"
    } else if v >= Decimal::from(66) {
        "sedang"
    } else if v >= Decimal::from(51) {
        "rendah"
    } else {
        "sangat rendah"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn category_boundaries() {
        for (v, c) in [
            ("112.07", "sangat tinggi"),
            ("91", "sangat tinggi"),
            ("90.99", "tinggi"),
            ("90.5", "tinggi"),
            ("76", "tinggi"),
            ("75.99", "sedang"),
            ("66", "sedang"),
            ("65.5", "rendah"),
            ("51", "rendah"),
            ("50.99", "sangat rendah"),
            ("50.5", "sangat rendah"),
            ("50", "sangat rendah"),
            ("0", "sangat rendah"),
        ] {
            assert_eq!(category(d(v)), c, "{v}");
        }
    }
}
