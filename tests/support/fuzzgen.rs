//! Structure-aware fuzzing: an arbitrary [`Spec`] (a plan hierarchy plus a layout) written as an
//! .xlsx that resembles the real forms (T-C.33, T-C.31, T-C.29, E.81, the regency's RKPD), so
//! the fuzzer's inputs get past the zip reader and ingest into the checks and the annotated copy.
//! Shared by the `plan` fuzz target (fuzz/fuzz_targets/plan.rs) and its regression test
//! (tests/fuzz_regressions.rs), both of which include this file with `#[path]`.
//!
//! Every enum's first variant is the well-formed choice, so short or exhausted inputs (arbitrary
//! fills missing bytes with zeros) give a plausible plan: the fuzzer then bends one thing at a
//! time. Sizes are capped (rows, tables, text length) to keep executions fast.
#![allow(dead_code)]

use arbitrary::{Arbitrary, Unstructured};
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

const MAX_ROWS: usize = 32;
const MAX_TABLES: usize = 4;
const MAX_SHEETS: usize = 4;
/// Excel's limit for one cell's text; longer is an error in rust_xlsxwriter, not a test of selaras.
const MAX_TEXT: usize = 32_767;

/// A list whose length is one byte (0 = `DEFAULT` items, so an exhausted input still gives a
/// plan), capped at `MAX`; arbitrary's own Vec reads a continue-bit per item, which the fuzzer
/// rarely grows past one or two.
#[derive(Debug, Clone)]
pub struct Many<T, const DEFAULT: usize, const MAX: usize>(pub Vec<T>);

impl<'a, T: Arbitrary<'a>, const DEFAULT: usize, const MAX: usize> Arbitrary<'a>
    for Many<T, DEFAULT, MAX>
{
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        let n = match u8::arbitrary(u)? {
            0 => DEFAULT,
            b => b as usize % (MAX + 1),
        };
        let mut v = Vec::with_capacity(n);
        for _ in 0..n {
            v.push(T::arbitrary(u)?);
        }
        Ok(Many(v))
    }
}

/// The whole input: the office's plan and how to lay it out, plus a revision of it (for
/// reconcile) laid out again (possibly as the regency's RKPD, for the RKPD comparison).
#[derive(Arbitrary, Debug, Clone)]
pub struct Spec {
    pub year: Year,
    pub office: Office,
    /// Parents' budgets are the sum of their sub kegiatan (so sums agree unless bent).
    pub roll_up: bool,
    pub sheets: Many<SheetPlan, 0, MAX_SHEETS>,
    pub statements: Statements,
    pub revised_sheets: Many<SheetPlan, 0, MAX_SHEETS>,
    pub revision: Many<Edit, 0, 16>,
    /// Last: rows take most of the bytes, and the layout above must not starve for them.
    pub rows: Many<Row, 14, MAX_ROWS>,
}

#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum Year {
    Y2026,
    Y2025,
    Other(i16),
}

impl Year {
    fn n(self) -> i32 {
        match self {
            Year::Y2026 => 2026,
            Year::Y2025 => 2025,
            Year::Other(y) => y as i32,
        }
    }
}

#[derive(Arbitrary, Debug, Clone)]
pub enum Office {
    Dinsos,
    Bappeda,
    Other(Text),
}

impl Office {
    fn name(&self) -> String {
        match self {
            Office::Dinsos => "Dinas Sosial".into(),
            Office::Bappeda => "Badan Perencanaan Pembangunan Daerah".into(),
            Office::Other(t) => t.render(&Ctx::default()),
        }
    }
}

/// A row's level: `Next` follows the usual order (urusan, bidang, then program → kegiatan →
/// two sub kegiatan → kegiatan → …), the others force one.
#[derive(Arbitrary, Debug, Clone, Copy, PartialEq, Eq)]
pub enum LevelChoice {
    Next,
    Sub,
    Kegiatan,
    Program,
    Bidang,
    Urusan,
}

const NEXT: [Level; 7] = [
    Level::Program,
    Level::Kegiatan,
    Level::Sub,
    Level::Sub,
    Level::Kegiatan,
    Level::Sub,
    Level::Sub,
];

fn levels(rows: &[Row]) -> Vec<Level> {
    let mut k = 0usize;
    rows.iter()
        .enumerate()
        .map(|(i, r)| match r.level {
            LevelChoice::Next => match i {
                0 => Level::Urusan,
                1 => Level::Bidang,
                _ => {
                    k += 1;
                    NEXT[(k - 1) % NEXT.len()]
                }
            },
            LevelChoice::Sub => Level::Sub,
            LevelChoice::Kegiatan => Level::Kegiatan,
            LevelChoice::Program => Level::Program,
            LevelChoice::Bidang => Level::Bidang,
            LevelChoice::Urusan => Level::Urusan,
        })
        .collect()
}

#[derive(Arbitrary, Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Sub,
    Kegiatan,
    Program,
    Bidang,
    Urusan,
}

impl Level {
    fn depth(self) -> usize {
        match self {
            Level::Urusan => 0,
            Level::Bidang => 1,
            Level::Program => 2,
            Level::Kegiatan => 3,
            Level::Sub => 4,
        }
    }
}

/// One plan row (urusan … sub kegiatan).
#[derive(Arbitrary, Debug, Clone)]
pub struct Row {
    pub level: LevelChoice,
    pub code: Code,
    pub name: Text,
    pub indicator: Text,
    pub location: Text,
    pub target: Num,
    pub unit: Unit,
    pub pagu: Num,
    pub fund: Text,
    pub target_n1: Num,
    pub pagu_n1: Num,
    /// The needs analysis' pagu and target (T-C.31); None = same as the draft.
    pub analysis: Option<(Num, Num)>,
    /// Realisations and renstra figures (T-C.29, E.81): used as k4…k11 / quarters.
    pub real: [Num; 4],
    pub note: Text,
}

#[derive(Arbitrary, Debug, Clone)]
pub enum Code {
    /// The next valid-looking code at the row's level under bidang 1.06.
    Auto,
    /// A code from the built-in nomenclature (with its official name unless the row's is used).
    Nomenclature(u8),
    /// Auto with one segment set to this number (duplicates, huge segments).
    Segment(u16),
    /// The previous row's code again.
    Duplicate,
    Empty,
    /// Auto, then bent: double dots, a comma, letters, spaces, a trailing dot …
    Garbled(u8),
    Raw(String),
    /// A number cell (2.01 shown as 0.00, or 1.06 that Excel made 1.06 float).
    Number(f64),
}

#[derive(Arbitrary, Debug, Clone)]
pub enum Text {
    Vocab(u8),
    /// The nomenclature's name at this index.
    Official(u8),
    Empty,
    Raw(String),
    /// A vocabulary word repeated up to ~32k characters.
    Long(u8, u16),
    FormulaLike(u8),
    Whitespace(u8),
    Unicode(u8),
    /// A real formula cell.
    Formula(u8),
}

#[derive(Arbitrary, Debug, Clone)]
pub enum Unit {
    Vocab(u8),
    Empty,
    Raw(String),
}

/// A number as a form writes it.
#[derive(Arbitrary, Debug, Clone)]
pub enum Num {
    /// Rupiah in whole thousands, a number cell.
    Int(u32),
    Empty,
    Zero,
    Negative(i64),
    Big(i64),
    Float(f64),
    /// Near Decimal's limit and over it: 7e28, 7.9e28, 1e29, 1e300 …
    Huge(u8),
    /// Indonesian text: thousands dots, decimal comma (`1.250.000,00`).
    IdText(i64, u8),
    /// `Rp 1.250.000` / `Rp. 1.250.000,-`.
    Rupiah(i64, u8),
    /// Accounting negative `(1.250.000)`.
    Parens(i64),
    /// English text `1,250,000.50`, scientific `7e28`, percent `92,45%` …
    Odd(u8, i64),
    Raw(String),
    Formula(u8),
    /// Target with its unit in one cell: `120 Orang`.
    WithUnit(u16, u8),
}

