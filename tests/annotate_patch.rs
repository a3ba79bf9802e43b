//! The annotated copy of an .xlsx/.xlsm is the planner's package patched (issue 13): every
//! part identical except the patched ones, and those equal to the input once the patch is
//! taken out; the fidelity workbooks read back unchanged in calamine and openpyxl, pass the
//! OOXML validator and convert to PDF in LibreOffice.

#[path = "support/fidelity.rs"]
mod fidelity;

use calamine::{DataType, Reader, Xlsx};
use selaras::report::annotate::{self, Mark};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

struct Case {
    name: String,
    ext: &'static str,
    input: Vec<u8>,
    output: Vec<u8>,
    marks: Vec<Mark>,
    links: usize,
}

fn pipeline(input: &[u8]) -> (Vec<u8>, Vec<Mark>, usize) {
    use selaras::{checks, ingest, model};
    let rules = ingest::rules::TableRules::default_rules();
    let wb = ingest::workbook::read_workbook_bytes(Path::new("in.xlsx"), input).unwrap();
    let ing = ingest::ingest_workbook(wb, &rules);
    let plan = model::plan::build_plan(&ing, &rules);
    let config = checks::config::CheckConfig::default_config();
    let ctx = checks::Context {
        ingested: &ing,
        plan: &plan,
        config: &config,
    };
    let findings = checks::run_all(&ctx);
    let out = annotate::annotated_bytes(input, &ing.workbook, &findings, false).unwrap();
    (
        out,
        annotate::marks(&ing.workbook, &findings, false),
        findings.len(),
    )
}

fn cases() -> &'static [Case] {
    static CASES: OnceLock<Vec<Case>> = OnceLock::new();
    CASES.get_or_init(|| {
        let mut v = Vec::new();
        for xlsm in [false, true] {
            let input = fidelity::workbook(xlsm);
            let marks = fidelity::marks();
            let output = annotate::patch_xlsx(&input, &marks, &fidelity::temuan(&marks)).unwrap();
            v.push(Case {
                name: format!("fidelity{}", if xlsm { "-m" } else { "" }),
                ext: if xlsm { "xlsm" } else { "xlsx" },
                links: marks.len(),
                input,
                output,
                marks,
            });
        }
        for s in [
            "renja-dinsos-kukar-2026.xlsx",
            "renja-dinsos-kukar-2026-format-b.xlsx",
        ] {
            let input = std::fs::read(
                Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("samples")
                    .join(s),
            )
            .unwrap();
            let (output, marks, links) = pipeline(&input);
            assert!(!marks.is_empty(), "{s}: the sample has findings");
            v.push(Case {
                name: s.trim_end_matches(".xlsx").to_string(),
                ext: "xlsx",
                input,
                output,
                marks,
                links,
            });
        }
        // The same workbooks as LibreOffice writes them: another producer's package layout.
        if let Some(lo) = libreoffice_copies(&[("fidelity", &v[0].input), ("renja", &v[2].input)]) {
            let marks = fidelity::marks();
            let output = annotate::patch_xlsx(&lo[0], &marks, &fidelity::temuan(&marks)).unwrap();
            v.push(Case {
                name: "lo-fidelity".into(),
                ext: "xlsx",
                links: marks.len(),
                input: lo[0].clone(),
                output,
                marks,
            });
            let (output, marks, links) = pipeline(&lo[1]);
            v.push(Case {
                name: "lo-renja".into(),
                ext: "xlsx",
                input: lo[1].clone(),
                output,
                marks,
                links,
            });
        }
        v
    })
}

/// The workbooks saved again by LibreOffice, if it is installed.
fn libreoffice_copies(books: &[(&str, &[u8])]) -> Option<Vec<Vec<u8>>> {
    let dir = out_dir("lo-resaved");
    let profile = out_dir("lo-profile-resave");
    let mut out = Vec::new();
    for (name, bytes) in books {
        let src = dir.join(format!("{name}.src.xlsx"));
        std::fs::write(&src, bytes).unwrap();
        let ok = Command::new("soffice")
            .arg(format!(
                "-env:UserInstallation=file://{}",
                profile.display()
            ))
            .args([
                "--headless",
                "--convert-to",
                "xlsx:Calc MS Excel 2007 XML",
                "--outdir",
            ])
            .arg(dir.join("out"))
            .arg(&src)
            .output()
            .is_ok_and(|o| o.status.success());
        if !ok {
            return None;
        }
        out.push(std::fs::read(dir.join("out").join(format!("{name}.src.xlsx"))).ok()?);
    }
    Some(out)
}

