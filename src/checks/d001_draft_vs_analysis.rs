//! D001 `draft-analysis-mismatch`: in T-C.31, a column of the RKPD draft (*Rancangan Awal
//! RKPD*) differs from the same column of the needs analysis (*Hasil Analisis Kebutuhan*) and
//! the row's note does not explain it. The explained differences are D002's
//! (`d002_draft_analysis_explained`), which shares [`differences`].

use super::util::{label, rp, same_text, same_unit, text_cell};
use super::{Context, Finding, Related, Rule, Severity};
use crate::ingest::cell::Pos;
use crate::ingest::kind::TableKind;
use crate::ingest::locate::{Parsed, TableRow};
use crate::ingest::number::format_id;
use crate::ingest::role::Role;
use crate::ingest::rules::normalize;
use crate::model::plan::{Node, TableModel};
use rust_decimal::Decimal;

pub static RULE: Rule = Rule {
    code: "D001",
    name: "draft-analysis-mismatch",
    family: 'D',
    severity: Severity::Error,
    summary_id: "Rancangan Awal RKPD dan Hasil Analisis Kebutuhan berbeda",
    summary_en: "The RKPD draft and the needs analysis differ",
    explain_id: "\
Apa yang diperiksa
  Di tabel T-C.31 (Review terhadap Rancangan Awal RKPD), setiap baris program, kegiatan, sub
  kegiatan, baris jumlah, dan baris lanjutan (indikator tambahan di baris berikutnya dengan nama
  kosong) dibandingkan pasangan kolomnya: lokasi, indikator kinerja, target, satuan, dan pagu
  indikatif Rancangan Awal RKPD lawan Hasil Analisis Kebutuhan. Teks dibandingkan setelah huruf
  besar/kecil, spasi, dan tanda baca diseragamkan (spasi ganda karena potongan baris bukan
  perbedaan); satuan `%` sama dengan `Persen`; angka dan pagu dibandingkan eksak. Sel kosong di
  satu sisi dan berisi di sisi lain adalah perbedaan (kosong bukan nol). Bila target dan satuan
  ditulis dalam satu sel (`25 Lembaga`), satuan diambil dari sel itu. Satu temuan untuk setiap
  pasangan yang berbeda, pada sel sisi analisis. Bila Catatan Penting di baris itu (atau di baris
  utama entitasnya) menjelaskan perbedaan, yang melapor D002 (peringatan), bukan D001; catatan
  yang hanya berisi kode prioritas (`P1 = Wajib dan Mengikat`, `P2 = Standar Pelayanan Minimal`,
  daftar `note_not_explaining` di rules.toml) tidak dihitung sebagai penjelasan. Sel yang tidak
  terbaca dilewati (dilaporkan A001).

Mengapa ini masalah
  Hasil Analisis Kebutuhan adalah jawaban perangkat daerah atas Rancangan Awal RKPD. Perbedaan
  yang tidak dijelaskan membuat verifikator Bappeda tidak tahu apakah perangkat daerah sengaja
  mengusulkan perubahan atau lupa mengisi/menyalin sel.

Contoh
  Sub kegiatan Koordinasi dan Penyusunan Laporan Keuangan Akhir Tahun SKPD: lokasi rancangan
  `Kab. Kutai Kartanegara, Tenggarong, Melayu`, lokasi analisis kosong, Catatan Penting kosong.

Sebaiknya
  Samakan sel analisis dengan rancangan bila tidak ada perubahan; bila memang diubah, tulis
  alasannya di Catatan Penting baris itu.",
    explain_en: "\
What it does
  In T-C.31 (review of the draft regional plan), compares on every program, kegiatan, sub
  kegiatan and total row, and on every continuation row (an extra indicator on the next row with
  the name left blank), each column pair of the RKPD draft and of the needs analysis: location,
  indicator, target, unit and indicative budget. Texts are compared after folding case, spacing
  and punctuation (double spaces left by line wrapping are not a difference); `%` and `Persen`
  are the same unit; numbers and budgets are compared exactly. A blank on one side and a value on
  the other is a difference (blank is not zero). When target and unit share one cell
  (`25 Lembaga`), the unit is read from that cell. One finding per differing pair, on the
  analysis-side cell. When the Catatan Penting of the row (or of the entity's main row) explains
  the difference, D002 (a warning) reports it instead of D001; a note that only holds priority codes
  (`P1 = Wajib dan Mengikat`, `P2 = Standar Pelayanan Minimal`, the `note_not_explaining` list
  of rules.toml) does not explain anything. Unreadable cells are skipped (A001 reports them).

Why is this bad
  The needs analysis is the office's answer to the draft. An unexplained difference leaves the
  planning agency unable to tell a deliberate change from a cell that was forgotten or not
  copied.

Example
  Sub kegiatan Koordinasi dan Penyusunan Laporan Keuangan Akhir Tahun SKPD: draft location
  `Kab. Kutai Kartanegara, Tenggarong, Melayu`, analysis location blank, no note.

Use instead
  Make the analysis cell equal to the draft when nothing changed; when it did change, write the
  reason in the row's Catatan Penting.",
    run,
};

/// What a column pair holds.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Text,
    Target,
    Unit,
    Amount,
}

