//! bytes → workbook → located tables → plan → every check → annotated copy. Nothing may panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    selaras::fuzz_one(data);
});
