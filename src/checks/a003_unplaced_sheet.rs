//! A003 `unplaced-sheet`: A sheet holds no recognisable table.

use super::{Context, Finding, Rule, Severity};

pub static RULE: Rule = Rule {
    code: "A003",
    name: "unplaced-sheet",
    family: 'A',
    severity: Severity::Info,
    summary_id: "Lembar tanpa tabel yang dikenali",
    summary_en: "A sheet holds no recognisable table",
    explain_id: "TODO",
    explain_en: "TODO",
    run,
};

fn run(_ctx: &Context) -> Vec<Finding> {
    Vec::new()
}
