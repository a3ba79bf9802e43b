//! The terminal report: one miette diagnostic per finding — rule code, severity, message, the
//! row rendered as a short snippet with the cell marked, help from the rule's summary — then a
//! summary line per file.

use crate::checks::{Finding, RULES, Severity};
use crate::ingest::cell::col_letters;
use crate::ingest::workbook::Workbook;
use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic, NamedSource, Report,
};

/// The row of a finding as text, `B12 Penyusunan … │ H12 150000000 │ …`, and the byte span of
/// the finding's cell in it.
pub fn row_snippet(wb: &Workbook, f: &Finding) -> (String, (usize, usize)) {
    let pos = f.pos();
    let Some(sheet) = wb.sheets.iter().find(|s| s.name == f.sheet) else {
        return (format!("{}!{}", f.sheet, f.cell), (0, 0));
    };
    let mut text = String::new();
    let mut span = (0, 0);
    let cells = sheet.row_cells(pos.row);
    let mut shown: Vec<(u32, String)> = cells
        .iter()
        .map(|(c, cell)| {
            // Numbers as the planner reads them: 67,46 and 15.387.210.499.
            let v = match &cell.value {
                crate::ingest::cell::Value::Number(n) => {
                    crate::ingest::number::decimal_from_f64(*n)
                        .map(|d| crate::ingest::number::format_id(&d))
                        .unwrap_or_else(|| cell.value.display())
                }
                other => other.display(),
            }
            .replace(['\n', '\r'], " ");
            let short: String = v.chars().take(28).collect();
            (
                *c,
                if v.chars().count() > 28 {
                    format!("{short}…")
                } else {
                    short
                },
            )
        })
        .collect();
    if !shown.iter().any(|(c, _)| *c == pos.col) {
        shown.push((pos.col, "(kosong)".to_string()));
        shown.sort_by_key(|(c, _)| *c);
    }
    // Keep the snippet short: the cells around the finding's cell.
    let at = shown.iter().position(|(c, _)| *c == pos.col).unwrap_or(0);
    let lo = at.saturating_sub(3);
    let hi = (at + 4).min(shown.len());
    for (i, (c, v)) in shown[lo..hi].iter().enumerate() {
        if i > 0 {
            text.push_str(" │ ");
        }
        let addr = format!("{}{}", col_letters(*c), pos.row + 1);
        text.push_str(&addr);
        text.push(' ');
        if *c == pos.col {
            span = (text.len(), v.len().max(1));
        }
        text.push_str(v);
    }
    (text, span)
}

fn severity(s: Severity) -> miette::Severity {
    match s {
        Severity::Error => miette::Severity::Error,
        Severity::Warning => miette::Severity::Warning,
        Severity::Info => miette::Severity::Advice,
    }
}

/// Renders one finding as a miette diagnostic.
pub fn render_finding(wb: &Workbook, f: &Finding, en: bool, color: bool) -> String {
    let (text, (start, len)) = row_snippet(wb, f);
    let label = match (f.expected_text(en), f.found_text(en)) {
        (Some(e), Some(x)) if en => format!("expected {e}, found {x}"),
        (Some(e), Some(x)) => format!("seharusnya {e}, tertulis {x}"),
        _ => f.cell.a1(),
    };
    let help = RULES.iter().find(|r| r.code == f.rule).map(|r| {
        let more = if en { "details" } else { "penjelasan" };
        format!("{} ({more}: selaras explain {})", r.summary(en), r.code)
    });
    let mut diag = MietteDiagnostic::new(f.message(en).to_string())
        .with_code(f.rule)
        .with_severity(severity(f.severity))
        .with_label(LabeledSpan::at(start..start + len, label));
    if let Some(h) = help {
        diag = diag.with_help(h);
    }
    if !f.related.is_empty() {
        let rel: Vec<String> = f
            .related
            .iter()
            .take(8)
            .map(|r| format!("{}!{}", r.sheet, r.cell))
            .collect();
        let more = if f.related.len() > 8 {
            format!(" +{}", f.related.len() - 8)
        } else {
            String::new()
        };
        diag = diag.with_url(format!(
            "{}: {}{more}",
            if en { "related" } else { "terkait" },
            rel.join(", ")
        ));
    }
    let report = Report::new(diag)
        .with_source_code(NamedSource::new(format!("{}!{}", f.sheet, f.cell), text));
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let mut out = String::new();
    let _ = GraphicalReportHandler::new_themed(theme)
        .with_links(false)
        .with_width(110)
        .render_report(&mut out, report.as_ref());
    out
}

/// `berkas.xlsx: 3 galat, 5 peringatan, 1 info (7 tabel)`.
pub fn summary_line(path: &str, findings: &[Finding], tables: usize, en: bool) -> String {
    let n = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    if en {
        format!(
            "{path}: {} errors, {} warnings, {} info ({tables} tables read)",
            n(Severity::Error),
            n(Severity::Warning),
            n(Severity::Info)
        )
    } else {
        format!(
            "{path}: {} galat, {} peringatan, {} info ({tables} tabel terbaca)",
            n(Severity::Error),
            n(Severity::Warning),
            n(Severity::Info)
        )
    }
}
