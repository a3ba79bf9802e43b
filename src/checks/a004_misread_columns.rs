//! A004 `columns-maybe-misread`: one derived-column or cross-table rule fails on most rows of one
//! column of one table, which points at the reading, not at the plan.
//!
//! This is a gate over the other rules' findings, run by [`super::run_all`] after them: when it
//! fires, the row findings under it are kept but demoted to info and grouped under its cell.

use super::{Context, Finding, Related, Rule, Severity};
use crate::ingest::cell::{Pos, col_letters};
use crate::ingest::locate::{LocatedTable, TableRow};
use crate::ingest::number::format_id;
use crate::ingest::role::Role;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

pub static RULE: Rule = Rule {
    code: "A004",
    name: "columns-maybe-misread",
    family: 'A',
    severity: Severity::Warning,
    summary_id: "Kolom mungkin salah dibaca: satu aturan gagal pada sebagian besar baris",
    summary_en: "Columns may be misread: one rule fails on most rows",
    explain_id: "\
Apa yang diperiksa
  Setelah semua aturan lain berjalan: bila satu aturan kolom turunan atau antartabel (C001–C004,
  D001, E001, E002, E005) gagal pada satu kolom satu tabel di paling sedikit 5 baris dan
  separuh atau lebih baris data tabel itu, kemungkinan besar selaras salah membaca kolomnya
  (judul yang tidak biasa, kolom bergeser), bukan perencana salah mengisi setiap baris. Satu
  temuan A004 ditaruh pada sel header kolom itu: aturan yang gagal, berapa baris, peran kolom
  yang dipakai dan dasarnya (nomor kolom, judul, tahun, urutan). Untuk kolom rasio (C001, C003)
  dan jumlah (C002) selaras juga mencari susunan kolom lain yang membuat baris-baris itu cocok
  dan menyebutkannya. Temuan baris di bawahnya tetap ada tetapi diturunkan menjadi info dan
  menunjuk ke sel A004.

Mengapa ini masalah
  Puluhan galat yang lahir dari satu salah baca menutupi kesalahan yang sebenarnya dan membuat
  perencana berhenti mempercayai pemeriksaan.

Contoh
  Kolom `Target Renja PD Tahun 2025` terbaca sebagai kolom 6, sehingga C002 gagal pada 22 dari
  24 baris T-C.29. A004 menyebut kolom itu; baris nomor kolom `(9)` di bawah header akan
  memperbaikinya.

Sebaiknya
  Periksa judul kolom dan baris nomor kolom (1, 2, 3 … sesuai formulir); bila tata letak kantor
  Anda memang lain, tambahkan judulnya sebagai alias di rules/tables.toml (`--rules DIR`). Bila
  setiap baris memang salah, perbaiki rumusnya sekali untuk seluruh kolom.",
    explain_en: "\
What it does
  After every other rule: when one derived-column or cross-table rule (C001–C004, D001, E001,
  E002, E005) fails on one column of one table on at least 5 rows and on half or more of that
  table's data rows, the likely cause is that selaras misread the column (an unusual header, a
  shifted column), not that the planner got every row wrong. One A004 finding is placed on that
  column's header cell: the failing rule, how many rows, the role selaras gave the column and
  what it rests on (number row, header, year, order). For ratio columns (C001, C003) and sums
  (C002) selaras also looks for another assignment of the table's columns that makes those rows
  agree, and names it. The row findings under it are kept but demoted to info and point at the
  A004 cell.

Why is this bad
  Dozens of errors born of one misreading bury the real mistakes and teach the planner to stop
  trusting the check.

Example
  The column `Target Renja PD Tahun 2025` was read as column 6, so C002 failed on 22 of 24 rows
  of T-C.29. A004 names that column; a number row `(9)` under the header would fix the reading.

Use instead
  Check the column titles and the number row (1, 2, 3 … as in the form); if your office's layout
  really differs, add its wording as aliases in rules/tables.toml (`--rules DIR`). If every row
  really is wrong, correct the formula once for the whole column.",
    run,
};

/// The gate does its work in [`gate`], over the other rules' findings; alone it finds nothing.
fn run(_: &Context) -> Vec<Finding> {
    Vec::new()
}

