//! Helpers shared by the rules on the year-end evaluation form E.81 (C005–C008, E008,
//! F010–F013): its K/Rp groups by form number, which indicator is a level, and the bands of
//! achievement.

use super::Context;
use super::realisation::{Slot, slot};
use super::util::level_word;
use crate::ingest::kind::TableKind;
use crate::ingest::locate::TableRow;
use crate::model::plan::TableModel;

/// The E.81 tables of the plan.
pub(crate) fn tables<'a>(ctx: &'a Context) -> impl Iterator<Item = &'a TableModel> + 'a {
    ctx.plan.tables_of(TableKind::E81).map(|(_, t)| t)
}

/// K or Rp.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    K,
    Rp,
}

impl Side {
    /// `K (kinerja)` / `Rp`.
    pub fn name(&self, en: bool) -> &'static str {
        match (self, en) {
            (Side::K, false) => "K (kinerja)",
            (Side::K, true) => "K (performance)",
            (Side::Rp, _) => "Rp",
        }
    }
}

/// The role of a group, named by its K role, on a side: `e12_k` + Rp → `e12_rp`.
pub(crate) fn role(group: Role, side: Side) -> Role {
    match side {
        Side::K => group,
        Side::Rp => group.rupiah().unwrap_or(group),
    }
}

/// The quarter groups in order (by their K roles).
pub(crate) const QUARTERS: [Role; 4] = [Role::Tw1K, Role::Tw2K, Role::Tw3K, Role::Tw4K];

/// The cell of a group (named by its K role) on a side.
pub(crate) fn cell(ctx: &Context, t: &TableModel, row: &TableRow, group: Role, side: Side) -> Slot {
    slot(ctx, t, row, role(group, side))
}

/// How an indicator's quarters make its year figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Reading {
    /// A level (percentage, index, score): the last quarter filled, named by this word.
    Level(String),
    /// A flow (people, documents): the sum of the quarters.
    Flow(String),
    /// Nothing in the indicator tells: either reading is accepted.
    Unknown,
}

/// How an indicator is read: `indicators.level` / `indicators.flow` of rules.toml first (whole
/// words of the indicator text); then its unit (a `words.level_indicator` word there makes it a
/// level, any other unit a flow); then, without a unit, a `words.level_indicator` word in its
/// text makes it a level unless it starts `Jumlah …`. Otherwise unknown: either reading fits.
pub(crate) fn reading(ctx: &Context, row: &TableRow) -> Reading {
    let text = row.text(Role::Indikator).unwrap_or("");
    let unit = row.text(Role::Satuan).unwrap_or("").trim();
    let ind = &ctx.config.indicators;
    let words = &ctx.config.words.level_indicator;
    if let Some(w) = level_word(&ind.flow, text) {
        return Reading::Flow(w);
    }
    if let Some(w) = level_word(&ind.level, text) {
        return Reading::Level(w);
    }
    // The unit says most: `Persen`, `Indeks`, `Nilai` are levels; `Orang`, `Dokumen` counts.
    if !unit.is_empty() {
        return match level_word(words, unit) {
            Some(w) => Reading::Level(w),
            None => Reading::Flow(unit.to_string()),
        };
    }
    let norm = crate::ingest::rules::normalize(text);
    let first = norm.split(' ').next().unwrap_or("");
    if ["jumlah", "banyaknya", "banyak"].contains(&first) {
        // `Jumlah …` counts, but offices write it over percentages too: without a unit, either
        // reading is accepted.
        return Reading::Unknown;
    }
    match level_word(words, text) {
        Some(w) => Reading::Level(w),
        None => Reading::Unknown,
    }
}

/// The word that makes an indicator a level, if it is read as one.
pub(crate) fn level_reason(ctx: &Context, row: &TableRow) -> Option<String> {
    match reading(ctx, row) {
        Reading::Level(w) => Some(w),
        _ => None,
    }
}

use super::realisation::{
    Shown, category, cell_subject, fmt_dec, fmt_pct, fmt_shown, ratio_pct, tolerance, within,
};
use super::{Finding, Related, Rule};
use crate::ingest::role::Role;
use rust_decimal::Decimal;

