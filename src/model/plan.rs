//! The hierarchy builder: turns each located table's rows into plan nodes (urusan, bidang,
//! program, kegiatan, sub kegiatan, closing total) with parents, codes and typed values.
//!
//! A row's level comes from its code when the table has one. Without codes (T-C.31, the
//! proposal table) the level comes from the row itself: `URUSAN …BIDANG…` rows, `PROGRAM …`
//! rows, a closing `JUMLAH` row or a nameless row with only amounts; a kegiatan has no location
//! while its sub kegiatan have one. The code of such a row is then taken from a coded table of
//! the same workbook (T-C.33, T-C.29) by normalised name under the same parent, so rows can be
//! matched across tables by code.

use crate::ingest::Ingested;
use crate::ingest::cell::Pos;
use crate::ingest::code::{Code, Level};
use crate::ingest::kind::TableKind;
use crate::ingest::locate::{LocatedTable, Parsed, TableRow};
use crate::ingest::role::Role;
use crate::ingest::rules::{TableRules, normalize, starts_with_word};
use std::collections::HashMap;

/// One row of a plan table placed in the hierarchy.
#[derive(Debug, Clone)]
pub struct Node {
    /// Index of the row in the table's `rows`.
    pub row_idx: usize,
    pub level: Level,
    pub code: Option<Code>,
    /// The code was taken from another table by name, not written on the row.
    pub code_inferred: bool,
    /// The name as written, trimmed: the name cell's own text, shared with it.
    pub name: std::sync::Arc<str>,
    pub parent: Option<usize>,
    /// Extra rows of the same entity (a second indicator on the next row, name left blank).
    pub extra_rows: Vec<usize>,
}

/// A located table with its rows placed in the hierarchy (empty `nodes` for flat tables such
/// as T-C.30 or T-C.32).
#[derive(Debug, Clone)]
pub struct TableModel {
    pub table: std::sync::Arc<LocatedTable>,
    pub nodes: Vec<Node>,
}

impl TableModel {
    pub fn row(&self, node: &Node) -> &TableRow {
        &self.table.rows[node.row_idx]
    }

    /// Children of node `i`, in order.
    ///
    /// Rows are placed top to bottom with a stack (`place_rows`): a node's children come after
    /// it, and its subtree ends at the first later node above or level with it (a total row,
    /// which belongs to no parent, does not end it). Only that stretch is scanned, so walking
    /// every node's children costs the size of the table, not its square.
    pub fn children(&self, i: usize) -> impl Iterator<Item = (usize, &Node)> {
        let depth = match self.nodes.get(i) {
            // A total row has no children.
            Some(n) if n.level == Level::Total => u8::MAX,
            Some(n) => n.level.depth(),
            None => u8::MAX,
        };
        self.nodes
            .iter()
            .enumerate()
            .skip(i + 1)
            .take_while(move |(_, n)| n.level == Level::Total || n.level.depth() > depth)
            .filter(move |(_, n)| n.parent == Some(i))
    }

    pub fn count(&self, level: Level) -> usize {
        self.nodes.iter().filter(|n| n.level == level).count()
    }

    pub fn is_hierarchical(&self) -> bool {
        self.table.has(Role::Uraian)
    }
}

/// The plan read from one workbook.
#[derive(Debug, Clone)]
pub struct Plan {
    pub office: Option<String>,
    pub tables: Vec<TableModel>,
    /// Step 1 of pairing for every pair of tables, joined once when a rule first pairs two
    /// tables (`model::pairing`). Built from the finished plan: tables and nodes do not change
    /// after `build_plan_with`.
    code_join: std::sync::OnceLock<super::pairing::CodeJoin>,
}

impl Plan {
    /// Step 1 of pairing between every two tables of the plan (one polars join, made once).
    pub fn code_join(&self) -> &super::pairing::CodeJoin {
        self.code_join
            .get_or_init(|| super::pairing::CodeJoin::of(self))
    }

