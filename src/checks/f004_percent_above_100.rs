//! F004 `percent-above-100`: A percentage above 100.

use super::{Context, Finding, Rule, Severity};

pub static RULE: Rule = Rule {
    code: "F004",
    name: "percent-above-100",
    family: 'F',
    severity: Severity::Warning,
    summary_id: "Persentase di atas 100",
    summary_en: "A percentage above 100",
    explain_id: "TODO",
    explain_en: "TODO",
    run,
};

fn run(_ctx: &Context) -> Vec<Finding> {
    Vec::new()
}