fn parts(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut z = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).unwrap();
            let mut b = Vec::new();
            f.read_to_end(&mut b).unwrap();
            (f.name().unwrap().to_string(), b)
        })
        .collect()
}

// --- A small XML tree, to take the patch out again. -----------------------------------------

#[derive(Debug, Clone, PartialEq)]
enum N {
    E {
        name: String,
        attrs: Vec<(String, String)>,
        kids: Vec<N>,
    },
    T(String),
}

fn attrs_of(raw: &str) -> (String, Vec<(String, String)>) {
    let b = raw.as_bytes();
    let mut i = 0;
    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'/' {
        i += 1;
    }
    let name = raw[..i].to_string();
    let mut out = Vec::new();
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() {
            break;
        }
        let s = i;
        while b[i] != b'=' && !b[i].is_ascii_whitespace() {
            i += 1;
        }
        let k = raw[s..i].to_string();
        while b[i] != b'"' && b[i] != b'\'' {
            i += 1;
        }
        let q = b[i];
        i += 1;
        let vs = i;
        while b[i] != q {
            i += 1;
        }
        out.push((k, raw[vs..i].to_string()));
        i += 1;
    }
    (name, out)
}

fn tree(data: &[u8]) -> N {
    use quick_xml::events::Event;
    let text = std::str::from_utf8(data).unwrap();
    let mut rd = quick_xml::Reader::from_str(text);
    rd.config_mut().trim_text(false);
    let mut stack: Vec<N> = vec![N::E {
        name: "#doc".into(),
        attrs: vec![],
        kids: vec![],
    }];
    let push = |stack: &mut Vec<N>, n: N| {
        if let Some(N::E { kids, .. }) = stack.last_mut() {
            kids.push(n)
        }
    };
    loop {
        match rd.read_event().unwrap() {
            Event::Start(e) => {
                let (name, attrs) = attrs_of(&e);
                stack.push(N::E {
                    name,
                    attrs,
                    kids: vec![],
                });
            }
            Event::Empty(e) => {
                let (name, attrs) = attrs_of(&e);
                push(
                    &mut stack,
                    N::E {
                        name,
                        attrs,
                        kids: vec![],
                    },
                );
            }
            Event::End(_) => {
                let n = stack.pop().unwrap();
                push(&mut stack, n);
            }
            Event::Text(t) => push(&mut stack, N::T(t.to_string())),
            Event::GeneralRef(r) => push(&mut stack, N::T(format!("&{};", &*r))),
            Event::CData(t) => push(&mut stack, N::T(format!("<![CDATA[{}]]>", &*t))),
            Event::Eof => break,
            _ => {}
        }
    }
    stack.pop().unwrap()
}

