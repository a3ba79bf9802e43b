//! F006 `missing-location-or-fund`: Location or source of funds missing.

use super::{Context, Finding, Rule, Severity};

pub static RULE: Rule = Rule {
    code: "F006",
    name: "missing-location-or-fund",
    family: 'F',
    severity: Severity::Warning,
    summary_id: "Lokasi atau sumber dana kosong",
    summary_en: "Location or source of funds missing",
    explain_id: "TODO",
    explain_en: "TODO",
    run,
};

fn run(_ctx: &Context) -> Vec<Finding> {
    Vec::new()
}
