//! The kinds of table selaras knows: the forms of the Renja (T-C.29 … T-C.33), the year-end
//! evaluation (E.81), the Rancangan Awal RKPD and its ceilings, and the two tables of a Renja
//! that have no form number (goals and targets, proposed programs).
//!
//! The set is closed: `rules/tables.toml` (the built-in one or a user's) defines how each kind
//! is found, but a kind it names must be one of these, so a rule can never wait for a table
//! that is spelt differently in the rules file (a `tables.toml` naming another kind is refused
//! with its line). Each kind is written in reports, messages and `tables.toml` as its form name
//! (`T-C.33`); code compares kinds, never their names, so a misspelt name cannot compile.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A kind of table (`kind` in `rules/tables.toml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TableKind {
    /// T-C.29: evaluation of last year's Renja.
    TC29,
    /// T-C.30: service performance (pencapaian kinerja pelayanan).
    TC30,
    /// T-C.31: draft against needs analysis.
    TC31,
    /// T-C.32: proposals from stakeholders.
    TC32,
    /// T-C.33: the Renja's programs, kegiatan and sub kegiatan with budgets.
    TC33,
    /// E.81: the year-end evaluation of the RKPD.
    E81,
    /// Rancangan Awal RKPD: the regency's programs per office.
    Rkpd,
    /// The RKPD's budget ceilings per office.
    RkpdPlafon,
    /// Tujuan and sasaran of the office with their indicators.
    TujuanSasaran,
    /// The office's proposed programs (usulan program).
    UsulanProgram,
}

impl TableKind {
    /// Every kind, in the order of the forms.
    pub const ALL: [TableKind; 10] = [
        TableKind::TC29,
        TableKind::TC30,
        TableKind::TC31,
        TableKind::TC32,
        TableKind::TC33,
        TableKind::E81,
        TableKind::Rkpd,
        TableKind::RkpdPlafon,
        TableKind::TujuanSasaran,
        TableKind::UsulanProgram,
    ];

    /// The name used in `tables.toml`, reports and messages.
    pub fn as_str(self) -> &'static str {
        match self {
            TableKind::TC29 => "T-C.29",
            TableKind::TC30 => "T-C.30",
            TableKind::TC31 => "T-C.31",
            TableKind::TC32 => "T-C.32",
            TableKind::TC33 => "T-C.33",
            TableKind::E81 => "E.81",
            TableKind::Rkpd => "rkpd",
            TableKind::RkpdPlafon => "rkpd-plafon",
            TableKind::TujuanSasaran => "tujuan-sasaran",
            TableKind::UsulanProgram => "usulan-program",
        }
    }

    /// The kind named `name` (as in `tables.toml`).
    pub fn parse(name: &str) -> Option<TableKind> {
        TableKind::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// The Rancangan Awal RKPD's own tables (a reference, not a Renja to check).
    pub fn is_rkpd(self) -> bool {
        matches!(self, TableKind::Rkpd | TableKind::RkpdPlafon)
    }
}

impl fmt::Display for TableKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for TableKind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for TableKind {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = String::deserialize(d)?;
        TableKind::parse(&name).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "jenis tabel `{name}` tidak dikenal (unknown table kind); known: {}",
                TableKind::ALL.map(TableKind::as_str).join(", ")
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_reads_back_from_its_name() {
        for k in TableKind::ALL {
            assert_eq!(TableKind::parse(k.as_str()), Some(k));
            assert_eq!(k.to_string(), k.as_str());
        }
        assert_eq!(TableKind::parse("T-C.3"), None);
        assert_eq!(TableKind::parse("t-c.33"), None);
    }
}
