//! Reconciling two versions of one office's Renja: the draft, the version after the forum
//! (*forum perangkat daerah*), the final. What was added, what was removed, which cells changed
//! and where the money moved.
//!
//! Tables are paired by kind (the first T-C.33 of the old workbook with the first T-C.33 of the
//! new one, and so on). Rows are paired
//!
//! 1. by code (`Node.code`; uncoded tables such as T-C.31 already carry the code of the
//!    same-named T-C.33 row), the same code twice pairing in order of appearance;
//! 2. then, for rows still unpaired, by level and normalised name under the same (paired)
//!    parent — rows without a code, or whose code was corrected between versions;
//! 3. flat tables (T-C.30, T-C.32, goals) pair their rows by the text of their key column
//!    (indicator, problem…), again in order for repeats.
//!
//! Only columns present in both versions are compared, so a layout change (target and unit
//! moved into one cell, a column added) is listed once per table, not once per row. Values are
//! compared as read: numbers and money exactly (rust_decimal), targets by value and unit, text
//! with runs of whitespace folded. The difference of two numbers is `new − old`.
//!
//! Per program and per amount column, the money under the program (`model::totals::sum_of_level`
//! at the deepest level that carries amounts on either side, as in `selaras inspect`; a blank
//! counts as nothing) is compared
//! between versions, so the planner sees where money moved even when the program row itself
//! did not change.
//!
//! The result prints as findings for the existing reports and the annotated copy of the NEW
//! workbook. These rule codes are not in the `RULES` registry (they do not check one workbook):
//!
//! | code | severity | meaning | cell (in the new workbook) |
//! |---|---|---|---|
//! | `R001` | info | row added since the old version (or a whole table) | the new row's name cell |
//! | `R002` | info | row removed since the old version | the row's nearest surviving parent, else the new table's header |
//! | `R003` | info | value changed: expected = old value, found = new value | the changed cell |
//!
//! Every finding names the old cell as a related cell, its sheet prefixed with the old
//! version's label (`draft.xlsx:T-C.33`).

use crate::checks::{Finding, Related, Rule};
use crate::ingest::cell::Pos;
use crate::ingest::code::Level;
use crate::ingest::kind::TableKind;
use crate::ingest::locate::{Field, LocatedTable, Parsed, TableRow};
use crate::ingest::number::format_id;
use crate::ingest::role::Role;
use crate::ingest::rules::ColumnType;
use crate::ingest::workbook::{Sheet, Workbook};
use crate::model::pairing::{CodedByName, PairOptions, PairRow, ParentRule, pair};
use crate::model::plan::{Plan, TableModel, name_pos};
use crate::model::totals::{AmountOf, Overflow, PLAN_LEVELS, sum_of_level};
use rust_decimal::Decimal;
use serde_json::{Value as Json, json};
use std::collections::HashMap;

/// Rule code: a row (or table) added since the old version.
pub static ROW_ADDED: &Rule = &crate::checks::r_reconcile::R001;
/// Rule code: a row (or table) removed since the old version.
pub static ROW_REMOVED: &Rule = &crate::checks::r_reconcile::R002;
/// Rule code: a value changed since the old version.
pub static VALUE_CHANGED: &Rule = &crate::checks::r_reconcile::R003;

/// A cell of one of the two workbooks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellRef {
    pub sheet: String,
    /// A1 address.
    pub cell: String,
}

impl CellRef {
    fn new(sheet: &str, pos: Pos) -> CellRef {
        CellRef {
            sheet: sheet.to_string(),
            cell: pos.a1(),
        }
    }
}

/// One row of a table in one version.
#[derive(Debug, Clone, PartialEq)]
pub struct RowRef {
    /// Hierarchy level; None for rows of flat tables (T-C.30, T-C.32, goals).
    pub level: Option<Level>,
    pub code: Option<String>,
    /// The row's name (for flat tables: the text of its key column).
    pub name: String,
    /// The row's name cell.
    pub at: CellRef,
}

impl RowRef {
    /// `sub kegiatan 1.06.01.2.01.0001 Penyusunan …`
    pub fn label(&self, en: bool) -> String {
        let mut name: String = self.name.chars().take(60).collect();
        if self.name.chars().count() > 60 {
            name.push('…');
        }
        let level = self
            .level
            .map(|l| l.name(en))
            .unwrap_or(if en { "row" } else { "baris" });
        match &self.code {
            Some(c) => format!("{level} {c} {name}"),
            None => format!("{level} {name}"),
        }
    }
}

/// One cell whose value differs between the versions.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueChange {
    /// The column's role (`pagu_n`, `r_target`, …).
    pub column: Role,
    pub year: Option<i32>,
    /// The column header as written in the new version.
    pub header: String,
    pub old_raw: String,
    pub new_raw: String,
    pub old: Parsed,
    pub new: Parsed,
    /// `new − old` when both are numbers.
    pub difference: Option<Decimal>,
    /// The cell in the new workbook.
    pub at: CellRef,
    /// The cell in the old workbook.
    pub old_at: CellRef,
}

/// A row present in both versions with at least one changed value.
#[derive(Debug, Clone, PartialEq)]
pub struct RowChange {
    pub old: RowRef,
    pub new: RowRef,
    pub values: Vec<ValueChange>,
}

/// A row of the old version with no counterpart in the new one.
#[derive(Debug, Clone, PartialEq)]
pub struct RemovedRow {
    pub row: RowRef,
    /// Where the removal is marked in the new workbook: the nearest parent that survived, else
    /// the new table's header.
    pub anchor: CellRef,
}

/// Where a table sits in one version.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRef {
    pub sheet: String,
    pub range: String,
    /// The header's first cell.
    pub header: CellRef,
}

/// The differences of one table kind.
#[derive(Debug, Clone, PartialEq)]
pub struct TableDiff {
    pub kind: String,
    /// None when the table is only in the new version.
    pub old: Option<TableRef>,
    /// None when the table is only in the old version.
    pub new: Option<TableRef>,
    /// Column roles only in the new / only in the old version (not compared).
    pub columns_added: Vec<String>,
    pub columns_removed: Vec<String>,
    pub added: Vec<RowRef>,
    pub removed: Vec<RemovedRow>,
    pub changed: Vec<RowChange>,
}

