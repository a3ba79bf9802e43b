//! Builds the sample Rancangan Awal RKPD workbook `samples/rkpd/rancangan-awal-rkpd-2026.xlsx`,
//! the regency plan draft a Bappeda keeps, for `selaras::rkpd`. Shared by
//! `examples/gen_rkpd.rs` (writes the file) and the tests (check the committed file).
//!
//! Layout (one workbook, two sheets):
//! - **Rancangan Awal RKPD**: title rows; a two-row header `Kode | Urusan/Bidang Urusan/
//!   Program/Kegiatan/Sub Kegiatan | Indikator Kinerja | Rencana Tahun 2026 (Lokasi, Target
//!   Capaian Kinerja, Satuan, Pagu Indikatif (Rp), Sumber Dana) | Perangkat Daerah Penanggung
//!   Jawab` with merged groups and a row of column numbers; codes joined
//!   (`1.06.01.2.01.0001`), targets and budgets as number cells, the office named on every row.
//! - **Pagu Indikatif PD**: `No | Perangkat Daerah | Pagu Indikatif / Plafon Tahun 2026 (Rp) |
//!   Keterangan`, one row per office and a closing JUMLAH row.
//!
//! Dinas Sosial's rows are the DRAFT side of the seed's T-C.31 (`samples/data/tc31.csv`, the
//! `r_*` columns), with the codes of the same names in T-C.33 (`samples/data/tc33.csv`, same
//! name under the same parent, repeats in order) and T-C.33's source of funds; its ceiling is its
//! total. Two more offices are made up, and say so in their names: `CONTOH FIKTIF — Dinas
//! Pendidikan` and `CONTOH FIKTIF — Dinas Kesehatan`.
#![allow(dead_code)]

use super::samplegen::{Csv, Formats, formats};
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Workbook, Worksheet};
use selaras::ingest::number::parse_id_number;
use selaras::ingest::rules::normalize;
use selaras::model::plan::name_similarity;
use std::path::Path;

/// Where the sample lives, under `samples/`.
pub const RKPD_SAMPLE: &str = "rkpd/rancangan-awal-rkpd-2026.xlsx";
pub const MAIN_SHEET: &str = "Rancangan Awal RKPD";
pub const PLAFON_SHEET: &str = "Pagu Indikatif PD";
/// Dinas Sosial as the RKPD names it.
pub const DINSOS: &str = "Dinas Sosial";
pub const FICTIVE_PENDIDIKAN: &str = "CONTOH FIKTIF — Dinas Pendidikan";
pub const FICTIVE_KESEHATAN: &str = "CONTOH FIKTIF — Dinas Kesehatan";

/// One plan row of the RKPD.
#[derive(Clone, Debug, Default)]
pub struct RkpdRow {
    pub level: String,
    pub kode: String,
    pub uraian: String,
    pub indikator: String,
    pub lokasi: String,
    pub target: String,
    pub satuan: String,
    pub pagu: String,
    pub sumber_dana: String,
    pub office: String,
}

/// `1.06.01.2.01.01` → `1.06.01.2.01.0001` (sub kegiatan with four digits).
fn canonical(kode: &str) -> String {
    let mut p: Vec<String> = kode.split('.').map(str::to_string).collect();
    if p.len() == 6 {
        p[5] = format!("{:0>4}", p[5]);
    }
    p.join(".")
}

/// The parent of a canonical code (`1.06.01.2.01` → `1.06.01`).
fn parent_code(kode: &str) -> String {
    let p: Vec<&str> = kode.split('.').collect();
    let keep = match p.len() {
        5 => 3,
        n => n.saturating_sub(1),
    };
    p[..keep].join(".")
}

fn depth(level: &str) -> usize {
    match level {
        "urusan" => 0,
        "bidang" => 1,
        "program" => 2,
        "kegiatan" => 3,
        _ => 4,
    }
}

