//! F001 `realisation-above-target`: Realisation far above target.

use super::realisation::{Shown, cell_subject, column_name, fmt_shown, row_label, shown, slot};
use super::{Context, Finding, Related, Rule, Severity};
use crate::ingest::kind::TableKind;
use crate::ingest::number::format_id;
use crate::ingest::role::Role;
use crate::model::plan::TableModel;
use rust_decimal::{Decimal, RoundingStrategy};

pub static RULE: Rule = Rule {
    code: "F001",
    name: "realisation-above-target",
    family: 'F',
    severity: Severity::Warning,
    summary_id: "Realisasi jauh di atas target",
    summary_en: "Realisation far above target",
    explain_id: "\
Apa yang diperiksa
  Realisasi yang melebihi target tahun yang sama lebih dari `tolerance.realisation_over_target`
  kali (rules.toml, bawaan 1,5 kali):
  - T-C.29: kolom 7 (realisasi Renja tahun lalu) dibandingkan dengan kolom 6 (target Renja
    tahun lalu);
  - T-C.30: setiap kolom realisasi dibandingkan dengan kolom target Renstra yang tahunnya sama
    (tahun dibaca dari judul kolom). Kolom proyeksi berada pada kelompok kolom yang sama dan
    ikut diperiksa; pesannya menyebut bahwa itu proyeksi.
  Target yang kosong, nol atau negatif tidak dibandingkan; bila satu tahun punya dua kolom
  target, tahun itu dilewati. Sel berformat persen dibaca sebagai persen. Ini peringatan, bukan
  galat: realisasi bisa memang jauh di atas target.

Mengapa ini masalah
  Realisasi yang berlipat dari targetnya biasanya tanda salah ketik (satuan berbeda, angka
  kumulatif di kolom tahunan, salah kolom) atau target yang ditetapkan terlalu rendah. Keduanya
  perlu dijelaskan sebelum dokumen diverifikasi.

Contoh
  Target Renja 2024 = 12 laporan, realisasi 2024 = 120: sepuluh kali target.

Sebaiknya
  Periksa apakah realisasi ditulis dalam satuan dan periode yang sama dengan targetnya; bila
  benar, jelaskan capaiannya pada catatan atau sesuaikan target tahun berikutnya.",
    explain_en: "\
What it does
  Flags a realisation above `tolerance.realisation_over_target` times the target of the same
  year (rules.toml, 1.5 by default):
  - T-C.29: column 7 (last year's Renja realisation) against column 6 (last year's Renja
    target);
  - T-C.30: every realisation column against the Renstra target column of the same year (the
    year is read from the column header). Projection columns sit in the same group of columns
    and are checked too; the message says it is a projection.
  Blank, zero or negative targets are not compared; a year with two target columns is
  skipped. Percent-formatted cells are read as percentages. This is a warning, not an error:
  a realisation may really be far above its target.

Why is this bad
  A realisation several times its target is usually a typing slip (another unit, a
  cumulative figure in a yearly column, the wrong column) or a target set too low. Either
  needs an explanation before the document is verified.

Example
  Renja target 2024 = 12 reports, realisation 2024 = 120: ten times the target.

Use instead
  Check that the realisation is in the same unit and period as its target; if it is right,
  explain the achievement in the notes or raise next year's target.",
    run,
};

fn factor_text(f: Decimal) -> String {
    format_id(&f.normalize())
}

fn limit_text(limit: Decimal, v: &Shown) -> String {
    let d = v.decimals.max(2);
    let r = limit.round_dp_with_strategy(d, RoundingStrategy::MidpointAwayFromZero);
    format_id(&r.normalize())
}

/// When `real` is above `factor` times a positive `target`: the limit, and how many times the
/// target it is (two decimals at most).
fn above_limit(target: &Shown, real: &Shown, factor: Decimal) -> Option<(Decimal, String)> {
    if target.value <= Decimal::ZERO {
        return None;
    }
    let limit = target.value.checked_mul(factor)?;
    if real.value <= limit {
        return None;
    }
    let times = format_id(
        &real
            .value
            .checked_div(target.value)
            .unwrap_or_default()
            .round_dp(2)
            .normalize(),
    );
    Some((limit, times))
}

fn run(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    let factor = ctx.config.tolerance.realisation_over_target;
    for (_, t) in ctx.plan.tables_of(TableKind::TC29) {
        let sheet = &t.table.sheet;
        for (ri, row) in t.table.rows.iter().enumerate() {
            let (Some(k6), Some(k7)) = (
                slot(ctx, t, row, Role::K6).num(),
                slot(ctx, t, row, Role::K7).num(),
            ) else {
                continue;
            };
            let Some((limit, times)) = above_limit(&k6, &k7, factor) else {
                continue;
            };
            out.push(
                Finding::new(
                    &RULE,
                    sheet,
                    k7.pos,
                    format!(
                        "{} = {} adalah {} kali {} = {} (batas {} kali); periksa satuan dan periodenya",
                        cell_subject(t, ri, Role::K7, Some(7), false),
                        fmt_shown(&k7),
                        times,
                        column_name(t, Role::K6, Some(6), false),
                        fmt_shown(&k6),
                        factor_text(factor)
                    ),
                    format!(
                        "{} = {} is {} times {} = {} (limit {} times); check its unit and period",
                        cell_subject(t, ri, Role::K7, Some(7), true),
                        fmt_shown(&k7),
                        times,
                        column_name(t, Role::K6, Some(6), true),
                        fmt_shown(&k6),
                        factor_text(factor)
                    ),
                )
                .related([Related::new(sheet, k6.pos)])
                .expected_found(format!("≤ {}", limit_text(limit, &k7)), fmt_shown(&k7)),
            );
        }
    }
    for (_, t) in ctx.plan.tables_of(TableKind::TC30) {
        tc30(ctx, t, factor, &mut out);
    }
    out
}

