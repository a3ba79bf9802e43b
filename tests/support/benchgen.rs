//! Synthetic office workbooks for benchmarks and scale tests: the same tables and layouts as
//! the samples (through `samplegen`), with a generated hierarchy of the requested size,
//! deterministic pseudo-random amounts that add up, and a few planted errors.
#![allow(dead_code)]

use super::samplegen::{Csv, Layout, build_from};
use rust_decimal::Decimal;
use selaras::ingest::number::format_id;

/// A small deterministic generator (xorshift), so the same seed gives the same workbook.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }
}

const UNITS: [&str; 6] = ["Dokumen", "Laporan", "Orang", "Paket", "Unit", "Kegiatan"];
const BIDANG: [(&str, &str); 6] = [
    ("1.01", "PENDIDIKAN"),
    ("1.02", "KESEHATAN"),
    ("1.03", "PEKERJAAN UMUM DAN PENATAAN RUANG"),
    ("1.05", "KETENTERAMAN DAN KETERTIBAN UMUM"),
    ("1.06", "SOSIAL"),
    ("2.07", "PERHUBUNGAN"),
];

struct Sub {
    code: String,
    name: String,
    indicator: String,
    target: u64,
    unit: &'static str,
    pagu_n: Decimal,
    pagu_n1: Decimal,
}

struct Keg {
    code: String,
    name: String,
    subs: Vec<Sub>,
}

struct Prog {
    code: String,
    name: String,
    kegs: Vec<Keg>,
}

fn hierarchy(seed: u64, n_sub: usize) -> (String, String, Vec<Prog>) {
    let mut rng = Rng(seed.wrapping_mul(0x9E3779B97F4A7C15) | 1);
    let (bidang, bname) = BIDANG[(seed as usize) % BIDANG.len()];
    let mut progs = Vec::new();
    let mut made = 0usize;
    let mut p = 0;
    // A program code has two digits, a kegiatan number two, a sub kegiatan number four: a
    // large table fills every kegiatan number of a program, so no code repeats up to ~98,000
    // sub kegiatan (a repeated code would be measured as a duplicate-code finding per row).
    let large = n_sub > 3_000;
    while made < n_sub {
        p += 1;
        assert!(p < 100, "{n_sub} sub kegiatan do not fit 99 program codes");
        let mut kegs = Vec::new();
        let nk = if large { 99 } else { rng.range(2, 8) as usize };
        for k in 1..=nk {
            if made >= n_sub {
                break;
            }
            let (lo, hi) = if large { (10, 14) } else { (3, 12) };
            let ns = (rng.range(lo, hi) as usize).min(n_sub - made);
            let mut subs = Vec::new();
            for s in 1..=ns {
                let pagu_n = Decimal::from(rng.range(10, 2_000) * 1_000_000);
                let pagu_n1 = pagu_n + Decimal::from(rng.range(0, 100) * 1_000_000);
                let unit = UNITS[rng.range(0, 5) as usize];
                subs.push(Sub {
                    code: format!("{bidang}.{:02}.2.{:02}.{:04}", p, k, s),
                    name: format!("Sub Kegiatan Contoh {p}.{k}.{s} Pelayanan {bname}"),
                    indicator: format!("Jumlah {unit} Hasil Sub Kegiatan {p}.{k}.{s}"),
                    target: rng.range(1, 500),
                    unit,
                    pagu_n,
                    pagu_n1,
                });
                made += 1;
            }
            kegs.push(Keg {
                code: format!("{bidang}.{:02}.2.{:02}", p, k),
                name: format!("Kegiatan Contoh {p}.{k} Bidang {bname}"),
                subs,
            });
        }
        progs.push(Prog {
            code: format!("{bidang}.{:02}", p),
            name: format!("PROGRAM CONTOH {p} BIDANG {bname}"),
            kegs,
        });
    }
    (
        bidang.to_string(),
        format!("URUSAN PEMERINTAHAN BIDANG {bname}"),
        progs,
    )
}

fn csv(header: &str, rows: Vec<Vec<String>>) -> Csv {
    Csv {
        header: header.split(',').map(str::to_string).collect(),
        rows,
    }
}

fn sum<'a>(it: impl Iterator<Item = &'a Sub>, f: impl Fn(&Sub) -> Decimal) -> Decimal {
    it.map(f).sum()
}

