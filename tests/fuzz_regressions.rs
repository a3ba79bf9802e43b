//! Every input the fuzzer ever crashed on (fuzz/regressions/) goes through the whole pipeline
//! again without a panic; so do the samples and fixtures. The structure-aware `plan` target's
//! inputs (fuzz/regressions-plan/) are replayed through its generator, tests/support/fuzzgen.rs.

use std::path::Path;

#[test]
fn fuzz_crashers_and_fixtures_do_not_panic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut n = 0;
    for dir in ["fuzz/regressions", "tests/fixtures", "samples"] {
        let Ok(rd) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        let mut paths: Vec<_> = rd
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.is_file())
            .collect();
        paths.sort();
        for p in paths {
            let bytes = std::fs::read(&p).unwrap();
            selaras::fuzz_one(&bytes);
            // Truncations of every input too: a cut-off file must never panic either.
            for cut in [bytes.len() / 2, bytes.len() / 3, 100, 30] {
                selaras::fuzz_one(&bytes[..cut.min(bytes.len())]);
            }
            n += 1;
        }
    }
    assert!(n >= 5, "inputs found: {n}");
}

#[path = "support/fuzzgen.rs"]
mod fuzzgen;

/// The plan target's inputs (fuzz/regressions-plan/: its crashers, and corpus inputs that reach
/// deep) go through the same generator and pipeline again (tests/support/fuzzgen.rs): bytes →
/// plan and layout → workbooks → check, inspect, reconcile, RKPD comparison. No panic.
#[test]
fn plan_fuzz_inputs_do_not_panic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions-plan");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    let mut built = 0;
    for p in &paths {
        let bytes = std::fs::read(p).unwrap();
        if fuzzgen::exercise(&bytes).is_some() {
            built += 1;
        }
    }
    assert!(paths.len() >= 5, "inputs found: {}", paths.len());
    assert!(
        built >= 5,
        "inputs that gave workbooks: {built} of {}",
        paths.len()
    );
}

/// The generator's default plan (an empty input) must still be read as the forms it imitates:
/// if the table rules and the generator drift apart, the fuzzer would stop at ingest unnoticed.
#[test]
fn plan_fuzz_generator_reaches_the_checks() {
    let spec = fuzzgen::spec_of(&[]).unwrap();
    let (a, b) = fuzzgen::build(&spec);
    let rules = selaras::ingest::rules::TableRules::default_rules();
    let kinds = |bytes: &[u8]| -> Vec<String> {
        let wb =
            selaras::ingest::workbook::read_workbook_bytes(Path::new("fuzz.xlsx"), bytes).unwrap();
        let ing = selaras::ingest::ingest_workbook(wb, &rules);
        ing.tables.iter().map(|t| t.kind.to_string()).collect()
    };
    let ka = kinds(&a.expect("book A"));
    for k in ["T-C.33", "T-C.31", "T-C.29", "E.81"] {
        assert!(ka.iter().any(|x| x == k), "{k} not found in {ka:?}");
    }
    let kb = kinds(&b.expect("book B"));
    assert!(kb.iter().any(|x| x == "rkpd"), "no RKPD table in {kb:?}");
    assert!(fuzzgen::exercise(&[]).is_some_and(|n| n > 0));
}
