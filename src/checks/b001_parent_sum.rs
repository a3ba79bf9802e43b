//! B001 `parent-sum-mismatch`: a program, kegiatan or bidang amount differs from the sum of
//! the rows below it.

use super::frame::parent_sums;
use super::util::{label, rp};
use super::{Context, Finding, Related, Rule, Severity};
use crate::ingest::code::Level;
use crate::ingest::role::Role;
use crate::ingest::rules::ColumnType;

pub static RULE: Rule = Rule {
    code: "B001",
    name: "parent-sum-mismatch",
    family: 'B',
    severity: Severity::Error,
    summary_id: "Pagu induk tidak sama dengan jumlah pagu di bawahnya",
    summary_en: "A parent's budget differs from the sum of its children",
    explain_id: "\
Apa yang diperiksa
  Untuk setiap kolom anggaran (pagu indikatif, kebutuhan dana; tiap tahun dan tiap sisi
  rancangan/analisis), pagu program = jumlah pagu kegiatan, pagu kegiatan = jumlah pagu sub
  kegiatan. Perbandingan eksak (desimal), tanpa toleransi. Sel kosong tidak dihitung sebagai nol.
  Baris bidang urusan (dan urusan) serta baris jumlah penutup diperiksa oleh B002 (= jumlah
  program), bukan oleh B001, agar satu selisih tidak dilaporkan dua kali.

Mengapa ini masalah
  Angka induk yang tidak sama dengan rinciannya berarti salah satu diketik ulang dan tidak
  diperbarui. Dokumen yang diserahkan dengan jumlah yang tidak cocok akan dikembalikan saat
  verifikasi.

Contoh
  Kegiatan 1.06.01.2.01 tertulis 600.000.000, sub kegiatannya berjumlah 625.000.000.

Sebaiknya
  Perbaiki pagu induk atau pagu rinciannya sampai sama; lebih baik lagi, isi sel induk dengan
  rumus =SUM(...) atas baris di bawahnya.",
    explain_en: "\
What it does
  For every budget column (pagu indikatif / kebutuhan dana, each year, each side draft /
  analysis), checks program = sum of its kegiatan, kegiatan = sum of its sub kegiatan. Exact
  decimal comparison, no tolerance. Blank cells do not count as zero. The bidang urusan (and
  urusan) row and the closing total row are checked by B002 (= sum of the programs), not by
  B001, so that one mismatch is never reported twice.

Why is this bad
  A parent that differs from its details means one of them was retyped and not updated.
  A submission whose totals do not add up is sent back at verification.

Example
  Kegiatan 1.06.01.2.01 says 600.000.000; its sub kegiatan add up to 625.000.000.

Use instead
  Correct the parent or the children until they agree; better, make the parent a =SUM(...)
  formula over the rows below it.",
    run,
};

