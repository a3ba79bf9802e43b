//! C004 `achievement-category-mismatch`: The achievement category does not match the achievement percentage.

use super::realisation::{Slot, category, cell_subject, column_name, fmt_shown, slot};
use super::{Context, Finding, Related, Rule, Severity};
use crate::ingest::kind::TableKind;
use crate::ingest::role::Role;
use crate::ingest::rules::{holds_word, normalize};

pub static RULE: Rule = Rule {
    code: "C004",
    name: "achievement-category-mismatch",
    family: 'C',
    severity: Severity::Error,
    summary_id: "Kategori capaian tidak sesuai dengan persentase capaian",
    summary_en: "The achievement category does not match the achievement percentage",
    explain_id: "\
Apa yang diperiksa
  Bila tabel T-C.29 memiliki kolom kategori capaian (judul \"Kategori\", \"Kategori Capaian\",
  \"Predikat Capaian\", \"Kriteria\"), kategori yang tertulis dibandingkan dengan kategori dari
  tingkat capaian kolom 11 (atau kolom 8 bila kolom 11 kosong), menurut skala Permendagri
  86/2017. Batas antara bilangan bulat ditetapkan begini (v = persentase yang ditampilkan):
    sangat tinggi  v ≥ 91 (termasuk di atas 100)
    tinggi         76 ≤ v < 91   (90,5 → tinggi)
    sedang         66 ≤ v < 76
    rendah         51 ≤ v < 66
    sangat rendah  v < 51        (50,5 → sangat rendah)
  Kategori dibaca tanpa memperhatikan huruf besar/kecil dan tanda baca; singkatan ST, T, S,
  R, SR juga dikenali. Teks lain yang bukan kategori, sel kategori yang kosong, dan persentase
  yang kosong atau bukan angka dilewati. Tanpa kolom kategori aturan ini tidak memeriksa apa
  pun. Baris indikator lanjutan diperiksa sendiri-sendiri.

Mengapa ini masalah
  Kategori capaian adalah kesimpulan evaluasi yang dibaca pimpinan dan Bappeda. Kategori yang
  tidak sesuai dengan angkanya memberi kesan kinerja yang salah dan akan dipertanyakan saat
  verifikasi.

Contoh
  Tingkat capaian Renstra 88,89% dengan kategori \"Sangat Tinggi\"; menurut skala seharusnya
  \"Tinggi\" (76 ≤ 88,89 < 91).

Sebaiknya
  Turunkan kategori dari angkanya dengan rumus, misalnya
  =IF(O5>=91;\"Sangat Tinggi\";IF(O5>=76;\"Tinggi\";IF(O5>=66;\"Sedang\";IF(O5>=51;\"Rendah\";\"Sangat Rendah\")))).",
    explain_en: "\
What it does
  When table T-C.29 has an achievement category column (headed \"Kategori\", \"Kategori
  Capaian\", \"Predikat Capaian\", \"Kriteria\"), the category written is compared with the
  category of the achievement in column 11 (or column 8 when column 11 is blank), on the scale
  of Permendagri 86/2017. The boundaries between whole numbers are set as follows (v = the
  percentage as shown):
    sangat tinggi (very high)  v ≥ 91 (including above 100)
    tinggi (high)              76 ≤ v < 91   (90.5 → tinggi)
    sedang (medium)            66 ≤ v < 76
    rendah (low)               51 ≤ v < 66
    sangat rendah (very low)   v < 51        (50.5 → sangat rendah)
  Categories are read ignoring case and punctuation; the abbreviations ST, T, S, R, SR are
  recognised too. Other text, a blank category cell, and a blank or non-numeric percentage are
  skipped. Without a category column this rule checks nothing. Continuation rows are checked
  on their own.

Why is this bad
  The category is the conclusion of the evaluation that heads of office and Bappeda read. A
  category that does not match its figure gives a wrong picture of performance and is
  questioned at verification.

Example
  Renstra achievement 88,89% with the category \"Sangat Tinggi\"; on the scale it should be
  \"Tinggi\" (76 ≤ 88,89 < 91).

Use instead
  Derive the category from the figure with a formula, e.g.
  =IF(O5>=91,\"Sangat Tinggi\",IF(O5>=76,\"Tinggi\",IF(O5>=66,\"Sedang\",IF(O5>=51,\"Rendah\",\"Sangat Rendah\")))).",
    run,
};

/// The category a written text names, None when it names none.
fn written_category(text: &str) -> Option<&'static str> {
    let n = normalize(text);
    match n.as_str() {
        "st" => return Some("sangat tinggi"),
        "t" => return Some("tinggi"),
        "s" => return Some("sedang"),
        "r" => return Some("rendah"),
        "sr" => return Some("sangat rendah"),
        _ => {}
    }
    let has = |w: &str| holds_word(&n, w, true);
    if has("sangat tinggi") {
        Some("sangat tinggi")
    } else if has("sangat rendah") {
        Some("sangat rendah")
    } else if has("tinggi") {
        Some("tinggi")
    } else if has("sedang") {
        Some("sedang")
    } else if has("rendah") {
        Some("rendah")
    } else {
        None
    }
}

fn category_en(c: &str) -> &'static str {
    match c {
        "sangat tinggi" => "very high",
        "tinggi" => "high",
        "sedang" => "medium",
        "rendah" => "low",
        _ => "very low",
    }
}

fn title_case(c: &str) -> String {
    c.split(' ')
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(f) => f.to_uppercase().chain(cs).collect::<String>(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn run(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for (_, t) in ctx.plan.tables_of(TableKind::TC29) {
        if !t.table.has(Role::Kategori) {
            continue;
        }
        let sheet = &t.table.sheet;
        for (ri, row) in t.table.rows.iter().enumerate() {
            let Some(kat) = row.field(Role::Kategori) else {
                continue;
            };
            let Some(text) = kat.parsed.text().map(str::trim).filter(|s| !s.is_empty()) else {
                continue;
            };
            let Some(written) = written_category(text) else {
                continue;
            };
            let (role, number, v) = match slot(ctx, t, row, Role::K11) {
                Slot::Num(v) => (Role::K11, 11, v),
                Slot::Blank(_) | Slot::Absent => match slot(ctx, t, row, Role::K8).num() {
                    Some(v) => (Role::K8, 8, v),
                    None => continue,
                },
                Slot::Unreadable => continue,
            };
            let expected = category(v.value);
            if expected == written {
                continue;
            }
            let expected_text = title_case(expected);
            out.push(
                Finding::new(
                    &RULE,
                    sheet,
                    kat.pos,
                    format!(
                        "{} tertulis `{}`, tetapi {} = {} termasuk kategori {}",
                        cell_subject(t, ri, Role::Kategori, None, false),
                        text,
                        column_name(t, role, Some(number), false),
                        fmt_shown(&v),
                        expected_text
                    ),
                    format!(
                        "{} says `{}`, but {} = {} falls in the category {} ({})",
                        cell_subject(t, ri, Role::Kategori, None, true),
                        text,
                        column_name(t, role, Some(number), true),
                        fmt_shown(&v),
                        expected_text,
                        category_en(expected)
                    ),
                )
                .related([Related::new(sheet, v.pos)])
                .expected_found(expected_text, text.to_string()),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::util::testkit::{TC29, run, sheet};

    #[test]
    fn written_categories() {
        assert_eq!(written_category("Sangat Tinggi"), Some("sangat tinggi"));
        assert_eq!(written_category("TINGGI"), Some("tinggi"));
        assert_eq!(written_category("Kategori: Sedang"), Some("sedang"));
        assert_eq!(written_category("SR"), Some("sangat rendah"));
        assert_eq!(written_category("Tercapai"), None);
    }

    fn header() -> Vec<&'static str> {
        let mut h = TC29.to_vec();
        h.push("Kategori Capaian");
        h
    }

    fn rows(kat: &'static str) -> Vec<[&'static str; 12]> {
        vec![
            [
                "1.06.01.2.03",
                "Administrasi Barang Milik Daerah",
                "Jumlah dokumen",
                "18",
                "8",
                "4",
                "4",
                "100,00",
                "4",
                "16",
                "88,89",
                kat,
            ],
            // Column 11 blank: the category follows column 8.
            [
                "1.06.01.2.05",
                "Administrasi Kepegawaian",
                "Tersedianya Dokumen",
                "20",
                "12",
                "2",
                "1",
                "50,00",
                "2",
                "",
                "",
                "Sangat Rendah",
            ],
        ]
    }

    #[test]
    fn fires_on_a_category_that_does_not_fit() {
        let f = run(
            &RULE,
            vec![sheet("T-C.29", &[], &header(), &rows("Sangat Tinggi"))],
        );
        assert_eq!(f.len(), 1, "{f:?}");
        let x = &f[0];
        assert_eq!(x.cell, "L2");
        assert_eq!(x.expected.as_deref(), Some("Tinggi"));
        assert_eq!(x.found.as_deref(), Some("Sangat Tinggi"));
        assert_eq!(x.related[0].cell, "K2");
    }

    #[test]
    fn column_8_decides_when_column_11_is_blank() {
        let mut r = rows("Tinggi");
        r[1][11] = "Rendah";
        let f = run(&RULE, vec![sheet("T-C.29", &[], &header(), &r)]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].cell, "L3");
        assert_eq!(f[0].expected.as_deref(), Some("Sangat Rendah"));
        assert_eq!(f[0].related[0].cell, "H3");
    }

    #[test]
    fn silent_when_categories_fit() {
        let f = run(
            &RULE,
            vec![sheet("T-C.29", &[], &header(), &rows("Tinggi"))],
        );
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn silent_without_a_category_column() {
        let r: Vec<[&'static str; 11]> = rows("Sangat Tinggi")
            .into_iter()
            .map(|r| r[..11].try_into().unwrap())
            .collect();
        let f = run(&RULE, vec![sheet("T-C.29", &[], TC29, &r)]);
        assert!(f.is_empty(), "{f:?}");
    }
}
