//! Nomenclature codes (Permendagri 90/2019): `1` urusan, `1.06` bidang, `1.06.01` program,
//! `1.06.01.2.01` kegiatan, `1.06.01.2.01.0001` sub kegiatan.
//!
//! Workbooks write them joined (`1.06.01.2.01.0001`, `1.06.01.2.01.01`) or split over columns
//! (`1 | 06 | 01 | 2,01 | 01`), with segments as text or as number cells whose display hides a
//! leading zero. A kegiatan segment stored as the number 2.1 means `2.10`: it is read with two
//! decimals. Sub kegiatan numbers are kept canonically with four digits.

use serde::Serialize;
use std::fmt;

/// The five levels of the plan hierarchy, plus the closing total row of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Urusan,
    Bidang,
    Program,
    Kegiatan,
    SubKegiatan,
    Total,
}

impl Level {
    pub fn key(&self) -> &'static str {
        match self {
            Level::Urusan => "urusan",
            Level::Bidang => "bidang",
            Level::Program => "program",
            Level::Kegiatan => "kegiatan",
            Level::SubKegiatan => "sub_kegiatan",
            Level::Total => "total",
        }
    }

    /// Depth in the hierarchy: urusan 1 … sub kegiatan 5; the total row sits above everything.
    pub fn depth(&self) -> u8 {
        match self {
            Level::Total => 0,
            Level::Urusan => 1,
            Level::Bidang => 2,
            Level::Program => 3,
            Level::Kegiatan => 4,
            Level::SubKegiatan => 5,
        }
    }

    pub fn name(&self, en: bool) -> &'static str {
        match (self, en) {
            (Level::Urusan, _) => "urusan",
            (Level::Bidang, false) => "bidang urusan",
            (Level::Bidang, true) => "field of affairs",
            (Level::Program, _) => "program",
            (Level::Kegiatan, false) => "kegiatan",
            (Level::Kegiatan, true) => "activity",
            (Level::SubKegiatan, false) => "sub kegiatan",
            (Level::SubKegiatan, true) => "sub-activity",
            (Level::Total, false) => "jumlah",
            (Level::Total, true) => "total",
        }
    }
}

/// A parsed nomenclature code in canonical form.
///
/// Held inline (no heap): the canonical text, at most 17 bytes (`1.06.01.2.01.0001`), and the
/// number of segments. Segments have fixed widths, so comparing the texts byte by byte orders
/// codes as comparing their segments does (a shorter segment is followed by `.` or the end,
/// both below any digit or letter).
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Code {
    text: [u8; MAX_CODE_LEN],
    len: u8,
    /// Segments: urusan, bidang, program, kegiatan (`2.01`), sub kegiatan (`0001`).
    segments: u8,
}

/// The longest canonical code: `X.XX.XX.X.XX.XXXX`.
const MAX_CODE_LEN: usize = 17;

impl fmt::Debug for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Code({})", self.as_str())
    }
}

impl Serialize for Code {
    /// As `{"segments": ["1", "06", "01", "2.01", "0001"]}`, the shape it always had.
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = ser.serialize_struct("Code", 1)?;
        st.serialize_field("segments", &self.segment_texts())?;
        st.end()
    }
}

/// Why a code could not be read, worded in either language by [`CodeError::text`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeError {
    Empty,
    /// A part holds something other than letters and digits.
    NotANumber(String),
    TooLong(String),
    /// A part with more digits than its level allows (the allowed count).
    TooManyDigits(String, usize),
    /// A part of letters longer than its level allows.
    Unknown(String),
    /// Four parts: a kegiatan code needs its `x.xx`.
    KegiatanIncomplete,
    TooManyParts(usize),
    /// One of the above, in the code as written.
    In(String, Box<CodeError>),
}