/// One office workbook with T-C.33, T-C.31 and the proposal table (and T-C.33 only when
/// `only_tc33`). `plant` plants two errors: a kegiatan budget off by Rp 1.000.000 in T-C.33 and
/// one analysis target changed in T-C.31.
pub fn office_workbook(
    seed: u64,
    n_sub: usize,
    layout: Layout,
    plant: bool,
    only_tc33: bool,
) -> Vec<u8> {
    let (bidang, bname, progs) = hierarchy(seed, n_sub);
    let all = || {
        progs
            .iter()
            .flat_map(|p| p.kegs.iter().flat_map(|k| k.subs.iter()))
    };
    let total_n = sum(all(), |s| s.pagu_n);
    let total_n1 = sum(all(), |s| s.pagu_n1);
    let f = |d: Decimal| format_id(&d);
    let mut t33 = vec![
        vec![
            "1".into(),
            "urusan".into(),
            "URUSAN PEMERINTAHAN WAJIB".into(),
        ],
        vec![
            bidang.clone(),
            "bidang".into(),
            bname.clone(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            f(total_n),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            f(total_n1),
        ],
    ];
    let mut t31 = vec![
        vec!["urusan".into(), "URUSAN PEMERINTAHAN WAJIB".into()],
        vec![
            "bidang".into(),
            bname.clone(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            f(total_n),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            f(total_n),
        ],
    ];
    let mut us = vec![
        vec![
            "urusan".into(),
            String::new(),
            "URUSAN PEMERINTAHAN WAJIB".into(),
        ],
        vec!["bidang".into(), String::new(), bname.clone()],
    ];
    let mut no = 0;
    for (pi, p) in progs.iter().enumerate() {
        let pn = sum(p.kegs.iter().flat_map(|k| k.subs.iter()), |s| s.pagu_n);
        let pn1 = sum(p.kegs.iter().flat_map(|k| k.subs.iter()), |s| s.pagu_n1);
        t33.push(vec![
            p.code.clone(),
            "program".into(),
            p.name.clone(),
            "Nilai Kinerja Program".into(),
            String::new(),
            "80".into(),
            "Nilai".into(),
            f(pn),
            String::new(),
            String::new(),
            "82".into(),
            "Nilai".into(),
            f(pn1),
        ]);
        t31.push(vec![
            "program".into(),
            p.name.clone(),
            String::new(),
            "Nilai Kinerja Program".into(),
            "80".into(),
            "Nilai".into(),
            f(pn),
            String::new(),
            "Nilai Kinerja Program".into(),
            "80".into(),
            "Nilai".into(),
            f(pn),
        ]);
        us.push(vec!["program".into(), String::new(), p.name.clone()]);
        for (ki, k) in p.kegs.iter().enumerate() {
            let mut kn = sum(k.subs.iter(), |s| s.pagu_n);
            let kn1 = sum(k.subs.iter(), |s| s.pagu_n1);
            let kn31 = kn;
            if plant && pi == 0 && ki == 0 {
                kn += Decimal::from(1_000_000);
            }
            t33.push(vec![
                k.code.clone(),
                "kegiatan".into(),
                k.name.clone(),
                "Persentase Layanan".into(),
                String::new(),
                "100".into(),
                "Persen".into(),
                f(kn),
                String::new(),
                String::new(),
                "100".into(),
                "Persen".into(),
                f(kn1),
            ]);
            t31.push(vec![
                "kegiatan".into(),
                k.name.clone(),
                String::new(),
                "Persentase Layanan".into(),
                "100".into(),
                "Persen".into(),
                f(kn31),
                String::new(),
                "Persentase Layanan".into(),
                "100".into(),
                "Persen".into(),
                f(kn31),
            ]);
            us.push(vec!["kegiatan".into(), String::new(), k.name.clone()]);
            for (si, s) in k.subs.iter().enumerate() {
                let t = s.target.to_string();
                t33.push(vec![
                    s.code.clone(),
                    "sub_kegiatan".into(),
                    s.name.clone(),
                    s.indicator.clone(),
                    "Kab. Contoh".into(),
                    t.clone(),
                    s.unit.into(),
                    f(s.pagu_n),
                    "APBD".into(),
                    "P1 = Wajib dan Mengikat".into(),
                    t.clone(),
                    s.unit.into(),
                    f(s.pagu_n1),
                ]);
                let at = if plant && pi == 0 && ki == 0 && si == 0 {
                    (s.target + 1).to_string()
                } else {
                    t.clone()
                };
                t31.push(vec![
                    "sub_kegiatan".into(),
                    s.name.clone(),
                    "Kab. Contoh".into(),
                    s.indicator.clone(),
                    t.clone(),
                    s.unit.into(),
                    f(s.pagu_n),
                    "Kab. Contoh".into(),
                    s.indicator.clone(),
                    at,
                    s.unit.into(),
                    f(s.pagu_n),
                    String::new(),
                ]);
                no += 1;
                us.push(vec![
                    "sub_kegiatan".into(),
                    no.to_string(),
                    s.name.clone(),
                    s.indicator.clone(),
                    "Kab. Contoh".into(),
                    t.clone(),
                    s.unit.into(),
                    String::new(),
                ]);
            }
        }
    }
    let pad = |mut rows: Vec<Vec<String>>, n: usize| {
        for r in rows.iter_mut() {
            r.resize(n, String::new());
        }
        rows
    };
    let mut tables = vec![(
        "tc33.csv".to_string(),
        csv(
            "kode,level,uraian,indikator,lokasi,target_2026,satuan_2026,pagu_2026,sumber_dana,catatan_penting,target_2027,satuan_2027,pagu_2027,line",
            pad(t33, 14),
        ),
    )];
    if !only_tc33 {
        tables.push(("tc31.csv".to_string(), csv("level,uraian,r_lokasi,r_indikator,r_target,r_satuan,r_pagu,a_lokasi,a_indikator,a_target,a_satuan,a_pagu,catatan_penting,line", pad(t31, 14))));
        tables.push((
            "usulan_program.csv".to_string(),
            csv(
                "level,no,uraian,keluaran,lokasi,volume,satuan,keterangan,line",
                pad(us, 9),
            ),
        ));
    }
    let office = format!(
        "DINAS CONTOH {} {}",
        seed,
        bname.trim_start_matches("URUSAN PEMERINTAHAN BIDANG ")
    );
    let n_keg: usize = progs.iter().map(|p| p.kegs.len()).sum();
    let counts = format!(
        "Program dan kegiatan yang akan dilaksanakan {office} pada tahun 2026 meliputi {} program yang dilaksanakan dalam {n_keg} kegiatan, dan {n_sub} sub kegiatan.",
        progs.len()
    );
    let total = format!(
        "Total kebutuhan dana / pagu indikatif pada Rancangan Awal RENJA Tahun 2026 adalah sebesar Rp. {},-",
        f(total_n)
    );
    build_from(&tables, layout, &office, (&counts, &total))
}
