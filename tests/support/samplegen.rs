//! Builds the sample workbooks in `samples/` from the reviewable transcription in
//! `samples/data/*.csv` (one CSV per table of the seed document, values exactly as the document
//! writes them). Shared by `examples/gen_samples.rs` (writes the files) and the tests (check the
//! committed files are what the CSVs say).
//!
//! Two layouts, so ingest is never tuned to one:
//! - `Layout::Staff`: what the office keeps — title rows, two-row headers with merged groups, a
//!   row of column numbers, codes split over five columns (`1 | 06 | 01 | 2,01 | 01`, the
//!   kegiatan as a number cell 2.01 shown `0.00`), budgets as number cells `#,##0`, target and
//!   unit in two cells, the T-C.29 header repeated at every printed page (`Lembar : N`).
//! - `Layout::Alt`: another office's habits — other sheet names and header wording, codes
//!   joined (`1.06.01.2.01.0001`), numbers stored as Indonesian text (`15.387.210.499`,
//!   `92,45`), target and unit in one cell, some columns in another order, one-row headers.
#![allow(dead_code)]

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet};
use selaras::ingest::number::parse_id_number;
use std::path::Path;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Layout {
    Staff,
    Alt,
}

/// One CSV as header names and rows of strings.
pub struct Csv {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Csv {
    pub fn read(path: &Path) -> Csv {
        let mut r =
            csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let header = r.headers().unwrap().iter().map(str::to_string).collect();
        let rows = r
            .records()
            .map(|rec| rec.unwrap().iter().map(str::to_string).collect())
            .collect();
        Csv { header, rows }
    }

    pub fn col(&self, name: &str) -> usize {
        self.header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    }

    pub fn get<'a>(&self, row: &'a [String], name: &str) -> &'a str {
        row[self.col(name)].as_str()
    }
}

/// How one sheet column is filled from a CSV row.
#[derive(Clone)]
enum Src {
    /// Text as written.
    Text(&'static str),
    /// A number (number cell in Staff, Indonesian text in Alt); not a number → text.
    Num(&'static str, &'static str),
    /// One segment of the split code (0 urusan … 4 sub kegiatan), from the joined `kode`.
    CodePart(usize),
    /// The whole code joined with dots, sub kegiatan padded to four digits.
    CodeJoined,
    /// Target and unit in one cell: `120 Orang/Bulan`.
    TargetUnit(&'static str, &'static str),
}

struct Col {
    group: Option<String>,
    label: String,
    src: Src,
    width: f64,
}

fn col(group: Option<&str>, label: &str, src: Src, width: f64) -> Col {
    Col {
        group: group.map(str::to_string),
        label: label.to_string(),
        src,
        width,
    }
}

struct SheetSpec {
    name: String,
    titles: Vec<String>,
    cols: Vec<Col>,
    numbering: bool,
    /// Repeat the header at `#page` rows, after a furniture row with this text and the page no.
    page_repeat: Option<String>,
    /// Text written under the table (e.g. the stated total).
    footer: Vec<String>,
}

pub struct Formats {
    pub title: Format,
    pub header: Format,
    pub number_row: Format,
    pub text: Format,
    pub bold_text: Format,
    pub amount: Format,
    pub bold_amount: Format,
    pub decimal: Format,
    pub kegiatan_code: Format,
    pub two_digit: Format,
}

pub fn formats() -> Formats {
    let border = |f: Format| f.set_border(FormatBorder::Thin);
    Formats {
        title: Format::new().set_bold(),
        header: border(
            Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_background_color(0xD9E1F2),
        ),
        number_row: border(Format::new().set_italic().set_align(FormatAlign::Center)),
        text: border(Format::new().set_text_wrap().set_align(FormatAlign::Top)),
        bold_text: border(
            Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top),
        ),
        amount: border(
            Format::new()
                .set_num_format("#,##0")
                .set_align(FormatAlign::Top),
        ),
        bold_amount: border(
            Format::new()
                .set_bold()
                .set_num_format("#,##0")
                .set_align(FormatAlign::Top),
        ),
        decimal: border(
            Format::new()
                .set_num_format("#,##0.00")
                .set_align(FormatAlign::Top),
        ),
        kegiatan_code: border(
            Format::new()
                .set_num_format("0.00")
                .set_align(FormatAlign::Top),
        ),
        two_digit: border(
            Format::new()
                .set_num_format("00")
                .set_align(FormatAlign::Top),
        ),
    }
}

/// Segments of a joined CSV code `1.06.01.2.01.01` → [`1`, `06`, `01`, `2.01`, `01`].
fn code_parts(kode: &str) -> Vec<String> {
    let p: Vec<&str> = kode.split('.').filter(|s| !s.is_empty()).collect();
    let mut out: Vec<String> = p.iter().take(3).map(|s| s.to_string()).collect();
    if p.len() >= 5 {
        out.push(format!("{}.{}", p[3], p[4]));
    }
    if p.len() >= 6 {
        out.push(p[5].to_string());
    }
    out
}

fn is_bold_level(level: &str) -> bool {
    matches!(
        level,
        "urusan" | "bidang" | "program" | "kegiatan" | "total"
    )
}

fn level_of(csv: &Csv, row: &[String]) -> String {
    if csv.header.iter().any(|h| h == "level") {
        csv.get(row, "level").to_string()
    } else if csv.header.iter().any(|h| h == "kode") {
        match code_parts(csv.get(row, "kode")).len() {
            0 => String::new(),
            1 => "urusan".into(),
            2 => "bidang".into(),
            3 => "program".into(),
            4 => "kegiatan".into(),
            _ => "sub_kegiatan".into(),
        }
    } else {
        String::new()
    }
}

