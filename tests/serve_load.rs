//! `selaras serve` under load, on loopback only: 50 concurrent uploads of the staff sample all
//! succeed (p50/p95 latency printed and kept in `target/tmp/serve-load.txt`), the API stays
//! responsive meanwhile, a 60 MB upload gets 413 with its message, a file that is not a
//! workbook gets its message (not a 500), and a download is handed out once.

#[path = "support/serve.rs"]
mod serve;

use serve::{Server, get, post_files, sample};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

const SAMPLE: &str = "renja-dinsos-kukar-2026.xlsx";

fn concurrent() -> usize {
    std::env::var("SELARAS_LOAD_N")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(50)
}

/// The machine's 1-minute load average, to read the latencies against.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split(' ').next().map(str::to_string))
        .unwrap_or_else(|| "?".into())
}

#[test]
fn fifty_concurrent_uploads_all_succeed_and_the_limits_hold() {
    let load_before = load_average();
    let server = Server::start(&[]);
    let addr = server.addr;
    let bytes = Arc::new(std::fs::read(sample(SAMPLE)).unwrap());
    let n = concurrent();
    let barrier = Arc::new(Barrier::new(n + 1));
    let workers: Vec<_> = (0..n)
        .map(|i| {
            let bytes = bytes.clone();
            let barrier = barrier.clone();
            std::thread::spawn(move || {
                barrier.wait();
                let start = Instant::now();
                let r = post_files(addr, "/api/check", &[(&format!("renja-{i}.xlsx"), &bytes)]);
                (start.elapsed(), r)
            })
        })
        .collect();
    let start = Instant::now();
    barrier.wait();
    // While the uploads are being checked, the server still answers at once.
    std::thread::sleep(Duration::from_millis(300));
    let t = Instant::now();
    let rules = get(addr, "/api/rules");
    let rules_latency = t.elapsed();
    assert_eq!(rules.status, 200);
    let mut latencies = Vec::new();
    let mut counts = Vec::new();
    let mut tokens = Vec::new();
    for w in workers {
        let (elapsed, r) = w.join().unwrap();
        assert_eq!(
            r.status,
            200,
            "upload failed: {}",
            String::from_utf8_lossy(&r.body)
        );
        let j = r.json();
        let f = &j["files"][0];
        assert_eq!(f["status"], "checked");
        counts.push(f["findings"].as_array().unwrap().len());
        tokens.push(f["annotated_url"].as_str().unwrap().to_string());
        latencies.push(elapsed);
    }
    let wall = start.elapsed();
    assert!(
        counts.iter().all(|&c| c == counts[0] && c > 0),
        "{counts:?}"
    );
    latencies.sort();
    let pct = |p: f64| latencies[((p * n as f64).ceil() as usize).clamp(1, n) - 1];
    let report = format!(
        "{n} concurrent uploads of {SAMPLE} ({} KB): p50 {:.2} s, p95 {:.2} s, max {:.2} s, wall {:.2} s; /api/rules during the load: {} ms; load average before/after: {load_before} / {}\n",
        bytes.len() / 1024,
        pct(0.50).as_secs_f64(),
        pct(0.95).as_secs_f64(),
        latencies[n - 1].as_secs_f64(),
        wall.as_secs_f64(),
        rules_latency.as_millis(),
        load_average()
    );
    eprint!("{report}");
    let _ = std::fs::write(
        std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("serve-load.txt"),
        &report,
    );
    assert!(
        rules_latency < Duration::from_secs(2),
        "the API was blocked by the checks: {rules_latency:?}"
    );
    assert!(
        tokens
            .iter()
            .collect::<std::collections::HashSet<_>>()
            .len()
            == n,
        "every download token differs"
    );

    // A download is handed out once, as an xlsx; a HEAD does not use it up.
    let h = serve::request(
        addr,
        &format!(
            "HEAD {} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n",
            tokens[0]
        ),
        &[],
    );
    assert_eq!(h.status, 200);
    let d = get(addr, &tokens[0]);
    assert_eq!(d.status, 200);
    assert!(d.body.starts_with(b"PK"));
    assert_eq!(
        h.header("content-length"),
        Some(d.body.len().to_string().as_str())
    );
    assert!(
        d.header("content-disposition")
            .unwrap()
            .contains("renja-0.selaras.xlsx")
    );
    assert_eq!(get(addr, &tokens[0]).status, 404, "deleted on download");
    assert_eq!(get(addr, "/api/download/not-a-token").status, 404);

    // Past the limit: 413 with a message that says what the limit is.
    let big = vec![0u8; 60 << 20];
    let r = post_files(addr, "/api/check", &[("besar.xlsx", &big)]);
    assert_eq!(r.status, 413);
    let msg = r.json()["error"].as_str().unwrap().to_string();
    assert!(msg.contains("50 MB"), "{msg}");
    let r = post_files(addr, "/api/check?lang=en", &[("big.xlsx", &big)]);
    assert_eq!(r.status, 413);
    assert!(
        r.json()["error"]
            .as_str()
            .unwrap()
            .starts_with("Upload too large")
    );

    // Not a workbook: its own message in the file's entry, beside a good file.
    let r = post_files(
        addr,
        "/api/check",
        &[
            ("catatan.txt", b"ini bukan buku kerja".as_slice()),
            (SAMPLE, &bytes),
        ],
    );
    assert_eq!(r.status, 200);
    let j = r.json();
    assert_eq!(j["files"][0]["status"], "unreadable");
    assert!(
        j["files"][0]["error"]
            .as_str()
            .unwrap()
            .contains("bukan buku kerja"),
        "{}",
        j["files"][0]
    );
    assert!(j["files"][0]["annotated_url"].is_null());
    assert_eq!(j["files"][1]["status"], "checked");
    let summary = j["summary_url"]
        .as_str()
        .expect("a summary for several files");
    let s = get(addr, summary);
    assert_eq!(s.status, 200);
    assert!(s.body.starts_with(b"PK"));

    // No file part at all: a 400 that says what to send.
    let r = post_files(addr, "/api/check", &[]);
    assert_eq!(r.status, 400);
    assert!(r.json()["error"].as_str().unwrap().contains("`file`"));
}

