//! E001 `budget-across-tables`: the budget of one program, kegiatan or sub kegiatan differs
//! between T-C.31 (review of the RKPD draft) and T-C.33 (the plan) for the same year.

use super::util::{amount_cell, header_year, label, rp, tc33_pagu_role, year_phrase};
use super::{Context, Finding, Related, Rule, Severity};
use crate::ingest::cell::Pos;
use crate::ingest::code::Level;
use crate::ingest::kind::TableKind;
use crate::ingest::role::Role;
use crate::model::pairing::pair_by_code;
use rust_decimal::Decimal;

pub static RULE: Rule = Rule {
    code: "E001",
    name: "budget-across-tables",
    family: 'E',
    severity: Severity::Error,
    summary_id: "Pagu satu baris berbeda antara T-C.31 dan T-C.33",
    summary_en: "A row's budget differs between T-C.31 and T-C.33",
    explain_id: "\
Apa yang diperiksa
  Setiap program, kegiatan, dan sub kegiatan T-C.31 dicocokkan dengan baris T-C.33 yang sama
  menurut kode (T-C.31 tanpa kode mendapat kode dari T-C.33 menurut nama; kode yang sama dua kali
  dipasangkan menurut urutan). Pagu indikatif Hasil Analisis Kebutuhan dibandingkan eksak
  (desimal) dengan pagu T-C.33 untuk tahun yang sama: tahun yang tertulis di header T-C.31, atau
  tahun rencana (n) T-C.33 bila T-C.31 tidak menyebut tahun (T-C.31 menelaah rancangan tahun n).
  Sel kosong bukan nol: 0 di satu tabel dan kosong di tabel lain adalah perbedaan (direncanakan
  dengan pagu nol lawan tidak direncanakan tahun itu). Temuan ada di sel T-C.31 (T-C.33 adalah
  rencana yang ditetapkan); bila sisi Rancangan Awal RKPD sama dengan sisi analisis, satu temuan
  saja yang menyebut kedua sisi. Sisi rancangan dilaporkan sendiri hanya bila rancangan dan
  analisis sama-sama berbeda dari T-C.33 dengan nilai berbeda; bila analisis sudah sama dengan
  T-C.33, selisih rancangan–analisis dilaporkan D001. Sel yang tidak terbaca dilewati (A001).

Mengapa ini masalah
  T-C.31 dan T-C.33 menyusun rencana tahun yang sama. Pagu yang berbeda berarti salah satu tabel
  tidak diperbarui setelah pagu berubah; verifikator tidak tahu angka mana yang diusulkan.

Contoh
  Kegiatan Pendataan Lembaga Kesejahteraan Sosial Daerah: pagu 0 di T-C.31, sedangkan di T-C.33
  pagu tahun 2026 kosong (kegiatan baru direncanakan tahun 2027).

Sebaiknya
  Samakan pagu kedua tabel, atau hapus baris yang tidak direncanakan tahun itu dari T-C.31.",
    explain_en: "\
What it does
  Matches every program, kegiatan and sub kegiatan of T-C.31 with the same row of T-C.33 by
  code (uncoded T-C.31 rows get their code from T-C.33 by name; a code that appears twice pairs
  up in order). The needs-analysis budget is compared exactly (decimal) with the T-C.33 budget
  of the same year: the year named in the T-C.31 header, or T-C.33's plan year (n) when T-C.31
  names none (T-C.31 reviews the year-n draft). Blank is not zero: 0 in one table and blank in
  the other is a difference (planned at zero versus not planned that year). The finding is on
  the T-C.31 cell (T-C.33 is the plan of record); when the draft side says the same as the
  analysis side, one finding names both. The draft side is reported on its own only when draft
  and analysis both differ from T-C.33 with different values; when the analysis already agrees
  with T-C.33, the draft-vs-analysis gap is D001's finding. Unreadable cells are skipped (A001).

Why is this bad
  T-C.31 and T-C.33 plan the same year. A different budget means one table was not updated
  after the budget changed; the reviewer cannot tell which figure is proposed.

Example
  Kegiatan Pendataan Lembaga Kesejahteraan Sosial Daerah: budget 0 in T-C.31, while its 2026
  budget in T-C.33 is blank (the kegiatan is planned from 2027).

Use instead
  Make both tables carry the same budget, or remove from T-C.31 the rows not planned that year.",
    run,
};

fn show(v: Option<Decimal>, en: bool) -> String {
    match (v, en) {
        (Some(d), _) => rp(&d),
        (None, false) => "(kosong)".into(),
        (None, true) => "(blank)".into(),
    }
}

