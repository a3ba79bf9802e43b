//! G001 `stated-count-mismatch`: A stated number of programs / kegiatan / sub kegiatan differs from the table.

use super::util::{column_field, column_year, plan_year, stated_year_phrase, texts_outside_tables};
use super::{Context, Finding, Related, Rule, Severity};
use crate::ingest::cell::Pos;
use crate::ingest::code::Level;
use crate::ingest::kind::TableKind;
use crate::ingest::locate::ColumnMap;
use crate::ingest::rules::{ColumnType, normalize};
use crate::model::pairing::node_key;
use crate::model::plan::TableModel;
use std::collections::BTreeMap;

pub static RULE: Rule = Rule {
    code: "G001",
    name: "stated-count-mismatch",
    family: 'G',
    severity: Severity::Error,
    summary_id: "Jumlah program/kegiatan/sub kegiatan yang disebut tidak sesuai tabel",
    summary_en: "A stated number of programs / kegiatan / sub kegiatan differs from the table",
    explain_id: "\
Apa yang diperiksa
  Kalimat dalam buku kerja yang menyebut banyaknya program, kegiatan dan sub kegiatan, mis.
  \"meliputi 7 (Tujuh) program yang dilaksanakan dalam 18 (Delapan Belas) kegiatan, dan 76
  (Tujuh Puluh Enam) sub kegiatan\", dicari di setiap sel teks di luar tabel (termasuk baris
  judul di atas tabel). Bentuk yang dikenali: angka, angka dengan kata dalam kurung, atau kata
  saja (`tujuh program`), lalu `program` / `kegiatan` / `sub kegiatan` (huruf besar-kecil bebas;
  `sub kegiatan` tidak dihitung sebagai `kegiatan`); juga `program sebanyak 7`. Angka tahun
  (`tahun 2026 program …`) tidak dianggap jumlah. Tahun yang dimaksud adalah tahun yang
  disebut dalam kalimat itu, atau tahun rencana buku kerja (tahun kolom pagu T-C.33).
  Setiap jumlah dibandingkan dengan setiap tabel berjenjang yang memuat tingkat itu dan punya
  kolom nilai untuk tahun tersebut (T-C.33 kolom tahun n, T-C.31 kedua sisi, tabel usulan
  program). Yang dihitung: program/kegiatan/sub kegiatan yang BERBEDA (kode yang sama pada dua
  baris = satu kegiatan; tanpa kode: nama yang dinormalkan di bawah induk yang sama) yang
  dilaksanakan tahun itu, yaitu barisnya sendiri atau salah satu baris di bawahnya berpagu
  tahun itu di atas nol. Tabel tanpa kolom pagu (tabel usulan) memakai target/volume tahun itu
  yang diisi dan bukan nol. Pagu kosong berarti tidak direncanakan tahun itu; pagu 0 berarti
  direncanakan tanpa dana dan TIDAK dihitung sebagai dilaksanakan (pesannya menyebut berapa
  yang berpagu 0). Tabel yang tidak memuat baris di tingkat itu, atau tidak punya satu pun
  baris yang dilaksanakan tahun itu, dilewati. Satu temuan per kalimat, tabel dan tingkat
  yang berbeda, pada sel kalimat; sel terkait = pojok kiri atas tabel. Pesannya menyebut
  kode yang tertulis di lebih dari satu baris (kode gandanya sendiri dilaporkan F007).

Mengapa ini masalah
  Jumlah dalam teks dibaca verifikator sebagai ringkasan rencana. Bila tidak sesuai dengan
  tabel, salah satunya ketinggalan revisi: program/kegiatan ditambah atau dihapus tanpa
  memperbarui teks, atau satu kegiatan ditulis dua kali dalam tabel.

Contoh
  Teks menyebut 18 kegiatan; T-C.33 memuat 18 baris kegiatan berpagu 2026 tetapi kode
  1.06.06.2.02 tertulis dua kali, jadi hanya 17 kegiatan berbeda.

