//! E007 `accepted-proposal-missing`: a stakeholder proposal that T-C.32 marks as accepted has no
//! sub kegiatan in the plan (T-C.31 / T-C.33).

use super::util::level_word;
use super::{Context, Finding, Related, Rule, Severity};
use crate::ingest::code::Level;
use crate::ingest::kind::TableKind;
use crate::ingest::role::Role;
use crate::ingest::rules::normalize;

pub static RULE: Rule = Rule {
    code: "E007",
    name: "accepted-proposal-missing",
    family: 'E',
    severity: Severity::Warning,
    summary_id: "Usulan T-C.32 yang diterima tidak ada di rencana",
    summary_en: "A proposal T-C.32 marks as accepted is not in the plan",
    explain_id: "\
Apa yang diperiksa
  Setiap baris T-C.32 (usulan program dan kegiatan dari para pemangku kepentingan) yang
  catatan/statusnya menyatakan usulan diterima — memuat salah satu kata `words.proposal_accepted`
  (diterima, disetujui, diakomodir, prioritas …) dan tidak satu pun kata
  `words.proposal_not_accepted` (belum, tidak, ditolak …; jadi `Belum Prioritas` bukan diterima)
  — harus muncul di rencana: paling sedikit separuh kata bermakna (4 huruf atau lebih) dari
  kamus usulan atau indikatornya ada pada nama atau indikator satu sub kegiatan T-C.33 atau
  T-C.31. Temuan ditaruh pada sel catatan/status. Usulan yang tidak diterima tidak diperiksa:
  catatannya sudah menjelaskan mengapa.

Mengapa ini masalah
  Usulan masyarakat yang dinyatakan diterima tetapi tidak dianggarkan adalah janji yang tidak
  ditepati; pada verifikasi Bappeda, usulan diterima harus dapat ditelusuri ke sub kegiatannya.

Contoh
  Usulan `Bantuan Sarana Prasarana Panti Asuhan` berstatus `Diakomodir`, tetapi tidak ada sub
  kegiatan bantuan panti asuhan di T-C.33.

Sebaiknya
  Masukkan sub kegiatan yang menampung usulan itu ke T-C.31/T-C.33, atau ubah statusnya dan
  tuliskan alasannya di catatan.",
    explain_en: "\
What it does
  Every row of T-C.32 (proposals from stakeholders) whose note/status says the proposal was
  accepted — it holds one of the `words.proposal_accepted` (diterima, disetujui, diakomodir,
  prioritas …) and none of the `words.proposal_not_accepted` (belum, tidak, ditolak …; so
  `Belum Prioritas`, not yet a priority, is not accepted) — must appear in the plan: at least half
  of the meaningful words (4 letters or more) of its proposal type or indicator must be found in
  the name or indicator of one sub kegiatan of T-C.33 or T-C.31. The finding is placed on the
  note/status cell. Proposals not accepted are not checked: their note already says why.

Why is this bad
  A community proposal declared accepted but not budgeted is a promise not kept; in Bappeda's
  verification every accepted proposal must lead to its sub kegiatan.

Example
  The proposal `Bantuan Sarana Prasarana Panti Asuhan` (equipment for orphanages) has status
  `Diakomodir` (accommodated), but no sub kegiatan of T-C.33 supports orphanages.

Use instead
  Add the sub kegiatan that takes the proposal to T-C.31/T-C.33, or change its status and give
  the reason in the note.",
    run,
};

fn content_words(text: &str) -> Vec<String> {
    normalize(text)
        .split(' ')
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_string)
        .collect()
}

/// True when the status text says accepted.
fn accepted(ctx: &Context, status: &str) -> bool {
    let w = &ctx.config.words;
    level_word(&w.proposal_accepted, status).is_some()
        && level_word(&w.proposal_not_accepted, status).is_none()
}

