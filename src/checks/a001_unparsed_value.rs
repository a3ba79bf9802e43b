//! A001 `unparsed-value`: A value cannot be read as a number, target or code.

use super::util::{label, node_at_row};
use super::{Context, Finding, Rule, Severity};
use crate::ingest::locate::{Field, Parsed};
use crate::ingest::rules::{ColumnType, normalize, starts_with_word};
use crate::model::plan::TableModel;

pub static RULE: Rule = Rule {
    code: "A001",
    name: "unparsed-value",
    family: 'A',
    severity: Severity::Error,
    summary_id: "Nilai tidak dapat dibaca sebagai angka, target atau kode",
    summary_en: "A value cannot be read as a number, target or code",
    explain_id: "\
Apa yang diperiksa
  Setiap sel data pada kolom angka (pagu, kebutuhan dana, realisasi, persentase), kolom target
  (target / volume, boleh dengan satuan: `120 Orang/Bulan`) dan kolom kode rekening dari setiap
  tabel yang ditemukan harus dapat dibaca. Angka ditulis cara Indonesia (`15.387.210.499`,
  `92,45`, `6,60%`, `Rp. 37.118.380.499,-`) atau sebagai sel angka biasa. Sel kosong dan tanda
  `-` dianggap kosong, bukan galat. Satu temuan per sel, dengan teks yang tertulis dan alasannya.
  Baris lanjutan (indikator kedua tanpa nama) diperiksa seperti baris lain. Tidak diperiksa:
  kolom nomor urut (No: `1.`, `a.`, `I` tidak dipakai untuk apa pun) dan label baris penutup
  (`JUMLAH`, `TOTAL`) yang ditulis melintasi kolom kode.

Mengapa ini masalah
  Nilai yang tidak terbaca tidak ikut dijumlahkan dan tidak dapat dibandingkan: pemeriksaan
  jumlah (B), antartabel (E) dan angka yang disebut dalam teks (G) menjadi buta terhadap baris
  itu. Biasanya penyebabnya dua angka dalam satu sel, titik/koma tertukar, huruf O untuk nol,
  atau catatan yang diketik di kolom angka.

Contoh
  Pagu tertulis `15.387.210.499 (DAK)` atau `15,387.210,499`; kode tertulis `1.06/01`;
  target tertulis `Dokumen 3`.

Sebaiknya
  Isi satu angka saja per sel (`15.387.210.499`), pindahkan catatan ke kolom Catatan Penting,
  tulis target sebagai angka lalu satuan (`3 Dokumen`), dan kode hanya dengan angka dan titik.",
    explain_en: "\
What it does
  Every data cell of a number column (budget, realisation, percentage), a target column
  (target / volume, optionally with its unit: `120 Orang/Bulan`) and a code column of every
  located table must be readable. Numbers may be written the Indonesian way (`15.387.210.499`,
  `92,45`, `6,60%`, `Rp. 37.118.380.499,-`) or be plain number cells. Blank cells and a lone `-`
  are blank, not errors. One finding per cell, with the text found and the reason.
  Continuation rows (a second indicator without a name) are checked like any other row. Not
  checked: numbering columns (No: `1.`, `a.`, `I` feed nothing) and a closing row's label
  (`JUMLAH`, `TOTAL`) written across the code columns.

Why is this bad
  A value that cannot be read is left out of every sum and comparison: the total checks (B),
  the cross-table checks (E) and the stated figures (G) go blind on that row. The usual causes
  are two numbers in one cell, swapped dots and commas, the letter O for zero, or a note typed
  into a number column.

Example
  A budget written `15.387.210.499 (DAK)` or `15,387.210,499`; a code written `1.06/01`; a
  target written `Dokumen 3`.

Use instead
  One number per cell (`15.387.210.499`), notes in the Catatan Penting column, targets as a
  number then the unit (`3 Dokumen`), codes with digits and dots only.",
    run,
};

/// What a column of this type needs, in the planners' language.
fn needs(ty: ColumnType, en: bool) -> &'static str {
    match (ty, en) {
        (ColumnType::Amount, false) => "angka, mis. 15.387.210.499",
        (ColumnType::Amount, true) => "a number, e.g. 15.387.210.499",
        (ColumnType::Number, false) => "angka, mis. 92,45",
        (ColumnType::Number, true) => "a number, e.g. 92,45",
        (ColumnType::Count, false) => "bilangan bulat, mis. 12",
        (ColumnType::Count, true) => "a whole number, e.g. 12",
        (ColumnType::Target, false) => "angka diikuti satuan, mis. 3 Dokumen",
        (ColumnType::Target, true) => "a number followed by its unit, e.g. 3 Dokumen",
        (ColumnType::Code, false) => "kode rekening, mis. 1.06.01.2.01.0001",
        (ColumnType::Code, true) => "a nomenclature code, e.g. 1.06.01.2.01.0001",
        (ColumnType::Text | ColumnType::Unit, false) => "teks",
        (ColumnType::Text | ColumnType::Unit, true) => "text",
    }
}

/// The type and header of the column a field sits in (by column, so that multi-year columns of
/// one role each keep their own header).
fn column_of<'a>(t: &'a TableModel, f: &Field) -> Option<(ColumnType, &'a str)> {
    t.table
        .columns
        .iter()
        .find(|c| c.col == f.pos.col && c.role == f.role)
        .or_else(|| t.table.column(f.role))
        .map(|c| (c.ty, c.header.as_str()))
}

