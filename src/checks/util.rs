//! Small helpers shared by the rules: reading a node's values, comparing texts the way
//! planners mean them, formatting amounts, and (in tests) building fixture workbooks.

use crate::ingest::cell::Pos;
use crate::ingest::locate::{Field, Parsed};
use crate::ingest::number::format_id;
use crate::ingest::rules::normalize;
use crate::model::plan::{Node, TableModel};
use rust_decimal::Decimal;

/// The field of a node's own row for `role`.
pub fn field<'a>(t: &'a TableModel, n: &Node, role: &str) -> Option<&'a Field> {
    t.row(n).field(role)
}

/// The amount in `role` on a node's row (None when blank or not a number).
pub fn amount(t: &TableModel, n: &Node, role: &str) -> Option<Decimal> {
    field(t, n, role).and_then(|f| f.parsed.amount())
}

/// Target value and unit of a node for a target role, taking the unit from `unit_role` when the
/// table has a separate unit column, else from the target cell itself (`120 Orang/Bulan`).
pub fn target(
    t: &TableModel,
    n: &Node,
    target_role: &str,
    unit_role: &str,
) -> Option<(Decimal, Option<String>, Pos)> {
    let f = field(t, n, target_role)?;
    let (value, unit_in_cell) = match &f.parsed {
        Parsed::Target { value, unit } => (*value, unit.clone()),
        Parsed::Number { value, .. } => (*value, None),
        _ => return None,
    };
    let unit = field(t, n, unit_role)
        .and_then(|u| u.parsed.text().map(str::to_string))
        .or(unit_in_cell);
    Some((value, unit, f.pos))
}

/// Text of a role on a node's row, trimmed; None when blank.
pub fn text<'a>(t: &'a TableModel, n: &Node, role: &str) -> Option<&'a str> {
    field(t, n, role)
        .and_then(|f| f.parsed.text())
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// Texts equal after case, spacing and punctuation are folded.
pub fn same_text(a: &str, b: &str) -> bool {
    normalize(a) == normalize(b)
}

/// Units equal after folding; `%` and `Persen` are the same unit.
pub fn same_unit(a: &str, b: &str) -> bool {
    let f = |s: &str| {
        let n = normalize(s);
        if s.trim() == "%" || n == "persen" || n == "prosen" {
            "persen".to_string()
        } else {
            n.replace(' ', "")
        }
    };
    f(a) == f(b)
}

/// Words in `a` not in `b` and words in `b` not in `a` (normalised), for near-match messages.
pub fn word_diff(a: &str, b: &str) -> (Vec<String>, Vec<String>) {
    let wa: Vec<String> = normalize(a)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let wb: Vec<String> = normalize(b)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let only_a = wa.iter().filter(|w| !wb.contains(w)).cloned().collect();
    let only_b = wb.iter().filter(|w| !wa.contains(w)).cloned().collect();
    (only_a, only_b)
}

/// Indonesian display of an amount: `15.387.210.499`.
pub fn rp(d: &Decimal) -> String {
    format_id(d)
}

/// A target as text: `3 Dokumen`.
pub fn target_text(v: &Decimal, unit: Option<&str>) -> String {
    match unit {
        Some(u) => format!("{} {}", format_id(v), u),
        None => format_id(v),
    }
}

/// A short label for a node in messages: `sub kegiatan 1.06.01.2.01.0001 Penyusunan …`.
pub fn label(n: &Node, en: bool) -> String {
    let mut name: String = n.name.chars().take(60).collect();
    if n.name.chars().count() > 60 {
        name.push('…');
    }
    match &n.code {
        Some(c) => format!("{} {} {}", n.level.name(en), c, name),
        None => format!("{} {}", n.level.name(en), name),
    }
}

#[cfg(test)]
pub mod testkit {
    //! Fixture workbooks for rule tests: sheets as grids of strings (numbers written the
    //! Indonesian way, as staff type them into text cells).
    use crate::checks::config::CheckConfig;
    use crate::checks::{Context, Finding, Rule};
    use crate::ingest::cell::{Cell, Value};
    use crate::ingest::rules::TableRules;
    use crate::ingest::workbook::{Sheet, Workbook};
    use crate::ingest::{Ingested, ingest_workbook};
    use crate::model::plan::{Plan, build_plan};