#[derive(Arbitrary, Debug, Clone)]
pub struct Statements {
    /// Write the "meliputi N program … kegiatan … sub kegiatan" sentence: right or off by this.
    pub counts: Option<i8>,
    /// Write the "Total kebutuhan dana … Rp …" sentence: right or off by this.
    pub total: Option<i32>,
}

#[derive(Arbitrary, Debug, Clone)]
pub struct SheetPlan {
    pub name: SheetName,
    pub tables: Many<TableOpts, 1, 3>,
    /// Tables side by side instead of one under the other.
    pub across: bool,
}

#[derive(Arbitrary, Debug, Clone)]
pub enum SheetName {
    Kind,
    Indexed(u8),
    Raw(String),
}

#[derive(Arbitrary, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    T33,
    T31,
    T29,
    E81,
    Rkpd,
}

#[derive(Arbitrary, Debug, Clone)]
pub struct TableOpts {
    pub kind: Kind,
    /// Header wording: the staff form's or another office's.
    pub wording: u8,
    pub titles: u8,
    pub header: HeaderStyle,
    pub number_row: NumberRow,
    pub codes: CodeStyle,
    /// Bit i drops column i (after the name column).
    pub drop: u32,
    /// Extra unnamed / odd columns at the end or start.
    pub extra: u8,
    pub extra_first: bool,
    /// Rotate the non-name columns by this much.
    pub rotate: u8,
    pub joined_target: bool,
    pub thousands: bool,
    pub total: Total,
    pub signature: bool,
    pub skip_col: u8,
    pub gap: u8,
    /// Bit i (mod 32) drops plan row i from this table.
    pub row_drop: u32,
    /// Repeat the header after this many rows (printed pages), with a `Lembar` row.
    pub page_repeat: u8,
    pub numfmt: u8,
    pub bold_parents: bool,
    /// Write amounts and targets as text cells instead of number cells.
    pub as_text: bool,
}

#[derive(Arbitrary, Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeaderStyle {
    TwoRowsMerged,
    OneRow,
    TwoRowsUnmerged,
    ThreeRows,
    /// Group text only in the group's first cell, no merge.
    GroupFirstOnly,
}

#[derive(Arbitrary, Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberRow {
    None,
    Plain,
    Parens,
    Wrong,
    Formulas,
}

#[derive(Arbitrary, Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeStyle {
    Joined,
    Split,
    NoCode,
    Padded,
}

#[derive(Arbitrary, Debug, Clone)]
pub enum Total {
    None,
    Sum,
    Off(i32),
    Text(Num),
    SumFormula,
}

// A fuzz input: its size does not matter, its shape decides how bytes map to edits.
#[allow(clippy::large_enum_variant)]
#[derive(Arbitrary, Debug, Clone)]
pub enum Edit {
    Pagu(u8, Num),
    Target(u8, Num),
    Name(u8, Text),
    Code(u8, Code),
    Remove(u8),
    Insert(u8, Row),
    Swap(u8, u8),
    Indicator(u8, Text),
}

// ---------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------

const NAMES: &[&str] = &[
    "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
    "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
    "Penyusunan Dokumen Perencanaan Perangkat Daerah",
    "PROGRAM REHABILITASI SOSIAL",
    "Rehabilitasi Sosial Dasar Penyandang Disabilitas Terlantar, Anak Terlantar, Lanjut Usia Terlantar, serta Gelandangan Pengemis di Luar Panti Sosial",
    "Penyediaan Makanan",
    "URUSAN PEMERINTAHAN BIDANG SOSIAL",
    "URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR",
    "Program Perlindungan dan Jaminan Sosial",
    "Pengelolaan Data Fakir Miskin Cakupan Daerah Kabupaten/Kota",
    "JUMLAH",
    "Total",
    "Lembar : 2",
    "Nama Perangkat Daerah : Dinas Sosial",
    "Kegiatan",
    "Sub Kegiatan",
    "-",
    "program",
];

const INDICATORS: &[&str] = &[
    "Persentase dokumen perencanaan yang tepat waktu",
    "Jumlah Dokumen Perencanaan Perangkat Daerah",
    "Persentase PPKS yang memperoleh bantuan sosial",
    "Jumlah Anak Terlantar yang Terpenuhi Kebutuhan Dasarnya",
    "Cakupan layanan (%)",
    "",
    "Indeks Kepuasan Masyarakat",
];

const UNITS: &[&str] = &[
    "Dokumen",
    "Orang",
    "%",
    "Persen",
    "Laporan",
    "Unit",
    "Orang/Bulan",
    "Paket",
    "Kegiatan",
    "Rp",
    "Indeks",
    "Keluarga",
    "Bulan",
    "KK",
    "",
];

const FUNDS: &[&str] = &["DAU", "PAD", "DAK", "APBD", "APBD Kab", "Bankeu Prov", ""];

const LOCATIONS: &[&str] = &[
    "Kabupaten Kutai Kartanegara",
    "Tenggarong",
    "18 Kecamatan",
    "Seluruh Kecamatan",
    "",
];

const FORMULA_LIKE: &[&str] = &[
    "=1/0",
    "=SUM(A1:A3)",
    "+62 812",
    "-",
    "@SUM(A1)",
    "=",
    "#DIV/0!",
    "#REF!",
    "=HYPERLINK(\"x\")",
    "'",
    "--",
    "—",
];

const UNICODE: &[&str] = &[
    "Pengelolaan Data Fakir Miskin\u{00a0}Cakupan Daerah",
    "Program\u{200b}Rehabilitasi\u{200b}Sosial",
    "e\u{0301}\u{0301}\u{0301}valuasi",
    "\u{202e}LAPORAN\u{202c}",
    "😀 Penyediaan Makanan 🍚",
    "ﷺ\u{fdfd}",
    "ＰＲＯＧＲＡＭ　ＲＥＨＡＢＩＬＩＴＡＳＩ",
    "İıŞşĞğ",
    "\u{0}\u{1}\u{7}\u{1b}[31m",
    "\u{feff}Kode",
    "ß\u{fb00}",
    "\r\n\r\n",
];

const WHITESPACE: &[&str] = &[" ", "   ", "\t", "\n", " \n \t ", "\u{a0}", "\u{3000}"];

const FORMULAS: &[&str] = &[
    "=1/0",
    "=SUM(1,2)",
    "=NA()",
    "=\"12\"&\"3\"",
    "=1E308*10",
    "=-0",
    "=A1",
    "=ROUND(2.5,0)",
];

fn pick<'a>(list: &[&'a str], i: impl Into<u64>) -> &'a str {
    list[(i.into() % list.len() as u64) as usize]
}

/// The built-in nomenclature (code, name), parsed once.
fn nomenclature() -> &'static [(String, String)] {
    use std::sync::OnceLock;
    static N: OnceLock<Vec<(String, String)>> = OnceLock::new();
    N.get_or_init(|| {
        let mut out = Vec::new();
        for line in include_str!("../../rules/nomenclature.csv").lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            if let Some((c, n)) = line.split_once(',') {
                if c == "kode" {
                    continue;
                }
                out.push((c.to_string(), n.trim_matches('"').to_string()));
            }
        }
        out
    })
}

fn nom(i: u8) -> (&'static str, &'static str) {
    let n = nomenclature();
    if n.is_empty() {
        return ("1.06", "URUSAN PEMERINTAHAN BIDANG SOSIAL");
    }
    let (c, s) = &n[i as usize % n.len()];
    (c, s)
}

// ---------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------

#[derive(Default)]
struct Ctx {
    year: i32,
}

/// What one cell gets.
#[derive(Clone, Debug)]
enum Cell {
    Blank,
    Str(String),
    Num(f64),
    Formula(String, Option<f64>),
}

fn cap(mut s: String) -> String {
    if s.chars().count() > MAX_TEXT {
        s = s.chars().take(MAX_TEXT).collect();
    }
    s
}

