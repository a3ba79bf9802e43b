//! C002 `cumulative-realisation-mismatch`: T-C.29 column 10 differs from 5+7+9 (or the latest value for a level indicator).

use super::{Context, Finding, Rule, Severity};

pub static RULE: Rule = Rule {
    code: "C002",
    name: "cumulative-realisation-mismatch",
    family: 'C',
    severity: Severity::Error,
    summary_id: "Kolom 10 T-C.29 tidak sama dengan 5+7+9 (atau nilai terakhir untuk indikator tingkat)",
    summary_en: "T-C.29 column 10 differs from 5+7+9 (or the latest value for a level indicator)",
    explain_id: "TODO",
    explain_en: "TODO",
    run,
};

fn run(_ctx: &Context) -> Vec<Finding> {
    Vec::new()
}
