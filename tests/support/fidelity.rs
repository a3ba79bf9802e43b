//! Workbooks that use what a planner's workbook may hold and calamine does not expose, so the
//! annotated copy can be shown to keep all of it: column widths, row heights, frozen panes,
//! hidden rows/columns/sheets, fonts and colours, conditional formats, data validation,
//! merged ranges, an image, a chart, a table, defined names and a print area, array and
//! dynamic formulas, rich strings, existing notes, hyperlinks, and (as .xlsm) a VBA project
//! with a button.
#![allow(dead_code)]

use rust_xlsxwriter::{
    Button, Chart, ChartType, Color, ConditionalFormatCell, ConditionalFormatCellRule,
    DataValidation, DataValidationRule, Format, FormatBorder, FormatUnderline, Formula, Image,
    Note, Table, TableColumn, Workbook,
};
use selaras::report::annotate::{Mark, TemuanRow, TemuanSheet};

/// A 1×1 PNG.
pub const PNG: [u8; 70] = [
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0xDA, 0x63, 0x64, 0x60, 0xF8, 0x5F,
    0x0F, 0x00, 0x02, 0x87, 0x01, 0x80, 0xEB, 0x47, 0xBA, 0x92, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
    0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
];

/// The fidelity workbook; `xlsm` adds a VBA project and a button (a form control in the same
/// VML drawing as the notes).
pub fn workbook(xlsm: bool) -> Vec<u8> {
    let mut wb = Workbook::new();
    if xlsm {
        wb.add_vba_project(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/vbaProject.bin"
        ))
        .unwrap();
    }
    let head = Format::new()
        .set_bold()
        .set_font_name("Arial")
        .set_font_size(12)
        .set_font_color(Color::RGB(0xC00000))
        .set_background_color(Color::RGB(0xDDEBF7))
        .set_border(FormatBorder::Thin);
    let money = Format::new()
        .set_num_format("#,##0.00")
        .set_border(FormatBorder::Medium)
        .set_italic()
        .set_align(rust_xlsxwriter::FormatAlign::Right);
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let link = Format::new()
        .set_font_color(Color::Blue)
        .set_underline(FormatUnderline::Single);
    {
        let ws = wb.add_worksheet();
        ws.set_name("Data").unwrap();
        for (c, h) in ["Kode", "Nilai", "Tanggal"].iter().enumerate() {
            ws.write_string_with_format(0, c as u16, *h, &head).unwrap();
        }
        ws.merge_range(0, 3, 0, 4, "Gabung", &head).unwrap();
        for i in 1..=20u32 {
            ws.write_string(i, 0, format!("K{i}")).unwrap();
            ws.write_number_with_format(i, 1, i as f64 * 7.5, &money)
                .unwrap();
            ws.write_number_with_format(i, 2, 46000.0 + i as f64, &date)
                .unwrap();
            ws.write_formula(
                i,
                3,
                Formula::new(format!("=B{}*2", i + 1)).set_result(format!("{}", i as f64 * 15.0)),
            )
            .unwrap();
        }
        ws.set_column_width(0, 4.5).unwrap();
        ws.set_column_width(1, 15).unwrap();
        ws.set_column_width(2, 12.25).unwrap();
        ws.set_column_hidden(4).unwrap();
        ws.set_row_height(4, 30).unwrap();
        ws.set_row_hidden(6).unwrap();
        ws.set_freeze_panes(1, 1).unwrap();
        ws.add_conditional_format(
            1,
            1,
            20,
            1,
            &ConditionalFormatCell::new()
                .set_rule(ConditionalFormatCellRule::GreaterThan(50))
                .set_format(Format::new().set_background_color(Color::RGB(0xFFC7CE))),
        )
        .unwrap();
        ws.add_data_validation(
            1,
            5,
            20,
            5,
            &DataValidation::new().allow_whole_number(DataValidationRule::Between(1, 10)),
        )
        .unwrap();
        ws.insert_note(
            2,
            0,
            &Note::new("Catatan perencana: cek ulang").set_author("Perencana"),
        )
        .unwrap();
        ws.write_url(1, 6, "https://example.com/renja").unwrap();
        ws.write_url_with_format(2, 6, "internal:Grafik!A1", &link)
            .unwrap();
        ws.write_rich_string(
            21,
            0,
            &[
                (&Format::new().set_bold(), "Tebal "),
                (&Format::new().set_font_color(Color::Red), "merah"),
            ],
        )
        .unwrap();
        ws.write_array_formula(1, 7, 3, 7, Formula::new("{=B2:B4*2}"))
            .unwrap();
        ws.write_dynamic_formula(1, 8, Formula::new("=_xlfn._xlws.SORT(B2:B5)"))
            .unwrap();
        ws.write_string(0, 10, "Tahun").unwrap();
        let table = Table::new().set_columns(&[
            TableColumn::new().set_header("Tahun"),
            TableColumn::new().set_header("Pagu"),
        ]);
        for r in 1..=4u32 {
            ws.write_number(r, 10, 2024.0 + r as f64).unwrap();
            ws.write_number(r, 11, 1000.0 * r as f64).unwrap();
        }
        ws.add_table(0, 10, 4, 11, &table).unwrap();
        ws.insert_image(1, 13, &Image::new_from_buffer(&PNG).unwrap())
            .unwrap();
        ws.set_print_area(0, 0, 21, 8).unwrap();
        if xlsm {
            ws.insert_button(
                24,
                6,
                &Button::new().set_caption("Jalankan").set_macro("say_hello"),
            )
            .unwrap();
        }
    }
    {
        let ws = wb.add_worksheet();
        ws.set_name("Grafik").unwrap();
        ws.write_string(0, 0, "Grafik pagu").unwrap();
        let mut chart = Chart::new(ChartType::Column);
        chart.add_series().set_values("Data!$B$2:$B$6");
        ws.insert_chart(2, 1, &chart).unwrap();
        ws.set_active(true);
    }
    {
        let ws = wb.add_worksheet();
        ws.set_name("Tersembunyi").unwrap();
        ws.write_string(0, 0, "rahasia").unwrap();
        ws.write_number(1, 0, 42.0).unwrap();
        ws.set_hidden(true);
    }
    wb.define_name("Total", "=Data!$B$2:$B$21").unwrap();
    wb.define_name("Data!Lokal", "=Data!$A$1").unwrap();
    wb.save_to_buffer().unwrap()
}

