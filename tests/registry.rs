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

/// Roles are a closed enum, so the code can only ask for a role that exists; what must hold is
/// that the enum and the built-in `tables.toml` agree: every role reads back from its name, every
/// role the file names is one (else it would not load), and every role is some table's column
/// (a role no table has would leave the rules that read it silent forever).
#[test]
fn every_role_reads_back_and_is_a_column_of_the_built_in_tables_toml() {
    use selaras::ingest::role::Role;
    for r in Role::ALL {
        assert_eq!(Role::parse(r.as_str()), Some(r), "{r}");
    }
    let names: BTreeSet<&str> = Role::ALL.iter().map(|r| r.as_str()).collect();
    assert_eq!(names.len(), Role::ALL.len(), "two roles share a name");
    // The file's own text, not the parsed rules: each `role = "…"` line parses as a role.
    let text = selaras::ingest::rules::DEFAULT_TABLES;
    let mut in_file = BTreeSet::new();
    for line in text.lines() {
        let Some(v) = line.trim().strip_prefix("role") else {
            continue;
        };
        let Some(name) = v.trim_start().strip_prefix('=') else {
            continue;
        };
        let name = name.trim().trim_matches('"');
        let role = Role::parse(name).unwrap_or_else(|| panic!("tables.toml: unknown role {name}"));
        in_file.insert(role);
    }
    let rules = selaras::ingest::rules::TableRules::default_rules();
    let columns: BTreeSet<Role> = rules
        .tables
        .iter()
        .flat_map(|t| t.columns.iter().map(|c| c.role))
        .collect();
    assert_eq!(in_file, columns);
    let unused: Vec<Role> = Role::ALL
        .into_iter()
        .filter(|r| !columns.contains(r))
        .collect();
    assert!(
        unused.is_empty(),
        "roles no table of tables.toml has: {unused:?}"
    );
}
