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

/// Every hierarchy node's amount per amount role, for every table given (index in the plan, the
/// table, its amount roles): columns `table`, `node`, `parent`, `role`, `amount`. One frame for
/// the whole workbook, built once.
pub fn amounts_frame(tables: &[(usize, &TableModel, Vec<Role>)]) -> PolarsResult<DataFrame> {
    let mut table = Vec::new();
    let mut node = Vec::new();
    let mut parent: Vec<Option<u32>> = Vec::new();
    let mut role = Vec::new();
    let mut amount = Vec::new();
    for (ti, t, roles) in tables {
        for (i, n) in t.nodes.iter().enumerate() {
            if n.level == Level::Total {
                continue;
            }
            for &r in roles {
                table.push(*ti as u32);
                node.push(i as u32);
                parent.push(n.parent.map(|p| p as u32));
                // By name: the sums come back sorted by it, and so do the findings.
                role.push(r.as_str());
                amount.push(t.row(n).field(r).and_then(|f| f.parsed.amount()));
            }
        }
    }
    DataFrame::new_infer_height(vec![
        Column::new("table".into(), table),
        Column::new("node".into(), node),
        Column::new("parent".into(), parent),
        Column::new("role".into(), role),
        decimal_series("amount", &amount)?.into_column(),
    ])
}

/// For every parent node and amount role of every table given: its own amount next to the sum
/// of its children, as (table index, sum). One polars query over the workbook's amounts frame:
/// a group-by on `table, parent, role`, left-joined to the parents' own amounts.
pub fn parent_sums(
    tables: &[(usize, &TableModel, Vec<Role>)],
) -> PolarsResult<Vec<(usize, ParentSum)>> {
    if tables
        .iter()
        .all(|(_, t, roles)| roles.is_empty() || t.nodes.is_empty())
    {
        return Ok(Vec::new());
    }
    let df = amounts_frame(tables)?;
    let keys = ["table", "parent", "role"];
    let children = df
        .clone()
        .lazy()
        .filter(col("parent").is_not_null())
        .group_by([col("table"), col("parent"), col("role")])
        .agg([
            col("amount").sum().alias("children_sum"),
            col("amount").count().alias("with_amount"),
        ]);
    let own = df.lazy().select([
        col("table"),
        col("node").alias("parent"),
        col("role"),
        col("amount").alias("own"),
    ]);
    let joined = children
        .join(
            own,
            keys.map(col),
            keys.map(col),
            JoinArgs::new(JoinType::Left),
        )
        .sort(keys, SortMultipleOptions::default())
        .collect()?;
    let tabs = joined.column("table")?.u32()?.clone();
    let parents = joined.column("parent")?.u32()?.clone();
    let role = joined.column("role")?.str()?.clone();
    let sums = decimals(joined.column("children_sum")?)?;
    let with = joined.column("with_amount")?.cast(&DataType::UInt32)?;
    let with = with.u32()?;
    let own = decimals(joined.column("own")?)?;
    let mut out = Vec::with_capacity(joined.height());
    for i in 0..joined.height() {
        let Some(r) = role.get(i).and_then(Role::parse) else {
            continue;
        };
        out.push((
            tabs.get(i).unwrap_or(0) as usize,
            ParentSum {
                parent: parents.get(i).unwrap_or(0) as usize,
                role: r,
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
