//! C008 `e81-mean-predikat`: E.81's `Rata-rata capaian kinerja` is not the mean of column 14 K,
//! or its `Predikat kinerja` is not the band of that mean.

use super::e81::{mean_capaian, tables};
use super::realisation::{category, fmt_pct, shown_at, tolerance, within};
use super::{Context, Finding, Related, Rule, Severity};
use crate::ingest::cell::Value;
use crate::ingest::locate::Parsed;
use crate::ingest::number::parse_id_number;
use crate::ingest::rules::normalize;

pub static RULE: Rule = Rule {
    code: "C008",
    name: "e81-mean-predikat",
    family: 'C',
    severity: Severity::Error,
    summary_id: "Rata-rata capaian atau predikat kinerja E.81 tidak sesuai kolom 14",
    summary_en: "E.81's mean achievement or performance predikat disagrees with column 14",
    explain_id: "\
Apa yang diperiksa
  Di bawah tabel E.81: baris `Rata-rata capaian kinerja (%)` harus sama dengan rata-rata
  kolom 14 K (tingkat capaian kinerja Renstra) atas semua baris indikator yang kolom 14 K-nya
  berisi angka — program, kegiatan dan sub kegiatan sama-sama dihitung, baris tanpa angka di
  kolom 14 K tidak; toleransi setengah satuan digit terakhir yang ditampilkan. Baris
  `Predikat kinerja` harus menyebut pita rata-rata itu: ≥ 91 sangat tinggi, 76 ≤ x < 91
  tinggi, 66 ≤ x < 76 sedang, 51 ≤ x < 66 rendah, < 51 sangat rendah (nilai di antara dua
  bilangan bulat, mis. 90,5, masuk pita yang lebih rendah: batas bawah pita adalah 91, 76, 66,
  51). Predikat dinilai dari rata-rata yang dihitung, bukan yang tertulis.

Mengapa ini masalah
  Rata-rata dan predikat adalah ringkasan yang dibaca Bappeda lebih dulu; bila tidak sesuai
  dengan isi tabel, penilaian kinerja Perangkat Daerah keliru.

Contoh
  Kolom 14 K: 100, 80, 90; rata-rata tertulis 85,00 (seharusnya 90,00), predikat tertulis
  `Sangat Tinggi` (90,00 adalah `tinggi`).

Sebaiknya
  Isi rata-rata dengan =AVERAGE atas kolom 14 K dan predikat dengan rumus pita
  (=IF(x>=91;\"Sangat Tinggi\";IF(x>=76;\"Tinggi\";…))).",
    explain_en: "\
What it does
  Under the E.81 table: the row `Rata-rata capaian kinerja (%)` must equal the mean of column
  14 K (Renstra achievement rate) over every indicator row whose column 14 K holds a number —
  programs, kegiatan and sub kegiatan alike; rows without a number there do not count;
  tolerance half a unit of the last shown digit. The row `Predikat kinerja` must name the band
  of that mean: ≥ 91 sangat tinggi, 76 ≤ x < 91 tinggi, 66 ≤ x < 76 sedang, 51 ≤ x < 66 rendah,
  < 51 sangat rendah (a value between two whole numbers, e.g. 90.5, falls in the lower band:
  the bands' lower bounds are 91, 76, 66, 51). The predikat is judged from the computed mean,
  not the written one.

Why is this bad
  The mean and the predikat are the summary Bappeda reads first; when they disagree with the
  table, the office's performance is judged wrongly.

Example
  Column 14 K: 100, 80, 90; the mean says 85.00 (it should be 90.00), the predikat says
  `Sangat Tinggi` (90.00 is `tinggi`).

Use instead
  Fill the mean with =AVERAGE over column 14 K and the predikat with the band formula
  (=IF(x>=91,\"Sangat Tinggi\",IF(x>=76,\"Tinggi\",…))).",
    run,
};

fn run(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for t in tables(ctx) {
        let sheet = &t.table.sheet;
        let Some((mean, cells)) = mean_capaian(ctx, t) else {
            continue;
        };
        let band = category(mean);
        for f in &t.table.footer {
            let Some((pos, value)) = &f.value else {
                continue;
            };
            if f.key.starts_with("rata rata") {
                let parsed = match value {
                    Value::Number(n) => {
                        crate::ingest::number::decimal_from_f64(*n).map(|v| Parsed::Number {
                            value: v,
                            percent: false,
                        })
                    }
                    Value::Text(s) => parse_id_number(s).map(|n| Parsed::Number {
                        value: n.value,
                        percent: n.percent,
                    }),
                    _ => None,
                };
                let Some(parsed) = parsed else { continue };
                let Some(written) = shown_at(ctx, sheet, &parsed, *pos) else {
                    continue;
                };
                if !within(written.value, mean, tolerance(ctx, written.decimals)) {
                    let exp = fmt_pct(mean, written.decimals);
                    out.push(
                        Finding::new(
                            &RULE,
                            sheet,
                            *pos,
                            format!(
                                "E.81: rata-rata capaian kinerja tertulis {}, seharusnya {exp} (rata-rata kolom 14 K atas {} baris)",
                                value.display(),
                                cells.len()
                            ),
                            format!(
                                "E.81: the mean achievement says {}, should be {exp} (the mean of column 14 K over {} rows)",
                                value.display(),
                                cells.len()
                            ),
                        )
                        .expected_found(exp.clone(), value.display())
                        .related(cells.iter().take(12).map(|s| Related::new(sheet, s.pos))),
                    );
                }
            } else if f.key.starts_with("predikat") {
                let text = normalize(&value.display());
                if text.is_empty() || text == normalize(band) {
                    continue;
                }
                out.push(
                    Finding::new(
                        &RULE,
                        sheet,
                        *pos,
                        format!(
                            "E.81: predikat kinerja tertulis `{}`, seharusnya `{band}` (rata-rata capaian {})",
                            value.display(),
                            fmt_pct(mean, 2)
                        ),
                        format!(
                            "E.81: the performance predikat says `{}`, should be `{band}` (mean achievement {})",
                            value.display(),
                            fmt_pct(mean, 2)
                        ),
                    )
                    .expected_found(band.to_string(), value.display()),
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
    use crate::checks::util::testkit::{run, sheet};

    fn book(mean: &'static str, predikat: &'static str) -> Vec<crate::ingest::workbook::Sheet> {
        let mut r2 = row();
        r2[22] = "100,00";
        r2[20] = "50";
        let mut rows: Vec<[&'static str; 24]> = vec![row(), r2];
        let mut foot1 = [""; 24];
        foot1[0] = "Rata-rata capaian kinerja (%)";
        foot1[22] = mean;
        let mut foot2 = [""; 24];
        foot2[0] = "Predikat kinerja";
        foot2[22] = predikat;
        rows.push(foot1);
        rows.push(foot2);
        vec![sheet("E.81", &[], E81, &rows)]
    }

    #[test]
    fn fires_on_a_wrong_mean_and_a_wrong_band() {
        // Column 14 K: 80 and 100 → 90,00, band `tinggi`.
        let f = run(&RULE, book("85,00", "Sangat Tinggi"));
        let got: Vec<(&str, Option<&str>)> = f
            .iter()
            .map(|f| {
                (
                    crate::checks::util::testkit::a1(f.cell),
                    f.expected.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [("W4", Some("90,00")), ("W5", Some("tinggi"))],
            "{f:?}"
        );
    }

    #[test]
    fn silent_when_mean_and_band_fit_and_footer_is_not_data() {
        let f = run(&RULE, book("90,00", "Tinggi"));
        assert!(f.is_empty(), "{f:?}");
        // The footer rows are not read as rows of the table.
        let (ing, _) = crate::checks::util::testkit::plan(book("90,00", "Tinggi"));
        assert_eq!(ing.tables[0].rows.len(), 2);
        assert_eq!(ing.tables[0].footer.len(), 2);
    }
}
