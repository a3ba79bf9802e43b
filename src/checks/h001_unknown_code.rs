//! H001 `unknown-code`: A code is not in the nomenclature.

use super::{Context, Finding, Rule, Severity};

pub static RULE: Rule = Rule {
    code: "H001",
    name: "unknown-code",
    family: 'H',
    severity: Severity::Warning,
    summary_id: "Kode tidak ada dalam nomenklatur",
    summary_en: "A code is not in the nomenclature",
    explain_id: "TODO",
    explain_en: "TODO",
    run,
};

fn run(_ctx: &Context) -> Vec<Finding> {
    Vec::new()
}
