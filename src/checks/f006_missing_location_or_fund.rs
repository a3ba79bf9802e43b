//! F006 `missing-location-or-fund`: Location or source of funds missing.

use super::util::{label, node_rows, rp, target_text};
use super::{Context, Finding, Related, Rule, Severity};
use crate::ingest::code::Level;
use crate::ingest::locate::{Field, Parsed};
use crate::ingest::role::Role;
use crate::model::plan::{Node, TableModel};

pub static RULE: Rule = Rule {
    code: "F006",
    name: "missing-location-or-fund",
    family: 'F',
    severity: Severity::Warning,
    summary_id: "Lokasi atau sumber dana kosong",
    summary_en: "Location or source of funds missing",
    explain_id: "\
Apa yang diperiksa
  Setiap sub kegiatan yang direncanakan harus berlokasi, dan di T-C.33 juga bersumber dana.
  - Lokasi: sub kegiatan dengan target, volume atau pagu (tahun mana pun yang dimuat tabel;
    kolom lokasi T-C.33 adalah satu-satunya lokasi baris itu, juga untuk prakiraan maju) tetapi
    kolom lokasinya kosong. Di T-C.31 yang dilaporkan hanya baris yang lokasinya kosong di kedua
    sisi (Rancangan Awal RKPD dan Hasil Analisis Kebutuhan); bila hanya satu sisi yang kosong,
    itu perbedaan rancangan/analisis yang menjadi urusan D001. Tabel usulan program juga
    diperiksa (sub kegiatan bervolume tanpa lokasi).
  - Sumber dana: sub kegiatan dengan target atau pagu tahun rencana (n) tetapi sumber dana
    kosong. Kolom sumber dana berada di kelompok tahun n, jadi baris yang hanya direncanakan
    untuk prakiraan maju tidak wajib bersumber dana.
  Kosong tidak sama dengan nol: pagu 0 tetap berarti direncanakan. Baris yang tidak
  direncanakan sama sekali (target dan pagu kosong) tidak diperiksa. Kegiatan dan program
  tidak diperiksa (lokasi dan sumber dana melekat pada sub kegiatan). Pada tabel tanpa kode,
  tingkat sub kegiatan dikenali dari nama yang sama di tabel berkode.

Mengapa ini masalah
  Lokasi dan sumber dana adalah isian wajib sub kegiatan di SIPD; tanpa keduanya rencana tidak
  bisa diverifikasi (di mana keluaran dihasilkan, dari dana apa dibiayai) dan akan
  dikembalikan.

Contoh
  T-C.33, sub kegiatan 1.06.01.2.07.0001 Pengadaan Peralatan dan Mesin Lainnya: prakiraan maju
  5 Unit, 75.000.000, tetapi lokasi kosong.

Sebaiknya
  Isi lokasi output (kabupaten, kecamatan, desa/kelurahan) dan sumber dana (mis. APBD) untuk
  setiap sub kegiatan yang direncanakan.",
    explain_en: "\
What it does
  Every planned sub kegiatan must have a location, and in T-C.33 also a source of funds.
  - Location: a sub kegiatan with a target, volume or budget (in any year the table shows;
    T-C.33's location column is the row's only location, the forward year's too) whose location
    is blank. In T-C.31 only rows with the location blank on both sides (draft Rancangan Awal
    RKPD and needs analysis Hasil Analisis Kebutuhan) are reported; when only one side is blank
    that is a draft-vs-analysis difference, which is D001's business. The proposal table is
    checked too (a sub kegiatan with a volume but no location).
  - Source of funds: a sub kegiatan with a plan-year (n) target or budget whose source of funds
    is blank. The source-of-funds column belongs to the year-n group, so a row planned for the
    forward year only need not have one.
  Blank is not zero: a budget of 0 still means planned. Rows not planned at all (targets and
  budgets blank) are not checked. Kegiatan and programs are not checked (location and source
  of funds belong to sub kegiatan). In uncoded tables the sub kegiatan level is recognised from
  the same name in a coded table.

Why is this bad
  Location and source of funds are required fields of a sub kegiatan in SIPD; without them the
  plan cannot be verified (where the output is produced, which funds pay for it) and is sent
  back.

Example
  T-C.33, sub kegiatan 1.06.01.2.07.0001 Pengadaan Peralatan dan Mesin Lainnya: forward year
  5 Unit, 75.000.000, but the location is blank.

Use instead
  Fill in the output location (regency, district, village) and the source of funds (e.g.
  APBD) of every planned sub kegiatan.",
    run,
};

/// Roles whose non-blank value means "planned" (any year, any side).
const PLAN_ROLES: &[Role] = &[
    Role::TargetN,
    Role::PaguN,
    Role::TargetN1,
    Role::PaguN1,
    Role::RTarget,
    Role::RPagu,
    Role::ATarget,
    Role::APagu,
    Role::Volume,
];
/// Roles of the plan year (n), the group the source of funds belongs to.
const YEAR_N_ROLES: &[Role] = &[Role::TargetN, Role::PaguN];
/// Location roles, the table's own / primary one first.
const LOCATION_ROLES: &[Role] = &[Role::Lokasi, Role::RLokasi, Role::ALokasi];

/// The first non-blank field of the node among `roles`, in role order.
fn first_filled<'a>(t: &'a TableModel, n: &'a Node, roles: &[Role]) -> Option<&'a Field> {
    roles.iter().find_map(|r| {
        node_rows(t, n)
            .filter_map(|row| row.field(*r))
            .find(|f| !f.parsed.is_blank())
    })
}

/// A planned value for messages: `` `Prakiraan Maju Pagu` 75.000.000 ``, `` `Volume` 91 Makam ``.
fn describe(ctx: &Context, t: &TableModel, f: &Field) -> String {
    let value = match &f.parsed {
        Parsed::Amount(d) => rp(d),
        Parsed::Number { value, .. } => rp(value),
        Parsed::Target { value, unit } => {
            let unit_col = t
                .table
                .rows
                .iter()
                .find(|r| r.row == f.pos.row)
                .and_then(|r| r.field(f.role.unit()))
                .and_then(|u| u.parsed.text())
                .map(|u| u.trim().to_string())
                .filter(|u| !u.is_empty());
            target_text(value, unit_col.or(unit.as_deref().cloned()).as_deref())
        }
        _ => f
            .raw(ctx.ingested.workbook.sheet(&t.table.sheet))
            .trim()
            .to_string(),
    };
    let header = t
        .table
        .column(f.role)
        .map(|c| c.header.as_str())
        .unwrap_or(f.role.as_str());
    format!("`{header}` {value}")
}

fn run(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for t in &ctx.plan.tables {
        let sheet = &t.table.sheet;
        let loc_roles: Vec<Role> = LOCATION_ROLES
            .iter()
            .copied()
            .filter(|r| t.table.has(*r))
            .collect();
        let has_fund = t.table.has(Role::SumberDana);
        if loc_roles.is_empty() && !has_fund {
            continue;
        }
        let year_n: Vec<Role> = if YEAR_N_ROLES.iter().any(|r| t.table.has(*r)) {
            YEAR_N_ROLES.to_vec()
        } else {
            PLAN_ROLES.to_vec()
        };
        for n in &t.nodes {
            if n.level != Level::SubKegiatan {
                continue;
            }
            let own = t.row(n);
            // Location: planned in any year / on any side, blank everywhere.
            if let Some(planned) = first_filled(t, n, PLAN_ROLES)
                && !loc_roles.is_empty()
                && first_filled(t, n, &loc_roles).is_none()
                && let Some(loc) = own.field(loc_roles[0])
            {
                let what = describe(ctx, t, planned);
                let other_sides = loc_roles[1..]
                    .iter()
                    .filter_map(|r| own.field(*r))
                    .map(|f| Related::new(sheet, f.pos));
                let (sides_id, sides_en) = if loc_roles.len() > 1 {
                    (" (di kedua sisi)", " (on both sides)")
                } else {
                    ("", "")
                };
                out.push(
                    Finding::new(
                        &RULE,
                        sheet,
                        loc.pos,
                        format!(
                            "{}: {} direncanakan ({}) tetapi lokasinya kosong{}",
                            t.table.kind,
                            label(n, false),
                            what,
                            sides_id
                        ),
                        format!(
                            "{}: {} is planned ({}) but its location is blank{}",
                            t.table.kind,
                            label(n, true),
                            what,
                            sides_en
                        ),
                    )
                    .related(other_sides.chain([Related::new(sheet, planned.pos)]))
                    .expected_found("lokasi output (kabupaten, kecamatan, desa)", "(kosong)")
                    .expected_found_en("output location (regency, district, village)", "(blank)"),
                );
            }
            // Source of funds: planned in year n, blank.
            if has_fund
                && let Some(planned) = first_filled(t, n, &year_n)
                && first_filled(t, n, &[Role::SumberDana]).is_none()
                && let Some(fund) = own.field(Role::SumberDana)
            {
                let what = describe(ctx, t, planned);
                out.push(
                    Finding::new(
                        &RULE,
                        sheet,
                        fund.pos,
                        format!(
                            "{}: {} direncanakan ({}) tetapi sumber dananya kosong",
                            t.table.kind,
                            label(n, false),
                            what
                        ),
                        format!(
                            "{}: {} is planned ({}) but its source of funds is blank",
                            t.table.kind,
                            label(n, true),
                            what
                        ),
                    )
                    .related([Related::new(sheet, planned.pos)])
                    .expected_found("sumber dana (mis. APBD)", "(kosong)")
                    .expected_found_en("fund source (e.g. APBD)", "(blank)"),
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::util::testkit::{TC31, TC33, USULAN, run, sheet};

    type Row = [&'static str; 12];

    /// code, name, lokasi, 2026 target/budget, sumber dana, 2027 target/budget.
    #[allow(clippy::too_many_arguments)]
    fn r33(
        code: &'static str,
        name: &'static str,
        lokasi: &'static str,
        t_n: &'static str,
        p_n: &'static str,
        fund: &'static str,
        t_n1: &'static str,
        p_n1: &'static str,
    ) -> Row {
        let s_n = if t_n.is_empty() { "" } else { "Unit" };
        let s_n1 = if t_n1.is_empty() { "" } else { "Unit" };
        [
            code, name, "Ind", lokasi, t_n, s_n, p_n, fund, "", t_n1, s_n1, p_n1,
        ]
    }

    fn consistent() -> Vec<Row> {
        vec![
            r33(
                "1.06.01",
                "PROGRAM PENUNJANG",
                "",
                "75",
                "100",
                "",
                "80",
                "175",
            ),
            r33(
                "1.06.01.2.07",
                "Pengadaan BMD",
                "",
                "5",
                "100",
                "",
                "5",
                "175",
            ),
            r33(
                "1.06.01.2.07.01",
                "Pengadaan Peralatan",
                "Tenggarong",
                "5",
                "100",
                "APBD",
                "5",
                "100",
            ),
            // Forward year only: needs a location, not a (year-n) source of funds.
            r33(
                "1.06.01.2.07.02",
                "Pengadaan Mebel",
                "Tenggarong",
                "",
                "",
                "",
                "2",
                "75",
            ),
            // Not planned at all: nothing required.
            r33("1.06.01.2.07.03", "Pengadaan Lain", "", "", "", "", "", ""),
        ]
    }

    #[test]
    fn silent_when_every_planned_sub_kegiatan_has_location_and_fund() {
        let f = run(&RULE, vec![sheet("T-C.33", &[], TC33, &consistent())]);
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn fires_on_a_forward_year_row_without_location() {
        let mut rows = consistent();
        rows[3][3] = "";
        let f = run(&RULE, vec![sheet("T-C.33", &[], TC33, &rows)]);
        assert_eq!(f.len(), 1, "{f:?}");
        let x = &f[0];
        assert_eq!(x.cell, "D5");
        assert_eq!(x.found.as_deref(), Some("(kosong)"));
        assert_eq!(
            x.expected.as_deref(),
            Some("lokasi output (kabupaten, kecamatan, desa)")
        );
        // The planned value shown is the first one found: the forward-year target.
        assert_eq!(x.related[0].cell, "J5");
        assert!(x.message_id.contains("2 Unit"), "{}", x.message_id);
    }

    #[test]
    fn fires_on_a_year_n_row_without_source_of_funds_even_at_zero_budget() {
        let mut rows = consistent();
        rows[2][7] = "";
        rows[2][4] = "";
        rows[2][5] = "";
        rows[2][6] = "0";
        let f = run(&RULE, vec![sheet("T-C.33", &[], TC33, &rows)]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].cell, "H4");
        assert_eq!(f[0].related[0].cell, "G4");
        assert_eq!(f[0].expected.as_deref(), Some("sumber dana (mis. APBD)"));
    }

    #[test]
    fn tc31_only_when_both_sides_are_blank() {
        let rows: Vec<Row> = vec![
            [
                "PROGRAM PENUNJANG",
                "",
                "Ind",
                "75",
                "Nilai",
                "300",
                "",
                "Ind",
                "75",
                "Nilai",
                "300",
                "",
            ],
            [
                "Pengadaan BMD",
                "",
                "Ind",
                "5",
                "Unit",
                "300",
                "",
                "Ind",
                "5",
                "Unit",
                "300",
                "",
            ],
            // Analysis side blank only: D001's business.
            [
                "Pengadaan Peralatan",
                "Tenggarong",
                "Ind",
                "5",
                "Unit",
                "100",
                "",
                "Ind",
                "5",
                "Unit",
                "100",
                "",
            ],
            // Both blank: reported on the draft's location cell.
            [
                "Pengadaan Mebel",
                "",
                "Ind",
                "2",
                "Unit",
                "200",
                "",
                "Ind",
                "2",
                "Unit",
                "200",
                "",
            ],
        ];
        // The level of the last row comes from T-C.33 (same name, coded), since it has no
        // location to tell it from a kegiatan.
        let t33: Vec<Row> = vec![
            r33(
                "1.06.01",
                "PROGRAM PENUNJANG",
                "",
                "75",
                "300",
                "",
                "75",
                "300",
            ),
            r33(
                "1.06.01.2.07",
                "Pengadaan BMD",
                "",
                "5",
                "300",
                "",
                "5",
                "300",
            ),
            r33(
                "1.06.01.2.07.01",
                "Pengadaan Peralatan",
                "Tenggarong",
                "5",
                "100",
                "APBD",
                "5",
                "100",
            ),
            r33(
                "1.06.01.2.07.02",
                "Pengadaan Mebel",
                "Tenggarong",
                "2",
                "200",
                "APBD",
                "2",
                "200",
            ),
        ];
        let f = run(
            &RULE,
            vec![
                sheet("T-C.33", &[], TC33, &t33),
                sheet("T-C.31", &[], TC31, &rows),
            ],
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].sheet, "T-C.31");
        assert_eq!(f[0].cell, "B5");
        let rel: Vec<String> = f[0].related.iter().map(|r| r.cell.a1()).collect();
        assert_eq!(rel, ["G5", "D5"]);
    }

    #[test]
    fn proposal_table_volume_without_location() {
        let t33: Vec<Row> = vec![
            r33(
                "1.06.07",
                "PROGRAM TAMAN MAKAM",
                "",
                "100",
                "300",
                "",
                "100",
                "300",
            ),
            r33(
                "1.06.07.2.01",
                "Pemeliharaan TMP",
                "",
                "100",
                "300",
                "",
                "100",
                "300",
            ),
            r33(
                "1.06.07.2.01.02",
                "Pemeliharaan Makam",
                "Tenggarong",
                "91",
                "300",
                "APBD",
                "91",
                "300",
            ),
        ];
        let usulan: Vec<[&'static str; 7]> = vec![
            ["", "PROGRAM TAMAN MAKAM", "", "", "", "", ""],
            ["", "Pemeliharaan TMP", "", "", "", "", ""],
            [
                "1",
                "Pemeliharaan Makam",
                "Jumlah makam",
                "",
                "91",
                "Makam",
                "",
            ],
        ];
        let f = run(
            &RULE,
            vec![
                sheet("T-C.33", &[], TC33, &t33),
                sheet("Usulan", &[], USULAN, &usulan),
            ],
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            (f[0].sheet.as_str(), f[0].cell.a1().as_str()),
            ("Usulan", "D4")
        );
    }
}
