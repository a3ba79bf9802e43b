//! A workbook whose tables agree yields no error; the same workbook with two planted mistakes
//! yields exactly those mistakes. The workbooks are generated (tests/support/benchgen.rs) with
//! the sample layouts, amounts that add up at every level and the same rows in T-C.31, T-C.33
//! and the proposal table.

#[path = "support/benchgen.rs"]
mod benchgen;
#[path = "support/samplegen.rs"]
mod samplegen;

use selaras::checks::config::CheckConfig;
use selaras::checks::{Context, Finding, Severity, run_all};
use selaras::ingest::{ingest_workbook, rules::TableRules, workbook::read_workbook_bytes};
use selaras::model::plan::build_plan_with;
use std::path::Path;

fn findings(bytes: &[u8]) -> Vec<Finding> {
    let rules = TableRules::default_rules();
    let wb = read_workbook_bytes(Path::new("gen.xlsx"), bytes).unwrap();
    let ing = ingest_workbook(wb, &rules);
    let config = CheckConfig::default_config();
    let plan = build_plan_with(&ing, &rules, Some(&config.nomenclature));
    run_all(&Context {
        ingested: &ing,
        plan: &plan,
        config: &config,
    })
}

#[test]
fn a_consistent_workbook_has_no_errors_in_either_layout() {
    for (seed, layout) in [(3, samplegen::Layout::Staff), (4, samplegen::Layout::Alt)] {
        let f = findings(&benchgen::office_workbook(seed, 150, layout, false, false));
        let errors: Vec<&Finding> = f.iter().filter(|f| f.severity == Severity::Error).collect();
        assert!(errors.is_empty(), "{layout:?}: {errors:#?}");
    }
}

#[test]
fn planted_mistakes_are_found_and_nothing_else_is_an_error() {
    for layout in [samplegen::Layout::Staff, samplegen::Layout::Alt] {
        let f = findings(&benchgen::office_workbook(5, 120, layout, true, false));
        let mut rules: Vec<&str> = f
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| f.rule)
            .collect();
        rules.sort();
        // The T-C.33 kegiatan off by Rp 1.000.000 (B001 on the kegiatan and on its program,
        // E001 against T-C.31, which has the right figure) and the changed T-C.31 analysis target
        // (D001 against the draft, E002 against T-C.33).
        assert_eq!(
            rules,
            ["B001", "B001", "D001", "E001", "E002"],
            "{layout:?}: {f:#?}"
        );
    }
}
