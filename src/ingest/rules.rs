//! Table definitions as data: which header texts name which column role, per table kind.
//!
//! The default definitions are `rules/tables.toml`, embedded in the binary; `--rules DIR` reads
//! `DIR/tables.toml` instead when it exists. See that file for the matching rules.

use super::role::Role;
use serde::Deserialize;
use std::path::Path;

pub const DEFAULT_TABLES: &str = include_str!("../../rules/tables.toml");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnType {
    Code,
    Text,
    Amount,
    Number,
    Target,
    Unit,
    Count,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ColumnDef {
    pub role: Role,
    #[serde(rename = "type")]
    pub ty: ColumnType,
    #[serde(default)]
    pub multi: bool,
    pub aliases: Vec<String>,
    #[serde(default)]
    pub not: Vec<String>,
    /// The column's number in the form's own number row (`(8)`); several for a role that spans
    /// columns (T-C.30's yearly targets). Empty for columns the form does not number.
    #[serde(default, deserialize_with = "one_or_many")]
    pub number: Vec<u32>,
    /// The formula the form writes on a derived column's number label, over form numbers:
    /// `7/6*100`, `5+7+9`. A label on the sheet must agree with it.
    #[serde(default)]
    pub formula: Option<String>,
    /// The column's year relative to the table's year n (`-2` for T-C.29 column 6, `1` for the
    /// forward year of T-C.33): when the header names years, they decide between roles whose
    /// wording is alike.
    #[serde(default)]
    pub year: Option<i32>,
}

impl ColumnDef {
    /// The parsed [`ColumnDef::formula`] (validated when the rules are loaded).
    pub fn formula(&self) -> Option<super::numbering::Formula> {
        self.formula
            .as_deref()
            .and_then(super::numbering::Formula::parse)
    }
}

fn one_or_many<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<u32>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(u32),
        Many(Vec<u32>),
    }
    Ok(match OneOrMany::deserialize(d)? {
        OneOrMany::One(n) => vec![n],
        OneOrMany::Many(v) => v,
    })
}

#[derive(Debug, Clone, Deserialize)]
pub struct TableDef {
    pub kind: super::kind::TableKind,
    #[serde(default)]
    pub title: Vec<String>,
    pub required: Vec<Role>,
    /// Words that open a side of a flat table whose groups are fused into one leaf
    /// (`Program/Kegiatan (RKPD)` … `Program/Kegiatan (Hasil Analisis)`): the columns after such
    /// a column are read with its words until the next side opens. Longest first wins.
    #[serde(default)]
    pub sections: Vec<String>,
    /// Labels of rows under the table that are not data but are read with it (E.81:
    /// `Rata-rata capaian kinerja (%)`, `Predikat kinerja`): the first such row ends the table.
    #[serde(default)]
    pub footer: Vec<String>,
    #[serde(rename = "column")]
    pub columns: Vec<ColumnDef>,
    /// The first word of every alias of every column, sorted ([`TableDef::may_name_a_column`]).
    #[serde(skip)]
    alias_first_words: Vec<String>,
}

impl TableDef {
    /// False when no alias of any column can be found in a header cell's words: every word of
    /// an alias must be among them, the first one too. Most cells of a data row that looks like
    /// a header (text only) are turned away here, before each alias is tried.
    pub fn may_name_a_column(&self, words: &[&str]) -> bool {
        words.iter().any(|w| {
            self.alias_first_words
                .binary_search_by(|f| f.as_str().cmp(w))
                .is_ok()
        })
    }

    pub fn column(&self, role: Role) -> Option<&ColumnDef> {
        self.columns.iter().find(|c| c.role == role)
    }

    /// True when the form numbers its columns (some column has a `number`).
    pub fn numbered(&self) -> bool {
        self.columns.iter().any(|c| !c.number.is_empty())
    }

