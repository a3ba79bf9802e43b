//! F004 `percent-above-100`: A percentage above 100.

use super::realisation::{Shown, Slot, cell_subject, fmt_shown, shown, slot};
use super::util::{same_unit, target_text};
use super::{Context, Finding, Related, Rule, Severity};
use crate::ingest::kind::TableKind;
use crate::ingest::number::format_id;
use crate::ingest::role::Role;
use crate::model::plan::TableModel;
use rust_decimal::Decimal;

pub static RULE: Rule = Rule {
    code: "F004",
    name: "percent-above-100",
    family: 'F',
    severity: Severity::Warning,
    summary_id: "Persentase di atas 100",
    summary_en: "A percentage above 100",
    explain_id: "\
Apa yang diperiksa
  Persentase yang lebih dari 100:
  - T-C.29 kolom 8 (tingkat realisasi) dan kolom 11 (tingkat capaian Renstra): nilai di atas
    100 berarti realisasi di atas target;
  - target yang satuannya Persen atau % (di kolom satuan, di sel target itu sendiri seperti
    `120 %`, atau sel berformat persen) pada T-C.33 (tahun rencana dan prakiraan maju), T-C.31
    (sisi rancangan awal dan sisi hasil analisis) dan tabel usulan program.
  Tepat 100 tidak dilaporkan. Sel kosong atau bukan angka dilewati. Baris indikator lanjutan
  diperiksa sendiri-sendiri. Ini peringatan kewajaran, bukan galat: capaian memang bisa
  melampaui target, tetapi target persentase di atas 100 hampir selalu salah satuan.

Mengapa ini masalah
  Capaian di atas 100% perlu penjelasan (target terlalu rendah, realisasi kumulatif ditulis di
  kolom tahunan, salah ketik). Target \"120 Persen\" biasanya sebuah jumlah (120 orang) yang
  diberi satuan keliru, sehingga tidak bisa dibandingkan dengan realisasinya nanti.

Contoh
  Kolom 11 tertulis 112,07: realisasi s/d tahun berjalan 1.745 dari target Renstra 1.557.
  T-C.33: target 2026 \"120\" dengan satuan \"Persen\".

Sebaiknya
  Untuk capaian: pastikan realisasi dan target benar lalu jelaskan capaian lebih itu pada
  catatan evaluasi. Untuk target: perbaiki satuannya (Orang, Dokumen…) atau angkanya.",
    explain_en: "\
What it does
  Flags a percentage above 100:
  - T-C.29 column 8 (realisation rate) and column 11 (Renstra achievement): a value above 100
    means the realisation is above its target;
  - targets whose unit is Persen or % (in the unit column, in the target cell itself like
    `120 %`, or a percent-formatted cell) in T-C.33 (plan year and forward year), T-C.31 (the
    draft side and the analysis side) and the proposal table.
  Exactly 100 is not reported. Blank or non-numeric cells are skipped. Continuation rows are
  checked on their own. This is a plausibility warning, not an error: an achievement can
  really exceed its target, but a percentage target above 100 is almost always a wrong unit.

Why is this bad
  An achievement above 100% needs an explanation (a target set too low, a cumulative
  realisation in a yearly column, a typing slip). A target \"120 Persen\" is usually a count
  (120 people) with the wrong unit, which cannot be compared with its realisation later.

Example
  Column 11 says 112,07: realisation to date 1,745 against a Renstra target of 1,557.
  T-C.33: target 2026 \"120\" with unit \"Persen\".

Use instead
  For an achievement: make sure realisation and target are right, then explain the
  over-achievement in the evaluation notes. For a target: correct its unit (Orang,
  Dokumen…) or its number.",
    run,
};

/// (target role, unit role) pairs per table kind.
const TARGETS: &[(TableKind, &[(Role, Role)])] = &[
    (
        TableKind::TC33,
        &[
            (Role::TargetN, Role::SatuanN),
            (Role::TargetN1, Role::SatuanN1),
        ],
    ),
    (
        TableKind::TC31,
        &[
            (Role::RTarget, Role::RSatuan),
            (Role::ATarget, Role::ASatuan),
        ],
    ),
    (TableKind::UsulanProgram, &[(Role::Volume, Role::Satuan)]),
];

