//! F005 `forward-year-jump`: The forward-year budget moves beyond the tolerance.

use super::{Context, Finding, Rule, Severity};

pub static RULE: Rule = Rule {
    code: "F005",
    name: "forward-year-jump",
    family: 'F',
    severity: Severity::Warning,
    summary_id: "Pagu prakiraan maju berubah melebihi toleransi",
    summary_en: "The forward-year budget moves beyond the tolerance",
    explain_id: "TODO",
    explain_en: "TODO",
    run,
};

fn run(_ctx: &Context) -> Vec<Finding> {
    Vec::new()
}