impl Text {
    fn render(&self, _c: &Ctx) -> String {
        match self.cell(NAMES) {
            Cell::Str(s) => s,
            Cell::Formula(f, _) => f,
            _ => String::new(),
        }
    }

    fn cell(&self, vocab: &[&str]) -> Cell {
        match self {
            Text::Vocab(i) => Cell::Str(pick(vocab, *i).to_string()),
            Text::Official(i) => Cell::Str(nom(*i).1.to_string()),
            Text::Empty => Cell::Blank,
            Text::Raw(s) => Cell::Str(cap(s.clone())),
            Text::Long(i, n) => {
                // Mostly up to 2k characters; Excel's limit itself for the top of the range.
                let target = if *n >= 0xFF00 {
                    MAX_TEXT
                } else {
                    *n as usize % 2048 + 1
                };
                let w = pick(NAMES, *i);
                let mut s = String::new();
                let mut chars = 0;
                while chars < target {
                    for ch in w.chars().chain(std::iter::once(' ')) {
                        if chars == target {
                            break;
                        }
                        s.push(ch);
                        chars += 1;
                    }
                }
                Cell::Str(s)
            }
            Text::FormulaLike(i) => Cell::Str(pick(FORMULA_LIKE, *i).to_string()),
            Text::Whitespace(i) => Cell::Str(pick(WHITESPACE, *i).to_string()),
            Text::Unicode(i) => Cell::Str(pick(UNICODE, *i).to_string()),
            Text::Formula(i) => Cell::Formula(pick(FORMULAS, *i).to_string(), None),
        }
    }
}

impl Unit {
    fn text(&self) -> String {
        match self {
            Unit::Vocab(i) => pick(UNITS, *i).to_string(),
            Unit::Empty => String::new(),
            Unit::Raw(s) => cap(s.chars().take(200).collect()),
        }
    }
}

/// `1234567` → `1.234.567` (Indonesian thousands dots).
fn id_int(v: i128) -> String {
    let digits = v.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(ch);
    }
    if v < 0 { format!("-{out}") } else { out }
}

impl Num {
    /// The value the number stands for, where it is one (for sums and totals).
    fn value(&self) -> Option<f64> {
        match self {
            Num::Int(v) => Some(*v as f64 * 1000.0),
            Num::Zero => Some(0.0),
            Num::Negative(v) => Some(-(v.unsigned_abs() as f64)),
            Num::Big(v) => Some(*v as f64),
            Num::Float(f) if f.is_finite() => Some(*f),
            Num::IdText(v, _) | Num::Rupiah(v, _) => Some(*v as f64),
            Num::Parens(v) => Some(-(v.unsigned_abs() as f64)),
            _ => None,
        }
    }

    fn cell(&self, as_text: bool) -> Cell {
        let num = |v: f64| {
            if as_text {
                Cell::Str(id_num(v))
            } else {
                Cell::Num(v)
            }
        };
        match self {
            Num::Int(v) => num(*v as f64 * 1000.0),
            Num::Empty => Cell::Blank,
            Num::Zero => num(0.0),
            Num::Negative(v) => num(-(v.unsigned_abs() as f64)),
            Num::Big(v) => num(*v as f64),
            Num::Float(f) => Cell::Num(*f),
            Num::Huge(i) => {
                let vals = [
                    7e28,
                    7.9e28,
                    7.922816251426434e28,
                    1e29,
                    1e300,
                    f64::MAX,
                    -7.9e28,
                    1e-300,
                    5e-324,
                    1e15 + 0.5,
                ];
                let v = vals[*i as usize % vals.len()];
                if as_text || i % 3 == 1 {
                    Cell::Str(match i % 4 {
                        0 => format!("{v:e}"),
                        1 => format!("{v}"),
                        2 => id_int(v as i128),
                        _ => format!("Rp {}", id_int(v as i128)),
                    })
                } else {
                    Cell::Num(v)
                }
            }
            Num::IdText(v, d) => {
                let s = id_int(*v as i128);
                Cell::Str(match d % 4 {
                    0 => format!("{s},00"),
                    1 => s,
                    2 => format!("{s},{}", d % 100),
                    _ => format!("{s},{:0>2}", d),
                })
            }
            Num::Rupiah(v, d) => {
                let s = id_int(*v as i128);
                Cell::Str(match d % 5 {
                    0 => format!("Rp {s}"),
                    1 => format!("Rp. {s},-"),
                    2 => format!("Rp{s},00"),
                    3 => format!("IDR {s}"),
                    _ => format!("Rp. {s}"),
                })
            }
            Num::Parens(v) => Cell::Str(format!("({})", id_int(v.unsigned_abs() as i128))),
            Num::Odd(k, v) => Cell::Str(match k % 10 {
                0 => {
                    // English separators
                    let s = id_int(*v as i128).replace('.', ",");
                    format!("{s}.50")
                }
                1 => format!("{}e{}", v % 100, (v / 100) % 40),
                2 => format!("{},{}%", v % 1000, (v / 1000).unsigned_abs() % 100),
                3 => format!("{} ", id_int(*v as i128)),
                4 => format!("{}..{}", v % 1000, v / 1000),
                5 => "-".into(),
                6 => format!("{v}"),
                7 => format!("1.2.3.{v}"),
                8 => format!("{},{},{}", v % 10, v % 7, v % 3),
                _ => format!("- {}", id_int(*v as i128)),
            }),
            Num::Raw(s) => Cell::Str(cap(s.chars().take(300).collect())),
            Num::Formula(i) => Cell::Formula(pick(FORMULAS, *i).to_string(), None),
            Num::WithUnit(v, u) => Cell::Str(format!("{} {}", v, pick(UNITS, *u))),
        }
    }
}

fn id_num(v: f64) -> String {
    if !v.is_finite() {
        return format!("{v}");
    }
    if v.fract() == 0.0 && v.abs() < 1e30 {
        id_int(v as i128)
    } else {
        format!("{v}").replace('.', ",")
    }
}

// ---------------------------------------------------------------------------------------------
// The plan: codes resolved, rows in order
// ---------------------------------------------------------------------------------------------

/// A row with its code and cells decided.
#[derive(Clone, Debug)]
struct Line {
    level: Level,
    code: String,
    code_cell: Option<f64>,
    name: Cell,
    row: Row,
    /// Budget after rolling up (the sum of its sub kegiatan) when the spec asks for it.
    pagu: Option<f64>,
    pagu_n1: Option<f64>,
}

fn resolve(rows: &[Row], roll_up: bool) -> Vec<Line> {
    let mut counters = [1u32, 6, 0, 0, 0];
    let mut prev = String::new();
    let mut out: Vec<Line> = Vec::new();
    let lv = levels(rows);
    for (r, &level) in rows.iter().zip(&lv).take(MAX_ROWS) {
        let d = level.depth();
        let auto = |counters: &mut [u32; 5]| {
            counters[d] += 1;
            for c in counters.iter_mut().skip(d + 1) {
                *c = 0;
            }
            code_of(counters, d)
        };
        let mut name = r.name.cell(NAMES);
        let mut code_cell = None;
        let code = match &r.code {
            Code::Auto => auto(&mut counters),
            Code::Nomenclature(i) => {
                let (c, n) = nom(*i);
                if matches!(r.name, Text::Vocab(0)) {
                    name = Cell::Str(n.to_string());
                }
                c.to_string()
            }
            Code::Segment(v) => {
                let _ = auto(&mut counters);
                counters[d] = *v as u32;
                code_of(&counters, d)
            }
            Code::Duplicate => prev.clone(),
            Code::Empty => String::new(),
            Code::Garbled(k) => {
                let c = auto(&mut counters);
                match k % 8 {
                    0 => c.replacen('.', "..", 1),
                    1 => c.replace('.', ","),
                    2 => format!("{c}."),
                    3 => format!(" {c} "),
                    4 => c.replace('.', " . "),
                    5 => format!("{c}a"),
                    6 => c.replace('.', ""),
                    _ => format!("'{c}"),
                }
            }
            Code::Raw(s) => s.chars().take(100).collect(),
            Code::Number(f) => {
                code_cell = Some(*f);
                format!("{f}")
            }
        };
        prev = code.clone();
        out.push(Line {
            level,
            code,
            code_cell,
            name,
            row: r.clone(),
            pagu: r.pagu.value(),
            pagu_n1: r.pagu_n1.value(),
        });
    }
    if roll_up {
        for i in 0..out.len() {
            if out[i].level == Level::Sub {
                continue;
            }
            let d = out[i].level.depth();
            let (mut s, mut s1) = (0.0, 0.0);
            for l in out.iter().skip(i + 1) {
                if l.level.depth() <= d {
                    break;
                }
                if l.level == Level::Sub {
                    s += l.pagu.unwrap_or(0.0);
                    s1 += l.pagu_n1.unwrap_or(0.0);
                }
            }
            out[i].pagu = Some(s);
            out[i].pagu_n1 = Some(s1);
        }
    }
    out
}