/// Dinas Sosial's rows: T-C.31's draft side with T-C.33's codes.
pub fn dinsos_rows(data_dir: &Path) -> Vec<RkpdRow> {
    let tc31 = Csv::read(&data_dir.join("tc31.csv"));
    let tc33 = Csv::read(&data_dir.join("tc33.csv"));
    // (code, level, name, source of funds, used)
    let mut coded: Vec<(String, String, String, String, bool)> = tc33
        .rows
        .iter()
        .filter(|r| !tc33.get(r, "kode").is_empty())
        .map(|r| {
            (
                canonical(tc33.get(r, "kode")),
                tc33.get(r, "level").to_string(),
                tc33.get(r, "uraian").to_string(),
                tc33.get(r, "sumber_dana").to_string(),
                false,
            )
        })
        .collect();
    let mut stack: Vec<String> = vec![String::new(); 5];
    let mut out = Vec::new();
    for rec in &tc31.rows {
        let level = tc31.get(rec, "level");
        if matches!(level, "#page" | "total" | "") {
            continue;
        }
        let name = tc31.get(rec, "uraian");
        let mut row = RkpdRow {
            level: level.to_string(),
            uraian: name.to_string(),
            indikator: tc31.get(rec, "r_indikator").to_string(),
            lokasi: tc31.get(rec, "r_lokasi").to_string(),
            target: tc31.get(rec, "r_target").to_string(),
            satuan: tc31.get(rec, "r_satuan").to_string(),
            pagu: tc31.get(rec, "r_pagu").to_string(),
            office: DINSOS.to_string(),
            ..RkpdRow::default()
        };
        if !name.is_empty() {
            let d = depth(level);
            let parent = if d == 0 {
                String::new()
            } else {
                stack[d - 1].clone()
            };
            let fits = |c: &(String, String, String, String, bool)| {
                !c.4 && c.1 == level && (d == 0 || parent_code(&c.0) == parent)
            };
            let exact = coded
                .iter()
                .position(|c| fits(c) && normalize(&c.2) == normalize(name));
            let near = || {
                coded
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| fits(c))
                    .map(|(i, c)| (name_similarity(&c.2, name), i))
                    .filter(|(s, _)| *s >= 0.75)
                    .max_by(|a, b| a.0.partial_cmp(&b.0).unwrap())
                    .map(|(_, i)| i)
            };
            let i = exact
                .or_else(near)
                .unwrap_or_else(|| panic!("no T-C.33 code for {level} `{name}` under `{parent}`"));
            coded[i].4 = true;
            row.kode = coded[i].0.clone();
            if level == "sub_kegiatan" {
                row.sumber_dana = coded[i].3.clone();
            }
            stack[d] = row.kode.clone();
        }
        out.push(row);
    }
    out
}

/// The total of Dinas Sosial's programs on the draft side, which is also its ceiling.
pub fn dinsos_total(rows: &[RkpdRow]) -> Decimal {
    rows.iter()
        .filter(|r| r.level == "program" && !r.pagu.is_empty())
        .map(|r| parse_id_number(&r.pagu).expect("pagu").value)
        .sum()
}

#[allow(clippy::too_many_arguments)]
fn fictive(
    office: &str,
    level: &str,
    kode: &str,
    uraian: &str,
    indikator: &str,
    lokasi: &str,
    target: &str,
    satuan: &str,
    pagu: &str,
) -> RkpdRow {
    RkpdRow {
        level: level.into(),
        kode: kode.into(),
        uraian: uraian.into(),
        indikator: indikator.into(),
        lokasi: lokasi.into(),
        target: target.into(),
        satuan: satuan.into(),
        pagu: pagu.into(),
        sumber_dana: if level == "sub_kegiatan" {
            "APBD (CONTOH FIKTIF)".into()
        } else {
            String::new()
        },
        office: office.into(),
    }
}

const URUSAN_WAJIB: &str = "URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR";

