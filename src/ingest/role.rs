//! The roles a column plays in a table: the code, the name, the target of year n, T-C.31's
//! draft budget, E.81's realisation in quarter III in rupiah, …
//!
//! The set is closed: `rules/tables.toml` (the built-in one or a user's) says which header texts
//! name which role in which kind of table, but a role it names must be one of these, so a rule
//! can never wait for a column that is spelt differently in the rules file (a `tables.toml`
//! naming another role is refused with its line). Each role is written in `tables.toml`,
//! messages and exports as its snake_case name (`pagu_n1`, `tw3_rp`); code compares roles, never
//! their names, so a misspelt role cannot compile.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A column's role (`role` in `rules/tables.toml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u8)]
pub enum Role {
    /// The row's running number (`No`).
    No,
    /// The nomenclature code, joined or split over several columns.
    Kode,
    /// The name of the urusan, bidang, program, kegiatan or sub kegiatan.
    Uraian,
    /// The performance indicator (outcome for a program, output for a kegiatan).
    Indikator,
    /// The location.
    Lokasi,
    /// The unit of the target or volume.
    Satuan,
    /// The target (T-C.30's Renstra targets, one column per year; tujuan-sasaran's yearly targets).
    Target,
    /// The volume of a proposal (usulan program, T-C.32).
    Volume,
    /// The note (catatan penting, catatan analisis, status).
    Catatan,
    /// The remarks (keterangan) of a proposed program or of an E.81 row.
    Keterangan,
    /// The achievement category or predikat (T-C.29, E.81).
    Kategori,
    /// The sasaran (tujuan-sasaran; E.81's RKPD or PD sasaran).
    Sasaran,
    /// The office responsible (perangkat daerah penanggung jawab).
    PerangkatDaerah,
    /// The source of funds (sumber dana).
    SumberDana,
    /// The target of year n (T-C.33, RKPD).
    TargetN,
    /// The unit of year n's target.
    SatuanN,
    /// The budget (pagu indikatif, kebutuhan dana) of year n.
    PaguN,
    /// The target of year n+1 (prakiraan maju).
    TargetN1,
    /// The unit of year n+1's target.
    SatuanN1,
    /// The budget of year n+1 (prakiraan maju).
    PaguN1,
    /// The ceiling the RKPD gives an office (plafon, pagu indikatif).
    Plafon,
    /// T-C.31: the needs analysis' own program / kegiatan name.
    AUraian,
    /// T-C.31: the location in the Rancangan Awal RKPD.
    RLokasi,
    /// T-C.31: the output indicator in the Rancangan Awal RKPD.
    RIndikator,
    /// T-C.31: the target in the Rancangan Awal RKPD.
    RTarget,
    /// T-C.31: the unit in the Rancangan Awal RKPD.
    RSatuan,
    /// T-C.31: the indicative budget in the Rancangan Awal RKPD.
    RPagu,
    /// T-C.31: the location of the needs analysis (hasil analisis kebutuhan).
    ALokasi,
    /// T-C.31: the output indicator of the needs analysis.
    AIndikator,
    /// T-C.31: the target of the needs analysis.
    ATarget,
    /// T-C.31: the unit of the needs analysis.
    ASatuan,
    /// T-C.31: the budget of the needs analysis.
    APagu,
    /// T-C.29 column 4: the Renstra target for the period.
    K4,
    /// T-C.29 column 5: realisation up to the year before last.
    K5,
    /// T-C.29 column 6: last year's Renja target.
    K6,
    /// T-C.29 column 7: last year's Renja realisation.
    K7,
    /// T-C.29 column 8: last year's rate of realisation, 7/6 × 100.
    K8,
    /// T-C.29 column 9: this year's Renja target.
    K9,
    /// T-C.29 column 10: realisation up to this year, 5 + 7 + 9.
    K10,
    /// T-C.29 column 11: achievement of the Renstra target, 10/4 × 100.
    K11,
    /// T-C.30: the minimum service standard (SPM / standar nasional).
    Spm,
    /// T-C.30: the key performance indicator (IKK).
    Ikk,
    /// T-C.30: the realisations and projections, one column per year.
    Realisasi,
    /// Usulan program: the output (keluaran sub kegiatan).
    Keluaran,
    /// T-C.32: the proposal type (kamus usulan).
    KamusUsulan,
    /// T-C.32: the problem the proposal addresses.
    Permasalahan,
    /// Tujuan-sasaran: the goal (tujuan).
    Tujuan,
    /// Tujuan-sasaran: the baseline (kondisi awal).
    KondisiAwal,
    /// Tujuan-sasaran: the end value (kondisi akhir).
    KondisiAkhir,
    /// E.81 column 5 K: the Renstra target, kinerja.
    E5K,
    /// E.81 column 5 Rp: the Renstra target, rupiah.
    E5Rp,
    /// E.81 column 6 K: Renstra realisation up to last year, kinerja.
    E6K,
    /// E.81 column 6 Rp: Renstra realisation up to last year, rupiah.
    E6Rp,
    /// E.81 column 7 K: the target of the year evaluated, kinerja.
    E7K,
    /// E.81 column 7 Rp: the target of the year evaluated, rupiah.
    E7Rp,
    /// E.81 column 8 K: realisation in quarter I, kinerja.
    Tw1K,
    /// E.81 column 8 Rp: realisation in quarter I, rupiah.
    Tw1Rp,
    /// E.81 column 9 K: realisation in quarter II, kinerja.
    Tw2K,
    /// E.81 column 9 Rp: realisation in quarter II, rupiah.
    Tw2Rp,
    /// E.81 column 10 K: realisation in quarter III, kinerja.
    Tw3K,
    /// E.81 column 10 Rp: realisation in quarter III, rupiah.
    Tw3Rp,
    /// E.81 column 11 K: realisation in quarter IV, kinerja.
    Tw4K,
    /// E.81 column 11 Rp: realisation in quarter IV, rupiah.
    Tw4Rp,
    /// E.81 column 12 K: the year's realisation, kinerja.
    E12K,
    /// E.81 column 12 Rp: the year's realisation, rupiah (8 + 9 + 10 + 11).
    E12Rp,
    /// E.81 column 13 K: Renstra realisation up to the year evaluated, 6 + 12, kinerja.
    E13K,
    /// E.81 column 13 Rp: Renstra realisation up to the year evaluated, 6 + 12, rupiah.
    E13Rp,
    /// E.81 column 14 K: achievement of the Renstra target, 13/5 × 100, kinerja.
    E14K,
    /// E.81 column 14 Rp: achievement of the Renstra target, 13/5 × 100, rupiah.
    E14Rp,
    /// E.81 (local forms): the year's rate against the Renja, 12/7 × 100, kinerja.
    ErK,
    /// E.81 (local forms): the year's rate against the Renja, 12/7 × 100, rupiah.
    ErRp,
    /// E.81 column 15: the unit responsible (penanggung jawab).
    UnitPd,
}