    pub fn tables_of(&self, kind: TableKind) -> impl Iterator<Item = (usize, &TableModel)> {
        self.tables
            .iter()
            .enumerate()
            .filter(move |(_, t)| t.table.kind == kind)
    }
}

/// Builds the plan of a workbook from its located tables.
pub fn build_plan(ingested: &Ingested, rules: &TableRules) -> Plan {
    build_plan_with(ingested, rules, None)
}

/// [`build_plan`] that also knows the official names (code → name, the nomenclature list):
/// an uncoded row named as an official kegiatan is a kegiatan even when no coded table of the
/// workbook names it (a standalone E.81 without codes).
pub fn build_plan_with(
    ingested: &Ingested,
    rules: &TableRules,
    official: Option<&std::collections::BTreeMap<String, String>>,
) -> Plan {
    // Coded tables first: their names tell the level of the same names in uncoded tables.
    let empty = HashMap::new();
    let mut tables: Vec<TableModel> = ingested
        .tables
        .iter()
        .map(|t| TableModel {
            nodes: if t.has(Role::Uraian) && t.has(Role::Kode) {
                place_rows(t, rules, &empty, &Default::default())
            } else {
                Vec::new()
            },
            table: t.clone(),
        })
        .collect();
    let mut known: HashMap<String, Option<Level>> = HashMap::new();
    for t in &tables {
        for n in t.nodes.iter().filter(|n| n.code.is_some()) {
            let e = known.entry(normalize(&n.name)).or_insert(Some(n.level));
            if *e != Some(n.level) {
                *e = None; // the same name at two levels: no help
            }
        }
    }
    // The official list speaks where the workbook's own coded tables do not.
    let mut official_levels: HashMap<String, Option<Level>> = HashMap::new();
    for (code, name) in official.into_iter().flatten() {
        if let Ok(c) = Code::parse(code) {
            let e = official_levels
                .entry(normalize(name))
                .or_insert(Some(c.level()));
            if *e != Some(c.level()) {
                *e = None;
            }
        }
    }
    for (k, v) in official_levels {
        known.entry(k).or_insert(v);
    }
    // Names the nomenclature gives a kegiatan and one of its sub kegiatan alike (`Pemeliharaan
    // Taman Makam Pahlawan Nasional Kabupaten/Kota`): placed by the row above.
    let mut twofold: std::collections::HashSet<String> = std::collections::HashSet::new();
    {
        let mut levels: HashMap<String, Vec<Level>> = HashMap::new();
        let coded = tables
            .iter()
            .flat_map(|t| t.nodes.iter())
            .filter_map(|n| n.code.as_ref().map(|_| (normalize(&n.name), n.level)));
        let listed = official.into_iter().flatten().filter_map(|(code, name)| {
            Code::parse(code).ok().map(|c| (normalize(name), c.level()))
        });
        for (name, level) in coded.chain(listed) {
            let v = levels.entry(name).or_default();
            if !v.contains(&level) {
                v.push(level);
            }
        }
        for (name, v) in levels {
            if v.contains(&Level::Kegiatan) && v.contains(&Level::SubKegiatan) {
                twofold.insert(name);
            }
        }
    }
    let known: HashMap<String, Level> = known
        .into_iter()
        .filter_map(|(k, v)| v.map(|l| (k, l)))
        .collect();
    for t in tables.iter_mut() {
        if t.table.has(Role::Uraian) && !t.table.has(Role::Kode) {
            t.nodes = place_rows(&t.table, rules, &known, &twofold);
        }
    }
    infer_codes(&mut tables);
    let office = ingested
        .tables
        .iter()
        .flat_map(|t| t.title.iter())
        .find_map(|l| office_name(l));
    Plan {
        office,
        tables,
        code_join: Default::default(),
    }
}

