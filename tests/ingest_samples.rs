//! The shipped samples are read as the seed document has them: every table found by its header
//! in both layouts, with the document's counts per level (checked by hand against
//! `shared/seed`, see samples/data/NOTES-*.md) and its budget totals.

#[path = "support/samplegen.rs"]
mod samplegen;

use selaras::ingest::kind::TableKind;
use selaras::ingest::{self, rules::TableRules};
use selaras::model::code::Level;
use selaras::model::plan::{Plan, build_plan};
use selaras::report::inspect::table_summary;
use std::path::{Path, PathBuf};

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name)
}

fn plan_of(name: &str) -> (ingest::Ingested, Plan) {
    let rules = TableRules::default_rules();
    let ing = ingest::ingest(&sample(name), &rules).expect("sample reads");
    let plan = build_plan(&ing, &rules);
    (ing, plan)
}

fn counts(plan: &Plan, kind: &str) -> (usize, usize, usize) {
    let (_, t) = plan
        .tables_of(TableKind::parse(kind).expect("a known kind"))
        .next()
        .unwrap_or_else(|| panic!("{kind} not found"));
    (
        t.count(Level::Program),
        t.count(Level::Kegiatan),
        t.count(Level::SubKegiatan),
    )
}

fn check_sample(name: &str, with_e81: bool) {
    let (ing, plan) = plan_of(name);
    assert!(ing.unplaced.is_empty(), "{:?}", ing.unplaced);
    let mut kinds: Vec<&str> = plan.tables.iter().map(|t| t.table.kind.as_str()).collect();
    kinds.sort();
    // The format-b workbook also carries the E.81 of 2026 (samples/data/e81.csv).
    let mut want = vec![
        "T-C.29",
        "T-C.30",
        "T-C.31",
        "T-C.32",
        "T-C.33",
        "tujuan-sasaran",
        "usulan-program",
    ];
    if with_e81 {
        want.insert(0, "E.81");
    }
    assert_eq!(kinds, want);
    // T-C.29 evaluates programs and kegiatan only (seed lines 1043–1559).
    assert_eq!(counts(&plan, "T-C.29"), (7, 18, 0));
    // T-C.31: 7 programs; 19 kegiatan rows (the Kesiapsiagaan Bencana kegiatan twice, seed
    // 4394 and 4458); 78 sub kegiatan rows, three of them at budget 0.
    assert_eq!(counts(&plan, "T-C.31"), (7, 19, 78));
    // The 2.5 table bears out the text's "7 program, 18 kegiatan, 76 sub kegiatan".
    assert_eq!(counts(&plan, "usulan-program"), (7, 18, 76));
    // T-C.33 also lists the kegiatan and sub kegiatan planned only for 2027.
    assert_eq!(counts(&plan, "T-C.33"), (7, 21, 88));
    for (kind, rows) in [("T-C.30", 3), ("T-C.32", 4), ("tujuan-sasaran", 2)] {
        let (_, t) = plan
            .tables_of(TableKind::parse(kind).unwrap())
            .next()
            .unwrap();
        assert_eq!(t.table.rows.len(), rows, "{kind}");
    }
    // Budget totals: the stated Rp 37.118.380.499 in both years of T-C.33 and on both sides of T-C.31.
    let (i33, _) = plan.tables_of(TableKind::TC33).next().unwrap();
    let (_, totals) = table_summary(&plan, i33);
    let want: rust_decimal::Decimal = "37118380499".parse().unwrap();
    assert_eq!(totals.get("pagu_n_2026"), Some(&want), "{totals:?}");
    assert_eq!(totals.get("pagu_n1_2027"), Some(&want));
    let (i31, _) = plan.tables_of(TableKind::TC31).next().unwrap();
    let (_, totals) = table_summary(&plan, i31);
    assert_eq!(
        totals.values().filter(|v| **v == want).count(),
        2,
        "{totals:?}"
    );
    assert_eq!(
        plan.office.as_deref(),
        Some("DINAS SOSIAL KABUPATEN KUTAI KARTANEGARA")
    );
}

#[test]
fn staff_layout_sample_reads_like_the_document() {
    check_sample("renja-dinsos-kukar-2026.xlsx", false);
}

#[test]
fn alternative_layout_sample_reads_the_same() {
    check_sample("renja-dinsos-kukar-2026-format-b.xlsx", true);
}

#[test]
fn repeated_page_headers_of_tc29_are_skipped_not_read_as_rows() {
    let (_, plan) = plan_of("renja-dinsos-kukar-2026.xlsx");
    let (_, t) = plan.tables_of(TableKind::TC29).next().unwrap();
    // Three later pages: a `Lembar : N` row and a repeated header each.
    assert_eq!(t.table.skipped.len(), 6, "{:?}", t.table.skipped);
}