fn run(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    // Every table's amount columns in one frame, one group-by for the workbook.
    let tables: Vec<(usize, &crate::model::plan::TableModel, Vec<Role>)> = ctx
        .plan
        .tables
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let roles = t
                .table
                .columns
                .iter()
                .filter(|c| c.ty == ColumnType::Amount)
                .map(|c| c.role)
                .collect();
            (i, t, roles)
        })
        .collect();
    // Amounts that cannot share one scale (a 7×10^28 beside a 12-decimal figure) fail the
    // workbook's frame: then each table on its own, so one table's extremes silence only it.
    let sums = parent_sums(&tables).unwrap_or_else(|_| {
        tables
            .iter()
            .flat_map(|t| parent_sums(std::slice::from_ref(t)).unwrap_or_default())
            .collect()
    });
    {
        for (ti, s) in sums {
            let t = &ctx.plan.tables[ti];
            if s.children_with_amount == 0 {
                // Children all blank: nothing to compare (a parent-only table, or not planned).
                continue;
            }
            let parent = &t.nodes[s.parent];
            if matches!(parent.level, Level::Urusan | Level::Bidang) {
                // Urusan and bidang rows are B002's (sum of the programs).
                continue;
            }
            let Some(own_field) = t.row(parent).field(s.role) else {
                continue;
            };
            if s.own == Some(s.children_sum) {
                continue;
            }
            // An unreadable parent or child (A001/A002 report it) makes the sum unknowable.
            let unreadable = |f: Option<&crate::ingest::locate::Field>| {
                f.is_some_and(|f| {
                    matches!(
                        f.parsed,
                        crate::ingest::locate::Parsed::Unparsed(_)
                            | crate::ingest::locate::Parsed::Error(_)
                    )
                })
            };
            if unreadable(Some(own_field))
                || t.children(s.parent)
                    .any(|(_, c)| unreadable(t.row(c).field(s.role)))
            {
                continue;
            }
            let children: Vec<Related> = t
                .children(s.parent)
                .filter_map(|(_, c)| {
                    t.row(c)
                        .field(s.role)
                        .filter(|f| !f.parsed.is_blank())
                        .map(|f| Related::new(&t.table.sheet, f.pos))
                })
                .collect();
            let found = s.own.map(|d| rp(&d)).unwrap_or_else(|| "(kosong)".into());
            let found_en = s.own.map(|d| rp(&d)).unwrap_or_else(|| "(blank)".into());
            let header = t
                .table
                .column(s.role)
                .map(|c| c.header.clone())
                .unwrap_or_default();
            out.push(
                Finding::new(
                    &RULE,
                    &t.table.sheet,
                    own_field.pos,
                    format!(
                        "{}: {} `{}` tertulis {}, jumlah {} baris di bawahnya {}",
                        t.table.kind,
                        label(parent, false),
                        header,
                        found,
                        s.children_with_amount,
                        rp(&s.children_sum)
                    ),
                    format!(
                        "{}: {} `{}` says {}, its {} rows below add up to {}",
                        t.table.kind,
                        label(parent, true),
                        header,
                        found_en,
                        s.children_with_amount,
                        rp(&s.children_sum)
                    ),
                )
                .related(children)
                .expected_found(rp(&s.children_sum), found),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::util::testkit::{TC33, run, sheet};

    fn rows(kegiatan_pagu: &'static str) -> Vec<[&'static str; 12]> {
        vec![
            [
                "1.06.01",
                "PROGRAM PENUNJANG",
                "Nilai SAKIP",
                "",
                "75",
                "Nilai",
                "600.000.000",
                "",
                "",
                "80",
                "Nilai",
                "700.000.000",
            ],
            [
                "1.06.01.2.01",
                "Perencanaan",
                "Dokumen",
                "",
                "3",
                "Dokumen",
                kegiatan_pagu,
                "",
                "",
                "3",
                "Dokumen",
                "700.000.000",
            ],
            [
                "1.06.01.2.01.01",
                "Penyusunan Dokumen",
                "Dokumen",
                "Tenggarong",
                "3",
                "Dokumen",
                "150.000.000",
                "APBD",
                "",
                "3",
                "Dokumen",
                "200.000.000",
            ],
            [
                "1.06.01.2.01.02",
                "Evaluasi Kinerja",
                "Laporan",
                "Tenggarong",
                "8",
                "Laporan",
                "450.000.000",
                "APBD",
                "",
                "8",
                "Laporan",
                "500.000.000",
            ],
        ]
    }

    #[test]
    fn fires_on_a_kegiatan_that_differs_from_its_sub_kegiatan() {
        let f = run(
            &RULE,
            vec![sheet("T-C.33", &[], TC33, &rows("625.000.000"))],
        );
        // The kegiatan (G3) is 625 but its children sum to 600; the program (G2) is 600 but its
        // only child, the kegiatan, says 625.
        let cells: Vec<String> = f.iter().map(|x| x.cell.a1()).collect();
        let mut sorted = cells.clone();
        sorted.sort();
        assert_eq!(sorted, ["G2", "G3"]);
        let k = f.iter().find(|x| x.cell == "G3").unwrap();
        assert_eq!(k.expected.as_deref(), Some("600.000.000"));
        assert_eq!(k.found.as_deref(), Some("625.000.000"));
        assert_eq!(
            k.related.iter().map(|r| r.cell.a1()).collect::<Vec<_>>(),
            ["G4", "G5"]
        );
    }

    #[test]
    fn silent_when_every_level_adds_up_in_both_years() {
        let f = run(
            &RULE,
            vec![sheet("T-C.33", &[], TC33, &rows("600.000.000"))],
        );
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn a_blank_parent_with_children_is_reported() {
        let f = run(&RULE, vec![sheet("T-C.33", &[], TC33, &rows(""))]);
        let k = f
            .iter()
            .find(|x| x.cell == "G3")
            .expect("blank kegiatan reported");
        assert_eq!(k.found.as_deref(), Some("(kosong)"));
    }
}
