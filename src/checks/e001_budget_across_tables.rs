//! E001 `budget-across-tables`: A row's budget differs between T-C.31 and T-C.33.

use super::{Context, Finding, Rule, Severity};

pub static RULE: Rule = Rule {
    code: "E001",
    name: "budget-across-tables",
    family: 'E',
    severity: Severity::Error,
    summary_id: "Pagu satu baris berbeda antara T-C.31 dan T-C.33",
    summary_en: "A row's budget differs between T-C.31 and T-C.33",
    explain_id: "TODO",
    explain_en: "TODO",
    run,
};

fn run(_ctx: &Context) -> Vec<Finding> {
    Vec::new()
}
