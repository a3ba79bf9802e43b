//! Stage 3: rules that compare the tables of a plan and return findings pinned to cells.
//!
//! One file per rule. Each rule file holds a [`Rule`] (stable code, family letter, default
//! severity, summary and explanation in Indonesian and English, written in the fixed sections
//! *What it does / Why is this bad / Example / Use instead*) and one `run` function. The
//! registry [`RULES`] lists them in code order; `selaras rules` and `selaras explain CODE` read
//! it. Tolerances, severities and word lists come from `rules/rules.toml` ([`config`]).

pub mod config;
pub mod e81;
pub mod frame;
pub mod realisation;
pub mod util;

pub mod a001_unparsed_value;
pub mod a002_error_cell;
pub mod a003_unplaced_sheet;
pub mod a004_misread_columns;
pub mod a005_number_label_mismatch;
pub mod b001_parent_sum;
pub mod b002_total_row;
pub mod c001_realisation_rate;
pub mod c002_cumulative_realisation;
pub mod c003_renstra_achievement;
pub mod c004_achievement_category;
pub mod c005_e81_rupiah_derived;
pub mod c006_e81_kinerja_derived;
pub mod c007_e81_renja_rate;
pub mod c008_e81_mean_predikat;
pub mod d001_draft_vs_analysis;
pub mod d002_draft_analysis_explained;
pub mod e001_budget_across_tables;
pub mod e002_target_across_tables;
pub mod e003_indicator_across_tables;
pub mod e004_missing_across_tables;
pub mod e005_program_indicator_values;
pub mod e006_grand_total_across_tables;
pub mod e007_accepted_proposal_missing;
pub mod e008_e81_against_renja;
pub mod f001_realisation_above_target;
pub mod f002_budget_target_pairing;
pub mod f003_unit_change;
pub mod f004_percent_above_100;
pub mod f005_forward_jump;
pub mod f006_missing_location_or_fund;
pub mod f007_duplicate_code;
pub mod f008_parent_target_below_child;
pub mod f009_target_collapse;
pub mod f010_e81_rupiah_above_target;
pub mod f011_e81_quarter_backwards;
pub mod f012_e81_quarter_gap;
pub mod f013_e81_capaian_above_100;
pub mod f014_target_with_zero_budget;
pub mod g001_stated_counts;
pub mod g002_stated_total;
pub mod h001_unknown_code;
pub mod h002_name_differs;
pub mod k_rkpd;
pub mod r_reconcile;

use crate::ingest::Ingested;
use crate::ingest::cell::Pos;
use crate::model::plan::Plan;
use config::CheckConfig;
use serde::Serialize;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn key(&self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    pub fn label(&self, en: bool) -> &'static str {
        match (self, en) {
            (Severity::Error, false) => "galat",
            (Severity::Warning, false) => "peringatan",
            (Severity::Info, false) => "info",
            (Severity::Error, true) => "error",
            (Severity::Warning, true) => "warning",
            (Severity::Info, true) => "info",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s.to_ascii_lowercase().as_str() {
            "error" | "galat" => Some(Severity::Error),
            "warning" | "peringatan" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }
}

/// A rule's fixed description. `explain_*` use the sections *What it does*, *Why is this bad*,
/// *Example*, *Use instead* (Indonesian: *Apa yang diperiksa*, *Mengapa ini masalah*,
/// *Contoh*, *Sebaiknya*).
#[derive(Debug)]
pub struct Rule {
    pub code: &'static str,
    /// Stable kebab-case name, Frictionless style (`parent-sum-mismatch`).
    pub name: &'static str,
    pub family: char,
    pub severity: Severity,
    pub summary_id: &'static str,
    pub summary_en: &'static str,
    pub explain_id: &'static str,
    pub explain_en: &'static str,
    pub run: fn(&Context) -> Vec<Finding>,
}

impl Rule {
    pub fn summary(&self, en: bool) -> &'static str {
        if en { self.summary_en } else { self.summary_id }
    }

    pub fn explain(&self, en: bool) -> &'static str {
        if en { self.explain_en } else { self.explain_id }
    }
}

