//! Two versions of the sample Renja reconciled (`selaras::reconcile`), and the sample Renja
//! checked against the sample Rancangan Awal RKPD (`selaras::rkpd`): each finds exactly what was
//! planted, and nothing on a consistent pair.

#[path = "support/rkpdgen.rs"]
mod rkpdgen;
#[path = "support/samplegen.rs"]
mod samplegen;

use rust_decimal::Decimal;
use selaras::checks::Severity;
use selaras::ingest::cell::{Cell, Pos, Value};
use selaras::ingest::kind::TableKind;
use selaras::ingest::role::Role;
use selaras::ingest::rules::TableRules;
use selaras::ingest::workbook::{Sheet, Workbook};
use selaras::ingest::{self, Ingested};
use selaras::model::plan::{Node, Plan, TableModel, build_plan};
use selaras::reconcile::{self, Version, reconcile};
use selaras::rkpd::{self, check_against_rkpd, check_against_rkpd_in};
use std::path::{Path, PathBuf};

const STAFF: &str = "renja-dinsos-kukar-2026.xlsx";
const ALT: &str = "renja-dinsos-kukar-2026-format-b.xlsx";

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name)
}

fn load(name: &str) -> Ingested {
    ingest::ingest(&sample(name), &TableRules::default_rules()).expect("sample reads")
}

fn plan_of(wb: Workbook) -> (Ingested, Plan) {
    let rules = TableRules::default_rules();
    let ing = ingest::ingest_workbook(wb, &rules);
    let plan = build_plan(&ing, &rules);
    (ing, plan)
}

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn sheet_mut<'a>(wb: &'a mut Workbook, name: &str) -> &'a mut Sheet {
    wb.sheets.iter_mut().find(|s| s.name == name).unwrap()
}

/// Replaces (or creates) the value of one cell, keeping its number format.
fn set_cell(sheet: &mut Sheet, pos: Pos, value: Value) {
    let i = match sheet.rows.binary_search_by_key(&pos.row, |(r, _)| *r) {
        Ok(i) => i,
        Err(i) => {
            sheet.rows.insert(i, (pos.row, Vec::new()));
            i
        }
    };
    let row = &mut sheet.rows[i].1;
    match row.binary_search_by_key(&pos.col, |(c, _)| *c) {
        Ok(j) => row[j].1.value = value,
        Err(j) => row.insert(j, (pos.col, Cell::new(value))),
    }
}

/// Deletes a whole row's cells (the rows below keep their place).
fn clear_row(sheet: &mut Sheet, row: u32) {
    sheet.rows.retain(|(r, _)| *r != row);
}

/// Inserts a copy of row `from` right under it, shifting the rows below (and merges) down.
fn duplicate_row_below(sheet: &mut Sheet, from: u32) {
    let copy = sheet.row_cells(from).to_vec();
    let mut cells = Vec::new();
    for (r, row) in &sheet.rows {
        let r = if *r > from { r + 1 } else { *r };
        for (c, cell) in row {
            cells.push((r, *c, cell.clone()));
        }
    }
    for (c, cell) in copy {
        cells.push((from + 1, c, cell));
    }
    let shift = |p: Pos| {
        if p.row > from {
            Pos::new(p.row + 1, p.col)
        } else {
            p
        }
    };
    let merges = sheet
        .merges
        .iter()
        .map(|(a, b)| (shift(*a), shift(*b)))
        .collect();
    *sheet = Sheet::from_cells(&sheet.name, cells, merges);
}

fn table(plan: &Plan, kind: TableKind) -> &TableModel {
    plan.tables_of(kind).next().unwrap().1
}

fn node<'a>(t: &'a TableModel, code: &str) -> &'a Node {
    t.nodes
        .iter()
        .find(|n| n.code.as_ref().is_some_and(|c| c.to_string() == code))
        .unwrap_or_else(|| panic!("{code} not in {}", t.table.kind))
}

fn node_named<'a>(t: &'a TableModel, name: &str) -> &'a Node {
    t.nodes.iter().find(|n| &*n.name == name).unwrap()
}

fn pos_of(t: &TableModel, n: &Node, role: Role) -> Pos {
    t.row(n).field(role).unwrap().pos
}

// ---------------------------------------------------------------------------------------------
// Reconciliation.

