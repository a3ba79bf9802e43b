//! G001 `stated-count-mismatch`: A stated number of programs / kegiatan / sub kegiatan differs from the table.

use super::{Context, Finding, Rule, Severity};

pub static RULE: Rule = Rule {
    code: "G001",
    name: "stated-count-mismatch",
    family: 'G',
    severity: Severity::Error,
    summary_id: "Jumlah program/kegiatan/sub kegiatan yang disebut tidak sesuai tabel",
    summary_en: "A stated number of programs / kegiatan / sub kegiatan differs from the table",
    explain_id: "TODO",
    explain_en: "TODO",
    run,
};

fn run(_ctx: &Context) -> Vec<Finding> {
    Vec::new()
}