impl TableDiff {
    pub fn is_empty(&self) -> bool {
        self.old.is_some()
            && self.new.is_some()
            && self.added.is_empty()
            && self.removed.is_empty()
            && self.changed.is_empty()
            && self.columns_added.is_empty()
            && self.columns_removed.is_empty()
    }
}

/// The money under one program in one amount column, in both versions.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgramChange {
    pub kind: String,
    pub code: Option<String>,
    pub name: String,
    pub column: Role,
    pub header: String,
    /// None when the program (or every amount under it) is absent in that version.
    pub old: Option<Decimal>,
    pub new: Option<Decimal>,
    /// `new − old`, an absent side counting as zero.
    pub difference: Decimal,
    /// The program row's cell of this column in the new workbook (the old one when removed).
    pub at: Option<CellRef>,
}

/// Everything that differs between two versions of one Renja.
#[derive(Debug, Clone, PartialEq)]
pub struct Reconciliation {
    /// Labels of the versions (file names), used in related cells and reports.
    pub old_label: Option<String>,
    pub new_label: Option<String>,
    pub old_office: Option<String>,
    pub new_office: Option<String>,
    pub tables: Vec<TableDiff>,
    pub programs: Vec<ProgramChange>,
}

impl Reconciliation {
    /// Names the two versions (usually their file names) for related cells and reports.
    pub fn with_labels(mut self, old: impl Into<String>, new: impl Into<String>) -> Self {
        self.old_label = Some(old.into());
        self.new_label = Some(new.into());
        self
    }

    /// True when the versions agree in every compared cell.
    pub fn is_empty(&self) -> bool {
        self.tables.iter().all(TableDiff::is_empty) && self.programs.is_empty()
    }

    /// Counts of (added, removed, changed cells) over all tables.
    pub fn counts(&self) -> (usize, usize, usize) {
        let mut c = (0, 0, 0);
        for t in &self.tables {
            c.0 += t.added.len();
            c.1 += t.removed.len();
            c.2 += t.changed.iter().map(|r| r.values.len()).sum::<usize>();
        }
        c
    }

    fn old_sheet(&self, sheet: &str, en: bool) -> String {
        match &self.old_label {
            Some(l) => format!("{l}:{sheet}"),
            None => format!("{}:{sheet}", if en { "old" } else { "lama" }),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Rows as items: hierarchy nodes, or the rows of a flat table.

struct Item {
    level: Option<Level>,
    code: Option<String>,
    name: String,
    parent: Option<usize>,
    /// Row indexes in the table: the main row, then continuation rows.
    rows: Vec<usize>,
    name_pos: Pos,
}

/// Key columns of flat tables, in order of preference.
const FLAT_KEYS: [Role; 6] = [
    Role::Uraian,
    Role::Permasalahan,
    Role::Indikator,
    Role::KamusUsulan,
    Role::Sasaran,
    Role::Tujuan,
];

fn items(t: &TableModel, sheet: Option<&Sheet>) -> Vec<Item> {
    if !t.nodes.is_empty() {
        return t
            .nodes
            .iter()
            .map(|n| Item {
                level: Some(n.level),
                code: n.code.as_ref().map(|c| c.to_string()),
                name: n.name.to_string(),
                parent: n.parent,
                rows: std::iter::once(n.row_idx)
                    .chain(n.extra_rows.iter().copied())
                    .collect(),
                name_pos: name_pos(t, n),
            })
            .collect();
    }
    let key = FLAT_KEYS.into_iter().find(|&k| t.table.has(k));
    t.table
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let f = key.and_then(|k| r.field(k));
            Item {
                level: None,
                code: None,
                name: f
                    .map(|f| f.raw(sheet).trim().to_string())
                    .unwrap_or_default(),
                parent: None,
                rows: vec![i],
                name_pos: f
                    .or(r.fields.first())
                    .map(|f| f.pos)
                    .unwrap_or(Pos::new(r.row, t.table.first_col)),
            }
        })
        .collect()
}

/// How versions pair their rows: by code, then by name under the same paired parent (a row
/// under a new parent is new as well); a coded row pairs by name only across a corrected code.
/// No near match: a renamed row shows as removed and added.
const VERSIONS: PairOptions = PairOptions {
    by_name: true,
    parent: ParentRule::Paired,
    coded: CodedByName::WhenCodesDiffer,
    near_match: None,
};

/// For each new item, its old counterpart.
fn pair_items(old: &[Item], new: &[Item]) -> Vec<Option<usize>> {
    let rows = |items: &[Item]| -> Vec<PairRow> {
        items
            .iter()
            .map(|it| PairRow {
                level: it.level,
                code: it.code.clone(),
                name: it.name.as_str().into(),
                parent: it.parent,
            })
            .collect()
    };
    let order: Vec<usize> = (0..new.len()).collect();
    pair(&rows(new), &rows(old), &order, &VERSIONS)
}

// ---------------------------------------------------------------------------------------------
// Comparing values.

fn fold_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn same_unit(a: &str, b: &str) -> bool {
    crate::checks::util::same_unit(a, b)
}

/// `a` and `b` hold the same value; their sheets give their texts as written.
fn same_value(a: &Field, sa: Option<&Sheet>, b: &Field, sb: Option<&Sheet>) -> bool {
    match (&a.parsed, &b.parsed) {
        (Parsed::Blank, Parsed::Blank) => true,
        (Parsed::Blank, _) | (_, Parsed::Blank) => false,
        (Parsed::Text(x), Parsed::Text(y)) => fold_ws(x) == fold_ws(y),
        (Parsed::Code(x), Parsed::Code(y)) => x == y,
        (
            Parsed::Target {
                value: v1,
                unit: u1,
            },
            Parsed::Target {
                value: v2,
                unit: u2,
            },
        ) => {
            v1 == v2
                && match (u1, u2) {
                    (Some(x), Some(y)) => same_unit(x, y),
                    // The unit moved to its own column in one version: compared there.
                    _ => true,
                }
        }
        (x, y) => match (x.number(), y.number()) {
            (Some(p), Some(q)) => p == q,
            _ => fold_ws(&a.raw(sa)) == fold_ws(&b.raw(sb)),
        },
    }
}

/// A value as a planner reads it: Indonesian numbers, target with its unit.
pub fn display(p: &Parsed, raw: &str) -> String {
    match p {
        Parsed::Blank => String::new(),
        Parsed::Amount(d) => format_id(d),
        Parsed::Number { value, percent } => {
            format!("{}{}", format_id(value), if *percent { "%" } else { "" })
        }
        Parsed::Target { value, unit } => match unit {
            Some(u) => format!("{} {u}", format_id(value)),
            None => format_id(value),
        },
        Parsed::Code(c) => c.to_string(),
        Parsed::Text(t) => fold_ws(t),
        _ => raw.trim().to_string(),
    }
}

/// A field's key within a row: role, year, occurrence of that role and year.
type FieldKey = (Role, Option<i32>, usize);

/// Fields of a row keyed by (role, year, occurrence of that role and year).
fn keyed(row: &TableRow) -> Vec<(FieldKey, &Field)> {
    let mut seen: HashMap<(Role, Option<i32>), usize> = HashMap::new();
    row.fields
        .iter()
        .map(|f| {
            let n = seen.entry((f.role, f.year())).or_insert(0);
            let k = (f.role, f.year(), *n);
            *n += 1;
            (k, f)
        })
        .collect()
}

type ColKey = (Role, Option<i32>);

fn column_keys(t: &LocatedTable) -> Vec<ColKey> {
    let mut out: Vec<ColKey> = Vec::new();
    for c in &t.columns {
        let k = (c.role, c.year);
        if !out.contains(&k) {
            out.push(k);
        }
    }
    out
}

fn blank_field(role: Role, year: Option<i32>, pos: Pos) -> Field {
    Field::made(role, year, pos, Parsed::Blank)
}

struct Side<'a> {
    t: &'a TableModel,
    /// The table's sheet, where its fields' cells are.
    sheet: Option<&'a Sheet>,
    items: Vec<Item>,
}

