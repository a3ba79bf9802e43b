//! Which row of table (or plan) B is the same entity as a row of table (or plan) A.
//!
//! One rule, in up to three steps, run over the rows of A in the order the caller gives:
//!
//! 1. **Code and occurrence.** A row with a code pairs with a row of B at the same level with
//!    the same code; the k-th row of A with a code pairs with the k-th row of B with that code
//!    (repeated codes pair in order of appearance).
//! 2. **Name under the same parent.** A row still unpaired pairs with the first unpaired row of
//!    B at the same level whose normalised name (`ingest::rules::normalize`) is equal and whose
//!    parent fits ([`ParentRule`]). Which coded rows may take this step is [`CodedByName`]. Rows
//!    are taken in order, so a parent is paired before its children and repeated names pair in
//!    order of appearance.
//! 3. **Near match** (only with [`PairOptions::near_match`]): a row still unpaired pairs with the
//!    fitting row of B whose name is most similar (`model::plan::name_similarity`, shared words
//!    over all words), when that similarity is at least the threshold.
//!
//! The callers and why their options differ:
//!
//! | caller | step 2 | parent | coded rows by name | near match |
//! |---|---|---|---|---|
//! | E001 ([`pair_by_code`]) | no | — | — | no |
//! | E002, E003, E008 ([`pair_by_key`]) | yes | same key path ([`node_key`]) | never | no |
//! | `reconcile` (new version against old) | yes | the paired parent, strictly | when the codes differ (a corrected code) | no |
//! | `rkpd` (RKPD rows against the office's table) | yes | the paired parent, else any | when the codes are equal (never across differing codes) | yes, 0.75 |
//!
//! Within one workbook the checks pair the same few tables again and again, so step 1 for every
//! two tables of a plan is one polars self-join of all their rows on (level, code, occurrence),
//! made the first time and kept with the plan ([`CodeJoin`], [`Plan::code_join`]); `reconcile`
//! and `rkpd` pair rows of two plans with a join of their own.
//!
//! Only `rkpd` pairs by near match: the draft RKPD and the office's T-C.31 are typed by
//! different hands, so a name reworded in one of them is still the same row, and a miss there
//! is reported as a missing row (K001). It has no check configuration (it compares two
//! workbooks), so its threshold is its own constant, stricter than the checks' configurable
//! `near_match` (which decides when two texts are *reported* as a near match, not when rows
//! pair). Reconciliation pairs versions of one workbook, where a renamed row is better shown
//! as removed and added; the checks' keyed joins pair rows that must agree exactly.

use crate::ingest::code::Level;
use crate::ingest::rules::normalize;
use crate::model::plan::{Plan, TableModel, name_similarity};
use std::collections::HashMap;

/// A row as the pairing sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct PairRow {
    /// Hierarchy level; None for rows of flat tables.
    pub level: Option<Level>,
    pub code: Option<String>,
    pub name: std::sync::Arc<str>,
    /// Index of the parent row in the same slice.
    pub parent: Option<usize>,
}

/// Where the parent of a row of B must be for a name (or near-match) pairing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParentRule {
    /// The pair of A's parent; a row of A without a parent pairs only with a row of B without
    /// one, and a row whose parent is unpaired does not pair by name (it is under a new parent).
    Paired,
    /// The pair of A's parent when that parent is paired; otherwise any parent.
    PairedElseAny,
    /// The same key path: both rows have the same [`node_key`] (the parent's key, then the
    /// name), whatever pairing the parents got.
    SameKeyPath,
}

/// Which coded rows may pair by name (step 2 and 3). Rows without a code on either side always
/// may.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodedByName {
    /// Only when neither row has a code.
    Never,
    /// Also when both have a code and the codes differ: a code corrected between versions.
    WhenCodesDiffer,
    /// Also when both have the same code (a repeat left over by step 1), never across differing
    /// codes: rows whose codes differ are different rows.
    WhenCodesEqual,
}

/// How to pair; see the module documentation for each caller's choice.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PairOptions {
    /// Step 2: pair rows left over by their names.
    pub by_name: bool,
    pub parent: ParentRule,
    pub coded: CodedByName,
    /// Step 3: the similarity threshold of a near match, None for no near match.
    pub near_match: Option<f64>,
}

