//! The table work done with polars: amounts of a plan table as a DataFrame and parent sums by
//! group-by. (Rows of two tables are paired in `model::pairing`.)
//!
//! Money goes into polars as `Decimal(38, s)` columns built from rust_decimal mantissas at one
//! common scale `s` (the largest scale present), so sums stay exact; results come back as
//! rust_decimal through the same mantissa/scale.

use crate::ingest::code::Level;
use crate::ingest::role::Role;
use crate::model::plan::TableModel;
use polars::prelude::*;
use rust_decimal::Decimal;

/// One amount column's parent-vs-children comparison for one parent node.
#[derive(Debug, Clone, PartialEq)]
pub struct ParentSum {
    pub parent: usize,
    pub role: Role,
    /// The parent's own amount (None when blank).
    pub own: Option<Decimal>,
    /// Sum of the children's amounts (blank children count as nothing).
    pub children_sum: Decimal,
    /// How many children have an amount (not blank).
    pub children_with_amount: usize,
}

fn common_scale(values: impl Iterator<Item = Decimal>) -> u32 {
    values
        .map(|d| d.normalize().scale())
        .max()
        .unwrap_or(0)
        .min(12)
}

/// The mantissa of `d` at `scale`, in i128 (where a rescale inside rust_decimal's 96 bits could
/// overflow); None when even i128 cannot hold it.
fn to_mantissa(d: Decimal, scale: u32) -> Option<i128> {
    let (m, s) = (d.mantissa(), d.scale());
    if s <= scale {
        10i128.checked_pow(scale - s).and_then(|f| m.checked_mul(f))
    } else {
        let mut r = d;
        r.rescale(scale);
        Some(r.mantissa())
    }
}

/// A Decimal series from optional rust_decimal values at a common scale.
pub fn decimal_series(name: &str, values: &[Option<Decimal>]) -> PolarsResult<Series> {
    let scale = common_scale(values.iter().flatten().copied());
    let mantissas: Vec<Option<i128>> = values
        .iter()
        .map(|v| match v {
            None => Some(None),
            Some(d) => to_mantissa(*d, scale).map(Some),
        })
        .collect::<Option<_>>()
        .ok_or_else(|| PolarsError::ComputeError("amount out of range".into()))?;
    let ca = Int128Chunked::from_iter_options(name.into(), mantissas.into_iter());
    Ok(ca.into_decimal(38, scale as usize)?.into_series())
}

/// Reads a Decimal column back into rust_decimal values.
pub fn decimals(col: &Column) -> PolarsResult<Vec<Option<Decimal>>> {
    let ca = col.decimal()?;
    let scale = ca.scale() as u32;
    let phys = ca.physical();
    (0..phys.len())
        .map(|i| {
            phys.get(i)
                .map(|m| {
                    Decimal::try_from_i128_with_scale(m, scale).map_err(|_| {
                        PolarsError::ComputeError("sum out of the range of money".into())
                    })
                })
                .transpose()
        })
        .collect()
}

/// A (table, node, role) triple packed into one integer that sorts as the triple does, so
/// polars groups and joins on one `u64` column instead of encoding rows of three keys (a
/// 100,000-row table's group-by and join took ~45 MB and most of B001's time that way).
fn pack(table: usize, node: usize, rank: u8) -> PolarsResult<u64> {
    let too_big = || PolarsError::ComputeError("too many tables or rows to key".into());
    let t = u16::try_from(table).map_err(|_| too_big())?;
    let n = u32::try_from(node).map_err(|_| too_big())?;
    Ok((u64::from(t) << 40) | (u64::from(n) << 8) | u64::from(rank))
}

fn unpack(key: u64) -> (usize, usize, u8) {
    (
        (key >> 40) as usize,
        ((key >> 8) & 0xFFFF_FFFF) as usize,
        (key & 0xFF) as u8,
    )
}