/// A closing row's label (`JUMLAH`, `Total`, `Sub Total`, `Grand Total`): no digits.
fn is_total_label(text: &str) -> bool {
    let n = normalize(text);
    !n.chars().any(|c| c.is_ascii_digit())
        && ["jumlah", "total", "sub total", "subtotal", "grand total"]
            .iter()
            .any(|w| starts_with_word(&n, w))
}

/// A label for table row `ri`: the node it belongs to, or its sheet row number.
fn row_label(t: &TableModel, ri: usize, en: bool) -> String {
    node_at_row(t, ri)
        .map(|n| label(n, en).trim().to_string())
        .unwrap_or_else(|| {
            let r = t.table.rows[ri].row + 1;
            if en {
                format!("row {r}")
            } else {
                format!("baris {r}")
            }
        })
}

fn run(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for t in &ctx.plan.tables {
        for (ri, row) in t.table.rows.iter().enumerate() {
            for f in &row.fields {
                let Parsed::Unparsed(u) = &f.parsed else {
                    continue;
                };
                let (text, reason) = (&u.text, &u.reason);
                let Some((ty, header)) = column_of(t, f) else {
                    continue;
                };
                if matches!(ty, ColumnType::Text | ColumnType::Unit | ColumnType::Count) {
                    // Numbering (`1.`, `a.`, `I`) feeds nothing; text columns cannot fail.
                    continue;
                }
                if ty == ColumnType::Code && is_total_label(text) {
                    // `JUMLAH` written across the code columns of a closing row.
                    continue;
                }
                out.push(
                    Finding::new(
                        &RULE,
                        &t.table.sheet,
                        f.pos,
                        format!(
                            "{}: {} kolom `{}` berisi `{}` yang tidak dapat dibaca: {}",
                            t.table.kind,
                            row_label(t, ri, false),
                            header,
                            text,
                            reason.text(false)
                        ),
                        format!(
                            "{}: {} column `{}` holds `{}`, which cannot be read: {}",
                            t.table.kind,
                            row_label(t, ri, true),
                            header,
                            text,
                            reason.text(true)
                        ),
                    )
                    .expected_found(needs(ty, false), text.clone())
                    .expected_found_en(needs(ty, true), text.clone()),
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

    fn rows(pagu: &'static str, target: &'static str) -> Vec<[&'static str; 12]> {
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
                target,
                "Dokumen",
                pagu,
                "",
                "",
                "3",
                "Dokumen",
                "-",
            ],
        ]
    }

    #[test]
    fn fires_on_an_amount_with_a_note_typed_into_it() {
        let f = run(
            &RULE,
            vec![sheet("T-C.33", &[], TC33, &rows("600.000.000 (DAK)", "3"))],
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].cell, "G3");
        assert_eq!(f[0].sheet, "T-C.33");
        assert_eq!(f[0].expected.as_deref(), Some("angka, mis. 15.387.210.499"));
        assert_eq!(f[0].found.as_deref(), Some("600.000.000 (DAK)"));
        assert!(
            f[0].message_id.contains("1.06.01.2.01"),
            "{}",
            f[0].message_id
        );
    }

    #[test]
    fn fires_on_a_target_that_does_not_start_with_a_number_and_a_bad_code() {
        let mut r = rows("600.000.000", "Dokumen 3");
        r[0][0] = "1.06-01";
        let f = run(&RULE, vec![sheet("T-C.33", &[], TC33, &r)]);
        let mut cells: Vec<(&str, &str)> = f
            .iter()
            .map(|x| {
                (
                    crate::checks::util::testkit::a1(x.cell),
                    x.found.as_deref().unwrap_or(""),
                )
            })
            .collect();
        cells.sort();
        assert_eq!(cells, [("A2", "1.06-01"), ("E3", "Dokumen 3")]);
        let t = f.iter().find(|x| x.cell == "E3").unwrap();
        assert_eq!(
            t.expected.as_deref(),
            Some("angka diikuti satuan, mis. 3 Dokumen")
        );
        // Each language says why in its own words only: the code's reason as much as the
        // target's (`--lang en` used to read `bagian … bukan angka` and `mis.`).
        for x in &f {
            let en = [
                x.message_en.as_str(),
                x.expected_en.as_deref().unwrap_or(""),
            ];
            for t in en {
                for word in ["bukan", "angka", "bagian", "mis.", "tidak"] {
                    assert!(!t.contains(word), "{t}");
                }
            }
            assert!(!x.message_id.contains("not a number"), "{}", x.message_id);
        }
        let code = f.iter().find(|x| x.cell == "A2").unwrap();
        assert!(
            code.message_en
                .contains("code `1.06-01`: part `06-01` is not a number"),
            "{}",
            code.message_en
        );
        assert!(
            code.message_id
                .contains("kode `1.06-01`: bagian `06-01` bukan angka")
        );
    }

    #[test]
    fn a_total_label_in_the_code_column_is_not_a_bad_code() {
        let mut r = rows("600.000.000", "3");
        r[0][0] = "1.06.01";
        let mut total = r[1];
        total[0] = "JUMLAH";
        total[1] = "";
        total[2] = "";
        total[4] = "";
        total[5] = "";
        total[9] = "";
        total[10] = "";
        total[11] = "700.000.000";
        r.push(total);
        let f = run(&RULE, vec![sheet("T-C.33", &[], TC33, &r)]);
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn silent_on_readable_values_blanks_and_dashes() {
        let f = run(
            &RULE,
            vec![sheet(
                "T-C.33",
                &[],
                TC33,
                &rows("600.000.000", "3 Dokumen"),
            )],
        );
        assert!(f.is_empty(), "{f:?}");
    }
}
