//! The outcome of checking one file, as the reports read it: its findings (or why it could not
//! be read), the tables found, the annotated copy's path, the counts per severity that a batch
//! summary and the exit code need, and the figures the Ringkasan shows. `run` fills it; the
//! JSON, Markdown and summary-workbook reports read it.

use crate::checks::{Finding, Severity};
use rust_decimal::Decimal;
use std::path::PathBuf;

/// The outcome for one file.
#[derive(Debug, Clone)]
pub struct FileReport {
    pub path: String,
    pub office: Option<String>,
    pub tables: Vec<String>,
    pub findings: Vec<Finding>,
    /// Why the file could not be read or its copy not written.
    pub error: Option<String>,
    pub annotated: Option<PathBuf>,
    /// Budget totals of the plan table (T-C.33) for year n and n+1.
    pub total_n: Option<Decimal>,
    pub total_n1: Option<Decimal>,
    /// Terminal diagnostics, rendered while the workbook was loaded.
    pub rendered: Vec<String>,
    /// Findings per severity (error, warning, info); kept after `shrink`.
    pub counts: [usize; 3],
    /// The most severe finding, kept after `shrink`.
    pub worst: Option<Severity>,
    /// The year-end evaluation (E.81) the file holds, for the Ringkasan.
    pub evaluation: Option<crate::checks::e81::Evaluation>,
}

impl FileReport {
    /// The report of a file not yet read: its path, nothing else.
    pub fn new(path: String) -> Self {
        FileReport {
            path,
            office: None,
            tables: Vec::new(),
            findings: Vec::new(),
            error: None,
            annotated: None,
            total_n: None,
            total_n1: None,
            rendered: Vec::new(),
            counts: [0; 3],
            worst: None,
            evaluation: None,
        }
    }

    pub fn count(&self, s: Severity) -> usize {
        self.counts[s as usize]
    }

    /// Drops the findings and rendered text once they are written out, keeping the counts:
    /// what a batch summary and the exit code need.
    pub fn shrink(&mut self) {
        self.findings = Vec::new();
        self.rendered = Vec::new();
    }
}