impl Role {
    /// Every role: those many tables share, then each table's own in the order of its columns.
    pub const ALL: [Role; 72] = [
        Role::No,
        Role::Kode,
        Role::Uraian,
        Role::Indikator,
        Role::Lokasi,
        Role::Satuan,
        Role::Target,
        Role::Volume,
        Role::Catatan,
        Role::Keterangan,
        Role::Kategori,
        Role::Sasaran,
        Role::PerangkatDaerah,
        Role::SumberDana,
        Role::TargetN,
        Role::SatuanN,
        Role::PaguN,
        Role::TargetN1,
        Role::SatuanN1,
        Role::PaguN1,
        Role::Plafon,
        Role::AUraian,
        Role::RLokasi,
        Role::RIndikator,
        Role::RTarget,
        Role::RSatuan,
        Role::RPagu,
        Role::ALokasi,
        Role::AIndikator,
        Role::ATarget,
        Role::ASatuan,
        Role::APagu,
        Role::K4,
        Role::K5,
        Role::K6,
        Role::K7,
        Role::K8,
        Role::K9,
        Role::K10,
        Role::K11,
        Role::Spm,
        Role::Ikk,
        Role::Realisasi,
        Role::Keluaran,
        Role::KamusUsulan,
        Role::Permasalahan,
        Role::Tujuan,
        Role::KondisiAwal,
        Role::KondisiAkhir,
        Role::E5K,
        Role::E5Rp,
        Role::E6K,
        Role::E6Rp,
        Role::E7K,
        Role::E7Rp,
        Role::Tw1K,
        Role::Tw1Rp,
        Role::Tw2K,
        Role::Tw2Rp,
        Role::Tw3K,
        Role::Tw3Rp,
        Role::Tw4K,
        Role::Tw4Rp,
        Role::E12K,
        Role::E12Rp,
        Role::E13K,
        Role::E13Rp,
        Role::E14K,
        Role::E14Rp,
        Role::ErK,
        Role::ErRp,
        Role::UnitPd,
    ];

