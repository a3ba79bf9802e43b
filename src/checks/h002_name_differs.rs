//! H002 `name-differs`: A name differs from the nomenclature.

use super::util::{label, same_text, word_diff};
use super::{Context, Finding, Related, Rule, Severity};
use crate::ingest::code::Level;
use crate::ingest::role::Role;
use crate::model::plan::{name_pos, name_similarity};
use rust_decimal::Decimal;
use rust_decimal::prelude::FromPrimitive;

pub static RULE: Rule = Rule {
    code: "H002",
    name: "name-differs",
    family: 'H',
    severity: Severity::Warning,
    summary_id: "Nama berbeda dari nomenklatur",
    summary_en: "A name differs from the nomenclature",
    explain_id: "\
Apa yang diperiksa
  Nama setiap baris berkode (urusan, bidang, program, kegiatan, sub kegiatan) dibandingkan
  dengan nama resmi kode itu di nomenklatur (rules/nomenclature.csv atau --nomenclature),
  setelah huruf besar/kecil, spasi dan tanda baca diseragamkan (`Perundang-Undangan` sama
  dengan `Perundang Undangan`, tetapi `Kerjasama` tidak sama dengan `Kerja Sama`). Pesan
  menyebut nama resmi dan kata-kata yang berbeda. Bila kemiripan kata di bawah toleransi
  `near_match` (rules.toml), nama dianggap sama sekali lain: kodenya mungkin yang salah;
  kecuali setiap kata yang ditulis ada di nama resmi (nama dipersingkat): pesan lalu menyebut
  kata yang tertinggal, bukan kode yang salah.
  Tabel tanpa kode (T-C.31, tabel usulan) juga diperiksa memakai kode yang disimpulkan dari
  nama yang sama atau mirip di tabel berkode; di situ terlihat tabel yang menulis nama berbeda
  dari nomenklatur. Kode yang tidak ada di nomenklatur adalah urusan H001.

Mengapa ini masalah
  Nama program, kegiatan dan sub kegiatan harus persis nomenklatur Kepmendagri; nama yang
  diketik ulang dengan kata berbeda membuat baris sulit dicocokkan antar tabel dan dengan SIPD,
  dan dikoreksi saat verifikasi.

Contoh
  Tabel usulan program menulis `Kerjasama antar Lembaga dan Kemitraan …` untuk
  1.06.04.2.02.0014, nomenklatur: `Kerja Sama antar Lembaga dan Kemitraan …`.

Sebaiknya
  Salin nama resmi dari nomenklatur (atau dari T-C.33 yang sudah benar) ke semua tabel.",
    explain_en: "\
What it does
  The name of every coded row (urusan, bidang, program, kegiatan, sub kegiatan) is compared
  with the official name of its code in the nomenclature (rules/nomenclature.csv or
  --nomenclature), after folding case, spacing and punctuation (`Perundang-Undangan` equals
  `Perundang Undangan`, but `Kerjasama` does not equal `Kerja Sama`). The message gives the
  official name and the words that differ. When the word similarity is below the `near_match`
  tolerance (rules.toml) the name is simply another one: the code may be the wrong part;
  unless every word written is in the official name (a shortened name), when the message names
  the words left out instead of blaming the code. Uncoded
  tables (T-C.31, the proposal table) are checked too, with the code inferred from the same or
  a similar name in a coded table; this shows where a table words a name differently from the
  nomenclature. Codes missing from the nomenclature are H001's business.

Why is this bad
  Program, kegiatan and sub kegiatan names must be exactly the Kepmendagri nomenclature; a name
  retyped with other words makes the row hard to match across tables and with SIPD, and is
  corrected at verification.

Example
  The proposal table writes `Kerjasama antar Lembaga dan Kemitraan …` for
  1.06.04.2.02.0014; the nomenclature says `Kerja Sama antar Lembaga dan Kemitraan …`.

Use instead
  Copy the official name from the nomenclature (or from a correct T-C.33) into every table.",
    run,
};

fn words(w: &[String]) -> String {
    if w.is_empty() {
        "-".to_string()
    } else {
        w.join(", ")
    }
}

