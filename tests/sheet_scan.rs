//! The one-pass scan of worksheet XML (`ingest::sheetxml`) gives the same style ids and merged
//! ranges as calamine's own two passes, on the samples, the layout zoo, the fidelity workbook,
//! and a sample rewritten the way other writers write: no `r` on cells, a namespace prefix on
//! every element, a comment holding a fake cell.

#[path = "support/fidelity.rs"]
mod fidelity;
#[path = "support/zoo.rs"]
mod zoo;

use calamine::{Reader, Xlsx};
use selaras::ingest::cell::Pos;
use selaras::ingest::sheetxml::scan_workbook;
use std::io::{Cursor, Read, Write};
use std::path::Path;

type Extras = (Vec<(u32, u32, usize)>, Vec<(Pos, Pos)>);

fn calamine_extras(bytes: &[u8]) -> Vec<(String, Extras)> {
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    let mut out = Vec::new();
    for name in wb.sheet_names() {
        let mut ids = Vec::new();
        match wb.worksheet_cells_reader(&name) {
            Ok(mut r) => {
                while let Some(id) = r.next_style_id().unwrap() {
                    ids.push(id);
                }
            }
            Err(_) => continue,
        }
        let merges = wb
            .merge_cells_by_sheet_name(&name)
            .unwrap()
            .into_iter()
            .map(|d| (Pos::new(d.start.0, d.start.1), Pos::new(d.end.0, d.end.1)))
            .collect();
        out.push((name, (ids, merges)));
    }
    out
}

fn assert_same(label: &str, bytes: &[u8]) -> usize {
    let mut scanned = scan_workbook(bytes).unwrap_or_else(|| panic!("{label}: scan failed"));
    let mut styled = 0;
    for (name, (ids, merges)) in calamine_extras(bytes) {
        let got = scanned
            .remove(&name)
            .unwrap_or_else(|| panic!("{label}: sheet {name} not scanned"));
        assert_eq!(got.style_ids, ids, "{label}: style ids of {name}");
        assert_eq!(got.merges, merges, "{label}: merges of {name}");
        styled += ids.len();
    }
    styled
}

/// The sample with its first worksheet's XML passed through `edit`.
fn sample_with_sheet1(edit: impl Fn(String) -> String) -> Vec<u8> {
    let src = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/renja-dinsos-kukar-2026.xlsx"),
    )
    .unwrap();
    let mut zin = zip::ZipArchive::new(Cursor::new(&src[..])).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..zin.len() {
        let mut f = zin.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        if name == "xl/worksheets/sheet1.xml" {
            data = edit(String::from_utf8(data).unwrap()).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&data).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// The sample with its first worksheet rewritten: `x:`-prefixed elements, cells without `r`,
/// and a comment that looks like a styled cell.
fn rewritten_sample() -> Vec<u8> {
    sample_with_sheet1(|xml| {
        let mut x = String::new();
        let mut rest = xml.as_str();
        // Drop every cell's r="…", keep the rows'.
        while let Some(i) = rest.find("<c r=\"") {
            x.push_str(&rest[..i]);
            x.push_str("<c");
            let after = &rest[i + 6..];
            let q = after.find('"').unwrap();
            rest = &after[q + 1..];
        }
        x.push_str(rest);
        x.replace(
            "<worksheet ",
            "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" ",
        )
        .replace("</worksheet>", "</x:worksheet>")
        .replace("<sheetData>", "<!-- <c s=\"1\"/> --><x:sheetData>")
        .replace("</sheetData>", "</x:sheetData>")
        .replace("<row ", "<x:row ")
        .replace("</row>", "</x:row>")
        .replace("<c ", "<x:c ")
        .replace("<c>", "<x:c>")
        .replace("</c>", "</x:c>")
        .replace("<v>", "<x:v>")
        .replace("</v>", "</x:v>")
        .replace("<mergeCells ", "<x:mergeCells ")
        .replace("</mergeCells>", "</x:mergeCells>")
        .replace("<mergeCell ", "<x:mergeCell ")
    })
}

#[test]
fn the_scan_agrees_with_calamine_on_every_workbook_we_have() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut styled = 0;
    for dir in ["samples", "samples/rkpd"] {
        for e in std::fs::read_dir(root.join(dir)).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "xlsx") {
                styled += assert_same(&p.display().to_string(), &std::fs::read(&p).unwrap());
            }
        }
    }
    for b in zoo::all_books() {
        assert_same(b.layout, &b.bytes);
    }
    assert_same("fidelity", &fidelity::workbook(false));
    assert!(
        styled > 1000,
        "only {styled} styled cells: the test reads too little"
    );
}