    /// The name used in `tables.toml`, messages and exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::No => "no",
            Role::Kode => "kode",
            Role::Uraian => "uraian",
            Role::Indikator => "indikator",
            Role::Lokasi => "lokasi",
            Role::Satuan => "satuan",
            Role::Target => "target",
            Role::Volume => "volume",
            Role::Catatan => "catatan",
            Role::Keterangan => "keterangan",
            Role::Kategori => "kategori",
            Role::Sasaran => "sasaran",
            Role::PerangkatDaerah => "perangkat_daerah",
            Role::SumberDana => "sumber_dana",
            Role::TargetN => "target_n",
            Role::SatuanN => "satuan_n",
            Role::PaguN => "pagu_n",
            Role::TargetN1 => "target_n1",
            Role::SatuanN1 => "satuan_n1",
            Role::PaguN1 => "pagu_n1",
            Role::Plafon => "plafon",
            Role::AUraian => "a_uraian",
            Role::RLokasi => "r_lokasi",
            Role::RIndikator => "r_indikator",
            Role::RTarget => "r_target",
            Role::RSatuan => "r_satuan",
            Role::RPagu => "r_pagu",
            Role::ALokasi => "a_lokasi",
            Role::AIndikator => "a_indikator",
            Role::ATarget => "a_target",
            Role::ASatuan => "a_satuan",
            Role::APagu => "a_pagu",
            Role::K4 => "k4",
            Role::K5 => "k5",
            Role::K6 => "k6",
            Role::K7 => "k7",
            Role::K8 => "k8",
            Role::K9 => "k9",
            Role::K10 => "k10",
            Role::K11 => "k11",
            Role::Spm => "spm",
            Role::Ikk => "ikk",
            Role::Realisasi => "realisasi",
            Role::Keluaran => "keluaran",
            Role::KamusUsulan => "kamus_usulan",
            Role::Permasalahan => "permasalahan",
            Role::Tujuan => "tujuan",
            Role::KondisiAwal => "kondisi_awal",
            Role::KondisiAkhir => "kondisi_akhir",
            Role::E5K => "e5_k",
            Role::E5Rp => "e5_rp",
            Role::E6K => "e6_k",
            Role::E6Rp => "e6_rp",
            Role::E7K => "e7_k",
            Role::E7Rp => "e7_rp",
            Role::Tw1K => "tw1_k",
            Role::Tw1Rp => "tw1_rp",
            Role::Tw2K => "tw2_k",
            Role::Tw2Rp => "tw2_rp",
            Role::Tw3K => "tw3_k",
            Role::Tw3Rp => "tw3_rp",
            Role::Tw4K => "tw4_k",
            Role::Tw4Rp => "tw4_rp",
            Role::E12K => "e12_k",
            Role::E12Rp => "e12_rp",
            Role::E13K => "e13_k",
            Role::E13Rp => "e13_rp",
            Role::E14K => "e14_k",
            Role::E14Rp => "e14_rp",
            Role::ErK => "er_k",
            Role::ErRp => "er_rp",
            Role::UnitPd => "unit_pd",
        }
    }

    /// The role named `name` (as in `tables.toml`).
    pub fn parse(name: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == name)
    }

    /// A column of the forward year n+1 (T-C.33's and the RKPD's prakiraan maju).
    pub fn is_forward_year(self) -> bool {
        matches!(self, Role::TargetN1 | Role::SatuanN1 | Role::PaguN1)
    }

    /// A column whose filled cell makes a row without name or code the continuation of the
    /// row above (its indicator or target written on the next line): the indicator, target and
    /// volume columns, the output, T-C.29's columns 4–11; and, as the name test this replaces
    /// had it (every name starting with `k`), `kamus_usulan`, `kategori`, `keterangan`,
    /// `kondisi_awal` and `kondisi_akhir`.
    pub fn continues_a_row(self) -> bool {
        matches!(
            self,
            Role::Indikator
                | Role::RIndikator
                | Role::AIndikator
                | Role::Target
                | Role::TargetN
                | Role::TargetN1
                | Role::RTarget
                | Role::ATarget
                | Role::Keluaran
                | Role::Volume
                | Role::K4
                | Role::K5
                | Role::K6
                | Role::K7
                | Role::K8
                | Role::K9
                | Role::K10
                | Role::K11
                | Role::KamusUsulan
                | Role::Kategori
                | Role::Keterangan
                | Role::KondisiAwal
                | Role::KondisiAkhir
        )
    }

    /// The unit column that goes with a target column: `target_n` → `satuan_n`, `r_target` →
    /// `r_satuan`, …; `satuan` for any other (the proposal table's `volume`).
    pub fn unit(self) -> Role {
        match self {
            Role::TargetN => Role::SatuanN,
            Role::TargetN1 => Role::SatuanN1,
            Role::RTarget => Role::RSatuan,
            Role::ATarget => Role::ASatuan,
            _ => Role::Satuan,
        }
    }

    /// The target column whose cell may carry the unit of a unit column (`r_satuan` →
    /// `r_target`, …): where a table has no unit column, the unit is written with the target.
    /// None for `satuan`, whose target differs from table to table, and for any other role.
    pub fn target(self) -> Option<Role> {
        match self {
            Role::SatuanN => Some(Role::TargetN),
            Role::SatuanN1 => Some(Role::TargetN1),
            Role::RSatuan => Some(Role::RTarget),
            Role::ASatuan => Some(Role::ATarget),
            _ => None,
        }
    }

    /// The Rp column of an E.81 K column (`e12_k` → `e12_rp`, `tw3_k` → `tw3_rp`); None for
    /// any other role.
    pub fn rupiah(self) -> Option<Role> {
        Some(match self {
            Role::E5K => Role::E5Rp,
            Role::E6K => Role::E6Rp,
            Role::E7K => Role::E7Rp,
            Role::Tw1K => Role::Tw1Rp,
            Role::Tw2K => Role::Tw2Rp,
            Role::Tw3K => Role::Tw3Rp,
            Role::Tw4K => Role::Tw4Rp,
            Role::E12K => Role::E12Rp,
            Role::E13K => Role::E13Rp,
            Role::E14K => Role::E14Rp,
            Role::ErK => Role::ErRp,
            _ => return None,
        })
    }
}

