//! Regenerates the sample Rancangan Awal RKPD workbook `samples/rkpd/rancangan-awal-rkpd-2026.xlsx`
//! from the transcription in `samples/data/` (Dinas Sosial's rows from the draft side of T-C.31,
//! codes from T-C.33) plus two offices marked CONTOH FIKTIF: `cargo run --example gen_rkpd`.
#[path = "../tests/support/rkpdgen.rs"]
mod rkpdgen;
#[path = "../tests/support/samplegen.rs"]
mod samplegen;

use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let bytes = rkpdgen::build_rkpd(&root.join("samples/data"));
    let out = root.join("samples").join(rkpdgen::RKPD_SAMPLE);
    std::fs::create_dir_all(out.parent().expect("folder")).expect("create samples/rkpd");
    std::fs::write(&out, bytes).expect("write RKPD sample");
    println!("wrote {}", out.display());
}
