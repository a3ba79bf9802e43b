//! A002 `error-cell`: A cell holds a formula error (#REF!, #DIV/0!, …).

use super::{Context, Finding, Rule, Severity};

pub static RULE: Rule = Rule {
    code: "A002",
    name: "error-cell",
    family: 'A',
    severity: Severity::Error,
    summary_id: "Sel berisi galat rumus (#REF!, #DIV/0!, …)",
    summary_en: "A cell holds a formula error (#REF!, #DIV/0!, …)",
    explain_id: "TODO",
    explain_en: "TODO",
    run,
};

fn run(_ctx: &Context) -> Vec<Finding> {
    Vec::new()
}
