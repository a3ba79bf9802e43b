//! The readable summary (`--format markdown`): what a verifier pastes into a letter or an
//! issue tracker — per file, counts per severity and rule, then every finding with its cell.

use super::FileReport;
use crate::checks::{RULES, Severity};

fn cell_text(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

pub fn render(reports: &[FileReport], en: bool) -> String {
    let mut out = String::new();
    out.push_str(if en {
        "# selaras: check results\n\n"
    } else {
        "# selaras: hasil pemeriksaan\n\n"
    });
    let (h_file, h_office, h_err, h_warn, h_info, h_status) = if en {
        ("File", "Office", "Errors", "Warnings", "Info", "Status")
    } else {
        (
            "Berkas",
            "Perangkat daerah",
            "Galat",
            "Peringatan",
            "Info",
            "Status",
        )
    };
    out.push_str(&format!("| {h_file} | {h_office} | {h_err} | {h_warn} | {h_info} | {h_status} |\n|---|---|---:|---:|---:|---|\n"));
    for r in reports {
        let n = |s: Severity| r.count(s);
        let status = match &r.error {
            Some(e) => format!(
                "{}: {}",
                if en { "unreadable" } else { "tidak terbaca" },
                cell_text(e)
            ),
            None => (if en { "checked" } else { "diperiksa" }).to_string(),
        };
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            cell_text(&r.path),
            cell_text(r.office.as_deref().unwrap_or("-")),
            n(Severity::Error),
            n(Severity::Warning),
            n(Severity::Info),
            status
        ));
    }
    for r in reports.iter().filter(|r| !r.findings.is_empty()) {
        out.push_str(&format!("\n## {}\n\n", r.path));
        let mut per_rule: Vec<(&str, usize)> = Vec::new();
        for f in &r.findings {
            match per_rule.iter_mut().find(|(c, _)| *c == f.rule) {
                Some((_, n)) => *n += 1,
                None => per_rule.push((f.rule, 1)),
            }
        }
        per_rule.sort();
        for (code, n) in per_rule {
            let summary = RULES
                .iter()
                .find(|x| x.code == code)
                .map(|x| x.summary(en))
                .unwrap_or("");
            out.push_str(&format!("- **{code}** ×{n}: {summary}\n"));
        }
        let (h_sev, h_rule, h_cell, h_msg, h_exp, h_found) = if en {
            ("Severity", "Rule", "Cell", "Message", "Expected", "Found")
        } else {
            (
                "Tingkat",
                "Aturan",
                "Sel",
                "Pesan",
                "Seharusnya",
                "Tertulis",
            )
        };
        out.push_str(&format!("\n| {h_sev} | {h_rule} | {h_cell} | {h_msg} | {h_exp} | {h_found} |\n|---|---|---|---|---|---|\n"));
        for f in &r.findings {
            out.push_str(&format!(
                "| {} | {} | {}!{} | {} | {} | {} |\n",
                f.severity.label(en),
                f.rule,
                cell_text(&f.sheet),
                f.cell,
                cell_text(f.message(en)),
                cell_text(f.expected_text(en).unwrap_or("")),
                cell_text(f.found_text(en).unwrap_or(""))
            ));
        }
    }
    out
}
