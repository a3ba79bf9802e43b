//! Stage 1: workbook file → located tables with typed cells and A1 addresses.
//!
//! `workbook` reads the file (calamine), `locate` finds tables by their headers using the
//! aliases in `rules/tables.toml` (`rules`), `number` parses Indonesian numbers, `code` reads
//! nomenclature codes (joined or split over columns) and their levels, `cell` holds values and
//! addresses, `kind` names the kinds of table and `role` the roles of their columns.

pub mod cell;
pub mod code;
pub mod kind;
pub mod locate;
pub mod number;
pub mod numbering;
pub mod role;
pub mod rows;
pub mod rules;
pub mod sheetxml;
pub mod workbook;

use crate::ingest::kind::TableKind;
use crate::ingest::role::Role;
use locate::{LocatedTable, Unplaced};
use rules::TableRules;
use std::path::Path;
use workbook::{ReadError, Workbook};

/// Everything read from one file.
#[derive(Debug, Clone)]
pub struct Ingested {
    pub workbook: Workbook,
    /// Shared with the plan's tables (`model::plan::TableModel::table`), not copied.
    pub tables: Vec<std::sync::Arc<LocatedTable>>,
    pub unplaced: Vec<Unplaced>,
}

/// Reads a workbook and locates its tables.
pub fn ingest(path: &Path, rules: &TableRules) -> Result<Ingested, ReadError> {
    let workbook = workbook::read_workbook(path)?;
    Ok(ingest_workbook(workbook, rules))
}

/// Locates the tables of a workbook already read.
pub fn ingest_workbook(workbook: Workbook, rules: &TableRules) -> Ingested {
    let mut tables = Vec::new();
    let mut unplaced = Vec::new();
    for sheet in &workbook.sheets {
        let (t, u) = locate_sheet(sheet, rules);
        tables.extend(t);
        unplaced.extend(u);
    }
    office_plan_not_rkpd(&workbook, &mut tables, rules);
    resolve_placeholder_years(&mut tables);
    year_from_title(&mut tables);
    Ingested {
        workbook,
        tables: tables.into_iter().map(std::sync::Arc::new).collect(),
        unplaced,
    }
}

/// The tables of one sheet. Tables set side by side (T-C.30 to the right of T-C.29, an empty
/// column between) are found apart: the sheet is also read block by block, a block being the
/// columns between two columns empty from top to bottom, and when two or more blocks each hold a
/// table, that reading is taken. Cells keep their addresses.
fn locate_sheet(
    sheet: &workbook::Sheet,
    rules: &TableRules,
) -> (Vec<locate::LocatedTable>, Vec<locate::Unplaced>) {
    let whole = locate::locate_tables(sheet, rules);
    let mut used: Vec<u32> = sheet
        .rows
        .iter()
        .flat_map(|(_, cells)| cells.iter().map(|(c, _)| *c))
        .collect();
    // Merged cells cover their columns too.
    for (a, b) in &sheet.merges {
        used.extend(a.col..=b.col);
    }
    used.sort_unstable();
    used.dedup();
    let mut blocks: Vec<(u32, u32)> = Vec::new();
    for c in used {
        match blocks.last_mut() {
            Some((_, end)) if c == *end + 1 => *end = c,
            _ => blocks.push((c, c)),
        }
    }
    let blocks: Vec<(u32, u32)> = blocks.into_iter().filter(|(a, b)| b - a >= 2).collect();
    if blocks.len() < 2 {
        return whole;
    }
    let parts: Vec<(Vec<locate::LocatedTable>, Vec<locate::Unplaced>)> = blocks
        .iter()
        .map(|(a, b)| {
            let cells: Vec<(u32, u32, cell::Cell)> = sheet
                .rows
                .iter()
                .flat_map(|(r, cs)| {
                    cs.iter()
                        .filter(|(c, _)| c >= a && c <= b)
                        .map(|(c, cell)| (*r, *c, cell.clone()))
                })
                .collect();
            let merges = sheet
                .merges
                .iter()
                .filter(|(m0, m1)| m0.col >= *a && m1.col <= *b)
                .copied()
                .collect();
            let part = workbook::Sheet::from_cells(&sheet.name, cells, merges);
            locate::locate_tables(&part, rules)
        })
        .collect();
    let with_tables = parts.iter().filter(|(t, _)| !t.is_empty()).count();
    let found: usize = parts.iter().map(|(t, _)| t.len()).sum();
    if with_tables < 2 || found <= whole.0.len() {
        return whole;
    }
    let tables = parts.into_iter().flat_map(|(t, _)| t).collect();
    (tables, Vec::new())
}