fn code_of(c: &[u32; 5], d: usize) -> String {
    let mut s = c[0].to_string();
    if d >= 1 {
        s += &format!(".{:02}", c[1]);
    }
    if d >= 2 {
        s += &format!(".{:02}", c[2]);
    }
    if d >= 3 {
        s += &format!(".2.{:02}", c[3]);
    }
    if d >= 4 {
        s += &format!(".{:04}", c[4]);
    }
    s
}

fn apply(rows: &[Row], edits: &[Edit]) -> Vec<Row> {
    let mut rows: Vec<Row> = rows.iter().take(MAX_ROWS).cloned().collect();
    for e in edits.iter().take(16) {
        if rows.is_empty() {
            if let Edit::Insert(_, r) = e {
                rows.push(r.clone());
            }
            continue;
        }
        let len = rows.len();
        let at = |i: &u8| *i as usize % len;
        match e {
            Edit::Pagu(i, v) => rows[at(i)].pagu = v.clone(),
            Edit::Target(i, v) => rows[at(i)].target = v.clone(),
            Edit::Name(i, t) => rows[at(i)].name = t.clone(),
            Edit::Code(i, c) => rows[at(i)].code = c.clone(),
            Edit::Remove(i) => {
                let k = at(i);
                rows.remove(k);
            }
            Edit::Insert(i, r) => {
                let k = at(i);
                rows.insert(k, r.clone())
            }
            Edit::Swap(a, b) => {
                let (a, b) = (at(a), at(b));
                rows.swap(a, b)
            }
            Edit::Indicator(i, t) => rows[at(i)].indicator = t.clone(),
        }
    }
    rows
}

// ---------------------------------------------------------------------------------------------
// Columns of each form
// ---------------------------------------------------------------------------------------------

/// Where a column's value comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Src {
    Code,
    /// One segment of a code split over columns.
    CodePart(usize),
    Name,
    Indicator,
    Location,
    Target,
    Unit,
    TargetUnit,
    Pagu,
    Fund,
    Note,
    TargetN1,
    UnitN1,
    PaguN1,
    ATarget,
    APagu,
    /// `real[i]` (realisations, renstra targets).
    Real(usize),
    /// A rate derived from two others (k8 = 7/6 × 100 …): `real[a] / real[b] × 100`.
    Rate(usize, usize),
    /// Row number.
    No,
    Office,
    Blank,
}

#[derive(Clone, Debug)]
struct Col {
    /// Header texts top to bottom (group, subgroup, label).
    head: Vec<String>,
    src: Src,
    amount: bool,
}

fn c(head: &[&str], src: Src) -> Col {
    Col {
        head: head.iter().map(|s| s.to_string()).collect(),
        src,
        amount: matches!(src, Src::Pagu | Src::PaguN1 | Src::APagu),
    }
}