impl N {
    fn local(&self) -> &str {
        match self {
            N::E { name, .. } => name.rsplit(':').next().unwrap(),
            N::T(_) => "#text",
        }
    }
    fn attr(&self, k: &str) -> Option<&str> {
        match self {
            N::E { attrs, .. } => attrs
                .iter()
                .find(|(n, _)| n == k || n.rsplit(':').next() == Some(k) && !n.starts_with("xmlns"))
                .map(|(_, v)| v.as_str()),
            N::T(_) => None,
        }
    }
    fn set_attr(&mut self, k: &str, v: Option<&str>) {
        if let N::E { attrs, .. } = self {
            match (attrs.iter().position(|(n, _)| n == k), v) {
                (Some(i), Some(v)) => attrs[i].1 = v.to_string(),
                (Some(i), None) => {
                    attrs.remove(i);
                }
                (None, Some(v)) => attrs.push((k.into(), v.into())),
                (None, None) => {}
            }
        }
    }
    fn kids(&self) -> &[N] {
        match self {
            N::E { kids, .. } => kids,
            N::T(_) => &[],
        }
    }
    fn kids_mut(&mut self) -> &mut Vec<N> {
        match self {
            N::E { kids, .. } => kids,
            N::T(_) => panic!("text has no children"),
        }
    }
    fn elems(&self) -> impl Iterator<Item = &N> {
        self.kids().iter().filter(|k| matches!(k, N::E { .. }))
    }
    fn child(&self, l: &str) -> Option<&N> {
        self.elems().find(|k| k.local() == l)
    }
    fn child_mut(&mut self, l: &str) -> Option<&mut N> {
        self.kids_mut().iter_mut().find(|k| k.local() == l)
    }
    fn root(&self) -> &N {
        self.elems().next().unwrap()
    }
    fn root_mut(&mut self) -> &mut N {
        self.kids_mut()
            .iter_mut()
            .find(|k| matches!(k, N::E { .. }))
            .unwrap()
    }
    fn text(&self) -> String {
        match self {
            N::T(t) => t.clone(),
            N::E { kids, .. } => kids.iter().map(N::text).collect(),
        }
    }
}

fn dec(n: &mut N, k: &str) {
    let v: i64 = n.attr(k).unwrap().parse().unwrap();
    let key = match n {
        N::E { attrs, .. } => attrs
            .iter()
            .find(|(a, _)| a.rsplit(':').next() == Some(k))
            .unwrap()
            .0
            .clone(),
        _ => unreachable!(),
    };
    n.set_attr(&key, Some(&(v - 1).to_string()));
}

