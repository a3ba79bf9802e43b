//! F009 `forward-target-collapse`: a target falls to a fraction of itself in the forward year,
//! in the same unit.

use super::util::{label, target, target_text, year_label};
use super::{Context, Finding, Related, Rule, Severity};
use crate::ingest::code::Level;
use crate::ingest::number::format_id;
use crate::ingest::role::Role;
use rust_decimal::Decimal;

pub static RULE: Rule = Rule {
    code: "F009",
    name: "forward-target-collapse",
    family: 'F',
    severity: Severity::Warning,
    summary_id: "Target prakiraan maju jatuh melebihi toleransi dalam satuan yang sama",
    summary_en: "The forward-year target falls beyond the tolerance in the same unit",
    explain_id: "\
Apa yang diperiksa
  Pada tabel dengan target tahun rencana (n) dan prakiraan maju (n+1), seperti T-C.33: untuk
  setiap program, kegiatan dan sub kegiatan yang memakai satuan yang sama di kedua tahun, target
  n+1 tidak boleh turun lebih dari toleransi `forward_jump` (rules.toml, bawaan 0,5 = 50%) dari
  target n. Kenaikan tidak dilaporkan (cakupan wajar bertambah); satuan yang berbeda dilaporkan
  oleh F003. Temuan ditaruh pada sel target n+1, dengan target n sebagai sel terkait.

Mengapa ini masalah
  Target yang runtuh dari satu tahun ke tahun berikutnya dengan pagu yang tetap biasanya angka
  yang tersalin dari baris lain (mis. target kegiatan) atau salah ketik.

Contoh
  Sub kegiatan Pemeliharaan Taman Makam Pahlawan: 91 Makam pada 2026, 2 Makam pada 2027.

Sebaiknya
  Periksa target n+1; bila cakupannya memang berkurang, jelaskan di catatan.",
    explain_en: "\
What it does
  In tables with targets for the plan year (n) and the forward year (n+1), such as T-C.33: for
  every program, kegiatan and sub kegiatan using the same unit in both years, the n+1 target
  must not fall by more than the `forward_jump` tolerance (rules.toml, default 0.5 = 50%) from
  the n target. Rises are not reported (coverage may grow); a changed unit is F003's. The
  finding is placed on the n+1 target cell, with the n target as related.

Why is this bad
  A target collapsing from one year to the next while the budget holds is usually a figure
  copied from another row (e.g. the kegiatan's target) or a typing slip.

Example
  Sub kegiatan Pemeliharaan Taman Makam Pahlawan (heroes' cemetery upkeep): 91 Makam (graves)
  in 2026, 2 Makam in 2027.

Use instead
  Check the n+1 target; if the coverage really shrinks, say why in the note.",
    run,
};

fn run(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    let tol = ctx.config.tolerance.forward_jump.abs().min(Decimal::ONE);
    for t in &ctx.plan.tables {
        if !t.table.has(Role::TargetN) || !t.table.has(Role::TargetN1) || t.table.kind.is_rkpd() {
            continue;
        }
        let sheet = &t.table.sheet;
        let yl = |forward, en| {
            year_label(
                t,
                &[Role::TargetN, Role::PaguN],
                &[Role::TargetN1, Role::PaguN1],
                forward,
                en,
            )
        };
        for n in &t.nodes {
            if !matches!(
                n.level,
                Level::Program | Level::Kegiatan | Level::SubKegiatan
            ) {
                continue;
            }
            let (Some((a, Some(ua), pa)), Some((b, Some(ub), pb))) = (
                target(t, n, Role::TargetN, Role::SatuanN),
                target(t, n, Role::TargetN1, Role::SatuanN1),
            ) else {
                continue;
            };
            if !super::util::same_unit(&ua, &ub) || a <= Decimal::ZERO || b < Decimal::ZERO {
                continue;
            }
            let floor = a * (Decimal::ONE - tol);
            if b >= floor {
                continue;
            }
            let pct = ((a - b) / a * Decimal::ONE_HUNDRED).round_dp(0);
            out.push(
                Finding::new(
                    &RULE,
                    sheet,
                    pb,
                    format!(
                        "{}: {} bertarget {} pada {}, turun {}% dari {} pada {} (batas {}%)",
                        t.table.kind,
                        label(n, false),
                        target_text(&b, Some(&ub)),
                        yl(true, false),
                        format_id(&pct),
                        target_text(&a, Some(&ua)),
                        yl(false, false),
                        format_id(&(tol * Decimal::ONE_HUNDRED))
                    ),
                    format!(
                        "{}: {} targets {} in {}, down {}% from {} in {} (limit {}%)",
                        t.table.kind,
                        label(n, true),
                        target_text(&b, Some(&ub)),
                        yl(true, true),
                        format_id(&pct),
                        target_text(&a, Some(&ua)),
                        yl(false, true),
                        format_id(&(tol * Decimal::ONE_HUNDRED))
                    ),
                )
                .expected_found(
                    format!("≥ {}", target_text(&floor.normalize(), Some(&ub))),
                    target_text(&b, Some(&ub)),
                )
                .related([Related::new(sheet, pa)]),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::util::testkit::{TC33, run, sheet};

    fn row(n: &'static str, n1: &'static str, u1: &'static str) -> Vec<[&'static str; 12]> {
        vec![[
            "1.06.07.2.01.0002",
            "Pemeliharaan Taman Makam",
            "Jumlah Makam",
            "Tenggarong",
            n,
            "Makam",
            "350",
            "APBD",
            "",
            n1,
            u1,
            "325",
        ]]
    }

    #[test]
    fn fires_when_the_forward_target_collapses() {
        let f = run(
            &RULE,
            vec![sheet("T-C.33", &[], TC33, &row("91", "2", "Makam"))],
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].cell, "J2");
        assert_eq!(f[0].found.as_deref(), Some("2 Makam"));
        assert_eq!(f[0].expected.as_deref(), Some("≥ 45,5 Makam"));
        assert_eq!(f[0].related[0].cell, "E2");
    }

    #[test]
    fn silent_on_a_rise_a_small_fall_or_another_unit() {
        for (a, b, u) in [
            ("91", "120", "Makam"),
            ("91", "46", "Makam"),
            ("91", "2", "Dokumen"),
        ] {
            let f = run(&RULE, vec![sheet("T-C.33", &[], TC33, &row(a, b, u))]);
            assert!(f.is_empty(), "{a} {b} {u}: {f:?}");
        }
    }
}