fn header_of(t: &LocatedTable, role: Role, year: Option<i32>) -> String {
    t.columns
        .iter()
        .find(|c| c.role == role && c.year == year)
        .or_else(|| t.column(role))
        .map(|c| c.header.clone())
        .unwrap_or_else(|| role.to_string())
}

fn compare_items(
    old: &Side,
    oi: usize,
    new: &Side,
    ni: usize,
    shared: &[ColKey],
) -> Vec<ValueChange> {
    let (o, n) = (&old.items[oi], &new.items[ni]);
    let (ot, nt) = (&old.t.table, &new.t.table);
    let mut out = Vec::new();
    let main_o = &ot.rows[o.rows[0]];
    let main_n = &nt.rows[n.rows[0]];
    for k in 0..o.rows.len().max(n.rows.len()) {
        let ro = o.rows.get(k).map(|&r| &ot.rows[r]);
        let rn = n.rows.get(k).map(|&r| &nt.rows[r]);
        let fo = ro.map(keyed).unwrap_or_default();
        let fnew = rn.map(keyed).unwrap_or_default();
        let mut keys: Vec<FieldKey> = fnew.iter().map(|(k, _)| *k).collect();
        for (k, _) in &fo {
            if !keys.contains(k) {
                keys.push(*k);
            }
        }
        for key in keys {
            let (role, year, _) = key;
            if !shared.iter().any(|(r, y)| *r == role && *y == year) {
                continue;
            }
            let get = |fs: &[(FieldKey, &Field)]| {
                fs.iter()
                    .find(|(k, _)| *k == key)
                    .map(|(_, f)| (*f).clone())
            };
            // A continuation row present in one version only compares against blanks placed
            // on the main row's cell of the same column.
            let fallback = |main: &TableRow, name: Pos| {
                main.fields
                    .iter()
                    .find(|f| f.role == role && f.year() == year)
                    .map(|f| f.pos)
                    .unwrap_or(name)
            };
            let a =
                get(&fo).unwrap_or_else(|| blank_field(role, year, fallback(main_o, o.name_pos)));
            let b =
                get(&fnew).unwrap_or_else(|| blank_field(role, year, fallback(main_n, n.name_pos)));
            if same_value(&a, old.sheet, &b, new.sheet) {
                continue;
            }
            let difference = match (&a.parsed, &b.parsed) {
                (Parsed::Blank, _) | (_, Parsed::Blank) => None,
                (x, y) => match (x.number(), y.number()) {
                    // Checked: −7×10^28 against 7×10^28 has no difference Decimal can hold.
                    (Some(p), Some(q)) => q.checked_sub(p),
                    _ => None,
                },
            };
            out.push(ValueChange {
                column: role,
                year,
                header: header_of(nt, role, year),
                old_raw: a.raw(old.sheet).to_string(),
                new_raw: b.raw(new.sheet).to_string(),
                old: a.parsed.clone(),
                new: b.parsed.clone(),
                difference,
                at: CellRef::new(&nt.sheet, b.pos),
                old_at: CellRef::new(&ot.sheet, a.pos),
            });
        }
    }
    out
}

fn row_ref(side: &Side, i: usize) -> RowRef {
    let it = &side.items[i];
    RowRef {
        level: it.level,
        code: it.code.clone(),
        name: it.name.clone(),
        at: CellRef::new(&side.t.table.sheet, it.name_pos),
    }
}

fn table_ref(t: &LocatedTable) -> TableRef {
    TableRef {
        sheet: t.sheet.clone(),
        range: t.range(),
        header: CellRef::new(&t.sheet, Pos::new(t.header_start, t.first_col)),
    }
}

// ---------------------------------------------------------------------------------------------
// Money per program.

/// The program (or self) each item lies under.
fn program_of(items: &[Item]) -> Vec<Option<usize>> {
    (0..items.len())
        .map(|i| {
            let mut cur = Some(i);
            while let Some(c) = cur {
                if items[c].level == Some(Level::Program) {
                    return Some(c);
                }
                cur = items[c].parent;
            }
            None
        })
        .collect()
}

