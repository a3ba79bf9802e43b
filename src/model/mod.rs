//! Stage 2: the plan as a hierarchy of urusan, bidang, program, kegiatan and sub kegiatan.

pub mod plan;

/// Nomenclature codes and their levels, read while locating tables; kept reachable here as
/// `model::code` for callers of the library.
pub use crate::ingest::code;