impl CodeError {
    pub fn text(&self, en: bool) -> String {
        use CodeError::*;
        match (self, en) {
            (Empty, false) => "kosong".into(),
            (Empty, true) => "empty".into(),
            (NotANumber(p), false) => format!("bagian `{p}` bukan angka"),
            (NotANumber(p), true) => format!("part `{p}` is not a number"),
            (TooLong(p), false) => format!("bagian `{p}` terlalu panjang"),
            (TooLong(p), true) => format!("part `{p}` is too long"),
            (TooManyDigits(p, n), false) => format!("bagian `{p}` lebih dari {n} digit"),
            (TooManyDigits(p, n), true) => format!("part `{p}` has more than {n} digits"),
            (Unknown(p), false) => format!("bagian `{p}` tidak dikenal"),
            (Unknown(p), true) => format!("part `{p}` is not recognised"),
            (KegiatanIncomplete, false) => "kode kegiatan tidak lengkap (perlu x.xx)".into(),
            (KegiatanIncomplete, true) => "incomplete kegiatan code (needs x.xx)".into(),
            (TooManyParts(n), false) => format!("{n} bagian, paling banyak 6"),
            (TooManyParts(n), true) => format!("{n} parts, at most 6"),
            (In(code, e), false) => format!("kode `{code}`: {}", e.text(false)),
            (In(code, e), true) => format!("code `{code}`: {}", e.text(true)),
        }
    }
}

impl Code {
    /// Parses a joined code: `1.06.01.2.01.0001`, `1.06.01.2.01.01`, `1.06.01.2,01`, `1 06 01`.
    pub fn parse(text: &str) -> Result<Code, CodeError> {
        match Code::canonical(text.trim()) {
            Some(code) => Ok(code),
            None => Code::parse_any(text),
        }
    }

    /// A code already written in the canonical form (`1.06.01.2.01.0001`, `1.06`): each part
    /// all digits and exactly its width, so it is its own text. Most codes are; they are packed
    /// without the cleaning and padding [`Code::parse_any`] does.
    fn canonical(t: &str) -> Option<Code> {
        const WIDTHS: [usize; 6] = [1, 2, 2, 1, 2, 4];
        if t.is_empty()
            || t.len() > MAX_CODE_LEN
            || !t.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        {
            return None;
        }
        let mut parts = 0;
        for (i, p) in t.split('.').enumerate() {
            if WIDTHS.get(i) != Some(&p.len()) {
                return None;
            }
            parts += 1;
        }
        let segments = match parts {
            1..=3 => parts,
            5 => 4,
            6 => 5,
            _ => return None,
        };
        let mut code = Code {
            text: [0; MAX_CODE_LEN],
            len: t.len() as u8,
            segments,
        };
        code.text[..t.len()].copy_from_slice(t.as_bytes());
        Some(code)
    }

    /// Any way a code is written: commas or spaces for dots, parts without their leading zeros.
    fn parse_any(text: &str) -> Result<Code, CodeError> {
        let cleaned: String = text
            .trim()
            .chars()
            .map(|c| {
                if c == ',' || c.is_whitespace() {
                    '.'
                } else {
                    c
                }
            })
            .collect();
        let parts: Vec<&str> = cleaned.split('.').filter(|p| !p.is_empty()).collect();
        Code::from_parts(&parts).map_err(|e| CodeError::In(text.trim().to_string(), Box::new(e)))
    }

    /// Builds a code from the cells of a split code, left to right. Each part may itself hold
    /// dots (`2.01`, `1.06`); number cells must already be rendered as text by the caller.
    pub fn from_split(cells: &[String]) -> Result<Code, CodeError> {
        let joined = cells
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect::<Vec<_>>()
            .join(".");
        Code::parse(&joined)
    }

    fn from_parts(parts: &[&str]) -> Result<Code, CodeError> {
        if parts.is_empty() {
            return Err(CodeError::Empty);
        }
        for p in parts {
            if !p.chars().all(|c| c.is_ascii_alphanumeric()) {
                return Err(CodeError::NotANumber(p.to_string()));
            }
        }
        let pad = |s: &str, n: usize| -> Result<String, CodeError> {
            if s.chars().all(|c| c.is_ascii_digit()) {
                let v: u64 = s.parse().map_err(|_| CodeError::TooLong(s.to_string()))?;
                let out = format!("{v:0n$}");
                if out.len() > n {
                    return Err(CodeError::TooManyDigits(s.to_string(), n));
                }
                Ok(out)
            } else if s.len() <= n {
                // Letters (`X`) appear in cross-cutting codes such as `X.XX`.
                Ok(s.to_uppercase())
            } else {
                Err(CodeError::Unknown(s.to_string()))
            }
        };
        let mut segments: Vec<String> = Vec::with_capacity(5);
        segments.push(pad(parts[0], 1)?);
        if parts.len() >= 2 {
            segments.push(pad(parts[1], 2)?);
        }
        if parts.len() >= 3 {
            segments.push(pad(parts[2], 2)?);
        }
        match parts.len() {
            1..=3 => {}
            4 => return Err(CodeError::KegiatanIncomplete),
            5 | 6 => {
                let k1 = pad(parts[3], 1)?;
                let k2 = pad(parts[4], 2)?;
                segments.push(format!("{k1}.{k2}"));
                if parts.len() == 6 {
                    segments.push(pad(parts[5], 4)?);
                }
            }
            n => return Err(CodeError::TooManyParts(n)),
        }
        Ok(Code::from_segments(&segments))
    }

