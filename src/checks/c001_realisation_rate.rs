//! C001 `realisation-rate-mismatch`: T-C.29 column 8 differs from (7/6)×100.

use super::{Context, Finding, Rule, Severity};

pub static RULE: Rule = Rule {
    code: "C001",
    name: "realisation-rate-mismatch",
    family: 'C',
    severity: Severity::Error,
    summary_id: "Kolom 8 T-C.29 tidak sama dengan (7/6)×100",
    summary_en: "T-C.29 column 8 differs from (7/6)×100",
    explain_id: "TODO",
    explain_en: "TODO",
    run,
};

fn run(_ctx: &Context) -> Vec<Finding> {
    Vec::new()
}
