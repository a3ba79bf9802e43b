//! Stage 4: findings and plans → what people read (terminal, JSON, Markdown, annotated copy).

pub mod inspect;
pub mod json;
