//! Check settings as data: `rules/rules.toml` (embedded) or `--rules DIR/rules.toml`.

use super::{Rule, Severity};
use rust_decimal::Decimal;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

pub const DEFAULT_RULES: &str = include_str!("../../rules/rules.toml");

#[derive(Debug, Clone, Deserialize)]
pub struct Tolerance {
    pub percent: Decimal,
    pub realisation_over_target: Decimal,
    pub forward_jump: Decimal,
    pub near_match: Decimal,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Words {
    pub level_indicator: Vec<String>,
    pub note_not_explaining: Vec<String>,
    /// Words of a T-C.32 status saying a proposal was taken into the plan (E007).
    #[serde(default)]
    pub proposal_accepted: Vec<String>,
    /// Words that undo them (`Belum Prioritas`).
    #[serde(default)]
    pub proposal_not_accepted: Vec<String>,
}

/// Indicators named as levels or flows whatever their words (E.81 column 12, T-C.29 column 10).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Indicators {
    #[serde(default)]
    pub level: Vec<String>,
    #[serde(default)]
    pub flow: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct CheckConfig {
    pub tolerance: Tolerance,
    #[serde(default)]
    pub severity: BTreeMap<String, String>,
    pub words: Words,
    #[serde(default)]
    pub indicators: Indicators,
    /// The official nomenclature: code → name (`rules/nomenclature.csv` or `--nomenclature`).
    #[serde(skip)]
    pub nomenclature: BTreeMap<String, String>,
}

pub const DEFAULT_NOMENCLATURE: &str = include_str!("../../rules/nomenclature.csv");

impl CheckConfig {
    pub fn default_config() -> CheckConfig {
        let mut c: CheckConfig =
            toml::from_str(DEFAULT_RULES).expect("embedded rules/rules.toml is valid");
        c.nomenclature =
            parse_nomenclature(DEFAULT_NOMENCLATURE).expect("embedded nomenclature is valid");
        c
    }

    /// Defaults overlaid with `dir/rules.toml` (when present) and `dir/nomenclature.csv`.
    pub fn load(dir: Option<&Path>) -> Result<CheckConfig, String> {
        let mut c = Self::default_config();
        let Some(dir) = dir else { return Ok(c) };
        let p = dir.join("rules.toml");
        if p.exists() {
            let text = std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
            let base: toml::Table = toml::from_str(DEFAULT_RULES).map_err(|e| e.to_string())?;
            let over: toml::Table =
                toml::from_str(&text).map_err(|e| format!("{}: {e}", p.display()))?;
            let merged = merge(base, over);
            let mut nc: CheckConfig = merged
                .try_into_config()
                .map_err(|e| format!("{}: {e}", p.display()))?;
            nc.nomenclature = std::mem::take(&mut c.nomenclature);
            c = nc;
        }
        for (code, sev) in &c.severity {
            if super::rule(code).is_none() {
                return Err(format!(
                    "rules.toml: aturan `{code}` tidak dikenal (unknown rule)"
                ));
            }
            if sev != "off" && Severity::parse(sev).is_none() {
                return Err(format!(
                    "rules.toml: tingkat `{sev}` untuk {code} tidak dikenal (use error, warning, info or off)"
                ));
            }
        }
        let n = dir.join("nomenclature.csv");
        if n.exists() {
            c.load_nomenclature(&n)?;
        }
        Ok(c)
    }

    /// Replaces the nomenclature with a CSV file of `kode,nama` rows.
    pub fn load_nomenclature(&mut self, path: &Path) -> Result<(), String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        self.nomenclature =
            parse_nomenclature(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(())
    }

    /// The severity a rule runs at, or None when switched off.
    /// The severity rules.toml sets for a rule, if it sets one (None also when it is `off`).
    pub fn severity_of(&self, rule: &Rule) -> Option<Severity> {
        let key = self
            .severity
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(rule.code) || k.eq_ignore_ascii_case(rule.name))
            .map(|(_, v)| v.as_str());
        match key {
            Some("off") => None,
            Some(s) => Severity::parse(s).or(Some(rule.severity)),
            None => Some(rule.severity),
        }
    }
}

trait IntoConfig {
    fn try_into_config(self) -> Result<CheckConfig, String>;
}

impl IntoConfig for toml::Table {
    fn try_into_config(self) -> Result<CheckConfig, String> {
        toml::Value::Table(self)
            .try_into()
            .map_err(|e: toml::de::Error| e.to_string())
    }
}

fn merge(mut base: toml::Table, over: toml::Table) -> toml::Table {
    for (k, v) in over {
        match (base.get_mut(&k), v) {
            (Some(toml::Value::Table(b)), toml::Value::Table(o)) => {
                let merged = merge(std::mem::take(b), o);
                *b = merged;
            }
            (_, v) => {
                base.insert(k, v);
            }
        }
    }
    base
}

