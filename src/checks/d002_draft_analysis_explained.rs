//! D002 `draft-analysis-explained`: in T-C.31, the needs analysis differs from the RKPD draft
//! and the row's Catatan Penting gives a reason. The comparison is D001's
//! ([`super::d001_draft_vs_analysis::differences`]); this rule takes the explained half, so that
//! each code has one severity that `rules.toml` can set on its own.

use super::{Context, Finding, Rule, Severity};

pub static RULE: Rule = Rule {
    code: "D002",
    name: "draft-analysis-explained",
    family: 'D',
    severity: Severity::Warning,
    summary_id: "Rancangan Awal RKPD dan Hasil Analisis Kebutuhan berbeda, dengan alasan di Catatan Penting",
    summary_en: "The RKPD draft and the needs analysis differ, with a reason in the note",
    explain_id: "\
Apa yang diperiksa
  Perbandingan yang sama dengan D001 (lokasi, indikator, target, satuan dan pagu indikatif
  Rancangan Awal RKPD lawan Hasil Analisis Kebutuhan di T-C.31), tetapi untuk perbedaan yang
  dijelaskan Catatan Penting baris itu (atau baris utama entitasnya). Catatan yang hanya berisi
  kode prioritas (`P1 = Wajib dan Mengikat`, daftar `note_not_explaining` di rules.toml) bukan
  penjelasan; perbedaan seperti itu tetap D001.

Mengapa ini masalah
  Perubahan yang disengaja dan dijelaskan itu sah, tetapi verifikator Bappeda tetap perlu
  melihatnya: pagu atau target yang diubah dari rancangan harus disetujui. Karena itu peringatan,
  bukan galat. Tim yang tidak ingin melihatnya dapat menulis `D002 = \"info\"` atau `\"off\"`
  di rules.toml tanpa menyentuh D001.

Contoh
  Pagu rancangan 600.000.000, pagu analisis 500.000.000, Catatan Penting: `pagu dikurangi
  karena efisiensi`.

Sebaiknya
  Tidak ada yang perlu diperbaiki bila alasannya benar; pastikan catatan menyebut kolom dan
  alasannya sehingga verifikator dapat menyetujuinya.",
    explain_en: "\
What it does
  The same comparison as D001 (location, indicator, target, unit and indicative budget of the
  RKPD draft against the needs analysis in T-C.31), for the differences that the Catatan Penting
  of the row (or of the entity's main row) explains. A note that only holds priority codes
  (`P1 = Wajib dan Mengikat`, the `note_not_explaining` list of rules.toml) is no explanation;
  such a difference stays D001.

Why is this bad
  A deliberate, explained change is legitimate, but the planning agency's verifier still has to
  see it: a budget or target changed from the draft must be agreed. Hence a warning, not an
  error. A team that does not want to see them sets `D002 = \"info\"` or `\"off\"` in rules.toml
  without touching D001.

Example
  Draft budget 600.000.000, analysis budget 500.000.000, note: `pagu dikurangi karena
  efisiensi` (budget cut for efficiency).

Use instead
  Nothing to fix when the reason is right; make sure the note names the column and the reason so
  the verifier can agree to it.",
    run,
};

fn run(ctx: &Context) -> Vec<Finding> {
    super::d001_draft_vs_analysis::differences(ctx, &RULE, true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::util::testkit::{TC31, run, sheet};

    fn book(note: &'static str) -> Vec<crate::ingest::workbook::Sheet> {
        let row = |name: &'static str, pagu_a: &'static str, note: &'static str| {
            [
                name,
                "Tenggarong",
                "Jumlah Dokumen",
                "3",
                "Dokumen",
                "600.000.000",
                "Tenggarong",
                "Jumlah Dokumen",
                "3",
                "Dokumen",
                pagu_a,
                note,
            ]
        };
        vec![sheet(
            "T-C.31",
            &[],
            TC31,
            &[
                row("PROGRAM PENUNJANG", "600.000.000", ""),
                row("Perencanaan", "600.000.000", ""),
                row("Penyusunan Dokumen", "500.000.000", note),
            ],
        )]
    }

    #[test]
    fn fires_on_an_explained_difference_as_a_warning() {
        let f = run(&RULE, book("pagu dikurangi karena efisiensi"));
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!((f[0].rule, f[0].cell.a1().as_str()), ("D002", "K4"));
        assert_eq!(f[0].severity, Severity::Warning);
        assert_eq!(f[0].expected.as_deref(), Some("600.000.000"));
    }

    #[test]
    fn silent_on_an_unexplained_difference_which_is_d001s() {
        for note in ["", "P1 = Wajib dan Mengikat"] {
            let f = run(&RULE, book(note));
            assert!(f.is_empty(), "{note}: {f:?}");
            let d = run(&super::super::d001_draft_vs_analysis::RULE, book(note));
            assert_eq!(d.len(), 1, "{note}: {d:?}");
        }
    }
}