/// Marks over every kind of cell the patch must handle: styled, with a note, merged, an array
/// formula, an empty cell in an existing row, a missing row between rows and past the last.
pub fn marks() -> Vec<Mark> {
    let m = |sheet: &str, row: u32, col: u32, fill: u32, note: &str| Mark {
        sheet: sheet.into(),
        row,
        col,
        fill,
        note: note.into(),
    };
    vec![
        m("Data", 0, 0, 0xF4A582, "[A001 galat] judul & <kode>"),
        m("Data", 1, 1, 0xFEE090, "[B002 peringatan] nilai"),
        m("Data", 2, 0, 0xF4A582, "[C003 galat] pada sel bercatatan"),
        m("Data", 1, 5, 0xABD9E9, "[D004 info] sel kosong"),
        m("Data", 0, 3, 0xFEE090, "[E005 peringatan] sel gabungan"),
        m("Data", 1, 7, 0xF4A582, "[F006 galat] rumus larik"),
        m("Data", 24, 2, 0xABD9E9, "[G007 info] baris yang tidak ada"),
        m(
            "Data",
            39,
            1,
            0xF4A582,
            "[H008 galat] setelah baris terakhir",
        ),
        m("Grafik", 0, 0, 0xFEE090, "[I009 peringatan] lembar grafik"),
        m(
            "Tersembunyi",
            1,
            0,
            0xABD9E9,
            "[J010 info] lembar tersembunyi",
        ),
    ]
}

/// A findings sheet listing the marks.
pub fn temuan(marks: &[Mark]) -> TemuanSheet {
    TemuanSheet {
        name: "Temuan".into(),
        notice: None,
        counts_title: "Jumlah temuan per aturan".into(),
        counts: Vec::new(),
        total_label: "Jumlah".into(),
        total: marks.len(),
        headers: [
            "Tingkat",
            "Aturan",
            "Lembar",
            "Sel",
            "Pesan",
            "Seharusnya",
            "Tertulis",
            "Terkait",
        ]
        .map(String::from),
        rows: marks
            .iter()
            .map(|m| TemuanRow {
                label: "galat".into(),
                fill: m.fill,
                rule: m.note[1..5].to_string(),
                sheet: m.sheet.clone(),
                cell: format!("{}{}", selaras::ingest::cell::col_letters(m.col), m.row + 1),
                message: m.note.clone(),
                expected: "1".into(),
                found: "2".into(),
                related: String::new(),
            })
            .collect(),
    }
}