/// Per program item: the sum of `role` (every field of the role on a row) at each plan level
/// under it, levels where nothing is filled left out; Err when a sum overflows.
type LevelSums = HashMap<usize, Result<HashMap<Level, Decimal>, Overflow>>;

fn sums_by_level(side: &Side, role: Role) -> LevelSums {
    let progs = program_of(&side.items);
    let mut under: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, it) in side.items.iter().enumerate() {
        if let (Some(p), Some(_)) = (progs[i], it.level) {
            under.entry(p).or_default().push(i);
        }
    }
    // Items of a hierarchical table are its nodes, in order.
    under
        .into_iter()
        .map(|(p, nodes)| {
            let sums = PLAN_LEVELS
                .into_iter()
                .filter_map(|level| {
                    sum_of_level(
                        side.t,
                        nodes.iter().copied(),
                        AmountOf::EveryField(role),
                        level,
                    )
                    .transpose()
                })
                .map(|s| s.map(|s| (s.level, s.sum)))
                .collect();
            (p, sums)
        })
        .collect()
}

fn program_changes(old: &Side, new: &Side, paired: &[Option<usize>]) -> Vec<ProgramChange> {
    let amount_roles: Vec<ColKey> = column_keys(&new.t.table)
        .into_iter()
        .filter(|(r, _)| {
            new.t
                .table
                .column(*r)
                .is_some_and(|c| c.ty == ColumnType::Amount)
                && old
                    .t
                    .table
                    .column(*r)
                    .is_some_and(|c| c.ty == ColumnType::Amount)
        })
        .collect();
    let mut out = Vec::new();
    let new_progs: Vec<usize> = (0..new.items.len())
        .filter(|&j| new.items[j].level == Some(Level::Program))
        .collect();
    let mut pairs: Vec<(Option<usize>, Option<usize>)> =
        new_progs.iter().map(|&j| (paired[j], Some(j))).collect();
    for (i, it) in old.items.iter().enumerate() {
        if it.level == Some(Level::Program) && !paired.contains(&Some(i)) {
            pairs.push((Some(i), None));
        }
    }
    for (role, _) in &amount_roles {
        let so = sums_by_level(old, *role);
        let sn = sums_by_level(new, *role);
        for &(oi, ni) in &pairs {
            // A program whose sum overflows on either side is not compared.
            let (Ok(lo), Ok(ln)) = (
                oi.and_then(|i| so.get(&i)).map(Result::as_ref).transpose(),
                ni.and_then(|j| sn.get(&j)).map(Result::as_ref).transpose(),
            ) else {
                continue;
            };
            // The deepest level filled on either side, the same level on both.
            let level = PLAN_LEVELS.into_iter().rev().find(|l| {
                lo.is_some_and(|m| m.contains_key(l)) || ln.is_some_and(|m| m.contains_key(l))
            });
            let Some(level) = level else { continue };
            let vo = lo.and_then(|m| m.get(&level)).copied();
            let vn = ln.and_then(|m| m.get(&level)).copied();
            if vo == vn {
                continue;
            }
            let (side, idx) = match ni {
                Some(j) => (new, j),
                None => (old, oi.expect("one side")),
            };
            let it = &side.items[idx];
            let at = side.t.table.rows[it.rows[0]]
                .field(*role)
                .map(|f| CellRef::new(&side.t.table.sheet, f.pos));
            // A difference beyond Decimal (extreme sums on both sides) is not shown.
            let Some(difference) = vn.unwrap_or_default().checked_sub(vo.unwrap_or_default())
            else {
                continue;
            };
            out.push(ProgramChange {
                kind: new.t.table.kind.to_string(),
                code: it.code.clone(),
                name: it.name.clone(),
                column: *role,
                header: header_of(&new.t.table, *role, None),
                old: vo,
                new: vn,
                difference,
                at,
            });
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------

fn diff_tables(
    (old, old_sheet): (&TableModel, Option<&Sheet>),
    (new, new_sheet): (&TableModel, Option<&Sheet>),
) -> (TableDiff, Vec<ProgramChange>) {
    let old_side = Side {
        t: old,
        sheet: old_sheet,
        items: items(old, old_sheet),
    };
    let new_side = Side {
        t: new,
        sheet: new_sheet,
        items: items(new, new_sheet),
    };
    let ok = column_keys(&old.table);
    let nk = column_keys(&new.table);
    let shared: Vec<ColKey> = nk.iter().filter(|k| ok.contains(k)).cloned().collect();
    let role_list = |ks: Vec<&ColKey>| -> Vec<String> {
        ks.into_iter()
            .map(|(r, y)| match y {
                Some(y) => format!("{r}_{y}"),
                None => r.to_string(),
            })
            .collect()
    };
    let paired = pair_items(&old_side.items, &new_side.items);
    let mut diff = TableDiff {
        kind: new.table.kind.to_string(),
        old: Some(table_ref(&old.table)),
        new: Some(table_ref(&new.table)),
        columns_added: role_list(nk.iter().filter(|k| !ok.contains(k)).collect()),
        columns_removed: role_list(ok.iter().filter(|k| !nk.contains(k)).collect()),
        added: Vec::new(),
        removed: Vec::new(),
        changed: Vec::new(),
    };
    let mut old_to_new: Vec<Option<usize>> = vec![None; old_side.items.len()];
    for (j, m) in paired.iter().enumerate() {
        match m {
            Some(i) => {
                old_to_new[*i] = Some(j);
                let values = compare_items(&old_side, *i, &new_side, j, &shared);
                if !values.is_empty() {
                    diff.changed.push(RowChange {
                        old: row_ref(&old_side, *i),
                        new: row_ref(&new_side, j),
                        values,
                    });
                }
            }
            None => diff.added.push(row_ref(&new_side, j)),
        }
    }
    let header = CellRef::new(
        &new.table.sheet,
        Pos::new(new.table.header_start, new.table.first_col),
    );
    for i in 0..old_side.items.len() {
        if old_to_new[i].is_some() {
            continue;
        }
        // The nearest ancestor that survived.
        let mut anchor = None;
        let mut cur = old_side.items[i].parent;
        while let Some(p) = cur {
            if let Some(j) = old_to_new[p] {
                anchor = Some(CellRef::new(&new.table.sheet, new_side.items[j].name_pos));
                break;
            }
            cur = old_side.items[p].parent;
        }
        diff.removed.push(RemovedRow {
            row: row_ref(&old_side, i),
            anchor: anchor.unwrap_or_else(|| header.clone()),
        });
    }
    let programs = program_changes(&old_side, &new_side, &paired);
    (diff, programs)
}

/// Reconciles two versions of one office's Renja: `old` (e.g. the draft) against `new`
/// (e.g. the version after the forum). Findings are placed in the NEW workbook.
/// One version of a workbook for [`reconcile`]: its plan, and the workbook whose sheets hold its
/// cells.
#[derive(Clone, Copy)]
pub struct Version<'a> {
    pub plan: &'a Plan,
    pub workbook: &'a Workbook,
}

impl<'a> Version<'a> {
    pub fn new(plan: &'a Plan, workbook: &'a Workbook) -> Self {
        Version { plan, workbook }
    }
}

pub fn reconcile(old_version: Version, new_version: Version) -> Reconciliation {
    let (old, new) = (old_version.plan, new_version.plan);
    let mut tables = Vec::new();
    let mut programs = Vec::new();
    let mut kinds: Vec<TableKind> = Vec::new();
    for t in new.tables.iter().chain(old.tables.iter()) {
        if !kinds.contains(&t.table.kind) {
            kinds.push(t.table.kind);
        }
    }
    for kind in kinds {
        let o: Vec<&TableModel> = old.tables_of(kind).map(|(_, t)| t).collect();
        let n: Vec<&TableModel> = new.tables_of(kind).map(|(_, t)| t).collect();
        for k in 0..o.len().max(n.len()) {
            match (o.get(k), n.get(k)) {
                (Some(a), Some(b)) => {
                    let (d, p) = diff_tables(
                        (a, old_version.workbook.sheet(&a.table.sheet)),
                        (b, new_version.workbook.sheet(&b.table.sheet)),
                    );
                    tables.push(d);
                    programs.extend(p);
                }
                (a, b) => tables.push(TableDiff {
                    kind: kind.to_string(),
                    old: a.map(|t| table_ref(&t.table)),
                    new: b.map(|t| table_ref(&t.table)),
                    columns_added: Vec::new(),
                    columns_removed: Vec::new(),
                    added: Vec::new(),
                    removed: Vec::new(),
                    changed: Vec::new(),
                }),
            }
        }
    }
    Reconciliation {
        old_label: None,
        new_label: None,
        old_office: old.office.clone(),
        new_office: new.office.clone(),
        tables,
        programs,
    }
}

// ---------------------------------------------------------------------------------------------
// Output.

/// A finding of one of R001–R003 at its registry severity (`checks::settle` applies
/// `rules.toml` later), on the new workbook's cell `at`.
fn info(
    rule: &'static Rule,
    at: &CellRef,
    related: Vec<Related>,
    id: String,
    en: String,
) -> Finding {
    let pos = Pos::parse_a1(&at.cell).unwrap_or(Pos::new(0, 0));
    Finding::new(rule, &at.sheet, pos, id, en).related(related)
}

fn diff_text(d: &Decimal) -> String {
    if d.is_sign_negative() {
        format_id(d)
    } else {
        format!("+{}", format_id(d))
    }
}

/// The reconciliation as findings on the NEW workbook (rules R001–R003, severity info), for
/// the terminal, JSON and Markdown reports and `annotate::annotated_bytes` of the new version.
/// `en` chooses the language of the expected/found texts and of the old version's label.
pub fn to_findings(r: &Reconciliation, en: bool) -> Vec<Finding> {
    let mut out = Vec::new();
    let rel = |c: &CellRef| Related {
        sheet: r.old_sheet(&c.sheet, en),
        cell: Pos::parse_a1(&c.cell).unwrap_or_default(),
    };
    let first_header = r
        .tables
        .iter()
        .find_map(|t| t.new.as_ref().map(|n| n.header.clone()));
    for t in &r.tables {
        match (&t.old, &t.new) {
            (None, Some(n)) => {
                out.push(info(
                    ROW_ADDED,
                    &n.header,
                    vec![],
                    format!("Tabel {} baru: tidak ada di versi lama.", t.kind),
                    format!("Table {} added: not in the old version.", t.kind),
                ));
                continue;
            }
            (Some(o), None) => {
                if let Some(h) = &first_header {
                    out.push(info(
                        ROW_REMOVED,
                        h,
                        vec![rel(&o.header)],
                        format!(
                            "Tabel {} ada di versi lama ({}!{}) tetapi tidak ada di versi ini.",
                            t.kind, o.sheet, o.header.cell
                        ),
                        format!(
                            "Table {} was in the old version ({}!{}) but is not in this one.",
                            t.kind, o.sheet, o.header.cell
                        ),
                    ));
                }
                continue;
            }
            _ => {}
        }
        for a in &t.added {
            out.push(info(
                ROW_ADDED,
                &a.at,
                vec![],
                format!("Baris baru dibanding versi lama: {}.", a.label(false)),
                format!("Row added since the old version: {}.", a.label(true)),
            ));
        }
        for d in &t.removed {
            let f = info(
                ROW_REMOVED,
                &d.anchor,
                vec![rel(&d.row.at)],
                format!(
                    "Baris dihapus dibanding versi lama: {} (dulu {}!{}).",
                    d.row.label(false),
                    d.row.at.sheet,
                    d.row.at.cell
                ),
                format!(
                    "Row removed since the old version: {} (was {}!{}).",
                    d.row.label(true),
                    d.row.at.sheet,
                    d.row.at.cell
                ),
            );
            let absent = if en { "(absent)" } else { "(tidak ada)" };
            out.push(f.expected_found(d.row.label(en), absent));
        }
        for c in &t.changed {
            for v in &c.values {
                let old = display(&v.old, &v.old_raw);
                let new = display(&v.new, &v.new_raw);
                let blank = |s: String, en: bool| {
                    if s.is_empty() {
                        if en { "(blank)" } else { "(kosong)" }.to_string()
                    } else {
                        s
                    }
                };
                let delta_id = v
                    .difference
                    .map(|d| format!(" (selisih {})", diff_text(&d)))
                    .unwrap_or_default();
                let delta_en = v
                    .difference
                    .map(|d| format!(" (difference {})", diff_text(&d)))
                    .unwrap_or_default();
                let header = fold_ws(&v.header);
                let f = info(
                    VALUE_CHANGED,
                    &v.at,
                    vec![rel(&v.old_at)],
                    format!(
                        "Nilai berubah dibanding versi lama: {} pada {}: {} → {}{}.",
                        header,
                        c.new.label(false),
                        blank(old.clone(), false),
                        blank(new.clone(), false),
                        delta_id
                    ),
                    format!(
                        "Value changed since the old version: {} of {}: {} → {}{}.",
                        header,
                        c.new.label(true),
                        blank(old.clone(), true),
                        blank(new.clone(), true),
                        delta_en
                    ),
                );
                out.push(f.expected_found(blank(old, en), blank(new, en)));
            }
        }
    }
    out
}

fn dec(d: Option<Decimal>) -> Json {
    d.map(|d| Json::String(d.normalize().to_string()))
        .unwrap_or(Json::Null)
}

fn cell_json(c: &CellRef) -> Json {
    json!({"sheet": c.sheet, "cell": c.cell})
}

fn row_json(r: &RowRef) -> Json {
    json!({
        "level": r.level.map(|l| l.key()),
        "code": r.code,
        "name": r.name,
        "sheet": r.at.sheet,
        "cell": r.at.cell,
    })
}

/// The reconciliation as JSON: `{"old", "new", "tables": [{"kind", "added", "removed",
/// "changed": [{"code", "name", "column", "cell", "old", "new", "difference"}]}], "programs":
/// [{"code", "name", "column", "old", "new", "difference"}]}`. Numbers are exact decimal
/// strings (`"-25000000"`); `old`/`new` of a change are the cells as written, with
/// `old_value`/`new_value` the numbers read from them.
pub fn to_json(r: &Reconciliation, en: bool) -> Json {
    let tables: Vec<Json> = r
        .tables
        .iter()
        .map(|t| {
            let changed: Vec<Json> = t
                .changed
                .iter()
                .flat_map(|c| {
                    c.values.iter().map(move |v| {
                        json!({
                            "level": c.new.level.map(|l| l.key()),
                            "code": c.new.code,
                            "name": c.new.name,
                            "column": v.column,
                            "year": v.year,
                            "header": fold_ws(&v.header),
                            "sheet": v.at.sheet,
                            "cell": v.at.cell,
                            "old_cell": cell_json(&v.old_at),
                            "old": v.old_raw,
                            "new": v.new_raw,
                            "old_value": dec(v.old.number()),
                            "new_value": dec(v.new.number()),
                            "difference": dec(v.difference),
                        })
                    })
                })
                .collect();
            json!({
                "kind": t.kind,
                "status": match (&t.old, &t.new) {
                    (None, _) => "added",
                    (_, None) => "removed",
                    _ => "compared",
                },
                "old_table": t.old.as_ref().map(|o| json!({"sheet": o.sheet, "range": o.range})),
                "new_table": t.new.as_ref().map(|o| json!({"sheet": o.sheet, "range": o.range})),
                "columns_added": t.columns_added,
                "columns_removed": t.columns_removed,
                "added": t.added.iter().map(row_json).collect::<Vec<_>>(),
                "removed": t.removed.iter().map(|d| {
                    let mut j = row_json(&d.row);
                    j["old_cell"] = cell_json(&d.row.at);
                    j["sheet"] = json!(d.anchor.sheet);
                    j["cell"] = json!(d.anchor.cell);
                    j
                }).collect::<Vec<_>>(),
                "changed": changed,
            })
        })
        .collect();
    let programs: Vec<Json> = r
        .programs
        .iter()
        .map(|p| {
            json!({
                "kind": p.kind,
                "code": p.code,
                "name": p.name,
                "column": p.column,
                "header": fold_ws(&p.header),
                "cell": p.at.as_ref().map(cell_json),
                "old": dec(p.old),
                "new": dec(p.new),
                "difference": dec(Some(p.difference)),
            })
        })
        .collect();
    let (a, d, c) = r.counts();
    json!({
        "old": {"label": r.old_label, "office": r.old_office},
        "new": {"label": r.new_label, "office": r.new_office},
        "summary": {
            "added": a,
            "removed": d,
            "changed": c,
            "message": if en {
                format!("{a} rows added, {d} removed, {c} values changed")
            } else {
                format!("{a} baris baru, {d} dihapus, {c} nilai berubah")
            },
        },
        "tables": tables,
        "programs": programs,
    })
}

fn md(s: &str) -> String {
    fold_ws(s).replace('|', "\\|")
}

fn opt_amount(d: Option<Decimal>) -> String {
    d.map(|d| format_id(&d)).unwrap_or_else(|| "–".into())
}

/// The reconciliation as Markdown, for a letter or an issue tracker: where the money moved per
/// program, then per table the rows added and removed and every changed value.
pub fn to_markdown(r: &Reconciliation, en: bool) -> String {
    let t = |id: &'static str, e: &'static str| if en { e } else { id };
    let mut out = String::new();
    out.push_str(t(
        "# selaras: perbandingan dua versi Renja\n\n",
        "# selaras: reconciliation of two Renja versions\n\n",
    ));
    let side = |label: &Option<String>, office: &Option<String>| {
        let mut s = label.clone().unwrap_or_else(|| "-".into());
        if let Some(o) = office {
            s.push_str(&format!(" ({o})"));
        }
        md(&s)
    };
    out.push_str(&format!(
        "- {}: {}\n- {}: {}\n",
        t("Versi lama", "Old version"),
        side(&r.old_label, &r.old_office),
        t("Versi baru", "New version"),
        side(&r.new_label, &r.new_office)
    ));
    let (a, d, c) = r.counts();
    out.push_str(&format!(
        "- {}: {a} · {}: {d} · {}: {c}\n",
        t("Baris baru", "Rows added"),
        t("baris dihapus", "rows removed"),
        t("nilai berubah", "values changed")
    ));
    if r.is_empty() {
        out.push_str(t(
            "\nKedua versi sama pada setiap sel yang dibandingkan.\n",
            "\nThe two versions agree in every compared cell.\n",
        ));
        return out;
    }
    if !r.programs.is_empty() {
        out.push_str(t(
            "\n## Perpindahan anggaran per program\n\n",
            "\n## Where the money moved, per program\n\n",
        ));
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} |\n|---|---|---|---|---:|---:|---:|\n",
            t("Tabel", "Table"),
            t("Kode", "Code"),
            "Program",
            t("Kolom", "Column"),
            t("Lama", "Old"),
            t("Baru", "New"),
            t("Selisih", "Difference")
        ));
        for p in &r.programs {
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} | {} | {} |\n",
                p.kind,
                p.code.as_deref().unwrap_or(""),
                md(&p.name),
                md(&p.header),
                opt_amount(p.old),
                opt_amount(p.new),
                diff_text(&p.difference)
            ));
        }
    }
    for td in r.tables.iter().filter(|x| !x.is_empty()) {
        let where_ = td
            .new
            .as_ref()
            .or(td.old.as_ref())
            .map(|x| format!("{} {}", x.sheet, x.range))
            .unwrap_or_default();
        out.push_str(&format!("\n## {} ({})\n\n", td.kind, md(&where_)));
        match (&td.old, &td.new) {
            (None, _) => {
                out.push_str(t(
                    "Tabel baru: tidak ada di versi lama.\n",
                    "New table: not in the old version.\n",
                ));
                continue;
            }
            (_, None) => {
                out.push_str(t(
                    "Tabel dihapus: tidak ada di versi baru.\n",
                    "Table removed: not in the new version.\n",
                ));
                continue;
            }
            _ => {}
        }
        if !td.columns_added.is_empty() || !td.columns_removed.is_empty() {
            out.push_str(&format!(
                "{}: +[{}] −[{}]\n\n",
                t(
                    "Kolom yang hanya ada di satu versi (tidak dibandingkan)",
                    "Columns in one version only (not compared)"
                ),
                td.columns_added.join(", "),
                td.columns_removed.join(", ")
            ));
        }
        if !td.added.is_empty() {
            out.push_str(&format!(
                "### {} ({})\n\n| {} | {} | {} |\n|---|---|---|\n",
                t("Baris baru", "Rows added"),
                td.added.len(),
                t("Sel", "Cell"),
                t("Kode", "Code"),
                t("Uraian", "Name")
            ));
            for a in &td.added {
                out.push_str(&format!(
                    "| {}!{} | {} | {} |\n",
                    md(&a.at.sheet),
                    a.at.cell,
                    a.code.as_deref().unwrap_or(""),
                    md(&a.name)
                ));
            }
            out.push('\n');
        }
        if !td.removed.is_empty() {
            out.push_str(&format!(
                "### {} ({})\n\n| {} | {} | {} |\n|---|---|---|\n",
                t("Baris dihapus", "Rows removed"),
                td.removed.len(),
                t("Sel lama", "Old cell"),
                t("Kode", "Code"),
                t("Uraian", "Name")
            ));
            for d in &td.removed {
                out.push_str(&format!(
                    "| {}!{} | {} | {} |\n",
                    md(&d.row.at.sheet),
                    d.row.at.cell,
                    d.row.code.as_deref().unwrap_or(""),
                    md(&d.row.name)
                ));
            }
            out.push('\n');
        }
        if !td.changed.is_empty() {
            out.push_str(&format!(
                "### {}\n\n| {} | {} | {} | {} | {} | {} | {} |\n|---|---|---|---|---|---|---:|\n",
                t("Nilai berubah", "Values changed"),
                t("Sel", "Cell"),
                t("Kode", "Code"),
                t("Uraian", "Name"),
                t("Kolom", "Column"),
                t("Lama", "Old"),
                t("Baru", "New"),
                t("Selisih", "Difference")
            ));
            for c in &td.changed {
                for v in &c.values {
                    out.push_str(&format!(
                        "| {}!{} | {} | {} | {} | {} | {} | {} |\n",
                        md(&v.at.sheet),
                        v.at.cell,
                        c.new.code.as_deref().unwrap_or(""),
                        md(&c.new.name),
                        md(&v.header),
                        md(&display(&v.old, &v.old_raw)),
                        md(&display(&v.new, &v.new_raw)),
                        v.difference.map(|d| diff_text(&d)).unwrap_or_default()
                    ));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::util::testkit::{TC31, TC33, plan, sheet};

    fn tc33(rows: &[[&'static str; 12]]) -> crate::ingest::workbook::Sheet {
        sheet("T-C.33", &["Tabel T-C.33"], TC33, rows)
    }

    const P1: [&str; 12] = [
        "1.06.01",
        "PROGRAM PENUNJANG",
        "",
        "",
        "",
        "",
        "300",
        "",
        "",
        "",
        "",
        "300",
    ];
    const K1: [&str; 12] = [
        "1.06.01.2.01",
        "Perencanaan",
        "",
        "",
        "",
        "",
        "300",
        "",
        "",
        "",
        "",
        "300",
    ];
    const S1: [&str; 12] = [
        "1.06.01.2.01.0001",
        "Penyusunan Dokumen",
        "Jumlah Dokumen",
        "Tenggarong",
        "3",
        "Dokumen",
        "100",
        "APBD",
        "",
        "3",
        "Dokumen",
        "100",
    ];
    const S2: [&str; 12] = [
        "1.06.01.2.01.0002",
        "Evaluasi Kinerja",
        "Jumlah Laporan",
        "Tenggarong",
        "8",
        "Laporan",
        "200",
        "APBD",
        "",
        "8",
        "Laporan",
        "200",
    ];

    #[test]
    fn identical_versions_reconcile_to_nothing() {
        let (i_a, a) = plan(vec![tc33(&[P1, K1, S1, S2])]);
        let r = reconcile(
            Version::new(&a, &i_a.workbook),
            Version::new(&a, &i_a.workbook),
        );
        assert!(r.is_empty(), "{r:#?}");
        assert!(to_findings(&r, false).is_empty());
        assert!(to_markdown(&r, true).contains("agree"));
    }

    #[test]
    fn a_difference_beyond_decimal_is_left_out_not_a_panic() {
        // Amounts at Decimal's limits (set in the model: no cell text reads that large).
        let at_limit = |v: Decimal| {
            let (i, mut p) = plan(vec![tc33(&[P1, K1, S1, S2])]);
            let t = &mut p.tables[0];
            let ri = t
                .nodes
                .iter()
                .find(|n| n.name.contains("Penyusunan"))
                .unwrap()
                .row_idx;
            let table = std::sync::Arc::make_mut(&mut t.table);
            for f in table.rows[ri]
                .fields
                .iter_mut()
                .filter(|f| f.role == Role::PaguN)
            {
                f.parsed = Parsed::Amount(v);
            }
            (i, p)
        };
        let ((i_a, a), (i_b, b)) = (at_limit(Decimal::MIN), at_limit(Decimal::MAX));
        let r = reconcile(
            Version::new(&a, &i_a.workbook),
            Version::new(&b, &i_b.workbook),
        );
        let pagu = r.tables[0]
            .changed
            .iter()
            .flat_map(|c| c.values.iter())
            .find(|v| v.column == Role::PaguN)
            .expect("the pagu change is listed");
        assert_eq!(pagu.difference, None);
        assert!(!to_markdown(&r, false).is_empty());
        assert!(!to_findings(&r, true).is_empty());
    }

    #[test]
    fn changed_added_and_removed_rows_with_program_money() {
        let (i_a, a) = plan(vec![tc33(&[P1, K1, S1, S2])]);
        let mut s1 = S1;
        s1[6] = "150"; // pagu n 100 → 150
        s1[4] = "4"; // target 3 → 4
        let mut s3 = S2;
        s3[0] = "1.06.01.2.01.0003";
        s3[1] = "Sub Kegiatan Baru";
        s3[6] = "50";
        s3[11] = "";
        let (i_b, b) = plan(vec![tc33(&[P1, K1, s1, s3])]);
        let r = reconcile(
            Version::new(&a, &i_a.workbook),
            Version::new(&b, &i_b.workbook),
        )
        .with_labels("draft.xlsx", "final.xlsx");
        assert_eq!(r.tables.len(), 1);
        let t = &r.tables[0];
        assert_eq!(t.added.len(), 1);
        assert_eq!(t.added[0].code.as_deref(), Some("1.06.01.2.01.0003"));
        assert_eq!(t.added[0].at.cell, "B6");
        assert_eq!(t.removed.len(), 1);
        assert_eq!(t.removed[0].row.code.as_deref(), Some("1.06.01.2.01.0002"));
        // Marked on the surviving parent kegiatan's name cell.
        assert_eq!(t.removed[0].anchor.cell, "B4");
        assert_eq!(t.changed.len(), 1);
        let vals = &t.changed[0].values;
        let cols: Vec<&str> = vals.iter().map(|v| v.column.as_str()).collect();
        assert_eq!(cols, ["target_n", "pagu_n"]);
        let pagu = &vals[1];
        assert_eq!(pagu.difference, Some(Decimal::from(50)));
        assert_eq!(pagu.at.cell, "G5");
        assert_eq!(pagu.old_at.cell, "G5");
        // Money under program 1.06.01: n 100+200 → 150+50; n+1 100+200 → 100.
        let p: Vec<(&str, Decimal)> = r
            .programs
            .iter()
            .map(|p| (p.column.as_str(), p.difference))
            .collect();
        assert_eq!(
            p,
            [
                ("pagu_n", Decimal::from(-100)),
                ("pagu_n1", Decimal::from(-200))
            ]
        );
        let f = to_findings(&r, false);
        let codes: Vec<&str> = f.iter().map(|f| f.rule).collect();
        assert_eq!(codes, ["R001", "R002", "R003", "R003"]);
        let r003 = &f[3];
        assert_eq!(
            (r003.expected.as_deref(), r003.found.as_deref()),
            (Some("100"), Some("150"))
        );
        assert_eq!(r003.related[0].sheet, "draft.xlsx:T-C.33");
        let j = to_json(&r, true);
        assert_eq!(j["tables"][0]["changed"][1]["difference"], "50");
        assert_eq!(j["programs"][1]["difference"], "-200");
        assert_eq!(j["old"]["label"], "draft.xlsx");
        let m = to_markdown(&r, false);
        assert!(m.contains("Sub Kegiatan Baru") && m.contains("+50"), "{m}");
    }

    #[test]
    fn uncoded_rows_pair_by_name_under_their_parent() {
        let row = |name: &'static str, lokasi: &'static str, pagu: &'static str| {
            [
                name, lokasi, "", "1", "Dokumen", pagu, lokasi, "", "1", "Dokumen", pagu, "",
            ]
        };
        let a_rows = [
            row("PROGRAM PENUNJANG", "", "300"),
            row("Perencanaan", "", "300"),
            row("Penyusunan  Dokumen", "Tenggarong", "100"),
            row("Evaluasi", "Tenggarong", "200"),
        ];
        let mut b_rows = a_rows;
        b_rows[2] = row("PENYUSUNAN DOKUMEN", "Tenggarong", "120");
        let (i_a, a) = plan(vec![sheet("T-C.31", &[], TC31, &a_rows)]);
        let (i_b, b) = plan(vec![sheet("T-C.31", &[], TC31, &b_rows)]);
        let r = reconcile(
            Version::new(&a, &i_a.workbook),
            Version::new(&b, &i_b.workbook),
        );
        let t = &r.tables[0];
        assert!(t.added.is_empty() && t.removed.is_empty(), "{t:#?}");
        // The name's case changed (a text change) and both budgets.
        let cols: Vec<&str> = t.changed[0]
            .values
            .iter()
            .map(|v| v.column.as_str())
            .collect();
        assert_eq!(cols, ["uraian", "r_pagu", "a_pagu"]);
    }
}