    /// The column definition the form numbers `n`.
    pub fn numbered_column(&self, n: u32) -> Option<(usize, &ColumnDef)> {
        self.columns
            .iter()
            .enumerate()
            .find(|(_, c)| c.number.contains(&n))
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct Settings {
    pub noise: Vec<String>,
    pub thousands: Vec<String>,
    pub program_prefix: Vec<String>,
    pub total_words: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct TableRules {
    pub settings: Settings,
    #[serde(rename = "table")]
    pub tables: Vec<TableDef>,
}

impl TableRules {
    pub fn default_rules() -> TableRules {
        Self::parse(DEFAULT_TABLES).expect("embedded rules/tables.toml is valid")
    }

    pub fn parse(text: &str) -> Result<TableRules, String> {
        let mut rules: TableRules = toml::from_str(text).map_err(|e| e.to_string())?;
        for t in &mut rules.tables {
            let mut first: Vec<String> = t
                .columns
                .iter()
                .flat_map(|c| &c.aliases)
                .filter_map(|a| a.split(' ').find(|w| !w.is_empty()))
                .map(str::to_string)
                .collect();
            first.sort();
            first.dedup();
            t.alias_first_words = first;
        }
        for t in &rules.tables {
            for c in &t.columns {
                if let Some(f) = &c.formula
                    && c.formula().is_none()
                {
                    return Err(format!(
                        "table {}: column `{}`: formula `{f}` is not `a/b*100` or `a+b+…`",
                        t.kind, c.role
                    ));
                }
            }
            for &r in &t.required {
                if t.column(r).is_none() {
                    return Err(format!(
                        "table {}: required role `{r}` has no column",
                        t.kind
                    ));
                }
            }
        }
        Ok(rules)
    }

    /// A user's tables.toml may re-word, re-number and re-order what selaras knows, but not name
    /// a table kind or a column role that no rule reads: a misspelt or renamed `role` would
    /// otherwise silence every rule that needs the column. The known kinds are those of the
    /// embedded default, the known roles those of [`Role`]; the error names the line.
    fn check_names(text: &str, known: &TableRules) -> Result<(), String> {
        #[derive(Deserialize)]
        struct RawColumn {
            role: toml::Spanned<String>,
        }
        #[derive(Deserialize)]
        struct RawTable {
            kind: toml::Spanned<String>,
            #[serde(default)]
            required: Vec<toml::Spanned<String>>,
            #[serde(rename = "column", default)]
            columns: Vec<RawColumn>,
        }
        #[derive(Deserialize)]
        struct Raw {
            #[serde(rename = "table", default)]
            tables: Vec<RawTable>,
        }
        let raw: Raw = toml::from_str(text).map_err(|e| e.to_string())?;
        let line = |s: &toml::Spanned<String>| text[..s.span().start].matches('\n').count() + 1;
        let kinds: Vec<&str> = known.tables.iter().map(|t| t.kind.as_str()).collect();
        for t in &raw.tables {
            if !kinds.contains(&t.kind.get_ref().as_str()) {
                return Err(format!(
                    "line {}: jenis tabel `{}` tidak dikenal (unknown table kind); known: {}",
                    line(&t.kind),
                    t.kind.get_ref(),
                    kinds.join(", ")
                ));
            }
            for role in t.columns.iter().map(|c| &c.role).chain(&t.required) {
                if Role::parse(role.get_ref()).is_none() {
                    return Err(format!(
                        "line {}: peran kolom `{}` tidak dikenal (unknown column role) in table {}; \
                         roles are those of the built-in tables.toml (`selaras` reads no other)",
                        line(role),
                        role.get_ref(),
                        t.kind.get_ref()
                    ));
                }
            }
        }
        Ok(())
    }

    /// The built-in table definitions, or `DIR/tables.toml` when `--rules DIR` holds one. A
    /// `DIR` that is not a folder is an error: a mistyped path must not fall back silently.
    pub fn load(dir: Option<&Path>) -> Result<TableRules, String> {
        if let Some(d) = dir
            && !d.is_dir()
        {
            return Err(format!(
                "{}: folder aturan tidak ada (no such rules folder)",
                d.display()
            ));
        }
        match dir.map(|d| d.join("tables.toml")) {
            Some(p) if p.exists() => {
                let text =
                    std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
                Self::check_names(&text, &Self::default_rules())
                    .and_then(|()| Self::parse(&text))
                    .map_err(|e| format!("{}: {e}", p.display()))
            }
            _ => Ok(Self::default_rules()),
        }
    }

    pub fn table(&self, kind: super::kind::TableKind) -> Option<&TableDef> {
        self.tables.iter().find(|t| t.kind == kind)
    }
}

/// Lower case, every run of non-alphanumeric characters to one space: the form headers and
/// names are compared in. `Program/ Kegiatan/\nSub Kegiatan` → `program kegiatan sub kegiatan`.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            // Most header and name text is ASCII: lower it without the Unicode tables.
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        } else {
            space = true;
        }
    }
    out
}

/// `text` is `word`, or starts with `word` and a space (both normalised): `jumlah` in
/// `jumlah total`, not in `jumlahnya`.
pub fn starts_with_word(text: &str, word: &str) -> bool {
    text.strip_prefix(word)
        .is_some_and(|r| r.is_empty() || r.starts_with(' '))
}

/// `word` stands in `text` between two spaces (`text.contains(" word ")`), or with `at_edges`
/// also at its start or end (`format!(" {text} ").contains(" word ")`), without making either
/// string for every row and word.
pub fn holds_word(text: &str, word: &str, at_edges: bool) -> bool {
    let b = text.as_bytes();
    let mut from = 0;
    // Every start, overlapping ones too (a phrase may hold spaces).
    while let Some(k) = text.get(from..).and_then(|rest| rest.find(word)) {
        let i = from + k;
        let end = i + word.len();
        let before = if i == 0 { at_edges } else { b[i - 1] == b' ' };
        let after = if end == b.len() {
            at_edges
        } else {
            b[end] == b' '
        };
        if before && after {
            return true;
        }
        from = i + text[i..].chars().next().map_or(1, char::len_utf8);
    }
    false
}

