//! selaras checks that the tables of an Indonesian local-government plan (Renja, Rancangan
//! Awal RKPD, evaluation sheets) agree with each other, and shows exactly where they do not.
//!
//! The flow runs one way: [`ingest`] (workbook → located tables) → [`model`] (the plan
//! hierarchy) → [`checks`] (rules → findings) → [`report`] (findings → terminal, JSON,
//! Markdown, annotated workbook).

pub mod checks;
pub mod ingest;
pub mod model;
pub mod report;
pub mod run;
