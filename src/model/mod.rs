//! Stage 2: the plan as a hierarchy of urusan, bidang, program, kegiatan and sub kegiatan, and
//! which rows of two tables are the same entity ([`pairing`]).

pub mod pairing;
pub mod plan;

/// Nomenclature codes and their levels, read while locating tables; kept reachable here as
/// `model::code` for callers of the library.
pub use crate::ingest::code;