fn write_header(ws: &mut Worksheet, spec: &SheetSpec, top: u32, f: &Formats) -> u32 {
    let two_rows = spec.cols.iter().any(|c| c.group.is_some());
    let mut c = 0usize;
    while c < spec.cols.len() {
        let col = &spec.cols[c];
        match &col.group {
            Some(g) => {
                let mut end = c;
                while end + 1 < spec.cols.len() && spec.cols[end + 1].group.as_deref() == Some(g) {
                    end += 1;
                }
                if end > c {
                    ws.merge_range(top, c as u16, top, end as u16, g, &f.header)
                        .unwrap();
                } else {
                    ws.write_string_with_format(top, c as u16, g, &f.header)
                        .unwrap();
                }
                // Leaf labels under the group; equal neighbouring labels merge (e.g. KODE).
                let mut k = c;
                while k <= end {
                    let mut kend = k;
                    while kend < end && spec.cols[kend + 1].label == spec.cols[k].label {
                        kend += 1;
                    }
                    if kend > k {
                        ws.merge_range(
                            top + 1,
                            k as u16,
                            top + 1,
                            kend as u16,
                            &spec.cols[k].label,
                            &f.header,
                        )
                        .unwrap();
                    } else {
                        ws.write_string_with_format(
                            top + 1,
                            k as u16,
                            &spec.cols[k].label,
                            &f.header,
                        )
                        .unwrap();
                    }
                    k = kend + 1;
                }
                c = end + 1;
            }
            None => {
                // A label without group: merged down over both header rows; equal labels side
                // by side (the code columns) merge across.
                let mut end = c;
                while end + 1 < spec.cols.len()
                    && spec.cols[end + 1].group.is_none()
                    && spec.cols[end + 1].label == col.label
                {
                    end += 1;
                }
                let bottom = if two_rows { top + 1 } else { top };
                if end > c || bottom > top {
                    ws.merge_range(top, c as u16, bottom, end as u16, &col.label, &f.header)
                        .unwrap();
                } else {
                    ws.write_string_with_format(top, c as u16, &col.label, &f.header)
                        .unwrap();
                }
                c = end + 1;
            }
        }
    }
    let mut next = if two_rows { top + 2 } else { top + 1 };
    if spec.numbering {
        // Column numbers; the code columns share number 1.
        let mut n = 0;
        let mut prev_label = "";
        for (i, col) in spec.cols.iter().enumerate() {
            if !(matches!(col.src, Src::CodePart(_)) && prev_label == col.label && i > 0) {
                n += 1;
            }
            prev_label = &col.label;
            ws.write_number_with_format(next, i as u16, n as f64, &f.number_row)
                .unwrap();
        }
        next += 1;
    }
    next
}

#[allow(clippy::too_many_arguments)] // one cell: where, how, what and in which layout
fn write_value(
    ws: &mut Worksheet,
    layout: Layout,
    row: u32,
    c: u16,
    src: &Src,
    csv: &Csv,
    rec: &[String],
    bold: bool,
    f: &Formats,
) {
    let text_fmt = if bold { &f.bold_text } else { &f.text };
    match src {
        Src::Text(name) => {
            let v = csv.get(rec, name);
            if !v.is_empty() {
                ws.write_string_with_format(row, c, v, text_fmt).unwrap();
            } else {
                ws.write_blank(row, c, text_fmt).unwrap();
            }
        }
        Src::Num(name, kind) => {
            let v = csv.get(rec, name);
            if v.is_empty() {
                ws.write_blank(row, c, text_fmt).unwrap();
                return;
            }
            match (layout, parse_id_number(v)) {
                (Layout::Staff, Some(n)) if !n.percent => {
                    let x: f64 = n.value.to_string().parse().unwrap();
                    let fmt = match (*kind, bold) {
                        ("amount", true) => &f.bold_amount,
                        ("amount", false) => &f.amount,
                        _ if n.value.fract().is_zero() && !v.contains(',') => &f.amount,
                        _ => &f.decimal,
                    };
                    ws.write_number_with_format(row, c, x, fmt).unwrap();
                }
                _ => {
                    ws.write_string_with_format(row, c, v, text_fmt).unwrap();
                }
            }
        }
        Src::CodePart(i) => {
            let parts = code_parts(csv.get(rec, "kode"));
            let Some(p) = parts.get(*i) else {
                ws.write_blank(row, c, text_fmt).unwrap();
                return;
            };
            match i {
                // urusan and program as number cells (program shown with its leading zero).
                0 => ws
                    .write_number_with_format(row, c, p.parse::<f64>().unwrap_or(0.0), &f.amount)
                    .map(|_| ())
                    .unwrap(),
                2 => ws
                    .write_number_with_format(row, c, p.parse::<f64>().unwrap_or(0.0), &f.two_digit)
                    .map(|_| ())
                    .unwrap(),
                // kegiatan as the number 2.01, shown 2,01.
                3 => ws
                    .write_number_with_format(
                        row,
                        c,
                        p.parse::<f64>().unwrap_or(0.0),
                        &f.kegiatan_code,
                    )
                    .map(|_| ())
                    .unwrap(),
                // bidang and sub kegiatan as text with the leading zero.
                _ => ws
                    .write_string_with_format(row, c, p, text_fmt)
                    .map(|_| ())
                    .unwrap(),
            }
        }
        Src::CodeJoined => {
            let parts = code_parts(csv.get(rec, "kode"));
            if parts.is_empty() {
                ws.write_blank(row, c, text_fmt).unwrap();
                return;
            }
            let mut p = parts.clone();
            if p.len() == 5 {
                p[4] = format!("{:0>4}", p[4]);
            }
            ws.write_string_with_format(row, c, p.join("."), text_fmt)
                .unwrap();
        }
        Src::TargetUnit(t, u) => {
            let (t, u) = (csv.get(rec, t), csv.get(rec, u));
            let v = match (t.is_empty(), u.is_empty()) {
                (true, _) => String::new(),
                (false, true) => t.to_string(),
                (false, false) => format!("{t} {u}"),
            };
            if v.is_empty() {
                ws.write_blank(row, c, text_fmt).unwrap();
            } else {
                ws.write_string_with_format(row, c, &v, text_fmt).unwrap();
            }
        }
    }
}

fn write_sheet(wb: &mut Workbook, layout: Layout, spec: &SheetSpec, csv: &Csv, f: &Formats) {
    let ws = wb.add_worksheet();
    ws.set_name(&spec.name).unwrap();
    for (i, c) in spec.cols.iter().enumerate() {
        ws.set_column_width(i as u16, c.width).unwrap();
    }
    let mut row = 0u32;
    for t in &spec.titles {
        ws.write_string_with_format(row, 0, t, &f.title).unwrap();
        row += 1;
    }
    row += 1;
    row = write_header(ws, spec, row, f);
    let mut page = 1;
    for rec in &csv.rows {
        let first = rec[0].as_str();
        if first == "#page" {
            if let Some(furniture) = &spec.page_repeat {
                page += 1;
                row += 1;
                ws.write_string_with_format(
                    row,
                    0,
                    format!("{furniture}    Lembar : {page}"),
                    &f.title,
                )
                .unwrap();
                row += 1;
                row = write_header(ws, spec, row, f);
            }
            continue;
        }
        let level = level_of(csv, rec);
        let bold = is_bold_level(&level);
        for (i, c) in spec.cols.iter().enumerate() {
            write_value(ws, layout, row, i as u16, &c.src, csv, rec, bold, f);
        }
        row += 1;
    }
    row += 1;
    for t in &spec.footer {
        ws.write_string(row, 0, t).unwrap();
        row += 1;
    }
}

