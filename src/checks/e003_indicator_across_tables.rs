//! E003 `indicator-across-tables`: the indicator text of one sub kegiatan differs between
//! T-C.31, the proposal table (usulan program, section 2.5) and T-C.33.

use super::util::{label, node_rows, same_text, text_cell, word_diff};
use super::{Context, Finding, Related, Rule, Severity};
use crate::ingest::cell::Pos;
use crate::ingest::code::Level;
use crate::ingest::kind::TableKind;
use crate::ingest::role::Role;
use crate::model::pairing::pair_by_key;
use crate::model::plan::{TableModel, name_similarity};
use rust_decimal::prelude::ToPrimitive;

pub static RULE: Rule = Rule {
    code: "E003",
    name: "indicator-across-tables",
    family: 'E',
    severity: Severity::Warning,
    summary_id: "Indikator satu sub kegiatan berbeda antar tabel",
    summary_en: "A sub kegiatan's indicator differs between tables",
    explain_id: "\
Apa yang diperiksa
  Setiap sub kegiatan T-C.31 dan tabel usulan program (2.5) dicocokkan dengan sub kegiatan T-C.33
  yang sama menurut kode (tabel tanpa kode mendapat kode dari T-C.33 menurut nama; kode yang sama
  dua kali dipasangkan menurut urutan), lalu teks indikatornya dibandingkan: indikator kinerja
  T-C.33, indikator Hasil Analisis Kebutuhan T-C.31 (atau Rancangan Awal RKPD bila sisi analisis
  kosong; selisih kedua sisi dilaporkan D001), dan keluaran sub kegiatan tabel usulan. Huruf
  besar/kecil, spasi (termasuk spasi ganda karena potongan baris), dan tanda baca diseragamkan
  lebih dulu. Bila kedua teks mirip (kemiripan kata ≥ near_match di rules.toml, bawaan 0,5),
  pesan menyebut kata yang berbeda; bila tidak, kedua teks disebut berlainan sama sekali
  (mungkin indikator sub kegiatan lain). Indikator kosong lawan berisi juga dilaporkan. Temuan
  ada di sel tabel selain T-C.33 (T-C.33 adalah rencana yang ditetapkan), T-C.33 sebagai sel
  terkait. Bila buku kerja tidak memuat T-C.33, tabel usulan dibandingkan dengan T-C.31 menurut
  nama di bawah induk yang sama. Ini peringatan: kata yang berbeda bisa saja disengaja.

Mengapa ini masalah
  Indikator keluaran adalah ukuran kinerja yang dijanjikan. Sub kegiatan yang sama dengan
  indikator berbeda di tabel lain membuat target tidak bisa dibandingkan, dan sering berarti teks
  terpotong atau tersalin dari baris lain.

Contoh
  Sub kegiatan Pemberian Layanan Data dan Pengaduan: T-C.33 menulis `… Pengaduan Kewenangan
  Kabupaten/Kota`, analisis T-C.31 berhenti di `… Pengaduan Kewenangan` (kata yang kurang:
  kabupaten, kota).

Sebaiknya
  Salin teks indikator yang sama persis dari T-C.33 (atau dari daftar nomenklatur) ke tabel lain.",
    explain_en: "\
What it does
  Matches every sub kegiatan of T-C.31 and of the proposal table (usulan program, section 2.5)
  with the same sub kegiatan of T-C.33 by code (uncoded tables get their codes from T-C.33 by
  name; a code that appears twice pairs up in order), then compares the indicator texts: T-C.33's
  indicator, T-C.31's needs-analysis indicator (or the draft's when the analysis cell is blank;
  the gap between the sides is D001's), and the proposal table's output (keluaran). Case,
  spacing (including double spaces left by line wrapping) and punctuation are folded first.
  When the texts are a near match (word similarity ≥ near_match of rules.toml, 0.5 by default)
  the message lists the words that differ; otherwise the texts are reported as different
  altogether (perhaps another sub kegiatan's indicator). A blank indicator against a written one
  is reported too. The finding is on the cell of the table that is not T-C.33 (T-C.33 is the
  plan of record), with T-C.33 as the related cell. When the workbook has no T-C.33, the
  proposal table is compared with T-C.31 by name under the same parent. A warning: different
  wording may be deliberate.

Why is this bad
  The output indicator is the promised measure of performance. One sub kegiatan with different
  indicators in different tables makes its targets incomparable, and often means a text was cut
  off or copied from another row.

Example
  Sub kegiatan Pemberian Layanan Data dan Pengaduan: T-C.33 says `… Pengaduan Kewenangan
  Kabupaten/Kota`, the T-C.31 analysis stops at `… Pengaduan Kewenangan` (missing words:
  kabupaten, kota).

Use instead
  Copy the exact indicator text of T-C.33 (or of the nomenclature list) into the other tables.",
    run,
};

/// An indicator as read for comparison: text (None when blank), cell, the side read (T-C.31),
/// and the draft cells that say the same.
type Ind<'a> = (Option<&'a str>, Pos, &'static str, &'static str, Vec<Pos>);

