//! B002 `total-row-mismatch`: The total or bidang row differs from the sum of the programs.

use super::util::{column_field, label, level_plural, rp, top_level_sum};
use super::{Context, Finding, Rule, Severity};
use crate::ingest::code::Level;
use crate::ingest::locate::{ColumnMap, Parsed};
use crate::ingest::rules::ColumnType;
use crate::model::plan::{Node, TableModel};
use rust_decimal::Decimal;

pub static RULE: Rule = Rule {
    code: "B002",
    name: "total-row-mismatch",
    family: 'B',
    severity: Severity::Error,
    summary_id: "Baris jumlah / bidang urusan tidak sama dengan jumlah program",
    summary_en: "The total or bidang row differs from the sum of the programs",
    explain_id: "\
Apa yang diperiksa
  Untuk setiap kolom anggaran (pagu indikatif / kebutuhan dana, tiap tahun, tiap sisi
  rancangan/analisis): baris jumlah penutup tabel (`JUMLAH`, `TOTAL`, atau baris tanpa nama yang
  hanya berisi angka) dan baris bidang urusan harus sama dengan jumlah pagu program di bawahnya;
  baris urusan juga, bila diisi angka. Bila tidak ada program yang berpagu di kolom itu, yang
  dijumlahkan adalah tingkat berikutnya yang berpagu (kegiatan, lalu sub kegiatan). Baris jumlah
  menjumlahkan semua baris sejak baris jumlah sebelumnya (atau seluruh tabel). Perbandingan
  eksak (desimal), tanpa toleransi; angka ribuan (`Rp 000`) sudah dikalikan seribu.
  Sel kosong tidak dihitung sebagai nol: program berpagu kosong tidak ikut dijumlahkan (B001
  melaporkannya bila rinciannya berpagu). Sel jumlah/bidang yang kosong dilaporkan hanya bila
  baris itu berisi pagu di kolom anggaran lain (mis. 2026 diisi, 2027 kosong); baris judul
  tanpa angka sama sekali tidak dilaporkan. Baris lanjutan (indikator kedua) tidak dijumlahkan.
  Program yang kodenya muncul dua kali dijumlahkan dua kali, karena keduanya baris rencana
  (F007 melaporkan kode gandanya).
  Pembagian dengan B001: B002 memiliki baris bidang urusan (dan urusan); B001 memeriksa
  program = jumlah kegiatan dan kegiatan = jumlah sub kegiatan, dan tidak memeriksa bidang,
  sehingga satu selisih bidang tidak dilaporkan dua kali.

Mengapa ini masalah
  Baris jumlah adalah angka yang dibaca pertama oleh verifikator dan yang disalin ke teks
  (\"total pagu indikatif sebesar Rp …\") dan ke RKPD. Bila tidak sama dengan program-programnya,
  salah satu diketik ulang dan tidak diperbarui, dan dokumen dikembalikan saat verifikasi.

Contoh
  Baris JUMLAH T-C.31 tertulis 37.118.380.499, sedangkan tujuh programnya berjumlah
  37.193.380.499 karena pagu satu program dinaikkan 75.000.000 tanpa memperbarui jumlahnya.

Sebaiknya
  Isi baris jumlah dan baris bidang dengan rumus =SUM(...) atas baris program saja (bukan atas
  semua baris, yang akan menghitung kegiatan dan sub kegiatan dua kali), lalu periksa ulang.",
    explain_en: "\
What it does
  For every budget column (pagu indikatif / kebutuhan dana, each year, each side draft /
  analysis): the table's closing total row (`JUMLAH`, `TOTAL`, or a nameless row of amounts
  only) and the bidang urusan row must equal the sum of the programs below them; so must the
  urusan row when it carries an amount. When no program has an amount in that column, the next
  level that has them is summed (kegiatan, then sub kegiatan). A total row sums every row since
  the previous total row (or the whole table). Exact decimal comparison, no tolerance; amounts
  in thousands (`Rp 000`) are already multiplied by a thousand.
  Blank is not zero: a program with a blank budget is left out of the sum (B001 reports it when
  its children have amounts). A blank total/bidang cell is reported only when the same row
  carries an amount in another budget column (e.g. 2026 filled, 2027 blank); a heading row
  with no figures at all is not reported. Continuation rows (a second indicator) are not
  summed. A program code that appears twice is summed twice, since both are plan rows (F007
  reports the duplicate code).
  Split with B001: B002 owns the bidang (and urusan) row; B001 checks program = sum of kegiatan
  and kegiatan = sum of sub kegiatan and leaves the bidang row alone, so one bidang mismatch is
  never reported twice.

Why is this bad
  The total row is the first figure a verifier reads and the one copied into the text (\"total
  indicative budget Rp …\") and into the regional plan. When it differs from its programs, one
  of them was retyped and not updated, and the document is sent back at verification.

Example
  The JUMLAH row of T-C.31 says 37.118.380.499 while its seven programs add up to
  37.193.380.499: one program was raised by 75.000.000 and the total was not updated.

Use instead
  Make the total and bidang rows =SUM(...) formulas over the program rows only (not over every
  row, which would count kegiatan and sub kegiatan twice), then check again.",
    run,
};

fn amount_at(t: &TableModel, n: &Node, col: &ColumnMap) -> Option<Decimal> {
    column_field(t, n, col).and_then(|f| f.parsed.amount())
}

/// True when node `j` lies below node `i`.
fn descends(t: &TableModel, j: usize, i: usize) -> bool {
    let mut p = t.nodes[j].parent;
    while let Some(k) = p {
        if k == i {
            return true;
        }
        p = t.nodes[k].parent;
    }
    false
}

/// The nodes a roll-up row adds up: for urusan/bidang its descendants, for a total row every
/// node since the previous total row (or every node of the table when that stretch is empty).
fn scope(t: &TableModel, i: usize) -> Vec<usize> {
    let n = &t.nodes[i];
    if n.level != Level::Total {
        return (0..t.nodes.len()).filter(|&j| descends(t, j, i)).collect();
    }
    let prev = t.nodes[..i].iter().rposition(|x| x.level == Level::Total);
    let from = prev.map(|p| p + 1).unwrap_or(0);
    let stretch: Vec<usize> = (from..i)
        .filter(|&j| t.nodes[j].level != Level::Total)
        .collect();
    if stretch.iter().any(|&j| {
        matches!(
            t.nodes[j].level,
            Level::Program | Level::Kegiatan | Level::SubKegiatan
        )
    }) {
        stretch
    } else {
        (0..t.nodes.len())
            .filter(|&j| t.nodes[j].level != Level::Total)
            .collect()
    }
}

fn run(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for (ti, t) in ctx.plan.tables.iter().enumerate() {
        // The other sheets of a table continued over several (T-C.33 one sheet per program)
        // that carry no total or bidang row of their own: their programs count in this one's.
        let continued: Vec<&TableModel> = super::util::continuation_group(ctx.plan, ti)
            .into_iter()
            .filter(|g| *g != ti)
            .map(|g| &ctx.plan.tables[g])
            .filter(|m| {
                !m.nodes
                    .iter()
                    .any(|n| matches!(n.level, Level::Total | Level::Bidang | Level::Urusan))
            })
            .collect();
        let cols: Vec<&ColumnMap> = t
            .table
            .columns
            .iter()
            .filter(|c| c.ty == ColumnType::Amount)
            .collect();
        if cols.is_empty() {
            continue;
        }
        for (i, n) in t.nodes.iter().enumerate() {
            if !matches!(n.level, Level::Total | Level::Bidang | Level::Urusan) {
                continue;
            }
            let in_scope = scope(t, i);
            let row_has_amount = cols.iter().any(|c| amount_at(t, n, c).is_some());
            for c in &cols {
                let Some(own_field) = column_field(t, n, c) else {
                    continue;
                };
                let own = match &own_field.parsed {
                    Parsed::Amount(d) => Some(*d),
                    Parsed::Blank => None,
                    // Unreadable or error cells are A001 / A002's.
                    _ => continue,
                };
                if own.is_none() && (!row_has_amount || n.level == Level::Urusan) {
                    // A heading row without figures (urusan rows usually are).
                    continue;
                }
                let Some((level, mut sum, mut cells)) = top_level_sum(t, &in_scope, c) else {
                    continue;
                };
                let mut overflow = false;
                for m in &continued {
                    let Some(mc) = m
                        .table
                        .columns
                        .iter()
                        .find(|x| x.col == c.col && x.role == c.role)
                    else {
                        continue;
                    };
                    let all: Vec<usize> = (0..m.nodes.len()).collect();
                    if let Some((l, s, more)) = top_level_sum(m, &all, mc)
                        && l == level
                    {
                        match sum.checked_add(s) {
                            Some(s) => sum = s,
                            None => overflow = true,
                        }
                        cells.extend(more);
                    }
                }
                if overflow {
                    // Beyond the range of money: no sum to compare with.
                    continue;
                }
                if own == Some(sum) {
                    continue;
                }
                let found = own.map(|d| rp(&d)).unwrap_or_else(|| "(kosong)".into());
                let found_en = own.map(|d| rp(&d)).unwrap_or_else(|| "(blank)".into());
                let what = |en: bool| {
                    if n.level == Level::Total {
                        let name = n.name.trim();
                        match (name.is_empty(), en) {
                            (true, false) => "baris jumlah".to_string(),
                            (true, true) => "total row".to_string(),
                            (false, false) => format!("baris jumlah `{name}`"),
                            (false, true) => format!("total row `{name}`"),
                        }
                    } else {
                        label(n, en)
                    }
                };
                out.push(
                    Finding::new(
                        &RULE,
                        &t.table.sheet,
                        own_field.pos,
                        format!(
                            "{}: {} `{}` tertulis {}, jumlah {} {} {}",
                            t.table.kind,
                            what(false),
                            c.header,
                            found,
                            cells.len(),
                            level_plural(level, false),
                            rp(&sum)
                        ),
                        format!(
                            "{}: {} `{}` says {}, its {} {} add up to {}",
                            t.table.kind,
                            what(true),
                            c.header,
                            found_en,
                            cells.len(),
                            level_plural(level, true),
                            rp(&sum)
                        ),
                    )
                    .related(cells)
                    .expected_found(rp(&sum), found),
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::util::testkit::{TC31, TC33, run, sheet};

    /// A T-C.33 with a bidang row, two programs (each with one kegiatan) and a closing total.
    fn tc33(bidang_n: &'static str, total_n1: &'static str) -> Vec<[&'static str; 12]> {
        let r = |k: &'static str, u: &'static str, n: &'static str, n1: &'static str| {
            [k, u, "", "", "", "", n, "", "", "", "", n1]
        };
        vec![
            r("1", "URUSAN PEMERINTAHAN WAJIB", "", ""),
            r(
                "1.06",
                "URUSAN PEMERINTAHAN BIDANG SOSIAL",
                bidang_n,
                "1.100",
            ),
            r("1.06.01", "PROGRAM PENUNJANG", "600", "700"),
            r("1.06.01.2.01", "Perencanaan", "600", "700"),
            r("1.06.02", "PROGRAM PEMBERDAYAAN SOSIAL", "400", "400"),
            r("1.06.02.2.01", "Pengembangan Potensi", "400", "400"),
            r("", "JUMLAH", "1.000", total_n1),
        ]
    }

    #[test]
    fn fires_on_a_bidang_row_and_a_total_row_that_differ_from_the_programs() {
        let f = run(
            &RULE,
            vec![sheet("T-C.33", &[], TC33, &tc33("1.075", "1.110"))],
        );
        let mut cells: Vec<String> = f.iter().map(|x| x.cell.a1()).collect();
        cells.sort();
        assert_eq!(cells, ["G3", "L8"], "{f:?}");
        let b = f.iter().find(|x| x.cell == "G3").unwrap();
        assert_eq!(b.expected.as_deref(), Some("1.000"));
        assert_eq!(b.found.as_deref(), Some("1.075"));
        let rel: Vec<String> = b.related.iter().map(|r| r.cell.a1()).collect();
        assert_eq!(rel, ["G4", "G6"]);
        let t = f.iter().find(|x| x.cell == "L8").unwrap();
        assert_eq!(t.expected.as_deref(), Some("1.100"));
        assert_eq!(t.found.as_deref(), Some("1.110"));
        assert_eq!(
            t.related.iter().map(|r| r.cell.a1()).collect::<Vec<_>>(),
            ["L4", "L6"]
        );
    }

    #[test]
    fn silent_when_bidang_and_total_equal_the_programs() {
        let f = run(
            &RULE,
            vec![sheet("T-C.33", &[], TC33, &tc33("1.000", "1.100"))],
        );
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn a_blank_cell_is_reported_only_on_a_row_that_has_other_figures() {
        // Total row with 2026 filled and 2027 blank: the blank 2027 is reported.
        let f = run(&RULE, vec![sheet("T-C.33", &[], TC33, &tc33("1.000", ""))]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].cell, "L8");
        assert_eq!(f[0].found.as_deref(), Some("(kosong)"));
        // Bidang row with no figures at all: a heading, not reported.
        let mut rows = tc33("", "1.100");
        rows[1][11] = "";
        let f = run(&RULE, vec![sheet("T-C.33", &[], TC33, &rows)]);
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn sums_the_next_level_when_programs_have_no_amounts_t_c_31() {
        // T-C.31 without codes; programs carry no budget, kegiatan do. The nameless last row of
        // amounts only is the closing total.
        let r = |u: &'static str, lok: &'static str, p: &'static str| {
            [u, lok, "", "", "", p, lok, "", "", "", p, ""]
        };
        let rows = vec![
            r("URUSAN PEMERINTAHAN BIDANG SOSIAL", "", "900"),
            r("PROGRAM PENUNJANG", "", ""),
            r("Perencanaan", "", "500"),
            r("Penyusunan Dokumen", "Tenggarong", "500"),
            r("Administrasi Keuangan", "", "450"),
            r("Penyediaan Gaji", "Tenggarong", "450"),
            r("", "", "950"),
        ];
        let f = run(&RULE, vec![sheet("T-C.31", &[], TC31, &rows)]);
        let mut got: Vec<(&str, &str)> = f
            .iter()
            .map(|x| {
                (
                    crate::checks::util::testkit::a1(x.cell),
                    x.expected.as_deref().unwrap_or(""),
                )
            })
            .collect();
        got.sort();
        // Bidang says 900 on both sides (F2, K2); kegiatan add up to 950; the total agrees.
        assert_eq!(got, [("F2", "950"), ("K2", "950")], "{f:?}");
    }
}