/// The column pairs: (kind, draft role, analysis role, name id, name en).
const PAIRS: &[(Kind, Role, Role, &str, &str)] = &[
    (
        Kind::Text,
        Role::RLokasi,
        Role::ALokasi,
        "lokasi",
        "location",
    ),
    (
        Kind::Text,
        Role::RIndikator,
        Role::AIndikator,
        "indikator",
        "indicator",
    ),
    (
        Kind::Target,
        Role::RTarget,
        Role::ATarget,
        "target",
        "target",
    ),
    (Kind::Unit, Role::RSatuan, Role::ASatuan, "satuan", "unit"),
    (
        Kind::Amount,
        Role::RPagu,
        Role::APagu,
        "pagu indikatif",
        "budget",
    ),
];

/// A comparable value read from one side of a pair.
#[derive(Debug, Clone, PartialEq)]
enum Val<'a> {
    Blank,
    Text(&'a str),
    Num(Decimal),
}

impl Val<'_> {
    fn show(&self, kind: Kind, en: bool) -> String {
        match self {
            Val::Blank if en => "(blank)".into(),
            Val::Blank => "(kosong)".into(),
            Val::Text(t) => t.to_string(),
            Val::Num(d) if kind == Kind::Amount => rp(d),
            Val::Num(d) => format_id(d),
        }
    }

    fn same(&self, other: &Val, kind: Kind) -> bool {
        match (self, other) {
            (Val::Blank, Val::Blank) => true,
            (Val::Text(a), Val::Text(b)) if kind == Kind::Unit => same_unit(a, b),
            (Val::Text(a), Val::Text(b)) => same_text(a, b),
            (Val::Num(a), Val::Num(b)) => a == b,
            _ => false,
        }
    }
}

/// A text cell as a value: blank or its trimmed text.
fn text_val(row: &TableRow, role: Role) -> Option<(Val<'_>, Pos)> {
    text_cell(row, role).map(|(t, pos)| (t.map_or(Val::Blank, Val::Text), pos))
}

/// Reads one side of a pair on a row: the value and the cell it sits in. None when the table
/// lacks the column or the cell cannot be read (A001's business).
fn read<'a>(
    t: &'a TableModel,
    row: &'a TableRow,
    kind: Kind,
    role: Role,
) -> Option<(Val<'a>, Pos)> {
    match kind {
        Kind::Text => text_val(row, role),
        Kind::Target => {
            let f = row.field(role)?;
            let v = match &f.parsed {
                Parsed::Blank => Val::Blank,
                Parsed::Target { value, .. } | Parsed::Number { value, .. } => Val::Num(*value),
                _ => return None,
            };
            Some((v, f.pos))
        }
        Kind::Unit => {
            if t.table.has(role) {
                text_val(row, role)
            } else {
                // No unit column: the unit is written in the target cell (`25 Lembaga`).
                let f = row.field(role.target()?)?;
                let v = match &f.parsed {
                    Parsed::Blank => Val::Blank,
                    Parsed::Target { unit: Some(u), .. } => Val::Text(u.trim()),
                    Parsed::Target { unit: None, .. } | Parsed::Number { .. } => Val::Blank,
                    _ => return None,
                };
                Some((v, f.pos))
            }
        }
        Kind::Amount => {
            let f = row.field(role)?;
            let v = match &f.parsed {
                Parsed::Blank => Val::Blank,
                Parsed::Amount(d) => Val::Num(*d),
                _ => return None,
            };
            Some((v, f.pos))
        }
    }
}

/// True when a note says something beyond priority codes and the like.
pub(crate) fn note_explains(note: &str, not_explaining: &[String]) -> bool {
    let mut n = format!(" {} ", normalize(note));
    let mut phrases: Vec<String> = not_explaining
        .iter()
        .map(|w| normalize(w))
        .filter(|w| !w.is_empty())
        .collect();
    // Longer phrases first, so that a phrase is not broken by a shorter one inside it.
    phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
    for p in &phrases {
        let pat = format!(" {p} ");
        while n.contains(&pat) {
            n = n.replace(&pat, " ");
        }
    }
    !n.trim().is_empty()
}

