//! C006 `e81-kinerja-derived`: E.81's K columns 12, 13, 14 differ from what their inputs give,
//! read as a flow (quarters add up) or a level (the last quarter is the year's figure).

use super::e81::{Side, derived};
use super::{Context, Finding, Rule, Severity};

pub static RULE: Rule = Rule {
    code: "C006",
    name: "e81-kinerja-derived",
    family: 'C',
    severity: Severity::Error,
    summary_id: "Kolom K 12, 13 atau 14 E.81 tidak sesuai rumusnya",
    summary_en: "E.81 K column 12, 13 or 14 differs from its formula",
    explain_id: "\
Apa yang diperiksa
  Pada formulir E.81, untuk setiap baris, sisi K (kinerja): kolom 12 (realisasi kinerja tahun
  yang dievaluasi) = jumlah triwulan I–IV untuk indikator kumulatif (jumlah orang, dokumen,
  paket), atau triwulan terakhir yang terisi untuk indikator tingkat (persentase, indeks,
  nilai, skor, rasio); kolom 13 = kolom 6 + kolom 12 untuk indikator kumulatif, = kolom 12
  untuk indikator tingkat; kolom 14 = (kolom 13 ÷ kolom 5) × 100. Indikator tingkat dikenali
  seperti pada T-C.29 (kata `words.level_indicator` pada teks indikator atau satuannya);
  `indicators.level` dan `indicators.flow` di rules.toml menetapkan indikator tertentu apa pun
  katanya. Toleransi: setengah satuan digit terakhir yang ditampilkan.

Mengapa ini masalah
  Realisasi kinerja tahunan yang salah jumlah, atau persentase yang dijumlahkan per triwulan
  (25% + 50% + 75% + 100% = 250%), membuat capaian kinerja dan predikat Perangkat Daerah salah.

Contoh
  Indikator `Persentase Lansia Terlayani`: triwulan 25, 50, 75, 100; kolom 12 tertulis 250;
  seharusnya 100 (nilai terakhir).

Sebaiknya
  Jumlahkan triwulan hanya untuk indikator kumulatif; untuk indikator tingkat isi kolom 12
  dengan nilai triwulan terakhir. Tetapkan indikator yang salah terbaca di rules.toml.",
    explain_en: "\
What it does
  On form E.81, on every row, the K (performance) side: column 12 (the year's realisation) =
  the sum of quarters I–IV for a cumulative indicator (numbers of people, documents, packages),
  or the last quarter filled for a level indicator (a percentage, index, score, rate); column 13
  = column 6 + column 12 for a cumulative indicator, = column 12 for a level; column 14 =
  (column 13 ÷ column 5) × 100. Levels are told as in T-C.29 (a `words.level_indicator` word in
  the indicator text or its unit); `indicators.level` and `indicators.flow` in rules.toml name
  indicators whatever their words. Tolerance: half a unit of the last shown digit.

Why is this bad
  A year's performance added up wrong, or percentages summed over quarters (25% + 50% + 75% +
  100% = 250%), make the office's achievement and its predikat wrong.

Example
  Indicator `Persentase Lansia Terlayani`: quarters 25, 50, 75, 100; column 12 says 250; it
  should be 100 (the latest value).

Use instead
  Sum the quarters only for cumulative indicators; for a level, put the last quarter's value
  in column 12. Name the indicators read the wrong way in rules.toml.",
    run,
};

fn run(ctx: &Context) -> Vec<Finding> {
    derived(ctx, &RULE, Side::K)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::e81::testkit::{E81, row};
    use crate::checks::util::testkit::{run, sheet};

    #[test]
    fn fires_on_a_flow_total_and_on_a_level_summed_over_quarters() {
        let mut flow = row();
        flow[18] = "9"; // quarters 2+3+3+2 = 10
        flow[20] = "39"; // 30 + 9, consistent with the wrong 12
        flow[22] = "78,00";
        let mut level = row();
        level[2] = "Persentase Lansia Terlayani";
        level[3] = "Persen";
        for (i, v) in [
            (4, "100"),
            (6, "100"),
            (8, "100"),
            (10, "25"),
            (12, "50"),
            (14, "75"),
            (16, "100"),
            (18, "250"),
            (20, "250"),
            (22, "250,00"),
        ] {
            level[i] = v;
        }
        let f = run(&RULE, vec![sheet("E.81", &[], E81, &[flow, level])]);
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
            // Column 13 of the level row repeats the written 12 (250): consistent with it.
            [("S2", Some("10")), ("S3", Some("100"))],
            "{f:?}"
        );
        assert!(
            f[1].message_en.contains("level indicator"),
            "{}",
            f[1].message_en
        );
    }

    #[test]
    fn silent_on_a_consistent_flow_and_level() {
        let mut level = row();
        level[2] = "Nilai SAKIP";
        level[3] = "Nilai";
        for (i, v) in [
            (4, "80"),
            (6, "76"),
            (8, "78"),
            (10, "76"),
            (12, "77"),
            (14, "77"),
            (16, "78"),
            (18, "78"),
            (20, "78"),
            (22, "97,50"),
        ] {
            level[i] = v;
        }
        let f = run(&RULE, vec![sheet("E.81", &[], E81, &[row(), level])]);
        assert!(f.is_empty(), "{f:?}");
    }
}
