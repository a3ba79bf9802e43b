//! Every input the fuzzer ever crashed on (fuzz/regressions/) goes through the whole pipeline
//! again without a panic; so do the samples and fixtures.

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
