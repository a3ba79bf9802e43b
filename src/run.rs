//! The pipelines the commands run. Checking files: collect the inputs (folders recursively),
//! check each file in parallel (rayon) through ingest → model → checks, write its annotated
//! copy, and keep only a small report per file so memory does not grow with the number of
//! files. Reconciling two versions of a workbook: read both, compare them, report the changes
//! and annotate the new version.

use crate::checks::config::CheckConfig;
use crate::checks::{Context, Severity, run_all};
use crate::ingest::kind::TableKind;
use crate::ingest::role::Role;
use crate::ingest::rules::TableRules;
use crate::model::plan::{Plan, build_plan};
pub use crate::report::FileReport;
use crate::report::{Format, annotate, inspect, terminal};
use rayon::prelude::*;
use std::io::Write;
use std::path::{Path, PathBuf};

/// What `check` needs besides the files.
pub struct Options {
    pub tables: TableRules,
    pub config: CheckConfig,
    pub en: bool,
    /// Where annotated copies go; None writes none.
    pub out_dir: Option<PathBuf>,
    /// Render terminal diagnostics while the workbook is in memory.
    pub render_terminal: bool,
    pub color: bool,
    /// The Rancangan Awal RKPD to check each office against (`--rkpd`): its label and plan.
    pub rkpd: Option<(String, Plan)>,
    /// The office's name as written in the RKPD (`--office`), when the title rows differ.
    pub office: Option<String>,
}

/// Extensions selaras reads.
pub const EXTENSIONS: [&str; 5] = ["xlsx", "xlsm", "xls", "xlsb", "ods"];

fn is_input(p: &Path) -> bool {
    let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let ext = p
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
        .unwrap_or_default();
    // Excel lock files (~$name.xlsx) and selaras' own outputs are not inputs.
    EXTENSIONS.contains(&ext.as_str())
        && !name.starts_with("~$")
        && !name.ends_with(".selaras.xlsx")
        && !name.ends_with(".selaras.xlsm")
        && !name.starts_with('.')
}

/// Expands folders (recursively, sorted) into workbook files. Symbolic links are not followed,
/// so a link back up the tree cannot make a file be checked twice or the walk loop. Files named
/// explicitly are kept whatever their extension, so a wrong file gets a clear error rather than
/// silence.
pub fn collect_inputs(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<String>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.is_dir() {
            let walk = walkdir::WalkDir::new(p)
                .follow_links(false)
                .sort_by_file_name();
            for entry in walk {
                match entry {
                    Ok(e) if e.file_type().is_file() && is_input(e.path()) => {
                        files.push(e.into_path())
                    }
                    Ok(_) => {}
                    Err(e) => errors.push(e.to_string()),
                }
            }
        } else {
            files.push(p.clone());
        }
    }
    (files, errors)
}

/// Checks one file; never panics on bad input (errors become the report's `error`).
pub fn check_file(path: &Path, opts: &Options) -> FileReport {
    check_input(path, None, opts).0
}

/// Checks a workbook held in memory (an upload): `name` labels it in the report and is never
/// opened as a path. Returns the report and the annotated copy's bytes (None when the workbook
/// could not be read, is an RKPD reference, or its copy failed: `error` then says why).
/// `opts.out_dir` must be None: an upload never reaches the disk.
pub fn check_bytes(name: &str, bytes: &[u8], opts: &Options) -> (FileReport, Option<Vec<u8>>) {
    debug_assert!(opts.out_dir.is_none(), "check_bytes writes nothing to disk");
    check_input(Path::new(name), Some(bytes), opts)
}