impl PairOptions {
    /// Step 1 only: by code and occurrence.
    pub const CODES_ONLY: PairOptions = PairOptions {
        by_name: false,
        parent: ParentRule::Paired,
        coded: CodedByName::Never,
        near_match: None,
    };
    /// By code, else (rows without a code on both sides) by the same key path.
    pub const KEY_PATH: PairOptions = PairOptions {
        by_name: true,
        parent: ParentRule::SameKeyPath,
        coded: CodedByName::Never,
        near_match: None,
    };
}

/// The rows of a table's hierarchy, in node order (a node's index is its row's index).
pub fn node_rows(t: &TableModel) -> Vec<PairRow> {
    t.nodes
        .iter()
        .map(|n| PairRow {
            level: Some(n.level),
            code: n.code.as_ref().map(|c| c.to_string()),
            name: n.name.clone(),
            parent: n.parent,
        })
        .collect()
}

/// A node's pairing key: its code, or (uncoded) its parent's key and its normalised name.
pub fn node_key(t: &TableModel, i: usize) -> String {
    let n = &t.nodes[i];
    key_of(
        n.code.as_ref().map(|c| c.to_string()),
        || n.parent.map(|p| node_key(t, p)),
        &n.name,
    )
}

fn key_of(code: Option<String>, parent_key: impl FnOnce() -> Option<String>, name: &str) -> String {
    match code {
        Some(c) => c,
        None => format!("{}/{}", parent_key().unwrap_or_default(), normalize(name)),
    }
}

/// [`node_key`] of every row, each parent's key computed once.
fn row_keys(rows: &[PairRow]) -> Vec<String> {
    fn key(rows: &[PairRow], keys: &mut [Option<String>], i: usize) -> String {
        if let Some(k) = &keys[i] {
            return k.clone();
        }
        let r = &rows[i];
        let k = key_of(
            r.code.clone(),
            || r.parent.map(|p| key(rows, keys, p)),
            &r.name,
        );
        keys[i] = Some(k.clone());
        k
    }
    let mut keys: Vec<Option<String>> = vec![None; rows.len()];
    (0..rows.len()).map(|i| key(rows, &mut keys, i)).collect()
}

/// Rows of `a` and `b` with the same level, code and occurrence: an inner join, B's columns
/// suffixed `_b`. Eager: the frames are small, and the lazy planner costs more than the join.
fn join_on_code(
    a: &polars::prelude::DataFrame,
    b: &polars::prelude::DataFrame,
) -> polars::prelude::PolarsResult<polars::prelude::DataFrame> {
    use polars::prelude::*;
    let on = ["level", "code", "occ"];
    a.join(
        b,
        on,
        on,
        JoinArgs::new(JoinType::Inner).with_suffix(Some("_b".into())),
        None,
    )
}

/// Step 1 as a polars inner join: each coded row of `a` (in `order`) and of `b` (in its own
/// order) numbered by occurrence within its (level, code), the two frames joined on level, code
/// and occurrence. The k-th row of A with a code meets the k-th row of B with that code.
fn code_pairs(a: &[PairRow], b: &[PairRow], order: &[usize]) -> Vec<(usize, usize)> {
    use polars::prelude::*;
    fn frame<'r>(rows: impl Iterator<Item = (usize, &'r PairRow)>) -> PolarsResult<DataFrame> {
        let mut seen: HashMap<(Option<Level>, &str), u32> = HashMap::new();
        let (mut idx, mut level, mut code, mut occ) = (vec![], vec![], vec![], vec![]);
        for (i, r) in rows {
            let Some(c) = r.code.as_deref() else {
                continue;
            };
            let k = seen.entry((r.level, c)).or_default();
            idx.push(i as u32);
            level.push(r.level.map_or(-1, |l| l as i32));
            code.push(c);
            occ.push(*k);
            *k += 1;
        }
        DataFrame::new_infer_height(vec![
            Column::new("idx".into(), idx),
            Column::new("level".into(), level),
            Column::new("code".into(), code),
            Column::new("occ".into(), occ),
        ])
    }
    let joined = (|| -> PolarsResult<Vec<(usize, usize)>> {
        let fa = frame(order.iter().filter_map(|&i| a.get(i).map(|r| (i, r))))?;
        let fb = frame(b.iter().enumerate())?;
        if fa.height() == 0 || fb.height() == 0 {
            return Ok(Vec::new());
        }
        let j = join_on_code(&fa, &fb)?;
        let ia = j.column("idx")?.u32()?.clone();
        let ib = j.column("idx_b")?.u32()?.clone();
        Ok(ia
            .iter()
            .zip(ib.iter())
            .filter_map(|(x, y)| Some((x? as usize, y? as usize)))
            .collect())
    })();
    // The frames are built here from plain rows; a join that fails is a bug, not an input.
    joined.unwrap_or_default()
}

