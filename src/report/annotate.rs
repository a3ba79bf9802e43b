//! The annotated copy: the planner's own workbook rebuilt cell by cell (rust_xlsxwriter cannot
//! edit a file), every finding's cell filled by severity with a note, and a first sheet
//! **Temuan** listing the findings with links to their cells.
//!
//! Kept from the input: sheet names and order, every value at its address (numbers with their
//! number format, text, booleans, dates, formulas with their cached result), merged ranges.
//! Not kept (calamine does not read them): column widths, row heights, fonts, borders, fills.
//! The file is written to a temporary name in the output folder and renamed, so a crash never
//! leaves half a workbook.

use crate::checks::{Finding, RULES, Severity};
use crate::ingest::cell::{Pos, Value, col_letters};
use crate::ingest::workbook::{CellStyle, Sheet, Workbook as InWorkbook};
use rust_xlsxwriter::{
    Color, Format, FormatBorder, Formula, Note, Url, Workbook, Worksheet, XlsxError,
};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// Fill colours by severity, from ColorBrewer's colour-blind-safe RdYlBu scheme.
pub fn severity_color(s: Severity) -> u32 {
    match s {
        Severity::Error => 0xF4A582,
        Severity::Warning => 0xFEE090,
        Severity::Info => 0xABD9E9,
    }
}

/// Words of the output in each language.
struct Words {
    sheet: &'static str,
    severity: &'static str,
    rule: &'static str,
    sheet_col: &'static str,
    cell: &'static str,
    message: &'static str,
    expected: &'static str,
    found: &'static str,
    related: &'static str,
    counts: &'static str,
    total: &'static str,
}

const ID: Words = Words {
    sheet: "Temuan",
    severity: "Tingkat",
    rule: "Aturan",
    sheet_col: "Lembar",
    cell: "Sel",
    message: "Pesan",
    expected: "Seharusnya",
    found: "Tertulis",
    related: "Sel terkait",
    counts: "Jumlah temuan per aturan",
    total: "Jumlah",
};

const EN: Words = Words {
    sheet: "Findings",
    severity: "Severity",
    rule: "Rule",
    sheet_col: "Sheet",
    cell: "Cell",
    message: "Message",
    expected: "Expected",
    found: "Found",
    related: "Related cells",
    counts: "Findings per rule",
    total: "Total",
};

/// `internal:'Sheet name'!A1` link target.
fn link(sheet: &str, cell: &str) -> String {
    format!("internal:'{}'!{}", sheet.replace('\'', "''"), cell)
}

