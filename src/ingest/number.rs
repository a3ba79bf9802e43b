//! Numbers as Indonesian staff write them.
//!
//! Thousands are separated by `.` and decimals by `,`: `15.387.210.499`, `92,45`, `6,60%`,
//! `Rp. 37.118.380.499,-`. `rust_decimal` only knows `.` as the decimal point, so text is
//! normalised here first. The rule for a text with dots and no comma: when every group after a
//! dot has exactly three digits (`1.500`, `15.387.210.499`) the dots are thousands separators
//! (the Indonesian reading); otherwise a single dot is a decimal point (`2.5`, `92.45`), which
//! is what a cell typed on an English-locale machine shows.
//!
//! Number cells arrive as f64; [`decimal_from_f64`] goes through the shortest decimal text that
//! reads back as the same float, so `92.45` stays `92.45` and never becomes `92.4500000001`.

use rust_decimal::Decimal;
use std::str::FromStr;

/// A parsed number, with whether it was written as a percentage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Num {
    pub value: Decimal,
    pub percent: bool,
}

/// Exact decimal for a number cell's f64 value, without float noise.
pub fn decimal_from_f64(n: f64) -> Option<Decimal> {
    if !n.is_finite() {
        return None;
    }
    // Most cells of a plan are whole rupiah: below 2^53 a whole f64 is exactly that integer,
    // and its shortest text is the integer's digits, so the text round trip would give the
    // same value. (-0.0 becomes 0, as `normalize` makes it below.)
    if n.fract() == 0.0 && n.abs() < 9_007_199_254_740_992.0 {
        return Some(Decimal::from(n as i64));
    }
    let text = format!("{n}");
    Decimal::from_str(&text)
        .ok()
        .or_else(|| Decimal::from_scientific(&format!("{n:e}")).ok())
        .map(|d| d.normalize())
}

/// Parses a number written as text the Indonesian way. Returns `None` for anything that is not a
/// single number (blank, `-`, words, two numbers).
pub fn parse_id_number(text: &str) -> Option<Num> {
    // Only these characters can make a number (digits, separators, sign, brackets, percent,
    // spaces, and the letters of `Rp`/`IDR`): anything else is text, known without the work
    // below (most cells that reach here are names).
    if !text.chars().all(|c| {
        c.is_ascii_digit()
            || c.is_whitespace()
            || matches!(c, '.' | ',' | '%' | '(' | ')' | '-' | '+' | '\u{a0}')
            || matches!(c.to_ascii_lowercase(), 'r' | 'p' | 'i' | 'd')
    }) {
        return None;
    }
    // Plain digits (most numbers written as text, and column numbers): read as they stand.
    let t = text.trim();
    if (1..=18).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit()) {
        return t.parse::<u64>().ok().map(|n| Num {
            value: Decimal::from(n),
            percent: false,
        });
    }
    let mut s: String = text
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .collect();
    if s.is_empty() {
        return None;
    }
    // Currency prefix: Rp, Rp., IDR.
    let lower = s.to_lowercase();
    for prefix in ["rp.", "rp", "idr"] {
        if lower.starts_with(prefix) {
            s = s[prefix.len()..].to_string();
            break;
        }
    }
    // Trailing ",-" or ".-" as in "Rp. 37.118.380.499,-".
    for suffix in [",-", ".-", ",--"] {
        if let Some(stripped) = s.strip_suffix(suffix) {
            s = stripped.to_string();
            break;
        }
    }
    let mut percent = false;
    if let Some(stripped) = s.strip_suffix('%') {
        percent = true;
        s = stripped.to_string();
    }
    let mut negative = false;
    if s.starts_with('(') && s.ends_with(')') && s.len() > 2 {
        negative = true;
        s = s[1..s.len() - 1].to_string();
    }
    if let Some(stripped) = s.strip_prefix('-') {
        negative = !negative;
        s = stripped.to_string();
    } else if let Some(stripped) = s.strip_prefix('+') {
        s = stripped.to_string();
    }
    if s.is_empty()
        || !s
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return None;
    }
    if !s.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let normal = normalise_separators(&s)?;
    let mut value = Decimal::from_str_exact(&normal).ok()?;
    if negative {
        value = -value;
    }
    Some(Num { value, percent })
}

