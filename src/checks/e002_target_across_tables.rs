//! E002 `target-across-tables`: A sub kegiatan's target or unit differs between tables.

use super::{Context, Finding, Rule, Severity};

pub static RULE: Rule = Rule {
    code: "E002",
    name: "target-across-tables",
    family: 'E',
    severity: Severity::Error,
    summary_id: "Target atau satuan satu sub kegiatan berbeda antar tabel",
    summary_en: "A sub kegiatan's target or unit differs between tables",
    explain_id: "TODO",
    explain_en: "TODO",
    run,
};

fn run(_ctx: &Context) -> Vec<Finding> {
    Vec::new()
}