Sebaiknya
  Hitung ulang dari tabel setelah revisi terakhir dan perbarui teksnya; gabungkan baris kegiatan
  yang kodenya sama menjadi satu kegiatan dengan semua sub kegiatannya.",
    explain_en: "\
What it does
  Sentences of the workbook that state how many programs, kegiatan and sub kegiatan there are,
  e.g. \"meliputi 7 (Tujuh) program yang dilaksanakan dalam 18 (Delapan Belas) kegiatan, dan 76
  (Tujuh Puluh Enam) sub kegiatan\", are looked for in every text cell outside the tables
  (title rows above a table included). Recognised forms: a number, a number with words in
  brackets, or words alone (`tujuh program`), then `program` / `kegiatan` / `sub kegiatan` (any
  case; `sub kegiatan` is never counted as `kegiatan`); also `program sebanyak 7`. Years
  (`tahun 2026 program …`) are not counts. The year meant is the one named in the sentence, or
  the workbook's plan year (the year of T-C.33's budget column).
  Each count is compared with every hierarchical table that has rows at that level and value
  columns for that year (T-C.33 year n columns, T-C.31 both sides, the proposal table). What
  counts: DISTINCT programs / kegiatan / sub kegiatan (one code on two rows is one kegiatan;
  without codes, the normalised name under the same parent) carried out that year, i.e. whose
  own row or a row below it has a budget for that year above zero. A table without a budget
  column (the proposal table) uses a filled, non-zero target / volume for that year. A blank
  budget means not planned that year; a budget of 0 means planned without funds and is NOT
  counted as carried out (the message says how many are at 0). A table without rows at that
  level, or without any row carried out that year, is skipped. One finding per statement,
  table and level that differ, on the statement's cell; related = the table's top-left cell.
  The message names codes written on more than one row (F007 reports the duplicate itself).

Why is this bad
  Verifiers read the counts in the text as the summary of the plan. When they differ from the
  tables, one of them missed a revision: programs or kegiatan added or removed without updating
  the text, or one kegiatan written twice in a table.

Example
  The text says 18 kegiatan; T-C.33 has 18 kegiatan rows with a 2026 budget, but code
  1.06.06.2.02 appears twice, so there are only 17 distinct kegiatan.

Use instead
  Recount from the tables after the last revision and update the text; merge kegiatan rows
  with the same code into one kegiatan holding all its sub kegiatan.",
    run,
};

/// One count stated in a text.
#[derive(Debug, Clone, PartialEq)]
struct Stated {
    level: Level,
    n: u64,
}

const NUMBER_WORDS: &[&str] = &[
    "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
    "sepuluh", "sebelas", "seratus", "seribu", "belas", "puluh", "ratus", "ribu",
];

/// Value of Indonesian number words: `tujuh puluh enam` → 76, `delapan belas` → 18.
fn words_value(words: &[&str]) -> Option<u64> {
    if words.is_empty() {
        return None;
    }
    let (mut total, mut group, mut last) = (0u64, 0u64, 0u64);
    for w in words {
        match *w {
            "nol" => last = 0,
            "satu" => last = 1,
            "dua" => last = 2,
            "tiga" => last = 3,
            "empat" => last = 4,
            "lima" => last = 5,
            "enam" => last = 6,
            "tujuh" => last = 7,
            "delapan" => last = 8,
            "sembilan" => last = 9,
            "sepuluh" => group += 10,
            "sebelas" => group += 11,
            "seratus" => group += 100,
            "seribu" => total += 1000,
            "belas" => {
                group += last + 10;
                last = 0;
            }
            "puluh" => {
                group += last * 10;
                last = 0;
            }
            "ratus" => {
                group += last * 100;
                last = 0;
            }
            "ribu" => {
                total += (group + last) * 1000;
                group = 0;
                last = 0;
            }
            _ => return None,
        }
    }
    Some(total + group + last)
}

fn is_year(n: u64) -> bool {
    (1990..=2100).contains(&n)
}

