//! Stage 2: the plan as a hierarchy of urusan, bidang, program, kegiatan and sub kegiatan;
//! which rows of two tables are the same entity ([`pairing`]); what a table's total is
//! ([`totals`]).

pub mod pairing;
pub mod plan;
pub mod totals;

/// Nomenclature codes and their levels, read while locating tables; kept reachable here as
/// `model::code` for callers of the library.
pub use crate::ingest::code;
