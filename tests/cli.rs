//! The command line as users and batch scripts rely on it: outputs, exit codes, languages,
//! annotated copies that keep the planner's cells, and bad input that never panics.

use calamine::{Data, Reader, Xlsx};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const SAMPLES: [&str; 2] = [
    "renja-dinsos-kukar-2026.xlsx",
    "renja-dinsos-kukar-2026-format-b.xlsx",
];

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name)
}

fn selaras(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_selaras"))
        .args(args)
        .output()
        .expect("run selaras")
}

fn json_of(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

fn hash(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap()
}

#[test]
fn json_report_has_the_documented_shape_and_is_stable() {
    let dir = tempfile::tempdir().unwrap();
    let s = sample(SAMPLES[0]);
    let args = [
        "check",
        s.to_str().unwrap(),
        "--format",
        "json",
        "--out",
        dir.path().to_str().unwrap(),
    ];
    let a = selaras(&args);
    let b = selaras(&args);
    assert_eq!(a.stdout, b.stdout, "two runs give byte-identical JSON");
    let j = json_of(&a);
    let file = &j["files"][0];
    assert!(file["path"].as_str().unwrap().ends_with(SAMPLES[0]));
    let findings = file["findings"].as_array().unwrap();
    for f in findings {
        for key in [
            "rule", "severity", "sheet", "cell", "related", "expected", "found", "message",
        ] {
            assert!(f.get(key).is_some(), "{key} missing in {f}");
        }
        assert!(["error", "warning", "info"].contains(&f["severity"].as_str().unwrap()));
        for r in f["related"].as_array().unwrap() {
            assert!(r["sheet"].is_string() && r["cell"].is_string());
        }
    }
}

#[test]
fn exit_code_follows_fail_on() {
    let s = sample(SAMPLES[0]);
    let s = s.to_str().unwrap();
    let j = json_of(&selaras(&[
        "check",
        s,
        "--format",
        "json",
        "--no-annotate",
        "--fail-on",
        "never",
    ]));
    let sev: Vec<String> = j["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["severity"].as_str().unwrap().to_string())
        .collect();
    let code = |fail_on: &str| {
        selaras(&["check", s, "--quiet", "--no-annotate", "--fail-on", fail_on])
            .status
            .code()
            .unwrap()
    };
    assert_eq!(code("never"), 0);
    assert_eq!(
        code("error"),
        if sev.iter().any(|x| x == "error") {
            1
        } else {
            0
        }
    );
    assert_eq!(code("info"), if sev.is_empty() { 0 } else { 1 });
}

#[test]
fn english_on_request() {
    let s = sample(SAMPLES[0]);
    let id = selaras(&["check", s.to_str().unwrap(), "--quiet", "--no-annotate"]);
    let en = selaras(&[
        "check",
        s.to_str().unwrap(),
        "--quiet",
        "--no-annotate",
        "--lang",
        "en",
    ]);
    assert!(String::from_utf8_lossy(&id.stdout).contains("galat"));
    assert!(String::from_utf8_lossy(&en.stdout).contains("errors"));
}

#[test]
fn rules_and_explain_cover_every_code() {
    let out = selaras(&["rules"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let codes: Vec<&str> = text
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert!(codes.len() >= 20);
    for code in codes {
        for lang in ["id", "en"] {
            let e = selaras(&["explain", code, "--lang", lang]);
            assert!(e.status.success(), "explain {code}");
            let body = String::from_utf8_lossy(&e.stdout).to_string();
            let sections: &[&str] = if lang == "en" {
                &["What it does", "Why is this bad", "Example", "Use instead"]
            } else {
                &[
                    "Apa yang diperiksa",
                    "Mengapa ini masalah",
                    "Contoh",
                    "Sebaiknya",
                ]
            };
            for s in sections {
                assert!(body.contains(s), "explain {code} --lang {lang} lacks `{s}`");
            }
        }
    }
    assert_eq!(selaras(&["explain", "Z999"]).status.code(), Some(2));
}

/// Cell notes of an xlsx: (sheet xml path → list of A1 refs), read from the package parts.
fn note_refs(path: &Path) -> Vec<String> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut refs = Vec::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        if f.name()
            .map(|n| n.starts_with("xl/comments"))
            .unwrap_or(false)
        {
            let mut s = String::new();
            f.read_to_string(&mut s).unwrap();
            for part in s.split("<comment ref=\"").skip(1) {
                refs.push(part.split('"').next().unwrap().to_string());
            }
        }
    }
    refs
}

#[test]
fn annotated_copy_keeps_every_cell_and_marks_every_finding() {
    for name in SAMPLES {
        let dir = tempfile::tempdir().unwrap();
        let input = sample(name);
        let before = hash(&input);
        let out = selaras(&[
            "check",
            input.to_str().unwrap(),
            "--format",
            "json",
            "--fail-on",
            "never",
            "--out",
            dir.path().to_str().unwrap(),
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(hash(&input), before, "input never modified");
        let j = json_of(&out);
        let findings = j["files"][0]["findings"].as_array().unwrap().clone();
        let annotated = dir.path().join(name.replace(".xlsx", ".selaras.xlsx"));
        let mut a: Xlsx<_> = calamine::open_workbook(&annotated).unwrap();
        let mut i: Xlsx<_> = calamine::open_workbook(&input).unwrap();
        let names = a.sheet_names();
        assert_eq!(names[0], "Temuan");
        assert_eq!(
            &names[1..],
            &i.sheet_names()[..],
            "original sheets, same names, same order"
        );
        for s in i.sheet_names() {
            let ri = i.worksheet_range(&s).unwrap();
            let ra = a.worksheet_range(&s).unwrap();
            for (r, c, v) in ri.used_cells() {
                let (r, c) = (
                    ri.start().unwrap().0 + r as u32,
                    ri.start().unwrap().1 + c as u32,
                );
                let got = ra.get_value((r, c)).cloned().unwrap_or(Data::Empty);
                assert_eq!(&got, v, "{name} {s} row {} col {}", r + 1, c + 1);
            }
            assert_eq!(
                i.merge_cells_by_sheet_name(&s).unwrap().len(),
                a.merge_cells_by_sheet_name(&s).unwrap().len(),
                "merges kept in {s}"
            );
        }
        // One Temuan row per finding, below the header row that starts with the severity column.
        let t = a.worksheet_range("Temuan").unwrap();
        let header = t
            .rows()
            .position(|r| r.first().map(|c| c.to_string()) == Some("Tingkat".into()))
            .unwrap();
        let rows = t
            .rows()
            .skip(header + 1)
            .filter(|r| r.iter().any(|c| !matches!(c, Data::Empty)))
            .count();
        assert_eq!(rows, findings.len(), "{name}: one Temuan row per finding");
        // A note on every finding's cell.
        let notes = note_refs(&annotated);
        for f in &findings {
            assert!(
                notes.contains(&f["cell"].as_str().unwrap().to_string()),
                "{name}: no note on {}",
                f["cell"]
            );
        }
    }
}

#[test]
fn markdown_summary_lists_each_file() {
    let s = sample(SAMPLES[1]);
    let out = selaras(&[
        "check",
        s.to_str().unwrap(),
        "--format",
        "markdown",
        "--no-annotate",
        "--fail-on",
        "never",
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("# selaras"));
    assert!(text.contains("renja-dinsos-kukar-2026-format-b.xlsx"));
}

#[test]
fn unreadable_files_get_one_clear_line_and_exit_2_without_stopping_the_batch() {
    let dir = tempfile::tempdir().unwrap();
    let not_a_workbook = dir.path().join("bukan buku kerja.xlsx");
    std::fs::write(&not_a_workbook, "ini bukan xlsx").unwrap();
    let empty = dir.path().join("kosong.xlsx");
    std::fs::write(&empty, "").unwrap();
    let truncated = dir.path().join("terpotong.xlsx");
    std::fs::write(
        &truncated,
        &std::fs::read(sample(SAMPLES[0])).unwrap()[..4000],
    )
    .unwrap();
    std::fs::copy(sample(SAMPLES[0]), dir.path().join("baik.xlsx")).unwrap();
    std::fs::write(dir.path().join("~$baik.xlsx"), "lock").unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    let out = selaras(&[
        "check",
        dir.path().to_str().unwrap(),
        "--format",
        "json",
        "--out",
        out_dir.path().to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stderr.is_empty() || !String::from_utf8_lossy(&out.stderr).contains("panicked"));
    let j = json_of(&out);
    let files = j["files"].as_array().unwrap();
    assert_eq!(
        files.len(),
        4,
        "lock file skipped, every other file has a row"
    );
    let by_name = |n: &str| {
        files
            .iter()
            .find(|f| f["path"].as_str().unwrap().ends_with(n))
            .unwrap()
    };
    assert_eq!(by_name("baik.xlsx")["status"], "checked");
    assert!(out_dir.path().join("baik.selaras.xlsx").exists());
    for n in ["bukan buku kerja.xlsx", "kosong.xlsx", "terpotong.xlsx"] {
        let f = by_name(n);
        assert_eq!(f["status"], "unreadable", "{n}");
        assert!(!f["error"].as_str().unwrap().is_empty());
        assert!(
            !out_dir
                .path()
                .join(n.replace(".xlsx", ".selaras.xlsx"))
                .exists(),
            "no half output for {n}"
        );
    }
    // The Ringkasan workbook: one row per file, unreadable ones first with their reason.
    let mut r: Xlsx<_> = calamine::open_workbook(out_dir.path().join("ringkasan.xlsx")).unwrap();
    let range = r.worksheet_range("Ringkasan").unwrap();
    let rows: Vec<Vec<String>> = range
        .rows()
        .skip(1)
        .filter(|r| !r[0].to_string().is_empty())
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    assert_eq!(rows.len(), 4, "{rows:?}");
    assert!(
        rows[..3].iter().all(|r| r[8].starts_with("tidak terbaca")),
        "worst first: {rows:?}"
    );
    let good = rows.iter().find(|r| r[0].ends_with("baik.xlsx")).unwrap();
    assert_eq!(good[8], "diperiksa");
    assert_eq!(good[1], "DINAS SOSIAL KABUPATEN KUTAI KARTANEGARA");
    assert!(good[2].contains("T-C.33"));
    assert_eq!(good[6], "37118380499", "total budget year n");
    // Text mode: one line naming the file and the cause.
    let t = selaras(&["check", empty.to_str().unwrap(), "--no-annotate"]);
    assert_eq!(t.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&t.stdout).contains("kosong.xlsx: TIDAK TERBACA"));
}

#[test]
fn inspect_json_names_tables_ranges_and_counts() {
    let s = sample(SAMPLES[0]);
    let j = json_of(&selaras(&[
        "inspect",
        s.to_str().unwrap(),
        "--format",
        "json",
    ]));
    let t33 = j["files"][0]["tables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["kind"] == "T-C.33")
        .unwrap()
        .clone();
    assert_eq!(t33["sheet"], "T-C.33");
    assert!(t33["range"].as_str().unwrap().starts_with('A'));
    assert_eq!(t33["rows"]["program"], 7);
    assert_eq!(t33["rows"]["sub_kegiatan"], 88);
    assert_eq!(t33["totals"]["pagu_n_2026"], "37118380499");
    assert!(j["files"][0]["unplaced"].as_array().unwrap().is_empty());
}

#[test]
fn export_writes_one_long_table_of_all_offices_rows_and_skips_a_bad_file() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("rusak.xlsx");
    std::fs::write(&bad, b"not a workbook").unwrap();
    let out = dir.path().join("out");
    let o = selaras(&[
        "export",
        sample(SAMPLES[0]).to_str().unwrap(),
        sample(SAMPLES[1]).to_str().unwrap(),
        bad.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    // the bad file is named and makes the exit code 2; the others are still exported
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("rusak.xlsx"));
    let csv = std::fs::read(out.join("ekspor.csv")).unwrap();
    assert!(csv.starts_with(&[0xEF, 0xBB, 0xBF]), "BOM for Excel");
    let text = String::from_utf8(csv[3..].to_vec()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    // a sub kegiatan of T-C.33 with its code, target, unit and exact budgets
    assert!(
        lines.iter().any(|l| l.contains(
            "T-C.33,sub_kegiatan,1.06.01.2.01.0001,Penyusunan Dokumen Perencanaan Perangkat Daerah,"
        ) && l.contains(",3,Dokumen,150000000,")),
        "{}",
        &text[..2000.min(text.len())]
    );
    for f in SAMPLES {
        assert!(lines.iter().any(|l| l.contains(f)), "{f} missing");
    }
    // the xlsx holds the same rows, and the two samples (one office) share no code
    let mut wb: Xlsx<_> = calamine::open_workbook(out.join("ekspor.xlsx")).unwrap();
    let rows = wb.worksheet_range("Ekspor").unwrap();
    assert_eq!(rows.height(), lines.len());
    let shared = wb.worksheet_range("Kode bersama").unwrap();
    assert_eq!(shared.height(), 1, "header only");
    assert_eq!(
        rows.get((1, 0)),
        Some(&Data::String(
            lines[1].split(',').next().unwrap().to_string()
        ))
    );
}

#[test]
fn under_lang_en_expected_and_found_are_english_too() {
    // our own words; the workbook's texts (names, indicators) are shown as written
    let words = [
        "(kosong)",
        "(tidak ada)",
        "(untuk ",
        "baris gagal",
        "kode unik",
        "nilai tanpa",
        "lokasi output",
    ];
    for (lang, want_english) in [("en", true), ("id", false)] {
        let o = selaras(&[
            "check",
            sample(SAMPLES[0]).to_str().unwrap(),
            sample(SAMPLES[1]).to_str().unwrap(),
            "--no-annotate",
            "--format",
            "json",
            "--lang",
            lang,
        ]);
        let j = json_of(&o);
        let mut indonesian = Vec::new();
        for f in j["files"].as_array().unwrap() {
            for x in f["findings"].as_array().unwrap() {
                for k in ["expected", "found"] {
                    if let Some(v) = x[k].as_str()
                        && (v.starts_with("ada di ") || words.iter().any(|w| v.contains(w)))
                    {
                        indonesian.push(format!("{} {k}: {v}", x["rule"]));
                    }
                }
            }
        }
        if want_english {
            assert!(indonesian.is_empty(), "{indonesian:#?}");
        } else {
            // the samples' F002/F006/E004 findings do say these words in Indonesian
            assert!(indonesian.len() >= 3, "{indonesian:#?}");
        }
    }
}

#[test]
fn a_mistyped_rules_folder_is_a_usage_error_not_a_silent_default() {
    let missing = Path::new(env!("CARGO_MANIFEST_DIR")).join("no-such-rules-folder");
    for cmd in ["check", "inspect", "export"] {
        let o = selaras(&[
            cmd,
            sample(SAMPLES[0]).to_str().unwrap(),
            "--rules",
            missing.to_str().unwrap(),
        ]);
        assert_eq!(o.status.code(), Some(2), "{cmd}");
        assert!(
            String::from_utf8_lossy(&o.stderr).contains("no-such-rules-folder"),
            "{cmd}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
}

/// Two-workbook findings go through the same severities as the others: a `rules.toml` that
/// raises K004 (office not in the RKPD) to an error makes it an error, and `off` silences it.
/// Before, K findings kept the severity they were built with.
#[test]
fn rules_toml_sets_the_severity_of_rkpd_findings_too() {
    let s = sample(SAMPLES[0]);
    let rkpd = sample("rkpd/rancangan-awal-rkpd-2026.xlsx");
    let k004 = |setting: Option<&str>| -> Vec<String> {
        let dir = tempfile::tempdir().unwrap();
        let mut args = vec![
            "check",
            s.to_str().unwrap(),
            "--rkpd",
            rkpd.to_str().unwrap(),
            "--office",
            "Dinas Yang Tidak Ada",
            "--no-annotate",
            "--format",
            "json",
        ];
        if let Some(v) = setting {
            std::fs::write(dir.path().join("rules.toml"), format!("[severity]\n{v}\n")).unwrap();
            args.extend(["--rules", dir.path().to_str().unwrap()]);
        }
        let j = json_of(&selaras(&args));
        j["files"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] == "K004")
            .map(|f| f["severity"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(k004(None), ["warning"]);
    assert_eq!(k004(Some("K004 = \"error\"")), ["error"]);
    assert!(k004(Some("K004 = \"off\"")).is_empty());
}
