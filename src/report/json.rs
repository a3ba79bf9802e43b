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
        "expected": f.expected,
        "found": f.found,
        "message": f.message(en),
    })
}
