//! Stage 4: findings and plans → what people read: the terminal report (miette), JSON,
//! Markdown, the annotated copy of each workbook, and the batch summary workbook. A checked
//! file arrives as a [`FileReport`], filled by `run` and read here.

pub mod annotate;
pub mod export;
pub mod file_report;
pub mod inspect;
pub mod json;
pub mod markdown;
pub mod summary;
pub mod terminal;

pub use file_report::FileReport;

/// The form of a command's report on standard output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Diagnostics for a terminal and one summary line per file.
    Text,
    /// The machine report (see [`json`]).
    Json,
    Markdown,
}
