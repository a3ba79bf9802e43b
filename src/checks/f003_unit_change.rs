//! F003 `unit-change`: The unit changes between years.

use super::{Context, Finding, Rule, Severity};

pub static RULE: Rule = Rule {
    code: "F003",
    name: "unit-change",
    family: 'F',
    severity: Severity::Warning,
    summary_id: "Satuan berubah antar tahun",
    summary_en: "The unit changes between years",
    explain_id: "TODO",
    explain_en: "TODO",
    run,
};

fn run(_ctx: &Context) -> Vec<Finding> {
    Vec::new()
}