/// A cell on the other side of a comparison.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Related {
    pub sheet: String,
    /// Written as A1 (`G12`) only when reported.
    #[serde(serialize_with = "crate::ingest::cell::serialize_a1")]
    pub cell: Pos,
}

impl Related {
    pub fn new(sheet: &str, pos: Pos) -> Related {
        Related {
            sheet: sheet.to_string(),
            cell: pos,
        }
    }
}

/// An expected/found value in the chosen language: the English variant when one is set, the
/// blank and absent markers translated, numbers and the workbook's own text as they are.
fn value_in<'a>(id: &'a Option<String>, en_text: &'a Option<String>, en: bool) -> Option<&'a str> {
    if !en {
        return id.as_deref();
    }
    if let Some(t) = en_text {
        return Some(t);
    }
    match id.as_deref() {
        Some("(kosong)") => Some("(blank)"),
        Some("(tidak ada)") => Some("(none)"),
        other => other,
    }
}

/// One finding: a rule that fired on a cell.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub sheet: String,
    /// The cell, kept as a position; written as A1 (`G12`) only when reported.
    #[serde(serialize_with = "crate::ingest::cell::serialize_a1")]
    pub cell: Pos,
    pub related: Vec<Related>,
    /// What the cell should hold and what it holds, in Indonesian (numbers as written).
    pub expected: Option<String>,
    pub found: Option<String>,
    /// The same in English where words differ; numbers alone need no translation.
    #[serde(skip)]
    pub expected_en: Option<String>,
    #[serde(skip)]
    pub found_en: Option<String>,
    pub message_id: String,
    pub message_en: String,
}

impl Finding {
    /// A finding at `sheet!pos` with the rule's default severity (config may change it later).
    pub fn new(
        rule: &Rule,
        sheet: &str,
        pos: Pos,
        message_id: String,
        message_en: String,
    ) -> Finding {
        Finding {
            rule: rule.code,
            severity: rule.severity,
            sheet: sheet.to_string(),
            cell: pos,
            related: Vec::new(),
            expected: None,
            found: None,
            expected_en: None,
            found_en: None,
            message_id,
            message_en,
        }
    }

    pub fn related(mut self, r: impl IntoIterator<Item = Related>) -> Finding {
        self.related.extend(r);
        self
    }

    pub fn expected_found(
        mut self,
        expected: impl Into<String>,
        found: impl Into<String>,
    ) -> Finding {
        self.expected = Some(expected.into());
        self.found = Some(found.into());
        self
    }

    /// The English wording of `expected` / `found`, where it differs from the Indonesian.
    pub fn expected_found_en(
        mut self,
        expected: impl Into<String>,
        found: impl Into<String>,
    ) -> Finding {
        self.expected_en = Some(expected.into());
        self.found_en = Some(found.into());
        self
    }

    /// `expected` in the report's language.
    pub fn expected_text(&self, en: bool) -> Option<&str> {
        value_in(&self.expected, &self.expected_en, en)
    }

    /// `found` in the report's language.
    pub fn found_text(&self, en: bool) -> Option<&str> {
        value_in(&self.found, &self.found_en, en)
    }

    pub fn severity(mut self, s: Severity) -> Finding {
        self.severity = s;
        self
    }

    pub fn message(&self, en: bool) -> &str {
        if en {
            &self.message_en
        } else {
            &self.message_id
        }
    }

    /// Position of the cell, for sorting and annotation.
    pub fn pos(&self) -> Pos {
        self.cell
    }
}

/// What every rule gets to look at.
pub struct Context<'a> {
    pub ingested: &'a Ingested,
    pub plan: &'a Plan,
    pub config: &'a CheckConfig,
}

