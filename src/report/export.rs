//! `selaras export`: every office's plan rows as one long table — the raw material of Bappeda's
//! compilation — written as xlsx and CSV, and the regency-level look at it: the same sub
//! kegiatan planned by two offices.
//!
//! The rows of all files are gathered into one polars frame; the regency check is a group-by on
//! it (sub kegiatan code → distinct offices).

use crate::ingest::code::Level;
use crate::ingest::kind::TableKind;
use crate::ingest::role::Role;
use crate::model::plan::Plan;
use polars::prelude::*;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

/// One plan row of one office.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportRow {
    pub office: String,
    pub file: String,
    pub table: String,
    pub level: &'static str,
    pub code: String,
    pub name: String,
    pub indicator: String,
    pub target: Option<Decimal>,
    pub unit: String,
    pub pagu_n: Option<Decimal>,
    pub pagu_n1: Option<Decimal>,
    pub sheet: String,
    pub cell: String,
}

/// The roles each table kind gives the export's columns: (indicator, target, unit, pagu n,
/// pagu n+1), each tried in order.
fn roles(kind: TableKind) -> [&'static [Role]; 5] {
    match kind {
        TableKind::TC31 => [
            &[Role::AIndikator, Role::RIndikator],
            &[Role::ATarget, Role::RTarget],
            &[Role::ASatuan, Role::RSatuan],
            &[Role::APagu, Role::RPagu],
            &[],
        ],
        TableKind::UsulanProgram => [
            &[Role::Keluaran],
            &[Role::Volume],
            &[Role::Satuan],
            &[],
            &[],
        ],
        TableKind::E81 => [
            &[Role::Indikator],
            &[Role::E7K],
            &[Role::Satuan],
            &[Role::E7Rp],
            &[],
        ],
        _ => [
            &[Role::Indikator],
            &[Role::TargetN],
            &[Role::SatuanN],
            &[Role::PaguN],
            &[Role::PaguN1],
        ],
    }
}

/// The plan rows of one workbook (program, kegiatan and sub kegiatan of every hierarchical
/// table), in table and row order.
pub fn rows_of(plan: &Plan, file: &str) -> Vec<ExportRow> {
    let office = plan.office.clone().unwrap_or_default();
    let mut out = Vec::new();
    for t in &plan.tables {
        let [ind, tgt, unit, p0, p1] = roles(t.table.kind);
        for n in &t.nodes {
            if !matches!(
                n.level,
                Level::Program | Level::Kegiatan | Level::SubKegiatan
            ) {
                continue;
            }
            let row = t.row(n);
            let text = |rs: &[Role]| {
                rs.iter()
                    .find_map(|r| {
                        row.text(*r)
                            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
                    })
                    .filter(|s| !s.is_empty())
                    .unwrap_or_default()
            };
            let num = |rs: &[Role]| rs.iter().find_map(|&r| row.field(r)?.parsed.number());
            let unit_in_cell = tgt.iter().find_map(|&r| match &row.field(r)?.parsed {
                crate::ingest::locate::Parsed::Target { unit, .. } => unit.as_deref().cloned(),
                _ => None,
            });
            out.push(ExportRow {
                office: office.clone(),
                file: file.to_string(),
                table: t.table.kind.to_string(),
                level: n.level.key(),
                code: n.code.as_ref().map(|c| c.to_string()).unwrap_or_default(),
                name: n.name.to_string(),
                indicator: text(ind),
                target: num(tgt),
                unit: Some(text(unit))
                    .filter(|u| !u.is_empty())
                    .or(unit_in_cell)
                    .unwrap_or_default(),
                pagu_n: num(p0),
                pagu_n1: num(p1),
                sheet: t.table.sheet.clone(),
                cell: crate::model::plan::name_pos(t, n).a1(),
            });
        }
    }
    out
}

/// All offices' rows as one polars frame (amounts as exact decimals).
pub fn frame(rows: &[ExportRow]) -> PolarsResult<DataFrame> {
    let s = |f: fn(&ExportRow) -> &str| rows.iter().map(f).collect::<Vec<&str>>();
    let d = |f: fn(&ExportRow) -> Option<Decimal>| rows.iter().map(f).collect::<Vec<_>>();
    DataFrame::new_infer_height(vec![
        Column::new("office".into(), s(|r| &r.office)),
        // The same office is written "DINAS SOSIAL KABUPATEN …" in one table and "Dinas Sosial"
        // in another: it is grouped by the key the RKPD comparison matches offices by.
        Column::new(
            "office_key".into(),
            rows.iter()
                .map(|r| crate::rkpd::office_key(&r.office))
                .collect::<Vec<String>>(),
        ),
        Column::new("file".into(), s(|r| &r.file)),
        Column::new("table".into(), s(|r| &r.table)),
        Column::new("level".into(), s(|r| r.level)),
        Column::new("code".into(), s(|r| &r.code)),
        Column::new("name".into(), s(|r| &r.name)),
        crate::checks::frame::decimal_series("pagu_n", &d(|r| r.pagu_n))?.into_column(),
        crate::checks::frame::decimal_series("pagu_n1", &d(|r| r.pagu_n1))?.into_column(),
    ])
}

