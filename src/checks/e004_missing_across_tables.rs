//! E004 `missing-across-tables`: a program, kegiatan or sub kegiatan planned in T-C.33 for the
//! plan year is missing from T-C.31 or from the proposal table, or a row of those tables has no
//! row in T-C.33.

use super::util::{header_year, label, rp, year_phrase};
use super::{Context, Finding, Related, Rule, Severity};
use crate::ingest::code::Level;
use crate::ingest::kind::TableKind;
use crate::ingest::locate::Parsed;
use crate::ingest::role::Role;
use crate::model::pairing::node_key;
use crate::model::plan::{TableModel, name_pos};
use std::collections::HashMap;

pub static RULE: Rule = Rule {
    code: "E004",
    name: "missing-across-tables",
    family: 'E',
    severity: Severity::Warning,
    summary_id: "Sub kegiatan yang direncanakan tidak ada di tabel lain",
    summary_en: "A planned sub kegiatan is missing from another table",
    explain_id: "\
Apa yang diperiksa
  Program, kegiatan, dan sub kegiatan T-C.33 yang direncanakan untuk tahun rencana (n) — target
  atau pagu tahun n tidak kosong; angka 0 tetap dihitung direncanakan — harus ada di T-C.31 dan
  di tabel usulan program (2.5) buku kerja yang sama. Sebaliknya, setiap program, kegiatan, dan
  sub kegiatan T-C.31 dan tabel usulan harus punya baris di T-C.33. Baris dicocokkan menurut kode
  (tabel tanpa kode mendapat kode dari T-C.33 menurut nama; baris yang namanya tidak ditemukan
  di T-C.33 tidak punya kode dan dihitung tidak ada). Kode yang sama dua kali dihitung dua
  baris. Hanya tingkat tertinggi yang hilang yang dilaporkan: bila satu kegiatan tidak ada,
  sub kegiatannya tidak dilaporkan satu per satu. Pemeriksaan hanya berjalan bila kedua tabel
  ada di buku kerja; beberapa tabel sejenis (mis. T-C.33 yang dipecah per lembar) digabung.
  Baris yang hanya direncanakan untuk tahun prakiraan maju (n+1) tidak dilaporkan.

Mengapa ini masalah
  T-C.31, tabel usulan, dan T-C.33 memuat daftar program dan kegiatan yang sama untuk tahun
  rencana. Baris yang hilang di salah satu tabel berarti usulan tidak lengkap, atau tabel lain
  memuat baris yang sudah dibatalkan; hitungan program/kegiatan/sub kegiatan yang dinyatakan di
  dokumen tidak lagi cocok.

Contoh
  Sub kegiatan 1.06.01.2.05.0002 Pengadaan Pakaian Dinas beserta Atribut Kelengkapan
  direncanakan di T-C.33 tahun 2026 (153 Paket, pagu 0) tetapi tidak ada di tabel usulan
  program.

Sebaiknya
  Tambahkan baris yang hilang ke tabel yang belum memuatnya, atau hapus dari T-C.33 baris yang
  memang tidak direncanakan tahun itu (kosongkan target dan pagunya bila hanya untuk tahun n+1).",
    explain_en: "\
What it does
  Programs, kegiatan and sub kegiatan of T-C.33 planned for the plan year (n) — a non-blank
  target or budget for year n; 0 still counts as planned — must appear in T-C.31 and in the
  proposal table (usulan program, section 2.5) of the same workbook. The other way round, every
  program, kegiatan and sub kegiatan of T-C.31 and of the proposal table must have a row in
  T-C.33. Rows are matched by code (uncoded tables get their codes from T-C.33 by name; a row
  whose name is not found in T-C.33 has no code and counts as missing there). A code that
  appears twice counts as two rows. Only the highest missing level is reported: when a kegiatan
  is missing, its sub kegiatan are not reported one by one. The check runs only when both
  tables are in the workbook; several tables of one kind (e.g. a T-C.33 split over sheets) are
  taken together. Rows planned only for the forward year (n+1) are not reported.

Why is this bad
  T-C.31, the proposal table and T-C.33 list the same programs and activities for the plan
  year. A row missing from one of them means an incomplete proposal, or a table that still
  holds a row that was dropped; the counts of programs/kegiatan/sub kegiatan stated in the
  document no longer hold.

Example
  Sub kegiatan 1.06.01.2.05.0002 Pengadaan Pakaian Dinas beserta Atribut Kelengkapan is planned
  in T-C.33 for 2026 (153 Paket, budget 0) but is not in the proposal table.

Use instead
  Add the missing row to the table that lacks it, or remove from T-C.33 the row that is not
  planned that year (leave its target and budget blank when it is for year n+1 only).",
    run,
};

