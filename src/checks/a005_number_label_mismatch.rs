//! A005 `number-label-mismatch`: a formula label of the form's number row sits on a column read
//! as another role.

use super::{Context, Finding, Rule, Severity};

pub static RULE: Rule = Rule {
    code: "A005",
    name: "number-label-mismatch",
    family: 'A',
    severity: Severity::Warning,
    summary_id: "Label rumus pada baris nomor kolom tidak cocok dengan kolom yang terbaca",
    summary_en: "A formula label of the column-number row disagrees with the column read",
    explain_id: "\
Apa yang diperiksa
  Banyak formulir Permendagri 86/2017 mencetak baris nomor kolom di bawah header, sering dengan
  rumus kolom turunan: `(8)=(7)/(6)x100`, `10 = 5+7+9`, `11 = 10/4 x 100`. selaras membaca
  baris itu sebagai kunci kolom. Aturan ini memeriksa bahwa setiap label berumus berada pada
  kolom yang terbaca sebagai kolom turunan yang sama (T-C.29: kolom 8, 10, 11), dan bahwa nomor
  yang disebut rumusnya adalah kolom-kolom yang terbaca sebagai masukannya. Temuan ditaruh pada
  sel label di baris nomor kolom. Tabel tanpa baris nomor, atau label tanpa rumus, tidak
  diperiksa.

Mengapa ini masalah
  Bila label dan kolom tidak cocok, kolom-kolom tabel bergeser (kolom disisipkan atau dihapus
  tanpa memperbarui nomor) atau selaras salah membaca judulnya. Semua pemeriksaan kolom turunan
  pada tabel itu lalu tidak dapat dipercaya.

Contoh
  Label `9=7/6x100` berada di atas kolom yang judulnya `Target Renja Tahun Berjalan`: kolom 9
  adalah target, bukan tingkat realisasi.

Sebaiknya
  Samakan baris nomor kolom dengan urutan kolom formulir (1–11 untuk T-C.29), atau perbaiki
  judul kolom; bila tata letak kantor Anda memang lain, tambahkan alias di rules/tables.toml.",
    explain_en: "\
What it does
  Many Permendagri 86/2017 forms print a column-number row under the header, often with the
  formula of derived columns: `(8)=(7)/(6)x100`, `10 = 5+7+9`, `11 = 10/4 x 100`. selaras reads
  that row as the key to the columns. This rule checks that every label with a formula sits on
  the column read as that derived column (T-C.29: columns 8, 10, 11), and that the numbers its
  formula names are the columns read as its inputs. The finding is placed on the label's cell in
  the number row. Tables without a number row, and labels without a formula, are not checked.

Why is this bad
  When label and column disagree, the table's columns are shifted (a column inserted or removed
  without renumbering) or selaras misread their headers. Every derived-column check on that
  table is then in doubt.

Example
  The label `9=7/6x100` stands over the column headed `Target Renja Tahun Berjalan`: column 9
  is a target, not a realisation rate.

Use instead
  Make the number row follow the form's column order (1–11 for T-C.29), or correct the column
  titles; if your office's layout really differs, add its wording to rules/tables.toml.",
    run,
};

fn run(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for t in &ctx.ingested.tables {
        for m in &t.label_mismatches {
            out.push(
                Finding::new(
                    &RULE,
                    &t.sheet,
                    m.pos,
                    format!(
                        "{}: label nomor kolom `{}` menyatakan kolom {}, tetapi kolom ini terbaca sebagai `{}`; kolom mungkin bergeser atau salah dibaca",
                        t.kind, m.label, m.implied, m.role
                    ),
                    format!(
                        "{}: the number-row label `{}` says column {}, but this column was read as `{}`; columns may be shifted or misread",
                        t.kind, m.label, m.implied, m.role
                    ),
                )
                .expected_found(m.implied.clone(), m.role.to_string()),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::util::testkit::{TC29, run, sheet};

    const ROW: [&str; 11] = [
        "1.06.01",
        "PROGRAM A",
        "Jumlah Dokumen",
        "60",
        "30",
        "12",
        "12",
        "100",
        "12",
        "54",
        "90",
    ];

    #[test]
    fn fires_on_a_ratio_label_over_the_target_column() {
        let labels = [
            "(1)",
            "(2)",
            "(3)",
            "(4)",
            "(5)",
            "(6)",
            "(7)",
            "(8)",
            "(9)=(7)/(6)x100",
            "(10)",
            "(11)",
        ];
        let f = run(&RULE, vec![sheet("T-C.29", &[], TC29, &[labels, ROW])]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].cell, "I2");
        assert_eq!(f[0].found.as_deref(), Some("k9"));
        assert_eq!(f[0].expected.as_deref(), Some("(9) = (7)/(6)×100"));
    }

    #[test]
    fn silent_when_labels_fit_the_columns() {
        let labels = [
            "(1)",
            "(2)",
            "(3)",
            "(4)",
            "(5)",
            "(6)",
            "(7)",
            "(8)=(7)/(6)x100",
            "(9)",
            "(10)=(5)+(7)+(9)",
            "(11)=(10)/(4)x100",
        ];
        let f = run(&RULE, vec![sheet("T-C.29", &[], TC29, &[labels, ROW])]);
        assert!(f.is_empty(), "{f:?}");
    }
}
