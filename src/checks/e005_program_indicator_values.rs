//! E005 `program-indicator-across-tables`: A program indicator's target or realisation (e.g. Nilai SAKIP) differs between tables.

use super::{Context, Finding, Rule, Severity};

pub static RULE: Rule = Rule {
    code: "E005",
    name: "program-indicator-across-tables",
    family: 'E',
    severity: Severity::Error,
    summary_id: "Target/realisasi indikator program (mis. Nilai SAKIP) berbeda antar tabel",
    summary_en: "A program indicator's target or realisation (e.g. Nilai SAKIP) differs between tables",
    explain_id: "TODO",
    explain_en: "TODO",
    run,
};

fn run(_ctx: &Context) -> Vec<Finding> {
    Vec::new()
}
