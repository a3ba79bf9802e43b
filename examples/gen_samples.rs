//! Regenerates `samples/*.xlsx` from the transcription in `samples/data/*.csv`:
//! `cargo run --example gen_samples`. The format-b Renja workbook also gets the E.81 sheet of
//! `samples/data/e81.csv`; the Staff E.81 is a workbook of its own.
#[path = "../tests/support/samplegen.rs"]
mod samplegen;

use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let data = root.join("samples/data");
    let renja = samplegen::SAMPLES
        .iter()
        .map(|(name, layout)| (*name, samplegen::build_sample(&data, *layout)));
    let e81 = samplegen::E81_SAMPLES
        .iter()
        .map(|(name, layout)| (*name, samplegen::build_e81_sample(&data, *layout)));
    for (name, bytes) in renja.chain(e81) {
        let out = root.join("samples").join(name);
        std::fs::write(&out, bytes).expect("write sample");
        println!("wrote {}", out.display());
    }
}
