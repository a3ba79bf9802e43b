//! The annotated copy: the planner's own workbook with every finding's cell filled by severity
//! and a note on it, and a first sheet **Temuan** listing the findings with links to their
//! cells.
//!
//! An .xlsx/.xlsm input is patched ([`patch`]): its package is copied part by part and only
//! the styles, the marked cells, the notes and the new sheet are added, so everything the
//! planner made (widths, frozen panes, fonts, conditional formats, validation, images, charts,
//! print areas, their own notes, macros…) is kept. An .xls/.ods input has no package to patch
//! and is rebuilt from what calamine read ([`rebuild`]), which the findings sheet says.
//! The file is written to a temporary name in the output folder and renamed, so a crash never
//! leaves half a workbook.

pub mod patch;
pub mod rebuild;

use crate::checks::{Finding, RULES, Severity};
use crate::ingest::cell::Pos;
use crate::ingest::workbook::Workbook as InWorkbook;
pub use patch::{Mark, PatchError, TemuanCount, TemuanRow, TemuanSheet, patch_xlsx};
use std::collections::BTreeMap;
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
    rebuilt: &'static str,
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
    rebuilt: "Salinan ini dibangun ulang dari nilai sel (berkas .xls/.xlsb/.ods): format hanya perkiraan.",
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
    rebuilt: "This copy is rebuilt from the cell values (.xls/.xlsb/.ods file): formatting is approximate.",
};

