//! H002 `name-differs`: A name differs from the nomenclature.

use super::{Context, Finding, Rule, Severity};

pub static RULE: Rule = Rule {
    code: "H002",
    name: "name-differs",
    family: 'H',
    severity: Severity::Warning,
    summary_id: "Nama berbeda dari nomenklatur",
    summary_en: "A name differs from the nomenclature",
    explain_id: "TODO",
    explain_en: "TODO",
    run,
};

fn run(_ctx: &Context) -> Vec<Finding> {
    Vec::new()
}