/// The office named in a title line: `NAMA PERANGKAT DAERAH : DINAS SOSIAL`, or a line that
/// starts with `DINAS` / `BADAN` / …
pub fn office_name(line: &str) -> Option<String> {
    let lower = line.to_lowercase();
    for key in ["perangkat daerah", "nama skpd", "nama opd", "unit kerja"] {
        if let Some(i) = lower.find(key) {
            let rest = &line[i + key.len()..];
            if let Some(after) = rest.trim_start().strip_prefix(':') {
                let lower_after = after.to_lowercase();
                let cut = ["lembar", "halaman", "tahun"]
                    .iter()
                    .filter_map(|w| lower_after.find(w))
                    .min()
                    .unwrap_or(after.len());
                let name = after[..cut].trim().trim_end_matches([',', ';']).trim();
                if !name.is_empty() {
                    return Some(name.to_string());
                }
            }
        }
    }
    let first = normalize(line);
    const HEADS: [&str; 7] = [
        "dinas ",
        "badan ",
        "kantor ",
        "sekretariat ",
        "inspektorat",
        "satuan polisi",
        "kecamatan ",
    ];
    for head in HEADS {
        if first.starts_with(head) {
            return Some(line.trim().to_string());
        }
    }
    // `Renja Perangkat Daerah Dinas Sosial Kabupaten …` (E.81 title lines): from the office word on.
    if lower.contains("perangkat daerah") || lower.starts_with("renja ") {
        for head in HEADS {
            let h = head.trim_end();
            if let Some(i) = lower.find(&format!(" {h} ")) {
                return Some(line[i + 1..].trim().to_string());
            }
        }
    }
    None
}

fn has_location(table: &LocatedTable, row: &TableRow) -> bool {
    [Role::Lokasi, Role::RLokasi, Role::ALokasi]
        .iter()
        .filter(|r| table.has(**r))
        .any(|r| row.field(*r).is_some_and(|f| !f.parsed.is_blank()))
}

fn has_numbered(row: &TableRow) -> bool {
    row.field(Role::No).is_some_and(|f| !f.parsed.is_blank())
}

fn has_indicator_or_target(row: &TableRow) -> bool {
    row.fields
        .iter()
        .any(|f| !f.parsed.is_blank() && f.role.continues_a_row())
}

/// Level of a row without a code, from its own text and cells.
fn level_from_row(
    table: &LocatedTable,
    row: &TableRow,
    name: &str,
    rules: &TableRules,
    known: &HashMap<String, Level>,
) -> Option<Level> {
    let norm = normalize(name);
    if norm.is_empty() {
        return None;
    }
    let has_loc = has_location(table, row);
    if rules
        .settings
        .total_words
        .iter()
        .any(|w| starts_with_word(&norm, w))
        && !has_loc
    {
        return Some(Level::Total);
    }
    if norm.starts_with("urusan") {
        return Some(if norm.contains("bidang") {
            Level::Bidang
        } else {
            Level::Urusan
        });
    }
    if rules.settings.program_prefix.iter().any(|p| {
        norm.strip_prefix(p.as_str())
            .is_some_and(|r| r.starts_with(' '))
    }) {
        return Some(Level::Program);
    }
    if let Some(l) = known.get(&norm) {
        return Some(*l);
    }
    let table_has_location = [Role::Lokasi, Role::RLokasi, Role::ALokasi]
        .iter()
        .any(|r| table.has(*r));
    if table_has_location {
        Some(if has_loc {
            Level::SubKegiatan
        } else {
            Level::Kegiatan
        })
    } else if table.has(Role::No) {
        Some(if has_numbered(row) {
            Level::SubKegiatan
        } else {
            Level::Kegiatan
        })
    } else {
        Some(Level::Kegiatan)
    }
}

