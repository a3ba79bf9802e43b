//! D001 `draft-analysis-mismatch`: The RKPD draft and the needs analysis differ.

use super::{Context, Finding, Rule, Severity};

pub static RULE: Rule = Rule {
    code: "D001",
    name: "draft-analysis-mismatch",
    family: 'D',
    severity: Severity::Error,
    summary_id: "Rancangan Awal RKPD dan Hasil Analisis Kebutuhan berbeda",
    summary_en: "The RKPD draft and the needs analysis differ",
    explain_id: "TODO",
    explain_en: "TODO",
    run,
};

fn run(_ctx: &Context) -> Vec<Finding> {
    Vec::new()
}
