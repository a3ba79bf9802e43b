//! Small helpers shared by the rules: reading a node's values, comparing texts the way
//! planners mean them (and finding the closest official name), formatting amounts, and (in
//! tests) building fixture workbooks.

use super::{Context, Related};
use crate::ingest::cell::{Pos, Value};
use crate::ingest::code::Level;
use crate::ingest::locate::{ColumnMap, Field, Parsed, TableRow};
use crate::ingest::number::format_id;
use crate::ingest::role::Role;
use crate::ingest::rules::{ColumnType, holds_word, normalize};
use crate::ingest::workbook::Sheet;
use crate::model::plan::{Node, Plan, TableModel, name_words, words_similarity};
use crate::model::totals::{AmountOf, sum_top_level};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// The field of a node's own row for `role`.
pub fn field<'a>(t: &'a TableModel, n: &Node, role: Role) -> Option<&'a Field> {
    t.row(n).field(role)
}

/// The amount in `role` on a node's row (None when blank or not a number).
pub fn amount(t: &TableModel, n: &Node, role: Role) -> Option<Decimal> {
    field(t, n, role).and_then(|f| f.parsed.amount())
}

/// Target value and unit of a node for a target role, taking the unit from `unit_role` when the
/// table has a separate unit column, else from the target cell itself (`120 Orang/Bulan`).
pub fn target(
    t: &TableModel,
    n: &Node,
    target_role: Role,
    unit_role: Role,
) -> Option<(Decimal, Option<String>, Pos)> {
    let f = field(t, n, target_role)?;
    let (value, unit_in_cell) = match &f.parsed {
        Parsed::Target { value, unit } => (*value, unit.as_deref().cloned()),
        Parsed::Number { value, .. } => (*value, None),
        _ => return None,
    };
    let unit = field(t, n, unit_role)
        .and_then(|u| u.parsed.text().map(str::to_string))
        .or(unit_in_cell);
    Some((value, unit, f.pos))
}

/// Text of a role on a node's row, trimmed; None when blank.
pub fn text<'a>(t: &'a TableModel, n: &Node, role: Role) -> Option<&'a str> {
    field(t, n, role)
        .and_then(|f| f.parsed.text())
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// Texts equal after case, spacing and punctuation are folded.
pub fn same_text(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        // The normalised text is the alphanumeric runs, lower case, one space apart.
        fn words(s: &str) -> impl Iterator<Item = &str> {
            s.split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|w| !w.is_empty())
        }
        let (mut wa, mut wb) = (words(a), words(b));
        loop {
            match (wa.next(), wb.next()) {
                (None, None) => return true,
                (Some(x), Some(y)) if x.eq_ignore_ascii_case(y) => {}
                _ => return false,
            }
        }
    }
    normalize(a) == normalize(b)
}

/// Units equal after folding (normalised, without spaces); `%`, `Persen` and `Prosen` are the
/// same unit.
pub fn same_unit(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        // Folded: the alphanumerics, lower case; `persen` for `%` and for a text whose only
        // word is `persen` or `prosen`.
        let persen = |s: &str| {
            let word = s.trim_matches(|c: char| !c.is_ascii_alphanumeric());
            s.trim() == "%"
                || word.eq_ignore_ascii_case("persen")
                || word.eq_ignore_ascii_case("prosen")
        };
        fn folded(s: &str) -> impl Iterator<Item = u8> + '_ {
            s.bytes()
                .filter(u8::is_ascii_alphanumeric)
                .map(|c| c.to_ascii_lowercase())
        }
        return match (persen(a), persen(b)) {
            (true, true) => true,
            (true, false) => folded(b).eq("persen".bytes()),
            (false, true) => folded(a).eq("persen".bytes()),
            (false, false) => folded(a).eq(folded(b)),
        };
    }
    unit_folded(a) == unit_folded(b)
}

