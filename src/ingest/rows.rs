//! Reading a located table's rows into typed fields, and where a table ends.
//!
//! Under the header band found by [`super::locate`], each row is read cell by cell for its
//! column's type ([`parse_cell`]); a repeat of the header (printed at every page), a repeat of
//! the number row and page furniture (`Lembar : 2`) are skipped and recorded. The table ends at
//! the next table's title or header, a signature block (`Kepala …`, `NIP …`, a place and date),
//! rows after the closing total and a gap, a block of sparse text after a gap, or the rows a
//! form puts under its grid (E.81's mean capaian and predikat, read as the table's footer).

use super::cell::{Pos, Value};
use super::code::{Code, code_cell_text};
use super::locate::{
    ColumnMap, Field, FooterRow, LocatedTable, Match, Parsed, TableRow, Unreadable, best_band,
    header_like,
};
use super::number::{decimal_from_f64, parse_id_number, split_target};
use super::numbering::{NumberRow, number_row};
use super::rules::{ColumnType, TableDef, TableRules, holds_word, normalize, starts_with_word};
use super::workbook::Sheet;
use rust_decimal::Decimal;
use std::borrow::Cow;

/// Reads one cell for a column type.
pub(super) fn parse_cell(value: &Value, ty: ColumnType, thousands: bool) -> Parsed {
    if let Value::Error(e) = value {
        return Parsed::Error(e.clone());
    }
    if value.is_empty() {
        return Parsed::Blank;
    }
    // The cell's text, trimmed: borrowed from a text cell, made for other cells only when asked
    // (a number read as a figure never needs it).
    let text = || -> Cow<'_, str> {
        match value {
            Value::Text(t) => Cow::Borrowed(t.trim()),
            v => Cow::Owned(v.display().trim().to_string()),
        }
    };
    // A number's display has digits: only a text cell can be a dash.
    let dash = || matches!(value, Value::Text(t) if t.trim().chars().all(|c| c == '-' || c == '–'));
    match ty {
        // A text needing no trim is the cell's own text, shared rather than copied.
        ColumnType::Text | ColumnType::Unit => Parsed::Text(match value {
            Value::Text(t) if t.trim().len() == t.len() => t.clone(),
            _ => text().into(),
        }),
        ColumnType::Code => match value {
            Value::Number(_) => Code::parse(&code_cell_text(value)),
            _ => Code::parse(&text()),
        }
        .map(Parsed::Code)
        .unwrap_or_else(|e| Parsed::unparsed(text().into_owned(), Unreadable::Code(e))),
        ColumnType::Amount | ColumnType::Number | ColumnType::Count => {
            if dash() {
                return Parsed::Blank;
            }
            let num = match value {
                Value::Number(n) => decimal_from_f64(*n).map(|d| (d, false)),
                _ => parse_id_number(&text()).map(|n| (n.value, n.percent)),
            };
            // No plan figure comes near 10^18 (a national budget is ~10^15 rupiah); bounding
            // every number here keeps every later sum, ratio and scale exact and panic-free.
            let limit = Decimal::from(1_000_000_000_000_000_000i64);
            if let Some((d, _)) = num
                && (d.abs() > limit || (thousands && d.abs() > limit / Decimal::from(1000)))
            {
                return Parsed::unparsed(text().into_owned(), Unreadable::OutOfRange);
            }
            match num {
                Some((d, _)) if ty == ColumnType::Amount => Parsed::Amount(if thousands {
                    d * Decimal::from(1000)
                } else {
                    d
                }),
                Some((value, percent)) => Parsed::Number { value, percent },
                None => Parsed::unparsed(text().into_owned(), Unreadable::NotANumber),
            }
        }
        ColumnType::Target => {
            if dash() {
                return Parsed::Blank;
            }
            let t = match value {
                Value::Number(n) => decimal_from_f64(*n).map(|d| (d, None)),
                _ => split_target(&text()),
            };
            match t {
                Some((value, _)) if value.abs() > Decimal::from(1_000_000_000_000_000_000i64) => {
                    Parsed::unparsed(text().into_owned(), Unreadable::OutOfRange)
                }
                Some((value, unit)) => Parsed::Target {
                    value,
                    unit: unit.map(Box::new),
                },
                None => Parsed::unparsed(text().into_owned(), Unreadable::TargetWithoutNumber),
            }
        }
    }
}

pub(super) fn row_norm_texts(sheet: &Sheet, row: u32) -> Vec<(u32, String)> {
    row_norm_texts_in(sheet, row, |_| true)
}

/// [`row_norm_texts`] of the columns `keep` keeps.
fn row_norm_texts_in(sheet: &Sheet, row: u32, keep: impl Fn(u32) -> bool) -> Vec<(u32, String)> {
    sheet
        .row_cells(row)
        .iter()
        .filter(|(c, cell)| !cell.value.is_empty() && keep(*c))
        .map(|(c, cell)| (*c, norm_text(&cell.value)))
        .collect()
}

