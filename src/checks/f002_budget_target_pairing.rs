//! F002 `budget-target-pairing`: A budget without a target, or a target without a budget.
//! The same walk finds a target planned with a budget of 0, which is F014's
//! (`f014_target_with_zero_budget`): [`pairing`] gives both, each rule keeps its own.

use super::util::{label, node_rows, rp, target_text, year_label};
use super::{Context, Finding, Related, Rule, Severity};
use crate::ingest::cell::Pos;
use crate::ingest::code::Level;
use crate::ingest::locate::{Parsed, TableRow};
use crate::ingest::role::Role;
use crate::model::plan::TableModel;
use rust_decimal::Decimal;

pub static RULE: Rule = Rule {
    code: "F002",
    name: "budget-target-pairing",
    family: 'F',
    severity: Severity::Warning,
    summary_id: "Ada pagu tanpa target atau target tanpa pagu",
    summary_en: "A budget without a target, or a target without a budget",
    explain_id: "\
Apa yang diperiksa
  Untuk setiap program, kegiatan dan sub kegiatan, pada setiap pasangan target–pagu yang ada di
  tabel: T-C.33 tahun rencana (target/pagu tahun n) dan prakiraan maju (tahun n+1); T-C.31 sisi
  Rancangan Awal RKPD dan sisi Hasil Analisis Kebutuhan. Dilaporkan:
  - pagu terisi tetapi target kosong (peringatan);
  - target terisi tetapi pagu kosong (peringatan);
  - pagu terisi (bukan nol) tetapi targetnya 0 (peringatan).
  Target terisi dengan pagu 0 bukan pagu yang hilang: itu F014 (info).
  Kosong tidak sama dengan nol: target dan pagu yang sama-sama kosong berarti tidak
  direncanakan pada tahun/sisi itu, tidak ada yang dilaporkan; pagu 0 tanpa target dan target 0
  tanpa pagu juga tidak dilaporkan. Program dengan beberapa indikator (baris lanjutan dengan
  nama kosong) dinilai sebagai satu baris: cukup satu indikatornya bertarget. Sel yang tidak
  terbaca dilewati (itu urusan A001). Urusan, bidang dan baris jumlah tidak diperiksa.

Mengapa ini masalah
  Pagu tanpa target berarti uang tanpa keluaran yang bisa diukur; target tanpa pagu berarti
  janji kinerja tanpa dana. Keduanya biasanya tanda kolom yang tergeser atau lupa diisi, dan
  akan dipertanyakan saat verifikasi Renja.

Contoh
  T-C.33, program 1.06.02: pagu 2026 7.058.800.000, target 2026 kosong.

Sebaiknya
  Isi target (dan satuannya) untuk setiap pagu, dan pagu untuk setiap target; jika memang
  tidak direncanakan, kosongkan keduanya.",
    explain_en: "\
What it does
  For every program, kegiatan and sub kegiatan, in every target–budget pair the table has:
  T-C.33 plan year (target/budget of year n) and forward year (year n+1); T-C.31 draft side
  (Rancangan Awal RKPD) and needs-analysis side (Hasil Analisis Kebutuhan). It reports:
  - a budget with a blank target (warning);
  - a target with a blank budget (warning);
  - a non-zero budget whose target is 0 (warning).
  A target with a budget of 0 is not a missing budget: F014 (info) says it.
  Blank is not zero: target and budget both blank means not planned in that year / on that
  side, and nothing is said; a budget of 0 without a target and a target of 0 without a budget
  are not reported either. A program with several indicators (continuation rows with a blank
  name) is judged as one row: one indicator with a target is enough. Unreadable cells are
  skipped (A001 reports them). Urusan, bidang and total rows are not checked.

Why is this bad
  A budget without a target is money with no measurable output; a target without a budget is
  a performance promise with no funds. Both usually mean a shifted column or a cell left
  unfilled, and are questioned at Renja verification.

Example
  T-C.33, program 1.06.02: 2026 budget 7.058.800.000, 2026 target blank.

Use instead
  Give every budget a target (with its unit) and every target a budget; when it is really not
  planned, leave both blank.",
    run,
};

/// A target–budget pair of columns: (target role, unit role, budget role).
const PAIRS: &[(Role, Role, Role)] = &[
    (Role::TargetN, Role::SatuanN, Role::PaguN),
    (Role::TargetN1, Role::SatuanN1, Role::PaguN1),
    (Role::RTarget, Role::RSatuan, Role::RPagu),
    (Role::ATarget, Role::ASatuan, Role::APagu),
];