/// A unit as [`same_unit`] compares it, built as a text.
fn unit_folded(s: &str) -> String {
    let n = normalize(s);
    if s.trim() == "%" || n == "persen" || n == "prosen" {
        "persen".to_string()
    } else {
        n.replace(' ', "")
    }
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

/// The word of `words` (rules.toml `words.level_indicator`) found in `text` — whole words; a
/// word without letters, like `%`, as written: the indicator or unit is a level (a percentage,
/// an index, a score), not a count.
pub fn level_word(words: &[String], text: &str) -> Option<String> {
    let norm = normalize(text);
    words.iter().find_map(|w| {
        let nw = normalize(w);
        let hit = if nw.is_empty() {
            !w.trim().is_empty() && text.contains(w.trim())
        } else {
            holds_word(&norm, &nw, true)
        };
        hit.then(|| w.clone())
    })
}

/// The (target, unit) role pairs of plan tables: this year and the forward year of T-C.33, the
/// draft and analysis sides of T-C.31, the volume of the proposal table.
pub const TARGET_PAIRS: [(Role, Role); 5] = [
    (Role::TargetN, Role::SatuanN),
    (Role::TargetN1, Role::SatuanN1),
    (Role::RTarget, Role::RSatuan),
    (Role::ATarget, Role::ASatuan),
    (Role::Volume, Role::Satuan),
];

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

/// The rows of a node: its own row, then its continuation rows.
pub fn node_rows<'a>(t: &'a TableModel, n: &'a Node) -> impl Iterator<Item = &'a TableRow> + 'a {
    std::iter::once(n.row_idx)
        .chain(n.extra_rows.iter().copied())
        .filter_map(|i| t.table.rows.get(i))
}

/// The node table row `ri` belongs to: the node of that row or of which it is a continuation.
pub fn node_at_row(t: &TableModel, ri: usize) -> Option<&Node> {
    t.nodes
        .iter()
        .find(|n| n.row_idx == ri || n.extra_rows.contains(&ri))
}

/// The field of a node's row in a given column (by column, so that several columns of one role
/// each keep their own values).
pub fn column_field<'a>(t: &'a TableModel, n: &Node, col: &ColumnMap) -> Option<&'a Field> {
    t.row(n)
        .fields
        .iter()
        .find(|f| f.pos.col == col.col && f.role == col.role)
}

/// [`sum_top_level`] of one column over `nodes` (program, else kegiatan, else sub kegiatan),
/// its cells as related cells: (level summed, sum, cells summed). None when no program,
/// kegiatan or sub kegiatan among `nodes` has an amount in that column, or when the sum
/// overflows.
pub fn top_level_sum(
    t: &TableModel,
    nodes: &[usize],
    col: &ColumnMap,
) -> Option<(Level, Decimal, Vec<Related>)> {
    let s = sum_top_level(t, nodes.iter().copied(), AmountOf::Column(col)).ok()??;
    let cells = s
        .cells
        .iter()
        .map(|p| Related::new(&t.table.sheet, *p))
        .collect();
    Some((s.level, s.sum, cells))
}

/// A level in the plural for messages (`program`, `activities (kegiatan)`, `sub-activities`).
pub fn level_plural(l: Level, en: bool) -> &'static str {
    match (l, en) {
        (Level::Program, _) => "program",
        (Level::Kegiatan, false) => "kegiatan",
        (Level::Kegiatan, true) => "activities (kegiatan)",
        (Level::SubKegiatan, false) => "sub kegiatan",
        (Level::SubKegiatan, true) => "sub-activities",
        (l, en) => l.name(en),
    }
}

/// A text cell of a row: its trimmed text (None when blank) and position. None when the column
/// is missing or the cell is not text.
pub fn text_cell(row: &TableRow, role: Role) -> Option<(Option<&str>, Pos)> {
    let f = row.field(role)?;
    let t = match &f.parsed {
        Parsed::Text(s) => Some(s.trim()).filter(|s| !s.is_empty()),
        Parsed::Blank => None,
        _ => return None,
    };
    Some((t, f.pos))
}

/// An amount cell of a node's row: Some(None) when blank, None when missing or unreadable.
pub fn amount_cell(t: &TableModel, n: &Node, role: Role) -> Option<(Option<Decimal>, Pos)> {
    let f = t.row(n).field(role)?;
    match &f.parsed {
        Parsed::Blank => Some((None, f.pos)),
        Parsed::Amount(d) => Some((Some(*d), f.pos)),
        _ => None,
    }
}

/// The first year named in the headers of `roles` of a table.
pub fn header_year(t: &TableModel, roles: &[Role]) -> Option<i32> {
    roles
        .iter()
        .find_map(|&r| t.table.column(r).and_then(|c| c.year))
}

/// A year for messages, Indonesian and English: (` tahun 2026`, ` for 2026`); empty for None.
pub fn year_phrase(year: Option<i32>) -> (String, String) {
    (
        year.map(|y| format!(" tahun {y}")).unwrap_or_default(),
        year.map(|y| format!(" for {y}")).unwrap_or_default(),
    )
}

