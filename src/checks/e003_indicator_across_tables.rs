//! E003 `indicator-across-tables`: A sub kegiatan's indicator differs between tables.

use super::{Context, Finding, Rule, Severity};

pub static RULE: Rule = Rule {
    code: "E003",
    name: "indicator-across-tables",
    family: 'E',
    severity: Severity::Warning,
    summary_id: "Indikator satu sub kegiatan berbeda antar tabel",
    summary_en: "A sub kegiatan's indicator differs between tables",
    explain_id: "TODO",
    explain_en: "TODO",
    run,
};

fn run(_ctx: &Context) -> Vec<Finding> {
    Vec::new()
}