/// Every hierarchy node's amount per amount role, for every table given (index in the plan, the
/// table, its amount roles): columns `key` (table, node, role), `parent_key` (table, parent,
/// role; null for a node without a parent) and `amount`. One frame for the whole workbook,
/// built once. Roles are keyed by their rank in name order (the second value returned), so the
/// sums come back sorted by table, parent and role name, and so do the findings.
pub fn amounts_frame(
    tables: &[(usize, &TableModel, Vec<Role>)],
) -> PolarsResult<(DataFrame, Vec<Role>)> {
    let mut by_name: Vec<Role> = tables
        .iter()
        .flat_map(|(_, _, r)| r.iter().copied())
        .collect();
    by_name.sort_by_key(|r| r.as_str());
    by_name.dedup();
    let rank = |r: Role| by_name.iter().position(|&x| x == r).unwrap_or(0) as u8;
    let mut key = Vec::new();
    let mut parent_key: Vec<Option<u64>> = Vec::new();
    let mut amount = Vec::new();
    for (ti, t, roles) in tables {
        for (i, n) in t.nodes.iter().enumerate() {
            if n.level == Level::Total {
                continue;
            }
            for &r in roles {
                key.push(pack(*ti, i, rank(r))?);
                parent_key.push(n.parent.map(|p| pack(*ti, p, rank(r))).transpose()?);
                amount.push(t.row(n).field(r).and_then(|f| f.parsed.amount()));
            }
        }
    }
    let df = DataFrame::new_infer_height(vec![
        Column::new("key".into(), key),
        Column::new("parent_key".into(), parent_key),
        decimal_series("amount", &amount)?.into_column(),
    ])?;
    Ok((df, by_name))
}

/// For every parent node and amount role of every table given: its own amount next to the sum
/// of its children, as (table index, sum). One polars query over the workbook's amounts frame:
/// a group-by on the parent's key, left-joined to the parents' own amounts.
pub fn parent_sums(
    tables: &[(usize, &TableModel, Vec<Role>)],
) -> PolarsResult<Vec<(usize, ParentSum)>> {
    if tables
        .iter()
        .all(|(_, t, roles)| roles.is_empty() || t.nodes.is_empty())
    {
        return Ok(Vec::new());
    }
    let (df, roles) = amounts_frame(tables)?;
    let children = df
        .clone()
        .lazy()
        .select([col("parent_key").alias("key"), col("amount")])
        .filter(col("key").is_not_null())
        .group_by([col("key")])
        .agg([
            col("amount").sum().alias("children_sum"),
            col("amount").count().alias("with_amount"),
        ]);
    let own = df.lazy().select([col("key"), col("amount").alias("own")]);
    let joined = children
        .join(
            own,
            [col("key")],
            [col("key")],
            JoinArgs::new(JoinType::Left),
        )
        .sort(["key"], SortMultipleOptions::default())
        .collect()?;
    let keys = joined.column("key")?.u64()?.clone();
    let sums = decimals(joined.column("children_sum")?)?;
    let with = joined.column("with_amount")?.cast(&DataType::UInt32)?;
    let with = with.u32()?;
    let own = decimals(joined.column("own")?)?;
    let mut out = Vec::with_capacity(joined.height());
    for i in 0..joined.height() {
        let (table, parent, rank) = unpack(keys.get(i).unwrap_or(0));
        out.push((
            table,
            ParentSum {
                parent,
                role: roles[rank as usize],
                own: own[i],
                children_sum: sums[i].unwrap_or_default(),
                children_with_amount: with.get(i).unwrap_or(0) as usize,
            },
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_keys_sort_as_their_triples() {
        let triples = [
            (0, 0, 0),
            (0, 0, 3),
            (0, 1, 0),
            (0, 99_999, 2),
            (1, 0, 0),
            (3, 7, 255),
        ];
        let keys: Vec<u64> = triples
            .iter()
            .map(|&(t, n, r)| pack(t, n, r).unwrap())
            .collect();
        assert!(keys.is_sorted());
        for (k, t) in keys.iter().zip(triples) {
            assert_eq!(unpack(*k), t);
        }
        assert!(pack(1 << 16, 0, 0).is_err());
    }

    #[test]
    fn decimals_round_trip_through_polars_exactly() {
        let vals = vec![
            Some("15387210499".parse().unwrap()),
            None,
            Some("0.1".parse().unwrap()),
            Some("92.45".parse().unwrap()),
        ];
        let s = decimal_series("x", &vals).unwrap();
        let back = decimals(&s.into_column()).unwrap();
        assert_eq!(
            back.iter()
                .map(|v| v.map(|d| d.normalize()))
                .collect::<Vec<_>>(),
            vals
        );
    }
}