    /// Packs canonical segments (each within its width, so the text fits).
    fn from_segments(segments: &[String]) -> Code {
        let mut code = Code {
            text: [0; MAX_CODE_LEN],
            len: 0,
            segments: segments.len() as u8,
        };
        for (i, seg) in segments.iter().enumerate() {
            if i > 0 {
                code.text[code.len as usize] = b'.';
                code.len += 1;
            }
            let at = code.len as usize;
            code.text[at..at + seg.len()].copy_from_slice(seg.as_bytes());
            code.len += seg.len() as u8;
        }
        code
    }

    /// The canonical text, e.g. `1.06.01.2.01.0001`.
    pub fn as_str(&self) -> &str {
        // Only ASCII letters, digits and dots are ever stored.
        std::str::from_utf8(&self.text[..self.len as usize]).unwrap_or_default()
    }

    /// The canonical segments, the kegiatan one with its dot (`2.01`).
    fn segment_texts(&self) -> Vec<&str> {
        let mut out = Vec::with_capacity(self.segments as usize);
        let mut start = 0;
        for n in 1..=self.segments {
            let end = self.byte_end(n);
            out.push(&self.as_str()[start..end]);
            start = end + 1;
        }
        out
    }

    /// Where the text of the first `n` segments ends.
    fn byte_end(&self, n: u8) -> usize {
        // Dots to pass: one between segments, and one inside the kegiatan segment.
        let dots = n.saturating_sub(1) as usize + usize::from(n >= 4);
        let text = self.as_str();
        text.bytes()
            .enumerate()
            .filter(|(_, b)| *b == b'.')
            .nth(dots)
            .map_or(text.len(), |(i, _)| i)
    }

    pub fn level(&self) -> Level {
        match self.segments {
            1 => Level::Urusan,
            2 => Level::Bidang,
            3 => Level::Program,
            4 => Level::Kegiatan,
            _ => Level::SubKegiatan,
        }
    }

    /// The code one level up (`1.06.01.2.01.0001` → `1.06.01.2.01`).
    pub fn parent(&self) -> Option<Code> {
        if self.segments <= 1 {
            return None;
        }
        let mut up = self.clone();
        up.segments -= 1;
        let end = self.byte_end(up.segments);
        up.text[end..].fill(0);
        up.len = end as u8;
        Some(up)
    }