/// The output part with the patch taken out, to compare with the input part. `styles` are the
/// (input, output) stylesheets, to check each restyled cell's new style is a clone of its old
/// one with only the fill changed.
fn unpatch(part: &str, a: &N, mut b: N, styles: (&N, &N), temuan: &str) -> N {
    let root = b.root_mut();
    match part {
        "[Content_Types].xml" => {
            let keep: Vec<&N> = a.root().elems().collect();
            root.kids_mut()
                .retain(|k| !matches!(k, N::E { .. }) || keep.contains(&k));
        }
        p if p.ends_with(".rels") => {
            let ids: BTreeSet<&str> = a.root().elems().filter_map(|r| r.attr("Id")).collect();
            root.kids_mut()
                .retain(|k| k.attr("Id").is_none_or(|i| ids.contains(i)));
        }
        "xl/workbook.xml" => {
            let sheets = root.child_mut("sheets").unwrap();
            let before = sheets.elems().count();
            sheets.kids_mut().retain(|s| s.attr("name") != Some(temuan));
            assert_eq!(sheets.elems().count() + 1, before, "one sheet added");
            if let Some(v) = root
                .child_mut("bookViews")
                .and_then(|b| b.child_mut("workbookView"))
            {
                let orig = a
                    .root()
                    .child("bookViews")
                    .and_then(|b| b.child("workbookView"));
                if orig.and_then(|o| o.attr("activeTab")).is_some() {
                    dec(v, "activeTab");
                } else {
                    assert_eq!(v.attr("activeTab"), Some("1"));
                    v.set_attr("activeTab", None);
                }
                if v.attr("firstSheet").is_some() {
                    dec(v, "firstSheet");
                }
            }
            if let Some(names) = root.child_mut("definedNames") {
                for n in names.kids_mut() {
                    if n.attr("localSheetId").is_some() {
                        dec(n, "localSheetId");
                    }
                }
            }
        }
        "xl/styles.xml" => {
            for s in ["fonts", "fills", "borders", "cellXfs"] {
                let orig = a.root().child(s).unwrap();
                let n = orig.elems().count();
                let sec = root.child_mut(s).unwrap();
                let mut seen = 0;
                sec.kids_mut().retain(|k| {
                    if matches!(k, N::E { .. }) {
                        seen += 1;
                        seen <= n
                    } else {
                        true
                    }
                });
                let count = orig.attr("count").map(str::to_string);
                sec.set_attr("count", count.as_deref());
            }
        }
        "docProps/app.xml" => {
            let titles = root.child_mut("TitlesOfParts").unwrap();
            let v = titles.child_mut("vector").unwrap();
            dec(v, "size");
            let i = v
                .kids()
                .iter()
                .position(|k| k.text() == temuan)
                .expect("new sheet listed");
            v.kids_mut().remove(i);
            let pairs = root.child_mut("HeadingPairs").unwrap();
            let v = pairs.child_mut("vector").unwrap();
            let i4 = v
                .kids_mut()
                .iter_mut()
                .find_map(|k| k.child_mut("i4"))
                .unwrap();
            let n: i64 = i4.text().parse().unwrap();
            *i4.kids_mut() = vec![N::T((n - 1).to_string())];
        }
        p if p.starts_with("xl/worksheets/sheet") => {
            if a.root().child("legacyDrawing").is_none() {
                root.kids_mut().retain(|k| k.local() != "legacyDrawing");
            }
            let xfs_a: Vec<&N> = styles.0.root().child("cellXfs").unwrap().elems().collect();
            let xfs_b: Vec<&N> = styles.1.root().child("cellXfs").unwrap().elems().collect();
            let fills_b: Vec<&N> = styles.1.root().child("fills").unwrap().elems().collect();
            let rows_a: HashMap<String, &N> = a
                .root()
                .child("sheetData")
                .unwrap()
                .elems()
                .map(|r| (r.attr("r").unwrap().to_string(), r))
                .collect();
            let data = root.child_mut("sheetData").unwrap();
            let mut restyled = 0;
            data.kids_mut().retain_mut(|row| {
                let Some(ra) = rows_a.get(row.attr("r").unwrap_or("")) else {
                    // A row the patch added: only empty marked cells.
                    assert!(row.elems().all(|c| c.kids().is_empty()
                        && c.attr("s").is_some()
                        && matches!(c, N::E { attrs, .. } if attrs.len() == 2)));
                    restyled += row.elems().count();
                    return false;
                };
                let cells_a: HashMap<&str, &N> =
                    ra.elems().map(|c| (c.attr("r").unwrap(), c)).collect();
                row.kids_mut().retain_mut(|c| {
                    let Some(r) = c.attr("r").map(str::to_string) else {
                        return true;
                    };
                    match cells_a.get(r.as_str()) {
                        None => {
                            assert!(c.kids().is_empty(), "{r}: added cell is empty");
                            restyled += 1;
                            false
                        }
                        Some(ca) => {
                            let (sa, sb) = (ca.attr("s"), c.attr("s"));
                            if sa != sb {
                                restyled += 1;
                                let old = xfs_a[sa.unwrap_or("0").parse::<usize>().unwrap()];
                                let mut new = xfs_b[sb.unwrap().parse::<usize>().unwrap()].clone();
                                let fill =
                                    fills_b[new.attr("fillId").unwrap().parse::<usize>().unwrap()];
                                assert!(
                                    fill.text().is_empty() && format!("{fill:?}").contains("solid")
                                );
                                let mut old = old.clone();
                                for k in ["fillId", "applyFill"] {
                                    old.set_attr(k, None);
                                    new.set_attr(k, None);
                                }
                                assert_eq!(old, new, "{r}: restyled with a clone of its style");
                                c.set_attr("s", sa);
                            }
                            true
                        }
                    }
                });
                true
            });
            assert!(restyled > 0, "{part}: marks applied");
        }
        p if p.contains("comments") => {
            let authors_a: Vec<String> = a
                .root()
                .child("authors")
                .unwrap()
                .elems()
                .map(N::text)
                .collect();
            root.child_mut("authors")
                .unwrap()
                .kids_mut()
                .retain(|x| !matches!(x, N::E { .. }) || authors_a.contains(&x.text()));
            let list_a: HashMap<&str, &N> = a
                .root()
                .child("commentList")
                .unwrap()
                .elems()
                .map(|c| (c.attr("ref").unwrap(), c))
                .collect();
            let list = root.child_mut("commentList").unwrap();
            list.kids_mut()
                .retain(|c| list_a.contains_key(c.attr("ref").unwrap_or("")));
            for c in list.kids_mut() {
                let ca = list_a[c.attr("ref").unwrap()];
                let ta = ca.child("text").unwrap();
                let tb = c.child_mut("text").unwrap();
                if tb.elems().count() > ta.elems().count() {
                    // One run added below the planner's text.
                    let last = tb.kids().iter().rposition(|k| k.local() == "r").unwrap();
                    assert!(tb.kids()[last].text().starts_with("\n\n"));
                    tb.kids_mut().remove(last);
                } else if tb.text() != ta.text() {
                    let t = tb.child_mut("t").unwrap();
                    let full = t.text();
                    let orig = ta.child("t").unwrap().text();
                    assert!(full.starts_with(&orig) && full[orig.len()..].starts_with("\n\n"));
                    *t.kids_mut() = ta.child("t").unwrap().kids().to_vec();
                }
            }
        }
        _ => {}
    }
    b
}

