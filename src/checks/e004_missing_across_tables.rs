//! E004 `missing-across-tables`: A planned sub kegiatan is missing from another table.

use super::{Context, Finding, Rule, Severity};

pub static RULE: Rule = Rule {
    code: "E004",
    name: "missing-across-tables",
    family: 'E',
    severity: Severity::Warning,
    summary_id: "Sub kegiatan yang direncanakan tidak ada di tabel lain",
    summary_en: "A planned sub kegiatan is missing from another table",
    explain_id: "TODO",
    explain_en: "TODO",
    run,
};

fn run(_ctx: &Context) -> Vec<Finding> {
    Vec::new()
}