/// The counts a text states, first per level.
fn stated_counts(text: &str) -> Vec<Stated> {
    let norm = normalize(text);
    let tokens: Vec<&str> = norm.split(' ').filter(|t| !t.is_empty()).collect();
    let mut out: Vec<Stated> = Vec::new();
    for i in 0..tokens.len() {
        let (level, start) = match tokens[i] {
            "program" => (Level::Program, i),
            "kegiatan" if i > 0 && tokens[i - 1] == "sub" => (Level::SubKegiatan, i - 1),
            "kegiatan" => (Level::Kegiatan, i),
            "subkegiatan" => (Level::SubKegiatan, i),
            _ => continue,
        };
        // Backwards: `7 (tujuh) program`, `7 program`, `tujuh buah program`.
        let mut j = start;
        if j > 0 && tokens[j - 1] == "buah" {
            j -= 1;
        }
        let words_end = j;
        while j > 0 && NUMBER_WORDS.contains(&tokens[j - 1]) {
            j -= 1;
        }
        let words = &tokens[j..words_end];
        let digits = (j > 0 && tokens[j - 1].chars().all(|c| c.is_ascii_digit()))
            .then(|| tokens[j - 1].parse::<u64>().ok())
            .flatten();
        let before_digits = if digits.is_some() && j >= 2 {
            Some(tokens[j - 2])
        } else {
            None
        };
        let mut n = match digits {
            Some(_) if before_digits == Some("tahun") => None,
            Some(d) if words.is_empty() && is_year(d) => None,
            Some(d) => Some(d),
            None => words_value(words),
        };
        // Forwards: `program sebanyak 7`, `sub kegiatan berjumlah 76`.
        if n.is_none()
            && let Some(conn) = tokens.get(i + 1)
            && ["sebanyak", "berjumlah", "sejumlah"].contains(conn)
        {
            let mut k = i + 2;
            if let Some(d) = tokens
                .get(k)
                .filter(|t| t.chars().all(|c| c.is_ascii_digit()))
                .and_then(|t| t.parse::<u64>().ok())
            {
                n = Some(d);
            } else {
                let from = k;
                while tokens.get(k).is_some_and(|t| NUMBER_WORDS.contains(t)) {
                    k += 1;
                }
                n = words_value(&tokens[from..k]);
            }
        }
        if let Some(n) = n
            && !out.iter().any(|s| s.level == level)
        {
            out.push(Stated { level, n });
        }
    }
    out
}

/// The year a statement names (`tahun 2026` first, else any year).
fn stated_year(text: &str) -> Option<i32> {
    let norm = normalize(text);
    let tokens: Vec<&str> = norm.split(' ').collect();
    let year = |t: &str| t.parse::<i32>().ok().filter(|y| (1990..=2100).contains(y));
    tokens
        .windows(2)
        .find(|w| w[0] == "tahun" && year(w[1]).is_some())
        .and_then(|w| year(w[1]))
        .or_else(|| tokens.iter().find_map(|t| year(t)))
}

/// What one table says for one level and year.
struct TableCount {
    /// Distinct entities carried out that year.
    distinct: usize,
    /// Rows at that level carried out that year.
    rows: usize,
    /// Keys written on more than one carried-out row, with the row count.
    repeated: Vec<(String, usize)>,
    /// Distinct entities that have a value for the year but only zero.
    zero: usize,
    /// The count rests on budgets (true) or on targets / volumes (false).
    by_budget: bool,
}

/// Carried-out flags and keys of a table's nodes for year `n`; None when the table has no
/// value column for that year or nothing carried out that year.
fn table_counts(t: &TableModel, n: i32, base: i32) -> Option<BTreeMap<Level, TableCount>> {
    let year_cols = |ty: ColumnType| -> Vec<&ColumnMap> {
        t.table
            .columns
            .iter()
            .filter(|c| c.ty == ty && column_year(c, base) == n)
            .collect()
    };
    let mut cols = year_cols(ColumnType::Amount);
    let by_budget = !cols.is_empty();
    if !by_budget {
        cols = year_cols(ColumnType::Target);
    }
    if cols.is_empty() || t.nodes.is_empty() {
        return None;
    }
    // Own values: Some(true) positive, Some(false) only zero, None blank.
    let own: Vec<Option<bool>> = t
        .nodes
        .iter()
        .map(|node| {
            let vals: Vec<_> = cols
                .iter()
                .filter_map(|c| column_field(t, node, c).and_then(|f| f.parsed.number()))
                .collect();
            if vals.is_empty() {
                None
            } else {
                Some(vals.iter().any(|v| v.is_sign_positive() && !v.is_zero()))
            }
        })
        .collect();
    // A node is carried out when its row or a row below it is (children follow parents).
    let mut done: Vec<bool> = own.iter().map(|o| *o == Some(true)).collect();
    for i in (0..t.nodes.len()).rev() {
        if done[i]
            && let Some(p) = t.nodes[i].parent
        {
            done[p] = true;
        }
    }
    if !done.iter().any(|d| *d) {
        return None;
    }
    // Keys: the code, else the parent's key and the normalised name.
    let keys: Vec<String> = (0..t.nodes.len()).map(|i| node_key(t, i)).collect();
    let mut out = BTreeMap::new();
    for level in [Level::Program, Level::Kegiatan, Level::SubKegiatan] {
        let at: Vec<usize> = (0..t.nodes.len())
            .filter(|&i| t.nodes[i].level == level)
            .collect();
        if at.is_empty() {
            continue;
        }
        let mut per_key: BTreeMap<&str, usize> = BTreeMap::new();
        for &i in at.iter().filter(|&&i| done[i]) {
            *per_key.entry(keys[i].as_str()).or_default() += 1;
        }
        let mut zero: Vec<&str> = at
            .iter()
            .filter(|&&i| !done[i] && own[i] == Some(false))
            .map(|&i| keys[i].as_str())
            .filter(|k| !per_key.contains_key(k))
            .collect();
        zero.sort_unstable();
        zero.dedup();
        let repeated = per_key
            .iter()
            .filter(|(_, c)| **c > 1)
            .map(|(k, c)| {
                // A name key reads better without its parent path.
                let shown = k.rsplit('/').next().unwrap_or(k).to_string();
                (shown, *c)
            })
            .collect();
        out.insert(
            level,
            TableCount {
                distinct: per_key.len(),
                rows: per_key.values().sum(),
                repeated,
                zero: zero.len(),
                by_budget,
            },
        );
    }
    Some(out)
}

