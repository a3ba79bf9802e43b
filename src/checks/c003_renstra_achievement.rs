//! C003 `renstra-achievement-mismatch`: T-C.29 column 11 differs from (10/4)×100.

use super::{Context, Finding, Rule, Severity};

pub static RULE: Rule = Rule {
    code: "C003",
    name: "renstra-achievement-mismatch",
    family: 'C',
    severity: Severity::Error,
    summary_id: "Kolom 11 T-C.29 tidak sama dengan (10/4)×100",
    summary_en: "T-C.29 column 11 differs from (10/4)×100",
    explain_id: "TODO",
    explain_en: "TODO",
    run,
};

fn run(_ctx: &Context) -> Vec<Finding> {
    Vec::new()
}