fn columns(kind: Kind, o: &TableOpts, year: i32) -> Vec<Col> {
    let w = o.wording % 3;
    let y = year;
    let th = if o.thousands { " (Rp 000)" } else { "" };
    let mut cols = Vec::new();
    let code_cols = |cols: &mut Vec<Col>, label: &str| match o.codes {
        CodeStyle::Joined | CodeStyle::Padded => cols.push(c(&[label], Src::Code)),
        CodeStyle::Split => {
            for i in 0..5 {
                cols.push(c(&[label], Src::CodePart(i)));
            }
        }
        CodeStyle::NoCode => {}
    };
    match kind {
        Kind::T33 => {
            code_cols(&mut cols, if w == 1 { "Kode Rekening" } else { "Kode" });
            let n = format!("Rencana Tahun {y}");
            let n1 = format!("Prakiraan Maju Rencana Tahun {}", y.saturating_add(1));
            let (n, n1) = if w == 2 {
                (
                    format!("Tahun Rencana ({y})"),
                    format!("Prakiraan Maju ({})", y.saturating_add(1)),
                )
            } else {
                (n, n1)
            };
            cols.push(c(
                &[match w {
                    0 => {
                        "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan/Sub Kegiatan"
                    }
                    1 => "Uraian Program / Kegiatan / Sub Kegiatan",
                    _ => "Program/Kegiatan",
                }],
                Src::Name,
            ));
            cols.push(c(
                &["Indikator Kinerja Program/ Kegiatan/ Sub Kegiatan"],
                Src::Indicator,
            ));
            cols.push(c(&["Lokasi"], Src::Location));
            if o.joined_target {
                cols.push(c(&[&n, "Target / Volume"], Src::TargetUnit));
            } else {
                cols.push(c(&[&n, "Target Capaian Kinerja"], Src::Target));
                cols.push(c(&[&n, "Satuan"], Src::Unit));
            }
            cols.push(c(
                &[&n, &format!("Kebutuhan Dana/ Pagu Indikatif{th}")],
                Src::Pagu,
            ));
            cols.push(c(&[&n, "Sumber Dana"], Src::Fund));
            cols.push(c(&["Catatan Penting"], Src::Note));
            if o.joined_target {
                cols.push(c(&[&n1, "Target / Volume"], Src::TargetN1));
            } else {
                cols.push(c(&[&n1, "Target Capaian Kinerja"], Src::TargetN1));
                cols.push(c(&[&n1, "Satuan"], Src::UnitN1));
            }
            cols.push(c(
                &[&n1, &format!("Kebutuhan Dana/ Pagu Indikatif{th}")],
                Src::PaguN1,
            ));
        }
        Kind::T31 => {
            let (r, a) = if w == 1 {
                (
                    format!("Rancangan Awal RKPD {y}"),
                    "Hasil Analisis Kebutuhan PD".to_string(),
                )
            } else {
                (
                    "RANCANGAN AWAL RKPD".to_string(),
                    "HASIL ANALISIS KEBUTUHAN".to_string(),
                )
            };
            cols.push(c(
                &[if w == 1 {
                    "Uraian"
                } else {
                    "Program / Kegiatan/ / Sub Kegiatan"
                }],
                Src::Name,
            ));
            for (side, t, p) in [(&r, Src::Target, Src::Pagu), (&a, Src::ATarget, Src::APagu)] {
                cols.push(c(&[side, "Lokasi"], Src::Location));
                cols.push(c(
                    &[side, "Output Kegiatan Indikator Kinerja"],
                    Src::Indicator,
                ));
                if o.joined_target {
                    cols.push(c(
                        &[side, "Target"],
                        if t == Src::Target { Src::TargetUnit } else { t },
                    ));
                } else {
                    cols.push(c(&[side, "Target Capaian"], t));
                    cols.push(c(&[side, "Satuan"], Src::Unit));
                }
                cols.push(c(&[side, &format!("Pagu Indikatif{th}")], p));
            }
            cols.push(c(&["Catatan Penting"], Src::Note));
        }
        Kind::T29 => {
            code_cols(&mut cols, "Kode");
            let last = y - 2;
            let cur = y - 1;
            let g =
                format!("Target dan Realisasi Kinerja Program dan Kegiatan Tahun Lalu ({last})");
            cols.push(c(
                &["Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan"],
                Src::Name,
            ));
            cols.push(c(
                &["Indikator Kinerja Program (outcome)/ Kegiatan (output)"],
                Src::Indicator,
            ));
            cols.push(c(
                &[&format!(
                    "Target Kinerja Capaian Program (Renstra-PD) Tahun {y}"
                )],
                Src::Real(0),
            ));
            cols.push(c(&[&format!("Realisasi Target Kinerja Hasil Program dan Keluaran Kegiatan s/d dengan tahun {}", last - 1)], Src::Real(1)));
            cols.push(c(
                &[&g, &format!("Target Renja-PD tahun ({last})")],
                Src::Target,
            ));
            cols.push(c(
                &[&g, &format!("Realisasi Renja-PD tahun ({last})")],
                Src::Real(2),
            ));
            cols.push(c(&[&g, "Tingkat Realisasi (%)"], Src::Rate(2, 99)));
            cols.push(c(
                &[&format!(
                    "Target program dan kegiatan (Renja-PD tahun berjalan {cur})"
                )],
                Src::TargetN1,
            ));
            cols.push(c(
                &[&format!(
                    "Realisasi Capaian Program dan Kegiatan s/d tahun berjalan (tahun {cur})"
                )],
                Src::Real(3),
            ));
            cols.push(c(
                &["Tingkat Capaian Realisasi Target Renstra (%)"],
                Src::Rate(3, 0),
            ));
            if w == 2 {
                cols.push(c(&["Kategori Capaian"], Src::Note));
            }
        }
        Kind::E81 => {
            cols.push(c(&["No"], Src::No));
            cols.push(c(&["Sasaran"], Src::Location));
            if o.codes != CodeStyle::NoCode {
                code_cols(&mut cols, "Kode");
            }
            cols.push(c(&["Program/ Kegiatan"], Src::Name));
            cols.push(c(
                &["Indikator Kinerja Program (Outcome)/Kegiatan (Output)"],
                Src::Indicator,
            ));
            let groups: [(&str, Option<&str>, Src, Src); 9] = [
                (
                    "Target Renstra Perangkat Daerah pada Tahun 2026 (Akhir Periode Renstra Perangkat Daerah)",
                    None,
                    Src::Real(0),
                    Src::PaguN1,
                ),
                (
                    "Realisasi Capaian Kinerja Renstra Perangkat Daerah sampai dengan Renja Perangkat Daerah Tahun Lalu",
                    None,
                    Src::Real(1),
                    Src::APagu,
                ),
                (
                    "Target Kinerja dan Anggaran Renja Perangkat Daerah Tahun Berjalan yang Dievaluasi",
                    None,
                    Src::Target,
                    Src::Pagu,
                ),
                (
                    "Realisasi Kinerja Pada Triwulan",
                    Some("I"),
                    Src::Real(2),
                    Src::Real(2),
                ),
                (
                    "Realisasi Kinerja Pada Triwulan",
                    Some("II"),
                    Src::Real(3),
                    Src::Real(3),
                ),
                (
                    "Realisasi Kinerja Pada Triwulan",
                    Some("III"),
                    Src::Blank,
                    Src::Blank,
                ),
                (
                    "Realisasi Kinerja Pada Triwulan",
                    Some("IV"),
                    Src::Real(1),
                    Src::Blank,
                ),
                (
                    "Realisasi Capaian Kinerja dan Anggaran Renja Perangkat Daerah yang Dievaluasi",
                    None,
                    Src::Real(3),
                    Src::Pagu,
                ),
                (
                    "Realisasi Kinerja dan Anggaran Renstra Perangkat Daerah s/d Tahun 2026",
                    None,
                    Src::Real(0),
                    Src::PaguN1,
                ),
            ];
            for (g, q, k, rp) in groups {
                let mut hk = vec![g];
                let mut hr = vec![g];
                if let Some(q) = q {
                    hk.push(q);
                    hr.push(q);
                }
                hk.push("K");
                hr.push(if w == 1 { "Keuangan" } else { "Rp" });
                cols.push(c(&hk, k));
                let mut col = c(&hr, rp);
                col.amount = true;
                cols.push(col);
            }
            let g = "Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra Perangkat Daerah s/d Tahun 2026 (%)";
            cols.push(c(&[g, "K"], Src::Rate(3, 0)));
            cols.push(c(&[g, "Rp"], Src::Rate(2, 1)));
            cols.push(c(&["Unit Perangkat Daerah Penanggung Jawab"], Src::Office));
            cols.push(c(&["Keterangan"], Src::Note));
        }
        Kind::Rkpd => {
            cols.push(c(&["No"], Src::No));
            code_cols(&mut cols, "Kode");
            cols.push(c(
                &["Urusan/Bidang Urusan/Program/Kegiatan/Sub Kegiatan"],
                Src::Name,
            ));
            cols.push(c(&["Indikator Kinerja"], Src::Indicator));
            cols.push(c(&["Lokasi"], Src::Location));
            cols.push(c(&[&format!("Rencana Tahun {y}"), "Target"], Src::Target));
            cols.push(c(&[&format!("Rencana Tahun {y}"), "Satuan"], Src::Unit));
            cols.push(c(
                &[
                    &format!("Rencana Tahun {y}"),
                    &format!("Pagu Indikatif{th}"),
                ],
                Src::Pagu,
            ));
            cols.push(c(&["Sumber Dana"], Src::Fund));
            cols.push(c(&["Perangkat Daerah Penanggung Jawab"], Src::Office));
            cols.push(c(&["Prakiraan Maju", "Target"], Src::TargetN1));
            cols.push(c(&["Prakiraan Maju", "Pagu"], Src::PaguN1));
        }
    }
    // Drop, rotate, pad: the odd layouts.
    let name_at = cols.iter().position(|c| c.src == Src::Name).unwrap_or(0);
    let mut kept: Vec<Col> = Vec::new();
    for (i, col) in cols.into_iter().enumerate() {
        let bit = i
            .checked_sub(name_at + 1)
            .map(|k| o.drop >> (k % 32) & 1 == 1);
        if bit != Some(true) {
            kept.push(col);
        }
    }
    if o.rotate % 4 == 3 && kept.len() > name_at + 2 {
        let n = kept.len() - name_at - 1;
        kept[name_at + 1..].rotate_left(o.rotate as usize / 4 % n);
    }
    let extras = [
        "",
        "Keterangan",
        "Kode",
        "Pagu",
        "Tahun 2026",
        "Jumlah",
        "Realisasi",
        "Sub Kegiatan",
    ];
    for k in 0..(o.extra % 4) {
        let col = c(&[pick(&extras, o.extra.wrapping_add(k))], Src::Blank);
        if o.extra_first {
            kept.insert(0, col);
        } else {
            kept.push(col);
        }
    }
    kept
}

