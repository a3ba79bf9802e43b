//! F010 `e81-rupiah-above-target`: E.81's Rp realisation exceeds the year's Rp target.

use super::e81::{Side, cell, role, tables};
use super::realisation::cell_subject;
use super::util::rp;
use super::{Context, Finding, Related, Rule, Severity};
use crate::ingest::role::Role;

pub static RULE: Rule = Rule {
    code: "F010",
    name: "e81-rupiah-above-target",
    family: 'F',
    severity: Severity::Warning,
    summary_id: "Realisasi Rp E.81 melebihi target Rp tahun itu",
    summary_en: "E.81's Rp realisation exceeds the year's Rp target",
    explain_id: "\
Apa yang diperiksa
  Pada formulir E.81: realisasi anggaran tahun yang dievaluasi (kolom 12 Rp) tidak boleh
  melebihi anggaran Renja tahun itu (kolom 7 Rp). Temuan ditaruh pada kolom 12 Rp, kolom 7 Rp
  sebagai sel terkait. Ini peringatan: pergeseran anggaran yang sah bisa menjelaskannya.

Mengapa ini masalah
  Belanja di atas pagu tidak mungkin tanpa perubahan anggaran; angka yang lebih besar biasanya
  salah ketik atau realisasi kumulatif yang dijumlah dua kali.

Contoh
  Kolom 7 Rp 90.000.000, kolom 12 Rp 95.000.000.

Sebaiknya
  Periksa realisasi triwulan; bila anggaran berubah, perbarui kolom 7 sesuai APBD Perubahan.",
    explain_en: "\
What it does
  On form E.81: the budget realisation of the year evaluated (column 12 Rp) must not exceed
  that year's Renja budget (column 7 Rp). The finding is placed on column 12 Rp, with column 7
  Rp as related. A warning: a lawful budget shift may explain it.

Why is this bad
  Spending above the ceiling is impossible without a budget change; a larger figure is usually
  a typing slip or a cumulative realisation counted twice.

Example
  Column 7 Rp 90,000,000, column 12 Rp 95,000,000.

Use instead
  Check the quarterly realisations; if the budget changed, update column 7 to the revised
  budget (APBD Perubahan).",
    run,
};

fn run(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for t in tables(ctx) {
        let sheet = &t.table.sheet;
        for (ri, row) in t.table.rows.iter().enumerate() {
            let (Some(c7), Some(c12)) = (
                cell(ctx, t, row, Role::E7K, Side::Rp).num(),
                cell(ctx, t, row, Role::E12K, Side::Rp).num(),
            ) else {
                continue;
            };
            if c12.value <= c7.value {
                continue;
            }
            let r = role(Role::E12K, Side::Rp);
            out.push(
                Finding::new(
                    &RULE,
                    sheet,
                    c12.pos,
                    format!(
                        "{}: realisasi Rp {} melebihi target Rp tahun itu {}",
                        cell_subject(t, ri, r, Some(12), false),
                        rp(&c12.value),
                        rp(&c7.value)
                    ),
                    format!(
                        "{}: Rp realisation {} exceeds the year's Rp target {}",
                        cell_subject(t, ri, r, Some(12), true),
                        rp(&c12.value),
                        rp(&c7.value)
                    ),
                )
                .expected_found(format!("≤ {}", rp(&c7.value)), rp(&c12.value))
                .related([Related::new(sheet, c7.pos)]),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::e81::testkit::{E81, row};
    use crate::checks::util::testkit::{run, sheet};

    #[test]
    fn fires_on_its_case() {
        let mut r = row();
        r[19] = "95.000.000";
        r[17] = "30.000.000";
        r[21] = "395.000.000";
        r[23] = "79,00";
        let f = run(&RULE, vec![sheet("E.81", &[], E81, &[r])]);
        let cells: Vec<String> = f.iter().map(|f| f.cell.a1()).collect();
        assert_eq!(cells, ["T2"], "{f:?}");
        assert!(f.iter().all(|f| f.severity == Severity::Warning));
    }

    #[test]
    fn silent_on_a_consistent_row() {
        let f = run(&RULE, vec![sheet("E.81", &[], E81, &[row()])]);
        assert!(f.is_empty(), "{f:?}");
    }
}
