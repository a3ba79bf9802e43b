//! C002 `cumulative-realisation-mismatch`: T-C.29 column 10 differs from 5+7+9 (or the latest value for a level indicator).

use super::realisation::{
    Shown, Slot, cell_subject, fmt_dec, fmt_shown, indicator, slot, tolerance, within,
};
use super::{Context, Finding, Related, Rule, Severity};
use crate::ingest::kind::TableKind;
use crate::ingest::locate::TableRow;
use crate::ingest::number::format_id;
use crate::ingest::role::Role;
use crate::model::plan::TableModel;
use rust_decimal::Decimal;

pub static RULE: Rule = Rule {
    code: "C002",
    name: "cumulative-realisation-mismatch",
    family: 'C',
    severity: Severity::Error,
    summary_id: "Kolom 10 T-C.29 tidak sama dengan 5+7+9 (atau nilai terakhir untuk indikator tingkat)",
    summary_en: "T-C.29 column 10 differs from 5+7+9 (or the latest value for a level indicator)",
    explain_id: "\
Apa yang diperiksa
  Pada tabel T-C.29, kolom 10 \"Realisasi capaian s/d tahun berjalan\" dibandingkan dengan
  kolom 5 (realisasi s/d tahun sebelum lalu), 7 (realisasi tahun lalu) dan 9 (target tahun
  berjalan), dengan salah satu dari dua cara baca:
  - indikator kumulatif (jumlah dokumen, orang, laporan…): kolom 10 = 5 + 7 + 9;
  - indikator tingkat (persentase, indeks, nilai, skor…): kolom 10 = nilai terakhir, yaitu
    kolom 9, atau kolom 7 bila 9 kosong, atau kolom 5 bila keduanya kosong.
  Sebuah indikator dibaca sebagai tingkat bila teksnya memuat salah satu kata di
  `words.level_indicator` (rules.toml: persentase, nilai, indeks, rasio, …), bila salah satu
  angkanya ditulis atau diformat sebagai persen, atau bila target tahunannya (kolom 6 dan 9)
  sama dengan target Renstra seluruh periode (kolom 4): target periode yang sama dengan target
  setahun berarti indikator itu tidak dijumlahkan dari tahun ke tahun. Selain itu indikator
  dibaca kumulatif. Pesan menyebut cara baca yang dipakai dan alasannya, serta apakah nilai
  tertulis kebetulan sama dengan cara baca yang lain atau dengan rata-rata 5, 7, 9.
  Perbandingan eksak bila semua angka bulat; bila ada desimal, toleransi setengah satuan digit
  terakhir kolom 10 (minimal `tolerance.percent`). Sel kosong tidak dihitung sebagai nol: pada
  penjumlahan ia tidak menambah apa pun; bila 5, 7 dan 9 semuanya kosong tidak ada yang
  dibandingkan. Kolom 10 yang kosong padahal 5, 7 atau 9 terisi dilaporkan. Baris indikator
  lanjutan diperiksa sendiri-sendiri; sel yang bukan angka dilewati (lihat A001).

Mengapa ini masalah
  Kolom 10 adalah dasar tingkat capaian Renstra (kolom 11) dan penilaian kinerja akhir
  periode. Nilai yang bukan jumlah (atau bukan nilai terakhir untuk indikator tingkat) membuat
  capaian terlihat lebih rendah atau lebih tinggi dari kenyataannya.

Contoh
  \"Terlaksananya Kampung Siaga Bencana\": realisasi s/d 2023 = 4, realisasi 2024 = 4,
  target 2025 = 4, kolom 10 tertulis 4; sebagai indikator kumulatif seharusnya 12.
  \"Nilai SAKIP\": kolom 9 = 82, kolom 10 tertulis 85,00; sebagai indikator tingkat seharusnya 82.

Sebaiknya
  Untuk indikator kumulatif isi kolom 10 dengan rumus =I+K+M (kolom 5+7+9); untuk indikator
  tingkat salin nilai terakhir. Bila indikatornya sebenarnya tingkat tetapi tidak terbaca,
  tulis satuannya (Persen, Nilai, Indeks) pada teks indikator.",
    explain_en: "\
What it does
  In table T-C.29, column 10 \"realisation up to the current year\" is compared with columns
  5 (realisation up to the year before last), 7 (last year's realisation) and 9 (this year's
  target), read one of two ways:
  - a cumulative indicator (counts of documents, people, reports…): column 10 = 5 + 7 + 9;
  - a level indicator (a percentage, an index, a score…): column 10 = the latest value, i.e.
    column 9, or column 7 when 9 is blank, or column 5 when both are blank.
  An indicator is read as a level when its text contains one of `words.level_indicator`
  (rules.toml: persentase, nilai, indeks, rasio, …), when one of its values is written or
  formatted as a percentage, or when its yearly targets (columns 6 and 9) equal the Renstra
  target for the whole period (column 4): a period target equal to one year's target means the
  indicator does not add up year by year. Otherwise it is read as cumulative. The message names
  the reading applied and why, and whether the written value happens to equal the other
  reading or the mean of 5, 7 and 9.
  Exact comparison when every value is a whole number; with decimals, a tolerance of half a
  unit of column 10's last shown digit (at least `tolerance.percent`). Blank is not zero: in
  the sum a blank cell adds nothing; when 5, 7 and 9 are all blank there is nothing to compare.
  A blank column 10 next to a filled 5, 7 or 9 is reported. Continuation rows are checked on
  their own; cells that are not numbers are skipped (A001 reports them).

Why is this bad
  Column 10 is the basis of the Renstra achievement (column 11) and of the end-of-period
  assessment. A value that is not the sum (or not the latest value for a level indicator) makes
  the achievement look lower or higher than it is.

Example
  \"Terlaksananya Kampung Siaga Bencana\": realisation to 2023 = 4, realisation 2024 = 4,
  target 2025 = 4, column 10 says 4; as a cumulative indicator it should be 12.
  \"Nilai SAKIP\": column 9 = 82, column 10 says 85,00; as a level indicator it should be 82.

Use instead
  For a cumulative indicator make column 10 a formula =I+K+M (columns 5+7+9); for a level
  indicator copy the latest value. When an indicator is really a level but is not recognised,
  write its unit (Persen, Nilai, Indeks) in the indicator text.",
    run,
};