fn titles(kind: Kind, o: &TableOpts, year: i32, office: &str) -> Vec<String> {
    let mut t = match kind {
        Kind::T33 => vec![
            "Tabel T-C.33".to_string(),
            format!(
                "Rencana Program dan Kegiatan {office} Tahun {year} dan Prakiraan Maju Tahun {}",
                year.saturating_add(1)
            ),
            "Kabupaten Kutai Kartanegara".to_string(),
        ],
        Kind::T31 => vec![
            "TABEL T-C.31".to_string(),
            format!("REVIEW TERHADAP RANCANGAN AWAL RKPD TAHUN {year}"),
            format!("NAMA PERANGKAT DAERAH : {}", office.to_uppercase()),
        ],
        Kind::T29 => vec![
            "Tabel T-C.29".to_string(),
            format!(
                "Rekapitulasi Evaluasi Hasil Pelaksanaan Renja Perangkat Daerah dan Pencapaian Renstra Perangkat Daerah s/d Tahun {}",
                year - 2
            ),
            format!("Nama Perangkat Daerah : {office}    Lembar : 1"),
        ],
        Kind::E81 => vec![
            "Formulir E.81".to_string(),
            format!(
                "Evaluasi terhadap Hasil Renja Perangkat Daerah Lingkup Kabupaten Tahun {year}"
            ),
            format!("Renja Perangkat Daerah {office} Kabupaten Kutai Kartanegara"),
            format!("Periode Pelaksanaan: Tahun {year}"),
        ],
        Kind::Rkpd => vec![
            format!("RANCANGAN AWAL RKPD KABUPATEN KUTAI KARTANEGARA TAHUN {year}"),
            "Rencana Program, Kegiatan dan Pendanaan Daerah".to_string(),
        ],
    };
    let n = o.titles as usize % (t.len() + 2);
    t.truncate(n);
    t
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

struct Fmts {
    header: Format,
    text: Format,
    bold: Format,
    amounts: [Format; 5],
    numrow: Format,
}

fn fmts() -> Fmts {
    let b = |f: Format| f.set_border(FormatBorder::Thin);
    Fmts {
        header: b(Format::new()
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::Center)),
        text: b(Format::new().set_text_wrap()),
        bold: b(Format::new().set_bold()),
        amounts: [
            b(Format::new().set_num_format("#,##0")),
            b(Format::new()),
            b(Format::new().set_num_format("#,##0.00")),
            b(Format::new().set_num_format("0.00")),
            b(Format::new().set_num_format("@")),
        ],
        numrow: b(Format::new().set_italic().set_align(FormatAlign::Center)),
    }
}

fn put(ws: &mut Worksheet, r: u32, col: u16, v: &Cell, f: &Format) -> Result<(), XlsxError> {
    match v {
        Cell::Blank => {
            ws.write_blank(r, col, f)?;
        }
        Cell::Str(s) => {
            ws.write_string_with_format(r, col, s, f)?;
        }
        Cell::Num(x) => {
            ws.write_number_with_format(r, col, *x, f)?;
        }
        Cell::Formula(s, res) => {
            let mut fm = rust_xlsxwriter::Formula::new(s);
            if let Some(x) = res {
                fm = fm.set_result(x.to_string());
            }
            ws.write_formula_with_format(r, col, fm, f)?;
        }
    }
    Ok(())
}

/// The header rows; returns the number of rows written.
fn write_header(
    ws: &mut Worksheet,
    cols: &[Col],
    top: u32,
    left: u16,
    style: HeaderStyle,
    f: &Fmts,
) -> Result<u32, XlsxError> {
    let depth = match style {
        HeaderStyle::OneRow => 1,
        HeaderStyle::ThreeRows => 3,
        _ => cols.iter().map(|c| c.head.len()).max().unwrap_or(1).max(1),
    };
    // Each column's texts padded to `depth` rows (label at the bottom, groups above).
    let grid: Vec<Vec<Option<String>>> = cols
        .iter()
        .map(|c| {
            let mut h: Vec<Option<String>> = if style == HeaderStyle::OneRow {
                vec![Some(c.head.join(" "))]
            } else {
                c.head.iter().cloned().map(Some).collect()
            };
            while h.len() < depth {
                // Short columns span down: their label sits on top, rows under it empty.
                h.push(None);
            }
            h.truncate(depth);
            h
        })
        .collect();
    let merge = matches!(style, HeaderStyle::TwoRowsMerged | HeaderStyle::ThreeRows);
    for r in 0..depth {
        let mut i = 0;
        while i < cols.len() {
            let text = grid[i][r].clone();
            // Run of equal texts in this row (a group).
            let mut j = i + 1;
            while j < cols.len() && text.is_some() && grid[j][r] == text && r + 1 < depth {
                j += 1;
            }
            let row = top + r as u32;
            let c0 = left + i as u16;
            let c1 = left + (j - 1) as u16;
            // How far down the column's cell runs (empty cells under a label).
            let mut down = r;
            if j == i + 1 {
                while down + 1 < depth && grid[i][down + 1].is_none() {
                    down += 1;
                }
            }
            match &text {
                None => {
                    if !merge {
                        ws.write_blank(row, c0, &f.header)?;
                    }
                }
                Some(t) => {
                    if merge && (c1 > c0 || down > r) {
                        ws.merge_range(row, c0, top + down as u32, c1, t, &f.header)?;
                    } else if style == HeaderStyle::GroupFirstOnly {
                        ws.write_string_with_format(row, c0, t, &f.header)?;
                        for k in c0 + 1..=c1 {
                            ws.write_blank(row, k, &f.header)?;
                        }
                    } else {
                        for k in c0..=c1 {
                            ws.write_string_with_format(row, k, t, &f.header)?;
                        }
                    }
                }
            }
            i = j;
        }
    }
    Ok(depth as u32)
}

/// The split code's segment `i` (urusan, bidang, program, kegiatan, sub kegiatan).
fn code_part(code: &str, i: usize) -> String {
    let parts: Vec<&str> = code.split('.').collect();
    // 1.06.01.2.01.0001: the kegiatan is `2.01` (two dot-segments).
    let segs: Vec<String> = if parts.len() >= 5 {
        let mut v: Vec<String> = parts[..3].iter().map(|s| s.to_string()).collect();
        v.push(format!("{}.{}", parts[3], parts[4]));
        v.extend(parts[5..].iter().map(|s| s.to_string()));
        v
    } else {
        parts.iter().map(|s| s.to_string()).collect()
    };
    segs.get(i).cloned().unwrap_or_default()
}

fn rate(a: Option<f64>, b: Option<f64>) -> Cell {
    match (a, b) {
        (Some(a), Some(b)) if b != 0.0 => Cell::Num(a / b * 100.0),
        _ => Cell::Blank,
    }
}