/// The note text for all findings on one cell.
pub fn note_text(findings: &[&Finding], en: bool) -> String {
    let w = if en { &EN } else { &ID };
    findings
        .iter()
        .map(|f| {
            let mut s = format!("[{} {}] {}", f.rule, f.severity.label(en), f.message(en));
            if let (Some(e), Some(x)) = (&f.expected, &f.found) {
                s.push_str(&format!("\n{}: {}\n{}: {}", w.expected, e, w.found, x));
            }
            if !f.related.is_empty() {
                let rel: Vec<String> = f
                    .related
                    .iter()
                    .take(12)
                    .map(|r| format!("{}!{}", r.sheet, r.cell))
                    .collect();
                let more = if f.related.len() > 12 {
                    format!(" (+{})", f.related.len() - 12)
                } else {
                    String::new()
                };
                s.push_str(&format!("\n{}: {}{}", w.related, rel.join(", "), more));
            }
            s
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

struct FormatCache {
    cache: HashMap<(Option<String>, Option<Severity>, Option<CellStyle>), Format>,
}

impl FormatCache {
    /// The format of a cell: its number format and look as in the input, the severity fill
    /// (which wins over the planner's own fill) when a finding sits on it.
    fn get(
        &mut self,
        num_format: Option<&str>,
        sev: Option<Severity>,
        look: Option<CellStyle>,
    ) -> &Format {
        self.cache
            .entry((num_format.map(str::to_string), sev, look))
            .or_insert_with(|| {
                let mut f = Format::new();
                if let Some(n) = num_format {
                    f = f.set_num_format(n);
                }
                if let Some(l) = look {
                    if l.bold {
                        f = f.set_bold();
                    }
                    if l.italic {
                        f = f.set_italic();
                    }
                    if l.wrap {
                        f = f.set_text_wrap();
                    }
                    if l.border {
                        f = f.set_border(FormatBorder::Thin);
                    }
                    if let Some(c) = l.fill {
                        f = f.set_background_color(Color::RGB(c));
                    }
                    f = match l.align {
                        1 => f.set_align(rust_xlsxwriter::FormatAlign::Left),
                        2 => f.set_align(rust_xlsxwriter::FormatAlign::Center),
                        3 => f.set_align(rust_xlsxwriter::FormatAlign::Right),
                        _ => f,
                    };
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
    fmt: &Format,
) -> Result<(), XlsxError> {
    let (r, c) = (pos.row, pos.col as u16);
    if let Some(formula) = &cell.formula {
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
            ws.write_string_with_format(r, c, t, fmt)?;
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

fn date_format(cell: &crate::ingest::cell::Cell) -> Option<&str> {
    match (&cell.value, &cell.format) {
        (_, Some(f)) => Some(f.as_str()),
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
        let nf = cell.and_then(date_format);
        let fmt = formats.get(nf, worst(*a), sheet.style(*a)).clone();
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
                .get(date_format(cell), worst(pos), sheet.style(pos))
                .clone();
            write_cell(ws, pos, cell, &fmt)?;
            let len = cell.value.display().chars().count();
            let w = widest.entry(*col).or_insert(0);
            *w = (*w).max(len.min(60));
        }
    }
    // Findings on cells that are empty in the input still get their fill.
    for pos in by_cell.keys() {
        if sheet.get(*pos).is_none() && sheet.merge_at(*pos).is_none_or(|(a, _)| a == *pos) {
            let fmt = formats.get(None, worst(*pos), sheet.style(*pos)).clone();
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
    // Nor row heights: give a row with wrapped text the lines it needs, so nothing overlaps.
    for (row, cells) in &sheet.rows {
        let lines = cells
            .iter()
            .filter(|(c, _)| {
                sheet.style(Pos::new(*row, *c)).is_some_and(|s| s.wrap)
                    && sheet.merge_at(Pos::new(*row, *c)).is_none()
            })
            .map(|(c, cell)| {
                let text = cell.value.display();
                text.split('\n')
                    .map(|l| {
                        (l.chars().count() as f64 / (width_of(*c) * 1.1))
                            .ceil()
                            .max(1.0)
                    })
                    .sum::<f64>()
            })
            .fold(1.0f64, f64::max);
        if lines > 1.0 {
            ws.set_row_height(*row, (15.0 * lines).min(300.0))?;
        }
    }
    Ok(())
}

fn findings_sheet(
    ws: &mut Worksheet,
    name: &str,
    findings: &[Finding],
    en: bool,
) -> Result<(), XlsxError> {
    let w = if en { &EN } else { &ID };
    ws.set_name(name)?;
    let bold = Format::new().set_bold();
    let head = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xD9E1F2))
        .set_border(FormatBorder::Thin);
    let link_fmt = Format::new()
        .set_font_color(Color::Blue)
        .set_underline(rust_xlsxwriter::FormatUnderline::Single);
    // Counts per rule and severity at the top.
    ws.write_string_with_format(0, 0, w.counts, &bold)?;
    let mut counts: BTreeMap<(&str, Severity), usize> = BTreeMap::new();
    for f in findings {
        *counts.entry((f.rule, f.severity)).or_default() += 1;
    }
    let mut r = 1u32;
    for ((rule, sev), n) in &counts {
        let summary = RULES
            .iter()
            .find(|x| x.code == *rule)
            .map(|x| x.summary(en))
            .unwrap_or("");
        ws.write_string_with_format(
            r,
            0,
            sev.label(en),
            &Format::new().set_background_color(Color::RGB(severity_color(*sev))),
        )?;
        ws.write_string(r, 1, *rule)?;
        ws.write_number(r, 2, *n as f64)?;
        ws.write_string(r, 4, summary)?;
        r += 1;
    }
    ws.write_string_with_format(r, 1, w.total, &bold)?;
    ws.write_number_with_format(r, 2, findings.len() as f64, &bold)?;
    r += 2;
    let header_row = r;
    let cols = [
        w.severity,
        w.rule,
        w.sheet_col,
        w.cell,
        w.message,
        w.expected,
        w.found,
        w.related,
    ];
    for (c, h) in cols.iter().enumerate() {
        ws.write_string_with_format(header_row, c as u16, *h, &head)?;
    }
    for (i, f) in findings.iter().enumerate() {
        let row = header_row + 1 + i as u32;
        ws.write_string_with_format(
            row,
            0,
            f.severity.label(en),
            &Format::new().set_background_color(Color::RGB(severity_color(f.severity))),
        )?;
        ws.write_string(row, 1, f.rule)?;
        ws.write_string(row, 2, &f.sheet)?;
        ws.write_url_with_format(
            row,
            3,
            Url::new(link(&f.sheet, &f.cell)).set_text(&f.cell),
            &link_fmt,
        )?;
        ws.write_string(row, 4, f.message(en))?;
        ws.write_string(row, 5, f.expected.as_deref().unwrap_or(""))?;
        ws.write_string(row, 6, f.found.as_deref().unwrap_or(""))?;
        let rel: Vec<String> = f
            .related
            .iter()
            .map(|x| format!("{}!{}", x.sheet, x.cell))
            .collect();
        ws.write_string(row, 7, rel.join(", "))?;
    }
    let last = header_row + findings.len() as u32;
    ws.autofilter(header_row, 0, last.max(header_row), (cols.len() - 1) as u16)?;
    ws.set_freeze_panes(header_row + 1, 0)?;
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    for (c, width) in [12.0, 8.0, 18.0, 8.0, 80.0, 22.0, 22.0, 40.0]
        .iter()
        .enumerate()
    {
        ws.set_column_width(c as u16, *width)?;
    }
    let _ = col_letters(0);
    Ok(())
}

/// Builds the annotated workbook in memory.
pub fn annotated_bytes(
    input: &InWorkbook,
    findings: &[Finding],
    en: bool,
) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let w = if en { &EN } else { &ID };
    let mut name = w.sheet.to_string();
    while input
        .sheets
        .iter()
        .any(|s| s.name.eq_ignore_ascii_case(&name))
    {
        name.push_str(" selaras");
    }
    findings_sheet(wb.add_worksheet(), &name, findings, en)?;
    let mut formats = FormatCache {
        cache: HashMap::new(),
    };
    for sheet in &input.sheets {
        let fs: Vec<&Finding> = findings.iter().filter(|f| f.sheet == sheet.name).collect();
        copy_sheet(wb.add_worksheet(), sheet, &fs, &mut formats, en)?;
    }
    wb.save_to_buffer()
}

/// The output path for an input: `<out>/<stem>.selaras.xlsx`.
pub fn output_path(out_dir: &Path, input: &Path) -> PathBuf {
    let stem = input
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("workbook");
    out_dir.join(format!("{stem}.selaras.xlsx"))
}

/// Writes `bytes` to `path` whole or not at all: a temporary file in the same folder, renamed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        path.file_name().and_then(|s| s.to_str()).unwrap_or("out"),
        std::process::id()
    ));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}
