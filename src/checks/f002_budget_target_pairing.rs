//! F002 `budget-target-pairing`: A budget without a target, or a target without a budget.

use super::{Context, Finding, Rule, Severity};

pub static RULE: Rule = Rule {
    code: "F002",
    name: "budget-target-pairing",
    family: 'F',
    severity: Severity::Warning,
    summary_id: "Ada pagu tanpa target atau target tanpa pagu",
    summary_en: "A budget without a target, or a target without a budget",
    explain_id: "TODO",
    explain_en: "TODO",
    run,
};

fn run(_ctx: &Context) -> Vec<Finding> {
    Vec::new()
}
