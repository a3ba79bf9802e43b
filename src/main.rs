//! The `selaras` command line: parses arguments and wires the stages together, nothing more.

use clap::{Parser, Subcommand, ValueEnum};
use selaras::checks::config::CheckConfig;
use selaras::checks::{RULES, Severity};
use selaras::ingest::rules::TableRules;
use selaras::report;
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
            let (tables, config) = match load_rules(rules.as_deref()) {
                Ok(r) => r,
                Err(code) => return code,
            };
            let (files, errors) = run::collect_inputs(&files);
            for e in &errors {
                eprintln!("selaras: {e}");
            }
            let read = run::inspect_files(
                &files,
                &tables,
                &config,
                format.into(),
                &mut std::io::stdout(),
                &mut std::io::stderr(),
            );
            match read {
                Ok(true) if errors.is_empty() => ExitCode::SUCCESS,
                Ok(_) => ExitCode::from(2),
                Err(e) => usage_error(&e.to_string()),
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
                Some(out)
            };
            let rkpd = match rkpd.map(|p| run::load_rkpd(&p, &tables)).transpose() {
                Ok(r) => r,
                Err(e) => return usage_error(&e),
            };
            let tty = std::io::stdout().is_terminal();
            let color = tty && std::env::var_os("NO_COLOR").is_none();
            let opts = Options {
                tables,
                config,
                en,
                out_dir,
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
            let around_output = |f: &mut dyn FnMut()| match &bar {
                Some(b) => b.suspend(f),
                None => f(),
            };
            let format = format.into();
            let mut stdout = std::io::stdout();
            let checked = run::check_and_report(
                &inputs,
                &opts,
                format,
                quiet,
                Some(&progress),
                &around_output,
                &mut stdout,
            );
            if let Some(b) = &bar {
                b.finish_and_clear();
            }
            let reports = match checked {
                Ok(r) => r,
                Err(e) => return usage_error(&e),
            };
            match run::finish_check(&reports, &opts, format, quiet, &mut stdout) {
                Ok(warnings) => warnings.iter().for_each(|w| eprintln!("selaras: {w}")),
                Err(e) => return usage_error(&e),
            }
            let fail_on = match fail_on {
                FailOn::Error => Some(Severity::Error),
                FailOn::Warning => Some(Severity::Warning),
                FailOn::Info => Some(Severity::Info),
                FailOn::Never => None,
            };
            ExitCode::from(run::exit_code(&reports, !walk_errors.is_empty(), fail_on))
        }
    }
}
