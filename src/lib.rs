//! selaras checks that the tables of an Indonesian local-government plan (Renja, Rancangan
//! Awal RKPD, evaluation sheets) agree with each other, and shows exactly where they do not.
//!
//! The flow runs one way: [`ingest`] (workbook → located tables) → [`model`] (the plan
//! hierarchy) → [`checks`] (rules → findings), with [`compare`] (two workbooks: reconcile, RKPD)
//! beside them → [`report`] (findings → terminal, JSON,
//! Markdown, annotated workbook). [`run`] holds the pipelines the commands run over files
//! (check, inspect, reconcile); the `selaras` binary only parses the command line and calls them.

pub mod checks;
pub mod compare;
pub mod ingest;
pub mod model;
pub mod report;
pub mod run;
pub mod serve;

/// The two-workbook comparisons under their short names (`selaras::reconcile`, `selaras::rkpd`).
pub use compare::{reconcile, rkpd};

/// The whole pipeline on raw bytes, for fuzzing and its regression tests: read, locate, build
/// the plan, run every check and build the annotated copy. Errors are fine; panics are bugs.
pub fn fuzz_one(data: &[u8]) {
    let rules = ingest::rules::TableRules::default_rules();
    let Ok(wb) = ingest::workbook::read_workbook_bytes(std::path::Path::new("fuzz.xlsx"), data)
    else {
        return;
    };
    let ing = ingest::ingest_workbook(wb, &rules);
    let config = checks::config::CheckConfig::default_config();
    let plan = model::plan::build_plan_with(&ing, &rules, Some(&config.nomenclature));
    let ctx = checks::Context {
        ingested: &ing,
        plan: &plan,
        config: &config,
    };
    let findings = checks::run_all(&ctx);
    let _ = report::annotate::annotated_bytes(data, &ing.workbook, &findings, false);
}
