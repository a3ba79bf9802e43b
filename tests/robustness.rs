//! Inputs a person made by hand, or that are broken: each ends in a clear message and the
//! documented exit code, never a panic, and no input file changes.

use rust_xlsxwriter::{Format, Workbook};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

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

/// Runs `check` on one file, asserts no panic, the exit code and that the input is unchanged;
/// returns stdout + stderr.
fn check_one(path: &Path, want_code: i32) -> String {
    let before = std::fs::read(path).unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    let out = selaras(&[
        "check",
        path.to_str().unwrap(),
        "--quiet",
        "--fail-on",
        "never",
        "--out",
        out_dir.path().to_str().unwrap(),
    ]);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!text.contains("panicked"), "{text}");
    assert_eq!(
        out.status.code(),
        Some(want_code),
        "{}: {text}",
        path.display()
    );
    assert_eq!(std::fs::read(path).unwrap(), before, "input changed");
    text
}

fn write_xlsx(path: &Path, build: impl FnOnce(&mut Workbook)) {
    let mut wb = Workbook::new();
    build(&mut wb);
    wb.save(path).unwrap();
}

#[test]
fn password_protected_workbook() {
    let t = check_one(&fixture("terkunci.xlsx"), 2);
    assert!(
        t.contains("kata sandi") && t.contains("terkunci.xlsx"),
        "{t}"
    );
}

#[test]
fn xls_and_ods_read_like_the_xlsx() {
    for name in ["renja.xls", "renja.ods"] {
        let out = selaras(&[
            "inspect",
            fixture(name).to_str().unwrap(),
            "--format",
            "json",
        ]);
        assert!(out.status.success(), "{name}");
        let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let tables = j["files"][0]["tables"].as_array().unwrap();
        assert_eq!(tables.len(), 7, "{name}");
        let t33 = tables.iter().find(|t| t["kind"] == "T-C.33").unwrap();
        assert_eq!(
            (
                t33["rows"]["program"].as_u64(),
                t33["rows"]["sub_kegiatan"].as_u64()
            ),
            (Some(7), Some(88)),
            "{name}"
        );
        check_one(&fixture(name), 0);
    }
}

#[test]
fn a_workbook_with_no_cells() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("kosong.xlsx");
    write_xlsx(&p, |wb| {
        wb.add_worksheet();
    });
    let t = check_one(&p, 2);
    assert!(t.contains("tidak berisi sel"), "{t}");
}

#[test]
fn sheets_of_only_merged_cells_or_odd_headers_are_unplaced_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("aneh.xlsx");
    write_xlsx(&p, |wb| {
        let ws = wb.add_worksheet();
        ws.set_name("Gabung").unwrap();
        ws.merge_range(0, 0, 20, 10, "JUDUL SAJA", &Format::new())
            .unwrap();
        ws.merge_range(21, 0, 40, 3, "", &Format::new()).unwrap();
        let ws = wb.add_worksheet();
        ws.set_name("Header aneh").unwrap();
        for (c, h) in [
            "¿¿",
            "Program???",
            "pagu pagu pagu",
            "(1)",
            "=#REF!",
            "rencana",
            "",
            "kode kode",
        ]
        .iter()
        .enumerate()
        {
            ws.write_string(0, c as u16, *h).unwrap();
        }
        ws.write_string(1, 1, "PROGRAM X").unwrap();
        ws.write_number(1, 2, 1e300).unwrap();
    });
    let out = selaras(&["inspect", p.to_str().unwrap(), "--format", "json"]);
    assert!(out.status.success());
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let unplaced = j["files"][0]["unplaced"].as_array().unwrap();
    assert!(unplaced.iter().any(|u| u["sheet"] == "Gabung"), "{j}");
    check_one(&p, 0);
}

#[test]
fn formula_errors_and_text_in_number_columns_are_findings_with_cells() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("galat.xlsx");
    write_xlsx(&p, |wb| {
        let ws = wb.add_worksheet();
        for (c, h) in [
            "Kode",
            "Program/Kegiatan",
            "Indikator",
            "Lokasi",
            "Rencana Target",
            "Rencana Satuan",
            "Rencana Pagu",
            "Prakiraan Maju Pagu",
        ]
        .iter()
        .enumerate()
        {
            ws.write_string(0, c as u16, *h).unwrap();
        }
        ws.write_string(1, 0, "1.06.01").unwrap();
        ws.write_string(1, 1, "PROGRAM A").unwrap();
        ws.write_formula(
            1,
            6,
            rust_xlsxwriter::Formula::new("=1/0").set_result("#DIV/0!"),
        )
        .unwrap();
        ws.write_string(2, 0, "1.06.01.2.01").unwrap();
        ws.write_string(2, 1, "Kegiatan A").unwrap();
        ws.write_string(2, 6, "dua juta").unwrap();
        ws.write_string(2, 7, "1.000.000").unwrap();
    });
    let out = selaras(&[
        "check",
        p.to_str().unwrap(),
        "--format",
        "json",
        "--no-annotate",
        "--fail-on",
        "never",
    ]);
    assert!(out.status.success());
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let f = j["files"][0]["findings"].as_array().unwrap();
    let at = |rule: &str, cell: &str| f.iter().any(|x| x["rule"] == rule && x["cell"] == cell);
    assert!(at("A001", "G3"), "text in a budget cell: {j}");
    assert!(at("A002", "G2"), "#DIV/0! cell: {j}");
}

