//! `selaras serve`: a page planners drop their workbooks on, and the JSON API it uses.
//!
//! - `GET /` the page (HTML, CSS and JS embedded in the binary: nothing is fetched elsewhere);
//! - `POST /api/check[?lang=en]` multipart, one or more parts named `file` → the JSON of
//!   `selaras check --format json`, each file with an added `annotated_url` (and `counts`),
//!   and a top-level `summary_url` (the Ringkasan workbook) for several files;
//! - `GET /api/download/{token}` the xlsx, once: it is deleted when downloaded, or after the
//!   time to keep;
//! - `GET /api/rules[?lang=en]` the rule catalogue with the explanations.
//!
//! Uploads stay in memory and never touch the disk; their names label the report only. The
//! checks run on the CLI's rayon pool, so a slow workbook does not hold up the async workers.

mod store;

use crate::checks::RULES;
use crate::checks::config::CheckConfig;
use crate::ingest::rules::TableRules;
use crate::report::FileReport;
use crate::run::{Options, check_bytes};
use axum::body::Body;
use axum::extract::{DefaultBodyLimit, FromRequest, Multipart, Path as UrlPath, Query, Request};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use rayon::prelude::*;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
pub use store::Store;

const INDEX_HTML: &str = include_str!("assets/index.html");
const APP_CSS: &str = include_str!("assets/app.css");
const APP_JS: &str = include_str!("assets/app.js");

/// Files accepted in one request.
const MAX_FILES: usize = 200;
/// Room for the multipart framing around the files when judging `Content-Length`.
const FRAMING_SLACK: u64 = 1 << 20;
/// Total size of the annotated copies waiting to be downloaded.
const STORE_MAX_BYTES: usize = 1 << 30;

/// What `selaras serve` is started with.
pub struct ServeOptions {
    pub bind: SocketAddr,
    /// Limit on the total size of the files of one upload, in bytes.
    pub max_upload_bytes: u64,
    /// How long an annotated copy waits to be downloaded.
    pub keep: Duration,
    /// `--rules DIR`, as for `selaras check`.
    pub rules: Option<PathBuf>,
}

struct App {
    id: Options,
    en: Options,
    store: Store,
    max_upload: u64,
    /// Uploads read and checked at once; the others wait (their bodies held back by TCP), so
    /// memory stays bounded by this many times the upload limit.
    uploads: tokio::sync::Semaphore,
}

/// Starts the server and serves until the process is stopped. Prints the page's address on
/// stdout once listening (a port of 0 picks a free one).
pub fn run(opts: ServeOptions) -> Result<(), String> {
    let options = |en: bool| -> Result<Options, String> {
        Ok(Options {
            tables: TableRules::load(opts.rules.as_deref())
                .map_err(|e| format!("aturan tidak valid (invalid rules): {e}"))?,
            config: CheckConfig::load(opts.rules.as_deref())
                .map_err(|e| format!("aturan tidak valid (invalid rules): {e}"))?,
            en,
            out_dir: None,
            render_terminal: false,
            color: false,
            rkpd: None,
            office: None,
        })
    };
    let app = Arc::new(App {
        id: options(false)?,
        en: options(true)?,
        store: Store::new(opts.keep, STORE_MAX_BYTES),
        max_upload: opts.max_upload_bytes,
        uploads: tokio::sync::Semaphore::new((rayon::current_num_threads() * 4).max(8)),
    });
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(opts.bind)
            .await
            .map_err(|e| format!("{}: {e}", opts.bind))?;
        let addr = listener.local_addr().map_err(|e| e.to_string())?;
        if !addr.ip().is_loopback() {
            eprintln!(
                "selaras: melayani di {addr}, terbuka untuk jaringan (serving beyond this machine)"
            );
        }
        println!("selaras serve: http://{addr}/");
        use std::io::Write;
        let _ = std::io::stdout().flush();
        let sweeper = app.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs(30));
            loop {
                tick.tick().await;
                sweeper.store.sweep();
            }
        });
        axum::serve(listener, router(app))
            .await
            .map_err(|e| e.to_string())
    })
}

