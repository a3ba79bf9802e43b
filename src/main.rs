//! The `selaras` command line: wires the stages together, nothing more.

use clap::{Parser, Subcommand, ValueEnum};
use selaras::ingest::{self, rules::TableRules};
use selaras::model::plan::build_plan;
use selaras::report::inspect;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "selaras",
    version,
    about = "Memeriksa keselarasan tabel Renja / RKPD (checks that the tables of a plan agree)"
)]
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
    /// Periksa buku kerja (check workbooks)
    Check {
        files: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        #[arg(long)]
        rules: Option<PathBuf>,
        #[arg(long, default_value = "id")]
        lang: String,
    },
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
        Cmd::Check {
            files,
            format: _,
            rules,
            lang,
        } => {
            let en = lang == "en";
            let trules = TableRules::load(rules.as_deref()).unwrap();
            let config = selaras::checks::config::CheckConfig::load(rules.as_deref()).unwrap();
            let mut out = Vec::new();
            for f in &files {
                let ing = ingest::ingest(f, &trules).unwrap();
                let plan = build_plan(&ing, &trules);
                let ctx = selaras::checks::Context {
                    ingested: &ing,
                    plan: &plan,
                    config: &config,
                };
                let findings = selaras::checks::run_all(&ctx);
                out.push(serde_json::json!({"path": f.display().to_string(), "findings": findings.iter().map(|x| selaras::report::json::finding_json(x, en)).collect::<Vec<_>>()}));
            }
            println!(
                "{}",
                serde_json::to_string_pretty(&serde_json::json!({"files": out})).unwrap()
            );
            ExitCode::SUCCESS
        }
        Cmd::Inspect {
            files,
            format,
            rules,
        } => {
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
                println!(
                    "{}",
                    serde_json::to_string_pretty(&serde_json::json!({"files": out})).unwrap()
                );
            }
            if failed {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            }
        }
    }
}
