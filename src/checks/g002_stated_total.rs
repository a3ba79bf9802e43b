//! G002 `stated-total-mismatch`: A stated total budget differs from the table.

use super::{Context, Finding, Rule, Severity};

pub static RULE: Rule = Rule {
    code: "G002",
    name: "stated-total-mismatch",
    family: 'G',
    severity: Severity::Error,
    summary_id: "Total pagu yang disebut tidak sesuai tabel",
    summary_en: "A stated total budget differs from the table",
    explain_id: "TODO",
    explain_en: "TODO",
    run,
};

fn run(_ctx: &Context) -> Vec<Finding> {
    Vec::new()
}
