//! Writes the layout zoo: `cargo run --example gen_zoo -- DIR` writes `DIR/<layout>.xlsx`,
//! `DIR/<layout>-planted.xlsx` and `DIR/expected.txt` (layouts, planted mistakes and the
//! findings a correct checker gives).

#[path = "../tests/support/zoo.rs"]
mod zoo;

use std::fmt::Write as _;
use std::path::PathBuf;

fn main() {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "zoo".into()));
    std::fs::create_dir_all(&dir).expect("create output folder");
    let mut txt = String::new();
    for l in zoo::layouts() {
        let clean = zoo::book(l, false);
        let planted = zoo::book(l, true);
        std::fs::write(dir.join(format!("{l}.xlsx")), &clean.bytes).unwrap();
        std::fs::write(dir.join(format!("{l}-planted.xlsx")), &planted.bytes).unwrap();
        writeln!(txt, "== {l}\n{}", zoo::describe(l)).unwrap();
        for (i, m) in planted.mistakes.iter().enumerate() {
            writeln!(txt, "  mistake {}: {m}", i + 1).unwrap();
            for e in planted.expected.iter().filter(|e| e.mistake == i) {
                writeln!(txt, "    {} {}!{}  {}", e.rule, e.sheet, e.cell, e.why).unwrap();
            }
        }
        txt.push('\n');
    }
    std::fs::write(dir.join("expected.txt"), &txt).unwrap();
    println!(
        "wrote {} books and expected.txt to {}",
        zoo::layouts().len() * 2,
        dir.display()
    );
}
