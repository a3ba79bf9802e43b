//! C005 `e81-rupiah-derived`: E.81's Rp columns 12, 13, 14 differ from what their inputs give.

use super::e81::{Side, derived};
use super::{Context, Finding, Rule, Severity};

pub static RULE: Rule = Rule {
    code: "C005",
    name: "e81-rupiah-derived",
    family: 'C',
    severity: Severity::Error,
    summary_id: "Kolom Rp 12, 13 atau 14 E.81 tidak sesuai rumusnya",
    summary_en: "E.81 Rp column 12, 13 or 14 differs from its formula",
    explain_id: "\
Apa yang diperiksa
  Pada formulir E.81 (evaluasi hasil Renja), untuk setiap baris, sisi Rp (anggaran):
  kolom 12 (realisasi tahun yang dievaluasi) = kolom 8 + 9 + 10 + 11 (triwulan I–IV; triwulan
  kosong tidak dihitung), kolom 13 (realisasi Renstra s/d tahun ini) = kolom 6 + kolom 12, dan
  kolom 14 = (kolom 13 ÷ kolom 5) × 100. Uang dibandingkan persis, tanpa pembulatan; kolom 14
  dengan toleransi setengah satuan digit terakhir yang ditampilkan (`tolerance.percent`).
  Nomor kolom mengikuti formulir; bila kantor Anda menambah kolom (12/7 × 100) dan menomori
  ulang, kolom tetap dikenali dari judul dan baris nomornya. Baris tanpa isian pada kolom yang
  dibandingkan dilewati.

Mengapa ini masalah
  Kolom 12–14 dijumlah dan dibagi dengan tangan setiap triwulan; angka yang tidak diperbarui
  membuat realisasi anggaran yang dilaporkan ke Bappeda salah.

Contoh
  Triwulan I–IV: 10.000.000 + 25.000.000 + 30.000.000 + 20.000.000, kolom 12 tertulis
  80.000.000; seharusnya 85.000.000.

Sebaiknya
  Isi kolom 12, 13 dan 14 dengan rumus (=SUM, =kolom6+kolom12, =kolom13/kolom5*100) atas sel
  pada baris yang sama.",
    explain_en: "\
What it does
  On form E.81 (the year-end evaluation of the Renja), on every row, the Rp (budget) side:
  column 12 (the year's realisation) = columns 8 + 9 + 10 + 11 (quarters I–IV; a blank quarter
  counts as nothing), column 13 (Renstra realisation up to this year) = column 6 + column 12,
  and column 14 = (column 13 ÷ column 5) × 100. Money is compared exactly, without rounding;
  column 14 within half a unit of its last shown digit (`tolerance.percent`). Column numbers
  are the form's; when an office adds a column (12/7 × 100) and renumbers, columns are still
  known by their header and number row. Rows with nothing in the compared columns are skipped.

Why is this bad
  Columns 12–14 are added and divided by hand every quarter; a figure not updated makes the
  budget realisation reported to Bappeda wrong.

Example
  Quarters I–IV: 10,000,000 + 25,000,000 + 30,000,000 + 20,000,000, column 12 says
  80,000,000; it should be 85,000,000.

Use instead
  Make columns 12, 13 and 14 formulas (=SUM, =col6+col12, =col13/col5*100) over the cells of
  the same row.",
    run,
};

fn run(ctx: &Context) -> Vec<Finding> {
    derived(ctx, &RULE, Side::Rp)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::e81::testkit::{E81, row};
    use crate::checks::util::testkit::{run, sheet};

    #[test]
    fn fires_on_a_year_total_that_is_not_the_sum_of_the_quarters() {
        let mut r = row();
        r[19] = "80.000.000"; // column 12 Rp; the quarters add up to 85.000.000
        let f = run(&RULE, vec![sheet("E.81", &[], E81, &[r])]);
        let cells: Vec<String> = f.iter().map(|f| f.cell.a1()).collect();
        // 12 is wrong; 13 (= 6 + 12) was computed from the right figure, so it disagrees too.
        assert_eq!(cells, ["T2", "V2"], "{f:?}");
        assert_eq!(f[0].expected.as_deref(), Some("85.000.000"));
        assert_eq!(f[0].found.as_deref(), Some("80.000.000"));
        assert_eq!(f[0].related.len(), 4);
    }

    #[test]
    fn silent_on_a_consistent_row() {
        let f = run(&RULE, vec![sheet("E.81", &[], E81, &[row()])]);
        assert!(f.is_empty(), "{f:?}");
    }
}