fn run(ctx: &Context) -> Vec<Finding> {
    // Only a workbook with proposals (T-C.32) has any to look for.
    if !ctx
        .ingested
        .tables
        .iter()
        .any(|t| t.kind == TableKind::TC32)
    {
        return Vec::new();
    }
    // Words of every sub kegiatan's name and indicator in the plan tables.
    let plan_words: Vec<Vec<String>> = ctx
        .plan
        .tables
        .iter()
        .filter(|t| t.table.kind == TableKind::TC33 || t.table.kind == TableKind::TC31)
        .flat_map(|t| {
            t.nodes
                .iter()
                .filter(|n| n.level == Level::SubKegiatan)
                .map(move |n| {
                    let mut words = content_words(&n.name);
                    for r in [Role::Indikator, Role::RIndikator, Role::AIndikator] {
                        if let Some(txt) = t.row(n).text(r) {
                            words.extend(content_words(txt));
                        }
                    }
                    words
                })
        })
        .collect();
    if plan_words.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for t in &ctx.ingested.tables {
        if t.kind != TableKind::TC32 {
            continue;
        }
        for row in &t.rows {
            let Some(status) = row.field(Role::Catatan) else {
                continue;
            };
            let Some(text) = status.parsed.text() else {
                continue;
            };
            if !accepted(ctx, text) {
                continue;
            }
            let found_in_plan = [Role::KamusUsulan, Role::Indikator].iter().any(|r| {
                let words = row.text(*r).map(content_words).unwrap_or_default();
                !words.is_empty()
                    && plan_words.iter().any(|pw| {
                        let shared = words.iter().filter(|w| pw.contains(w)).count();
                        shared * 2 >= words.len()
                    })
            });
            if found_in_plan {
                continue;
            }
            let what = row
                .text(Role::KamusUsulan)
                .or(row.text(Role::Indikator))
                .unwrap_or("")
                .trim()
                .to_string();
            let mut f = Finding::new(
                &RULE,
                &t.sheet,
                status.pos,
                format!(
                    "T-C.32: usulan `{what}` berstatus `{}` (diterima) tetapi tidak ada sub kegiatan T-C.31/T-C.33 yang memuatnya",
                    text.trim()
                ),
                format!(
                    "T-C.32: the proposal `{what}` has status `{}` (accepted) but no sub kegiatan of T-C.31/T-C.33 takes it",
                    text.trim()
                ),
            )
            .expected_found("sub kegiatan di T-C.31/T-C.33", "(tidak ada)")
                .expected_found_en("a sub kegiatan in T-C.31/T-C.33", "(none)");
            if let Some(k) = row.field(Role::KamusUsulan) {
                f = f.related([Related::new(&t.sheet, k.pos)]);
            }
            out.push(f);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::util::testkit::{TC33, run, sheet};

    const TC32: &[&str] = &[
        "No",
        "Kamus Usulan",
        "Permasalahan",
        "Lokasi",
        "Indikator Kinerja",
        "Besaran/Volume",
        "Catatan",
    ];

    fn tc33() -> Vec<[&'static str; 12]> {
        vec![[
            "1.06.02.2.01.0001",
            "Fasilitasi Bantuan Sarana Prasarana Panti Sosial",
            "Jumlah Panti yang Menerima Bantuan",
            "Tenggarong",
            "3",
            "Unit",
            "100",
            "APBD",
            "",
            "3",
            "Unit",
            "100",
        ]]
    }

    fn tc32(kamus: &'static str, status: &'static str) -> Vec<[&'static str; 7]> {
        vec![["1", kamus, "Masalah", "Desa A", "", "1 Paket", status]]
    }

    #[test]
    fn fires_on_an_accepted_proposal_with_no_sub_kegiatan() {
        let f = run(
            &RULE,
            vec![
                sheet(
                    "T-C.32",
                    &[],
                    TC32,
                    &tc32(
                        "Pembangunan Jembatan Gantung Desa",
                        "Diakomodir dalam Renja",
                    ),
                ),
                sheet("T-C.33", &[], TC33, &tc33()),
            ],
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            (f[0].sheet.as_str(), f[0].cell.a1().as_str()),
            ("T-C.32", "G2")
        );
        assert_eq!(f[0].related[0].cell, "B2");
    }

    #[test]
    fn silent_when_the_plan_takes_it_or_it_was_not_accepted() {
        for (kamus, status) in [
            ("Bantuan Sarana Prasarana Panti Asuhan", "Diterima"),
            ("Pembangunan Jembatan Gantung Desa", "Belum Prioritas"),
            (
                "Pembangunan Jembatan Gantung Desa",
                "Tidak sesuai kamus usulan",
            ),
        ] {
            let f = run(
                &RULE,
                vec![
                    sheet("T-C.32", &[], TC32, &tc32(kamus, status)),
                    sheet("T-C.33", &[], TC33, &tc33()),
                ],
            );
            assert!(f.is_empty(), "{kamus} / {status}: {f:?}");
        }
    }
}