fn level_word(l: Level, en: bool) -> &'static str {
    match (l, en) {
        (Level::Program, _) => "program",
        (Level::Kegiatan, false) => "kegiatan",
        (Level::Kegiatan, true) => "kegiatan (activities)",
        (Level::SubKegiatan, false) => "sub kegiatan",
        (Level::SubKegiatan, true) => "sub kegiatan (sub-activities)",
        (l, en) => l.name(en),
    }
}

fn run(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    let plan_y = plan_year(ctx.plan);
    for (sheet, pos, text) in texts_outside_tables(ctx) {
        let stated = stated_counts(text);
        if stated.is_empty() {
            continue;
        }
        let base = plan_y.or(stated_year(text)).unwrap_or(0);
        let year = stated_year(text).unwrap_or(base);
        // The statement is about the plan; the year-end evaluation (E.81) is another document.
        for (ti, t) in ctx
            .plan
            .tables
            .iter()
            .enumerate()
            .filter(|(_, t)| t.table.kind != TableKind::E81)
        {
            // A table continued over several sheets is counted once, as a whole.
            let group = super::util::continuation_group(ctx.plan, ti);
            if group[0] != ti {
                continue;
            }
            let mut counts: Option<BTreeMap<Level, TableCount>> = None;
            for &g in &group {
                let Some(part) = table_counts(&ctx.plan.tables[g], year, base) else {
                    continue;
                };
                let merged = counts.get_or_insert_with(BTreeMap::new);
                for (level, c) in part {
                    match merged.get_mut(&level) {
                        Some(m) => {
                            m.distinct += c.distinct;
                            m.rows += c.rows;
                            m.zero += c.zero;
                            m.repeated.extend(c.repeated);
                        }
                        None => {
                            merged.insert(level, c);
                        }
                    }
                }
            }
            let Some(counts) = counts else {
                continue;
            };
            for s in &stated {
                let Some(c) = counts.get(&s.level) else {
                    continue;
                };
                if c.distinct as u64 == s.n {
                    continue;
                }
                out.push(finding(t, &sheet.name, pos, s, c, year));
            }
        }
    }
    out
}