/// A cell's text as shown, normalised.
fn norm_text(v: &Value) -> String {
    match v {
        Value::Text(t) => normalize(t),
        v => normalize(&v.display()),
    }
}

/// A row that closes the table above it whatever follows: the title of another table
/// (`Tabel T-C.30`, `Formulir E.81`) or a line of a signature block (`Kepala Dinas …`,
/// `NIP. 1970…`, `Tenggarong, 12 Januari 2026`, `Mengetahui`). Such rows hold a few text cells
/// and no number cell.
pub(super) fn closing_row(sheet: &Sheet, row: u32) -> bool {
    let filled = sheet
        .row_cells(row)
        .iter()
        .map(|(_, c)| &c.value)
        .filter(|v| !v.is_empty());
    let count = filled.clone().count();
    if count == 0 || count > 4 || filled.clone().any(|v| matches!(v, Value::Number(_))) {
        return false;
    }
    let sparse = count <= 2;
    filled.into_iter().any(|v| {
        let raw = match v {
            Value::Text(t) => std::borrow::Cow::Borrowed(&**t),
            v => std::borrow::Cow::Owned(v.display()),
        };
        let t = normalize(&raw);
        let starts = |w: &str| starts_with_word(&t, w);
        starts("tabel")
            || starts("formulir")
            || t.starts_with("form e ")
            || t.split(' ').any(|w| w == "t")
                && t.contains(" c ")
                && t.split(' ')
                    .any(|w| w.len() == 2 && w.chars().all(|c| c.is_ascii_digit()))
                && t.split(' ').count() <= 4
            || starts("nip")
            || [
                "mengetahui",
                "menyetujui",
                "disusun oleh",
                "dibuat oleh",
                "dievaluasi oleh",
                "ditetapkan di",
            ]
            .iter()
            .any(|w| starts(w))
            || sparse && (starts("kepala") || starts("plt kepala") || starts("plh kepala"))
            || sparse && place_and_date(&raw)
    })
}

/// `Tenggarong, 12 Januari 2026`: a place, a comma, a day, an Indonesian month and a year.
pub(super) fn place_and_date(raw: &str) -> bool {
    const MONTHS: [&str; 12] = [
        "januari",
        "februari",
        "maret",
        "april",
        "mei",
        "juni",
        "juli",
        "agustus",
        "september",
        "oktober",
        "november",
        "desember",
    ];
    let Some((_, date)) = raw.split_once(',') else {
        return false;
    };
    let words: Vec<String> = normalize(date).split(' ').map(str::to_string).collect();
    words.iter().any(|w| MONTHS.contains(&w.as_str()))
        && words
            .iter()
            .any(|w| w.len() == 4 && w.parse::<i32>().is_ok_and(|y| (1990..=2100).contains(&y)))
}

/// The footer label of `def` that a row starts with (its first filled cell), if any.
pub(super) fn footer_key<'a>(sheet: &Sheet, row: u32, def: &'a TableDef) -> Option<(&'a str, Pos)> {
    if def.footer.is_empty() {
        return None;
    }
    let (col, cell) = sheet
        .row_cells(row)
        .iter()
        .find(|(_, c)| !c.value.is_empty())?;
    let Value::Text(t) = &cell.value else {
        return None;
    };
    let t = normalize(t);
    def.footer
        .iter()
        .filter(|k| t == **k || t.starts_with(&format!("{k} ")))
        .max_by_key(|k| k.len())
        .map(|k| (k.as_str(), Pos::new(row, *col)))
}

/// The footer rows from `from` on: each labelled row with the first filled cell right of its
/// label; stops at another table's title or the end of the sheet (at most 20 rows looked at).
pub(super) fn read_footer(sheet: &Sheet, from: usize, def: &TableDef) -> Vec<FooterRow> {
    let mut out = Vec::new();
    for (r, cells) in sheet.rows[from..].iter().take(20) {
        if let Some((key, label_pos)) = footer_key(sheet, *r, def) {
            let value = cells
                .iter()
                .find(|(c, v)| *c > label_pos.col && !v.value.is_empty())
                .map(|(c, v)| (Pos::new(*r, *c), v.value.clone()));
            out.push(FooterRow {
                key: key.to_string(),
                label_pos,
                value,
            });
        } else if closing_row(sheet, *r) && out.is_empty() {
            break;
        }
    }
    out
}

/// A row of a few text cells and no number cell (a title, a note, a signature line).
pub(super) fn sparse_text_row(sheet: &Sheet, row: u32) -> bool {
    let cells = sheet.row_cells(row);
    let filled = cells.iter().filter(|(_, c)| !c.value.is_empty()).count();
    filled > 0
        && filled <= 3
        && cells
            .iter()
            .all(|(_, c)| !matches!(c.value, Value::Number(_) | Value::Error(_)))
}