#[test]
fn only_the_patched_parts_change_and_the_patch_comes_out_clean() {
    for case in cases() {
        let a = parts(&case.input);
        let b = parts(&case.output);
        let sa = tree(&a["xl/styles.xml"]);
        let sb = tree(&b["xl/styles.xml"]);
        let temuan = {
            let wb = tree(&b["xl/workbook.xml"]);
            wb.root()
                .child("sheets")
                .unwrap()
                .elems()
                .next()
                .unwrap()
                .attr("name")
                .unwrap()
                .to_string()
        };
        let mut changed = Vec::new();
        for (name, ia) in &a {
            let ib = b
                .get(name)
                .unwrap_or_else(|| panic!("{}: {name} lost", case.name));
            if ia == ib {
                continue;
            }
            changed.push(name.clone());
            let patchable = name == "[Content_Types].xml"
                || name.ends_with(".rels")
                || name == "xl/workbook.xml"
                || name == "xl/styles.xml"
                || name == "docProps/app.xml"
                || name.starts_with("xl/worksheets/sheet")
                || name.contains("comments")
                || name.ends_with(".vml");
            assert!(
                patchable,
                "{}: {name} changed but is not one the patch may touch",
                case.name
            );
            if name.ends_with(".vml") {
                // VML need not be well-formed XML: the shapes are one block inserted whole.
                let pre = ia.iter().zip(ib).take_while(|(x, y)| x == y).count();
                let suf = ia
                    .iter()
                    .rev()
                    .zip(ib.iter().rev())
                    .take_while(|(x, y)| x == y)
                    .count();
                assert!(
                    pre + suf >= ia.len(),
                    "{}: {name} is the input plus one block",
                    case.name
                );
                continue;
            }
            let ta = tree(ia);
            let tb = unpatch(name, &ta, tree(ib), (&sa, &sb), &temuan);
            assert_eq!(ta, tb, "{}: {name} with the patch taken out", case.name);
        }
        for name in b.keys().filter(|n| !a.contains_key(*n)) {
            assert!(
                name.starts_with("xl/worksheets/sheet")
                    || name.starts_with("xl/worksheets/_rels/")
                    || name.starts_with("xl/comments")
                    || name.starts_with("xl/drawings/vmlDrawing"),
                "{}: unexpected new part {name}",
                case.name
            );
        }
        assert!(changed.contains(&"xl/styles.xml".to_string()));
        eprintln!("{}: changed {changed:?}", case.name);
    }
}