const OFFICE: &str = "DINAS SOSIAL KABUPATEN KUTAI KARTANEGARA";

/// The seed's statements of counts (section 2.5) and of the total budget (before T-C.33).
pub const SEED_STATEMENTS: (&str, &str) = (
    "Program dan kegiatan yang akan dilaksanakan Dinas Sosial Kabupaten Kutai Kartanegara pada tahun 2026 meliputi 7 (Tujuh) program yang dilaksanakan dalam 18 (Delapan Belas) kegiatan, dan 76 (Tujuh Puluh Enam) sub kegiatan.",
    "Total kebutuhan dana / pagu indikatif pada Rancangan Awal RENJA Tahun 2026 adalah sebesar Rp. 37.118.380.499,-",
);

fn specs(layout: Layout, office: &str, statements: (&str, &str)) -> Vec<(&'static str, SheetSpec)> {
    let g = Some;
    let staff = layout == Layout::Staff;
    let num = |n: &'static str| Src::Num(n, "number");
    let amt = |n: &'static str| Src::Num(n, "amount");
    let code_cols = |label: &str| -> Vec<Col> {
        if staff {
            (0..5)
                .map(|i| {
                    col(
                        None,
                        label,
                        Src::CodePart(i),
                        if i == 3 { 6.0 } else { 4.0 },
                    )
                })
                .collect()
        } else {
            vec![col(None, "Kode Rekening", Src::CodeJoined, 18.0)]
        }
    };
    let mut out = Vec::new();

    // T-C.29 -------------------------------------------------------------------------------
    let mut cols = code_cols("Kode");
    if staff {
        cols.extend([
            col(None, "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan", Src::Text("uraian"), 40.0),
            col(None, "Indikator Kinerja Program (outcome)/ Kegiatan (output)", Src::Text("indikator"), 30.0),
            col(None, "Target Kinerja Capaian Program (Renstra-PD) Tahun 2026", num("k4"), 12.0),
            col(None, "Realisasi Target Kinerja Hasil Program dan Keluaran Kegiatan s/d dengan tahun 2023", num("k5"), 12.0),
            col(g("Target dan Realisasi Kinerja Program dan Kegiatan Tahun Lalu (2024)"), "Target Renja-PD tahun (2024)", num("k6"), 12.0),
            col(g("Target dan Realisasi Kinerja Program dan Kegiatan Tahun Lalu (2024)"), "Realisasi Renja-PD tahun (2024)", num("k7"), 12.0),
            col(g("Target dan Realisasi Kinerja Program dan Kegiatan Tahun Lalu (2024)"), "Tingkat Realisasi (%)", num("k8"), 10.0),
            col(None, "Target program dan kegiatan (Renja-PD tahun berjalan 2025)", num("k9"), 12.0),
            col(None, "Realisasi Capaian Program dan Kegiatan s/d tahun berjalan (tahun 2025)", num("k10"), 12.0),
            col(None, "Tingkat Capaian Realisasi Target Renstra (%)", num("k11"), 12.0),
        ]);
    } else {
        cols.extend([
            col(None, "Uraian Program / Kegiatan", Src::Text("uraian"), 40.0),
            col(None, "Indikator", Src::Text("indikator"), 30.0),
            col(None, "Target Renstra 2021-2026", num("k4"), 12.0),
            col(None, "Realisasi s.d. 2023", num("k5"), 12.0),
            col(None, "Target Renja 2024", num("k6"), 12.0),
            col(None, "Realisasi Renja 2024", num("k7"), 12.0),
            col(None, "Tingkat Realisasi 2024 (%)", num("k8"), 10.0),
            col(None, "Target Renja Tahun Berjalan 2025", num("k9"), 12.0),
            col(
                None,
                "Perkiraan Realisasi Capaian s.d. 2025",
                num("k10"),
                12.0,
            ),
            col(None, "Tingkat Capaian Renstra (%)", num("k11"), 12.0),
        ]);
    }
    out.push((
        "tc29.csv",
        SheetSpec {
            name: if staff { "T-C.29".into() } else { "Evaluasi Renja 2024".into() },
            titles: vec![
                "Tabel T-C.29".into(),
                "Rekapitulasi Evaluasi Hasil Pelaksanaan Renja Perangkat Daerah dan Pencapaian Renstra Perangkat Daerah s/d Tahun 2024".into(),
                office.to_string(),
                "Nama Perangkat Daerah : Dinas Sosial    Lembar : 1".into(),
            ],
            cols,
            numbering: staff,
            page_repeat: staff.then(|| "Nama Perangkat Daerah : Dinas Sosial".to_string()),
            footer: vec![],
        },
    ));

    // T-C.30 -------------------------------------------------------------------------------
    let years = ["2022", "2023", "2024", "2025", "2026"];
    let mut cols = vec![
        col(None, "NO", num("no"), 5.0),
        col(None, "INDIKATOR", Src::Text("indikator"), 40.0),
        col(
            None,
            "SPM/STANDAR NASIONAL",
            Src::Text("spm_standar_nasional"),
            16.0,
        ),
        col(None, "IKK", Src::Text("ikk"), 24.0),
    ];
    let tnames = [
        "target_2022",
        "target_2023",
        "target_2024",
        "target_2025",
        "target_2026",
    ];
    let rnames = [
        "realisasi_2022",
        "realisasi_2023",
        "realisasi_2024",
        "proyeksi_2025",
        "proyeksi_2026",
    ];
    for (y, n) in years.iter().zip(tnames) {
        let label: &'static str = Box::leak(format!("TAHUN {y}").into_boxed_str());
        cols.push(col(
            g(if staff {
                "TARGET RENSTRA-PD"
            } else {
                "Target Renstra"
            }),
            label,
            num(n),
            9.0,
        ));
    }
    for (i, (y, n)) in years.iter().zip(rnames).enumerate() {
        let label: &'static str = Box::leak(format!("TAHUN {y}").into_boxed_str());
        let group = if i < 3 {
            "REALISASI CAPAIAN"
        } else {
            "PROYEKSI"
        };
        cols.push(col(g(group), label, num(n), 9.0));
    }
    cols.push(col(
        None,
        "CATATAN ANALISIS",
        Src::Text("catatan_analisis"),
        20.0,
    ));
    out.push((
        "tc30.csv",
        SheetSpec {
            name: if staff {
                "T-C.30".into()
            } else {
                "Kinerja Pelayanan".into()
            },
            titles: vec![
                "Tabel T-C.30".into(),
                "Pencapaian Kinerja Pelayanan Perangkat Daerah Dinas Sosial".into(),
                "Kabupaten Kutai Kartanegara".into(),
            ],
            cols,
            numbering: false,
            page_repeat: None,
            footer: vec![],
        },
    ));

    // T-C.31 -------------------------------------------------------------------------------
    let (r, a) = if staff {
        ("RANCANGAN AWAL RKPD", "HASIL ANALISIS KEBUTUHAN")
    } else {
        ("Rancangan Awal RKPD 2026", "Hasil Analisis Kebutuhan PD")
    };
    let cols = if staff {
        vec![
            col(
                None,
                "Program / Kegiatan/ / Sub Kegiatan",
                Src::Text("uraian"),
                40.0,
            ),
            col(g(r), "Lokasi", Src::Text("r_lokasi"), 18.0),
            col(
                g(r),
                "Output Kegiatan Indikator Kinerja",
                Src::Text("r_indikator"),
                30.0,
            ),
            col(g(r), "Target Capaian", num("r_target"), 8.0),
            col(g(r), "Satuan", Src::Text("r_satuan"), 10.0),
            col(g(r), "Pagu Indikatif", amt("r_pagu"), 16.0),
            col(g(a), "Lokasi", Src::Text("a_lokasi"), 18.0),
            col(
                g(a),
                "Output Kegiatan Indikator Kinerja",
                Src::Text("a_indikator"),
                30.0,
            ),
            col(g(a), "Target Capaian", num("a_target"), 8.0),
            col(g(a), "Satuan", Src::Text("a_satuan"), 10.0),
            col(g(a), "Pagu Indikatif", amt("a_pagu"), 16.0),
            col(None, "Catatan Penting", Src::Text("catatan_penting"), 20.0),
        ]
    } else {
        // Another order: indicator before location, target and unit in one cell.
        vec![
            col(None, "Uraian", Src::Text("uraian"), 40.0),
            col(g(r), "Indikator Kinerja", Src::Text("r_indikator"), 30.0),
            col(g(r), "Lokasi", Src::Text("r_lokasi"), 18.0),
            col(
                g(r),
                "Target",
                Src::TargetUnit("r_target", "r_satuan"),
                12.0,
            ),
            col(g(r), "Pagu (Rp)", amt("r_pagu"), 16.0),
            col(g(a), "Indikator Kinerja", Src::Text("a_indikator"), 30.0),
            col(g(a), "Lokasi", Src::Text("a_lokasi"), 18.0),
            col(
                g(a),
                "Target",
                Src::TargetUnit("a_target", "a_satuan"),
                12.0,
            ),
            col(g(a), "Pagu (Rp)", amt("a_pagu"), 16.0),
            col(None, "Keterangan", Src::Text("catatan_penting"), 20.0),
        ]
    };
    out.push((
        "tc31.csv",
        SheetSpec {
            name: if staff {
                "T-C.31".into()
            } else {
                "Review RKPD".into()
            },
            titles: vec![
                "TABEL T-C.31".into(),
                "REVIEW TERHADAP RANCANGAN AWAL RKPD TAHUN 2026".into(),
                office.to_string(),
                "NAMA PERANGKAT DAERAH : DINAS SOSIAL".into(),
            ],
            cols,
            numbering: false,
            page_repeat: None,
            footer: vec![],
        },
    ));

    // 2.5 planned programs -----------------------------------------------------------------
    let cols = if staff {
        vec![
            col(None, "No", num("no"), 5.0),
            col(
                None,
                "Urusan/ Bidang Urusan Pemerintahan Daerah Dan Program/ Kegiatan",
                Src::Text("uraian"),
                40.0,
            ),
            col(
                g("Rencana Tahun 2026"),
                "Keluaran Sub Kegiatan",
                Src::Text("keluaran"),
                30.0,
            ),
            col(
                g("Rencana Tahun 2026"),
                "Lokasi Output Kegiatan",
                Src::Text("lokasi"),
                20.0,
            ),
            col(
                g("Rencana Tahun 2026"),
                "Sasaran/ Volume",
                num("volume"),
                9.0,
            ),
            col(g("Rencana Tahun 2026"), "Satuan", Src::Text("satuan"), 10.0),
            col(None, "Keterangan", Src::Text("keterangan"), 14.0),
        ]
    } else {
        vec![
            col(None, "No", num("no"), 5.0),
            col(
                None,
                "Program / Kegiatan / Sub Kegiatan",
                Src::Text("uraian"),
                40.0,
            ),
            col(None, "Lokasi", Src::Text("lokasi"), 20.0),
            col(None, "Output", Src::Text("keluaran"), 30.0),
            col(None, "Volume", Src::TargetUnit("volume", "satuan"), 12.0),
            col(None, "Ket.", Src::Text("keterangan"), 14.0),
        ]
    };
    out.push((
        "usulan_program.csv",
        SheetSpec {
            name: if staff {
                "Usulan Program 2026".into()
            } else {
                "Usulan 2026".into()
            },
            titles: vec![
                "2.5. Penelaahan Usulan Program dan Kegiatan Masyarakat".into(),
                statements.0.to_string(),
            ],
            cols,
            numbering: false,
            page_repeat: None,
            footer: vec![],
        },
    ));

    // T-C.32 -------------------------------------------------------------------------------
    let cols = vec![
        col(None, "No.", num("no"), 5.0),
        col(None, "Kamus Usulan", Src::Text("kamus_usulan"), 30.0),
        col(None, "Permasalahan", Src::Text("permasalahan"), 50.0),
        col(None, "Sub Kegiatan", Src::Text("sub_kegiatan"), 20.0),
        col(None, "Lokasi", Src::Text("lokasi"), 20.0),
        col(
            None,
            "Indikator Kinerja",
            Src::Text("indikator_kinerja"),
            20.0,
        ),
        col(None, "Besaran/Volume", Src::Text("volume"), 12.0),
        col(None, "Catatan", Src::Text("catatan"), 40.0),
    ];
    out.push((
        "tc32.csv",
        SheetSpec {
            name: if staff {
                "T-C.32".into()
            } else {
                "Usulan Masyarakat".into()
            },
            titles: vec![
                "Tabel T-C.32".into(),
                "Usulan Program dan Kegiatan dari Para Pemangku Kepentingan Tahun 2026".into(),
                "Nama Perangkat Daerah : Dinas Sosial".into(),
            ],
            cols,
            numbering: staff,
            page_repeat: None,
            footer: vec![],
        },
    ));

    // Tujuan dan sasaran -------------------------------------------------------------------
    let tgt = Some("TARGET KINERJA TUJUAN / SASARAN PADA TAHUN KE");
    let cols = vec![
        col(None, "NO", num("no"), 5.0),
        col(None, "TUJUAN", Src::Text("tujuan"), 30.0),
        col(None, "SASARAN", Src::Text("sasaran"), 30.0),
        col(
            None,
            "INDIKATOR TUJUAN/SASARAN",
            Src::Text("indikator"),
            30.0,
        ),
        col(None, "SATUAN", Src::Text("satuan"), 10.0),
        col(
            None,
            "KONDISI AWAL PERIODE RENSTRA PD",
            num("kondisi_awal"),
            10.0,
        ),
        col(tgt, "2025 (target)", num("target_2025"), 9.0),
        col(tgt, "2025 (realisasi)", num("realisasi_2025"), 9.0),
        col(tgt, "2026", num("target_2026"), 9.0),
        col(tgt, "2027", num("target_2027"), 9.0),
        col(tgt, "2028", num("target_2028"), 9.0),
        col(tgt, "2029", num("target_2029"), 9.0),
        col(tgt, "2030", num("target_2030"), 9.0),
        col(
            None,
            "KONDISI AKHIR PERIODE RENSTRA PD",
            num("kondisi_akhir"),
            10.0,
        ),
    ];
    out.push((
        "tujuan_sasaran.csv",
        SheetSpec {
            name: if staff {
                "Tujuan Sasaran".into()
            } else {
                "Tujuan".into()
            },
            titles: vec![
                "Tujuan dan Sasaran Jangka Menengah Dinas Sosial".into(),
                "Kabupaten Kutai Kartanegara Tahun 2025 – 2029".into(),
            ],
            cols,
            numbering: false,
            page_repeat: None,
            footer: vec![],
        },
    ));

    // T-C.33 -------------------------------------------------------------------------------
    let mut cols = code_cols("Kode");
    if staff {
        let n = Some("Rencana Tahun 2026");
        let n1 = Some("Prakiraan Maju Rencana Tahun 2027");
        cols.extend([
            col(
                None,
                "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan/Sub Kegiatan",
                Src::Text("uraian"),
                40.0,
            ),
            col(
                None,
                "Indikator Kinerja Program/ Kegiatan/ Sub Kegiatan",
                Src::Text("indikator"),
                30.0,
            ),
            col(None, "Lokasi", Src::Text("lokasi"), 18.0),
            col(n, "Target Capaian Kinerja", num("target_2026"), 8.0),
            col(n, "Satuan", Src::Text("satuan_2026"), 10.0),
            col(n, "Kebutuhan Dana/ Pagu Indikatif", amt("pagu_2026"), 16.0),
            col(n, "Sumber Dana", Src::Text("sumber_dana"), 14.0),
            col(None, "Catatan Penting", Src::Text("catatan_penting"), 16.0),
            col(n1, "Target Capaian Kinerja", num("target_2027"), 8.0),
            col(n1, "Satuan", Src::Text("satuan_2027"), 10.0),
            col(n1, "Kebutuhan Dana/ Pagu Indikatif", amt("pagu_2027"), 16.0),
        ]);
    } else {
        let n = Some("Tahun Rencana (2026)");
        let n1 = Some("Prakiraan Maju (2027)");
        cols.extend([
            col(
                None,
                "Uraian Program / Kegiatan / Sub Kegiatan",
                Src::Text("uraian"),
                40.0,
            ),
            col(None, "Indikator Keluaran", Src::Text("indikator"), 30.0),
            col(
                n,
                "Target / Volume",
                Src::TargetUnit("target_2026", "satuan_2026"),
                12.0,
            ),
            col(n, "Pagu Indikatif (Rp)", amt("pagu_2026"), 16.0),
            col(n, "Lokasi Kegiatan", Src::Text("lokasi"), 18.0),
            col(n, "Sumber Pendanaan", Src::Text("sumber_dana"), 14.0),
            col(
                n1,
                "Target / Volume",
                Src::TargetUnit("target_2027", "satuan_2027"),
                12.0,
            ),
            col(n1, "Pagu Indikatif (Rp)", amt("pagu_2027"), 16.0),
            col(None, "Keterangan", Src::Text("catatan_penting"), 16.0),
        ]);
    }
    out.push((
        "tc33.csv",
        SheetSpec {
            name: if staff { "T-C.33".into() } else { "Rencana 2026-2027".into() },
            titles: vec![
                "Tabel T-C.33".into(),
                "Rencana Program dan Kegiatan Dinas Sosial Tahun 2026 dan Prakiraan Maju Tahun 2027".into(),
                "Kabupaten Kutai Kartanegara".into(),
                statements.1.to_string(),
            ],
            cols,
            numbering: staff,
            page_repeat: None,
            footer: vec![],
        },
    ));
    out
}