fn router(app: Arc<App>) -> Router {
    Router::new()
        .route(
            "/",
            get(|| async { asset(INDEX_HTML, "text/html; charset=utf-8") }),
        )
        .route(
            "/app.css",
            get(|| async { asset(APP_CSS, "text/css; charset=utf-8") }),
        )
        .route(
            "/app.js",
            get(|| async { asset(APP_JS, "text/javascript; charset=utf-8") }),
        )
        .route("/api/check", post(check))
        .route("/api/rules", get(rules))
        .route("/api/download/{token}", get(download))
        .fallback(|| async {
            error(
                StatusCode::NOT_FOUND,
                "alamat tidak ada (no such address)".into(),
            )
        })
        // The upload limit is ours (a 413 with its own message); axum's 2 MB default would
        // pre-empt it with another.
        .layer(DefaultBodyLimit::disable())
        .with_state(app)
}

/// Headers on every page asset: nothing may be loaded from anywhere but this server.
fn asset(body: &'static str, kind: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, kind),
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
            ),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            (header::REFERRER_POLICY, "no-referrer"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
        .into_response()
}

fn error(status: StatusCode, message: String) -> Response {
    (status, Json(json!({ "error": message }))).into_response()
}

fn lang_en(q: &HashMap<String, String>) -> bool {
    q.get("lang").is_some_and(|l| l.eq_ignore_ascii_case("en"))
}

fn tr(en: bool, id: &str, en_text: &str) -> String {
    if en { en_text.into() } else { id.into() }
}

fn too_large(en: bool, limit: u64) -> Response {
    let mb = limit.div_ceil(1 << 20);
    error(
        StatusCode::PAYLOAD_TOO_LARGE,
        tr(
            en,
            &format!(
                "Unggahan terlalu besar: batasnya {mb} MB untuk semua berkas sekaligus. Unggah lebih sedikit berkas per kali, atau minta pengelola menaikkan --max-upload-mb."
            ),
            &format!(
                "Upload too large: the limit is {mb} MB for all files together. Upload fewer files at a time, or ask the administrator to raise --max-upload-mb."
            ),
        ),
    )
}

/// The name of an upload as shown: its last path component, without control characters,
/// at most 200 characters. It labels the report and the download; it never names a path here.
fn clean_name(raw: &str) -> String {
    let last = raw.rsplit(['/', '\\']).next().unwrap_or("");
    let s: String = last.chars().filter(|c| !c.is_control()).take(200).collect();
    let s = s.trim().to_string();
    if s.is_empty() || s == "." || s == ".." {
        "buku-kerja.xlsx".into()
    } else {
        s
    }
}

/// `<stem>.selaras.xlsx` for the annotated copy of `name`.
fn download_name(name: &str) -> String {
    // The CLI's own naming: an .xlsm keeps its macros and its extension.
    crate::report::annotate::output_path(std::path::Path::new(""), std::path::Path::new(name))
        .to_string_lossy()
        .into_owned()
}