/// The indicator of a node of a compared table, the side read, and draft cells saying the same.
fn indicator_of(t: &TableModel, i: usize) -> Option<Ind<'_>> {
    let row = t.row(&t.nodes[i]);
    match t.table.kind {
        TableKind::TC31 => {
            let a = text_cell(row, Role::AIndikator);
            let r = text_cell(row, Role::RIndikator);
            match (a, r) {
                (Some((Some(at), apos)), r) => {
                    let same = r
                        .and_then(|(rt, rpos)| rt.filter(|rt| same_text(rt, at)).map(|_| rpos))
                        .map(|p| vec![p])
                        .unwrap_or_default();
                    let (sid, sen) = if same.is_empty() {
                        (" (Hasil Analisis Kebutuhan)", " (needs analysis)")
                    } else {
                        (
                            " (Rancangan Awal RKPD dan Hasil Analisis Kebutuhan)",
                            " (RKPD draft and needs analysis)",
                        )
                    };
                    Some((Some(at), apos, sid, sen, same))
                }
                (_, Some((Some(rt), rpos))) => Some((
                    Some(rt),
                    rpos,
                    " (Rancangan Awal RKPD)",
                    " (RKPD draft)",
                    vec![],
                )),
                (Some((None, apos)), _) => Some((
                    None,
                    apos,
                    " (Hasil Analisis Kebutuhan)",
                    " (needs analysis)",
                    vec![],
                )),
                (None, r) => {
                    r.map(|(t, p)| (t, p, " (Rancangan Awal RKPD)", " (RKPD draft)", vec![]))
                }
            }
        }
        TableKind::UsulanProgram => {
            text_cell(row, Role::Keluaran).map(|(t, p)| (t, p, "", "", vec![]))
        }
        _ => text_cell(row, Role::Indikator).map(|(t, p)| (t, p, "", "", vec![])),
    }
}

/// Every indicator text written for a program (its own row and its continuation rows), with its
/// cell: the analysis side of T-C.31 where filled, else the draft side.
fn program_indicators(t: &TableModel, i: usize) -> Vec<(&str, Pos)> {
    let roles: &[Role] = match t.table.kind {
        TableKind::TC31 => &[Role::AIndikator, Role::RIndikator],
        TableKind::UsulanProgram => &[Role::Keluaran],
        _ => &[Role::Indikator],
    };
    node_rows(t, &t.nodes[i])
        .filter_map(|row| {
            roles
                .iter()
                .find_map(|r| text_cell(row, *r).and_then(|(t, p)| t.map(|t| (t, p))))
        })
        .collect()
}