    /// True when `self` is `other` or lies below it.
    pub fn starts_with(&self, other: &Code) -> bool {
        other.segments <= self.segments
            && self.byte_end(other.segments) == other.len as usize
            && self.as_str().starts_with(other.as_str())
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Renders one cell of a split code as text. A number with a fraction is a kegiatan segment
/// read with two decimals (2.1 → `2.10`); whole numbers lose float noise (6 → `6`).
pub fn code_cell_text(value: &crate::ingest::cell::Value) -> String {
    use crate::ingest::cell::Value;
    match value {
        Value::Number(n) if n.fract() != 0.0 => format!("{n:.2}"),
        Value::Number(n) => format!("{}", *n as i64),
        other => other.display().trim().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::cell::Value;
    use proptest::prelude::*;

    proptest! {
        /// A canonical code packed as it stands is the code the full parse makes of it.
        #[test]
        fn canonical_codes_pack_as_the_full_parse_does(
            digits in "[0-9]{12}",
            parts in proptest::sample::select(vec![1usize, 2, 3, 5, 6]),
        ) {
            let widths = [1, 2, 2, 1, 2, 4];
            let mut at = 0;
            let text = widths[..parts]
                .iter()
                .map(|w| {
                    let p = &digits[at..at + w];
                    at += w;
                    p
                })
                .collect::<Vec<_>>()
                .join(".");
            let fast = Code::canonical(&text).expect("canonical");
            prop_assert_eq!(Ok(fast.clone()), Code::parse_any(&text));
            prop_assert_eq!(fast.to_string(), text);
        }

        #[test]
        fn the_canonical_test_takes_no_other_text(t in "[0-9.]{1,18}") {
            if let Some(c) = Code::canonical(&t) {
                prop_assert_eq!(Ok(c), Code::parse_any(&t));
            }
        }
    }

    #[test]
    fn joined_forms() {
        let c = Code::parse("1.06.01.2.01.0001").unwrap();
        assert_eq!(c.to_string(), "1.06.01.2.01.0001");
        assert_eq!(c.level(), Level::SubKegiatan);
        assert_eq!(Code::parse("1.06.01.2.01.01").unwrap(), c);
        assert_eq!(
            Code::parse("1.06.01.2,01").unwrap().to_string(),
            "1.06.01.2.01"
        );
        assert_eq!(Code::parse("1 06 01").unwrap().level(), Level::Program);
        assert_eq!(Code::parse("1.6").unwrap().to_string(), "1.06");
        assert_eq!(Code::parse("X.XX.01").unwrap().to_string(), "X.XX.01");
    }

    #[test]
    fn split_forms_with_number_cells() {
        let cells: Vec<String> = [
            Value::Number(1.0),
            Value::Text("06".into()),
            Value::Number(1.0),
            Value::Number(2.01),
            Value::Number(1.0),
        ]
        .iter()
        .map(code_cell_text)
        .collect();
        assert_eq!(
            Code::from_split(&cells).unwrap().to_string(),
            "1.06.01.2.01.0001"
        );
        // 2.1 in the kegiatan column is 2.10, not 2.01.
        let cells: Vec<String> = [
            Value::Number(1.0),
            Value::Number(6.0),
            Value::Number(1.0),
            Value::Number(2.1),
        ]
        .iter()
        .map(code_cell_text)
        .collect();
        assert_eq!(
            Code::from_split(&cells).unwrap().to_string(),
            "1.06.01.2.10"
        );
        // Blank cells to the right: a program row.
        let cells = vec![
            "1".to_string(),
            "06".into(),
            "01".into(),
            "".into(),
            "".into(),
        ];
        assert_eq!(Code::from_split(&cells).unwrap().level(), Level::Program);
    }

    #[test]
    fn bad_codes() {
        assert!(Code::parse("").is_err());
        assert!(Code::parse("1.06.01.2").is_err());
        assert!(Code::parse("1.06.01.2.01.01.5").is_err());
        assert!(Code::parse("1.06.ab-c").is_err());
        assert!(Code::parse("1.123").is_err());
    }

    #[test]
    fn hierarchy() {
        let c = Code::parse("1.06.01.2.01.0001").unwrap();
        let k = c.parent().unwrap();
        assert_eq!(k.to_string(), "1.06.01.2.01");
        assert_eq!(k.parent().unwrap().to_string(), "1.06.01");
        assert!(c.starts_with(&k));
        assert!(!k.starts_with(&c));
    }

    proptest! {
        #[test]
        fn canonical_round_trip(u in 1u8..9, b in 1u8..99, p in 1u8..99, k1 in 1u8..3, k2 in 1u8..99, s in 1u16..9999) {
            let text = format!("{u}.{b:02}.{p:02}.{k1}.{k2:02}.{s:04}");
            let c = Code::parse(&text).unwrap();
            prop_assert_eq!(c.to_string(), text.clone());
            prop_assert_eq!(Code::parse(&c.to_string()).unwrap(), c);
        }

        #[test]
        fn packed_code_orders_and_splits_like_its_segments(
            a in "[0-9X]{1,2}(\\.[0-9X]{1,3}){0,5}",
            b in "[0-9X]{1,2}(\\.[0-9X]{1,3}){0,5}",
        ) {
            if let (Ok(x), Ok(y)) = (Code::parse(&a), Code::parse(&b)) {
                let (sx, sy) = (x.segment_texts(), y.segment_texts());
                prop_assert_eq!(sx.join("."), x.to_string());
                prop_assert_eq!(sx.len(), x.segments as usize);
                prop_assert_eq!(x.cmp(&y), sx.cmp(&sy));
                prop_assert_eq!(x.starts_with(&y), sx.starts_with(&sy));
                if let Some(px) = x.parent() {
                    prop_assert_eq!(px.segment_texts(), sx[..sx.len() - 1].to_vec());
                    prop_assert_eq!(Code::parse(&px.to_string()).unwrap(), px);
                }
            }
        }

        #[test]
        fn never_panics(s in "\\PC{0,24}") {
            let _ = Code::parse(&s);
        }
    }
}
