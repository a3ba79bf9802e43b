//! The layout zoo: one internally consistent Renja plan (Dinas Sosial, bidang 1.06, plan year
//! 2026, prakiraan maju 2027, evaluation of 2024/2025) rendered in many layouts that real offices
//! produce (header wordings, number rows, code columns, number formats, stacked tables, cover
//! sheets, signature blocks… taken from `shared/domain/header-variants.md`), each also in a
//! "planted" variant with a few known mistakes and the findings a correct checker must give.
//!
//! Shared by `tests/zoo.rs` (the assertions) and `examples/gen_zoo.rs` (writes the books).
//!
//! The plan adds up at every level, both years; T-C.31's draft side equals its analysis side and
//! T-C.33; T-C.29's derived columns are computed and rounded to two decimals (flow indicators sum
//! 5+7+9, level indicators take the latest value); T-C.30's program indicators carry the same
//! targets and realisations as T-C.29, T-C.31 and T-C.33. So a correct checker reports no error
//! and no warning on a clean book.
#![allow(dead_code)]

use rust_decimal::{Decimal, RoundingStrategy};
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet};
use std::collections::HashMap;
use std::str::FromStr;

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

/// One finding a correct checker must give on a planted book.
#[derive(Clone, Debug)]
pub struct Expected {
    pub rule: &'static str,
    pub sheet: String,
    pub cell: String,
    pub why: String,
    /// Index into `ZooBook::mistakes` of the planted mistake this finding comes from.
    pub mistake: usize,
}

/// One generated workbook.
pub struct ZooBook {
    pub layout: &'static str,
    pub planted: bool,
    pub bytes: Vec<u8>,
    /// Error and warning findings a correct checker gives (empty for a clean book).
    pub expected: Vec<Expected>,
    /// The planted mistakes, described (empty for a clean book).
    pub mistakes: Vec<String>,
}

/// Every layout, by name.
pub fn layouts() -> Vec<&'static str> {
    LAYOUTS
        .iter()
        .map(|(n, _, _)| *n)
        .filter(|n| !PENDING.iter().any(|(p, _)| p == n))
        .collect()
}

/// Layouts selaras does not read yet, each with the cause found (issue 9's closing note). They
/// stay buildable (`gen_zoo` writes them) so the next change can be measured on them; the tests
/// run over [`layouts`] only.
pub const PENDING: &[(&str, &str)] = &[];

/// Every layout, the pending ones included.
pub fn all_layouts() -> Vec<&'static str> {
    LAYOUTS.iter().map(|(n, _, _)| *n).collect()
}

/// What a layout varies, in one line (for reports).
pub fn describe(layout: &str) -> &'static str {
    LAYOUTS
        .iter()
        .find(|(n, _, _)| *n == layout)
        .map(|(_, d, _)| *d)
        .unwrap_or("")
}

/// The workbook of `layout`, clean or with its planted mistakes.
pub fn book(layout: &str, planted: bool) -> ZooBook {
    let (name, _, build) = LAYOUTS
        .iter()
        .find(|(n, _, _)| *n == layout)
        .unwrap_or_else(|| panic!("no zoo layout {layout}"));
    let plan = Plan::new();
    let sheets = build(&plan);
    let plants: Vec<Plant> = if planted { plants_of(name) } else { vec![] };
    render(name, &plan, sheets, &plants, planted)
}

/// Every book, clean and planted.
pub fn all_books() -> Vec<ZooBook> {
    layouts()
        .into_iter()
        .flat_map(|l| [book(l, false), book(l, true)])
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The plan
// ---------------------------------------------------------------------------------------------

pub const OFFICE: &str = "DINAS SOSIAL";
pub const REGENCY: &str = "KABUPATEN KUTAI KARTANEGARA";
const URUSAN: (&str, &str) = (
    "1",
    "URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR",
);
const BIDANG: (&str, &str) = ("1.06", "URUSAN PEMERINTAHAN BIDANG SOSIAL");
const KAB: &str = "Kab. Kutai Kartanegara";

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

#[derive(Clone)]
pub struct Sub {
    pub code: &'static str,
    pub name: &'static str,
    pub ind: &'static str,
    pub unit: &'static str,
    pub t: (i64, i64),
    pub p: (i64, i64),
    pub lok: &'static str,
    pub dana: &'static str,
}

/// T-C.29 inputs (columns 4, 5, 6, 7, 9) and whether the indicator is a level (percent, nilai).
#[derive(Clone)]
pub struct Ev {
    pub k: [Decimal; 5],
    pub level: bool,
}

impl Ev {
    fn new(k: [&str; 5], level: bool) -> Ev {
        Ev { k: k.map(d), level }
    }
    pub fn k4(&self) -> Decimal {
        self.k[0]
    }
    pub fn k5(&self) -> Decimal {
        self.k[1]
    }
    pub fn k6(&self) -> Decimal {
        self.k[2]
    }
    pub fn k7(&self) -> Decimal {
        self.k[3]
    }
    pub fn k9(&self) -> Decimal {
        self.k[4]
    }
    pub fn k8(&self) -> Decimal {
        pct(self.k7(), self.k6())
    }
    pub fn k10(&self) -> Decimal {
        if self.level {
            self.k9()
        } else {
            self.k5() + self.k7() + self.k9()
        }
    }
    pub fn k11(&self) -> Decimal {
        pct(self.k10(), self.k4())
    }
}

fn pct(a: Decimal, b: Decimal) -> Decimal {
    (a / b * Decimal::ONE_HUNDRED).round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

#[derive(Clone)]
pub struct Keg {
    pub code: &'static str,
    pub name: &'static str,
    pub ind: &'static str,
    pub unit: &'static str,
    pub t: (Decimal, Decimal),
    pub ev: Ev,
    pub subs: Vec<Sub>,
}

#[derive(Clone)]
pub struct Prog {
    pub code: &'static str,
    pub name: &'static str,
    pub ind: &'static str,
    pub unit: &'static str,
    pub t: (Decimal, Decimal),
    pub ev: Ev,
    pub kegs: Vec<Keg>,
}

/// A T-C.30 indicator with its yearly targets and realisations.
#[derive(Clone)]
pub struct Svc {
    pub ind: &'static str,
    pub spm: &'static str,
    pub ikk: &'static str,
    pub target: Vec<(u32, Decimal)>,
    pub real: Vec<(u32, Decimal)>,
}

pub struct Plan {
    pub progs: Vec<Prog>,
    pub svc: Vec<Svc>,
}

#[allow(clippy::too_many_arguments)]
fn sub(
    code: &'static str,
    name: &'static str,
    ind: &'static str,
    unit: &'static str,
    t: (i64, i64),
    p: (i64, i64),
    lok: &'static str,
    dana: &'static str,
) -> Sub {
    Sub {
        code,
        name,
        ind,
        unit,
        t,
        p,
        lok,
        dana,
    }
}

impl Plan {
    pub fn new() -> Plan {
        let k = |code, name, ind, unit, t: (&str, &str), ev, subs| Keg {
            code,
            name,
            ind,
            unit,
            t: (d(t.0), d(t.1)),
            ev,
            subs,
        };
        let progs = vec![
            Prog {
                code: "1.06.01",
                name: "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
                ind: "Nilai SAKIP Perangkat Daerah",
                unit: "Nilai",
                t: (d("80"), d("82")),
                ev: Ev::new(["80", "72.35", "76", "74.12", "78"], true),
                kegs: vec![
                    k(
                        "1.06.01.2.01",
                        "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
                        "Jumlah Dokumen Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
                        "Dokumen",
                        ("8", "8"),
                        Ev::new(["42", "22", "8", "7", "8"], false),
                        vec![
                            sub(
                                "1.06.01.2.01.0001",
                                "Penyusunan Dokumen Perencanaan Perangkat Daerah",
                                "Jumlah Dokumen Perencanaan Perangkat Daerah",
                                "Dokumen",
                                (3, 3),
                                (185_500_000, 195_000_000),
                                KAB,
                                "APBD",
                            ),
                            sub(
                                "1.06.01.2.01.0002",
                                "Koordinasi dan Penyusunan Dokumen RKA-SKPD",
                                "Jumlah Dokumen RKA-SKPD dan Laporan Hasil Koordinasi Penyusunan Dokumen RKA-SKPD",
                                "Dokumen",
                                (1, 1),
                                (42_750_000, 45_000_000),
                                KAB,
                                "APBD",
                            ),
                            sub(
                                "1.06.01.2.01.0007",
                                "Evaluasi Kinerja Perangkat Daerah",
                                "Jumlah Laporan Evaluasi Kinerja Perangkat Daerah",
                                "Laporan",
                                (4, 4),
                                (96_300_000, 101_000_000),
                                KAB,
                                "APBD",
                            ),
                        ],
                    ),
                    k(
                        "1.06.01.2.02",
                        "Administrasi Keuangan Perangkat Daerah",
                        "Persentase Pemenuhan Administrasi Keuangan Perangkat Daerah",
                        "Persen",
                        ("100", "100"),
                        Ev::new(["100", "96.4", "100", "98.5", "100"], true),
                        vec![
                            sub(
                                "1.06.01.2.02.0001",
                                "Penyediaan Gaji dan Tunjangan ASN",
                                "Jumlah Orang yang Menerima Gaji dan Tunjangan ASN",
                                "Orang/Bulan",
                                (125, 128),
                                (9_874_512_000, 10_368_238_000),
                                KAB,
                                "APBD",
                            ),
                            sub(
                                "1.06.01.2.02.0005",
                                "Koordinasi dan Penyusunan Laporan Keuangan Akhir Tahun SKPD",
                                "Jumlah Laporan Keuangan Akhir Tahun SKPD dan Laporan Hasil Koordinasi Penyusunan Laporan Keuangan Akhir Tahun SKPD",
                                "Laporan",
                                (1, 1),
                                (38_900_000, 40_000_000),
                                KAB,
                                "APBD",
                            ),
                        ],
                    ),
                    k(
                        "1.06.01.2.06",
                        "Administrasi Umum Perangkat Daerah",
                        "Jumlah Paket Layanan Administrasi Umum Perangkat Daerah",
                        "Paket",
                        ("48", "48"),
                        Ev::new(["240", "144", "48", "46", "48"], false),
                        vec![
                            sub(
                                "1.06.01.2.06.0002",
                                "Penyediaan Peralatan dan Perlengkapan Kantor",
                                "Jumlah Paket Peralatan dan Perlengkapan Kantor yang Disediakan",
                                "Paket",
                                (12, 12),
                                (215_000_000, 230_000_000),
                                KAB,
                                "APBD",
                            ),
                            sub(
                                "1.06.01.2.06.0004",
                                "Penyediaan Bahan Logistik Kantor",
                                "Jumlah Paket Bahan Logistik Kantor yang Disediakan",
                                "Paket",
                                (12, 12),
                                (167_450_000, 175_000_000),
                                KAB,
                                "APBD",
                            ),
                            sub(
                                "1.06.01.2.06.0009",
                                "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD",
                                "Jumlah Laporan Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD",
                                "Laporan",
                                (24, 24),
                                (310_000_000, 325_500_000),
                                KAB,
                                "APBD",
                            ),
                        ],
                    ),
                    k(
                        "1.06.01.2.08",
                        "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah",
                        "Jumlah Laporan Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah",
                        "Laporan",
                        ("24", "24"),
                        Ev::new(["125", "72", "24", "23", "24"], false),
                        vec![
                            sub(
                                "1.06.01.2.08.0002",
                                "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik",
                                "Jumlah Laporan Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik yang Disediakan",
                                "Laporan",
                                (12, 12),
                                (420_000_000, 441_000_000),
                                KAB,
                                "APBD",
                            ),
                            sub(
                                "1.06.01.2.08.0004",
                                "Penyediaan Jasa Pelayanan Umum Kantor",
                                "Jumlah Laporan Penyediaan Jasa Pelayanan Umum Kantor yang Disediakan",
                                "Laporan",
                                (12, 12),
                                (1_254_600_000, 1_317_330_000),
                                KAB,
                                "APBD",
                            ),
                        ],
                    ),
                ],
            },
            Prog {
                code: "1.06.04",
                name: "PROGRAM REHABILITASI SOSIAL",
                ind: "Persentase Penyandang Disabilitas Terlantar, Anak Terlantar, Lanjut Usia Terlantar, serta Gelandangan Pengemis yang Terpenuhi Kebutuhan Dasarnya di Luar Panti",
                unit: "Persen",
                t: (d("100"), d("100")),
                ev: Ev::new(["100", "97.63", "100", "99.12", "100"], true),
                kegs: vec![
                    k(
                        "1.06.04.2.01",
                        "Rehabilitasi Sosial Dasar Penyandang Disabilitas Terlantar, Anak Terlantar, Lanjut Usia Terlantar, serta Gelandangan Pengemis di Luar Panti Sosial",
                        "Jumlah Penyandang Disabilitas Terlantar, Anak Terlantar, Lanjut Usia Terlantar, serta Gelandangan Pengemis yang Mendapatkan Rehabilitasi Sosial Dasar",
                        "Orang",
                        ("410", "440"),
                        Ev::new(["2000", "1150", "400", "385", "405"], false),
                        vec![
                            sub(
                                "1.06.04.2.01.0001",
                                "Penyediaan Permakanan",
                                "Jumlah Orang yang Mendapatkan Permakanan",
                                "Orang",
                                (150, 160),
                                (675_000_000, 720_000_000),
                                KAB,
                                "APBD",
                            ),
                            sub(
                                "1.06.04.2.01.0003",
                                "Penyediaan Alat Bantu",
                                "Jumlah Orang yang Mendapatkan Alat Bantu",
                                "Orang",
                                (60, 60),
                                (240_000_000, 252_000_000),
                                "Kec. Tenggarong",
                                "APBD",
                            ),
                            sub(
                                "1.06.04.2.01.0009",
                                "Pemberian Layanan Data dan Pengaduan",
                                "Jumlah Orang yang Mendapatkan Layanan Data dan Pengaduan",
                                "Orang",
                                (200, 220),
                                (85_250_000, 90_000_000),
                                KAB,
                                "APBD",
                            ),
                        ],
                    ),
                    k(
                        "1.06.04.2.02",
                        "Rehabilitasi Sosial Penyandang Masalah Kesejahteraan Sosial (PMKS) Lainnya Bukan Korban HIV/AIDS dan NAPZA di Luar Panti Sosial",
                        "Jumlah PMKS Lainnya Bukan Korban HIV/AIDS dan NAPZA yang Mendapatkan Rehabilitasi Sosial",
                        "Orang",
                        ("80", "85"),
                        Ev::new(["420", "230", "80", "71", "80"], false),
                        vec![
                            sub(
                                "1.06.04.2.02.0002",
                                "Pemberian Layanan Kedaruratan",
                                "Jumlah PMKS Lainnya yang Mendapatkan Layanan Kedaruratan",
                                "Orang",
                                (80, 85),
                                (130_000_000, 137_500_000),
                                KAB,
                                "APBD",
                            ),
                            sub(
                                "1.06.04.2.02.0014",
                                "Kerja Sama antar Lembaga dan Kemitraan dalam Pelaksanaan Rehabilitasi Sosial Kabupaten/Kota",
                                "Jumlah Lembaga yang Bekerja Sama dalam Pelaksanaan Rehabilitasi Sosial",
                                "Lembaga",
                                (6, 6),
                                (74_800_000, 78_000_000),
                                KAB,
                                "APBD",
                            ),
                        ],
                    ),
                ],
            },
            Prog {
                code: "1.06.06",
                name: "PROGRAM PENANGANAN BENCANA",
                ind: "Persentase Korban Bencana Alam dan Sosial yang Terpenuhi Kebutuhan Dasarnya pada Saat dan Setelah Tanggap Darurat Bencana",
                unit: "Persen",
                t: (d("100"), d("100")),
                ev: Ev::new(["100", "100", "100", "100", "100"], true),
                kegs: vec![
                    k(
                        "1.06.06.2.01",
                        "Perlindungan Sosial Korban Bencana Alam dan Sosial Kabupaten/Kota",
                        "Jumlah Korban Bencana Alam dan Sosial yang Mendapatkan Perlindungan Sosial",
                        "Orang",
                        ("1600", "1620"),
                        Ev::new(["7500", "4200", "1500", "1420", "1550"], false),
                        vec![
                            sub(
                                "1.06.06.2.01.0001",
                                "Penyediaan Makanan",
                                "Jumlah Korban Bencana yang Mendapatkan Makanan",
                                "Orang",
                                (1000, 1000),
                                (450_000_000, 472_500_000),
                                KAB,
                                "APBD",
                            ),
                            sub(
                                "1.06.06.2.01.0002",
                                "Penyediaan Sandang",
                                "Jumlah Paket Sandang bagi Korban Bencana",
                                "Paket",
                                (500, 500),
                                (312_500_000, 328_000_000),
                                KAB,
                                "APBD",
                            ),
                            sub(
                                "1.06.06.2.01.0005",
                                "Pelayanan Dukungan Psikososial",
                                "Jumlah Korban Bencana yang Mendapatkan Dukungan Psikososial",
                                "Orang",
                                (100, 120),
                                (95_600_000, 100_000_000),
                                KAB,
                                "APBD",
                            ),
                        ],
                    ),
                    k(
                        "1.06.06.2.02",
                        "Penyelenggaraan Pemberdayaan Masyarakat Terhadap Kesiapsiagaan Bencana Kabupaten/Kota",
                        "Jumlah Kampung Siaga Bencana yang Dibentuk",
                        "Desa",
                        ("4", "4"),
                        Ev::new(["20", "8", "4", "4", "4"], false),
                        vec![
                            sub(
                                "1.06.06.2.02.0001",
                                "Koordinasi, Sosialisasi dan Pelaksanaan Kampung Siaga Bencana",
                                "Jumlah Kampung Siaga Bencana yang Terbentuk",
                                "Desa",
                                (4, 4),
                                (280_000_000, 294_000_000),
                                "Kec. Loa Kulu",
                                "APBD",
                            ),
                            sub(
                                "1.06.06.2.02.0003",
                                "Peningkatan Kapasitas Relawan Taruna Siaga Bencana",
                                "Jumlah Relawan Taruna Siaga Bencana yang Ditingkatkan Kapasitasnya",
                                "Orang",
                                (50, 60),
                                (187_250_000, 196_600_000),
                                KAB,
                                "APBD",
                            ),
                        ],
                    ),
                ],
            },
        ];
        let yv = |v: &[(u32, &str)]| v.iter().map(|(y, s)| (*y, d(s))).collect::<Vec<_>>();
        let svc = vec![
            Svc {
                ind: "Nilai SAKIP Perangkat Daerah",
                spm: "",
                ikk: "Nilai SAKIP",
                target: yv(&[
                    (2022, "70"),
                    (2023, "72"),
                    (2024, "76"),
                    (2025, "78"),
                    (2026, "80"),
                    (2027, "82"),
                ]),
                real: yv(&[
                    (2022, "69.5"),
                    (2023, "72.35"),
                    (2024, "74.12"),
                    (2025, "78"),
                    (2026, "80"),
                    (2027, "82"),
                ]),
            },
            Svc {
                ind: "Persentase Penyandang Disabilitas Terlantar, Anak Terlantar, Lanjut Usia Terlantar, serta Gelandangan Pengemis yang Terpenuhi Kebutuhan Dasarnya di Luar Panti",
                spm: "SPM",
                ikk: "Persentase PMKS yang Terpenuhi Kebutuhan Dasarnya di Luar Panti",
                target: yv(&[
                    (2022, "100"),
                    (2023, "100"),
                    (2024, "100"),
                    (2025, "100"),
                    (2026, "100"),
                    (2027, "100"),
                ]),
                real: yv(&[
                    (2022, "97.2"),
                    (2023, "97.63"),
                    (2024, "99.12"),
                    (2025, "100"),
                    (2026, "100"),
                    (2027, "100"),
                ]),
            },
            Svc {
                ind: "Persentase Korban Bencana Alam dan Sosial yang Terpenuhi Kebutuhan Dasarnya pada Saat dan Setelah Tanggap Darurat Bencana",
                spm: "SPM",
                ikk: "Persentase Korban Bencana yang Terpenuhi Kebutuhan Dasarnya",
                target: yv(&[
                    (2022, "100"),
                    (2023, "100"),
                    (2024, "100"),
                    (2025, "100"),
                    (2026, "100"),
                    (2027, "100"),
                ]),
                real: yv(&[
                    (2022, "100"),
                    (2023, "100"),
                    (2024, "100"),
                    (2025, "100"),
                    (2026, "100"),
                    (2027, "100"),
                ]),
            },
        ];
        Plan { progs, svc }
    }

    pub fn subs(&self) -> impl Iterator<Item = &Sub> {
        self.progs
            .iter()
            .flat_map(|p| p.kegs.iter().flat_map(|k| k.subs.iter()))
    }
    pub fn keg_pagu(k: &Keg) -> (i64, i64) {
        k.subs
            .iter()
            .fold((0, 0), |a, s| (a.0 + s.p.0, a.1 + s.p.1))
    }
    pub fn prog_pagu(p: &Prog) -> (i64, i64) {
        p.kegs
            .iter()
            .map(Plan::keg_pagu)
            .fold((0, 0), |a, k| (a.0 + k.0, a.1 + k.1))
    }
    pub fn total(&self) -> (i64, i64) {
        self.progs
            .iter()
            .map(Plan::prog_pagu)
            .fold((0, 0), |a, k| (a.0 + k.0, a.1 + k.1))
    }
    pub fn n_kegiatan(&self) -> usize {
        self.progs.iter().map(|p| p.kegs.len()).sum()
    }
    pub fn n_sub(&self) -> usize {
        self.subs().count()
    }
}

impl Default for Plan {
    fn default() -> Self {
        Plan::new()
    }
}

/// `15.387.210.499`, `92,45`: a number as Indonesian staff write it.
pub fn id_text(v: Decimal, decimals: Option<u32>) -> String {
    let v = match decimals {
        Some(dp) => v.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero),
        None => v.normalize(),
    };
    let neg = v.is_sign_negative();
    let s = v.abs().to_string();
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), f.to_string()),
        None => (s, String::new()),
    };
    let frac = match decimals {
        Some(dp) => format!("{:0<w$}", frac, w = dp as usize),
        None => frac,
    };
    let mut grouped = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(ch);
    }
    let mut out = if neg { format!("-{grouped}") } else { grouped };
    if !frac.is_empty() {
        out.push(',');
        out.push_str(&frac);
    }
    out
}

fn words_id(n: usize) -> &'static str {
    match n {
        3 => "Tiga",
        8 => "Delapan",
        19 => "Sembilan Belas",
        20 => "Dua Puluh",
        _ => "",
    }
}

/// The sentence stating the counts (section 2.5 of a Renja).
pub fn count_statement(plan: &Plan) -> String {
    let (p, k, s) = (plan.progs.len(), plan.n_kegiatan(), plan.n_sub());
    format!(
        "Program dan kegiatan yang akan dilaksanakan Dinas Sosial Kabupaten Kutai Kartanegara pada tahun 2026 meliputi {p} ({}) program yang dilaksanakan dalam {k} ({}) kegiatan, dan {s} ({}) sub kegiatan.",
        words_id(p),
        words_id(k),
        words_id(s)
    )
}

/// The sentence stating the total budget (before T-C.33 in a Renja).
pub fn total_statement(plan: &Plan) -> String {
    format!(
        "Total kebutuhan dana / pagu indikatif pada Rancangan Awal RENJA Tahun 2026 adalah sebesar Rp. {},-",
        id_text(Decimal::from(plan.total().0), None)
    )
}