#[test]
fn messages_switch_with_lang_and_the_rules_are_listed() {
    let server = Server::start(&[]);
    let bytes = std::fs::read(sample(SAMPLE)).unwrap();
    let id = post_files(server.addr, "/api/check", &[(SAMPLE, &bytes)]).json();
    let en = post_files(server.addr, "/api/check?lang=en", &[(SAMPLE, &bytes)]).json();
    let (fi, fe) = (
        &id["files"][0]["findings"][0],
        &en["files"][0]["findings"][0],
    );
    assert_eq!(fi["rule"], fe["rule"]);
    assert_eq!(fi["cell"], fe["cell"]);
    assert_ne!(fi["message"], fe["message"], "messages follow ?lang=");
    // The same shape as `selaras check --format json`, plus the download fields.
    for key in ["path", "status", "error", "office", "tables", "findings"] {
        assert!(id["files"][0].get(key).is_some(), "{key}");
    }
    assert!(id["files"][0]["annotated_url"].is_string());
    assert!(id.get("summary_url").is_none(), "no summary for one file");
    let rules = get(server.addr, "/api/rules?lang=en").json();
    let list = rules["rules"].as_array().unwrap();
    assert_eq!(list.len(), selaras::checks::RULES.len());
    assert!(
        list[0]["explain"]
            .as_str()
            .unwrap()
            .starts_with("What it does")
    );
    // An upload's name labels the report only: no folders survive.
    let r = post_files(
        server.addr,
        "/api/check",
        &[("../../tmp/x/renja.xlsx", &bytes)],
    )
    .json();
    assert_eq!(r["files"][0]["path"], "renja.xlsx");
    assert_eq!(r["files"][0]["annotated_name"], "renja.selaras.xlsx");
    // Loopback unless told otherwise.
    let help = std::process::Command::new(env!("CARGO_BIN_EXE_selaras"))
        .args(["serve", "--help"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&help.stdout).contains("[default: 127.0.0.1:8080]"));
    let page = get(server.addr, "/");
    assert_eq!(page.status, 200);
    let csp = page.header("content-security-policy").unwrap();
    assert!(csp.contains("default-src 'self'"), "{csp}");
}

#[test]
fn an_upload_is_checked_exactly_as_the_same_file_on_disk() {
    let opts = selaras::run::Options {
        tables: selaras::ingest::rules::TableRules::default_rules(),
        config: selaras::checks::config::CheckConfig::default_config(),
        en: false,
        out_dir: None,
        render_terminal: false,
        color: false,
        rkpd: None,
        office: None,
    };
    // `selaras check` as run by default: with an annotated copy, so number formats are read
    // (they shape how `found` values are written) just as for an upload.
    let out = tempfile::tempdir().unwrap();
    let disk_opts = selaras::run::Options {
        tables: selaras::ingest::rules::TableRules::default_rules(),
        config: selaras::checks::config::CheckConfig::default_config(),
        en: false,
        out_dir: Some(out.path().to_path_buf()),
        render_terminal: false,
        color: false,
        rkpd: None,
        office: None,
    };
    for name in [SAMPLE, "renja-dinsos-kukar-2026-format-b.xlsx"] {
        let path = sample(name);
        let from_disk = selaras::run::check_file(&path, &disk_opts);
        let (upload, copy) = selaras::run::check_bytes(name, &std::fs::read(&path).unwrap(), &opts);
        assert_eq!(upload.findings, from_disk.findings, "{name}");
        assert_eq!(upload.tables, from_disk.tables);
        assert_eq!(upload.office, from_disk.office);
        assert_eq!(upload.path, name);
        assert!(copy.unwrap().starts_with(b"PK"));
    }
    let (r, copy) = selaras::run::check_bytes("x.xlsx", b"not a workbook", &opts);
    assert!(r.error.unwrap().contains("bukan buku kerja"));
    assert!(copy.is_none());
}
