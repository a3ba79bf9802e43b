//! A002 `error-cell`: A cell holds a formula error (#REF!, #DIV/0!, …).

use super::util::{label, node_at_row};
use super::{Context, Finding, Rule, Severity};
use crate::ingest::cell::{Pos, Value};
use crate::model::plan::TableModel;

pub static RULE: Rule = Rule {
    code: "A002",
    name: "error-cell",
    family: 'A',
    severity: Severity::Error,
    summary_id: "Sel berisi galat rumus (#REF!, #DIV/0!, …)",
    summary_en: "A cell holds a formula error (#REF!, #DIV/0!, …)",
    explain_id: "\
Apa yang diperiksa
  Setiap sel di dalam tabel yang ditemukan (dari baris header sampai baris terakhir tabel, dari
  kolom pertama sampai kolom terakhir yang dikenali, termasuk baris jumlah, baris lanjutan dan
  kolom yang tidak dipetakan) yang berisi galat rumus Excel: `#REF!`, `#DIV/0!`, `#VALUE!`,
  `#N/A`, `#NAME?`, `#NUM!`, `#NULL!`. Satu temuan per sel; rumusnya ikut disebut bila ada.
  Sel di luar tabel (catatan, teks pengantar) tidak diperiksa.

Mengapa ini masalah
  Sel galat tidak punya nilai: jumlah yang merujuknya ikut galat, dan pemeriksaan lain tidak
  dapat membandingkannya. `#REF!` biasanya muncul setelah baris atau lembar yang dirujuk rumus
  dihapus; `#DIV/0!` pada persentase realisasi bila targetnya kosong atau nol.

Contoh
  Pagu kegiatan berisi `=SUM(K12:K15)` lalu baris 13 dihapus dan rumus merujuk lembar yang
  sudah tidak ada: sel menampilkan `#REF!`.

Sebaiknya
  Perbaiki rumusnya atau ganti dengan nilai; untuk persentase dengan target nol, tulis rumus
  yang menangani pembagi nol, mis. =IF(F12=0;\"\";G12/F12*100).",
    explain_en: "\
What it does
  Every cell inside a located table (from the header row to the table's last row, from its
  first to its last recognised column, including total rows, continuation rows and unmapped
  columns) that holds an Excel formula error: `#REF!`, `#DIV/0!`, `#VALUE!`, `#N/A`, `#NAME?`,
  `#NUM!`, `#NULL!`. One finding per cell; the formula is quoted when the file keeps it.
  Cells outside the tables (notes, lead-in text) are not checked.

Why is this bad
  An error cell has no value: every sum that refers to it is an error too, and the other checks
  cannot compare it. `#REF!` usually follows deleting a row or sheet a formula referred to;
  `#DIV/0!` shows in realisation percentages whose target is blank or zero.

Example
  A kegiatan budget `=SUM(K12:K15)` whose row 13 was deleted, or a formula pointing to a sheet
  that is gone: the cell shows `#REF!`.

Use instead
  Repair the formula or replace it with the value; for a percentage over a zero target, write a
  formula that handles the zero divisor, e.g. =IF(F12=0,\"\",G12/F12*100).",
    run,
};

/// A label for the sheet row `row` of a table: its node, or the sheet row number.
fn row_label(t: &TableModel, row: u32, en: bool) -> String {
    let ri = t.table.rows.iter().position(|r| r.row == row);
    ri.and_then(|ri| node_at_row(t, ri))
        .map(|n| label(n, en).trim().to_string())
        .unwrap_or_else(|| {
            if row <= t.table.header_end {
                "header".into()
            } else if en {
                format!("row {}", row + 1)
            } else {
                format!("baris {}", row + 1)
            }
        })
}

fn run(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for t in &ctx.plan.tables {
        let lt = &t.table;
        let Some(sheet) = ctx
            .ingested
            .workbook
            .sheets
            .iter()
            .find(|s| s.name == lt.sheet)
        else {
            continue;
        };
        let last = lt.last_row.max(lt.header_end);
        let from = sheet.row_index_from(lt.header_start);
        for (row, cells) in sheet.rows[from..].iter().take_while(|(r, _)| *r <= last) {
            for (col, cell) in cells {
                if *col < lt.first_col || *col > lt.last_col {
                    continue;
                }
                let Value::Error(e) = &cell.value else {
                    continue;
                };
                let pos = Pos::new(*row, *col);
                let header = lt
                    .columns
                    .iter()
                    .find(|c| c.col == *col)
                    .map(|c| c.header.clone())
                    .unwrap_or_else(|| pos.a1());
                let formula = sheet
                    .formula(pos)
                    .map(|f| format!(" (=`{f}`)"))
                    .unwrap_or_default();
                out.push(
                    Finding::new(
                        &RULE,
                        &lt.sheet,
                        pos,
                        format!(
                            "{}: {} kolom `{}` berisi galat rumus {}{}",
                            lt.kind,
                            row_label(t, *row, false),
                            header,
                            e,
                            formula
                        ),
                        format!(
                            "{}: {} column `{}` holds the formula error {}{}",
                            lt.kind,
                            row_label(t, *row, true),
                            header,
                            e,
                            formula
                        ),
                    )
                    .expected_found("nilai tanpa galat rumus", e.clone())
                    .expected_found_en("a value without a formula error", e.clone()),
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::util::testkit::{TC33, run, sheet};
    use crate::ingest::cell::Cell;
    use crate::ingest::workbook::Sheet;

    fn rows() -> Vec<[&'static str; 12]> {
        vec![
            [
                "1.06.01",
                "PROGRAM PENUNJANG",
                "Nilai SAKIP",
                "",
                "75",
                "Nilai",
                "600.000.000",
                "",
                "",
                "80",
                "Nilai",
                "700.000.000",
            ],
            [
                "1.06.01.2.01",
                "Perencanaan",
                "Dokumen",
                "",
                "3",
                "Dokumen",
                "600.000.000",
                "",
                "",
                "3",
                "Dokumen",
                "700.000.000",
            ],
        ]
    }

    /// The fixture sheet with the cell at (row, col) replaced by an error value.
    fn with_error(mut s: Sheet, row: u32, col: u32, e: &str) -> Sheet {
        let mut cells: Vec<(u32, u32, Cell)> = s
            .rows
            .drain(..)
            .flat_map(|(r, cs)| cs.into_iter().map(move |(c, cell)| (r, c, cell)))
            .filter(|(r, c, _)| !(*r == row && *c == col))
            .collect();
        cells.push((row, col, Cell::new(Value::Error(e.into()))));
        Sheet::from_cells(&s.name, cells, vec![])
            .with_formulas(vec![(Pos::new(row, col), "SUM(G4:G9)".into())])
    }

    #[test]
    fn fires_on_an_error_cell_in_a_table() {
        let s = with_error(sheet("T-C.33", &[], TC33, &rows()), 2, 6, "#REF!");
        let f = run(&RULE, vec![s]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].cell, "G3");
        assert_eq!(f[0].found.as_deref(), Some("#REF!"));
        assert_eq!(f[0].expected.as_deref(), Some("nilai tanpa galat rumus"));
        assert!(f[0].message_id.contains("1.06.01.2.01"));
        assert!(f[0].message_id.contains("SUM(G4:G9)"));
    }

    #[test]
    fn silent_on_a_clean_table_and_on_errors_outside_tables() {
        let f = run(&RULE, vec![sheet("T-C.33", &[], TC33, &rows())]);
        assert!(f.is_empty(), "{f:?}");
        // An error on a data row but far to the right of the table's columns is not inside it.
        let s = with_error(sheet("T-C.33", &[], TC33, &rows()), 1, 20, "#DIV/0!");
        let f = run(&RULE, vec![s]);
        assert!(f.is_empty(), "{f:?}");
    }
}
