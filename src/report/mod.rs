//! Stage 4: findings and plans → what people read: the terminal report (miette), JSON,
//! Markdown, the annotated copy of each workbook, and the batch summary workbook.

pub mod annotate;
pub mod export;
pub mod inspect;
pub mod json;
pub mod markdown;
pub mod summary;
pub mod terminal;
