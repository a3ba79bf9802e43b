//! The rule registry stays whole: every rule file in `src/checks/` is registered, codes are
//! unique and in order, the family letter is the code's letter, every rule has both languages'
//! summary and explanation, and `rules.toml` names only rules that exist.

use selaras::checks::RULES;
use std::collections::BTreeSet;
use std::path::Path;

#[test]
fn every_rule_file_is_registered_under_its_own_code() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/checks");
    let registered: BTreeSet<String> = RULES.iter().map(|r| r.code.to_lowercase()).collect();
    let mut files = 0;
    for e in std::fs::read_dir(dir).unwrap() {
        let name = e.unwrap().file_name().to_string_lossy().into_owned();
        let b = name.as_bytes();
        // rule files are named `<letter><3 digits>_<name>.rs`
        if b.len() > 5
            && b[0].is_ascii_lowercase()
            && b[1..4].iter().all(u8::is_ascii_digit)
            && b[4] == b'_'
        {
            files += 1;
            assert!(
                registered.contains(&name[..4]),
                "{name} is not registered in checks::RULES"
            );
        }
    }
    assert!(files >= 30, "only {files} rule files found");
}

#[test]
fn codes_are_unique_ordered_and_carry_their_family() {
    let codes: Vec<&str> = RULES.iter().map(|r| r.code).collect();
    let mut sorted = codes.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(codes, sorted, "codes repeat or are out of order");
    let names: BTreeSet<&str> = RULES.iter().map(|r| r.name).collect();
    assert_eq!(names.len(), RULES.len(), "a rule name repeats");
    for r in RULES {
        assert_eq!(r.code.len(), 4, "{}", r.code);
        assert_eq!(r.code.chars().next(), Some(r.family), "{}", r.code);
        for (what, text) in [
            ("summary_id", r.summary_id),
            ("summary_en", r.summary_en),
            ("explain_id", r.explain_id),
            ("explain_en", r.explain_en),
        ] {
            assert!(!text.trim().is_empty(), "{} has no {what}", r.code);
        }
        assert!(
            r.name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit()),
            "{} name `{}` is not kebab-case",
            r.code,
            r.name
        );
    }
}

#[test]
fn rules_toml_names_only_registered_rules() {
    let text = selaras::checks::config::DEFAULT_RULES;
    let table: toml::Table = toml::from_str(text).unwrap();
    let codes: BTreeSet<&str> = RULES.iter().map(|r| r.code).collect();
    if let Some(sev) = table.get("severity").and_then(|v| v.as_table()) {
        for k in sev.keys() {
            assert!(
                codes.contains(k.as_str()),
                "rules.toml sets severity of unknown rule {k}"
            );
        }
    }
}

/// Every role name the code asks a table or row for (`.field("r_pagu")`, `.has(..)`,
/// `.column(..)`, `.text(..)`, `.fields_of(..)`) is a role of the built-in `tables.toml`: a role
/// renamed on one side only would otherwise load fine and silence the rules that read it.
#[test]
fn every_role_the_code_reads_is_defined_in_tables_toml() {
    let rules = selaras::ingest::rules::TableRules::default_rules();
    let roles: BTreeSet<&str> = rules
        .tables
        .iter()
        .flat_map(|t| t.columns.iter().map(|c| c.role.as_str()))
        .collect();
    let mut unknown = Vec::new();
    let mut seen = 0;
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            if p.extension().is_none_or(|x| x != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(&p).unwrap();
            // polars frames have `.column("code")` too: their columns are not roles.
            if text.contains("use polars") {
                continue;
            }
            for method in [
                ".field(\"",
                ".has(\"",
                ".column(\"",
                ".text(\"",
                ".fields_of(\"",
            ] {
                for (i, _) in text.match_indices(method) {
                    let rest = &text[i + method.len()..];
                    let Some(end) = rest.find('"') else { continue };
                    let name = &rest[..end];
                    if !name
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
                    {
                        continue;
                    }
                    seen += 1;
                    if !roles.contains(name) {
                        let line = text[..i].matches('\n').count() + 1;
                        unknown.push(format!("{}:{line}: {name}", p.display()));
                    }
                }
            }
        }
    }
    assert!(seen > 50, "only {seen} role reads found");
    assert!(unknown.is_empty(), "roles not in tables.toml: {unknown:#?}");
}