fn sum_text(parts: &[Shown]) -> String {
    parts.iter().map(fmt_shown).collect::<Vec<_>>().join(" + ")
}

/// Columns 12, 13 and 14 of one side against their inputs, row by row:
/// 12 = 8+9+10+11 (a level indicator's K: the last quarter filled), 13 = 6 + 12 (a level's K:
/// 12), 14 = 13/5 × 100. Money is compared exactly, percentages within the tolerance.
pub(crate) fn derived(ctx: &Context, rule: &'static Rule, side: Side) -> Vec<Finding> {
    let mut out = Vec::new();
    for t in tables(ctx) {
        let sheet = &t.table.sheet;
        for (ri, row) in t.table.rows.iter().enumerate() {
            let reading = if side == Side::K {
                reading(ctx, row)
            } else {
                Reading::Flow(String::new())
            };
            let level = match &reading {
                Reading::Level(w) => Some(w.clone()),
                _ => None,
            };
            let quarters: Vec<Shown> = QUARTERS
                .iter()
                .filter_map(|q| cell(ctx, t, row, *q, side).num())
                .collect();
            let c6 = cell(ctx, t, row, Role::E6K, side).num();
            let c12 = cell(ctx, t, row, Role::E12K, side).num();
            let c13 = cell(ctx, t, row, Role::E13K, side).num();
            let c5 = cell(ctx, t, row, Role::E5K, side).num();
            let c14 = cell(ctx, t, row, Role::E14K, side).num();
            let mut push = |group: Role,
                            n: u32,
                            found: &Shown,
                            expected: String,
                            why_id: String,
                            why_en: String,
                            rel: Vec<&Shown>| {
                let r = role(group, side);
                let sid = cell_subject(t, ri, r, Some(n), false);
                let sen = cell_subject(t, ri, r, Some(n), true);
                out.push(
                    Finding::new(
                        rule,
                        sheet,
                        found.pos,
                        format!(
                            "{sid} ({}) tertulis {}, seharusnya {expected} ({why_id})",
                            side.name(false),
                            fmt_shown(found)
                        ),
                        format!(
                            "{sen} ({}) says {}, should be {expected} ({why_en})",
                            side.name(true),
                            fmt_shown(found)
                        ),
                    )
                    .expected_found(expected.clone(), fmt_shown(found))
                    .related(rel.iter().map(|s| Related::new(sheet, s.pos))),
                );
            };
            let close = |a: &Shown, b: Decimal| {
                if side == Side::Rp {
                    a.value == b
                } else {
                    within(a.value, b, tolerance(ctx, a.decimals))
                }
            };
            // 12: the year's realisation.
            if let (Some(c12), false) = (c12, quarters.is_empty()) {
                let last = quarters.last().expect("quarters").value;
                let Some(sum) = quarters
                    .iter()
                    .try_fold(Decimal::ZERO, |a, q| a.checked_add(q.value))
                else {
                    continue;
                };
                let fits = match &reading {
                    Reading::Level(_) => close(&c12, last),
                    Reading::Flow(_) => close(&c12, sum),
                    Reading::Unknown => close(&c12, last) || close(&c12, sum),
                };
                if !fits {
                    let (expected, why_id, why_en) = match &reading {
                        Reading::Level(w) => (
                            last,
                            format!("indikator tingkat (`{w}`): triwulan terakhir yang terisi"),
                            format!("a level indicator (`{w}`): the last quarter filled"),
                        ),
                        _ => (
                            sum,
                            format!("kolom 8+9+10+11 = {}", sum_text(&quarters)),
                            format!("columns 8+9+10+11 = {}", sum_text(&quarters)),
                        ),
                    };
                    let d = c12.decimals.max(expected.normalize().scale().min(2));
                    push(
                        Role::E12K,
                        12,
                        &c12,
                        fmt_dec(expected, d),
                        why_id,
                        why_en,
                        quarters.iter().collect(),
                    );
                }
            }
            // 13: the Renstra realisation up to this year.
            if let (Some(c13), Some(c12)) = (c13, c12) {
                let flow = c6.and_then(|c6| c6.value.checked_add(c12.value).map(|v| (v, c6)));
                let fits = match (&reading, flow) {
                    (Reading::Level(_), _) => close(&c13, c12.value),
                    (Reading::Flow(_), Some((v, _))) => close(&c13, v),
                    (Reading::Unknown, Some((v, _))) => close(&c13, v) || close(&c13, c12.value),
                    (_, None) => true,
                };
                if !fits {
                    let (v, rel, wid, wen) = match (&level, flow) {
                        (None, Some((v, c6))) => (
                            v,
                            vec![c6, c12],
                            format!("kolom 6 + 12 = {} + {}", fmt_shown(&c6), fmt_shown(&c12)),
                            format!("columns 6 + 12 = {} + {}", fmt_shown(&c6), fmt_shown(&c12)),
                        ),
                        _ => (
                            c12.value,
                            vec![c12],
                            "kolom 12 (indikator tingkat)".to_string(),
                            "column 12 (a level indicator)".to_string(),
                        ),
                    };
                    let d = c13.decimals.max(v.normalize().scale().min(2));
                    push(
                        Role::E13K,
                        13,
                        &c13,
                        fmt_dec(v, d),
                        wid,
                        wen,
                        rel.iter().collect(),
                    );
                }
            }
            // 14: the Renstra achievement rate.
            if let (Some(c14), Some(c13), Some(c5)) = (c14, c13, c5)
                && let Some(v) = ratio_pct(c13.value, c5.value)
                && !within(c14.value, v, tolerance(ctx, c14.decimals))
            {
                push(
                    Role::E14K,
                    14,
                    &c14,
                    fmt_pct(v, c14.decimals),
                    format!(
                        "(kolom 13 ÷ kolom 5) × 100 = {} ÷ {} × 100",
                        fmt_shown(&c13),
                        fmt_shown(&c5)
                    ),
                    format!(
                        "(column 13 ÷ column 5) × 100 = {} ÷ {} × 100",
                        fmt_shown(&c13),
                        fmt_shown(&c5)
                    ),
                    vec![&c13, &c5],
                );
            }
        }
    }
    out
}

