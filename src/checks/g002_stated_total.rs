//! G002 `stated-total-mismatch`: A stated total budget differs from the table.

use super::util::{
    column_year, inside_table, level_plural, plan_year, rp, stated_year_phrase,
    texts_outside_tables, top_level_sum,
};
use super::{Context, Finding, Related, Rule, Severity};
use crate::ingest::cell::{Pos, Value};
use crate::ingest::code::Level;
use crate::ingest::kind::TableKind;
use crate::ingest::number::{decimal_from_f64, parse_id_number};
use crate::ingest::rules::{ColumnType, normalize};
use crate::ingest::workbook::Sheet;
use crate::model::plan::{Plan, TableModel};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

pub static RULE: Rule = Rule {
    code: "G002",
    name: "stated-total-mismatch",
    family: 'G',
    severity: Severity::Error,
    summary_id: "Total pagu yang disebut tidak sesuai tabel",
    summary_en: "A stated total budget differs from the table",
    explain_id: "\
Apa yang diperiksa
  Total anggaran yang ditulis dalam buku kerja harus sama dengan total tabel rencana.
  (1) Kalimat di sel teks di luar tabel (termasuk baris judul di atas tabel) yang menyebut
  total pagu, mis. \"Total kebutuhan dana / pagu indikatif pada Rancangan Awal RENJA Tahun 2026
  adalah sebesar Rp. 37.118.380.499,-\". Kalimat dihitung bila memuat kata jumlah (`total`,
  `jumlah`, `keseluruhan`, `seluruh`) dan kata anggaran (`pagu`, `anggaran`, `dana`, `biaya`,
  `belanja`), atau kata anggaran dan nama dokumen/perangkat daerah (`renja`, `rkpd`, `opd`,
  `skpd`, `dinas`, `badan`, `perangkat daerah`). Angkanya yang diawali `Rp` (atau setelah
  `sebesar`) dibaca cara Indonesia; `juta`, `miliar`/`milyar`, `triliun` dikalikan dan
  dibandingkan dengan toleransi setengah satuan angka terakhir yang ditulis (Rp 37,1 miliar =
  37.050.000.000 s.d. 37.150.000.000); tanpa itu perbandingannya eksak. Tahunnya = tahun yang
  ditulis paling dekat sebelum angka, lalu tahun mana pun dalam kalimat, lalu tahun rencana
  (tahun kolom pagu T-C.33). Hanya angka pertama tiap tahun yang dianggap total; angka
  berikutnya untuk tahun yang sama (\"terdiri dari belanja operasi Rp …\") adalah rinciannya.
  (2) Angka di sebelah kanan sel berlabel `Total` / `Jumlah` di luar tabel: dibandingkan dengan
  kolom tabel di atasnya yang sekolom dengannya; label yang menyebut anggaran (`Jumlah Pagu`,
  `Total Anggaran`) tanpa kolom yang sejajar dibandingkan dengan total T-C.33 tahun rencana.
  Tabel pembanding: tabel yang disebut dalam kalimat (mis. `T-C.31`), kalau tidak T-C.33, kalau
  tidak ada T-C.33 tabel yang judulnya memuat kalimat itu. Totalnya = jumlah pagu program
  tahun itu (bila program tak berpagu, tingkat berikutnya yang berpagu), per kolom pagu
  tahun itu (T-C.31: kedua sisi, satu temuan per sisi yang berbeda); beberapa tabel sejenis
  dijumlahkan, kecuali kalimatnya ada di judul salah satunya. Pagu kosong tidak dihitung.

Mengapa ini masalah
  Total dalam teks adalah angka yang dikutip pimpinan dan dibawa ke RKPD. Bila berbeda dengan
  tabel, salah satunya tertinggal revisi, dan verifikator tidak tahu angka mana yang benar.

Contoh
  Teks menyebut \"sebesar Rp. 37.118.380.499,-\" sedangkan tujuh program T-C.33 tahun 2026
  berjumlah 37.193.380.499.

Sebaiknya
  Perbarui teks setiap kali tabel direvisi; lebih baik, rujuk sel jumlah tabel dengan rumus
  (=TEXT(...)) agar teks ikut berubah.",
    explain_en: "\
What it does
  A total budget written in the workbook must equal the plan table's total.
  (1) Sentences in text cells outside the tables (title rows above a table included) that state
  a total budget, e.g. \"Total kebutuhan dana / pagu indikatif pada Rancangan Awal RENJA Tahun
  2026 adalah sebesar Rp. 37.118.380.499,-\". A sentence counts when it has a total word
  (`total`, `jumlah`, `keseluruhan`, `seluruh`) and a budget word (`pagu`, `anggaran`, `dana`,
  `biaya`, `belanja`), or a budget word and the name of the document / office (`renja`,
  `rkpd`, `opd`, `skpd`, `dinas`, `badan`, `perangkat daerah`). The amount after `Rp` (or after
  `sebesar`) is read the Indonesian way; `juta`, `miliar`/`milyar`, `triliun` multiply it and
  the comparison then allows half a unit of the last digit written (Rp 37,1 miliar =
  37.050.000.000 to 37.150.000.000); otherwise it is exact. Its year is the year written
  nearest before the amount, else any year in the sentence, else the plan year (the year of
  T-C.33's budget column). Only the first amount of each year is taken as the total; later
  amounts for the same year (\"terdiri dari belanja operasi Rp …\") break it down.
  (2) A number to the right of a cell labelled `Total` / `Jumlah` outside the tables: compared
  with the column of the table above it that it sits under; a label naming a budget
  (`Jumlah Pagu`, `Total Anggaran`) with no aligned column is compared with T-C.33's total for
  the plan year.
  The table compared: the one the sentence names (e.g. `T-C.31`), else T-C.33, else (no T-C.33)
  the table whose title holds the sentence. Its total = the sum of the programs' budgets for
  that year (when programs have none, the next level that has them), per budget column of that
  year (T-C.31: both sides, one finding per side that differs); several tables of one kind are
  added up, unless the sentence is in one's title. Blank budgets count as nothing.

Why is this bad
  The total in the text is the figure leaders quote and that goes into the regional plan. When
  it differs from the table, one of them missed a revision and the verifier cannot tell which
  figure is right.

Example
  The text says \"sebesar Rp. 37.118.380.499,-\" while T-C.33's seven programs for 2026 add up
  to 37.193.380.499.

Use instead
  Update the text whenever the table changes; better, build the text from the table's total
  cell with a formula (=TEXT(...)) so that it follows.",
    run,
};

/// An amount written in a text.
#[derive(Debug, Clone, PartialEq)]
struct StatedAmount {
    value: Decimal,
    /// Allowed difference (half a unit of the last digit when a word such as `miliar` scales it).
    tol: Decimal,
    year: Option<i32>,
}

const TOTAL_WORDS: &[&str] = &["total", "jumlah", "keseluruhan", "seluruh", "seluruhnya"];
const BUDGET_WORDS: &[&str] = &["pagu", "anggaran", "dana", "biaya", "belanja"];
const OFFICE_WORDS: &[&str] = &[
    "renja",
    "rkpd",
    "opd",
    "skpd",
    "dinas",
    "badan",
    "perangkat daerah",
];

fn has_word(tokens: &[&str], words: &[&str]) -> bool {
    words.iter().any(|w| {
        let ws: Vec<&str> = w.split(' ').collect();
        tokens.windows(ws.len()).any(|x| x == ws.as_slice())
    })
}

/// True when a text talks about a total budget.
fn is_total_statement(text: &str) -> bool {
    let norm = normalize(text);
    let tokens: Vec<&str> = norm.split(' ').collect();
    has_word(&tokens, BUDGET_WORDS)
        && (has_word(&tokens, TOTAL_WORDS) || has_word(&tokens, OFFICE_WORDS))
}

fn year_of(token: &str) -> Option<i32> {
    if token.len() != 4 {
        return None;
    }
    token
        .parse::<i32>()
        .ok()
        .filter(|y| (1990..=2100).contains(y))
}

/// The scale word after an amount: `juta`, `miliar`…
fn scale_word(word: &str) -> Option<Decimal> {
    match word.to_lowercase().as_str() {
        "ribu" => Some(Decimal::from(1_000)),
        "juta" | "jt" => Some(Decimal::from(1_000_000)),
        "miliar" | "milyar" | "m" => Some(Decimal::from(1_000_000_000u64)),
        "triliun" | "t" => Some(Decimal::from(1_000_000_000_000u64)),
        _ => None,
    }
}

/// Amounts written `Rp …` (or `sebesar …`) in a text, with the year nearest before each.
fn stated_amounts(text: &str) -> Vec<StatedAmount> {
    let chars: Vec<char> = text.chars().collect();
    let lower: Vec<char> = text.to_lowercase().chars().collect();
    if lower.len() != chars.len() {
        return Vec::new();
    }
    let starts_with = |i: usize, w: &str| {
        let w: Vec<char> = w.chars().collect();
        lower.len() >= i + w.len()
            && lower[i..i + w.len()] == w[..]
            && (i == 0 || !lower[i - 1].is_alphanumeric())
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < lower.len() {
        let skip = if starts_with(i, "rp") {
            2
        } else if starts_with(i, "sebesar") {
            7
        } else {
            i += 1;
            continue;
        };
        let mut j = i + skip;
        while j < lower.len() && matches!(lower[j], '.' | ':' | ' ' | '\u{a0}') {
            j += 1;
        }
        if starts_with(j, "rp") {
            j += 2;
            while j < lower.len() && matches!(lower[j], '.' | ':' | ' ' | '\u{a0}') {
                j += 1;
            }
        }
        let from = j;
        while j < chars.len() && (chars[j].is_ascii_digit() || matches!(chars[j], '.' | ',')) {
            j += 1;
        }
        if j == from || !chars[from].is_ascii_digit() {
            i += skip;
            continue;
        }
        let mut num: String = chars[from..j].iter().collect();
        if num.ends_with(',') && chars.get(j) == Some(&'-') {
            num.push('-');
            j += 1;
        }
        // A sentence may end right after the amount: `Rp 1.000.000.`
        let mut parsed = parse_id_number(&num);
        while parsed.is_none() && (num.ends_with('.') || num.ends_with(',')) {
            num.pop();
            parsed = parse_id_number(&num);
        }
        let Some(n) = parsed.filter(|n| !n.percent) else {
            i = j.max(i + 1);
            continue;
        };
        // Scale word: `Rp 37,1 miliar`.
        let mut k = j;
        while k < chars.len() && chars[k] == ' ' {
            k += 1;
        }
        let word: String = chars[k..]
            .iter()
            .take_while(|c| c.is_alphabetic())
            .collect();
        let (value, tol) = match scale_word(&word) {
            Some(m) => {
                let unit = Decimal::new(5, n.value.scale() + 1);
                (n.value * m, unit * m)
            }
            None => (n.value, Decimal::ZERO),
        };
        // The year written nearest before the amount, else any year in the text.
        let before: String = chars[..i].iter().collect();
        let norm_before = normalize(&before);
        let year = norm_before
            .split(' ')
            .rev()
            .find_map(year_of)
            .or_else(|| normalize(text).split(' ').find_map(year_of));
        // Only the first amount of a year is the total; later ones break it down.
        if !out.iter().any(|o: &StatedAmount| o.year == year) {
            out.push(StatedAmount { value, tol, year });
        }
        i = j.max(i + 1);
    }
    out
}

/// The table whose title rows hold `pos`: the nearest table below it in the same sheet.
fn titled_table(plan: &Plan, sheet: &str, pos: Pos) -> Option<usize> {
    plan.tables
        .iter()
        .enumerate()
        .filter(|(_, t)| t.table.sheet == sheet && t.table.header_start > pos.row)
        .min_by_key(|(_, t)| t.table.header_start)
        .filter(|(_, t)| {
            // No other table between the statement and this one.
            !plan.tables.iter().any(|o| {
                o.table.sheet == sheet
                    && o.table.header_start > pos.row
                    && o.table.last_row < t.table.header_start
            })
        })
        .map(|(i, _)| i)
}

/// Every node of a table, for sums over the whole table.
fn all_nodes(t: &TableModel) -> Vec<usize> {
    (0..t.nodes.len()).collect()
}

/// One total to compare with: per budget column (role) of year `n`, summed over `tables`.
struct Total {
    kind: String,
    header: String,
    level: Level,
    sum: Decimal,
    cells: Vec<Related>,
}

fn totals(plan: &Plan, tables: &[usize], n: i32, base: i32) -> Vec<Total> {
    let mut by_role: BTreeMap<String, Total> = BTreeMap::new();
    // Roles whose sum goes beyond the range of money: no total to compare with.
    let mut overflow: Vec<String> = Vec::new();
    for &ti in tables {
        let t = &plan.tables[ti];
        for c in t
            .table
            .columns
            .iter()
            .filter(|c| c.ty == ColumnType::Amount && column_year(c, base) == n)
        {
            let Some((level, sum, cells)) = top_level_sum(t, &all_nodes(t), c) else {
                continue;
            };
            let e = by_role.entry(c.role.to_string()).or_insert_with(|| Total {
                kind: t.table.kind.to_string(),
                header: c.header.clone(),
                level,
                sum: Decimal::ZERO,
                cells: Vec::new(),
            });
            match e.sum.checked_add(sum) {
                Some(s) => e.sum = s,
                None => overflow.push(c.role.to_string()),
            }
            e.cells.extend(cells);
            e.level = e.level.min(level);
        }
    }
    by_role.retain(|role, _| !overflow.contains(role));
    by_role.into_values().collect()
}

/// Tables with a budget column for year `n`.
fn with_budget(plan: &Plan, n: i32, base: i32) -> impl Iterator<Item = usize> + '_ {
    plan.tables.iter().enumerate().filter_map(move |(i, t)| {
        t.table
            .columns
            .iter()
            .any(|c| c.ty == ColumnType::Amount && column_year(c, base) == n)
            .then_some(i)
    })
}

/// The tables a statement at `pos` is compared with.
fn target_tables(plan: &Plan, text: &str, sheet: &str, pos: Pos, n: i32, base: i32) -> Vec<usize> {
    let squash = |s: &str| normalize(s).replace(' ', "");
    let text_sq = squash(text);
    let budgeted: Vec<usize> = with_budget(plan, n, base).collect();
    let of_kind = |kind: TableKind| -> Vec<usize> {
        budgeted
            .iter()
            .copied()
            .filter(|&i| plan.tables[i].table.kind == kind)
            .collect()
    };
    let titled = titled_table(plan, sheet, pos);
    let narrow = |v: Vec<usize>| -> Vec<usize> {
        match titled {
            Some(t) if v.contains(&t) => vec![t],
            _ => v,
        }
    };
    // A table named in the sentence (`T-C.31`), when it has a budget for that year.
    let mut kinds: Vec<TableKind> = budgeted
        .iter()
        .map(|&i| plan.tables[i].table.kind)
        .collect();
    kinds.sort_unstable();
    kinds.dedup();
    for kind in kinds {
        let k = squash(kind.as_str());
        if k.len() >= 4 && text_sq.contains(&k) {
            return narrow(of_kind(kind));
        }
    }
    let tc33 = of_kind(TableKind::TC33);
    if !tc33.is_empty() {
        return narrow(tc33);
    }
    titled
        .filter(|t| budgeted.contains(t))
        .into_iter()
        .collect()
}

fn number_in(v: &Value) -> Option<Decimal> {
    match v {
        Value::Number(x) => decimal_from_f64(*x),
        Value::Text(t) => parse_id_number(t).filter(|n| !n.percent).map(|n| n.value),
        _ => None,
    }
}

fn run(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    let plan_y = plan_year(ctx.plan);
    for (sheet, pos, text) in texts_outside_tables(ctx) {
        let amounts = if is_total_statement(text) {
            stated_amounts(text)
        } else {
            Vec::new()
        };
        if !amounts.is_empty() {
            for a in amounts {
                let base = plan_y.or(a.year).unwrap_or(0);
                let n = a.year.unwrap_or(base);
                let tables = target_tables(ctx.plan, text, &sheet.name, pos, n, base);
                for t in totals(ctx.plan, &tables, n, base) {
                    if (t.sum - a.value).abs() > a.tol {
                        out.push(finding(&sheet.name, pos, a.value, n, &t, Some(text)));
                    }
                }
            }
        } else if let Some(f) = labelled_number(ctx, sheet, pos, text, plan_y) {
            out.extend(f);
        }
    }
    out
}

/// A `Total` / `Jumlah` label outside the tables with numbers to its right.
fn labelled_number(
    ctx: &Context,
    sheet: &Sheet,
    pos: Pos,
    text: &str,
    plan_y: Option<i32>,
) -> Option<Vec<Finding>> {
    let norm = normalize(text);
    let tokens: Vec<&str> = norm.split(' ').collect();
    if !matches!(tokens.first(), Some(&"total") | Some(&"jumlah"))
        || tokens.len() > 6
        || norm.chars().any(|c| c.is_ascii_digit())
    {
        return None;
    }
    let names_money = has_word(&tokens, BUDGET_WORDS) || tokens.contains(&"rp");
    let numbers: Vec<(Pos, Decimal)> = sheet
        .row_cells(pos.row)
        .iter()
        .filter(|(c, _)| *c > pos.col)
        .map(|(c, cell)| (Pos::new(pos.row, *c), &cell.value))
        .filter(|(p, _)| !inside_table(ctx.plan, &sheet.name, *p))
        .filter_map(|(p, v)| number_in(v).map(|d| (p, d)))
        .collect();
    if numbers.is_empty() {
        return None;
    }
    let base = plan_y.unwrap_or(0);
    // The nearest table above in the same sheet, for numbers under its budget columns.
    let above = ctx
        .plan
        .tables
        .iter()
        .filter(|t| t.table.sheet == sheet.name && t.table.last_row < pos.row)
        .max_by_key(|t| t.table.last_row);
    let mut out = Vec::new();
    let mut aligned = false;
    if let Some(t) = above {
        for (p, d) in &numbers {
            let Some(c) = t
                .table
                .columns
                .iter()
                .find(|c| c.col == p.col && c.ty == ColumnType::Amount)
            else {
                continue;
            };
            aligned = true;
            let Some((level, sum, cells)) = top_level_sum(t, &all_nodes(t), c) else {
                continue;
            };
            if sum != *d {
                let total = Total {
                    kind: t.table.kind.to_string(),
                    header: c.header.clone(),
                    level,
                    sum,
                    cells,
                };
                out.push(finding(
                    &sheet.name,
                    *p,
                    *d,
                    column_year(c, base),
                    &total,
                    None,
                ));
            }
        }
    }
    if !aligned && names_money {
        let (p, d) = numbers[0];
        let tables = target_tables(ctx.plan, text, &sheet.name, pos, base, base);
        for t in totals(ctx.plan, &tables, base, base) {
            if t.sum != d {
                out.push(finding(&sheet.name, p, d, base, &t, None));
            }
        }
    }
    Some(out)
}

fn finding(
    sheet: &str,
    pos: Pos,
    stated: Decimal,
    year: i32,
    t: &Total,
    text: Option<&str>,
) -> Finding {
    let (y_id, y_en) = stated_year_phrase(year);
    let quote = text
        .map(|s| {
            let short: String = s.chars().take(120).collect();
            let more = if s.chars().count() > 120 { "…" } else { "" };
            format!(" (\"{}{}\")", short.trim(), more)
        })
        .unwrap_or_default();
    Finding::new(
        &RULE,
        sheet,
        pos,
        format!(
            "Total pagu{} yang ditulis {}{}, sedangkan {} {} {} `{}` berjumlah {}",
            y_id,
            rp(&stated),
            quote,
            t.cells.len(),
            level_plural(t.level, false),
            t.kind,
            t.header,
            rp(&t.sum)
        ),
        format!(
            "The total budget{} written is {}{}, while the {} {} of {} `{}` add up to {}",
            y_en,
            rp(&stated),
            quote,
            t.cells.len(),
            level_plural(t.level, true),
            t.kind,
            t.header,
            rp(&t.sum)
        ),
    )
    .related(t.cells.clone())
    .expected_found(rp(&t.sum), rp(&stated))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::util::testkit::{TC31, TC33, run, sheet};

    #[test]
    fn reads_amounts_scales_and_years() {
        let a = stated_amounts(
            "Total kebutuhan dana / pagu indikatif pada Rancangan Awal RENJA Tahun 2026 adalah \
             sebesar Rp. 37.118.380.499,-",
        );
        assert_eq!(
            a,
            [StatedAmount {
                value: "37118380499".parse().unwrap(),
                tol: Decimal::ZERO,
                year: Some(2026)
            }]
        );
        let a = stated_amounts("pagu 2026 Rp 37,1 miliar dan 2027 sebesar 40.000.000.000.");
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!(a[0].value, "37100000000".parse::<Decimal>().unwrap());
        assert_eq!(a[0].tol, "50000000".parse::<Decimal>().unwrap());
        assert_eq!(a[0].year, Some(2026));
        assert_eq!(a[1].value, "40000000000".parse::<Decimal>().unwrap());
        assert_eq!(a[1].year, Some(2027));
        let a = stated_amounts(
            "Total pagu 2026 sebesar Rp 1.000, terdiri dari belanja operasi Rp 600 dan modal Rp 400",
        );
        assert_eq!(a.len(), 1, "{a:?}");
        assert!(is_total_statement("Total pagu indikatif Rp 1.000"));
        assert!(is_total_statement(
            "Pagu indikatif Renja Dinas Sosial Rp 1.000"
        ));
        assert!(!is_total_statement("Usulan bantuan alat musik Rp 1.000"));
    }

    fn tc33_rows() -> Vec<[&'static str; 12]> {
        let r = |k: &'static str, u: &'static str, n: &'static str, n1: &'static str| {
            [k, u, "", "", "", "", n, "", "", "", "", n1]
        };
        vec![
            r(
                "1.06",
                "URUSAN PEMERINTAHAN BIDANG SOSIAL",
                "1.000.000",
                "1.200.000",
            ),
            r("1.06.01", "PROGRAM PENUNJANG", "600.000", "700.000"),
            r("1.06.01.2.01", "Perencanaan", "600.000", "700.000"),
            r("1.06.02", "PROGRAM PEMBERDAYAAN", "400.000", "500.000"),
            r("1.06.02.2.01", "Pengembangan", "400.000", "500.000"),
        ]
    }

    const HEADER_YEARS: [&str; 12] = [
        "Kode",
        "Program/Kegiatan",
        "Indikator",
        "Lokasi",
        "Rencana Tahun 2026 Target",
        "Rencana Tahun 2026 Satuan",
        "Rencana Tahun 2026 Pagu",
        "Sumber Dana",
        "Catatan Penting",
        "Prakiraan Maju 2027 Target",
        "Prakiraan Maju 2027 Satuan",
        "Prakiraan Maju 2027 Pagu",
    ];

    #[test]
    fn fires_on_a_stated_total_that_differs_from_the_programs() {
        let f = run(
            &RULE,
            vec![sheet(
                "T-C.33",
                &[
                    "Tabel T-C.33",
                    "Total kebutuhan dana / pagu indikatif Tahun 2026 sebesar Rp. 1.100.000,-",
                ],
                &HEADER_YEARS,
                &tc33_rows(),
            )],
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].cell, "A2");
        assert_eq!(f[0].expected.as_deref(), Some("1.000.000"));
        assert_eq!(f[0].found.as_deref(), Some("1.100.000"));
        let rel: Vec<String> = f[0].related.iter().map(|r| r.cell.a1()).collect();
        assert_eq!(rel, ["G5", "G7"]);
    }

    #[test]
    fn the_forward_year_and_a_scaled_amount_are_compared_with_their_column() {
        let f = run(
            &RULE,
            vec![sheet(
                "T-C.33",
                &["Total pagu prakiraan maju tahun 2027 sebesar Rp 1,2 juta"],
                &HEADER_YEARS,
                &tc33_rows(),
            )],
        );
        assert!(f.is_empty(), "{f:?}");
        let f = run(
            &RULE,
            vec![sheet(
                "T-C.33",
                &["Total pagu prakiraan maju tahun 2027 sebesar Rp 1,3 juta"],
                &HEADER_YEARS,
                &tc33_rows(),
            )],
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].expected.as_deref(), Some("1.200.000"));
        assert_eq!(f[0].found.as_deref(), Some("1.300.000"));
        assert!(f[0].related.iter().all(|r| r.cell.a1().starts_with('L')));
    }

    #[test]
    fn silent_when_the_stated_total_matches() {
        let f = run(
            &RULE,
            vec![sheet(
                "T-C.33",
                &["Total kebutuhan dana / pagu indikatif Tahun 2026 sebesar Rp. 1.000.000,-"],
                &HEADER_YEARS,
                &tc33_rows(),
            )],
        );
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn a_named_table_is_compared_on_both_sides_and_a_label_cell_is_read() {
        let r = |u: &'static str, lok: &'static str, rp: &'static str, ap: &'static str| {
            [u, lok, "", "", "", rp, lok, "", "", "", ap, ""]
        };
        let tc31 = vec![
            r("PROGRAM PENUNJANG", "", "600", "600"),
            r("Perencanaan", "", "600", "600"),
            r("Penyusunan", "Tenggarong", "600", "600"),
            r("PROGRAM PEMBERDAYAAN", "", "400", "450"),
        ];
        let summary: Vec<[&'static str; 2]> = vec![["Jumlah Pagu", "1.000"]];
        let f = run(
            &RULE,
            vec![
                sheet(
                    "T-C.31",
                    &["Tabel T-C.31: total pagu Renja sebesar Rp 1.000"],
                    TC31,
                    &tc31,
                ),
                sheet("T-C.33", &[], TC33, &tc33_rows()),
                sheet("Ringkasan", &[], &["Uraian", "Nilai"], &summary),
            ],
        );
        let mut got: Vec<(&str, &str, &str)> = f
            .iter()
            .map(|x| {
                (
                    x.sheet.as_str(),
                    crate::checks::util::testkit::a1(x.cell),
                    x.expected.as_deref().unwrap_or(""),
                )
            })
            .collect();
        got.sort();
        // T-C.31's analysis side adds up to 1.050; the summary's `Jumlah Pagu` 1.000 is
        // compared with T-C.33 (1.000.000).
        assert_eq!(
            got,
            [("Ringkasan", "B2", "1.000.000"), ("T-C.31", "A1", "1.050")],
            "{f:?}"
        );
    }
}
