//! The regency's draft plan (*Rancangan Awal RKPD*, kept by Bappeda) against one office's
//! Renja: does the office's T-C.31 copy the draft faithfully, and does its budget stay under
//! the ceiling the regency gave it?
//!
//! ## The RKPD workbook
//!
//! Two table kinds in `rules/tables.toml`, found by their headers like every other table:
//!
//! - `rkpd`: the plan rows of every office — kode · urusan/bidang/program/kegiatan/sub kegiatan
//!   · indikator · (rencana tahun n) lokasi · target · satuan · pagu indikatif · sumber dana ·
//!   **perangkat daerah (penanggung jawab)**. The office is named on each row, or only on the
//!   first row of its block (a program row or an office header row holding nothing but the
//!   name): a blank office cell means "same office as the row above". An optional `plafon`
//!   column may hold the office's ceiling on any of its rows.
//! - `rkpd-plafon`: the ceiling per office — no · perangkat daerah · pagu indikatif / plafon ·
//!   keterangan (a closing `JUMLAH` row is ignored).
//!
//! ## Matching the office
//!
//! The office is the name given by the caller (a mapping, as written in the RKPD), else the name
//! in the Renja's title rows (`Plan.office`). Names are compared normalised (case, punctuation)
//! with the region cut off (`DINAS SOSIAL KABUPATEN KUTAI KARTANEGARA` → `dinas sosial`): equal,
//! else one containing the other word for word, else a word similarity of at least 0.6; the
//! best candidate wins.
//!
//! ## Findings (cells in the office's workbook; related cells in the RKPD, sheet prefixed
//! with the RKPD's label, e.g. `rkpd.xlsx:Rancangan Awal RKPD`)
//!
//! | code | severity | what |
//! |---|---|---|
//! | `K001` | warning | a program, kegiatan or sub kegiatan of the office in the RKPD is missing from the office's T-C.31 (draft side) |
//! | `K002` | error | the row is there but its target, unit or pagu differs from T-C.31's draft side (`r_target`, `r_satuan`, `r_pagu`) |
//! | `K003` | error | the office total (T-C.31 draft side; T-C.33 year n) is above its ceiling in the RKPD |
//! | `K004` | warning | the office is not found in the RKPD |
//!
//! Rows pair by code first (T-C.31 rows carry the codes of their T-C.33 namesakes), the same
//! code twice pairing in order; then, where one side has no code, by level and name (equal,
//! else similar) under the same parent. Without a T-C.31
//! the office's T-C.33 year n columns stand in for it. These K-codes are not in the `RULES`
//! registry: they need a second workbook.

use crate::checks::util::{amount, label, rp, same_unit, target, target_text};
use crate::checks::{Finding, Related, Rule};
use crate::ingest::cell::Pos;
use crate::ingest::code::Level;
use crate::ingest::kind::TableKind;
use crate::ingest::locate::LocatedTable;
use crate::ingest::role::Role;
use crate::ingest::rules::normalize;
use crate::model::pairing::{CodedByName, PairOptions, ParentRule, node_rows, pair};
use crate::model::plan::{Node, Plan, TableModel, name_pos, name_similarity};
use crate::model::totals::{AmountOf, sum_of_level, written_totals};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// Table kind of the RKPD's plan rows.
pub const RKPD_KIND: TableKind = TableKind::Rkpd;
/// Table kind of the RKPD's ceiling per office.
pub const PLAFON_KIND: TableKind = TableKind::RkpdPlafon;

/// A row of the RKPD missing from the office's T-C.31.
pub static MISSING_ROW: &Rule = &crate::checks::k_rkpd::K001;
/// Target, unit or pagu differing from the RKPD.
pub static VALUE_DIFFERS: &Rule = &crate::checks::k_rkpd::K002;
/// Office total above its ceiling.
pub static ABOVE_CEILING: &Rule = &crate::checks::k_rkpd::K003;
/// Office not found in the RKPD.
pub static OFFICE_NOT_FOUND: &Rule = &crate::checks::k_rkpd::K004;