/// One file, read from `path` or, for an upload, from `upload` (then `path` only names it and
/// the annotated copy comes back instead of being written).
fn check_input(
    path: &Path,
    upload: Option<&[u8]>,
    opts: &Options,
) -> (FileReport, Option<Vec<u8>>) {
    let mut report = FileReport::new(path.display().to_string());
    // The workbook's bytes, read once, when an annotated copy is made from them (an upload
    // brings its own); a check without copies reads the file without cell looks.
    let from_disk = match (upload, &opts.out_dir) {
        (None, Some(_)) => match crate::ingest::workbook::read_file(path) {
            Ok(b) => Some(b),
            Err(e) => {
                report.error = Some(e.cause);
                return (report, None);
            }
        },
        _ => None,
    };
    let input: Option<&[u8]> = upload.or(from_disk.as_deref());
    let read = match input {
        Some(bytes) => crate::ingest::workbook::read_workbook_bytes(path, bytes)
            .map(|wb| crate::ingest::ingest_workbook(wb, &opts.tables)),
        None => crate::ingest::ingest(path, &opts.tables),
    };
    let ing = match read {
        Ok(i) => i,
        Err(e) => {
            report.error = Some(e.cause);
            return (report, None);
        }
    };
    let plan =
        crate::model::plan::build_plan_with(&ing, &opts.tables, Some(&opts.config.nomenclature));
    let ctx = Context {
        ingested: &ing,
        plan: &plan,
        config: &opts.config,
    };
    // A Rancangan Awal RKPD in the folder is a reference, not a Renja to check.
    let rkpd_only = !plan.tables.is_empty() && plan.tables.iter().all(|t| t.table.kind.is_rkpd());
    if rkpd_only {
        report.tables = plan
            .tables
            .iter()
            .map(|t| t.table.kind.to_string())
            .collect();
        report.office = Some("Rancangan Awal RKPD (pakai --rkpd)".into());
        return (report, None);
    }
    report.findings = run_all(&ctx);
    report.evaluation = crate::checks::e81::evaluation(&ctx);
    if let Some((label, rkpd)) = &opts.rkpd {
        let mut k = crate::rkpd::check_against_rkpd_in(rkpd, label, &plan, opts.office.as_deref());
        crate::checks::settle(&mut k, &opts.config);
        report.findings.extend(k);
    }
    for f in &report.findings {
        report.counts[f.severity as usize] += 1;
    }
    report.worst = report.findings.iter().map(|f| f.severity).min();
    report.office = plan.office.clone();
    report.tables = plan
        .tables
        .iter()
        .map(|t| t.table.kind.to_string())
        .collect();
    if let Some((i, _)) = plan.tables_of(TableKind::TC33).next() {
        for (role, v) in crate::report::inspect::amount_totals(&plan, i).into_values() {
            if role == Role::PaguN1 {
                report.total_n1 = Some(v);
            } else if role == Role::PaguN {
                report.total_n = Some(v);
            }
        }
    }
    if opts.render_terminal {
        report.rendered = report
            .findings
            .iter()
            .map(|f| terminal::render_finding(&ing.workbook, f, opts.en, opts.color))
            .collect();
    }
    // The copy is made from the file's own bytes (an .xlsx package is patched, not rebuilt).
    // What it needs is taken now, and the cells, tables and plan are let go before the package
    // is patched: a large workbook is not held twice.
    let input = input.unwrap_or_default();
    let prepared = (opts.out_dir.is_some() || upload.is_some())
        .then(|| annotate::prepare(input, &ing.workbook, &report.findings, opts.en));
    drop(plan);
    drop(ing);
    if let (Some(dir), Some(prepared)) = (&opts.out_dir, &prepared) {
        let out = annotate::output_path(dir, path);
        match prepared.finish(input) {
            Ok(bytes) => match annotate::write_atomic(&out, &bytes) {
                Ok(()) => report.annotated = Some(out),
                Err(e) => {
                    report.error = Some(format!(
                        "salinan beranotasi tidak dapat ditulis ke {} (cannot write annotated copy): {e}",
                        out.display()
                    ))
                }
            },
            Err(e) => {
                report.error = Some(format!(
                    "salinan beranotasi gagal dibuat (annotated copy failed): {e}"
                ))
            }
        }
    }
    let copy = match (upload, &prepared) {
        (Some(_), Some(prepared)) => match prepared.finish(input) {
            Ok(bytes) => Some(bytes),
            Err(e) => {
                report.error = Some(format!(
                    "salinan beranotasi gagal dibuat (annotated copy failed): {e}"
                ));
                None
            }
        },
        _ => None,
    };
    (report, copy)
}

