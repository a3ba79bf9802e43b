//! Stage 1: workbook file → located tables with typed cells and A1 addresses.
//!
//! `workbook` reads the file (calamine), `locate` finds tables by their headers using the
//! aliases in `rules/tables.toml` (`rules`), `number` parses Indonesian numbers, `cell` holds
//! values and addresses.

pub mod cell;
pub mod locate;
pub mod number;
pub mod numbering;
pub mod rules;
pub mod workbook;

use locate::{LocatedTable, Unplaced};
use rules::TableRules;
use std::path::Path;
use workbook::{ReadError, Workbook};

/// Everything read from one file.
#[derive(Debug, Clone)]
pub struct Ingested {
    pub workbook: Workbook,
    pub tables: Vec<LocatedTable>,
    pub unplaced: Vec<Unplaced>,
}

/// Reads a workbook and locates its tables.
pub fn ingest(path: &Path, rules: &TableRules) -> Result<Ingested, ReadError> {
    let workbook = workbook::read_workbook(path)?;
    Ok(ingest_workbook(workbook, rules))
}

/// [`ingest`] without reading cell looks and number formats (when no annotated copy is made).
pub fn ingest_without_styles(path: &Path, rules: &TableRules) -> Result<Ingested, ReadError> {
    let workbook = workbook::read_workbook_opts(path, false)?;
    Ok(ingest_workbook(workbook, rules))
}

/// Locates the tables of a workbook already read.
pub fn ingest_workbook(workbook: Workbook, rules: &TableRules) -> Ingested {
    let mut tables = Vec::new();
    let mut unplaced = Vec::new();
    for sheet in &workbook.sheets {
        let (t, u) = locate::locate_tables(sheet, rules);
        tables.extend(t);
        unplaced.extend(u);
    }
    Ingested {
        workbook,
        tables,
        unplaced,
    }
}
