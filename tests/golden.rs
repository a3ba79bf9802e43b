//! Golden tests: the exact findings on each sample, reviewed by hand against the seed text
//! (see the closing note of the Checks issue and samples/data/NOTES-*.md). A change in any
//! finding — rule, severity, cell, related cells, expected or found — fails here; if the
//! change is right, regenerate with `SELARAS_BLESS=1 cargo test --test golden` and review the
//! diff line by line.

use selaras::checks::config::CheckConfig;
use selaras::checks::{Context, run_all};
use selaras::ingest::{self, rules::TableRules};
use selaras::model::plan::build_plan_with;
use std::path::Path;

fn lines(sample: &str) -> String {
    lines_of(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("samples")
            .join(sample),
    )
}

fn lines_of(path: &Path) -> String {
    let rules = TableRules::default_rules();
    let ing = ingest::ingest(path, &rules).unwrap();
    let config = CheckConfig::default_config();
    let plan = build_plan_with(&ing, &rules, Some(&config.nomenclature));
    let findings = run_all(&Context {
        ingested: &ing,
        plan: &plan,
        config: &config,
    });
    let mut out = String::new();
    for f in findings {
        let related: Vec<String> = f
            .related
            .iter()
            .map(|r| format!("{}!{}", r.sheet, r.cell))
            .collect();
        out.push_str(&format!(
            "{} {} {}!{} | expected: {} | found: {} | related: {}\n",
            f.rule,
            f.severity.key(),
            f.sheet,
            f.cell,
            f.expected.unwrap_or_default(),
            f.found.unwrap_or_default(),
            related.join(" ")
        ));
    }
    out
}

fn golden(sample: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(sample.replace(".xlsx", ".txt"));
    let got = lines(sample);
    if std::env::var_os("SELARAS_BLESS").is_some() {
        std::fs::write(&path, &got).unwrap();
    }
    let want = std::fs::read_to_string(&path).unwrap();
    if got != want {
        let g: Vec<&str> = got.lines().collect();
        let w: Vec<&str> = want.lines().collect();
        let missing: Vec<&&str> = w.iter().filter(|l| !g.contains(l)).collect();
        let extra: Vec<&&str> = g.iter().filter(|l| !w.contains(l)).collect();
        panic!("{sample}: findings changed\nmissing:\n{missing:#?}\nnew:\n{extra:#?}");
    }
}

#[test]
fn staff_layout_sample_findings() {
    golden("renja-dinsos-kukar-2026.xlsx");
}

#[test]
fn alternative_layout_sample_findings() {
    golden("renja-dinsos-kukar-2026-format-b.xlsx");
}

/// The sample E.81 of 2026 in its own workbook (made-up quarterly figures, consistent): no
/// finding at all, whereas the same form inside the format-b workbook shares that workbook's
/// T-C.33 and so its duplicated kegiatan code (F007).
#[test]
fn e81_sample_findings() {
    golden("e81-dinsos-kukar-2026.xlsx");
}

/// The format-b sample saved as .xlsb (binary workbook; `tests/fixtures/renja-format-b.xlsb`,
/// written by the PyPI package pyxlsbwriter from the sample's values): calamine reads it
/// natively, and every finding is the same as on the .xlsx.
#[test]
fn an_xlsb_copy_gives_the_same_findings() {
    let xlsb = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/renja-format-b.xlsb");
    assert_eq!(
        lines_of(&xlsb),
        lines("renja-dinsos-kukar-2026-format-b.xlsx")
    );
}

#[test]
fn both_layouts_give_the_same_findings() {
    // Same data, other layout: the same rules fire with the same expected and found values.
    // The format-b workbook also has the E.81 of 2026 (sheet `Evaluasi Renja 2026`), which the
    // staff workbook keeps in a file of its own: its findings are left out of the comparison.
    let strip = |s: String| -> Vec<String> {
        let mut v: Vec<String> = s
            .lines()
            .filter(|l| !l.contains("Evaluasi Renja 2026!"))
            .map(|l| {
                let mut parts = l.split(" | ");
                let head: Vec<&str> = parts.next().unwrap().splitn(3, ' ').collect();
                format!(
                    "{} {} | {} | {}",
                    head[0],
                    head[1],
                    parts.next().unwrap(),
                    parts.next().unwrap()
                )
            })
            .collect();
        v.sort();
        v
    };
    assert_eq!(
        strip(lines("renja-dinsos-kukar-2026.xlsx")),
        strip(lines("renja-dinsos-kukar-2026-format-b.xlsx"))
    );
}