fn run(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    let hundred = Decimal::ONE_HUNDRED;
    for (_, t) in ctx.plan.tables_of(TableKind::TC29) {
        let sheet = &t.table.sheet;
        for (ri, row) in t.table.rows.iter().enumerate() {
            for (role, number, num_role, num_n, den_role, den_n) in [
                (Role::K8, 8u32, Role::K7, 7u32, Role::K6, 6u32),
                (Role::K11, 11, Role::K10, 10, Role::K4, 4),
            ] {
                let Slot::Num(v) = slot(ctx, t, row, role) else {
                    continue;
                };
                if v.value <= hundred {
                    continue;
                }
                let num = slot(ctx, t, row, num_role).num();
                let den = slot(ctx, t, row, den_role).num();
                let (detail_id, detail_en) = match (num, den) {
                    (Some(a), Some(b)) => (
                        format!(
                            " (kolom {num_n} = {} melebihi kolom {den_n} = {})",
                            fmt_shown(&a),
                            fmt_shown(&b)
                        ),
                        format!(
                            " (column {num_n} = {} exceeds column {den_n} = {})",
                            fmt_shown(&a),
                            fmt_shown(&b)
                        ),
                    ),
                    _ => (String::new(), String::new()),
                };
                let related: Vec<Related> = [num, den]
                    .iter()
                    .flatten()
                    .map(|s| Related::new(sheet, s.pos))
                    .collect();
                out.push(
                    Finding::new(
                        &RULE,
                        sheet,
                        v.pos,
                        format!(
                            "{} = {} di atas 100: realisasi di atas target{}; periksa angkanya atau jelaskan pada catatan",
                            cell_subject(t, ri, role, Some(number), false),
                            fmt_shown(&v),
                            detail_id
                        ),
                        format!(
                            "{} = {} is above 100: realisation above target{}; check the figures or explain it in the notes",
                            cell_subject(t, ri, role, Some(number), true),
                            fmt_shown(&v),
                            detail_en
                        ),
                    )
                    .related(related)
                    .expected_found("≤ 100", fmt_shown(&v)),
                );
            }
        }
    }
    for &(kind, pairs) in TARGETS {
        for (_, t) in ctx.plan.tables_of(kind) {
            targets(ctx, t, pairs, &mut out);
        }
    }
    out
}

/// A target of a row in percent: its value and the cell of a separate unit, if any.
fn percent_target(
    ctx: &Context,
    t: &TableModel,
    row: &crate::ingest::locate::TableRow,
    target_role: Role,
    unit_role: Role,
) -> Option<(Shown, Option<(String, crate::ingest::cell::Pos)>)> {
    let f = row.field(target_role)?;
    let v = shown(ctx, &t.table.sheet, f)?;
    let unit = row
        .field(unit_role)
        .and_then(|u| u.parsed.text().map(|s| (s.trim().to_string(), u.pos)))
        .filter(|(s, _)| !s.is_empty());
    let percent = match &unit {
        Some((u, _)) => same_unit(u, "%"),
        None => v.percent,
    };
    percent.then_some((v, unit))
}