/// Checks many files in parallel, keeping input order in the result.
pub fn check_files(
    files: &[PathBuf],
    opts: &Options,
    progress: Option<&(dyn Fn(usize) + Sync)>,
) -> Vec<FileReport> {
    let done = std::sync::atomic::AtomicUsize::new(0);
    files
        .par_iter()
        .map(|f| {
            let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check_file(f, opts))).unwrap_or_else(|_| FileReport {
                error: Some("galat internal selaras saat memeriksa berkas ini (internal error; please report)".into()),
                ..FileReport::new(f.display().to_string())
            });
            let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            if let Some(p) = progress {
                p(n);
            }
            r
        })
        .collect()
}

/// Checks files in order-preserving chunks and hands each report to `emit` as soon as its chunk
/// is done, so a batch of any size holds at most a chunk of full reports in memory. The reports
/// come back shrunk (counts only) unless `keep` says the caller needs the findings.
pub fn check_streaming(
    files: &[PathBuf],
    opts: &Options,
    progress: Option<&(dyn Fn(usize) + Sync)>,
    keep: bool,
    mut emit: impl FnMut(&FileReport),
) -> Vec<FileReport> {
    let chunk = (rayon::current_num_threads() * 4).max(4);
    let mut out = Vec::with_capacity(files.len());
    let done = std::sync::atomic::AtomicUsize::new(0);
    for part in files.chunks(chunk) {
        let step = |_: usize| {
            let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            if let Some(p) = progress {
                p(n);
            }
        };
        for mut r in check_files(part, opts, Some(&step)) {
            emit(&r);
            if !keep {
                r.shrink();
            }
            out.push(r);
        }
    }
    out
}

/// Checks `inputs` for the `check` command and writes each file's report to `out` as soon as
/// its chunk is done ([`check_streaming`]): text diagnostics and a summary line per file, or
/// the JSON report entry by entry; Markdown needs every file first, so nothing is written for
/// it here (see [`finish_check`]) and the reports keep their findings. `progress` is told how
/// many files are done; every write goes through `around_output` (a progress bar steps aside).
/// Err says why `out` could not be written.
pub fn check_and_report(
    inputs: &[PathBuf],
    opts: &Options,
    format: Format,
    quiet: bool,
    progress: Option<&(dyn Fn(usize) + Sync)>,
    around_output: &dyn Fn(&mut dyn FnMut()),
    out: &mut dyn Write,
) -> Result<Vec<FileReport>, String> {
    let (en, keep) = (opts.en, format == Format::Markdown);
    match format {
        Format::Json => crate::report::json::write_files(out, |sink| {
            check_streaming(inputs, opts, progress, keep, |r| {
                around_output(&mut || sink(&crate::report::json::file_json(r, en)))
            })
        })
        .map_err(|e| e.to_string()),
        Format::Text => {
            let mut failed = None;
            let reports = check_streaming(inputs, opts, progress, keep, |r| {
                around_output(&mut || {
                    if failed.is_none()
                        && let Err(e) = write_text(out, r, en, quiet)
                    {
                        failed = Some(e.to_string());
                    }
                })
            });
            match failed {
                Some(e) => Err(e),
                None => Ok(reports),
            }
        }
        Format::Markdown => Ok(check_streaming(inputs, opts, progress, keep, |_| {})),
    }
}

/// One file's text report: its diagnostics (unless `quiet`), its summary line and where its
/// annotated copy went.
fn write_text(out: &mut dyn Write, r: &FileReport, en: bool, quiet: bool) -> std::io::Result<()> {
    if !quiet {
        for d in &r.rendered {
            writeln!(out, "{d}")?;
        }
    }
    match &r.error {
        Some(e) => writeln!(
            out,
            "{}: {} ({e})",
            r.path,
            if en { "UNREADABLE" } else { "TIDAK TERBACA" }
        )?,
        None if !r.tables.is_empty() && r.tables.iter().all(|t| t.starts_with("rkpd")) => {
            let what = if en {
                "Rancangan Awal RKPD (a reference: use it with --rkpd)"
            } else {
                "Rancangan Awal RKPD (referensi: pakai dengan --rkpd)"
            };
            writeln!(out, "{}: {what}", r.path)?
        }
        None => writeln!(
            out,
            "{}",
            terminal::summary_line(&r.path, &r.findings, r.tables.len(), en)
        )?,
    }
    if let Some(a) = &r.annotated
        && !quiet
    {
        writeln!(out, "  → {}", a.display())?;
    }
    Ok(())
}

