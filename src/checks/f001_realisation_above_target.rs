//! F001 `realisation-above-target`: Realisation far above target.

use super::{Context, Finding, Rule, Severity};

pub static RULE: Rule = Rule {
    code: "F001",
    name: "realisation-above-target",
    family: 'F',
    severity: Severity::Warning,
    summary_id: "Realisasi jauh di atas target",
    summary_en: "Realisation far above target",
    explain_id: "TODO",
    explain_en: "TODO",
    run,
};

fn run(_ctx: &Context) -> Vec<Finding> {
    Vec::new()
}
