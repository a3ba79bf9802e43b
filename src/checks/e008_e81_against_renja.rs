//! E008 `e81-against-renja`: an E.81 figure differs from the Renja it evaluates (T-C.29 of the
//! same year, the plan's budget of that year).

use super::e81::{Side, role, tables};
use super::realisation::{Slot, fmt_shown, shown, slot, within};
use super::util::{label, node_rows, same_text, tc33_pagu_role};
use super::{Context, Finding, Related, Rule, Severity};
use crate::ingest::code::Level;
use crate::ingest::kind::TableKind;
use crate::ingest::locate::TableRow;
use crate::ingest::role::Role;
use crate::model::pairing::pair_by_key;
use crate::model::plan::{TableModel, name_similarity};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

pub static RULE: Rule = Rule {
    code: "E008",
    name: "e81-against-renja",
    family: 'E',
    severity: Severity::Error,
    summary_id: "Angka E.81 berbeda dengan Renja yang dievaluasinya",
    summary_en: "An E.81 figure differs from the Renja it evaluates",
    explain_id: "\
Apa yang diperiksa
  Bila buku kerja memuat E.81 dan T-C.29 yang kolom 6–7-nya tahun yang sama dengan tahun yang
  dievaluasi E.81 (tahun dari judul kolom E.81 7/12, atau baris `Periode Pelaksanaan` bila
  judul kolom tak bertahun): untuk program dan kegiatan yang sama (kode, atau nama) dan
  indikator yang sama, E.81 (5) K = T-C.29 kolom 4, (6) K = kolom 5, (7) K = kolom 6,
  (12) K = kolom 7. E.81 tidak pernah dibandingkan dengan kolom T-C.29 tahun lain. Dan bila
  rencana tahun itu ada (T-C.33 dengan kolom tahun tersebut), anggaran (7) Rp setiap sub
  kegiatan E.81 = pagunya di T-C.33. Toleransi angka kinerja: setengah satuan digit terakhir
  yang ditampilkan; uang persis. Temuan ditaruh di sel E.81, sel Renja sebagai sel terkait.

Mengapa ini masalah
  Target yang dievaluasi harus target yang ditetapkan; realisasi akhir tahun di E.81 menjadi
  kolom 7 T-C.29 Renja tahun berikutnya. Angka yang berbeda berarti salah satu dokumen memakai
  versi lain.

Contoh
  E.81 2024: target Renja (7) K indikator Nilai SAKIP 72; T-C.29 kolom 6 (2024) 75.

Sebaiknya
  Salin target dan realisasi dari satu sumber; bila Renja berubah, perbarui E.81 sesuai Renja
  Perubahan.",
    explain_en: "\
What it does
  When the workbook holds an E.81 and a T-C.29 whose columns 6–7 are the year the E.81
  evaluates (the year of E.81 columns 7/12, or the `Periode Pelaksanaan` line when those
  headers carry no year): for the same program and kegiatan (code, or name) and the same
  indicator, E.81 (5) K = T-C.29 column 4, (6) K = column 5, (7) K = column 6, (12) K = column 7.
  An E.81 is never compared with T-C.29 columns of another year. And when that year's plan is
  there (a T-C.33 with a column for that year), every E.81 sub kegiatan's (7) Rp = its pagu in
  T-C.33. Performance figures within half a unit of the last shown digit; money exactly. The
  finding is placed on the E.81 cell, the Renja cell as related.

Why is this bad
  The target evaluated must be the target set; the year-end realisation of E.81 becomes column
  7 of next year's T-C.29. Different figures mean one document uses another version.

Example
  E.81 for 2024: Renja target (7) K of indicator Nilai SAKIP 72; T-C.29 column 6 (2024) 75.

Use instead
  Copy targets and realisations from one source; if the Renja changed, update the E.81 to the
  revised Renja.",
    run,
};