/// The end of the `check` command once every file is checked: the Markdown report, and with an
/// output folder and more than one file the batch summary workbook (`ringkasan.xlsx` /
/// `summary.xlsx`, its path named in the text report). Returns the messages for standard error
/// (a summary that could not be written does not fail the check), or Err when `out` could not
/// be written.
pub fn finish_check(
    reports: &[FileReport],
    opts: &Options,
    format: Format,
    quiet: bool,
    out: &mut dyn Write,
) -> Result<Vec<String>, String> {
    let en = opts.en;
    let written = |e: std::io::Error| e.to_string();
    if format == Format::Markdown {
        write!(out, "{}", crate::report::markdown::render(reports, en)).map_err(written)?;
    }
    let mut warnings = Vec::new();
    if let Some(dir) = &opts.out_dir
        && reports.len() > 1
    {
        let path = dir.join(if en { "summary.xlsx" } else { "ringkasan.xlsx" });
        match crate::report::summary::summary_bytes(reports, en)
            .map_err(|e| e.to_string())
            .and_then(|b| annotate::write_atomic(&path, &b).map_err(|e| e.to_string()))
        {
            Ok(()) if !quiet && format == Format::Text => writeln!(
                out,
                "{}: {}",
                if en { "summary" } else { "ringkasan" },
                path.display()
            )
            .map_err(written)?,
            Ok(()) => {}
            Err(e) => warnings.push(format!("{}: {e}", path.display())),
        }
    }
    Ok(warnings)
}

/// The exit code of `check`: 2 when an input could not be walked or a file could not be read
/// or its copy written, 1 when a finding is at least as severe as `fail_on` (None: never), else
/// 0.
pub fn exit_code(reports: &[FileReport], walk_errors: bool, fail_on: Option<Severity>) -> u8 {
    if walk_errors || reports.iter().any(|r| r.error.is_some()) {
        return 2;
    }
    let failed = fail_on.is_some_and(|l| reports.iter().any(|r| r.worst.is_some_and(|w| w <= l)));
    u8::from(failed)
}

/// The Rancangan Awal RKPD named by `--rkpd`: its file name as a label and its plan.
pub fn load_rkpd(path: &Path, tables: &TableRules) -> Result<(String, Plan), String> {
    let ing = crate::ingest::ingest(path, tables).map_err(|e| format!("RKPD: {e}"))?;
    let label = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("rkpd")
        .to_string();
    Ok((label, build_plan(&ing, tables)))
}

/// The `inspect` command over `files`: what was understood of each workbook (its tables,
/// columns and plan), as text (Markdown too) file by file, or as one JSON report
/// `{"files": [...]}` once every file is read. A file that cannot be read is named on `err`.
/// Returns whether every file was read.
pub fn inspect_files(
    files: &[PathBuf],
    tables: &TableRules,
    config: &CheckConfig,
    format: Format,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<bool> {
    let mut all_read = true;
    let mut entries = Vec::new();
    for f in files {
        match crate::ingest::ingest(f, tables) {
            Ok(ing) => {
                let plan =
                    crate::model::plan::build_plan_with(&ing, tables, Some(&config.nomenclature));
                match format {
                    Format::Json => entries.push(inspect::inspect_json(f, &ing, &plan)),
                    _ => write!(out, "{}", inspect::inspect_text(f, &ing, &plan))?,
                }
            }
            Err(e) => {
                writeln!(err, "selaras: {e}")?;
                all_read = false;
            }
        }
    }
    if format == Format::Json {
        writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({ "files": entries }))
                .unwrap_or_default()
        )?;
    }
    Ok(all_read)
}