/// A T-C.31 side whose budget differs from T-C.33: its cell, its value, which side it is, and
/// the other side's cell when that says the same.
struct Side {
    pos: Pos,
    value: Option<Decimal>,
    side_id: &'static str,
    side_en: &'static str,
    also: Vec<Pos>,
}

type Cell = Option<(Option<Decimal>, Pos)>;

/// The sides to report for one row: the analysis side (naming the draft too when it says the
/// same); the draft alone only when both differ from T-C.33 with different values, or when there
/// is no analysis column.
fn sides_to_report(plan: Option<Decimal>, a: Cell, r: Cell) -> Vec<Side> {
    let analysis = |pos, value| Side {
        pos,
        value,
        side_id: "Hasil Analisis Kebutuhan",
        side_en: "the needs analysis",
        also: vec![],
    };
    let draft = |pos, value| Side {
        pos,
        value,
        side_id: "Rancangan Awal RKPD",
        side_en: "the RKPD draft",
        also: vec![],
    };
    match (a, r) {
        (Some((av, apos)), Some((rv, rpos))) if av != plan => {
            if rv == av {
                vec![Side {
                    pos: apos,
                    value: av,
                    side_id: "Rancangan Awal RKPD dan Hasil Analisis Kebutuhan",
                    side_en: "the RKPD draft and the needs analysis",
                    also: vec![rpos],
                }]
            } else if rv != plan {
                vec![analysis(apos, av), draft(rpos, rv)]
            } else {
                vec![analysis(apos, av)]
            }
        }
        (Some((av, apos)), None) if av != plan => vec![analysis(apos, av)],
        (None, Some((rv, rpos))) if rv != plan => vec![draft(rpos, rv)],
        _ => vec![],
    }
}