#[test]
fn a_version_reconciled_with_itself_has_no_differences() {
    let ing = load(STAFF);
    let (ia, a) = plan_of(ing.workbook.clone());
    let r = reconcile(
        Version::new(&a, &ia.workbook),
        Version::new(&a, &ia.workbook),
    );
    assert!(r.is_empty(), "{:#?}", r.tables);
    assert!(reconcile::to_findings(&r, false).is_empty());
}

#[test]
fn the_two_sample_layouts_hold_the_same_plan() {
    // Other sheet names, header wording, column order, joined codes, numbers as text, target
    // and unit in one cell: the same values, so no row and no value differs.
    let (ia, a) = plan_of(load(STAFF).workbook);
    let (ib, b) = plan_of(load(ALT).workbook);
    let r = reconcile(
        Version::new(&a, &ia.workbook),
        Version::new(&b, &ib.workbook),
    );
    let (added, removed, changed) = r.counts();
    assert_eq!((added, removed), (0, 0), "{:#?}", r.tables);
    let changes: Vec<String> = r
        .tables
        .iter()
        .flat_map(|t| {
            t.changed.iter().flat_map(move |c| {
                c.values.iter().map(move |v| {
                    format!(
                        "{} {} {}: {:?} → {:?}",
                        t.kind, c.new.name, v.column, v.old_raw, v.new_raw
                    )
                })
            })
        })
        .collect();
    assert_eq!(changed, 0, "{changes:#?}");
    assert!(r.programs.is_empty());
}