    /// Header of a minimal T-C.33 (code joined).
    pub const TC33: &[&str] = &[
        "Kode",
        "Program/Kegiatan",
        "Indikator",
        "Lokasi",
        "Rencana Target",
        "Rencana Satuan",
        "Rencana Pagu",
        "Sumber Dana",
        "Catatan Penting",
        "Prakiraan Maju Target",
        "Prakiraan Maju Satuan",
        "Prakiraan Maju Pagu",
    ];
    /// Header of a minimal T-C.31.
    pub const TC31: &[&str] = &[
        "Program / Kegiatan",
        "Rancangan Lokasi",
        "Rancangan Indikator",
        "Rancangan Target",
        "Rancangan Satuan",
        "Rancangan Pagu",
        "Analisis Lokasi",
        "Analisis Indikator",
        "Analisis Target",
        "Analisis Satuan",
        "Analisis Pagu",
        "Catatan Penting",
    ];
    /// Header of a minimal T-C.29.
    pub const TC29: &[&str] = &[
        "Kode",
        "Program/Kegiatan",
        "Indikator Kinerja",
        "Target Renstra",
        "Realisasi Target Kinerja s/d 2023",
        "Target Renja 2024",
        "Realisasi Renja 2024",
        "Tingkat Realisasi (%)",
        "Target Renja Tahun Berjalan 2025",
        "Realisasi Capaian s/d Tahun Berjalan",
        "Tingkat Capaian Renstra (%)",
    ];
    /// Header of the 2.5 proposal table.
    pub const USULAN: &[&str] = &[
        "No",
        "Program/Kegiatan",
        "Keluaran",
        "Lokasi",
        "Volume",
        "Satuan",
        "Keterangan",
    ];
    /// Header of a minimal T-C.30.
    pub const TC30: &[&str] = &[
        "No",
        "Indikator",
        "IKK",
        "Target Renstra 2024",
        "Target Renstra 2025",
        "Target Renstra 2026",
        "Realisasi 2024",
        "Proyeksi 2025",
        "Proyeksi 2026",
    ];

    /// A sheet: optional title lines, then header, then rows (each row padded to the header).
    pub fn sheet<R: AsRef<[&'static str]>>(
        name: &str,
        titles: &[&str],
        header: &[&str],
        rows: &[R],
    ) -> Sheet {
        let mut cells = Vec::new();
        let mut r = 0u32;
        for t in titles {
            cells.push((
                r,
                0,
                Cell {
                    value: Value::Text(t.to_string()),
                    format: None,
                    formula: None,
                },
            ));
            r += 1;
        }
        for grid_row in std::iter::once(header).chain(rows.iter().map(|r| r.as_ref())) {
            for (c, v) in grid_row.iter().enumerate() {
                if !v.is_empty() {
                    cells.push((
                        r,
                        c as u32,
                        Cell {
                            value: Value::Text(v.to_string()),
                            format: None,
                            formula: None,
                        },
                    ));
                }
            }
            r += 1;
        }
        Sheet::from_cells(name, cells, vec![])
    }

    pub fn plan(sheets: Vec<Sheet>) -> (Ingested, Plan) {
        let rules = TableRules::default_rules();
        let ing = ingest_workbook(
            Workbook {
                path: "fixture.xlsx".into(),
                sheets,
            },
            &rules,
        );
        let plan = build_plan(&ing, &rules);
        (ing, plan)
    }

    /// Runs one rule on fixture sheets with the default config.
    pub fn run(rule: &Rule, sheets: Vec<Sheet>) -> Vec<Finding> {
        let (ing, plan) = plan(sheets);
        let config = CheckConfig::default_config();
        let ctx = Context {
            ingested: &ing,
            plan: &plan,
            config: &config,
        };
        (rule.run)(&ctx)
    }
}