/// The note text for all findings on one cell.
pub fn note_text(findings: &[&Finding], en: bool) -> String {
    let w = if en { &EN } else { &ID };
    findings
        .iter()
        .map(|f| {
            let mut s = format!("[{} {}] {}", f.rule, f.severity.label(en), f.message(en));
            if let (Some(e), Some(x)) = (f.expected_text(en), f.found_text(en)) {
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

/// The marks for the patcher: one per cell (a finding inside a merged range goes to the range's
/// first cell, the one that shows), filled by the worst severity, with all the cell's notes.
pub fn marks(wb: &InWorkbook, findings: &[Finding], en: bool) -> Vec<Mark> {
    let mut by_cell: BTreeMap<(&str, Pos), Vec<&Finding>> = BTreeMap::new();
    for f in findings {
        let mut pos = f.pos();
        if let Some(s) = wb.sheets.iter().find(|s| s.name == f.sheet)
            && let Some((a, _)) = s.merge_at(pos)
        {
            pos = a;
        }
        by_cell.entry((f.sheet.as_str(), pos)).or_default().push(f);
    }
    by_cell
        .into_iter()
        .map(|((sheet, pos), fs)| Mark {
            sheet: sheet.to_string(),
            row: pos.row,
            col: pos.col,
            fill: severity_color(
                fs.iter()
                    .map(|f| f.severity)
                    .min()
                    .unwrap_or(Severity::Info),
            ),
            note: note_text(&fs, en),
        })
        .collect()
}

/// What the findings sheet shows; `rebuilt` adds the line saying the copy is rebuilt.
pub fn temuan_sheet(findings: &[Finding], en: bool, rebuilt: bool) -> TemuanSheet {
    let w = if en { &EN } else { &ID };
    let mut counts: BTreeMap<(&str, Severity), usize> = BTreeMap::new();
    for f in findings {
        *counts.entry((f.rule, f.severity)).or_default() += 1;
    }
    TemuanSheet {
        name: w.sheet.to_string(),
        notice: rebuilt.then(|| w.rebuilt.to_string()),
        counts_title: w.counts.to_string(),
        counts: counts
            .into_iter()
            .map(|((rule, sev), n)| TemuanCount {
                label: sev.label(en).to_string(),
                fill: severity_color(sev),
                rule: rule.to_string(),
                count: n,
                summary: RULES
                    .iter()
                    .find(|x| x.code == rule)
                    .map(|x| x.summary(en))
                    .unwrap_or("")
                    .to_string(),
            })
            .collect(),
        total_label: w.total.to_string(),
        total: findings.len(),
        headers: [
            w.severity,
            w.rule,
            w.sheet_col,
            w.cell,
            w.message,
            w.expected,
            w.found,
            w.related,
        ]
        .map(str::to_string),
        rows: findings
            .iter()
            .map(|f| TemuanRow {
                label: f.severity.label(en).to_string(),
                fill: severity_color(f.severity),
                rule: f.rule.to_string(),
                sheet: f.sheet.clone(),
                cell: f.cell.a1(),
                message: f.message(en).to_string(),
                expected: f.expected_text(en).unwrap_or_default().to_string(),
                found: f.found_text(en).unwrap_or_default().to_string(),
                related: f
                    .related
                    .iter()
                    .map(|x| format!("{}!{}", x.sheet, x.cell))
                    .collect::<Vec<_>>()
                    .join(", "),
            })
            .collect(),
    }
}

/// Why the annotated copy could not be made.
#[derive(Debug)]
pub enum AnnotateError {
    /// The .xlsx/.xlsm package could not be patched (the part is named).
    Patch(PatchError),
    /// The rebuilt copy (.xls/.ods) could not be written.
    Rebuild(rust_xlsxwriter::XlsxError),
}

impl std::fmt::Display for AnnotateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AnnotateError::Patch(e) => write!(f, "{e}"),
            AnnotateError::Rebuild(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for AnnotateError {}

/// The annotated copy of the workbook whose file content is `input` and which was read as
/// `wb`: an .xlsx/.xlsm package is patched (everything the planner made is kept), anything
/// else is rebuilt from what was read.
pub fn annotated_bytes(
    input: &[u8],
    wb: &InWorkbook,
    findings: &[Finding],
    en: bool,
) -> Result<Vec<u8>, AnnotateError> {
    match prepare(input, wb, findings, en) {
        Prepared::Patch { marks, temuan } => {
            patch::patch_xlsx(input, &marks, &temuan).map_err(AnnotateError::Patch)
        }
        Prepared::Rebuilt(made) => made,
    }
}

/// What an annotated copy needs from the check, taken so that the check's cells and tables can
/// be let go before the copy is made: for an .xlsx package the marks and the findings sheet
/// (the copy is the input patched), otherwise the rebuilt workbook itself.
pub enum Prepared {
    Patch {
        marks: Vec<Mark>,
        temuan: Box<TemuanSheet>,
    },
    Rebuilt(Result<Vec<u8>, AnnotateError>),
}

pub fn prepare(input: &[u8], wb: &InWorkbook, findings: &[Finding], en: bool) -> Prepared {
    if patch::is_xlsx_package(input) {
        Prepared::Patch {
            marks: marks(wb, findings, en),
            temuan: Box::new(temuan_sheet(findings, en, false)),
        }
    } else {
        Prepared::Rebuilt(
            rebuild::rebuild(wb, findings, &temuan_sheet(findings, en, true), en)
                .map_err(AnnotateError::Rebuild),
        )
    }
}

impl Prepared {
    /// The annotated copy of `input` (the bytes [`prepare`] was given).
    pub fn finish(&self, input: &[u8]) -> Result<Vec<u8>, String> {
        match self {
            Prepared::Patch { marks, temuan } => {
                patch::patch_xlsx(input, marks, temuan).map_err(|e| e.to_string())
            }
            Prepared::Rebuilt(Ok(bytes)) => Ok(bytes.clone()),
            Prepared::Rebuilt(Err(e)) => Err(e.to_string()),
        }
    }
}

/// The output path for an input: `<out>/<stem>.selaras.xlsx` (`.xlsm` for an .xlsm or .xltm
/// input, whose copy keeps its macros and must have the extension Excel opens them with).
pub fn output_path(out_dir: &Path, input: &Path) -> PathBuf {
    let stem = input
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("workbook");
    let ext = match input.extension().and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case("xlsm") || e.eq_ignore_ascii_case("xltm") => "xlsm",
        _ => "xlsx",
    };
    out_dir.join(format!("{stem}.selaras.{ext}"))
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
