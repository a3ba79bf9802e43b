//! The `selaras` command line: wires the stages together, nothing more.

use clap::{Parser, Subcommand, ValueEnum};
use selaras::ingest::{self, rules::TableRules};
use selaras::model::plan::build_plan;
use selaras::report::inspect;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "selaras", version, about = "Memeriksa keselarasan tabel Renja / RKPD (checks that the tables of a plan agree)")]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    Text,
    Json,
    Markdown,
}

#[derive(Subcommand)]
enum Cmd {
    /// Tampilkan tabel yang dikenali (show what was understood of each workbook)
    Inspect {
        files: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// Folder with tables.toml and rules.toml overriding the built-in rules
        #[arg(long)]
        rules: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.cmd {
        Cmd::Inspect { files, format, rules } => {
            let rules = match TableRules::load(rules.as_deref()) {
                Ok(r) => r,
                Err(e) => {
                    eprintln!("selaras: aturan tidak valid (invalid rules): {e}");
                    return ExitCode::from(2);
                }
            };
            let mut failed = false;
            let mut out = Vec::new();
            for f in &files {
                match ingest::ingest(f, &rules) {
                    Ok(ing) => {
                        let plan = build_plan(&ing, &rules);
                        match format {
                            Format::Json => out.push(inspect::inspect_json(f, &ing, &plan)),
                            _ => print!("{}", inspect::inspect_text(f, &ing, &plan)),
                        }
                    }
                    Err(e) => {
                        eprintln!("selaras: {e}");
                        failed = true;
                    }
                }
            }
            if format == Format::Json {
                println!("{}", serde_json::to_string_pretty(&serde_json::json!({"files": out})).unwrap());
            }
            if failed { ExitCode::from(2) } else { ExitCode::SUCCESS }
        }
    }
}
