//! Regenerates `samples/*.xlsx` from the transcription in `samples/data/*.csv`:
//! `cargo run --example gen_samples`.
#[path = "../tests/support/samplegen.rs"]
mod samplegen;

use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (name, layout) in samplegen::SAMPLES {
        let bytes = samplegen::build_sample(&root.join("samples/data"), layout);
        let out = root.join("samples").join(name);
        std::fs::write(&out, bytes).expect("write sample");
        println!("wrote {}", out.display());
    }
}
