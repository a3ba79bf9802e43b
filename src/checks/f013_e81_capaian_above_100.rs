//! F013 `e81-capaian-above-100`: An E.81 achievement rate is above 100%.

use super::e81::{Side, cell, role, tables};
use super::realisation::{cell_subject, fmt_shown};
use super::{Context, Finding, Rule, Severity};
use crate::ingest::role::Role;
use rust_decimal::Decimal;

pub static RULE: Rule = Rule {
    code: "F013",
    name: "e81-capaian-above-100",
    family: 'F',
    severity: Severity::Warning,
    summary_id: "Tingkat capaian E.81 di atas 100%",
    summary_en: "An E.81 achievement rate is above 100%",
    explain_id: "\
Apa yang diperiksa
  Pada formulir E.81: tingkat capaian kinerja dan realisasi anggaran Renstra (kolom 14, K dan
  Rp) dan, bila ada, tingkat capaian Renja (12/7 × 100) di atas 100. Temuan ditaruh pada sel
  itu. Ini peringatan: capaian di atas target bisa benar, tetapi patut diperiksa.

Mengapa ini masalah
  Capaian di atas 100% sering berarti target akhir periode (kolom 5) terlalu rendah atau
  realisasi dijumlah dua kali; untuk anggaran, belanja di atas pagu.

Contoh
  Kolom 13 K 120, kolom 5 K 100: capaian 120%.

Sebaiknya
  Periksa kolom 5, 6 dan 12; bila memang melampaui target, jelaskan di keterangan.",
    explain_en: "\
What it does
  On form E.81: the Renstra achievement and budget realisation rates (column 14, K and Rp) and,
  where present, the Renja rate (12/7 × 100) above 100. The finding is placed on that cell. A
  warning: achievement above target can be right, but deserves a look.

Why is this bad
  Above 100% often means the end-of-period target (column 5) is too low or a realisation was
  counted twice; for the budget, spending above the ceiling.

Example
  Column 13 K 120, column 5 K 100: 120%.

Use instead
  Check columns 5, 6 and 12; if the target really was exceeded, say so in the note.",
    run,
};

fn run(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for t in tables(ctx) {
        let sheet = &t.table.sheet;
        for (ri, row) in t.table.rows.iter().enumerate() {
            for (group, n) in [(Role::E14K, Some(14)), (Role::ErK, None)] {
                for side in [Side::K, Side::Rp] {
                    let Some(s) = cell(ctx, t, row, group, side).num() else {
                        continue;
                    };
                    if s.value <= Decimal::ONE_HUNDRED {
                        continue;
                    }
                    let r = role(group, side);
                    out.push(
                        Finding::new(
                            &RULE,
                            sheet,
                            s.pos,
                            format!(
                                "{} ({}): tingkat capaian {} di atas 100",
                                cell_subject(t, ri, r, n, false),
                                side.name(false),
                                fmt_shown(&s)
                            ),
                            format!(
                                "{} ({}): achievement rate {} above 100",
                                cell_subject(t, ri, r, n, true),
                                side.name(true),
                                fmt_shown(&s)
                            ),
                        )
                        .expected_found("≤ 100", fmt_shown(&s)),
                    );
                }
            }
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
        r[4] = "35";
        r[22] = "114,29";
        let f = run(&RULE, vec![sheet("E.81", &[], E81, &[r])]);
        let cells: Vec<String> = f.iter().map(|f| f.cell.a1()).collect();
        assert_eq!(cells, ["W2"], "{f:?}");
        assert!(f.iter().all(|f| f.severity == Severity::Warning));
    }

    #[test]
    fn silent_on_a_consistent_row() {
        let f = run(&RULE, vec![sheet("E.81", &[], E81, &[row()])]);
        assert!(f.is_empty(), "{f:?}");
    }
}
