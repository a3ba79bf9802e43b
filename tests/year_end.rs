//! Year end: a folder of offices' workbooks, some with their E.81, checked in one run. The
//! Ringkasan gains an `Evaluasi Renja` sheet: one row per office with its mean capaian,
//! predikat and Rp realisation, and the offices whose files hold no E.81 listed as missing.

use calamine::{Data, Reader, Xlsx, open_workbook};
use rust_xlsxwriter::Workbook;
use std::path::Path;
use std::process::Command;

const HEADER: &[&str] = &[
    "No",
    "Program/Kegiatan",
    "Indikator Kinerja",
    "Satuan",
    "Target Renstra K",
    "Target Renstra Rp",
    "Realisasi Capaian Kinerja Renstra s/d Tahun Lalu K",
    "Realisasi Capaian Kinerja Renstra s/d Tahun Lalu Rp",
    "Target Kinerja dan Anggaran Renja K",
    "Target Kinerja dan Anggaran Renja Rp",
    "Realisasi Kinerja Triwulan I K",
    "Realisasi Kinerja Triwulan I Rp",
    "Realisasi Kinerja Triwulan II K",
    "Realisasi Kinerja Triwulan II Rp",
    "Realisasi Kinerja Triwulan III K",
    "Realisasi Kinerja Triwulan III Rp",
    "Realisasi Kinerja Triwulan IV K",
    "Realisasi Kinerja Triwulan IV Rp",
    "Realisasi Capaian Kinerja dan Anggaran Renja yang Dievaluasi K",
    "Realisasi Capaian Kinerja dan Anggaran Renja yang Dievaluasi Rp",
    "Realisasi Kinerja dan Anggaran Renstra s/d Tahun Ini K",
    "Realisasi Kinerja dan Anggaran Renstra s/d Tahun Ini Rp",
    "Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra (%) K",
    "Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra (%) Rp",
];

/// An office's E.81 with two consistent sub kegiatan rows: capaian 80 % and 100 % (mean 90,
/// `tinggi`), Rp 85 + 90 million realised of 90 + 100 million.
fn e81(path: &Path, office: &str) {
    let rows: [[f64; 20]; 2] = [
        [
            50.0, 500e6, 30.0, 300e6, 10.0, 90e6, 2.0, 10e6, 3.0, 25e6, 3.0, 30e6, 2.0, 20e6, 10.0,
            85e6, 40.0, 385e6, 80.0, 77.0,
        ],
        [
            20.0, 200e6, 10.0, 110e6, 10.0, 100e6, 2.0, 20e6, 3.0, 20e6, 3.0, 30e6, 2.0, 20e6,
            10.0, 90e6, 20.0, 200e6, 100.0, 100.0,
        ],
    ];
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("Formulir E.81").unwrap();
    ws.write(0, 0, "Evaluasi terhadap Hasil Renja Perangkat Daerah")
        .unwrap();
    ws.write(1, 0, office).unwrap();
    ws.write(2, 0, "Periode Pelaksanaan 2026").unwrap();
    for (c, h) in HEADER.iter().enumerate() {
        ws.write(4, c as u16, *h).unwrap();
    }
    for (i, vals) in rows.iter().enumerate() {
        let r = 5 + i as u32;
        ws.write(r, 0, (i + 1) as f64).unwrap();
        ws.write(r, 1, format!("Sub Kegiatan {}", i + 1)).unwrap();
        ws.write(r, 2, "Jumlah Dokumen").unwrap();
        ws.write(r, 3, "Dokumen").unwrap();
        for (j, v) in vals.iter().enumerate() {
            ws.write(r, 4 + j as u16, *v).unwrap();
        }
    }
    ws.write(8, 0, "Rata-rata capaian kinerja (%)").unwrap();
    ws.write(8, 22, 90.0).unwrap();
    ws.write(9, 0, "Predikat kinerja").unwrap();
    ws.write(9, 22, "Tinggi").unwrap();
    wb.save(path).unwrap();
}

#[test]
fn a_year_end_batch_lists_each_office_with_its_capaian_and_the_missing_ones() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("masuk");
    std::fs::create_dir(&input).unwrap();
    e81(
        &input.join("e81-dinkes.xlsx"),
        "DINAS KESEHATAN KABUPATEN CONTOH",
    );
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/renja-dinsos-kukar-2026.xlsx"),
        input.join("renja-dinsos.xlsx"),
    )
    .unwrap();
    let out = dir.path().join("keluar");
    let run = Command::new(env!("CARGO_BIN_EXE_selaras"))
        .args([
            "check",
            input.to_str().unwrap(),
            "--quiet",
            "--fail-on",
            "never",
        ])
        .args(["--out", out.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stdout)
    );
    // The E.81 itself is consistent: no error or warning on it.
    let text = String::from_utf8_lossy(&run.stdout);
    let line = text.lines().find(|l| l.contains("e81-dinkes")).unwrap();
    assert!(line.contains(": 0 galat, 0 peringatan"), "{line}");

    let mut wb: Xlsx<_> = open_workbook(out.join("ringkasan.xlsx")).unwrap();
    let sheet = wb.worksheet_range("Evaluasi Renja").unwrap();
    let rows: Vec<Vec<String>> = sheet
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::Float(f) => format!("{f}"),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect();
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert_eq!(rows[1][0], "DINAS KESEHATAN KABUPATEN CONTOH");
    assert_eq!(
        &rows[1][2..8],
        ["2026", "90", "tinggi", "190000000", "175000000", "92.11"]
    );
    assert_eq!(rows[2][0], "DINAS SOSIAL KABUPATEN KUTAI KARTANEGARA");
    assert_eq!(rows[2][1], "E.81 tidak ditemukan");
}
