//! `selaras inspect`: what was understood of a workbook — each table (kind, sheet, range),
//! rows per level, budget totals per column, and every sheet that could not be placed.

use crate::ingest::Ingested;
use crate::ingest::code::Level;
use crate::ingest::locate::Parsed;
use crate::ingest::number::format_id;
use crate::ingest::role::Role;
use crate::ingest::rules::ColumnType;
use crate::model::plan::Plan;
use crate::model::totals::{AmountOf, sum_deepest_level};
use rust_decimal::Decimal;
use serde_json::{Value as Json, json};
use std::collections::BTreeMap;
use std::path::Path;

/// Rows per level and the total of every amount column, summed over the rows at the lowest
/// level that carries amounts (sub kegiatan where present), so parents are not counted twice.
pub fn table_summary(
    plan: &Plan,
    idx: usize,
) -> (BTreeMap<&'static str, usize>, BTreeMap<String, Decimal>) {
    let t = &plan.tables[idx];
    let mut rows = BTreeMap::new();
    for l in [Level::Program, Level::Kegiatan, Level::SubKegiatan] {
        rows.insert(l.key(), t.count(l));
    }
    if !t.is_hierarchical() {
        rows.clear();
        rows.insert("rows", t.table.rows.len());
    }
    let totals = amount_totals(plan, idx)
        .into_iter()
        .map(|(k, (_, v))| (k, v))
        .collect();
    (rows, totals)
}

/// The totals of [`table_summary`] with the role of each: keyed `role_year` (`pagu_n_2026`), or
/// the role's name when its header names no year.
pub fn amount_totals(plan: &Plan, idx: usize) -> BTreeMap<String, (Role, Decimal)> {
    let t = &plan.tables[idx];
    let mut totals = BTreeMap::new();
    for c in t
        .table
        .columns
        .iter()
        .filter(|c| c.ty == ColumnType::Amount)
    {
        let key = match c.year {
            Some(y) => format!("{}_{y}", c.role),
            None => c.role.to_string(),
        };
        // The deepest level that has any amount in this very column (a role over several
        // columns sums each of them); nothing summed is 0, a sum beyond money is left out.
        if let Ok(s) = sum_deepest_level(t, 0..t.nodes.len(), AmountOf::Column(c)) {
            totals.insert(key, (c.role, s.map(|s| s.sum).unwrap_or_default()));
        }
    }
    totals
}

pub fn inspect_json(path: &Path, ing: &Ingested, plan: &Plan) -> Json {
    let tables: Vec<Json> = plan
        .tables
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let (rows, totals) = table_summary(plan, i);
            let unparsed: Vec<Json> = t
                .table
                .rows
                .iter()
                .flat_map(|r| r.fields.iter())
                .filter_map(|f| match &f.parsed {
                    Parsed::Unparsed(u) => Some(json!({"cell": f.pos.a1(), "text": u.text, "reason": u.reason.both()})),
                    Parsed::Error(e) => Some(json!({"cell": f.pos.a1(), "text": e, "reason": "sel galat (error cell)"})),
                    _ => None,
                })
                .collect();
            json!({
                "kind": t.table.kind,
                "sheet": t.table.sheet,
                "range": t.table.range(),
                "header_rows": [t.table.header_start + 1, t.table.header_end + 1],
                "number_row": t.table.number_row.map(|r| r + 1),
                "columns": t.table.columns.iter().map(|c| json!({
                    "role": c.role, "column": crate::ingest::cell::col_letters(c.col), "year": c.year, "header": c.header,
                    "label": c.label, "evidence": c.evidence, "confidence": c.evidence.confidence(),
                })).collect::<Vec<_>>(),
                "rows": rows,
                "totals": totals.iter().map(|(k, v)| (k.clone(), json!(v.normalize().to_string()))).collect::<serde_json::Map<_, _>>(),
                "skipped_rows": t.table.skipped.iter().map(|(r, why)| json!({"row": r + 1, "reason": why})).collect::<Vec<_>>(),
                "unparsed": unparsed,
            })
        })
        .collect();
    json!({
        "path": path.display().to_string(),
        "office": plan.office,
        "tables": tables,
        "unplaced": ing.unplaced.iter().map(|u| json!({"sheet": u.sheet, "reason": u.why.both()})).collect::<Vec<_>>(),
    })
}

pub fn inspect_text(path: &Path, ing: &Ingested, plan: &Plan) -> String {
    let mut out = format!("{}\n", path.display());
    if let Some(o) = &plan.office {
        out.push_str(&format!("  perangkat daerah: {o}\n"));
    }
    for (i, t) in plan.tables.iter().enumerate() {
        let (rows, totals) = table_summary(plan, i);
        out.push_str(&format!(
            "  {:<15} lembar `{}` {}\n",
            t.table.kind,
            t.table.sheet,
            t.table.range()
        ));
        let rows: Vec<String> = rows.iter().map(|(k, v)| format!("{k} {v}")).collect();
        out.push_str(&format!("    baris: {}\n", rows.join(", ")));
        if let Some(r) = t.table.number_row {
            out.push_str(&format!("    nomor kolom pada baris {}\n", r + 1));
        }
        for c in &t.table.columns {
            let header: String = c.header.replace('\n', " ").chars().take(70).collect();
            out.push_str(&format!(
                "    kolom {:<3} {:<12} ← {} (keyakinan {}) `{}`\n",
                crate::ingest::cell::col_letters(c.col),
                c.role,
                c.evidence.describe(c.label.as_deref(), false),
                c.evidence.confidence().label(false),
                header
            ));
        }
        for (k, v) in totals {
            out.push_str(&format!("    jumlah {k}: {}\n", format_id(&v)));
        }
        if !t.table.skipped.is_empty() {
            out.push_str(&format!(
                "    {} baris dilewati (header berulang / baris halaman)\n",
                t.table.skipped.len()
            ));
        }
    }
    for u in &ing.unplaced {
        out.push_str(&format!(
            "  tidak dikenali: lembar `{}`: {}\n",
            u.sheet,
            u.why.both()
        ));
    }
    out
}