/// Writes one sample workbook from the CSVs in `data_dir`.
pub fn build_sample(data_dir: &Path, layout: Layout) -> Vec<u8> {
    let tables: Vec<(String, Csv)> = specs(layout, OFFICE, SEED_STATEMENTS)
        .into_iter()
        .map(|(file, _)| (file.to_string(), Csv::read(&data_dir.join(file))))
        .collect();
    let f = formats();
    let mut wb = Workbook::new();
    write_tables(&mut wb, &tables, layout, OFFICE, SEED_STATEMENTS, &f);
    if layout == Layout::Alt {
        // The format-b workbook also carries the year-end evaluation (E.81) of 2026.
        write_e81(&mut wb, layout, &Csv::read(&data_dir.join("e81.csv")), &f);
    }
    wb.save_to_buffer().expect("sample workbook")
}

/// Builds a workbook from in-memory tables named like the CSVs (`tc33.csv`, …); tables not
/// given are left out. Used by the benchmark generator for other offices.
pub fn build_from(
    tables: &[(String, Csv)],
    layout: Layout,
    office: &str,
    statements: (&str, &str),
) -> Vec<u8> {
    let f = formats();
    let mut wb = Workbook::new();
    write_tables(&mut wb, tables, layout, office, statements, &f);
    wb.save_to_buffer().expect("sample workbook")
}