/// Every rule, in code order.
pub static RULES: &[&Rule] = &[
    &a001_unparsed_value::RULE,
    &a002_error_cell::RULE,
    &a003_unplaced_sheet::RULE,
    &a004_misread_columns::RULE,
    &a005_number_label_mismatch::RULE,
    &b001_parent_sum::RULE,
    &b002_total_row::RULE,
    &c001_realisation_rate::RULE,
    &c002_cumulative_realisation::RULE,
    &c003_renstra_achievement::RULE,
    &c004_achievement_category::RULE,
    &c005_e81_rupiah_derived::RULE,
    &c006_e81_kinerja_derived::RULE,
    &c007_e81_renja_rate::RULE,
    &c008_e81_mean_predikat::RULE,
    &d001_draft_vs_analysis::RULE,
    &d002_draft_analysis_explained::RULE,
    &e001_budget_across_tables::RULE,
    &e002_target_across_tables::RULE,
    &e003_indicator_across_tables::RULE,
    &e004_missing_across_tables::RULE,
    &e005_program_indicator_values::RULE,
    &e006_grand_total_across_tables::RULE,
    &e007_accepted_proposal_missing::RULE,
    &e008_e81_against_renja::RULE,
    &f001_realisation_above_target::RULE,
    &f002_budget_target_pairing::RULE,
    &f003_unit_change::RULE,
    &f004_percent_above_100::RULE,
    &f005_forward_jump::RULE,
    &f006_missing_location_or_fund::RULE,
    &f007_duplicate_code::RULE,
    &f008_parent_target_below_child::RULE,
    &f009_target_collapse::RULE,
    &f010_e81_rupiah_above_target::RULE,
    &f011_e81_quarter_backwards::RULE,
    &f012_e81_quarter_gap::RULE,
    &f013_e81_capaian_above_100::RULE,
    &f014_target_with_zero_budget::RULE,
    &g001_stated_counts::RULE,
    &g002_stated_total::RULE,
    &h001_unknown_code::RULE,
    &h002_name_differs::RULE,
    &k_rkpd::K001,
    &k_rkpd::K002,
    &k_rkpd::K003,
    &k_rkpd::K004,
    &r_reconcile::R001,
    &r_reconcile::R002,
    &r_reconcile::R003,
];

/// The rule with this code (case-insensitive) or name.
pub fn rule(code: &str) -> Option<&'static Rule> {
    RULES
        .iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(code) || r.name.eq_ignore_ascii_case(code))
}

/// Gives every finding its rule's severity from the registry and `rules.toml`, and drops the
/// findings of rules switched off. One place for one-workbook rules and for the two-workbook
/// ones (K: `--rkpd`, R: `reconcile`), whose findings are built outside [`run_all`]. A finding
/// whose code is not in the registry keeps what it has (none is built today; the registry test
/// sees to that).
pub fn settle(findings: &mut Vec<Finding>, config: &CheckConfig) {
    findings.retain_mut(|f| match rule(f.rule) {
        Some(r) => match config.severity_of(r) {
            Some(s) => {
                f.severity = s;
                true
            }
            None => false,
        },
        None => true,
    });
}

/// Runs every enabled rule and returns the findings in a stable order: sheet order of the
/// workbook, then row, column, rule code.
pub fn run_all(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for r in RULES {
        if ctx.config.severity_of(r).is_some() {
            out.extend((r.run)(ctx));
        }
    }
    settle(&mut out, ctx.config);
    let sheet_order = |s: &str| {
        ctx.ingested
            .workbook
            .sheets
            .iter()
            .position(|x| x.name == s)
            .unwrap_or(usize::MAX)
    };
    out.sort_by(|a, b| {
        (
            sheet_order(&a.sheet),
            a.pos().row,
            a.pos().col,
            a.rule,
            &a.message_id,
        )
            .cmp(&(
                sheet_order(&b.sheet),
                b.pos().row,
                b.pos().col,
                b.rule,
                &b.message_id,
            ))
    });
    out.dedup();
    // A rule failing on most rows of one column points at the reading: one A004 over them.
    if let Some(sev) = ctx.config.severity_of(&a004_misread_columns::RULE) {
        let before = out.len();
        a004_misread_columns::gate(ctx, &mut out, sev);
        if out.len() > before {
            out.sort_by(|a, b| {
                (sheet_order(&a.sheet), a.pos().row, a.pos().col, a.rule).cmp(&(
                    sheet_order(&b.sheet),
                    b.pos().row,
                    b.pos().col,
                    b.rule,
                ))
            });
        }
    }
    out
}