/// Sub kegiatan codes that two or more offices plan in their T-C.33: (code, offices as first
/// written).
pub fn shared_codes(df: &DataFrame) -> PolarsResult<Vec<(String, Vec<String>)>> {
    let out = df
        .clone()
        .lazy()
        .filter(
            col("table")
                .eq(lit("T-C.33"))
                .and(col("level").eq(lit("sub_kegiatan")))
                .and(col("code").neq(lit("")))
                .and(col("office_key").neq(lit(""))),
        )
        // One name per office (as first written), then the offices per code.
        .group_by_stable([col("code"), col("office_key")])
        .agg([col("office").first()])
        .group_by([col("code")])
        .agg([col("office").sort(SortOptions::default()).alias("offices")])
        .filter(col("offices").list().len().gt(lit(1)))
        .sort(["code"], SortMultipleOptions::default())
        .collect()?;
    let codes = out.column("code")?.str()?.clone();
    let offices = out.column("offices")?.list()?.clone();
    let mut res = Vec::new();
    for i in 0..out.height() {
        let code = codes.get(i).unwrap_or("").to_string();
        let list = offices
            .get_as_series(i)
            .map(|s| {
                s.str()
                    .map(|c| c.iter().flatten().map(str::to_string).collect())
                    .unwrap_or_default()
            })
            .unwrap_or_default();
        res.push((code, list));
    }
    Ok(res)
}

const HEADERS_ID: [&str; 13] = [
    "Perangkat daerah",
    "Berkas",
    "Tabel",
    "Tingkat",
    "Kode",
    "Uraian",
    "Indikator",
    "Target",
    "Satuan",
    "Pagu tahun n",
    "Pagu tahun n+1",
    "Lembar",
    "Sel",
];
const HEADERS_EN: [&str; 13] = [
    "Office",
    "File",
    "Table",
    "Level",
    "Code",
    "Name",
    "Indicator",
    "Target",
    "Unit",
    "Budget year n",
    "Budget year n+1",
    "Sheet",
    "Cell",
];

fn dec_text(d: &Option<Decimal>) -> String {
    d.map(|v| v.normalize().to_string()).unwrap_or_default()
}

/// The long table as CSV (comma-separated, UTF-8 with a byte-order mark so Excel opens it right;
/// amounts in plain digits with a point).
pub fn csv_bytes(rows: &[ExportRow], en: bool) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::Writer::from_writer(vec![0xEF, 0xBB, 0xBF]);
    w.write_record(if en { HEADERS_EN } else { HEADERS_ID })?;
    for r in rows {
        w.write_record([
            r.office.as_str(),
            &r.file,
            &r.table,
            r.level,
            &r.code,
            &r.name,
            &r.indicator,
            &dec_text(&r.target),
            &r.unit,
            &dec_text(&r.pagu_n),
            &dec_text(&r.pagu_n1),
            &r.sheet,
            &r.cell,
        ])?;
    }
    w.into_inner().map_err(|e| e.into_error().into())
}

/// The long table as xlsx (sheet `Ekspor` / `Export`, with a filter and a frozen header), and
/// a second sheet listing the sub kegiatan planned by two or more offices.
pub fn xlsx_bytes(
    rows: &[ExportRow],
    shared: &[(String, Vec<String>)],
    en: bool,
) -> Result<Vec<u8>, XlsxError> {
    use rust_decimal::prelude::ToPrimitive;
    let mut wb = Workbook::new();
    let head = Format::new().set_bold();
    let money = Format::new().set_num_format("#,##0");
    let ws = wb.add_worksheet();
    ws.set_name(if en { "Export" } else { "Ekspor" })?;
    for (c, h) in (if en { HEADERS_EN } else { HEADERS_ID })
        .iter()
        .enumerate()
    {
        ws.write_string_with_format(0, c as u16, *h, &head)?;
    }
    for (i, r) in rows.iter().enumerate() {
        let row = i as u32 + 1;
        for (c, v) in [&r.office, &r.file, &r.table].iter().enumerate() {
            ws.write_string(row, c as u16, v.as_str())?;
        }
        ws.write_string(row, 3, r.level)?;
        ws.write_string(row, 4, &r.code)?;
        ws.write_string(row, 5, &r.name)?;
        ws.write_string(row, 6, &r.indicator)?;
        if let Some(t) = r.target.and_then(|d| d.to_f64()) {
            ws.write_number(row, 7, t)?;
        }
        ws.write_string(row, 8, &r.unit)?;
        for (c, v) in [(9u16, r.pagu_n), (10, r.pagu_n1)] {
            if let Some(x) = v.and_then(|d| d.to_f64()) {
                ws.write_number_with_format(row, c, x, &money)?;
            }
        }
        ws.write_string(row, 11, &r.sheet)?;
        ws.write_string(row, 12, &r.cell)?;
    }
    ws.autofilter(0, 0, (rows.len() as u32).max(1), 12)?;
    ws.set_freeze_panes(1, 0)?;
    let ws2 = wb.add_worksheet();
    ws2.set_name(if en { "Shared codes" } else { "Kode bersama" })?;
    ws2.write_string_with_format(
        0,
        0,
        if en {
            "Sub kegiatan code"
        } else {
            "Kode sub kegiatan"
        },
        &head,
    )?;
    ws2.write_string_with_format(
        0,
        1,
        if en {
            "Offices planning it (T-C.33)"
        } else {
            "Perangkat daerah yang merencanakannya (T-C.33)"
        },
        &head,
    )?;
    for (i, (code, offices)) in shared.iter().enumerate() {
        ws2.write_string(i as u32 + 1, 0, code)?;
        ws2.write_string(i as u32 + 1, 1, offices.join("; "))?;
    }
    wb.save_to_buffer()
}