/// A table read as the regency's RKPD (it lists the office responsible per row) inside an
/// office's own Renja workbook, naming one office only, is that office's plan: T-C.33 (IRW's
/// `Rencana Kerja Pemerintah Daerah` page of one OPD). A real RKPD names many offices, or stands
/// in a workbook of its own.
fn office_plan_not_rkpd(
    workbook: &Workbook,
    tables: &mut [locate::LocatedTable],
    rules: &TableRules,
) {
    let renja = tables.iter().any(|t| {
        matches!(
            t.kind,
            kind::TableKind::TC29
                | kind::TableKind::TC30
                | kind::TableKind::TC31
                | kind::TableKind::TC32
                | kind::TableKind::UsulanProgram
        )
    });
    if !renja {
        return;
    }
    for t in tables.iter_mut().filter(|t| t.kind == TableKind::Rkpd) {
        let mut offices: Vec<String> = t
            .rows
            .iter()
            .filter_map(|r| r.text(Role::PerangkatDaerah))
            .map(rules::normalize)
            .filter(|o| !o.is_empty())
            .collect();
        offices.sort();
        offices.dedup();
        if offices.len() > 1 {
            continue;
        }
        let Some(sheet) = workbook.sheets.iter().find(|s| s.name == t.sheet) else {
            continue;
        };
        if let Some(plan) = locate::reread_as(sheet, t, kind::TableKind::TC33, rules) {
            *t = plan;
        }
    }
}

/// A table whose columns name no year while its title names one (SB's `Pencapaian Kinerja
/// Pelayanan … Tahun 2024` over `Target Renstra PD | Realisasi | Capaian (%) | Proyeksi`): its
/// targets and realisations are of that year. A year inside a regulation's number
/// (`Permendagri 86/2017`) is not a title year; projections (`Proyeksi`, `Prakiraan`) keep none.
fn year_from_title(tables: &mut [locate::LocatedTable]) {
    for t in tables.iter_mut() {
        if t.columns.iter().any(|c| c.year.is_some()) {
            continue;
        }
        let mut years: Vec<i32> = Vec::new();
        for line in &t.title {
            let words: Vec<String> = rules::normalize(line)
                .split(' ')
                .map(str::to_string)
                .collect();
            for (i, w) in words.iter().enumerate() {
                let Ok(y) = w.parse::<i32>() else { continue };
                let after_number = i > 0 && words[i - 1].chars().all(|c| c.is_ascii_digit());
                if (1990..=2100).contains(&y) && !after_number {
                    years.push(y);
                }
            }
        }
        years.sort_unstable();
        years.dedup();
        let [year] = years.as_slice() else { continue };
        let future = |h: &str| {
            let n = rules::normalize(h);
            n.contains("proyeksi") || n.contains("prakiraan")
        };
        let cols: Vec<u32> = t
            .columns
            .iter()
            .filter(|c| {
                c.year_offset.is_none()
                    && matches!(c.ty, rules::ColumnType::Number | rules::ColumnType::Target)
                    && !future(&c.header)
            })
            .map(|c| c.col)
            .collect();
        for c in t.columns.iter_mut().filter(|c| cols.contains(&c.col)) {
            c.year = Some(*year);
        }
        for f in t.rows.iter_mut().flat_map(|r| r.fields.iter_mut()) {
            if cols.contains(&f.pos.col) {
                f.set_year(Some(*year));
            }
        }
    }
}

/// Gives a year to columns whose header writes it relative to the plan year (`Tahun ….
/// (tahun n-2)`): n is the year the workbook's dated columns agree on (a column's year minus its
/// role's offset: T-C.33 `Rencana Tahun 2026` target → 2026, T-C.29 `Realisasi 2024` → 2026).
fn resolve_placeholder_years(tables: &mut [locate::LocatedTable]) {
    let mut votes: std::collections::BTreeMap<i32, usize> = std::collections::BTreeMap::new();
    for c in tables.iter().flat_map(|t| t.columns.iter()) {
        if let (Some(y), Some(o)) = (c.year, c.year_offset) {
            *votes.entry(y - o).or_default() += 1;
        }
    }
    let Some((n, _)) = votes
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
    else {
        return;
    };
    for t in tables.iter_mut() {
        for c in t.columns.iter_mut() {
            if c.year.is_none()
                && let Some(p) = c.year_placeholder
            {
                c.year = Some(n + p);
                for f in t.rows.iter_mut().flat_map(|r| r.fields.iter_mut()) {
                    if f.pos.col == c.col {
                        f.set_year(c.year);
                    }
                }
            }
        }
    }
}
