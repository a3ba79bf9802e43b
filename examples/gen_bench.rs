//! Writes benchmark workbooks.
//!
//! `cargo run --release --example gen_bench -- offices DIR N` writes N office workbooks of
//! 100–400 sub kegiatan each (both layouts, a few planted errors);
//! `cargo run --release --example gen_bench -- large DIR 1000 10000 100000` writes one workbook
//! per size whose T-C.33 has that many sub kegiatan rows.
#[path = "../tests/support/benchgen.rs"]
mod benchgen;
#[path = "../tests/support/samplegen.rs"]
mod samplegen;

use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: gen_bench offices DIR N | gen_bench large DIR SIZE...";
    let (mode, dir) = (
        args.first().expect(usage),
        PathBuf::from(args.get(1).expect(usage)),
    );
    std::fs::create_dir_all(&dir).expect("create DIR");
    match mode.as_str() {
        "offices" => {
            let n: u64 = args.get(2).expect(usage).parse().expect("N");
            for i in 0..n {
                let rows = 100 + ((i * 7919) % 301) as usize;
                let layout = if i % 2 == 0 {
                    samplegen::Layout::Staff
                } else {
                    samplegen::Layout::Alt
                };
                let bytes = benchgen::office_workbook(i + 1, rows, layout, i % 5 == 0, false);
                std::fs::write(dir.join(format!("renja-opd-{:04}.xlsx", i + 1)), bytes)
                    .expect("write");
            }
            println!("wrote {n} office workbooks to {}", dir.display());
        }
        "large" => {
            for size in &args[2..] {
                let n: usize = size.parse().expect("SIZE");
                let bytes = benchgen::office_workbook(7, n, samplegen::Layout::Staff, false, true);
                let p = dir.join(format!("tc33-{n}.xlsx"));
                std::fs::write(&p, bytes).expect("write");
                println!("wrote {}", p.display());
            }
        }
        _ => panic!("{usage}"),
    }
}
