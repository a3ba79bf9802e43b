//! The batch summary workbook (**Ringkasan**): one row per file — office, tables found,
//! errors, warnings, total budget of year n and n+1, status — worst first, with a chart of
//! findings per office.

use super::FileReport;
use crate::checks::Severity;
use rust_xlsxwriter::{Chart, ChartType, Color, Format, FormatBorder, Workbook, XlsxError};

/// The look of a header row: bold, wrapped, blue-grey, bordered.
fn header_format() -> Format {
    Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color(Color::RGB(0xD9E1F2))
        .set_border(FormatBorder::Thin)
}

pub fn summary_bytes(reports: &[FileReport], en: bool) -> Result<Vec<u8>, XlsxError> {
    let mut order: Vec<&FileReport> = reports.iter().collect();
    // Worst first: unreadable, then most errors, then most warnings; ties by path.
    order.sort_by(|a, b| {
        (
            b.error.is_some(),
            b.count(Severity::Error),
            b.count(Severity::Warning),
            &a.path,
        )
            .cmp(&(
                a.error.is_some(),
                a.count(Severity::Error),
                a.count(Severity::Warning),
                &b.path,
            ))
    });
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let name = if en { "Summary" } else { "Ringkasan" };
    ws.set_name(name)?;
    let head = header_format();
    let money = Format::new().set_num_format("#,##0");
    let cols: [&str; 9] = if en {
        [
            "File",
            "Office",
            "Tables found",
            "Errors",
            "Warnings",
            "Info",
            "Total budget year n",
            "Total budget year n+1",
            "Status",
        ]
    } else {
        [
            "Berkas",
            "Perangkat daerah",
            "Tabel ditemukan",
            "Galat",
            "Peringatan",
            "Info",
            "Total pagu tahun n",
            "Total pagu tahun n+1",
            "Status",
        ]
    };
    for (c, h) in cols.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &head)?;
    }
    for (i, r) in order.iter().enumerate() {
        let row = i as u32 + 1;
        ws.write_string(row, 0, &r.path)?;
        ws.write_string(row, 1, r.office.as_deref().unwrap_or("-"))?;
        ws.write_string(row, 2, r.tables.join(", "))?;
        ws.write_number(row, 3, r.count(Severity::Error) as f64)?;
        ws.write_number(row, 4, r.count(Severity::Warning) as f64)?;
        ws.write_number(row, 5, r.count(Severity::Info) as f64)?;
        for (c, v) in [(6u16, r.total_n), (7, r.total_n1)] {
            if let Some(d) = v {
                ws.write_number_with_format(
                    row,
                    c,
                    d.to_string().parse::<f64>().unwrap_or(0.0),
                    &money,
                )?;
            }
        }
        let status = match (&r.error, en) {
            (Some(e), true) => format!("unreadable: {e}"),
            (Some(e), false) => format!("tidak terbaca: {e}"),
            (None, true) => "checked".to_string(),
            (None, false) => "diperiksa".to_string(),
        };
        ws.write_string(row, 8, &status)?;
    }
    let last = order.len() as u32;
    ws.autofilter(0, 0, last.max(1), 8)?;
    ws.set_freeze_panes(1, 0)?;
    for (c, w) in [40.0, 36.0, 40.0, 8.0, 10.0, 8.0, 18.0, 18.0, 40.0]
        .iter()
        .enumerate()
    {
        ws.set_column_width(c as u16, *w)?;
    }
    if last > 0 {
        let mut chart = Chart::new(ChartType::Bar);
        for (col, label, color) in [(3u16, cols[3], 0xD6604D), (4u16, cols[4], 0xFDB863)] {
            chart
                .add_series()
                .set_categories((name, 1, 1, last, 1))
                .set_values((name, 1, col, last, col))
                .set_name(label)
                .set_format(rust_xlsxwriter::ChartFormat::new().set_solid_fill(
                    rust_xlsxwriter::ChartSolidFill::new().set_color(Color::RGB(color)),
                ));
        }
        chart.title().set_name(if en {
            "Findings per office"
        } else {
            "Temuan per perangkat daerah"
        });
        chart.set_width(720).set_height((200 + 22 * last).min(1400));
        ws.insert_chart(last + 3, 1, &chart)?;
    }
    if reports.iter().any(|r| r.evaluation.is_some()) {
        evaluation_sheet(&mut wb, reports, en)?;
    }
    wb.save_to_buffer()
}