/// Program level: a program has one or more outcome indicators, listed on its row and the rows
/// under it. Each indicator written in `o` must be one of the reference's for that program; the
/// order and how many each table lists do not matter (a missing one is D001's or E004's).
fn compare_program(
    ctx: &Context,
    out: &mut Vec<Finding>,
    o: &TableModel,
    i: usize,
    reference: &TableModel,
    j: usize,
) {
    let refs = program_indicators(reference, j);
    if refs.is_empty() {
        return;
    }
    let near = ctx.config.tolerance.near_match.to_f64().unwrap_or(0.5);
    let n = &o.nodes[i];
    for (text, pos) in program_indicators(o, i) {
        if refs.iter().any(|(r, _)| same_text(r, text)) {
            continue;
        }
        let (best, best_pos, sim) = refs
            .iter()
            .map(|(r, p)| (r, *p, name_similarity(r, text)))
            .max_by(|a, b| a.2.partial_cmp(&b.2).unwrap_or(std::cmp::Ordering::Equal))
            .expect("refs not empty");
        let (detail_id, detail_en) = if sim >= near {
            word_detail(text, best, reference.table.kind.as_str())
        } else {
            (
                format!(
                    "tidak ada indikator program {} yang mirip",
                    reference.table.kind
                ),
                format!("no program indicator of {} is alike", reference.table.kind),
            )
        };
        out.push(
            Finding::new(
                &RULE,
                &o.table.sheet,
                pos,
                format!(
                    "{}: {} — indikator program `{}` tidak ada di {} (paling dekat: `{}`; {})",
                    o.table.kind,
                    label(n, false),
                    text,
                    reference.table.kind,
                    best,
                    detail_id
                ),
                format!(
                    "{}: {} — program indicator `{}` is not in {} (closest: `{}`; {})",
                    o.table.kind,
                    label(n, true),
                    text,
                    reference.table.kind,
                    best,
                    detail_en
                ),
            )
            .related([Related::new(&reference.table.sheet, best_pos)])
            .expected_found(*best, text),
        );
    }
}

/// The words only in one of two alike texts, for a near-match message (Indonesian, English).
fn word_detail(here: &str, there: &str, kind: &str) -> (String, String) {
    let (only_here, only_ref) = word_diff(here, there);
    (
        format!(
            "kata hanya di sini: {}; kata hanya di {kind}: {}",
            words(&only_here),
            words(&only_ref)
        ),
        format!(
            "words only here: {}; words only in {kind}: {}",
            words(&only_here),
            words(&only_ref)
        ),
    )
}

fn show(t: &Option<&str>, en: bool) -> String {
    match (t, en) {
        (Some(s), _) => s.to_string(),
        (None, false) => "(kosong)".into(),
        (None, true) => "(blank)".into(),
    }
}

fn words(w: &[String]) -> String {
    if w.is_empty() {
        "—".into()
    } else {
        w.join(", ")
    }
}

fn compare(
    ctx: &Context,
    out: &mut Vec<Finding>,
    o: &TableModel,
    i: usize,
    reference: &TableModel,
    j: usize,
) {
    let Some((text, pos, side_id, side_en, same_draft)) = indicator_of(o, i) else {
        return;
    };
    let Some((ref_text, ref_pos, _, _, _)) = indicator_of(reference, j) else {
        return;
    };
    let (detail_id, detail_en) = match (&text, &ref_text) {
        (None, None) => return,
        (Some(a), Some(b)) if same_text(a, b) => return,
        (Some(a), Some(b)) => {
            let near = ctx.config.tolerance.near_match.to_f64().unwrap_or(0.5);
            if name_similarity(a, b) >= near {
                word_detail(a, b, reference.table.kind.as_str())
            } else {
                (
                    "teks berlainan sama sekali (indikator sub kegiatan lain?)".to_string(),
                    "the texts differ altogether (another sub kegiatan's indicator?)".to_string(),
                )
            }
        }
        (None, Some(_)) => (
            "indikator tidak diisi".to_string(),
            "the indicator is not filled in".to_string(),
        ),
        (Some(_), None) => (
            format!("indikator di {} kosong", reference.table.kind),
            format!("the indicator in {} is blank", reference.table.kind),
        ),
    };
    let n = &o.nodes[i];
    let related = std::iter::once(Related::new(&reference.table.sheet, ref_pos)).chain(
        same_draft
            .into_iter()
            .map(|p| Related::new(&o.table.sheet, p)),
    );
    out.push(
        Finding::new(
            &RULE,
            &o.table.sheet,
            pos,
            format!(
                "{}: {} — indikator{} `{}` berbeda dengan {} `{}` ({})",
                o.table.kind,
                label(n, false),
                side_id,
                show(&text, false),
                reference.table.kind,
                show(&ref_text, false),
                detail_id
            ),
            format!(
                "{}: {} — indicator{} `{}` differs from {} `{}` ({})",
                o.table.kind,
                label(n, true),
                side_en,
                show(&text, true),
                reference.table.kind,
                show(&ref_text, true),
                detail_en
            ),
        )
        .related(related)
        .expected_found(show(&ref_text, false), show(&text, false))
        .expected_found_en(show(&ref_text, true), show(&text, true)),
    );
}