fn targets(ctx: &Context, t: &TableModel, pairs: &[(Role, Role)], out: &mut Vec<Finding>) {
    let sheet = &t.table.sheet;
    for (ri, row) in t.table.rows.iter().enumerate() {
        for &(target_role, unit_role) in pairs {
            let Some((v, unit)) = percent_target(ctx, t, row, target_role, unit_role) else {
                continue;
            };
            if v.value <= Decimal::ONE_HUNDRED {
                continue;
            }
            let shown_unit = unit
                .as_ref()
                .map(|(u, _)| u.clone())
                .or_else(|| {
                    row.field(target_role).and_then(|f| match &f.parsed {
                        crate::ingest::locate::Parsed::Target { unit, .. } => {
                            unit.as_deref().cloned()
                        }
                        _ => None,
                    })
                })
                .unwrap_or_else(|| "%".to_string());
            let found = target_text(&v.value, Some(&shown_unit));
            let year = row
                .field(target_role)
                .and_then(|f| f.year())
                .map(|y| format!(" {y}"))
                .unwrap_or_default();
            out.push(
                Finding::new(
                    &RULE,
                    sheet,
                    v.pos,
                    format!(
                        "{}{} = {}: target persentase di atas 100; periksa satuannya (mungkin sebuah jumlah) atau angkanya",
                        cell_subject(t, ri, target_role, None, false),
                        year,
                        found
                    ),
                    format!(
                        "{}{} = {}: a percentage target above 100; check its unit (perhaps a count) or its number",
                        cell_subject(t, ri, target_role, None, true),
                        year,
                        found
                    ),
                )
                .related(unit.iter().map(|(_, p)| Related::new(sheet, *p)))
                .expected_found(format!("≤ {} %", format_id(&Decimal::ONE_HUNDRED)), found),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::util::testkit::{TC29, TC31, TC33, USULAN, run, sheet};

    fn tc29(k8: &'static str, k11: &'static str) -> Vec<[&'static str; 11]> {
        vec![
            [
                "1.06.04.2.02",
                "Rehabilitasi Sosial PMKS Lainnya",
                "Terpenuhinya pelayanan",
                "1557",
                "645",
                "595",
                "405",
                "68,07",
                "695",
                "1745",
                k11,
            ],
            [
                "1.06.02",
                "PROGRAM PEMBERDAYAAN SOSIAL",
                "Presentase PSKS",
                "94",
                "93,3",
                "88",
                "90",
                k8,
                "90",
                "90",
                "95,74",
            ],
        ]
    }

    #[test]
    fn fires_on_tc29_rates_above_100() {
        let f = run(
            &RULE,
            vec![sheet("T-C.29", &[], TC29, &tc29("102,27", "112,07"))],
        );
        let mut cells: Vec<String> = f.iter().map(|x| x.cell.a1()).collect();
        cells.sort();
        assert_eq!(cells, ["H3", "K2"], "{f:?}");
        let k11 = f.iter().find(|x| x.cell == "K2").unwrap();
        assert_eq!(k11.found.as_deref(), Some("112,07"));
        assert_eq!(k11.expected.as_deref(), Some("≤ 100"));
        assert!(k11.message_en.contains("realisation above target"));
        let rel: Vec<String> = k11.related.iter().map(|r| r.cell.a1()).collect();
        assert_eq!(rel, ["J2", "D2"]);
        let k8 = f.iter().find(|x| x.cell == "H3").unwrap();
        assert_eq!(k8.found.as_deref(), Some("102,27"));
    }

    #[test]
    fn silent_at_or_below_100() {
        let f = run(
            &RULE,
            vec![sheet("T-C.29", &[], TC29, &tc29("100,00", "100"))],
        );
        assert!(f.is_empty(), "{f:?}");
    }

    fn tc33(target: &'static str, unit: &'static str) -> Vec<[&'static str; 12]> {
        vec![[
            "1.06.05",
            "PROGRAM PERLINDUNGAN",
            "Persentase Penerima Manfaat",
            "",
            target,
            unit,
            "3.904.000.000",
            "",
            "",
            "120 %",
            "",
            "4.629.000.000",
        ]]
    }

    #[test]
    fn fires_on_percent_targets_above_100_in_either_year() {
        let f = run(
            &RULE,
            vec![sheet("T-C.33", &[], TC33, &tc33("120", "Persen"))],
        );
        let mut cells: Vec<String> = f.iter().map(|x| x.cell.a1()).collect();
        cells.sort();
        assert_eq!(cells, ["E2", "J2"], "{f:?}");
        let n = f.iter().find(|x| x.cell == "E2").unwrap();
        assert_eq!(n.found.as_deref(), Some("120 Persen"));
        assert_eq!(n.related[0].cell, "F2");
        let n1 = f.iter().find(|x| x.cell == "J2").unwrap();
        assert_eq!(n1.found.as_deref(), Some("120 %"));
    }

    #[test]
    fn silent_on_counts_and_percent_targets_up_to_100() {
        let mut r = tc33("120", "Orang");
        r[0][9] = "100 %";
        let f = run(&RULE, vec![sheet("T-C.33", &[], TC33, &r)]);
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn fires_on_both_sides_of_tc31_and_on_proposals() {
        let r = vec![[
            "Penerima Manfaat",
            "Tenggarong",
            "Persentase penerima",
            "150",
            "%",
            "100.000.000",
            "Tenggarong",
            "Persentase penerima",
            "90",
            "Persen",
            "100.000.000",
            "",
        ]];
        let f = run(&RULE, vec![sheet("T-C.31", &[], TC31, &r)]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].cell, "D2");
        let u = vec![[
            "1",
            "Penyediaan Makanan",
            "Persentase lansia terlayani",
            "Tenggarong",
            "110",
            "Persen",
            "",
        ]];
        let f = run(&RULE, vec![sheet("Usulan", &[], USULAN, &u)]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].cell, "E2");
        assert_eq!(f[0].found.as_deref(), Some("110 Persen"));
    }
}
