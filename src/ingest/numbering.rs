//! The column-number row: the form's own key to its columns.
//!
//! Most Permendagri 86/2017 forms print, under (or inside) the header, a row numbering the
//! columns: `(1) (2) … (11)`, bare `1 2 … 11`, a number merged over several code columns, often
//! with the formula of a derived column written in: `(8)=(7)/(6)x100`, `8 = 7/6 x 100`,
//! `14=13/5 x100%`, `13 = 6 + 12`, glued `8(7/6)`, `10(5+7+9)*`, or a footnote mark `11*`.
//! Typed into Excel, `(1)` may even become the number −1 (accounting negative).
//!
//! This module only reads such labels and recognises a row made of them; what a number means
//! for a table kind (which role is column 8) is decided in `locate` from `rules/tables.toml`.

use super::cell::{Pos, Value};
use super::workbook::Sheet;

/// A derived column's formula as written in its label, over column numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Formula {
    /// `a / b × 100` (or `a / b`): a percentage of two columns.
    Ratio { num: u32, den: u32 },
    /// `a + b + …`.
    Sum(Vec<u32>),
}

impl Formula {
    /// Parses a formula over column numbers as `tables.toml` writes it: `7/6*100`, `5+7+9`.
    pub fn parse(text: &str) -> Option<Formula> {
        parse_expr(text)
    }

    /// The same formula with every column number passed through `f` (None when one fails).
    pub fn map(&self, f: impl Fn(u32) -> Option<u32>) -> Option<Formula> {
        Some(match self {
            Formula::Ratio { num, den } => Formula::Ratio {
                num: f(*num)?,
                den: f(*den)?,
            },
            Formula::Sum(v) => Formula::Sum(v.iter().map(|n| f(*n)).collect::<Option<_>>()?),
        })
    }
}

impl std::fmt::Display for Formula {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Formula::Ratio { num, den } => write!(f, "({num})/({den})×100"),
            Formula::Sum(v) => {
                let parts: Vec<String> = v.iter().map(|n| format!("({n})")).collect();
                f.write_str(&parts.join("+"))
            }
        }
    }
}

/// One cell of a number row: the column's number and, for a derived column, its formula.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub number: u32,
    pub formula: Option<Formula>,
    /// The label as written, for messages.
    pub text: String,
}

/// Largest column number a form uses (E.81 variants reach ~30 with every K/Rp pair).
const MAX_NUMBER: u32 = 80;

/// Reads one cell as a column-number label, or None.
pub fn parse_label(value: &Value) -> Option<Label> {
    match value {
        Value::Number(n) => {
            // `(1)` typed into Excel becomes −1; a number row never holds fractions.
            let a = n.abs();
            (a.fract() == 0.0 && a <= MAX_NUMBER as f64).then(|| Label {
                number: a as u32,
                formula: None,
                text: value.display(),
            })
        }
        Value::Text(t) => parse_label_text(t),
        _ => None,
    }
}

/// Could the cell be a column number? The start of [`parse_label`]'s test, without building
/// anything: a whole number in range, or a text whose first non-space character, after an
/// optional `-` and `(`, is a digit. Most cells of most rows are not, and a row is no number
/// row when too few of its cells could be.
fn could_be_label(value: &Value) -> bool {
    match value {
        Value::Number(n) => n.fract() == 0.0 && n.abs() <= MAX_NUMBER as f64,
        Value::Text(t) => text_could_be_label(t),
        _ => false,
    }
}

fn text_could_be_label(t: &str) -> bool {
    let mut head = t.chars().filter(|c| !c.is_whitespace());
    let mut c = head.next();
    if c == Some('-') {
        c = head.next();
    }
    if c == Some('(') {
        c = head.next();
    }
    c.is_some_and(|c| c.is_ascii_digit())
}

fn parse_label_text(text: &str) -> Option<Label> {
    if !text_could_be_label(text) {
        return None;
    }
    read_label_text(text)
}