#[test]
fn reconcile_finds_exactly_the_planted_changes() {
    let ing = load(STAFF);
    let (old_ing, old) = plan_of(ing.workbook.clone());
    let t33 = table(&old, TableKind::TC33);
    let t31 = table(&old, TableKind::TC31);
    let mut wb = ing.workbook.clone();
    // 1. T-C.33: the 2026 budget of 1.06.01.2.01.0001 from 150.000.000 to 175.000.000.
    let pagu = pos_of(t33, node(t33, "1.06.01.2.01.0001"), Role::PaguN);
    set_cell(
        sheet_mut(&mut wb, &t33.table.sheet),
        pagu,
        Value::Number(175_000_000.0),
    );
    // 2. T-C.31: the draft target of Evaluasi Kinerja Perangkat Daerah from 8 to 10.
    let ev = node_named(t31, "Evaluasi Kinerja Perangkat Daerah");
    let target = pos_of(t31, ev, Role::RTarget);
    set_cell(
        sheet_mut(&mut wb, &t31.table.sheet),
        target,
        Value::Number(10.0),
    );
    // 3. T-C.33: a new sub kegiatan 1.06.01.2.01.0012 under 1.06.01.2.01, a copy of 0011 with
    //    its own name and 10.000.000 in both years (inserted first: rows below move down).
    let n11 = node(t33, "1.06.01.2.01.0011");
    let row11 = t33.row(n11).row;
    let cols = |role: Role| pos_of(t33, n11, role).col;
    let (name_col, n_col, n1_col) = (cols(Role::Uraian), cols(Role::PaguN), cols(Role::PaguN1));
    let code_col = t33.row(n11).field(Role::Kode).unwrap().pos.col + 4; // the sub kegiatan segment
    // 4. T-C.33: the 2027-only sub kegiatan 1.06.01.2.01.0002 removed (its row emptied).
    let row02 = t33.row(node(t33, "1.06.01.2.01.0002")).row;
    {
        let s = sheet_mut(&mut wb, &t33.table.sheet);
        clear_row(s, row02);
        duplicate_row_below(s, row11);
        let new = row11 + 1;
        set_cell(s, Pos::new(new, code_col), Value::Text("12".into()));
        set_cell(
            s,
            Pos::new(new, name_col),
            Value::Text("Sub Kegiatan Contoh Baru".into()),
        );
        set_cell(s, Pos::new(new, n_col), Value::Number(10_000_000.0));
        set_cell(s, Pos::new(new, n1_col), Value::Number(10_000_000.0));
    }
    let (new_ing, new) = plan_of(wb);
    let r = reconcile(
        Version::new(&old, &old_ing.workbook),
        Version::new(&new, &new_ing.workbook),
    )
    .with_labels("draft.xlsx", "final.xlsx");

    let by_kind = |k: &str| r.tables.iter().find(|t| t.kind == k).unwrap();
    for t in &r.tables {
        if t.kind != "T-C.33" && t.kind != "T-C.31" {
            assert!(t.is_empty(), "{} should not differ: {t:#?}", t.kind);
        }
    }
    let d33 = by_kind("T-C.33");
    let added: Vec<_> = d33.added.iter().map(|a| a.code.clone().unwrap()).collect();
    assert_eq!(added, ["1.06.01.2.01.0012"]);
    assert_eq!(d33.added[0].at.cell, Pos::new(row11 + 1, name_col).a1());
    let removed: Vec<_> = d33
        .removed
        .iter()
        .map(|x| x.row.code.clone().unwrap())
        .collect();
    assert_eq!(removed, ["1.06.01.2.01.0002"]);
    // The removal is marked on its kegiatan in the new workbook.
    let k = node(table(&new, TableKind::TC33), "1.06.01.2.01");
    assert_eq!(
        d33.removed[0].anchor.cell,
        selaras::model::plan::name_pos(table(&new, TableKind::TC33), k).a1()
    );
    assert_eq!(d33.changed.len(), 1);
    let v = &d33.changed[0].values;
    assert_eq!(v.len(), 1, "{v:#?}");
    assert_eq!(
        d33.changed[0].new.code.as_deref(),
        Some("1.06.01.2.01.0001")
    );
    assert_eq!(v[0].column, Role::PaguN);
    assert_eq!(
        (v[0].old.amount(), v[0].new.amount()),
        (Some(d("150000000")), Some(d("175000000")))
    );
    assert_eq!(v[0].difference, Some(d("25000000")));
    assert_eq!(v[0].at.cell, pagu.a1());
    assert_eq!(v[0].old_at.cell, pagu.a1());

    let d31 = by_kind("T-C.31");
    assert!(d31.added.is_empty() && d31.removed.is_empty(), "{d31:#?}");
    assert_eq!(d31.changed.len(), 1);
    let v = &d31.changed[0].values;
    assert_eq!(v.len(), 1, "{v:#?}");
    assert_eq!(v[0].column, Role::RTarget);
    assert_eq!(v[0].difference, Some(d("2")));
    assert_eq!(v[0].at.cell, target.a1());

    // Where the money moved: program 1.06.01 of T-C.33, +25 M + 10 M in 2026; in 2027 the
    // removed row's 25 M out and the new row's 10 M in.
    let moved: Vec<(&str, &str, Decimal)> = r
        .programs
        .iter()
        .map(|p| (p.code.as_deref().unwrap(), p.column.as_str(), p.difference))
        .collect();
    assert_eq!(
        moved,
        [
            ("1.06.01", "pagu_n", d("35000000")),
            ("1.06.01", "pagu_n1", d("-15000000")),
        ]
    );

    // As findings on the new workbook, for the reports and the annotated copy.
    let f = reconcile::to_findings(&r, false);
    let mut rules: Vec<&str> = f.iter().map(|f| f.rule).collect();
    rules.sort();
    assert_eq!(rules, ["R001", "R002", "R003", "R003"]);
    assert!(f.iter().all(|f| f.severity == Severity::Info));
    let pagu_f = f
        .iter()
        .find(|f| f.cell == pagu.a1() && f.rule == "R003")
        .unwrap();
    assert_eq!(pagu_f.expected.as_deref(), Some("150.000.000"));
    assert_eq!(pagu_f.found.as_deref(), Some("175.000.000"));
    assert_eq!(
        pagu_f.related[0].sheet,
        format!("draft.xlsx:{}", t33.table.sheet)
    );
    let bytes =
        selaras::report::annotate::annotated_bytes(&[], &new_ing.workbook, &f, false).unwrap();
    assert!(bytes.len() > 1000);

    let j = reconcile::to_json(&r, false);
    let t = j["tables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["kind"] == "T-C.33")
        .unwrap();
    let c = &t["changed"][0];
    for key in ["code", "name", "column", "cell", "old", "new", "difference"] {
        assert!(c.get(key).is_some(), "{key} missing in {c}");
    }
    assert_eq!(c["difference"], "25000000");
    assert_eq!(j["programs"][0]["difference"], "35000000");
    let md = reconcile::to_markdown(&r, true);
    assert!(md.contains("Sub Kegiatan Contoh Baru"), "{md}");
    assert!(md.contains("+25.000.000"), "{md}");
}

// ---------------------------------------------------------------------------------------------
// RKPD.

fn rkpd_sample() -> Ingested {
    load(rkpdgen::RKPD_SAMPLE)
}

#[test]
fn committed_rkpd_sample_matches_its_generator() {
    use calamine::{Reader, Xlsx};
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let fresh = rkpdgen::build_rkpd(&root.join("samples/data"));
    let mut a: Xlsx<_> = Xlsx::new(std::io::Cursor::new(fresh)).unwrap();
    let mut b: Xlsx<_> = calamine::open_workbook(sample(rkpdgen::RKPD_SAMPLE)).unwrap();
    assert_eq!(a.sheet_names(), b.sheet_names());
    for s in a.sheet_names() {
        assert_eq!(
            a.worksheet_range(&s).unwrap(),
            b.worksheet_range(&s).unwrap(),
            "{s}: regenerate with `cargo run --example gen_rkpd`"
        );
    }
}

#[test]
fn the_rkpd_sample_is_read_with_its_offices_and_ceilings() {
    let (ing, plan) = plan_of(rkpd_sample().workbook);
    assert!(ing.unplaced.is_empty(), "{:?}", ing.unplaced);
    let kinds: Vec<TableKind> = plan.tables.iter().map(|t| t.table.kind).collect();
    assert_eq!(kinds, [rkpd::RKPD_KIND, rkpd::PLAFON_KIND]);
    assert_eq!(
        rkpd::rkpd_offices(&plan),
        [
            rkpdgen::FICTIVE_PENDIDIKAN,
            rkpdgen::FICTIVE_KESEHATAN,
            rkpdgen::DINSOS
        ]
    );
    // Dinas Sosial's rows are T-C.31's: 7 programs, 19 kegiatan rows, 78 sub kegiatan, each
    // with its T-C.33 code.
    let t = table(&plan, rkpd::RKPD_KIND);
    let dinsos = |l| {
        t.nodes
            .iter()
            .filter(|n| {
                n.level == l
                    && n.code
                        .as_ref()
                        .is_some_and(|c| c.to_string().starts_with("1.06"))
            })
            .count()
    };
    use selaras::model::code::Level;
    assert_eq!(
        (
            dinsos(Level::Program),
            dinsos(Level::Kegiatan),
            dinsos(Level::SubKegiatan)
        ),
        (7, 19, 78)
    );
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let rows = rkpdgen::dinsos_rows(&root.join("samples/data"));
    assert_eq!(rkpdgen::dinsos_total(&rows), d("37118380499"));
}

#[test]
fn the_sample_renja_agrees_with_the_sample_rkpd() {
    let (_, rk) = plan_of(rkpd_sample().workbook);
    for name in [STAFF, ALT] {
        let (_, office) = plan_of(load(name).workbook);
        let f = check_against_rkpd(&rk, &office, None);
        assert!(f.is_empty(), "{name}: {f:#?}");
        // The same with an explicit mapping name.
        assert!(check_against_rkpd(&rk, &office, Some("DINAS SOSIAL")).is_empty());
    }
}

#[test]
fn planted_differences_and_a_ceiling_breach_are_found() {
    let rk_ing = rkpd_sample();
    let (_, rk0) = plan_of(rk_ing.workbook.clone());
    let rt = table(&rk0, rkpd::RKPD_KIND);
    let mut wb = rk_ing.workbook.clone();
    // In the RKPD: Dinas Sosial's 1.06.01.2.01.0001 at 160.000.000 instead of 150.000.000, the
    // target of 1.06.01.2.01.0007 at 9 instead of 8, and its ceiling one rupiah below its total.
    let rk_pagu = pos_of(rt, node(rt, "1.06.01.2.01.0001"), Role::PaguN);
    let rk_target = pos_of(rt, node(rt, "1.06.01.2.01.0007"), Role::TargetN);
    set_cell(
        sheet_mut(&mut wb, rkpdgen::MAIN_SHEET),
        rk_pagu,
        Value::Number(160_000_000.0),
    );
    set_cell(
        sheet_mut(&mut wb, rkpdgen::MAIN_SHEET),
        rk_target,
        Value::Number(9.0),
    );
    let pt = table(&rk0, rkpd::PLAFON_KIND);
    let cap_row = pt
        .table
        .rows
        .iter()
        .find(|r| r.text(Role::PerangkatDaerah) == Some(rkpdgen::DINSOS))
        .unwrap();
    let cap = cap_row.field(Role::Plafon).unwrap().pos;
    set_cell(
        sheet_mut(&mut wb, rkpdgen::PLAFON_SHEET),
        cap,
        Value::Number(37_118_380_498.0),
    );
    let (_, rk) = plan_of(wb);

    // In the Renja: the T-C.31 row of 1.06.01.2.01.0008 (Walidata) deleted.
    let ing = load(STAFF);
    let (_, office0) = plan_of(ing.workbook.clone());
    let t31 = table(&office0, TableKind::TC31);
    let walidata = node_named(
        t31,
        "Penyelenggaraan Walidata Pendukung Statistik Sektoral Daerah",
    );
    let mut owb = ing.workbook.clone();
    clear_row(sheet_mut(&mut owb, &t31.table.sheet), t31.row(walidata).row);
    let (_, office) = plan_of(owb);
    let t31 = table(&office, TableKind::TC31);
    let t33 = table(&office, TableKind::TC33);

    let f = check_against_rkpd_in(&rk, "rancangan-awal-rkpd-2026.xlsx", &office, None);
    let got: Vec<(&str, String)> = f
        .iter()
        .map(|f| (f.rule, format!("{}!{}", f.sheet, f.cell)))
        .collect();
    let at = |t: &TableModel, n: &Node, role: Role| {
        format!("{}!{}", t.table.sheet, pos_of(t, n, role).a1())
    };
    let kegiatan = node(t31, "1.06.01.2.01");
    let total31 = t31
        .nodes
        .iter()
        .find(|n| n.level == selaras::model::code::Level::Total)
        .unwrap();
    let total33 = t33
        .nodes
        .iter()
        .find(|n| n.level == selaras::model::code::Level::Total)
        .unwrap();
    let mut want = vec![
        ("K002", at(t31, node(t31, "1.06.01.2.01.0001"), Role::RPagu)),
        (
            "K002",
            at(t31, node(t31, "1.06.01.2.01.0007"), Role::RTarget),
        ),
        (
            "K001",
            format!(
                "{}!{}",
                t31.table.sheet,
                selaras::model::plan::name_pos(t31, kegiatan).a1()
            ),
        ),
        ("K003", at(t31, total31, Role::RPagu)),
        ("K003", at(t33, total33, Role::PaguN)),
    ];
    let mut got_sorted = got.clone();
    got_sorted.sort();
    want.sort();
    assert_eq!(got_sorted, want, "{f:#?}");
    let k002 = f
        .iter()
        .find(|x| {
            x.rule == "K002"
                && x.cell == pos_of(t31, node(t31, "1.06.01.2.01.0001"), Role::RPagu).a1()
        })
        .unwrap();
    assert_eq!(k002.severity, Severity::Error);
    assert_eq!(k002.expected.as_deref(), Some("160.000.000"));
    assert_eq!(k002.found.as_deref(), Some("150.000.000"));
    assert_eq!(
        k002.related[0].sheet,
        format!("rancangan-awal-rkpd-2026.xlsx:{}", rkpdgen::MAIN_SHEET)
    );
    assert_eq!(k002.related[0].cell, rk_pagu.a1());
    let k003 = f.iter().find(|x| x.rule == "K003").unwrap();
    assert_eq!(k003.related[0].cell, cap.a1());
    assert_eq!(k003.found.as_deref(), Some("37.118.380.499"));
    assert_eq!(
        f.iter().find(|x| x.rule == "K001").unwrap().severity,
        Severity::Warning
    );
}

#[test]
fn an_office_not_in_the_rkpd_is_reported_once() {
    let (_, rk) = plan_of(rkpd_sample().workbook);
    let (_, office) = plan_of(load(STAFF).workbook);
    let f = check_against_rkpd(&rk, &office, Some("Dinas Perhubungan"));
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!((f[0].rule, f[0].severity), ("K004", Severity::Warning));
    assert!(f[0].message_id.contains("CONTOH FIKTIF — Dinas Pendidikan"));
    // Mapped to a made-up office instead, every one of its rows is missing from this Renja.
    let f = check_against_rkpd(&rk, &office, Some(rkpdgen::FICTIVE_PENDIDIKAN));
    assert_eq!(f.iter().filter(|f| f.rule == "K001").count(), 8);
}
