//! The annotated copy of an .xls or .ods workbook (or anything that is not an .xlsx package):
//! rebuilt cell by cell with rust_xlsxwriter from what calamine read, because there is no
//! package to patch. Kept: sheet names and order, every value at its address (numbers with
//! their number format, text, booleans, dates, formulas with their cached result) and merged
//! ranges. calamine gives no look (bold, fills, borders) of an .xls or .ods cell, so the copy
//! has none; column widths are estimated. The findings sheet says the copy is rebuilt.

use super::note_text;
use super::patch::{TEMUAN_WIDTHS, TemuanSheet};
use super::severity_color;
use crate::checks::{Finding, Severity};
use crate::ingest::cell::{Pos, Value};
use crate::ingest::workbook::{Sheet, Workbook as InWorkbook};
use rust_xlsxwriter::{
    Color, Format, FormatBorder, Formula, Note, Url, Workbook, Worksheet, XlsxError,
};
use std::collections::{BTreeMap, HashMap};

/// A cell's look: number format and severity fill.
type Look = (Option<String>, Option<Severity>);

struct FormatCache {
    cache: HashMap<Look, Format>,
}

impl FormatCache {
    /// The format of a cell: its number format as in the input, and the severity fill when a
    /// finding sits on it.
    fn get(&mut self, num_format: Option<&str>, sev: Option<Severity>) -> &Format {
        self.cache
            .entry((num_format.map(str::to_string), sev))
            .or_insert_with(|| {
                let mut f = Format::new();
                if let Some(n) = num_format {
                    f = f.set_num_format(n);
                }
                if let Some(s) = sev {
                    f = f
                        .set_background_color(Color::RGB(severity_color(s)))
                        .set_border(FormatBorder::Thin)
                        .set_border_color(Color::RGB(0x808080));
                }
                f
            })
    }
}

fn write_cell(
    ws: &mut Worksheet,
    pos: Pos,
    cell: &crate::ingest::cell::Cell,
    formula: Option<&str>,
    fmt: &Format,
) -> Result<(), XlsxError> {
    let (r, c) = (pos.row, pos.col as u16);
    if let Some(formula) = formula {
        let f = Formula::new(format!("={}", formula.trim_start_matches('=')))
            .set_result(cell.value.display());
        ws.write_formula_with_format(r, c, f, fmt)?;
        return Ok(());
    }
    match &cell.value {
        Value::Empty => {
            ws.write_blank(r, c, fmt)?;
        }
        Value::Number(n) => {
            ws.write_number_with_format(r, c, *n, fmt)?;
        }
        Value::DateTime(n) => {
            ws.write_number_with_format(r, c, *n, fmt)?;
        }
        Value::Text(t) => {
            ws.write_string_with_format(r, c, &**t, fmt)?;
        }
        Value::Bool(b) => {
            ws.write_boolean_with_format(r, c, *b, fmt)?;
        }
        Value::Error(e) => {
            // An error value can only be written as a formula that yields it.
            let f = Formula::new(format!("={e}")).set_result(e.clone());
            ws.write_formula_with_format(r, c, f, fmt)?;
        }
    }
    Ok(())
}

/// The number format to write a cell with: its own, or a date format for a date without one.
fn date_format<'a>(
    sheet: &'a Sheet,
    pos: Pos,
    cell: &crate::ingest::cell::Cell,
) -> Option<&'a str> {
    match (&cell.value, sheet.format(pos)) {
        (_, Some(f)) => Some(f),
        (Value::DateTime(_), None) => Some("yyyy-mm-dd"),
        _ => None,
    }
}