/// The comparable form of an office name: normalised, the region cut off.
/// `DINAS SOSIAL KABUPATEN KUTAI KARTANEGARA` → `dinas sosial`.
pub fn office_key(name: &str) -> String {
    let n = normalize(name);
    let words: Vec<&str> = n.split(' ').filter(|w| !w.is_empty()).collect();
    let cut = words
        .iter()
        .enumerate()
        .skip(1)
        .find(|(_, w)| matches!(**w, "kabupaten" | "kab" | "kota" | "provinsi" | "prov"))
        .map(|(i, _)| i)
        .unwrap_or(words.len());
    words[..cut].join(" ")
}

/// How well two office names match (higher is better), or None.
pub fn office_match(a: &str, b: &str) -> Option<f64> {
    let (ka, kb) = (office_key(a), office_key(b));
    if ka.is_empty() || kb.is_empty() {
        return None;
    }
    if ka == kb {
        return Some(3.0);
    }
    let sim = name_similarity(&ka, &kb);
    let (short, long) = if ka.len() <= kb.len() {
        (&ka, &kb)
    } else {
        (&kb, &ka)
    };
    if short.split(' ').count() >= 2 && format!(" {long} ").contains(&format!(" {short} ")) {
        return Some(2.0 + sim);
    }
    (sim >= 0.6).then_some(sim)
}

fn is_total_word(name: &str) -> bool {
    let n = normalize(name);
    ["jumlah", "total", "jumlah total", "total pagu"]
        .iter()
        .any(|w| n == *w || n.starts_with(&format!("{w} ")))
}

/// The office of each row of an RKPD table: its own cell, else the office of the row above.
fn row_offices(t: &LocatedTable) -> Vec<Option<String>> {
    let mut current: Option<String> = None;
    t.rows
        .iter()
        .map(|r| {
            if let Some(pd) = r
                .text(Role::PerangkatDaerah)
                .map(str::trim)
                .filter(|s| !s.is_empty())
            {
                current = Some(pd.to_string());
            }
            current.clone()
        })
        .collect()
}

/// Every office named in the RKPD (plan rows and ceiling table), as first written.
pub fn rkpd_offices(rkpd: &Plan) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    let mut push = |name: &str| {
        let k = office_key(name);
        if !k.is_empty() && !is_total_word(name) && !keys.contains(&k) {
            keys.push(k);
            out.push(name.trim().to_string());
        }
    };
    for (_, t) in rkpd.tables_of(RKPD_KIND) {
        for o in row_offices(&t.table).into_iter().flatten() {
            push(&o);
        }
    }
    for (_, t) in rkpd.tables_of(PLAFON_KIND) {
        for r in &t.table.rows {
            if let Some(pd) = r.text(Role::PerangkatDaerah) {
                push(pd);
            }
        }
    }
    out
}

/// The office's side of the comparison: T-C.31's draft columns, else T-C.33's year n.
struct OfficeSide<'a> {
    t: &'a TableModel,
    target: Role,
    unit: Role,
    pagu: Role,
    label_id: &'static str,
    label_en: &'static str,
}

fn office_side(plan: &Plan) -> Option<OfficeSide<'_>> {
    if let Some((_, t)) = plan.tables_of(TableKind::TC31).next() {
        return Some(OfficeSide {
            t,
            target: Role::RTarget,
            unit: Role::RSatuan,
            pagu: Role::RPagu,
            label_id: "T-C.31 (kolom Rancangan Awal RKPD)",
            label_en: "T-C.31 (draft RKPD columns)",
        });
    }
    plan.tables_of(TableKind::TC33)
        .next()
        .map(|(_, t)| OfficeSide {
            t,
            target: Role::TargetN,
            unit: Role::SatuanN,
            pagu: Role::PaguN,
            label_id: "T-C.33 (rencana tahun n)",
            label_en: "T-C.33 (year n plan)",
        })
}

const COMPARED: [Level; 3] = [Level::Program, Level::Kegiatan, Level::SubKegiatan];

/// The word similarity from which an RKPD row and an office row with different names are the
/// same row (when neither exact name nor code pairs them).
const NEAR_MATCH: f64 = 0.75;

