//! Comparisons of two workbooks, beside the one-workbook checks: `reconcile` (a new version of a
//! Renja against the old one, rules R001–R003) and `rkpd` (an office's Renja against the
//! regency's Rancangan Awal RKPD, rules K001–K004). Both pair rows with `model::pairing`, sum
//! with `model::totals`, and hand their findings to `checks::settle`, so `rules.toml` sets their
//! severities like any other rule's.

pub mod reconcile;
pub mod rkpd;