fn copy_sheet(
    ws: &mut Worksheet,
    sheet: &Sheet,
    findings: &[&Finding],
    formats: &mut FormatCache,
    en: bool,
) -> Result<(), XlsxError> {
    ws.set_name(&sheet.name)?;
    let mut by_cell: BTreeMap<Pos, Vec<&Finding>> = BTreeMap::new();
    for f in findings {
        by_cell.entry(f.pos()).or_default().push(f);
    }
    let worst = |pos: Pos| {
        by_cell
            .get(&pos)
            .and_then(|v| v.iter().map(|f| f.severity).min())
    };
    // Merged ranges first (their first cell is rewritten with its real type below).
    let mut widest: HashMap<u32, usize> = HashMap::new();
    for (a, b) in &sheet.merges {
        if a == b {
            continue;
        }
        let cell = sheet.get(*a);
        let text = cell.map(|c| c.value.display()).unwrap_or_default();
        let nf = cell.and_then(|c| date_format(sheet, *a, c));
        let fmt = formats.get(nf, worst(*a)).clone();
        ws.merge_range(a.row, a.col as u16, b.row, b.col as u16, &text, &fmt)?;
    }
    for (row, cells) in &sheet.rows {
        for (col, cell) in cells {
            let pos = Pos::new(*row, *col);
            if let Some((a, _)) = sheet.merge_at(pos)
                && a != pos
            {
                continue; // hidden under a merge
            }
            let fmt = formats
                .get(date_format(sheet, pos, cell), worst(pos))
                .clone();
            write_cell(ws, pos, cell, sheet.formula(pos), &fmt)?;
            let len = cell.value.display().chars().count();
            let w = widest.entry(*col).or_insert(0);
            *w = (*w).max(len.min(60));
        }
    }
    // Findings on cells that are empty in the input still get their fill.
    for pos in by_cell.keys() {
        if sheet.get(*pos).is_none() && sheet.merge_at(*pos).is_none_or(|(a, _)| a == *pos) {
            let fmt = formats.get(None, worst(*pos)).clone();
            ws.write_blank(pos.row, pos.col as u16, &fmt)?;
        }
    }
    for (pos, fs) in &by_cell {
        let note = Note::new(note_text(fs, en))
            .set_author("selaras")
            .set_width(420)
            .set_height(220);
        ws.insert_note(pos.row, pos.col as u16, &note)?;
    }
    // Printed like a planner prints a plan table: landscape, all columns on the page width.
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    // calamine gives no column widths: approximate from the longest value, like a reader would.
    let width_of = |col: u32| {
        widest
            .get(&col)
            .map(|w| (*w as f64 * 0.9 + 2.0).clamp(6.0, 50.0))
            .unwrap_or(8.43)
    };
    for col in widest.keys() {
        ws.set_column_width(*col as u16, width_of(*col))?;
    }
    Ok(())
}

fn findings_sheet(ws: &mut Worksheet, name: &str, t: &TemuanSheet) -> Result<(), XlsxError> {
    ws.set_name(name)?;
    let bold = Format::new().set_bold();
    let head = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xD9E1F2))
        .set_border(FormatBorder::Thin);
    let link_fmt = Format::new()
        .set_font_color(Color::Blue)
        .set_underline(rust_xlsxwriter::FormatUnderline::Single);
    let fill = |c: u32| Format::new().set_background_color(Color::RGB(c));
    if let Some(n) = &t.notice {
        ws.write_string_with_format(0, 0, n, &bold)?;
    }
    let r0 = t.counts_row();
    ws.write_string_with_format(r0, 0, &t.counts_title, &bold)?;
    for (i, c) in t.counts.iter().enumerate() {
        let r = r0 + 1 + i as u32;
        ws.write_string_with_format(r, 0, &c.label, &fill(c.fill))?;
        ws.write_string(r, 1, &c.rule)?;
        ws.write_number(r, 2, c.count as f64)?;
        ws.write_string(r, 4, &c.summary)?;
    }
    ws.write_string_with_format(t.total_row(), 1, &t.total_label, &bold)?;
    ws.write_number_with_format(t.total_row(), 2, t.total as f64, &bold)?;
    let header_row = t.header_row();
    for (c, h) in t.headers.iter().enumerate() {
        ws.write_string_with_format(header_row, c as u16, h, &head)?;
    }
    for (i, f) in t.rows.iter().enumerate() {
        let row = header_row + 1 + i as u32;
        ws.write_string_with_format(row, 0, &f.label, &fill(f.fill))?;
        ws.write_string(row, 1, &f.rule)?;
        ws.write_string(row, 2, &f.sheet)?;
        ws.write_url_with_format(
            row,
            3,
            Url::new(format!(
                "internal:'{}'!{}",
                f.sheet.replace('\'', "''"),
                f.cell
            ))
            .set_text(&f.cell),
            &link_fmt,
        )?;
        ws.write_string(row, 4, &f.message)?;
        ws.write_string(row, 5, &f.expected)?;
        ws.write_string(row, 6, &f.found)?;
        ws.write_string(row, 7, &f.related)?;
    }
    ws.autofilter(header_row, 0, t.last_row(), 7)?;
    ws.set_freeze_panes(header_row + 1, 0)?;
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    for (c, width) in TEMUAN_WIDTHS.iter().enumerate() {
        ws.set_column_width(c as u16, *width)?;
    }
    Ok(())
}

/// Builds the annotated workbook in memory from what calamine read.
pub fn rebuild(
    input: &InWorkbook,
    findings: &[Finding],
    temuan: &TemuanSheet,
    en: bool,
) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let name = temuan.unique_name(input.sheets.iter().map(|s| s.name.as_str()));
    findings_sheet(wb.add_worksheet(), &name, temuan)?;
    let mut formats = FormatCache {
        cache: HashMap::new(),
    };
    for sheet in &input.sheets {
        let fs: Vec<&Finding> = findings.iter().filter(|f| f.sheet == sheet.name).collect();
        copy_sheet(wb.add_worksheet(), sheet, &fs, &mut formats, en)?;
    }
    wb.save_to_buffer()
}