#[test]
fn values_read_back_equal_in_calamine() {
    for case in cases() {
        let mut a: Xlsx<_> =
            calamine::open_workbook_from_rs(Cursor::new(case.input.clone())).unwrap();
        let mut b: Xlsx<_> =
            calamine::open_workbook_from_rs(Cursor::new(case.output.clone())).unwrap();
        let names = a.sheet_names();
        assert_eq!(&b.sheet_names()[1..], &names[..], "{}", case.name);
        for n in names {
            let ra = a.worksheet_range(&n).unwrap();
            let rb = b.worksheet_range(&n).unwrap();
            let cells_a: Vec<_> = ra
                .cells()
                .filter(|c| !c.2.is_empty())
                .map(|(r, c, v)| {
                    (
                        r as u32 + ra.start().unwrap().0,
                        c as u32 + ra.start().unwrap().1,
                        v.clone(),
                    )
                })
                .collect();
            let cells_b: Vec<_> = rb
                .cells()
                .filter(|c| !c.2.is_empty())
                .map(|(r, c, v)| {
                    (
                        r as u32 + rb.start().unwrap().0,
                        c as u32 + rb.start().unwrap().1,
                        v.clone(),
                    )
                })
                .collect();
            assert_eq!(cells_a, cells_b, "{}: {n}", case.name);
            let fa = a.worksheet_formula(&n).unwrap();
            let fb = b.worksheet_formula(&n).unwrap();
            assert_eq!(
                fa.cells().filter(|c| !c.2.is_empty()).count(),
                fb.cells().filter(|c| !c.2.is_empty()).count(),
                "{}: {n} formulas",
                case.name
            );
        }
    }
}

/// A tool the test needs: when it is missing the test says so, and fails under CI.
fn tool(cmd: &str, probe: &[&str]) -> bool {
    let ok = Command::new(cmd)
        .args(probe)
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        let msg = format!("{cmd} {} not available", probe.join(" "));
        if std::env::var_os("CI").is_some() {
            panic!("{msg}: CI must have it (see .ci/run)");
        }
        eprintln!("SKIPPED: {msg}");
    }
    ok
}