/// How a pair's side is named in messages: `tahun 2026`, `Rancangan Awal RKPD`, …
fn side_label(t: &TableModel, pagu_role: Role, en: bool) -> String {
    let (n, n1) = ([Role::PaguN, Role::TargetN], [Role::PaguN1, Role::TargetN1]);
    match pagu_role {
        Role::PaguN => year_label(t, &n, &n1, false, en),
        Role::PaguN1 => year_label(t, &n, &n1, true, en),
        Role::RPagu if en => "draft (Rancangan Awal RKPD)".into(),
        Role::RPagu => "Rancangan Awal RKPD".into(),
        Role::APagu if en => "needs analysis (Hasil Analisis Kebutuhan)".into(),
        Role::APagu => "Hasil Analisis Kebutuhan".into(),
        other => other.to_string(),
    }
}

/// A target cell as read: blank, unreadable, or a value with its unit.
enum TargetCell<'a> {
    Blank,
    Unreadable,
    Value(Decimal, Option<&'a str>, Pos),
}

fn read_target(row: &TableRow, target_role: Role, unit_role: Role) -> TargetCell<'_> {
    let Some(f) = row.field(target_role) else {
        return TargetCell::Blank;
    };
    let (value, unit_in_cell) = match &f.parsed {
        Parsed::Blank => return TargetCell::Blank,
        Parsed::Target { value, unit } => (*value, unit.as_deref().map(String::as_str)),
        Parsed::Number { value, .. } => (*value, None),
        _ => return TargetCell::Unreadable,
    };
    let unit = row
        .field(unit_role)
        .and_then(|u| u.parsed.text())
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .or(unit_in_cell);
    TargetCell::Value(value, unit, f.pos)
}

/// True when node `i` has children with an amount in `role` and all of them are zero.
fn zero_from_children(t: &TableModel, i: usize, role: Role) -> bool {
    let amounts: Vec<Decimal> = t
        .children(i)
        .filter_map(|(_, c)| t.row(c).field(role).and_then(|f| f.parsed.amount()))
        .collect();
    !amounts.is_empty() && amounts.iter().all(|a| a.is_zero())
}

fn header(t: &TableModel, role: Role) -> String {
    t.table
        .column(role)
        .map(|c| c.header.clone())
        .unwrap_or_else(|| role.to_string())
}

fn run(ctx: &Context) -> Vec<Finding> {
    let mut f = pairing(ctx);
    f.retain(|x| x.rule == RULE.code);
    f
}