fn write_tables(
    wb: &mut Workbook,
    tables: &[(String, Csv)],
    layout: Layout,
    office: &str,
    statements: (&str, &str),
    f: &Formats,
) {
    for (file, spec) in specs(layout, office, statements) {
        if let Some((_, csv)) = tables.iter().find(|(n, _)| n == file) {
            write_sheet(wb, layout, &spec, csv, f);
        }
    }
}

pub const SAMPLES: [(&str, Layout); 2] = [
    ("renja-dinsos-kukar-2026.xlsx", Layout::Staff),
    ("renja-dinsos-kukar-2026-format-b.xlsx", Layout::Alt),
];

// Formulir E.81 ------------------------------------------------------------------------------
//
// The year-end evaluation of the 2026 Renja (`samples/data/e81.csv`; its quarterly figures and
// most Renstra figures are made up, see NOTES-e81.md). Two layouts from real forms:
// - `Layout::Staff` (Bandung `e81.xls`): its own workbook, sheet `Formulir E.81`, no Kode
//   column (names only, indented by level), numbers as number cells, number row above the K/Rp
//   row (`1 … 11`, `12 = 8+9+10+11`, `13 = 6 + 12`, `14=13/5 x100%`, `15`, `16`).
// - `Layout::Alt` (Enrekang export with AGP's extra column): a sheet of the format-b Renja
//   workbook, joined codes in a `Kode` column, numbers as Indonesian text, the column
//   "Tingkat Capaian … Renja yang dievaluasi (%)" (= 12/7 × 100 in AGP's numbering), numbered
//   `1 … 12`, `13=9+10+11+12`, `14=13/8x100%`, `15=7+13`, `16=15/6x100%`, `17`, `18`.

