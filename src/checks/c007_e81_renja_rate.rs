//! C007 `e81-renja-rate`: E.81's optional Renja achievement column (12/7 × 100) or its per-row
//! category disagrees with the figures.

use super::e81::{Side, cell, role, tables};
use super::realisation::{
    category, cell_subject, fmt_pct, fmt_shown, ratio_pct, tolerance, within,
};
use super::{Context, Finding, Related, Rule, Severity};
use crate::ingest::role::Role;
use crate::ingest::rules::normalize;

pub static RULE: Rule = Rule {
    code: "C007",
    name: "e81-renja-rate",
    family: 'C',
    severity: Severity::Error,
    summary_id: "Tingkat capaian Renja (12/7×100) atau kategori baris E.81 tidak sesuai",
    summary_en: "E.81's Renja rate (12/7×100) or a row's category disagrees",
    explain_id: "\
Apa yang diperiksa
  Sebagian kantor menambah kolom `Tingkat Capaian Kinerja dan Realisasi Anggaran Renja yang
  dievaluasi (%)` pada E.81: pada sisi K dan Rp, kolom itu = (kolom 12 ÷ kolom 7) × 100, dengan
  toleransi setengah satuan digit terakhir yang ditampilkan. Bila ada kolom kategori per
  baris, kategorinya = pita tingkat capaian Renstra baris itu (kolom 14 K): ≥ 91 sangat
  tinggi, 76 ≤ x < 91 tinggi, 66 ≤ x < 76 sedang, 51 ≤ x < 66 rendah, < 51 sangat rendah.

Mengapa ini masalah
  Kolom turunan yang diketik tangan tidak ikut berubah saat realisasi diperbarui.

Contoh
  Kolom 12 K 8, kolom 7 K 10, tingkat capaian Renja tertulis 90,00; seharusnya 80,00.

Sebaiknya
  Isi kolom itu dengan rumus =kolom12/kolom7*100 dan kategorinya dengan rumus pita.",
    explain_en: "\
What it does
  Some offices add the column `Tingkat Capaian Kinerja dan Realisasi Anggaran Renja yang
  dievaluasi (%)` to E.81: on the K and Rp sides it must be (column 12 ÷ column 7) × 100, within
  half a unit of the last shown digit. Where a per-row category column is present, its category
  must be the band of that row's Renstra achievement (column 14 K): ≥ 91 sangat tinggi,
  76 ≤ x < 91 tinggi, 66 ≤ x < 76 sedang, 51 ≤ x < 66 rendah, < 51 sangat rendah.

Why is this bad
  A derived column typed by hand is not updated when the realisation is.

Example
  Column 12 K 8, column 7 K 10, the Renja rate says 90.00; it should be 80.00.

Use instead
  Make it a formula =col12/col7*100 and the category the band formula.",
    run,
};

fn run(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for t in tables(ctx) {
        let sheet = &t.table.sheet;
        for (ri, row) in t.table.rows.iter().enumerate() {
            for side in [Side::K, Side::Rp] {
                let (Some(er), Some(c12), Some(c7)) = (
                    cell(ctx, t, row, Role::ErK, side).num(),
                    cell(ctx, t, row, Role::E12K, side).num(),
                    cell(ctx, t, row, Role::E7K, side).num(),
                ) else {
                    continue;
                };
                let Some(v) = ratio_pct(c12.value, c7.value) else {
                    continue;
                };
                if within(er.value, v, tolerance(ctx, er.decimals)) {
                    continue;
                }
                let r = role(Role::ErK, side);
                let exp = fmt_pct(v, er.decimals);
                out.push(
                    Finding::new(
                        &RULE,
                        sheet,
                        er.pos,
                        format!(
                            "{} ({}): tertulis {}, seharusnya (kolom 12 ÷ kolom 7) × 100 = {} ÷ {} × 100 = {exp}",
                            cell_subject(t, ri, r, None, false),
                            side.name(false),
                            fmt_shown(&er),
                            fmt_shown(&c12),
                            fmt_shown(&c7)
                        ),
                        format!(
                            "{} ({}): says {}, should be (column 12 ÷ column 7) × 100 = {} ÷ {} × 100 = {exp}",
                            cell_subject(t, ri, r, None, true),
                            side.name(true),
                            fmt_shown(&er),
                            fmt_shown(&c12),
                            fmt_shown(&c7)
                        ),
                    )
                    .expected_found(exp.clone(), fmt_shown(&er))
                    .related([Related::new(sheet, c12.pos), Related::new(sheet, c7.pos)]),
                );
            }
            // The row's category against the band of column 14 K.
            let (Some(cat), Some(c14)) = (
                row.field(Role::Kategori),
                cell(ctx, t, row, Role::E14K, Side::K).num(),
            ) else {
                continue;
            };
            let Some(written) = cat.parsed.text() else {
                continue;
            };
            let band = category(c14.value);
            if normalize(written) == normalize(band) {
                continue;
            }
            out.push(
                Finding::new(
                    &RULE,
                    sheet,
                    cat.pos,
                    format!(
                        "{}: kategori tertulis `{}`, seharusnya `{band}` (tingkat capaian kolom 14 K {})",
                        cell_subject(t, ri, Role::Kategori, None, false),
                        written.trim(),
                        fmt_shown(&c14)
                    ),
                    format!(
                        "{}: the category says `{}`, should be `{band}` (column 14 K achievement {})",
                        cell_subject(t, ri, Role::Kategori, None, true),
                        written.trim(),
                        fmt_shown(&c14)
                    ),
                )
                .expected_found(band.to_string(), written.trim().to_string())
                .related([Related::new(sheet, c14.pos)]),
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

    fn book(er_k: &'static str, kategori: &'static str) -> Vec<crate::ingest::workbook::Sheet> {
        let mut header: Vec<&'static str> = E81.to_vec();
        header.push("Tingkat Capaian Kinerja dan Realisasi Anggaran Renja yang dievaluasi (%) K");
        header.push("Tingkat Capaian Kinerja dan Realisasi Anggaran Renja yang dievaluasi (%) Rp");
        header.push("Kategori");
        let mut r: Vec<&'static str> = row().to_vec();
        // 12/7: K 10/10 → 100; Rp 85/90 → 94,44.
        r.extend([er_k, "94,44", kategori]);
        let header: &'static [&'static str] = Box::leak(header.into_boxed_slice());
        let rows: Vec<Vec<&'static str>> = vec![r];
        vec![sheet("E.81", &[], header, &rows)]
    }

    #[test]
    fn fires_on_a_wrong_renja_rate_and_a_wrong_category() {
        let f = run(&RULE, book("90,00", "Sangat Tinggi"));
        let got: Vec<(&str, Option<&str>)> = f
            .iter()
            .map(|f| {
                (
                    crate::checks::util::testkit::a1(f.cell),
                    f.expected.as_deref(),
                )
            })
            .collect();
        // Column 14 K is 80,00: `tinggi`.
        assert_eq!(
            got,
            [("Y2", Some("100,00")), ("AA2", Some("tinggi"))],
            "{f:?}"
        );
    }

    #[test]
    fn silent_when_both_fit() {
        let f = run(&RULE, book("100,00", "Tinggi"));
        assert!(f.is_empty(), "{f:?}");
    }
}