/// Reads every workbook, gathers its rows and writes `ekspor.xlsx` and `ekspor.csv`
/// (`export.*` in English) into `out`. Returns the files written and the read errors (one bad
/// workbook is reported and skipped, never stops the export).
pub fn export_files(
    files: &[std::path::PathBuf],
    tables: &crate::ingest::rules::TableRules,
    nomenclature: &crate::checks::config::CheckConfig,
    out: &std::path::Path,
    en: bool,
) -> Result<(Vec<std::path::PathBuf>, Vec<String>), String> {
    use rayon::prelude::*;
    let read: Vec<Result<Vec<ExportRow>, String>> = files
        .par_iter()
        .map(|f| {
            let ing = crate::ingest::ingest(f, tables).map_err(|e| e.to_string())?;
            let plan =
                crate::model::plan::build_plan_with(&ing, tables, Some(&nomenclature.nomenclature));
            let label = f.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            Ok(rows_of(&plan, label))
        })
        .collect();
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    for r in read {
        match r {
            Ok(mut v) => rows.append(&mut v),
            Err(e) => errors.push(e),
        }
    }
    let df = frame(&rows).map_err(|e| e.to_string())?;
    let shared = shared_codes(&df).map_err(|e| e.to_string())?;
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let stem = if en { "export" } else { "ekspor" };
    let xlsx = out.join(format!("{stem}.xlsx"));
    let csv = out.join(format!("{stem}.csv"));
    let xb = xlsx_bytes(&rows, &shared, en).map_err(|e| e.to_string())?;
    let cb = csv_bytes(&rows, en).map_err(|e| e.to_string())?;
    crate::report::annotate::write_atomic(&xlsx, &xb)
        .map_err(|e| format!("{}: {e}", xlsx.display()))?;
    crate::report::annotate::write_atomic(&csv, &cb)
        .map_err(|e| format!("{}: {e}", csv.display()))?;
    Ok((vec![xlsx, csv], errors))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(office: &str, code: &str) -> ExportRow {
        ExportRow {
            office: office.into(),
            file: format!("{office}.xlsx"),
            table: "T-C.33".into(),
            level: "sub_kegiatan",
            code: code.into(),
            name: "Sub".into(),
            indicator: String::new(),
            target: Some(3.into()),
            unit: "Dokumen".into(),
            pagu_n: Some(Decimal::new(15_387_210_499, 0)),
            pagu_n1: None,
            sheet: "T-C.33".into(),
            cell: "F12".into(),
        }
    }

    #[test]
    fn a_code_planned_by_two_offices_is_found_by_the_group_by() {
        let rows = vec![
            row("Dinas A", "1.06.01.2.01.0001"),
            row("Dinas B", "1.06.01.2.01.0001"),
            row("Dinas B", "1.06.01.2.01.0002"),
            row("DINAS  A KABUPATEN KUTAI", "1.06.01.2.01.0002"),
        ];
        let df = frame(&rows).unwrap();
        assert_eq!(df.height(), 4);
        let shared = shared_codes(&df).unwrap();
        let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            shared,
            [
                (
                    "1.06.01.2.01.0001".to_string(),
                    names(&["Dinas A", "Dinas B"])
                ),
                // "DINAS  A KABUPATEN KUTAI" is Dinas A written another way, not a third office
                (
                    "1.06.01.2.01.0002".to_string(),
                    names(&["DINAS  A KABUPATEN KUTAI", "Dinas B"])
                ),
            ]
        );
    }

    #[test]
    fn one_office_planning_a_code_twice_is_not_shared() {
        let rows = vec![
            row("Dinas A", "1.06.01.2.01.0001"),
            row("DINAS A Kab. Kutai Kartanegara", "1.06.01.2.01.0001"),
        ];
        assert!(shared_codes(&frame(&rows).unwrap()).unwrap().is_empty());
    }

    #[test]
    fn csv_keeps_amounts_exact_and_opens_in_excel() {
        let bytes = csv_bytes(&[row("Dinas A", "1.06.01.2.01.0001")], false).unwrap();
        assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]));
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        assert!(text.contains(",15387210499,"), "{text}");
        assert!(text.starts_with("Perangkat daerah,Berkas,Tabel"));
    }
}