/// The note that applies to a row: its own Catatan Penting, else the entity's main row's.
fn note_for<'a>(row: &'a TableRow, main: &'a TableRow) -> Option<&'a str> {
    let own = |r: &'a TableRow| {
        r.text(Role::Catatan)
            .map(str::trim)
            .filter(|s| !s.is_empty())
    };
    own(row).or_else(|| own(main))
}

fn row_label(n: &Node, extra: Option<usize>, en: bool) -> String {
    match (extra, en) {
        (None, _) => label(n, en),
        (Some(k), false) => format!("{} (indikator ke-{})", label(n, false), k + 2),
        (Some(k), true) => format!("{} (indicator no. {})", label(n, true), k + 2),
    }
}

fn run(ctx: &Context) -> Vec<Finding> {
    differences(ctx, &RULE, false)
}

/// Every differing draft/analysis pair of T-C.31 whose note explains it (`explained`) or does
/// not, as findings of `rule`: D001 takes the unexplained ones, D002 the explained ones.
pub(crate) fn differences(ctx: &Context, rule: &'static Rule, explained: bool) -> Vec<Finding> {
    let want_explained = explained;
    let mut out = Vec::new();
    let not_explaining = &ctx.config.words.note_not_explaining;
    for (_, t) in ctx.plan.tables_of(TableKind::TC31) {
        let sheet = &t.table.sheet;
        for n in &t.nodes {
            let main = t.row(n);
            let rows = std::iter::once((None, main)).chain(
                n.extra_rows
                    .iter()
                    .enumerate()
                    .filter_map(|(k, &ri)| t.table.rows.get(ri).map(|r| (Some(k), r))),
            );
            for (extra, row) in rows {
                for &(kind, r_role, a_role, col_id, col_en) in PAIRS {
                    let (Some((rv, rpos)), Some((av, apos))) =
                        (read(t, row, kind, r_role), read(t, row, kind, a_role))
                    else {
                        continue;
                    };
                    if rv.same(&av, kind) {
                        continue;
                    }
                    let note = note_for(row, main);
                    let explained = note.filter(|s| note_explains(s, not_explaining));
                    if explained.is_some() != want_explained {
                        continue;
                    }
                    let header = t
                        .table
                        .column(a_role)
                        .map(|c| c.header.clone())
                        .unwrap_or_default();
                    let (why_id, why_en) = match (explained, note) {
                        (Some(s), _) => (
                            format!("; Catatan Penting: «{s}»"),
                            format!("; note: «{s}»"),
                        ),
                        (None, Some(s)) => (
                            format!("; Catatan Penting «{s}» tidak menjelaskan perbedaan"),
                            format!("; the note «{s}» does not explain the difference"),
                        ),
                        (None, None) => (
                            "; tanpa penjelasan di Catatan Penting".to_string(),
                            "; no explanation in Catatan Penting".to_string(),
                        ),
                    };
                    let f = Finding::new(
                        rule,
                        sheet,
                        apos,
                        format!(
                            "{}: {} — {} Hasil Analisis Kebutuhan (kolom `{}`) tertulis {}, sedangkan Rancangan Awal RKPD {}{}",
                            t.table.kind,
                            row_label(n, extra, false),
                            col_id,
                            header,
                            av.show(kind, false),
                            rv.show(kind, false),
                            why_id
                        ),
                        format!(
                            "{}: {} — needs-analysis {} (column `{}`) is {} while the RKPD draft says {}{}",
                            t.table.kind,
                            row_label(n, extra, true),
                            col_en,
                            header,
                            av.show(kind, true),
                            rv.show(kind, true),
                            why_en
                        ),
                    )
                    .related([Related::new(sheet, rpos)])
                    .expected_found(rv.show(kind, false), av.show(kind, false))
                    .expected_found_en(rv.show(kind, true), av.show(kind, true));
                    out.push(f);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::util::testkit::{TC31, run, sheet};

    /// A program, a kegiatan and a sub kegiatan whose draft and analysis agree, plus the cells
    /// of the sub kegiatan row that a test may change.
    fn rows(
        a_lokasi: &'static str,
        a_target: &'static str,
        a_pagu: &'static str,
        note: &'static str,
    ) -> Vec<[&'static str; 12]> {
        vec![
            [
                "PROGRAM PENUNJANG",
                "",
                "Nilai SAKIP",
                "75",
                "Nilai",
                "600.000.000",
                "",
                "Nilai  SAKIP",
                "75",
                "Nilai",
                "600.000.000",
                "",
            ],
            [
                "Perencanaan",
                "",
                "Tercapainya Nilai SAKIP",
                "75",
                "Nilai",
                "600.000.000",
                "",
                "tercapainya nilai SAKIP",
                "75",
                "Nilai",
                "600.000.000",
                "",
            ],
            [
                "Penyusunan Dokumen",
                "Tenggarong, Melayu",
                "Jumlah Dokumen",
                "3",
                "%",
                "600.000.000",
                a_lokasi,
                "Jumlah Dokumen",
                a_target,
                "Persen",
                a_pagu,
                note,
            ],
            // Continuation row: a second program indicator on the draft side only.
            [
                "",
                "",
                "Persentase Lembaga",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
            ],
        ]
    }

    #[test]
    fn fires_on_each_differing_pair_on_the_analysis_cell() {
        let f = run(
            &RULE,
            vec![sheet(
                "T-C.31",
                &[],
                TC31,
                &rows("", "5", "500.000.000", "P1 = Wajib dan Mengikat"),
            )],
        );
        let mut cells: Vec<(&str, &str, &str)> = f
            .iter()
            .map(|x| {
                (
                    crate::checks::util::testkit::a1(x.cell),
                    x.expected.as_deref().unwrap_or(""),
                    x.found.as_deref().unwrap_or(""),
                )
            })
            .collect();
        cells.sort();
        assert_eq!(
            cells,
            [
                ("G4", "Tenggarong, Melayu", "(kosong)"),
                ("H5", "Persentase Lembaga", "(kosong)"),
                ("I4", "3", "5"),
                ("K4", "600.000.000", "500.000.000"),
            ]
        );
        // A priority code is not an explanation: errors, not warnings.
        assert!(f.iter().all(|x| x.severity == Severity::Error), "{f:?}");
        let g = f.iter().find(|x| x.cell == "G4").unwrap();
        assert_eq!(g.related[0].cell, "B4");
        // The continuation row compares with its own draft cell.
        let h = f.iter().find(|x| x.cell == "H5").unwrap();
        assert_eq!(h.related[0].cell, "C5");
    }

    #[test]
    fn an_explaining_note_moves_the_difference_to_d002() {
        let notes = "P1 = Wajib dan Mengikat; pagu dikurangi karena efisiensi";
        let book = || {
            vec![sheet(
                "T-C.31",
                &[],
                TC31,
                &rows("Tenggarong, Melayu", "3", "500.000.000", notes),
            )]
        };
        // The main row's note explains both the pagu and the continuation row's indicator.
        let d001 = run(&RULE, book());
        assert!(d001.is_empty(), "{d001:?}");
        let d002 = run(&super::super::d002_draft_analysis_explained::RULE, book());
        let cells: Vec<_> = d002
            .iter()
            .map(|x| (x.rule, crate::checks::util::testkit::a1(x.cell)))
            .collect();
        assert_eq!(cells.len(), 2, "{d002:?}");
        assert!(cells.contains(&("D002", "K4")) && cells.contains(&("D002", "H5")));
        assert!(d002.iter().all(|x| x.severity == Severity::Warning));
    }

    #[test]
    fn silent_when_draft_and_analysis_agree_up_to_spacing_case_and_percent_sign() {
        let mut r = rows("Tenggarong,  Melayu", "3", "600.000.000", "");
        r.pop(); // no continuation row
        let f = run(&RULE, vec![sheet("T-C.31", &[], TC31, &r)]);
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn unit_inside_the_target_cell_is_compared_when_there_is_no_unit_column() {
        let header: &[&str] = &[
            "Uraian",
            "Rancangan Lokasi",
            "Rancangan Indikator",
            "Rancangan Target",
            "Rancangan Pagu",
            "Analisis Lokasi",
            "Analisis Indikator",
            "Analisis Target",
            "Analisis Pagu",
            "Keterangan",
        ];
        let f = run(
            &RULE,
            vec![sheet(
                "Review",
                &[],
                header,
                &[[
                    "PROGRAM X",
                    "",
                    "Jumlah",
                    "25 Lembaga",
                    "100",
                    "",
                    "Jumlah",
                    "25 Orang",
                    "100",
                    "",
                ]],
            )],
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].cell, "H2");
        assert_eq!(f[0].expected.as_deref(), Some("Lembaga"));
        assert_eq!(f[0].found.as_deref(), Some("Orang"));
    }

    #[test]
    fn notes_made_of_priority_codes_do_not_explain() {
        let words: Vec<String> = [
            "p1",
            "p2",
            "wajib dan mengikat",
            "standar pelayanan minimal",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        assert!(!note_explains("P2 = Standar Pelayanan Minimal ;", &words));
        assert!(!note_explains("P1 = Wajib dan Mengikat", &words));
        assert!(note_explains("Kendaraan Dinas Jabatan", &words));
    }
}