/// Pairs rows of `a` (those listed in `order`, in that order) with rows of `b`: for each row of
/// `a`, the index of its pair in `b`. Rows of `a` not in `order` stay unpaired (and, as parents,
/// count as unpaired). Each row of `b` pairs at most once.
pub fn pair(
    a: &[PairRow],
    b: &[PairRow],
    order: &[usize],
    opts: &PairOptions,
) -> Vec<Option<usize>> {
    // 1. By code (and level), in order of appearance: a polars join on (level, code,
    //    occurrence).
    pair_after_codes(a, b, order, opts, code_pairs(a, b, order))
}

/// Steps 2 and 3 of [`pair`], after step 1 gave `by_code`.
fn pair_after_codes(
    a: &[PairRow],
    b: &[PairRow],
    order: &[usize],
    opts: &PairOptions,
    by_code: Vec<(usize, usize)>,
) -> Vec<Option<usize>> {
    let mut matched: Vec<Option<usize>> = vec![None; a.len()];
    let mut used = vec![false; b.len()];
    for (i, j) in by_code {
        matched[i] = Some(j);
        used[j] = true;
    }
    if !opts.by_name {
        return matched;
    }
    // 2. and 3. By name, then by near match.
    let (ka, kb) = if opts.parent == ParentRule::SameKeyPath {
        (row_keys(a), row_keys(b))
    } else {
        (Vec::new(), Vec::new())
    };
    let b_norm: Vec<String> = b.iter().map(|r| normalize(&r.name)).collect();
    // B's rows by the text step 2 compares (key path or normalised name), in index order, so a
    // row of A looks only at its candidates, not at all of B.
    let mut candidates: HashMap<&str, Vec<usize>> = HashMap::new();
    let texts_b = if opts.parent == ParentRule::SameKeyPath {
        &kb
    } else {
        &b_norm
    };
    for (j, t) in texts_b.iter().enumerate() {
        candidates.entry(t.as_str()).or_default().push(j);
    }
    let passes: &[Option<f64>] = match opts.near_match {
        Some(t) => &[None, Some(t)],
        None => &[None],
    };
    for &near in passes {
        for &i in order {
            if matched[i].is_some() {
                continue;
            }
            let r = &a[i];
            // The parent a row of B must have: Some(p) a given one, None any.
            let want_parent: Option<Option<usize>> = match opts.parent {
                ParentRule::Paired => match r.parent {
                    None => Some(None),
                    Some(p) => match matched[p] {
                        Some(q) => Some(Some(q)),
                        None => continue, // under a new parent: new as well
                    },
                },
                ParentRule::PairedElseAny => r.parent.and_then(|p| matched[p]).map(Some),
                ParentRule::SameKeyPath => None,
            };
            let fits = |j: usize| {
                let o = &b[j];
                !used[j]
                    && o.level == r.level
                    && want_parent.is_none_or(|wp| o.parent == wp)
                    && match (&r.code, &o.code) {
                        (None, None) => true,
                        (None, _) | (_, None) => opts.coded != CodedByName::Never,
                        (Some(x), Some(y)) => match opts.coded {
                            CodedByName::Never => false,
                            CodedByName::WhenCodesDiffer => x != y,
                            CodedByName::WhenCodesEqual => x == y,
                        },
                    }
            };
            let found = match near {
                None if opts.parent == ParentRule::SameKeyPath => candidates
                    .get(ka[i].as_str())
                    .and_then(|js| js.iter().copied().find(|&j| fits(j))),
                None => candidates
                    .get(normalize(&r.name).as_str())
                    .and_then(|js| js.iter().copied().find(|&j| fits(j))),
                Some(threshold) => (0..b.len())
                    .filter(|&j| fits(j))
                    .map(|j| (name_similarity(&b[j].name, &r.name), j))
                    .filter(|(s, _)| *s >= threshold)
                    .max_by(|x, y| x.0.partial_cmp(&y.0).unwrap_or(std::cmp::Ordering::Equal))
                    .map(|(_, j)| j),
            };
            if let Some(j) = found {
                matched[i] = Some(j);
                used[j] = true;
            }
        }
    }
    matched
}