/// Rules whose mass failure on one column points at the reading.
const GATED: [&str; 8] = [
    "C001", "C002", "C003", "C004", "D001", "E001", "E002", "E005",
];
/// At least this many rows, and at least half of the table's data rows.
const MIN_ROWS: usize = 5;

fn table_at<'a>(ctx: &'a Context, sheet: &str, pos: Pos) -> Option<&'a LocatedTable> {
    ctx.ingested
        .tables
        .iter()
        .find(|t| {
            t.sheet == sheet
                && pos.row > t.header_end
                && pos.row <= t.last_row
                && pos.col >= t.first_col
                && pos.col <= t.last_col
        })
        .map(|t| &**t)
}

fn num_at(row: &TableRow, col: u32) -> Option<Decimal> {
    row.fields
        .iter()
        .find(|f| f.pos.col == col)
        .and_then(|f| f.parsed.number())
}

/// Numeric columns of a table: (column, header) of every column typed number or amount.
fn numeric_columns(t: &LocatedTable) -> Vec<u32> {
    use crate::ingest::rules::ColumnType as T;
    t.columns
        .iter()
        .filter(|c| matches!(c.ty, T::Number | T::Amount | T::Target))
        .map(|c| c.col)
        .collect()
}

/// The assignment of the table's numeric columns that makes the most rows agree with a ratio
/// `c = a / b × 100` (`sum = false`) or a sum `c = a + b + d` (`sum = true`): a description and
/// the rows it fits, when it fits at least 80% of the rows where its cells are numbers.
fn best_alternative(t: &LocatedTable, sum: bool) -> Option<(String, usize, usize)> {
    let cols = numeric_columns(t);
    // The relations as read (8 = 7/6, 11 = 10/4, 10 = 5+7+9): the current assignment, and its
    // rearrangements (4 = 10/11 holds whenever 11 = 10/4 does), are no alternative.
    let current: Vec<Vec<u32>> = [
        &[Role::K8, Role::K7, Role::K6][..],
        &[Role::K11, Role::K10, Role::K4][..],
        &[Role::K10, Role::K5, Role::K7, Role::K9][..],
    ]
    .iter()
    .filter_map(|roles| {
        let mut v: Vec<u32> = roles
            .iter()
            .map(|&r| t.column(r).map(|c| c.col))
            .collect::<Option<_>>()?;
        v.sort_unstable();
        Some(v)
    })
    .collect();
    let is_current = |mut v: Vec<u32>| {
        v.sort_unstable();
        current.contains(&v)
    };
    let tol = Decimal::new(1, 2);
    // (description, rows fitting, rows compared, the derived column stands right of its inputs
    // as forms place it — which tells `I = G/F×100` from its rearrangement `F = G/I×100`).
    type Best = Option<(String, usize, usize, bool)>;
    let mut best: Best = None;
    let consider = |desc: String, fit: usize, of: usize, after: bool, best: &mut Best| {
        if of >= 3 && fit * 10 >= of * 8 && best.as_ref().is_none_or(|b| (fit, after) > (b.1, b.3))
        {
            *best = Some((desc, fit, of, after));
        }
    };
    for &c in &cols {
        for &a in cols.iter().filter(|x| **x != c) {
            for &b in cols.iter().filter(|x| **x != c && **x != a) {
                if !sum {
                    if is_current(vec![a, b, c]) {
                        continue;
                    }
                    let (mut fit, mut of) = (0, 0);
                    for r in &t.rows {
                        let (Some(x), Some(y), Some(z)) =
                            (num_at(r, a), num_at(r, b), num_at(r, c))
                        else {
                            continue;
                        };
                        if y.is_zero() {
                            continue;
                        }
                        of += 1;
                        if let Some(q) = x
                            .checked_div(y)
                            .and_then(|q| q.checked_mul(Decimal::ONE_HUNDRED))
                            && (q - z).abs() <= tol
                        {
                            fit += 1;
                        }
                    }
                    let desc = format!(
                        "{} = {}/{}×100",
                        col_letters(c),
                        col_letters(a),
                        col_letters(b)
                    );
                    consider(desc, fit, of, c > a && c > b, &mut best);
                    continue;
                }
                for &d in cols
                    .iter()
                    .filter(|x| **x != c && **x != a && **x != b && **x > b)
                {
                    if b <= a || is_current(vec![a, b, c, d]) {
                        continue;
                    }
                    let (mut fit, mut of) = (0, 0);
                    for r in &t.rows {
                        let (Some(x), Some(y), Some(w), Some(z)) =
                            (num_at(r, a), num_at(r, b), num_at(r, d), num_at(r, c))
                        else {
                            continue;
                        };
                        of += 1;
                        if x.checked_add(y).and_then(|s| s.checked_add(w)) == Some(z) {
                            fit += 1;
                        }
                    }
                    let desc = format!(
                        "{} = {}+{}+{}",
                        col_letters(c),
                        col_letters(a),
                        col_letters(b),
                        col_letters(d)
                    );
                    consider(desc, fit, of, c > d, &mut best);
                }
            }
        }
    }
    best.map(|(d, fit, of, _)| (d, fit, of))
}