fn place_rows(
    table: &LocatedTable,
    rules: &TableRules,
    known: &HashMap<String, Level>,
    twofold: &std::collections::HashSet<String>,
) -> Vec<Node> {
    let mut nodes: Vec<Node> = Vec::with_capacity(table.rows.len());
    // Stack of (depth, node index) for parent lookup.
    let mut stack: Vec<(u8, usize)> = Vec::new();
    let no_name: std::sync::Arc<str> = std::sync::Arc::from("");
    for (ri, row) in table.rows.iter().enumerate() {
        let mut name = match row.field(Role::Uraian).map(|f| &f.parsed) {
            Some(Parsed::Text(t)) if t.trim().len() == t.len() => t.clone(),
            Some(Parsed::Text(t)) => t.trim().into(),
            _ => no_name.clone(),
        };
        // `JUMLAH` written in the code column (the name column left empty): the total's label.
        if name.is_empty()
            && let Some(Parsed::Unparsed(u)) = row.field(Role::Kode).map(|f| &f.parsed)
            && rules
                .settings
                .total_words
                .iter()
                .any(|w| normalize(&u.text) == *w)
        {
            name = u.text.trim().into();
        }
        let code = match row.field(Role::Kode).map(|f| &f.parsed) {
            Some(Parsed::Code(c)) => Some(c.clone()),
            _ => None,
        };
        let norm = normalize(&name);
        let level = match &code {
            Some(c) => Some(c.level()),
            // A name both a kegiatan and its sub kegiatan carry: the sub kegiatan when the open
            // kegiatan above has that very name, else the kegiatan.
            None if twofold.contains(&norm) => {
                let open = stack
                    .iter()
                    .rev()
                    .find(|(d, _)| *d == Level::Kegiatan.depth())
                    .map(|(_, i)| normalize(&nodes[*i].name));
                Some(if open.as_deref() == Some(norm.as_str()) {
                    Level::SubKegiatan
                } else {
                    Level::Kegiatan
                })
            }
            None => level_from_row(table, row, &name, rules, known),
        };
        let level = match level {
            Some(l) => l,
            None => {
                // No name and no code: a continuation of the previous entity, or a nameless
                // closing total (amounts only).
                if let Some(last) = nodes.last_mut()
                    && has_indicator_or_target(row)
                {
                    last.extra_rows.push(ri);
                    continue;
                }
                let has_amount = row
                    .fields
                    .iter()
                    .any(|f| matches!(f.parsed, Parsed::Amount(_)));
                if has_amount && !nodes.is_empty() {
                    Level::Total
                } else if let Some(last) = nodes.last_mut() {
                    last.extra_rows.push(ri);
                    continue;
                } else {
                    continue;
                }
            }
        };
        let depth = level.depth();
        let parent = if level == Level::Total {
            None
        } else {
            while stack.last().is_some_and(|(d, _)| *d >= depth) {
                stack.pop();
            }
            stack.last().map(|(_, i)| *i)
        };
        let idx = nodes.len();
        nodes.push(Node {
            row_idx: ri,
            level,
            code,
            code_inferred: false,
            name,
            parent,
            extra_rows: Vec::new(),
        });
        if level != Level::Total {
            stack.push((depth, idx));
        }
    }
    nodes
}