#[allow(clippy::too_many_arguments)]
fn write_table(
    ws: &mut Worksheet,
    kind: Kind,
    o: &TableOpts,
    lines: &[Line],
    year: i32,
    office: &str,
    top: u32,
    left: u16,
    f: &Fmts,
) -> Result<(u32, u16), XlsxError> {
    let cols = columns(kind, o, year);
    let mut r = top;
    for t in titles(kind, o, year, office) {
        ws.write_string_with_format(r, left, &t, &f.bold)?;
        r += 1;
    }
    r += (o.gap % 3) as u32;
    let header_top = r;
    let hdr = write_header(ws, &cols, r, left, o.header, f)?;
    r += hdr;
    let number_row = |ws: &mut Worksheet, r: u32| -> Result<(), XlsxError> {
        for (i, _) in cols.iter().enumerate() {
            let k = i as u16;
            match o.number_row {
                NumberRow::None => {}
                NumberRow::Plain => {
                    ws.write_number_with_format(r, left + k, (i + 1) as f64, &f.numrow)?;
                }
                NumberRow::Parens => {
                    ws.write_string_with_format(r, left + k, format!("({})", i + 1), &f.numrow)?;
                }
                NumberRow::Wrong => {
                    ws.write_number_with_format(
                        r,
                        left + k,
                        ((i * 7) % (cols.len() + 2)) as f64,
                        &f.numrow,
                    )?;
                }
                NumberRow::Formulas => {
                    let t = if i % 3 == 2 {
                        format!("{}={}+{}", i + 1, i, i - 1)
                    } else {
                        format!("{}", i + 1)
                    };
                    ws.write_string_with_format(r, left + k, t, &f.numrow)?;
                }
            }
        }
        Ok(())
    };
    if o.number_row != NumberRow::None {
        number_row(ws, r)?;
        r += 1;
    }
    let amount_fmt = &f.amounts[o.numfmt as usize % f.amounts.len()];
    let mut written = 0usize;
    let page = o.page_repeat as usize % 16;
    for (li, l) in lines.iter().enumerate() {
        if o.row_drop >> (li % 32) & 1 == 1 {
            continue;
        }
        if kind == Kind::T31 && l.level < Level::Kegiatan && o.codes == CodeStyle::Padded {
            continue;
        }
        if page > 2 && written > 0 && written.is_multiple_of(page) {
            ws.write_string(
                r,
                left,
                format!(
                    "Nama Perangkat Daerah : {office}    Lembar : {}",
                    written / page + 1
                ),
            )?;
            r += 1;
            r += write_header(ws, &cols, r, left, o.header, f)?;
            if o.number_row != NumberRow::None {
                number_row(ws, r)?;
                r += 1;
            }
        }
        written += 1;
        let bold = o.bold_parents && l.level != Level::Sub;
        let text_fmt = if bold { &f.bold } else { &f.text };
        let row = &l.row;
        for (i, col) in cols.iter().enumerate() {
            let k = left + i as u16;
            let num = |n: &Num| n.cell(o.as_text);
            let pagu = |v: Option<f64>, n: &Num| match v {
                Some(v) if !o.as_text => {
                    Cell::Num(if o.thousands { (v / 1000.0).round() } else { v })
                }
                _ => n.cell(o.as_text),
            };
            let v = match col.src {
                Src::Code => match (l.code_cell, o.codes) {
                    (Some(x), _) => Cell::Num(x),
                    (None, CodeStyle::Padded) => Cell::Str(format!("  {}  ", l.code)),
                    _ => Cell::Str(l.code.clone()),
                },
                Src::CodePart(p) => {
                    let s = code_part(&l.code, p);
                    match s.parse::<f64>() {
                        Ok(x) if p == 3 && !o.as_text => Cell::Num(x),
                        _ if s.is_empty() => Cell::Blank,
                        _ => Cell::Str(s),
                    }
                }
                Src::Name => l.name.clone(),
                Src::Indicator => row.indicator.cell(INDICATORS),
                Src::Location => row.location.cell(LOCATIONS),
                Src::Target => num(&row.target),
                Src::Unit | Src::UnitN1 => Cell::Str(row.unit.text()),
                Src::TargetUnit => match row.target.cell(true) {
                    Cell::Str(s) => Cell::Str(format!("{s} {}", row.unit.text())),
                    other => other,
                },
                Src::Pagu => pagu(l.pagu, &row.pagu),
                Src::Fund => row.fund.cell(FUNDS),
                Src::Note => row.note.cell(&[
                    "",
                    "Prioritas",
                    "Sangat Tinggi",
                    "Tinggi",
                    "Rendah",
                    "sedang",
                ]),
                Src::TargetN1 => num(&row.target_n1),
                Src::PaguN1 => pagu(l.pagu_n1, &row.pagu_n1),
                Src::ATarget => match &row.analysis {
                    Some((_, t)) => num(t),
                    None => num(&row.target),
                },
                Src::APagu => match &row.analysis {
                    Some((p, _)) => num(p),
                    None => pagu(l.pagu, &row.pagu),
                },
                Src::Real(i) => num(&row.real[i % 4]),
                Src::Rate(a, b) => {
                    let av = row.real[a % 4].value();
                    let bv = if b == 99 {
                        row.target.value()
                    } else {
                        row.real[b % 4].value()
                    };
                    rate(av, bv)
                }
                Src::No => Cell::Num((li + 1) as f64),
                Src::Office => Cell::Str(office.to_string()),
                Src::Blank => Cell::Blank,
            };
            let fm = if col.amount || matches!(v, Cell::Num(_)) {
                amount_fmt
            } else {
                text_fmt
            };
            put(ws, r, k, &v, fm)?;
        }
        r += 1;
    }
    // Closing total row.
    let name_col = cols.iter().position(|c| c.src == Src::Name).unwrap_or(0) as u16;
    let total_of = |src: Src| -> f64 {
        lines
            .iter()
            .filter(|l| l.level == Level::Sub)
            .map(|l| match src {
                Src::PaguN1 => l.pagu_n1.unwrap_or(0.0),
                _ => l.pagu.unwrap_or(0.0),
            })
            .sum()
    };
    let first_data = header_top + hdr + (o.number_row != NumberRow::None) as u32;
    match &o.total {
        Total::None => {}
        t => {
            ws.write_string_with_format(r, left + name_col, "JUMLAH", &f.bold)?;
            for (i, col) in cols.iter().enumerate() {
                if !matches!(col.src, Src::Pagu | Src::PaguN1 | Src::APagu) {
                    continue;
                }
                let k = left + i as u16;
                let v = total_of(col.src);
                let v = if o.thousands { (v / 1000.0).round() } else { v };
                let cell = match t {
                    Total::Sum => Cell::Num(v),
                    Total::Off(d) => Cell::Num(v + *d as f64),
                    Total::Text(n) => n.cell(true),
                    _ => {
                        let a = a1(first_data, k);
                        let b = a1(r.saturating_sub(1), k);
                        Cell::Formula(format!("=SUM({a}:{b})"), Some(v))
                    }
                };
                put(ws, r, k, &cell, amount_fmt)?;
            }
            r += 1;
        }
    }
    if kind == Kind::E81 && o.signature {
        ws.write_string(r, left + 1, "Rata-rata capaian kinerja (%)")?;
        ws.write_number(r, left + 4, 87.5)?;
        r += 1;
        ws.write_string(r, left + 1, "Predikat kinerja")?;
        ws.write_string(r, left + 4, "Tinggi")?;
        r += 1;
        ws.write_string(r, left + 1, "Faktor pendorong capaian kinerja: koordinasi")?;
        r += 1;
    }
    if o.signature {
        r += 1;
        for s in [
            "Tenggarong, 12 Januari 2026",
            "KEPALA DINAS SOSIAL",
            "KABUPATEN KUTAI KARTANEGARA,",
            "",
            "Drs. H. ANDI MUHAMMAD RIFAI, M.Si",
            "NIP. 19700101 199003 1 001",
        ] {
            if !s.is_empty() {
                ws.write_string(r, left + (cols.len() as u16).saturating_sub(2), s)?;
            }
            r += 1;
        }
    }
    Ok((r, left + cols.len() as u16))
}

fn a1(row: u32, col: u16) -> String {
    let mut c = col as u32 + 1;
    let mut s = String::new();
    while c > 0 {
        let m = (c - 1) % 26;
        s.insert(0, (b'A' + m as u8) as char);
        c = (c - 1) / 26;
    }
    format!("{s}{}", row + 1)
}

fn sheet_name(n: &SheetName, first: Option<Kind>, i: usize, used: &mut Vec<String>) -> String {
    let base = match n {
        SheetName::Kind => match first {
            Some(Kind::T33) => "T-C.33".to_string(),
            Some(Kind::T31) => "T-C.31".to_string(),
            Some(Kind::T29) => "T-C.29".to_string(),
            Some(Kind::E81) => "E.81".to_string(),
            Some(Kind::Rkpd) => "Rancangan Awal RKPD".to_string(),
            None => "Sheet".to_string(),
        },
        SheetName::Indexed(k) => pick(
            &[
                "Sheet",
                "Renja 2026",
                "Lampiran",
                "BAB II",
                "Tabel",
                "Evaluasi",
            ],
            *k,
        )
        .to_string(),
        SheetName::Raw(s) => s
            .chars()
            .filter(|c| !"[]:*?/\\'".contains(*c) && !c.is_control())
            .take(20)
            .collect::<String>()
            .trim()
            .to_string(),
    };
    let mut name = if base.is_empty() {
        "Sheet".to_string()
    } else {
        base
    };
    if used.iter().any(|u| u.to_lowercase() == name.to_lowercase())
        || name.eq_ignore_ascii_case("history")
    {
        name = format!("{} {}", name.chars().take(24).collect::<String>(), i + 1);
    }
    used.push(name.clone());
    name
}

