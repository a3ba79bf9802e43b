//! A001 `unparsed-value`: A value cannot be read as a number, target or code.

use super::{Context, Finding, Rule, Severity};

pub static RULE: Rule = Rule {
    code: "A001",
    name: "unparsed-value",
    family: 'A',
    severity: Severity::Error,
    summary_id: "Nilai tidak dapat dibaca sebagai angka, target atau kode",
    summary_en: "A value cannot be read as a number, target or code",
    explain_id: "TODO",
    explain_en: "TODO",
    run,
};

fn run(_ctx: &Context) -> Vec<Finding> {
    Vec::new()
}