const LEVELS: [Level; 3] = [Level::Program, Level::Kegiatan, Level::SubKegiatan];

/// The checked rows of a table (program, kegiatan, sub kegiatan) in order: node index, key, and
/// how many rows of the same level and key came before it.
fn keyed_rows(t: &TableModel) -> Vec<(usize, String, usize)> {
    let mut seen: HashMap<(Level, String), usize> = HashMap::new();
    let mut out = Vec::new();
    for (i, n) in t.nodes.iter().enumerate() {
        if !LEVELS.contains(&n.level) {
            continue;
        }
        let k = node_key(t, i);
        let o = seen.entry((n.level, k.clone())).or_insert(0);
        out.push((i, k, *o));
        *o += 1;
    }
    out
}

/// One row of one table, identified by table index and node index.
#[derive(Clone, Copy)]
struct At {
    table: usize,
    node: usize,
}

/// The rows of a group of tables (one kind), by (level, key), in order of appearance.
struct Index {
    rows: HashMap<(Level, String), Vec<At>>,
}

impl Index {
    fn new(ctx: &Context, kind: TableKind) -> Index {
        let mut rows: HashMap<(Level, String), Vec<At>> = HashMap::new();
        for (ti, t) in ctx.plan.tables_of(kind) {
            for (i, n) in t.nodes.iter().enumerate() {
                if LEVELS.contains(&n.level) {
                    rows.entry((n.level, node_key(t, i)))
                        .or_default()
                        .push(At { table: ti, node: i });
                }
            }
        }
        Index { rows }
    }

    fn count(&self, level: Level, k: &str) -> usize {
        self.rows
            .get(&(level, k.to_string()))
            .map_or(0, |v| v.len())
    }

    fn first(&self, level: Level, k: &str) -> Option<At> {
        self.rows
            .get(&(level, k.to_string()))
            .and_then(|v| v.first().copied())
    }
}

/// The parent of a node that is itself checked (program or kegiatan), if any.
fn checked_parent(t: &TableModel, i: usize) -> Option<usize> {
    t.nodes[i]
        .parent
        .filter(|&p| LEVELS.contains(&t.nodes[p].level))
}

/// True when T-C.33 plans the node for year n: a non-blank target or budget of year n.
fn planned(t: &TableModel, i: usize) -> bool {
    let row = t.row(&t.nodes[i]);
    [Role::PaguN, Role::TargetN].iter().any(|r| {
        row.field(*r)
            .is_some_and(|f| !matches!(f.parsed, Parsed::Blank))
    })
}

/// What T-C.33 plans for a node in year n, for messages: `target 153 Paket, pagu 0`.
fn plan_of(ctx: &Context, t: &TableModel, i: usize) -> (String, String) {
    let row = t.row(&t.nodes[i]);
    let sheet = ctx.ingested.workbook.sheet(&t.table.sheet);
    let raw = |r: Role| {
        row.field(r)
            .map(|f| f.raw(sheet).trim().to_string())
            .filter(|s| !s.is_empty())
    };
    let mut id = Vec::new();
    let mut en = Vec::new();
    if let Some(tg) = raw(Role::TargetN) {
        let unit = raw(Role::SatuanN)
            .map(|u| format!(" {u}"))
            .unwrap_or_default();
        id.push(format!("target {tg}{unit}"));
        en.push(format!("target {tg}{unit}"));
    }
    if let Some(Parsed::Amount(d)) = row.field(Role::PaguN).map(|f| &f.parsed) {
        id.push(format!("pagu {}", rp(d)));
        en.push(format!("budget {}", rp(d)));
    }
    (id.join(", "), en.join(", "))
}

/// Human name of a table kind.
fn kind_name(kind: TableKind, en: bool) -> String {
    match (kind, en) {
        (TableKind::UsulanProgram, false) => "tabel usulan program (2.5)".into(),
        (TableKind::UsulanProgram, true) => "the proposal table (2.5)".into(),
        (k, _) => k.to_string(),
    }
}