/// Turns `15.387.210.499` / `92,45` / `1.234,5` / `2.5` into the `.`-decimal form Decimal reads.
fn normalise_separators(s: &str) -> Option<String> {
    let commas = s.matches(',').count();
    let dots = s.matches('.').count();
    match (dots, commas) {
        (0, 0) => Some(s.to_string()),
        (_, 1) => {
            // Comma is the decimal separator; every dot must separate thousands.
            let (int, frac) = s.split_once(',')?;
            if frac.is_empty() || frac.contains('.') {
                return None;
            }
            if dots > 0 && !thousands_grouped(int) {
                return None;
            }
            Some(format!("{}.{}", int.replace('.', ""), frac))
        }
        (_, 0) => {
            if thousands_grouped(s) {
                Some(s.replace('.', ""))
            } else if dots == 1 {
                Some(s.to_string())
            } else {
                None
            }
        }
        _ => {
            // Several commas: English-style thousands with an optional dot decimal (1,234,567.5).
            let (int, frac) = match s.split_once('.') {
                Some((i, f)) if !f.contains('.') && !f.contains(',') => (i, Some(f)),
                None => (s, None),
                _ => return None,
            };
            let groups: Vec<&str> = int.split(',').collect();
            if groups[0].is_empty()
                || groups[0].len() > 3
                || groups[1..].iter().any(|g| g.len() != 3)
            {
                return None;
            }
            let int = int.replace(',', "");
            Some(match frac {
                Some(f) => format!("{int}.{f}"),
                None => int,
            })
        }
    }
}

/// True when `s` is digits grouped by dots in threes after the first group: `1.500`, `15.387.210`.
fn thousands_grouped(s: &str) -> bool {
    let groups: Vec<&str> = s.split('.').collect();
    if groups.len() < 2 {
        return true;
    }
    !groups[0].is_empty() && groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3)
}

/// Splits a target cell such as `120 Orang/Bulan`, `3 Dokumen`, `6,60%` into number and unit.
/// A bare number has no unit. Returns `None` when the text does not start with a number.
pub fn split_target(text: &str) -> Option<(Decimal, Option<String>)> {
    let t = text.trim();
    if let Some(n) = parse_id_number(t) {
        return Some((n.value, n.percent.then(|| "%".to_string())));
    }
    // Find the longest leading run that parses as a number.
    let end = t
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '+')))
        .map(|(i, _)| i)?;
    if end == 0 {
        return None;
    }
    let (num, unit) = t.split_at(end);
    let n = parse_id_number(num)?;
    let unit = unit.trim();
    let unit = unit.strip_prefix('%').map(|_| "%").unwrap_or(unit).trim();
    if unit.is_empty() {
        return Some((n.value, None));
    }
    Some((n.value, Some(unit.to_string())))
}