/// [`parse_label_text`] without the quick test.
fn read_label_text(text: &str) -> Option<Label> {
    let s: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    let s = s.trim_end_matches(['*', '%']);
    // Leading number, bare or in parentheses (`(8)`, `8`, `-8`, `(8`).
    let rest = s.strip_prefix('-').unwrap_or(s);
    let (paren, rest) = match rest.strip_prefix('(') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    if digits.is_empty() || digits.len() > 2 {
        return None;
    }
    let number: u32 = digits.parse().ok()?;
    if number > MAX_NUMBER {
        return None;
    }
    let mut rest = &rest[digits.len()..];
    if paren {
        rest = rest.strip_prefix(')').unwrap_or(rest);
    }
    if rest.is_empty() {
        return Some(Label {
            number,
            formula: None,
            text: text.trim().to_string(),
        });
    }
    // `=formula`, or a formula glued on in parentheses: `8(7/6)`, `10(5+7+9)`.
    let expr = if let Some(e) = rest.strip_prefix('=') {
        e
    } else if rest.starts_with('(') {
        rest
    } else {
        return None;
    };
    let formula = parse_expr(expr)?;
    Some(Label {
        number,
        formula: Some(formula),
        text: text.trim().to_string(),
    })
}

/// Parses `(7)/(6)x100`, `7/6*100`, `(7/6)x100`, `5+7+9`, `6+12`, `13/5x100`.
fn parse_expr(expr: &str) -> Option<Formula> {
    let mut nums: Vec<u32> = Vec::new();
    let mut ops: Vec<char> = Vec::new();
    let mut cur = String::new();
    let flush = |cur: &mut String, nums: &mut Vec<u32>| -> Option<()> {
        if !cur.is_empty() {
            nums.push(cur.parse().ok()?);
            cur.clear();
        }
        Some(())
    };
    for c in expr.chars().filter(|c| !c.is_whitespace()) {
        match c {
            '0'..='9' => cur.push(c),
            '(' | ')' | '[' | ']' => flush(&mut cur, &mut nums)?,
            '+' | '/' | ':' | 'x' | '*' | '×' => {
                flush(&mut cur, &mut nums)?;
                ops.push(match c {
                    ':' => '/',
                    'x' | '×' => '*',
                    o => o,
                });
            }
            '%' => {}
            _ => return None,
        }
    }
    flush(&mut cur, &mut nums)?;
    if nums.len() != ops.len() + 1 {
        return None;
    }
    // A trailing `× 100` is the percentage, not a column.
    if ops.last() == Some(&'*') && nums.last() == Some(&100) {
        ops.pop();
        nums.pop();
    }
    if nums.iter().any(|n| *n == 0 || *n > MAX_NUMBER) {
        return None;
    }
    match ops.as_slice() {
        ['/'] => Some(Formula::Ratio {
            num: nums[0],
            den: nums[1],
        }),
        o if !o.is_empty() && o.iter().all(|c| *c == '+') => Some(Formula::Sum(nums)),
        _ => None,
    }
}

/// A row of column numbers: each labelled column (merged labels spread over the columns they
/// cover) with its label.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberRow {
    pub row: u32,
    pub labels: Vec<(u32, Label)>,
}

impl NumberRow {
    pub fn label(&self, col: u32) -> Option<&Label> {
        self.labels
            .binary_search_by_key(&col, |(c, _)| *c)
            .ok()
            .map(|i| &self.labels[i].1)
    }

    /// The columns labelled `number` (several when the label is merged over them).
    pub fn columns_of(&self, number: u32) -> impl Iterator<Item = u32> + '_ {
        self.labels
            .iter()
            .filter(move |(_, l)| l.number == number)
            .map(|(c, _)| *c)
    }
}

