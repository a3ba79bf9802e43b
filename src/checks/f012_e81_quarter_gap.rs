//! F012 `e81-quarter-gap`: An E.81 quarter is blank while a later one is filled.

use super::e81::{QUARTERS, Side, cell, role, tables};
use super::realisation::{Slot, cell_subject, fmt_shown};
use super::{Context, Finding, Related, Rule, Severity};

pub static RULE: Rule = Rule {
    code: "F012",
    name: "e81-quarter-gap",
    family: 'F',
    severity: Severity::Warning,
    summary_id: "Triwulan E.81 kosong padahal triwulan sesudahnya terisi",
    summary_en: "An E.81 quarter is blank while a later one is filled",
    explain_id: "\
Apa yang diperiksa
  Pada formulir E.81, pada sisi K maupun Rp: triwulan (kolom 8–11) yang kosong padahal
  triwulan sesudahnya terisi. Kosong bukan nol: triwulan tanpa kegiatan diisi 0. Temuan
  ditaruh pada triwulan yang kosong. Ini peringatan.

Mengapa ini masalah
  Triwulan yang terlewat membuat jumlah tahunan (kolom 12) kurang, atau menandakan laporan
  triwulan itu belum masuk.

Contoh
  Rp triwulan I 10.000.000, II kosong, III 30.000.000.

Sebaiknya
  Isi triwulan yang terlewat, dengan 0 bila memang tidak ada realisasi.",
    explain_en: "\
What it does
  On form E.81, on the K side and the Rp side: a quarter (columns 8–11) left blank while a later
  quarter is filled. Blank is not zero: a quarter with no activity is filled with 0. The finding
  is placed on the blank quarter. A warning.

Why is this bad
  A skipped quarter leaves the year's total (column 12) short, or shows that quarter's report
  has not come in.

Example
  Rp quarter I 10,000,000, II blank, III 30,000,000.

Use instead
  Fill the skipped quarter, with 0 when there really was no realisation.",
    run,
};

fn run(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for t in tables(ctx) {
        let sheet = &t.table.sheet;
        for (ri, row) in t.table.rows.iter().enumerate() {
            for side in [Side::K, Side::Rp] {
                let slots: Vec<Slot> = QUARTERS
                    .iter()
                    .map(|q| cell(ctx, t, row, *q, side))
                    .collect();
                let Some(last) = slots.iter().rposition(|s| s.num().is_some()) else {
                    continue;
                };
                for (qi, s) in slots.iter().enumerate().take(last) {
                    let Slot::Blank(pos) = s else { continue };
                    let later = slots[last].num().expect("filled");
                    let r = role(QUARTERS[qi], side);
                    let n = 8 + qi as u32;
                    out.push(
                        Finding::new(
                            &RULE,
                            sheet,
                            *pos,
                            format!(
                                "{} ({}): triwulan {} kosong padahal triwulan {} terisi {}",
                                cell_subject(t, ri, r, Some(n), false),
                                side.name(false),
                                qi + 1,
                                last + 1,
                                fmt_shown(&later)
                            ),
                            format!(
                                "{} ({}): quarter {} is blank while quarter {} holds {}",
                                cell_subject(t, ri, r, Some(n), true),
                                side.name(true),
                                qi + 1,
                                last + 1,
                                fmt_shown(&later)
                            ),
                        )
                        .expected_found("angka (0 bila tidak ada realisasi)", "(kosong)")
                        .expected_found_en("a number (0 if nothing was realised)", "(blank)")
                        .related([Related::new(sheet, later.pos)]),
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
        r[13] = "";
        r[12] = "";
        let f = run(&RULE, vec![sheet("E.81", &[], E81, &[r])]);
        let cells: Vec<String> = f.iter().map(|f| f.cell.a1()).collect();
        assert_eq!(cells, ["M2", "N2"], "{f:?}");
        assert!(f.iter().all(|f| f.severity == Severity::Warning));
    }

    #[test]
    fn silent_on_a_consistent_row() {
        let f = run(&RULE, vec![sheet("E.81", &[], E81, &[row()])]);
        assert!(f.is_empty(), "{f:?}");
    }
}