fn run(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for (_, t31) in ctx.plan.tables_of(TableKind::TC31) {
        let year31 = header_year(
            t31,
            &[Role::APagu, Role::RPagu, Role::ATarget, Role::RTarget],
        );
        for (_, t33) in ctx.plan.tables_of(TableKind::TC33) {
            let Some(role33) = tc33_pagu_role(t33, year31) else {
                continue;
            };
            let year = year31.or_else(|| t33.table.column(role33).and_then(|c| c.year));
            let (year_id, year_en) = year_phrase(year);
            for level in [Level::Program, Level::Kegiatan, Level::SubKegiatan] {
                for (i, j) in pair_by_code(ctx.plan, t31, t33, level) {
                    let (n31, n33) = (&t31.nodes[i], &t33.nodes[j]);
                    let Some((plan, pos33)) = amount_cell(t33, n33, role33) else {
                        continue;
                    };
                    let a = amount_cell(t31, n31, Role::APagu);
                    let r = amount_cell(t31, n31, Role::RPagu);
                    let report = sides_to_report(plan, a, r);
                    for Side {
                        pos,
                        value: v,
                        side_id,
                        side_en,
                        also,
                    } in report
                    {
                        let related = std::iter::once(Related::new(&t33.table.sheet, pos33))
                            .chain(also.into_iter().map(|p| Related::new(&t31.table.sheet, p)));
                        out.push(
                            Finding::new(
                                &RULE,
                                &t31.table.sheet,
                                pos,
                                format!(
                                    "T-C.31: {} — pagu {} tertulis {}, sedangkan pagu T-C.33{} {}",
                                    label(n31, false),
                                    side_id,
                                    show(v, false),
                                    year_id,
                                    show(plan, false)
                                ),
                                format!(
                                    "T-C.31: {} — the budget of {} is {} while T-C.33{} says {}",
                                    label(n31, true),
                                    side_en,
                                    show(v, true),
                                    year_en,
                                    show(plan, true)
                                ),
                            )
                            .related(related)
                            .expected_found(show(plan, false), show(v, false)),
                        );
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::util::testkit::{TC31, TC33, run, sheet};

    fn tc33(sub_pagu: &'static str) -> Vec<[&'static str; 12]> {
        let row = |k, u, p, l| [k, u, "", l, "", "", p, "", "", "", "", ""];
        vec![
            row("1.06.01", "PROGRAM PENUNJANG", "600.000.000", ""),
            row("1.06.01.2.01", "Perencanaan", "600.000.000", ""),
            row(
                "1.06.01.2.01.01",
                "Penyusunan Dokumen",
                "450.000.000",
                "Tenggarong",
            ),
            row(
                "1.06.01.2.01.02",
                "Evaluasi Kinerja",
                sub_pagu,
                "Tenggarong",
            ),
        ]
    }

    fn tc31(r_sub: &'static str, a_sub: &'static str) -> Vec<[&'static str; 12]> {
        let row = |u, l, r, a| [u, l, "", "", "", r, l, "", "", "", a, ""];
        vec![
            row("PROGRAM PENUNJANG", "", "600.000.000", "600.000.000"),
            row("Perencanaan", "", "600.000.000", "600.000.000"),
            row(
                "Penyusunan  dokumen",
                "Tenggarong",
                "450.000.000",
                "450.000.000",
            ),
            row("Evaluasi Kinerja", "Tenggarong", r_sub, a_sub),
        ]
    }

    #[test]
    fn fires_on_zero_against_blank_naming_both_sides() {
        let f = run(
            &RULE,
            vec![
                sheet("T-C.31", &[], TC31, &tc31("0", "0")),
                sheet("T-C.33", &[], TC33, &tc33("")),
            ],
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].sheet, "T-C.31");
        assert_eq!(f[0].cell, "K5");
        assert_eq!(f[0].expected.as_deref(), Some("(kosong)"));
        assert_eq!(f[0].found.as_deref(), Some("0"));
        let rel: Vec<(&str, &str)> = f[0]
            .related
            .iter()
            .map(|r| (r.sheet.as_str(), crate::checks::util::testkit::a1(r.cell)))
            .collect();
        assert_eq!(rel, [("T-C.33", "G5"), ("T-C.31", "F5")]);
    }

    #[test]
    fn draft_reported_apart_only_when_both_sides_differ_differently() {
        let f = run(
            &RULE,
            vec![
                sheet("T-C.31", &[], TC31, &tc31("100.000.000", "125.000.000")),
                sheet("T-C.33", &[], TC33, &tc33("150.000.000")),
            ],
        );
        let mut got: Vec<(&str, &str)> = f
            .iter()
            .map(|x| {
                (
                    crate::checks::util::testkit::a1(x.cell),
                    x.found.as_deref().unwrap_or(""),
                )
            })
            .collect();
        got.sort();
        assert_eq!(got, [("F5", "100.000.000"), ("K5", "125.000.000")]);
        assert!(
            f.iter()
                .all(|x| x.expected.as_deref() == Some("150.000.000"))
        );
        // Analysis equal to T-C.33, draft not: D001's business, nothing here.
        let f = run(
            &RULE,
            vec![
                sheet("T-C.31", &[], TC31, &tc31("100.000.000", "150.000.000")),
                sheet("T-C.33", &[], TC33, &tc33("150.000.000")),
            ],
        );
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn silent_when_budgets_agree() {
        let f = run(
            &RULE,
            vec![
                sheet("T-C.31", &[], TC31, &tc31("150.000.000", "150.000.000")),
                sheet("T-C.33", &[], TC33, &tc33("150.000.000")),
            ],
        );
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn compares_with_the_forward_year_when_t_c_31_names_it() {
        let t33: &[&str] = &[
            "Kode",
            "Program/Kegiatan",
            "Indikator",
            "Lokasi",
            "Rencana Tahun 2026 Target",
            "Rencana Tahun 2026 Satuan",
            "Rencana Tahun 2026 Pagu",
            "Sumber Dana",
            "Catatan Penting",
            "Prakiraan Maju 2027 Target",
            "Prakiraan Maju 2027 Satuan",
            "Prakiraan Maju 2027 Pagu",
        ];
        let t31: &[&str] = &[
            "Program / Kegiatan",
            "Rancangan Awal RKPD 2027 Lokasi",
            "Rancangan Awal RKPD 2027 Indikator",
            "Rancangan Awal RKPD 2027 Target",
            "Rancangan Awal RKPD 2027 Satuan",
            "Rancangan Awal RKPD 2027 Pagu",
            "Analisis Lokasi",
            "Analisis Indikator",
            "Analisis Target",
            "Analisis Satuan",
            "Analisis Pagu",
            "Catatan Penting",
        ];
        let mut rows33 = tc33("150.000.000");
        for r in rows33.iter_mut() {
            r[11] = r[6];
        }
        rows33[3][11] = "175.000.000";
        let f = run(
            &RULE,
            vec![
                sheet("T-C.31", &[], t31, &tc31("150.000.000", "150.000.000")),
                sheet("T-C.33", &[], t33, &rows33),
            ],
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].expected.as_deref(), Some("175.000.000"));
        assert_eq!(f[0].related[0].cell, "L5");
    }
}
