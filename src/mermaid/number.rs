//! JavaScript's `Number(string)`, which Mermaid applies to a task's score.

use super::text::js_trim;

/// `Number(s)`: the string trimmed; empty is 0; `0x`/`0o`/`0b` integers; `Infinity`
/// with a sign; a decimal literal with an optional sign, fraction and exponent; NaN
/// for anything else.
pub(crate) fn js_number(s: &str) -> f64 {
    let s = js_trim(s);
    if s.is_empty() {
        return 0.0;
    }
    for (prefix, radix) in [("0x", 16), ("0X", 16), ("0o", 8), ("0O", 8), ("0b", 2), ("0B", 2)] {
        if let Some(digits) = s.strip_prefix(prefix) {
            if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
                return f64::NAN;
            }
            return digits.chars().fold(0.0, |n, c| n * f64::from(radix) + f64::from(c.to_digit(radix).unwrap_or(0)));
        }
    }
    let unsigned = s.strip_prefix(['+', '-']).unwrap_or(s);
    if unsigned == "Infinity" {
        return if s.starts_with('-') { f64::NEG_INFINITY } else { f64::INFINITY };
    }
    if !decimal_literal(unsigned) {
        return f64::NAN;
    }
    s.parse::<f64>().unwrap_or(f64::NAN)
}

/// `StrUnsignedDecimalLiteral`: `digits [. [digits]] [exp]` or `. digits [exp]`.
fn decimal_literal(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |at: usize| b[at.min(b.len())..].iter().take_while(|c| c.is_ascii_digit()).count();
    let int = digits(0);
    let mut at = int;
    let mut frac = 0;
    if b.get(at) == Some(&b'.') {
        frac = digits(at + 1);
        at += 1 + frac;
    }
    if int == 0 && frac == 0 {
        return false;
    }
    if matches!(b.get(at), Some(b'e' | b'E')) {
        at += 1;
        if matches!(b.get(at), Some(b'+' | b'-')) {
            at += 1;
        }
        let e = digits(at);
        if e == 0 {
            return false;
        }
        at += e;
    }
    at == b.len()
}

#[cfg(test)]
mod tests {
    use super::js_number;

    #[test]
    fn as_javascript_reads_it() {
        for (s, n) in [("5", 5.0), (" 5 ", 5.0), ("+4", 4.0), ("0x3", 3.0), ("", 0.0), (" ", 0.0), ("2.5", 2.5)] {
            assert_eq!(js_number(s), n, "{s:?}");
        }
        for (s, n) in [("-10", -10.0), ("23", 23.0), (".5", 0.5), ("5.", 5.0), ("1e2", 100.0), ("0b11", 3.0)] {
            assert_eq!(js_number(s), n, "{s:?}");
        }
        for s in ["high", "X", "-0x3", "0x", "1e", "inf", "nan", "5 5", "1_0", "Dad"] {
            assert!(js_number(s).is_nan(), "{s:?}");
        }
        assert_eq!(js_number("-Infinity"), f64::NEG_INFINITY);
    }
}