/// What `reconcile` needs besides the two files.
pub struct ReconcileOptions {
    pub tables: TableRules,
    pub config: CheckConfig,
    pub en: bool,
    pub format: Format,
    /// Where the annotated copy of the new version goes; None writes none.
    pub out_dir: Option<PathBuf>,
    /// Colour the terminal diagnostics.
    pub color: bool,
}

/// Reconciles two versions of one workbook: reads both, pairs their rows
/// ([`crate::reconcile`]), settles the findings' severities by rules.toml, writes the report in
/// `opts.format` to `out`, then (with an `out_dir`) the annotated copy of the new version,
/// `NAME.perubahan.xlsx` (`.xlsm` for a workbook with macros). Err holds why a file could not
/// be read or written (exit code 2); what was reported before stays written.
pub fn reconcile_files(
    old: &Path,
    new: &Path,
    opts: &ReconcileOptions,
    out: &mut dyn Write,
) -> Result<(), String> {
    let (en, tables) = (opts.en, &opts.tables);
    let (o, n) = match (
        crate::ingest::ingest(old, tables),
        crate::ingest::ingest(new, tables),
    ) {
        (Ok(o), Ok(n)) => (o, n),
        (Err(e), _) | (_, Err(e)) => return Err(e.to_string()),
    };
    let label = |p: &Path| {
        p.file_name()
            .and_then(|s| s.to_str())
            .unwrap_or("")
            .to_string()
    };
    use crate::reconcile::{Version, reconcile};
    let (op, np) = (build_plan(&o, tables), build_plan(&n, tables));
    let r = reconcile(
        Version::new(&op, &o.workbook),
        Version::new(&np, &n.workbook),
    )
    .with_labels(label(old), label(new));
    let mut findings = crate::reconcile::to_findings(&r, en);
    crate::checks::settle(&mut findings, &opts.config);
    let written = |e: std::io::Error| e.to_string();
    match opts.format {
        Format::Json => writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&crate::reconcile::to_json(&r, en)).unwrap_or_default()
        )
        .map_err(written)?,
        Format::Markdown => {
            write!(out, "{}", crate::reconcile::to_markdown(&r, en)).map_err(written)?
        }
        Format::Text => {
            for f in &findings {
                writeln!(
                    out,
                    "{}",
                    terminal::render_finding(&n.workbook, f, en, opts.color)
                )
                .map_err(written)?;
            }
            let (a, d, c) = r.counts();
            if en {
                writeln!(
                    out,
                    "{} → {}: {a} rows added, {d} removed, {c} values changed",
                    old.display(),
                    new.display()
                )
            } else {
                writeln!(
                    out,
                    "{} → {}: {a} baris ditambah, {d} dihapus, {c} nilai berubah",
                    old.display(),
                    new.display()
                )
            }
            .map_err(written)?;
        }
    }
    let Some(dir) = &opts.out_dir else {
        return Ok(());
    };
    if let Err(e) = std::fs::create_dir_all(dir) {
        return Err(format!(
            "folder keluaran {} tidak dapat dibuat (cannot create output folder): {e}",
            dir.display()
        ));
    }
    let stem = new.file_stem().and_then(|s| s.to_str()).unwrap_or("baru");
    // An .xlsm keeps its macros in the copy, so it keeps its extension too.
    let ext = match new.extension().and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case("xlsm") || e.eq_ignore_ascii_case("xltm") => "xlsm",
        _ => "xlsx",
    };
    let path = dir.join(format!("{stem}.perubahan.{ext}"));
    let made = std::fs::read(new)
        .map_err(|e| format!("{}: {e}", new.display()))
        .and_then(|input| {
            annotate::annotated_bytes(&input, &n.workbook, &findings, en).map_err(|e| e.to_string())
        });
    match made {
        Ok(b) => {
            if let Err(e) = annotate::write_atomic(&path, &b) {
                return Err(format!("{}: {e}", path.display()));
            }
            if opts.format == Format::Text {
                writeln!(out, "  → {}", path.display()).map_err(written)?;
            }
            Ok(())
        }
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}
