//! A003 `unplaced-sheet`: A sheet holds no recognisable table.

use super::{Context, Finding, Rule, Severity};
use crate::ingest::cell::Pos;

pub static RULE: Rule = Rule {
    code: "A003",
    name: "unplaced-sheet",
    family: 'A',
    severity: Severity::Info,
    summary_id: "Lembar tanpa tabel yang dikenali",
    summary_en: "A sheet holds no recognisable table",
    explain_id: "\
Apa yang diperiksa
  Lembar kerja yang berisi isian tetapi tidak memuat satu pun tabel yang dikenali dari
  headernya (T-C.29, T-C.30, T-C.31, T-C.32, T-C.33, tabel usulan program, tujuan dan sasaran;
  lihat rules/tables.toml). Temuan ditaruh di sel A1 lembar itu, dengan alasannya: tabel yang
  paling mirip dan kolom wajib yang tidak ditemukan, atau tidak ada header sama sekali. Lembar
  kosong tidak dilaporkan. Ini informasi, bukan galat: lembar catatan atau sampul memang tidak
  berisi tabel.

Mengapa ini masalah
  Isi lembar itu tidak ikut diperiksa sama sekali. Bila lembar itu sebenarnya tabel rencana
  (header diubah, disingkat, atau kolom wajib seperti pagu dihapus), semua pemeriksaan jumlah dan
  antartabel melewatkannya tanpa tanda.

Contoh
  Lembar `Renja 2026` dengan header `Prog/Keg | Rp` : kolom pagu tidak dikenali, sehingga
  tabel T-C.33 tidak ditemukan.

Sebaiknya
  Gunakan judul kolom baku Permendagri 86/2017 (mis. `Program/Kegiatan`, `Pagu Indikatif`), atau
  tambahkan alias header kantor Anda ke rules/tables.toml.",
    explain_en: "\
What it does
  A sheet with content but no table recognised by its header (T-C.29, T-C.30, T-C.31, T-C.32,
  T-C.33, the proposal table, goals and targets; see rules/tables.toml). The finding is placed
  at A1 of that sheet with the reason: the closest table kind and the required columns that
  were missing, or no header at all. Empty sheets are not reported. This is information, not an
  error: a notes or cover sheet rightly has no table.

Why is this bad
  Nothing on that sheet is checked. When the sheet really is a plan table (a header reworded,
  abbreviated, or a required column such as the budget removed), every total and cross-table
  check skips it without a trace.

Example
  Sheet `Renja 2026` with the header `Prog/Keg | Rp`: the budget column is not recognised, so
  no T-C.33 is found.

Use instead
  Use the standard column titles of Permendagri 86/2017 (e.g. `Program/Kegiatan`,
  `Pagu Indikatif`), or add your office's header wording as aliases in rules/tables.toml.",
    run,
};

fn run(ctx: &Context) -> Vec<Finding> {
    ctx.ingested
        .unplaced
        .iter()
        .map(|u| {
            Finding::new(
                &RULE,
                &u.sheet,
                Pos::new(0, 0),
                format!(
                    "Lembar `{}` berisi isian tetapi tidak ada tabel yang dikenali: {}",
                    u.sheet,
                    u.why.text(false)
                ),
                format!(
                    "Sheet `{}` has content but no recognised table: {}",
                    u.sheet,
                    u.why.text(true)
                ),
            )
            .expected_found("header tabel yang dikenali", u.why.text(false))
            .expected_found_en("a recognised table header", u.why.text(true))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::util::testkit::{TC33, run, sheet};

    const NOTES: &[&str] = &["Catatan", "Lain-lain"];

    #[test]
    fn fires_on_a_sheet_with_text_but_no_table() {
        let rows: Vec<[&'static str; 2]> = vec![["Program", "Lokasi"]];
        let f = run(
            &RULE,
            vec![
                sheet("Catatan", &["Catatan verifikasi"], NOTES, &rows),
                sheet(
                    "T-C.33",
                    &[],
                    TC33,
                    &[[
                        "1.06.01",
                        "PROGRAM A",
                        "",
                        "",
                        "",
                        "",
                        "1.000",
                        "",
                        "",
                        "",
                        "",
                        "",
                    ]],
                ),
            ],
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].sheet, "Catatan");
        assert_eq!(f[0].cell, "A1");
        assert_eq!(f[0].severity, Severity::Info);
        assert_eq!(f[0].expected.as_deref(), Some("header tabel yang dikenali"));
        assert!(!f[0].found.as_deref().unwrap_or("").is_empty());
        // Each language says why in its own words only (`--lang en` read both before).
        let en = [
            f[0].message_en.as_str(),
            f[0].found_en.as_deref().unwrap_or(""),
        ];
        for t in en {
            assert!(!t.contains("tidak") && !t.contains("paling mirip"), "{t}");
        }
        assert!(!f[0].found.as_deref().unwrap_or("").contains("closest"));
    }

    #[test]
    fn silent_when_every_sheet_holds_a_table() {
        let f = run(
            &RULE,
            vec![sheet(
                "T-C.33",
                &["Tabel T-C.33"],
                TC33,
                &[[
                    "1.06.01",
                    "PROGRAM A",
                    "",
                    "",
                    "",
                    "",
                    "1.000",
                    "",
                    "",
                    "",
                    "",
                    "",
                ]],
            )],
        );
        assert!(f.is_empty(), "{f:?}");
    }
}