/// Rows of two paired nodes that carry the same indicator: equal texts, or — when each node has
/// one indicator — texts alike (near match).
fn indicator_pairs<'a>(
    ctx: &Context,
    a: &'a TableModel,
    ai: usize,
    b: &'a TableModel,
    bi: usize,
) -> Vec<(&'a TableRow, &'a TableRow)> {
    let ra: Vec<&TableRow> = node_rows(a, &a.nodes[ai]).collect();
    let rb: Vec<&TableRow> = node_rows(b, &b.nodes[bi]).collect();
    let ind = |r: &TableRow| r.text(Role::Indikator).map(str::to_string);
    let mut out = Vec::new();
    for x in &ra {
        let Some(ix) = ind(x) else { continue };
        if let Some(y) = rb
            .iter()
            .find(|y| ind(y).is_some_and(|iy| same_text(&ix, &iy)))
        {
            out.push((*x, *y));
        }
    }
    if out.is_empty() && ra.len() == 1 && rb.len() == 1 {
        let near = ctx.config.tolerance.near_match.to_f64().unwrap_or(0.5);
        if let (Some(ix), Some(iy)) = (ind(ra[0]), ind(rb[0]))
            && name_similarity(&ix, &iy) >= near
        {
            out.push((ra[0], rb[0]));
        }
    }
    out
}

