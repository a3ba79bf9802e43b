//! What "the total of a table's amount column" means, in its explicit variants.
//!
//! - [`written_totals`]: what the table states itself, on its closing total rows (`JUMLAH`).
//! - [`sum_of_level`]: the sum over the rows of one level (bidang, program, …).
//! - [`sum_top_level`]: the sum over the highest plan level that has amounts (program, else
//!   kegiatan, else sub kegiatan) — what a parent's figure should equal (B002, G002).
//! - [`sum_deepest_level`]: the sum over the deepest plan level that has amounts (sub kegiatan,
//!   else kegiatan, else program) — the money actually planned, parents not counted twice
//!   (`selaras inspect`).
//!
//! Which cell of a row is "the amount" is [`AmountOf`]. A blank cell is not zero: it is left
//! out of a sum, and a level whose cells are all blank has no sum (the next level is tried).
//! Sums use checked arithmetic: a sum beyond the range of `Decimal` (about 7.9 × 10²⁸) is an
//! [`Overflow`], never a panic.

use crate::ingest::cell::Pos;
use crate::ingest::code::Level;
use crate::ingest::locate::ColumnMap;
use crate::ingest::role::Role;
use crate::model::plan::{Node, TableModel};
use rust_decimal::Decimal;

/// The plan levels that carry amounts, from the top.
pub const PLAN_LEVELS: [Level; 3] = [Level::Program, Level::Kegiatan, Level::SubKegiatan];

/// Which cell of a node's row holds its amount.
#[derive(Debug, Clone, Copy)]
pub enum AmountOf<'a> {
    /// The first field of the role.
    Role(Role),
    /// Every field of the role, added up (the cell of the first).
    EveryField(Role),
    /// The field in one column, so that several columns of one role keep their own values.
    Column(&'a ColumnMap),
}

/// A sum beyond the range of `Decimal`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Overflow;

/// A sum over the rows of one level.
#[derive(Debug, Clone, PartialEq)]
pub struct LevelSum {
    pub level: Level,
    pub sum: Decimal,
    /// The cells summed, in row order (blank cells are not among them).
    pub cells: Vec<Pos>,
}

/// The amount of a node and its cell; None when blank, missing or not an amount.
pub fn node_amount(
    t: &TableModel,
    n: &Node,
    what: AmountOf,
) -> Result<Option<(Decimal, Pos)>, Overflow> {
    let row = t.row(n);
    Ok(match what {
        AmountOf::Role(role) => row
            .field(role)
            .and_then(|f| Some((f.parsed.amount()?, f.pos))),
        AmountOf::Column(c) => row
            .fields
            .iter()
            .find(|f| f.pos.col == c.col && f.role == c.role)
            .and_then(|f| Some((f.parsed.amount()?, f.pos))),
        AmountOf::EveryField(role) => {
            let mut out: Option<(Decimal, Pos)> = None;
            for f in row.fields_of(role) {
                let Some(d) = f.parsed.amount() else { continue };
                out = Some(match out {
                    None => (d, f.pos),
                    Some((s, p)) => (s.checked_add(d).ok_or(Overflow)?, p),
                });
            }
            out
        }
    })
}

/// The amounts of the nodes of one level among `nodes`, in the order given (blank cells left
/// out).
pub fn amounts_at(
    t: &TableModel,
    nodes: impl IntoIterator<Item = usize>,
    what: AmountOf,
    level: Level,
) -> Result<Vec<(Decimal, Pos)>, Overflow> {
    let mut out = Vec::new();
    for i in nodes {
        let n = &t.nodes[i];
        if n.level == level
            && let Some(a) = node_amount(t, n, what)?
        {
            out.push(a);
        }
    }
    Ok(out)
}

/// The table's written totals: the amounts on its total rows (`JUMLAH`), in row order.
pub fn written_totals(t: &TableModel, what: AmountOf) -> Result<Vec<(Decimal, Pos)>, Overflow> {
    amounts_at(t, 0..t.nodes.len(), what, Level::Total)
}

/// The sum over the nodes of `level` among `nodes`; None when none of them has an amount.
pub fn sum_of_level(
    t: &TableModel,
    nodes: impl IntoIterator<Item = usize>,
    what: AmountOf,
    level: Level,
) -> Result<Option<LevelSum>, Overflow> {
    let amounts = amounts_at(t, nodes, what, level)?;
    if amounts.is_empty() {
        return Ok(None);
    }
    let mut sum = Decimal::ZERO;
    for (d, _) in &amounts {
        sum = sum.checked_add(*d).ok_or(Overflow)?;
    }
    Ok(Some(LevelSum {
        level,
        sum,
        cells: amounts.into_iter().map(|(_, p)| p).collect(),
    }))
}

fn first_level_sum(
    t: &TableModel,
    nodes: impl IntoIterator<Item = usize> + Clone,
    what: AmountOf,
    levels: impl IntoIterator<Item = Level>,
) -> Result<Option<LevelSum>, Overflow> {
    for level in levels {
        if let Some(s) = sum_of_level(t, nodes.clone(), what, level)? {
            return Ok(Some(s));
        }
    }
    Ok(None)
}

/// The sum over the highest plan level among `nodes` that has amounts: program, else kegiatan,
/// else sub kegiatan.
pub fn sum_top_level(
    t: &TableModel,
    nodes: impl IntoIterator<Item = usize> + Clone,
    what: AmountOf,
) -> Result<Option<LevelSum>, Overflow> {
    first_level_sum(t, nodes, what, PLAN_LEVELS)
}