#[test]
fn the_scan_follows_prefixes_and_cells_without_references() {
    let bytes = rewritten_sample();
    // calamine itself reads the rewritten sheet: same cells, same styles as the original.
    let styled = assert_same("rewritten sample", &bytes);
    assert!(styled > 100, "{styled}");
    // And the whole check reads it the same as the original.
    let rules = selaras::ingest::rules::TableRules::default_rules();
    let read = |b: &[u8]| {
        let wb = selaras::ingest::workbook::read_workbook_bytes(Path::new("x.xlsx"), b).unwrap();
        let ing = selaras::ingest::ingest_workbook(wb, &rules);
        let s = &ing.workbook.sheets[0];
        s.rows
            .iter()
            .flat_map(|(r, cs)| {
                cs.iter()
                    .map(move |(c, _)| (*r, *c, s.format(Pos::new(*r, *c)).map(str::to_string)))
            })
            .collect::<Vec<_>>()
    };
    let original = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/renja-dinsos-kukar-2026.xlsx"),
    )
    .unwrap();
    assert_eq!(read(&bytes), read(&original));
}

/// The sample with the rows of its first worksheet written bottom to top, and the cells of
/// each row right to left (some writers do not keep Excel's order).
fn reversed_sample() -> Vec<u8> {
    sample_with_sheet1(|xml| {
        let (head, rest) = xml.split_at(xml.find("<row ").unwrap());
        let end = rest.rfind("</row>").unwrap() + "</row>".len();
        let (body, tail) = rest.split_at(end);
        let rows: Vec<String> = body
            .split_inclusive("</row>")
            .map(|row| {
                // <row …>cells</row>: the cells reversed.
                let open = row.find('>').unwrap() + 1;
                let close = row.len() - "</row>".len();
                let cells: Vec<&str> = row[open..close].split_inclusive("</c>").collect();
                let mut cells_rev: Vec<&str> = cells.clone();
                cells_rev.reverse();
                format!("{}{}</row>", &row[..open], cells_rev.concat())
            })
            .collect();
        assert!(rows.len() > 10, "{}", rows.len());
        let reversed: Vec<String> = rows.into_iter().rev().collect();
        format!("{head}{}{tail}", reversed.concat())
    })
}

#[test]
fn a_sheet_written_out_of_order_reads_as_the_same_cells() {
    let read = |b: &[u8]| {
        let wb = selaras::ingest::workbook::read_workbook_bytes(Path::new("x.xlsx"), b).unwrap();
        let s = &wb.sheets[0];
        assert!(
            s.rows.is_sorted_by_key(|(r, _)| *r)
                && s.rows
                    .iter()
                    .all(|(_, cs)| cs.is_sorted_by_key(|(c, _)| *c)),
            "rows and cells are kept in order"
        );
        s.rows
            .iter()
            .flat_map(|(r, cs)| cs.iter().map(move |(c, cell)| (*r, *c, cell.clone())))
            .collect::<Vec<_>>()
    };
    let original = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/renja-dinsos-kukar-2026.xlsx"),
    )
    .unwrap();
    let want = read(&original);
    assert!(want.len() > 300, "{}", want.len());
    assert_eq!(read(&reversed_sample()), want);
}
