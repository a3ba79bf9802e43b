//! End to end in a real browser: headless Chromium (Debian's `chromium`, driven over the
//! DevTools protocol) opens the page of `selaras serve`, uploads the staff sample, sees the
//! finding count, clicks a finding for its explanation, downloads the annotated copy and the
//! test opens it with calamine. A screenshot of the result page is kept as
//! `target/tmp/serve-e2e.png`.
//!
//! Without Chromium the test says so and passes, except when `CI` is set: then it fails.

#[path = "support/serve.rs"]
mod serve;

use calamine::{Reader, Xlsx};
use serde_json::{Value, json};
use serve::{Server, sample};
use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tungstenite::{Message, WebSocket};

const SAMPLE: &str = "renja-dinsos-kukar-2026.xlsx";

fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("SELARAS_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|d| ["chromium", "chromium-browser"].map(|n| d.join(n)))
        .find(|p| p.is_file())
}

/// A headless Chromium with a fresh profile, killed when dropped.
struct Browser {
    child: Child,
    ws_url: String,
    _profile: tempfile::TempDir,
}

impl Browser {
    fn launch(exe: &Path) -> Browser {
        let profile = tempfile::tempdir().unwrap();
        let mut child = Command::new(exe)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--no-default-browser-check",
                "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0",
                "--window-size=1280,900",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("about:blank")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start chromium");
        let (tx, rx) = std::sync::mpsc::channel();
        let stderr = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            // Keep reading so Chromium never blocks on a full pipe.
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(i) = line.find("ws://") {
                    let _ = tx.send(line[i..].trim().to_string());
                }
            }
        });
        let ws_url = match rx.recv_timeout(Duration::from_secs(60)) {
            Ok(u) => u,
            Err(_) => {
                let _ = child.kill();
                panic!("chromium printed no DevTools address within 60 s");
            }
        };
        Browser {
            child,
            ws_url,
            _profile: profile,
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The DevTools protocol over one WebSocket, with one page session (flattened).
struct Cdp {
    ws: WebSocket<TcpStream>,
    next_id: u64,
    session: Option<String>,
}

impl Cdp {
    fn connect(url: &str) -> Cdp {
        let hostport = url
            .strip_prefix("ws://")
            .and_then(|r| r.split('/').next())
            .unwrap();
        let stream = TcpStream::connect(hostport).expect("connect to DevTools");
        stream
            .set_read_timeout(Some(Duration::from_secs(120)))
            .unwrap();
        let (ws, _) = tungstenite::client(url, stream).expect("DevTools handshake");
        Cdp {
            ws,
            next_id: 0,
            session: None,
        }
    }

    fn send(&mut self, method: &str, params: Value, session: bool) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let mut msg = json!({ "id": id, "method": method, "params": params });
        if session && let Some(s) = &self.session {
            msg["sessionId"] = json!(s);
        }
        self.ws
            .send(Message::text(msg.to_string()))
            .expect("send to DevTools");
        loop {
            let m = self.ws.read().expect("read from DevTools");
            let Message::Text(text) = m else { continue };
            let v: Value = serde_json::from_str(text.as_str()).unwrap();
            if v["id"].as_u64() == Some(id) {
                if let Some(e) = v.get("error") {
                    panic!("{method}: {e}");
                }
                return v["result"].clone();
            }
        }
    }

    fn call(&mut self, method: &str, params: Value) -> Value {
        self.send(method, params, true)
    }

    fn eval(&mut self, expr: &str) -> Value {
        let r = self.call(
            "Runtime.evaluate",
            json!({ "expression": expr, "returnByValue": true, "awaitPromise": true }),
        );
        if let Some(e) = r.get("exceptionDetails") {
            panic!("{expr}: {e}");
        }
        r["result"]["value"].clone()
    }

    fn wait_for(&mut self, expr: &str, timeout: Duration) -> Value {
        let start = Instant::now();
        loop {
            let v = self.eval(expr);
            if !(v.is_null() || v == json!(false) || v == json!("")) {
                return v;
            }
            if start.elapsed() > timeout {
                let status = self.eval("document.querySelector('#status')?.textContent");
                panic!("timed out waiting for `{expr}` (status: {status})");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// A real mouse click in the middle of the element `selector` (scrolled into view).
    fn click(&mut self, selector: &str) {
        let rect = self.eval(&format!(
            "(() => {{ const e = document.querySelector({sel}); e.scrollIntoView({{block: 'center'}}); const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; }})()",
            sel = json!(selector)
        ));
        let (x, y) = (rect[0].as_f64().unwrap(), rect[1].as_f64().unwrap());
        for kind in ["mouseMoved", "mousePressed", "mouseReleased"] {
            self.call(
                "Input.dispatchMouseEvent",
                json!({ "type": kind, "x": x, "y": y, "button": "left", "clickCount": 1 }),
            );
        }
    }
}

#[test]
fn a_planner_uploads_a_workbook_reads_a_finding_and_downloads_the_copy() {
    let Some(exe) = chromium() else {
        if std::env::var_os("CI").is_some() {
            panic!(
                "chromium is missing but CI is set: .ci/run installs it (apt-get install chromium)"
            );
        }
        eprintln!(
            "serve_browser: no chromium on PATH; skipped (install it: apt-get install chromium)"
        );
        return;
    };
    // What the page must show: the pipeline's own count for the sample.
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
    let bytes = std::fs::read(sample(SAMPLE)).unwrap();
    let expected = selaras::run::check_bytes(SAMPLE, &bytes, &opts)
        .0
        .findings
        .len();
    assert!(expected > 0);

    // A 1 MB limit, so the test can show the page's answer to an upload past it.
    let server = Server::start(&["--max-upload-mb", "1"]);
    let browser = Browser::launch(&exe);
    let mut cdp = Cdp::connect(&browser.ws_url);
    let downloads = tempfile::tempdir().unwrap();
    cdp.send(
        "Browser.setDownloadBehavior",
        json!({ "behavior": "allow", "downloadPath": downloads.path().to_str().unwrap() }),
        false,
    );
    let target = cdp.send(
        "Target.createTarget",
        json!({ "url": "about:blank" }),
        false,
    );
    let session = cdp.send(
        "Target.attachToTarget",
        json!({ "targetId": target["targetId"], "flatten": true }),
        false,
    );
    cdp.session = Some(session["sessionId"].as_str().unwrap().to_string());
    cdp.call(
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": 1280, "height": 860, "deviceScaleFactor": 1, "mobile": false }),
    );
    cdp.call("Page.enable", json!({}));
    cdp.call("Page.navigate", json!({ "url": server.url("/") }));
    cdp.wait_for(
        "document.readyState === 'complete' && !!document.querySelector('#file') && document.querySelector('#drop-title').textContent",
        Duration::from_secs(30),
    );
    assert_eq!(cdp.eval("document.documentElement.lang"), json!("id"));
    assert_eq!(
        cdp.eval("document.querySelector('#drop-title').textContent"),
        json!("Tarik buku kerja ke sini"),
        "Indonesian by default"
    );

    // Layout shifts (Chrome's Layout Instability API) while the upload runs and results come,
    // all of them (not only those away from user input).
    cdp.eval(
        "window.__cls = 0; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__cls += e.value; }).observe({ type: 'layout-shift' }); true",
    );

    // Pick the file, as the file chooser would.
    let input = cdp.call(
        "Runtime.evaluate",
        json!({ "expression": "document.querySelector('#file')" }),
    );
    let path = sample(SAMPLE);
    cdp.call(
        "DOM.setFileInputFiles",
        json!({ "objectId": input["result"]["objectId"], "files": [path.to_str().unwrap()] }),
    );
    let count = cdp.wait_for(
        "document.querySelector('[data-testid=total]')?.dataset.count",
        Duration::from_secs(180),
    );
    assert_eq!(count, json!(expected.to_string()), "finding count shown");
    std::thread::sleep(Duration::from_millis(300));
    let cls = cdp.eval("window.__cls").as_f64().unwrap();
    assert!(cls < 0.01, "layout shift while results came: {cls}");
    let text = cdp.eval("document.querySelector('[data-testid=total]').textContent");
    assert_eq!(text, json!(format!("{expected} temuan")));
    assert_eq!(
        cdp.eval("document.querySelectorAll('ul.findings li').length"),
        json!(expected)
    );
    let first_cell = cdp.eval("document.querySelector('ul.findings li .cell').textContent");
    assert!(
        first_cell.as_str().unwrap().contains('!'),
        "cells are shown as SHEET!CELL: {first_cell}"
    );

    // Click the first finding: its rule's explanation opens.
    cdp.click("ul.findings li button.finding");
    let explain = cdp.wait_for(
        "(() => { const p = document.querySelector('ul.findings li .explain'); return !p.hidden && p.textContent; })()",
        Duration::from_secs(10),
    );
    let rule = cdp.eval("document.querySelector('ul.findings li').dataset.rule");
    let rule = selaras::checks::rule(rule.as_str().unwrap()).unwrap();
    let first_line = rule.explain(false).lines().next().unwrap().trim();
    assert!(
        explain.as_str().unwrap().contains(first_line),
        "explanation of {} shown: {explain}",
        rule.code
    );
    assert_eq!(
        cdp.eval("document.querySelector('ul.findings li button').getAttribute('aria-expanded')"),
        json!("true")
    );

    // The filter hides what is not asked for.
    cdp.eval(
        "(() => { const b = document.querySelector('#filters input[value=error]'); b.click(); })()",
    );
    let shown = cdp.eval("document.querySelectorAll('ul.findings li:not(.hidden)').length");
    let errors = cdp.eval("document.querySelector('.counts [data-sev=error]').textContent");
    let n_errors: u64 = errors
        .as_str()
        .unwrap()
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(shown.as_u64().unwrap(), expected as u64 - n_errors);
    cdp.eval("document.querySelector('#filters input[value=error]').click()");

    // Nothing was fetched from anywhere but this server.
    let origin = server.url("");
    let foreign = cdp.eval(&format!(
        "performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith({}))",
        json!(origin)
    ));
    assert_eq!(foreign, json!([]), "no request outside the server");

    // The screenshot, kept as an artefact.
    cdp.eval("window.scrollTo(0, 0)");
    std::thread::sleep(Duration::from_millis(200));
    let shot = cdp.call("Page.captureScreenshot", json!({ "format": "png" }));
    let png = decode_base64(shot["data"].as_str().unwrap());
    let shot_path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("serve-e2e.png");
    std::fs::write(&shot_path, &png).unwrap();
    eprintln!("screenshot: {}", shot_path.display());

    // Download the annotated copy through the page's link.
    cdp.click(".file a[download]");
    let name = "renja-dinsos-kukar-2026.selaras.xlsx";
    let file = downloads.path().join(name);
    let start = Instant::now();
    while !file.is_file() {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "no download in {:?}: {:?}",
            downloads.path(),
            std::fs::read_dir(downloads.path())
                .unwrap()
                .map(|e| e.unwrap().file_name())
                .collect::<Vec<_>>()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let mut wb: Xlsx<_> = calamine::open_workbook(&file).expect("calamine opens the download");
    let sheets = wb.sheet_names();
    assert_eq!(sheets[0], "Temuan");
    assert!(sheets.iter().any(|s| s == "T-C.31"), "{sheets:?}");
    let temuan = wb.worksheet_range("Temuan").unwrap();
    let listed = temuan
        .rows()
        .filter(|r| {
            r.iter()
                .any(|c| RULE_CODES.contains(&c.to_string().as_str()))
        })
        .count();
    assert!(
        listed >= expected,
        "the Temuan sheet lists every finding ({listed} rows with a rule code, {expected} findings)"
    );
    cdp.wait_for(
        "!document.querySelector('.file a[download]')",
        Duration::from_secs(10),
    );

    // The keyboard: a finding opens with Enter.
    cdp.eval("document.querySelectorAll('ul.findings li button.finding')[1].focus()");
    for (kind, text) in [("keyDown", "\r"), ("keyUp", "")] {
        cdp.call(
            "Input.dispatchKeyEvent",
            json!({ "type": kind, "key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13, "text": text }),
        );
    }
    cdp.wait_for(
        "!document.querySelectorAll('ul.findings li .explain')[1].hidden",
        Duration::from_secs(10),
    );

    // English: the page checks again and the messages come in English.
    cdp.click("#lang-en");
    let en_opts = selaras::run::Options { en: true, ..opts };
    let (en_report, _) = selaras::run::check_bytes(SAMPLE, &bytes, &en_opts);
    let first_en = en_report.findings[0].message(true).to_string();
    cdp.wait_for(
        &format!(
            "document.querySelector('ul.findings li .msg')?.textContent === {}",
            json!(first_en)
        ),
        Duration::from_secs(180),
    );
    assert_eq!(
        cdp.eval("document.querySelector('[data-testid=total]').textContent"),
        json!(format!("{expected} findings"))
    );
    assert_eq!(
        cdp.eval("document.querySelector('#drop-title').textContent"),
        json!("Drop workbooks here")
    );

    // Two workbooks and a text file dropped on the page: three cards, the text file's reason,
    // and the summary to download.
    let b = sample("renja-dinsos-kukar-2026-format-b.xlsx");
    let note_dir = tempfile::tempdir().unwrap();
    let note = note_dir.path().join("catatan.txt");
    std::fs::write(&note, "bukan buku kerja").unwrap();
    let at = json!({ "x": 640, "y": 150 });
    let data = json!({
        "items": [],
        "files": [path.to_str().unwrap(), b.to_str().unwrap(), note.to_str().unwrap()],
        "dragOperationsMask": 1
    });
    for kind in ["dragEnter", "dragOver", "drop"] {
        cdp.call(
            "Input.dispatchDragEvent",
            json!({ "type": kind, "x": at["x"], "y": at["y"], "data": data }),
        );
    }
    cdp.wait_for(
        "document.querySelectorAll('section.file').length === 3 && !!document.querySelector('#batch a[download]')",
        Duration::from_secs(180),
    );
    assert_eq!(
        cdp.eval("document.querySelectorAll('table.overview tbody tr').length"),
        json!(3)
    );
    // The file that is not a workbook: its reason, first in the table (worst first).
    let why = cdp.eval("document.querySelector('section.file .unreadable')?.textContent");
    assert!(
        why.as_str().unwrap_or("").contains("not a workbook"),
        "{why}"
    );
    assert_eq!(
        cdp.eval("document.querySelector('table.overview tbody tr a').textContent"),
        json!("catatan.txt")
    );
    cdp.eval("window.scrollTo(0, 0)");
    std::thread::sleep(Duration::from_millis(200));
    let shot = cdp.call("Page.captureScreenshot", json!({ "format": "png" }));
    std::fs::write(
        Path::new(env!("CARGO_TARGET_TMPDIR")).join("serve-e2e-batch.png"),
        decode_base64(shot["data"].as_str().unwrap()),
    )
    .unwrap();

    // Past the limit: the page shows the server's 413 message, not a network error.
    let big_dir = tempfile::tempdir().unwrap();
    let big = big_dir.path().join("besar.xlsx");
    std::fs::write(&big, vec![b'x'; 3 << 20]).unwrap();
    let input = cdp.call(
        "Runtime.evaluate",
        json!({ "expression": "document.querySelector('#file')" }),
    );
    cdp.call(
        "DOM.setFileInputFiles",
        json!({ "objectId": input["result"]["objectId"], "files": [big.to_str().unwrap()] }),
    );
    let status = cdp.wait_for(
        "(() => { const s = document.querySelector('#status-text'); return s.className === 'error-text' && s.textContent; })()",
        Duration::from_secs(60),
    );
    assert!(
        status
            .as_str()
            .unwrap()
            .contains("Upload too large: the limit is 1 MB"),
        "{status}"
    );
    drop(browser);
    drop(server);
}

static RULE_CODES: std::sync::LazyLock<Vec<&'static str>> =
    std::sync::LazyLock::new(|| selaras::checks::RULES.iter().map(|r| r.code).collect());

fn decode_base64(s: &str) -> Vec<u8> {
    let val = |c: u8| -> u32 {
        match c {
            b'A'..=b'Z' => (c - b'A') as u32,
            b'a'..=b'z' => (c - b'a' + 26) as u32,
            b'0'..=b'9' => (c - b'0' + 52) as u32,
            b'+' => 62,
            b'/' => 63,
            _ => 0,
        }
    };
    let bytes: Vec<u8> = s.bytes().filter(|c| !c.is_ascii_whitespace()).collect();
    let mut out = Vec::with_capacity(bytes.len() * 3 / 4);
    for chunk in bytes.chunks(4) {
        let pad = chunk.iter().filter(|&&c| c == b'=').count();
        let n = chunk.iter().fold(0u32, |acc, &c| {
            (acc << 6) | if c == b'=' { 0 } else { val(c) }
        });
        let n = n << (6 * (4 - chunk.len()));
        let b = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&b[..3 - pad]);
    }
    out
}