/// True when every word of `phrase` (normalised) is a word of `tokens`.
pub fn phrase_in(phrase: &str, tokens: &[&str]) -> bool {
    let mut words = phrase.split(' ').filter(|w| !w.is_empty()).peekable();
    words.peek().is_some() && words.all(|w| tokens.contains(&w))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn holds_word_is_contains_between_spaces(text in "[ab é]{0,14}", word in "[ab ]{1,4}") {
            proptest::prop_assert_eq!(holds_word(&text, &word, false), text.contains(&format!(" {word} ")));
        }

        #[test]
        fn holds_word_at_edges_is_contains_between_padding(text in "[ab é]{0,14}", words in "[ab ]{1,4}") {
            proptest::prop_assert_eq!(
                holds_word(&text, &words, true),
                format!(" {text} ").contains(&format!(" {words} "))
            );
        }

        #[test]
        fn starts_with_word_is_equal_or_prefix_and_space(text in "[ab ]{0,8}", word in "[ab]{1,3}") {
            proptest::prop_assert_eq!(
                starts_with_word(&text, &word),
                text == word || text.starts_with(&format!("{word} "))
            );
        }
    }

    #[test]
    fn a_header_holding_any_alias_is_not_turned_away_before_the_aliases_are_tried() {
        for t in TableRules::default_rules().tables {
            for a in t.columns.iter().flat_map(|c| &c.aliases) {
                // The alias alone, and inside other words, as a header cell would hold it.
                let mut words: Vec<&str> = vec!["rencana"];
                words.extend(a.split(' ').filter(|w| !w.is_empty()));
                words.push("tahun");
                assert!(t.may_name_a_column(&words), "{}: `{a}`", t.kind);
            }
            assert!(
                !t.may_name_a_column(&["pembangunan", "jalan", "desa"]),
                "{}",
                t.kind
            );
        }
    }

    #[test]
    fn default_rules_parse_and_name_all_kinds() {
        let r = TableRules::default_rules();
        let kinds: Vec<&str> = r.tables.iter().map(|t| t.kind.as_str()).collect();
        for k in [
            "T-C.29",
            "T-C.30",
            "T-C.31",
            "T-C.32",
            "T-C.33",
            "usulan-program",
            "tujuan-sasaran",
        ] {
            assert!(kinds.contains(&k), "{k}");
        }
    }

    #[test]
    fn a_required_role_without_column_is_refused() {
        let bad = "[settings]\nnoise=[]\nthousands=[]\nprogram_prefix=[]\ntotal_words=[]\n[[table]]\nkind='T-C.30'\nrequired=['spm']\n[[table.column]]\nrole='ikk'\ntype='text'\naliases=['b']\n";
        let e = TableRules::parse(bad).unwrap_err();
        assert!(e.contains("required role `spm` has no column"), "{e}");
    }

    #[test]
    fn an_unknown_role_or_kind_in_a_users_tables_toml_names_its_line() {
        let dir = tempfile::tempdir().unwrap();
        // The default with one role misspelt: it parses, but no rule would ever see the column.
        let bad = DEFAULT_TABLES.replacen("role = \"r_pagu\"", "role = \"r_pagu_indikatif\"", 1);
        let line = bad[..bad.find("r_pagu_indikatif").unwrap()]
            .matches('\n')
            .count()
            + 1;
        std::fs::write(dir.path().join("tables.toml"), &bad).unwrap();
        let e = TableRules::load(Some(dir.path())).unwrap_err();
        assert!(e.contains("tables.toml"), "{e}");
        assert!(e.contains(&format!("line {line}:")), "{e}");
        assert!(e.contains("`r_pagu_indikatif`"), "{e}");
        // A misspelt role in `required` is refused the same way.
        let bad = DEFAULT_TABLES.replacen("\"k6\", \"k7\"]", "\"k6\", \"k_7\"]", 1);
        let line = bad[..bad.find("k_7").unwrap()].matches('\n').count() + 1;
        std::fs::write(dir.path().join("tables.toml"), &bad).unwrap();
        let e = TableRules::load(Some(dir.path())).unwrap_err();
        assert!(e.contains(&format!("line {line}:")), "{e}");
        assert!(e.contains("`k_7`"), "{e}");
        let bad = DEFAULT_TABLES.replacen("kind = \"T-C.31\"", "kind = \"TC31\"", 1);
        std::fs::write(dir.path().join("tables.toml"), &bad).unwrap();
        let e = TableRules::load(Some(dir.path())).unwrap_err();
        assert!(e.contains("`TC31`") && e.contains("line "), "{e}");
        // The default itself, written out as a user's file, loads.
        std::fs::write(dir.path().join("tables.toml"), DEFAULT_TABLES).unwrap();
        assert!(TableRules::load(Some(dir.path())).is_ok());
    }

    #[test]
    fn normalizes_header_text() {
        assert_eq!(
            normalize("Program/ Kegiatan/\nSub  Kegiatan"),
            "program kegiatan sub kegiatan"
        );
        assert_eq!(normalize("8=(7/6)*100"), "8 7 6 100");
        assert_eq!(normalize("  TARGET Renja-PD "), "target renja pd");
        let toks: Vec<&str> = "rancangan awal rkpd lokasi".split(' ').collect();
        assert!(phrase_in("rancangan lokasi", &toks));
        assert!(!phrase_in("analisis lokasi", &toks));
    }
}
