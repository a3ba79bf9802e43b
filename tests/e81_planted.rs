//! The sample E.81 with three planted mistakes gives exactly their findings, on their cells:
//! a year figure that is neither the sum nor the last of the quarters (C006, with the Renstra
//! figure built on it), a level indicator going down from one quarter to the next (F011), and a
//! predikat that is not the band of the mean capaian (C008). The clean sample gives none
//! (`tests/golden/e81-dinsos-kukar-2026.txt`).

#[path = "support/samplegen.rs"]
mod samplegen;

use calamine::{Data, Reader, Xlsx};
use selaras::checks::config::CheckConfig;
use selaras::checks::{Context, Severity, run_all};
use selaras::ingest::cell::Pos;
use selaras::ingest::{ingest_workbook, rules::TableRules, workbook::read_workbook_bytes};
use selaras::model::plan::build_plan_with;
use std::io::Cursor;
use std::path::Path;

/// The first cell of the sheet whose shown value is `v` (numbers the way calamine gives them).
fn cell_of(bytes: &[u8], sheet: &str, want: impl Fn(&Data) -> bool) -> String {
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    let range = wb.worksheet_range(sheet).unwrap();
    let (r0, c0) = range.start().unwrap();
    for (r, c, d) in range.used_cells() {
        if want(d) {
            return Pos::new(r0 + r as u32, c0 + c as u32).a1();
        }
    }
    panic!("no such cell in {sheet}");
}

fn set(csv: &mut samplegen::Csv, kode: &str, col: &str, value: &str) {
    let (k, c) = (csv.col("kode"), csv.col(col));
    let row = csv
        .rows
        .iter_mut()
        .find(|r| r[k] == kode)
        .unwrap_or_else(|| panic!("no row {kode}"));
    row[c] = value.to_string();
}

#[test]
fn planted_e81_mistakes_give_exactly_their_findings() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/data");
    let mut csv = samplegen::Csv::read(&data.join("e81.csv"));
    // Salaries (a count): quarters 18+30+36+36 = 120, written 777.
    set(&mut csv, "1.06.01.2.02.01", "k12", "777");
    // Disaster victims served (a percentage): 25, 50, then 41,5, then 100.
    set(&mut csv, "1.06.06.2.01", "k10", "41,5");
    // The predikat under the table: the mean is 85,39, `Tinggi`.
    let (lvl, k14) = (csv.col("level"), csv.col("k14"));
    let footer = csv
        .rows
        .iter_mut()
        .find(|r| r[lvl] == "footer" && r[k14] == "Tinggi")
        .unwrap();
    footer[k14] = "Sangat Rendah".to_string();
    let bytes = samplegen::build_e81_from(&csv, samplegen::Layout::Staff);

    let rules = TableRules::default_rules();
    let config = CheckConfig::default_config();
    let ing = ingest_workbook(
        read_workbook_bytes(Path::new("e81.xlsx"), &bytes).unwrap(),
        &rules,
    );
    let plan = build_plan_with(&ing, &rules, Some(&config.nomenclature));
    let mut got: Vec<(String, String)> = run_all(&Context {
        ingested: &ing,
        plan: &plan,
        config: &config,
    })
    .into_iter()
    .filter(|f| f.severity != Severity::Info)
    .map(|f| (f.rule.to_string(), f.cell.a1()))
    .collect();
    got.sort();

    let sheet = "Formulir E.81";
    let k12 = cell_of(&bytes, sheet, |d| {
        *d == Data::Float(777.0) || *d == Data::Int(777)
    });
    // Column 13 of the same row (408 + 120 = 528 as written) no longer follows from 12.
    let row = &k12[k12.find(|c: char| c.is_ascii_digit()).unwrap()..];
    let k13 = {
        let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(&bytes[..])).unwrap();
        let range = wb.worksheet_range(sheet).unwrap();
        let (r0, c0) = range.start().unwrap();
        let r: u32 = row.parse::<u32>().unwrap() - 1;
        range
            .used_cells()
            .find(|(rr, _, d)| r0 + *rr as u32 == r && **d == Data::Float(528.0))
            .map(|(rr, cc, _)| Pos::new(r0 + rr as u32, c0 + cc as u32).a1())
            .unwrap()
    };
    let q3 = cell_of(&bytes, sheet, |d| *d == Data::Float(41.5));
    let predikat = cell_of(&bytes, sheet, |d| {
        *d == Data::String("Sangat Rendah".into())
    });
    let mut want = vec![
        ("C006".to_string(), k12),
        ("C006".to_string(), k13),
        ("F011".to_string(), q3),
        ("C008".to_string(), predikat),
    ];
    want.sort();
    assert_eq!(got, want);
}
