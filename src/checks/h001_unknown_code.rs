//! H001 `unknown-code`: A code is not in the nomenclature.

use super::util::{closest_in, label, same_text};
use super::{Context, Finding, Rule, Severity};
use crate::ingest::code::{Code, Level};
use crate::ingest::role::Role;
use crate::model::plan::{name_pos, name_words};
use rust_decimal::Decimal;
use rust_decimal::prelude::FromPrimitive;
use std::collections::{BTreeMap, HashMap};

pub static RULE: Rule = Rule {
    code: "H001",
    name: "unknown-code",
    family: 'H',
    severity: Severity::Warning,
    summary_id: "Kode tidak ada dalam nomenklatur",
    summary_en: "A code is not in the nomenclature",
    explain_id: "\
Apa yang diperiksa
  Setiap kode yang tertulis di tabel (urusan, bidang, program, kegiatan, sub kegiatan) harus
  ada di nomenklatur (rules/nomenclature.csv atau --nomenclature). Kode dibaca dalam bentuk
  baku, jadi `1.06.01.2.01.01` sama dengan `1.06.01.2.01.0001`. Hanya kode yang benar-benar
  ditulis yang diperiksa; kode yang disimpulkan dari nama (T-C.31, tabel usulan) selalu berasal
  dari tabel berkode. Bila ada nama resmi yang mirip (toleransi `near_match`) pada tingkat yang
  sama, pesan menyarankan kode dan nama itu.
  Cakupan: daftar bawaan hanya memuat bidang 1.06 (Sosial), disusun dari T-C.33 dokumen
  contoh. Kode dari bidang (atau urusan) yang sama sekali tidak ada di daftar tidak dilaporkan
  — \"tidak tercakup\" bukan temuan. Untuk perangkat daerah lain, berikan nomenklatur lengkap
  dengan --nomenclature.

Mengapa ini masalah
  Kode yang tidak ada di nomenklatur Kepmendagri tidak dapat diinput di SIPD: biasanya salah
  ketik (2.01 ditulis 2.1, angka tertukar) atau kode dari nomenklatur lama.

Contoh
  Kegiatan ditulis 1.06.01.2.10 (dari sel angka 2,1) padahal yang dimaksud 1.06.01.2.01
  `Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah`.

Sebaiknya
  Salin kode dari nomenklatur yang berlaku; tulis segmen kegiatan sebagai teks (`2.01`) agar
  nol di belakang tidak hilang.",
    explain_en: "\
What it does
  Every code written in a table (urusan, bidang, program, kegiatan, sub kegiatan) must be in
  the nomenclature (rules/nomenclature.csv or --nomenclature). Codes are read in canonical
  form, so `1.06.01.2.01.01` equals `1.06.01.2.01.0001`. Only codes actually written are
  checked; codes inferred from names (T-C.31, the proposal table) always come from a coded
  table. When an official name at the same level is similar (the `near_match` tolerance), the
  message suggests that code and name.
  Coverage: the shipped list holds bidang 1.06 (Sosial) only, built from the seed document's
  T-C.33. A code of a bidang (or urusan) with no entry at all in the list is not reported —
  \"not covered\" is not a finding. For other offices, pass a full nomenclature with
  --nomenclature.

Why is this bad
  A code that is not in the Kepmendagri nomenclature cannot be entered in SIPD: usually a typo
  (2.01 written 2.1, swapped digits) or a code from an old nomenclature.

Example
  A kegiatan written 1.06.01.2.10 (from a number cell 2,1) where 1.06.01.2.01 `Perencanaan,
  Penganggaran, dan Evaluasi Kinerja Perangkat Daerah` was meant.

Use instead
  Copy the code from the nomenclature in force; write the kegiatan segment as text (`2.01`)
  so that trailing zeros are not lost.",
    run,
};

/// The part of a code that decides whether the list covers it: the bidang (`1.06`), or the
/// urusan for an urusan-level code.
fn coverage_prefix(code: &str) -> String {
    code.split('.').take(2).collect::<Vec<_>>().join(".")
}

/// True when the nomenclature has any entry at or under `prefix`.
fn covered(nomenclature: &BTreeMap<String, String>, prefix: &str) -> bool {
    let under = format!("{prefix}.");
    nomenclature
        .range(prefix.to_string()..)
        .take_while(|(k, _)| k.as_str() == prefix || k.starts_with(&under))
        .next()
        .is_some()
}

fn level_of(code: &str) -> Option<Level> {
    Code::parse(code).ok().map(|c| c.level())
}

/// An official code, its name and the name's words (split once per file).
type Official = (String, String, Vec<String>);

/// `expected` when no official code is near.
const NOT_LISTED_ID: &str = "kode yang ada di nomenklatur";

