//! Where the time goes: reading, locating, building the plan and each rule, for the given
//! files (release build: `cargo run --release --example rule_times -- FILES`).
use selaras::checks::config::CheckConfig;
use selaras::checks::{Context, RULES};
use selaras::ingest::rules::TableRules;
use std::time::{Duration, Instant};

fn main() {
    let rules = TableRules::default_rules();
    let config = CheckConfig::default_config();
    let mut read = Duration::ZERO;
    let mut locate = Duration::ZERO;
    let mut plan_t = Duration::ZERO;
    let mut per_rule = vec![Duration::ZERO; RULES.len()];
    for path in std::env::args().skip(1) {
        let t = Instant::now();
        let Ok(wb) = selaras::ingest::workbook::read_workbook(path.as_ref()) else {
            continue;
        };
        read += t.elapsed();
        let t = Instant::now();
        let ing = selaras::ingest::ingest_workbook(wb, &rules);
        locate += t.elapsed();
        let t = Instant::now();
        let plan = selaras::model::plan::build_plan(&ing, &rules);
        plan_t += t.elapsed();
        let ctx = Context {
            ingested: &ing,
            plan: &plan,
            config: &config,
        };
        for (i, r) in RULES.iter().enumerate() {
            let t = Instant::now();
            let _ = (r.run)(&ctx);
            per_rule[i] += t.elapsed();
        }
    }
    println!("read {read:?}\nlocate {locate:?}\nplan {plan_t:?}");
    let mut v: Vec<_> = RULES.iter().zip(per_rule).collect();
    v.sort_by_key(|x| std::cmp::Reverse(x.1));
    for (r, d) in v.iter().take(10) {
        println!("{} {:?}", r.code, d);
    }
}
