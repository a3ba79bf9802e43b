//! E006 `grand-total-across-tables`: The grand total budget differs between tables.

use super::{Context, Finding, Rule, Severity};

pub static RULE: Rule = Rule {
    code: "E006",
    name: "grand-total-across-tables",
    family: 'E',
    severity: Severity::Error,
    summary_id: "Total pagu berbeda antar tabel",
    summary_en: "The grand total budget differs between tables",
    explain_id: "TODO",
    explain_en: "TODO",
    run,
};

fn run(_ctx: &Context) -> Vec<Finding> {
    Vec::new()
}