fn run(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for e in tables(ctx) {
        let Some(year) = super::e81::year(e) else {
            continue;
        };
        let sheet = &e.table.sheet;
        // T-C.29 of the same year: its columns 6–7 are the year evaluated.
        for (_, t29) in ctx.plan.tables_of(TableKind::TC29) {
            if t29.table.column(Role::K6).and_then(|c| c.year) != Some(year) {
                continue;
            }
            for level in [Level::Program, Level::Kegiatan, Level::SubKegiatan] {
                for (ei, ti) in pair_by_key(ctx.plan, e, t29, level) {
                    for (er, tr) in indicator_pairs(ctx, e, ei, t29, ti) {
                        // (E.81 group, its column, the T-C.29 role, its column)
                        for (group, n, k, kcol) in [
                            (Role::E5K, 5, Role::K4, 4),
                            (Role::E6K, 6, Role::K5, 5),
                            (Role::E7K, 7, Role::K6, 6),
                            (Role::E12K, 12, Role::K7, 7),
                        ] {
                            let (Slot::Num(a), Slot::Num(b)) = (
                                slot(ctx, e, er, role(group, Side::K)),
                                slot(ctx, t29, tr, k),
                            ) else {
                                continue;
                            };
                            let tol = ctx.config.tolerance.percent;
                            if within(
                                a.value,
                                b.value,
                                tol.max(Decimal::new(5, a.decimals.min(b.decimals).min(20) + 1)),
                            ) {
                                continue;
                            }
                            let ind = er.text(Role::Indikator).unwrap_or("").trim();
                            out.push(
                                Finding::new(
                                    &RULE,
                                    sheet,
                                    a.pos,
                                    format!(
                                        "E.81 {year}: {} indikator `{ind}` kolom ({n}) K tertulis {}, sedangkan T-C.29 kolom {kcol} ({}) {}",
                                        label(&e.nodes[ei], false),
                                        fmt_shown(&a),
                                        t29.table.sheet,
                                        fmt_shown(&b)
                                    ),
                                    format!(
                                        "E.81 {year}: {} indicator `{ind}` column ({n}) K says {}, while T-C.29 column {kcol} ({}) says {}",
                                        label(&e.nodes[ei], true),
                                        fmt_shown(&a),
                                        t29.table.sheet,
                                        fmt_shown(&b)
                                    ),
                                )
                                .expected_found(fmt_shown(&b), fmt_shown(&a))
                                .related([Related::new(&t29.table.sheet, b.pos)]),
                            );
                        }
                    }
                }
            }
        }
        // The plan of that year: (7) Rp of each sub kegiatan = its pagu.
        for (_, t33) in ctx.plan.tables_of(TableKind::TC33) {
            let Some(pagu) = tc33_pagu_role(t33, Some(year)) else {
                continue;
            };
            if t33.table.column(pagu).and_then(|c| c.year) != Some(year) {
                continue;
            }
            for (ei, ti) in pair_by_key(ctx.plan, e, t33, Level::SubKegiatan) {
                let Some(f) = e.row(&e.nodes[ei]).field(role(Role::E7K, Side::Rp)) else {
                    continue;
                };
                let (Some(a), Some(b)) =
                    (shown(ctx, sheet, f), t33.row(&t33.nodes[ti]).field(pagu))
                else {
                    continue;
                };
                let Some(bv) = b.parsed.amount() else {
                    continue;
                };
                if a.value == bv {
                    continue;
                }
                out.push(
                    Finding::new(
                        &RULE,
                        sheet,
                        a.pos,
                        format!(
                            "E.81 {year}: {} anggaran (7) Rp tertulis {}, sedangkan pagu T-C.33 tahun {year} {}",
                            label(&e.nodes[ei], false),
                            fmt_shown(&a),
                            crate::checks::util::rp(&bv)
                        ),
                        format!(
                            "E.81 {year}: {} budget (7) Rp says {}, while the T-C.33 pagu for {year} is {}",
                            label(&e.nodes[ei], true),
                            fmt_shown(&a),
                            crate::checks::util::rp(&bv)
                        ),
                    )
                    .expected_found(crate::checks::util::rp(&bv), fmt_shown(&a))
                    .related([Related::new(&t33.table.sheet, b.pos)]),
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::e81::testkit::{E81, row};
    use crate::checks::util::testkit::{TC29, TC33, run, sheet};

    fn e81(k7: &'static str, rp7: &'static str) -> Vec<[&'static str; 24]> {
        let mut r = row();
        r[1] = "Penyusunan Dokumen Perencanaan Perangkat Daerah";
        r[8] = k7;
        r[9] = rp7;
        vec![r]
    }

    fn tc29(k6: &'static str) -> Vec<[&'static str; 11]> {
        vec![[
            "1.06.01.2.01.0001",
            "Penyusunan Dokumen Perencanaan Perangkat Daerah",
            "Jumlah Dokumen Perencanaan",
            "50",
            "30",
            k6,
            "10",
            "100,00",
            "10",
            "50",
            "100,00",
        ]]
    }

    fn tc33() -> Vec<[&'static str; 12]> {
        vec![[
            "1.06.01.2.01.0001",
            "Penyusunan Dokumen Perencanaan Perangkat Daerah",
            "Jumlah Dokumen Perencanaan",
            "Tenggarong",
            "10",
            "Dokumen",
            "90.000.000",
            "APBD",
            "",
            "12",
            "Dokumen",
            "95.000.000",
        ]]
    }

    fn books(
        k7: &'static str,
        rp7: &'static str,
        k6: &'static str,
    ) -> Vec<crate::ingest::workbook::Sheet> {
        // T-C.29 of the 2026 Renja evaluates 2024 in columns 6–7; the E.81 evaluates 2024.
        vec![
            sheet("T-C.29", &[], TC29, &tc29(k6)),
            sheet("T-C.33", &[], TC33, &tc33()),
            sheet("E.81", &["Periode Pelaksanaan 2024"], E81, &e81(k7, rp7)),
        ]
    }

    #[test]
    fn fires_on_a_target_that_differs_from_tc29_of_the_same_year() {
        let f = run(&RULE, books("10", "90.000.000", "12"));
        let got: Vec<(&str, &str, Option<&str>)> = f
            .iter()
            .map(|f| {
                (
                    f.sheet.as_str(),
                    crate::checks::util::testkit::a1(f.cell),
                    f.expected.as_deref(),
                )
            })
            .collect();
        assert_eq!(got, [("E.81", "I3", Some("12"))], "{f:?}");
        assert_eq!(f[0].related[0].cell, "F2");
    }

    #[test]
    fn silent_when_they_agree_and_never_against_another_year() {
        assert!(run(&RULE, books("10", "90.000.000", "10")).is_empty());
        // T-C.33 plans 2026 and 2027: an E.81 of 2024 is not compared with its pagu.
        let f = run(&RULE, books("10", "1", "10"));
        assert!(f.is_empty(), "{f:?}");
    }
}
