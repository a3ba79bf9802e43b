//! The `selaras` command line: parses arguments and wires the stages together, nothing more.

use clap::{Parser, Subcommand, ValueEnum};
use selaras::checks::config::CheckConfig;
use selaras::checks::{RULES, Severity};
use selaras::ingest::{self, rules::TableRules};
use selaras::model::plan::build_plan;
use selaras::report::{self, FileReport, inspect, markdown, summary, terminal};
use selaras::run::{self, Options};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

const EXIT_CODES: &str = "\
Kode keluar (exit codes):
  0  tidak ada temuan setingkat --fail-on atau lebih berat (nothing reached --fail-on)
  1  ada temuan setingkat --fail-on atau lebih berat (findings reached --fail-on)
  2  kesalahan pemakaian, atau ada berkas yang tidak dapat dibaca/ditulis
     (usage error, or a file could not be read or its output written)";

#[derive(Parser)]
#[command(
    name = "selaras",
    version,
    about = "Memeriksa keselarasan tabel Renja / RKPD sebelum diserahkan\n(checks that the tables of a plan workbook agree before submission)",
    after_help = EXIT_CODES
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

impl From<Format> for report::Format {
    fn from(f: Format) -> Self {
        match f {
            Format::Text => report::Format::Text,
            Format::Json => report::Format::Json,
            Format::Markdown => report::Format::Markdown,
        }
    }
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Lang {
    Id,
    En,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

#[derive(Subcommand)]
enum Cmd {
    /// Periksa buku kerja dan tulis salinan beranotasi (check workbooks, write annotated copies)
    #[command(after_help = EXIT_CODES)]
    Check {
        /// Berkas atau folder (.xlsx/.xls/.ods; folder dibaca rekursif) (files or folders)
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Folder keluaran untuk salinan beranotasi (output folder for annotated copies)
        #[arg(long, default_value = "selaras-out")]
        out: PathBuf,
        /// Jangan tulis salinan beranotasi (write no annotated copies)
        #[arg(long)]
        no_annotate: bool,
        /// Bentuk laporan (report format)
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// Bahasa pesan dan keluaran (language of messages and outputs)
        #[arg(long, value_enum, default_value = "id")]
        lang: Lang,
        /// Tingkat temuan yang membuat kode keluar 1 (severity that makes the exit code 1)
        #[arg(long, value_enum, default_value = "error")]
        fail_on: FailOn,
        /// Hanya ringkasan per berkas (summary lines only)
        #[arg(long, short)]
        quiet: bool,
        /// Folder berisi tables.toml / rules.toml / nomenclature.csv pengganti bawaan
        /// (folder overriding the built-in rules)
        #[arg(long)]
        rules: Option<PathBuf>,
        /// Daftar nomenklatur resmi (CSV kode,nama) (official nomenclature list)
        #[arg(long)]
        nomenclature: Option<PathBuf>,
        /// Rancangan Awal RKPD untuk dicocokkan dengan tiap Renja (regency plan to check each office against)
        #[arg(long)]
        rkpd: Option<PathBuf>,
        /// Nama perangkat daerah seperti tertulis di RKPD (office name as written in the RKPD)
        #[arg(long)]
        office: Option<String>,
    },
    /// Bandingkan dua versi Renja (reconcile two versions: rows added, removed, changed)
    #[command(after_help = EXIT_CODES)]
    Reconcile {
        old: PathBuf,
        new: PathBuf,
        #[arg(long, default_value = "selaras-out")]
        out: PathBuf,
        #[arg(long)]
        no_annotate: bool,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        #[arg(long, value_enum, default_value = "id")]
        lang: Lang,
        #[arg(long)]
        rules: Option<PathBuf>,
    },
    /// Tampilkan tabel yang dikenali (show what was understood of each workbook)
    Inspect {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        #[arg(long)]
        rules: Option<PathBuf>,
    },
    /// Daftar aturan pemeriksaan (list the rules)
    Rules {
        #[arg(long, value_enum, default_value = "id")]
        lang: Lang,
    },
    /// Halaman web untuk memeriksa buku kerja dari peramban (a page to check workbooks from a browser)
    Serve {
        /// Alamat dan port; bawaan hanya mesin ini (address and port; this machine only by default)
        #[arg(long, default_value = "127.0.0.1:8080")]
        bind: std::net::SocketAddr,
        /// Batas ukuran satu unggahan dalam MB (upload size limit in MB)
        #[arg(long, default_value_t = 50)]
        max_upload_mb: u64,
        /// Menit salinan beranotasi disimpan untuk diunduh (minutes annotated copies are kept)
        #[arg(long, default_value_t = 60)]
        keep_minutes: u64,
        /// Folder berisi tables.toml / rules.toml pengganti bawaan (folder overriding the built-in rules)
        #[arg(long)]
        rules: Option<PathBuf>,
    },
    /// Satu tabel panjang semua baris rencana semua berkas, xlsx dan CSV, untuk kompilasi Bappeda
    /// (one long table of every office's plan rows, xlsx and CSV)
    Export {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long, default_value = "selaras-out")]
        out: PathBuf,
        #[arg(long, value_enum, default_value = "id")]
        lang: Lang,
        #[arg(long)]
        rules: Option<PathBuf>,
    },
    /// Penjelasan satu aturan (explain one rule), mis. `selaras explain B001`
    Explain {
        code: String,
        #[arg(long, value_enum, default_value = "id")]
        lang: Lang,
    },
}

