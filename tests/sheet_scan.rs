//! The light scan of worksheet XML (`ingest::sheetxml`) gives the same merged ranges as
//! calamine's own pass, on the samples, the layout zoo, the fidelity workbook, and a sample
//! rewritten the way other writers write: no `r` on cells, a namespace prefix on every element,
//! a comment holding a fake cell; and the reader gives such a sheet the same cells and number
//! formats as the original.

#[path = "support/fidelity.rs"]
mod fidelity;
#[path = "support/zoo.rs"]
mod zoo;

use calamine::{Reader, Xlsx};
use selaras::ingest::cell::Pos;
use selaras::ingest::sheetxml::scan_workbook;
use std::io::{Cursor, Read, Write};
use std::path::Path;

fn calamine_merges(bytes: &[u8]) -> Vec<(String, Vec<(Pos, Pos)>)> {
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    let mut out = Vec::new();
    for name in wb.sheet_names() {
        if wb.worksheet_cells_reader(&name).is_err() {
            continue;
        }
        let merges = wb
            .merge_cells_by_sheet_name(&name)
            .unwrap()
            .into_iter()
            .map(|d| (Pos::new(d.start.0, d.start.1), Pos::new(d.end.0, d.end.1)))
            .collect();
        out.push((name, merges));
    }
    out
}

/// The scan's merges of every sheet against calamine's; how many there are.
fn assert_same(label: &str, bytes: &[u8]) -> usize {
    let mut scanned = scan_workbook(bytes).unwrap_or_else(|| panic!("{label}: scan failed"));
    let mut merged = 0;
    for (name, merges) in calamine_merges(bytes) {
        let got = scanned
            .remove(&name)
            .unwrap_or_else(|| panic!("{label}: sheet {name} not scanned"));
        assert_eq!(got, merges, "{label}: merges of {name}");
        merged += merges.len();
    }
    merged
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
    let mut merged = 0;
    for dir in ["samples", "samples/rkpd"] {
        for e in std::fs::read_dir(root.join(dir)).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "xlsx") {
                merged += assert_same(&p.display().to_string(), &std::fs::read(&p).unwrap());
            }
        }
    }
    for b in zoo::all_books() {
        merged += assert_same(b.layout, &b.bytes);
    }
    merged += assert_same("fidelity", &fidelity::workbook(false));
    assert!(
        merged > 100,
        "only {merged} merged ranges: the test reads too little"
    );
}

#[test]
fn the_scan_follows_prefixes_and_cells_without_references() {
    let bytes = rewritten_sample();
    // calamine itself reads the rewritten sheet's merges as the scan does.
    let merged = assert_same("rewritten sample", &bytes);
    assert!(merged > 5, "{merged}");
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
    let cells = read(&original);
    assert!(cells.iter().filter(|c| c.2.is_some()).count() > 100);
    assert_eq!(read(&bytes), cells);
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

/// Formulas are read only for a sheet that holds an error cell, whose formula A002 quotes; the
/// error cell's formula is the one the file keeps, shared or not.
#[test]
fn the_formula_of_an_error_cell_is_kept() {
    use rust_xlsxwriter::{Formula, Workbook};
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("errors").unwrap();
    ws.write_number(0, 0, 5.0).unwrap();
    ws.write_formula(0, 1, Formula::new("=A1/0").set_result("#DIV/0!"))
        .unwrap();
    ws.write_formula(0, 2, Formula::new("=A1*2").set_result("10"))
        .unwrap();
    let ws = wb.add_worksheet().set_name("fine").unwrap();
    ws.write_number(0, 0, 5.0).unwrap();
    ws.write_formula(0, 1, Formula::new("=A1*2").set_result("10"))
        .unwrap();
    let bytes = wb.save_to_buffer().unwrap();
    let read = selaras::ingest::workbook::read_workbook_bytes(Path::new("x.xlsx"), &bytes).unwrap();
    let errors = &read.sheets[0];
    assert!(
        matches!(
            errors.value(Pos::new(0, 1)),
            selaras::ingest::cell::Value::Error(_)
        ),
        "{:?}",
        errors.value(Pos::new(0, 1))
    );
    assert_eq!(errors.formula(Pos::new(0, 1)), Some("A1/0"));
    assert_eq!(errors.value(Pos::new(0, 2)).display(), "10");
    let fine = &read.sheets[1];
    assert_eq!(fine.value(Pos::new(0, 1)).display(), "10");
    assert!(fine.formulas.is_empty());
}

/// The cells of one shared string share one text (the reader interns them by the address of
/// calamine's string-table entry), and every cell still reads its own string: two sheets,
/// repeated and distinct strings, an empty string, and an inline string beside them.
#[test]
fn cells_of_one_shared_string_share_one_text_and_each_reads_its_own() {
    use selaras::ingest::cell::Value;
    use std::sync::Arc;
    let mut wb = rust_xlsxwriter::Workbook::new();
    let words = ["Dokumen", "Paket", "Dokumen", "Laporan", "Paket", "Dokumen"];
    for name in ["satu", "dua"] {
        let ws = wb.add_worksheet().set_name(name).unwrap();
        for (r, w) in words.iter().enumerate() {
            ws.write_string(r as u32, 0, *w).unwrap();
            ws.write_string(r as u32, 1, format!("{name} {r}")).unwrap();
        }
        ws.write_string(10, 0, "").unwrap();
    }
    let bytes = wb.save_to_buffer().unwrap();
    let read = selaras::ingest::workbook::read_workbook_bytes(Path::new("x.xlsx"), &bytes).unwrap();
    let text = |s: usize, r: u32, c: u32| match read.sheets[s].value(Pos::new(r, c)) {
        Value::Text(t) => t.clone(),
        v => panic!("({s}, {r}, {c}): {v:?}"),
    };
    for s in 0..2 {
        for (r, w) in words.iter().enumerate() {
            assert_eq!(&*text(s, r as u32, 0), *w);
            let name = ["satu", "dua"][s];
            assert_eq!(&*text(s, r as u32, 1), format!("{name} {r}"));
        }
        assert!(read.sheets[s].value(Pos::new(10, 0)).is_empty());
    }
    // One allocation for every "Dokumen" of both sheets; another for "Paket".
    assert!(Arc::ptr_eq(&text(0, 0, 0), &text(0, 2, 0)));
    assert!(Arc::ptr_eq(&text(0, 0, 0), &text(1, 5, 0)));
    assert!(Arc::ptr_eq(&text(0, 1, 0), &text(1, 4, 0)));
    assert!(!Arc::ptr_eq(&text(0, 0, 0), &text(0, 1, 0)));
}