/// How RKPD rows pair with the office's rows: by code in order, then by level and name (exact,
/// then similar) under the same paired parent (any parent when the RKPD row's parent is
/// unpaired); rows whose codes differ are different rows, whatever their names.
const RKPD_PAIRING: PairOptions = PairOptions {
    by_name: true,
    parent: ParentRule::PairedElseAny,
    coded: CodedByName::WhenCodesEqual,
    near_match: Some(NEAR_MATCH),
};

/// Pairs RKPD nodes (indexes into `rk.nodes`) with office nodes.
fn pair_rows(
    rk: &TableModel,
    rk_nodes: &[usize],
    of: &TableModel,
) -> HashMap<usize, Option<usize>> {
    let matched = pair(&node_rows(rk), &node_rows(of), rk_nodes, &RKPD_PAIRING);
    rk_nodes.iter().map(|&i| (i, matched[i])).collect()
}

struct Ctx<'a> {
    rkpd_label: &'a str,
    office_name: String,
}

impl Ctx<'_> {
    fn related(&self, sheet: &str, pos: Pos) -> Related {
        Related {
            sheet: format!("{}:{}", self.rkpd_label, sheet),
            cell: pos,
        }
    }
}

/// A finding of one of K001–K004 at its registry severity; `rules.toml` settles it later with
/// every other finding (`checks::settle`).
fn finding(rule: &'static Rule, sheet: &str, pos: Pos, id: String, en: String) -> Finding {
    Finding::new(rule, sheet, pos, id, en)
}

fn field_pos(t: &TableModel, n: &Node, role: Role) -> Pos {
    t.row(n)
        .field(role)
        .map(|f| f.pos)
        .unwrap_or_else(|| name_pos(t, n))
}

fn blank(v: Option<String>) -> String {
    v.unwrap_or_else(|| "(kosong)".into())
}

/// K002 findings for one pair of rows.
fn compare_pair(
    ctx: &Ctx,
    rk: &TableModel,
    rn: &Node,
    side: &OfficeSide,
    on: &Node,
    out: &mut Vec<Finding>,
) {
    let ot = side.t;
    let sheet = &ot.table.sheet;
    let rel = |role: Role| ctx.related(&rk.table.sheet, field_pos(rk, rn, role));
    let what = label(on, false);
    let what_en = label(on, true);
    let mut push =
        |pos: Pos, rel: Related, col_id: &str, col_en: &str, exp: String, got: String| {
            out.push(
                finding(
                    VALUE_DIFFERS,
                    sheet,
                    pos,
                    format!(
                        "{col_id} {what} berbeda dengan Rancangan Awal RKPD: RKPD {exp}, {} {got}.",
                        side.label_id
                    ),
                    format!(
                        "{col_en} of {what_en} differs from the draft RKPD: RKPD {exp}, {} {got}.",
                        side.label_en
                    ),
                )
                .related([rel])
                .expected_found(exp, got),
            );
        };
    // Target and unit.
    let tr = target(rk, rn, Role::TargetN, Role::SatuanN);
    let to = target(ot, on, side.target, side.unit);
    match (&tr, &to) {
        (Some((vr, ur, _)), Some((vo, uo, po))) => {
            if vr != vo {
                push(
                    *po,
                    rel(Role::TargetN),
                    "Target",
                    "Target",
                    target_text(vr, ur.as_deref()),
                    target_text(vo, uo.as_deref()),
                );
            }
            let unit_differs = match (ur, uo) {
                (Some(a), Some(b)) => !same_unit(a, b),
                (None, None) => false,
                _ => true,
            };
            if unit_differs {
                let pos = ot
                    .row(on)
                    .field(side.unit)
                    .filter(|f| !f.parsed.is_blank() || uo.is_none())
                    .map(|f| f.pos)
                    .unwrap_or(*po);
                let rel_role = if rk.table.has(Role::SatuanN) {
                    Role::SatuanN
                } else {
                    Role::TargetN
                };
                push(
                    pos,
                    rel(rel_role),
                    "Satuan",
                    "Unit",
                    blank(ur.clone()),
                    blank(uo.clone()),
                );
            }
        }
        (Some((vr, ur, _)), None) => push(
            field_pos(ot, on, side.target),
            rel(Role::TargetN),
            "Target",
            "Target",
            target_text(vr, ur.as_deref()),
            "(kosong)".into(),
        ),
        (None, Some((vo, uo, po))) => push(
            *po,
            rel(Role::TargetN),
            "Target",
            "Target",
            "(kosong)".into(),
            target_text(vo, uo.as_deref()),
        ),
        (None, None) => {}
    }
    // Pagu indikatif.
    let pr = amount(rk, rn, Role::PaguN);
    let po = amount(ot, on, side.pagu);
    if pr != po {
        let diff = match (pr, po) {
            (Some(a), Some(b)) => format!(" (selisih {})", rp(&(b - a))),
            _ => String::new(),
        };
        let exp = blank(pr.as_ref().map(rp));
        let got = format!("{}{diff}", blank(po.as_ref().map(rp)));
        let got_plain = blank(po.as_ref().map(rp));
        out.push(
            finding(
                VALUE_DIFFERS,
                sheet,
                field_pos(ot, on, side.pagu),
                format!(
                    "Pagu indikatif {what} berbeda dengan Rancangan Awal RKPD: RKPD Rp {exp}, {} Rp {got}.",
                    side.label_id
                ),
                format!(
                    "Indicative budget of {what_en} differs from the draft RKPD: RKPD Rp {exp}, {} Rp {}.",
                    side.label_en,
                    got.replace("selisih", "difference")
                ),
            )
            .related([rel(Role::PaguN)])
            .expected_found(exp, got_plain),
        );
    }
}

