//! The layout zoo (tests/support/zoo.rs): one consistent plan in many real-world layouts.
//! A clean book must give no error and no warning; a planted book exactly the planted findings
//! (rule, sheet, cell). A third test prints precision and recall over all planted books.

#[path = "support/zoo.rs"]
mod zoo;

use selaras::checks::config::CheckConfig;
use selaras::checks::{Context, Finding, Severity, run_all};
use selaras::ingest::{ingest_workbook, rules::TableRules, workbook::read_workbook_bytes};
use selaras::model::plan::build_plan_with;
use std::collections::BTreeSet;
use std::path::Path;

fn findings(layout: &str, bytes: &[u8]) -> Vec<Finding> {
    let rules = TableRules::default_rules();
    let wb = read_workbook_bytes(Path::new(&format!("{layout}.xlsx")), bytes).unwrap();
    let ing = ingest_workbook(wb, &rules);
    let config = CheckConfig::default_config();
    let plan = build_plan_with(&ing, &rules, Some(&config.nomenclature));
    run_all(&Context {
        ingested: &ing,
        plan: &plan,
        config: &config,
    })
}

fn serious(f: &Finding) -> bool {
    matches!(f.severity, Severity::Error | Severity::Warning)
}

fn show(f: &Finding) -> String {
    format!(
        "{} {:?} {}!{}: {}",
        f.rule, f.severity, f.sheet, f.cell, f.message_en
    )
}

type Key = (String, String, String);

fn key(f: &Finding) -> Key {
    (f.rule.to_string(), f.sheet.clone(), f.cell.a1())
}

fn expected_keys(b: &zoo::ZooBook) -> BTreeSet<Key> {
    b.expected
        .iter()
        .map(|e| (e.rule.to_string(), e.sheet.clone(), e.cell.clone()))
        .collect()
}

#[test]
fn zoo_has_at_least_ten_layouts_and_each_plants_mistakes() {
    let layouts = zoo::layouts();
    assert!(layouts.len() >= 10, "only {} layouts", layouts.len());
    for l in layouts {
        let b = zoo::book(l, true);
        assert!(
            (3..=5).contains(&b.mistakes.len()),
            "{l}: {} mistakes",
            b.mistakes.len()
        );
        for (i, _) in b.mistakes.iter().enumerate() {
            assert!(
                b.expected.iter().any(|e| e.mistake == i),
                "{l}: mistake {i} has no expected finding"
            );
        }
    }
}