pub(super) fn read_table(
    sheet: &Sheet,
    start: u32,
    height: u32,
    m: Match<'_>,
    nr: Option<NumberRow>,
    title: Vec<String>,
    rules: &TableRules,
) -> LocatedTable {
    let header_end = start + height - 1;
    let first_col = m.columns.iter().map(|c| c.col).min().unwrap_or(0);
    let last_col = m.columns.iter().map(|c| c.col).max().unwrap_or(0);
    let header_first = row_norm_texts(sheet, start);
    let data_start = header_end.max(nr.as_ref().map(|n| n.row).unwrap_or(0)) + 1;
    let repeats_header = |texts: &[(u32, String)]| {
        let same = texts.iter().filter(|t| header_first.contains(t)).count();
        !header_first.is_empty() && same * 10 >= header_first.len() * 6 && same >= 2
    };
    // After a blank gap, a block of sparse text rows running to the end of the sheet, to a
    // signature or title line, or to another table's header is not data: it is a title block,
    // a note or a signature.
    let trailing_text = |from: usize| -> bool {
        for (k, (r, _)) in sheet.rows[from..].iter().enumerate().take(12) {
            let r = *r;
            if k > 0 && closing_row(sheet, r) {
                return true;
            }
            if header_like(sheet, r) && k > 0 {
                if repeats_header(&row_norm_texts(sheet, r)) {
                    return false;
                }
                if best_band(sheet, r, "", rules).0.is_some() {
                    return true;
                }
            }
            if !sparse_text_row(sheet, r) {
                return false;
            }
        }
        sheet.rows.len() - from <= 12
    };
    let mut rows = Vec::new();
    let mut skipped = Vec::new();
    let mut last_row = header_end;
    let mut prev_row: Option<u32> = None;
    let mut after_total = false;
    let mut footer = Vec::new();
    let mut i = sheet.row_index_from(data_start);
    while i < sheet.rows.len() {
        let row = sheet.rows[i].0;
        let gap = prev_row.is_some_and(|p| row > p + 1) || (prev_row.is_none() && row > data_start);
        prev_row = Some(row);
        // The row's texts, normalised, are needed to tell a repeated header (enough text cells
        // under the header's own columns) and page furniture (text only); a data row with a
        // number and too few texts for a repeat is spared the work (most rows of a table).
        let cells = sheet.row_cells(row);
        let has_number = cells
            .iter()
            .any(|(_, c)| matches!(c.value, Value::Number(_)));
        let under_header = cells
            .iter()
            .filter(|(c, v)| {
                matches!(v.value, Value::Text(_)) && header_first.iter().any(|(h, _)| h == c)
            })
            .count();
        let could_repeat = under_header >= 2 && under_header * 10 >= header_first.len() * 6;
        // The row's texts, normalised, all of them where a repeat is likely; on a row without
        // numbers only those under the header's own columns, the only ones a repeat can match
        // (page furniture below reads the others one by one, stopping at the first that is not).
        let texts = if could_repeat {
            row_norm_texts(sheet, row)
        } else if !has_number {
            row_norm_texts_in(sheet, row, |c| header_first.iter().any(|(h, _)| *h == c))
        } else {
            Vec::new()
        };
        // A repeat of the header: the same texts in the same columns as the header's first row.
        if repeats_header(&texts) {
            let mut skip_to = row + height;
            if number_row(sheet, skip_to).is_some() {
                skip_to += 1;
            }
            skipped.push((row, "header diulang (repeated header)".to_string()));
            last_row = skip_to - 1;
            prev_row = Some(last_row);
            i = sheet.row_index_from(skip_to);
            continue;
        }
        // A repeat of the number row alone (printed at a page break).
        if nr.is_some() && number_row(sheet, row).is_some() {
            skipped.push((row, "nomor kolom diulang (repeated number row)".to_string()));
            last_row = row;
            i += 1;
            continue;
        }
        // The end of the table: the rows under it that the form names (E.81's mean capaian),
        // another table's title, a signature block, rows after the closing total and a gap, or
        // a text block after a gap.
        if footer_key(sheet, row, m.def).is_some() {
            footer = read_footer(sheet, i, m.def);
            break;
        }
        if closing_row(sheet, row) || (gap && after_total) || (gap && trailing_text(i)) {
            break;
        }
        // A new table's header ends this one.
        if header_like(sheet, row) && row > data_start {
            let (best, _) = best_band(sheet, row, "", rules);
            if best.is_some() {
                break;
            }
        }
        // Page furniture: every text on the row names a page or the office.
        let noise = |t: &str| {
            rules
                .settings
                .noise
                .iter()
                .any(|n| t.starts_with(n.as_str()) || holds_word(t, n, false))
        };
        let furniture = if could_repeat {
            !texts.is_empty() && texts.iter().all(|(_, t)| noise(t))
        } else if !has_number {
            let mut filled = cells.iter().filter(|(_, c)| !c.value.is_empty()).peekable();
            filled.peek().is_some() && filled.all(|(_, c)| noise(&norm_text(&c.value)))
        } else {
            false
        };
        if furniture {
            skipped.push((row, "baris halaman (page furniture)".to_string()));
            last_row = row;
            i += 1;
            continue;
        }
        let mut fields: Vec<Field> = Vec::with_capacity(m.columns.len());
        for cm in &m.columns {
            if cm.ty == ColumnType::Code {
                continue;
            }
            let pos = Pos::new(row, cm.col);
            let value = sheet.value(pos);
            let parsed = parse_cell(value, cm.ty, cm.thousands);
            // A text or target role written over several columns, one per level (the name of a
            // program in one column, of a kegiatan in the next): one field, the cell that holds
            // the value.
            if matches!(
                cm.ty,
                ColumnType::Text | ColumnType::Target | ColumnType::Unit
            ) && let Some(f) = fields.iter_mut().find(|f| f.role == cm.role)
            {
                // A target merged over its value and its unit (`Target capaian kinerja` over
                // `3 | Dokumen`): the unit joins the value.
                if let (Parsed::Target { unit: u @ None, .. }, Parsed::Unparsed(un)) =
                    (&mut f.parsed, &parsed)
                    && un.text.chars().any(char::is_alphabetic)
                    && un.text.chars().count() <= 40
                {
                    *u = Some(Box::new(un.text.trim().to_string()));
                    continue;
                }
                let better = match (&f.parsed, &parsed) {
                    (Parsed::Blank, p) => !p.is_blank(),
                    // A figure outranks text in a target role (a `Tolok Ukur` text beside it).
                    (Parsed::Unparsed(_), Parsed::Target { .. }) => true,
                    _ => false,
                };
                if better {
                    *f = Field::from_cell(cm.role, cm.year, pos, parsed);
                }
                continue;
            }
            fields.push(Field::from_cell(cm.role, cm.year, pos, parsed));
        }
        // Code columns (one or several) make one field.
        let code_cols: Vec<&ColumnMap> = m
            .columns
            .iter()
            .filter(|c| c.ty == ColumnType::Code)
            .collect();
        if !code_cols.is_empty() {
            let cells: Vec<(Pos, &Value)> = code_cols
                .iter()
                .map(|c| (Pos::new(row, c.col), sheet.value(Pos::new(row, c.col))))
                .filter(|(_, v)| !v.is_empty())
                .collect();
            let role = code_cols[0].role;
            fields.push(match cells.as_slice() {
                [] => Field::from_cell(role, None, Pos::new(row, code_cols[0].col), Parsed::Blank),
                [(pos, v)] => {
                    let parsed = Code::parse(code_cell_text(v).trim())
                        .map(Parsed::Code)
                        .unwrap_or_else(|e| Parsed::unparsed(v.display(), Unreadable::Code(e)));
                    Field::from_cell(role, None, *pos, parsed)
                }
                _ => {
                    let parts: Vec<String> = cells.iter().map(|(_, v)| code_cell_text(v)).collect();
                    // The cells as written, for a code that does not read.
                    let raw = || {
                        cells
                            .iter()
                            .map(|(_, v)| v.display())
                            .collect::<Vec<_>>()
                            .join(" | ")
                    };
                    let parsed = Code::from_split(&parts)
                        .map(Parsed::Code)
                        .unwrap_or_else(|e| Parsed::unparsed(raw(), Unreadable::Code(e)));
                    Field::made(role, None, cells[0].0, parsed)
                }
            });
        }
        if fields.iter().all(|f| f.parsed.is_blank()) {
            // Content only outside the table's columns: not a row of this table.
            i += 1;
            continue;
        }
        last_row = row;
        // The first filled cell's text (the first of `texts` when they were all read).
        let first_text = cells
            .iter()
            .find(|(_, c)| !c.value.is_empty())
            .map(|(_, c)| norm_text(&c.value));
        after_total = first_text.is_some_and(|t| {
            rules
                .settings
                .total_words
                .iter()
                .any(|w| starts_with_word(&t, w))
        });
        fields.shrink_to_fit();
        rows.push(TableRow { row, fields });
        i += 1;
    }
    rows.shrink_to_fit();
    LocatedTable {
        kind: m.def.kind,
        sheet: sheet.name.clone(),
        header_start: start,
        header_end,
        first_col,
        last_col,
        last_row,
        columns: m.columns,
        title,
        rows,
        skipped,
        number_row: nr.map(|n| n.row),
        label_mismatches: m.mismatches,
        footer,
    }
}
