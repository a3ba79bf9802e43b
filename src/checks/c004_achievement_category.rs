//! C004 `achievement-category-mismatch`: The achievement category does not match the achievement percentage.

use super::{Context, Finding, Rule, Severity};

pub static RULE: Rule = Rule {
    code: "C004",
    name: "achievement-category-mismatch",
    family: 'C',
    severity: Severity::Error,
    summary_id: "Kategori capaian tidak sesuai dengan persentase capaian",
    summary_en: "The achievement category does not match the achievement percentage",
    explain_id: "TODO",
    explain_en: "TODO",
    run,
};

fn run(_ctx: &Context) -> Vec<Finding> {
    Vec::new()
}