/// Step 1 for every pair of a plan's tables at once: one polars self-join of all hierarchy rows
/// of all tables on (level, code, occurrence), built the first time a rule pairs two tables of
/// the plan and kept with it ([`Plan::code_join`]). The checks pair the same few tables many
/// times (E001–E003, E008); one join per workbook replaces a join per call.
#[derive(Debug, Clone, Default)]
pub struct CodeJoin {
    /// (table of A, table of B) → pairs of node indexes, in A's node order.
    by_tables: HashMap<(usize, usize), Vec<(usize, usize)>>,
}

impl CodeJoin {
    pub fn of(plan: &Plan) -> CodeJoin {
        use polars::prelude::*;
        let joined = (|| -> PolarsResult<CodeJoin> {
            let (mut table, mut idx, mut level, mut code, mut occ) =
                (vec![], vec![], vec![], vec![], vec![]);
            for (ti, t) in plan.tables.iter().enumerate() {
                let mut seen: HashMap<(Level, &str), u32> = HashMap::new();
                for (i, n) in t.nodes.iter().enumerate() {
                    let Some(c) = &n.code else { continue };
                    let k = seen.entry((n.level, c.as_str())).or_default();
                    table.push(ti as u32);
                    idx.push(i as u32);
                    level.push(n.level as i32);
                    code.push(c.as_str());
                    occ.push(*k);
                    *k += 1;
                }
            }
            if idx.is_empty() {
                return Ok(CodeJoin::default());
            }
            let f = DataFrame::new_infer_height(vec![
                Column::new("table".into(), table),
                Column::new("idx".into(), idx),
                Column::new("level".into(), level),
                Column::new("code".into(), code),
                Column::new("occ".into(), occ),
            ])?;
            let j = join_on_code(&f, &f)?;
            let cols = ["table", "idx", "table_b", "idx_b"].map(|c| j.column(c));
            let [ta, ia, tb, ib] = cols;
            let (ta, ia, tb, ib) = (ta?.u32()?, ia?.u32()?, tb?.u32()?, ib?.u32()?);
            let mut by_tables: HashMap<(usize, usize), Vec<(usize, usize)>> = HashMap::new();
            for (((ta, ia), tb), ib) in ta.iter().zip(ia.iter()).zip(tb.iter()).zip(ib.iter()) {
                if let (Some(ta), Some(ia), Some(tb), Some(ib)) = (ta, ia, tb, ib) {
                    by_tables
                        .entry((ta as usize, tb as usize))
                        .or_default()
                        .push((ia as usize, ib as usize));
                }
            }
            for v in by_tables.values_mut() {
                v.sort_unstable();
            }
            Ok(CodeJoin { by_tables })
        })();
        // The frame is built here from the plan's own nodes; a join that fails is a bug.
        joined.unwrap_or_default()
    }

    /// Step 1 between tables `ta` and `tb` of the plan, for the rows of `ta` at `level`.
    fn pairs(&self, ta: usize, tb: usize, a: &TableModel, level: Level) -> Vec<(usize, usize)> {
        self.by_tables
            .get(&(ta, tb))
            .map(|v| {
                v.iter()
                    .copied()
                    .filter(|&(i, _)| a.nodes[i].level == level)
                    .collect()
            })
            .unwrap_or_default()
    }
}