/// The year an E.81 evaluates: the year written in its column 7 or 12 header, else a year in
/// its title lines (`Periode Pelaksanaan 2026`), else the year a placeholder in those headers
/// stands for. A placeholder (`(Tahun n)`, `(n-1)`) comes last because forms mean different
/// things by it: BDG's n is the year evaluated, IND's n−1 is, and both state the period.
pub(crate) fn year(t: &TableModel) -> Option<i32> {
    let header = |written: bool| {
        [Role::E7K, Role::E12K, Role::E7Rp, Role::E12Rp]
            .into_iter()
            .find_map(|r| {
                t.table
                    .column(r)
                    .filter(|c| c.year_placeholder.is_none() == written)
                    .and_then(|c| c.year)
            })
    };
    header(true)
        .or_else(|| {
            t.table.title.iter().find_map(|l| {
                crate::ingest::rules::normalize(l)
                    .split(' ')
                    .filter_map(|w| w.parse::<i32>().ok())
                    .find(|y| (1990..=2100).contains(y))
            })
        })
        .or_else(|| header(false))
}

/// What the year-end summary (Ringkasan) shows of an office's E.81.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    /// The year evaluated, when the form names it.
    pub year: Option<i32>,
    /// The mean of column 14 K over the indicator rows (C008's reading).
    pub mean_capaian: Option<Decimal>,
    /// The band of that mean.
    pub predikat: Option<&'static str>,
    /// Column 7 Rp and column 12 Rp summed over the programs (or over every row when the form
    /// has no program rows).
    pub rp_target: Decimal,
    pub rp_realised: Decimal,
}