/// The made-up offices: rows and ceiling. Names follow the nomenclature; every number is
/// invented.
#[rustfmt::skip]
pub fn fictive_offices() -> Vec<(Vec<RkpdRow>, &'static str)> {
    let p = FICTIVE_PENDIDIKAN;
    let pendidikan = vec![
        fictive(p, "urusan", "1", URUSAN_WAJIB, "", "", "", "", ""),
        fictive(p, "bidang", "1.01", "URUSAN PEMERINTAHAN BIDANG PENDIDIKAN", "", "", "", "", "7.150.000.000"),
        fictive(p, "program", "1.01.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", "Nilai SAKIP Perangkat Daerah", "", "75", "Nilai", "2.150.000.000"),
        fictive(p, "kegiatan", "1.01.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", "Tercapainya Nilai SAKIP", "", "75", "Nilai", "150.000.000"),
        fictive(p, "sub_kegiatan", "1.01.01.2.01.0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah", "Jumlah Dokumen Perencanaan Perangkat Daerah", "Tenggarong", "3", "Dokumen", "150.000.000"),
        fictive(p, "kegiatan", "1.01.01.2.02", "Administrasi Keuangan Perangkat Daerah", "Tersedianya Laporan Keuangan SKPD", "", "12", "Laporan", "2.000.000.000"),
        fictive(p, "sub_kegiatan", "1.01.01.2.02.0001", "Penyediaan Gaji dan Tunjangan ASN", "Jumlah Orang yang Menerima Gaji dan Tunjangan ASN", "Tenggarong", "250", "Orang/Bulan", "2.000.000.000"),
        fictive(p, "program", "1.01.02", "PROGRAM PENGELOLAAN PENDIDIKAN", "Angka Partisipasi Murni SD", "", "98", "Persen", "5.000.000.000"),
        fictive(p, "kegiatan", "1.01.02.2.01", "Pengelolaan Pendidikan Sekolah Dasar", "Jumlah Satuan Pendidikan SD yang Dikelola", "", "10", "Unit", "5.000.000.000"),
        fictive(p, "sub_kegiatan", "1.01.02.2.01.0001", "Pembangunan Unit Sekolah Baru (USB)", "Jumlah Unit Sekolah Baru yang Dibangun", "Loa Kulu", "2", "Unit", "5.000.000.000"),
    ];
    let k = FICTIVE_KESEHATAN;
    let kesehatan = vec![
        fictive(k, "urusan", "1", URUSAN_WAJIB, "", "", "", "", ""),
        fictive(k, "bidang", "1.02", "URUSAN PEMERINTAHAN BIDANG KESEHATAN", "", "", "", "", "3.000.000.000"),
        fictive(k, "program", "1.02.02", "PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT", "Persentase Ibu Hamil yang Mendapatkan Pelayanan Kesehatan", "", "100", "Persen", "3.000.000.000"),
        fictive(k, "kegiatan", "1.02.02.2.02", "Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota", "Jumlah Layanan Kesehatan yang Disediakan", "", "2", "Layanan", "3.000.000.000"),
        fictive(k, "sub_kegiatan", "1.02.02.2.02.0001", "Pengelolaan Pelayanan Kesehatan Ibu Hamil", "Jumlah Ibu Hamil yang Mendapatkan Pelayanan Kesehatan Sesuai Standar", "Seluruh Kecamatan", "1.500", "Orang", "1.200.000.000"),
        fictive(k, "sub_kegiatan", "1.02.02.2.02.0002", "Pengelolaan Pelayanan Kesehatan Ibu Bersalin", "Jumlah Ibu Bersalin yang Mendapatkan Pelayanan Kesehatan Sesuai Standar", "Seluruh Kecamatan", "1.400", "Orang", "1.800.000.000"),
    ];
    vec![(pendidikan, "7.150.000.000"), (kesehatan, "3.250.000.000")]
}

fn write_text(ws: &mut Worksheet, r: u32, c: u16, v: &str, fmt: &Format) {
    if v.is_empty() {
        ws.write_blank(r, c, fmt).unwrap();
    } else {
        ws.write_string_with_format(r, c, v, fmt).unwrap();
    }
}

/// A number written the Indonesian way in the CSV, as a number cell (text when not a number).
fn write_num(ws: &mut Worksheet, r: u32, c: u16, v: &str, f: &Formats, bold: bool) {
    let text_fmt = if bold { &f.bold_text } else { &f.text };
    match parse_id_number(v) {
        _ if v.is_empty() => {
            ws.write_blank(r, c, text_fmt).unwrap();
        }
        Some(n) if !n.percent => {
            let x: f64 = n.value.to_string().parse().unwrap();
            let fmt = if !n.value.fract().is_zero() {
                &f.decimal
            } else if bold {
                &f.bold_amount
            } else {
                &f.amount
            };
            ws.write_number_with_format(r, c, x, fmt).unwrap();
        }
        _ => {
            ws.write_string_with_format(r, c, v, text_fmt).unwrap();
        }
    }
}

fn main_sheet(wb: &mut Workbook, rows: &[RkpdRow], f: &Formats) {
    let ws = wb.add_worksheet();
    ws.set_name(MAIN_SHEET).unwrap();
    for (c, w) in [18.0, 45.0, 40.0, 24.0, 9.0, 12.0, 17.0, 22.0, 30.0]
        .iter()
        .enumerate()
    {
        ws.set_column_width(c as u16, *w).unwrap();
    }
    let titles = [
        "RANCANGAN AWAL RENCANA KERJA PEMERINTAH DAERAH (RKPD) KABUPATEN KUTAI KARTANEGARA TAHUN 2026",
        "Program, Kegiatan dan Sub Kegiatan Prioritas Daerah menurut Perangkat Daerah",
        "Catatan: baris bertanda CONTOH FIKTIF adalah contoh rekaan untuk peragaan, bukan data RKPD yang sebenarnya. Baris Dinas Sosial disalin dari sisi Rancangan Awal RKPD pada Tabel T-C.31 Renja Dinas Sosial 2026.",
    ];
    for (i, t) in titles.iter().enumerate() {
        ws.write_string_with_format(i as u32, 0, *t, &f.title)
            .unwrap();
    }
    let top = titles.len() as u32 + 1;
    for (c, label) in [
        (0u16, "Kode"),
        (1, "Urusan/Bidang Urusan/Program/Kegiatan/Sub Kegiatan"),
        (2, "Indikator Kinerja"),
        (8, "Perangkat Daerah Penanggung Jawab"),
    ] {
        ws.merge_range(top, c, top + 1, c, label, &f.header)
            .unwrap();
    }
    ws.merge_range(top, 3, top, 7, "Rencana Tahun 2026", &f.header)
        .unwrap();
    for (c, label) in [
        (3u16, "Lokasi"),
        (4, "Target Capaian Kinerja"),
        (5, "Satuan"),
        (6, "Pagu Indikatif (Rp)"),
        (7, "Sumber Dana"),
    ] {
        ws.write_string_with_format(top + 1, c, label, &f.header)
            .unwrap();
    }
    for c in 0..9u16 {
        ws.write_number_with_format(top + 2, c, (c + 1) as f64, &f.number_row)
            .unwrap();
    }
    for (i, row) in rows.iter().enumerate() {
        let r = top + 3 + i as u32;
        let bold = row.level != "sub_kegiatan";
        let tf = if bold { &f.bold_text } else { &f.text };
        write_text(ws, r, 0, &row.kode, tf);
        write_text(ws, r, 1, &row.uraian, tf);
        write_text(ws, r, 2, &row.indikator, &f.text);
        write_text(ws, r, 3, &row.lokasi, &f.text);
        write_num(ws, r, 4, &row.target, f, false);
        write_text(ws, r, 5, &row.satuan, &f.text);
        write_num(ws, r, 6, &row.pagu, f, bold);
        write_text(ws, r, 7, &row.sumber_dana, &f.text);
        write_text(ws, r, 8, &row.office, &f.text);
    }
}