fn pairs_at_level(
    plan: &Plan,
    a: &TableModel,
    b: &TableModel,
    level: Level,
    opts: &PairOptions,
) -> Vec<(usize, usize)> {
    let order: Vec<usize> = (0..a.nodes.len())
        .filter(|&i| a.nodes[i].level == level)
        .collect();
    let index = |t: &TableModel| plan.tables.iter().position(|x| std::ptr::eq(x, t));
    let (rows_a, rows_b);
    let matched = match (index(a), index(b)) {
        (Some(ta), Some(tb)) => {
            let by_code = plan.code_join().pairs(ta, tb, a, level);
            // Without a code on a row of A, only a name can pair it (step 2); when every row
            // has one and coded rows never pair by name, step 1 is the whole answer.
            let names_matter = opts.by_name
                && (opts.coded != CodedByName::Never
                    || opts.near_match.is_some()
                    || order.iter().any(|&i| a.nodes[i].code.is_none()));
            if !names_matter {
                return by_code;
            }
            rows_a = node_rows(a);
            rows_b = node_rows(b);
            pair_after_codes(&rows_a, &rows_b, &order, opts, by_code)
        }
        // Tables of another plan: a join of their own.
        _ => {
            rows_a = node_rows(a);
            rows_b = node_rows(b);
            pair(&rows_a, &rows_b, &order, opts)
        }
    };
    order
        .into_iter()
        .filter_map(|i| matched[i].map(|j| (i, j)))
        .collect()
}

/// Nodes of one level of two tables of `plan` paired by code and occurrence only
/// ([`PairOptions::CODES_ONLY`]): pairs of node indexes `(a, b)` in the order of `a`.
pub fn pair_by_code(
    plan: &Plan,
    a: &TableModel,
    b: &TableModel,
    level: Level,
) -> Vec<(usize, usize)> {
    pairs_at_level(plan, a, b, level, &PairOptions::CODES_ONLY)
}