/// The office's total of one amount column: its written total (the last total row with an
/// amount), else the sum of its bidang rows, else the sum of its programs (placed on the
/// column's header). None when there is none, or when a sum overflows.
fn office_total(t: &TableModel, role: Role) -> Option<(Decimal, Pos)> {
    let what = AmountOf::Role(role);
    if let Some(&written) = written_totals(t, what).ok()?.last() {
        return Some(written);
    }
    for level in [Level::Bidang, Level::Program] {
        if let Some(s) = sum_of_level(t, 0..t.nodes.len(), what, level).ok()? {
            let pos = if level == Level::Bidang && s.cells.len() == 1 {
                s.cells[0]
            } else {
                t.table
                    .column(role)
                    .map(|c| Pos::new(t.table.header_end, c.col))
                    .unwrap_or(s.cells[0])
            };
            return Some((s.sum, pos));
        }
    }
    None
}

/// The office's ceiling in the RKPD: (amount, sheet, cell).
fn ceiling(rkpd: &Plan, key: &str) -> Option<(Decimal, String, Pos)> {
    for (_, t) in rkpd.tables_of(PLAFON_KIND) {
        for r in &t.table.rows {
            let Some(pd) = r.text(Role::PerangkatDaerah) else {
                continue;
            };
            if office_key(pd) != key {
                continue;
            }
            if let Some(f) = r.field(Role::Plafon)
                && let Some(v) = f.parsed.amount()
            {
                return Some((v, t.table.sheet.clone(), f.pos));
            }
        }
    }
    for (_, t) in rkpd.tables_of(RKPD_KIND) {
        if !t.table.has(Role::Plafon) {
            continue;
        }
        let offices = row_offices(&t.table);
        for (r, o) in t.table.rows.iter().zip(offices) {
            if o.is_some_and(|o| office_key(&o) == key)
                && let Some(f) = r.field(Role::Plafon)
                && let Some(v) = f.parsed.amount()
            {
                return Some((v, t.table.sheet.clone(), f.pos));
            }
        }
    }
    None
}

/// Checks one office's Renja against the Rancangan Awal RKPD. `office` is the office's name as
/// written in the RKPD when it differs from the Renja's title (a mapping); None uses the title.
/// Related cells name the RKPD's sheets as `RKPD:<sheet>`; see [`check_against_rkpd_in`].
pub fn check_against_rkpd(rkpd: &Plan, office_plan: &Plan, office: Option<&str>) -> Vec<Finding> {
    check_against_rkpd_in(rkpd, "RKPD", office_plan, office)
}