/// Reads `kode,nama` rows (the csv crate: quoting, a UTF-8 byte-order mark as Excel's "CSV
/// UTF-8" writes it, `;` as Excel writes CSV on an Indonesian-locale machine); a header row
/// and `#` comment lines are skipped.
pub fn parse_nomenclature(text: &str) -> Result<BTreeMap<String, String>, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text
        .lines()
        .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .unwrap_or("");
    let delimiter = if !first.contains(',') && first.contains(';') {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .delimiter(delimiter)
        .comment(Some(b'#'))
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut out = BTreeMap::new();
    for rec in reader.records() {
        let rec = rec.map_err(|e| {
            let line = e.position().map(|p| p.line()).unwrap_or(0);
            format!("baris {line}: {e}")
        })?;
        let line = rec.position().map(|p| p.line()).unwrap_or(0);
        if rec.iter().all(|f| f.is_empty()) {
            continue;
        }
        let (Some(code), Some(name)) = (rec.get(0), rec.get(1)) else {
            return Err(format!("baris {line}: perlu `kode,nama`"));
        };
        if code.eq_ignore_ascii_case("kode") {
            continue;
        }
        let parsed = crate::ingest::code::Code::parse(code)
            .map_err(|e| format!("baris {line}: {}", e.text(false)))?;
        out.insert(parsed.to_string(), name.to_string());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_load() {
        let c = CheckConfig::default_config();
        assert_eq!(c.tolerance.percent, "0.005".parse().unwrap());
        assert!(c.nomenclature.contains_key("1.06.01.2.01.0001"));
    }

    #[test]
    fn override_dir_changes_only_what_it_names() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("rules.toml"),
            "[tolerance]\nforward_jump = \"0.2\"\n[severity]\nF005 = \"off\"\nB001 = \"warning\"\n",
        )
        .unwrap();
        let c = CheckConfig::load(Some(dir.path())).unwrap();
        assert_eq!(c.tolerance.forward_jump, "0.2".parse().unwrap());
        assert_eq!(c.tolerance.percent, "0.005".parse().unwrap());
        assert_eq!(c.severity_of(&crate::checks::f005_forward_jump::RULE), None);
        assert_eq!(
            c.severity_of(&crate::checks::b001_parent_sum::RULE),
            Some(Severity::Warning)
        );
    }

    #[test]
    fn an_override_applies_to_every_finding_of_the_rule() {
        use crate::checks::util::testkit::{TC33, plan, sheet};
        // F002 gives a warning (budget, no target) and an info (target, budget 0).
        let rows = [
            [
                "1.06.01.2.01.0001",
                "Sub A",
                "Jumlah",
                "Tenggarong",
                "",
                "",
                "100",
                "APBD",
                "",
                "",
                "",
                "",
            ],
            [
                "1.06.01.2.01.0002",
                "Sub B",
                "Jumlah",
                "Tenggarong",
                "3",
                "Dokumen",
                "0",
                "APBD",
                "",
                "",
                "",
                "",
            ],
        ];
        let (ing, plan) = plan(vec![sheet("T-C.33", &[], TC33, &rows)]);
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("rules.toml"),
            "[severity]\nF002 = \"info\"\nF014 = \"error\"\n",
        )
        .unwrap();
        let config = CheckConfig::load(Some(dir.path())).unwrap();
        let run = |config: &CheckConfig| {
            crate::checks::run_all(&crate::checks::Context {
                ingested: &ing,
                plan: &plan,
                config,
            })
        };
        let of = |f: &[crate::checks::Finding], code: &str| -> Vec<Severity> {
            f.iter()
                .filter(|x| x.rule == code)
                .map(|x| x.severity)
                .collect()
        };
        let defaults = run(&CheckConfig::default_config());
        assert!(
            of(&defaults, "F002")
                .iter()
                .all(|s| *s == Severity::Warning)
        );
        assert_eq!(of(&defaults, "F014"), [Severity::Info], "{defaults:?}");
        // Each code is set on its own: the missing budget and the zero budget of Sub B.
        let f = run(&config);
        let f002 = of(&f, "F002");
        assert!(!f002.is_empty(), "{f:?}");
        assert!(f002.iter().all(|s| *s == Severity::Info), "{f002:?}");
        assert_eq!(of(&f, "F014"), [Severity::Error], "{f:?}");
    }

    #[test]
    fn unknown_rule_in_override_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("rules.toml"),
            "[severity]\nZ999 = \"off\"\n",
        )
        .unwrap();
        assert!(
            CheckConfig::load(Some(dir.path()))
                .unwrap_err()
                .contains("Z999")
        );
    }

    #[test]
    fn nomenclature_csv() {
        let n = parse_nomenclature(
            "kode,nama\n1.06.01,PROGRAM PENUNJANG\n\"1.06.01.2.01.01\",\"Penyusunan, Dokumen\"\n",
        )
        .unwrap();
        assert_eq!(
            n.get("1.06.01.2.01.0001").map(String::as_str),
            Some("Penyusunan, Dokumen")
        );
        assert!(parse_nomenclature("1.2.3.4,x").is_err());
    }

    #[test]
    fn nomenclature_saved_by_excel_with_a_bom_or_semicolons() {
        let n = parse_nomenclature("\u{feff}kode,nama\r\n1.06.01,PROGRAM PENUNJANG\r\n").unwrap();
        assert_eq!(
            n.get("1.06.01").map(String::as_str),
            Some("PROGRAM PENUNJANG")
        );
        let n = parse_nomenclature("\u{feff}kode;nama\n1.06.01;\"PROGRAM A; B\"\n").unwrap();
        assert_eq!(n.get("1.06.01").map(String::as_str), Some("PROGRAM A; B"));
        let e = parse_nomenclature("kode,nama\n1.06.01,A\nbukan kode,B\n").unwrap_err();
        assert!(e.starts_with("baris 3"), "{e}");
    }
}
