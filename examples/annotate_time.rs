//! What the annotated copy costs: for each file, the time of the rebuild (what every copy
//! cost before issue 13, still used for .xls/.ods) and of the package patch, each the best of
//! a few runs, after reading and checking once (`cargo run --example annotate_time -- FILES`;
//! `--release` for absolute figures).
use selaras::checks::config::CheckConfig;
use selaras::checks::{Context, run_all};
use selaras::ingest::rules::TableRules;
use selaras::report::annotate;
use std::time::{Duration, Instant};

fn best(runs: usize, mut f: impl FnMut() -> usize) -> (Duration, usize) {
    let mut b = Duration::MAX;
    let mut size = 0;
    for _ in 0..runs {
        let t = Instant::now();
        size = f();
        b = b.min(t.elapsed());
    }
    (b, size)
}

fn main() {
    let rules = TableRules::default_rules();
    let config = CheckConfig::default_config();
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).unwrap();
        let wb = selaras::ingest::workbook::read_workbook_bytes(path.as_ref(), &bytes).unwrap();
        let ing = selaras::ingest::ingest_workbook(wb, &rules);
        let plan = selaras::model::plan::build_plan(&ing, &rules);
        let ctx = Context {
            ingested: &ing,
            plan: &plan,
            config: &config,
        };
        let findings = run_all(&ctx);
        let temuan = annotate::temuan_sheet(&findings, false, true);
        let (old, old_size) = best(3, || {
            annotate::rebuild::rebuild(&ing.workbook, &findings, &temuan, false)
                .unwrap()
                .len()
        });
        let (new, new_size) = best(3, || {
            annotate::annotated_bytes(&bytes, &ing.workbook, &findings, false)
                .unwrap()
                .len()
        });
        let (marks_t, _) = best(1, || annotate::marks(&ing.workbook, &findings, false).len());
        let marks = annotate::marks(&ing.workbook, &findings, false);
        let t2 = annotate::temuan_sheet(&findings, false, false);
        let (patch_t, _) = best(1, || {
            annotate::patch_xlsx(&bytes, &marks, &t2).unwrap().len()
        });
        println!("  of which: marks and notes {marks_t:.1?}, package patch {patch_t:.1?}");
        println!(
            "{path}: {} cells, {} findings; rebuild {old:.1?} ({old_size} B), patch {new:.1?} ({new_size} B), patch/rebuild {:.2}",
            ing.workbook
                .sheets
                .iter()
                .map(|s| s.cell_count())
                .sum::<usize>(),
            findings.len(),
            new.as_secs_f64() / old.as_secs_f64()
        );
    }
}
