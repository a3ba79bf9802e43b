//! E005 `program-indicator-across-tables`: a program indicator (such as Nilai SAKIP) carries a
//! different target or realisation for the same year in T-C.30 than in T-C.29, T-C.31 or T-C.33.

use super::util::header_year;
use super::{Context, Finding, Related, Rule, Severity};
use crate::ingest::cell::Pos;
use crate::ingest::code::Level;
use crate::ingest::kind::TableKind;
use crate::ingest::locate::{Parsed, TableRow};
use crate::ingest::number::format_id;
use crate::ingest::role::Role;
use crate::model::plan::{TableModel, name_similarity, name_words};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

pub static RULE: Rule = Rule {
    code: "E005",
    name: "program-indicator-across-tables",
    family: 'E',
    severity: Severity::Error,
    summary_id: "Target/realisasi indikator program (mis. Nilai SAKIP) berbeda antar tabel",
    summary_en: "A program indicator's target or realisation (e.g. Nilai SAKIP) differs between tables",
    explain_id: "\
Apa yang diperiksa
  Setiap indikator T-C.30 (Pencapaian Kinerja Pelayanan; teks kolom indikator atau IKK)
  dicocokkan dengan indikator program (baris program dan baris lanjutannya) di T-C.29, T-C.31,
  dan T-C.33: teks yang mirip (kemiripan kata ≥ near_match di rules.toml) atau teks yang seluruh
  katanya (paling sedikit dua) termuat di teks lainnya (`Nilai SAKIP` dalam `Nilai SAKIP Perangkat
  Daerah`). Di tiap tabel dipakai indikator yang paling mirip. Lalu untuk tahun yang sama:
  target T-C.30 tahun Y lawan target T-C.33 tahun rencana (n, dan n+1 bila T-C.30 memuat
  tahunnya) dan target Hasil Analisis Kebutuhan T-C.31 (tahun di header T-C.31, atau tahun n
  T-C.33); target T-C.30 lawan kolom 6 (target Renja tahun lalu) dan kolom 9 (target tahun
  berjalan) T-C.29; realisasi T-C.30 lawan kolom 7 (realisasi Renja tahun lalu) T-C.29. Tahun
  kolom T-C.29 dibaca dari headernya. Selisih sampai setengah satuan digit terakhir yang
  ditampilkan (tolerance.percent) diabaikan. Sel kosong tidak dibandingkan. Temuan ada di sel
  T-C.30 (tabel yang dibandingkan dengan semua tabel lain); sel tabel lain yang bernilai sama
  digabung dalam satu temuan sebagai sel terkait.

Mengapa ini masalah
  Nilai SAKIP dan indikator program lain dilaporkan di beberapa tabel Renja. Angka berbeda untuk
  tahun yang sama berarti salah satu tabel salah ketik atau memakai sumber lama; evaluasi dan
  target menjadi tidak bisa dipercaya.

Contoh
  Nilai SAKIP 2024: T-C.29 kolom 7 menulis 67,46, T-C.30 realisasi 2024 menulis 67,49.
  Target 2026: T-C.30 menulis 84, T-C.31 dan T-C.33 menulis 75.

Sebaiknya
  Pakai satu angka untuk satu indikator dan satu tahun di semua tabel; bila target tahunan
  sengaja berbeda dari target Renstra, jelaskan di catatan analisis.",
    explain_en: "\
What it does
  Matches every indicator of T-C.30 (service performance; the text of its indicator or IKK
  column) with the program indicators (program rows and their continuation rows) of T-C.29,
  T-C.31 and T-C.33: texts that are a near match (word similarity ≥ near_match of rules.toml)
  or whose words (at least two) are all contained in the other text (`Nilai SAKIP` in `Nilai
  SAKIP Perangkat Daerah`). In each table the best-matching indicator is used. Then, for the same
  year: T-C.30's target for year Y against T-C.33's target for the plan year (n, and n+1 when
  T-C.30 has that year) and T-C.31's needs-analysis target (the year in T-C.31's header, or
  T-C.33's year n); T-C.30's target against T-C.29 column 6 (last year's Renja target) and
  column 9 (this year's target); T-C.30's realisation against T-C.29 column 7 (last year's
  realisation). The years of the T-C.29 columns are read from its header. Differences up to
  half a unit of the last shown digit (tolerance.percent) are ignored. Blank cells are not
  compared. The finding is on the T-C.30 cell (the table compared with all the others); cells
  of other tables holding the same value are merged into one finding as related cells.

Why is this bad
  Nilai SAKIP and the other program indicators are reported in several tables of the plan.
  Different figures for the same year mean a typo or an outdated source in one table;
  evaluation and targets can no longer be trusted.

Example
  Nilai SAKIP 2024: T-C.29 column 7 says 67,46, the T-C.30 realisation for 2024 says 67,49.
  Target 2026: T-C.30 says 84, T-C.31 and T-C.33 say 75.

Use instead
  Use one figure for one indicator and one year in every table; when a yearly target
  deliberately departs from the Renstra target, explain it in the analysis note.",
    run,
};

/// A program indicator row of a plan table.
struct Entry {
    table: usize,
    node: usize,
    row: usize,
    text: String,
}

/// The indicator role of a table kind's rows (T-C.31: analysis, else draft).
fn indicator_text(kind: TableKind, row: &TableRow) -> Option<String> {
    let roles: &[Role] = match kind {
        TableKind::TC31 => &[Role::AIndikator, Role::RIndikator],
        _ => &[Role::Indikator],
    };
    roles
        .iter()
        .find_map(|r| row.text(*r).map(str::trim).filter(|s| !s.is_empty()))
        .map(str::to_string)
}

/// Program indicator rows (main and continuation rows) of one table.
fn entries(ti: usize, t: &TableModel) -> Vec<Entry> {
    let mut out = Vec::new();
    for (i, n) in t.nodes.iter().enumerate() {
        if n.level != Level::Program {
            continue;
        }
        for ri in std::iter::once(n.row_idx).chain(n.extra_rows.iter().copied()) {
            if let Some(text) = t
                .table
                .rows
                .get(ri)
                .and_then(|r| indicator_text(t.table.kind, r))
            {
                out.push(Entry {
                    table: ti,
                    node: i,
                    row: ri,
                    text,
                });
            }
        }
    }
    out
}

/// How well two indicator texts match: word similarity, or 1 when every word (two or more) of
/// one is in the other.
fn score(a: &str, b: &str) -> f64 {
    let (wa, wb) = (name_words(a), name_words(b));
    let contained = |x: &[String], y: &[String]| x.len() >= 2 && x.iter().all(|w| y.contains(w));
    if contained(&wa, &wb) || contained(&wb, &wa) {
        1.0
    } else {
        name_similarity(a, b)
    }
}

/// A number in a cell (None when blank or unreadable).
fn number(row: &TableRow, role: Role) -> Option<(Decimal, Pos)> {
    let f = row.field(role)?;
    match &f.parsed {
        Parsed::Number { value, .. } | Parsed::Target { value, .. } => Some((*value, f.pos)),
        Parsed::Amount(d) => Some((*d, f.pos)),
        _ => None,
    }
}

/// The value of a multi-year role of a T-C.30 row for one year.
fn by_year(row: &TableRow, role: Role, year: i32) -> Option<(Decimal, Pos)> {
    row.fields_of(role)
        .find(|f| f.year() == Some(year))
        .and_then(|f| match &f.parsed {
            Parsed::Number { value, .. } | Parsed::Target { value, .. } => Some((*value, f.pos)),
            _ => None,
        })
}

/// One comparison that failed: the T-C.30 cell against a cell of another table.
struct Diff {
    pos30: Pos,
    v30: Decimal,
    what_id: String,
    what_en: String,
    other: Decimal,
    sheet: String,
    pos: Pos,
    desc_id: String,
    desc_en: String,
}

fn run(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    let tol = ctx.config.tolerance.percent;
    let near = ctx.config.tolerance.near_match.to_f64().unwrap_or(0.5);
    let year_n = ctx
        .plan
        .tables_of(TableKind::TC33)
        .find_map(|(_, t)| header_year(t, &[Role::TargetN, Role::PaguN]));
    let others: Vec<(usize, &TableModel, Vec<Entry>)> = ctx
        .plan
        .tables
        .iter()
        .enumerate()
        .filter(|(_, t)| {
            matches!(
                t.table.kind,
                TableKind::TC29 | TableKind::TC31 | TableKind::TC33
            )
        })
        .map(|(ti, t)| (ti, t, entries(ti, t)))
        .collect();
    for (_, t30) in ctx.plan.tables_of(TableKind::TC30) {
        for row in &t30.table.rows {
            let texts: Vec<&str> = [Role::Indikator, Role::Ikk]
                .iter()
                .filter_map(|r| row.text(*r).map(str::trim).filter(|s| !s.is_empty()))
                .collect();
            if texts.is_empty() {
                continue;
            }
            let name30 = texts.join(" / ");
            let mut diffs: Vec<Diff> = Vec::new();
            for (_, t, ents) in &others {
                let best = ents
                    .iter()
                    .map(|e| {
                        let s = texts.iter().map(|x| score(x, &e.text)).fold(0.0, f64::max);
                        (s, e)
                    })
                    .filter(|(s, _)| *s >= near)
                    .fold(None::<(f64, &Entry)>, |acc, (s, e)| match acc {
                        Some((bs, _)) if bs >= s => acc,
                        _ => Some((s, e)),
                    });
                let Some((_, e)) = best else {
                    continue;
                };
                let orow = &t.table.rows[e.row];
                let node = &t.nodes[e.node];
                let code = node
                    .code
                    .as_ref()
                    .map(|c| format!(" {c}"))
                    .unwrap_or_default();
                let _ = e.table;
                // (other role, its year, T-C.30 role, label id, label en)
                let mut checks: Vec<(Role, Option<i32>, Role, String, String)> = Vec::new();
                match t.table.kind {
                    TableKind::TC29 => {
                        for (role, t30role, lid, len) in [
                            (
                                Role::K6,
                                Role::Target,
                                "target Renja (kolom 6)",
                                "Renja target (column 6)",
                            ),
                            (
                                Role::K9,
                                Role::Target,
                                "target tahun berjalan (kolom 9)",
                                "this year's target (column 9)",
                            ),
                            (
                                Role::K7,
                                Role::Realisasi,
                                "realisasi Renja (kolom 7)",
                                "Renja realisation (column 7)",
                            ),
                        ] {
                            let y = t.table.column(role).and_then(|c| c.year);
                            checks.push((role, y, t30role, lid.to_string(), len.to_string()));
                        }
                    }
                    TableKind::TC31 => {
                        let y = header_year(
                            t,
                            &[Role::ATarget, Role::RTarget, Role::APagu, Role::RPagu],
                        )
                        .or(year_n);
                        let role = if number(orow, Role::ATarget).is_some() {
                            Role::ATarget
                        } else {
                            Role::RTarget
                        };
                        checks.push((role, y, Role::Target, "target".into(), "target".into()));
                    }
                    _ => {
                        for role in [Role::TargetN, Role::TargetN1] {
                            let y = t.table.column(role).and_then(|c| c.year).or(
                                if role == Role::TargetN {
                                    year_n
                                } else {
                                    year_n.map(|y| y + 1)
                                },
                            );
                            checks.push((role, y, Role::Target, "target".into(), "target".into()));
                        }
                    }
                }
                for (role, year, t30role, lid, len) in checks {
                    let Some(year) = year else { continue };
                    let (Some((v, pos)), Some((v30, pos30))) =
                        (number(orow, role), by_year(row, t30role, year))
                    else {
                        continue;
                    };
                    if (v - v30).abs() <= tol {
                        continue;
                    }
                    let (what_id, what_en) = if t30role == Role::Target {
                        (format!("target {year}"), format!("target for {year}"))
                    } else {
                        (
                            format!("realisasi {year}"),
                            format!("realisation for {year}"),
                        )
                    };
                    diffs.push(Diff {
                        pos30,
                        v30,
                        what_id,
                        what_en,
                        other: v,
                        sheet: t.table.sheet.clone(),
                        pos,
                        desc_id: format!(
                            "{} (program{}, `{}`, {})",
                            t.table.kind, code, e.text, lid
                        ),
                        desc_en: format!(
                            "{} (program{}, `{}`, {})",
                            t.table.kind, code, e.text, len
                        ),
                    });
                }
            }
            // One finding per T-C.30 cell and differing value.
            let mut done: Vec<usize> = Vec::new();
            for k in 0..diffs.len() {
                if done.contains(&k) {
                    continue;
                }
                let group: Vec<usize> = (k..diffs.len())
                    .filter(|&m| {
                        !done.contains(&m)
                            && diffs[m].pos30 == diffs[k].pos30
                            && diffs[m].other == diffs[k].other
                    })
                    .collect();
                done.extend(&group);
                let d = &diffs[k];
                let descs_id: Vec<&str> =
                    group.iter().map(|&m| diffs[m].desc_id.as_str()).collect();
                let descs_en: Vec<&str> =
                    group.iter().map(|&m| diffs[m].desc_en.as_str()).collect();
                out.push(
                    Finding::new(
                        &RULE,
                        &t30.table.sheet,
                        d.pos30,
                        format!(
                            "T-C.30: indikator `{}` {} tertulis {}, sedangkan {} di {}",
                            name30,
                            d.what_id,
                            format_id(&d.v30),
                            format_id(&d.other),
                            descs_id.join(" dan ")
                        ),
                        format!(
                            "T-C.30: indicator `{}` {} is {} while it is {} in {}",
                            name30,
                            d.what_en,
                            format_id(&d.v30),
                            format_id(&d.other),
                            descs_en.join(" and ")
                        ),
                    )
                    .related(
                        group
                            .iter()
                            .map(|&m| Related::new(&diffs[m].sheet, diffs[m].pos)),
                    )
                    .expected_found(format_id(&d.other), format_id(&d.v30)),
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::util::testkit::{TC29, TC30, TC31, TC33, run, sheet};

    fn tc29(k7: &'static str) -> Vec<[&'static str; 11]> {
        vec![[
            "1.06.01",
            "PROGRAM PENUNJANG",
            "Nilai SAKIP Perangkat Daerah",
            "84",
            "92,45",
            "81",
            k7,
            "83,28",
            "82",
            "85",
            "80,31",
        ]]
    }

    fn tc30(t2026: &'static str) -> Vec<[&'static str; 9]> {
        vec![
            [
                "1",
                "Predikat Akuntabilitas Kinerja",
                "Nilai SAKIP",
                "81,00",
                "82,00",
                t2026,
                "67,49",
                "82,00",
                "82,50",
            ],
            [
                "2",
                "Persentase korban bencana terlayani",
                "",
                "100",
                "100",
                "100",
                "100",
                "100",
                "100",
            ],
        ]
    }

    fn tc33() -> Vec<[&'static str; 12]> {
        vec![[
            "1.06.01",
            "PROGRAM PENUNJANG",
            "Nilai SAKIP Perangkat Daerah",
            "",
            "75",
            "Nilai",
            "600",
            "",
            "",
            "80",
            "Nilai",
            "700",
        ]]
    }

    fn tc31() -> Vec<[&'static str; 12]> {
        vec![[
            "PROGRAM PENUNJANG",
            "",
            "Nilai SAKIP Perangkat Daerah",
            "75",
            "Nilai",
            "600",
            "",
            "Nilai SAKIP Perangkat Daerah",
            "75",
            "Nilai",
            "600",
            "",
        ]]
    }

    fn t33_2026() -> Vec<&'static str> {
        let mut h = TC33.to_vec();
        h[4] = "Rencana Tahun 2026 Target";
        h[6] = "Rencana Tahun 2026 Pagu";
        h[9] = "Prakiraan Maju 2027 Target";
        h[11] = "Prakiraan Maju 2027 Pagu";
        h
    }

    #[test]
    fn fires_on_the_t_c_30_cells_with_the_other_tables_related() {
        let h33 = t33_2026();
        let f = run(
            &RULE,
            vec![
                sheet("T-C.29", &[], TC29, &tc29("67,46")),
                sheet("T-C.30", &[], TC30, &tc30("84,00")),
                sheet("T-C.31", &[], TC31, &tc31()),
                sheet("T-C.33", &[], &h33, &tc33()),
            ],
        );
        let mut got: Vec<(&str, &str, &str)> = f
            .iter()
            .map(|x| {
                (
                    crate::checks::util::testkit::a1(x.cell),
                    x.expected.as_deref().unwrap(),
                    x.found.as_deref().unwrap(),
                )
            })
            .collect();
        got.sort();
        assert_eq!(got, [("F2", "75", "84"), ("G2", "67,46", "67,49")], "{f:?}");
        let t = f.iter().find(|x| x.cell == "F2").unwrap();
        let mut rel: Vec<String> = t
            .related
            .iter()
            .map(|r| format!("{}!{}", r.sheet, r.cell))
            .collect();
        rel.sort();
        assert_eq!(rel, ["T-C.31!I2", "T-C.33!E2"]);
        let r = f.iter().find(|x| x.cell == "G2").unwrap();
        assert_eq!(r.related[0].cell, "G2"); // T-C.29 column 7
        assert_eq!(r.related[0].sheet, "T-C.29");
    }

    #[test]
    fn silent_when_values_agree_within_half_a_unit_of_the_last_digit() {
        let h33 = t33_2026();
        let f = run(
            &RULE,
            vec![
                sheet("T-C.29", &[], TC29, &tc29("67,494")),
                sheet("T-C.30", &[], TC30, &tc30("75,00")),
                sheet("T-C.31", &[], TC31, &tc31()),
                sheet("T-C.33", &[], &h33, &tc33()),
            ],
        );
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn containment_of_two_words_or_more_matches_but_one_word_does_not() {
        assert_eq!(score("Nilai SAKIP", "Nilai SAKIP Perangkat Daerah"), 1.0);
        assert!(score("Nilai", "Nilai SAKIP Perangkat Daerah") < 0.5);
    }
}
