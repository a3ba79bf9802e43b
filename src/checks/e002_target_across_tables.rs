//! E002 `target-across-tables`: the target or unit of one sub kegiatan differs between T-C.31,
//! the proposal table (usulan program, section 2.5) and T-C.33.

use super::util::{header_year, label, same_unit, target_text, text_cell, year_phrase};
use super::{Context, Finding, Related, Rule, Severity};
use crate::ingest::cell::Pos;
use crate::ingest::code::Level;
use crate::ingest::kind::TableKind;
use crate::ingest::locate::{Parsed, TableRow};
use crate::ingest::role::Role;
use crate::model::pairing::pair_by_key;
use crate::model::plan::TableModel;
use rust_decimal::Decimal;

pub static RULE: Rule = Rule {
    code: "E002",
    name: "target-across-tables",
    family: 'E',
    severity: Severity::Error,
    summary_id: "Target atau satuan satu sub kegiatan berbeda antar tabel",
    summary_en: "A sub kegiatan's target or unit differs between tables",
    explain_id: "\
Apa yang diperiksa
  Setiap sub kegiatan T-C.31 dan tabel usulan program (2.5) dicocokkan dengan sub kegiatan T-C.33
  yang sama menurut kode (tabel tanpa kode mendapat kode dari T-C.33 menurut nama; kode yang sama
  dua kali dipasangkan menurut urutan). Target (angka, eksak) dan satuan (huruf besar/kecil,
  spasi, dan tanda baca diseragamkan; `%` = `Persen`) dibandingkan untuk tahun yang sama: tahun di
  header tabel itu, atau tahun rencana (n) T-C.33 bila tidak disebut. Dari T-C.31 dipakai sisi
  Hasil Analisis Kebutuhan; bila target dan satuan analisis kosong, dipakai sisi Rancangan Awal
  RKPD (selisih kedua sisi dilaporkan D001). Satuan boleh di kolom sendiri atau di sel target
  (`3 Orang`). Kosong lawan berisi adalah perbedaan (target tanpa satuan lawan target bersatuan
  juga). T-C.33 adalah rencana yang ditetapkan: temuan ada di sel tabel lain (sel target, atau
  sel satuan bila hanya satuan yang berbeda), T-C.33 sebagai sel terkait. Bila buku kerja tidak
  memuat T-C.33, tabel usulan dibandingkan dengan T-C.31 (menurut nama di bawah induk yang sama)
  dan temuan ada di tabel usulan. Sel yang tidak terbaca dilewati (A001).

Mengapa ini masalah
  Sub kegiatan yang sama harus membawa target yang sama di semua tabel Renja. Target berbeda
  berarti salah satu tabel tidak diperbarui; kinerja yang dijanjikan menjadi tidak jelas.

Contoh
  Sub kegiatan 1.06.03.2.01.0001 Fasilitasi Pemulangan Warga Negara Migran: T-C.33 menulis
  3 Orang, T-C.31 menulis 5 Orang.

Sebaiknya
  Samakan target dan satuan di T-C.31 dan tabel usulan dengan T-C.33 (atau perbaiki T-C.33 bila
  justru T-C.33 yang salah).",
    explain_en: "\
What it does
  Matches every sub kegiatan of T-C.31 and of the proposal table (usulan program, section 2.5)
  with the same sub kegiatan of T-C.33 by code (uncoded tables get their codes from T-C.33 by
  name; a code that appears twice pairs up in order). Compares the target (number, exact) and
  the unit (case, spacing and punctuation folded; `%` = `Persen`) for the same year: the year in
  that table's header, or T-C.33's plan year (n) when none is named. T-C.31 is read on its
  needs-analysis side; when the analysis target and unit are both blank, on its draft side
  (the gap between the two sides is D001's). The unit may have its own column or share the
  target cell (`3 Orang`). Blank against a value is a difference (a target without a unit
  against one with a unit too). T-C.33 is the plan of record: the finding is on the other
  table's cell (the target cell, or the unit cell when only the unit differs), with T-C.33 as
  the related cell. When the workbook has no T-C.33, the proposal table is compared with T-C.31
  (by name under the same parent) and the finding is on the proposal table. Unreadable cells
  are skipped (A001).

Why is this bad
  One sub kegiatan must carry one target in every table of the plan. A different target means
  one table was not updated; the promised output becomes unclear.

Example
  Sub kegiatan 1.06.03.2.01.0001 Fasilitasi Pemulangan Warga Negara Migran: T-C.33 says
  3 Orang, T-C.31 says 5 Orang.

Use instead
  Bring T-C.31 and the proposal table in line with T-C.33 (or correct T-C.33 when it is the one
  that is wrong).",
    run,
};

/// A target as read from one row: value, unit, the target cell and the unit cell.
#[derive(Debug, Clone)]
struct Tgt {
    value: Option<Decimal>,
    unit: Option<String>,
    pos: Pos,
    unit_pos: Pos,
}

impl Tgt {
    fn is_blank(&self) -> bool {
        self.value.is_none() && self.unit.is_none()
    }

    fn show(&self, en: bool) -> String {
        match (&self.value, &self.unit) {
            (Some(v), u) => target_text(v, u.as_deref()),
            (None, Some(u)) => format!("({}) {u}", if en { "blank" } else { "kosong" }),
            (None, None) if en => "(blank)".into(),
            (None, None) => "(kosong)".into(),
        }
    }
}

/// Reads target and unit from a row. None when the target cell is missing or unreadable.
fn read_target(t: &TableModel, row: &TableRow, target_role: Role, unit_role: Role) -> Option<Tgt> {
    let f = row.field(target_role)?;
    let (value, unit_in_cell) = match &f.parsed {
        Parsed::Blank => (None, None),
        Parsed::Target { value, unit } => (Some(*value), unit.as_deref().map(String::as_str)),
        Parsed::Number { value, .. } => (Some(*value), None),
        _ => return None,
    };
    let (unit, unit_pos): (Option<&str>, Pos) = if t.table.has(unit_role) {
        let (text, unit_pos) = text_cell(row, unit_role)?;
        (text.or(unit_in_cell), unit_pos)
    } else {
        (unit_in_cell, f.pos)
    };
    Some(Tgt {
        value,
        unit: unit.filter(|u| !u.trim().is_empty()).map(str::to_string),
        pos: f.pos,
        unit_pos,
    })
}

/// T-C.33's (target, unit) roles for a year: the plan year n, or n+1 when that column is the
/// one named with the year. None when T-C.33 has no column for it.
fn tc33_roles(t33: &TableModel, year: Option<i32>) -> Option<(Role, Role)> {
    let y = |roles: &[Role]| -> Option<Option<i32>> {
        let cols: Vec<_> = roles.iter().filter_map(|r| t33.table.column(*r)).collect();
        if cols.is_empty() {
            None
        } else {
            Some(cols.iter().find_map(|c| c.year))
        }
    };
    let y_n = y(&[Role::TargetN, Role::PaguN]);
    let y_n1 = y(&[Role::TargetN1, Role::PaguN1]);
    let n = (Role::TargetN, Role::SatuanN);
    let n1 = (Role::TargetN1, Role::SatuanN1);
    match year {
        None => Some(n),
        Some(yr) if y_n == Some(Some(yr)) => Some(n),
        Some(yr) if y_n1 == Some(Some(yr)) => Some(n1),
        Some(_) if y_n == Some(None) || y_n.is_none() => Some(n),
        Some(_) => None,
    }
}

/// The target of a node of the compared table, and the draft cells that say the same.
fn other_target(t: &TableModel, i: usize) -> Option<(Tgt, Vec<Pos>, &'static str, &'static str)> {
    let row = t.row(&t.nodes[i]);
    if t.table.kind == TableKind::TC31 {
        let a = read_target(t, row, Role::ATarget, Role::ASatuan);
        let r = read_target(t, row, Role::RTarget, Role::RSatuan);
        match (a, r) {
            (Some(a), r) if !a.is_blank() => {
                let same_draft = r
                    .filter(|r| r.value == a.value && unit_eq(&r.unit, &a.unit))
                    .map(|r| {
                        let mut v = vec![r.pos];
                        if r.unit_pos != r.pos {
                            v.push(r.unit_pos);
                        }
                        v
                    })
                    .unwrap_or_default();
                let (sid, sen) = if same_draft.is_empty() {
                    (" (Hasil Analisis Kebutuhan)", " (needs analysis)")
                } else {
                    (
                        " (Rancangan Awal RKPD dan Hasil Analisis Kebutuhan)",
                        " (RKPD draft and needs analysis)",
                    )
                };
                Some((a, same_draft, sid, sen))
            }
            (_, Some(r)) if !r.is_blank() => {
                Some((r, vec![], " (Rancangan Awal RKPD)", " (RKPD draft)"))
            }
            (Some(a), _) => Some((
                a,
                vec![],
                " (Hasil Analisis Kebutuhan)",
                " (needs analysis)",
            )),
            (None, r) => r.map(|r| (r, vec![], " (Rancangan Awal RKPD)", " (RKPD draft)")),
        }
    } else {
        read_target(t, row, Role::Volume, Role::Satuan).map(|x| (x, vec![], "", ""))
    }
}

fn unit_eq(a: &Option<String>, b: &Option<String>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => same_unit(a, b),
        _ => false,
    }
}