/// Adds one A004 per (rule, table column) that fails on most rows, and demotes the findings
/// under it to info. Findings at info already, and other rules, are left alone.
pub fn gate(ctx: &Context, findings: &mut Vec<Finding>, severity: Severity) {
    let mut groups: BTreeMap<(&'static str, String, u32), Vec<usize>> = BTreeMap::new();
    for (i, f) in findings.iter().enumerate() {
        if GATED.contains(&f.rule) && f.severity != Severity::Info {
            let pos = f.pos();
            if table_at(ctx, &f.sheet, pos).is_some() {
                groups
                    .entry((f.rule, f.sheet.clone(), pos.col))
                    .or_default()
                    .push(i);
            }
        }
    }
    let mut added = Vec::new();
    for ((rule, sheet, col), idx) in groups {
        let first = findings[idx[0]].pos();
        let Some(t) = table_at(ctx, &sheet, first) else {
            continue;
        };
        let mut rows: Vec<u32> = idx.iter().map(|i| findings[*i].pos().row).collect();
        rows.dedup();
        let data_rows = t.rows.len();
        if rows.len() < MIN_ROWS || rows.len() * 2 < data_rows {
            continue;
        }
        let cm = t.columns.iter().find(|c| c.col == col);
        let (role, header, evidence_id, evidence_en) = match cm {
            Some(c) => (
                c.role.to_string(),
                c.header.replace('\n', " "),
                c.evidence.describe(c.label.as_deref(), false),
                c.evidence.describe(c.label.as_deref(), true),
            ),
            None => (String::new(), String::new(), String::new(), String::new()),
        };
        let alt = match rule {
            "C001" | "C003" => best_alternative(t, false),
            "C002" => best_alternative(t, true),
            _ => None,
        };
        let (alt_id, alt_en) = match &alt {
            Some((d, fit, of)) => (
                format!("; susunan yang cocok: {d} pada {fit} dari {of} baris"),
                format!("; an assignment that fits: {d} on {fit} of {of} rows"),
            ),
            None => (String::new(), String::new()),
        };
        let letter = col_letters(col);
        let pos = Pos::new(t.header_end, col);
        let cell = pos.a1();
        let mut a = Finding::new(
            &RULE,
            &sheet,
            pos,
            format!(
                "{}: {rule} gagal pada {} dari {data_rows} baris di kolom {letter} `{header}`, yang terbaca sebagai `{role}` (dasar: {evidence_id}); kolom mungkin salah dibaca{alt_id}",
                t.kind,
                rows.len()
            ),
            format!(
                "{}: {rule} fails on {} of {data_rows} rows in column {letter} `{header}`, read as `{role}` (from: {evidence_en}); the columns may be misread{alt_en}",
                t.kind,
                rows.len()
            ),
        )
        .expected_found(
            alt.as_ref()
                .map(|(d, _, _)| d.clone())
                .unwrap_or_else(|| format!("< {} baris gagal", data_rows.div_ceil(2))),
            format!("{} {}", format_id(&Decimal::from(rows.len() as u64)), rule),
        )
        .expected_found_en(
            alt.as_ref()
                .map(|(d, _, _)| d.clone())
                .unwrap_or_else(|| format!("< {} rows failing", data_rows.div_ceil(2))),
            format!("{} {}", format_id(&Decimal::from(rows.len() as u64)), rule),
        )
        .related(idx.iter().take(12).map(|i| {
            let f = &findings[*i];
            Related {
                sheet: f.sheet.clone(),
                cell: f.cell,
            }
        }))
        .severity(severity);
        a.related.dedup();
        for i in &idx {
            let f = &mut findings[*i];
            f.severity = Severity::Info;
            f.message_id = format!(
                "(dikelompokkan di bawah A004 {sheet}!{cell}) {}",
                f.message_id
            );
            f.message_en = format!("(grouped under A004 {sheet}!{cell}) {}", f.message_en);
            f.related.push(Related {
                sheet: sheet.clone(),
                cell: pos,
            });
        }
        added.push(a);
    }
    findings.extend(added);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::config::CheckConfig;
    use crate::checks::util::testkit::{TC29, plan, sheet};
    use crate::checks::{Context, run_all};

    /// T-C.29 rows whose columns 8 and 9 were swapped by the planner's layout but not by the
    /// header: column 8 holds the 2025 target, column 9 the rate.
    fn swapped_rows() -> Vec<[&'static str; 11]> {
        vec![
            [
                "1.06.01",
                "PROGRAM A",
                "Jumlah Dokumen A",
                "60",
                "30",
                "10",
                "8",
                "12",
                "80,00",
                "50",
                "83,33",
            ],
            [
                "1.06.02",
                "PROGRAM B",
                "Jumlah Dokumen B",
                "60",
                "20",
                "20",
                "10",
                "15",
                "50,00",
                "45",
                "75,00",
            ],
            [
                "1.06.03",
                "PROGRAM C",
                "Jumlah Dokumen C",
                "90",
                "30",
                "20",
                "16",
                "20",
                "80,00",
                "66",
                "73,33",
            ],
            [
                "1.06.04",
                "PROGRAM D",
                "Jumlah Dokumen D",
                "80",
                "20",
                "25",
                "20",
                "30",
                "80,00",
                "70",
                "87,50",
            ],
            [
                "1.06.05",
                "PROGRAM E",
                "Jumlah Dokumen E",
                "50",
                "10",
                "10",
                "5",
                "10",
                "50,00",
                "25",
                "50,00",
            ],
            [
                "1.06.06",
                "PROGRAM F",
                "Jumlah Dokumen F",
                "40",
                "10",
                "10",
                "9",
                "10",
                "90,00",
                "29",
                "72,50",
            ],
        ]
    }

    fn check(rows: Vec<[&'static str; 11]>) -> Vec<Finding> {
        let (ing, plan) = plan(vec![sheet("T-C.29", &[], TC29, &rows)]);
        let config = CheckConfig::default_config();
        run_all(&Context {
            ingested: &ing,
            plan: &plan,
            config: &config,
        })
    }

    #[test]
    fn fires_once_per_failing_column_and_demotes_the_row_findings() {
        let f = check(swapped_rows());
        let a004: Vec<&Finding> = f.iter().filter(|f| f.rule == "A004").collect();
        // Column 8 fails C001 and column 10 fails C002 (it adds the 2025 target, in column 8).
        assert_eq!(a004.len(), 2, "{f:#?}");
        assert_eq!(a004[0].cell, "H1");
        assert_eq!(a004[0].severity, Severity::Warning);
        assert!(
            a004[0].message_id.contains("C001"),
            "{}",
            a004[0].message_id
        );
        // The rate really sits in column I: the search names it.
        assert_eq!(a004[0].expected.as_deref(), Some("I = G/F×100"));
        assert_eq!(a004[1].cell, "J1");
        assert_eq!(a004[1].expected.as_deref(), Some("J = E+G+H"));
        let c001: Vec<&Finding> = f.iter().filter(|f| f.rule == "C001").collect();
        assert_eq!(c001.len(), 6);
        assert!(c001.iter().all(|f| f.severity == Severity::Info));
        assert!(
            f.iter()
                .filter(|f| f.rule != "A004")
                .all(|f| f.severity != Severity::Error),
            "{f:#?}"
        );
    }

    #[test]
    fn silent_when_only_a_few_rows_fail() {
        let mut rows = swapped_rows();
        // Put columns 8 and 9 right on all rows but one.
        for r in rows.iter_mut().skip(1) {
            r.swap(7, 8);
        }
        let f = check(rows);
        assert!(f.iter().all(|f| f.rule != "A004"), "{f:#?}");
        assert!(
            f.iter()
                .any(|f| f.rule == "C001" && f.severity == Severity::Error)
        );
    }
}