// ---------------------------------------------------------------------------------------------
// Table rows: each table kind's rows as named fields
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Debug, PartialEq)]
enum V {
    Text(String),
    /// Rupiah amount (scaled to thousands when the column says so).
    Amt(i64),
    /// A target or evaluation value; `Some(2)`: always shown with two decimals.
    Num(Decimal, Option<u32>),
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Lv {
    Urusan,
    Bidang,
    Program,
    Kegiatan,
    Sub,
    Total,
    Other,
}

#[derive(Clone)]
struct Row {
    key: String,
    lv: Lv,
    vals: HashMap<&'static str, V>,
}

impl Row {
    fn new(key: &str, lv: Lv) -> Row {
        Row {
            key: key.to_string(),
            lv,
            vals: HashMap::new(),
        }
    }
    fn t(mut self, f: &'static str, s: &str) -> Row {
        if !s.is_empty() {
            self.vals.insert(f, V::Text(s.to_string()));
        }
        self
    }
    fn a(mut self, f: &'static str, v: i64) -> Row {
        self.vals.insert(f, V::Amt(v));
        self
    }
    fn n(mut self, f: &'static str, v: Decimal, dp: Option<u32>) -> Row {
        self.vals.insert(f, V::Num(v, dp));
        self
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum Kind {
    T29,
    T30,
    T31,
    T32,
    T33,
    Usulan,
    /// Not a Renja table: a staff list (`No | Nama | NIP | Jabatan`) kept in the same workbook.
    Staff,
    /// Not a Renja table: the Renstra's table 2.3 (service performance over the last five
    /// years, `Tahun ke-1 … ke-5`), pasted into BAB II next to T-C.30.
    Renstra23,
    /// Not T-C.31: HF's `Penggabungan Prioritas Masukan Masyarakat dengan Rancangan Renja`,
    /// the same 5 + 5 + note shape, its second side the community's requests.
    Merge,
    /// Form E.81, the year-end evaluation of the 2024 Renja (K/Rp pairs for columns 5–14, the
    /// mean capaian and predikat rows under the grid).
    E81,
}

impl Kind {
    pub fn label(self) -> &'static str {
        match self {
            Kind::T29 => "T-C.29",
            Kind::T30 => "T-C.30",
            Kind::T31 => "T-C.31",
            Kind::T32 => "T-C.32",
            Kind::T33 => "T-C.33",
            Kind::Usulan => "usulan program (2.5)",
            Kind::Staff => "daftar pegawai",
            Kind::Renstra23 => "Renstra tabel 2.3",
            Kind::Merge => "penggabungan usulan masyarakat",
            Kind::E81 => "E.81",
        }
    }
}

/// Options of the rows themselves (not of the columns).
#[derive(Clone, Copy)]
struct RowOpts {
    /// Urusan and bidang rows on top.
    top: bool,
    /// A closing `JUMLAH` row.
    total: Option<&'static str>,
    /// The `JUMLAH` row written first, above the urusan row, instead of last.
    total_top: bool,
    /// Only this program's rows (a sheet per program).
    only_prog: Option<&'static str>,
    /// E.81 with sub kegiatan rows under each kegiatan.
    e81_subs: bool,
}

fn rows_of(kind: Kind, plan: &Plan, o: RowOpts) -> Vec<Row> {
    let mut rows = Vec::new();
    let (tot26, tot27) = plan.total();
    let dec = |i: i64| Decimal::from(i);
    let total_row = |rows: &mut Vec<Row>| {
        if let Some(label) = o.total {
            rows.push(
                Row::new("total", Lv::Total)
                    .t("name", label)
                    .a("p26", tot26)
                    .a("p27", tot27),
            );
        }
    };
    match kind {
        Kind::T33 => {
            if o.total_top {
                total_row(&mut rows);
            }
            if o.top {
                rows.push(
                    Row::new("urusan", Lv::Urusan)
                        .t("code", URUSAN.0)
                        .t("name", URUSAN.1),
                );
                rows.push(
                    Row::new("bidang", Lv::Bidang)
                        .t("code", BIDANG.0)
                        .t("name", BIDANG.1)
                        .a("p26", tot26)
                        .a("p27", tot27),
                );
            }
            // SIPD-RI folds T-C.29's columns 4, 7 and 9 into the plan table (program and
            // kegiatan rows; sub kegiatan rows have no evaluation).
            let ev3 = |r: Row, ev: &Ev| {
                r.n("k4", ev.k4(), None)
                    .n("k7", ev.k7(), None)
                    .n("k9", ev.k9(), None)
            };
            let mut no = 0;
            let mut next = || {
                no += 1;
                Decimal::from(no)
            };
            for p in plan
                .progs
                .iter()
                .filter(|p| o.only_prog.is_none_or(|c| c == p.code))
            {
                let (p26, p27) = Plan::prog_pagu(p);
                rows.push(ev3(
                    Row::new(p.code, Lv::Program)
                        .n("no", next(), None)
                        .t("code", p.code)
                        .t("name", p.name)
                        .t("ind", p.ind)
                        .n("t26", p.t.0, None)
                        .t("u26", p.unit)
                        .a("p26", p26)
                        .n("t27", p.t.1, None)
                        .t("u27", p.unit)
                        .a("p27", p27),
                    &p.ev,
                ));
                for k in &p.kegs {
                    let (k26, k27) = Plan::keg_pagu(k);
                    rows.push(ev3(
                        Row::new(k.code, Lv::Kegiatan)
                            .n("no", next(), None)
                            .t("code", k.code)
                            .t("name", k.name)
                            .t("ind", k.ind)
                            .n("t26", k.t.0, None)
                            .t("u26", k.unit)
                            .a("p26", k26)
                            .n("t27", k.t.1, None)
                            .t("u27", k.unit)
                            .a("p27", k27),
                        &k.ev,
                    ));
                    for s in &k.subs {
                        rows.push(
                            Row::new(s.code, Lv::Sub)
                                .n("no", next(), None)
                                .t("code", s.code)
                                .t("name", s.name)
                                .t("ind", s.ind)
                                .t("lok", s.lok)
                                .n("t26", dec(s.t.0), None)
                                .t("u26", s.unit)
                                .a("p26", s.p.0)
                                .t("dana", s.dana)
                                .n("t27", dec(s.t.1), None)
                                .t("u27", s.unit)
                                .a("p27", s.p.1),
                        );
                    }
                }
            }
            if !o.total_top {
                total_row(&mut rows);
            }
        }
        Kind::T31 => {
            let tot31 = |label| {
                Row::new("total", Lv::Total)
                    .t("name", label)
                    .a("r_p", tot26)
                    .a("a_p", tot26)
            };
            if let (true, Some(label)) = (o.total_top, o.total) {
                rows.push(tot31(label));
            }
            let both = |r: Row,
                        f: &dyn Fn(
                Row,
                &'static str,
                &'static str,
                &'static str,
                &'static str,
                &'static str,
            ) -> Row| {
                let r = f(r, "r_lok", "r_ind", "r_t", "r_u", "r_p");
                f(r, "a_lok", "a_ind", "a_t", "a_u", "a_p")
            };
            if o.top {
                rows.push(Row::new("urusan", Lv::Urusan).t("name", URUSAN.1));
                rows.push(both(
                    Row::new("bidang", Lv::Bidang).t("name", BIDANG.1),
                    &|r, _, _, _, _, pg| r.a(pg, tot26),
                ));
            }
            let mut no = 0;
            for p in &plan.progs {
                let (p26, _) = Plan::prog_pagu(p);
                rows.push(both(
                    Row::new(p.code, Lv::Program).t("name", p.name),
                    &|r, _, i, t, u, pg| r.t(i, p.ind).n(t, p.t.0, None).t(u, p.unit).a(pg, p26),
                ));
                for k in &p.kegs {
                    let (k26, _) = Plan::keg_pagu(k);
                    rows.push(both(
                        Row::new(k.code, Lv::Kegiatan).t("name", k.name),
                        &|r, _, i, t, u, pg| {
                            r.t(i, k.ind).n(t, k.t.0, None).t(u, k.unit).a(pg, k26)
                        },
                    ));
                    for s in &k.subs {
                        no += 1;
                        let row = Row::new(s.code, Lv::Sub)
                            .n("no", dec(no), None)
                            .t("name", s.name);
                        rows.push(both(row, &|r, l, i, t, u, pg| {
                            r.t(l, s.lok)
                                .t(i, s.ind)
                                .n(t, dec(s.t.0), None)
                                .t(u, s.unit)
                                .a(pg, s.p.0)
                        }));
                    }
                }
            }
            if let (false, Some(label)) = (o.total_top, o.total) {
                rows.push(tot31(label));
            }
        }
        Kind::Usulan => {
            if o.top {
                rows.push(Row::new("urusan", Lv::Urusan).t("name", URUSAN.1));
                rows.push(Row::new("bidang", Lv::Bidang).t("name", BIDANG.1));
            }
            let mut no = 0;
            for p in &plan.progs {
                rows.push(Row::new(p.code, Lv::Program).t("name", p.name));
                for k in &p.kegs {
                    rows.push(Row::new(k.code, Lv::Kegiatan).t("name", k.name));
                    for s in &k.subs {
                        no += 1;
                        rows.push(
                            Row::new(s.code, Lv::Sub)
                                .n("no", dec(no), None)
                                .t("name", s.name)
                                .t("kel", s.ind)
                                .t("lok", s.lok)
                                .n("vol", dec(s.t.0), None)
                                .t("sat", s.unit),
                        );
                    }
                }
            }
        }
        Kind::T29 => {
            if o.top {
                rows.push(
                    Row::new("urusan", Lv::Urusan)
                        .t("code", URUSAN.0)
                        .t("name", URUSAN.1),
                );
                rows.push(
                    Row::new("bidang", Lv::Bidang)
                        .t("code", BIDANG.0)
                        .t("name", BIDANG.1),
                );
            }
            let ev_row = |r: Row, ev: &Ev| {
                r.n("k4", ev.k4(), None)
                    .n("k5", ev.k5(), None)
                    .n("k6", ev.k6(), None)
                    .n("k7", ev.k7(), None)
                    .n("k8", ev.k8(), Some(2))
                    .n("k9", ev.k9(), None)
                    .n("k10", ev.k10(), None)
                    .n("k11", ev.k11(), Some(2))
            };
            for p in &plan.progs {
                rows.push(ev_row(
                    Row::new(p.code, Lv::Program)
                        .t("code", p.code)
                        .t("name", p.name)
                        .t("ind", p.ind),
                    &p.ev,
                ));
                for k in &p.kegs {
                    rows.push(ev_row(
                        Row::new(k.code, Lv::Kegiatan)
                            .t("code", k.code)
                            .t("name", k.name)
                            .t("ind", k.ind),
                        &k.ev,
                    ));
                }
            }
        }
        Kind::T30 => {
            for (i, s) in plan.svc.iter().enumerate() {
                let mut r = Row::new(&format!("svc{i}"), Lv::Other)
                    .n("no", dec(i as i64 + 1), None)
                    .t("ind", s.ind)
                    .t("spm", s.spm)
                    .t("ikk", s.ikk);
                for (y, v) in &s.target {
                    r.vals.insert(leak(format!("t{y}")), V::Num(*v, Some(2)));
                }
                for (y, v) in &s.real {
                    r.vals.insert(leak(format!("r{y}")), V::Num(*v, Some(2)));
                    if let Some((_, t)) = s.target.iter().find(|(ty, _)| ty == y) {
                        r.vals
                            .insert(leak(format!("c{y}")), V::Num(pct(*v, *t), Some(2)));
                    }
                }
                rows.push(r);
            }
        }
        Kind::T32 => {
            let props = [
                (
                    "Bantuan Sarana Prasarana Kelembagaan Karang Taruna",
                    "ID SIPD: 2290612 Permohonan bantuan sarana prasarana sekretariat Karang Taruna Desa Bukit Raya",
                    "Desa Bukit Raya, Kec. Tenggarong Seberang",
                    "Sarana Prasarana Karang Taruna",
                    "1 Paket",
                    "Belum Prioritas",
                ),
                (
                    "Bantuan Permakanan Lanjut Usia Terlantar",
                    "ID SIPD: 2252140 Permakanan bagi lansia terlantar di Kelurahan Loa Ipuh",
                    "Kel. Loa Ipuh, Kec. Tenggarong",
                    "Lanjut Usia Terlantar",
                    "25 Orang",
                    "Diakomodir melalui sub kegiatan Penyediaan Permakanan",
                ),
                (
                    "Pembentukan Kampung Siaga Bencana",
                    "ID SIPD: 2237601 Usulan pembentukan Kampung Siaga Bencana Desa Sungai Payang",
                    "Desa Sungai Payang, Kec. Loa Kulu",
                    "Kampung Siaga Bencana",
                    "1 Desa",
                    "Diakomodir",
                ),
            ];
            for (i, p) in props.iter().enumerate() {
                rows.push(
                    Row::new(&format!("usul{i}"), Lv::Other)
                        .n("no", dec(i as i64 + 1), None)
                        .t("kamus", p.0)
                        .t("masalah", p.1)
                        .t("lok", p.2)
                        .t("ind", p.3)
                        .t("vol", p.4)
                        .t("cat", p.5),
                );
            }
        }
        Kind::Merge => {
            // The draft side is the plan; the community asked for more in two places.
            let asks = [("1.06.04.2.01.0001", 175), ("1.06.06.2.01.0001", 1100)];
            rows = rows_of(Kind::T31, plan, o);
            for r in rows.iter_mut() {
                if let Some((_, v)) = asks.iter().find(|(c, _)| *c == r.key) {
                    r.vals.insert("a_t", V::Num(dec(*v), None));
                }
            }
        }
        Kind::Renstra23 => {
            // Tahun ke-1 … ke-5 = 2020 … 2024; 2022 … 2024 as in T-C.30.
            let vals: [(&str, [&str; 5], [&str; 5]); 3] = [
                (
                    "Nilai SAKIP Perangkat Daerah",
                    ["64", "66", "70", "72", "76"],
                    ["63.1", "65.8", "69.5", "72.35", "74.12"],
                ),
                (
                    "Persentase PMKS yang Terpenuhi Kebutuhan Dasarnya di Luar Panti",
                    ["100", "100", "100", "100", "100"],
                    ["95.5", "96.8", "97.2", "97.63", "99.12"],
                ),
                (
                    "Persentase Korban Bencana yang Terpenuhi Kebutuhan Dasarnya",
                    ["100", "100", "100", "100", "100"],
                    ["100", "100", "100", "100", "100"],
                ),
            ];
            for (i, (ind, t, r)) in vals.iter().enumerate() {
                let mut row = Row::new(&format!("renstra{i}"), Lv::Other)
                    .n("no", dec(i as i64 + 1), None)
                    .t("ind", ind)
                    .t("nspk", if i == 0 { "-" } else { "SPM" })
                    .t("ikk", if i == 0 { "" } else { "IKK" });
                for k in 0..5 {
                    let (tv, rv) = (d(t[k]), d(r[k]));
                    row = row
                        .n(leak(format!("t{}", k + 1)), tv, Some(2))
                        .n(leak(format!("r{}", k + 1)), rv, Some(2))
                        .n(leak(format!("c{}", k + 1)), pct(rv, tv), Some(2));
                }
                rows.push(row);
            }
        }
        Kind::E81 => {
            rows = e81_rows(plan, o.e81_subs);
        }
        Kind::Staff => {
            let staff = [
                (
                    "Drs. H. ANDI MUHAMMAD RIFAI, M.Si",
                    "19700101 199003 1 001",
                    "Kepala Dinas",
                    "IV/c",
                ),
                (
                    "HJ. SITI RAHMAWATI, S.Sos, M.AP",
                    "19750312 199803 2 004",
                    "Sekretaris",
                    "IV/b",
                ),
                (
                    "MUHAMMAD YUSUF, S.E.",
                    "19800517 200501 1 012",
                    "Kepala Sub Bagian Perencanaan dan Keuangan",
                    "III/d",
                ),
                (
                    "RINA KARTIKA SARI, S.Kom",
                    "19880921 201101 2 007",
                    "Analis Perencanaan",
                    "III/c",
                ),
                (
                    "AHMAD FAUZI",
                    "19910204 201503 1 002",
                    "Pengelola Keuangan",
                    "III/a",
                ),
                (
                    "NURUL HIDAYAH, A.Md",
                    "19930730 201903 2 010",
                    "Pengadministrasi Umum",
                    "II/c",
                ),
            ];
            for (i, s) in staff.iter().enumerate() {
                rows.push(
                    Row::new(&format!("staff{i}"), Lv::Other)
                        .n("no", dec(i as i64 + 1), None)
                        .t("nama", s.0)
                        .t("nip", s.1)
                        .t("jabatan", s.2)
                        .t("gol", s.3),
                );
            }
        }
    }
    rows
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

// ---------------------------------------------------------------------------------------------
// Layout description: sheets, blocks, tables, columns
// ---------------------------------------------------------------------------------------------

/// How the code is written.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum CodeStyle {
    /// `1 | 06 | 01 | 2,01 | 01`: urusan a number, bidang text, program a number shown `00`,
    /// kegiatan the number 2.01 shown `0.00`, sub kegiatan text of two digits.
    Split5Num,
    /// `1 | 06 | 01 | 2.01 | 0001`, all text.
    Split5Text,
    /// `1 | 06 | 01 | 2 | 01 | 0001`, all text.
    Split6,
    /// `1.06 | 01 | 2.01 | 0001`, all text (a `Kode` header over four columns).
    Split4,
    /// `1.06.01.2.01.0001`.
    Joined,
    /// `1.06.01.2.01.01`.
    JoinedShort,
}

#[derive(Clone)]
enum Src {
    F(&'static str),
    /// Target and unit in one cell: `12 Dokumen`.
    Tu(&'static str, &'static str),
    /// Segment `i` of the code.
    Seg(usize),
    /// The whole code in one cell.
    Code,
    /// An empty column (e.g. Catatan).
    Empty,
    /// The inner source on rows of these levels only, blank elsewhere (WP's indicator columns
    /// per level, names indented one column per level).
    OnLv(Box<Src>, &'static [Lv]),
    /// The same text on every program, kegiatan and sub kegiatan row (`Dinas Sosial`).
    Const(&'static str),
    /// A helper formula with its cached value (hidden helper columns).
    Fx(Helper),
    /// The code with trailing spaces (`1.06.01.2.01.0001  `) as typed or pasted.
    CodePadded,
    /// The code typed with a trailing dot (`1.06.01.`, `1.06.01.2.01.0001.`).
    CodeDot,
}

/// What a hidden helper column computes.
#[derive(Clone, Copy)]
enum Helper {
    /// `=A7&"."&B7&…`: the code segments joined (text).
    JoinCode,
    /// `=X7-Y7` between two fields (0 on a clean book).
    Diff(&'static str, &'static str),
    /// `=X7*1000`: a thousands amount back in rupiah.
    Rupiah(&'static str),
}

#[derive(Clone)]
struct Col {
    head: Vec<String>,
    src: Src,
    width: f64,
    hidden: bool,
}

fn col(head: &[&str], src: Src, width: f64) -> Col {
    Col {
        head: head.iter().map(|s| s.to_string()).collect(),
        src,
        width,
        hidden: false,
    }
}

/// A hidden helper column.
fn helper(head: &str, h: Helper) -> Col {
    Col {
        head: vec![head.to_string()],
        src: Src::Fx(h),
        width: 10.0,
        hidden: true,
    }
}

/// A source only on rows of the given levels.
fn on(levels: &'static [Lv], src: Src) -> Src {
    Src::OnLv(Box::new(src), levels)
}

/// One cell of a number row written as the form has it, over `span` Excel columns.
#[derive(Clone)]
enum NumCell {
    /// A number cell (`7`; `-1` when `(1)` was typed and Excel took it for a negative number).
    N(i64, u16),
    /// A text cell (`(1)`, `12 = 8+9+10+11`).
    S(&'static str, u16),
}

/// Bare number cells `from..=to`, one per Excel column.
fn nums(from: i64, to: i64) -> Vec<NumCell> {
    (from..=to).map(|n| NumCell::N(n, 1)).collect()
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum NumStyle {
    /// `(1) (2) …`, formulas `(8)=(7)/(6)x100`.
    ParenFx,
    /// `(1) (2) …`, no formulas.
    Paren,
    /// bare number cells `1 2 …`.
    Bare,
    /// bare numbers with spaced formulas `8 = 7/6 x 100`, `10 = 5+7+9`, `11 = 10/4 x 100`.
    BareFx,
    /// HF: `8(7/6)`, `10(5+7+9)*`, `11*`.
    Glued,
    /// BDG: `(1)` over the code columns, then bare numbers `2 3 …`.
    FirstParen,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum CodeNum {
    /// One number merged over the split code columns.
    Merged,
    /// One number per Excel column (later columns shift).
    PerColumn,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum HStyle {
    Merged,
    /// "Centre across selection": group text in the first cell, no merge; single-level cells
    /// text in the top row with an empty cell below.
    Across,
}

#[derive(Clone)]
struct Table {
    kind: Kind,
    titles: Vec<String>,
    cols: Vec<Col>,
    code: CodeStyle,
    num: Option<(NumStyle, CodeNum)>,
    hstyle: HStyle,
    /// Numbers as Indonesian text instead of number cells.
    text_numbers: bool,
    /// Amounts in thousands (the header says so).
    thousands: bool,
    rows: RowOpts,
    /// Repeat the header after this many data rows, after a furniture line (`Lembar : N`).
    page: Option<(usize, &'static str)>,
    /// Blank rows between the title and the header.
    gap: u32,
    /// T-C.29 percentages (columns 8, 11) as percent-formatted cells (0.9688 shown 96.88%).
    pct_cells: bool,
    /// Text amounts written `Rp. 185.500.000`.
    rp: bool,
    /// First Excel column of the table (titles, header, rows).
    left: u16,
    /// A first header row of empty bordered cells (WP's width row).
    width_row: bool,
    /// A blank row between the header (or number row) and the first data row.
    blank_after_header: bool,
    /// The number row exactly as the form prints it (overrides `num`).
    num_cells: Option<Vec<NumCell>>,
    /// Percent columns (T-C.29 8 and 11, T-C.30 capaian) typed as text `97,53%`.
    pct_text: bool,
    /// Free notes in the sheet's column A beside these data rows (the table starts further
    /// right).
    notes: Vec<(usize, &'static str)>,
    /// Titles written in one cell each, not merged over the table.
    titles_unmerged: bool,
    /// Amount cells with an `"Rp "#,##0` number format (a number shown `Rp 185.500.000`).
    rp_fmt: bool,
    /// The worksheet is protected (no difference in the data).
    protect: bool,
}

impl Table {
    fn new(kind: Kind, titles: &[&str], cols: Vec<Col>) -> Table {
        Table {
            kind,
            titles: titles.iter().map(|s| s.to_string()).collect(),
            cols,
            code: CodeStyle::Joined,
            num: None,
            hstyle: HStyle::Merged,
            text_numbers: false,
            thousands: false,
            rows: RowOpts {
                top: true,
                total: None,
                total_top: false,
                only_prog: None,
                e81_subs: false,
            },
            page: None,
            gap: 1,
            pct_cells: false,
            rp: false,
            left: 0,
            width_row: false,
            blank_after_header: false,
            num_cells: None,
            pct_text: false,
            notes: vec![],
            titles_unmerged: false,
            rp_fmt: false,
            protect: false,
        }
    }
    fn e81_subs(mut self) -> Table {
        self.rows.e81_subs = true;
        self
    }
    fn rp_fmt(mut self) -> Table {
        self.rp_fmt = true;
        self
    }
    fn protect(mut self) -> Table {
        self.protect = true;
        self
    }
    fn left(mut self, c: u16) -> Table {
        self.left = c;
        self
    }
    fn width_row(mut self) -> Table {
        self.width_row = true;
        self
    }
    fn blank_after_header(mut self) -> Table {
        self.blank_after_header = true;
        self
    }
    fn num_cells(mut self, cells: Vec<NumCell>) -> Table {
        self.num_cells = Some(cells);
        self
    }
    fn pct_text(mut self) -> Table {
        self.pct_text = true;
        self
    }
    fn notes(mut self, n: &[(usize, &'static str)]) -> Table {
        self.notes = n.to_vec();
        self
    }
    fn total_top(mut self) -> Table {
        self.rows.total_top = true;
        self
    }
    fn only_prog(mut self, code: &'static str) -> Table {
        self.rows.only_prog = Some(code);
        self
    }
    fn titles_unmerged(mut self) -> Table {
        self.titles_unmerged = true;
        self
    }
    fn code(mut self, c: CodeStyle) -> Table {
        self.code = c;
        self
    }
    fn num(mut self, s: NumStyle, c: CodeNum) -> Table {
        self.num = Some((s, c));
        self
    }
    fn across(mut self) -> Table {
        self.hstyle = HStyle::Across;
        self
    }
    fn text(mut self) -> Table {
        self.text_numbers = true;
        self
    }
    fn thousands(mut self) -> Table {
        self.thousands = true;
        self
    }
    fn total(mut self, label: &'static str) -> Table {
        self.rows.total = Some(label);
        self
    }
    fn no_top(mut self) -> Table {
        self.rows.top = false;
        self
    }
    fn page(mut self, every: usize, furniture: &'static str) -> Table {
        self.page = Some((every, furniture));
        self
    }
    fn gap(mut self, g: u32) -> Table {
        self.gap = g;
        self
    }
    fn pct_cells(mut self) -> Table {
        self.pct_cells = true;
        self
    }
    fn rp(mut self) -> Table {
        self.rp = true;
        self
    }
}

#[derive(Clone)]
enum Block {
    /// Free text lines (cover page, section text), one per row in column A.
    Text(Vec<String>),
    /// A statement sentence whose cell planted findings may point to (`count` / `total`).
    Statement(&'static str, String),
    Table(Table),
    Blank(u32),
    /// Place/date, office head, name, NIP under a table, in the given column.
    Signature(u16),
    /// Tables side by side from the same row (each at its own `left`).
    Side(Vec<Table>),
}

#[derive(Clone)]
struct SheetSpec {
    name: String,
    blocks: Vec<Block>,
}

fn sheet(name: &str, blocks: Vec<Block>) -> SheetSpec {
    SheetSpec {
        name: name.to_string(),
        blocks,
    }
}

fn code_cols(label: &str, style: CodeStyle) -> Vec<Col> {
    let n = match style {
        CodeStyle::Split5Num | CodeStyle::Split5Text => 5,
        CodeStyle::Split6 => 6,
        CodeStyle::Split4 => 4,
        _ => 0,
    };
    if n == 0 {
        return vec![col(&[label], Src::Code, 18.0)];
    }
    (0..n)
        .map(|i| {
            col(
                &[label],
                Src::Seg(i),
                if i == 3 && n == 5 { 6.0 } else { 4.5 },
            )
        })
        .collect()
}

fn signature_lines() -> Vec<&'static str> {
    vec![
        "Tenggarong, 12 Januari 2026",
        "KEPALA DINAS SOSIAL",
        "KABUPATEN KUTAI KARTANEGARA,",
        "",
        "",
        "Drs. H. ANDI MUHAMMAD RIFAI, M.Si",
        "Pembina Utama Muda",
        "NIP. 19700101 199003 1 001",
    ]
}

// ---------------------------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------------------------

struct Fmts {
    title: Format,
    title_across: Format,
    numrow_across: Format,
    header: Format,
    header_across: Format,
    numrow: Format,
    text: Format,
    bold: Format,
    amount: Format,
    bold_amount: Format,
    int: Format,
    dec2: Format,
    keg_code: Format,
    two: Format,
    pct: Format,
    amount_rp: Format,
    bold_amount_rp: Format,
}

fn fmts() -> Fmts {
    let b = |f: Format| f.set_border(FormatBorder::Thin);
    Fmts {
        title: Format::new().set_bold(),
        title_across: Format::new()
            .set_bold()
            .set_align(FormatAlign::CenterAcross),
        numrow_across: b(Format::new()
            .set_italic()
            .set_align(FormatAlign::CenterAcross)),
        header: b(Format::new()
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter)),
        header_across: b(Format::new()
            .set_bold()
            .set_align(FormatAlign::CenterAcross)
            .set_align(FormatAlign::VerticalCenter)),
        numrow: b(Format::new().set_italic().set_align(FormatAlign::Center)),
        text: b(Format::new().set_text_wrap().set_align(FormatAlign::Top)),
        bold: b(Format::new()
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::Top)),
        amount: b(Format::new()
            .set_num_format("#,##0")
            .set_align(FormatAlign::Top)),
        bold_amount: b(Format::new()
            .set_bold()
            .set_num_format("#,##0")
            .set_align(FormatAlign::Top)),
        int: b(Format::new()
            .set_num_format("#,##0")
            .set_align(FormatAlign::Top)),
        dec2: b(Format::new()
            .set_num_format("#,##0.00")
            .set_align(FormatAlign::Top)),
        keg_code: b(Format::new()
            .set_num_format("0.00")
            .set_align(FormatAlign::Top)),
        pct: b(Format::new()
            .set_num_format("0.00%")
            .set_align(FormatAlign::Top)),
        two: b(Format::new()
            .set_num_format("00")
            .set_align(FormatAlign::Top)),
        amount_rp: b(Format::new()
            .set_num_format("\"Rp \"#,##0")
            .set_align(FormatAlign::Top)),
        bold_amount_rp: b(Format::new()
            .set_bold()
            .set_num_format("\"Rp \"#,##0")
            .set_align(FormatAlign::Top)),
    }
}

/// Where each (table kind, row key, field) landed.
type PosMap = HashMap<(Kind, String, &'static str), (String, String)>;

fn a1(row: u32, col: u16) -> String {
    let mut c = col as u32 + 1;
    let mut letters = String::new();
    while c > 0 {
        let r = (c - 1) % 26;
        letters.insert(0, (b'A' + r as u8) as char);
        c = (c - 1) / 26;
    }
    format!("{letters}{}", row + 1)
}

fn code_segments(code: &str, style: CodeStyle) -> Vec<String> {
    let p: Vec<&str> = code.split('.').collect();
    match style {
        CodeStyle::Split6 => p.iter().map(|s| s.to_string()).collect(),
        CodeStyle::Split4 => {
            let mut out = vec![p[..2.min(p.len())].join(".")];
            if p.len() >= 3 {
                out.push(p[2].to_string());
            }
            if p.len() >= 5 {
                out.push(format!("{}.{}", p[3], p[4]));
            }
            if p.len() >= 6 {
                out.push(p[5].to_string());
            }
            out
        }
        _ => {
            let mut out: Vec<String> = p.iter().take(3).map(|s| s.to_string()).collect();
            if p.len() >= 5 {
                out.push(format!("{}.{}", p[3], p[4]));
            }
            if p.len() >= 6 {
                out.push(p[5].to_string());
            }
            out
        }
    }
}

/// The logical column numbers (code columns share one unless `PerColumn`).
fn col_numbers(t: &Table, per_column: bool) -> Vec<u32> {
    let mut n = 0;
    let mut out = Vec::new();
    for (i, c) in t.cols.iter().enumerate() {
        let shared = matches!(c.src, Src::Seg(_))
            && i > 0
            && matches!(t.cols[i - 1].src, Src::Seg(_))
            && !per_column;
        if !shared {
            n += 1;
        }
        out.push(n);
    }
    out
}

fn field_col_number(t: &Table, nums: &[u32], field: &str) -> Option<u32> {
    t.cols
        .iter()
        .position(|c| matches!(&c.src, Src::F(f) if *f == field))
        .map(|i| nums[i])
}

fn write_header(ws: &mut Worksheet, t: &Table, top: u32, f: &Fmts) -> u32 {
    let l = t.left;
    let top = if t.width_row {
        for c in 0..t.cols.len() {
            ws.write_blank(top, l + c as u16, &f.header).unwrap();
        }
        top + 1
    } else {
        top
    };
    let depth = t.cols.iter().map(|c| c.head.len()).max().unwrap_or(1);
    for r in 0..depth {
        let mut c = 0usize;
        while c < t.cols.len() {
            let h = &t.cols[c].head;
            if h.len() <= r {
                c += 1;
                continue;
            }
            let leaf = h.len() == r + 1;
            // Run of columns with the same path up to this level (leaves: the same full path).
            let mut e = c;
            while e + 1 < t.cols.len() {
                let h2 = &t.cols[e + 1].head;
                let same = if leaf {
                    h2 == h
                } else {
                    h2.len() > r && h2[..=r] == h[..=r]
                };
                if !same {
                    break;
                }
                e += 1;
            }
            // A level repeating the text above it is the cell above merged down (E.81's
            // group headers spanning two rows beside the quarters' sub-groups).
            if r > 0 && h[r - 1] == h[r] {
                c = e + 1;
                continue;
            }
            let mut bottom = if leaf { depth - 1 } else { r };
            while !leaf && bottom + 1 < h.len() && h[bottom + 1] == h[r] {
                bottom += 1;
                if bottom + 1 == h.len() {
                    bottom = depth - 1;
                }
            }
            let (r0, r1) = (top + r as u32, top + bottom as u32);
            let text = &h[r];
            match t.hstyle {
                HStyle::Merged => {
                    if e > c || r1 > r0 {
                        ws.merge_range(r0, l + c as u16, r1, l + e as u16, text, &f.header)
                            .unwrap();
                    } else {
                        ws.write_string_with_format(r0, l + c as u16, text, &f.header)
                            .unwrap();
                    }
                }
                HStyle::Across => {
                    let fmt = if e > c { &f.header_across } else { &f.header };
                    ws.write_string_with_format(r0, l + c as u16, text, fmt)
                        .unwrap();
                    for k in c + 1..=e {
                        ws.write_blank(r0, l + k as u16, fmt).unwrap();
                    }
                    for rr in r0 + 1..=r1 {
                        for k in c..=e {
                            ws.write_blank(rr, l + k as u16, &f.header).unwrap();
                        }
                    }
                }
            }
            c = e + 1;
        }
    }
    let mut next = top + depth as u32;
    if let Some(cells) = &t.num_cells {
        let mut c = l;
        for nc in cells {
            let span = match nc {
                NumCell::N(_, s) | NumCell::S(_, s) => *s,
            };
            if span > 1 {
                let shown = match nc {
                    NumCell::N(n, _) => n.to_string(),
                    NumCell::S(s, _) => s.to_string(),
                };
                ws.merge_range(next, c, next, c + span - 1, &shown, &f.numrow)
                    .unwrap();
            }
            match nc {
                NumCell::N(n, _) => ws.write_number_with_format(next, c, *n as f64, &f.numrow),
                NumCell::S("", _) => ws.write_blank(next, c, &f.numrow),
                NumCell::S(s, _) => ws.write_string_with_format(next, c, *s, &f.numrow),
            }
            .unwrap();
            c += span;
        }
        return next + 1;
    }
    if let Some((style, codenum)) = t.num {
        let per_column = codenum == CodeNum::PerColumn;
        let nums = col_numbers(t, per_column);
        let fx = |field: &str| field_col_number(t, &nums, field).unwrap_or(0);
        let mut c = 0usize;
        while c < t.cols.len() {
            let mut e = c;
            while !per_column && e + 1 < t.cols.len() && nums[e + 1] == nums[c] {
                e += 1;
            }
            let n = nums[c];
            let field = match &t.cols[c].src {
                Src::F(f) => *f,
                _ => "",
            };
            let formula = match (style, field) {
                (NumStyle::ParenFx, "k8") => {
                    Some(format!("({n})=({})/({})x100", fx("k7"), fx("k6")))
                }
                (NumStyle::ParenFx, "k10") => Some(format!(
                    "({n})=({})+({})+({})",
                    fx("k5"),
                    fx("k7"),
                    fx("k9")
                )),
                (NumStyle::ParenFx, "k11") => {
                    Some(format!("({n})=({})/({})x100", fx("k10"), fx("k4")))
                }
                (NumStyle::BareFx, "k8") => Some(format!("{n} = {}/{} x 100", fx("k7"), fx("k6"))),
                (NumStyle::BareFx, "k10") => {
                    Some(format!("{n} = {}+{}+{}", fx("k5"), fx("k7"), fx("k9")))
                }
                (NumStyle::BareFx, "k11") => {
                    Some(format!("{n} = {}/{} x 100", fx("k10"), fx("k4")))
                }
                (NumStyle::Glued, "k8") => Some(format!("{n}({}/{})", fx("k7"), fx("k6"))),
                (NumStyle::Glued, "k10") => {
                    Some(format!("{n}({}+{}+{})*", fx("k5"), fx("k7"), fx("k9")))
                }
                (NumStyle::Glued, "k11") => Some(format!("{n}*")),
                _ => None,
            };
            let text = match (style, formula) {
                (_, Some(fx)) => Some(fx),
                (NumStyle::Paren | NumStyle::ParenFx, None) => Some(format!("({n})")),
                (NumStyle::FirstParen, None) if n == 1 => Some("(1)".to_string()),
                _ => None,
            };
            if e > c && t.hstyle == HStyle::Across {
                match &text {
                    Some(s) => ws.write_string_with_format(next, l + c as u16, s, &f.numrow_across),
                    None => {
                        ws.write_number_with_format(next, l + c as u16, n as f64, &f.numrow_across)
                    }
                }
                .unwrap();
                for k in c + 1..=e {
                    ws.write_blank(next, l + k as u16, &f.numrow_across)
                        .unwrap();
                }
            } else if e > c {
                match &text {
                    Some(s) => ws.merge_range(next, l + c as u16, next, l + e as u16, s, &f.numrow),
                    None => ws.merge_range(
                        next,
                        l + c as u16,
                        next,
                        l + e as u16,
                        &n.to_string(),
                        &f.numrow,
                    ),
                }
                .unwrap();
                if text.is_none() {
                    ws.write_number_with_format(next, l + c as u16, n as f64, &f.numrow)
                        .unwrap();
                }
            } else {
                match &text {
                    Some(s) => ws.write_string_with_format(next, l + c as u16, s, &f.numrow),
                    None => ws.write_number_with_format(next, l + c as u16, n as f64, &f.numrow),
                }
                .unwrap();
            }
            c = e + 1;
        }
        next += 1;
    }
    next
}

#[allow(clippy::too_many_arguments)]
fn write_cell(
    ws: &mut Worksheet,
    t: &Table,
    row: u32,
    c: u16,
    src: &Src,
    r: &Row,
    f: &Fmts,
    at: &HashMap<String, u16>,
) -> Vec<&'static str> {
    let bold = matches!(
        r.lv,
        Lv::Urusan | Lv::Bidang | Lv::Program | Lv::Kegiatan | Lv::Total
    );
    let tf = if bold { &f.bold } else { &f.text };
    let num_cell = |ws: &mut Worksheet, v: &V| match v {
        V::Text(s) => {
            ws.write_string_with_format(row, c, s, tf).unwrap();
        }
        V::Amt(a) => {
            let a = if t.thousands { a / 1000 } else { *a };
            if t.text_numbers {
                let s = id_text(Decimal::from(a), None);
                let s = if t.rp { format!("Rp. {s}") } else { s };
                ws.write_string_with_format(row, c, s, tf).unwrap();
            } else {
                let fm = match (bold, t.rp_fmt) {
                    (true, false) => &f.bold_amount,
                    (false, false) => &f.amount,
                    (true, true) => &f.bold_amount_rp,
                    (false, true) => &f.amount_rp,
                };
                ws.write_number_with_format(row, c, a as f64, fm).unwrap();
            }
        }
        V::Num(x, dp) => {
            if t.text_numbers {
                ws.write_string_with_format(row, c, id_text(*x, *dp), tf)
                    .unwrap();
            } else {
                let fm = if dp.is_some() || !x.fract().is_zero() {
                    &f.dec2
                } else {
                    &f.int
                };
                let v: f64 = x.to_string().parse().unwrap();
                ws.write_number_with_format(row, c, v, fm).unwrap();
            }
        }
    };
    match src {
        Src::OnLv(inner, levels) => {
            if levels.contains(&r.lv) {
                write_cell(ws, t, row, c, inner, r, f, at)
            } else {
                ws.write_blank(row, c, tf).unwrap();
                vec![]
            }
        }
        Src::Const(s) => {
            if matches!(r.lv, Lv::Program | Lv::Kegiatan | Lv::Sub) {
                ws.write_string_with_format(row, c, *s, tf).unwrap();
            } else {
                ws.write_blank(row, c, tf).unwrap();
            }
            vec![]
        }
        Src::CodePadded => {
            match r.vals.get("code") {
                Some(V::Text(code)) => {
                    let pad = if r.lv == Lv::Sub { "  " } else { " " };
                    ws.write_string_with_format(row, c, format!("{code}{pad}"), tf)
                        .unwrap();
                }
                _ => {
                    ws.write_blank(row, c, tf).unwrap();
                }
            }
            vec!["code"]
        }
        Src::CodeDot => {
            match r.vals.get("code") {
                Some(V::Text(code)) => {
                    ws.write_string_with_format(row, c, format!("{code}."), tf)
                        .unwrap();
                }
                _ => {
                    ws.write_blank(row, c, tf).unwrap();
                }
            }
            vec!["code"]
        }
        Src::Fx(h) => {
            let cell = |k: &str| at.get(k).map(|&cc| a1(row, cc));
            let amt = |k: &str| match r.vals.get(k) {
                Some(V::Amt(a)) => Some(if t.thousands { a / 1000 } else { *a }),
                _ => None,
            };
            let fx = match h {
                Helper::JoinCode => {
                    let segs: Vec<String> = (0..6)
                        .filter_map(|i| at.get(&format!("seg{i}")).map(|&cc| a1(row, cc)))
                        .collect();
                    let code = match r.vals.get("code") {
                        Some(V::Text(code)) => code.clone(),
                        _ => String::new(),
                    };
                    let refs = if segs.is_empty() {
                        cell("code").unwrap_or_else(|| "A1".into())
                    } else {
                        segs.join("&\".\"&")
                    };
                    Some((format!("={refs}"), code))
                }
                Helper::Diff(x, y) => match (amt(x), amt(y), cell(x), cell(y)) {
                    (Some(a), Some(b), Some(ca), Some(cb)) => {
                        Some((format!("={ca}-{cb}"), (a - b).to_string()))
                    }
                    _ => None,
                },
                Helper::Rupiah(x) => match (amt(x), cell(x)) {
                    (Some(a), Some(ca)) => Some((format!("={ca}*1000"), (a * 1000).to_string())),
                    _ => None,
                },
            };
            match fx {
                Some((formula, cached)) => {
                    ws.write_formula_with_format(
                        row,
                        c,
                        rust_xlsxwriter::Formula::new(formula).set_result(cached),
                        tf,
                    )
                    .unwrap();
                }
                None => {
                    ws.write_blank(row, c, tf).unwrap();
                }
            }
            vec![]
        }
        Src::F(name) => {
            match r.vals.get(name) {
                Some(V::Num(x, _))
                    if t.pct_text && (matches!(*name, "k8" | "k11") || name.starts_with("c20")) =>
                {
                    ws.write_string_with_format(row, c, format!("{}%", id_text(*x, Some(2))), tf)
                        .unwrap();
                }
                Some(V::Num(x, _)) if t.pct_cells && matches!(*name, "k8" | "k11") => {
                    let v: f64 = (x / Decimal::ONE_HUNDRED).to_string().parse().unwrap();
                    ws.write_number_with_format(row, c, v, &f.pct).unwrap();
                }
                Some(v) => num_cell(ws, v),
                None => {
                    ws.write_blank(row, c, tf).unwrap();
                }
            }
            vec![name]
        }
        Src::Empty => {
            ws.write_blank(row, c, tf).unwrap();
            vec![]
        }
        Src::Tu(tn, un) => {
            let tv = match r.vals.get(tn) {
                Some(V::Num(x, dp)) => Some(id_text(*x, *dp)),
                Some(V::Text(s)) => Some(s.clone()),
                _ => None,
            };
            let u = match r.vals.get(un) {
                Some(V::Text(s)) => s.clone(),
                _ => String::new(),
            };
            match tv {
                Some(tv) => {
                    let s = if u.is_empty() {
                        tv
                    } else {
                        format!("{tv} {u}")
                    };
                    ws.write_string_with_format(row, c, &s, tf).unwrap();
                }
                None => {
                    ws.write_blank(row, c, tf).unwrap();
                }
            }
            vec![tn, un]
        }
        Src::Code => {
            match r.vals.get("code") {
                Some(V::Text(code)) => {
                    let s = if t.code == CodeStyle::JoinedShort {
                        let mut p: Vec<String> = code.split('.').map(str::to_string).collect();
                        if p.len() == 6 {
                            p[5] = format!("{:02}", p[5].parse::<u32>().unwrap());
                        }
                        p.join(".")
                    } else {
                        code.clone()
                    };
                    ws.write_string_with_format(row, c, &s, tf).unwrap();
                }
                _ => {
                    ws.write_blank(row, c, tf).unwrap();
                }
            }
            vec!["code"]
        }
        Src::Seg(i) => {
            let seg = match r.vals.get("code") {
                Some(V::Text(code)) => code_segments(code, t.code).get(*i).cloned(),
                _ => None,
            };
            match seg {
                None => {
                    ws.write_blank(row, c, tf).unwrap();
                }
                Some(s) => {
                    if t.code == CodeStyle::Split5Num {
                        match i {
                            0 => {
                                ws.write_number_with_format(
                                    row,
                                    c,
                                    s.parse::<f64>().unwrap(),
                                    &f.int,
                                )
                                .unwrap();
                            }
                            2 => {
                                ws.write_number_with_format(
                                    row,
                                    c,
                                    s.parse::<f64>().unwrap(),
                                    &f.two,
                                )
                                .unwrap();
                            }
                            3 => {
                                ws.write_number_with_format(
                                    row,
                                    c,
                                    s.parse::<f64>().unwrap(),
                                    &f.keg_code,
                                )
                                .unwrap();
                            }
                            4 => {
                                let n: u32 = s.parse().unwrap();
                                ws.write_string_with_format(row, c, format!("{n:02}"), tf)
                                    .unwrap();
                            }
                            _ => {
                                ws.write_string_with_format(row, c, &s, tf).unwrap();
                            }
                        }
                    } else {
                        ws.write_string_with_format(row, c, &s, tf).unwrap();
                    }
                }
            }
            // The code as a whole is anchored at the first code column.
            if *i == 0 { vec!["code"] } else { vec![] }
        }
    }
}

/// Renders one table; returns the next free row.
fn write_table(
    ws: &mut Worksheet,
    sheet: &str,
    t: &Table,
    rows: &[Row],
    mut row: u32,
    f: &Fmts,
    pos: &mut PosMap,
) -> u32 {
    let l = t.left;
    let last = l + t.cols.len().saturating_sub(1) as u16;
    if t.protect {
        ws.protect();
    }
    for title in &t.titles {
        if t.hstyle == HStyle::Across {
            ws.write_string_with_format(row, l, title, &f.title_across)
                .unwrap();
            for k in l + 1..=last {
                ws.write_blank(row, k, &f.title_across).unwrap();
            }
        } else if last > l && !t.titles_unmerged {
            ws.merge_range(row, l, row, last, title, &f.title).unwrap();
        } else if !title.is_empty() {
            ws.write_string_with_format(row, l, title, &f.title)
                .unwrap();
        }
        row += 1;
    }
    row += t.gap;
    pos.insert(
        (t.kind, "header".into(), "top"),
        (sheet.to_string(), a1(row, l)),
    );
    row = write_header(ws, t, row, f);
    if t.blank_after_header {
        row += 1;
    }
    // Where each field (and code segment) sits, for helper formulas.
    let mut at: HashMap<String, u16> = HashMap::new();
    for (ci, c) in t.cols.iter().enumerate() {
        let k = match &c.src {
            Src::F(n) => n.to_string(),
            Src::Seg(i) => format!("seg{i}"),
            Src::Code | Src::CodePadded | Src::CodeDot => "code".into(),
            _ => continue,
        };
        at.entry(k).or_insert(l + ci as u16);
    }
    let mut page = 1;
    for (i, r) in rows.iter().enumerate() {
        if let Some((every, furniture)) = t.page
            && i > 0
            && i % every == 0
        {
            page += 1;
            if !furniture.is_empty() {
                row += 1;
                ws.write_string_with_format(
                    row,
                    l,
                    format!("{furniture}    Lembar : {page}"),
                    &f.title,
                )
                .unwrap();
                row += 1;
            }
            row = write_header(ws, t, row, f);
        }
        if let Some((_, note)) = t.notes.iter().find(|(k, _)| *k == i) {
            ws.write_string(row, 0, *note).unwrap();
        }
        // A closing total row: the label written across the code columns.
        let label_across = r.lv == Lv::Total
            && t.cols.first().is_some_and(|c| {
                matches!(
                    c.src,
                    Src::Seg(_) | Src::Code | Src::CodePadded | Src::CodeDot
                )
            });
        let mut skip = 0u16;
        if label_across {
            // The label is written across the code columns and the name column.
            skip = t
                .cols
                .iter()
                .take_while(|c| {
                    matches!(
                        c.src,
                        Src::Seg(_) | Src::Code | Src::CodePadded | Src::CodeDot
                    )
                })
                .count() as u16;
            let name = match r.vals.get("name") {
                Some(V::Text(s)) => s.clone(),
                _ => String::new(),
            };
            ws.merge_range(row, l, row, l + skip, &name, &f.bold)
                .unwrap();
            pos.entry((t.kind, r.key.clone(), "name"))
                .or_insert((sheet.to_string(), a1(row, l)));
            skip += 1;
        }
        for (ci, cspec) in t.cols.iter().enumerate().skip(skip as usize) {
            let c = l + ci as u16;
            let fields = write_cell(ws, t, row, c, &cspec.src, r, f, &at);
            for fld in fields {
                pos.entry((t.kind, r.key.clone(), fld))
                    .or_insert((sheet.to_string(), a1(row, c)));
            }
        }
        row += 1;
    }
    row
}

fn render(
    layout: &'static str,
    plan: &Plan,
    sheets: Vec<SheetSpec>,
    plants: &[Plant],
    planted: bool,
) -> ZooBook {
    let f = fmts();
    let mut wb = Workbook::new();
    let mut pos: PosMap = HashMap::new();
    for s in &sheets {
        let ws = wb.add_worksheet();
        ws.set_name(&s.name).unwrap();
        // Column widths from the widest table on the sheet.
        let mut widths: Vec<f64> = Vec::new();
        let mut hidden: Vec<u16> = Vec::new();
        for b in &s.blocks {
            let tables: Vec<&Table> = match b {
                Block::Table(t) => vec![t],
                Block::Side(ts) => ts.iter().collect(),
                _ => vec![],
            };
            for t in tables {
                for (i, c) in t.cols.iter().enumerate() {
                    let i = t.left as usize + i;
                    while widths.len() <= i {
                        widths.push(4.0);
                    }
                    widths[i] = widths[i].max(c.width);
                    if c.hidden {
                        hidden.push(i as u16);
                    }
                }
            }
        }
        for (i, w) in widths.iter().enumerate() {
            ws.set_column_width(i as u16, *w).unwrap();
        }
        for c in hidden {
            ws.set_column_hidden(c).unwrap();
        }
        let mut row = 0u32;
        for b in &s.blocks {
            match b {
                Block::Text(lines) => {
                    for l in lines {
                        if !l.is_empty() {
                            ws.write_string_with_format(row, 0, l, &f.title).unwrap();
                        }
                        row += 1;
                    }
                }
                Block::Statement(which, text) => {
                    ws.write_string(row, 0, text).unwrap();
                    pos.insert(
                        (Kind::T33, format!("statement:{which}"), "text"),
                        (s.name.clone(), a1(row, 0)),
                    );
                    row += 1;
                }
                Block::Blank(n) => row += n,
                Block::Signature(c) => {
                    for l in signature_lines() {
                        if !l.is_empty() {
                            ws.write_string(row, *c, l).unwrap();
                        }
                        row += 1;
                    }
                }
                Block::Table(t) => {
                    let mut rows = rows_of(t.kind, plan, t.rows);
                    for p in plants {
                        (p.apply)(t.kind, &mut rows);
                    }
                    row = write_table(ws, &s.name, t, &rows, row, &f, &mut pos);
                }
                Block::Side(ts) => {
                    let top = row;
                    for t in ts {
                        let mut rows = rows_of(t.kind, plan, t.rows);
                        for p in plants {
                            (p.apply)(t.kind, &mut rows);
                        }
                        row = row.max(write_table(ws, &s.name, t, &rows, top, &f, &mut pos));
                    }
                }
            }
        }
    }
    let bytes = wb.save_to_buffer().expect("zoo workbook");
    let mut expected = Vec::new();
    let mut mistakes = Vec::new();
    for (i, p) in plants.iter().enumerate() {
        mistakes.push(p.what.clone());
        for e in &p.expect {
            let hit =
                e.at.iter()
                    .find_map(|(k, key, fld)| pos.get(&(*k, key.to_string(), *fld)));
            let present = e
                .requires
                .iter()
                .all(|(k, key, fld)| pos.contains_key(&(*k, key.to_string(), *fld)));
            if let (Some((sheet, cell)), true) = (hit, present) {
                expected.push(Expected {
                    rule: e.rule,
                    sheet: sheet.clone(),
                    cell: cell.clone(),
                    why: e.why.clone(),
                    mistake: i,
                });
            }
        }
    }
    ZooBook {
        layout,
        planted,
        bytes,
        expected,
        mistakes,
    }
}

// ---------------------------------------------------------------------------------------------
// Planted mistakes
// ---------------------------------------------------------------------------------------------

type Loc = (Kind, String, &'static str);

/// One expected finding of a planted mistake: at the first location of `at` that exists in the
/// book, provided every location of `requires` exists.
struct Exp {
    rule: &'static str,
    at: Vec<Loc>,
    requires: Vec<Loc>,
    why: String,
}

fn exp(rule: &'static str, at: Vec<Loc>, why: &str) -> Exp {
    Exp {
        rule,
        at,
        requires: vec![],
        why: why.to_string(),
    }
}

fn loc(k: Kind, key: &str, f: &'static str) -> Loc {
    (k, key.to_string(), f)
}

/// Changes the rows of one table kind (the planted mistake itself).
type Patch = Box<dyn Fn(Kind, &mut Vec<Row>)>;

struct Plant {
    what: String,
    apply: Patch,
    expect: Vec<Exp>,
}

fn set_val(rows: &mut [Row], key: &str, f: &'static str, v: V) {
    if let Some(r) = rows.iter_mut().find(|r| r.key == key) {
        r.vals.insert(f, v);
    }
}

fn find_sub(plan: &Plan, code: &str) -> Sub {
    plan.subs().find(|s| s.code == code).unwrap().clone()
}

fn find_keg(plan: &Plan, code: &str) -> Keg {
    plan.progs
        .iter()
        .flat_map(|p| p.kegs.iter())
        .find(|k| k.code == code)
        .unwrap()
        .clone()
}

fn find_prog(plan: &Plan, code: &str) -> Prog {
    plan.progs.iter().find(|p| p.code == code).unwrap().clone()
}

fn parent(code: &str) -> String {
    code.rsplit_once('.').unwrap().0.to_string()
}

/// A sub kegiatan's 2026 budget changed in T-C.33 (its kegiatan, and T-C.31, keep the old one).
fn plant_sub_pagu(code: &'static str, delta: i64) -> Plant {
    let plan = Plan::new();
    let s = find_sub(&plan, code);
    let keg = parent(code);
    let new = s.p.0 + delta;
    Plant {
        what: format!(
            "T-C.33: 2026 budget of sub kegiatan {code} typed {} instead of {}",
            id_text(Decimal::from(new), None),
            id_text(Decimal::from(s.p.0), None)
        ),
        apply: Box::new(move |k, rows| {
            if k == Kind::T33 {
                set_val(rows, code, "p26", V::Amt(new));
            }
        }),
        expect: vec![
            exp(
                "B001",
                vec![loc(Kind::T33, &keg, "p26")],
                &format!("T-C.33 kegiatan {keg} 2026 is no longer the sum of its sub kegiatan"),
            ),
            exp(
                "E001",
                vec![loc(Kind::T31, code, "a_p")],
                &format!("T-C.31 budget of {code} (both sides) differs from T-C.33"),
            ),
        ],
    }
}

/// T-C.31's analysis target of a sub kegiatan differs from the draft (and from T-C.33). When the
/// new figure passes its kegiatan's target in the same unit, F008 says so on the kegiatan.
fn plant_analysis_target(code: &'static str, delta: i64) -> Plant {
    let plan = Plan::new();
    let s = find_sub(&plan, code);
    let new = s.t.0 + delta;
    let keg = find_keg(&plan, &parent(code));
    let f008 = (keg.unit == s.unit && Decimal::from(new) > keg.t.0).then(|| {
        exp(
            "F008",
            vec![loc(Kind::T31, keg.code, "a_t")],
            &format!(
                "T-C.31 kegiatan {}'s analysis target is now below its sub kegiatan {code} in the same unit",
                keg.code
            ),
        )
    });
    Plant {
        what: format!(
            "T-C.31: analysis target of sub kegiatan {code} written {new} instead of {}",
            s.t.0
        ),
        apply: Box::new(move |k, rows| {
            if k == Kind::T31 {
                set_val(rows, code, "a_t", V::Num(Decimal::from(new), None));
            }
        }),
        expect: vec![
            exp(
                "D001",
                vec![loc(Kind::T31, code, "a_t")],
                &format!("T-C.31 analysis target of {code} differs from the draft target"),
            ),
            exp(
                "E002",
                vec![loc(Kind::T31, code, "a_t")],
                &format!("T-C.31 analysis target of {code} differs from T-C.33's 2026 target"),
            ),
        ]
        .into_iter()
        .chain(f008)
        .collect(),
    }
}

/// T-C.29 column 8 miscalculated.
fn plant_k8(code: &'static str, wrong: &'static str) -> Plant {
    Plant {
        what: format!("T-C.29: column 8 of {code} written {wrong}"),
        apply: Box::new(move |k, rows| {
            if k == Kind::T29 {
                set_val(rows, code, "k8", V::Num(d(wrong), Some(2)));
            }
        }),
        expect: vec![exp(
            "C001",
            vec![loc(Kind::T29, code, "k8")],
            &format!("T-C.29 column 8 of {code} is not (7/6)x100"),
        )],
    }
}

/// T-C.29 column 10 of a flow indicator left without column 5 (and column 11 computed from it,
/// as a spreadsheet formula would).
fn plant_k10(code: &'static str) -> Plant {
    let plan = Plan::new();
    let ev = if code.matches('.').count() == 2 {
        find_prog(&plan, code).ev
    } else {
        find_keg(&plan, code).ev
    };
    assert!(!ev.level);
    let wrong10 = ev.k7() + ev.k9();
    let wrong11 = pct(wrong10, ev.k4());
    Plant {
        what: format!(
            "T-C.29: column 10 of {code} (a count) written {wrong10} = 7+9 instead of 5+7+9 = {}; column 11 follows it",
            ev.k10()
        ),
        apply: Box::new(move |k, rows| {
            if k == Kind::T29 {
                set_val(rows, code, "k10", V::Num(wrong10, None));
                set_val(rows, code, "k11", V::Num(wrong11, Some(2)));
            }
        }),
        expect: vec![exp(
            "C002",
            vec![loc(Kind::T29, code, "k10")],
            &format!("T-C.29 column 10 of {code} is not 5+7+9 for a flow indicator"),
        )],
    }
}

/// T-C.29 column 11 computed from column 7 instead of column 10.
fn plant_k11(code: &'static str) -> Plant {
    let plan = Plan::new();
    let ev = if code.matches('.').count() == 2 {
        find_prog(&plan, code).ev
    } else {
        find_keg(&plan, code).ev
    };
    let wrong = pct(ev.k7(), ev.k4());
    assert_ne!(wrong, ev.k11());
    Plant {
        what: format!(
            "T-C.29: column 11 of {code} written {wrong} (7/4) instead of {} (10/4)",
            ev.k11()
        ),
        apply: Box::new(move |k, rows| {
            if k == Kind::T29 {
                set_val(rows, code, "k11", V::Num(wrong, Some(2)));
            }
        }),
        expect: vec![exp(
            "C003",
            vec![loc(Kind::T29, code, "k11")],
            &format!("T-C.29 column 11 of {code} is not (10/4)x100"),
        )],
    }
}

/// A program's 2026 budget in T-C.33 typed wrong: not the sum of its kegiatan, and no longer
/// adding up to the bidang / JUMLAH rows, and different from T-C.31.
fn plant_prog_pagu(code: &'static str, delta: i64) -> Plant {
    let plan = Plan::new();
    let (p26, _) = Plan::prog_pagu(&find_prog(&plan, code));
    let new = p26 + delta;
    Plant {
        what: format!(
            "T-C.33: 2026 budget of program {code} typed {} instead of {}",
            id_text(Decimal::from(new), None),
            id_text(Decimal::from(p26), None)
        ),
        apply: Box::new(move |k, rows| {
            if k == Kind::T33 {
                set_val(rows, code, "p26", V::Amt(new));
            }
        }),
        expect: vec![
            exp(
                "B001",
                vec![loc(Kind::T33, code, "p26")],
                &format!("T-C.33 program {code} 2026 is not the sum of its kegiatan"),
            ),
            exp(
                "B002",
                vec![loc(Kind::T33, "bidang", "p26")],
                "T-C.33 bidang row 2026 is not the sum of the programs",
            ),
            exp(
                "B002",
                vec![loc(Kind::T33, "total", "p26")],
                "T-C.33 JUMLAH row 2026 is not the sum of the programs",
            ),
            exp(
                "E001",
                vec![loc(Kind::T31, code, "a_p")],
                &format!("T-C.31 budget of program {code} differs from T-C.33"),
            ),
            Exp {
                rule: "E006",
                at: vec![loc(Kind::T31, "total", "a_p"), loc(Kind::T31, "bidang", "a_p")],
                requires: vec![loc(Kind::T33, "header", "top")],
                why: "T-C.31 total differs from the sum of T-C.33's programs (rule E006 as documented)"
                    .into(),
            },
            exp(
                "G002",
                vec![loc(Kind::T33, "statement:total", "text")],
                "the stated total no longer equals the sum of T-C.33's programs (rule G002 as documented)",
            ),
        ],
    }
}

/// A name off the nomenclature in T-C.29 (a typo real files carry).
fn plant_name(code: &'static str, wrong: &'static str) -> Plant {
    Plant {
        what: format!("T-C.29: name of {code} written `{wrong}`"),
        apply: Box::new(move |k, rows| {
            if k == Kind::T29 {
                set_val(rows, code, "name", V::Text(wrong.to_string()));
            }
        }),
        expect: vec![exp(
            "H002",
            vec![loc(Kind::T29, code, "name")],
            &format!("T-C.29 name of {code} differs from the nomenclature"),
        )],
    }
}

/// A kegiatan code in T-C.29 typed `2.1` (2.10) instead of `2.01`.
fn plant_code(code: &'static str) -> Plant {
    let p: Vec<&str> = code.split('.').collect();
    let wrong = format!("{}.{}.{}.{}.{}0", p[0], p[1], p[2], p[3], &p[4][1..]);
    let w2 = wrong.clone();
    Plant {
        what: format!("T-C.29: kegiatan code {code} written {wrong}"),
        apply: Box::new(move |k, rows| {
            if k == Kind::T29 {
                set_val(rows, code, "code", V::Text(w2.clone()));
            }
        }),
        expect: vec![exp(
            "H001",
            vec![loc(Kind::T29, code, "code")],
            &format!("T-C.29 code {wrong} is not in the nomenclature"),
        )],
    }
}

/// A sub kegiatan missing from T-C.31 (its kegiatan's budget there still includes it).
fn plant_missing_sub(code: &'static str) -> Plant {
    let keg = parent(code);
    Plant {
        what: format!("T-C.31: sub kegiatan {code} missing (kegiatan budget unchanged)"),
        apply: Box::new(move |k, rows| {
            if k == Kind::T31 {
                rows.retain(|r| r.key != code);
            }
        }),
        expect: vec![
            Exp {
                rule: "E004",
                at: vec![loc(Kind::T33, code, "name")],
                requires: vec![loc(Kind::T31, "header", "top")],
                why: format!("T-C.33 sub kegiatan {code} planned for 2026 is not in T-C.31"),
            },
            exp(
                "B001",
                vec![loc(Kind::T31, &keg, "r_p")],
                &format!("T-C.31 kegiatan {keg} (draft side) is not the sum of its sub kegiatan"),
            ),
            exp(
                "B001",
                vec![loc(Kind::T31, &keg, "a_p")],
                &format!(
                    "T-C.31 kegiatan {keg} (analysis side) is not the sum of its sub kegiatan"
                ),
            ),
            exp(
                "G001",
                vec![loc(Kind::T33, "statement:count", "text")],
                "the stated number of sub kegiatan no longer matches T-C.31",
            ),
        ],
    }
}

/// T-C.30's 2024 realisation of Nilai SAKIP differs from T-C.29 column 7.
fn plant_svc_real() -> Plant {
    Plant {
        what: "T-C.30: 2024 realisation of Nilai SAKIP written 74,21 (T-C.29 column 7: 74,12)"
            .into(),
        apply: Box::new(|k, rows| {
            if k == Kind::T30 {
                set_val(rows, "svc0", "r2024", V::Num(d("74.21"), Some(2)));
            }
        }),
        expect: vec![exp(
            "E005",
            vec![loc(Kind::T30, "svc0", "r2024")],
            "T-C.30 realisation 2024 of Nilai SAKIP differs from T-C.29 column 7",
        )],
    }
}

fn plants_of(layout: &str) -> Vec<Plant> {
    match layout {
        "staff_merged" => vec![
            plant_sub_pagu("1.06.01.2.06.0004", 25_000_000),
            plant_analysis_target("1.06.04.2.01.0009", 20),
            plant_k8("1.06.01.2.06", "85.83"),
            plant_code("1.06.01.2.02"),
        ],
        "ep_flat" => vec![
            plant_prog_pagu("1.06.06", 100_000_000),
            plant_k10("1.06.04.2.02"),
            plant_missing_sub("1.06.06.2.01.0005"),
            plant_name("1.06.01.2.02", "Administrasi Keuangan Perangkat Darah"),
        ],
        "sc_thousands" => vec![
            plant_sub_pagu("1.06.04.2.01.0001", 45_000_000),
            plant_k11("1.06.01.2.01"),
            plant_analysis_target("1.06.06.2.02.0003", 5),
            plant_svc_real(),
        ],
        "fooled_t29" => vec![
            plant_k8("1.06.04.2.01", "92.25"),
            plant_k10("1.06.06.2.01"),
            plant_k11("1.06.01.2.06"),
            plant_prog_pagu("1.06.01", 250_000_000),
        ],
        "mre_caps" => vec![
            plant_missing_sub("1.06.01.2.01.0007"),
            plant_k8("1.06.01", "95.53"),
            plant_svc_real(),
            plant_name(
                "1.06.01.2.08",
                "Penyediaan Jasa Penunjang Urusan Pemerintah Daerah",
            ),
        ],
        "across_alf" => vec![
            plant_sub_pagu("1.06.06.2.01.0002", 12_500_000),
            plant_k10("1.06.01.2.06"),
            plant_code("1.06.04.2.01"),
            plant_analysis_target("1.06.01.2.01.0001", 1),
        ],
        "three_rows" => vec![
            plant_prog_pagu("1.06.04", 50_000_000),
            plant_k11("1.06.04.2.02"),
            plant_missing_sub("1.06.04.2.02.0014"),
            plant_svc_real(),
        ],
        "hf_glued" => vec![
            plant_analysis_target("1.06.01.2.02.0001", 5),
            plant_k10("1.06.06.2.02"),
            plant_name(
                "1.06.06.2.01",
                "Perlindungan Sosial Korban Bencana Alam dan Sosial Kabupaten",
            ),
            plant_sub_pagu("1.06.01.2.08.0002", 30_000_000),
        ],
        "sir_no_fund" => vec![
            plant_code("1.06.01.2.06"),
            plant_k8("1.06.06.2.01", "96.47"),
            plant_prog_pagu("1.06.06", 75_000_000),
            plant_missing_sub("1.06.01.2.06.0009"),
        ],
        "bdg_no_location" => vec![
            plant_sub_pagu("1.06.01.2.01.0002", 7_250_000),
            plant_k11("1.06.06.2.02"),
            plant_name(
                "1.06.04.2.02",
                "Rehabilitasi Sosial Penyandang Masalah Kesejahteraan Sosial (PMKS) Lainnya Bukan Korban HIV/AIDS dan NAPZA di Luar Panti",
            ),
        ],
        "bab_stacked" => vec![
            plant_missing_sub("1.06.06.2.02.0001"),
            plant_sub_pagu("1.06.01.2.06.0002", 15_000_000),
            plant_k11("1.06.04.2.01"),
            plant_code("1.06.04.2.02"),
        ],
        "text_tgl" => vec![
            plant_analysis_target("1.06.06.2.01.0001", 50),
            plant_prog_pagu("1.06.04", 125_000_000),
            plant_k10("1.06.01.2.01"),
            plant_missing_sub("1.06.04.2.01.0003"),
            plant_svc_real(),
        ],
        "wp_sipd_merah" => vec![
            plant_sub_pagu("1.06.04.2.02.0014", 4_000_000),
            plant_k8("1.06.01.2.08", "94.83"),
            plant_svc_real(),
            plant_analysis_target("1.06.01.2.06.0009", 2),
        ],
        "irw_awal" => vec![
            plant_prog_pagu("1.06.01", 40_000_000),
            plant_k10("1.06.01.2.08"),
            plant_analysis_target("1.06.06.2.01.0002", 20),
            plant_code("1.06.06.2.01"),
        ],
        "side_by_side" => vec![
            plant_prog_pagu("1.06.04", 60_000_000),
            plant_k11("1.06.01.2.08"),
            plant_missing_sub("1.06.01.2.02.0005"),
            plant_svc_real(),
        ],
        "per_program" => vec![
            plant_missing_sub("1.06.04.2.01.0009"),
            plant_sub_pagu("1.06.06.2.02.0003", 9_000_000),
            plant_k8("1.06.04", "98.12"),
            plant_code("1.06.01.2.08"),
        ],
        "ep14_caps" => vec![
            plant_prog_pagu("1.06.06", 80_000_000),
            plant_k8("1.06.06.2.02", "90.00"),
            plant_svc_real(),
            plant_missing_sub("1.06.04.2.02.0002"),
        ],
        "hidden_helpers" => vec![
            plant_sub_pagu("1.06.01.2.08.0004", 20_000_000),
            plant_k8("1.06.01.2.02", "97.50"),
            plant_k10("1.06.04.2.01"),
            plant_analysis_target("1.06.04.2.02.0002", 5),
        ],
        "mre_gap" => vec![
            plant_sub_pagu("1.06.06.2.01.0005", 6_000_000),
            plant_k11("1.06.06.2.01"),
            plant_name(
                "1.06.06.2.02",
                "Penyelenggaraan Pemberdayaan Masyarakat terhadap Kesiapsiagaan Bencana Kab/Kota",
            ),
            plant_missing_sub("1.06.01.2.06.0004"),
        ],
        "sipd_ri" => vec![
            plant_prog_pagu("1.06.01", 35_000_000),
            plant_k10("1.06.06.2.01"),
            plant_analysis_target("1.06.04.2.01.0003", 10),
            plant_code("1.06.01.2.06"),
        ],
        "confusables" => vec![
            plant_missing_sub("1.06.01.2.08.0002"),
            plant_k10("1.06.06.2.02"),
            plant_svc_real(),
            plant_code("1.06.01.2.01"),
        ],
        "reversed_dots" => vec![
            plant_sub_pagu("1.06.04.2.01.0003", 15_000_000),
            plant_k8("1.06.01.2.08", "97.83"),
            plant_analysis_target("1.06.06.2.02.0001", 3),
            plant_code("1.06.04.2.01"),
        ],
        "tabs_br_rp" => vec![
            plant_prog_pagu("1.06.06", 45_000_000),
            plant_k11("1.06.01.2.02"),
            plant_missing_sub("1.06.01.2.08.0004"),
            plant_k10("1.06.04.2.02"),
        ],
        "e81_bdg" => vec![
            plant_e81_quarter_rp("1.06.01.2.06", 5_000_000),
            plant_e81_predikat("Sangat Tinggi"),
            plant_e81_backwards("1.06.01.2.02"),
            plant_e81_target("1.06.04.2.01", "420", false),
        ],
        "e81_dmv" => vec![
            plant_e81_quarter_rp("1.06.04.2.02", 2_500_000),
            plant_e81_backwards("1.06.01"),
            plant_e81_target("1.06.01.2.08", "25", false),
            plant_e81_predikat("Sedang"),
        ],
        "e81_agp" => vec![
            plant_e81_target("1.06.06.2.01", "1600", true),
            plant_e81_quarter_rp("1.06.06.2.02", 1_000_000),
            plant_e81_predikat("Rendah"),
            plant_e81_backwards("1.06.04"),
        ],
        "e81_ind" => vec![
            plant_e81_backwards("1.06.04"),
            plant_e81_target("1.06.01.2.01", "9", false),
            plant_e81_quarter_rp("1.06.04.2.01", 3_000_000),
            plant_e81_predikat("Sangat Rendah"),
        ],
        "merge_same_sheet" => vec![
            plant_analysis_target("1.06.01.2.06.0009", 4),
            plant_k11("1.06.04.2.01"),
            plant_prog_pagu("1.06.04", 30_000_000),
        ],
        "sc_pdf_pages" => vec![
            plant_sub_pagu("1.06.06.2.01.0002", 8_000_000),
            plant_k8("1.06.06.2.02", "95.00"),
            plant_code("1.06.01.2.06"),
            plant_missing_sub("1.06.04.2.02.0002"),
        ],
        "e81_mrs" => vec![
            plant_e81_k12("1.06.01.2.06"),
            plant_e81_quarter_rp("1.06.06.2.01", 4_000_000),
            plant_e81_backwards("1.06.01.2.02"),
            plant_e81_predikat("Sedang"),
        ],
        "e81_wp" => vec![
            plant_e81_target("1.06.01.2.06", "50", true),
            plant_e81_quarter_rp("1.06.01.2.01", 2_000_000),
            plant_e81_backwards("1.06.04"),
            plant_e81_predikat("Sangat Tinggi"),
        ],
        "e81_tgl_subs" => vec![
            plant_e81_quarter_rp("1.06.06.2.01.0002", 1_500_000),
            plant_e81_target("1.06.01.2.08", "26", true),
            plant_e81_predikat("Sangat Rendah"),
            plant_e81_backwards("1.06.01"),
        ],
        "e81_sir" => vec![
            plant_e81_target("1.06.04.2.02", "90", true),
            plant_e81_quarter_rp("1.06.01.2.08", 3_500_000),
            plant_e81_backwards("1.06.06"),
            plant_e81_predikat("Sedang"),
        ],
        _ => vec![],
    }
}

// ---------------------------------------------------------------------------------------------
// The layouts
// ---------------------------------------------------------------------------------------------

type Build = fn(&Plan) -> Vec<SheetSpec>;

const LAYOUTS: &[(&str, &str, Build)] = &[
    (
        "staff_merged",
        "office staff: one table per sheet (T-C.29 … T-C.33, usulan), two merged header rows, codes over 5 columns (kegiatan number 2,01), number cells, number row (1)… with (8)=(7)/(6)x100 merged over the code columns, T-C.29 header repeated per page, JUMLAH rows",
        layout_staff_merged,
    ),
    (
        "ep_flat",
        "EP generator: flat one-row headers, years in each leaf incl. (n-2) placeholders, no number row, joined codes, numbers as Indonesian text, target and unit in one cell, T-C.31 without Catatan Penting, T-C.33 with year-less groups and forced line breaks, sheet names Tabel 2.x",
        layout_ep_flat,
    ),
    (
        "sc_thousands",
        "SC/simcan: T-C.31 in thousands (Pagu Indikatif(Ribuan)), `Capaian Target`, T-C.33 with Lokasi Detail outside the year group, joined codes, T-C.30 HF two-row header with placeholder years (tahun n-2 …), bare number rows with spaced formulas, title-page cover sheet with stated counts and total",
        layout_sc_thousands,
    ),
    (
        "fooled_t29",
        "T-C.29 with `Renja Perangkat Daerah Tahun 2024` over Target|Realisasi|% Capaian and `Perkiraan Capaian Target Renstra PD s/d Tahun 2025` over Realisasi Capaian|Tingkat Capaian (%), number row; T-C.29 and T-C.30 stacked on one sheet, signature blocks, 6 code columns, sheet names Sheet1…",
        layout_fooled_t29,
    ),
    (
        "mre_caps",
        "MRE/Bintan export: all caps, KODE over 5 text columns, one column number per Excel column (T-C.29 formulas `(13)=(12)/(11)x100` in those numbers), title says PRAKIRAAN, header says PERKIRAAN, separate SATUAN in T-C.31, TOTAL row, years as bare sub-headers in T-C.30",
        layout_mre_caps,
    ),
    (
        "across_alf",
        "centre-across-selection headers (no merges, text in the first cell, empty cells below single-level headers), ALF caps T-C.33 (RENCANA 2026 → TARGET KINERJA / PAGU INDIKATIF / LOKASI / SUMBERDANA), T-C.29 percentages as percent-formatted cells, `s.d.`, 5 code columns with kegiatan number 2,01",
        layout_across_alf,
    ),
    (
        "three_rows",
        "three header rows (Evaluasi Renja PD → Tahun 2024 → Target…; Rencana Tahun 2026 → Target Capaian Kinerja → Target | Satuan), T-C.33 budgets in thousands `(Rp 000)`, joined codes, T-C.29 header repeated per printed page, T-C.30 with bare years under year-less groups, tables numbered Tabel 2.x/3.1",
        layout_three_rows,
    ),
    (
        "hf_glued",
        "HF/Asahan forms: unfilled year placeholders (`Tahun ........ (tahun n-3)`, `(tahun lalu /n-2)`), glued number row `8(7/6) 10(5+7+9)* 11*` with a Catatan column 12, T-C.31 in thousands `(Rp.000)` with forced line breaks, T-C.32 (Kajian usulan), stated total above T-C.33, signature block, double spaces and trailing spaces in headers",
        layout_hf_glued,
    ),
    (
        "sir_no_fund",
        "SIR/Klungkung SKPD era: T-C.33 without Sumber Dana, `Perkiraan Maju`, Kode over 4 columns (1.06 | 01 | 2.01 | 0001), T-C.29 with a leading No column so its numbers shift (`(9)=(8)/(7)x100`), SB-style flat T-C.31 without indicator columns (`Rancangan Awal RKPD — Program/Kegiatan`), signature block",
        layout_sir_no_fund,
    ),
    (
        "bdg_no_location",
        "BDG/Bandung: T-C.33 without Lokasi, Sumber Dana and Catatan, two-line title in one cell, `Total Pagu : Rp. …` line, number row `(1)` over the 4 code columns then bare 2 3 …, T-C.29 EP-2026 flat with years in each leaf, T-C.31 without top rows or total",
        layout_bdg_no_location,
    ),
    (
        "text_tgl",
        "every number as Indonesian text (`Rp. 185.500.000`, `97,53`), TGL T-C.33 with tab characters and an extra Sasaran column, codes joined short (1.06.01.2.01.01), cover sheet with stated counts and total, T-C.30 with the year in each leaf, usulan and T-C.32 flat, bare number rows with spaced formulas",
        layout_text_tgl,
    ),
    (
        "bab_stacked",
        "the Renja chapter as kept: sheet `BAB II` with section text and T-C.29, T-C.30, T-C.31, the stated counts and the proposal table stacked one under another; sheet `BAB IV` with the stated total, the SC Renja-copy T-C.33 (`Rencana tahun N`, `Prakiraan Maju Tahun N+1`, Lokasi Detail outside the group) and a signature block",
        layout_bab_stacked,
    ),
    (
        "wp_sipd_merah",
        "WP sipd-merah T-C.33 (a first header row of empty cells, Kode over 5 columns rowspan 3, Indikator Kinerja over Capaian Program / Keluaran Sub Kegiatan / Hasil Kegiatan with each row's indicator under its level, Target Capaian Kinerja split the same way, prakiraan maju Tolok Ukur / Target), T-C.29 with a leading No column and a number row starting at 0, SB T-C.30 for one year (8 columns, no year split, `Capaian (%)` typed `97,53%`), HF tv1c1-style T-C.31 with trailing spaces and (Rp.000) on both sides",
        layout_wp_sipd_merah,
    ),
    (
        "irw_awal",
        "IRW Renja Awal T-C.33 (Kode over 4 columns, the name over 4 columns one per level, `Indikator Kinerka (Outcome)` over Program / Kegiatan, `Tahun 2026 (Tahun Berjalan)` / `Tahun 2027 (Tahun Berikutnya)`, target value and unit under one merged `Target capaian kinerja`, an OPD column, number row (1) over 4, (2) over 4, (3) over 2 …), T-C.29 with MRE's per-column number row `1 … 7 9 9 10 …`, EP-flat T-C.31 with fused group names, no Catatan, in thousands (Rp.000)",
        layout_irw_awal,
    ),
    (
        "side_by_side",
        "T-C.30 (years in parentheses in each leaf) to the right of T-C.29 on one sheet with an empty column between; T-C.31 starting in column C with verifier notes in column A; T-C.33 with the JUMLAH row on top, a blank row between the header and the data, six code columns and a number row typed `(1)` … that Excel stored as the numbers -1 …",
        layout_side_by_side,
    ),
    (
        "per_program",
        "T-C.33 split over three sheets, one per program, each with the same header (urusan/bidang rows on the first only); a staff list (`No | Nama | NIP | Pangkat/Gol | Jabatan`) as the first sheet; T-C.29 in `Perangkat Daerah` wording with MRS's number row missing 3; SB flat T-C.31 without indicator columns in thousands (Rp.000), no number row; stated counts above the proposal table",
        layout_per_program,
    ),
    (
        "ep14_caps",
        "EP Permendagri 14/2026 generator: everything in caps with forced line breaks; Tabel 4.1 (SIPD-RI shape, 18 columns, three header rows: T-C.29's Renstra target / realisation 2024 / prakiraan 2025 folded in, CAPAIAN KINERJA DAN KERANGKA PENDANAAN over TARGET 2026 / PAGU / LOKASI / SUMBER DANA / PRIORITAS → NASIONAL / DAERAH / GUBERNUR, KELOMPOK SASARAN, PRAKIRAAN MAJU 2027, PERANGKAT DAERAH PENANGGUNG JAWAB) with the stated total above it; renumbered flat T-C.29 (`TARGET RENSTRA 2026`, `REALISASI S/D 2023`, …) whose codes carry trailing spaces; 5-year T-C.30 (`TARGET {y}` / `REALISASI/ PROYEKSI {y}`); T-C.32; no number rows",
        layout_ep14_caps,
    ),
    (
        "hidden_helpers",
        "hidden helper columns with formulas and cached values between real columns (joined code after the split code columns, `selisih` between the T-C.31 sides, rupiah ×1000 next to a thousands budget); T-C.33 budgets in thousands stated only in a title row `(dalam ribuan rupiah)`; T-C.29 percentages typed as text `98,50%`, OPD/SKPD mixed in one header, number row with the last number repeated (TGL `… 10 10`), header repeated after a page break with no `Lembar` line",
        layout_hidden_helpers,
    ),
    (
        "mre_gap",
        "MRE T-C.33 with its real number row `1 2 3 4 5 6 7 9 9 10 …` (8 missing, 9 twice), title lines in unmerged cells, `NAMA UNIT KERJA` line, TOTAL row, header repeated after a page break with no `Lembar` line; caps T-C.29 with DMV/BDG formula labels `8=7/6x100%`, `10=5+7+9`; SC T-C.31 (`Capaian Target`, rupiah) with its JUMLAH row on top",
        layout_mre_gap,
    ),
    (
        "sipd_ri",
        "WP sipd-ri 17-column Renja table as the plan (empty first header row, No, joined Kode, T-C.29 columns folded in as `Target Akhir Periode Renstra Opd` / `Realisasi Capaian Renja Opd Tahun 2024` / `Prakiraan Capaian Target Renja Opd Tahun 2025`, `Capaian Kinerja Dan Kerangka Pendanaan` over Target 2026 / Pagu / Lokasi / Sumber Dana / Prioritas, Kelompok Sasaran, Perangkat Daerah Penanggung Jawab, number row 1…17); T-C.29 with SIR `s./d.` and the `Resntra` typo; T-C.31 with `Keterangan` for Catatan",
        layout_sipd_ri,
    ),
    (
        "confusables",
        "tables that look like Renja tables but are not, next to the real ones: EDK's Renstra table 2.3 (`Pencapaian Kinerja Pelayanan … Selama 5 (lima) Tahun Terakhir`, `Tergat NSPK`, `Tahun ke-` sub-headers of bare digits 1–5 over a real number row) beside a regular T-C.30; HF's `Penggabungan Prioritas Masukan Masyarakat dengan Rancangan Renja OPD` (T-C.31's 5 + 5 + note shape, second side the community's requests) beside T-C.31; the drafting team's list (`No | Nama | NIP | Jabatan`) under T-C.33's signature block; T-C.29 with Kode over 4 columns",
        layout_confusables,
    ),
    (
        "reversed_dots",
        "workbook in reverse order (T-C.33 first, T-C.29 last); codes typed with a trailing dot (`1.06.01.`, `1.06.01.2.01.0001.`) in T-C.33 and T-C.29; T-C.33 in rupiah but T-C.31 `Pagu Indikatif(Ribuan)` on both sides with a JUMLAH row; T-C.29 with HF's Catatan column 12 and a number row `1 … 7 8* 9 10* 11* 12` (stars only, no formulas); T-C.33 number row (1)…",
        layout_reversed_dots,
    ),
    (
        "tabs_br_rp",
        "four header rows (an empty width row, then group / sub-group / Target|Satuan), tab characters and literal `<br>` at odd places in header cells (`Rencana\\tTahun 2026`, `Prakiraan Maju<br>Rencana Tahun\\t2027`), budgets as numbers with the number format `\"Rp \"#,##0`, every sheet protected, T-C.31 `Pagu<br>Indikatif\\t(Rp.000)` on both sides, T-C.29 flat EP wording with `<br>` inside and bare spaced-formula number row",
        layout_tabs_br_rp,
    ),
    (
        "e81_bdg",
        "E.81 as BDG's e81.xls (sheet `Formulir E.81`): no Kode column, number row `1 … 11, 12 = 8+9+10+11, 13 = 6 + 12, 14=13/5 x100%, 15` above the K/Rp row, quarter labels `I `/`Il `/`Ill `/`IV `, placeholder years (`Tahun …..`, `(Tahun n)`, `(n-1)`), the year only in the title line `Periode Pelaksanaan 2024`, titles in unmerged cells, mean capaian and predikat rows under the grid; beside an EP T-C.29 (2024 in columns 6–7)",
        layout_e81_bdg,
    ),
    (
        "e81_dmv",
        "E.81 as DMV's Excel: RKPD wording in the title (`LAPORAN EVALUASI TERHADAP RKPD`, `TAHUN ANGGARAN 2024`) on a Renja evaluation, NO + Sasaran + Kode columns so the groups are numbered 6–15 (`13=9+10+11+12`, `14=7+13`, `15=14/6x100`), `Ahkir`, years in the leaves (`Tahun lalu (2023)`, `yang dievaluasi (2024)`), Unit OPD penanggung jawab + Ket; E.81 on the first sheet, T-C.29 after it",
        layout_e81_dmv,
    ),
    (
        "e81_agp",
        "E.81 as AGP's: the extra 12/7 column (`13=12/7x100%`, so 14=6+12 and 15=14/5x100%), `K`/`Rp.`, SKPD and Perangkat Daerah mixed with the `Darah` typo, caps title ending `TAHUN ANGGARAN 2024 TRIWULAN IV`, no Kode, stacked under T-C.29 on one sheet",
        layout_e81_agp,
    ),
    (
        "e81_ind",
        "E.81 as IND/Sumedang's: `Fisik`/`Keuangan` instead of K/Rp, no Kode, `(Tahun n-1)` and `(n-2)` placeholders in the group headers with the evaluated year only in `Periode Pelaksanaan 2024`, 12 with no formula, `13 = 6 + 12`, `14=13/5x100%`, four factor/tindak-lanjut columns 16–19 after the unit column; E.81 on the first sheet",
        layout_e81_ind,
    ),
    (
        "merge_same_sheet",
        "HF's `Penggabungan Prioritas Masukan Masyarakat dengan Rancangan Renja OPD` (T-C.31's 5 + 5 + note shape, second side the community's requests, Rp.000) stacked two rows above the real T-C.31 (`Pagu Indikatif(Ribuan)` both sides, JUMLAH row) on one sheet `BAB III`, both with (1)… number rows",
        layout_merge_same_sheet,
    ),
    (
        "sc_pdf_pages",
        "T-C.33 as an SC PDF pasted into Excel: `Rencana tahun N` / `Prakiraan Maju Tahun N+1` with the years only in a two-line title, forced line breaks in every leaf, the header repeated every 9 data rows after a `Halaman` line, codes with a trailing dot, bare number row; T-C.31 in Ribuan, T-C.29 plain",
        layout_sc_pdf_pages,
    ),
    (
        "e81_mrs",
        "E.81 as MRS/Bintan's export: number row `1 2 4 5 … 16` (3 missing, so every group is numbered one more than the form: Renstra target `6`, quarters `9`–`12`, 12 = `13`, 14 = `15`) with no formula labels, `Target RENSTRA Tahun 2026`, `(N-1)` for the year evaluated (2024 only in `Periode Pelaksanaan 2024`), caps NO/SASARAN; E.81 with T-C.33 and no T-C.29",
        layout_e81_mrs,
    ),
    (
        "e81_wp",
        "E.81 as WP's monev table: K split into `Volume` / `Satuan` with Rp beside (three columns per group, the 12/7 and 14 percentages two), No numbered `0`, Tujuan and Sasaran columns, number row last under Volume/Satuan/Rp (`12 = 8+9+10+11`, `13 = 12/7x100`, `14 = 6 + 12`, `15 = 14/5 x100`), `… Tahun Lalu` with no year, `Tahun 2024 yang dievaluasi`; T-C.29 on the next sheet",
        layout_e81_wp,
    ),
    (
        "e81_tgl_subs",
        "E.81 as TGL/Tegal's: sub kegiatan rows under each kegiatan (Rp of a kegiatan = sum of its subs; a sub's 2024 K target = realisation = its 2026 target, flows), the 12/7 column, `Rp` on most groups but `Rp.` on the quarters, number row `1` … `15` with no formulas and an unnumbered unit column, `Form E.81` with trailing spaces, the year only in `Periode Pelaksanaan 2024` (no header names the evaluated year); T-C.29 before it",
        layout_e81_tgl_subs,
    ),
    (
        "e81_sir",
        "E.81 as SIR/Klungkung prints it: no number row at all, KODE over 4 columns (1.06 | 01 | 2.01 | …), padded ` K ` / ` Rp ` and ` I ` … ` IV ` labels, `&` for `dan`, the `KSPD` typo, `s./d.`, the 12/7 column, `Tahun Berjalan (2024)` for 13, Ket; T-C.29 on the first sheet",
        layout_e81_sir,
    ),
];

fn t29_title(prefix: &str) -> Vec<String> {
    vec![
        prefix.to_string(),
        "Rekapitulasi Evaluasi Hasil Pelaksanaan Renja Perangkat Daerah dan Pencapaian Renstra Perangkat Daerah s/d Tahun 2025".into(),
        REGENCY.to_string(),
        "Nama Perangkat Daerah : Dinas Sosial".into(),
    ]
}

fn layout_staff_merged(_plan: &Plan) -> Vec<SheetSpec> {
    let cs = CodeStyle::Split5Num;
    let g24 = "Target dan Realisasi Kinerja Program dan Kegiatan Tahun Lalu (2024)";
    let mut c29 = code_cols("Kode", cs);
    c29.extend([
        col(
            &["Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan"],
            Src::F("name"),
            40.0,
        ),
        col(
            &["Indikator Kinerja Program (outcome)/ Kegiatan (output)"],
            Src::F("ind"),
            30.0,
        ),
        col(
            &["Target Kinerja Capaian Program (Renstra-PD) Tahun 2026"],
            Src::F("k4"),
            12.0,
        ),
        col(
            &["Realisasi Target Kinerja Hasil Program dan Keluaran Kegiatan s/d dengan tahun 2023"],
            Src::F("k5"),
            12.0,
        ),
        col(&[g24, "Target Renja-PD tahun (2024)"], Src::F("k6"), 12.0),
        col(
            &[g24, "Realisasi Renja-PD tahun (2024)"],
            Src::F("k7"),
            12.0,
        ),
        col(&[g24, "Tingkat Realisasi (%)"], Src::F("k8"), 10.0),
        col(
            &["Target program dan kegiatan (Renja-PD tahun berjalan 2025)"],
            Src::F("k9"),
            12.0,
        ),
        col(
            &[
                "Perkiraan Realisasi Capaian Target Renstra-PD s/d tahun berjalan",
                "Realisasi Capaian Program dan Kegiatan s/d tahun berjalan (2025)",
            ],
            Src::F("k10"),
            12.0,
        ),
        col(
            &[
                "Perkiraan Realisasi Capaian Target Renstra-PD s/d tahun berjalan",
                "Tingkat Capaian Realisasi Target Renstra (%)",
            ],
            Src::F("k11"),
            12.0,
        ),
    ]);
    let t29 = Table::new(Kind::T29, &[], c29)
        .code(cs)
        .num(NumStyle::ParenFx, CodeNum::Merged)
        .page(8, "Nama Perangkat Daerah : Dinas Sosial");
    let mut t29 = t29;
    t29.titles = t29_title("Tabel T-C.29");

    let tr = "TARGET RENSTRA PERANGKAT DAERAH";
    let mut c30 = vec![
        col(&["NO"], Src::F("no"), 5.0),
        col(&["INDIKATOR"], Src::F("ind"), 40.0),
        col(&["SPM/STANDAR NASIONAL"], Src::F("spm"), 14.0),
        col(&["IKK"], Src::F("ikk"), 24.0),
    ];
    for y in 2022..=2026 {
        c30.push(col(
            &[tr, leak(format!("TAHUN {y}"))],
            Src::F(leak(format!("t{y}"))),
            9.0,
        ));
    }
    for y in 2022..=2024 {
        c30.push(col(
            &["REALISASI CAPAIAN", leak(format!("TAHUN {y}"))],
            Src::F(leak(format!("r{y}"))),
            9.0,
        ));
    }
    for y in 2025..=2026 {
        c30.push(col(
            &["PROYEKSI", leak(format!("TAHUN {y}"))],
            Src::F(leak(format!("r{y}"))),
            9.0,
        ));
    }
    c30.push(col(&["CATATAN ANALISIS"], Src::Empty, 20.0));
    let t30 = Table::new(
        Kind::T30,
        &[
            "Tabel T-C.30",
            "Pencapaian Kinerja Pelayanan Perangkat Daerah Dinas Sosial",
            "Kabupaten Kutai Kartanegara",
        ],
        c30,
    )
    .num(NumStyle::Paren, CodeNum::Merged);

    let (r, a) = ("RANCANGAN AWAL RKPD", "HASIL ANALISIS KEBUTUHAN");
    let c31 = vec![
        col(&["Program / Kegiatan/ Sub Kegiatan"], Src::F("name"), 40.0),
        col(&[r, "Lokasi"], Src::F("r_lok"), 16.0),
        col(
            &[r, "Output Kegiatan Indikator Kinerja"],
            Src::F("r_ind"),
            30.0,
        ),
        col(&[r, "Target Capaian"], Src::F("r_t"), 8.0),
        col(&[r, "Satuan"], Src::F("r_u"), 10.0),
        col(&[r, "Pagu Indikatif"], Src::F("r_p"), 16.0),
        col(&[a, "Lokasi"], Src::F("a_lok"), 16.0),
        col(
            &[a, "Output Kegiatan Indikator Kinerja"],
            Src::F("a_ind"),
            30.0,
        ),
        col(&[a, "Target Capaian"], Src::F("a_t"), 8.0),
        col(&[a, "Satuan"], Src::F("a_u"), 10.0),
        col(&[a, "Kebutuhan Dana"], Src::F("a_p"), 16.0),
        col(&["Catatan Penting"], Src::Empty, 20.0),
    ];
    let t31 = Table::new(
        Kind::T31,
        &[
            "TABEL T-C.31",
            "REVIEW TERHADAP RANCANGAN AWAL RKPD TAHUN 2026",
            "DINAS SOSIAL KABUPATEN KUTAI KARTANEGARA",
        ],
        c31,
    )
    .num(NumStyle::Paren, CodeNum::Merged)
    .total("JUMLAH");

    let n = "Rencana Tahun 2026";
    let n1 = "Prakiraan Maju Rencana Tahun 2027";
    let mut c33 = code_cols("Kode", cs);
    c33.extend([
        col(
            &["Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan/Sub Kegiatan"],
            Src::F("name"),
            40.0,
        ),
        col(
            &["Indikator Kinerja Program/ Kegiatan/ Sub Kegiatan"],
            Src::F("ind"),
            30.0,
        ),
        col(&[n, "Lokasi"], Src::F("lok"), 16.0),
        col(&[n, "Target Capaian Kinerja"], Src::F("t26"), 8.0),
        col(&[n, "Satuan"], Src::F("u26"), 10.0),
        col(&[n, "Kebutuhan Dana/ Pagu Indikatif"], Src::F("p26"), 16.0),
        col(&[n, "Sumber Dana"], Src::F("dana"), 10.0),
        col(&["Catatan Penting"], Src::Empty, 14.0),
        col(&[n1, "Target Capaian Kinerja"], Src::F("t27"), 8.0),
        col(&[n1, "Satuan"], Src::F("u27"), 10.0),
        col(&[n1, "Kebutuhan Dana/ Pagu Indikatif"], Src::F("p27"), 16.0),
    ]);
    let t33 = Table::new(
        Kind::T33,
        &[
            "Tabel T-C.33",
            "Rumusan Rencana Program dan Kegiatan Perangkat Daerah Tahun 2026 dan Prakiraan Maju Tahun 2027",
            "Kabupaten Kutai Kartanegara",
        ],
        c33,
    )
    .code(cs)
    .num(NumStyle::Paren, CodeNum::Merged)
    .total("JUMLAH");

    let us = usulan_staff();
    vec![
        sheet("T-C.29", vec![Block::Table(t29)]),
        sheet("T-C.30", vec![Block::Table(t30)]),
        sheet("T-C.31", vec![Block::Table(t31)]),
        sheet("Usulan Program 2026", vec![Block::Table(us)]),
        sheet("T-C.33", vec![Block::Table(t33)]),
    ]
}

fn usulan_staff() -> Table {
    let g = "Rencana Tahun 2026";
    Table::new(
        Kind::Usulan,
        &["2.5. Penelaahan Usulan Program dan Kegiatan Masyarakat"],
        vec![
            col(&["No"], Src::F("no"), 5.0),
            col(
                &["Urusan/ Bidang Urusan Pemerintahan Daerah Dan Program/ Kegiatan"],
                Src::F("name"),
                40.0,
            ),
            col(&[g, "Keluaran Sub Kegiatan"], Src::F("kel"), 30.0),
            col(&[g, "Lokasi Output Kegiatan"], Src::F("lok"), 18.0),
            col(&[g, "Sasaran/ Volume"], Src::F("vol"), 9.0),
            col(&[g, "Satuan"], Src::F("sat"), 10.0),
            col(&["Keterangan"], Src::Empty, 14.0),
        ],
    )
}

fn layout_ep_flat(_plan: &Plan) -> Vec<SheetSpec> {
    let c29 = vec![
        col(&["Kode"], Src::Code, 18.0),
        col(
            &["Urusan/Bidang Urusan dan Program/Kegiatan"],
            Src::F("name"),
            40.0,
        ),
        col(&["Indikator Kinerja Program/Kegiatan"], Src::F("ind"), 30.0),
        col(
            &["Target Kinerja Capaian Program (Renstra PD)"],
            Src::F("k4"),
            12.0,
        ),
        col(&["Realisasi s/d Tahun (n-3)"], Src::F("k5"), 12.0),
        col(&["Target Renja PD (n-2)"], Src::F("k6"), 12.0),
        col(&["Realisasi Renja PD (n-2)"], Src::F("k7"), 12.0),
        col(&["Tingkat Realisasi (%)"], Src::F("k8"), 10.0),
        col(&["Target Tahun Berjalan (n-1)"], Src::F("k9"), 12.0),
        col(
            &["Realisasi Capaian s/d Tahun Berjalan (n-1)"],
            Src::F("k10"),
            12.0,
        ),
        col(
            &["Tingkat Capaian Realisasi Target Renstra (%)"],
            Src::F("k11"),
            12.0,
        ),
    ];
    let t29 = Table::new(
        Kind::T29,
        &["Tabel 2.1 Rekapitulasi Evaluasi Hasil Pelaksanaan Renja Dinas Sosial dan Pencapaian Renstra Dinas Sosial s/d Tahun 2025"],
        c29,
    )
    .code(CodeStyle::Joined)
    .text();

    let mut c30 = vec![
        col(&["No"], Src::F("no"), 5.0),
        col(&["Indikator"], Src::F("ind"), 40.0),
        col(&["SPM/Standar Nasional"], Src::F("spm"), 14.0),
        col(&["IKK"], Src::F("ikk"), 24.0),
    ];
    for y in 2024..=2027 {
        c30.push(col(
            &[leak(format!("Target Renstra PD ({y})"))],
            Src::F(leak(format!("t{y}"))),
            9.0,
        ));
    }
    for y in 2024..=2025 {
        c30.push(col(
            &[leak(format!("Realisasi ({y})"))],
            Src::F(leak(format!("r{y}"))),
            9.0,
        ));
    }
    for y in 2026..=2027 {
        c30.push(col(
            &[leak(format!("Proyeksi ({y})"))],
            Src::F(leak(format!("r{y}"))),
            9.0,
        ));
    }
    c30.push(col(&["Catatan Analisis"], Src::Empty, 20.0));
    let t30 = Table::new(
        Kind::T30,
        &["Tabel 2.3 Pencapaian Kinerja Pelayanan Dinas Sosial"],
        c30,
    )
    .text();

    let c31 = vec![
        col(&["No"], Src::F("no"), 5.0),
        col(&["Program/Kegiatan (RKPD)"], Src::F("name"), 40.0),
        col(&["Lokasi"], Src::F("r_lok"), 16.0),
        col(&["Indikator Kinerja"], Src::F("r_ind"), 30.0),
        col(&["Target Capaian"], Src::Tu("r_t", "r_u"), 12.0),
        col(&["Pagu Indikatif (Rp)"], Src::F("r_p"), 16.0),
        col(&["Program/Kegiatan (Hasil Analisis)"], Src::F("name"), 40.0),
        col(&["Lokasi"], Src::F("a_lok"), 16.0),
        col(&["Indikator Kinerja"], Src::F("a_ind"), 30.0),
        col(&["Target Capaian"], Src::Tu("a_t", "a_u"), 12.0),
        col(&["Kebutuhan Dana (Rp)"], Src::F("a_p"), 16.0),
    ];
    let t31 = Table::new(
        Kind::T31,
        &["Tabel 2.5 Review Rancangan Awal RKPD terhadap Renja Dinas Sosial Tahun 2026"],
        c31,
    )
    .text()
    .no_top();

    let c32 = vec![
        col(&["No"], Src::F("no"), 5.0),
        col(&["Program/Kegiatan"], Src::F("kamus"), 30.0),
        col(&["Lokasi"], Src::F("lok"), 24.0),
        col(&["Indikator Kinerja"], Src::F("ind"), 24.0),
        col(&["Besaran/Volume"], Src::F("vol"), 10.0),
        col(&["Catatan"], Src::F("cat"), 30.0),
    ];
    let t32 = Table::new(
        Kind::T32,
        &["Tabel 2.6 Usulan Program dan Kegiatan dari Para Pemangku Kepentingan Dinas Sosial Tahun 2026"],
        c32,
    )
    .text();

    let (n, n1) = ("Rencana Tahun", "Prakiraan Maju");
    let c33 = vec![
        col(&["Kode"], Src::Code, 18.0),
        col(
            &["Urusan / Bidang Urusan Pemerintahan Daerah dan Program / Kegiatan"],
            Src::F("name"),
            40.0,
        ),
        col(
            &["Indikator Kinerja Program / Kegiatan"],
            Src::F("ind"),
            30.0,
        ),
        col(&[n, "Lokasi"], Src::F("lok"), 16.0),
        col(
            &[n, "Target\nCapaian\nKinerja"],
            Src::Tu("t26", "u26"),
            12.0,
        ),
        col(
            &[n, "Kebutuhan\nDana / Pagu\nIndikatif"],
            Src::F("p26"),
            16.0,
        ),
        col(&[n, "Sumber\nDana"], Src::F("dana"), 10.0),
        col(&["Catatan Penting"], Src::Empty, 14.0),
        col(
            &[n1, "Target\nCapaian\nKinerja"],
            Src::Tu("t27", "u27"),
            12.0,
        ),
        col(
            &[n1, "Kebutuhan\nDana /\nPagu Indikatif"],
            Src::F("p27"),
            16.0,
        ),
    ];
    let t33 = Table::new(
        Kind::T33,
        &["Tabel 4.2 Rencana kerja dan pendanaan Dinas Sosial Tahun 2026"],
        c33,
    )
    .text();

    vec![
        sheet("Tabel 2.1", vec![Block::Table(t29)]),
        sheet("Tabel 2.3", vec![Block::Table(t30)]),
        sheet("Tabel 2.5", vec![Block::Table(t31)]),
        sheet("Tabel 2.6", vec![Block::Table(t32)]),
        sheet("Tabel 4.2", vec![Block::Table(t33)]),
    ]
}

fn layout_sc_thousands(plan: &Plan) -> Vec<SheetSpec> {
    let cover = sheet(
        "Sampul",
        vec![
            Block::Text(vec![
                "".into(),
                "RENCANA KERJA".into(),
                "PERANGKAT DAERAH".into(),
                "(RENJA PD)".into(),
                "TAHUN 2026".into(),
                "".into(),
                "DINAS SOSIAL".into(),
                "KABUPATEN KUTAI KARTANEGARA".into(),
                "".into(),
            ]),
            Block::Statement("count", count_statement(plan)),
            Block::Statement("total", total_statement(plan)),
        ],
    );
    let hf = "Target dan realisasi kinerja program dan keluaran kegiatan OPD tahun 2024 (tahun lalu /n-2) ";
    let hf10 = "Perkiraan realisasi capaian target program/kegiatan Renstra OPD s/d dengan tahun 2025 (tahun berjalan/n-1)";
    let c29 = vec![
        col(&["Kode"], Src::Code, 18.0),
        col(
            &["Urusan/Bidang Urusan Pemerintahan Daerah Dan Program/Kegiatan "],
            Src::F("name"),
            40.0,
        ),
        col(
            &["Indikator  Kinerja Program (outcome)/ Kegiatan (output)"],
            Src::F("ind"),
            30.0,
        ),
        col(
            &["target capaian kinerja Renstra OPD Tahun 2026 (akhir periode Renstra OPD)"],
            Src::F("k4"),
            12.0,
        ),
        col(
            &[
                "Realisasi target kinerja hasil program dan keluaran kegiatan s/d tahun 2023  (tahun n-3) ",
            ],
            Src::F("k5"),
            12.0,
        ),
        col(&[hf, "Target"], Src::F("k6"), 10.0),
        col(&[hf, "Realisasi"], Src::F("k7"), 10.0),
        col(&[hf, "Tingkat Realisasi (%)"], Src::F("k8"), 10.0),
        col(
            &["Target program / kegiatan  Renja  OPD tahun berjalan 2025 (tahun n-1) "],
            Src::F("k9"),
            12.0,
        ),
        col(&[hf10, "Realisasi Capaian"], Src::F("k10"), 12.0),
        col(&[hf10, "Tingkat capaian (%)"], Src::F("k11"), 12.0),
        col(&["Catatan"], Src::Empty, 14.0),
    ];
    let t29 = Table::new(
        Kind::T29,
        &[
            "Rekapitulasi Hasil Evaluasi Pelaksanaan Renja  OPD  s/d Tahun 2025 (tahun berjalan)",
            "Kabupaten Kutai Kartanegara",
            "Nama SKPD : Dinas Sosial",
        ],
        c29,
    )
    .code(CodeStyle::JoinedShort)
    .num(NumStyle::BareFx, CodeNum::Merged);

    let mut c30 = vec![
        col(&["NO"], Src::F("no"), 5.0),
        col(&["Indikator"], Src::F("ind"), 40.0),
        col(&["SPM/ Standar Nasional"], Src::F("spm"), 14.0),
        col(&["IKK (PP-6/'08)"], Src::F("ikk"), 24.0),
    ];
    let rel = ["n-2", "n-1", "n", "n+1"];
    for (i, y) in (2024..=2027).enumerate() {
        c30.push(col(
            &[
                "Target Renstra OPD ",
                leak(format!("Tahun ....... (tahun {})", rel[i])),
            ],
            Src::F(leak(format!("t{y}"))),
            10.0,
        ));
    }
    for (i, y) in (2024..=2025).enumerate() {
        c30.push(col(
            &[
                "Realisasi Capaian ",
                leak(format!("Tahun ....... (tahun {})", rel[i])),
            ],
            Src::F(leak(format!("r{y}"))),
            10.0,
        ));
    }
    for (i, y) in (2026..=2027).enumerate() {
        c30.push(col(
            &[
                "Proyeksi ",
                leak(format!("Tahun ....... (tahun {})", rel[i + 2])),
            ],
            Src::F(leak(format!("r{y}"))),
            10.0,
        ));
    }
    c30.push(col(&["Catatan Analisis"], Src::Empty, 20.0));
    let t30 = Table::new(
        Kind::T30,
        &[
            "Pencapaian Kinerja Pelayanan OPD Dinas Sosial",
            "Provinsi/Kabupaten/Kota Kutai Kartanegara",
        ],
        c30,
    )
    .num(NumStyle::Paren, CodeNum::Merged);

    let (r, a) = ("Rancangan Awal RKPD", "Hasil Analisis Kebutuhan");
    let c31 = vec![
        col(&["No"], Src::F("no"), 5.0),
        col(&[r, "Program"], Src::F("name"), 36.0),
        col(&[r, "Lokasi"], Src::F("r_lok"), 16.0),
        col(&[r, "Indikator"], Src::F("r_ind"), 28.0),
        col(&[r, "Capaian Target"], Src::Tu("r_t", "r_u"), 12.0),
        col(&[r, "Pagu Indikatif(Ribuan)"], Src::F("r_p"), 14.0),
        col(&[a, "Program"], Src::F("name"), 36.0),
        col(&[a, "Lokasi"], Src::F("a_lok"), 16.0),
        col(&[a, "Indikator"], Src::F("a_ind"), 28.0),
        col(&[a, "Capaian Target"], Src::Tu("a_t", "a_u"), 12.0),
        col(&[a, "Pagu Indikatif(Ribuan)"], Src::F("a_p"), 14.0),
        col(&["Catatan Penting"], Src::Empty, 18.0),
    ];
    let t31 = Table::new(
        Kind::T31,
        &[
            "Pemerintah Kabupaten Kutai Kartanegara",
            "Review terhadap Rancangan Awal RKPD Tahun 2026",
            "Dinas Sosial",
        ],
        c31,
    )
    .thousands();

    let (n, n1) = ("Rencana tahun 2026", "Prakiraan Maju Tahun 2027");
    let c33 = vec![
        col(&["Kode"], Src::Code, 18.0),
        col(&["Program/Kegiatan"], Src::F("name"), 40.0),
        col(&["Lokasi Detail"], Src::F("lok"), 16.0),
        col(&["Indikator Program/Kegiatan"], Src::F("ind"), 30.0),
        col(&[n, "Target Capaian Kinerja"], Src::Tu("t26", "u26"), 12.0),
        col(&[n, "Kebutuhan Dana"], Src::F("p26"), 16.0),
        col(&[n, "Sumber Dana"], Src::F("dana"), 10.0),
        col(&["Catatan Penting"], Src::Empty, 14.0),
        col(&[n1, "Target Capaian Kinerja"], Src::Tu("t27", "u27"), 12.0),
        col(&[n1, "Kebutuhan Dana"], Src::F("p27"), 16.0),
    ];
    let t33 = Table::new(
        Kind::T33,
        &[
            "Tabel T-C.33",
            "Rumusan Rencana Program dan Kegiatan Perangkat Daerah 2026 dan Prakiraan Maju Tahun 2027",
            "Pemerintah Kabupaten Kutai Kartanegara",
        ],
        c33,
    );

    vec![
        cover,
        sheet("Evaluasi Renja", vec![Block::Table(t29)]),
        sheet("Kinerja Pelayanan", vec![Block::Table(t30)]),
        sheet("Review RKPD", vec![Block::Table(t31)]),
        sheet("Rumusan Renja", vec![Block::Table(t33)]),
    ]
}

fn layout_fooled_t29(_plan: &Plan) -> Vec<SheetSpec> {
    let cs = CodeStyle::Split6;
    let g24 = "Renja Perangkat Daerah Tahun 2024";
    let g25 = "Perkiraan Capaian Target Renstra PD s/d Tahun 2025";
    let mut c29 = code_cols("Kode", cs);
    c29.extend([
        col(
            &["Urusan/Bidang Urusan/Program/Kegiatan"],
            Src::F("name"),
            40.0,
        ),
        col(
            &["Indikator Kinerja Program (outcome)/Kegiatan (output)"],
            Src::F("ind"),
            30.0,
        ),
        col(&["Target Renstra PD Tahun 2026"], Src::F("k4"), 12.0),
        col(&["Realisasi Capaian s/d Tahun 2023"], Src::F("k5"), 12.0),
        col(&[g24, "Target"], Src::F("k6"), 10.0),
        col(&[g24, "Realisasi"], Src::F("k7"), 10.0),
        col(&[g24, "% Capaian"], Src::F("k8"), 10.0),
        col(&["Target Renja PD Tahun 2025"], Src::F("k9"), 12.0),
        col(&[g25, "Realisasi Capaian"], Src::F("k10"), 12.0),
        col(&[g25, "Tingkat Capaian (%)"], Src::F("k11"), 12.0),
    ]);
    let t29 = Table::new(
        Kind::T29,
        &[
            "Tabel T-C.29",
            "Rekapitulasi Evaluasi Hasil Pelaksanaan Renja PD dan Pencapaian Renstra PD s/d Tahun 2025",
            "Dinas Sosial Kabupaten Kutai Kartanegara",
        ],
        c29,
    )
    .code(cs)
    .num(NumStyle::Bare, CodeNum::Merged);

    let mut c30 = vec![
        col(&["No"], Src::F("no"), 5.0),
        col(&["Indikator"], Src::F("ind"), 40.0),
        col(&["SPM/Standar Nasional"], Src::F("spm"), 14.0),
        col(&["IKK"], Src::F("ikk"), 24.0),
    ];
    for y in 2024..=2027 {
        c30.push(col(
            &["Target Renstra Perangkat Daerah", leak(y.to_string())],
            Src::F(leak(format!("t{y}"))),
            9.0,
        ));
    }
    for y in 2024..=2025 {
        c30.push(col(
            &["Realisasi Capaian", leak(y.to_string())],
            Src::F(leak(format!("r{y}"))),
            9.0,
        ));
    }
    for y in 2026..=2027 {
        c30.push(col(
            &["Proyeksi", leak(y.to_string())],
            Src::F(leak(format!("r{y}"))),
            9.0,
        ));
    }
    c30.push(col(&["Catatan Analisis"], Src::Empty, 20.0));
    let t30 = Table::new(
        Kind::T30,
        &[
            "Tabel T-C.30",
            "Pencapaian Kinerja Pelayanan Dinas Sosial",
            "Kabupaten Kutai Kartanegara",
        ],
        c30,
    );

    let (r, a) = ("Rancangan Awal RKPD", "Hasil Analisis Kebutuhan");
    let c31 = vec![
        col(&["No."], Src::F("no"), 5.0),
        col(&[r, "Program / \nKegiatan"], Src::F("name"), 36.0),
        col(&[r, "Lokasi"], Src::F("r_lok"), 16.0),
        col(&[r, "Indikator \nKinerja"], Src::F("r_ind"), 28.0),
        col(&[r, "Target \nCapaian"], Src::Tu("r_t", "r_u"), 12.0),
        col(&[r, "Pagu \nIndikatif \n(Rp.)"], Src::F("r_p"), 16.0),
        col(&[a, "Program / \nKegiatan"], Src::F("name"), 36.0),
        col(&[a, "Lokasi"], Src::F("a_lok"), 16.0),
        col(&[a, "Indikator \nKinerja"], Src::F("a_ind"), 28.0),
        col(&[a, "Target \nCapaian"], Src::Tu("a_t", "a_u"), 12.0),
        col(&[a, "Kebutuhan \nDana \n(Rp.)"], Src::F("a_p"), 16.0),
        col(&["Catatan Penting"], Src::Empty, 18.0),
    ];
    let t31 = Table::new(
        Kind::T31,
        &["Review terhadap Rancangan Awal RKPD  2026"],
        c31,
    )
    .num(NumStyle::Paren, CodeNum::Merged)
    .total("JUMLAH");

    let (n, n1) = ("Rencana Tahun 2026", "Prakiraan Maju Rencana Tahun 2027");
    let mut c33 = code_cols("Kode", cs);
    c33.extend([
        col(
            &["Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan"],
            Src::F("name"),
            40.0,
        ),
        col(
            &["Indikator Kinerja Program / Kegiatan"],
            Src::F("ind"),
            30.0,
        ),
        col(&[n, "Lokasi"], Src::F("lok"), 16.0),
        col(&[n, "Target Capaian Kinerja"], Src::Tu("t26", "u26"), 12.0),
        col(&[n, "Kebutuhan Dana/Pagu Indikatif"], Src::F("p26"), 16.0),
        col(&[n, "Sumber Dana"], Src::F("dana"), 10.0),
        col(&["Catatan Penting"], Src::Empty, 14.0),
        col(&[n1, "Target Capaian Kinerja"], Src::Tu("t27", "u27"), 12.0),
        col(&[n1, "Kebutuhan Dana/Pagu Indikatif"], Src::F("p27"), 16.0),
    ]);
    let t33 = Table::new(
        Kind::T33,
        &[
            "Tabel T-C.33",
            "Rumusan Rencana Program dan Kegiatan Perangkat Daerah Tahun 2026 dan Prakiraan Maju Tahun 2027",
            "Kabupaten Kutai Kartanegara",
        ],
        c33,
    )
    .code(cs)
    .num(NumStyle::Bare, CodeNum::Merged)
    .total("JUMLAH");

    vec![
        sheet(
            "Sheet1",
            vec![
                Block::Table(t29),
                Block::Blank(3),
                Block::Table(t30),
                Block::Blank(1),
                Block::Signature(10),
            ],
        ),
        sheet(
            "Sheet2",
            vec![Block::Table(t31), Block::Blank(1), Block::Signature(8)],
        ),
        sheet(
            "Sheet3",
            vec![Block::Table(t33), Block::Blank(1), Block::Signature(12)],
        ),
    ]
}

fn t30_years(
    group_t: &str,
    group_r: &str,
    group_p: &str,
    years_t: std::ops::RangeInclusive<u32>,
    years_r: std::ops::RangeInclusive<u32>,
    years_p: std::ops::RangeInclusive<u32>,
    label: &dyn Fn(u32) -> String,
) -> Vec<Col> {
    let mut out = Vec::new();
    let mut push = |g: &str, y: u32, f: String| {
        let l = label(y);
        let head: Vec<&str> = if g.is_empty() { vec![&l] } else { vec![g, &l] };
        out.push(col(&head, Src::F(leak(f)), 9.0));
    };
    for y in years_t {
        push(group_t, y, format!("t{y}"));
    }
    for y in years_r {
        push(group_r, y, format!("r{y}"));
    }
    for y in years_p {
        push(group_p, y, format!("r{y}"));
    }
    out
}

fn layout_mre_caps(_plan: &Plan) -> Vec<SheetSpec> {
    let cs = CodeStyle::Split5Text;
    let g24 = "TARGET DAN REALISASI KINERJA PROGRAM DAN KEGIATAN TAHUN LALU (2024)";
    let g25 = "PERKIRAAN REALISASI CAPAIAN TARGET RENSTRA PD S/D TAHUN BERJALAN (2025)";
    let mut c29 = code_cols("KODE", cs);
    c29.extend([
        col(
            &["URUSAN/BIDANG URUSAN PEMERINTAH DAERAH DAN PROGRAM/KEGIATAN"],
            Src::F("name"),
            40.0,
        ),
        col(
            &["INDIKATOR KINERJA PROGRAM (OUTCOME)/KEGIATAN (OUTPUT)"],
            Src::F("ind"),
            30.0,
        ),
        col(
            &["TARGET KINERJA CAPAIAN RENSTRA PD TAHUN 2026"],
            Src::F("k4"),
            12.0,
        ),
        col(
            &["REALISASI TARGET KINERJA S/D TAHUN 2023"],
            Src::F("k5"),
            12.0,
        ),
        col(&[g24, "TARGET"], Src::F("k6"), 10.0),
        col(&[g24, "REALISASI"], Src::F("k7"), 10.0),
        col(&[g24, "TINGKAT REALISASI (%)"], Src::F("k8"), 10.0),
        col(
            &["TARGET RENJA PD TAHUN BERJALAN (2025)"],
            Src::F("k9"),
            12.0,
        ),
        col(&[g25, "REALISASI CAPAIAN"], Src::F("k10"), 12.0),
        col(&[g25, "TINGKAT CAPAIAN (%)"], Src::F("k11"), 12.0),
    ]);
    let t29 = Table::new(
        Kind::T29,
        &[
            "TABEL T-C.29",
            "REKAPITULASI EVALUASI HASIL PELAKSANAAN RENJA PD DAN PENCAPAIAN RENSTRA PD S/D TAHUN 2025",
            "DINAS SOSIAL KABUPATEN KUTAI KARTANEGARA",
        ],
        c29,
    )
    .code(cs)
    .num(NumStyle::ParenFx, CodeNum::PerColumn);

    let mut c30 = vec![
        col(&["NO"], Src::F("no"), 5.0),
        col(&["INDIKATOR"], Src::F("ind"), 40.0),
        col(&["SPM/STANDAR NASIONAL"], Src::F("spm"), 14.0),
        col(&["IKK"], Src::F("ikk"), 24.0),
    ];
    c30.extend(t30_years(
        "TARGET RENSTRA PD",
        "REALISASI CAPAIAN",
        "PROYEKSI",
        2022..=2026,
        2022..=2024,
        2025..=2026,
        &|y| y.to_string(),
    ));
    c30.push(col(&["CATATAN ANALISIS"], Src::Empty, 20.0));
    let t30 = Table::new(
        Kind::T30,
        &[
            "TABEL T-C.30",
            "PENCAPAIAN KINERJA PELAYANAN DINAS SOSIAL",
            "KABUPATEN KUTAI KARTANEGARA",
        ],
        c30,
    )
    .num(NumStyle::Paren, CodeNum::Merged);

    let (r, a) = ("RANCANGAN AWAL RKPD", "HASIL ANALISIS KEBUTUHAN");
    let c31 = vec![
        col(&["NO"], Src::F("no"), 5.0),
        col(&["PROGRAM/KEGIATAN/SUB KEGIATAN"], Src::F("name"), 40.0),
        col(&[r, "LOKASI"], Src::F("r_lok"), 16.0),
        col(&[r, "INDIKATOR KINERJA"], Src::F("r_ind"), 30.0),
        col(&[r, "TARGET CAPAIAN"], Src::F("r_t"), 8.0),
        col(&[r, "SATUAN"], Src::F("r_u"), 10.0),
        col(&[r, "PAGU INDIKATIF (RP)"], Src::F("r_p"), 16.0),
        col(&[a, "LOKASI"], Src::F("a_lok"), 16.0),
        col(&[a, "INDIKATOR KINERJA"], Src::F("a_ind"), 30.0),
        col(&[a, "TARGET CAPAIAN"], Src::F("a_t"), 8.0),
        col(&[a, "SATUAN"], Src::F("a_u"), 10.0),
        col(&[a, "KEBUTUHAN DANA (RP)"], Src::F("a_p"), 16.0),
        col(&["CATATAN PENTING"], Src::Empty, 18.0),
    ];
    let t31 = Table::new(
        Kind::T31,
        &[
            "TABEL T-C.31",
            "REVIEW TERHADAP RANCANGAN AWAL RKPD TAHUN 2026",
            "DINAS SOSIAL KABUPATEN KUTAI KARTANEGARA",
        ],
        c31,
    )
    .total("TOTAL");

    let us = Table::new(
        Kind::Usulan,
        &["2.5 PENELAAHAN USULAN PROGRAM DAN KEGIATAN MASYARAKAT"],
        vec![
            col(&["NO"], Src::F("no"), 5.0),
            col(&["PROGRAM/KEGIATAN/SUB KEGIATAN"], Src::F("name"), 40.0),
            col(&["KELUARAN SUB KEGIATAN"], Src::F("kel"), 30.0),
            col(&["LOKASI"], Src::F("lok"), 18.0),
            col(&["VOLUME"], Src::F("vol"), 9.0),
            col(&["SATUAN"], Src::F("sat"), 10.0),
            col(&["KET"], Src::Empty, 12.0),
        ],
    );

    let (n, n1) = ("RENCANA TAHUN 2026", "PERKIRAAN MAJU RENCANA TAHUN 2027");
    let mut c33 = code_cols("KODE", cs);
    c33.extend([
        col(
            &["URUSAN/BIDANG URUSAN PEMERINTAH DAERAH DAN PROGRAM/KEGIATAN"],
            Src::F("name"),
            40.0,
        ),
        col(&["INDIKATOR KINERJA PROGRAM/KEGIATAN"], Src::F("ind"), 30.0),
        col(&[n, "LOKASI"], Src::F("lok"), 16.0),
        col(&[n, "TARGET CAPAIAN KINERJA"], Src::Tu("t26", "u26"), 12.0),
        col(&[n, "KEBUTUHAN DANA/PAGU INDIKATIF"], Src::F("p26"), 16.0),
        col(&[n, "SUMBER DANA"], Src::F("dana"), 10.0),
        col(&["CATATAN PENTING"], Src::Empty, 14.0),
        col(&[n1, "TARGET CAPAIAN KINERJA"], Src::Tu("t27", "u27"), 12.0),
        col(&[n1, "KEBUTUHAN DANA/PAGU INDIKATIF"], Src::F("p27"), 16.0),
    ]);
    let t33 = Table::new(
        Kind::T33,
        &[
            "RUMUSAN PROGRAM DAN KEGIATAN OPD TAHUN 2026",
            "DAN PRAKIRAAN MAJU TAHUN 2027",
            "KABUPATEN KUTAI KARTANEGARA",
            "NAMA OPD / SKPD : DINAS SOSIAL",
        ],
        c33,
    )
    .code(cs)
    .num(NumStyle::Bare, CodeNum::PerColumn);

    vec![
        sheet("TC-29", vec![Block::Table(t29)]),
        sheet("TC-30", vec![Block::Table(t30)]),
        sheet("TC-31", vec![Block::Table(t31)]),
        sheet("USULAN", vec![Block::Table(us)]),
        sheet("TC-33", vec![Block::Table(t33)]),
    ]
}

fn layout_across_alf(_plan: &Plan) -> Vec<SheetSpec> {
    let cs = CodeStyle::Split5Num;
    let g24 = "Target dan Realisasi Renja PD Tahun 2024";
    let g25 = "Realisasi Capaian s.d. Tahun 2025";
    let mut c29 = code_cols("Kode", cs);
    c29.extend([
        col(
            &["Urusan/Bidang Urusan/Program/Kegiatan"],
            Src::F("name"),
            40.0,
        ),
        col(
            &["Indikator Kinerja Program (outcome)/Kegiatan (output)"],
            Src::F("ind"),
            30.0,
        ),
        col(&["Target Renstra PD Tahun 2026"], Src::F("k4"), 12.0),
        col(&["Realisasi Renja s.d. Tahun 2023"], Src::F("k5"), 12.0),
        col(&[g24, "Target"], Src::F("k6"), 10.0),
        col(&[g24, "Realisasi"], Src::F("k7"), 10.0),
        col(&[g24, "Tingkat Realisasi (%)"], Src::F("k8"), 10.0),
        col(&["Target Renja PD Tahun 2025"], Src::F("k9"), 12.0),
        col(&[g25, "Realisasi Capaian"], Src::F("k10"), 12.0),
        col(&[g25, "Tingkat Capaian Renstra (%)"], Src::F("k11"), 12.0),
    ]);
    let t29 = Table::new(
        Kind::T29,
        &[
            "Tabel T-C.29",
            "Rekapitulasi Evaluasi Hasil Pelaksanaan Renja PD dan Pencapaian Renstra PD s.d. Tahun 2025",
            "Dinas Sosial Kabupaten Kutai Kartanegara",
        ],
        c29,
    )
    .code(cs)
    .across()
    .pct_cells()
    .num(NumStyle::Paren, CodeNum::Merged);

    let (r, a) = (" Rancangan Awal RKPD ", "Hasil Analisis Kebutuhan");
    let c31 = vec![
        col(&["No."], Src::F("no"), 5.0),
        col(&[r, "Program / Kegiatan"], Src::F("name"), 36.0),
        col(&[r, "Lokasi"], Src::F("r_lok"), 16.0),
        col(&[r, "Indikator Kinerja"], Src::F("r_ind"), 28.0),
        col(&[r, "Target Capaian"], Src::Tu("r_t", "r_u"), 12.0),
        col(&[r, "Pagu Indikatif (Rp.)"], Src::F("r_p"), 16.0),
        col(&[a, "Program / Kegiatan"], Src::F("name"), 36.0),
        col(&[a, "Lokasi"], Src::F("a_lok"), 16.0),
        col(&[a, "Indikator Kinerja"], Src::F("a_ind"), 28.0),
        col(&[a, "Target Capaian"], Src::Tu("a_t", "a_u"), 12.0),
        col(&[a, "Kebutuhan Dana (Rp.)"], Src::F("a_p"), 16.0),
        col(&["Catatan Penting"], Src::Empty, 18.0),
    ];
    let t31 = Table::new(
        Kind::T31,
        &[
            "Tabel T-C.31",
            "Review terhadap Rancangan Awal RKPD Tahun 2026",
            "Dinas Sosial Kabupaten Kutai Kartanegara",
        ],
        c31,
    )
    .across()
    .total("JUMLAH");

    let g = "Rencana Tahun 2026";
    let us = Table::new(
        Kind::Usulan,
        &["2.5 Penelaahan Usulan Program dan Kegiatan Masyarakat"],
        vec![
            col(&["No"], Src::F("no"), 5.0),
            col(&["Program/Kegiatan/Sub Kegiatan"], Src::F("name"), 40.0),
            col(&[g, "Keluaran Sub Kegiatan"], Src::F("kel"), 30.0),
            col(&[g, "Lokasi"], Src::F("lok"), 18.0),
            col(&[g, "Target/Volume"], Src::Tu("vol", "sat"), 12.0),
            col(&["Keterangan"], Src::Empty, 14.0),
        ],
    )
    .across();

    let (n, n1) = ("RENCANA 2026", "PRAKIRAAN MAJU 2027");
    let mut c33 = code_cols("KODE", cs);
    c33.extend([
        col(&["PROGRAM"], Src::F("name"), 40.0),
        col(&["INDIKATOR"], Src::F("ind"), 30.0),
        col(&[n, "TARGET KINERJA"], Src::Tu("t26", "u26"), 12.0),
        col(&[n, "PAGU INDIKATIF"], Src::F("p26"), 16.0),
        col(&[n, "LOKASI"], Src::F("lok"), 16.0),
        col(&[n, "SUMBERDANA"], Src::F("dana"), 10.0),
        col(&["CATATAN PENTING"], Src::Empty, 14.0),
        col(&[n1, "TARGET KINERJA"], Src::Tu("t27", "u27"), 12.0),
        col(&[n1, "KEBUTUHAN DANA"], Src::F("p27"), 16.0),
    ]);
    let t33 = Table::new(
        Kind::T33,
        &[
            "RENCANA KERJA DINAS SOSIAL TAHUN 2026",
            "KABUPATEN KUTAI KARTANEGARA",
        ],
        c33,
    )
    .code(cs)
    .across();

    vec![
        sheet("Form T-C.29", vec![Block::Table(t29)]),
        sheet("Form T-C.31", vec![Block::Table(t31)]),
        sheet("Usulan", vec![Block::Table(us)]),
        sheet("Form T-C.33", vec![Block::Table(t33)]),
    ]
}

fn layout_three_rows(_plan: &Plan) -> Vec<SheetSpec> {
    let cs = CodeStyle::Joined;
    let ev = "Evaluasi Renja PD";
    let g10 = "Perkiraan Realisasi Capaian Target Renstra PD s.d. Tahun Berjalan (2025)";
    let c29 = vec![
        col(&["Kode"], Src::Code, 18.0),
        col(&["Program/Kegiatan"], Src::F("name"), 40.0),
        col(
            &["Indikator Kinerja Program (outcome)/ Kegiatan (output)"],
            Src::F("ind"),
            30.0,
        ),
        col(
            &["Target Renstra PD Tahun 2026 (akhir periode Renstra PD)"],
            Src::F("k4"),
            12.0,
        ),
        col(
            &["Realisasi Capaian Kinerja Renstra PD s.d. Tahun 2023"],
            Src::F("k5"),
            12.0,
        ),
        col(&[ev, "Tahun 2024", "Target"], Src::F("k6"), 10.0),
        col(&[ev, "Tahun 2024", "Realisasi"], Src::F("k7"), 10.0),
        col(
            &[ev, "Tahun 2024", "Tingkat Realisasi (%)"],
            Src::F("k8"),
            10.0,
        ),
        col(&[ev, "Tahun 2025", "Target"], Src::F("k9"), 10.0),
        col(&[g10, "Realisasi Capaian"], Src::F("k10"), 12.0),
        col(&[g10, "Tingkat Capaian (%)"], Src::F("k11"), 12.0),
    ];
    let t29 = Table::new(
        Kind::T29,
        &[
            "Tabel 2.1",
            "Rekapitulasi Evaluasi Hasil Pelaksanaan Renja PD dan Pencapaian Renstra PD s.d. Tahun 2025",
            "Dinas Sosial Kabupaten Kutai Kartanegara",
        ],
        c29,
    )
    .code(cs)
    .num(NumStyle::ParenFx, CodeNum::Merged)
    .page(6, "Dinas Sosial Kabupaten Kutai Kartanegara");

    let mut c30 = vec![
        col(&["No"], Src::F("no"), 5.0),
        col(&["Indikator"], Src::F("ind"), 40.0),
        col(&["SPM/Standar Nasional"], Src::F("spm"), 14.0),
        col(&["IKK"], Src::F("ikk"), 24.0),
    ];
    c30.extend(t30_years(
        "Target Renstra Perangkat Daerah",
        "Realisasi Capaian",
        "Proyeksi",
        2024..=2027,
        2024..=2025,
        2026..=2027,
        &|y| y.to_string(),
    ));
    c30.push(col(&["Catatan Analisis"], Src::Empty, 20.0));
    let t30 = Table::new(
        Kind::T30,
        &["Tabel 2.2", "Pencapaian Kinerja Pelayanan Dinas Sosial"],
        c30,
    );

    let (r, a) = ("Rancangan Awal RKPD Tahun 2026", "Hasil Analisis Kebutuhan");
    let tck = "Target Capaian Kinerja";
    let c31 = vec![
        col(&["No"], Src::F("no"), 5.0),
        col(&["Program/Kegiatan/Sub Kegiatan"], Src::F("name"), 40.0),
        col(&[r, "Lokasi"], Src::F("r_lok"), 16.0),
        col(&[r, "Indikator Kinerja"], Src::F("r_ind"), 28.0),
        col(&[r, tck, "Target"], Src::F("r_t"), 8.0),
        col(&[r, tck, "Satuan"], Src::F("r_u"), 10.0),
        col(&[r, "Pagu Indikatif (Rp)"], Src::F("r_p"), 16.0),
        col(&[a, "Lokasi"], Src::F("a_lok"), 16.0),
        col(&[a, "Indikator Kinerja"], Src::F("a_ind"), 28.0),
        col(&[a, tck, "Target"], Src::F("a_t"), 8.0),
        col(&[a, tck, "Satuan"], Src::F("a_u"), 10.0),
        col(&[a, "Kebutuhan Dana (Rp)"], Src::F("a_p"), 16.0),
        col(&["Catatan Penting"], Src::Empty, 18.0),
    ];
    let t31 = Table::new(
        Kind::T31,
        &[
            "Tabel 2.3",
            "Review terhadap Rancangan Awal RKPD Tahun 2026",
        ],
        c31,
    )
    .num(NumStyle::Paren, CodeNum::Merged);

    let (n, n1) = ("Rencana Tahun 2026", "Prakiraan Maju Rencana Tahun 2027");
    let c33 = vec![
        col(&["Kode"], Src::Code, 18.0),
        col(
            &["Urusan/ Bidang Urusan Pemerintahan Daerah Dan Program/ Kegiatan"],
            Src::F("name"),
            40.0,
        ),
        col(
            &["Indikator Kinerja Program/ Kegiatan/ Sub Kegiatan"],
            Src::F("ind"),
            30.0,
        ),
        col(&[n, "Lokasi Output Kegiatan"], Src::F("lok"), 16.0),
        col(&[n, tck, "Target"], Src::F("t26"), 8.0),
        col(&[n, tck, "Satuan"], Src::F("u26"), 10.0),
        col(&[n, "Pagu Indikatif (Rp 000)"], Src::F("p26"), 14.0),
        col(&[n, "Sumber Dana"], Src::F("dana"), 10.0),
        col(&["Catatan Penting"], Src::Empty, 14.0),
        col(&[n1, tck, "Target"], Src::F("t27"), 8.0),
        col(&[n1, tck, "Satuan"], Src::F("u27"), 10.0),
        col(
            &[n1, "Kebutuhan Dana/ Pagu Indikatif (Rp 000)"],
            Src::F("p27"),
            14.0,
        ),
    ];
    let t33 = Table::new(
        Kind::T33,
        &[
            "Tabel 3.1",
            "Rumusan Rencana Program dan Kegiatan Perangkat Daerah Tahun 2026 dan Prakiraan Maju Tahun 2027",
            "Dinas Sosial Kabupaten Kutai Kartanegara",
        ],
        c33,
    )
    .code(cs)
    .thousands()
    .num(NumStyle::Paren, CodeNum::Merged)
    .total("JUMLAH");

    vec![
        sheet("Evaluasi", vec![Block::Table(t29)]),
        sheet("T-C.30", vec![Block::Table(t30)]),
        sheet("Review RKPD 2026", vec![Block::Table(t31)]),
        sheet("Rencana 2026-2027", vec![Block::Table(t33)]),
    ]
}

fn layout_hf_glued(plan: &Plan) -> Vec<SheetSpec> {
    let cs = CodeStyle::Split5Num;
    let g68 = "Target dan realisasi kinerja program dan keluaran kegiatan OPD tahun ....... (tahun lalu /n-2) ";
    let g1011 = "Perkiraan realisasi capaian target program/kegiatan Renstra OPD s/d dengan tahun ..... ... (tahun berjalan/n-1)";
    let mut c29 = code_cols("Kode", cs);
    c29.extend([
        col(&["Urusan/Bidang Urusan Pemerintahan Daerah Dan Program/Kegiatan "], Src::F("name"), 40.0),
        col(&["Indikator  Kinerja Program (outcome)/ Kegiatan (output)"], Src::F("ind"), 30.0),
        col(&["target capaian kinerja Renstra OPD Tahun ........ (akhir periode Renstra OPD)"], Src::F("k4"), 12.0),
        col(&["Realisasi target kinerja hasil program dan keluaran kegiatan s/d tahun ......  (tahun n-3) "], Src::F("k5"), 12.0),
        col(&[g68, "Target"], Src::F("k6"), 10.0),
        col(&[g68, "Realisasi"], Src::F("k7"), 10.0),
        col(&[g68, "Tingkat Realisasi (%)"], Src::F("k8"), 10.0),
        col(&["Target program / kegiatan  Renja  SKPD tahun berjalan (tahun n-1) "], Src::F("k9"), 12.0),
        col(&[g1011, "Realisasi Capaian"], Src::F("k10"), 12.0),
        col(&[g1011, "Tingkat capaian (%)"], Src::F("k11"), 12.0),
        col(&["Catatan"], Src::Empty, 14.0),
    ]);
    let t29 = Table::new(
        Kind::T29,
        &[
            "Rekapitulasi Hasil Evaluasi Pelaksanaan Renja  OPD sampai dengan Tahun Berjalan 2025",
            "Kabupaten/Kota *) Kutai Kartanegara",
            "Nama SKPD : Dinas Sosial",
        ],
        c29,
    )
    .code(cs)
    .num(NumStyle::Glued, CodeNum::Merged);

    let mut c30 = vec![
        col(&["NO"], Src::F("no"), 5.0),
        col(&["Indikator"], Src::F("ind"), 40.0),
        col(&["SPM/ Standar Nasional"], Src::F("spm"), 14.0),
        col(&["IKK (PP-6/'08)"], Src::F("ikk"), 24.0),
    ];
    let rel = |y: u32| match y {
        2024 => "n-2",
        2025 => "n-1",
        2026 => "n",
        _ => "n+1",
    };
    c30.extend(t30_years(
        "Target Renstra OPD ",
        "Realisasi Capaian ",
        "Proyeksi ",
        2024..=2027,
        2024..=2025,
        2026..=2027,
        &|y| format!("Tahun {y} (tahun {})", rel(y)),
    ));
    c30.push(col(&["Catatan Analisis"], Src::Empty, 20.0));
    let t30 = Table::new(
        Kind::T30,
        &[
            "Pencapaian Kinerja Pelayanan OPD Dinas Sosial ",
            "Provinsi/Kabupaten/Kota Kutai Kartanegara",
        ],
        c30,
    )
    .num(NumStyle::Paren, CodeNum::Merged);

    let (r, a) = (" Rancangan Awal RKPD ", "Hasil Analisis Kebutuhan");
    let c31 = vec![
        col(&["No."], Src::F("no"), 5.0),
        col(&[r, "Program / \nKegiatan"], Src::F("name"), 36.0),
        col(&[r, "Lokasi"], Src::F("r_lok"), 16.0),
        col(&[r, "Indikator \nKinerja"], Src::F("r_ind"), 28.0),
        col(&[r, "Target \nCapaian"], Src::Tu("r_t", "r_u"), 12.0),
        col(&[r, "Pagu \nIndikatif \n(Rp.000)"], Src::F("r_p"), 14.0),
        col(&[a, "Program / \nKegiatan"], Src::F("name"), 36.0),
        col(&[a, "Lokasi"], Src::F("a_lok"), 16.0),
        col(&[a, "Indikator \nKinerja"], Src::F("a_ind"), 28.0),
        col(&[a, "Target \nCapaian"], Src::Tu("a_t", "a_u"), 12.0),
        col(&[a, "Kebutuhan \nDana \n(Rp.000)"], Src::F("a_p"), 14.0),
        col(&["Catatan Penting"], Src::Empty, 18.0),
    ];
    let t31 = Table::new(
        Kind::T31,
        &["Review terhadap Rancangan Awal RKPD  2026"],
        c31,
    )
    .thousands()
    .num(NumStyle::Paren, CodeNum::Merged)
    .total("JUMLAH");

    let t32 = Table::new(
        Kind::T32,
        &[
            "Kajian Usulan Program dan Kegiatan dari Masyarakat ",
            "Kabupaten Kutai Kartanegara ",
            "Tahun 2026 ",
            "Nama OPD : Dinas Sosial",
        ],
        vec![
            col(&["No"], Src::F("no"), 5.0),
            col(&["Program/kegiatan "], Src::F("kamus"), 30.0),
            col(&["Lokasi"], Src::F("lok"), 24.0),
            col(&["Indikator kinerja "], Src::F("ind"), 24.0),
            col(&["Besaran/ volume "], Src::F("vol"), 10.0),
            col(&["Catatan ***) "], Src::F("cat"), 30.0),
        ],
    )
    .num(NumStyle::Paren, CodeNum::Merged);

    let (n, n1) = ("Rencana Tahun 2026", "Prakiraan Maju Rencana Tahun 2027");
    let mut c33 = code_cols(" Kode ", cs);
    c33.extend([
        col(
            &["Urusan/Bidang Urusan \nPemerintahan Daerah dan \nProgram/Kegiatan"],
            Src::F("name"),
            40.0,
        ),
        col(
            &["Indikator Kinerja Program / Kegiatan"],
            Src::F("ind"),
            30.0,
        ),
        col(&[n, "Lokasi"], Src::F("lok"), 16.0),
        col(&[n, "Target Capaian"], Src::Tu("t26", "u26"), 12.0),
        col(&[n, "Kebutuhan Dana/ Pagu Indikatif"], Src::F("p26"), 16.0),
        col(&[n, "Sumber Dana"], Src::F("dana"), 10.0),
        col(&["Catatan Penting"], Src::Empty, 14.0),
        col(&[n1, "Target Capaian Kinerja"], Src::Tu("t27", "u27"), 12.0),
        col(&[n1, "Kebutuhan Dana/ Pagu Indikatif"], Src::F("p27"), 16.0),
    ]);
    let t33 = Table::new(
        Kind::T33,
        &[
            "Rumusan Rencana Program dan Kegiatan Dinas Sosial",
            "Kabupaten Kutai Kartanegara, Provinsi Kalimantan Timur",
        ],
        c33,
    )
    .code(cs)
    .num(NumStyle::Paren, CodeNum::Merged)
    .total("JUMLAH");

    vec![
        sheet("TC-29", vec![Block::Table(t29)]),
        sheet("TC-30", vec![Block::Table(t30)]),
        sheet("TC-31", vec![Block::Table(t31)]),
        sheet("TC-32", vec![Block::Table(t32)]),
        sheet(
            "TC-33",
            vec![
                Block::Statement("total", total_statement(plan)),
                Block::Blank(1),
                Block::Table(t33),
                Block::Blank(2),
                Block::Signature(9),
            ],
        ),
    ]
}

fn layout_sir_no_fund(_plan: &Plan) -> Vec<SheetSpec> {
    let cs = CodeStyle::Split4;
    let g24 = "Target dan Realisasi Renja SKPD Tahun 2024";
    let mut c29 = vec![col(&["No"], Src::F("no"), 5.0)];
    c29.extend(code_cols("Kode", cs));
    c29.extend([
        col(&["Program/Kegiatan"], Src::F("name"), 40.0),
        col(
            &["Indikator Kinerja Program (Outcome)/ Kegiatan (Output)"],
            Src::F("ind"),
            30.0,
        ),
        col(
            &["Target Renstra SKPD pada Tahun 2026 (Akhir Periode Renstra SKPD)"],
            Src::F("k4"),
            12.0,
        ),
        col(
            &["Realisasi Capaian Kinerja Renstra SKPD s.d. Tahun 2023"],
            Src::F("k5"),
            12.0,
        ),
        col(&[g24, "Target"], Src::F("k6"), 10.0),
        col(&[g24, "Realisasi"], Src::F("k7"), 10.0),
        col(&[g24, "Tingkat Realisasi (%)"], Src::F("k8"), 10.0),
        col(&["Target Renja SKPD Tahun 2025"], Src::F("k9"), 12.0),
        col(
            &["Realisasi Capaian Kinerja Renstra SKPD s.d. Tahun 2025"],
            Src::F("k10"),
            12.0,
        ),
        col(
            &["Tingkat Capaian Kinerja Renstra SKPD s.d. Tahun 2025 (%)"],
            Src::F("k11"),
            12.0,
        ),
    ]);
    let t29 = Table::new(
        Kind::T29,
        &[
            "EVALUASI HASIL PELAKSANAAN RENJA SKPD DAN PENCAPAIAN RENSTRA SKPD S.D. TAHUN 2025",
            "KABUPATEN KUTAI KARTANEGARA",
            "SKPD : DINAS SOSIAL",
        ],
        c29,
    )
    .code(cs)
    .num(NumStyle::ParenFx, CodeNum::Merged);

    let c31 = vec![
        col(
            &["Rancangan Awal RKPD — Program/Kegiatan"],
            Src::F("name"),
            40.0,
        ),
        col(&["Lokasi"], Src::F("r_lok"), 16.0),
        col(&["Target Capaian Kinerja"], Src::Tu("r_t", "r_u"), 12.0),
        col(&["Pagu Indikatif (Rp)"], Src::F("r_p"), 16.0),
        col(
            &["Hasil Analisis Kebutuhan — Program/Kegiatan"],
            Src::F("name"),
            40.0,
        ),
        col(&["Lokasi"], Src::F("a_lok"), 16.0),
        col(&["Target Capaian Kinerja"], Src::Tu("a_t", "a_u"), 12.0),
        col(&["Kebutuhan Dana (Rp)"], Src::F("a_p"), 16.0),
        col(&["Catatan Penting"], Src::Empty, 18.0),
    ];
    let t31 = Table::new(
        Kind::T31,
        &["Tabel 2.3 — Review terhadap Rancangan Awal RKPD Tahun 2026 (Permendagri 86/2017):"],
        c31,
    )
    .total("JUMLAH");

    let (n, n1) = ("Rencana Tahun 2026", "Perkiraan Maju Rencana Tahun 2027");
    let mut c33 = code_cols("Kode", cs);
    c33.extend([
        col(&["Program dan Kegiatan"], Src::F("name"), 40.0),
        col(&["Indikator Kinerja Program/Kegiatan"], Src::F("ind"), 30.0),
        col(&[n, "Lokasi"], Src::F("lok"), 16.0),
        col(&[n, "Target Capaian Kinerja"], Src::Tu("t26", "u26"), 12.0),
        col(&[n, "Kebutuhan Dana/Pagu Indikatif"], Src::F("p26"), 16.0),
        col(&["Catatan"], Src::Empty, 14.0),
        col(&[n1, "Target Capaian Kinerja"], Src::Tu("t27", "u27"), 12.0),
        col(&[n1, "Kebutuhan Dana/Pagu Indikatif"], Src::F("p27"), 16.0),
    ]);
    let t33 = Table::new(
        Kind::T33,
        &[
            "RUMUSAN RENCANA PROGRAM DAN KEGIATAN SKPD TAHUN 2026",
            "DAN PERKIRAAN MAJU TAHUN 2027",
            "KABUPATEN KUTAI KARTANEGARA",
            "",
            "SKPD : DINAS SOSIAL",
        ],
        c33,
    )
    .code(cs);

    vec![
        sheet("Evaluasi Renja SKPD", vec![Block::Table(t29)]),
        sheet("Review RKPD", vec![Block::Table(t31)]),
        sheet(
            "Renja SKPD 2026",
            vec![Block::Table(t33), Block::Blank(2), Block::Signature(8)],
        ),
    ]
}

fn layout_bdg_no_location(plan: &Plan) -> Vec<SheetSpec> {
    let cs = CodeStyle::Split4;
    let mut c29 = code_cols("Kode", cs);
    c29.extend([
        col(
            &["Urusan/Bidang Urusan/Program/Kegiatan"],
            Src::F("name"),
            40.0,
        ),
        col(&["Indikator Kinerja"], Src::F("ind"), 30.0),
        col(&["Target Renstra 2026"], Src::F("k4"), 12.0),
        col(&["Realisasi s/d 2023"], Src::F("k5"), 12.0),
        col(&["Target Renja 2024"], Src::F("k6"), 10.0),
        col(&["Realisasi Renja 2024"], Src::F("k7"), 10.0),
        col(&["Tingkat Realisasi (%)"], Src::F("k8"), 10.0),
        col(&["Target Renja 2025"], Src::F("k9"), 12.0),
        col(&["Realisasi s/d Tahun Berjalan"], Src::F("k10"), 12.0),
        col(&["Tingkat Capaian Renstra (%)"], Src::F("k11"), 12.0),
    ]);
    let t29 = Table::new(
        Kind::T29,
        &["Tabel 2.4 Rekapitulasi Evaluasi Hasil Pelaksanaan Renja Dinas Sosial"],
        c29,
    )
    .code(cs)
    .num(NumStyle::FirstParen, CodeNum::Merged);

    let (r, a) = ("Rancangan Awal RKPD", "Hasil Analisis Kebutuhan");
    let c31 = vec![
        col(&[r, "Program/Kegiatan"], Src::F("name"), 36.0),
        col(&[r, "Lokasi"], Src::F("r_lok"), 16.0),
        col(&[r, "Indikator Kinerja"], Src::F("r_ind"), 28.0),
        col(&[r, "Target"], Src::F("r_t"), 8.0),
        col(&[r, "Satuan"], Src::F("r_u"), 10.0),
        col(&[r, "Pagu Indikatif"], Src::F("r_p"), 16.0),
        col(&[a, "Program/Kegiatan"], Src::F("name"), 36.0),
        col(&[a, "Lokasi"], Src::F("a_lok"), 16.0),
        col(&[a, "Indikator Kinerja"], Src::F("a_ind"), 28.0),
        col(&[a, "Target"], Src::F("a_t"), 8.0),
        col(&[a, "Satuan"], Src::F("a_u"), 10.0),
        col(&[a, "Pagu Indikatif"], Src::F("a_p"), 16.0),
        col(&["Catatan Penting"], Src::Empty, 18.0),
    ];
    let t31 = Table::new(
        Kind::T31,
        &["Tabel 2.5 Review terhadap Rancangan Awal RKPD Tahun 2026"],
        c31,
    );

    let (n, n1) = ("Rencana Tahun 2026", "Prakiraan Maju Rencana Tahun 2027");
    let mut c33 = code_cols("Kode", cs);
    c33.extend([
        col(
            &["Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan"],
            Src::F("name"),
            40.0,
        ),
        col(
            &["Indikator Kinerja Program / Kegiatan"],
            Src::F("ind"),
            30.0,
        ),
        col(&[n, "Target Capaian Kinerja"], Src::Tu("t26", "u26"), 12.0),
        col(&[n, "Pagu Indikatif"], Src::F("p26"), 16.0),
        col(&[n1, "Target Capaian Kinerja"], Src::Tu("t27", "u27"), 12.0),
        col(&[n1, "Pagu Indikatif"], Src::F("p27"), 16.0),
    ]);
    let t33 = Table::new(
        Kind::T33,
        &["Rumusan Rencana Program dan Kegiatan Perangkat Daerah Tahun 2026\ndan Perkiraan Maju Tahun 2027"],
        c33,
    )
    .code(cs)
    .num(NumStyle::FirstParen, CodeNum::Merged);

    vec![
        sheet("Tabel 2.4", vec![Block::Table(t29)]),
        sheet("Tabel 2.5", vec![Block::Table(t31)]),
        sheet(
            "Renja PD 2026",
            vec![
                Block::Text(vec![
                    "Nama Perangkat Daerah : 1.06.0.00.0.00.01.0000 Dinas Sosial".into(),
                ]),
                Block::Statement(
                    "total",
                    format!(
                        "Total Pagu : Rp. {}",
                        id_text(Decimal::from(plan.total().0), None)
                    ),
                ),
                Block::Blank(1),
                Block::Table(t33),
            ],
        ),
    ]
}

fn layout_text_tgl(plan: &Plan) -> Vec<SheetSpec> {
    let cs = CodeStyle::JoinedShort;
    let cover = sheet(
        "Cover",
        vec![
            Block::Text(vec![
                "RENCANA KERJA (RENJA)".into(),
                "DINAS SOSIAL KABUPATEN KUTAI KARTANEGARA".into(),
                "TAHUN 2026".into(),
                "".into(),
                "BAB II EVALUASI PELAKSANAAN RENJA PERANGKAT DAERAH TAHUN LALU".into(),
                "".into(),
            ]),
            Block::Statement("count", count_statement(plan)),
            Block::Statement("total", total_statement(plan)),
        ],
    );
    let c29 = vec![
        col(&["Kode"], Src::Code, 18.0),
        col(
            &["Urusan/Bidang Urusan/Program/Kegiatan"],
            Src::F("name"),
            40.0,
        ),
        col(&["Indikator Kinerja"], Src::F("ind"), 30.0),
        col(&["Target Renstra PD Tahun 2026"], Src::F("k4"), 12.0),
        col(&["Realisasi s.d. Tahun 2023"], Src::F("k5"), 12.0),
        col(&["Target Renja PD Tahun 2024"], Src::F("k6"), 10.0),
        col(&["Realisasi Renja PD Tahun 2024"], Src::F("k7"), 10.0),
        col(&["Tingkat Realisasi (%)"], Src::F("k8"), 10.0),
        col(&["Target Renja PD Tahun 2025"], Src::F("k9"), 12.0),
        col(
            &["Perkiraan Realisasi Capaian Target Renstra PD s.d tahun berjalan"],
            Src::F("k10"),
            12.0,
        ),
        col(&["Tingkat Capaian (%)"], Src::F("k11"), 12.0),
    ];
    let t29 = Table::new(
        Kind::T29,
        &["Tabel 2.1 Rekapitulasi Evaluasi Hasil Pelaksanaan Renja Dinas Sosial dan Pencapaian Renstra Dinas Sosial s.d. Tahun 2025"],
        c29,
    )
    .code(cs)
    .text()
    .num(NumStyle::BareFx, CodeNum::Merged);

    let mut c30 = vec![
        col(&["No"], Src::F("no"), 5.0),
        col(&["Indikator"], Src::F("ind"), 40.0),
        col(&["SPM/Standar Nasional"], Src::F("spm"), 14.0),
        col(&["IKK"], Src::F("ikk"), 24.0),
    ];
    c30.extend(t30_years(
        "",
        "",
        "",
        2022..=2026,
        2022..=2024,
        2025..=2026,
        &|y| {
            if y <= 2026 {
                format!("Target Renstra PD ({y})")
            } else {
                String::new()
            }
        },
    ));
    // Realisation and projection leaves carry their own wording.
    for (i, c) in c30.iter_mut().enumerate().skip(9) {
        let y = 2022 + (i as u32 - 9);
        c.head = vec![if y <= 2024 {
            format!("Realisasi ({y})")
        } else {
            format!("Proyeksi ({y})")
        }];
    }
    c30.push(col(&["Catatan Analisis"], Src::Empty, 20.0));
    let t30 = Table::new(
        Kind::T30,
        &["Tabel 2.2 Pencapaian Kinerja Pelayanan Dinas Sosial"],
        c30,
    )
    .text();

    let (r, a) = ("Rancangan Awal RKPD", "Hasil Analisis Kebutuhan");
    let c31 = vec![
        col(&["No"], Src::F("no"), 5.0),
        col(&["Program/Kegiatan"], Src::F("name"), 40.0),
        col(&[r, "Lokasi"], Src::F("r_lok"), 16.0),
        col(&[r, "Indikator Kinerja"], Src::F("r_ind"), 28.0),
        col(&[r, "Target"], Src::F("r_t"), 8.0),
        col(&[r, "Satuan"], Src::F("r_u"), 10.0),
        col(&[r, "Pagu Indikatif (Rp)"], Src::F("r_p"), 18.0),
        col(&[a, "Lokasi"], Src::F("a_lok"), 16.0),
        col(&[a, "Indikator Kinerja"], Src::F("a_ind"), 28.0),
        col(&[a, "Target"], Src::F("a_t"), 8.0),
        col(&[a, "Satuan"], Src::F("a_u"), 10.0),
        col(&[a, "Kebutuhan Dana (Rp)"], Src::F("a_p"), 18.0),
        col(&["Catatan Penting"], Src::Empty, 18.0),
    ];
    let t31 = Table::new(
        Kind::T31,
        &["Tabel 2.4 Review terhadap Rancangan Awal RKPD Tahun 2026"],
        c31,
    )
    .text()
    .rp()
    .total("JUMLAH");

    let us = Table::new(
        Kind::Usulan,
        &["Tabel 2.5 Usulan Program dan Kegiatan Tahun 2026"],
        vec![
            col(&["No"], Src::F("no"), 5.0),
            col(&["Program/Kegiatan/Sub Kegiatan"], Src::F("name"), 40.0),
            col(&["Keluaran Sub Kegiatan"], Src::F("kel"), 30.0),
            col(&["Lokasi"], Src::F("lok"), 18.0),
            col(&["Sasaran/Volume"], Src::Tu("vol", "sat"), 12.0),
            col(&["Keterangan"], Src::Empty, 14.0),
        ],
    )
    .text();

    let t32 = Table::new(
        Kind::T32,
        &["Tabel 2.6 Usulan Program dan Kegiatan dari Para Pemangku Kepentingan Dinas Sosial Tahun 2026"],
        vec![
            col(&["No"], Src::F("no"), 5.0),
            col(&["Program/Kegiatan"], Src::F("kamus"), 30.0),
            col(&["Lokasi"], Src::F("lok"), 24.0),
            col(&["Indikator Kinerja"], Src::F("ind"), 24.0),
            col(&["Besaran/Volume"], Src::F("vol"), 10.0),
            col(&["Catatan"], Src::F("cat"), 30.0),
        ],
    )
    .text();

    let (n, n1) = ("Rencana Tahun 2026\t", "Prakiraan Maju Rencana Tahun 2027");
    let c33 = vec![
        col(&["Kode"], Src::Code, 18.0),
        col(
            &["Urusan/ Bidang Urusan/ Program/ Kegiatan/ Sub Kegiatan"],
            Src::F("name"),
            40.0,
        ),
        col(
            &["Sasaran Program / Kegiatan / Sub Kegiatan"],
            Src::Empty,
            20.0,
        ),
        col(
            &["Capaian Program / Hasil Kegiatan\t/ Keluaran Sub Kegiatan"],
            Src::F("ind"),
            30.0,
        ),
        col(&[n, "Target Capaian Kinerja"], Src::Tu("t26", "u26"), 12.0),
        col(&[n, "Lokasi Output Kegiatan"], Src::F("lok"), 16.0),
        col(&[n, "Pagu Indikatif (Rp.)"], Src::F("p26"), 18.0),
        col(&[n, "Sumber Dana"], Src::F("dana"), 10.0),
        col(&["Catatan Penting"], Src::Empty, 14.0),
        col(&[n1, "Target Capaian Kinerja"], Src::Tu("t27", "u27"), 12.0),
        col(&[n1, "Pagu Indikatif (Rp.)"], Src::F("p27"), 18.0),
    ];
    let t33 = Table::new(
        Kind::T33,
        &[
            "Unit Organisasi : 1.06.0.00.0.00.01 Dinas Sosial",
            "Sub Unit Organisasi : 1.06.0.00.0.00.01.0000 Dinas Sosial",
        ],
        c33,
    )
    .code(cs)
    .text()
    .rp()
    .num(NumStyle::Bare, CodeNum::Merged);

    vec![
        cover,
        sheet("Evaluasi", vec![Block::Table(t29)]),
        sheet("Kinerja Pelayanan", vec![Block::Table(t30)]),
        sheet("Review", vec![Block::Table(t31)]),
        sheet("Usulan", vec![Block::Table(us)]),
        sheet("Usulan Masyarakat", vec![Block::Table(t32)]),
        sheet(
            "Renja",
            vec![Block::Table(t33), Block::Blank(2), Block::Signature(8)],
        ),
    ]
}

fn layout_bab_stacked(plan: &Plan) -> Vec<SheetSpec> {
    let cs = CodeStyle::Split5Num;
    let g24 = "Target dan Realisasi Kinerja Program dan Kegiatan Tahun 2024";
    let mut c29 = code_cols("Kode", cs);
    c29.extend([
        col(
            &["Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan"],
            Src::F("name"),
            40.0,
        ),
        col(
            &["Indikator Kinerja Program (outcome)/ Kegiatan (output)"],
            Src::F("ind"),
            30.0,
        ),
        col(
            &["Target Kinerja Capaian Program (Renstra PD) Tahun 2026"],
            Src::F("k4"),
            12.0,
        ),
        col(
            &["Realisasi Target Kinerja Hasil Program dan Keluaran Kegiatan s/d Tahun 2023"],
            Src::F("k5"),
            12.0,
        ),
        col(&[g24, "Target Renja PD"], Src::F("k6"), 10.0),
        col(&[g24, "Realisasi Renja PD"], Src::F("k7"), 10.0),
        col(&[g24, "Tingkat Realisasi (%)"], Src::F("k8"), 10.0),
        col(
            &["Target Program dan Kegiatan Renja PD Tahun Berjalan 2025"],
            Src::F("k9"),
            12.0,
        ),
        col(
            &[
                "Perkiraan Realisasi Capaian Target Renstra PD s/d Tahun Berjalan 2025",
                "Realisasi Capaian",
            ],
            Src::F("k10"),
            12.0,
        ),
        col(
            &[
                "Perkiraan Realisasi Capaian Target Renstra PD s/d Tahun Berjalan 2025",
                "Tingkat Capaian (%)",
            ],
            Src::F("k11"),
            12.0,
        ),
    ]);
    let t29 = Table::new(
        Kind::T29,
        &[
            "Tabel T-C.29",
            "Rekapitulasi Evaluasi Hasil Pelaksanaan Renja PD dan Pencapaian Renstra PD s/d Tahun 2025",
            "Dinas Sosial Kabupaten Kutai Kartanegara",
        ],
        c29,
    )
    .code(cs)
    .num(NumStyle::Paren, CodeNum::Merged);

    let mut c30 = vec![
        col(&["NO"], Src::F("no"), 5.0),
        col(&["INDIKATOR"], Src::F("ind"), 40.0),
        col(&["SPM/STANDAR NASIONAL"], Src::F("spm"), 14.0),
        col(&["IKK"], Src::F("ikk"), 24.0),
    ];
    c30.extend(t30_years(
        "TARGET RENSTRA PERANGKAT DAERAH",
        "REALISASI CAPAIAN",
        "PROYEKSI",
        2022..=2026,
        2022..=2024,
        2025..=2026,
        &|y| format!("TAHUN {y}"),
    ));
    c30.push(col(&["CATATAN ANALISIS"], Src::Empty, 20.0));
    let t30 = Table::new(
        Kind::T30,
        &[
            "Tabel T-C.30",
            "Pencapaian Kinerja Pelayanan Dinas Sosial",
            "Kabupaten Kutai Kartanegara",
        ],
        c30,
    );

    let (r, a) = ("RANCANGAN AWAL RKPD", "HASIL ANALISIS KEBUTUHAN");
    let c31 = vec![
        col(&["Program / Kegiatan / Sub Kegiatan"], Src::F("name"), 40.0),
        col(&[r, "Lokasi"], Src::F("r_lok"), 16.0),
        col(&[r, "Indikator Kinerja"], Src::F("r_ind"), 30.0),
        col(&[r, "Target Capaian"], Src::F("r_t"), 8.0),
        col(&[r, "Satuan"], Src::F("r_u"), 10.0),
        col(&[r, "Pagu Indikatif"], Src::F("r_p"), 16.0),
        col(&[a, "Lokasi"], Src::F("a_lok"), 16.0),
        col(&[a, "Indikator Kinerja"], Src::F("a_ind"), 30.0),
        col(&[a, "Target Capaian"], Src::F("a_t"), 8.0),
        col(&[a, "Satuan"], Src::F("a_u"), 10.0),
        col(&[a, "Kebutuhan Dana"], Src::F("a_p"), 16.0),
        col(&["Catatan Penting"], Src::Empty, 20.0),
    ];
    let t31 = Table::new(
        Kind::T31,
        &[
            "Tabel T-C.31",
            "Review terhadap Rancangan Awal RKPD Tahun 2026",
            "Dinas Sosial Kabupaten Kutai Kartanegara",
        ],
        c31,
    )
    .total("JUMLAH");

    let us = usulan_staff();

    let (n, n1) = ("Rencana tahun N", "Prakiraan Maju Tahun N+1");
    let c33 = vec![
        col(&["Kode"], Src::Code, 18.0),
        col(&["Program/Kegiatan"], Src::F("name"), 40.0),
        col(&["Lokasi Detail"], Src::F("lok"), 16.0),
        col(&["Indikator Program/Kegiatan"], Src::F("ind"), 30.0),
        col(&[n, "Target Capaian Kinerja"], Src::Tu("t26", "u26"), 12.0),
        col(&[n, "Kebutuhan Dana"], Src::F("p26"), 16.0),
        col(&[n, "Sumber Dana"], Src::F("dana"), 10.0),
        col(&["Catatan Penting"], Src::Empty, 14.0),
        col(&[n1, "Target Capaian Kinerja"], Src::Tu("t27", "u27"), 12.0),
        col(&[n1, "Kebutuhan Dana"], Src::F("p27"), 16.0),
    ];
    let t33 = Table::new(
        Kind::T33,
        &[
            "KOMPILASI KEGIATAN RENCANA KINERJA",
            "DINAS SOSIAL KABUPATEN KUTAI KARTANEGARA TAHUN 2026",
        ],
        c33,
    )
    .total("JUMLAH");

    vec![
        sheet(
            "BAB II",
            vec![
                Block::Text(vec![
                    "BAB II".into(),
                    "EVALUASI PELAKSANAAN RENJA PERANGKAT DAERAH TAHUN LALU".into(),
                    "2.1 Evaluasi Pelaksanaan Renja Perangkat Daerah Tahun Lalu dan Capaian Renstra Perangkat Daerah".into(),
                    "".into(),
                ]),
                Block::Table(t29),
                Block::Blank(3),
                Block::Text(vec!["2.2 Analisis Kinerja Pelayanan Perangkat Daerah".into(), "".into()]),
                Block::Table(t30),
                Block::Blank(3),
                Block::Text(vec!["2.4 Review terhadap Rancangan Awal RKPD".into(), "".into()]),
                Block::Table(t31),
                Block::Blank(3),
                Block::Statement("count", count_statement(plan)),
                Block::Blank(1),
                Block::Table(us),
            ],
        ),
        sheet(
            "BAB IV",
            vec![
                Block::Text(vec![
                    "BAB IV".into(),
                    "RENCANA KERJA DAN PENDANAAN PERANGKAT DAERAH".into(),
                    "".into(),
                ]),
                Block::Statement("total", total_statement(plan)),
                Block::Blank(1),
                Block::Table(t33),
                Block::Blank(2),
                Block::Signature(7),
            ],
        ),
    ]
}

// ---------------------------------------------------------------------------------------------
// Layouts beyond the first twelve: forms and sheet arrangements the first twelve do not cover
// ---------------------------------------------------------------------------------------------

const LV_PROG: &[Lv] = &[Lv::Program];
const LV_KEG: &[Lv] = &[Lv::Kegiatan];
const LV_SUB: &[Lv] = &[Lv::Sub];
const LV_KEG_SUB: &[Lv] = &[Lv::Kegiatan, Lv::Sub];
const LV_TOP: &[Lv] = &[Lv::Urusan, Lv::Bidang];

/// SB T-C.30: eight columns for one year, no year split, `Capaian (%)`.
fn t30_sb(title: &str, pct_text: bool) -> Table {
    let t = Table::new(
        Kind::T30,
        &[title],
        vec![
            col(&["Indikator"], Src::F("ind"), 40.0),
            col(&["SPM/Standar Nasional"], Src::F("spm"), 14.0),
            col(&["IKK"], Src::F("ikk"), 24.0),
            col(&["Target Renstra PD"], Src::F("t2024"), 10.0),
            col(&["Realisasi"], Src::F("r2024"), 10.0),
            col(&["Capaian (%)"], Src::F("c2024"), 10.0),
            col(&["Proyeksi"], Src::F("r2025"), 10.0),
            col(&["Catatan Analisis"], Src::Empty, 20.0),
        ],
    );
    if pct_text { t.pct_text() } else { t }
}

fn layout_wp_sipd_merah(_plan: &Plan) -> Vec<SheetSpec> {
    let c29 = vec![
        col(&["No"], Src::F("no"), 5.0),
        col(&["Kode"], Src::Code, 18.0),
        col(
            &["Urusan/Bidang Urusan dan Program/Kegiatan"],
            Src::F("name"),
            40.0,
        ),
        col(&["Indikator Kinerja Program/Kegiatan"], Src::F("ind"), 30.0),
        col(
            &["Target Kinerja Capaian Program (Renstra PD)"],
            Src::F("k4"),
            12.0,
        ),
        col(&["Realisasi s/d Tahun 2023"], Src::F("k5"), 12.0),
        col(&["Target Renja PD 2024"], Src::F("k6"), 10.0),
        col(&["Realisasi Renja PD 2024"], Src::F("k7"), 10.0),
        col(&["Tingkat Realisasi (%)"], Src::F("k8"), 10.0),
        col(&["Target Tahun Berjalan 2025"], Src::F("k9"), 12.0),
        col(
            &["Realisasi Capaian s/d Tahun Berjalan 2025"],
            Src::F("k10"),
            12.0,
        ),
        col(
            &["Tingkat Capaian Realisasi Target Renstra (%)"],
            Src::F("k11"),
            12.0,
        ),
    ];
    let mut n29 = nums(0, 7);
    n29.extend([
        NumCell::S("8 = 7/6 x100", 1),
        NumCell::N(9, 1),
        NumCell::S("10 = 5 + 7 + 9", 1),
        NumCell::S("11 = 10/4 x100", 1),
    ]);
    let t29 = Table::new(
        Kind::T29,
        &["Tabel 2.1 Rekapitulasi Evaluasi Hasil Pelaksanaan Renja Dinas Sosial dan Pencapaian Renstra Dinas Sosial s/d Tahun 2025"],
        c29,
    )
    .num_cells(n29);

    let t30 = t30_sb(
        "Tabel 2.2 — Pencapaian Kinerja Pelayanan Dinas Sosial Tahun 2024 (Permendagri 86/2017):",
        true,
    );

    let (r, a) = ("Rancangan Awal RKPD ", "Hasil Analisis Kebutuhan ");
    let c31 = vec![
        col(&["No "], Src::F("no"), 5.0),
        col(&[r, "Program/ Kegiatan "], Src::F("name"), 36.0),
        col(&[r, "Lokasi "], Src::F("r_lok"), 16.0),
        col(&[r, "Indikator Kinerja "], Src::F("r_ind"), 28.0),
        col(&[r, "Target Capaian "], Src::Tu("r_t", "r_u"), 12.0),
        col(&[r, "Pagu Indikatif (Rp.000) "], Src::F("r_p"), 14.0),
        col(&[a, "Program/ Kegiatan "], Src::F("name"), 36.0),
        col(&[a, "Lokasi "], Src::F("a_lok"), 16.0),
        col(&[a, "Indikator Kinerja "], Src::F("a_ind"), 28.0),
        col(&[a, "Target Capaian "], Src::Tu("a_t", "a_u"), 12.0),
        col(&[a, "Kebutuhan Dana (Rp.000) "], Src::F("a_p"), 14.0),
        col(&["Catatan Penting "], Src::Empty, 18.0),
    ];
    let t31 = Table::new(
        Kind::T31,
        &["Review terhadap Rancangan Awal RKPD  2026"],
        c31,
    )
    .thousands()
    .num(NumStyle::Paren, CodeNum::Merged)
    .gap(0)
    .total("JUMLAH");

    let cs = CodeStyle::Split5Text;
    let (n, n1) = ("Rencana Tahun 2026", "Prakiraan Maju Rencana Tahun 2027");
    let (ik, tck) = ("Indikator Kinerja", "Target Capaian Kinerja");
    let mut c33 = code_cols("Kode", cs);
    c33.extend([
        col(
            &["Urusan/ Bidang Urusan Pemerintahan Daerah Dan Program/ Kegiatan"],
            Src::F("name"),
            40.0,
        ),
        col(&[ik, "Capaian Program"], on(LV_PROG, Src::F("ind")), 24.0),
        col(
            &[ik, "Keluaran Sub Kegiatan"],
            on(LV_SUB, Src::F("ind")),
            24.0,
        ),
        col(&[ik, "Hasil Kegiatan"], on(LV_KEG, Src::F("ind")), 24.0),
        col(&[n, "Lokasi Output Kegiatan"], Src::F("lok"), 16.0),
        col(
            &[n, tck, "Program"],
            on(LV_PROG, Src::Tu("t26", "u26")),
            10.0,
        ),
        col(
            &[n, tck, "Keluaran Sub Kegiatan"],
            on(LV_SUB, Src::Tu("t26", "u26")),
            10.0,
        ),
        col(
            &[n, tck, "Hasil Kegiatan"],
            on(LV_KEG, Src::Tu("t26", "u26")),
            10.0,
        ),
        col(&[n, "Pagu Indikatif (Rp.)"], Src::F("p26"), 16.0),
        col(&[n, "Sumber Dana"], Src::F("dana"), 10.0),
        col(&["Catatan Penting"], Src::Empty, 14.0),
        col(&[n1, tck, "Tolok Ukur"], Src::F("ind"), 24.0),
        col(&[n1, tck, "Target"], Src::Tu("t27", "u27"), 10.0),
        col(
            &[n1, "Kebutuhan Dana/\nPagu Indikatif (Rp.)"],
            Src::F("p27"),
            16.0,
        ),
    ]);
    let t33 = Table::new(
        Kind::T33,
        &["RENJA DINAS SOSIAL\nTAHUN ANGGARAN 2026 KABUPATEN KUTAI KARTANEGARA"],
        c33,
    )
    .code(cs)
    .width_row();

    vec![
        sheet("TC29", vec![Block::Table(t29)]),
        sheet("TC30", vec![Block::Table(t30)]),
        sheet("TC31", vec![Block::Table(t31)]),
        sheet("RENJA SIPD", vec![Block::Table(t33)]),
    ]
}

fn layout_irw_awal(_plan: &Plan) -> Vec<SheetSpec> {
    let cs = CodeStyle::Split5Text;
    let mut c29 = code_cols("Kode", cs);
    c29.extend([
        col(
            &["Urusan/Bidang Urusan/Program/Kegiatan"],
            Src::F("name"),
            40.0,
        ),
        col(
            &["Indikator Kinerja Program (outcome)/Kegiatan (output)"],
            Src::F("ind"),
            30.0,
        ),
        col(&["Target Renstra PD Tahun 2026"], Src::F("k4"), 12.0),
        col(&["Realisasi Renja s.d. Tahun 2023"], Src::F("k5"), 12.0),
        col(&["Target Renja PD Tahun 2024"], Src::F("k6"), 10.0),
        col(&["Realisasi Renja PD Tahun 2024"], Src::F("k7"), 10.0),
        col(&["Tingkat Realisasi (%)"], Src::F("k8"), 10.0),
        col(&["Target Renja PD Tahun 2025"], Src::F("k9"), 12.0),
        col(&["Realisasi Capaian s.d. Tahun 2025"], Src::F("k10"), 12.0),
        col(&["Tingkat Capaian Renstra (%)"], Src::F("k11"), 12.0),
    ]);
    // MRE: one number per Excel column, 8 missing and 9 twice.
    let mut n29 = nums(1, 7);
    n29.extend(nums(9, 9));
    n29.extend(nums(9, 15));
    let t29 = Table::new(
        Kind::T29,
        &[
            "EVALUASI HASIL PELAKSANAAN RENJA OPD TAHUN 2024 DAN PENCAPAIAN RENSTRA OPD S.D. TAHUN 2025",
            "OPD : DINAS SOSIAL",
        ],
        c29,
    )
    .code(cs)
    .num_cells(n29);

    let c31 = vec![
        col(&["No"], Src::F("no"), 5.0),
        col(&["Program/Kegiatan (RKPD)"], Src::F("name"), 40.0),
        col(&["Lokasi"], Src::F("r_lok"), 16.0),
        col(&["Indikator Kinerja"], Src::F("r_ind"), 30.0),
        col(&["Target Capaian"], Src::Tu("r_t", "r_u"), 12.0),
        col(&["Pagu Indikatif (Rp.000)"], Src::F("r_p"), 14.0),
        col(&["Program/Kegiatan (Hasil Analisis)"], Src::F("name"), 40.0),
        col(&["Lokasi"], Src::F("a_lok"), 16.0),
        col(&["Indikator Kinerja"], Src::F("a_ind"), 30.0),
        col(&["Target Capaian"], Src::Tu("a_t", "a_u"), 12.0),
        col(&["Kebutuhan Dana (Rp.000)"], Src::F("a_p"), 14.0),
    ];
    let t31 = Table::new(
        Kind::T31,
        &["Review Rancangan Awal RKPD terhadap Renja Dinas Sosial Tahun 2026"],
        c31,
    )
    .thousands()
    .total("JUMLAH");

    let cs4 = CodeStyle::Split4;
    let nm = "Urusan / Bidang / Program / Kegiatan";
    let ik = "Indikator Kinerka (Outcome)";
    let (n, n1) = (
        "Tahun 2026 (Tahun Berjalan)",
        "Tahun 2027 (Tahun Berikutnya)",
    );
    let tck = "Target capaian kinerja";
    let pagu = "Kebutuhan Dana/ pagu indikatif (Rp)";
    let mut c33 = code_cols("Kode", cs4);
    c33.extend([
        col(&[nm], on(LV_TOP, Src::F("name")), 6.0),
        col(&[nm], on(LV_PROG, Src::F("name")), 6.0),
        col(&[nm], on(LV_KEG, Src::F("name")), 6.0),
        col(&[nm], on(LV_SUB, Src::F("name")), 36.0),
        col(&[ik, "Program"], on(LV_PROG, Src::F("ind")), 24.0),
        col(&[ik, "Kegiatan"], on(LV_KEG_SUB, Src::F("ind")), 24.0),
        col(&[n, "Lokasi"], Src::F("lok"), 16.0),
        col(&[n, tck], Src::F("t26"), 8.0),
        col(&[n, tck], Src::F("u26"), 10.0),
        col(&[n, pagu], Src::F("p26"), 16.0),
        col(&[n, "Sumber Dana"], Src::F("dana"), 10.0),
        col(&["Catatan Penting"], Src::Empty, 14.0),
        col(&[n1, tck], Src::F("t27"), 8.0),
        col(&[n1, tck], Src::F("u27"), 10.0),
        col(&[n1, pagu], Src::F("p27"), 16.0),
        col(&["OPD"], Src::Const("Dinas Sosial"), 14.0),
    ]);
    let n33 = vec![
        NumCell::S("(1)", 4),
        NumCell::S("(2)", 4),
        NumCell::S("(3)", 2),
        NumCell::S("(4)", 1),
        NumCell::S("(5)", 2),
        NumCell::S("(6)", 1),
        NumCell::S("(7)", 1),
        NumCell::S("(8)", 1),
        NumCell::S("(9)", 2),
        NumCell::S("(10)", 1),
        NumCell::S("(11)", 1),
    ];
    let t33 = Table::new(
        Kind::T33,
        &[
            "RENCANA KERJA PEMERINTAH DAERAH TAHUN 2026",
            "OPD : DINAS SOSIAL",
        ],
        c33,
    )
    .code(cs4)
    .num_cells(n33);

    vec![
        sheet("Evaluasi", vec![Block::Table(t29)]),
        sheet("Review", vec![Block::Table(t31)]),
        sheet("Renja Awal", vec![Block::Table(t33)]),
    ]
}

fn layout_side_by_side(_plan: &Plan) -> Vec<SheetSpec> {
    let g24 = "Tahun 2024";
    let g10 = "Perkiraan Realisasi Capaian Target Renstra PD s.d tahun berjalan";
    let c29 = vec![
        col(&["Kode"], Src::Code, 18.0),
        col(&["Program/Kegiatan"], Src::F("name"), 40.0),
        col(&["Indikator Kinerja"], Src::F("ind"), 30.0),
        col(&["Target Renstra PD (2026)"], Src::F("k4"), 12.0),
        col(&["Realisasi s/d (2023)"], Src::F("k5"), 12.0),
        col(&[g24, "Target"], Src::F("k6"), 10.0),
        col(&[g24, "Realisasi"], Src::F("k7"), 10.0),
        col(&[g24, "Tingkat Realisasi (%)"], Src::F("k8"), 10.0),
        col(&["Target Renja PD (2025)"], Src::F("k9"), 12.0),
        col(&[g10, "Realisasi Capaian"], Src::F("k10"), 12.0),
        col(&[g10, "Tingkat Capaian (%)"], Src::F("k11"), 12.0),
    ];
    let t29 = Table::new(
        Kind::T29,
        &[
            "Tabel T-C.29",
            "Rekapitulasi Evaluasi Hasil Pelaksanaan Renja PD dan Pencapaian Renstra PD s/d Tahun 2025",
        ],
        c29,
    )
    .num(NumStyle::Paren, CodeNum::Merged);
    let t29_width = t29.cols.len() as u16;

    let mut c30 = vec![
        col(&["No"], Src::F("no"), 5.0),
        col(&["Indikator"], Src::F("ind"), 40.0),
        col(&["SPM/Standar Nasional"], Src::F("spm"), 14.0),
        col(&["IKK"], Src::F("ikk"), 24.0),
    ];
    for y in 2024..=2027 {
        c30.push(col(
            &[leak(format!("Target Renstra PD ({y})"))],
            Src::F(leak(format!("t{y}"))),
            9.0,
        ));
    }
    for y in 2024..=2025 {
        c30.push(col(
            &[leak(format!("Realisasi ({y})"))],
            Src::F(leak(format!("r{y}"))),
            9.0,
        ));
    }
    for y in 2026..=2027 {
        c30.push(col(
            &[leak(format!("Proyeksi ({y})"))],
            Src::F(leak(format!("r{y}"))),
            9.0,
        ));
    }
    c30.push(col(&["Catatan Analisis"], Src::Empty, 20.0));
    let t30 = Table::new(
        Kind::T30,
        &["Tabel T-C.30", "Pencapaian Kinerja Pelayanan Dinas Sosial"],
        c30,
    )
    .left(t29_width + 1);

    let (r, a) = ("Rancangan Awal RKPD Tahun 2026", "Hasil Analisis Kebutuhan");
    let c31 = vec![
        col(&["No"], Src::F("no"), 5.0),
        col(&["Program/Kegiatan/Sub Kegiatan"], Src::F("name"), 40.0),
        col(&[r, "Lokasi"], Src::F("r_lok"), 16.0),
        col(&[r, "Indikator Kinerja"], Src::F("r_ind"), 28.0),
        col(&[r, "Target"], Src::F("r_t"), 8.0),
        col(&[r, "Satuan"], Src::F("r_u"), 10.0),
        col(&[r, "Pagu Indikatif (Rp)"], Src::F("r_p"), 16.0),
        col(&[a, "Lokasi"], Src::F("a_lok"), 16.0),
        col(&[a, "Indikator Kinerja"], Src::F("a_ind"), 28.0),
        col(&[a, "Target"], Src::F("a_t"), 8.0),
        col(&[a, "Satuan"], Src::F("a_u"), 10.0),
        col(&[a, "Kebutuhan Dana (Rp)"], Src::F("a_p"), 16.0),
        col(&["Catatan Penting"], Src::Empty, 18.0),
    ];
    let t31 = Table::new(
        Kind::T31,
        &[
            "Tabel T-C.31",
            "Review terhadap Rancangan Awal RKPD Tahun 2026",
            "Dinas Sosial Kabupaten Kutai Kartanegara",
        ],
        c31,
    )
    .left(2)
    .notes(&[
        (3, "cek lagi"),
        (7, "sdh sesuai Bappeda"),
        (12, "revisi 12/01"),
        (20, "*) konfirmasi bidang"),
    ])
    .num(NumStyle::Paren, CodeNum::Merged)
    .total("JUMLAH");

    let cs = CodeStyle::Split6;
    let (n, n1) = ("Rencana Tahun 2026", "Prakiraan Maju Rencana Tahun 2027");
    let mut c33 = code_cols("Kode", cs);
    c33.extend([
        col(
            &["Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan"],
            Src::F("name"),
            40.0,
        ),
        col(
            &["Indikator Kinerja Program / Kegiatan"],
            Src::F("ind"),
            30.0,
        ),
        col(&[n, "Lokasi"], Src::F("lok"), 16.0),
        col(&[n, "Target Capaian Kinerja"], Src::Tu("t26", "u26"), 12.0),
        col(&[n, "Kebutuhan Dana/Pagu Indikatif"], Src::F("p26"), 16.0),
        col(&[n, "Sumber Dana"], Src::F("dana"), 10.0),
        col(&["Catatan Penting"], Src::Empty, 14.0),
        col(&[n1, "Target Capaian Kinerja"], Src::Tu("t27", "u27"), 12.0),
        col(&[n1, "Kebutuhan Dana/Pagu Indikatif"], Src::F("p27"), 16.0),
    ]);
    // `(1)` … typed into Excel becomes the number -1 …
    let mut n33 = vec![NumCell::N(-1, 6)];
    n33.extend((2..=10).map(|k| NumCell::N(-k, 1)));
    let t33 = Table::new(
        Kind::T33,
        &[
            "Tabel T-C.33",
            "Rumusan Rencana Program dan Kegiatan Perangkat Daerah Tahun 2026 dan Prakiraan Maju Tahun 2027",
            "Dinas Sosial Kabupaten Kutai Kartanegara",
        ],
        c33,
    )
    .code(cs)
    .num_cells(n33)
    .blank_after_header()
    .total("JUMLAH")
    .total_top();

    vec![
        sheet("Evaluasi", vec![Block::Side(vec![t29, t30])]),
        sheet("Review", vec![Block::Table(t31)]),
        sheet("Rumusan", vec![Block::Table(t33)]),
    ]
}

fn layout_per_program(plan: &Plan) -> Vec<SheetSpec> {
    let staff = Table::new(
        Kind::Staff,
        &["DAFTAR PEGAWAI DINAS SOSIAL KABUPATEN KUTAI KARTANEGARA"],
        vec![
            col(&["No"], Src::F("no"), 5.0),
            col(&["Nama"], Src::F("nama"), 36.0),
            col(&["NIP"], Src::F("nip"), 24.0),
            col(&["Pangkat/Gol"], Src::F("gol"), 10.0),
            col(&["Jabatan"], Src::F("jabatan"), 40.0),
        ],
    );

    let g24 = "Target dan Realisasi Renja Perangkat Daerah Tahun 2024";
    let g10 = "Perkiraan Realisasi Capaian Target Renstra Perangkat Daerah s/d Tahun 2025";
    let c29 = vec![
        col(&["Kode"], Src::Code, 18.0),
        col(
            &["Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan"],
            Src::F("name"),
            40.0,
        ),
        col(
            &["Indikator Kinerja Program (outcome)/ Kegiatan (output)"],
            Src::F("ind"),
            30.0,
        ),
        col(
            &[
                "Target Renstra Perangkat Daerah pada Tahun 2026 (Akhir Periode Renstra Perangkat Daerah)",
            ],
            Src::F("k4"),
            12.0,
        ),
        col(
            &["Realisasi Capaian Kinerja Renstra Perangkat Daerah sampai dengan Tahun 2023"],
            Src::F("k5"),
            12.0,
        ),
        col(&[g24, "Target"], Src::F("k6"), 10.0),
        col(&[g24, "Realisasi"], Src::F("k7"), 10.0),
        col(&[g24, "Tingkat Realisasi (%)"], Src::F("k8"), 10.0),
        col(
            &["Target Renja Perangkat Daerah Tahun Berjalan 2025"],
            Src::F("k9"),
            12.0,
        ),
        col(&[g10, "Realisasi Capaian"], Src::F("k10"), 12.0),
        col(&[g10, "Tingkat Capaian (%)"], Src::F("k11"), 12.0),
    ];
    // MRS: no 3 in the number row.
    let mut n29 = nums(1, 2);
    n29.extend(nums(4, 12));
    let t29 = Table::new(
        Kind::T29,
        &[
            "Tabel T-C.29",
            "Rekapitulasi Evaluasi Hasil Pelaksanaan Renja Perangkat Daerah dan Pencapaian Renstra Perangkat Daerah s/d Tahun 2025",
        ],
        c29,
    )
    .num_cells(n29);

    let c31 = vec![
        col(
            &["Rancangan Awal RKPD — Program/Kegiatan"],
            Src::F("name"),
            40.0,
        ),
        col(&["Lokasi"], Src::F("r_lok"), 16.0),
        col(&["Target Capaian Kinerja"], Src::Tu("r_t", "r_u"), 12.0),
        col(&["Pagu Indikatif (Rp.000)"], Src::F("r_p"), 14.0),
        col(
            &["Hasil Analisis Kebutuhan — Program/Kegiatan"],
            Src::F("name"),
            40.0,
        ),
        col(&["Lokasi"], Src::F("a_lok"), 16.0),
        col(&["Target Capaian Kinerja"], Src::Tu("a_t", "a_u"), 12.0),
        col(&["Kebutuhan Dana (Rp.000)"], Src::F("a_p"), 14.0),
        col(&["Catatan Penting"], Src::Empty, 18.0),
    ];
    let t31 = Table::new(
        Kind::T31,
        &["Tabel 2.3 — Review terhadap Rancangan Awal RKPD Tahun 2026 (Permendagri 86/2017):"],
        c31,
    )
    .thousands();

    let us = usulan_staff();

    let cs = CodeStyle::Split5Num;
    let (n, n1) = ("Rencana Tahun 2026", "Prakiraan Maju Rencana Tahun 2027");
    let t33_of = |prog: &'static str, first: bool| {
        let mut c33 = code_cols("Kode", cs);
        c33.extend([
            col(
                &["Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan/Sub Kegiatan"],
                Src::F("name"),
                40.0,
            ),
            col(
                &["Indikator Kinerja Program/ Kegiatan/ Sub Kegiatan"],
                Src::F("ind"),
                30.0,
            ),
            col(&[n, "Lokasi"], Src::F("lok"), 16.0),
            col(&[n, "Target Capaian Kinerja"], Src::F("t26"), 8.0),
            col(&[n, "Satuan"], Src::F("u26"), 10.0),
            col(&[n, "Kebutuhan Dana/ Pagu Indikatif"], Src::F("p26"), 16.0),
            col(&[n, "Sumber Dana"], Src::F("dana"), 10.0),
            col(&["Catatan Penting"], Src::Empty, 14.0),
            col(&[n1, "Target Capaian Kinerja"], Src::F("t27"), 8.0),
            col(&[n1, "Satuan"], Src::F("u27"), 10.0),
            col(&[n1, "Kebutuhan Dana/ Pagu Indikatif"], Src::F("p27"), 16.0),
        ]);
        let t = Table::new(
            Kind::T33,
            &[
                "Tabel T-C.33",
                "Rumusan Rencana Program dan Kegiatan Perangkat Daerah Tahun 2026 dan Prakiraan Maju Tahun 2027",
                "Dinas Sosial Kabupaten Kutai Kartanegara",
            ],
            c33,
        )
        .code(cs)
        .num(NumStyle::Paren, CodeNum::Merged)
        .only_prog(prog);
        if first { t } else { t.no_top() }
    };

    vec![
        sheet("Pegawai", vec![Block::Table(staff)]),
        sheet("T-C.29", vec![Block::Table(t29)]),
        sheet("T-C.31", vec![Block::Table(t31)]),
        sheet(
            "Usulan",
            vec![
                Block::Statement("count", count_statement(plan)),
                Block::Blank(1),
                Block::Table(us),
            ],
        ),
        sheet(
            "T-C.33 Prog 01",
            vec![Block::Table(t33_of("1.06.01", true))],
        ),
        sheet(
            "T-C.33 Prog 04",
            vec![Block::Table(t33_of("1.06.04", false))],
        ),
        sheet(
            "T-C.33 Prog 06",
            vec![Block::Table(t33_of("1.06.06", false))],
        ),
    ]
}

fn layout_ep14_caps(plan: &Plan) -> Vec<SheetSpec> {
    let c29 = vec![
        col(&["KODE"], Src::CodePadded, 18.0),
        col(
            &["URUSAN/BIDANG URUSAN/\nPROGRAM/KEGIATAN"],
            Src::F("name"),
            40.0,
        ),
        col(&["INDIKATOR\nKINERJA"], Src::F("ind"), 30.0),
        col(&["TARGET\nRENSTRA\n2026"], Src::F("k4"), 12.0),
        col(&["REALISASI\nS/D 2023"], Src::F("k5"), 12.0),
        col(&["TARGET\nRENJA\n2024"], Src::F("k6"), 10.0),
        col(&["REALISASI\nRENJA\n2024"], Src::F("k7"), 10.0),
        col(&["TINGKAT\nREALISASI\n(%)"], Src::F("k8"), 10.0),
        col(&["TARGET\nRENJA\n2025"], Src::F("k9"), 12.0),
        col(&["REALISASI\nS/D TAHUN\nBERJALAN"], Src::F("k10"), 12.0),
        col(&["TINGKAT\nCAPAIAN\nRENSTRA (%)"], Src::F("k11"), 12.0),
    ];
    let t29 = Table::new(
        Kind::T29,
        &["TABEL 2.4 REKAPITULASI EVALUASI HASIL PELAKSANAAN RENJA DINAS SOSIAL"],
        c29,
    );

    let mut c30 = vec![
        col(&["NO"], Src::F("no"), 5.0),
        col(&["INDIKATOR"], Src::F("ind"), 40.0),
        col(&["SPM/STANDAR\nNASIONAL"], Src::F("spm"), 14.0),
        col(&["IKK"], Src::F("ikk"), 24.0),
    ];
    for y in 2022..=2026 {
        c30.push(col(
            &[leak(format!("TARGET\n{y}"))],
            Src::F(leak(format!("t{y}"))),
            9.0,
        ));
    }
    for y in 2022..=2025 {
        c30.push(col(
            &[leak(format!("REALISASI/\nPROYEKSI\n{y}"))],
            Src::F(leak(format!("r{y}"))),
            9.0,
        ));
    }
    c30.push(col(&["CATATAN\nANALISIS"], Src::Empty, 20.0));
    let t30 = Table::new(
        Kind::T30,
        &["TABEL 2.5 PENCAPAIAN KINERJA PELAYANAN DINAS SOSIAL"],
        c30,
    );

    let (r, a) = ("RANCANGAN AWAL RKPD", "HASIL ANALISIS KEBUTUHAN");
    let c31 = vec![
        col(&["NO"], Src::F("no"), 5.0),
        col(&["PROGRAM/\nKEGIATAN/\nSUB KEGIATAN"], Src::F("name"), 40.0),
        col(&[r, "LOKASI"], Src::F("r_lok"), 16.0),
        col(&[r, "INDIKATOR\nKINERJA"], Src::F("r_ind"), 28.0),
        col(&[r, "TARGET\nCAPAIAN"], Src::Tu("r_t", "r_u"), 12.0),
        col(&[r, "PAGU\nINDIKATIF\n(RP)"], Src::F("r_p"), 16.0),
        col(&[a, "LOKASI"], Src::F("a_lok"), 16.0),
        col(&[a, "INDIKATOR\nKINERJA"], Src::F("a_ind"), 28.0),
        col(&[a, "TARGET\nCAPAIAN"], Src::Tu("a_t", "a_u"), 12.0),
        col(&[a, "KEBUTUHAN\nDANA\n(RP)"], Src::F("a_p"), 16.0),
        col(&["CATATAN\nPENTING"], Src::Empty, 18.0),
    ];
    let t31 = Table::new(
        Kind::T31,
        &["TABEL 2.6 REVIEW TERHADAP RANCANGAN AWAL RKPD TAHUN 2026"],
        c31,
    )
    .total("JUMLAH");

    let t32 = Table::new(
        Kind::T32,
        &["TABEL 2.7 USULAN PROGRAM DAN KEGIATAN DARI PARA PEMANGKU KEPENTINGAN TAHUN 2026"],
        vec![
            col(&["NO"], Src::F("no"), 5.0),
            col(&["PROGRAM/KEGIATAN"], Src::F("kamus"), 30.0),
            col(&["LOKASI"], Src::F("lok"), 24.0),
            col(&["INDIKATOR KINERJA"], Src::F("ind"), 24.0),
            col(&["BESARAN/VOLUME"], Src::F("vol"), 10.0),
            col(&["CATATAN"], Src::F("cat"), 30.0),
        ],
    );

    let ck = "CAPAIAN KINERJA DAN KERANGKA PENDANAAN";
    let pm = "PRAKIRAAN MAJU 2027";
    let ev: &'static [Lv] = &[Lv::Program, Lv::Kegiatan];
    let c33 = vec![
        col(&["NO"], Src::F("no"), 5.0),
        col(&["KODE"], Src::Code, 18.0),
        col(
            &["URUSAN / BIDANG URUSAN /\nPROGRAM / OUTCOME /\nKEGIATAN / SUBKEGIATAN\nOUTPUT"],
            Src::F("name"),
            40.0,
        ),
        col(&["INDIKATOR"], Src::F("ind"), 30.0),
        col(&["TARGET\nAKHIR\nRENSTRA"], on(ev, Src::F("k4")), 10.0),
        col(&["REALISASI\n2024"], on(ev, Src::F("k7")), 10.0),
        col(&["PRAKIRAAN\n2025"], on(ev, Src::F("k9")), 10.0),
        col(&[ck, "TARGET\n2026"], Src::Tu("t26", "u26"), 12.0),
        col(&[ck, "PAGU\nINDIKATIF"], Src::F("p26"), 16.0),
        col(&[ck, "LOKASI"], Src::F("lok"), 16.0),
        col(&[ck, "SUMBER\nDANA"], Src::F("dana"), 10.0),
        col(&[ck, "PRIORITAS", "NASIONAL"], Src::Empty, 8.0),
        col(&[ck, "PRIORITAS", "DAERAH"], Src::Empty, 8.0),
        col(&[ck, "PRIORITAS", "GUBERNUR"], Src::Empty, 8.0),
        col(&["KELOMPOK\nSASARAN"], Src::Empty, 12.0),
        col(&[pm, "TARGET"], Src::Tu("t27", "u27"), 12.0),
        col(&[pm, "PAGU\nINDIKATIF"], Src::F("p27"), 16.0),
        col(
            &["PERANGKAT\nDAERAH\nPENANGGUNG\nJAWAB"],
            Src::Const("DINAS SOSIAL"),
            14.0,
        ),
    ];
    let t33 = Table::new(
        Kind::T33,
        &["TABEL 4.1 RENCANA PROGRAM DAN KEGIATAN PRIORITAS DAERAH TAHUN 2026 DINAS SOSIAL"],
        c33,
    );

    vec![
        sheet("Tabel 2.4", vec![Block::Table(t29)]),
        sheet("Tabel 2.5", vec![Block::Table(t30)]),
        sheet("Tabel 2.6", vec![Block::Table(t31)]),
        sheet("Tabel 2.7", vec![Block::Table(t32)]),
        sheet(
            "Tabel 4.1",
            vec![
                Block::Statement("total", total_statement(plan)),
                Block::Blank(1),
                Block::Table(t33),
            ],
        ),
    ]
}

fn layout_hidden_helpers(_plan: &Plan) -> Vec<SheetSpec> {
    let cs = CodeStyle::Split5Num;
    let g24 = "Target dan Realisasi Kinerja Renja OPD Tahun 2024";
    let g10 = "Perkiraan Realisasi Capaian Target Renstra SKPD s/d Tahun 2025";
    let mut c29 = code_cols("Kode", cs);
    c29.extend([
        helper("KODE GAB", Helper::JoinCode),
        col(
            &["Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan"],
            Src::F("name"),
            40.0,
        ),
        col(
            &["Indikator Kinerja Program (outcome)/ Kegiatan (output)"],
            Src::F("ind"),
            30.0,
        ),
        col(&["Target Renstra SKPD Tahun 2026"], Src::F("k4"), 12.0),
        col(
            &["Realisasi Capaian Kinerja Renstra OPD s/d Tahun 2023"],
            Src::F("k5"),
            12.0,
        ),
        col(&[g24, "Target"], Src::F("k6"), 10.0),
        col(&[g24, "Realisasi"], Src::F("k7"), 10.0),
        col(&[g24, "Tingkat Realisasi (%)"], Src::F("k8"), 10.0),
        col(
            &["Target Renja SKPD Tahun Berjalan (2025)"],
            Src::F("k9"),
            12.0,
        ),
        col(&[g10, "Realisasi Capaian"], Src::F("k10"), 12.0),
        col(&[g10, "Tingkat Capaian (%)"], Src::F("k11"), 12.0),
    ]);
    // TGL: the last number repeated; the hidden helper column has none.
    let mut n29 = vec![NumCell::N(1, 5), NumCell::S("", 1)];
    n29.extend((2..=10).map(|k| NumCell::N(k, 1)));
    n29.push(NumCell::N(10, 1));
    let t29 = Table::new(
        Kind::T29,
        &[
            "Tabel T-C.29",
            "Rekapitulasi Evaluasi Hasil Pelaksanaan Renja OPD dan Pencapaian Renstra OPD s/d Tahun 2025",
            "Kabupaten Kutai Kartanegara",
        ],
        c29,
    )
    .code(cs)
    .num_cells(n29)
    .pct_text()
    .page(9, "");

    let (r, a) = ("Rancangan Awal RKPD", "Hasil Analisis Kebutuhan");
    let c31 = vec![
        col(&["No"], Src::F("no"), 5.0),
        col(&["Program/Kegiatan/Sub Kegiatan"], Src::F("name"), 40.0),
        col(&[r, "Lokasi"], Src::F("r_lok"), 16.0),
        col(&[r, "Indikator Kinerja"], Src::F("r_ind"), 28.0),
        col(&[r, "Target Capaian"], Src::Tu("r_t", "r_u"), 12.0),
        col(&[r, "Pagu Indikatif (Rp)"], Src::F("r_p"), 16.0),
        helper("selisih", Helper::Diff("r_p", "a_p")),
        col(&[a, "Lokasi"], Src::F("a_lok"), 16.0),
        col(&[a, "Indikator Kinerja"], Src::F("a_ind"), 28.0),
        col(&[a, "Target Capaian"], Src::Tu("a_t", "a_u"), 12.0),
        col(&[a, "Kebutuhan Dana (Rp)"], Src::F("a_p"), 16.0),
        col(&["Catatan Penting"], Src::Empty, 18.0),
    ];
    let t31 = Table::new(
        Kind::T31,
        &[
            "Tabel T-C.31",
            "Review terhadap Rancangan Awal RKPD Tahun 2026",
            "Kabupaten Kutai Kartanegara",
        ],
        c31,
    )
    .total("JUMLAH");

    let cs5 = CodeStyle::Split5Text;
    let (n, n1) = ("Rencana Tahun 2026", "Prakiraan Maju Rencana Tahun 2027");
    let mut c33 = code_cols("Kode", cs5);
    c33.extend([
        helper("KODE GABUNGAN", Helper::JoinCode),
        col(
            &["Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan"],
            Src::F("name"),
            40.0,
        ),
        col(
            &["Indikator Kinerja Program / Kegiatan"],
            Src::F("ind"),
            30.0,
        ),
        col(&[n, "Lokasi"], Src::F("lok"), 16.0),
        col(&[n, "Target Capaian Kinerja"], Src::Tu("t26", "u26"), 12.0),
        col(&[n, "Pagu Indikatif"], Src::F("p26"), 16.0),
        helper("Pagu x 1000", Helper::Rupiah("p26")),
        col(&[n, "Sumber Dana"], Src::F("dana"), 10.0),
        col(&["Catatan Penting"], Src::Empty, 14.0),
        col(&[n1, "Target Capaian Kinerja"], Src::Tu("t27", "u27"), 12.0),
        col(&[n1, "Pagu Indikatif"], Src::F("p27"), 16.0),
    ]);
    let t33 = Table::new(
        Kind::T33,
        &[
            "Tabel T-C.33",
            "Rumusan Rencana Program dan Kegiatan Perangkat Daerah Tahun 2026 dan Prakiraan Maju Tahun 2027",
            "Dinas Sosial Kabupaten Kutai Kartanegara",
            "(dalam ribuan rupiah)",
        ],
        c33,
    )
    .code(cs5)
    .thousands()
    .num_cells(vec![
        NumCell::S("(1)", 5),
        NumCell::S("", 1),
        NumCell::S("(2)", 1),
        NumCell::S("(3)", 1),
        NumCell::S("(4)", 1),
        NumCell::S("(5)", 1),
        NumCell::S("(6)", 1),
        NumCell::S("", 1),
        NumCell::S("(7)", 1),
        NumCell::S("(8)", 1),
        NumCell::S("(9)", 1),
        NumCell::S("(10)", 1),
    ])
    .total("JUMLAH");

    vec![
        sheet("T-C.29", vec![Block::Table(t29)]),
        sheet("T-C.31", vec![Block::Table(t31)]),
        sheet("T-C.33", vec![Block::Table(t33)]),
    ]
}

fn layout_mre_gap(_plan: &Plan) -> Vec<SheetSpec> {
    let g24 = "TARGET DAN REALISASI KINERJA RENJA OPD TAHUN 2024";
    let g10 = "PERKIRAAN REALISASI CAPAIAN TARGET RENSTRA OPD S/D TAHUN 2025";
    let c29 = vec![
        col(&["KODE"], Src::Code, 18.0),
        col(
            &["URUSAN/BIDANG URUSAN PEMERINTAH DAERAH DAN PROGRAM/KEGIATAN"],
            Src::F("name"),
            40.0,
        ),
        col(
            &["INDIKATOR KINERJA PROGRAM (OUTCOME)/KEGIATAN (OUTPUT)"],
            Src::F("ind"),
            30.0,
        ),
        col(
            &["TARGET RENSTRA OPD TAHUN 2026 (AKHIR PERIODE RENSTRA)"],
            Src::F("k4"),
            12.0,
        ),
        col(
            &["REALISASI RENSTRA OPD S/D TAHUN 2023"],
            Src::F("k5"),
            12.0,
        ),
        col(&[g24, "TARGET"], Src::F("k6"), 10.0),
        col(&[g24, "REALISASI"], Src::F("k7"), 10.0),
        col(&[g24, "TINGKAT REALISASI (%)"], Src::F("k8"), 10.0),
        col(&["TARGET RENJA OPD TAHUN 2025"], Src::F("k9"), 12.0),
        col(&[g10, "REALISASI CAPAIAN"], Src::F("k10"), 12.0),
        col(&[g10, "TINGKAT CAPAIAN (%)"], Src::F("k11"), 12.0),
    ];
    // DMV/BDG style formula labels: no spaces, `x100%`.
    let mut n29 = nums(1, 7);
    n29.extend([
        NumCell::S("8=7/6x100%", 1),
        NumCell::N(9, 1),
        NumCell::S("10=5+7+9", 1),
        NumCell::S("11=10/4x100%", 1),
    ]);
    let t29 = Table::new(
        Kind::T29,
        &[
            "REKAPITULASI EVALUASI HASIL PELAKSANAAN RENJA OPD DAN PENCAPAIAN RENSTRA OPD S/D TAHUN 2025",
            "KABUPATEN KUTAI KARTANEGARA",
        ],
        c29,
    )
    .code(CodeStyle::JoinedShort)
    .num_cells(n29);

    let (r, a) = ("Rancangan Awal RKPD", "Hasil Analisis Kebutuhan");
    let c31 = vec![
        col(&["No"], Src::F("no"), 5.0),
        col(&[r, "Program"], Src::F("name"), 36.0),
        col(&[r, "Lokasi"], Src::F("r_lok"), 16.0),
        col(&[r, "Indikator"], Src::F("r_ind"), 28.0),
        col(&[r, "Capaian Target"], Src::Tu("r_t", "r_u"), 12.0),
        col(&[r, "Pagu Indikatif"], Src::F("r_p"), 16.0),
        col(&[a, "Program"], Src::F("name"), 36.0),
        col(&[a, "Lokasi"], Src::F("a_lok"), 16.0),
        col(&[a, "Indikator"], Src::F("a_ind"), 28.0),
        col(&[a, "Capaian Target"], Src::Tu("a_t", "a_u"), 12.0),
        col(&[a, "Kebutuhan Dana"], Src::F("a_p"), 16.0),
        col(&["Catatan Penting"], Src::Empty, 18.0),
    ];
    let t31 = Table::new(
        Kind::T31,
        &[
            "Pemerintah Kabupaten Kutai Kartanegara",
            "Review terhadap Rancangan Awal RKPD Tahun 2026",
            "Dinas Sosial",
        ],
        c31,
    )
    .num(NumStyle::Paren, CodeNum::Merged)
    .total("JUMLAH")
    .total_top();

    let cs = CodeStyle::Split5Text;
    let (n, n1) = ("RENCANA TAHUN 2026", "PERKIRAAN MAJU RENCANA TAHUN 2027");
    let mut c33 = code_cols("KODE", cs);
    c33.extend([
        col(
            &["URUSAN/BIDANG URUSAN PEMERINTAH DAERAH DAN PROGRAM/KEGIATAN"],
            Src::F("name"),
            40.0,
        ),
        col(&["INDIKATOR KINERJA PROGRAM/KEGIATAN"], Src::F("ind"), 30.0),
        col(&[n, "LOKASI"], Src::F("lok"), 16.0),
        col(&[n, "TARGET CAPAIAN KINERJA"], Src::Tu("t26", "u26"), 12.0),
        col(&[n, "KEBUTUHAN DANA/PAGU INDIKATIF"], Src::F("p26"), 16.0),
        col(&[n, "SUMBER DANA"], Src::F("dana"), 10.0),
        col(&["CATATAN PENTING"], Src::Empty, 14.0),
        col(&[n1, "TARGET CAPAIAN KINERJA"], Src::Tu("t27", "u27"), 12.0),
        col(&[n1, "KEBUTUHAN DANA/PAGU INDIKATIF"], Src::F("p27"), 16.0),
    ]);
    // MRE: `1 2 3 4 5 6 7 9 9 10 …` (8 missing, 9 twice).
    let mut n33 = nums(1, 7);
    n33.extend(nums(9, 9));
    n33.extend(nums(9, 14));
    let t33 = Table::new(
        Kind::T33,
        &[
            "RUMUSAN PROGRAM DAN KEGIATAN OPD TAHUN 2026",
            "DAN PRAKIRAAN MAJU TAHUN 2027",
            "KABUPATEN KUTAI KARTANEGARA",
            "NAMA UNIT KERJA : DINAS SOSIAL [1.06.0.00.0.00.01.0000]",
        ],
        c33,
    )
    .code(cs)
    .num_cells(n33)
    .titles_unmerged()
    .page(14, "")
    .total("TOTAL");

    vec![
        sheet("TC-29", vec![Block::Table(t29)]),
        sheet("TC-31", vec![Block::Table(t31)]),
        sheet("TC-33", vec![Block::Table(t33)]),
    ]
}

fn layout_sipd_ri(_plan: &Plan) -> Vec<SheetSpec> {
    let cs = CodeStyle::Split5Num;
    let g24 = "Target dan Realisasi Renja PD Tahun 2024";
    let mut c29 = code_cols("Kode", cs);
    c29.extend([
        col(
            &["Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan"],
            Src::F("name"),
            40.0,
        ),
        col(
            &["Indikator Kinerja Program (Outcome)/Kegiatan (Output)"],
            Src::F("ind"),
            30.0,
        ),
        col(
            &["Target Renstra SKPD pada Tahun 2026 (Akhir Periode Renstra SKPD)"],
            Src::F("k4"),
            12.0,
        ),
        col(
            &["Realisasi Capaian Kinerja Renstra SKPD s./d. Tahun 2023"],
            Src::F("k5"),
            12.0,
        ),
        col(&[g24, "Target"], Src::F("k6"), 10.0),
        col(&[g24, "Realisasi"], Src::F("k7"), 10.0),
        col(&[g24, "Tingkat Realisasi (%)"], Src::F("k8"), 10.0),
        col(
            &["Target Renja PD Tahun Berjalan (Tahun 2025)"],
            Src::F("k9"),
            12.0,
        ),
        col(
            &["Realisasi Capaian Program dan Kegiatan s./d. Tahun 2025"],
            Src::F("k10"),
            12.0,
        ),
        col(
            &["Tingkat Capaian Realisasi Target Resntra (%)"],
            Src::F("k11"),
            12.0,
        ),
    ]);
    let t29 = Table::new(
        Kind::T29,
        &[
            "Tabel 2.1 REKAP HASIL EVALUASI PELAKSANAAN RENJA DAN PENCAPAIAN RENSTRA TAHUN 2025 DINAS SOSIAL",
        ],
        c29,
    )
    .code(cs)
    .num(NumStyle::BareFx, CodeNum::Merged);

    let (r, a) = ("Rancangan Awal RKPD", "Hasil Analisis Kebutuhan");
    let c31 = vec![
        col(&["No"], Src::F("no"), 5.0),
        col(&["Program / Kegiatan / Sub Kegiatan"], Src::F("name"), 40.0),
        col(&[r, "Lokasi"], Src::F("r_lok"), 16.0),
        col(&[r, "Indikator Kinerja"], Src::F("r_ind"), 28.0),
        col(&[r, "Target Capaian"], Src::F("r_t"), 8.0),
        col(&[r, "Satuan"], Src::F("r_u"), 10.0),
        col(&[r, "Pagu Indikatif (Rp)"], Src::F("r_p"), 16.0),
        col(&[a, "Lokasi"], Src::F("a_lok"), 16.0),
        col(&[a, "Indikator Kinerja"], Src::F("a_ind"), 28.0),
        col(&[a, "Target Capaian"], Src::F("a_t"), 8.0),
        col(&[a, "Satuan"], Src::F("a_u"), 10.0),
        col(&[a, "Kebutuhan Dana (Rp)"], Src::F("a_p"), 16.0),
        col(&["Keterangan"], Src::Empty, 18.0),
    ];
    let t31 = Table::new(
        Kind::T31,
        &["Tabel 2.4 Review terhadap Rancangan Awal RKPD Tahun 2026"],
        c31,
    )
    .total("JUMLAH");

    let ck = "Capaian Kinerja Dan Kerangka Pendanaan";
    let pm = "Prakiraan Maju Rencana Tahun 2027";
    let ev: &'static [Lv] = &[Lv::Program, Lv::Kegiatan];
    let c33 = vec![
        col(&["No"], Src::F("no"), 5.0),
        col(&["Kode"], Src::Code, 18.0),
        col(
            &["Urusan/ Bidang Urusan/ Program/ Kegiatan/ Sub Kegiatan"],
            Src::F("name"),
            40.0,
        ),
        col(
            &["Indikator Program/ Kegiatan/ Sub Kegiatan"],
            Src::F("ind"),
            30.0,
        ),
        col(
            &["Target Akhir Periode Renstra Opd"],
            on(ev, Src::F("k4")),
            10.0,
        ),
        col(
            &["Realisasi Capaian Renja Opd Tahun 2024"],
            on(ev, Src::F("k7")),
            10.0,
        ),
        col(
            &["Prakiraan Capaian Target Renja Opd Tahun 2025"],
            on(ev, Src::F("k9")),
            10.0,
        ),
        col(&[ck, "Target 2026"], Src::Tu("t26", "u26"), 12.0),
        col(&[ck, "Pagu Indikatif (Rp)"], Src::F("p26"), 16.0),
        col(&[ck, "Lokasi"], Src::F("lok"), 16.0),
        col(&[ck, "Sumber Dana"], Src::F("dana"), 10.0),
        col(&[ck, "Prioritas", "Nasional"], Src::Empty, 8.0),
        col(&[ck, "Prioritas", "Daerah"], Src::Empty, 8.0),
        col(&["Kelompok Sasaran"], Src::Empty, 12.0),
        col(&[pm, "Target"], Src::Tu("t27", "u27"), 12.0),
        col(&[pm, "Pagu Indikatif (Rp)"], Src::F("p27"), 16.0),
        col(
            &["Perangkat Daerah Penanggung Jawab"],
            Src::Const("Dinas Sosial"),
            14.0,
        ),
    ];
    let t33 = Table::new(
        Kind::T33,
        &["RENJA DINAS SOSIAL\nTAHUN ANGGARAN 2026 KABUPATEN KUTAI KARTANEGARA"],
        c33,
    )
    .width_row()
    .num_cells(nums(1, 17));

    vec![
        sheet("Evaluasi", vec![Block::Table(t29)]),
        sheet("Review", vec![Block::Table(t31)]),
        sheet("Renja SIPD-RI", vec![Block::Table(t33)]),
    ]
}

fn layout_confusables(_plan: &Plan) -> Vec<SheetSpec> {
    let cs = CodeStyle::Split4;
    let g24 = "Target dan Realisasi Renja PD Tahun 2024";
    let g10 = "Perkiraan Realisasi Capaian Target Renstra PD s/d Tahun 2025";
    let mut c29 = code_cols("Kode", cs);
    c29.extend([
        col(&["Program/Kegiatan"], Src::F("name"), 40.0),
        col(
            &["Indikator Kinerja Program (outcome)/ Kegiatan (output)"],
            Src::F("ind"),
            30.0,
        ),
        col(
            &["Target Renstra PD pada Tahun 2026 (Akhir Periode Renstra PD)"],
            Src::F("k4"),
            12.0,
        ),
        col(&["Realisasi s/d Tahun 2023"], Src::F("k5"), 12.0),
        col(&[g24, "Target"], Src::F("k6"), 10.0),
        col(&[g24, "Realisasi"], Src::F("k7"), 10.0),
        col(&[g24, "Tingkat Realisasi (%)"], Src::F("k8"), 10.0),
        col(&["Target Renja PD Tahun 2025"], Src::F("k9"), 12.0),
        col(&[g10, "Realisasi Capaian"], Src::F("k10"), 12.0),
        col(&[g10, "Tingkat Capaian (%)"], Src::F("k11"), 12.0),
    ]);
    let t29 = Table::new(
        Kind::T29,
        &[
            "Tabel T-C.29",
            "Rekapitulasi Evaluasi Hasil Pelaksanaan Renja PD dan Pencapaian Renstra PD s/d Tahun 2025",
        ],
        c29,
    )
    .code(cs)
    .num(NumStyle::ParenFx, CodeNum::Merged);

    // EDK's Renstra table 2.3: title words of T-C.30, `Tahun ke-` sub-headers of bare digits
    // above a real number row.
    let mut cr = vec![
        col(&["NO"], Src::F("no"), 5.0),
        col(
            &["Indikator Kinerja sesuai Tugas dan Fungsi Perangkat Daerah"],
            Src::F("ind"),
            40.0,
        ),
        col(&["Tergat NSPK"], Src::F("nspk"), 10.0),
        col(&["Target IKK/IKD"], Src::F("ikk"), 10.0),
        col(&["Target Indikator Lainnya"], Src::Empty, 10.0),
    ];
    for (g, f) in [
        ("Target Renstra Perangkat Daerah Tahun ke-", "t"),
        ("Realisasi Capaian Tahun ke-", "r"),
        ("Rasio Capaian pada Tahun ke-", "c"),
    ] {
        for k in 1..=5 {
            cr.push(col(
                &[g, leak(k.to_string())],
                Src::F(leak(format!("{f}{k}"))),
                8.0,
            ));
        }
    }
    let renstra = Table::new(
        Kind::Renstra23,
        &[
            "Tabel 2.3",
            "Pencapaian Kinerja Pelayanan Perangkat Daerah Selama 5 (lima) Tahun Terakhir",
            "Dinas Sosial Kabupaten Kutai Kartanegara",
        ],
        cr,
    )
    .num(NumStyle::Paren, CodeNum::Merged);

    let mut c30 = vec![
        col(&["No"], Src::F("no"), 5.0),
        col(&["Indikator"], Src::F("ind"), 40.0),
        col(&["SPM/Standar Nasional"], Src::F("spm"), 14.0),
        col(&["IKK"], Src::F("ikk"), 24.0),
    ];
    c30.extend(t30_years(
        "Target Renstra Perangkat Daerah",
        "Realisasi Capaian",
        "Proyeksi",
        2022..=2026,
        2022..=2024,
        2025..=2026,
        &|y| format!("Tahun {y}"),
    ));
    c30.push(col(&["Catatan Analisis"], Src::Empty, 20.0));
    let t30 = Table::new(
        Kind::T30,
        &[
            "Tabel T-C.30",
            "Pencapaian Kinerja Pelayanan Perangkat Daerah Dinas Sosial",
        ],
        c30,
    )
    .num(NumStyle::Paren, CodeNum::Merged);

    // HF tv1c1: the T-C.31 shape for another purpose.
    let (rr, hm) = ("Rancangan Renja ", "Hasil Prioritas Masukan Masyarakat ");
    let cm = vec![
        col(&["No "], Src::F("no"), 5.0),
        col(&[rr, "Program/ Kegiatan "], Src::F("name"), 36.0),
        col(&[rr, "Lokasi "], Src::F("r_lok"), 16.0),
        col(&[rr, "Indikator Kinerja "], Src::F("r_ind"), 28.0),
        col(&[rr, "Target Capaian "], Src::Tu("r_t", "r_u"), 12.0),
        col(&[rr, "Pagu Indikatif (Rp.000) "], Src::F("r_p"), 14.0),
        col(&[hm, "Program/ Kegiatan "], Src::F("name"), 36.0),
        col(&[hm, "Lokasi "], Src::F("a_lok"), 16.0),
        col(&[hm, "Indikator Kinerja "], Src::F("a_ind"), 28.0),
        col(&[hm, "Target Capaian "], Src::Tu("a_t", "a_u"), 12.0),
        col(&[hm, "Kebutuhan Dana (Rp.000) "], Src::F("a_p"), 14.0),
        col(&["Catatan Penting "], Src::Empty, 18.0),
    ];
    let merge = Table::new(
        Kind::Merge,
        &[
            "Penggabungan Prioritas Masukan Masyarakat dengan Rancangan Renja OPD",
            "Kabupaten Kutai Kartanegara",
        ],
        cm,
    )
    .thousands()
    .num(NumStyle::Paren, CodeNum::Merged);

    let (r, a) = ("Rancangan Awal RKPD", "Hasil Analisis Kebutuhan");
    let c31 = vec![
        col(&["No."], Src::F("no"), 5.0),
        col(&[r, "Program / \nKegiatan"], Src::F("name"), 36.0),
        col(&[r, "Lokasi"], Src::F("r_lok"), 16.0),
        col(&[r, "Indikator \nKinerja"], Src::F("r_ind"), 28.0),
        col(&[r, "Target \nCapaian"], Src::Tu("r_t", "r_u"), 12.0),
        col(&[r, "Pagu \nIndikatif \n(Rp.)"], Src::F("r_p"), 16.0),
        col(&[a, "Program / \nKegiatan"], Src::F("name"), 36.0),
        col(&[a, "Lokasi"], Src::F("a_lok"), 16.0),
        col(&[a, "Indikator \nKinerja"], Src::F("a_ind"), 28.0),
        col(&[a, "Target \nCapaian"], Src::Tu("a_t", "a_u"), 12.0),
        col(&[a, "Kebutuhan \nDana \n(Rp.)"], Src::F("a_p"), 16.0),
        col(&["Catatan Penting"], Src::Empty, 18.0),
    ];
    let t31 = Table::new(
        Kind::T31,
        &["Review terhadap Rancangan Awal RKPD  2026"],
        c31,
    )
    .num(NumStyle::Paren, CodeNum::Merged)
    .total("JUMLAH");

    let (n, n1) = ("Rencana Tahun 2026", "Prakiraan Maju Rencana Tahun 2027");
    let c33 = vec![
        col(&["Kode"], Src::Code, 18.0),
        col(
            &["Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan"],
            Src::F("name"),
            40.0,
        ),
        col(
            &["Indikator Kinerja Program / Kegiatan"],
            Src::F("ind"),
            30.0,
        ),
        col(&[n, "Lokasi"], Src::F("lok"), 16.0),
        col(&[n, "Target Capaian Kinerja"], Src::Tu("t26", "u26"), 12.0),
        col(&[n, "Kebutuhan Dana/Pagu Indikatif"], Src::F("p26"), 16.0),
        col(&[n, "Sumber Dana"], Src::F("dana"), 10.0),
        col(&["Catatan Penting"], Src::Empty, 14.0),
        col(&[n1, "Target Capaian Kinerja"], Src::Tu("t27", "u27"), 12.0),
        col(&[n1, "Kebutuhan Dana/Pagu Indikatif"], Src::F("p27"), 16.0),
    ];
    let t33 = Table::new(
        Kind::T33,
        &[
            "Tabel T-C.33",
            "Rumusan Rencana Program dan Kegiatan Perangkat Daerah Tahun 2026 dan Prakiraan Maju Tahun 2027",
        ],
        c33,
    )
    .num(NumStyle::Paren, CodeNum::Merged)
    .total("JUMLAH");

    let team = Table::new(
        Kind::Staff,
        &["TIM PENYUSUN RENJA DINAS SOSIAL TAHUN 2026"],
        vec![
            col(&["No"], Src::F("no"), 5.0),
            col(&["Nama"], Src::F("nama"), 36.0),
            col(&["NIP"], Src::F("nip"), 24.0),
            col(&["Jabatan"], Src::F("jabatan"), 40.0),
        ],
    );

    vec![
        sheet("T-C.29", vec![Block::Table(t29)]),
        sheet("Renstra 2.3", vec![Block::Table(renstra)]),
        sheet("T-C.30", vec![Block::Table(t30)]),
        sheet("Penggabungan", vec![Block::Table(merge)]),
        sheet("T-C.31", vec![Block::Table(t31)]),
        sheet(
            "T-C.33",
            vec![
                Block::Table(t33),
                Block::Blank(1),
                Block::Signature(7),
                Block::Blank(2),
                Block::Table(team),
            ],
        ),
    ]
}

// ---------------------------------------------------------------------------------------------
// Held-out layouts (added after selaras passed the 21 above; not tuned on)
// ---------------------------------------------------------------------------------------------

/// A T-C.29 with the HF `Catatan` column 12 and a number row `1 … 12` whose 8, 10 and 11
/// carry only a footnote star (no formula).
fn t29_catatan_star(code: Src) -> Table {
    let c = vec![
        col(&["Kode"], code, 20.0),
        col(
            &["Urusan/Bidang Urusan Pemerintahan Daerah Dan Program/Kegiatan"],
            Src::F("name"),
            40.0,
        ),
        col(
            &["Indikator Kinerja Program (outcome)/ Kegiatan (output)"],
            Src::F("ind"),
            30.0,
        ),
        col(
            &["Target Capaian Kinerja Renstra PD Tahun 2026 (akhir periode Renstra PD)"],
            Src::F("k4"),
            12.0,
        ),
        col(
            &["Realisasi Target Kinerja Hasil Program dan Keluaran Kegiatan s/d Tahun 2023"],
            Src::F("k5"),
            12.0,
        ),
        col(
            &[
                "Target dan Realisasi Kinerja Program dan Keluaran Kegiatan PD Tahun 2024",
                "Target",
            ],
            Src::F("k6"),
            10.0,
        ),
        col(
            &[
                "Target dan Realisasi Kinerja Program dan Keluaran Kegiatan PD Tahun 2024",
                "Realisasi",
            ],
            Src::F("k7"),
            10.0,
        ),
        col(
            &[
                "Target dan Realisasi Kinerja Program dan Keluaran Kegiatan PD Tahun 2024",
                "Tingkat Realisasi (%)",
            ],
            Src::F("k8"),
            10.0,
        ),
        col(
            &["Target Program/Kegiatan Renja PD Tahun Berjalan 2025"],
            Src::F("k9"),
            12.0,
        ),
        col(
            &[
                "Perkiraan Realisasi Capaian Target Program/Kegiatan Renstra PD s/d Tahun 2025",
                "Realisasi Capaian",
            ],
            Src::F("k10"),
            12.0,
        ),
        col(
            &[
                "Perkiraan Realisasi Capaian Target Program/Kegiatan Renstra PD s/d Tahun 2025",
                "Tingkat Capaian (%)",
            ],
            Src::F("k11"),
            12.0,
        ),
        col(&["Catatan"], Src::Empty, 16.0),
    ];
    let mut cells = nums(1, 7);
    cells.push(NumCell::S("8*", 1));
    cells.push(NumCell::N(9, 1));
    cells.push(NumCell::S("10*", 1));
    cells.push(NumCell::S("11*", 1));
    cells.push(NumCell::N(12, 1));
    Table::new(
        Kind::T29,
        &t29_title("Tabel T-C.29")
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>(),
        c,
    )
    .num_cells(cells)
}

fn t31_ribuan(code: bool) -> Table {
    let (r, a) = ("Rancangan Awal RKPD", "Hasil Analisis Kebutuhan");
    let mut c = vec![];
    if code {
        c.push(col(&["Kode"], Src::CodeDot, 18.0));
    }
    c.extend([
        col(&[r, "Program/Kegiatan"], Src::F("name"), 36.0),
        col(&[r, "Lokasi"], Src::F("r_lok"), 16.0),
        col(&[r, "Indikator Kinerja"], Src::F("r_ind"), 28.0),
        col(&[r, "Target Capaian"], Src::F("r_t"), 8.0),
        col(&[r, "Satuan"], Src::F("r_u"), 10.0),
        col(&[r, "Pagu Indikatif(Ribuan)"], Src::F("r_p"), 16.0),
        col(&[a, "Program/Kegiatan"], Src::F("name"), 36.0),
        col(&[a, "Lokasi"], Src::F("a_lok"), 16.0),
        col(&[a, "Indikator Kinerja"], Src::F("a_ind"), 28.0),
        col(&[a, "Target Capaian"], Src::F("a_t"), 8.0),
        col(&[a, "Satuan"], Src::F("a_u"), 10.0),
        col(&[a, "Pagu Indikatif(Ribuan)"], Src::F("a_p"), 16.0),
        col(&["Catatan Penting"], Src::Empty, 18.0),
    ]);
    Table::new(
        Kind::T31,
        &[
            "Review terhadap Rancangan Awal RKPD Tahun 2026",
            "Dinas Sosial",
        ],
        c,
    )
    .thousands()
    .total("JUMLAH")
}

/// The workbook in reverse order: T-C.33 (rupiah, codes with trailing dots) first, then T-C.31
/// in thousands on both sides, T-C.29 last with Catatan and starred numbers.
fn layout_reversed_dots(_plan: &Plan) -> Vec<SheetSpec> {
    let (n, n1) = ("Rencana Tahun 2026", "Prakiraan Maju Rencana Tahun 2027");
    let c33 = vec![
        col(&["Kode"], Src::CodeDot, 20.0),
        col(
            &["Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan"],
            Src::F("name"),
            40.0,
        ),
        col(&["Indikator Kinerja Program/Kegiatan"], Src::F("ind"), 30.0),
        col(&[n, "Lokasi"], Src::F("lok"), 16.0),
        col(&[n, "Target Capaian Kinerja"], Src::Tu("t26", "u26"), 12.0),
        col(
            &[n, "Kebutuhan Dana/Pagu Indikatif (Rp)"],
            Src::F("p26"),
            16.0,
        ),
        col(&[n, "Sumber Dana"], Src::F("dana"), 10.0),
        col(&["Catatan Penting"], Src::Empty, 14.0),
        col(&[n1, "Target Capaian Kinerja"], Src::Tu("t27", "u27"), 12.0),
        col(
            &[n1, "Kebutuhan Dana/Pagu Indikatif (Rp)"],
            Src::F("p27"),
            16.0,
        ),
    ];
    let t33 = Table::new(
        Kind::T33,
        &[
            "Tabel T-C.33",
            "Rumusan Rencana Program dan Kegiatan Perangkat Daerah Tahun 2026 dan Prakiraan Maju Tahun 2027",
            "Dinas Sosial Kabupaten Kutai Kartanegara",
        ],
        c33,
    )
    .num(NumStyle::Paren, CodeNum::Merged)
    .total("JUMLAH");
    vec![
        sheet("T-C.33", vec![Block::Table(t33)]),
        sheet("T-C.31", vec![Block::Table(t31_ribuan(false))]),
        sheet("T-C.29", vec![Block::Table(t29_catatan_star(Src::CodeDot))]),
    ]
}

/// Four header rows (an empty width row, then three), tabs and literal `<br>` inside header
/// cells at odd places, budgets as numbers formatted `"Rp "#,##0`, protected sheets.
fn layout_tabs_br_rp(_plan: &Plan) -> Vec<SheetSpec> {
    let g = "Rencana\tTahun 2026";
    let g1 = "Prakiraan Maju<br>Rencana Tahun\t2027";
    let c33 = vec![
        col(&["Kode"], Src::Code, 20.0),
        col(
            &["Urusan/Bidang Urusan<br>Pemerintahan Daerah dan\tProgram/<br>Kegiatan"],
            Src::F("name"),
            40.0,
        ),
        col(
            &["Indikator\tKinerja Program/<br>Kegiatan"],
            Src::F("ind"),
            30.0,
        ),
        col(&[g, "Lokasi"], Src::F("lok"), 16.0),
        col(
            &[g, "Target Capaian<br>Kinerja", "Target"],
            Src::F("t26"),
            8.0,
        ),
        col(
            &[g, "Target Capaian<br>Kinerja", "Satuan"],
            Src::F("u26"),
            10.0,
        ),
        col(
            &[g, "Kebutuhan\tDana/ Pagu<br>Indikatif"],
            Src::F("p26"),
            18.0,
        ),
        col(&[g, "Sumber<br>Dana"], Src::F("dana"), 10.0),
        col(&["Catatan<br>Penting"], Src::Empty, 14.0),
        col(
            &[g1, "Target Capaian<br>Kinerja", "Target"],
            Src::F("t27"),
            8.0,
        ),
        col(
            &[g1, "Target Capaian<br>Kinerja", "Satuan"],
            Src::F("u27"),
            10.0,
        ),
        col(
            &[g1, "Kebutuhan Dana/<br>Pagu\tIndikatif"],
            Src::F("p27"),
            18.0,
        ),
    ];
    let t33 = Table::new(
        Kind::T33,
        &["Rumusan Rencana Program dan Kegiatan Perangkat Daerah Tahun 2026 dan Prakiraan Maju Tahun 2027 Kabupaten Kutai Kartanegara"],
        c33,
    )
    .width_row()
    .rp_fmt()
    .protect()
    .num(NumStyle::Bare, CodeNum::Merged);

    let c29 = vec![
        col(&["Kode"], Src::Code, 20.0),
        col(
            &["Urusan/Bidang\tUrusan dan<br>Program/Kegiatan"],
            Src::F("name"),
            40.0,
        ),
        col(
            &["Indikator Kinerja<br>Program/\tKegiatan"],
            Src::F("ind"),
            30.0,
        ),
        col(
            &["Target Kinerja<br>Capaian Program (Renstra\tPD)"],
            Src::F("k4"),
            12.0,
        ),
        col(&["Realisasi s/d<br>Tahun 2023"], Src::F("k5"), 12.0),
        col(&["Target Renja<br>PD 2024"], Src::F("k6"), 10.0),
        col(&["Realisasi\tRenja PD<br>2024"], Src::F("k7"), 10.0),
        col(&["Tingkat<br>Realisasi (%)"], Src::F("k8"), 10.0),
        col(&["Target Tahun<br>Berjalan\t2025"], Src::F("k9"), 12.0),
        col(
            &["Realisasi Capaian s/d<br>Tahun Berjalan 2025"],
            Src::F("k10"),
            12.0,
        ),
        col(
            &["Tingkat Capaian\tRealisasi<br>Target Renstra (%)"],
            Src::F("k11"),
            12.0,
        ),
    ];
    let t29 = Table::new(
        Kind::T29,
        &["Tabel 2.1 Rekapitulasi Evaluasi Hasil Pelaksanaan Renja Dinas Sosial dan Pencapaian Renstra Dinas Sosial s/d Tahun 2025"],
        c29,
    )
    .width_row()
    .protect()
    .num(NumStyle::BareFx, CodeNum::Merged);
    let mut t31 = t31_ribuan(false);
    for c in t31.cols.iter_mut() {
        for h in c.head.iter_mut() {
            *h = h.replace("Pagu Indikatif(Ribuan)", "Pagu<br>Indikatif\t(Rp.000)");
        }
    }
    vec![
        sheet("Renja 2026", vec![Block::Table(t33)]),
        sheet("Evaluasi", vec![Block::Table(t29)]),
        sheet("Review RKPD", vec![Block::Table(t31.protect())]),
    ]
}

// ---------------------------------------------------------------------------------------------
// E.81 (held-out): the 2024 evaluation of the same plan
// ---------------------------------------------------------------------------------------------

/// One E.81 row's values. K: 5 = T-C.29 col 4, 6 = col 5, 7 = col 6, 12 = col 7; quarters add
/// up to 12 for a flow, rise to it for a level. Rp in thousands-of-rupiah units `b` of the
/// kegiatan's 2026 pagu: 7 = 900b, quarters 171b 214b 214b 256b (12 = 855b), 5 = 4500b,
/// 6 = 1800b; so every Rp column is linear in `b` and parents are exact sums of children.
fn e81_vals(r: Row, ev: &Ev, b: i64) -> Row {
    let k12 = ev.k7();
    let q: [Decimal; 4] = if ev.level {
        let f = |x: &str| {
            (k12 * d(x)).round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
        };
        [f("0.7"), f("0.8"), f("0.9"), k12]
    } else {
        let each = (k12 / Decimal::from(4)).floor();
        [each, each, each, k12 - each * Decimal::from(3)]
    };
    let k13 = if ev.level { k12 } else { ev.k5() + k12 };
    let k14 = pct(k13, ev.k4());
    let (r5, r6, r7) = (4500 * b, 1800 * b, 900 * b);
    let rq = [171 * b, 214 * b, 214 * b, 256 * b];
    let r12: i64 = rq.iter().sum();
    let r13 = r6 + r12;
    let r14 = pct(Decimal::from(r13), Decimal::from(r5));
    let mut r = r
        .n("e5k", ev.k4(), None)
        .a("e5r", r5)
        .n("e6k", ev.k5(), None)
        .a("e6r", r6)
        .n("e7k", ev.k6(), None)
        .a("e7r", r7);
    let qk = ["e8k", "e9k", "e10k", "e11k"];
    let qr = ["e8r", "e9r", "e10r", "e11r"];
    for i in 0..4 {
        r = r.n(qk[i], q[i], None).a(qr[i], rq[i]);
    }
    r.n("e12k", k12, None)
        .a("e12r", r12)
        .n("e127k", pct(k12, ev.k6()), Some(2))
        .n("e127r", pct(Decimal::from(r12), Decimal::from(r7)), Some(2))
        .n("e13k", k13, None)
        .a("e13r", r13)
        .n("e14k", k14, Some(2))
        .n("e14r", r14, Some(2))
}

fn band(x: Decimal) -> &'static str {
    if x >= d("91") {
        "Sangat Tinggi"
    } else if x >= d("76") {
        "Tinggi"
    } else if x >= d("66") {
        "Sedang"
    } else if x >= d("51") {
        "Rendah"
    } else {
        "Sangat Rendah"
    }
}

/// The mean of column 14 K over the program and kegiatan rows, two decimals.
fn e81_mean(plan: &Plan, subs: bool) -> Decimal {
    let mut owned = Vec::new();
    for p in &plan.progs {
        owned.push(p.ev.clone());
        for k in &p.kegs {
            owned.push(k.ev.clone());
            if subs {
                owned.extend(k.subs.iter().map(sub_ev));
            }
        }
    }
    let v: Vec<&Ev> = owned.iter().collect();
    let k14 = |ev: &Ev| {
        let k13 = if ev.level { ev.k7() } else { ev.k5() + ev.k7() };
        pct(k13, ev.k4())
    };
    let sum: Decimal = v.iter().map(|e| k14(e)).sum();
    (sum / Decimal::from(v.len() as u64))
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// A sub kegiatan's 2024 evaluation: Renstra target 5t, realised 2t to 2023, target and
/// realisation t in 2024 (a flow), where t is its 2026 target.
fn sub_ev(s: &Sub) -> Ev {
    let t = s.t.0;
    Ev {
        k: [t * 5, t * 2, t, t, t].map(Decimal::from),
        level: false,
    }
}

fn e81_rows(plan: &Plan, subs: bool) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut no = 0;
    for p in &plan.progs {
        no += 1;
        let b: i64 = p.kegs.iter().map(|k| Plan::keg_pagu(k).0 / 1000).sum();
        rows.push(e81_vals(
            Row::new(p.code, Lv::Program)
                .n("no", Decimal::from(no), None)
                .t("code", p.code)
                .t("name", p.name)
                .t("ind", p.ind)
                .t("unit", p.unit),
            &p.ev,
            b,
        ));
        for k in &p.kegs {
            no += 1;
            rows.push(e81_vals(
                Row::new(k.code, Lv::Kegiatan)
                    .n("no", Decimal::from(no), None)
                    .t("code", k.code)
                    .t("name", k.name)
                    .t("ind", k.ind)
                    .t("unit", k.unit),
                &k.ev,
                Plan::keg_pagu(k).0 / 1000,
            ));
            if subs {
                for sb in &k.subs {
                    no += 1;
                    rows.push(e81_vals(
                        Row::new(sb.code, Lv::Sub)
                            .n("no", Decimal::from(no), None)
                            .t("code", sb.code)
                            .t("name", sb.name)
                            .t("ind", sb.ind)
                            .t("unit", sb.unit),
                        &sub_ev(sb),
                        sb.p.0 / 1000,
                    ));
                }
            }
        }
    }
    let mean = e81_mean(plan, subs);
    rows.push(
        Row::new("mean", Lv::Other)
            .t("name", "Rata-rata capaian kinerja (%)")
            .n("ind", mean, Some(2)),
    );
    rows.push(
        Row::new("predikat", Lv::Other)
            .t("name", "Predikat kinerja")
            .t("ind", band(mean)),
    );
    rows
}

/// E.81: a kegiatan's (or sub kegiatan's) quarter II Rp raised (C005 on its 12 Rp, B001 on its
/// parent's II Rp).
fn plant_e81_quarter_rp(code: &'static str, delta: i64) -> Plant {
    let prog = find_keg_prog(code);
    Plant {
        what: format!("E.81: kegiatan {code} quarter II Rp raised by {delta}"),
        apply: Box::new(move |k, rows| {
            if k == Kind::E81
                && let Some(r) = rows.iter_mut().find(|r| r.key == code)
                && let Some(V::Amt(a)) = r.vals.get("e9r").cloned()
            {
                r.vals.insert("e9r", V::Amt(a + delta));
            }
        }),
        expect: vec![
            exp(
                "C005",
                vec![loc(Kind::E81, code, "e12r")],
                &format!("E.81 {code}: 12 Rp is not 8+9+10+11"),
            ),
            exp(
                "B001",
                vec![loc(Kind::E81, prog, "e9r")],
                &format!("E.81 {prog}: quarter II Rp is not the sum of its kegiatan"),
            ),
        ],
    }
}

fn find_keg_prog(code: &str) -> &'static str {
    if code.split('.').count() == 6 {
        // A sub kegiatan: its kegiatan.
        return leak(parent(code));
    }
    Plan::new()
        .progs
        .iter()
        .find(|p| p.kegs.iter().any(|k| k.code == code))
        .map(|p| p.code)
        .unwrap()
}

/// E.81: the predikat under the table names the wrong band (C008).
fn plant_e81_predikat(wrong: &'static str) -> Plant {
    Plant {
        what: format!("E.81: predikat kinerja written `{wrong}`"),
        apply: Box::new(move |k, rows| {
            if k == Kind::E81 {
                set_val(rows, "predikat", "ind", V::Text(wrong.to_string()));
            }
        }),
        expect: vec![exp(
            "C008",
            vec![loc(Kind::E81, "predikat", "ind")],
            "E.81 predikat is not the band of the mean of column 14 K",
        )],
    }
}

/// E.81: a level indicator's quarter III K below quarter II (F011 on quarter III).
fn plant_e81_backwards(code: &'static str) -> Plant {
    Plant {
        what: format!("E.81: {code} (a level) quarter III K below quarter II"),
        apply: Box::new(move |k, rows| {
            if k == Kind::E81
                && let Some(r) = rows.iter_mut().find(|r| r.key == code)
                && let Some(V::Num(q1, dp)) = r.vals.get("e8k").cloned()
            {
                r.vals.insert("e10k", V::Num(q1 - Decimal::ONE, dp));
            }
        }),
        expect: vec![exp(
            "F011",
            vec![loc(Kind::E81, code, "e10k")],
            &format!("E.81 {code}: a level going down from quarter II to III"),
        )],
    }
}

/// E.81: the year's target (7) K differs from T-C.29 column 6 (E008; with a 12/7 column that
/// column is then wrong too: C007).
fn plant_e81_target(code: &'static str, new: &'static str, ratio_col: bool) -> Plant {
    let mut expect = vec![exp(
        "E008",
        vec![loc(Kind::E81, code, "e7k")],
        &format!("E.81 {code}: target (7) K {new} is not T-C.29 column 6"),
    )];
    if ratio_col {
        expect.push(exp(
            "C007",
            vec![loc(Kind::E81, code, "e127k")],
            &format!("E.81 {code}: 12/7 K no longer matches the changed target"),
        ));
    }
    Plant {
        what: format!("E.81: {code} target (7) K written {new}"),
        apply: Box::new(move |k, rows| {
            if k == Kind::E81 {
                set_val(rows, code, "e7k", V::Num(d(new), None));
            }
        }),
        expect,
    }
}

/// One E.81 column group: header, number-row text, field prefix (`e5` → `e5k`, `e5r`), and the
/// quarter label under `Realisasi Kinerja Pada Triwulan` for quarters.
struct EGroup {
    head: String,
    sub: Option<&'static str>,
    num: String,
    field: &'static str,
}

fn eg(head: &str, num: &str, field: &'static str) -> EGroup {
    EGroup {
        head: head.to_string(),
        sub: None,
        num: num.to_string(),
        field,
    }
}

/// An E.81 grid whose number row sits above the K/Rp row (single columns' numbers span both
/// rows, group numbers span K and Rp). `lead` and `trail`: single columns (header, number,
/// source).
fn e81_table(
    titles: &[&str],
    lead: Vec<(&str, &str, Src)>,
    groups: Vec<EGroup>,
    kr: (&str, &str),
    trail: Vec<(&str, &str, Src)>,
) -> Table {
    let single = |h: &str, n: &str, src: Src| col(&[h, h, n], src, 14.0);
    let mut cols: Vec<Col> = lead.into_iter().map(|(h, n, s)| single(h, n, s)).collect();
    for g in &groups {
        let second = g.sub.unwrap_or(&g.head);
        for (lab, side) in [(kr.0, 'k'), (kr.1, 'r')] {
            let f = leak(format!("{}{side}", g.field));
            cols.push(col(&[&g.head, second, &g.num, lab], Src::F(f), 11.0));
        }
    }
    cols.extend(trail.into_iter().map(|(h, n, s)| single(h, n, s)));
    Table::new(Kind::E81, titles, cols)
}

fn quarters(tw: &str, labels: [&'static str; 4], first: u32) -> Vec<EGroup> {
    let f = ["e8", "e9", "e10", "e11"];
    (0..4)
        .map(|i| EGroup {
            head: tw.to_string(),
            sub: Some(labels[i]),
            num: (first + i as u32).to_string(),
            field: f[i],
        })
        .collect()
}

/// A plain EP-style T-C.29 (joined codes) for the books that carry an E.81.
fn t29_plain() -> Table {
    let c = vec![
        col(&["Kode"], Src::Code, 18.0),
        col(
            &["Urusan/Bidang Urusan dan Program/Kegiatan"],
            Src::F("name"),
            40.0,
        ),
        col(&["Indikator Kinerja Program/Kegiatan"], Src::F("ind"), 30.0),
        col(
            &["Target Kinerja Capaian Program (Renstra PD)"],
            Src::F("k4"),
            12.0,
        ),
        col(&["Realisasi s/d Tahun 2023"], Src::F("k5"), 12.0),
        col(&["Target Renja PD 2024"], Src::F("k6"), 10.0),
        col(&["Realisasi Renja PD 2024"], Src::F("k7"), 10.0),
        col(&["Tingkat Realisasi (%)"], Src::F("k8"), 10.0),
        col(&["Target Tahun Berjalan 2025"], Src::F("k9"), 12.0),
        col(
            &["Realisasi Capaian s/d Tahun Berjalan 2025"],
            Src::F("k10"),
            12.0,
        ),
        col(
            &["Tingkat Capaian Realisasi Target Renstra (%)"],
            Src::F("k11"),
            12.0,
        ),
    ];
    Table::new(
        Kind::T29,
        &["Tabel 2.1 Rekapitulasi Evaluasi Hasil Pelaksanaan Renja Dinas Sosial dan Pencapaian Renstra Dinas Sosial s/d Tahun 2025"],
        c,
    )
    .num(NumStyle::Paren, CodeNum::Merged)
}

/// BDG `e81.xls`: no Kode, number row above the K/Rp row, `Il`/`Ill` quarter labels, the year
/// only in `Periode Pelaksanaan 2024`, placeholders `(Tahun n)` in the headers.
fn layout_e81_bdg(_plan: &Plan) -> Vec<SheetSpec> {
    let mut g = vec![
        eg(
            "Target Renstra Perangkat Daerah  pada Tahun ….. (Akhir Periode Renstra Perangkat Daerah) ",
            "5",
            "e5",
        ),
        eg(
            "Realisasi Capaian Kinerja Renstra Perangkat Daerah sampai dengan Renja Perangkat Daerah Tahun Lalu (n-1) ",
            "6",
            "e6",
        ),
        eg(
            "Target Kinerja dan Anggaran Renja Perangkat Daerah Tahun Berjalan (Tahun n) yang Dievaluasi",
            "7",
            "e7",
        ),
    ];
    g.extend(quarters(
        "Realisasi Kinerja Pada Triwulan",
        ["I ", "Il ", "Ill ", "IV "],
        8,
    ));
    g.push(eg(
        "Realisasi Capaian Kinerja dan Anggaran Renja Perangkat Daerah yang Dievaluasi",
        "12 = 8+9+10+11",
        "e12",
    ));
    g.push(eg("Realisasi Kinerja dan Anggaran Renstra Perangkat Daerah s/d Tahun ……. (Akhir Tahun Pelaksanaan Renja Perangkat Daerah tahun...)", "13 = 6 + 12", "e13"));
    g.push(eg("Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra Perangkat daerah s/d Tahun…                     (%)", "14=13/5 x100%", "e14"));
    let e81 = e81_table(
        &[
            "Formulir E.81",
            "Evaluasi Terhadap Hasil Renja Perangkat daerah Lingkup Kabupaten /Kota ",
            "Renja Perangkat Daerah Dinas Sosial Kabupaten/kota Kutai Kartanegara",
            "Periode Pelaksanaan 2024",
            "Indikator dan Target Kinerja Perangkat daerah Kabupaten/Kota yang mengacu pada sasaran:",
        ],
        vec![
            ("No", "1", Src::F("no")),
            ("Sasaran", "2", Src::Empty),
            ("Program/ Kegiatan", "3", Src::F("name")),
            ("Indikator Kinerja Program (outcome)/Kegiatan (output)", "4", Src::F("ind")),
        ],
        g,
        ("K", "Rp"),
        vec![("unit Perangkat Daerah Penanggu Jawab", "15", Src::Const("Dinas Sosial"))],
    )
    .titles_unmerged();
    vec![
        sheet("T-C.29", vec![Block::Table(t29_plain())]),
        sheet("Formulir E.81", vec![Block::Table(e81)]),
    ]
}

/// DMV Excel: Kode column, `13=9+10+11+12`, `14=7+13`, `15=14/6x100`, `Ahkir`, RKPD wording in
/// the title of a Renja evaluation, Unit OPD penanggung jawab + Ket.
fn layout_e81_dmv(_plan: &Plan) -> Vec<SheetSpec> {
    let mut g = vec![
        eg(
            "Target Renstra OPD pada Tahun 2022 s/d 2026 (akhir periode Renstra OPD)",
            "6",
            "e5",
        ),
        eg(
            "Realisasi Capaian Kinerja Renstra OPD s/d Renja OPD Tahun lalu (2023)",
            "7",
            "e6",
        ),
        eg(
            "Target Kinerja dan Anggaran Renja OPD Tahun berjalan yang dievaluasi (2024)",
            "8",
            "e7",
        ),
    ];
    g.extend(quarters(
        "Realisasi Kinerja Pada Triwulan",
        ["I", "II", "III", "IV"],
        9,
    ));
    g.push(eg(
        "Realisasi Capaian Kinerja dan Anggaran Renja OPD yang Dievaluasi",
        "13=9+10+11+12",
        "e12",
    ));
    g.push(eg("Realisasi kinerja dan Anggaran Renstra OPD s/d tahun 2024 (Ahkir Tahun pelaksanaan Renja OPD)", "14=7+13", "e13"));
    g.push(eg(
        "Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra OPD s/d tahun 2024 (%)",
        "15=14/6x100",
        "e14",
    ));
    let e81 = e81_table(
        &[
            "LAPORAN EVALUASI TERHADAP RKPD",
            "KABUPATEN KUTAI KARTANEGARA TAHUN ANGGARAN 2024",
            "DINAS SOSIAL",
        ],
        vec![
            ("NO", "1", Src::F("no")),
            ("Sasaran", "2", Src::Empty),
            ("Kode", "3", Src::Code),
            (
                "Urusan/Bidang Urusan Pemerintah Daerah dan Program/Kegiatan/Sub Kegiatan",
                "4",
                Src::F("name"),
            ),
            (
                "Indikator Kinerja Program (outcome) / Kegiatan (output)",
                "5",
                Src::F("ind"),
            ),
        ],
        g,
        ("K", "Rp"),
        vec![
            (
                "Unit OPD penanggung jawab",
                "16",
                Src::Const("Dinas Sosial"),
            ),
            ("Ket", "17", Src::Empty),
        ],
    );
    vec![
        sheet("Evaluasi Renja 2024", vec![Block::Table(e81)]),
        sheet("Tabel 2.1", vec![Block::Table(t29_plain())]),
    ]
}

/// AGP: the extra 12/7 column (`13=12/7x100%`), `K`/`Rp.`, SKPD and PD mixed, caps title with
/// `TAHUN ANGGARAN 2024 TRIWULAN IV`, Kode joined, the E.81 stacked under T-C.29 on one sheet.
fn layout_e81_agp(_plan: &Plan) -> Vec<SheetSpec> {
    let mut g = vec![
        eg(
            "Target Renstra Perangkat Daerah pada Tahun 2026 (Akhir Periode Renstra Perangkat Daerah)",
            "5",
            "e5",
        ),
        eg(
            "Realisasi Capaian Kinerja Renstra Perangkat Daerah s.d Renja Perangkat Darah Tahun Lalu 2023",
            "6",
            "e6",
        ),
        eg(
            "Target Kinerja dan Anggaran Renja Perangkat Daerah Tahun Berjalan Tahun 2024 yang di evaluasi",
            "7",
            "e7",
        ),
    ];
    g.extend(quarters(
        "Realisasi Kinerja Pada Triwulan",
        ["I", "II", "III", "IV"],
        8,
    ));
    g.push(eg(
        "Realisasi Capaian Kinerja dan Anggaran Renja SKPD yang dievaluasi (2024)",
        "12=8+9+10+11",
        "e12",
    ));
    g.push(eg(
        "Tingkat Capaian Kinerja dan Realisasi Anggaran Renja Tahun (2024) (%)",
        "13=12/7x100%",
        "e127",
    ));
    g.push(eg("Realisasi Kinerja dan Anggaran Renstra SKPD s/d Tahun 2024 (Akhir Tahun Pelaksanaan Renja SKPD)", "14=6+12", "e13"));
    g.push(eg(
        "Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra SKPD s/d tahun 2024 (%)",
        "15=14/5x100%",
        "e14",
    ));
    let e81 = e81_table(
        &[
            "EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH",
            "DINAS SOSIAL",
            "KABUPATEN KUTAI KARTANEGARA",
            "TAHUN ANGGARAN 2024 TRIWULAN IV",
        ],
        vec![
            ("No", "1", Src::F("no")),
            ("Sasaran RKPD", "2", Src::Empty),
            ("Urusan / Program / Kegiatan", "3", Src::F("name")),
            (
                "Indikator Kinerja Program (outcome)/ Kegiatan (output)",
                "4",
                Src::F("ind"),
            ),
        ],
        g,
        ("K", "Rp."),
        vec![
            ("SKPD Penanggungjawab", "16", Src::Const("Dinas Sosial")),
            ("Keterangan", "17", Src::Empty),
        ],
    );
    vec![sheet(
        "Evaluasi",
        vec![
            Block::Table(t29_plain()),
            Block::Blank(3),
            Block::Table(e81),
        ],
    )]
}

/// HF's `Penggabungan` table (T-C.31's shape, the second side the community's requests)
/// stacked directly above the real T-C.31 on the same sheet, both in thousands.
fn layout_merge_same_sheet(_plan: &Plan) -> Vec<SheetSpec> {
    let (rr, hm) = ("Rancangan Renja ", "Hasil Prioritas Masukan Masyarakat ");
    let cm = vec![
        col(&[rr, "Program/ Kegiatan "], Src::F("name"), 36.0),
        col(&[rr, "Lokasi "], Src::F("r_lok"), 16.0),
        col(&[rr, "Indikator Kinerja "], Src::F("r_ind"), 28.0),
        col(&[rr, "Target Capaian "], Src::Tu("r_t", "r_u"), 12.0),
        col(&[rr, "Pagu Indikatif (Rp.000) "], Src::F("r_p"), 14.0),
        col(&[hm, "Program/ Kegiatan "], Src::F("name"), 36.0),
        col(&[hm, "Lokasi "], Src::F("a_lok"), 16.0),
        col(&[hm, "Indikator Kinerja "], Src::F("a_ind"), 28.0),
        col(&[hm, "Target Capaian "], Src::Tu("a_t", "a_u"), 12.0),
        col(&[hm, "Kebutuhan Dana (Rp.000) "], Src::F("a_p"), 14.0),
        col(&["Catatan Penting "], Src::Empty, 18.0),
    ];
    let merge = Table::new(
        Kind::Merge,
        &["Penggabungan Prioritas Masukan Masyarakat dengan Rancangan Renja OPD"],
        cm,
    )
    .thousands()
    .num(NumStyle::Paren, CodeNum::Merged);
    let mut t31 = t31_ribuan(false);
    t31.titles = vec!["Review terhadap Rancangan Awal RKPD 2026".into()];
    t31 = t31.num(NumStyle::Paren, CodeNum::Merged);
    let (n, n1) = ("Rencana Tahun 2026", "Prakiraan Maju Rencana Tahun 2027");
    let c33 = vec![
        col(&["Kode"], Src::Code, 20.0),
        col(
            &["Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan"],
            Src::F("name"),
            40.0,
        ),
        col(&["Indikator Kinerja Program/Kegiatan"], Src::F("ind"), 30.0),
        col(&[n, "Lokasi"], Src::F("lok"), 16.0),
        col(&[n, "Target Capaian Kinerja"], Src::Tu("t26", "u26"), 12.0),
        col(&[n, "Kebutuhan Dana/Pagu Indikatif"], Src::F("p26"), 16.0),
        col(&[n, "Sumber Dana"], Src::F("dana"), 10.0),
        col(&["Catatan Penting"], Src::Empty, 14.0),
        col(&[n1, "Target Capaian Kinerja"], Src::Tu("t27", "u27"), 12.0),
        col(&[n1, "Kebutuhan Dana/Pagu Indikatif"], Src::F("p27"), 16.0),
    ];
    let t33 = Table::new(
        Kind::T33,
        &["Rumusan Rencana Program dan Kegiatan Perangkat Daerah Tahun 2026 dan Prakiraan Maju Tahun 2027"],
        c33,
    )
    .num(NumStyle::Paren, CodeNum::Merged);
    vec![
        sheet("Tabel 2.1", vec![Block::Table(t29_plain())]),
        sheet(
            "BAB III",
            vec![Block::Table(merge), Block::Blank(2), Block::Table(t31)],
        ),
        sheet("BAB IV", vec![Block::Table(t33)]),
    ]
}

/// T-C.33 as a PDF turned into Excel: `Rencana tahun N` / `Prakiraan Maju Tahun N+1` with the
/// year only in the title, forced line breaks inside leaves, the header repeated every 9 rows
/// after a `Halaman N` line, codes with a trailing dot.
fn layout_sc_pdf_pages(_plan: &Plan) -> Vec<SheetSpec> {
    let (n, n1) = ("Rencana tahun N", "Prakiraan Maju Tahun N+1");
    let c33 = vec![
        col(&["Kode"], Src::CodeDot, 18.0),
        col(
            &["Urusan/Bidang Urusan\nPemerintahan Daerah dan\nProgram/Kegiatan"],
            Src::F("name"),
            40.0,
        ),
        col(
            &["Indikator Kinerja\nProgram/Kegiatan"],
            Src::F("ind"),
            30.0,
        ),
        col(&[n, "Lokasi"], Src::F("lok"), 16.0),
        col(
            &[n, "Target\nCapaian\nKinerja"],
            Src::Tu("t26", "u26"),
            12.0,
        ),
        col(&[n, "Kebutuhan\nDana/Pagu\nIndikatif"], Src::F("p26"), 16.0),
        col(&[n, "Sumber\nDana"], Src::F("dana"), 10.0),
        col(&["Catatan\nPenting"], Src::Empty, 14.0),
        col(
            &[n1, "Target\nCapaian\nKinerja"],
            Src::Tu("t27", "u27"),
            12.0,
        ),
        col(
            &[n1, "Kebutuhan\nDana/Pagu\nIndikatif"],
            Src::F("p27"),
            16.0,
        ),
    ];
    let t33 = Table::new(
        Kind::T33,
        &[
            "Rumusan Rencana Program dan Kegiatan Perangkat Daerah Tahun 2026",
            "dan Prakiraan Maju Tahun 2027",
            "Dinas Sosial",
        ],
        c33,
    )
    .page(9, "Halaman")
    .num(NumStyle::Bare, CodeNum::Merged);
    vec![
        sheet("Renja 2026", vec![Block::Table(t33)]),
        sheet("Evaluasi", vec![Block::Table(t29_plain())]),
        sheet("Review", vec![Block::Table(t31_ribuan(false))]),
    ]
}

/// IND (Sumedang): `Fisik`/`Keuangan` instead of K/Rp, no Kode, the four factor columns after
/// the unit column, `(Tahun n-1)` placeholder for the year evaluated with the year only in
/// `Periode Pelaksanaan 2024`, number row `13 = 6 + 12`, `14=13/5x100%`, `15` … `19`.
fn layout_e81_ind(_plan: &Plan) -> Vec<SheetSpec> {
    let mut g = vec![
        eg(
            "Target Renstra Perangkat Daerah pada Tahun 2026 (Akhir Periode Renstra Perangkat Daerah)",
            "5",
            "e5",
        ),
        eg(
            "Realisasi Capaian Kinerja Renstra Perangkat Daerah sampai dengan Renja Perangkat Daerah Tahun Lalu (n-2)",
            "6",
            "e6",
        ),
        eg(
            "Target Kinerja dan Anggaran Renja Perangkat Daerah Tahun berjalan (Tahun n-1) yang dievaluasi",
            "7",
            "e7",
        ),
    ];
    g.extend(quarters(
        "Realisasi Kinerja Pada Triwulan",
        ["I", "II", "III", "IV"],
        8,
    ));
    g.push(eg(
        "Realisasi Capaian Kinerja dan Anggaran Renja Perangkat Daerah yang dievaluasi",
        "12",
        "e12",
    ));
    g.push(eg("Realisasi kinerja dan Anggaran Renstra Perangkat Daerah s/d tahun 2024 (Akhir Tahun Pelaksanaan Renja Perangkat Daerah Tahun 2026)", "13 = 6 + 12", "e13"));
    g.push(eg("Tingkat Capaian Kinerja Dan Realisasi Anggaran Renstra Perangkat Daerah s/d tahun 2024 (%)", "14=13/5x100%", "e14"));
    let e81 = e81_table(
        &[
            "Evaluasi terhadap Hasil Renja",
            "Dinas Sosial Kabupaten Kutai Kartanegara",
            "Periode Pelaksanaan 2024",
        ],
        vec![
            ("No", "1", Src::F("no")),
            ("Sasaran", "2", Src::Empty),
            ("Program / Kegiatan", "3", Src::F("name")),
            (
                "Indikator Kinerja Program (outcome) / Kegiatan (output)",
                "4",
                Src::F("ind"),
            ),
        ],
        g,
        ("Fisik", "Keuangan"),
        vec![
            (
                "Unit Perangkat Daerah Penanggung Jawab",
                "15",
                Src::Const("Dinas Sosial"),
            ),
            ("Faktor pendorong keberhasilan kinerja:", "16", Src::Empty),
            ("Faktor penghambat pencapaian kinerja:", "17", Src::Empty),
            (
                "Tindak lanjut yang diperlukan dalam triwulan berikutnya*):",
                "18",
                Src::Empty,
            ),
            (
                "Tindak lanjut yang diperlukan dalam RKPD berikutnya*):",
                "19",
                Src::Empty,
            ),
        ],
    );
    vec![
        sheet("E81", vec![Block::Table(e81)]),
        sheet("TC29", vec![Block::Table(t29_plain())]),
    ]
}

/// E.81: a flow kegiatan's year figure (12 K) one more than its quarters (C006 on 12 K and on
/// 13 K, which no longer equals 6 + the written 12).
fn plant_e81_k12(code: &'static str) -> Plant {
    Plant {
        what: format!("E.81: {code} realisation 12 K one more than the sum of its quarters"),
        apply: Box::new(move |k, rows| {
            if k == Kind::E81
                && let Some(r) = rows.iter_mut().find(|r| r.key == code)
                && let Some(V::Num(x, dp)) = r.vals.get("e12k").cloned()
            {
                r.vals.insert("e12k", V::Num(x + Decimal::ONE, dp));
            }
        }),
        expect: vec![
            exp(
                "C006",
                vec![loc(Kind::E81, code, "e12k")],
                &format!("E.81 {code}: 12 K is not the sum of the quarters"),
            ),
            exp(
                "C006",
                vec![loc(Kind::E81, code, "e13k")],
                &format!("E.81 {code}: 13 K is not 6 + 12"),
            ),
        ],
    }
}

/// MRS (Bintan): number row `1 2 4 5 … 16` (3 missing, so every group number is one more
/// than the form's), `Target RENSTRA Tahun 2026`, `(N-1)`, caps NO/SASARAN, no formulas in the
/// number row, `Perangkat Daerah Penanggung Jawab`; an E.81 alone with the plan's T-C.33.
fn layout_e81_mrs(_plan: &Plan) -> Vec<SheetSpec> {
    let mut g = vec![
        eg("Target RENSTRA Tahun 2026", "6", "e5"),
        eg(
            "Realisasi Capaian Kinerja RENSTRA s/d Renja Tahun Lalu (2023)",
            "7",
            "e6",
        ),
        eg(
            "Target Kinerja dan Anggaran Renja Tahun Berjalan (N-1) yang Dievaluasi",
            "8",
            "e7",
        ),
    ];
    g.extend(quarters(
        "Realisasi Kinerja pada Triwulan",
        ["I", "II", "III", "IV"],
        9,
    ));
    g.push(eg(
        "Realisasi Capaian Kinerja dan Anggaran Renja",
        "13",
        "e12",
    ));
    g.push(eg(
        "Realisasi Kinerja dan Anggaran Renstra s/d Tahun 2024",
        "14",
        "e13",
    ));
    g.push(eg(
        "Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra s/d Tahun 2024",
        "15",
        "e14",
    ));
    let e81 = e81_table(
        &[
            "Evaluasi Terhadap Hasil Renja Perangkat Daerah",
            "Dinas Sosial Kabupaten Kutai Kartanegara",
            "Periode Pelaksanaan 2024",
            "Indikator dan target kinerja yang mengacu pada sasaran RKPD :",
        ],
        vec![
            ("NO", "1", Src::F("no")),
            ("SASARAN", "2", Src::Empty),
            ("Program/Kegiatan", "4", Src::F("name")),
            (
                "Indikator Kinerja Program (outcome)/Kegiatan (output)",
                "5",
                Src::F("ind"),
            ),
        ],
        g,
        ("K", "Rp"),
        vec![(
            "Perangkat Daerah Penanggung Jawab",
            "16",
            Src::Const("Dinas Sosial"),
        )],
    );
    let (n, n1) = ("Rencana Tahun 2026", "Prakiraan Maju Rencana Tahun 2027");
    let c33 = vec![
        col(&["Kode"], Src::Code, 20.0),
        col(
            &["Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan"],
            Src::F("name"),
            40.0,
        ),
        col(&["Indikator Kinerja Program/Kegiatan"], Src::F("ind"), 30.0),
        col(&[n, "Lokasi"], Src::F("lok"), 16.0),
        col(&[n, "Target Capaian Kinerja"], Src::Tu("t26", "u26"), 12.0),
        col(&[n, "Kebutuhan Dana/Pagu Indikatif"], Src::F("p26"), 16.0),
        col(&[n, "Sumber Dana"], Src::F("dana"), 10.0),
        col(&["Catatan Penting"], Src::Empty, 14.0),
        col(&[n1, "Target Capaian Kinerja"], Src::Tu("t27", "u27"), 12.0),
        col(&[n1, "Kebutuhan Dana/Pagu Indikatif"], Src::F("p27"), 16.0),
    ];
    let t33 = Table::new(
        Kind::T33,
        &["Rumusan Rencana Program dan Kegiatan Perangkat Daerah Tahun 2026 dan Prakiraan Maju Tahun 2027"],
        c33,
    )
    .num(NumStyle::Paren, CodeNum::Merged);
    vec![
        sheet("Evaluasi Renja", vec![Block::Table(e81)]),
        sheet("Renja 2026", vec![Block::Table(t33)]),
    ]
}

/// WP (wp-sipd monev): K split into `Volume` / `Satuan` (three columns per group, percentages
/// two), a leading No numbered `0`, Tujuan and Sasaran columns, the 12/7 column, the number
/// row last (under Volume/Satuan/Rp), `Realisasi … Tahun Lalu` with no year at all.
fn layout_e81_wp(_plan: &Plan) -> Vec<SheetSpec> {
    let mut cols: Vec<Col> = Vec::new();
    let mut cells: Vec<NumCell> = Vec::new();
    for (i, h) in [
        "No",
        "Tujuan",
        "Sasaran",
        "Program, Kegiatan, Sub Kegiatan",
        "Indikator Kinerja Tujuan, Sasaran, Program(outcome) dan Kegiatan (output), Sub Kegiatan",
    ]
    .iter()
    .enumerate()
    {
        let src = match i {
            0 => Src::F("no"),
            3 => Src::F("name"),
            4 => Src::F("ind"),
            _ => Src::Empty,
        };
        cols.push(col(&[h], src, 14.0));
        cells.push(NumCell::N(i as i64, 1));
    }
    let group3 = |cols: &mut Vec<Col>,
                  cells: &mut Vec<NumCell>,
                  g: &str,
                  sub: &str,
                  num: &'static str,
                  f: &str| {
        cols.push(col(
            &[g, sub, "K", "Volume"],
            Src::F(leak(format!("{f}k"))),
            9.0,
        ));
        cols.push(col(&[g, sub, "K", "Satuan"], Src::F("unit"), 9.0));
        cols.push(col(
            &[g, sub, "Rp", "Rp"],
            Src::F(leak(format!("{f}r"))),
            14.0,
        ));
        cells.push(NumCell::S(num, 3));
    };
    let group2 =
        |cols: &mut Vec<Col>, cells: &mut Vec<NumCell>, g: &str, num: &'static str, f: &str| {
            cols.push(col(&[g, g, "K", "K"], Src::F(leak(format!("{f}k"))), 9.0));
            cols.push(col(&[g, g, "Rp", "Rp"], Src::F(leak(format!("{f}r"))), 9.0));
            cells.push(NumCell::S(num, 2));
        };
    let g5 = "Target Renstra SKPD pada Tahun 2022 s/d 2026 (periode Renstra SKPD)";
    group3(&mut cols, &mut cells, g5, g5, "5", "e5");
    let g6 = "Realisasi Capaian Kinerja Renstra SKPD sampai dengan Renja SKPD Tahun Lalu";
    group3(&mut cols, &mut cells, g6, g6, "6", "e6");
    let g7 = "Target kinerja dan anggaran Renja SKPD Tahun Berjalan Tahun 2024 yang dievaluasi";
    group3(&mut cols, &mut cells, g7, g7, "7", "e7");
    let tw = "Realisasi Kinerja Pada Triwulan";
    for (i, (l, n)) in [("I", "8"), ("II", "9"), ("III", "10"), ("IV", "11")]
        .iter()
        .enumerate()
    {
        group3(
            &mut cols,
            &mut cells,
            tw,
            l,
            n,
            ["e8", "e9", "e10", "e11"][i],
        );
    }
    let g12 = "Realisasi Capaian Kinerja dan Anggaran Renja SKPD yang dievaluasi";
    group3(&mut cols, &mut cells, g12, g12, "12 = 8+9+10+11", "e12");
    group2(
        &mut cols,
        &mut cells,
        "Tingkat Capaian Kinerja dan Realisasi Anggaran Renja yang dievaluasi (%)",
        "13 = 12/7x100",
        "e127",
    );
    let g13 = "Realisasi Kinerja dan Anggaran Renstra SKPD s/d Tahun 2024 (Akhir Tahun Pelaksanaan Renja SKPD)";
    group3(&mut cols, &mut cells, g13, g13, "14 = 6 + 12", "e13");
    group2(
        &mut cols,
        &mut cells,
        "Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra SKPD s/d tahun 2024 (%)",
        "15 = 14/5 x100",
        "e14",
    );
    cols.push(col(
        &["Unit OPD Penanggung Jawab"],
        Src::Const("Dinas Sosial"),
        14.0,
    ));
    cells.push(NumCell::N(16, 1));
    cols.push(col(&["Keterangan"], Src::Empty, 14.0));
    cells.push(NumCell::N(17, 1));
    let e81 = Table::new(
        Kind::E81,
        &[
            "Tabel Monitoring dan Evaluasi RENJA",
            "Dinas Sosial Tahun 2024",
        ],
        cols,
    )
    .num_cells(cells);
    vec![
        sheet("Monev Renja", vec![Block::Table(e81)]),
        sheet("Evaluasi Renja", vec![Block::Table(t29_plain())]),
    ]
}

/// TGL (Kota Tegal): sub kegiatan rows under each kegiatan (`Program/ Kegiatan / Sub
/// Kegiatan`), the 12/7 column, `Rp` and `Rp.` mixed, number row `1` … `15` with no formulas,
/// `Form E.81` with trailing spaces, the evaluated year only in `Periode Pelaksanaan 2024`
/// (headers name none), Sasaran PD column.
fn layout_e81_tgl_subs(_plan: &Plan) -> Vec<SheetSpec> {
    let mut g = vec![
        eg(
            "Target Renstra PD pada Tahun 2026 (Akhir Periode Renstra)",
            "5",
            "e5",
        ),
        eg(
            "Realisasi capaian kinerja Renstra PD sampai dengan Tahun 2023",
            "6",
            "e6",
        ),
        eg(
            "Target Kinerja dan Anggaran Renja Tahun Berjalan",
            "7",
            "e7",
        ),
    ];
    g.extend(quarters(
        "Realisasi Kinerja Pada Triwulan",
        ["I", "II", "III", "IV"],
        8,
    ));
    g.push(eg(
        "Realisasi Capaian Kinerja dan Anggaran Renja yang Dievaluasi",
        "12",
        "e12",
    ));
    g.push(eg(
        "Tingkat Capaian Kinerja dan Realisasi Anggaran Renja PD Tahun 2024(%)",
        "13",
        "e127",
    ));
    g.push(eg(
        "Realisasi Kinerja dan Anggaran Renstra PD s/d tahun 2024",
        "14",
        "e13",
    ));
    g.push(eg(
        "Tingkat Capaian Kinerja Dan Realisasi Anggaran Renstra PD s/d tahun 2024 (%)",
        "15",
        "e14",
    ));
    let mut e81 = e81_table(
        &[
            "Form E.81              ",
            "Dinas Sosial",
            "Periode Pelaksanaan 2024",
        ],
        vec![
            ("No.", "1", Src::F("no")),
            ("Sasaran PD", "2", Src::Empty),
            ("Program/ Kegiatan / Sub Kegiatan", "3", Src::F("name")),
            (
                "Indikator Kinerja Program (Outcome) / SubKegiatan (Output)",
                "4",
                Src::F("ind"),
            ),
        ],
        g,
        ("K", "Rp"),
        vec![(
            "Perangkat Daerah Penanggung Jawab",
            "",
            Src::Const("Dinas Sosial"),
        )],
    )
    .e81_subs();
    // TGL mixes `Rp` and `Rp.`: the quarters say `Rp.`.
    for c in e81.cols.iter_mut() {
        if c.head.len() == 4 && c.head[0].starts_with("Realisasi Kinerja Pada") && c.head[3] == "Rp"
        {
            c.head[3] = "Rp.".into();
        }
    }
    vec![
        sheet("T-C.29", vec![Block::Table(t29_plain())]),
        sheet("Form E.81", vec![Block::Table(e81)]),
    ]
}

/// SIR print (Klungkung): no number row at all, KODE over 4 columns, padded ` K ` / ` Rp `
/// and ` I ` labels, `&` for `dan`, the `KSPD` typo, `s./d.`, the 12/7 column, Ket.
fn layout_e81_sir(_plan: &Plan) -> Vec<SheetSpec> {
    let cs = CodeStyle::Split4;
    let mut cols: Vec<Col> = code_cols("KODE", cs)
        .into_iter()
        .map(|mut c| {
            let h = c.head[0].clone();
            c.head = vec![h.clone(), h.clone(), h];
            c
        })
        .collect();
    let single = |h: &str, src: Src| col(&[h, h, h], src, 16.0);
    cols.insert(0, single("No", Src::F("no")));
    cols.push(single(
        "Urusan/Bidang Urusan Pemerintahan Daerah dan Program / Kegiatan",
        Src::F("name"),
    ));
    cols.push(single(
        "Indikator Kinerja Program (Outcome) / Kegiatan(Output)",
        Src::F("ind"),
    ));
    let mut pair = |g: &str, sub: &str, f: &str| {
        cols.push(col(&[g, sub, " K "], Src::F(leak(format!("{f}k"))), 10.0));
        cols.push(col(&[g, sub, " Rp "], Src::F(leak(format!("{f}r"))), 14.0));
    };
    for (g, f) in [
        ("Target Renstra SKPD Pada Tahun 2026", "e5"),
        (
            "Realisasi Capaian Kinerja Renstra SKPD s./d. Renja SKPD Tahun Lalu (2023)",
            "e6",
        ),
        (
            "Target Kinerja & Anggaran Renja SKPD Tahun Berjalan Yang Dievaluasi 2024",
            "e7",
        ),
    ] {
        pair(g, g, f);
    }
    for (l, f) in [
        (" I ", "e8"),
        (" II ", "e9"),
        (" III ", "e10"),
        (" IV ", "e11"),
    ] {
        pair("Realisasi Kinerja Pada Triwulan", l, f);
    }
    for (g, f) in [
        (
            "Realisasi Capaian Kinerja dan Anggaran Renja KSPD Yang Dievaluasi (2024)",
            "e12",
        ),
        (
            "Tingkat Capaian Kinerja & Anggaran Renja SKPD Yang Dievaluasi (2024)",
            "e127",
        ),
        (
            "Realisasi Kinerja & Anggaran Renstra SKPD s/d Tahun Berjalan (2024)",
            "e13",
        ),
        (
            "Tingkat Capaian Kinerja & Realisasi Anggaran Renstra SKPD s/d Tahun 2024 (%)",
            "e14",
        ),
    ] {
        pair(g, g, f);
    }
    cols.push(single(
        "Unit SKPD Penanggung Jawab",
        Src::Const("Dinas Sosial"),
    ));
    cols.push(single("Ket", Src::Empty));
    let e81 = Table::new(
        Kind::E81,
        &["EVALUASI HASIL RENJA SKPD", "TRIWULAN : IV", "TAHUN 2024"],
        cols,
    )
    .code(cs);
    vec![
        sheet("Evaluasi Renja", vec![Block::Table(t29_plain())]),
        sheet("E81", vec![Block::Table(e81)]),
    ]
}