/// Compares `o` (finding side) with `reference` for one pair of nodes.
#[allow(clippy::too_many_arguments)]
fn compare(
    out: &mut Vec<Finding>,
    o: &TableModel,
    i: usize,
    reference: &TableModel,
    ref_tgt: Tgt,
    ref_name: &str,
    got: (Tgt, Vec<Pos>, &str, &str),
    year: Option<i32>,
) {
    let (tgt, same_draft, side_id, side_en) = got;
    let value_differs = tgt.value != ref_tgt.value;
    let unit_differs =
        (tgt.value.is_some() || ref_tgt.value.is_some()) && !unit_eq(&tgt.unit, &ref_tgt.unit);
    if !value_differs && !unit_differs {
        return;
    }
    let (pos, ref_pos) = if value_differs {
        (tgt.pos, ref_tgt.pos)
    } else {
        (tgt.unit_pos, ref_tgt.unit_pos)
    };
    let what_id = if value_differs { "target" } else { "satuan" };
    let what_en = if value_differs { "target" } else { "unit" };
    let (year_id, year_en) = year_phrase(year);
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
                "{}: {} — {}{} tertulis {}, sedangkan {}{} {}",
                o.table.kind,
                label(n, false),
                what_id,
                side_id,
                tgt.show(false),
                ref_name,
                year_id,
                ref_tgt.show(false)
            ),
            format!(
                "{}: {} — {}{} is {} while {}{} says {}",
                o.table.kind,
                label(n, true),
                what_en,
                side_en,
                tgt.show(true),
                ref_name,
                year_en,
                ref_tgt.show(true)
            ),
        )
        .related(related)
        .expected_found(ref_tgt.show(false), tgt.show(false))
        .expected_found_en(ref_tgt.show(true), tgt.show(true)),
    );
}