/// The table definitions and check settings, built in or from `--rules DIR`.
fn load_rules(dir: Option<&std::path::Path>) -> Result<(TableRules, CheckConfig), ExitCode> {
    let bad = |e: String| usage_error(&format!("aturan tidak valid (invalid rules): {e}"));
    let tables = TableRules::load(dir).map_err(|e| bad(e.to_string()))?;
    let config = CheckConfig::load(dir).map_err(|e| bad(e.to_string()))?;
    Ok((tables, config))
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("selaras: {msg}");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.cmd {
        Cmd::Serve {
            bind,
            max_upload_mb,
            keep_minutes,
            rules,
        } => match selaras::serve::run(selaras::serve::ServeOptions {
            bind,
            max_upload_bytes: max_upload_mb.saturating_mul(1 << 20),
            keep: std::time::Duration::from_secs(keep_minutes.saturating_mul(60)),
            rules,
        }) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => usage_error(&e),
        },
        Cmd::Rules { lang } => {
            let en = lang == Lang::En;
            for r in RULES {
                println!(
                    "{}  {:<8} {:<34} {}",
                    r.code,
                    r.severity.label(en),
                    r.name,
                    r.summary(en)
                );
            }
            ExitCode::SUCCESS
        }
        Cmd::Explain { code, lang } => match selaras::checks::rule(&code) {
            Some(r) => {
                let en = lang == Lang::En;
                println!(
                    "{} {} ({}, {})\n{}\n\n{}",
                    r.code,
                    r.name,
                    r.family,
                    r.severity.label(en),
                    r.summary(en),
                    r.explain(en)
                );
                ExitCode::SUCCESS
            }
            None => usage_error(&format!(
                "aturan `{code}` tidak ada; lihat `selaras rules` (no such rule)"
            )),
        },
        Cmd::Reconcile {
            old,
            new,
            out,
            no_annotate,
            format,
            lang,
            rules,
        } => {
            let (tables, config) = match load_rules(rules.as_deref()) {
                Ok(r) => r,
                Err(code) => return code,
            };
            let opts = run::ReconcileOptions {
                tables,
                config,
                en: lang == Lang::En,
                format: format.into(),
                out_dir: (!no_annotate).then_some(out),
                color: std::io::stdout().is_terminal(),
            };
            match run::reconcile_files(&old, &new, &opts, &mut std::io::stdout()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => usage_error(&e),
            }
        }
        Cmd::Export {
            files,
            out,
            lang,
            rules,
        } => {
            let (tables, config) = match load_rules(rules.as_deref()) {
                Ok(r) => r,
                Err(code) => return code,
            };
            let (inputs, walk_errors) = run::collect_inputs(&files);
            for e in &walk_errors {
                eprintln!("selaras: {e}");
            }
            if inputs.is_empty() {
                return usage_error("tidak ada buku kerja (no workbooks)");
            }
            match selaras::report::export::export_files(
                &inputs,
                &tables,
                &config,
                &out,
                lang == Lang::En,
            ) {
                Ok((written, errors)) => {
                    for e in &errors {
                        eprintln!("selaras: {e}");
                    }
                    for w in written {
                        println!("{}", w.display());
                    }
                    if errors.is_empty() && walk_errors.is_empty() {
                        ExitCode::SUCCESS
                    } else {
                        ExitCode::from(2)
                    }
                }
                Err(e) => usage_error(&e),
            }
        }
        Cmd::Inspect {
            files,
            format,
            rules,
        } => {
            let (tables, nomenclature) = match load_rules(rules.as_deref()) {
                Ok(r) => r,
                Err(code) => return code,
            };
            let (files, errors) = run::collect_inputs(&files);
            let mut failed = !errors.is_empty();
            for e in errors {
                eprintln!("selaras: {e}");
            }
            let mut out = Vec::new();
            for f in &files {
                match ingest::ingest(f, &tables) {
                    Ok(ing) => {
                        let plan = selaras::model::plan::build_plan_with(
                            &ing,
                            &tables,
                            Some(&nomenclature.nomenclature),
                        );
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
                    serde_json::to_string_pretty(&serde_json::json!({ "files": out }))
                        .unwrap_or_default()
                );
            }
            if failed {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            }
        }
        Cmd::Check {
            files,
            out,
            no_annotate,
            format,
            lang,
            fail_on,
            quiet,
            rules,
            nomenclature,
            rkpd,
            office,
        } => {
            let en = lang == Lang::En;
            let (tables, mut config) = match load_rules(rules.as_deref()) {
                Ok(r) => r,
                Err(code) => return code,
            };
            if let Some(n) = &nomenclature
                && let Err(e) = config.load_nomenclature(n)
            {
                return usage_error(&format!(
                    "nomenklatur tidak valid (invalid nomenclature): {e}"
                ));
            }
            let (inputs, walk_errors) = run::collect_inputs(&files);
            for e in &walk_errors {
                eprintln!("selaras: {e}");
            }
            if inputs.is_empty() {
                return usage_error("tidak ada buku kerja untuk diperiksa (no workbooks to check)");
            }
            let out_dir = if no_annotate {
                None
            } else {
                if let Err(e) = std::fs::create_dir_all(&out) {
                    return usage_error(&format!(
                        "folder keluaran {} tidak dapat dibuat (cannot create output folder): {e}",
                        out.display()
                    ));
                }
                Some(out.clone())
            };
            let rkpd = match &rkpd {
                None => None,
                Some(p) => match ingest::ingest(p, &tables) {
                    Ok(ing) => {
                        let label = p
                            .file_name()
                            .and_then(|n| n.to_str())
                            .unwrap_or("rkpd")
                            .to_string();
                        Some((label, build_plan(&ing, &tables)))
                    }
                    Err(e) => return usage_error(&format!("RKPD: {e}")),
                },
            };
            let tty = std::io::stdout().is_terminal();
            let color = tty && std::env::var_os("NO_COLOR").is_none();
            let opts = Options {
                tables,
                config,
                en,
                out_dir: out_dir.clone(),
                render_terminal: format == Format::Text && !quiet,
                color,
                rkpd,
                office,
            };
            let total = inputs.len();
            // A drawn bar with files/s and the time left, on a terminal and for more than three
            // files (indicatif draws nothing when stderr is not a terminal).
            let bar = (std::io::stderr().is_terminal() && total > 3).then(|| {
                let b = indicatif::ProgressBar::new(total as u64);
                b.set_style(
                    indicatif::ProgressStyle::with_template(if en {
                        "{bar:30} {pos}/{len} files checked, {per_sec}, {eta} left"
                    } else {
                        "{bar:30} {pos}/{len} berkas diperiksa, {per_sec}, sisa {eta}"
                    })
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
                );
                b
            });
            let progress = |n: usize| {
                if let Some(b) = &bar {
                    b.set_position(n as u64);
                }
            };
            // Text and JSON are written file by file as chunks finish; Markdown needs every
            // file's counts before its details, so it keeps the findings.
            let keep = format == Format::Markdown;
            let suspended = |f: &mut dyn FnMut()| match &bar {
                Some(b) => b.suspend(f),
                None => f(),
            };
            let checked = match format {
                Format::Json => report::json::write_files(std::io::stdout(), |sink| {
                    run::check_streaming(&inputs, &opts, Some(&progress), keep, |r| {
                        suspended(&mut || sink(&report::json::file_json(r, en)))
                    })
                })
                .map_err(|e| e.to_string()),
                _ => Ok(run::check_streaming(
                    &inputs,
                    &opts,
                    Some(&progress),
                    keep,
                    |r| suspended(&mut || emit_text(r, format, en, quiet)),
                )),
            };
            if let Some(b) = &bar {
                b.finish_and_clear();
            }
            let reports = match checked {
                Ok(r) => r,
                Err(e) => return usage_error(&e),
            };
            if format == Format::Markdown {
                print!("{}", markdown::render(&reports, en));
            }
            if let Some(dir) = &out_dir
                && reports.len() > 1
            {
                let path = dir.join(if en { "summary.xlsx" } else { "ringkasan.xlsx" });
                match summary::summary_bytes(&reports, en)
                    .map_err(|e| e.to_string())
                    .and_then(|b| {
                        selaras::report::annotate::write_atomic(&path, &b)
                            .map_err(|e| e.to_string())
                    }) {
                    Ok(()) if !quiet && format == Format::Text => println!(
                        "{}: {}",
                        if en { "summary" } else { "ringkasan" },
                        path.display()
                    ),
                    Ok(()) => {}
                    Err(e) => eprintln!("selaras: {}: {e}", path.display()),
                }
            }
            exit_code(&reports, !walk_errors.is_empty(), fail_on)
        }
    }
}