async fn check(
    axum::extract::State(app): axum::extract::State<Arc<App>>,
    Query(q): Query<HashMap<String, String>>,
    req: Request,
) -> Response {
    let en = lang_en(&q);
    let Ok(_permit) = app.uploads.acquire().await else {
        return error(StatusCode::SERVICE_UNAVAILABLE, "closing".into());
    };
    let limit = app.max_upload;
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit.saturating_add(FRAMING_SLACK)) {
        // Read (and drop) a bounded part of the body first, so the client is still listening
        // when the answer comes instead of seeing the connection reset.
        drain(req.into_body(), drain_cap(limit)).await;
        return too_large(en, limit);
    }
    let mut mp = match Multipart::from_request(req, &()).await {
        Ok(m) => m,
        Err(_) => {
            return error(
                StatusCode::BAD_REQUEST,
                tr(
                    en,
                    "Kirim berkas sebagai multipart/form-data dengan bagian bernama `file`.",
                    "Send the files as multipart/form-data with parts named `file`.",
                ),
            );
        }
    };
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut total: u64 = 0;
    let mut over = false;
    'fields: loop {
        let mut field = match mp.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(_) if over => break,
            Err(e) => {
                return error(
                    StatusCode::BAD_REQUEST,
                    tr(
                        en,
                        &format!("Unggahan tidak lengkap atau rusak: {e}"),
                        &format!("The upload is incomplete or malformed: {e}"),
                    ),
                );
            }
        };
        let is_file = field.name() == Some("file");
        let name = clean_name(field.file_name().unwrap_or(""));
        let mut buf = Vec::new();
        loop {
            match field.chunk().await {
                Ok(Some(c)) => {
                    total += c.len() as u64;
                    if total > limit {
                        over = true;
                        buf = Vec::new();
                        if total > drain_cap(limit) {
                            break 'fields;
                        }
                    } else if is_file {
                        buf.extend_from_slice(&c);
                    }
                }
                Ok(None) => break,
                Err(_) if over => break 'fields,
                Err(e) => {
                    return error(
                        StatusCode::BAD_REQUEST,
                        tr(
                            en,
                            &format!("Unggahan terputus atau rusak: {e}"),
                            &format!("The upload was cut off or is malformed: {e}"),
                        ),
                    );
                }
            }
        }
        if is_file && !over {
            files.push((name, buf));
        }
    }
    if over {
        return too_large(en, limit);
    }
    if files.is_empty() {
        return error(
            StatusCode::BAD_REQUEST,
            tr(
                en,
                "Tidak ada berkas: kirim satu atau lebih bagian bernama `file`.",
                "No file: send one or more parts named `file`.",
            ),
        );
    }
    if files.len() > MAX_FILES {
        return error(
            StatusCode::BAD_REQUEST,
            tr(
                en,
                &format!("Terlalu banyak berkas sekaligus (paling banyak {MAX_FILES})."),
                &format!("Too many files at once (at most {MAX_FILES})."),
            ),
        );
    }
    // The checks are CPU work: run them on rayon's pool (as the CLI does) and wait for them
    // without holding an async worker.
    let (tx, rx) = tokio::sync::oneshot::channel();
    let worker = app.clone();
    rayon::spawn(move || {
        let opts = if en { &worker.en } else { &worker.id };
        let results: Vec<(FileReport, Option<Vec<u8>>)> = files
            .par_iter()
            .map(|(name, bytes)| {
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    check_bytes(name, bytes, opts)
                }))
                .unwrap_or_else(|_| {
                    let (mut r, _) = check_bytes(name, &[], opts);
                    r.error = Some(
                        "galat internal selaras saat memeriksa berkas ini (internal error; please report)"
                            .into(),
                    );
                    (r, None)
                })
            })
            .collect();
        let summary = (results.len() > 1).then(|| {
            let reports: Vec<FileReport> = results.iter().map(|(r, _)| r.clone()).collect();
            crate::report::summary::summary_bytes(&reports, en).ok()
        });
        let _ = tx.send((results, summary.flatten()));
    });
    let Ok((results, summary)) = rx.await else {
        return error(
            StatusCode::INTERNAL_SERVER_ERROR,
            tr(
                en,
                "Pemeriksaan terhenti (galat internal).",
                "The check stopped (internal error).",
            ),
        );
    };
    let several = results.len() > 1;
    let mut out = Vec::with_capacity(results.len());
    for (r, bytes) in results {
        let mut j = crate::report::json::file_json(&r, en);
        let url = bytes.map(|b| {
            let t = app.store.put(download_name(&r.path), b);
            format!("/api/download/{t}")
        });
        j["annotated_url"] = json!(url);
        j["annotated_name"] = json!(download_name(&r.path));
        j["counts"] = json!({
            "error": r.counts[0],
            "warning": r.counts[1],
            "info": r.counts[2],
        });
        out.push(j);
    }
    let mut body = json!({
        "files": out,
        "expires_in_seconds": app.store.ttl().as_secs(),
    });
    if several {
        let name = if en { "summary.xlsx" } else { "ringkasan.xlsx" };
        body["summary_url"] =
            json!(summary.map(|b| format!("/api/download/{}", app.store.put(name.into(), b))));
    }
    Json(body).into_response()
}