/// Why an indicator is read as a level.
#[derive(Debug, Clone, PartialEq)]
enum Why {
    Word(String),
    Percent,
    SameTargets,
}

/// How column 10 is read for one row.
#[derive(Debug, Clone, PartialEq)]
enum Reading {
    Cumulative,
    Level(Why),
}

fn level_word(ctx: &Context, text: &str) -> Option<String> {
    super::util::level_word(&ctx.config.words.level_indicator, text)
}

fn reading(ctx: &Context, t: &TableModel, row: &TableRow) -> Reading {
    if let Some(w) = indicator(row).and_then(|i| level_word(ctx, i)) {
        return Reading::Level(Why::Word(w));
    }
    let nums: Vec<Shown> = [Role::K4, Role::K5, Role::K6, Role::K7, Role::K9, Role::K10]
        .iter()
        .filter_map(|r| slot(ctx, t, row, *r).num())
        .collect();
    if nums.iter().any(|s| s.percent) {
        return Reading::Level(Why::Percent);
    }
    if let Some(k4) = slot(ctx, t, row, Role::K4).num() {
        let yearly: Vec<Decimal> = [Role::K6, Role::K9]
            .iter()
            .filter_map(|r| slot(ctx, t, row, *r).num())
            .map(|s| s.value)
            .collect();
        if !yearly.is_empty() && !k4.value.is_zero() && yearly.iter().all(|v| *v == k4.value) {
            return Reading::Level(Why::SameTargets);
        }
    }
    Reading::Cumulative
}

