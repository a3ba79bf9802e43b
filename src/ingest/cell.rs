//! Cells as selaras sees them: a typed value, the display format, the formula text, and the
//! A1 address it came from. Everything downstream keeps the address so that every finding can
//! point at the exact cell a planner has to fix.

use serde::Serialize;
use std::fmt;

/// A zero-based (row, column) position inside a sheet, printed as A1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Pos {
    pub row: u32,
    pub col: u32,
}

impl Pos {
    pub fn new(row: u32, col: u32) -> Self {
        Pos { row, col }
    }

    /// The A1 form of this position, e.g. `H12`.
    pub fn a1(&self) -> String {
        format!("{}{}", col_letters(self.col), self.row + 1)
    }

    /// Parses `H12` (optionally `$H$12`) into a position.
    pub fn parse_a1(s: &str) -> Option<Pos> {
        let s = s.replace('$', "");
        let split = s.find(|c: char| c.is_ascii_digit())?;
        let (letters, digits) = s.split_at(split);
        if letters.is_empty() || !letters.chars().all(|c| c.is_ascii_alphabetic()) {
            return None;
        }
        let mut col: u32 = 0;
        for c in letters.chars() {
            col = col.checked_mul(26)? + (c.to_ascii_uppercase() as u32 - 'A' as u32 + 1);
        }
        let row: u32 = digits.parse().ok()?;
        if row == 0 || col == 0 {
            return None;
        }
        Some(Pos::new(row - 1, col - 1))
    }
}

/// A position compares equal to its A1 text (`pos == "G12"`), so a test or a caller can name a
/// cell as a planner would.
impl PartialEq<str> for Pos {
    fn eq(&self, other: &str) -> bool {
        Pos::parse_a1(other) == Some(*self)
    }
}

impl PartialEq<&str> for Pos {
    fn eq(&self, other: &&str) -> bool {
        *self == **other
    }
}

impl PartialEq<String> for Pos {
    fn eq(&self, other: &String) -> bool {
        *self == **other
    }
}

/// Serializes a position as its A1 text, the form every report uses.
pub fn serialize_a1<S: serde::Serializer>(pos: &Pos, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(pos)
}

impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.a1())
    }
}

/// Column letters for a zero-based column index: 0 → `A`, 25 → `Z`, 26 → `AA`.
pub fn col_letters(col: u32) -> String {
    let mut n = col as u64 + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        out.push(b'A' + rem);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).expect("ascii")
}

/// A range of cells, printed as `A5:N160`.
pub fn range_a1(start: Pos, end: Pos) -> String {
    format!("{}:{}", start.a1(), end.a1())
}

/// The value of one cell, as read from the workbook.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Number(f64),
    /// Shared: a sheet's repeated texts (units, places, funds) are one allocation, and a
    /// text column's parsed value is the same text, not a copy ([`super::locate::Parsed::Text`]).
    Text(std::sync::Arc<str>),
    Bool(bool),
    /// An Excel serial date-time.
    DateTime(f64),
    /// An error cell such as `#REF!` or `#DIV/0!`.
    Error(Box<str>),
}

impl Value {
    pub fn is_empty(&self) -> bool {
        match self {
            Value::Empty => true,
            Value::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    pub fn as_text(&self) -> Option<&str> {
        match self {
            Value::Text(t) => Some(t),
            _ => None,
        }
    }

    /// The value as a person would read it (numbers without float noise).
    pub fn display(&self) -> String {
        match self {
            Value::Empty => String::new(),
            Value::Number(n) => format_number(*n),
            Value::Text(t) => t.to_string(),
            Value::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
            Value::DateTime(d) => format_number(*d),
            Value::Error(e) => e.to_string(),
        }
    }
}

/// Shortest decimal text that reads back as the same f64 (`15387210499`, `92.45`).
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// One stored cell: its value. Its number format and formula, which few cells have, are kept
/// beside the cells by the sheet ([`crate::ingest::workbook::Sheet::format`],
/// [`crate::ingest::workbook::Sheet::formula`]): a sheet holds hundreds of thousands of cells,
/// and each byte of a cell is a byte per cell of the check's memory.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub value: Value,
}

impl Cell {
    pub fn new(value: Value) -> Self {
        Cell { value }
    }

    pub fn empty() -> Self {
        Cell::new(Value::Empty)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a1_round_trip() {
        for (r, c, s) in [
            (0, 0, "A1"),
            (11, 7, "H12"),
            (0, 25, "Z1"),
            (9, 26, "AA10"),
            (0, 701, "ZZ1"),
            (0, 702, "AAA1"),
        ] {
            let p = Pos::new(r, c);
            assert_eq!(p.a1(), s);
            assert_eq!(Pos::parse_a1(s), Some(p));
        }
        assert_eq!(Pos::parse_a1("$B$3"), Some(Pos::new(2, 1)));
        assert_eq!(Pos::parse_a1("3B"), None);
        assert_eq!(Pos::parse_a1("A0"), None);
    }

    #[test]
    fn numbers_display_without_float_noise() {
        assert_eq!(format_number(15387210499.0), "15387210499");
        assert_eq!(format_number(92.45), "92.45");
        assert_eq!(format_number(2.1), "2.1");
    }
}