fn finding(
    t: &TableModel,
    sheet: &str,
    pos: Pos,
    s: &Stated,
    c: &TableCount,
    year: i32,
) -> Finding {
    let lt = &t.table;
    let (y_id, y_en) = stated_year_phrase(year);
    let (basis_id, basis_en) = if c.by_budget {
        (
            format!("berpagu{y_id} di atas nol"),
            format!("with a budget{y_en} above zero"),
        )
    } else {
        (
            format!("bertarget/volume{y_id}"),
            format!("with a target / volume{y_en}"),
        )
    };
    let mut notes_id = Vec::new();
    let mut notes_en = Vec::new();
    if c.rows != c.distinct {
        let reps: Vec<String> = c
            .repeated
            .iter()
            .map(|(k, n)| format!("{k} ×{n}"))
            .collect();
        notes_id.push(format!(
            "{} baris, karena tertulis lebih dari sekali: {}",
            c.rows,
            reps.join(", ")
        ));
        notes_en.push(format!(
            "{} rows, as some are written more than once: {}",
            c.rows,
            reps.join(", ")
        ));
    }
    if c.zero > 0 {
        let (z_id, z_en) = if c.by_budget {
            ("berpagu 0", "with a budget of 0")
        } else {
            ("bertarget 0", "with a target of 0")
        };
        notes_id.push(format!(
            "{} {} {} tidak dihitung",
            c.zero,
            level_word(s.level, false),
            z_id
        ));
        notes_en.push(format!(
            "{} {} {} not counted",
            c.zero,
            level_word(s.level, true),
            z_en
        ));
    }
    let paren = |v: &[String]| {
        if v.is_empty() {
            String::new()
        } else {
            format!(" ({})", v.join("; "))
        }
    };
    Finding::new(
        &RULE,
        sheet,
        pos,
        format!(
            "Teks menyebut {} {}{}, tetapi {} `{}` memuat {} {} berbeda {}{}",
            s.n,
            level_word(s.level, false),
            y_id,
            lt.kind,
            lt.sheet,
            c.distinct,
            level_word(s.level, false),
            basis_id,
            paren(&notes_id)
        ),
        format!(
            "The text states {} {}{}, but {} `{}` has {} distinct {} {}{}",
            s.n,
            level_word(s.level, true),
            y_en,
            lt.kind,
            lt.sheet,
            c.distinct,
            level_word(s.level, true),
            basis_en,
            paren(&notes_en)
        ),
    )
    .related([Related::new(
        &lt.sheet,
        Pos::new(lt.header_start, lt.first_col),
    )])
    .expected_found(
        format!("{} {}", c.distinct, level_word(s.level, false)),
        format!("{} {}", s.n, level_word(s.level, false)),
    )
    .expected_found_en(
        format!("{} {}", c.distinct, level_word(s.level, true)),
        format!("{} {}", s.n, level_word(s.level, true)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::util::testkit::{TC33, USULAN, run, sheet};

    const STATEMENT: &str = "Program dan kegiatan tahun 2026 meliputi 2 (Dua) program yang \
        dilaksanakan dalam 3 (Tiga) kegiatan, dan 4 (Empat) Sub Kegiatan.";

    #[test]
    fn reads_counts_in_numbers_words_and_case() {
        let s = stated_counts(STATEMENT);
        assert_eq!(
            s,
            [
                Stated {
                    level: Level::Program,
                    n: 2
                },
                Stated {
                    level: Level::Kegiatan,
                    n: 3
                },
                Stated {
                    level: Level::SubKegiatan,
                    n: 4
                },
            ]
        );
        let s =
            stated_counts("meliputi tujuh program, 18 KEGIATAN dan tujuh puluh enam sub-kegiatan");
        assert_eq!(
            s.iter().map(|x| (x.level, x.n)).collect::<Vec<_>>(),
            [
                (Level::Program, 7),
                (Level::Kegiatan, 18),
                (Level::SubKegiatan, 76)
            ]
        );
        assert_eq!(
            stated_counts("Jumlah sub kegiatan sebanyak 76 (tujuh puluh enam)"),
            [Stated {
                level: Level::SubKegiatan,
                n: 76
            }]
        );
        // Years and section numbers are not counts; `program dan kegiatan` holds none.
        assert!(stated_counts("Rencana tahun 2026 program dan kegiatan").is_empty());
        assert!(stated_counts("2.5. Penelaahan Usulan Program dan Kegiatan").is_empty());
        assert_eq!(words_value(&["seratus", "dua", "puluh", "tiga"]), Some(123));
        assert_eq!(words_value(&["delapan", "belas"]), Some(18));
    }

    /// T-C.33 rows: 2 programs, 3 kegiatan rows (one code twice), 4 funded sub kegiatan plus
    /// one planned at 0 and one for the forward year only.
    fn tc33_rows() -> Vec<[&'static str; 12]> {
        let r = |k: &'static str, u: &'static str, n: &'static str, n1: &'static str| {
            [k, u, "", "", "", "", n, "", "", "", "", n1]
        };
        vec![
            r("1.06.01", "PROGRAM PENUNJANG", "300", "300"),
            r("1.06.01.2.01", "Perencanaan", "300", "300"),
            r("1.06.01.2.01.01", "Penyusunan Dokumen", "100", "100"),
            r("1.06.01.2.01.02", "Evaluasi Kinerja", "200", "100"),
            r("1.06.01.2.01.03", "Pengadaan Pakaian", "0", "50"),
            r("1.06.01.2.01.04", "Koordinasi", "", "50"),
            r("1.06.06", "PROGRAM PENANGANAN BENCANA", "500", "500"),
            r("1.06.06.2.02", "Kesiapsiagaan Bencana", "400", "400"),
            r("1.06.06.2.02.01", "Kampung Siaga", "400", "400"),
            r("1.06.06.2.02", "Kesiapsiagaan Bencana", "100", "100"),
            r("1.06.06.2.02.03", "Relawan", "100", "100"),
        ]
    }

    #[test]
    fn fires_on_a_duplicated_kegiatan_counted_twice_in_the_text() {
        let f = run(
            &RULE,
            vec![sheet(
                "T-C.33",
                &["Tabel T-C.33", STATEMENT],
                TC33,
                &tc33_rows(),
            )],
        );
        // Programs 2 and funded sub kegiatan 4 agree; kegiatan: 3 rows but 2 distinct codes.
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].sheet, "T-C.33");
        assert_eq!(f[0].cell, "A2");
        assert_eq!(f[0].expected.as_deref(), Some("2 kegiatan"));
        assert_eq!(f[0].found.as_deref(), Some("3 kegiatan"));
        assert_eq!(f[0].related, [Related::new("T-C.33", Pos::new(2, 0))]);
        assert!(
            f[0].message_id.contains("1.06.06.2.02 ×2"),
            "{}",
            f[0].message_id
        );
    }

    #[test]
    fn silent_when_the_counts_match_distinct_funded_rows() {
        let statement = "meliputi 2 (Dua) program, 2 (Dua) kegiatan dan 4 (Empat) sub kegiatan";
        let f = run(
            &RULE,
            vec![sheet("T-C.33", &[statement], TC33, &tc33_rows())],
        );
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn the_forward_year_is_counted_when_the_text_names_it() {
        // 2027: the six sub kegiatan rows all have a budget above zero (the 2026 zero and blank
        // ones included), so the text's 7 is wrong.
        let statement = "Prakiraan maju tahun 2027 meliputi 7 sub kegiatan";
        let mut header: Vec<&str> = TC33.to_vec();
        header[6] = "Rencana Tahun 2026 Pagu";
        header[11] = "Prakiraan Maju Tahun 2027 Pagu";
        let f = run(
            &RULE,
            vec![sheet("T-C.33", &[statement], &header, &tc33_rows())],
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].expected.as_deref(), Some("6 sub kegiatan"));
        assert_eq!(f[0].found.as_deref(), Some("7 sub kegiatan"));
    }

    #[test]
    fn a_proposal_table_without_codes_counts_volumes_and_names() {
        let rows: Vec<[&'static str; 7]> = vec![
            ["", "PROGRAM PENUNJANG", "", "", "", "", ""],
            ["", "Perencanaan", "", "", "", "", ""],
            [
                "1",
                "Penyusunan Dokumen",
                "Dokumen",
                "Tenggarong",
                "3",
                "Dokumen",
                "",
            ],
            [
                "2",
                "Evaluasi Kinerja",
                "Laporan",
                "Tenggarong",
                "8",
                "Laporan",
                "",
            ],
            ["", "PROGRAM PENANGANAN BENCANA", "", "", "", "", ""],
            ["", "Kesiapsiagaan Bencana", "", "", "", "", ""],
            ["1", "Kampung Siaga", "Desa", "Loa Kulu", "4", "Desa", ""],
            ["", "Kesiapsiagaan bencana", "", "", "", "", ""],
            ["1", "Relawan", "Orang", "Loa Kulu", "20", "Orang", ""],
        ];
        let statement = "meliputi 2 (Dua) program yang dilaksanakan dalam 3 (Tiga) kegiatan, \
            dan 4 (Empat) sub kegiatan";
        let f = run(&RULE, vec![sheet("Usulan", &[statement], USULAN, &rows)]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].cell, "A1");
        assert_eq!(f[0].expected.as_deref(), Some("2 kegiatan"));
        assert_eq!(f[0].related, [Related::new("Usulan", Pos::new(1, 0))]);
    }
}
