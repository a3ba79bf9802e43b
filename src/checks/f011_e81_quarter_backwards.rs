//! F011 `e81-quarter-backwards`: An E.81 level indicator goes down from one quarter to the next.

use super::e81::{QUARTERS, Side, cell, level_reason, role, tables};
use super::realisation::{cell_subject, fmt_shown};
use super::{Context, Finding, Related, Rule, Severity};

pub static RULE: Rule = Rule {
    code: "F011",
    name: "e81-quarter-backwards",
    family: 'F',
    severity: Severity::Warning,
    summary_id: "Indikator tingkat E.81 turun dari satu triwulan ke triwulan berikutnya",
    summary_en: "An E.81 level indicator goes down from one quarter to the next",
    explain_id: "\
Apa yang diperiksa
  Pada formulir E.81, untuk indikator tingkat (persentase, indeks, nilai — dikenali seperti
  pada C006): realisasi K setiap triwulan (kolom 8–11) tidak boleh lebih kecil dari triwulan
  terisi sebelumnya, karena yang dilaporkan adalah tingkat yang dicapai sampai triwulan itu.
  Temuan ditaruh pada triwulan yang turun. Ini peringatan.

Mengapa ini masalah
  Tingkat capaian yang turun biasanya berarti triwulan diisi dengan capaian per triwulan
  (bukan sampai dengan triwulan itu), sehingga kolom 12 mengambil nilai yang salah.

Contoh
  Persentase lansia terlayani: triwulan I 40, II 60, III 55.

Sebaiknya
  Isi setiap triwulan dengan tingkat yang dicapai sampai triwulan itu.",
    explain_en: "\
What it does
  On form E.81, for a level indicator (a percentage, index, score — told as in C006): each
  quarter's K realisation (columns 8–11) must not be below the previous filled quarter, since
  what is reported is the level reached up to that quarter. The finding is placed on the
  quarter that goes down. A warning.

Why is this bad
  A level that goes down usually means the quarters were filled with each quarter's own
  achievement (not up to that quarter), so column 12 takes a wrong value.

Example
  Share of elderly served: quarter I 40, II 60, III 55.

Use instead
  Fill each quarter with the level reached up to that quarter.",
    run,
};

fn run(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for t in tables(ctx) {
        let sheet = &t.table.sheet;
        for (ri, row) in t.table.rows.iter().enumerate() {
            let Some(w) = level_reason(ctx, row) else {
                continue;
            };
            let mut prev: Option<(usize, crate::checks::realisation::Shown)> = None;
            for (qi, q) in QUARTERS.iter().enumerate() {
                let Some(s) = cell(ctx, t, row, *q, Side::K).num() else {
                    continue;
                };
                if let Some((pi, p)) = prev
                    && s.value < p.value
                {
                    let r = role(*q, Side::K);
                    let n = 8 + qi as u32;
                    out.push(
                        Finding::new(
                            &RULE,
                            sheet,
                            s.pos,
                            format!(
                                "{}: indikator tingkat (`{w}`) turun dari {} pada triwulan {} ke {}",
                                cell_subject(t, ri, r, Some(n), false),
                                fmt_shown(&p),
                                pi + 1,
                                fmt_shown(&s)
                            ),
                            format!(
                                "{}: a level indicator (`{w}`) goes down from {} in quarter {} to {}",
                                cell_subject(t, ri, r, Some(n), true),
                                fmt_shown(&p),
                                pi + 1,
                                fmt_shown(&s)
                            ),
                        )
                        .expected_found(format!("≥ {}", fmt_shown(&p)), fmt_shown(&s))
                        .related([Related::new(sheet, p.pos)]),
                    );
                }
                prev = Some((qi, s));
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
        r[2] = "Persentase Lansia Terlayani";
        r[3] = "Persen";
        for (i, v) in [
            (4, "100"),
            (6, "100"),
            (8, "100"),
            (10, "40"),
            (12, "60"),
            (14, "55"),
            (16, "60"),
            (18, "60"),
            (20, "60"),
            (22, "60,00"),
        ] {
            r[i] = v;
        }
        let f = run(&RULE, vec![sheet("E.81", &[], E81, &[r])]);
        let cells: Vec<String> = f.iter().map(|f| f.cell.a1()).collect();
        assert_eq!(cells, ["O2"], "{f:?}");
        assert!(f.iter().all(|f| f.severity == Severity::Warning));
    }

    #[test]
    fn silent_on_a_consistent_row() {
        let f = run(&RULE, vec![sheet("E.81", &[], E81, &[row()])]);
        assert!(f.is_empty(), "{f:?}");
    }
}