/// The E.81 sample in its own workbook (Staff layout).
pub const E81_SAMPLES: [(&str, Layout); 1] = [("e81-dinsos-kukar-2026.xlsx", Layout::Staff)];

/// The name of the E.81 sheet added to the format-b Renja workbook.
pub const E81_ALT_SHEET: &str = "Evaluasi Renja 2026";

/// What one E.81 column holds.
enum E81Src {
    /// Row number (`no`).
    No,
    Text(&'static str),
    /// The joined code, sub kegiatan padded to four digits.
    Code,
    /// The name, indented by level in Staff.
    Name,
    /// A number column of the CSV (`k5`, `rp5`, …).
    Num(&'static str),
}

/// One leaf column: its group (merged over K/Rp, or a single column), an optional second
/// header line (the quarter), its K/Rp sub-label, and the number-row label of its group.
struct E81Col {
    group: &'static str,
    quarter: Option<&'static str>,
    sub: Option<&'static str>,
    number: &'static str,
    src: E81Src,
    width: f64,
}

fn e81_cols(layout: Layout) -> Vec<E81Col> {
    let one = |group, number, src, width| E81Col {
        group,
        quarter: None,
        sub: None,
        number,
        src,
        width,
    };
    let pair = |group: &'static str,
                quarter: Option<&'static str>,
                number: &'static str,
                k: &'static str,
                rp: &'static str| {
        [
            E81Col {
                group,
                quarter,
                sub: Some("K"),
                number,
                src: E81Src::Num(k),
                width: 8.0,
            },
            E81Col {
                group,
                quarter,
                sub: Some("Rp"),
                number,
                src: E81Src::Num(rp),
                width: 16.0,
            },
        ]
    };
    let mut cols = Vec::new();
    match layout {
        Layout::Staff => {
            let tw = "Realisasi Kinerja Pada Triwulan";
            cols.extend([
                one("No", "1", E81Src::No, 5.0),
                one("Sasaran", "2", E81Src::Text("sasaran"), 20.0),
                one("Program/ Kegiatan", "3", E81Src::Name, 40.0),
                one(
                    "Indikator Kinerja Program (Outcome)/Kegiatan (Output)",
                    "4",
                    E81Src::Text("indikator"),
                    30.0,
                ),
            ]);
            cols.extend(pair("Target Renstra Perangkat Daerah pada Tahun 2026 (Akhir Periode Renstra Perangkat Daerah)", None, "5", "k5", "rp5"));
            cols.extend(pair("Realisasi Capaian Kinerja Renstra Perangkat Daerah sampai dengan Renja Perangkat Daerah Tahun Lalu (2025)", None, "6", "k6", "rp6"));
            cols.extend(pair("Target Kinerja dan Anggaran Renja Perangkat Daerah Tahun Berjalan (Tahun 2026) yang Dievaluasi", None, "7", "k7", "rp7"));
            cols.extend(pair(tw, Some("I"), "8", "k8", "rp8"));
            cols.extend(pair(tw, Some("II"), "9", "k9", "rp9"));
            cols.extend(pair(tw, Some("III"), "10", "k10", "rp10"));
            cols.extend(pair(tw, Some("IV"), "11", "k11", "rp11"));
            cols.extend(pair(
                "Realisasi Capaian Kinerja dan Anggaran Renja Perangkat Daerah yang Dievaluasi",
                None,
                "12 = 8+9+10+11",
                "k12",
                "rp12",
            ));
            cols.extend(pair("Realisasi Kinerja dan Anggaran Renstra Perangkat Daerah s/d Tahun 2026 (Akhir Tahun Pelaksanaan Renja Perangkat Daerah Tahun 2026)", None, "13 = 6 + 12", "k13", "rp13"));
            cols.extend(pair("Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra Perangkat Daerah s/d Tahun 2026 (%)", None, "14=13/5 x100%", "k14", "rp14"));
            cols.extend([
                one(
                    "Unit Perangkat Daerah Penanggung Jawab",
                    "15",
                    E81Src::Text("unit_pj"),
                    18.0,
                ),
                one("Keterangan", "16", E81Src::Text("keterangan"), 20.0),
            ]);
        }
        Layout::Alt => {
            let tw = "Realisasi Kinerja Pada Triwulan";
            cols.extend([
                one("NO", "1", E81Src::No, 5.0),
                one("Sasaran", "2", E81Src::Text("sasaran"), 20.0),
                one("Kode", "3", E81Src::Code, 18.0),
                one(
                    "Urusan/Bidang Urusan Pemerintah Daerah dan Program/Kegiatan/Sub Kegiatan",
                    "4",
                    E81Src::Name,
                    40.0,
                ),
                one(
                    "Indikator Kinerja Program (outcome) / Kegiatan (output)",
                    "5",
                    E81Src::Text("indikator"),
                    30.0,
                ),
            ]);
            cols.extend(pair(
                "Target Renstra OPD pada Tahun 2022 s/d 2026 (akhir periode Renstra OPD)",
                None,
                "6",
                "k5",
                "rp5",
            ));
            cols.extend(pair(
                "Realisasi Capaian Kinerja Renstra OPD s/d Renja OPD Tahun lalu (2025)",
                None,
                "7",
                "k6",
                "rp6",
            ));
            cols.extend(pair(
                "Target Kinerja dan Anggaran Renja OPD Tahun berjalan yang dievaluasi (2026)",
                None,
                "8",
                "k7",
                "rp7",
            ));
            cols.extend(pair(tw, Some("I"), "9", "k8", "rp8"));
            cols.extend(pair(tw, Some("II"), "10", "k9", "rp9"));
            cols.extend(pair(tw, Some("III"), "11", "k10", "rp10"));
            cols.extend(pair(tw, Some("IV"), "12", "k11", "rp11"));
            cols.extend(pair(
                "Realisasi Capaian Kinerja dan Anggaran Renja OPD yang Dievaluasi",
                None,
                "13=9+10+11+12",
                "k12",
                "rp12",
            ));
            cols.extend(pair(
                "Tingkat Capaian Kinerja dan Realisasi Anggaran Renja yang dievaluasi (%)",
                None,
                "14=13/8x100%",
                "k_renja",
                "rp_renja",
            ));
            cols.extend(pair("Realisasi kinerja dan Anggaran Renstra OPD s/d tahun 2026 (Akhir Tahun pelaksanaan Renja OPD)", None, "15=7+13", "k13", "rp13"));
            cols.extend(pair(
                "Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra OPD s/d tahun 2026 (%)",
                None,
                "16=15/6x100%",
                "k14",
                "rp14",
            ));
            cols.extend([
                one(
                    "Unit OPD penanggung jawab",
                    "17",
                    E81Src::Text("unit_pj"),
                    18.0,
                ),
                one("Ket", "18", E81Src::Text("keterangan"), 20.0),
            ]);
        }
    }
    cols
}

/// Runs of equal values in `keys` as (first, last) index pairs.
fn runs<T: PartialEq>(keys: &[T]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=keys.len() {
        if i == keys.len() || keys[i] != keys[start] {
            out.push((start, i - 1));
            start = i;
        }
    }
    out
}

/// A header cell over columns `c0..=c1` and rows `r0..=r1`: merged when it spans more than one.
fn e81_cell(ws: &mut Worksheet, r0: u32, r1: u32, c0: usize, c1: usize, text: &str, fmt: &Format) {
    if r0 == r1 && c0 == c1 {
        ws.write_string_with_format(r0, c0 as u16, text, fmt)
            .unwrap();
    } else {
        ws.merge_range(r0, c0 as u16, r1, c1 as u16, text, fmt)
            .unwrap();
    }
}

/// Header of four rows: group labels (single columns and plain K/Rp groups merged down over the
/// quarter row), the quarter labels, the number row (single columns merged down over the K/Rp
/// row, group numbers across K and Rp), the K/Rp row. Returns the first data row.
fn e81_header(ws: &mut Worksheet, layout: Layout, cols: &[E81Col], top: u32, f: &Formats) -> u32 {
    let groups: Vec<&str> = cols.iter().map(|c| c.group).collect();
    for (a, b) in runs(&groups) {
        let bottom = if cols[a].quarter.is_some() {
            top
        } else {
            top + 1
        };
        e81_cell(ws, top, bottom, a, b, cols[a].group, &f.header);
    }
    let quarters: Vec<(&str, Option<&str>)> = cols.iter().map(|c| (c.group, c.quarter)).collect();
    for (a, b) in runs(&quarters) {
        if let Some(q) = cols[a].quarter {
            e81_cell(ws, top + 1, top + 1, a, b, q, &f.header);
        }
    }
    let numbers: Vec<&str> = cols.iter().map(|c| c.number).collect();
    for (a, b) in runs(&numbers) {
        let bottom = if cols[a].sub.is_some() {
            top + 2
        } else {
            top + 3
        };
        let label = cols[a].number;
        match (layout, label.parse::<f64>()) {
            (Layout::Staff, Ok(n)) if a == b && bottom == top + 2 => {
                ws.write_number_with_format(top + 2, a as u16, n, &f.number_row)
                    .unwrap();
            }
            (Layout::Staff, Ok(n)) => {
                ws.merge_range(top + 2, a as u16, bottom, b as u16, "", &f.number_row)
                    .unwrap();
                ws.write_number_with_format(top + 2, a as u16, n, &f.number_row)
                    .unwrap();
            }
            _ => e81_cell(ws, top + 2, bottom, a, b, label, &f.number_row),
        }
    }
    for (i, c) in cols.iter().enumerate() {
        if let Some(s) = c.sub {
            ws.write_string_with_format(top + 3, i as u16, s, &f.header)
                .unwrap();
        }
    }
    top + 4
}

/// Writes the E.81 sheet from `e81.csv`: titles, the header, one row per indicator, the rows
/// under the table (mean capaian, predikat, factors, follow-up) and the signature blocks.
fn write_e81(wb: &mut Workbook, layout: Layout, csv: &Csv, f: &Formats) {
    let staff = layout == Layout::Staff;
    let cols = e81_cols(layout);
    let ws = wb.add_worksheet();
    ws.set_name(if staff {
        "Formulir E.81"
    } else {
        E81_ALT_SHEET
    })
    .unwrap();
    for (i, c) in cols.iter().enumerate() {
        ws.set_column_width(i as u16, c.width).unwrap();
    }
    let titles: &[&str] = if staff {
        &[
            "Formulir E.81",
            "Evaluasi Terhadap Hasil Renja Perangkat Daerah Lingkup Kabupaten/Kota",
            "Renja Perangkat Daerah Dinas Sosial Kabupaten Kutai Kartanegara",
            "Periode Pelaksanaan 2026",
            "Indikator dan Target Kinerja Perangkat Daerah Kabupaten/Kota yang mengacu pada sasaran RKPD:",
            "CONTOH — angka triwulan karangan untuk sampel, bukan dari dokumen",
        ]
    } else {
        &[
            "EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH",
            "DINAS SOSIAL",
            "KABUPATEN KUTAI KARTANEGARA TAHUN ANGGARAN 2026 TRIWULAN IV",
            "CONTOH — angka triwulan karangan untuk sampel, bukan dari dokumen",
        ]
    };
    let mut row = 0u32;
    for t in titles {
        ws.write_string_with_format(row, 0, *t, &f.title).unwrap();
        row += 1;
    }
    row += 1;
    row = e81_header(ws, layout, &cols, row, f);
    let indent = |level: &str, bold: bool| {
        let n = match level {
            "kegiatan" => 1,
            "sub_kegiatan" => 2,
            _ => 0,
        };
        let base = Format::new()
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_border(FormatBorder::Thin)
            .set_indent(n);
        if bold { base.set_bold() } else { base }
    };
    let footer: Vec<&Vec<String>> = csv
        .rows
        .iter()
        .filter(|r| csv.get(r, "level") == "footer")
        .collect();
    for rec in csv.rows.iter().filter(|r| csv.get(r, "level") != "footer") {
        let level = csv.get(rec, "level");
        let bold = is_bold_level(level);
        let text_fmt = if bold { &f.bold_text } else { &f.text };
        for (i, c) in cols.iter().enumerate() {
            let i = i as u16;
            let text = match &c.src {
                E81Src::No => csv.get(rec, "no").to_string(),
                E81Src::Text(n) => csv.get(rec, n).to_string(),
                E81Src::Code => {
                    let mut p = code_parts(csv.get(rec, "kode"));
                    if p.len() == 5 {
                        p[4] = format!("{:0>4}", p[4]);
                    }
                    p.join(".")
                }
                E81Src::Name => csv.get(rec, "uraian").to_string(),
                E81Src::Num(n) => csv.get(rec, n).to_string(),
            };
            if text.is_empty() {
                ws.write_blank(row, i, text_fmt).unwrap();
                continue;
            }
            match (&c.src, layout) {
                (E81Src::Name, Layout::Staff) => {
                    ws.write_string_with_format(row, i, &text, &indent(level, bold))
                        .unwrap();
                }
                (E81Src::No, Layout::Staff) => {
                    ws.write_number_with_format(row, i, text.parse::<f64>().unwrap(), &f.amount)
                        .unwrap();
                }
                (E81Src::Num(_), Layout::Staff) => {
                    let n = parse_id_number(&text)
                        .unwrap_or_else(|| panic!("e81.csv: not a number: {text}"));
                    let x: f64 = n.value.to_string().parse().unwrap();
                    let fmt = match (c.sub, text.contains(','), bold) {
                        (_, true, _) => &f.decimal,
                        (Some("Rp"), false, true) => &f.bold_amount,
                        _ => &f.amount,
                    };
                    ws.write_number_with_format(row, i, x, fmt).unwrap();
                }
                _ => {
                    ws.write_string_with_format(row, i, &text, text_fmt)
                        .unwrap();
                }
            }
        }
        row += 1;
    }
    // Under the table: the label in the name column, the mean and the predikat under column 14 K,
    // the factor and follow-up texts right of their label.
    row += 1;
    let label_col = cols
        .iter()
        .position(|c| matches!(c.src, E81Src::Name))
        .unwrap() as u16;
    let k14_col = cols
        .iter()
        .position(|c| matches!(c.src, E81Src::Num("k14")))
        .unwrap() as u16;
    for rec in footer {
        ws.write_string_with_format(row, label_col, csv.get(rec, "uraian"), &f.title)
            .unwrap();
        let (value, text) = (csv.get(rec, "k14"), csv.get(rec, "keterangan"));
        if !value.is_empty() {
            match (layout, parse_id_number(value)) {
                (Layout::Staff, Some(n)) => {
                    let x: f64 = n.value.to_string().parse().unwrap();
                    ws.write_number_with_format(row, k14_col, x, &f.decimal)
                        .unwrap();
                }
                _ => {
                    ws.write_string(row, k14_col, value).unwrap();
                }
            }
        }
        if !text.is_empty() {
            ws.write_string(row, label_col + 1, text).unwrap();
        }
        row += 1;
    }
    // Signatures: "Disusun" by the head of the office (left), "Dievaluasi" by Bappeda (right).
    row += 1;
    let right = k14_col;
    let left_lines = [
        "Disusun",
        "Tenggarong, 15 Januari 2027",
        "Kepala Dinas Sosial",
        "Kabupaten Kutai Kartanegara",
        "",
        "",
        "CONTOH NAMA KEPALA DINAS, S.Sos., M.Si.",
        "NIP. 19700000 000000 0 000",
    ];
    let right_lines = [
        "Dievaluasi",
        "Tenggarong, 30 Januari 2027",
        "Kepala Bappeda",
        "Kabupaten Kutai Kartanegara",
        "",
        "",
        "CONTOH NAMA KEPALA BAPPEDA, S.T., M.T.",
        "NIP. 19710000 000000 0 000",
    ];
    for (l, r) in left_lines.iter().zip(right_lines) {
        if !l.is_empty() {
            ws.write_string(row, label_col, *l).unwrap();
        }
        if !r.is_empty() {
            ws.write_string(row, right, r).unwrap();
        }
        row += 1;
    }
}

/// Writes one E.81 sample workbook (Staff layout: the sheet `Formulir E.81` alone).
pub fn build_e81_sample(data_dir: &Path, layout: Layout) -> Vec<u8> {
    build_e81_from(&Csv::read(&data_dir.join("e81.csv")), layout)
}

/// [`build_e81_sample`] from rows already read (a test changes some first).
pub fn build_e81_from(csv: &Csv, layout: Layout) -> Vec<u8> {
    let f = formats();
    let mut wb = Workbook::new();
    write_e81(&mut wb, layout, csv, &f);
    wb.save_to_buffer().expect("E.81 sample workbook")
}