/// The mean of column 14 K over the rows that hold a number there, with those cells.
pub(crate) fn mean_capaian(
    ctx: &Context,
    t: &crate::model::plan::TableModel,
) -> Option<(Decimal, Vec<Shown>)> {
    let vals: Vec<Shown> = t
        .table
        .rows
        .iter()
        .filter_map(|r| cell(ctx, t, r, Role::E14K, Side::K).num())
        .collect();
    if vals.is_empty() {
        return None;
    }
    let sum = vals
        .iter()
        .try_fold(Decimal::ZERO, |a, s| a.checked_add(s.value))?;
    Some((sum / Decimal::from(vals.len() as u64), vals))
}

/// The summary of the first E.81 of a workbook, if it has one.
pub fn evaluation(ctx: &Context) -> Option<Evaluation> {
    let t = tables(ctx).next()?;
    let mean = mean_capaian(ctx, t).map(|(m, _)| m);
    let programs: Vec<&TableRow> = t
        .nodes
        .iter()
        .filter(|n| n.level == crate::ingest::code::Level::Program)
        .map(|n| t.row(n))
        .collect();
    let rows: Vec<&TableRow> = if programs.is_empty() {
        t.table.rows.iter().collect()
    } else {
        programs
    };
    let sum = |group: Role| -> Decimal {
        rows.iter()
            .filter_map(|r| cell(ctx, t, r, group, Side::Rp).num())
            .try_fold(Decimal::ZERO, |a, s| a.checked_add(s.value))
            .unwrap_or_default()
    };
    Some(Evaluation {
        year: year(t),
        mean_capaian: mean,
        predikat: mean.map(category),
        rp_target: sum(Role::E7K),
        rp_realised: sum(Role::E12K),
    })
}

#[cfg(test)]
pub mod testkit {
    //! A flat E.81 (one header row per column, K and Rp side by side) for the rule tests.

    /// Header: No, program/kegiatan, indicator, satuan, then K/Rp for 5, 6, 7, 8–11, 12, 13, 14.
    pub const E81: &[&str] = &[
        "No",
        "Program/Kegiatan",
        "Indikator Kinerja",
        "Satuan",
        "Target Renstra K",
        "Target Renstra Rp",
        "Realisasi Capaian Kinerja Renstra s/d Tahun Lalu K",
        "Realisasi Capaian Kinerja Renstra s/d Tahun Lalu Rp",
        "Target Kinerja dan Anggaran Renja K",
        "Target Kinerja dan Anggaran Renja Rp",
        "Realisasi Kinerja Triwulan I K",
        "Realisasi Kinerja Triwulan I Rp",
        "Realisasi Kinerja Triwulan II K",
        "Realisasi Kinerja Triwulan II Rp",
        "Realisasi Kinerja Triwulan III K",
        "Realisasi Kinerja Triwulan III Rp",
        "Realisasi Kinerja Triwulan IV K",
        "Realisasi Kinerja Triwulan IV Rp",
        "Realisasi Capaian Kinerja dan Anggaran Renja yang Dievaluasi K",
        "Realisasi Capaian Kinerja dan Anggaran Renja yang Dievaluasi Rp",
        "Realisasi Kinerja dan Anggaran Renstra s/d Tahun Ini K",
        "Realisasi Kinerja dan Anggaran Renstra s/d Tahun Ini Rp",
        "Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra (%) K",
        "Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra (%) Rp",
    ];

    /// A consistent row of a flow indicator (documents): quarters 2+3+3+2 = 10 of a target of
    /// 10; Rp 10+25+30+20 = 85 million of 90; Renstra: 30 + 10 = 40 of 50 (80%), Rp 300 + 85 =
    /// 385 million of 500 (77%).
    pub fn row() -> [&'static str; 24] {
        [
            "1",
            "Penyusunan Dokumen Perencanaan",
            "Jumlah Dokumen Perencanaan",
            "Dokumen",
            "50",
            "500.000.000",
            "30",
            "300.000.000",
            "10",
            "90.000.000",
            "2",
            "10.000.000",
            "3",
            "25.000.000",
            "3",
            "30.000.000",
            "2",
            "20.000.000",
            "10",
            "85.000.000",
            "40",
            "385.000.000",
            "80,00",
            "77,00",
        ]
    }
}
