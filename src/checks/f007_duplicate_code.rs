//! F007 `duplicate-code`: A code is used twice in one table.

use super::util::label;
use super::{Context, Finding, Related, Rule, Severity};
use crate::ingest::code::Level;
use crate::ingest::locate::Field;
use crate::ingest::role::Role;
use crate::model::plan::{TableModel, name_pos};
use std::collections::HashMap;

pub static RULE: Rule = Rule {
    code: "F007",
    name: "duplicate-code",
    family: 'F',
    severity: Severity::Warning,
    summary_id: "Kode dipakai dua kali dalam satu tabel",
    summary_en: "A code is used twice in one table",
    explain_id: "\
Apa yang diperiksa
  Dalam satu tabel berkode (T-C.33, T-C.29, …), setiap kode nomenklatur (program, kegiatan,
  sub kegiatan, juga urusan dan bidang) hanya boleh tertulis pada satu baris. Hanya kode yang
  benar-benar ditulis di sel kode yang diperiksa; kode yang disimpulkan dari nama (tabel tanpa
  kode seperti T-C.31) tidak. Temuan ditaruh pada kemunculan kedua (dan seterusnya), dengan
  kemunculan pertama sebagai sel terkait. Baris lanjutan (indikator kedua dengan kode kosong)
  dan header yang diulang di setiap halaman bukan baris berkode, jadi tidak dihitung.

Mengapa ini masalah
  Satu kode berarti satu kegiatan. Jika kode yang sama muncul dua kali, pagu dan target
  kegiatan itu terbelah dua baris: sistem (SIPD) akan menggabungkan atau menolak salah satunya,
  dan tabel lain tidak bisa dicocokkan dengan pasti ke baris yang mana.

Contoh
  Program 1.06.06 memuat dua baris kegiatan 1.06.06.2.02 `Penyelenggaraan Pemberdayaan
  Masyarakat terhadap Kesiapsiagaan Bencana`: satu 550.000.000 (sub kegiatan .01 dan .02),
  satu lagi 100.000.000 (sub kegiatan .03).

Sebaiknya
  Gabungkan kedua baris menjadi satu kegiatan dengan semua sub kegiatannya di bawahnya (pagu
  dijumlahkan), atau perbaiki kode baris yang salah.",
    explain_en: "\
What it does
  In one coded table (T-C.33, T-C.29, …), each nomenclature code (program, kegiatan, sub
  kegiatan, also urusan and bidang) may be written on one row only. Only codes actually written
  in the code cells are checked; codes inferred from names (uncoded tables such as T-C.31) are
  not. The finding is put on the second (and any later) occurrence, with the first occurrence
  as the related cell. Continuation rows (a second indicator with a blank code) and the header
  repeated on every printed page are not coded rows, so they do not count.

Why is this bad
  One code means one activity. When the same code appears twice, the activity's budget and
  targets are split over two rows: the planning system (SIPD) will merge or reject one of them,
  and the other tables cannot be matched to one row with certainty.

Example
  Program 1.06.06 holds two kegiatan rows coded 1.06.06.2.02 `Penyelenggaraan Pemberdayaan
  Masyarakat terhadap Kesiapsiagaan Bencana`: one of 550.000.000 (sub kegiatan .01 and .02),
  another of 100.000.000 (sub kegiatan .03).

Use instead
  Merge the two rows into one kegiatan with all its sub kegiatan below it (adding up the
  budgets), or correct the code of the wrong row.",
    run,
};

/// The code cell of a node (or its name cell when the code field is missing).
fn code_field(t: &TableModel, i: usize) -> Option<&Field> {
    t.row(&t.nodes[i]).field(Role::Kode)
}