fn run(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    if ctx.plan.tables_of(TableKind::TC33).next().is_none() {
        return out;
    }
    let others: Vec<TableKind> = [TableKind::TC31, TableKind::UsulanProgram]
        .into_iter()
        .filter(|k| ctx.plan.tables_of(*k).next().is_some())
        .collect();
    if others.is_empty() {
        // Nothing to look the rows up in (a workbook of T-C.33 alone).
        return out;
    }
    let idx33 = Index::new(ctx, TableKind::TC33);
    let indexes: Vec<(TableKind, Index)> =
        others.iter().map(|k| (*k, Index::new(ctx, *k))).collect();

    // T-C.33 rows planned for year n, missing from T-C.31 / the proposal table.
    for (_, t33) in ctx.plan.tables_of(TableKind::TC33) {
        let year = header_year(t33, &[Role::PaguN, Role::TargetN]);
        for (i, k, occ) in keyed_rows(t33) {
            let n = &t33.nodes[i];
            if !planned(t33, i) {
                continue;
            }
            let mut missing_from: Vec<(TableKind, Option<At>)> = Vec::new();
            for &(kind, ref idx) in &indexes {
                if idx.count(n.level, &k) > occ {
                    continue;
                }
                // Report only the highest missing level: skip when the parent is missing too
                // (and planned, so reported itself).
                let parent = checked_parent(t33, i);
                let parent_at =
                    parent.and_then(|p| idx.first(t33.nodes[p].level, &node_key(t33, p)));
                if let Some(p) = parent
                    && parent_at.is_none()
                    && planned(t33, p)
                {
                    continue;
                }
                missing_from.push((kind, parent_at));
            }
            if missing_from.is_empty() {
                continue;
            }
            let names_id: Vec<String> = missing_from
                .iter()
                .map(|&(k, _)| kind_name(k, false))
                .collect();
            let names_en: Vec<String> = missing_from
                .iter()
                .map(|&(k, _)| kind_name(k, true))
                .collect();
            let related: Vec<Related> = missing_from
                .iter()
                .filter_map(|(_, at)| *at)
                .map(|at| {
                    let t = &ctx.plan.tables[at.table];
                    Related::new(&t.table.sheet, name_pos(t, &t.nodes[at.node]))
                })
                .collect();
            let (year_id, year_en) = year_phrase(year);
            let (plan_id, plan_en) = plan_of(ctx, t33, i);
            out.push(
                Finding::new(
                    &RULE,
                    &t33.table.sheet,
                    name_pos(t33, n),
                    format!(
                        "T-C.33: {} direncanakan{} ({}) tetapi tidak ada di {}",
                        label(n, false),
                        year_id,
                        plan_id,
                        names_id.join(" dan ")
                    ),
                    format!(
                        "T-C.33: {} is planned{} ({}) but is missing from {}",
                        label(n, true),
                        year_en,
                        plan_en,
                        names_en.join(" and ")
                    ),
                )
                .related(related)
                .expected_found(
                    format!("ada di {}", names_id.join(" dan ")),
                    "(tidak ada)".to_string(),
                )
                .expected_found_en(format!("in {}", names_en.join(" and ")), "(none)"),
            );
        }
    }

    // Rows of T-C.31 / the proposal table with no row in T-C.33.
    for &kind in &others {
        for (_, t) in ctx.plan.tables_of(kind) {
            for (i, k, occ) in keyed_rows(t) {
                let n = &t.nodes[i];
                if idx33.count(n.level, &k) > occ {
                    continue;
                }
                let parent = checked_parent(t, i);
                let parent_at = parent.and_then(|p| idx33.first(t.nodes[p].level, &node_key(t, p)));
                if parent.is_some() && parent_at.is_none() {
                    continue; // the parent is reported
                }
                let related: Vec<Related> = parent_at
                    .map(|at| {
                        let t33 = &ctx.plan.tables[at.table];
                        Related::new(&t33.table.sheet, name_pos(t33, &t33.nodes[at.node]))
                    })
                    .into_iter()
                    .collect();
                out.push(
                    Finding::new(
                        &RULE,
                        &t.table.sheet,
                        name_pos(t, n),
                        format!(
                            "{}: {} tidak ada di T-C.33",
                            kind_name(kind, false),
                            label(n, false)
                        ),
                        format!(
                            "{}: {} has no row in T-C.33",
                            kind_name(kind, true),
                            label(n, true)
                        ),
                    )
                    .related(related)
                    .expected_found("ada di T-C.33", "(tidak ada)")
                    .expected_found_en("in T-C.33", "(none)"),
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::util::testkit::{TC31, TC33, USULAN, run, sheet};

    fn tc33(third_target: &'static str, third_pagu: &'static str) -> Vec<[&'static str; 12]> {
        let row = |k, u, l, t, p, t1, p1| [k, u, "", l, t, "Dokumen", p, "", "", t1, "Dokumen", p1];
        vec![
            row("1.06.01", "PROGRAM PENUNJANG", "", "1", "300", "1", "400"),
            row(
                "1.06.01.2.05",
                "Administrasi Kepegawaian",
                "",
                "1",
                "300",
                "1",
                "400",
            ),
            row(
                "1.06.01.2.05.02",
                "Pengadaan Pakaian Dinas",
                "Tenggarong",
                "153",
                "0",
                "200",
                "250",
            ),
            row(
                "1.06.01.2.05.03",
                "Pendataan Kepegawaian",
                "Tenggarong",
                "2",
                "300",
                "2",
                "50",
            ),
            row(
                "1.06.01.2.05.10",
                "Sosialisasi Peraturan",
                "Tenggarong",
                third_target,
                third_pagu,
                "100",
                "100",
            ),
        ]
    }

    fn usulan() -> Vec<[&'static str; 7]> {
        vec![
            ["", "PROGRAM PENUNJANG", "", "", "", "", ""],
            ["", "Administrasi Kepegawaian", "", "", "", "", ""],
            [
                "1",
                "Pendataan Kepegawaian",
                "Jumlah",
                "Tenggarong",
                "2",
                "Dokumen",
                "",
            ],
            [
                "2",
                "Sub Kegiatan Baru",
                "Jumlah",
                "Tenggarong",
                "1",
                "Dokumen",
                "",
            ],
        ]
    }

    #[test]
    fn fires_both_ways_on_the_row_cells() {
        let f = run(
            &RULE,
            vec![
                sheet("Usulan", &[], USULAN, &usulan()),
                sheet("T-C.33", &[], TC33, &tc33("", "")),
            ],
        );
        let mut got: Vec<(&str, &str)> = f
            .iter()
            .map(|x| (x.sheet.as_str(), crate::checks::util::testkit::a1(x.cell)))
            .collect();
        got.sort();
        // 2.05.02 is planned (target 153, budget 0) and missing; 2.05.10 is n+1 only.
        assert_eq!(got, [("T-C.33", "B4"), ("Usulan", "B5")], "{f:?}");
        let m = f.iter().find(|x| x.sheet == "T-C.33").unwrap();
        assert_eq!(m.related[0].cell, "B3"); // the kegiatan in the proposal table
        assert_eq!(m.found.as_deref(), Some("(tidak ada)"));
        assert_eq!(
            m.expected.as_deref(),
            Some("ada di tabel usulan program (2.5)")
        );
        assert!(
            m.message_id.contains("target 153 Dokumen, pagu 0"),
            "{}",
            m.message_id
        );
        let r = f.iter().find(|x| x.sheet == "Usulan").unwrap();
        assert_eq!(r.related[0].cell, "B3"); // the kegiatan in T-C.33
    }

    #[test]
    fn only_the_highest_missing_level_is_reported() {
        let t31: Vec<[&str; 12]> = vec![[
            "PROGRAM PENUNJANG",
            "",
            "Nilai",
            "1",
            "Dokumen",
            "300",
            "",
            "Nilai",
            "1",
            "Dokumen",
            "300",
            "",
        ]];
        let f = run(
            &RULE,
            vec![
                sheet("T-C.31", &[], TC31, &t31),
                sheet("T-C.33", &[], TC33, &tc33("1", "100")),
            ],
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].cell, "B3"); // the kegiatan, not its three sub kegiatan
        assert!(
            f[0].message_id.contains("kegiatan 1.06.01.2.05"),
            "{}",
            f[0].message_id
        );
    }

    #[test]
    fn silent_when_the_tables_list_the_same_rows() {
        let usulan: Vec<[&str; 7]> = vec![
            ["", "PROGRAM PENUNJANG", "", "", "", "", ""],
            ["", "Administrasi Kepegawaian", "", "", "", "", ""],
            [
                "1",
                "Pengadaan  Pakaian Dinas",
                "Jumlah",
                "Tenggarong",
                "153",
                "Dokumen",
                "",
            ],
            [
                "2",
                "Pendataan Kepegawaian",
                "Jumlah",
                "Tenggarong",
                "2",
                "Dokumen",
                "",
            ],
        ];
        let f = run(
            &RULE,
            vec![
                sheet("Usulan", &[], USULAN, &usulan),
                sheet("T-C.33", &[], TC33, &tc33("", "")),
            ],
        );
        assert!(f.is_empty(), "{f:?}");
        // Without T-C.33 there is nothing to compare with.
        let f = run(&RULE, vec![sheet("Usulan", &[], USULAN, &usulan)]);
        assert!(f.is_empty(), "{f:?}");
    }
}