/// The plan year or the forward year of a table for messages (`tahun 2026`, `year 2027
/// (forward year)`): the first year named in the headers of `n_roles` (or of `n1_roles` for
/// the forward year, else the plan year plus one).
pub fn year_label(
    t: &TableModel,
    n_roles: &[Role],
    n1_roles: &[Role],
    forward: bool,
    en: bool,
) -> String {
    if !forward {
        match header_year(t, n_roles) {
            Some(y) if en => format!("year {y}"),
            Some(y) => format!("tahun {y}"),
            None if en => "plan year (n)".into(),
            None => "tahun rencana (n)".into(),
        }
    } else {
        let y = header_year(t, n1_roles).or_else(|| header_year(t, n_roles).map(|y| y + 1));
        match y {
            Some(y) if en => format!("year {y} (forward year)"),
            Some(y) => format!("tahun {y} (prakiraan maju)"),
            None if en => "forward year (n+1)".into(),
            None => "prakiraan maju (n+1)".into(),
        }
    }
}

/// The T-C.33 budget role for `year`: `pagu_n`, or `pagu_n1` when that column is the one named
/// with the year. None when T-C.33 has no column for that year.
pub fn tc33_pagu_role(t33: &TableModel, year: Option<i32>) -> Option<Role> {
    let y_n = t33.table.column(Role::PaguN).map(|c| c.year);
    let y_n1 = t33.table.column(Role::PaguN1).map(|c| c.year);
    match year {
        None => y_n.map(|_| Role::PaguN),
        Some(y) if y_n == Some(Some(y)) => Some(Role::PaguN),
        Some(y) if y_n1 == Some(Some(y)) => Some(Role::PaguN1),
        // T-C.33 names no year for its plan columns: take them as the year under review.
        Some(_) if y_n == Some(None) => Some(Role::PaguN),
        Some(_) => None,
    }
}

/// A plan table continued over several sheets (T-C.33 one sheet per program): the tables of the
/// same kind with the same columns (roles at the same places, header texts alike) on other
/// sheets. Returns the group of `idx` in plan order; just `[idx]` when it stands alone.
pub fn continuation_group(plan: &Plan, idx: usize) -> Vec<usize> {
    let sig = |t: &TableModel| -> Vec<(Role, u32, String)> {
        t.table
            .columns
            .iter()
            .map(|c| (c.role, c.col, normalize(&c.header)))
            .collect()
    };
    let me = &plan.tables[idx];
    if me.nodes.is_empty() {
        return vec![idx];
    }
    let mine = sig(me);
    let group: Vec<usize> = plan
        .tables
        .iter()
        .enumerate()
        .filter(|(_, t)| t.table.kind == me.table.kind && sig(t) == mine)
        .map(|(i, _)| i)
        .collect();
    let mut sheets: Vec<&str> = group
        .iter()
        .map(|i| plan.tables[*i].table.sheet.as_str())
        .collect();
    sheets.sort_unstable();
    sheets.dedup();
    if sheets.len() == group.len() && group.len() > 1 {
        group
    } else {
        vec![idx]
    }
}

// Text outside the tables (G001, G002) -------------------------------------------------------

/// True when `pos` of `sheet` lies inside a located table.
pub fn inside_table(plan: &Plan, sheet: &str, pos: Pos) -> bool {
    plan.tables.iter().any(|t| {
        let lt = &t.table;
        lt.sheet == sheet
            && pos.row >= lt.header_start
            && pos.row <= lt.last_row.max(lt.header_end)
            && pos.col >= lt.first_col
            && pos.col <= lt.last_col
    })
}

/// Every text cell of the workbook outside the located tables, in sheet, row, column order.
pub fn texts_outside_tables<'a>(
    ctx: &'a Context,
) -> impl Iterator<Item = (&'a Sheet, Pos, &'a str)> + 'a {
    ctx.ingested.workbook.sheets.iter().flat_map(move |sheet| {
        sheet.rows.iter().flat_map(move |(row, cells)| {
            cells.iter().filter_map(move |(col, cell)| {
                let Value::Text(text) = &cell.value else {
                    return None;
                };
                let pos = Pos::new(*row, *col);
                (!inside_table(ctx.plan, &sheet.name, pos)).then_some((sheet, pos, &**text))
            })
        })
    })
}

/// The workbook's plan year: the most common year of the this-year budget / target columns.
pub fn plan_year(plan: &Plan) -> Option<i32> {
    let mut count: BTreeMap<i32, usize> = BTreeMap::new();
    for t in &plan.tables {
        for c in &t.table.columns {
            if matches!(c.ty, ColumnType::Amount | ColumnType::Target)
                && !c.role.is_forward_year()
                && let Some(y) = c.year
            {
                *count.entry(y).or_default() += 1;
            }
        }
    }
    count
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(y, _)| y)
}