fn write_book(
    spec_sheets: &[SheetPlan],
    rows: &[Row],
    spec: &Spec,
    default_kind: Kind,
) -> Result<Vec<u8>, XlsxError> {
    let year = spec.year.n();
    let office = cap(spec.office.name())
        .chars()
        .take(200)
        .collect::<String>();
    let lines = resolve(rows, spec.roll_up);
    let f = fmts();
    let mut wb = Workbook::new();
    let mut used = Vec::new();
    let mut sheets: Vec<SheetPlan> = spec_sheets.iter().take(MAX_SHEETS).cloned().collect();
    if sheets.is_empty() || sheets.iter().all(|s| s.tables.0.is_empty()) {
        // The default: every form on its own sheet (a Renja), or the RKPD alone.
        let kinds: &[Kind] = match default_kind {
            Kind::Rkpd => &[Kind::Rkpd],
            _ => &[Kind::T33, Kind::T31, Kind::T29, Kind::E81],
        };
        sheets = kinds
            .iter()
            .map(|&k| SheetPlan {
                name: SheetName::Kind,
                tables: Many(vec![default_opts(k)]),
                across: false,
            })
            .collect();
    }
    let mut n_tables = 0;
    for (si, sp) in sheets.iter().enumerate() {
        let first = sp.tables.0.first().map(|t| t.kind);
        let name = sheet_name(&sp.name, first, si, &mut used);
        let ws = wb.add_worksheet();
        ws.set_name(&name)?;
        let (mut top, mut left) = (0u32, 0u16);
        if si == 0 {
            // The Renja's statements (before T-C.33) on the first sheet.
            let st = &spec.statements;
            if let Some(d) = st.counts {
                let count = |lv: Level| lines.iter().filter(|l| l.level == lv).count() as i64;
                let (p, k, s) = (
                    count(Level::Program),
                    count(Level::Kegiatan),
                    count(Level::Sub) + d as i64,
                );
                ws.write_string(top, 0, format!("Program dan kegiatan yang akan dilaksanakan {office} pada tahun {year} meliputi {p} program yang dilaksanakan dalam {k} kegiatan, dan {s} sub kegiatan."))?;
                top += 1;
            }
            if let Some(d) = st.total {
                let t: f64 = lines
                    .iter()
                    .filter(|l| l.level == Level::Sub)
                    .map(|l| l.pagu.unwrap_or(0.0))
                    .sum();
                ws.write_string(top, 0, format!("Total kebutuhan dana / pagu indikatif pada Rancangan Awal RENJA Tahun {year} adalah sebesar Rp. {},-", id_num(t + d as f64)))?;
                top += 1;
            }
            if top > 0 {
                top += 1;
            }
        }
        for t in sp.tables.0.iter() {
            if n_tables >= MAX_TABLES {
                break;
            }
            n_tables += 1;
            let (bottom, right) = write_table(
                ws,
                t.kind,
                t,
                &lines,
                year,
                &office,
                top,
                left + (t.skip_col % 3) as u16,
                &f,
            )?;
            if sp.across {
                left = right + 1;
            } else {
                top = bottom + 1 + (t.gap % 4) as u32;
            }
        }
    }
    wb.save_to_buffer()
}

fn default_opts(kind: Kind) -> TableOpts {
    TableOpts {
        kind,
        wording: 0,
        titles: 3,
        header: HeaderStyle::TwoRowsMerged,
        number_row: NumberRow::Plain,
        codes: CodeStyle::Joined,
        drop: 0,
        extra: 0,
        extra_first: false,
        rotate: 0,
        joined_target: false,
        thousands: false,
        total: Total::Sum,
        signature: false,
        skip_col: 0,
        gap: 0,
        row_drop: 0,
        page_repeat: 0,
        numfmt: 0,
        bold_parents: true,
        as_text: false,
    }
}

/// The office's workbook (book A) and the revised one (book B: the same plan edited, laid out
/// by `revised_sheets`, by default as the regency's RKPD). None when the writer refuses the
/// layout (an error of the generator's input, not of selaras).
pub fn build(spec: &Spec) -> (Option<Vec<u8>>, Option<Vec<u8>>) {
    let a = write_book(&spec.sheets.0, &spec.rows.0, spec, Kind::T33).ok();
    let revised = apply(&spec.rows.0, &spec.revision.0);
    let b = write_book(&spec.revised_sheets.0, &revised, spec, Kind::Rkpd).ok();
    (a, b)
}

/// Arbitrary bytes → spec (what the fuzz target and the regression test both do).
pub fn spec_of(data: &[u8]) -> Option<Spec> {
    Spec::arbitrary_take_rest(Unstructured::new(data)).ok()
}

// ---------------------------------------------------------------------------------------------
// The pipeline run on each generated pair
// ---------------------------------------------------------------------------------------------

/// Everything the library does with a workbook, on book A and B of `data`'s spec: the whole
/// check (`selaras::fuzz_one`), then what the other commands reach — `inspect`, `reconcile`
/// A → B with its findings, JSON, Markdown and annotated copy, `check --rkpd` with B as the
/// RKPD, and the export rows. Returns the number of findings of the RKPD comparison and (for
/// one input in four) of the full check, for a harness to see that inputs reach the checks;
/// None when the input gives no workbook.
pub fn exercise(data: &[u8]) -> Option<usize> {
    use selaras::{checks, ingest, model, reconcile, report, rkpd, run};
    let spec = spec_of(data)?;
    let (a, b) = build(&spec);
    let a = a?;
    selaras::fuzz_one(&a);

    let tables = ingest::rules::TableRules::default_rules();
    let config = checks::config::CheckConfig::default_config();
    let path = std::path::Path::new("a.xlsx");
    let ing_a = ingest::ingest_workbook(
        ingest::workbook::read_workbook_bytes(path, &a).ok()?,
        &tables,
    );
    let plan_a = model::plan::build_plan_with(&ing_a, &tables, Some(&config.nomenclature));
    let _ = report::inspect::inspect_text(path, &ing_a, &plan_a);
    let _ = report::inspect::inspect_json(path, &ing_a, &plan_a);
    let rows = report::export::rows_of(&plan_a, "a.xlsx");
    let _ = report::export::csv_bytes(&rows, false);

    let b = b?;
    let ing_b = ingest::ingest_workbook(
        ingest::workbook::read_workbook_bytes(std::path::Path::new("b.xlsx"), &b).ok()?,
        &tables,
    );
    let plan_b = model::plan::build_plan(&ing_b, &tables);

    // reconcile a.xlsx b.xlsx
    let r = reconcile::reconcile(
        reconcile::Version::new(&plan_a, &ing_a.workbook),
        reconcile::Version::new(&plan_b, &ing_b.workbook),
    )
    .with_labels("a.xlsx", "b.xlsx");
    let _ = r.counts();
    let en = data.first().is_some_and(|x| x & 1 == 1);
    let rf = reconcile::to_findings(&r, en);
    let _ = reconcile::to_json(&r, en);
    let _ = reconcile::to_markdown(&r, en);
    for f in rf.iter().take(8) {
        let _ = report::terminal::render_finding(&ing_b.workbook, f, en, true);
    }
    let _ = report::annotate::annotated_bytes(&b, &ing_b.workbook, &rf, en);

    // check a.xlsx --rkpd b.xlsx (--office when the spec's office is not in B's title rows)
    let _ = rkpd::rkpd_offices(&plan_b);
    let office = spec.office.name();
    let rk = rkpd::check_against_rkpd(&plan_b, &plan_a, Some(&office));
    let mut n = rk.len();
    // The whole `check` of one file again, with the RKPD and the report outputs: costly (a
    // third ingest of A), so for one input in four.
    if data.len().is_multiple_of(4) {
        let opts = run::Options {
            tables,
            config,
            en,
            out_dir: None,
            render_terminal: true,
            color: false,
            rkpd: Some(("b.xlsx".to_string(), plan_b)),
            office: None,
        };
        let (report, _copy) = run::check_bytes("a.xlsx", &a, &opts);
        n += report.findings.len();
        let _ = report::json::file_json(&report, en);
        let _ = report::markdown::render(std::slice::from_ref(&report), en);
        let _ =
            report::terminal::summary_line(&report.path, &report.findings, report.tables.len(), en);
        let _ = report::summary::summary_bytes(&[report], en);
    }
    Some(n)
}