/// The year-end sheet (**Evaluasi Renja**), written when the batch holds E.81 forms: one row per
/// office — the mean capaian (column 14 K) and its predikat, Rp realisation against Rp target,
/// findings — with offices whose files hold no E.81 listed as missing, and a chart of capaian
/// per office.
fn evaluation_sheet(wb: &mut Workbook, reports: &[FileReport], en: bool) -> Result<(), XlsxError> {
    use rust_decimal::prelude::ToPrimitive;
    // Offices in the order first seen; files of one office (Renja and E.81 apart) together.
    let mut offices: Vec<(String, Vec<&FileReport>)> = Vec::new();
    // A Rancangan Awal RKPD in the folder is a reference, not an office.
    let reference =
        |r: &FileReport| !r.tables.is_empty() && r.tables.iter().all(|t| t.starts_with("rkpd"));
    for r in reports
        .iter()
        .filter(|r| r.error.is_none() && !reference(r))
    {
        let name = r.office.clone().unwrap_or_else(|| r.path.clone());
        let key = crate::ingest::rules::normalize(&name);
        match offices
            .iter_mut()
            .find(|(n, _)| crate::ingest::rules::normalize(n) == key)
        {
            Some((_, v)) => v.push(r),
            None => offices.push((name, vec![r])),
        }
    }
    let name = if en { "Evaluation" } else { "Evaluasi Renja" };
    let ws = wb.add_worksheet();
    ws.set_name(name)?;
    let head = header_format();
    let money = Format::new().set_num_format("#,##0");
    let pct = Format::new().set_num_format("0.00");
    let cols: [&str; 10] = if en {
        [
            "Office",
            "E.81 file",
            "Year",
            "Mean achievement K (%)",
            "Predikat",
            "Rp target",
            "Rp realised",
            "Rp realised / target (%)",
            "Errors",
            "Warnings",
        ]
    } else {
        [
            "Perangkat daerah",
            "Berkas E.81",
            "Tahun",
            "Rata-rata capaian kinerja K (%)",
            "Predikat kinerja",
            "Target Rp",
            "Realisasi Rp",
            "Realisasi / target Rp (%)",
            "Galat",
            "Peringatan",
        ]
    };
    for (c, h) in cols.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &head)?;
    }
    // Offices with an E.81 first (best capaian first), then the missing ones.
    offices.sort_by(|a, b| {
        let m = |o: &(String, Vec<&FileReport>)| {
            o.1.iter()
                .find_map(|r| r.evaluation.as_ref().and_then(|e| e.mean_capaian))
        };
        (m(b).is_some(), m(b)).cmp(&(m(a).is_some(), m(a)))
    });
    let mut with_mean = 0u32;
    for (i, (office, files)) in offices.iter().enumerate() {
        let row = i as u32 + 1;
        ws.write_string(row, 0, office)?;
        let errors: usize = files.iter().map(|r| r.count(Severity::Error)).sum();
        let warnings: usize = files.iter().map(|r| r.count(Severity::Warning)).sum();
        ws.write_number(row, 8, errors as f64)?;
        ws.write_number(row, 9, warnings as f64)?;
        let Some((file, e)) = files
            .iter()
            .find_map(|r| r.evaluation.as_ref().map(|e| (r, e)))
        else {
            ws.write_string(
                row,
                1,
                if en {
                    "no E.81 found"
                } else {
                    "E.81 tidak ditemukan"
                },
            )?;
            continue;
        };
        ws.write_string(row, 1, &file.path)?;
        if let Some(y) = e.year {
            ws.write_number(row, 2, y as f64)?;
        }
        if let Some(m) = e.mean_capaian {
            ws.write_number_with_format(row, 3, m.round_dp(2).to_f64().unwrap_or(0.0), &pct)?;
            with_mean += 1;
        }
        if let Some(p) = e.predikat {
            ws.write_string(row, 4, p)?;
        }
        ws.write_number_with_format(row, 5, e.rp_target.to_f64().unwrap_or(0.0), &money)?;
        ws.write_number_with_format(row, 6, e.rp_realised.to_f64().unwrap_or(0.0), &money)?;
        if !e.rp_target.is_zero()
            && let Some(r) = e
                .rp_realised
                .checked_mul(rust_decimal::Decimal::ONE_HUNDRED)
                .and_then(|x| x.checked_div(e.rp_target))
        {
            ws.write_number_with_format(row, 7, r.round_dp(2).to_f64().unwrap_or(0.0), &pct)?;
        }
    }
    let last = offices.len() as u32;
    ws.autofilter(0, 0, last.max(1), 9)?;
    ws.set_freeze_panes(1, 0)?;
    for (c, w) in [36.0, 40.0, 8.0, 14.0, 14.0, 18.0, 18.0, 14.0, 8.0, 10.0]
        .iter()
        .enumerate()
    {
        ws.set_column_width(c as u16, *w)?;
    }
    if with_mean > 0 {
        let mut chart = Chart::new(ChartType::Bar);
        chart
            .add_series()
            .set_categories((name, 1, 0, with_mean, 0))
            .set_values((name, 1, 3, with_mean, 3))
            .set_name(cols[3])
            .set_format(rust_xlsxwriter::ChartFormat::new().set_solid_fill(
                rust_xlsxwriter::ChartSolidFill::new().set_color(Color::RGB(0x4393C3)),
            ));
        chart.title().set_name(if en {
            "Mean achievement per office"
        } else {
            "Capaian kinerja per perangkat daerah"
        });
        chart
            .set_width(720)
            .set_height((200 + 22 * with_mean).min(1400));
        ws.insert_chart(last + 3, 0, &chart)?;
    }
    Ok(())
}
