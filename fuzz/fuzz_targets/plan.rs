//! Structure-aware: arbitrary bytes → a plan and a layout (tests/support/fuzzgen.rs) → an
//! .xlsx like the real forms → the whole check, inspect, reconcile and the RKPD comparison.
//! Nothing may panic. Crashers go to fuzz/regressions-plan/ (tests/fuzz_regressions.rs).
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/fuzzgen.rs"]
mod fuzzgen;

fuzz_target!(|data: &[u8]| {
    let _ = fuzzgen::exercise(data);
});