fn run(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for t in &ctx.plan.tables {
        // First occurrence of each explicit code: code text → node index.
        let mut first: HashMap<String, usize> = HashMap::new();
        for (i, n) in t.nodes.iter().enumerate() {
            if n.level == Level::Total || n.code_inferred {
                continue;
            }
            let Some(code) = &n.code else { continue };
            let key = code.to_string();
            let Some(&f) = first.get(&key) else {
                first.insert(key, i);
                continue;
            };
            let sheet = &t.table.sheet;
            let pos = code_field(t, i)
                .map(|x| x.pos)
                .unwrap_or_else(|| name_pos(t, n));
            let first_node = &t.nodes[f];
            let first_pos = code_field(t, f)
                .map(|x| x.pos)
                .unwrap_or_else(|| name_pos(t, first_node));
            let first_row = t.row(first_node).row + 1;
            let same_name = super::util::same_text(&first_node.name, &n.name);
            let (name_id, name_en) = if same_name {
                (
                    "dengan nama yang sama".to_string(),
                    "with the same name".to_string(),
                )
            } else {
                (
                    format!("dengan nama lain `{}`", first_node.name.trim()),
                    format!("with another name `{}`", first_node.name.trim()),
                )
            };
            out.push(
                Finding::new(
                    &RULE,
                    sheet,
                    pos,
                    format!(
                        "{}: kode {} pada {} sudah dipakai di baris {} ({}, sel {}); satu kode hanya boleh satu baris",
                        t.table.kind,
                        key,
                        label(n, false),
                        first_row,
                        name_id,
                        first_pos.a1()
                    ),
                    format!(
                        "{}: code {} of {} is already used on row {} ({}, cell {}); one code may have one row only",
                        t.table.kind,
                        key,
                        label(n, true),
                        first_row,
                        name_en,
                        first_pos.a1()
                    ),
                )
                .related([Related::new(sheet, first_pos)])
                .expected_found(format!("kode unik (bukan {key})"), key.clone())
                .expected_found_en(format!("a unique code (not {key})"), key.clone()),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::util::testkit::{TC31, TC33, run, sheet};

    type Row = [&'static str; 12];

    fn row(
        code: &'static str,
        name: &'static str,
        lokasi: &'static str,
        pagu: &'static str,
    ) -> Row {
        [
            code, name, "Ind", lokasi, "4", "Desa", pagu, "APBD", "", "4", "Desa", pagu,
        ]
    }

    fn table(second_kegiatan: &'static str) -> Vec<Row> {
        vec![
            row("1.06.06", "PROGRAM PENANGANAN BENCANA", "", "650.000.000"),
            row(
                "1.06.06.2.02",
                "Penyelenggaraan Pemberdayaan",
                "",
                "550.000.000",
            ),
            row(
                "1.06.06.2.02.01",
                "Kampung Siaga",
                "Tenggarong",
                "350.000.000",
            ),
            row(
                "1.06.06.2.02.02",
                "Taruna Siaga",
                "Tenggarong",
                "200.000.000",
            ),
            row(
                second_kegiatan,
                "Penyelenggaraan Pemberdayaan",
                "",
                "100.000.000",
            ),
            row("1.06.06.2.02.03", "Relawan", "Tenggarong", "100.000.000"),
        ]
    }

    #[test]
    fn fires_on_the_second_row_with_the_same_code() {
        let f = run(
            &RULE,
            vec![sheet("T-C.33", &[], TC33, &table("1.06.06.2.02"))],
        );
        assert_eq!(f.len(), 1, "{f:?}");
        let x = &f[0];
        // Header on row 1, the second kegiatan is the 5th data row: A6; the first is A3.
        assert_eq!(x.cell, "A6");
        assert_eq!(
            x.related,
            vec![Related::new("T-C.33", crate::ingest::cell::Pos::new(2, 0))]
        );
        assert_eq!(x.found.as_deref(), Some("1.06.06.2.02"));
        assert_eq!(
            x.expected.as_deref(),
            Some("kode unik (bukan 1.06.06.2.02)")
        );
        assert!(x.message_id.contains("baris 3"), "{}", x.message_id);
    }

    #[test]
    fn silent_when_codes_are_distinct() {
        let f = run(
            &RULE,
            vec![sheet("T-C.33", &[], TC33, &table("1.06.06.2.03"))],
        );
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn the_same_code_written_in_two_forms_is_still_a_duplicate() {
        let mut rows = table("1.06.06.2.03");
        rows[5][0] = "1.06.06.2.02.0001"; // same as 1.06.06.2.02.01
        let f = run(&RULE, vec![sheet("T-C.33", &[], TC33, &rows)]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].cell, "A7");
        assert_eq!(f[0].related[0].cell, "A4");
    }

    #[test]
    fn inferred_codes_of_an_uncoded_table_are_not_checked() {
        // T-C.31 repeats the kegiatan name twice; its codes come from T-C.33 by name, so only
        // T-C.33's own duplicate (if any) is reported.
        let tc31: Vec<[&'static str; 12]> = vec![
            [
                "PROGRAM PENANGANAN BENCANA",
                "",
                "Ind",
                "100",
                "Persen",
                "650",
                "",
                "Ind",
                "100",
                "Persen",
                "650",
                "",
            ],
            [
                "Penyelenggaraan Pemberdayaan",
                "",
                "Ind",
                "4",
                "Desa",
                "550",
                "",
                "Ind",
                "4",
                "Desa",
                "550",
                "",
            ],
            [
                "Kampung Siaga",
                "Tenggarong",
                "Ind",
                "4",
                "Desa",
                "350",
                "Tenggarong",
                "Ind",
                "4",
                "Desa",
                "350",
                "",
            ],
            [
                "Penyelenggaraan Pemberdayaan",
                "",
                "Ind",
                "4",
                "Desa",
                "100",
                "",
                "Ind",
                "4",
                "Desa",
                "100",
                "",
            ],
            [
                "Relawan",
                "Tenggarong",
                "Ind",
                "4",
                "Desa",
                "100",
                "Tenggarong",
                "Ind",
                "4",
                "Desa",
                "100",
                "",
            ],
        ];
        let sheets = || {
            vec![
                sheet("T-C.33", &[], TC33, &table("1.06.06.2.03")),
                sheet("T-C.31", &[], TC31, &tc31),
            ]
        };
        // The T-C.31 rows do carry the same (inferred) code twice…
        let (_, plan) = crate::checks::util::testkit::plan(sheets());
        let (_, t31) = plan
            .tables_of(crate::ingest::kind::TableKind::TC31)
            .next()
            .expect("T-C.31 located");
        let inferred: Vec<String> = t31
            .nodes
            .iter()
            .filter(|n| n.code_inferred)
            .filter_map(|n| n.code.as_ref().map(|c| c.to_string()))
            .filter(|c| c == "1.06.06.2.02")
            .collect();
        assert_eq!(inferred.len(), 2, "{:?}", t31.nodes);
        // …but only explicit codes count.
        let f = run(&RULE, sheets());
        assert!(f.is_empty(), "{f:?}");
    }
}