#[test]
fn clean_zoo_workbooks_have_no_errors_or_warnings() {
    let mut failures = Vec::new();
    for l in zoo::layouts() {
        let b = zoo::book(l, false);
        let bad: Vec<String> = findings(l, &b.bytes)
            .iter()
            .filter(|f| serious(f))
            .map(show)
            .collect();
        if !bad.is_empty() {
            failures.push(format!(
                "== {l} ({} findings)\n  {}",
                bad.len(),
                bad.join("\n  ")
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn planted_zoo_workbooks_give_exactly_the_planted_findings() {
    let mut failures = Vec::new();
    for l in zoo::layouts() {
        let b = zoo::book(l, true);
        let found = findings(l, &b.bytes);
        let got: BTreeSet<Key> = found.iter().filter(|f| serious(f)).map(key).collect();
        let want = expected_keys(&b);
        if got != want {
            let missing: Vec<String> = b
                .expected
                .iter()
                .filter(|e| !got.contains(&(e.rule.to_string(), e.sheet.clone(), e.cell.clone())))
                .map(|e| format!("{} {}!{}: {}", e.rule, e.sheet, e.cell, e.why))
                .collect();
            let extra: Vec<String> = found
                .iter()
                .filter(|f| serious(f) && !want.contains(&key(f)))
                .map(show)
                .collect();
            failures.push(format!(
                "== {l}\n  planted: {}\n  missed ({}):\n    {}\n  not planted ({}):\n    {}",
                b.mistakes.join("; "),
                missing.len(),
                missing.join("\n    "),
                extra.len(),
                extra.join("\n    ")
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// Precision (share of error findings on planted books that are planted findings) and recall
/// (share of planted mistakes of which at least one expected finding is reported), printed per
/// layout and overall. Asserts nothing beyond the books being readable; run with
/// `cargo test --test zoo -- --nocapture zoo_precision_and_recall`.
#[test]
fn zoo_precision_and_recall() {
    let (mut errors, mut errors_planted, mut mistakes, mut mistakes_found) = (0, 0, 0, 0);
    for l in zoo::layouts() {
        let b = zoo::book(l, true);
        let found = findings(l, &b.bytes);
        let want = expected_keys(&b);
        let errs: Vec<&Finding> = found
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .collect();
        let hit = errs.iter().filter(|f| want.contains(&key(f))).count();
        let got: BTreeSet<Key> = found.iter().filter(|f| serious(f)).map(key).collect();
        let m_found = (0..b.mistakes.len())
            .filter(|i| {
                b.expected.iter().any(|e| {
                    e.mistake == *i
                        && got.contains(&(e.rule.to_string(), e.sheet.clone(), e.cell.clone()))
                })
            })
            .count();
        println!(
            "{l:<22} errors {:>3} planted {:>3}   mistakes {} found {}",
            errs.len(),
            hit,
            b.mistakes.len(),
            m_found
        );
        errors += errs.len();
        errors_planted += hit;
        mistakes += b.mistakes.len();
        mistakes_found += m_found;
    }
    let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    println!(
        "precision {:.2} ({errors_planted}/{errors} error findings point at a planted mistake)",
        ratio(errors_planted, errors)
    );
    println!(
        "recall    {:.2} ({mistakes_found}/{mistakes} planted mistakes found)",
        ratio(mistakes_found, mistakes)
    );
}

/// The plan of every zoo book (clean and planted) and of every sample workbook, with its label.
fn every_plan() -> Vec<(String, selaras::model::plan::Plan)> {
    let rules = TableRules::default_rules();
    let config = CheckConfig::default_config();
    let mut books: Vec<(String, Vec<u8>)> = zoo::all_books()
        .into_iter()
        .map(|b| (b.layout.to_string(), b.bytes))
        .collect();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in ["samples", "samples/rkpd"] {
        for e in std::fs::read_dir(root.join(dir)).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "xlsx") {
                books.push((p.display().to_string(), std::fs::read(&p).unwrap()));
            }
        }
    }
    books
        .into_iter()
        .map(|(label, bytes)| {
            let wb = read_workbook_bytes(Path::new(&format!("{label}.xlsx")), &bytes).unwrap();
            let ing = ingest_workbook(wb, &rules);
            let plan = build_plan_with(&ing, &rules, Some(&config.nomenclature));
            (label, plan)
        })
        .collect()
}

/// `TableModel::children` walks only a node's stretch of rows; on every table of every zoo
/// book and sample it gives exactly the nodes whose parent link names the node.
#[test]
fn children_are_the_nodes_whose_parent_is_the_node() {
    let mut parents = 0;
    for (label, plan) in every_plan() {
        for t in &plan.tables {
            for i in 0..t.nodes.len() {
                let walked: Vec<usize> = t.children(i).map(|(j, _)| j).collect();
                let linked: Vec<usize> = (0..t.nodes.len())
                    .filter(|&j| t.nodes[j].parent == Some(i))
                    .collect();
                assert_eq!(walked, linked, "{label} {} node {i}", t.table.kind);
                parents += usize::from(!linked.is_empty());
            }
        }
    }
    assert!(parents > 500, "only {parents} nodes with children");
}

/// The checks' pairings come from one join per workbook (`Plan::code_join`); on every zoo book
/// and sample (the RKPD too), for every two tables and every level, they equal pairing the two tables alone.
#[test]
fn the_workbook_wide_code_join_pairs_as_each_pair_of_tables_alone() {
    use selaras::ingest::code::Level;
    use selaras::model::pairing::{PairOptions, node_rows, pair, pair_by_code, pair_by_key};
    let mut pairs = 0;
    for (label, plan) in every_plan() {
        for a in &plan.tables {
            for b in &plan.tables {
                for level in [Level::Program, Level::Kegiatan, Level::SubKegiatan] {
                    let order: Vec<usize> = (0..a.nodes.len())
                        .filter(|&i| a.nodes[i].level == level)
                        .collect();
                    for (opts, got) in [
                        (PairOptions::KEY_PATH, pair_by_key(&plan, a, b, level)),
                        (PairOptions::CODES_ONLY, pair_by_code(&plan, a, b, level)),
                    ] {
                        let alone = pair(&node_rows(a), &node_rows(b), &order, &opts);
                        let want: Vec<(usize, usize)> = order
                            .iter()
                            .filter_map(|&i| alone[i].map(|j| (i, j)))
                            .collect();
                        assert_eq!(
                            got, want,
                            "{label}: {} × {} {level:?}",
                            a.table.kind, b.table.kind
                        );
                        pairs += got.len();
                    }
                }
            }
        }
    }
    assert!(pairs > 1000, "only {pairs} pairs compared");
}
