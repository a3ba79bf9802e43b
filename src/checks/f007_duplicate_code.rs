//! F007 `duplicate-code`: A code is used twice in one table.

use super::{Context, Finding, Rule, Severity};

pub static RULE: Rule = Rule {
    code: "F007",
    name: "duplicate-code",
    family: 'F',
    severity: Severity::Warning,
    summary_id: "Kode dipakai dua kali dalam satu tabel",
    summary_en: "A code is used twice in one table",
    explain_id: "TODO",
    explain_en: "TODO",
    run,
};

fn run(_ctx: &Context) -> Vec<Finding> {
    Vec::new()
}