fn tc30(ctx: &Context, t: &TableModel, factor: Decimal, out: &mut Vec<Finding>) {
    let sheet = &t.table.sheet;
    let is_projection = |col: u32| {
        t.table
            .columns
            .iter()
            .find(|c| c.col == col)
            .is_some_and(|c| c.header.to_lowercase().contains("proyeksi"))
    };
    for (ri, row) in t.table.rows.iter().enumerate() {
        for r in row.fields_of(Role::Realisasi) {
            let Some(year) = r.year() else { continue };
            let targets: Vec<_> = row
                .fields_of(Role::Target)
                .filter(|f| f.year() == Some(year))
                .collect();
            let [target] = targets.as_slice() else {
                continue; // no target for the year, or two: nothing sure to compare
            };
            let (Some(tv), Some(rv)) = (shown(ctx, sheet, target), shown(ctx, sheet, r)) else {
                continue;
            };
            let Some((limit, times)) = above_limit(&tv, &rv, factor) else {
                continue;
            };
            let proj = is_projection(r.pos.col);
            let (what_id, what_en) = if proj {
                ("proyeksi", "projection")
            } else {
                ("realisasi", "realisation")
            };
            out.push(
                Finding::new(
                    &RULE,
                    sheet,
                    r.pos,
                    format!(
                        "{}: {} {what_id} {year} = {} adalah {} kali target {year} = {} (batas {} kali); periksa satuan dan periodenya",
                        t.table.kind,
                        row_label(t, ri, false),
                        fmt_shown(&rv),
                        times,
                        fmt_shown(&tv),
                        factor_text(factor)
                    ),
                    format!(
                        "{}: {} {what_en} {year} = {} is {} times the {year} target = {} (limit {} times); check its unit and period",
                        t.table.kind,
                        row_label(t, ri, true),
                        fmt_shown(&rv),
                        times,
                        fmt_shown(&tv),
                        factor_text(factor)
                    ),
                )
                .related([Related::new(sheet, tv.pos)])
                .expected_found(format!("≤ {}", limit_text(limit, &rv)), fmt_shown(&rv)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::util::testkit::{TC29, TC30, run, sheet};

    fn tc29(k7: &'static str) -> Vec<[&'static str; 11]> {
        vec![
            [
                "1.06.01.2.02",
                "Administrasi Keuangan",
                "Tersedianya Laporan Keuangan",
                "120",
                "72",
                "12",
                k7,
                "100,00",
                "12",
                "96",
                "80,00",
            ],
            // Target zero: not compared.
            [
                "1.06.01.2.03",
                "Administrasi Barang",
                "Jumlah dokumen",
                "18",
                "8",
                "0",
                "4",
                "",
                "4",
                "16",
                "88,89",
            ],
        ]
    }

    #[test]
    fn fires_on_tc29_realisation_far_above_target() {
        let f = run(&RULE, vec![sheet("T-C.29", &[], TC29, &tc29("120"))]);
        assert_eq!(f.len(), 1, "{f:?}");
        let x = &f[0];
        assert_eq!(x.cell, "G2");
        assert_eq!(x.expected.as_deref(), Some("≤ 18"));
        assert_eq!(x.found.as_deref(), Some("120"));
        assert_eq!(x.related[0].cell, "F2");
        assert!(x.message_en.contains("10 times"), "{}", x.message_en);
    }

    #[test]
    fn silent_on_tc29_realisation_up_to_the_limit() {
        // 18 = 1,5 × 12: at the limit, not above it.
        let f = run(&RULE, vec![sheet("T-C.29", &[], TC29, &tc29("18"))]);
        assert!(f.is_empty(), "{f:?}");
    }

    fn tc30(real_2024: &'static str, proj_2025: &'static str) -> Vec<[&'static str; 9]> {
        vec![[
            "1",
            "Predikat Akuntabilitas Kinerja",
            "Nilai SAKIP",
            "81,00",
            "82,00",
            "84,00",
            real_2024,
            proj_2025,
            "82,50",
        ]]
    }

    #[test]
    fn fires_on_tc30_by_year_and_names_projections() {
        let f = run(
            &RULE,
            vec![sheet("T-C.30", &[], TC30, &tc30("67,49", "130,00"))],
        );
        assert_eq!(f.len(), 1, "{f:?}");
        let x = &f[0];
        assert_eq!(x.cell, "H2");
        assert_eq!(x.related[0].cell, "E2");
        assert_eq!(x.expected.as_deref(), Some("≤ 123"));
        assert_eq!(x.found.as_deref(), Some("130,00"));
        assert!(x.message_en.contains("projection 2025"), "{}", x.message_en);

        let f = run(
            &RULE,
            vec![sheet("T-C.30", &[], TC30, &tc30("121,51", "82,00"))],
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].cell, "G2");
        assert_eq!(f[0].related[0].cell, "D2");
        assert!(
            f[0].message_en.contains("realisation 2024"),
            "{}",
            f[0].message_en
        );
    }

    #[test]
    fn silent_on_tc30_within_the_factor() {
        // 121,50 = 1,5 × 81: at the limit, not above it.
        let f = run(
            &RULE,
            vec![sheet("T-C.30", &[], TC30, &tc30("121,50", "82,00"))],
        );
        assert!(f.is_empty(), "{f:?}");
    }
}