fn why_text(w: &Why, en: bool) -> String {
    match (w, en) {
        (Why::Word(w), false) => format!("teks indikator memuat `{w}`"),
        (Why::Word(w), true) => format!("the indicator text contains `{w}`"),
        (Why::Percent, false) => "angkanya ditulis sebagai persen".into(),
        (Why::Percent, true) => "its values are written as percentages".into(),
        (Why::SameTargets, false) => {
            "target tahunan (kolom 6, 9) sama dengan target Renstra (kolom 4)".into()
        }
        (Why::SameTargets, true) => {
            "its yearly targets (columns 6, 9) equal the Renstra target (column 4)".into()
        }
    }
}

fn run(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for (_, t) in ctx.plan.tables_of(TableKind::TC29) {
        let sheet = &t.table.sheet;
        for (ri, row) in t.table.rows.iter().enumerate() {
            let slots = [
                (5u32, slot(ctx, t, row, Role::K5)),
                (7, slot(ctx, t, row, Role::K7)),
                (9, slot(ctx, t, row, Role::K9)),
            ];
            if slots.iter().any(|(_, s)| matches!(s, Slot::Unreadable)) {
                continue; // a part that is not a number: no sum to trust (A001 reports it)
            }
            let parts: Vec<(u32, Shown)> = slots
                .iter()
                .filter_map(|(n, s)| s.num().map(|v| (*n, v)))
                .collect();
            if parts.is_empty() {
                continue;
            }
            let k10 = slot(ctx, t, row, Role::K10);
            if matches!(k10, Slot::Absent | Slot::Unreadable) {
                continue;
            }
            let Some(sum) = parts
                .iter()
                .try_fold(Decimal::ZERO, |acc, (_, s)| acc.checked_add(s.value))
            else {
                continue;
            };
            let (latest_col, latest) = *parts.last().expect("not empty");
            let mean = sum / Decimal::from(parts.len() as u64);
            let rd = reading(ctx, t, row);
            let expected = match rd {
                Reading::Cumulative => sum,
                Reading::Level(_) => latest.value,
            };
            let all_int = parts.iter().all(|(_, s)| s.value.fract().is_zero());
            let (pos, found, found_en, k10v) = match k10 {
                Slot::Num(v) => {
                    let tol = if all_int && v.value.fract().is_zero() {
                        Decimal::ZERO
                    } else {
                        tolerance(ctx, v.decimals)
                    };
                    if within(v.value, expected, tol) {
                        continue;
                    }
                    (v.pos, fmt_shown(&v), fmt_shown(&v), Some(v))
                }
                Slot::Blank(pos) => (pos, "(kosong)".to_string(), "(blank)".to_string(), None),
                Slot::Absent | Slot::Unreadable => continue,
            };
            // The expected value with the decimals column 10 (or its parts) show.
            let dec = parts
                .iter()
                .map(|(_, s)| s.decimals)
                .chain(k10v.map(|v| v.decimals))
                .max()
                .unwrap_or(0);
            let shown_dec = |d: Decimal| {
                if dec == 0 && d.fract().is_zero() {
                    format_id(&d)
                } else {
                    fmt_dec(d, dec.max(2))
                }
            };
            let expected_text = shown_dec(expected);
            let sum_terms = parts
                .iter()
                .map(|(_, s)| fmt_shown(s))
                .collect::<Vec<_>>()
                .join(" + ");
            let cols = parts
                .iter()
                .map(|(n, _)| n.to_string())
                .collect::<Vec<_>>()
                .join("+");
            // What the written value does equal, to help the planner see the convention used.
            let mut hint_id = Vec::new();
            let mut hint_en = Vec::new();
            if let Some(v) = k10v {
                let tol = tolerance(ctx, v.decimals);
                let near = |x: Decimal| within(v.value, x, tol);
                match rd {
                    Reading::Level(_) if near(sum) && parts.len() > 1 => {
                        hint_id.push(format!("nilai tertulis sama dengan jumlah kolom {cols}"));
                        hint_en.push(format!(
                            "the written value equals the sum of columns {cols}"
                        ));
                    }
                    Reading::Cumulative if near(latest.value) && parts.len() > 1 => {
                        hint_id.push(format!(
                            "nilai tertulis sama dengan nilai terakhir (kolom {latest_col}); bila indikator ini tingkat, tulis satuannya pada teks indikator"
                        ));
                        hint_en.push(format!(
                            "the written value equals the latest value (column {latest_col}); if this indicator is a level, name its unit in the indicator text"
                        ));
                    }
                    _ => {}
                }
                if parts.len() > 1 && near(mean) && !near(sum) && !near(latest.value) {
                    hint_id.push(format!(
                        "nilai tertulis sama dengan rata-rata kolom {}",
                        cols.replace('+', ", ")
                    ));
                    hint_en.push(format!(
                        "the written value equals the mean of columns {}",
                        cols.replace('+', ", ")
                    ));
                }
            }
            let (how_id, how_en) = match &rd {
                Reading::Cumulative => (
                    format!("dibaca sebagai indikator kumulatif: kolom {cols} = {sum_terms}"),
                    format!("read as a cumulative indicator: columns {cols} = {sum_terms}"),
                ),
                Reading::Level(w) => (
                    format!(
                        "dibaca sebagai indikator tingkat karena {}: nilai terakhir = kolom {latest_col}",
                        why_text(w, false)
                    ),
                    format!(
                        "read as a level indicator because {}: the latest value = column {latest_col}",
                        why_text(w, true)
                    ),
                ),
            };
            let suffix = |h: &Vec<String>| {
                if h.is_empty() {
                    String::new()
                } else {
                    format!("; {}", h.join("; "))
                }
            };
            out.push(
                Finding::new(
                    &RULE,
                    sheet,
                    pos,
                    format!(
                        "{} tertulis {}, seharusnya {} ({}){}",
                        cell_subject(t, ri, Role::K10, Some(10), false),
                        found,
                        expected_text,
                        how_id,
                        suffix(&hint_id)
                    ),
                    format!(
                        "{} says {}, should be {} ({}){}",
                        cell_subject(t, ri, Role::K10, Some(10), true),
                        found_en,
                        expected_text,
                        how_en,
                        suffix(&hint_en)
                    ),
                )
                .related(parts.iter().map(|(_, s)| Related::new(sheet, s.pos)))
                .expected_found(expected_text, found),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::util::testkit::{TC29, run, sheet};

    type Row = [&'static str; 11];

    /// Rows: a cumulative count, a level (percentage by word), a level by equal targets, and a
    /// score (Nilai) with decimals.
    fn rows(count_k10: &'static str, sakip_k10: &'static str) -> Vec<Row> {
        vec![
            [
                "1.06.06.2.02",
                "Penyelenggaraan Pemberdayaan Masyarakat",
                "Terlaksananya Kampung Siaga Bencana",
                "20",
                "4",
                "4",
                "4",
                "100,00",
                "4",
                count_k10,
                "20,00",
            ],
            [
                "1.06.07.2.01",
                "Pemeliharaan Taman Makam Pahlawan",
                "Persentase Taman Makam Pahlawan yang terpelihara",
                "100",
                "100",
                "100",
                "100",
                "100,00",
                "100",
                "100",
                "100,00",
            ],
            [
                "1.06.01.2.09",
                "Pemeliharaan Barang Milik Daerah",
                "Terpeliharanya Barang Milik Daerah / Asset",
                "100",
                "100",
                "100",
                "100",
                "100,00",
                "100",
                "100",
                "100,00",
            ],
            [
                "1.06.01",
                "PROGRAM PENUNJANG",
                "Nilai SAKIP Perangkat Daerah",
                "84",
                "92,45",
                "81",
                "67,46",
                "83,28",
                "82",
                sakip_k10,
                "97,62",
            ],
        ]
    }

    #[test]
    fn fires_on_a_count_that_is_not_the_sum() {
        let f = run(&RULE, vec![sheet("T-C.29", &[], TC29, &rows("4", "82"))]);
        assert_eq!(f.len(), 1, "{f:?}");
        let x = &f[0];
        assert_eq!(x.cell, "J2");
        assert_eq!(x.expected.as_deref(), Some("12"));
        assert_eq!(x.found.as_deref(), Some("4"));
        let rel: Vec<String> = x.related.iter().map(|r| r.cell.a1()).collect();
        assert_eq!(rel, ["E2", "G2", "I2"]);
        assert!(x.message_en.contains("cumulative"), "{}", x.message_en);
        assert!(x.message_en.contains("latest value"), "{}", x.message_en);
    }

    #[test]
    fn fires_on_a_score_that_is_not_the_latest_value() {
        let f = run(
            &RULE,
            vec![sheet("T-C.29", &[], TC29, &rows("12", "85,00"))],
        );
        assert_eq!(f.len(), 1, "{f:?}");
        let x = &f[0];
        assert_eq!(x.cell, "J5");
        assert_eq!(x.expected.as_deref(), Some("82,00"));
        assert_eq!(x.found.as_deref(), Some("85,00"));
        assert!(
            x.message_id.contains("indikator tingkat"),
            "{}",
            x.message_id
        );
        assert!(x.message_id.contains("`nilai`"), "{}", x.message_id);
        assert_eq!(x.related.len(), 3);
    }

    #[test]
    fn silent_when_sums_and_latest_values_agree() {
        let f = run(&RULE, vec![sheet("T-C.29", &[], TC29, &rows("12", "82"))]);
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn a_mean_is_named_in_the_message() {
        let f = run(
            &RULE,
            vec![sheet("T-C.29", &[], TC29, &rows("12", "80,64"))],
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(
            f[0].message_en.contains("mean of columns 5, 7, 9"),
            "{}",
            f[0].message_en
        );
    }

    #[test]
    fn blank_column_10_is_reported_and_blank_parts_add_nothing() {
        let f = run(&RULE, vec![sheet("T-C.29", &[], TC29, &rows("", "82"))]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].found.as_deref(), Some("(kosong)"));
        assert_eq!(f[0].expected.as_deref(), Some("12"));
        // Column 9 blank: the sum is 5+7 and the latest value is column 7.
        let r: Vec<Row> = vec![
            [
                "1.06.01.2.01",
                "Perencanaan",
                "Jumlah Dokumen",
                "40",
                "28",
                "6",
                "6",
                "100,00",
                "",
                "34",
                "85,00",
            ],
            [
                "1.06.01.2.07",
                "Pengadaan",
                "Persentase Pengadaan",
                "100",
                "90",
                "100",
                "95",
                "95,00",
                "",
                "95",
                "95,00",
            ],
        ];
        let f = run(&RULE, vec![sheet("T-C.29", &[], TC29, &r)]);
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn an_unreadable_part_skips_the_row() {
        let mut r = rows("4", "82");
        r[0][6] = "n/a";
        let f = run(&RULE, vec![sheet("T-C.29", &[], TC29, &r)]);
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn level_words_match_whole_words_only() {
        let ctx_config = crate::checks::config::CheckConfig::default_config();
        let (ing, plan) = crate::checks::util::testkit::plan(vec![]);
        let ctx = Context {
            ingested: &ing,
            plan: &plan,
            config: &ctx_config,
        };
        assert_eq!(
            level_word(&ctx, "Persentase (%) PMKS").as_deref(),
            Some("persentase")
        );
        assert_eq!(
            level_word(&ctx, "Cakupan layanan (%)").as_deref(),
            Some("cakupan")
        );
        assert_eq!(level_word(&ctx, "Meningkatnya pengetahuan lembaga"), None);
        assert_eq!(level_word(&ctx, "Jumlah layanan (%)").as_deref(), Some("%"));
        assert_eq!(
            level_word(&ctx, "Rata-rata lama layanan").as_deref(),
            Some("rata rata")
        );
    }
}