#[test]
fn split_and_joined_codes_read_to_the_same_canonical_codes() {
    let codes = |name: &str| -> Vec<String> {
        let (_, plan) = plan_of(name);
        let (_, t) = plan.tables_of(TableKind::TC33).next().unwrap();
        t.nodes
            .iter()
            .filter_map(|n| n.code.as_ref().map(|c| c.to_string()))
            .collect()
    };
    let a = codes("renja-dinsos-kukar-2026.xlsx");
    assert_eq!(a, codes("renja-dinsos-kukar-2026-format-b.xlsx"));
    assert!(a.contains(&"1.06.01.2.01.0001".to_string()));
    // The document's duplicate kegiatan code is kept, not collapsed.
    assert_eq!(a.iter().filter(|c| *c == "1.06.06.2.02").count(), 2);
}

#[test]
fn uncoded_tables_get_codes_from_tc33_by_name() {
    let (_, plan) = plan_of("renja-dinsos-kukar-2026.xlsx");
    let (_, t) = plan.tables_of(TableKind::TC31).next().unwrap();
    let first_sub = t
        .nodes
        .iter()
        .find(|n| n.level == Level::SubKegiatan)
        .unwrap();
    assert_eq!(
        first_sub.code.as_ref().unwrap().to_string(),
        "1.06.01.2.01.0001"
    );
    assert!(first_sub.code_inferred);
    let coded = t
        .nodes
        .iter()
        .filter(|n| n.level == Level::SubKegiatan && n.code.is_some())
        .count();
    assert_eq!(coded, 78, "every T-C.31 sub kegiatan has its T-C.33 code");
}

#[test]
fn committed_samples_match_the_transcription() {
    // The .xlsx files are generated from samples/data/*.csv; a CSV fix without regenerating
    // (cargo run --example gen_samples) fails here.
    // The E.81 sample workbook (samples/data/e81.csv) likewise; its Alt layout is a sheet of the
    // format-b workbook, compared with the rest of it.
    use calamine::{Reader, Xlsx};
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let data = root.join("samples/data");
    let renja = samplegen::SAMPLES
        .iter()
        .map(|(name, layout)| (*name, samplegen::build_sample(&data, *layout)));
    let e81 = samplegen::E81_SAMPLES
        .iter()
        .map(|(name, layout)| (*name, samplegen::build_e81_sample(&data, *layout)));
    let mut e81_sheets = 0;
    for (name, fresh) in renja.chain(e81) {
        let mut a: Xlsx<_> = Xlsx::new(std::io::Cursor::new(fresh)).unwrap();
        let mut b: Xlsx<_> = calamine::open_workbook(sample(name)).unwrap();
        assert_eq!(a.sheet_names(), b.sheet_names(), "{name}");
        e81_sheets += a
            .sheet_names()
            .iter()
            .filter(|s| *s == "Formulir E.81" || *s == samplegen::E81_ALT_SHEET)
            .count();
        for s in a.sheet_names() {
            assert_eq!(
                a.worksheet_range(&s).unwrap(),
                b.worksheet_range(&s).unwrap(),
                "{name} / {s}: regenerate the samples"
            );
        }
    }
    assert_eq!(e81_sheets, 2, "both E.81 layouts are committed");
}

#[test]
fn e81_samples_read_as_one_e81_each() {
    // samples/data/e81.csv: 7 programs, 18 kegiatan rows, 76 sub kegiatan (NOTES-e81.md).
    let (ing, plan) = plan_of("e81-dinsos-kukar-2026.xlsx");
    assert!(ing.unplaced.is_empty(), "{:?}", ing.unplaced);
    let kinds: Vec<&str> = plan.tables.iter().map(|t| t.table.kind.as_str()).collect();
    assert_eq!(kinds, ["E.81"], "the signature block is not a table");
    let (_, t) = plan.tables_of(TableKind::E81).next().unwrap();
    assert_eq!(t.table.rows.len(), 101);
    // The format-b sheet has codes, so its levels are known.
    let (_, plan) = plan_of("renja-dinsos-kukar-2026-format-b.xlsx");
    assert_eq!(counts(&plan, "E.81"), (7, 18, 76));
    let (i, _) = plan.tables_of(TableKind::E81).next().unwrap();
    let (_, totals) = table_summary(&plan, i);
    let want: rust_decimal::Decimal = "37118380499".parse().unwrap();
    assert_eq!(totals.get("e7_rp_2026"), Some(&want), "{totals:?}");
}