/// Formats a decimal the Indonesian way: `15.387.210.499`, `92,45`, `-1.000,5`.
pub fn format_id(d: &Decimal) -> String {
    let d = d.normalize();
    let text = d.abs().to_string();
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (text, None),
    };
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(c);
    }
    let sign = if d.is_sign_negative() && !d.is_zero() {
        "-"
    } else {
        ""
    };
    match frac {
        Some(f) => format!("{sign}{grouped},{f}"),
        None => format!("{sign}{grouped}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal_macros_free::dec;

    mod rust_decimal_macros_free {
        /// `dec("1.5")` without pulling in the macro crate.
        pub fn dec(s: &str) -> rust_decimal::Decimal {
            s.parse().unwrap()
        }
    }

    fn v(s: &str) -> Option<Decimal> {
        parse_id_number(s).map(|n| n.value)
    }

    #[test]
    fn indonesian_forms() {
        assert_eq!(v("15.387.210.499"), Some(dec("15387210499")));
        assert_eq!(v("92,45"), Some(dec("92.45")));
        assert_eq!(v("1.234,50"), Some(dec("1234.50")));
        assert_eq!(v("Rp. 37.118.380.499,-"), Some(dec("37118380499")));
        assert_eq!(v("Rp 1.000"), Some(dec("1000")));
        assert_eq!(v("  100,00 "), Some(dec("100.00")));
        assert_eq!(v("0"), Some(dec("0")));
        assert_eq!(v("(1.000)"), Some(dec("-1000")));
        assert_eq!(v("-2,5"), Some(dec("-2.5")));
        let p = parse_id_number("6,60%").unwrap();
        assert_eq!((p.value, p.percent), (dec("6.60"), true));
    }

    #[test]
    fn english_forms_still_read() {
        assert_eq!(v("92.45"), Some(dec("92.45")));
        assert_eq!(v("2.5"), Some(dec("2.5")));
        assert_eq!(v("1,234,567.5"), Some(dec("1234567.5")));
    }

    #[test]
    fn not_numbers() {
        for s in [
            "",
            "-",
            "Dokumen",
            "1.2.3",
            "12,5,3x",
            "1,2,3",
            "1.23.456",
            "3 Dokumen",
            "--",
            "Rp",
            "1,",
            "1.000,5.0",
        ] {
            assert_eq!(v(s), None, "{s:?}");
        }
    }

    #[test]
    fn targets_with_units() {
        assert_eq!(
            split_target("120 Orang/Bulan"),
            Some((dec("120"), Some("Orang/Bulan".into())))
        );
        assert_eq!(
            split_target("3 Dokumen"),
            Some((dec("3"), Some("Dokumen".into())))
        );
        assert_eq!(
            split_target("1 Berita Acara"),
            Some((dec("1"), Some("Berita Acara".into())))
        );
        assert_eq!(split_target("6,60%"), Some((dec("6.60"), Some("%".into()))));
        assert_eq!(split_target("100 %"), Some((dec("100"), Some("%".into()))));
        assert_eq!(split_target("75"), Some((dec("75"), None)));
        assert_eq!(split_target("Dokumen"), None);
    }

    #[test]
    fn floats_lose_their_noise() {
        assert_eq!(decimal_from_f64(92.45), Some(dec("92.45")));
        assert_eq!(decimal_from_f64(15387210499.0), Some(dec("15387210499")));
        assert_eq!(
            decimal_from_f64(0.1 + 0.2),
            Some(dec("0.30000000000000004"))
        );
        assert_eq!(decimal_from_f64(f64::NAN), None);
    }

    /// The text round trip that [`decimal_from_f64`] skips for whole numbers.
    fn through_text(n: f64) -> Option<Decimal> {
        Decimal::from_str(&format!("{n}"))
            .ok()
            .or_else(|| Decimal::from_scientific(&format!("{n:e}")).ok())
            .map(|d| d.normalize())
    }

    proptest! {
        /// Whole rupiah skip the text round trip and must come out the same, digit for digit
        /// and sign for sign (`-0` is `0`).
        #[test]
        fn whole_numbers_match_the_text_round_trip(i in -(1i64 << 53)..(1i64 << 53), shift in 0u32..40) {
            let n = (i >> shift) as f64;
            let (fast, slow) = (decimal_from_f64(n), through_text(n));
            prop_assert_eq!(fast, slow);
            prop_assert_eq!(fast.map(|d| d.to_string()), slow.map(|d| d.to_string()));
        }
    }

    #[test]
    fn negative_zero_is_zero() {
        assert_eq!(
            decimal_from_f64(-0.0).map(|d| d.to_string()),
            Some("0".to_string())
        );
        assert_eq!(
            through_text(-0.0).map(|d| d.to_string()),
            Some("0".to_string())
        );
        let big = 9_007_199_254_740_992.0;
        assert_eq!(decimal_from_f64(big), through_text(big));
    }

    #[test]
    fn formats_back() {
        assert_eq!(format_id(&dec("15387210499")), "15.387.210.499");
        assert_eq!(format_id(&dec("92.45")), "92,45");
        assert_eq!(format_id(&dec("-1000.5")), "-1.000,5");
        assert_eq!(format_id(&dec("100")), "100");
    }

    proptest! {
        #[test]
        fn formatted_integers_parse_back(n in -999_999_999_999_999i64..999_999_999_999_999i64) {
            let d = Decimal::from(n);
            prop_assert_eq!(v(&format_id(&d)), Some(d));
        }

        #[test]
        fn formatted_decimals_parse_back(m in 0i64..10_000_000_000i64, scale in 1u32..4) {
            let d = Decimal::new(m, scale);
            // A decimal with a fractional part is written with a comma and must read back.
            let text = format_id(&d);
            prop_assert_eq!(v(&text).map(|x| x.normalize()), Some(d.normalize()));
        }

        #[test]
        fn rupiah_form_parses(n in 0i64..999_999_999_999i64) {
            let d = Decimal::from(n);
            let text = format!("Rp. {},-", format_id(&d));
            prop_assert_eq!(v(&text), Some(d));
        }

        /// Plain digits skip the separator handling and read exactly as Decimal reads them.
        #[test]
        fn plain_digits_read_as_decimal_reads_them(t in " ?[0-9]{1,18} ?") {
            let read = parse_id_number(&t).expect("digits are a number");
            let exact = Decimal::from_str_exact(t.trim()).unwrap();
            prop_assert_eq!(read.value, exact);
            prop_assert_eq!(read.value.to_string(), exact.to_string());
            prop_assert!(!read.percent);
        }

        #[test]
        fn never_panics(s in "\\PC{0,20}") {
            let _ = parse_id_number(&s);
            let _ = split_target(&s);
        }
    }
}
