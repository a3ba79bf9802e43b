//! E006 `grand-total-across-tables`: the grand total budget of T-C.31 differs from the plan-year
//! total of T-C.33.

use super::util::{amount_cell, continuation_group, header_year, rp, tc33_pagu_role, year_phrase};
use super::{Context, Finding, Related, Rule, Severity};
use crate::ingest::cell::Pos;
use crate::ingest::code::Level;
use crate::ingest::kind::TableKind;
use crate::ingest::role::Role;
use crate::model::plan::TableModel;
use crate::model::totals::{AmountOf, amounts_at, sum_of_level, written_totals};
use rust_decimal::Decimal;

pub static RULE: Rule = Rule {
    code: "E006",
    name: "grand-total-across-tables",
    family: 'E',
    severity: Severity::Error,
    summary_id: "Total pagu berbeda antar tabel",
    summary_en: "The grand total budget differs between tables",
    explain_id: "\
Apa yang diperiksa
  Total pagu T-C.31 — baris jumlah penutup, atau baris bidang urusan bila tidak ada baris jumlah
  — di sisi Hasil Analisis Kebutuhan dan di sisi Rancangan Awal RKPD, dibandingkan eksak (desimal)
  dengan total T-C.33 untuk tahun yang sama (jumlah pagu semua program T-C.33; program berpagu
  kosong tidak dihitung). Tahunnya adalah tahun di header T-C.31, atau tahun rencana (n) T-C.33
  bila T-C.31 tidak menyebut tahun. Satu temuan paling banyak untuk setiap pasangan tabel: di
  sel total sisi analisis (atau sisi rancangan bila hanya rancangan yang berbeda), dengan sel
  total T-C.33 dan sel sisi lain yang bernilai sama sebagai sel terkait. T-C.31 tanpa baris
  jumlah maupun baris bidang tidak diperiksa di sini (selisih per program dilaporkan E001);
  selisih antara baris jumlah dan jumlah program di dalam satu tabel dilaporkan B001/B002.

Mengapa ini masalah
  Total pagu perangkat daerah untuk tahun rencana harus satu angka di seluruh dokumen. Total
  yang berbeda berarti ada program yang tertinggal atau pagu yang tidak diperbarui di salah satu
  tabel.

Contoh
  T-C.31 menutup dengan 37.118.380.499 di kedua sisi, sedangkan program-program T-C.33 tahun 2026
  berjumlah 36.918.380.499.

Sebaiknya
  Cari program yang pagunya berbeda (lihat E001) dan samakan kedua tabel; isi baris total dengan
  rumus =SUM(...) atas baris program.",
    explain_en: "\
What it does
  Compares T-C.31's grand total — its closing total row, or its bidang row when there is no
  total row — on the needs-analysis side and on the draft side, exactly (decimal), with the
  T-C.33 total for the same year (the sum of the budgets of all T-C.33 programs; programs with a
  blank budget count as nothing). The year is the one in T-C.31's header, or T-C.33's plan year
  (n) when T-C.31 names none. At most one finding per pair of tables: on the analysis-side total
  cell (or the draft side's when only the draft differs), with the T-C.33 total cells and the
  other side's cell when it holds the same value as related cells. A T-C.31 with neither a total
  nor a bidang row is not checked here (per-program differences are E001's); a total row that
  differs from the programs inside one table is B001/B002's.

Why is this bad
  The office's total budget for the plan year must be one figure throughout the document. A
  different total means a program was left out or a budget was not updated in one table.

Example
  T-C.31 closes with 37.118.380.499 on both sides, while the programs of T-C.33 for 2026 add up
  to 36.918.380.499.

Use instead
  Find the program whose budget differs (see E001) and make both tables agree; make the total
  row a =SUM(...) formula over the program rows.",
    run,
};

/// T-C.31's written grand total for a side: the first closing total row with an amount, else
/// the first bidang row with one.
fn written_total(t: &TableModel, role: Role) -> Option<(Decimal, Pos)> {
    let what = AmountOf::Role(role);
    written_totals(t, what).ok()?.first().copied().or_else(|| {
        amounts_at(t, 0..t.nodes.len(), what, Level::Bidang)
            .ok()?
            .first()
            .copied()
    })
}

/// T-C.33's total for a role: the sum of its programs, and the cells that state it (its total
/// and bidang rows when they agree with the sum, else the program cells). None when no program
/// has an amount, or when the sum overflows.
fn plan_total(t: &TableModel, role: Role) -> Option<(Decimal, Vec<Pos>)> {
    let programs =
        sum_of_level(t, 0..t.nodes.len(), AmountOf::Role(role), Level::Program).ok()??;
    let sum = programs.sum;
    let stated: Vec<Pos> = t
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| matches!(n.level, Level::Total | Level::Bidang))
        .filter_map(|(i, _)| amount_cell(t, &t.nodes[i], role))
        .filter(|(v, _)| *v == Some(sum))
        .map(|(_, p)| p)
        .collect();
    let cells = if stated.is_empty() {
        programs.cells
    } else {
        stated
    };
    Some((sum, cells))
}

fn run(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for (_, t31) in ctx.plan.tables_of(TableKind::TC31) {
        let year31 = header_year(
            t31,
            &[Role::APagu, Role::RPagu, Role::ATarget, Role::RTarget],
        );
        let a = written_total(t31, Role::APagu);
        let r = written_total(t31, Role::RPagu);
        for (i33, t33) in ctx.plan.tables_of(TableKind::TC33) {
            // A T-C.33 continued over several sheets is one plan: compared once, as a whole.
            let group = continuation_group(ctx.plan, i33);
            if group[0] != i33 {
                continue;
            }
            let Some(role33) = tc33_pagu_role(t33, year31) else {
                continue;
            };
            let mut plan = Some(Decimal::ZERO);
            let mut plan_cells: Vec<(String, Pos)> = Vec::new();
            for &g in &group {
                let part = &ctx.plan.tables[g];
                if let Some((v, cells)) = plan_total(part, role33) {
                    plan = plan.and_then(|p| p.checked_add(v));
                    plan_cells.extend(cells.into_iter().map(|p| (part.table.sheet.clone(), p)));
                }
            }
            // Nothing to compare with: no program amounts, or a sum beyond the range of money.
            let Some(plan) = plan.filter(|_| !plan_cells.is_empty()) else {
                continue;
            };
            let year = year31.or_else(|| t33.table.column(role33).and_then(|c| c.year));
            let a_diff = a.filter(|(v, _)| *v != plan);
            let r_diff = r.filter(|(v, _)| *v != plan);
            // The cell to report, its value, and the other side's cell when it says the same.
            let (cell, value, also, sides_id, sides_en) = match (a_diff, r_diff) {
                (Some((av, ap)), Some((rv, rp_))) if av == rv => (
                    ap,
                    av,
                    vec![rp_],
                    "Rancangan Awal RKPD dan Hasil Analisis Kebutuhan".to_string(),
                    "the RKPD draft and the needs analysis".to_string(),
                ),
                (Some((av, ap)), Some((rv, rp_))) => (
                    ap,
                    av,
                    vec![rp_],
                    format!("Hasil Analisis Kebutuhan (Rancangan Awal RKPD {})", rp(&rv)),
                    format!("the needs analysis (the RKPD draft: {})", rp(&rv)),
                ),
                (Some((av, ap)), None) => (
                    ap,
                    av,
                    vec![],
                    "Hasil Analisis Kebutuhan".to_string(),
                    "the needs analysis".to_string(),
                ),
                (None, Some((rv, rp_))) => (
                    rp_,
                    rv,
                    vec![],
                    "Rancangan Awal RKPD".to_string(),
                    "the RKPD draft".to_string(),
                ),
                (None, None) => continue,
            };
            let (year_id, year_en) = year_phrase(year);
            let related = plan_cells
                .iter()
                .map(|(sheet, p)| Related::new(sheet, *p))
                .chain(also.into_iter().map(|p| Related::new(&t31.table.sheet, p)));
            out.push(
                Finding::new(
                    &RULE,
                    &t31.table.sheet,
                    cell,
                    format!(
                        "T-C.31: total pagu {} {}, sedangkan jumlah pagu program T-C.33{} {}",
                        sides_id,
                        rp(&value),
                        year_id,
                        rp(&plan)
                    ),
                    format!(
                        "T-C.31: the total budget of {} is {} while the programs of T-C.33{} add up to {}",
                        sides_en,
                        rp(&value),
                        year_en,
                        rp(&plan)
                    ),
                )
                .related(related)
                .expected_found(rp(&plan), rp(&value)),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::util::testkit::{TC31, TC33, run, sheet};

    fn tc33(second: &'static str) -> Vec<[&'static str; 12]> {
        let row = |k, u, p| [k, u, "", "", "", "", p, "", "", "", "", ""];
        vec![
            row("1.06", "URUSAN PEMERINTAHAN BIDANG SOSIAL", "700"),
            row("1.06.01", "PROGRAM PENUNJANG", "600"),
            row("1.06.02", "PROGRAM PEMBERDAYAAN", second),
            row("", "TOTAL", "700"),
        ]
    }

    fn tc31(r_total: &'static str, a_total: &'static str) -> Vec<[&'static str; 12]> {
        let row = |u, r, a| [u, "", "", "", "", r, "", "", "", "", a, ""];
        vec![
            row("URUSAN PEMERINTAHAN BIDANG SOSIAL", "700", "700"),
            row("PROGRAM PENUNJANG", "600", "600"),
            row("PROGRAM PEMBERDAYAAN", "100", "100"),
            row("JUMLAH", r_total, a_total),
        ]
    }

    #[test]
    fn fires_once_on_the_analysis_total_naming_both_sides() {
        let f = run(
            &RULE,
            vec![
                sheet("T-C.31", &[], TC31, &tc31("800", "800")),
                sheet("T-C.33", &[], TC33, &tc33("100")),
            ],
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            (f[0].sheet.as_str(), f[0].cell.a1().as_str()),
            ("T-C.31", "K5")
        );
        assert_eq!(f[0].expected.as_deref(), Some("700"));
        assert_eq!(f[0].found.as_deref(), Some("800"));
        let rel: Vec<String> = f[0]
            .related
            .iter()
            .map(|r| format!("{}!{}", r.sheet, r.cell))
            .collect();
        assert_eq!(rel, ["T-C.33!G2", "T-C.33!G5", "T-C.31!F5"]);
    }

    #[test]
    fn the_plan_total_is_the_sum_of_t_c_33_programs() {
        // T-C.33's own total row says 700, but its programs add up to 650.
        let f = run(
            &RULE,
            vec![
                sheet("T-C.31", &[], TC31, &tc31("700", "700")),
                sheet("T-C.33", &[], TC33, &tc33("50")),
            ],
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].expected.as_deref(), Some("650"));
        let rel: Vec<String> = f[0].related.iter().map(|r| r.cell.a1()).collect();
        assert_eq!(rel, ["G3", "G4", "F5"]);
    }

    #[test]
    fn silent_when_totals_agree() {
        let f = run(
            &RULE,
            vec![
                sheet("T-C.31", &[], TC31, &tc31("700", "700")),
                sheet("T-C.33", &[], TC33, &tc33("100")),
            ],
        );
        assert!(f.is_empty(), "{f:?}");
    }
}