/// As its name; a width or alignment (`{:<12}`) pads it as it would the name.
impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl Serialize for Role {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Role {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = String::deserialize(d)?;
        Role::parse(&name).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "peran kolom `{name}` tidak dikenal (unknown column role); known: {}",
                Role::ALL.map(Role::as_str).join(", ")
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_reads_back_from_its_name() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(r));
            assert_eq!(r.to_string(), r.as_str());
            assert_eq!(
                format!("{r:<12}|{r:>3}"),
                format!("{:<12}|{:>3}", r.as_str(), r.as_str())
            );
        }
        assert_eq!(Role::parse("pagu"), None);
        assert_eq!(Role::parse("Pagu_N"), None);
        assert_eq!(Role::parse("PaguN"), None);
    }

    /// The pairs the code used to make by editing names (`satuan` for `target`, `_k` for
    /// `_rp`) give the same names.
    #[test]
    fn paired_roles_are_the_roles_the_names_pair() {
        for r in Role::ALL {
            let name = r.as_str();
            assert_eq!(r.is_forward_year(), name.ends_with("_n1"), "{name}");
            if let Some(t) = r.target() {
                assert_eq!(t.as_str(), name.replace("satuan", "target"));
                assert_eq!(t.unit(), r);
            }
            if let Some(rp) = r.rupiah() {
                assert_eq!(
                    rp.as_str(),
                    format!("{}_rp", name.strip_suffix("_k").unwrap())
                );
            }
            if name.starts_with(['e', 't']) && name.ends_with("_k") {
                assert!(r.rupiah().is_some(), "{name}");
            }
        }
        for r in Role::ALL {
            let n = r.as_str();
            let by_name = (n.contains("indikator")
                || n.contains("target")
                || n == "keluaran"
                || n == "volume"
                || n.starts_with('k'))
                && n != "kode";
            assert_eq!(r.continues_a_row(), by_name, "{n}");
        }
        let units = Role::ALL.into_iter().filter(|r| r.target().is_some());
        assert_eq!(units.count(), 4);
        assert_eq!(Role::Volume.unit(), Role::Satuan);
    }
}