fn run(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    let has_tc33 = ctx.plan.tables_of(TableKind::TC33).next().is_some();
    for o in ctx
        .plan
        .tables
        .iter()
        .filter(|t| t.table.kind == TableKind::TC31 || t.table.kind == TableKind::UsulanProgram)
    {
        let references: Vec<&TableModel> = if has_tc33 {
            ctx.plan
                .tables_of(TableKind::TC33)
                .map(|(_, t)| t)
                .collect()
        } else if o.table.kind == TableKind::UsulanProgram {
            ctx.plan
                .tables_of(TableKind::TC31)
                .map(|(_, t)| t)
                .collect()
        } else {
            Vec::new()
        };
        for reference in references {
            for (i, j) in pair_by_key(ctx.plan, o, reference, Level::SubKegiatan) {
                compare(ctx, &mut out, o, i, reference, j);
            }
            for (i, j) in pair_by_key(ctx.plan, o, reference, Level::Program) {
                compare_program(ctx, &mut out, o, i, reference, j);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::util::testkit::{TC31, TC33, USULAN, run, sheet};

    fn tc33() -> Vec<[&'static str; 12]> {
        let row = |k, u, i, l| [k, u, i, l, "1", "Dokumen", "100", "", "", "", "", ""];
        vec![
            row("1.06.04", "PROGRAM REHABILITASI", "Persentase", ""),
            row("1.06.04.2.02", "Rehabilitasi PMKS", "Terlayani", ""),
            row(
                "1.06.04.2.02.01",
                "Pemberian Layanan Data dan Pengaduan",
                "Jumlah Orang yang Mendapatkan Layanan Data dan Pengaduan Kewenangan Kabupaten/Kota",
                "Tenggarong",
            ),
            row(
                "1.06.04.2.02.02",
                "Pemberian Layanan Kedaruratan",
                "Jumlah Orang yang Mendapatkan Layanan Kedaruratan",
                "Tenggarong",
            ),
        ]
    }

    fn tc31(a_ind: &'static str) -> Vec<[&'static str; 12]> {
        let row = |u, l, r, a| {
            [
                u, l, r, "1", "Dokumen", "100", l, a, "1", "Dokumen", "100", "",
            ]
        };
        vec![
            row("PROGRAM REHABILITASI", "", "Persentase", "Persentase"),
            row("Rehabilitasi PMKS", "", "Terlayani", "Terlayani"),
            row(
                "Pemberian Layanan Data dan Pengaduan",
                "Tenggarong",
                "Jumlah Orang yang Mendapatkan Layanan Data dan Pengaduan Kewenangan Kabupaten/Kota",
                a_ind,
            ),
            row(
                "Pemberian Layanan Kedaruratan",
                "Tenggarong",
                "Jumlah  orang yang mendapatkan Layanan Kedaruratan",
                "Jumlah  orang yang mendapatkan Layanan Kedaruratan",
            ),
        ]
    }

    #[test]
    fn a_program_indicator_missing_from_tc33_is_reported_whatever_the_order() {
        let mut t31 = tc31(
            "Jumlah Orang yang Mendapatkan Layanan Data dan Pengaduan Kewenangan Kabupaten/Kota",
        );
        // A second program indicator on the next row, in T-C.33's order reversed: no finding.
        let mut t33 = tc33();
        t33.insert(
            1,
            [
                "",
                "",
                "Indeks Kepuasan",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
            ],
        );
        t31.insert(
            0,
            [
                "",
                "",
                "Indeks Kepuasan",
                "",
                "",
                "",
                "",
                "Indeks Kepuasan",
                "",
                "",
                "",
                "",
            ],
        );
        let sheets = |t31: &Vec<[&'static str; 12]>| {
            vec![
                sheet("T-C.31", &[], TC31, t31),
                sheet("T-C.33", &[], TC33, &t33),
            ]
        };
        // The program name row must come first in T-C.31: move it above the extra indicator.
        t31.swap(0, 1);
        let f = run(&RULE, sheets(&t31));
        assert!(f.is_empty(), "{f:?}");
        t31[0][7] = "Persentase Penyandang yang Direhabilitasi";
        let f = run(&RULE, sheets(&t31));
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].cell, "H2");
        assert_eq!(
            f[0].found.as_deref(),
            Some("Persentase Penyandang yang Direhabilitasi")
        );
        assert_eq!(f[0].expected.as_deref(), Some("Persentase"));
    }

    #[test]
    fn a_cut_indicator_is_a_near_match_listing_the_missing_words() {
        let f = run(
            &RULE,
            vec![
                sheet(
                    "T-C.31",
                    &[],
                    TC31,
                    &tc31("Jumlah Orang yang Mendapatkan Layanan Data dan Pengaduan Kewenangan"),
                ),
                sheet("T-C.33", &[], TC33, &tc33()),
            ],
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            (f[0].sheet.as_str(), f[0].cell.a1().as_str()),
            ("T-C.31", "H4")
        );
        assert_eq!(f[0].severity, Severity::Warning);
        assert_eq!(
            f[0].expected.as_deref(),
            Some(
                "Jumlah Orang yang Mendapatkan Layanan Data dan Pengaduan Kewenangan Kabupaten/Kota"
            )
        );
        assert_eq!(
            f[0].found.as_deref(),
            Some("Jumlah Orang yang Mendapatkan Layanan Data dan Pengaduan Kewenangan")
        );
        assert_eq!(f[0].related[0].cell, "C4");
        assert!(
            f[0].message_id.contains("kabupaten, kota"),
            "{}",
            f[0].message_id
        );
    }

    #[test]
    fn another_text_altogether_is_said_so() {
        let usulan: Vec<[&str; 7]> = vec![
            ["", "PROGRAM REHABILITASI", "", "", "", "", ""],
            ["", "Rehabilitasi PMKS", "", "", "", "", ""],
            [
                "1",
                "Pemberian Layanan Data dan Pengaduan",
                "Jumlah Paket Komponen Listrik",
                "Tenggarong",
                "1",
                "Dokumen",
                "",
            ],
        ];
        let f = run(
            &RULE,
            vec![
                sheet("Usulan", &[], USULAN, &usulan),
                sheet("T-C.33", &[], TC33, &tc33()),
            ],
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            (f[0].sheet.as_str(), f[0].cell.a1().as_str()),
            ("Usulan", "C4")
        );
        assert!(
            f[0].message_en.contains("altogether"),
            "{}",
            f[0].message_en
        );
    }

    #[test]
    fn silent_when_texts_agree_up_to_case_and_spacing() {
        let f = run(
            &RULE,
            vec![
                sheet(
                    "T-C.31",
                    &[],
                    TC31,
                    &tc31(
                        "jumlah orang yang mendapatkan  Layanan Data dan Pengaduan Kewenangan Kabupaten / Kota",
                    ),
                ),
                sheet("T-C.33", &[], TC33, &tc33()),
            ],
        );
        assert!(f.is_empty(), "{f:?}");
    }
}