fn plafon_sheet(wb: &mut Workbook, ceilings: &[(String, Decimal, &str)], f: &Formats) {
    let ws = wb.add_worksheet();
    ws.set_name(PLAFON_SHEET).unwrap();
    for (c, w) in [6.0, 40.0, 24.0, 60.0].iter().enumerate() {
        ws.set_column_width(c as u16, *w).unwrap();
    }
    ws.write_string_with_format(
        0,
        0,
        "PAGU INDIKATIF (PLAFON) PER PERANGKAT DAERAH TAHUN 2026",
        &f.title,
    )
    .unwrap();
    ws.write_string_with_format(
        1,
        0,
        "Rancangan Awal RKPD Kabupaten Kutai Kartanegara Tahun 2026",
        &f.title,
    )
    .unwrap();
    let top = 3;
    for (c, label) in [
        "No",
        "Perangkat Daerah",
        "Pagu Indikatif / Plafon Tahun 2026 (Rp)",
        "Keterangan",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string_with_format(top, c as u16, *label, &f.header)
            .unwrap();
    }
    let mut r = top + 1;
    let mut total = Decimal::ZERO;
    for (i, (office, cap, note)) in ceilings.iter().enumerate() {
        ws.write_number_with_format(r, 0, (i + 1) as f64, &f.amount)
            .unwrap();
        write_text(ws, r, 1, office, &f.text);
        write_num(ws, r, 2, &cap.to_string(), f, false);
        write_text(ws, r, 3, note, &f.text);
        total += *cap;
        r += 1;
    }
    ws.write_blank(r, 0, &f.bold_text).unwrap();
    write_text(ws, r, 1, "JUMLAH", &f.bold_text);
    write_num(ws, r, 2, &total.to_string(), f, true);
    ws.write_blank(r, 3, &f.bold_text).unwrap();
}

/// Every plan row of the sample, in sheet order (the made-up offices first, by code).
pub fn all_rows(data_dir: &Path) -> Vec<RkpdRow> {
    let mut rows = Vec::new();
    for (r, _) in fictive_offices() {
        rows.extend(r);
    }
    rows.extend(dinsos_rows(data_dir));
    rows
}

/// Writes the sample RKPD workbook from the CSVs in `data_dir`.
pub fn build_rkpd(data_dir: &Path) -> Vec<u8> {
    let f = formats();
    let dinsos = dinsos_rows(data_dir);
    let mut ceilings: Vec<(String, Decimal, &str)> = Vec::new();
    let mut rows = Vec::new();
    for (r, cap) in fictive_offices() {
        ceilings.push((
            r[0].office.clone(),
            parse_id_number(cap).unwrap().value,
            "CONTOH FIKTIF: angka rekaan, bukan data sebenarnya",
        ));
        rows.extend(r);
    }
    ceilings.push((
        DINSOS.to_string(),
        dinsos_total(&dinsos),
        "Sama dengan jumlah pagu indikatif Dinas Sosial pada sisi Rancangan Awal RKPD Tabel T-C.31",
    ));
    rows.extend(dinsos);
    let mut wb = Workbook::new();
    main_sheet(&mut wb, &rows, &f);
    plafon_sheet(&mut wb, &ceilings, &f);
    wb.save_to_buffer().expect("rkpd workbook")
}