fn run(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    let near = ctx.config.tolerance.near_match;
    for t in &ctx.plan.tables {
        let sheet = &t.table.sheet;
        for n in &t.nodes {
            if n.level == Level::Total || n.name.trim().is_empty() {
                continue;
            }
            let Some(code) = &n.code else { continue };
            let key = code.as_str();
            let Some(official) = ctx.config.nomenclature.get(key) else {
                continue;
            };
            if same_text(&n.name, official) {
                continue;
            }
            let sim = name_similarity(&n.name, official);
            let is_near = Decimal::from_f64(sim).is_some_and(|s| s >= near);
            let (only_row, only_official) = word_diff(&n.name, official);
            let (inf_id, inf_en) = if n.code_inferred {
                (
                    " (kode disimpulkan dari nama di tabel berkode)",
                    " (code inferred from the name in a coded table)",
                )
            } else {
                ("", "")
            };
            // A name whose every word is in the official one is the official name shortened
            // (`URUSAN PEMERINTAHAN WAJIB` for urusan 1), however few words it keeps: the
            // missing words are the news, not a wrong code.
            let shortened = only_row.is_empty() && !only_official.is_empty();
            let (detail_id, detail_en) = if !is_near && !shortened {
                (
                    format!(
                        "nama sama sekali lain (kemiripan {}%); kodenya mungkin salah",
                        (sim * 100.0).round()
                    ),
                    format!(
                        "an altogether different name (similarity {}%); the code may be wrong",
                        (sim * 100.0).round()
                    ),
                )
            } else if only_row.is_empty() && only_official.is_empty() {
                (
                    "kata sama, urutan atau pengulangannya berbeda".to_string(),
                    "same words, in another order or repeated".to_string(),
                )
            } else {
                (
                    format!(
                        "hanya di baris: {}; hanya di nomenklatur: {}",
                        words(&only_row),
                        words(&only_official)
                    ),
                    format!(
                        "only in the row: {}; only in the nomenclature: {}",
                        words(&only_row),
                        words(&only_official)
                    ),
                )
            };
            let related: Vec<Related> = if n.code_inferred {
                Vec::new()
            } else {
                t.row(n)
                    .field(Role::Kode)
                    .map(|f| Related::new(sheet, f.pos))
                    .into_iter()
                    .collect()
            };
            out.push(
                Finding::new(
                    &RULE,
                    sheet,
                    name_pos(t, n),
                    format!(
                        "{}: {}{}: nama berbeda dari nomenklatur {} `{}` — {}",
                        t.table.kind,
                        label(n, false),
                        inf_id,
                        key,
                        official,
                        detail_id
                    ),
                    format!(
                        "{}: {}{}: the name differs from nomenclature {} `{}` — {}",
                        t.table.kind,
                        label(n, true),
                        inf_en,
                        key,
                        official,
                        detail_en
                    ),
                )
                .related(related)
                .expected_found(official.clone(), n.name.trim().to_string()),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::config::CheckConfig;
    use crate::checks::util::closest;
    use crate::checks::util::testkit::{TC33, USULAN, plan, sheet};
    use crate::checks::{Context, Finding};
    use crate::ingest::workbook::Sheet;
    use std::collections::BTreeMap;

    const KERJA_SAMA: &str = "Kerja Sama antar Lembaga dan Kemitraan dalam Pelaksanaan Rehabilitasi Sosial Kabupaten/Kota";
    const KERJASAMA: &str = "Kerjasama antar Lembaga dan Kemitraan dalam Pelaksanaan Rehabilitasi Sosial Kabupaten/Kota";

    fn nomenclature() -> BTreeMap<String, String> {
        crate::checks::config::parse_nomenclature(&format!(
            "kode,nama\n\
             1.06.04,PROGRAM REHABILITASI SOSIAL\n\
             1.06.04.2.02,Rehabilitasi Sosial Penyandang Masalah Kesejahteraan Sosial\n\
             1.06.04.2.02.0014,{KERJA_SAMA}\n\
             1.06.04.2.02.0003,Penyediaan Permakanan\n",
        ))
        .unwrap()
    }

    fn run_with(sheets: Vec<Sheet>) -> Vec<Finding> {
        let (ing, plan) = plan(sheets);
        let mut config = CheckConfig::default_config();
        config.nomenclature = nomenclature();
        let ctx = Context {
            ingested: &ing,
            plan: &plan,
            config: &config,
        };
        (RULE.run)(&ctx)
    }

    type Row = [&'static str; 12];

    fn r33(code: &'static str, name: &'static str, lokasi: &'static str) -> Row {
        [
            code, name, "Ind", lokasi, "1", "Dokumen", "25", "APBD", "", "1", "Dokumen", "25",
        ]
    }

    fn tc33(sub_name: &'static str) -> Vec<Row> {
        vec![
            r33("1.06.04", "PROGRAM  REHABILITASI SOSIAL", ""),
            r33(
                "1.06.04.2.02",
                "Rehabilitasi Sosial Penyandang Masalah Kesejahteraan Sosial",
                "",
            ),
            r33("1.06.04.2.02.14", sub_name, "Tenggarong"),
            r33("1.06.04.2.02.03", "penyediaan  permakanan.", "Tenggarong"),
        ]
    }

    #[test]
    fn silent_when_names_match_after_folding() {
        let f = run_with(vec![sheet("T-C.33", &[], TC33, &tc33(KERJA_SAMA))]);
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn fires_with_the_official_name_and_the_differing_words() {
        let f = run_with(vec![sheet("T-C.33", &[], TC33, &tc33(KERJASAMA))]);
        assert_eq!(f.len(), 1, "{f:?}");
        let x = &f[0];
        assert_eq!(x.cell, "B4");
        assert_eq!(x.related[0].cell, "A4");
        assert_eq!(x.expected.as_deref(), Some(KERJA_SAMA));
        assert_eq!(x.found.as_deref(), Some(KERJASAMA));
        assert!(
            x.message_id
                .contains("hanya di baris: kerjasama; hanya di nomenklatur: kerja, sama"),
            "{}",
            x.message_id
        );
    }

    #[test]
    fn an_altogether_different_name_hints_at_a_wrong_code() {
        let f = run_with(vec![sheet(
            "T-C.33",
            &[],
            TC33,
            &tc33("Pengadaan Peralatan Kantor"),
        )]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(
            f[0].message_en.contains("the code may be wrong"),
            "{}",
            f[0].message_en
        );
    }

    #[test]
    fn a_shortened_name_names_the_words_left_out_not_a_wrong_code() {
        let f = run_with(vec![sheet("T-C.33", &[], TC33, &tc33("Kerja Sama"))]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, RULE.severity);
        assert!(
            !f[0].message_en.contains("the code may be wrong")
                && f[0].message_en.contains("only in the nomenclature: antar"),
            "{}",
            f[0].message_en
        );
    }

    #[test]
    fn uncoded_tables_are_checked_with_inferred_codes() {
        let usulan: Vec<[&'static str; 7]> = vec![
            ["", "PROGRAM REHABILITASI SOSIAL", "", "", "", "", ""],
            [
                "",
                "Rehabilitasi Sosial Penyandang Masalah Kesejahteraan Sosial",
                "",
                "",
                "",
                "",
                "",
            ],
            ["1", KERJASAMA, "Dokumen", "Tenggarong", "1", "Dokumen", ""],
        ];
        let f = run_with(vec![
            sheet("T-C.33", &[], TC33, &tc33(KERJA_SAMA)),
            sheet("Usulan", &[], USULAN, &usulan),
        ]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            (f[0].sheet.as_str(), f[0].cell.a1().as_str()),
            ("Usulan", "B4")
        );
        assert!(f[0].related.is_empty());
        assert!(
            f[0].message_id.contains("disimpulkan"),
            "{}",
            f[0].message_id
        );
    }

    #[test]
    fn closest_official_name() {
        let n = nomenclature();
        assert_eq!(
            closest(&n, KERJASAMA),
            Some(("1.06.04.2.02.0014", KERJA_SAMA))
        );
        assert_eq!(
            closest(&n, "penyediaan permakanan"),
            Some(("1.06.04.2.02.0003", "Penyediaan Permakanan"))
        );
        assert_eq!(closest(&n, "Tidak Ada Yang Mirip"), None);
    }
}