fn run(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    let nom = &ctx.config.nomenclature;
    if nom.is_empty() {
        return out;
    }
    let near = ctx.config.tolerance.near_match;
    // Official entries per level, built on the first unknown code.
    // (code, name, words) per level, so each unknown code is compared without re-splitting
    // every official name (a full Kepmendagri list has thousands).
    let mut by_level: Option<HashMap<Level, Vec<Official>>> = None;
    for t in &ctx.plan.tables {
        let sheet = &t.table.sheet;
        for n in &t.nodes {
            if n.level == Level::Total || n.code_inferred {
                continue;
            }
            let Some(code) = &n.code else { continue };
            let key = code.as_str();
            if nom.contains_key(key) || !covered(nom, &coverage_prefix(key)) {
                continue;
            }
            // Suggest the closest official name of the same level, if close enough.
            let by_level = by_level.get_or_insert_with(|| {
                let mut m: HashMap<Level, Vec<(String, String, Vec<String>)>> = HashMap::new();
                for (k, v) in nom {
                    if let Some(l) = level_of(k) {
                        m.entry(l)
                            .or_default()
                            .push((k.clone(), v.clone(), name_words(v)));
                    }
                }
                m
            });
            let words = name_words(&n.name);
            let suggestion = closest_in(
                by_level
                    .get(&n.level)
                    .into_iter()
                    .flatten()
                    .map(|(c, name, w)| (c.as_str(), name.as_str(), w.as_slice())),
                &words,
            )
            .filter(|(s, _, _)| Decimal::from_f64(*s).is_some_and(|s| s >= near))
            .map(|(_, c, name)| (c, name));
            let (hint_id, hint_en, expected) = match suggestion {
                Some((c, name)) if same_text(name, &n.name) => (
                    format!("; nama ini tercatat dengan kode {c}"),
                    format!("; this name is listed under code {c}"),
                    c.to_string(),
                ),
                Some((c, name)) => (
                    format!("; nama resmi terdekat: {c} `{name}`"),
                    format!("; closest official name: {c} `{name}`"),
                    c.to_string(),
                ),
                None => (String::new(), String::new(), NOT_LISTED_ID.to_string()),
            };
            let pos = t
                .row(n)
                .field(Role::Kode)
                .map(|f| f.pos)
                .unwrap_or_else(|| name_pos(t, n));
            out.push(
                Finding::new(
                    &RULE,
                    sheet,
                    pos,
                    format!(
                        "{}: kode {} ({}) tidak ada dalam nomenklatur{}",
                        t.table.kind,
                        key,
                        label(n, false),
                        hint_id
                    ),
                    format!(
                        "{}: code {} ({}) is not in the nomenclature{}",
                        t.table.kind,
                        key,
                        label(n, true),
                        hint_en
                    ),
                )
                .expected_found(expected.clone(), key)
                .expected_found_en(
                    if expected == NOT_LISTED_ID {
                        "a code in the nomenclature".to_string()
                    } else {
                        expected
                    },
                    key,
                ),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::config::CheckConfig;
    use crate::checks::util::testkit::{TC33, plan, sheet};
    use crate::checks::{Context, Finding};
    use crate::ingest::workbook::Sheet;

    fn run_with(sheets: Vec<Sheet>) -> Vec<Finding> {
        let (ing, plan) = plan(sheets);
        let config = CheckConfig::default_config();
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

    fn rows(kegiatan_code: &'static str) -> Vec<Row> {
        vec![
            r33(
                "1",
                "URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR",
                "",
            ),
            r33("1.06", "URUSAN PEMERINTAHAN BIDANG SOSIAL", ""),
            r33(
                "1.06.01",
                "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
                "",
            ),
            r33(
                kegiatan_code,
                "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
                "",
            ),
            // Written with a two-digit sub kegiatan number: canonical 0001.
            r33(
                "1.06.01.2.01.01",
                "Penyusunan Dokumen Perencanaan Perangkat Daerah",
                "Tenggarong",
            ),
        ]
    }

    #[test]
    fn silent_when_every_code_is_listed() {
        let f = run_with(vec![sheet("T-C.33", &[], TC33, &rows("1.06.01.2.01"))]);
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn fires_on_an_unknown_code_with_the_listed_code_of_the_same_name() {
        let f = run_with(vec![sheet("T-C.33", &[], TC33, &rows("1.06.01.2.10"))]);
        // The kegiatan is unknown; its sub kegiatan 1.06.01.2.01.0001 is still listed.
        assert_eq!(f.len(), 1, "{f:?}");
        let x = &f[0];
        assert_eq!(x.cell, "A5");
        assert_eq!(x.found.as_deref(), Some("1.06.01.2.10"));
        assert_eq!(x.expected.as_deref(), Some("1.06.01.2.01"));
        assert!(
            x.message_id
                .contains("nama ini tercatat dengan kode 1.06.01.2.01"),
            "{}",
            x.message_id
        );
    }

    #[test]
    fn no_suggestion_when_nothing_is_close() {
        let mut r = rows("1.06.01.2.10");
        r[3][1] = "Kegiatan Lain Sekali";
        let f = run_with(vec![sheet("T-C.33", &[], TC33, &r)]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            f[0].expected.as_deref(),
            Some("kode yang ada di nomenklatur")
        );
    }

    #[test]
    fn codes_of_a_bidang_the_list_does_not_cover_are_not_findings() {
        // Bidang 1.05 has no entry in the shipped list: not covered, not unknown. Program
        // 1.06.99 lies in a covered bidang: unknown.
        let r: Vec<Row> = vec![
            r33("1.05", "URUSAN PEMERINTAHAN BIDANG KETENTRAMAN", ""),
            r33("1.05.02", "PROGRAM PENINGKATAN KETENTRAMAN", ""),
            r33("2", "URUSAN PEMERINTAHAN WAJIB YANG TIDAK BERKAITAN", ""),
            r33(
                "1.06.99",
                "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
                "",
            ),
        ];
        let f = run_with(vec![sheet("T-C.33", &[], TC33, &r)]);
        let cells: Vec<String> = f.iter().map(|x| x.cell.a1()).collect();
        assert_eq!(cells, ["A5"], "{f:?}");
        assert_eq!(f[0].expected.as_deref(), Some("1.06.01"));
    }

    #[test]
    fn coverage_prefixes() {
        let n = CheckConfig::default_config().nomenclature;
        assert!(covered(&n, "1.06"));
        assert!(covered(&n, "1"));
        assert!(!covered(&n, "1.05"));
        assert!(!covered(&n, "2"));
        assert_eq!(coverage_prefix("1.06.01.2.01.0001"), "1.06");
        assert_eq!(coverage_prefix("1"), "1");
    }
}