/// The sum over the deepest plan level among `nodes` that has amounts: sub kegiatan, else
/// kegiatan, else program.
pub fn sum_deepest_level(
    t: &TableModel,
    nodes: impl IntoIterator<Item = usize> + Clone,
    what: AmountOf,
) -> Result<Option<LevelSum>, Overflow> {
    first_level_sum(t, nodes, what, PLAN_LEVELS.into_iter().rev())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::util::testkit::{TC33, plan, sheet};

    /// A T-C.33 with a bidang row, two programs (each with one kegiatan, no sub kegiatan) and a
    /// closing total; year n amounts in column G.
    fn tc33(p1: &'static str, p2: &'static str, k: &'static str) -> TableModel {
        let r = |c: &'static str, u: &'static str, n: &'static str| {
            [c, u, "", "", "", "", n, "", "", "", "", ""]
        };
        let rows = vec![
            r("1", "URUSAN PEMERINTAHAN WAJIB", ""),
            r("1.06", "URUSAN PEMERINTAHAN BIDANG SOSIAL", "1.000"),
            r("1.06.01", "PROGRAM PENUNJANG", p1),
            r("1.06.01.2.01", "Perencanaan", k),
            r("1.06.02", "PROGRAM PEMBERDAYAAN SOSIAL", p2),
            r("1.06.02.2.01", "Pengembangan Potensi", k),
            r("", "JUMLAH", "1.000"),
        ];
        let (_, mut p) = plan(vec![sheet("T-C.33", &[], TC33, &rows)]);
        p.tables.remove(0)
    }

    fn cells(s: &LevelSum) -> Vec<String> {
        s.cells.iter().map(|p| p.a1()).collect()
    }

    const PAGU: AmountOf = AmountOf::Role(Role::PaguN);

    #[test]
    fn each_variant_sums_its_level() {
        let t = tc33("600", "400", "500");
        let all = 0..t.nodes.len();
        let top = sum_top_level(&t, all.clone(), PAGU).unwrap().unwrap();
        assert_eq!(
            (top.level, top.sum),
            (Level::Program, "1000".parse().unwrap())
        );
        assert_eq!(cells(&top), ["G4", "G6"]);
        // No sub kegiatan: the deepest level with amounts is kegiatan.
        let deep = sum_deepest_level(&t, all.clone(), PAGU).unwrap().unwrap();
        assert_eq!(
            (deep.level, deep.sum),
            (Level::Kegiatan, "1000".parse().unwrap())
        );
        // A missing level has no sum.
        assert_eq!(
            sum_of_level(&t, all.clone(), PAGU, Level::SubKegiatan),
            Ok(None)
        );
        let bidang = sum_of_level(&t, all, PAGU, Level::Bidang).unwrap().unwrap();
        assert_eq!(cells(&bidang), ["G3"]);
        let written = written_totals(&t, PAGU).unwrap();
        assert_eq!(written.len(), 1);
        assert_eq!(
            (written[0].0, written[0].1.a1()),
            ("1000".parse().unwrap(), "G8".into())
        );
    }

    #[test]
    fn a_blank_amount_is_not_zero() {
        let t = tc33("", "400", "500");
        let all = 0..t.nodes.len();
        let top = sum_top_level(&t, all.clone(), PAGU).unwrap().unwrap();
        assert_eq!(
            (top.level, top.sum),
            (Level::Program, "400".parse().unwrap())
        );
        assert_eq!(cells(&top), ["G6"]);
        // Programs all blank: the level has no sum and the next level is summed.
        let t = tc33("", "", "500");
        let top = sum_top_level(&t, 0..t.nodes.len(), PAGU).unwrap().unwrap();
        assert_eq!(top.level, Level::Kegiatan);
        assert_eq!(
            sum_of_level(&t, 0..t.nodes.len(), PAGU, Level::Program),
            Ok(None)
        );
        // Within a subset: only the nodes given count.
        let first_program: Vec<usize> = (0..t.nodes.len())
            .filter(|&i| {
                t.nodes[i]
                    .code
                    .as_ref()
                    .is_some_and(|c| c.to_string().starts_with("1.06.01"))
            })
            .collect();
        let s = sum_top_level(&t, first_program.iter().copied(), PAGU)
            .unwrap()
            .unwrap();
        assert_eq!((s.level, s.sum), (Level::Kegiatan, "500".parse().unwrap()));
    }

    #[test]
    fn an_overflowing_sum_is_an_error_not_a_panic() {
        // Each program and kegiatan at the largest Decimal (more digits than a typed cell is read with).
        let mut t = tc33("100", "100", "100");
        let mut table = (*t.table).clone();
        for n in t
            .nodes
            .iter()
            .filter(|n| matches!(n.level, Level::Program | Level::Kegiatan))
        {
            for f in table.rows[n.row_idx].fields.iter_mut() {
                if f.role == Role::PaguN {
                    f.parsed = crate::ingest::locate::Parsed::Amount(Decimal::MAX);
                }
            }
        }
        t.table = std::sync::Arc::new(table);
        let all = 0..t.nodes.len();
        assert_eq!(sum_top_level(&t, all.clone(), PAGU), Err(Overflow));
        assert_eq!(sum_deepest_level(&t, all.clone(), PAGU), Err(Overflow));
        assert_eq!(sum_of_level(&t, all, PAGU, Level::Program), Err(Overflow));
    }
}