/// Every target–budget pair that does not pair up: F002's findings (a half missing) and F014's
/// (a target planned with a budget of 0), each under its own rule.
pub(crate) fn pairing(ctx: &Context) -> Vec<Finding> {
    let zero_budget = &super::f014_target_with_zero_budget::RULE;
    let mut out = Vec::new();
    for t in &ctx.plan.tables {
        let sheet = &t.table.sheet;
        for &(target_role, unit_role, pagu_role) in PAIRS {
            if !t.table.has(target_role) || !t.table.has(pagu_role) {
                continue;
            }
            let side_id = side_label(t, pagu_role, false);
            let side_en = side_label(t, pagu_role, true);
            let t_header = header(t, target_role);
            let p_header = header(t, pagu_role);
            for (i, n) in t.nodes.iter().enumerate() {
                if !matches!(
                    n.level,
                    Level::Program | Level::Kegiatan | Level::SubKegiatan
                ) {
                    continue;
                }
                // Targets over all rows of the entity; an unreadable one means we cannot judge.
                let mut targets: Vec<(Decimal, Option<&str>, Pos)> = Vec::new();
                let mut unreadable = false;
                for r in node_rows(t, n) {
                    match read_target(r, target_role, unit_role) {
                        TargetCell::Blank => {}
                        TargetCell::Unreadable => unreadable = true,
                        TargetCell::Value(v, u, p) => targets.push((v, u, p)),
                    }
                }
                // The budget: the entity's own row first, else a continuation row.
                let mut budget: Option<(Decimal, Pos)> = None;
                for r in node_rows(t, n) {
                    if let Some(f) = r.field(pagu_role) {
                        match &f.parsed {
                            Parsed::Blank => continue,
                            Parsed::Amount(d) => budget = Some((*d, f.pos)),
                            _ => unreadable = true,
                        }
                        break;
                    }
                }
                if unreadable {
                    continue;
                }
                let own = t.row(n);
                let (Some(target_field), Some(pagu_field)) =
                    (own.field(target_role), own.field(pagu_role))
                else {
                    continue;
                };
                let nonzero = targets.iter().find(|x| !x.0.is_zero());
                let target_cells = || -> Vec<Related> {
                    targets.iter().map(|x| Related::new(sheet, x.2)).collect()
                };
                match (budget, nonzero) {
                    // Nothing planned, or only zeros without the other half: nothing to say.
                    (None, None) => {}
                    (None, Some((v, u, _))) => {
                        let tt = target_text(v, u.as_deref());
                        out.push(
                            Finding::new(
                                &RULE,
                                sheet,
                                pagu_field.pos,
                                format!(
                                    "{}: {} — {}: target {} tanpa pagu (`{}` kosong)",
                                    t.table.kind,
                                    label(n, false),
                                    side_id,
                                    tt,
                                    p_header
                                ),
                                format!(
                                    "{}: {} — {}: target {} with no budget (`{}` blank)",
                                    t.table.kind,
                                    label(n, true),
                                    side_en,
                                    tt,
                                    p_header
                                ),
                            )
                            .related(target_cells())
                            .expected_found(format!("pagu (untuk target {tt})"), "(kosong)")
                            .expected_found_en(format!("a budget (for target {tt})"), "(blank)"),
                        );
                    }
                    // A parent at zero because its children are at zero: said on the children.
                    (Some((b, _)), Some(_))
                        if b.is_zero() && zero_from_children(t, i, pagu_role) => {}
                    (Some((b, _)), Some((v, u, _))) if b.is_zero() => {
                        let tt = target_text(v, u.as_deref());
                        out.push(
                            Finding::new(
                                zero_budget,
                                sheet,
                                pagu_field.pos,
                                format!(
                                    "{}: {} — {}: target {} direncanakan dengan pagu 0 (`{}` bernilai nol, bukan kosong)",
                                    t.table.kind,
                                    label(n, false),
                                    side_id,
                                    tt,
                                    p_header
                                ),
                                format!(
                                    "{}: {} — {}: target {} is planned with a budget of 0 (`{}` is zero, not blank)",
                                    t.table.kind,
                                    label(n, true),
                                    side_en,
                                    tt,
                                    p_header
                                ),
                            )
                            .related(target_cells())
                            .expected_found(format!("pagu > 0 (untuk target {tt})"), "0")
                            .expected_found_en(format!("budget > 0 (for target {tt})"), "0"),
                        );
                    }
                    (Some(_), Some(_)) => {}
                    (Some((b, _)), None) if b.is_zero() => {}
                    (Some((b, bpos)), None) => {
                        let budget_cell = [Related::new(sheet, bpos)];
                        if let Some((v, u, pos)) = targets.first() {
                            // Every target is 0 while money is planned.
                            out.push(
                                Finding::new(
                                    &RULE,
                                    sheet,
                                    *pos,
                                    format!(
                                        "{}: {} — {}: pagu {} dengan target 0 (`{}`)",
                                        t.table.kind,
                                        label(n, false),
                                        side_id,
                                        rp(&b),
                                        t_header
                                    ),
                                    format!(
                                        "{}: {} — {}: budget {} with a target of 0 (`{}`)",
                                        t.table.kind,
                                        label(n, true),
                                        side_en,
                                        rp(&b),
                                        t_header
                                    ),
                                )
                                .related(budget_cell)
                                .expected_found(
                                    format!("target > 0 (untuk pagu {})", rp(&b)),
                                    target_text(v, u.as_deref()),
                                )
                                .expected_found_en(
                                    format!("target > 0 (for budget {})", rp(&b)),
                                    target_text(v, u.as_deref()),
                                ),
                            );
                        } else {
                            out.push(
                                Finding::new(
                                    &RULE,
                                    sheet,
                                    target_field.pos,
                                    format!(
                                        "{}: {} — {}: pagu {} tanpa target (`{}` kosong)",
                                        t.table.kind,
                                        label(n, false),
                                        side_id,
                                        rp(&b),
                                        t_header
                                    ),
                                    format!(
                                        "{}: {} — {}: budget {} with no target (`{}` blank)",
                                        t.table.kind,
                                        label(n, true),
                                        side_en,
                                        rp(&b),
                                        t_header
                                    ),
                                )
                                .related(budget_cell)
                                .expected_found(
                                    format!("target (untuk pagu {})", rp(&b)),
                                    "(kosong)",
                                )
                                .expected_found_en(
                                    format!("a target (for budget {})", rp(&b)),
                                    "(blank)",
                                ),
                            );
                        }
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::f014_target_with_zero_budget::RULE as F014;
    use super::*;
    use crate::checks::util::testkit::{TC31, TC33, run, sheet};

    type Row = [&'static str; 12];

    /// A T-C.33 row: code, name, lokasi, 2026 target/unit/budget, 2027 target/unit/budget.
    #[allow(clippy::too_many_arguments)]
    fn r33(
        code: &'static str,
        name: &'static str,
        lokasi: &'static str,
        t_n: &'static str,
        s_n: &'static str,
        p_n: &'static str,
        t_n1: &'static str,
        s_n1: &'static str,
        p_n1: &'static str,
    ) -> Row {
        [
            code, name, "Ind", lokasi, t_n, s_n, p_n, "APBD", "", t_n1, s_n1, p_n1,
        ]
    }

    fn consistent() -> Vec<Row> {
        vec![
            r33(
                "1.06.01",
                "PROGRAM PENUNJANG",
                "",
                "75",
                "Nilai",
                "300.000.000",
                "80",
                "Nilai",
                "325.000.000",
            ),
            r33(
                "1.06.01.2.01",
                "Perencanaan",
                "",
                "3",
                "Dokumen",
                "300.000.000",
                "3",
                "Dokumen",
                "325.000.000",
            ),
            r33(
                "1.06.01.2.01.01",
                "Penyusunan Dokumen",
                "Tenggarong",
                "3",
                "Dokumen",
                "300.000.000",
                "3",
                "Dokumen",
                "300.000.000",
            ),
            // Planned for the forward year only: blank 2026 is "not planned", not a finding.
            r33(
                "1.06.01.2.01.02",
                "Koordinasi RKA",
                "Tenggarong",
                "",
                "",
                "",
                "100",
                "Dokumen",
                "25.000.000",
            ),
            // Not planned at all.
            r33(
                "1.06.01.2.01.03",
                "Koordinasi DPA",
                "Tenggarong",
                "",
                "",
                "",
                "",
                "",
                "",
            ),
        ]
    }

    #[test]
    fn silent_on_a_consistent_table_with_rows_planned_in_one_year_only() {
        let f = run(&RULE, vec![sheet("T-C.33", &[], TC33, &consistent())]);
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn budget_without_target_is_reported_on_the_target_cell() {
        let mut rows = consistent();
        rows[0][4] = ""; // program 2026 target blank
        rows[0][5] = "";
        let f = run(&RULE, vec![sheet("T-C.33", &[], TC33, &rows)]);
        assert_eq!(f.len(), 1, "{f:?}");
        let x = &f[0];
        assert_eq!(x.cell, "E2");
        assert_eq!(x.severity, Severity::Warning);
        assert_eq!(
            x.expected.as_deref(),
            Some("target (untuk pagu 300.000.000)")
        );
        assert_eq!(x.found.as_deref(), Some("(kosong)"));
        assert_eq!(x.related[0].cell, "G2");
        assert!(x.message_id.contains("program 1.06.01"), "{}", x.message_id);
    }

    #[test]
    fn target_without_budget_is_reported_on_the_budget_cell() {
        let mut rows = consistent();
        rows[2][11] = ""; // sub kegiatan 2027 budget blank, 2027 target 3 Dokumen
        let f = run(&RULE, vec![sheet("T-C.33", &[], TC33, &rows)]);
        let x = f.iter().find(|x| x.cell == "L4").expect("L4 reported");
        assert_eq!(x.severity, Severity::Warning);
        assert_eq!(x.expected.as_deref(), Some("pagu (untuk target 3 Dokumen)"));
        assert_eq!(x.found.as_deref(), Some("(kosong)"));
        assert_eq!(x.related[0].cell, "J4");
        assert!(x.message_en.contains("forward year"), "{}", x.message_en);
    }

    #[test]
    fn a_zero_budget_with_a_target_is_f014_info_not_a_missing_budget() {
        let mut rows = consistent();
        rows[2][11] = "0";
        let f = run(&RULE, vec![sheet("T-C.33", &[], TC33, &rows)]);
        assert!(f.is_empty(), "F002 stays silent: {f:?}");
        let f = run(&F014, vec![sheet("T-C.33", &[], TC33, &rows)]);
        assert_eq!(f.len(), 1, "{f:?}");
        let x = &f[0];
        assert_eq!(x.cell, "L4");
        assert_eq!(x.severity, Severity::Info);
        assert_eq!(x.found.as_deref(), Some("0"));
        assert_eq!(
            x.expected.as_deref(),
            Some("pagu > 0 (untuk target 3 Dokumen)")
        );
    }

    #[test]
    fn a_parent_at_zero_because_of_its_children_is_said_once() {
        let mut rows = consistent();
        rows.truncate(3);
        for r in rows.iter_mut() {
            r[6] = "0"; // program, kegiatan and sub kegiatan all at 0 in 2026
        }
        let f = run(&F014, vec![sheet("T-C.33", &[], TC33, &rows)]);
        let cells: Vec<String> = f.iter().map(|x| x.cell.a1()).collect();
        assert_eq!(cells, ["G4"], "{f:?}");
        assert_eq!(f[0].severity, Severity::Info);
    }

    #[test]
    fn a_zero_budget_alone_and_a_zero_target_alone_say_nothing() {
        let mut rows = consistent();
        rows[4][6] = "0"; // 2026 budget 0, no target
        rows[4][9] = "0"; // 2027 target 0, no budget
        let f = run(&RULE, vec![sheet("T-C.33", &[], TC33, &rows)]);
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn years_come_from_the_header() {
        let header: &[&str] = &[
            "Kode",
            "Program/Kegiatan",
            "Indikator",
            "Lokasi",
            "Rencana Tahun 2031 Target",
            "Rencana Tahun 2031 Satuan",
            "Rencana Tahun 2031 Pagu",
            "Sumber Dana",
            "Catatan Penting",
            "Prakiraan Maju Target",
            "Prakiraan Maju Satuan",
            "Prakiraan Maju Pagu",
        ];
        let mut rows = consistent();
        rows[2][9] = "";
        rows[2][10] = "";
        let f = run(&RULE, vec![sheet("Rencana", &[], header, &rows)]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].cell, "J4");
        assert!(
            f[0].message_id.contains("tahun 2032 (prakiraan maju)"),
            "{}",
            f[0].message_id
        );
    }

    #[test]
    fn tc31_sides_and_a_zero_target_with_money() {
        let rows: Vec<Row> = vec![
            // Draft target blank with a budget; analysis target 0 with a budget.
            [
                "PROGRAM PEMBERDAYAAN SOSIAL",
                "",
                "Persentase",
                "",
                "",
                "700",
                "",
                "Persentase",
                "0",
                "",
                "700",
                "",
            ],
            [
                "Pengumpulan Sumbangan",
                "",
                "Orang",
                "50",
                "Orang",
                "700",
                "",
                "Orang",
                "50",
                "Orang",
                "700",
                "",
            ],
            [
                "Koordinasi Izin",
                "Tenggarong",
                "Dokumen",
                "1",
                "Dokumen",
                "700",
                "Tenggarong",
                "Dokumen",
                "1",
                "Dokumen",
                "700",
                "",
            ],
        ];
        let f = run(&RULE, vec![sheet("T-C.31", &[], TC31, &rows)]);
        let mut cells: Vec<String> = f.iter().map(|x| x.cell.a1()).collect();
        cells.sort();
        assert_eq!(cells, ["D2", "I2"], "{f:?}");
        let a = f.iter().find(|x| x.cell == "I2").unwrap();
        assert_eq!(a.found.as_deref(), Some("0"));
        assert_eq!(a.expected.as_deref(), Some("target > 0 (untuk pagu 700)"));
        assert_eq!(a.related[0].cell, "K2");
        let d = f.iter().find(|x| x.cell == "D2").unwrap();
        assert!(
            d.message_id.contains("Rancangan Awal RKPD"),
            "{}",
            d.message_id
        );
    }

    #[test]
    fn a_program_target_on_a_continuation_row_counts() {
        let mut rows = consistent();
        rows[0][9] = ""; // program 2027 target blank on its own row…
        rows[0][10] = "";
        let mut cont: Row = [""; 12];
        cont[2] = "Indikator kedua";
        cont[9] = "85"; // …but the second indicator has one
        cont[10] = "Persen";
        rows.insert(1, cont);
        let f = run(&RULE, vec![sheet("T-C.33", &[], TC33, &rows)]);
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn unreadable_cells_are_left_to_a001() {
        let mut rows = consistent();
        // An unreadable target next to a budget: not "a budget without a target".
        rows[2][4] = "tiga";
        let f = run(&RULE, vec![sheet("T-C.33", &[], TC33, &rows)]);
        assert!(f.is_empty(), "{f:?}");
    }
}