/// A column's year: from its header, else the base year (plus one for a forward-year role).
/// The base is the plan year, or the statement's, or 0 when nothing names a year (then 0 is
/// "this year" and 1 "the forward year").
pub fn column_year(c: &ColumnMap, base: i32) -> i32 {
    c.year.unwrap_or(if c.role.is_forward_year() {
        base + 1
    } else {
        base
    })
}

/// A statement's year for messages: (` tahun 2026`, ` for 2026`); empty when no real year is
/// known (below 1990: the "this year" placeholder of [`column_year`]).
pub fn stated_year_phrase(year: i32) -> (String, String) {
    if year >= 1990 {
        (format!(" tahun {year}"), format!(" for {year}"))
    } else {
        (String::new(), String::new())
    }
}

/// The official entry whose name is closest to `name` (shared words over all words); ties go
/// to the first code in order. None when no official name shares a word with `name`.
pub fn closest<'a>(
    nomenclature: &'a BTreeMap<String, String>,
    name: &str,
) -> Option<(&'a str, &'a str)> {
    let entries: Vec<(&str, &str, Vec<String>)> = nomenclature
        .iter()
        .map(|(c, n)| (c.as_str(), n.as_str(), name_words(n)))
        .collect();
    closest_in(
        entries.iter().map(|(c, n, w)| (*c, *n, w.as_slice())),
        &name_words(name),
    )
    .map(|(_, c, n)| (c, n))
}

/// [`closest`] over entries whose names are already split into words (code, name, words), for
/// callers that compare many names with one list; returns the similarity too.
pub fn closest_in<'a, 'w>(
    entries: impl Iterator<Item = (&'a str, &'a str, &'w [String])>,
    words: &[String],
) -> Option<(f64, &'a str, &'a str)> {
    let mut best: Option<(f64, &'a str, &'a str)> = None;
    for (code, official, w) in entries {
        let s = words_similarity(words, w);
        if s > 0.0 && best.is_none_or(|(b, _, _)| s > b) {
            best = Some((s, code, official));
        }
    }
    best
}

#[cfg(test)]
pub mod testkit {
    //! Fixture workbooks for rule tests: sheets as grids of strings (numbers written the
    //! Indonesian way, as staff type them into text cells).
    use crate::checks::config::CheckConfig;
    use crate::checks::{Context, Finding, Rule};
    use crate::ingest::cell::{Cell, Pos, Value};

    /// A cell position as A1 text that lives as long as the test (a few leaked bytes), so a
    /// test can collect `(cell, text)` pairs of findings and compare them with literals.
    pub fn a1(pos: Pos) -> &'static str {
        pos.a1().leak()
    }
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
            cells.push((r, 0, Cell::new(Value::Text((*t).into()))));
            r += 1;
        }
        for grid_row in std::iter::once(header).chain(rows.iter().map(|r| r.as_ref())) {
            for (c, v) in grid_row.iter().enumerate() {
                if !v.is_empty() {
                    cells.push((r, c as u32, Cell::new(Value::Text((*v).into()))));
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// ASCII texts are compared without building them; the result is the built texts'.
        #[test]
        fn comparing_without_building_the_texts_agrees_with_building_them(
            a in "[ A-Za-z0-9%/.,-]{0,10}",
            b in "[ A-Za-z0-9%/.,-]{0,10}",
            pick in 0usize..6,
        ) {
            let words = ["persen", "Prosen", "pro sen", " % ", "%", "per-sen"];
            let b = if pick < 3 { b } else { words[pick].to_string() };
            prop_assert_eq!(same_text(&a, &b), normalize(&a) == normalize(&b));
            prop_assert_eq!(same_unit(&a, &b), unit_folded(&a) == unit_folded(&b));
            for w in words {
                prop_assert_eq!(same_unit(&a, w), unit_folded(&a) == unit_folded(w), "{:?} {:?}", a, w);
            }
        }
    }

    #[test]
    fn units_fold_case_spaces_and_percent() {
        assert!(same_unit("%", "Persen"));
        assert!(same_unit(" % ", "prosen"));
        assert!(same_unit("Orang / Hari", "orang/hari"));
        assert!(same_unit("Éé", "éé"));
        assert!(!same_unit("pro sen", "persen"));
        assert!(!same_unit("Dokumen", "Laporan"));
        assert!(!same_unit("%", "Dokumen"));
        assert!(same_text("Jumlah  Dokumen.", "jumlah dokumen"));
        assert!(!same_text("Jumlah Dokumen", "Jumlah Dokumen Baru"));
    }
}