/// Writes one file's text report: its diagnostics and summary line (nothing for Markdown,
/// which is written once every file is checked).
fn emit_text(r: &FileReport, format: Format, en: bool, quiet: bool) {
    match format {
        Format::Json | Format::Markdown => {}
        Format::Text => {
            if !quiet {
                for d in &r.rendered {
                    println!("{d}");
                }
            }
            match &r.error {
                Some(e) => println!(
                    "{}: {} ({e})",
                    r.path,
                    if en { "UNREADABLE" } else { "TIDAK TERBACA" }
                ),
                None if !r.tables.is_empty() && r.tables.iter().all(|t| t.starts_with("rkpd")) => {
                    let what = if en {
                        "Rancangan Awal RKPD (a reference: use it with --rkpd)"
                    } else {
                        "Rancangan Awal RKPD (referensi: pakai dengan --rkpd)"
                    };
                    println!("{}: {what}", r.path)
                }
                None => println!(
                    "{}",
                    terminal::summary_line(&r.path, &r.findings, r.tables.len(), en)
                ),
            }
            if let Some(a) = &r.annotated
                && !quiet
            {
                println!("  → {}", a.display());
            }
        }
    }
}

fn exit_code(reports: &[FileReport], walk_errors: bool, fail_on: FailOn) -> ExitCode {
    if walk_errors || reports.iter().any(|r| r.error.is_some()) {
        return ExitCode::from(2);
    }
    let limit = match fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    };
    let failed = limit.is_some_and(|l| reports.iter().any(|r| r.worst.is_some_and(|w| w <= l)));
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