/// Recognises a row of column numbers: at least three cells, (nearly) all of them labels, the
/// numbers increasing from left to right (a repeat or a gap is tolerated, as in real forms), and
/// starting low. Data rows fail because they carry names, amounts or codes.
pub fn number_row(sheet: &Sheet, row: u32) -> Option<NumberRow> {
    let cells = sheet.row_cells(row);
    if cells.len() < 3 {
        return None;
    }
    // At most this many cells are labels: too few, and the row is none (the same test as
    // below, on an upper bound, before any label is built).
    let filled = cells.iter().filter(|(_, c)| !c.value.is_empty()).count();
    let could = cells
        .iter()
        .filter(|(_, c)| could_be_label(&c.value))
        .count();
    if could < 3 || could * 10 < filled * 9 {
        return None;
    }
    let mut labels: Vec<(u32, Label)> = Vec::new();
    let mut other = 0usize;
    for (c, cell) in cells {
        match parse_label(&cell.value) {
            Some(l) => labels.push((*c, l)),
            None if cell.value.is_empty() => {}
            None => other += 1,
        }
    }
    if labels.len() < 3 || labels.len() * 10 < (labels.len() + other) * 9 {
        return None;
    }
    let increasing = labels
        .windows(2)
        .filter(|w| w[1].1.number >= w[0].1.number)
        .count();
    // Allow one step back (a misnumbered column) in a long row.
    if increasing + 1 < labels.len() - 1 || labels[0].1.number > 3 {
        return None;
    }
    // Distinct numbers must be many: `1 1 1 1` is a data row of ones, not a numbering.
    let mut distinct: Vec<u32> = labels.iter().map(|(_, l)| l.number).collect();
    distinct.dedup();
    if distinct.len() * 2 < labels.len() {
        return None;
    }
    // Spread a label merged over several columns.
    let mut spread = Vec::new();
    for (c, l) in labels {
        match sheet.merge_at(Pos::new(row, c)) {
            Some((a, b)) if a.row == row && a.col == c && b.col > c => {
                for cc in c..=b.col {
                    spread.push((cc, l.clone()));
                }
            }
            _ => spread.push((c, l)),
        }
    }
    spread.sort_by_key(|(c, _)| *c);
    spread.dedup_by_key(|(c, _)| *c);
    Some(NumberRow {
        row,
        labels: spread,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The quick test never turns away a label `parse_label` would read, so a row's
        /// number row is found exactly as before the test existed.
        #[test]
        fn the_quick_test_keeps_every_label(t in "[ (\\-]{0,2}[0-9]{0,3}[ )=(+*/%a-cA-C0-9]{0,6}", n in -200i64..200) {
            if read_label_text(&t).is_some() {
                proptest::prop_assert!(text_could_be_label(&t), "{t:?}");
            }
            let num = Value::Number(n as f64);
            if parse_label(&num).is_some() {
                proptest::prop_assert!(could_be_label(&num));
            }
        }
    }

    fn lt(s: &str) -> Option<Label> {
        parse_label(&Value::Text(s.into()))
    }

    #[test]
    fn bare_and_parenthesised_numbers() {
        assert_eq!(lt("(1)").unwrap().number, 1);
        assert_eq!(lt("11").unwrap().number, 11);
        assert_eq!(lt(" 7 ").unwrap().number, 7);
        assert_eq!(lt("11*").unwrap().number, 11);
        assert_eq!(parse_label(&Value::Number(-3.0)).unwrap().number, 3);
        assert!(parse_label(&Value::Number(2.01)).is_none());
        assert!(lt("Kode").is_none());
        assert!(lt("1.06.01").is_none());
        assert!(lt("120 Orang").is_none());
        assert!(lt("2026").is_none());
    }

    #[test]
    fn formula_labels_in_the_styles_forms_use() {
        let ratio = Some(Formula::Ratio { num: 7, den: 6 });
        for s in [
            "(8)=(7)/(6)x100",
            "8 = 7/6 x 100",
            "8=(7/6)*100",
            "8(7/6)",
            "(8) = (7) / (6) X 100%",
        ] {
            let l = lt(s).unwrap_or_else(|| panic!("{s}"));
            assert_eq!((l.number, &l.formula), (8, &ratio), "{s}");
        }
        let l = lt("(10)=(5)+(7)+(9)").unwrap();
        assert_eq!(l.formula, Some(Formula::Sum(vec![5, 7, 9])));
        assert_eq!(lt("10(5+7+9)*").unwrap().formula, l.formula);
        assert_eq!(
            lt("14=13/5 x100%").unwrap().formula,
            Some(Formula::Ratio { num: 13, den: 5 })
        );
        assert_eq!(
            lt("12 = 8+9+10+11").unwrap().formula,
            Some(Formula::Sum(vec![8, 9, 10, 11]))
        );
        assert!(lt("8 = tujuh").is_none());
    }

    #[test]
    fn formula_mapping_and_display() {
        let f = Formula::parse("7/6*100").unwrap();
        assert_eq!(f.to_string(), "(7)/(6)×100");
        assert_eq!(
            f.map(|n| Some(n + 1)),
            Some(Formula::Ratio { num: 8, den: 7 })
        );
    }
}
