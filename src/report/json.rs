//! The machine report: `{"files": [{"path", "findings": [{rule, severity, sheet, cell, related,
//! expected, found, message}]}]}`. These names are a contract with scripts; fields may be added
//! but not renamed.

use crate::checks::{Finding, RULES};
use serde_json::{Value as Json, json};

/// One finding as JSON in the chosen language.
pub fn finding_json(f: &Finding, en: bool) -> Json {
    let rule = RULES.iter().find(|r| r.code == f.rule);
    json!({
        "rule": f.rule,
        "name": rule.map(|r| r.name),
        "severity": f.severity.key(),
        "sheet": f.sheet,
        "cell": f.cell,
        "related": f.related,
        "expected": f.expected_text(en),
        "found": f.found_text(en),
        "message": f.message(en),
    })
}

/// One file's entry: path, findings, and (added fields) status, office, tables read.
pub fn file_json(r: &super::FileReport, en: bool) -> Json {
    json!({
        "path": r.path,
        "status": if r.error.is_some() { "unreadable" } else { "checked" },
        "error": r.error,
        "office": r.office,
        "tables": r.tables,
        "annotated": r.annotated.as_ref().map(|p| p.display().to_string()),
        "findings": r.findings.iter().map(|f| finding_json(f, en)).collect::<Vec<_>>(),
    })
}
