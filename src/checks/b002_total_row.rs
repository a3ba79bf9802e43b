//! B002 `total-row-mismatch`: The total or bidang row differs from the sum of the programs.

use super::{Context, Finding, Rule, Severity};

pub static RULE: Rule = Rule {
    code: "B002",
    name: "total-row-mismatch",
    family: 'B',
    severity: Severity::Error,
    summary_id: "Baris jumlah / bidang urusan tidak sama dengan jumlah program",
    summary_en: "The total or bidang row differs from the sum of the programs",
    explain_id: "TODO",
    explain_en: "TODO",
    run,
};

fn run(_ctx: &Context) -> Vec<Finding> {
    Vec::new()
}