fn out_dir(what: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join(what);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn write_pair(dir: &Path, case: &Case) -> (PathBuf, PathBuf) {
    let i = dir.join(format!("{}.{}", case.name, case.ext));
    let o = dir.join(format!("{}.selaras.{}", case.name, case.ext));
    std::fs::write(&i, &case.input).unwrap();
    std::fs::write(&o, &case.output).unwrap();
    (i, o)
}

#[test]
fn openpyxl_reads_everything_back_with_the_marks() {
    if !tool("python3", &["-c", "import openpyxl"]) {
        return;
    }
    let dir = out_dir("fidelity-openpyxl");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/fidelity_check.py");
    for case in cases() {
        let (i, o) = write_pair(&dir, case);
        let marks: Vec<String> = case
            .marks
            .iter()
            .map(|m| {
                format!(
                    "{{\"sheet\":{:?},\"row\":{},\"col\":{},\"fill\":{},\"note\":{}}}",
                    m.sheet,
                    m.row,
                    m.col,
                    m.fill,
                    json_str(&m.note)
                )
            })
            .collect();
        let spec = dir.join(format!("{}.json", case.name));
        std::fs::write(
            &spec,
            format!(
                "{{\"marks\":[{}],\"links\":{}}}",
                marks.join(","),
                case.links
            ),
        )
        .unwrap();
        let r = Command::new("python3")
            .arg(&script)
            .arg(&i)
            .arg(&o)
            .arg(&spec)
            .output()
            .unwrap();
        assert!(
            r.status.success(),
            "{}: openpyxl found differences:\n{}{}",
            case.name,
            String::from_utf8_lossy(&r.stdout),
            String::from_utf8_lossy(&r.stderr)
        );
    }
}

fn json_str(s: &str) -> String {
    let mut o = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            c if (c as u32) < 0x20 => o.push_str(&format!("\\u{:04x}", c as u32)),
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

#[test]
fn outputs_pass_the_ooxml_validator() {
    if !tool("python3", &["-m", "openxml_audit", "--help"]) {
        return;
    }
    let dir = out_dir("fidelity-audit");
    for case in cases() {
        let (i, o) = write_pair(&dir, case);
        // The copy may carry the input's own faults (LibreOffice writes no theme part, say),
        // never one more.
        let errors = |p: &Path| {
            let r = Command::new("python3")
                .args(["-m", "openxml_audit"])
                .arg(p)
                .output()
                .unwrap();
            let text = String::from_utf8_lossy(&r.stdout).to_string()
                + &String::from_utf8_lossy(&r.stderr);
            let n = text
                .lines()
                .find_map(|l| l.strip_prefix("Errors: "))
                .and_then(|n| n.trim().parse::<usize>().ok())
                .unwrap_or_else(|| panic!("{}: no verdict:\n{text}", p.display()));
            (n, text)
        };
        let (ni, ti) = errors(&i);
        let (no, to) = errors(&o);
        assert!(
            no <= ni,
            "{}: the copy fails validation where the input does not:\n{to}\ninput:\n{ti}",
            case.name
        );
        if !case.name.starts_with("lo-") {
            assert_eq!(ni, 0, "{}: {ti}", case.name);
        }
    }
}

#[test]
fn libreoffice_converts_every_copy_to_pdf() {
    if !tool("soffice", &["--version"]) {
        return;
    }
    let dir = out_dir("fidelity-pdf");
    let profile = out_dir("lo-profile");
    for case in cases() {
        let (_, o) = write_pair(&dir, case);
        let pdf = o.with_extension("pdf");
        let _ = std::fs::remove_file(&pdf);
        let r = Command::new("soffice")
            .arg(format!(
                "-env:UserInstallation=file://{}",
                profile.display()
            ))
            .args(["--headless", "--convert-to", "pdf", "--outdir"])
            .arg(&dir)
            .arg(&o)
            .output()
            .unwrap();
        let size = std::fs::metadata(&pdf).map(|m| m.len()).unwrap_or(0);
        assert!(
            r.status.success() && size > 1000,
            "{}: LibreOffice did not convert the copy ({size} bytes):\n{}",
            case.name,
            String::from_utf8_lossy(&r.stderr)
        );
    }
}

#[test]
fn a_malformed_package_is_an_error_naming_the_part() {
    let input = fidelity::workbook(false);
    let mut z = zip::ZipArchive::new(Cursor::new(&input[..])).unwrap();
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..z.len() {
        let f = z.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        if name == "xl/styles.xml" {
            drop(f);
            w.start_file(name, zip::write::SimpleFileOptions::default())
                .unwrap();
            std::io::Write::write_all(&mut w, b"<styleSheet><fonts></styleSheet>").unwrap();
        } else {
            w.raw_copy_file(f).unwrap();
        }
    }
    let bad = w.finish().unwrap().into_inner();
    let marks = fidelity::marks();
    let e = annotate::patch_xlsx(&bad, &marks, &fidelity::temuan(&marks)).unwrap_err();
    assert_eq!(e.part, "xl/styles.xml", "{e}");
    assert!(
        annotate::patch_xlsx(b"PK\x03\x04 not a zip", &marks, &fidelity::temuan(&marks)).is_err()
    );
}

#[test]
fn a_workbook_without_a_package_is_rebuilt_and_says_so() {
    use selaras::{checks, ingest, model};
    let input = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/renja-dinsos-kukar-2026.xlsx"),
    )
    .unwrap();
    let rules = ingest::rules::TableRules::default_rules();
    let wb = ingest::workbook::read_workbook_bytes(Path::new("in.xlsx"), &input).unwrap();
    let ing = ingest::ingest_workbook(wb, &rules);
    let plan = model::plan::build_plan(&ing, &rules);
    let config = checks::config::CheckConfig::default_config();
    let ctx = checks::Context {
        ingested: &ing,
        plan: &plan,
        config: &config,
    };
    let findings = checks::run_all(&ctx);
    // As for an .xls or .ods: the bytes are no OOXML package.
    let out = annotate::annotated_bytes(b"\xD0\xCF\x11\xE0 ole", &ing.workbook, &findings, false)
        .unwrap();
    let mut x: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(out)).unwrap();
    let t = x.worksheet_range("Temuan").unwrap();
    let a1 = t.get_value((0, 0)).unwrap().to_string();
    assert!(a1.contains("dibangun ulang"), "{a1}");
    assert_eq!(
        annotate::output_path(Path::new("o"), Path::new("a/Renja.XLSM")),
        Path::new("o/Renja.selaras.xlsm")
    );
    assert_eq!(
        annotate::output_path(Path::new("o"), Path::new("a/Renja.xls")),
        Path::new("o/Renja.selaras.xlsx")
    );
}