/// [`check_against_rkpd`] with the RKPD's label (its file name) prefixed to the sheets of
/// related cells: `rancangan-awal-rkpd-2026.xlsx:Rancangan Awal RKPD`.
pub fn check_against_rkpd_in(
    rkpd: &Plan,
    rkpd_label: &str,
    office_plan: &Plan,
    office: Option<&str>,
) -> Vec<Finding> {
    let mut out = Vec::new();
    let side = office_side(office_plan);
    // Where office-level findings go: the T-C.31 (or T-C.33, or first) table's sheet, A1.
    let home_sheet = side
        .as_ref()
        .map(|s| s.t.table.sheet.clone())
        .or_else(|| office_plan.tables.first().map(|t| t.table.sheet.clone()));
    let wanted = office
        .map(str::to_string)
        .or_else(|| office_plan.office.clone());
    let candidates = rkpd_offices(rkpd);
    let best = wanted.as_ref().and_then(|w| {
        candidates
            .iter()
            .filter_map(|c| office_match(w, c).map(|s| (s, c)))
            .max_by(|a, b| a.0.partial_cmp(&b.0).unwrap_or(std::cmp::Ordering::Equal))
            .map(|(_, c)| c.clone())
    });
    let pd_header: Vec<Related> = rkpd
        .tables
        .iter()
        .filter(|t| t.table.kind == RKPD_KIND || t.table.kind == PLAFON_KIND)
        .filter_map(|t| {
            t.table.column(Role::PerangkatDaerah).map(|c| Related {
                sheet: format!("{rkpd_label}:{}", t.table.sheet),
                cell: Pos::new(t.table.header_start, c.col),
            })
        })
        .collect();
    let Some(found) = best else {
        if let Some(sheet) = &home_sheet {
            let list: Vec<&str> = candidates.iter().take(12).map(String::as_str).collect();
            let more = if candidates.len() > 12 { ", …" } else { "" };
            let (id, en, exp) = match &wanted {
                Some(w) if candidates.is_empty() => (
                    format!(
                        "Perangkat daerah `{w}` tidak dapat dicari: berkas RKPD tidak memuat tabel Rancangan Awal RKPD dengan kolom Perangkat Daerah yang dikenali."
                    ),
                    format!(
                        "Office `{w}` cannot be looked up: the RKPD file holds no recognisable draft RKPD table with a Perangkat Daerah column."
                    ),
                    w.clone(),
                ),
                Some(w) => (
                    format!(
                        "Perangkat daerah `{w}` tidak ditemukan dalam Rancangan Awal RKPD; perangkat daerah di sana: {}{more}. Berikan nama pemetaan bila RKPD menuliskannya lain.",
                        list.join("; ")
                    ),
                    format!(
                        "Office `{w}` is not in the draft RKPD; its offices are: {}{more}. Give a mapping name if the RKPD writes it differently.",
                        list.join("; ")
                    ),
                    w.clone(),
                ),
                None => (
                    "Nama perangkat daerah tidak terbaca dari judul tabel Renja, sehingga tidak dapat dicari dalam Rancangan Awal RKPD; berikan namanya.".to_string(),
                    "The office's name could not be read from the Renja's title rows, so it cannot be looked up in the draft RKPD; give its name.".to_string(),
                    "(nama perangkat daerah)".to_string(),
                ),
            };
            out.push(
                finding(OFFICE_NOT_FOUND, sheet, Pos::new(0, 0), id, en)
                    .related(pd_header)
                    .expected_found_en(
                        if wanted.is_some() {
                            exp.clone()
                        } else {
                            "(office name)".to_string()
                        },
                        "(not in the RKPD)",
                    )
                    .expected_found(exp, "(tidak ada di RKPD)"),
            );
        }
        return out;
    };
    let key = office_key(&found);
    let ctx = Ctx {
        rkpd_label,
        office_name: found.clone(),
    };
    // The office's rows in the RKPD.
    let Some(side) = side else {
        if let Some(sheet) = &home_sheet {
            out.push(finding(
                MISSING_ROW,
                sheet,
                Pos::new(0, 0),
                format!(
                    "Buku kerja ini tidak memuat T-C.31 maupun T-C.33, sehingga baris {} dalam Rancangan Awal RKPD tidak dapat dicocokkan.",
                    ctx.office_name
                ),
                format!(
                    "This workbook has neither T-C.31 nor T-C.33, so the rows of {} in the draft RKPD cannot be matched.",
                    ctx.office_name
                ),
            ));
        }
        return out;
    };
    for (_, rk) in rkpd.tables_of(RKPD_KIND) {
        let offices = row_offices(&rk.table);
        let rk_nodes: Vec<usize> = rk
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| COMPARED.contains(&n.level))
            .filter(|(_, n)| {
                offices[n.row_idx]
                    .as_ref()
                    .is_some_and(|o| office_key(o) == key)
            })
            .map(|(i, _)| i)
            .collect();
        let pairs = pair_rows(rk, &rk_nodes, side.t);
        for &i in &rk_nodes {
            let rn = &rk.nodes[i];
            match pairs[&i] {
                Some(j) => compare_pair(&ctx, rk, rn, &side, &side.t.nodes[j], &mut out),
                None => {
                    // Marked on the nearest paired parent, else the table's name column header.
                    let mut anchor = None;
                    let mut cur = rn.parent;
                    while let Some(p) = cur {
                        if let Some(Some(j)) = pairs.get(&p) {
                            anchor = Some(name_pos(side.t, &side.t.nodes[*j]));
                            break;
                        }
                        cur = rk.nodes[p].parent;
                    }
                    let st = &side.t.table;
                    let pos = anchor.unwrap_or_else(|| {
                        Pos::new(
                            st.header_start,
                            st.column(Role::Uraian)
                                .map(|c| c.col)
                                .unwrap_or(st.first_col),
                        )
                    });
                    out.push(
                        finding(
                            MISSING_ROW,
                            &st.sheet,
                            pos,
                            format!(
                                "{} ada dalam Rancangan Awal RKPD untuk {} tetapi tidak ada di {}.",
                                label(rn, false),
                                ctx.office_name,
                                side.label_id
                            ),
                            format!(
                                "{} is in the draft RKPD for {} but not in {}.",
                                label(rn, true),
                                ctx.office_name,
                                side.label_en
                            ),
                        )
                        .related([ctx.related(&rk.table.sheet, name_pos(rk, rn))])
                        .expected_found(label(rn, false), "(tidak ada)")
                        .expected_found_en(label(rn, true), "(none)"),
                    );
                }
            }
        }
    }
    // Ceiling.
    if let Some((cap, cap_sheet, cap_pos)) = ceiling(rkpd, &key) {
        let mut totals: Vec<(&TableModel, Role, &str, &str)> =
            vec![(side.t, side.pagu, side.label_id, side.label_en)];
        if side.t.table.kind != TableKind::TC33
            && let Some((_, t33)) = office_plan.tables_of(TableKind::TC33).next()
        {
            totals.push((
                t33,
                Role::PaguN,
                "T-C.33 (rencana tahun n)",
                "T-C.33 (year n plan)",
            ));
        }
        for (t, role, lid, len) in totals {
            let Some((total, pos)) = office_total(t, role) else {
                continue;
            };
            if total > cap {
                let over = total - cap;
                out.push(
                    finding(
                        ABOVE_CEILING,
                        &t.table.sheet,
                        pos,
                        format!(
                            "Jumlah pagu {lid} Rp {} melebihi pagu indikatif (plafon) {} dalam Rancangan Awal RKPD Rp {}, lebih Rp {}.",
                            rp(&total),
                            ctx.office_name,
                            rp(&cap),
                            rp(&over)
                        ),
                        format!(
                            "The total budget of {len}, Rp {}, is above the ceiling of {} in the draft RKPD, Rp {}, by Rp {}.",
                            rp(&total),
                            ctx.office_name,
                            rp(&cap),
                            rp(&over)
                        ),
                    )
                    .related([ctx.related(&cap_sheet, cap_pos)])
                    .expected_found(format!("≤ {}", rp(&cap)), rp(&total)),
                );
            }
        }
    }
    out.sort_by(|a, b| {
        (&a.sheet, a.pos().row, a.pos().col, a.rule).cmp(&(
            &b.sheet,
            b.pos().row,
            b.pos().col,
            b.rule,
        ))
    });
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::Severity;
    use crate::checks::util::testkit::{TC31, TC33, plan, sheet};

    const RKPD: &[&str] = &[
        "Kode",
        "Program/Kegiatan/Sub Kegiatan",
        "Indikator Kinerja",
        "Rencana Tahun 2026 Lokasi",
        "Rencana Tahun 2026 Target",
        "Rencana Tahun 2026 Satuan",
        "Rencana Tahun 2026 Pagu Indikatif",
        "Perangkat Daerah Penanggung Jawab",
    ];
    const PLAFON: &[&str] = &["No", "Perangkat Daerah", "Pagu Indikatif / Plafon (Rp)"];

    fn rkpd(rows: &[[&'static str; 8]], cap: &'static str) -> Plan {
        plan(vec![
            sheet(
                "RKPD",
                &["RANCANGAN AWAL RKPD KABUPATEN CONTOH TAHUN 2026"],
                RKPD,
                rows,
            ),
            sheet(
                "Plafon",
                &["PAGU INDIKATIF PER PERANGKAT DAERAH"],
                PLAFON,
                &[
                    ["1", "Dinas Sosial", cap],
                    ["2", "CONTOH FIKTIF — Dinas Pendidikan", "500"],
                    ["", "JUMLAH", "800"],
                ],
            ),
        ])
        .1
    }

    const RK_ROWS: [[&str; 8]; 4] = [
        [
            "1.06.01",
            "PROGRAM PENUNJANG",
            "",
            "",
            "75",
            "Nilai",
            "300",
            "Dinas Sosial",
        ],
        [
            "1.06.01.2.01",
            "Perencanaan",
            "",
            "",
            "1",
            "Dokumen",
            "300",
            "",
        ],
        [
            "1.06.01.2.01.0001",
            "Penyusunan Dokumen",
            "Jumlah Dokumen",
            "Tenggarong",
            "3",
            "Dokumen",
            "300",
            "",
        ],
        [
            "1.01.01",
            "PROGRAM PENUNJANG",
            "",
            "",
            "75",
            "Nilai",
            "500",
            "CONTOH FIKTIF — Dinas Pendidikan",
        ],
    ];

    fn office(sub_pagu: &'static str, total: &'static str) -> Plan {
        let r = |n: &'static str, l: &'static str, t: &'static str, u: &'static str, p| {
            [n, l, "", t, u, p, l, "", t, u, p, ""]
        };
        plan(vec![
            sheet(
                "T-C.31",
                &["TABEL T-C.31", "DINAS SOSIAL KABUPATEN CONTOH"],
                TC31,
                &[
                    r("PROGRAM PENUNJANG", "", "75", "Nilai", sub_pagu),
                    r("Perencanaan", "", "1", "Dokumen", sub_pagu),
                    r("Penyusunan Dokumen", "Tenggarong", "3", "Dokumen", sub_pagu),
                    r("JUMLAH", "", "", "", total),
                ],
            ),
            sheet(
                "T-C.33",
                &["Tabel T-C.33"],
                TC33,
                &[
                    [
                        "1.06.01",
                        "PROGRAM PENUNJANG",
                        "",
                        "",
                        "",
                        "",
                        total,
                        "",
                        "",
                        "",
                        "",
                        "",
                    ],
                    [
                        "1.06.01.2.01",
                        "Perencanaan",
                        "",
                        "",
                        "",
                        "",
                        sub_pagu,
                        "",
                        "",
                        "",
                        "",
                        "",
                    ],
                    [
                        "1.06.01.2.01.0001",
                        "Penyusunan Dokumen",
                        "",
                        "Tenggarong",
                        "3",
                        "Dokumen",
                        sub_pagu,
                        "",
                        "",
                        "",
                        "",
                        "",
                    ],
                ],
            ),
        ])
        .1
    }

    #[test]
    fn office_names_match_loosely() {
        assert_eq!(
            office_key("DINAS SOSIAL KABUPATEN KUTAI KARTANEGARA"),
            "dinas sosial"
        );
        assert!(office_match("DINAS SOSIAL KABUPATEN KUTAI KARTANEGARA", "Dinas Sosial").is_some());
        assert!(office_match("Dinas Pendidikan", "CONTOH FIKTIF — Dinas Pendidikan").is_some());
        assert!(office_match("Dinas Sosial", "Dinas Pendidikan").is_none());
        assert!(
            office_match("Dinas Sosial", "Dinas Sosial").unwrap()
                > office_match("Dinas Sosial", "Dinas Sosial dan Pemberdayaan").unwrap()
        );
    }

    #[test]
    fn the_tables_are_found_by_their_headers() {
        let p = rkpd(&RK_ROWS, "300");
        let kinds: Vec<TableKind> = p.tables.iter().map(|t| t.table.kind).collect();
        assert_eq!(kinds, [RKPD_KIND, PLAFON_KIND]);
        assert_eq!(
            rkpd_offices(&p),
            ["Dinas Sosial", "CONTOH FIKTIF — Dinas Pendidikan"]
        );
    }

    #[test]
    fn a_consistent_pair_gives_nothing() {
        let f = check_against_rkpd(&rkpd(&RK_ROWS, "300"), &office("300", "300"), None);
        assert!(f.is_empty(), "{f:#?}");
    }

    #[test]
    fn differences_missing_rows_and_ceiling() {
        let mut rows = RK_ROWS.to_vec();
        rows.insert(
            3,
            [
                "1.06.01.2.01.0002",
                "Evaluasi Kinerja",
                "",
                "Tenggarong",
                "1",
                "Laporan",
                "0",
                "",
            ],
        );
        let f = check_against_rkpd_in(
            &rkpd(&rows, "300"),
            "rkpd.xlsx",
            &office("350", "350"),
            None,
        );
        let got: Vec<(&str, &str, &str)> = f
            .iter()
            .map(|f| {
                (
                    f.rule,
                    f.sheet.as_str(),
                    crate::checks::util::testkit::a1(f.cell),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                // Pagu 300 in the RKPD, 350 on the draft side: program, kegiatan, sub kegiatan;
                // the missing sub kegiatan marked on its kegiatan.
                ("K002", "T-C.31", "F4"),
                ("K001", "T-C.31", "A5"),
                ("K002", "T-C.31", "F5"),
                ("K002", "T-C.31", "F6"),
                // Totals 350 above the ceiling 300: T-C.31's total row, T-C.33's program sum
                // (on its pagu header).
                ("K003", "T-C.31", "F7"),
                ("K003", "T-C.33", "G2"),
            ]
        );
        assert_eq!(f[0].related[0].sheet, "rkpd.xlsx:RKPD");
        assert_eq!(f[0].related[0].cell, "G3");
        assert_eq!(f[0].expected.as_deref(), Some("300"));
        assert_eq!(f[0].found.as_deref(), Some("350"));
        assert_eq!(f[1].related[0].cell, "B6");
        // The missing row's expected/found follow the report's language.
        assert_eq!(f[1].found_text(false), Some("(tidak ada)"));
        assert_eq!(f[1].found_text(true), Some("(none)"));
        assert!(
            f[1].expected_text(false)
                .unwrap()
                .starts_with("sub kegiatan")
        );
        assert_ne!(f[1].expected_text(true), f[1].expected_text(false));
        assert_eq!(f[4].related[0].sheet, "rkpd.xlsx:Plafon");
        assert!(f.iter().all(|f| match f.rule {
            "K002" | "K003" => f.severity == Severity::Error,
            _ => f.severity == Severity::Warning,
        }));
    }

    #[test]
    fn an_office_missing_from_the_rkpd() {
        let f = check_against_rkpd(
            &rkpd(&RK_ROWS, "300"),
            &office("300", "300"),
            Some("Dinas Perhubungan"),
        );
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].rule, f[0].severity), ("K004", Severity::Warning));
        assert!(f[0].message_en.contains("Dinas Perhubungan"));
        // An RKPD file without an RKPD table: the same finding, saying why.
        let not_rkpd = office("300", "300");
        let f = check_against_rkpd(&not_rkpd, &office("300", "300"), None);
        assert_eq!(f.len(), 1);
        assert!(f[0].message_en.contains("no recognisable draft RKPD table"));
    }
}