/// How much of an over-limit body is read before answering 413.
fn drain_cap(limit: u64) -> u64 {
    limit.saturating_mul(4).max(64 << 20)
}

async fn drain(body: Body, cap: u64) {
    use http_body_util::BodyExt;
    let mut body = body;
    let mut seen = 0u64;
    while let Some(Ok(frame)) = body.frame().await {
        if let Some(d) = frame.data_ref() {
            seen += d.len() as u64;
        }
        if seen > cap {
            break;
        }
    }
}

async fn rules(Query(q): Query<HashMap<String, String>>) -> Response {
    let en = lang_en(&q);
    let list: Vec<Value> = RULES
        .iter()
        .map(|r| {
            json!({
                "code": r.code,
                "name": r.name,
                "family": r.family.to_string(),
                "severity": r.severity.key(),
                "summary": r.summary(en),
                "explain": r.explain(en),
            })
        })
        .collect();
    Json(json!({ "rules": list })).into_response()
}

async fn download(
    axum::extract::State(app): axum::extract::State<Arc<App>>,
    Query(q): Query<HashMap<String, String>>,
    UrlPath(token): UrlPath<String>,
    method: axum::http::Method,
) -> Response {
    let en = lang_en(&q);
    // A HEAD (a link checker, a download manager) must not use up the one download.
    let head = method == axum::http::Method::HEAD;
    let found = if head {
        app.store
            .peek(&token)
            .map(|(name, len)| (name, Body::empty(), len))
    } else {
        app.store.take(&token).map(|(name, b)| {
            let len = b.len();
            (name, Body::from(b), len)
        })
    };
    let Some((name, bytes, len)) = found else {
        return error(
            StatusCode::NOT_FOUND,
            tr(
                en,
                "Berkas ini tidak ada lagi: sudah diunduh atau sudah kedaluwarsa. Unggah lagi buku kerjanya untuk salinan baru.",
                "This file is gone: it was downloaded already or has expired. Upload the workbook again for a new copy.",
            ),
        );
    };
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "._- ()".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"._-".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    let disposition = HeaderValue::from_str(&format!(
        "attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}"
    ))
    .unwrap_or(HeaderValue::from_static("attachment"));
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static(if name.ends_with(".xlsm") {
                    "application/vnd.ms-excel.sheet.macroEnabled.12"
                } else {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                }),
            ),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
            (
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ),
            (header::CONTENT_LENGTH, HeaderValue::from(len)),
        ],
        bytes,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upload_names_lose_their_folders_and_control_characters() {
        assert_eq!(clean_name("../../etc/passwd"), "passwd");
        assert_eq!(
            clean_name("C:\\Users\\x\\Renja 2026.xlsx"),
            "Renja 2026.xlsx"
        );
        assert_eq!(clean_name("a\u{0}b\n.xlsx"), "ab.xlsx");
        assert_eq!(clean_name(".."), "buku-kerja.xlsx");
        assert_eq!(clean_name(""), "buku-kerja.xlsx");
        assert_eq!(download_name("Renja 2026.xlsx"), "Renja 2026.selaras.xlsx");
        assert_eq!(
            download_name("tanpa-ekstensi"),
            "tanpa-ekstensi.selaras.xlsx"
        );
    }
}