#[test]
fn a_declared_million_row_sheet_costs_only_its_cells() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("sejuta baris.xlsx");
    write_xlsx(&p, |wb| {
        let ws = wb.add_worksheet();
        ws.write_string(0, 0, "awal").unwrap();
        ws.write_string(1_048_575, 16_383, "akhir").unwrap();
    });
    let out = selaras(&["inspect", p.to_str().unwrap(), "--format", "json"]);
    assert!(out.status.success());
}

#[test]
fn a_zip_bomb_is_refused_before_it_is_opened() {
    // A real xlsx whose central directory claims a 4 GiB part: refused from the directory.
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bom.xlsx");
    let mut bytes = std::fs::read(sample("renja-dinsos-kukar-2026.xlsx")).unwrap();
    // Central directory headers start with PK\x01\x02; the uncompressed size is at offset 24.
    let sig = [0x50u8, 0x4B, 0x01, 0x02];
    let at = bytes.windows(4).position(|w| w == sig).unwrap();
    bytes[at + 24..at + 28].copy_from_slice(&0xFFFF_FFF0u32.to_le_bytes());
    std::fs::File::create(&p)
        .unwrap()
        .write_all(&bytes)
        .unwrap();
    let t = check_one(&p, 2);
    assert!(t.contains("zip bomb") || t.contains("terlalu besar"), "{t}");
}

#[test]
fn names_with_spaces_and_non_ascii() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("Renja Dinas Sosial – édisi final (2).xlsx");
    std::fs::copy(sample("renja-dinsos-kukar-2026.xlsx"), &p).unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    let out = selaras(&[
        "check",
        p.to_str().unwrap(),
        "--quiet",
        "--fail-on",
        "never",
        "--out",
        out_dir.path().to_str().unwrap(),
    ]);
    assert!(out.status.success());
    assert!(
        out_dir
            .path()
            .join("Renja Dinas Sosial – édisi final (2).selaras.xlsx")
            .exists()
    );
}

#[test]
fn output_folder_that_cannot_be_created() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("bukan-folder");
    std::fs::write(&blocker, "file").unwrap();
    let out = selaras(&[
        "check",
        sample("renja-dinsos-kukar-2026.xlsx").to_str().unwrap(),
        "--out",
        blocker.join("x").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("folder keluaran"));
}

#[test]
fn output_folder_is_the_input_folder() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("renja.xlsx");
    std::fs::copy(sample("renja-dinsos-kukar-2026.xlsx"), &p).unwrap();
    let before = std::fs::read(&p).unwrap();
    let d = dir.path().to_str().unwrap();
    for _ in 0..2 {
        // The second run must not read the first run's annotated copy as an input.
        let out = selaras(&[
            "check",
            d,
            "--out",
            d,
            "--format",
            "json",
            "--fail-on",
            "never",
        ]);
        assert!(out.status.success());
        let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(j["files"].as_array().unwrap().len(), 1);
    }
    assert_eq!(std::fs::read(&p).unwrap(), before);
    assert!(dir.path().join("renja.selaras.xlsx").exists());
}

/// Budget cells of 7×10^28 (just under rust_decimal's limit): every command gives a clear
/// result — the cells are reported as out of range — instead of a panic (exit 101).
#[test]
fn huge_budgets_give_a_clear_result_in_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("besar.xlsx");
    write_xlsx(&path, |wb| {
        let ws = wb.add_worksheet().set_name("T-C.33").unwrap();
        for (c, h) in [
            "Kode",
            "Program/Kegiatan",
            "Rencana Pagu",
            "Prakiraan Maju Pagu",
        ]
        .iter()
        .enumerate()
        {
            ws.write(0, c as u16, *h).unwrap();
        }
        for r in 1..4u32 {
            ws.write(r, 0, format!("1.06.0{r}")).unwrap();
            ws.write(r, 1, format!("PROGRAM {r}")).unwrap();
            ws.write(r, 2, 7e28).unwrap();
            ws.write(r, 3, 7e28).unwrap();
        }
    });
    let p = path.to_str().unwrap();
    let text = check_one(&path, 0);
    assert!(text.contains("galat"), "{text}");
    let json = selaras(&["check", p, "--no-annotate", "--format", "json"]);
    let json = String::from_utf8_lossy(&json.stdout);
    assert!(json.contains("di luar jangkauan"), "{json}");
    for args in [vec!["inspect", p], vec!["reconcile", p, p, "--no-annotate"]] {
        let out = selaras(&args);
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!text.contains("panicked"), "{args:?}: {text}");
        assert_eq!(out.status.code(), Some(0), "{args:?}: {text}");
    }
}

/// A folder holding a link back to itself (and one to its parent) is walked once: each workbook
/// is checked once and the walk ends.
#[cfg(unix)]
#[test]
fn a_symlink_loop_checks_each_workbook_once() {
    let dir = tempfile::tempdir().unwrap();
    let inner = dir.path().join("dinas");
    std::fs::create_dir(&inner).unwrap();
    std::fs::copy(
        sample("renja-dinsos-kukar-2026.xlsx"),
        inner.join("renja.xlsx"),
    )
    .unwrap();
    std::os::unix::fs::symlink(&inner, inner.join("lagi")).unwrap();
    std::os::unix::fs::symlink(dir.path(), inner.join("atas")).unwrap();
    let out = selaras(&[
        "check",
        dir.path().to_str().unwrap(),
        "--no-annotate",
        "--format",
        "json",
        "--fail-on",
        "never",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["files"].as_array().unwrap().len(), 1, "{json}");
    assert_eq!(out.status.code(), Some(0));
}