#[test]
fn the_cli_patches_checked_and_reconciled_workbooks_xlsm_included() {
    let dir = out_dir("cli-patch");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/renja-dinsos-kukar-2026.xlsx");
    let old = dir.join("lama.xlsx");
    let new = dir.join("baru.xlsx");
    std::fs::copy(&sample, &old).unwrap();
    std::fs::copy(&sample, &new).unwrap();
    let macro_book = dir.join("makro.xlsm");
    std::fs::write(&macro_book, fidelity::workbook(true)).unwrap();
    let out = dir.join("out");
    let _ = std::fs::remove_dir_all(&out);
    let bin = env!("CARGO_BIN_EXE_selaras");
    let r = Command::new(bin)
        .arg("reconcile")
        .arg(&old)
        .arg(&new)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(r.status.code().is_some_and(|c| c < 2), "{r:?}");
    let r = Command::new(bin)
        .arg("check")
        .arg(&new)
        .arg(&macro_book)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(r.status.code().is_some_and(|c| c < 2), "{r:?}");
    let input = parts(&std::fs::read(&sample).unwrap());
    for copy in ["baru.perubahan.xlsx", "baru.selaras.xlsx"] {
        let p = parts(&std::fs::read(out.join(copy)).unwrap());
        // Patched, not rebuilt: the shared strings and the theme are the input's, byte for byte.
        for part in ["xl/sharedStrings.xml", "xl/theme/theme1.xml"] {
            assert_eq!(p[part], input[part], "{copy}: {part}");
        }
        assert!(p.len() > input.len(), "{copy}: Temuan sheet added");
    }
    let m = parts(&std::fs::read(out.join("makro.selaras.xlsm")).unwrap());
    let orig = parts(&fidelity::workbook(true));
    assert_eq!(m["xl/vbaProject.bin"], orig["xl/vbaProject.bin"]);
    assert!(!out.join("makro.selaras.xlsx").exists());
}

#[test]
fn damaged_packages_give_errors_never_panics() {
    // Parts the patcher reads, damaged byte by byte (deterministic xorshift).
    let base = parts(&fidelity::workbook(true));
    let targets = [
        "[Content_Types].xml",
        "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels",
        "xl/styles.xml",
        "xl/worksheets/sheet1.xml",
        "xl/worksheets/_rels/sheet1.xml.rels",
        "xl/comments1.xml",
        "xl/drawings/vmlDrawing1.vml",
        "docProps/app.xml",
    ];
    let marks = fidelity::marks();
    let temuan = fidelity::temuan(&marks);
    let mut x = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let (mut ok, mut err) = (0, 0);
    // DAMAGE_RUNS=N for a longer search.
    let runs = std::env::var("DAMAGE_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(150);
    for _ in 0..runs {
        let mut p = base.clone();
        let name = targets[(next() % targets.len() as u64) as usize];
        let data = p.get_mut(name).unwrap();
        for _ in 0..1 + next() % 4 {
            let i = (next() % data.len() as u64) as usize;
            data[i] = b"<>/=\"' x0123456789:&;"[(next() % 21) as usize];
        }
        if next() % 5 == 0 {
            let cut = (next() % data.len() as u64) as usize;
            data.truncate(cut);
        }
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (n, d) in &p {
            w.start_file(n.as_str(), zip::write::SimpleFileOptions::default())
                .unwrap();
            std::io::Write::write_all(&mut w, d).unwrap();
        }
        let bytes = w.finish().unwrap().into_inner();
        match annotate::patch_xlsx(&bytes, &marks, &temuan) {
            Ok(_) => ok += 1,
            Err(e) => {
                assert!(!e.part.is_empty(), "{e}");
                err += 1;
            }
        }
    }
    eprintln!("damaged packages: {ok} patched, {err} refused");
    assert!(err > 0);
}