/// Words of a name for fuzzy comparison.
pub fn name_words(name: &str) -> Vec<String> {
    normalize(name)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Similarity of two names: shared words over all words (Jaccard), 1.0 when equal.
pub fn name_similarity(a: &str, b: &str) -> f64 {
    words_similarity(&name_words(a), &name_words(b))
}

/// [`name_similarity`] on words already split, for callers comparing one name with many.
pub fn words_similarity(wa: &[String], wb: &[String]) -> f64 {
    if wa.is_empty() || wb.is_empty() {
        return 0.0;
    }
    if wa == wb {
        return 1.0;
    }
    let shared = wa.iter().filter(|w| wb.contains(w)).count();
    let total = wa.len() + wb.len() - shared;
    shared as f64 / total as f64
}

/// Gives uncoded rows the code of the same-named row of a coded table in the workbook.
fn infer_codes(tables: &mut [TableModel]) {
    // Only a table with rows and no code at all borrows codes; most workbooks have none, and
    // the index below would copy every name and code of the plan for nothing.
    if !tables
        .iter()
        .any(|t| !t.nodes.is_empty() && t.nodes.iter().all(|n| n.code.is_none()))
    {
        return;
    }
    // Index: (level, normalised name) → codes, from every coded hierarchical table.
    let mut index: HashMap<(Level, String), Vec<Code>> = HashMap::new();
    let mut by_level: HashMap<Level, Vec<(String, Code)>> = HashMap::new();
    // T-C.33 is the plan of record: its codes come first, so a typo in another coded table
    // (T-C.29) does not spread to the uncoded ones by name.
    let mut order: Vec<&TableModel> = tables.iter().collect();
    order.sort_by_key(|t| t.table.kind != TableKind::TC33);
    for t in order {
        for n in &t.nodes {
            if let Some(c) = &n.code
                && !n.code_inferred
            {
                let key = (n.level, normalize(&n.name));
                let e = index.entry(key).or_default();
                if !e.contains(c) {
                    e.push(c.clone());
                }
                by_level
                    .entry(n.level)
                    .or_default()
                    .push((n.name.to_string(), c.clone()));
            }
        }
    }
    if index.is_empty() {
        return;
    }
    for t in tables.iter_mut() {
        if t.nodes.iter().any(|n| n.code.is_some()) {
            continue;
        }
        for i in 0..t.nodes.len() {
            let level = t.nodes[i].level;
            if level == Level::Total {
                continue;
            }
            let parent_code = t.nodes[i].parent.and_then(|p| t.nodes[p].code.clone());
            let under_parent = |c: &Code| {
                parent_code
                    .as_ref()
                    .is_none_or(|p| c.parent().as_ref() == Some(p))
            };
            let exact = index
                .get(&(level, normalize(&t.nodes[i].name)))
                .and_then(|codes| codes.iter().find(|c| under_parent(c)).or(codes.first()))
                .cloned();
            let code = exact.or_else(|| {
                // Near match (spacing, small wording) under the same parent.
                by_level.get(&level).and_then(|cands| {
                    cands
                        .iter()
                        .filter(|(_, c)| under_parent(c))
                        .map(|(n, c)| (name_similarity(n, &t.nodes[i].name), c))
                        .filter(|(s, _)| *s >= 0.75)
                        .max_by(|a, b| a.0.partial_cmp(&b.0).unwrap_or(std::cmp::Ordering::Equal))
                        .map(|(_, c)| c.clone())
                })
            });
            if let Some(c) = code {
                t.nodes[i].code = Some(c);
                t.nodes[i].code_inferred = true;
            }
        }
    }
}

/// The cell of a node's name, for findings about the row as a whole.
pub fn name_pos(t: &TableModel, n: &Node) -> Pos {
    let row = t.row(n);
    row.field(Role::Uraian)
        .or_else(|| row.field(Role::Kode))
        .map(|f| f.pos)
        .unwrap_or(Pos::new(row.row, t.table.first_col))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn office_names_from_titles() {
        assert_eq!(
            office_name("NAMA PERANGKAT DAERAH : DINAS SOSIAL").as_deref(),
            Some("DINAS SOSIAL")
        );
        assert_eq!(
            office_name("Nama Perangkat Daerah : Dinas Sosial   Lembar : 1").as_deref(),
            Some("Dinas Sosial")
        );
        assert_eq!(
            office_name("DINAS SOSIAL KABUPATEN KUTAI KARTANEGARA").as_deref(),
            Some("DINAS SOSIAL KABUPATEN KUTAI KARTANEGARA")
        );
        assert_eq!(office_name("TABEL T-C.31"), None);
        assert_eq!(
            office_name("Renja Perangkat Daerah Dinas Sosial Kabupaten Kutai Kartanegara")
                .as_deref(),
            Some("Dinas Sosial Kabupaten Kutai Kartanegara")
        );
        assert_eq!(
            office_name("Evaluasi Terhadap Hasil Renja Perangkat Daerah Lingkup Kabupaten/Kota"),
            None
        );
    }

    #[test]
    fn similarity_ignores_case_and_spacing() {
        assert_eq!(
            name_similarity("Jumlah   Laporan Evaluasi", "jumlah laporan evaluasi"),
            1.0
        );
        assert!(
            name_similarity(
                "Fasilitasi Kerjasama Daerah",
                "Fasilitasi Kerja Sama Daerah"
            ) < 1.0
        );
        assert_eq!(name_similarity("", "x"), 0.0);
    }
}