/// Nodes of one level of two tables of `plan` with the same [`node_key`] (code, or name path
/// for uncoded rows), paired in order of appearance ([`PairOptions::KEY_PATH`]): pairs of node
/// indexes `(a, b)` in the order of `a`.
pub fn pair_by_key(
    plan: &Plan,
    a: &TableModel,
    b: &TableModel,
    level: Level,
) -> Vec<(usize, usize)> {
    pairs_at_level(plan, a, b, level, &PairOptions::KEY_PATH)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(level: Level, code: Option<&str>, name: &str, parent: Option<usize>) -> PairRow {
        PairRow {
            level: Some(level),
            code: code.map(str::to_string),
            name: name.into(),
            parent,
        }
    }

    fn all(rows: &[PairRow]) -> Vec<usize> {
        (0..rows.len()).collect()
    }

    const VERSIONS: PairOptions = PairOptions {
        by_name: true,
        parent: ParentRule::Paired,
        coded: CodedByName::WhenCodesDiffer,
        near_match: None,
    };

    #[test]
    fn repeated_codes_pair_in_order_of_appearance() {
        use Level::SubKegiatan as S;
        let a = vec![
            row(S, Some("1.01.01.2.01.0001"), "a", None),
            row(S, Some("1.01.01.2.01.0002"), "x", None),
            row(S, Some("1.01.01.2.01.0001"), "b", None),
            row(S, Some("1.01.01.2.01.0001"), "c", None),
        ];
        let b = vec![
            row(S, Some("1.01.01.2.01.0001"), "b", None),
            row(S, Some("1.01.01.2.01.0001"), "a", None),
            row(S, Some("1.01.01.2.01.0002"), "x", None),
        ];
        let m = pair(&a, &b, &all(&a), &PairOptions::CODES_ONLY);
        // The k-th row with a code pairs with the k-th of B, whatever the names; the third has
        // none left.
        assert_eq!(m, vec![Some(0), Some(2), Some(1), None]);
    }

    #[test]
    fn uncoded_rows_with_one_name_pair_under_their_own_parents() {
        use Level::{Kegiatan as K, SubKegiatan as S};
        let a = vec![
            row(K, Some("1.01.01.2.01"), "Kegiatan satu", None),
            row(S, None, "Rapat koordinasi", Some(0)),
            row(K, Some("1.01.01.2.02"), "Kegiatan dua", None),
            row(S, None, "Rapat Koordinasi.", Some(2)),
        ];
        // B lists the second kegiatan first.
        let b = vec![
            row(K, Some("1.01.01.2.02"), "Kegiatan dua", None),
            row(S, None, "rapat koordinasi", Some(0)),
            row(K, Some("1.01.01.2.01"), "Kegiatan satu", None),
            row(S, None, "rapat koordinasi", Some(2)),
        ];
        for opts in [VERSIONS, PairOptions::KEY_PATH] {
            let m = pair(&a, &b, &all(&a), &opts);
            assert_eq!(m, vec![Some(2), Some(3), Some(0), Some(1)], "{opts:?}");
        }
        // Under a parent that did not pair, a row is new (strict) or pairs anywhere.
        let b2 = vec![
            row(K, Some("1.01.01.2.09"), "Lain", None),
            row(S, None, "rapat koordinasi", Some(0)),
        ];
        assert_eq!(pair(&a, &b2, &all(&a), &VERSIONS), vec![None; 4]);
        let loose = PairOptions {
            parent: ParentRule::PairedElseAny,
            ..VERSIONS
        };
        assert_eq!(pair(&a, &b2, &all(&a), &loose)[1], Some(1));
    }

    #[test]
    fn a_renamed_row_pairs_by_near_match_only_when_the_threshold_allows() {
        use Level::{Program as P, SubKegiatan as S};
        let a = vec![
            row(P, Some("1.01.01"), "Program", None),
            row(
                S,
                None,
                "Penyusunan dokumen perencanaan perangkat daerah",
                Some(0),
            ),
        ];
        let b = vec![
            row(P, Some("1.01.01"), "Program", None),
            row(S, None, "Penyusunan dokumen perencanaan", Some(0)),
        ];
        // 3 shared words of 5: 0.6.
        let opts = |near| PairOptions {
            by_name: true,
            parent: ParentRule::PairedElseAny,
            coded: CodedByName::WhenCodesEqual,
            near_match: near,
        };
        assert_eq!(pair(&a, &b, &all(&a), &opts(None))[1], None);
        assert_eq!(pair(&a, &b, &all(&a), &opts(Some(0.75)))[1], None);
        assert_eq!(pair(&a, &b, &all(&a), &opts(Some(0.6)))[1], Some(1));
        assert_eq!(pair(&a, &b, &all(&a), &opts(Some(0.5)))[1], Some(1));
    }

    #[test]
    fn coded_rows_pair_by_name_as_the_option_says() {
        use Level::SubKegiatan as S;
        let a = vec![row(S, Some("1.01.01.2.01.0002"), "Rapat", None)];
        let b = vec![row(S, Some("1.01.01.2.01.0001"), "Rapat", None)];
        let with = |coded| PairOptions { coded, ..VERSIONS };
        assert_eq!(
            pair(&a, &b, &[0], &with(CodedByName::WhenCodesDiffer)),
            vec![Some(0)]
        );
        assert_eq!(
            pair(&a, &b, &[0], &with(CodedByName::WhenCodesEqual)),
            vec![None]
        );
        assert_eq!(pair(&a, &b, &[0], &with(CodedByName::Never)), vec![None]);
        // A row without a code pairs with a coded one unless `Never`.
        let u = vec![row(S, None, "rapat", None)];
        assert_eq!(
            pair(&u, &b, &[0], &with(CodedByName::WhenCodesEqual)),
            vec![Some(0)]
        );
        assert_eq!(pair(&u, &b, &[0], &with(CodedByName::Never)), vec![None]);
    }

    #[test]
    fn rows_outside_the_order_stay_unpaired() {
        use Level::SubKegiatan as S;
        let a = vec![row(S, Some("1"), "x", None), row(S, Some("1"), "y", None)];
        let b = vec![row(S, Some("1"), "y", None)];
        assert_eq!(
            pair(&a, &b, &[1], &PairOptions::CODES_ONLY),
            vec![None, Some(0)]
        );
    }
}