fn run(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    let has_tc33 = ctx.plan.tables_of(TableKind::TC33).next().is_some();
    let others =
        ctx.plan.tables.iter().filter(|t| {
            t.table.kind == TableKind::TC31 || t.table.kind == TableKind::UsulanProgram
        });
    for o in others {
        let year = if o.table.kind == TableKind::TC31 {
            header_year(o, &[Role::ATarget, Role::RTarget, Role::APagu, Role::RPagu])
        } else {
            header_year(o, &[Role::Volume, Role::Satuan, Role::Keluaran])
        };
        if has_tc33 {
            for (_, t33) in ctx.plan.tables_of(TableKind::TC33) {
                let Some((tr, ur)) = tc33_roles(t33, year) else {
                    continue;
                };
                let year = year.or_else(|| t33.table.column(tr).and_then(|c| c.year));
                for (i, j) in pair_by_key(ctx.plan, o, t33, Level::SubKegiatan) {
                    let Some(ref_tgt) = read_target(t33, t33.row(&t33.nodes[j]), tr, ur) else {
                        continue;
                    };
                    let Some(got) = other_target(o, i) else {
                        continue;
                    };
                    compare(&mut out, o, i, t33, ref_tgt, "T-C.33", got, year);
                }
            }
        } else if o.table.kind == TableKind::UsulanProgram {
            // No plan of record: the proposal table against T-C.31 (its analysis side).
            for (_, t31) in ctx.plan.tables_of(TableKind::TC31) {
                for (i, j) in pair_by_key(ctx.plan, o, t31, Level::SubKegiatan) {
                    let Some((ref_tgt, _, _, _)) = other_target(t31, j) else {
                        continue;
                    };
                    let Some(got) = other_target(o, i) else {
                        continue;
                    };
                    compare(&mut out, o, i, t31, ref_tgt, "T-C.31", got, year);
                }
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
        let row = |k, u, l, t, s, p| [k, u, "", l, t, s, p, "", "", "", "", ""];
        vec![
            row(
                "1.06.03",
                "PROGRAM MIGRAN",
                "",
                "100",
                "Persen",
                "25.000.000",
            ),
            row(
                "1.06.03.2.01",
                "Pemulangan",
                "",
                "100",
                "Persen",
                "25.000.000",
            ),
            row(
                "1.06.03.2.01.01",
                "Fasilitasi Pemulangan",
                "Tenggarong",
                "3",
                "Orang",
                "25.000.000",
            ),
        ]
    }

    fn tc31(target: &'static str, unit: &'static str) -> Vec<[&'static str; 12]> {
        let row = |u, l, t, s, p| [u, l, "", t, s, p, l, "", t, s, p, ""];
        vec![
            row("PROGRAM MIGRAN", "", "100", "Persen", "25.000.000"),
            row("Pemulangan", "", "100", "Persen", "25.000.000"),
            row(
                "Fasilitasi Pemulangan",
                "Tenggarong",
                target,
                unit,
                "25.000.000",
            ),
        ]
    }

    fn usulan(volume: &'static str, unit: &'static str) -> Vec<[&'static str; 7]> {
        vec![
            ["", "PROGRAM MIGRAN", "", "", "", "", ""],
            ["", "Pemulangan", "", "", "", "", ""],
            [
                "1",
                "Fasilitasi Pemulangan",
                "Jumlah Warga",
                "Tenggarong",
                volume,
                unit,
                "",
            ],
        ]
    }

    #[test]
    fn fires_on_the_t_c_31_cell_with_t_c_33_related() {
        let f = run(
            &RULE,
            vec![
                sheet("T-C.31", &[], TC31, &tc31("5", "Orang")),
                sheet("Usulan", &[], USULAN, &usulan("3", "orang")),
                sheet("T-C.33", &[], TC33, &tc33()),
            ],
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            (f[0].sheet.as_str(), f[0].cell.a1().as_str()),
            ("T-C.31", "I4")
        );
        assert_eq!(f[0].expected.as_deref(), Some("3 Orang"));
        assert_eq!(f[0].found.as_deref(), Some("5 Orang"));
        let rel: Vec<String> = f[0]
            .related
            .iter()
            .map(|r| format!("{}!{}", r.sheet, r.cell))
            .collect();
        assert_eq!(rel, ["T-C.33!E4", "T-C.31!D4", "T-C.31!E4"]);
    }

    #[test]
    fn a_different_unit_alone_is_reported_on_the_unit_cell() {
        let f = run(
            &RULE,
            vec![
                sheet("Usulan", &[], USULAN, &usulan("3", "Orang/Bulan")),
                sheet("T-C.33", &[], TC33, &tc33()),
            ],
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            (f[0].sheet.as_str(), f[0].cell.a1().as_str()),
            ("Usulan", "F4")
        );
        assert_eq!(f[0].related[0].cell, "F4");
        assert_eq!(f[0].expected.as_deref(), Some("3 Orang"));
        assert_eq!(f[0].found.as_deref(), Some("3 Orang/Bulan"));
    }

    #[test]
    fn silent_when_targets_agree_up_to_case_of_the_unit() {
        let f = run(
            &RULE,
            vec![
                sheet("T-C.31", &[], TC31, &tc31("3", "orang")),
                sheet("Usulan", &[], USULAN, &usulan("3", "Orang")),
                sheet("T-C.33", &[], TC33, &tc33()),
            ],
        );
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn without_t_c_33_the_proposal_table_is_compared_with_t_c_31() {
        let f = run(
            &RULE,
            vec![
                sheet("T-C.31", &[], TC31, &tc31("5", "Orang")),
                sheet("Usulan", &[], USULAN, &usulan("3", "Orang")),
            ],
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            (f[0].sheet.as_str(), f[0].cell.a1().as_str()),
            ("Usulan", "E4")
        );
        assert_eq!(f[0].expected.as_deref(), Some("5 Orang"));
        assert_eq!(f[0].related[0].cell, "I4");
    }
}
