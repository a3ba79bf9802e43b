//! F014 `target-with-zero-budget`: a program, kegiatan or sub kegiatan has a target and a budget
//! written as 0. Found by F002's walk over the target–budget pairs
//! ([`super::f002_budget_target_pairing::pairing`]); a rule of its own so that it has one
//! severity (info) while F002's missing halves stay warnings.

use super::{Context, Finding, Rule, Severity};

pub static RULE: Rule = Rule {
    code: "F014",
    name: "target-with-zero-budget",
    family: 'F',
    severity: Severity::Info,
    summary_id: "Target direncanakan dengan pagu 0",
    summary_en: "A target is planned with a budget of 0",
    explain_id: "\
Apa yang diperiksa
  Pada setiap pasangan target–pagu yang diperiksa F002 (T-C.33 tahun n dan n+1; T-C.31 sisi
  Rancangan Awal RKPD dan Hasil Analisis Kebutuhan): program, kegiatan atau sub kegiatan yang
  targetnya terisi (bukan nol) sedangkan pagunya ditulis 0. Nol bukan kosong: pagu yang kosong
  adalah F002. Kegiatan/program yang pagunya 0 karena semua rinciannya 0 tidak diulang, cukup
  rinciannya.

Mengapa ini masalah
  Kadang disengaja (kegiatan tanpa biaya, dibiayai pihak lain), kadang pagu yang belum diisi.
  Verifikator perlu tahu mana yang mana; karena itu info, bukan galat.

Contoh
  T-C.31, sub kegiatan 1.06.01.2.05.0002: target 153 Paket dengan pagu 0.

Sebaiknya
  Isi pagu bila ada biaya; bila memang tanpa biaya, tulis alasannya di Catatan Penting.",
    explain_en: "\
What it does
  On every target–budget pair F002 checks (T-C.33 years n and n+1; the draft and analysis sides
  of T-C.31): a program, kegiatan or sub kegiatan with a (non-zero) target and a budget written
  as 0. Zero is not blank: a blank budget is F002's. A kegiatan or program at 0 because all its
  children are at 0 is not repeated; its children say it.

Why is this bad
  Sometimes deliberate (no cost, paid by someone else), sometimes a budget not yet filled in. The
  verifier needs to know which; hence info, not an error.

Example
  T-C.31, sub kegiatan 1.06.01.2.05.0002: target 153 Paket with a budget of 0.

Use instead
  Fill in the budget when there is a cost; when there is none, say why in the note.",
    run,
};

fn run(ctx: &Context) -> Vec<Finding> {
    let mut f = super::f002_budget_target_pairing::pairing(ctx);
    f.retain(|x| x.rule == RULE.code);
    f
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::util::testkit::{TC33, run, sheet};

    /// Code, name, indicator, lokasi, 2026 target/unit/budget, fund, note, 2027 (blank).
    fn book(pagu: &'static str, target_sub: &'static str) -> Vec<[&'static str; 12]> {
        let r = |code: &'static str, name: &'static str, t: &'static str| {
            [
                code, name, "Ind", "", t, "Dokumen", pagu, "APBD", "", "", "", "",
            ]
        };
        vec![
            r("1.06.01", "PROGRAM PENUNJANG", "1"),
            r("1.06.01.2.01", "Perencanaan", "1"),
            r("1.06.01.2.01.0001", "Penyusunan Dokumen", target_sub),
        ]
    }

    #[test]
    fn fires_once_on_the_child_when_a_target_has_a_zero_budget() {
        let f = run(&RULE, vec![sheet("T-C.33", &[], TC33, &book("0", "3"))]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].rule, "F014");
        assert_eq!(f[0].severity, Severity::Info);
        assert_eq!(f[0].found.as_deref(), Some("0"));
    }

    #[test]
    fn silent_with_a_budget_or_with_a_blank_one() {
        for pagu in ["1.000.000", ""] {
            let f = run(&RULE, vec![sheet("T-C.33", &[], TC33, &book(pagu, "3"))]);
            assert!(f.is_empty(), "{pagu}: {f:?}");
        }
    }
}
