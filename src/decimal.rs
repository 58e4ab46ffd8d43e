//! Numbers as decimal text, read and written without core's general float
//! formatting and parsing.
//!
//! Those two routines handle any `f64` exactly, with tables and bignum
//! code worth about 20 KiB of gzipped WebAssembly: a tenth of the page's
//! first download. The page needs far less. Its numbers are either shown
//! to a few decimals, or slider values kept on a grid of a millionth
//! ([`crate::model::inputs::on_grid`]), which a decimal with six places
//! writes exactly and [`parse`] reads back exactly. So both directions work on whole numbers:
//! a decimal's digits are an integer `n` and a power of ten `k`, and
//! `n / 10^k` is one correctly rounded division when both are exact in
//! an `f64` (`n < 2^53`, `k <= 22`), which covers every value here.

/// Decimal places of the grid that every input value lies on.
pub const GRID_PLACES: usize = 6;

/// Powers of ten that an `f64` holds exactly.
const POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// Reads a plain decimal: an optional sign, digits with at most one point,
/// and an optional exponent (`-0.35`, `12`, `.5`, `2.5e-3`). Anything
/// else (`inf`, `NaN`, `0x10`, an empty string, a stray character) is
/// `None`. Digits past the nineteenth are read as zeros, which changes a
/// value by less than one part in 10^18.
pub fn parse(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let (negative, mut i) = match bytes.first() {
        Some(b'-') => (true, 1),
        Some(b'+') => (false, 1),
        _ => (false, 0),
    };
    let mut mantissa: u64 = 0;
    let mut scale: i32 = 0; // value = mantissa × 10^scale
    let mut digits = 0;
    let mut point = false;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'0'..=b'9' => {
                digits += 1;
                if mantissa < 1_000_000_000_000_000_000 {
                    mantissa = mantissa * 10 + u64::from(b - b'0');
                    if point {
                        scale -= 1;
                    }
                } else if !point {
                    scale += 1;
                }
            }
            b'.' if !point => point = true,
            _ => break,
        }
        i += 1;
    }
    if digits == 0 {
        return None;
    }
    if let Some(b'e' | b'E') = bytes.get(i) {
        let exponent: i32 = text.get(i + 1..)?.parse().ok()?;
        scale = scale.checked_add(exponent)?;
        i = bytes.len();
    }
    if i != bytes.len() {
        return None;
    }
    let magnitude = scaled(mantissa as f64, scale);
    Some(if negative { -magnitude } else { magnitude })
}

/// `m × 10^scale`, in as few roundings as the exponent allows.
fn scaled(m: f64, scale: i32) -> f64 {
    let mut value = m;
    let mut left = scale;
    while left > 22 {
        value *= 1e22;
        left -= 22;
    }
    while left < -22 {
        value /= 1e22;
        left += 22;
    }
    let power = POWERS[left.unsigned_abs() as usize];
    if left >= 0 {
        value * power
    } else {
        value / power
    }
}

/// `value` with exactly `places` decimals and a `.` point, rounded half
/// away from zero as a reader (and `Intl.NumberFormat`) rounds the decimal
/// they see: `0.125` → "0.13", `1.005` → "1.01", although the nearest
/// `f64` to 1.005 lies just below it. The scaled value is nudged by a
/// millionth of a millionth of itself before rounding, which puts such
/// ties on the side their decimal is on and moves nothing else that an
/// `f64` computed by the model could hold. Not a finite number counts as
/// zero. At most 15 places, and values up to 10^15 at that scale.
pub fn fixed(value: f64, places: usize) -> String {
    shifted(value, places, 0)
}

/// [`fixed`] of `value × 10^shift`, scaled in one multiplication (a
/// probability shown in percent is `shifted(p, 1, 2)`), so the decimal
/// that is rounded is the one the reader would write down.
pub fn shifted(value: f64, places: usize, shift: usize) -> String {
    let value = if value.is_finite() { value } else { 0.0 };
    let places = places.min(15);
    let scaled = value.abs() * POWERS[(places + shift).min(22)];
    let whole = (scaled * (1.0 + 1e-12)).round().min(9e15) as u64;
    let digits = whole.to_string();
    let digits = if digits.len() <= places {
        format!("{}{digits}", "0".repeat(places + 1 - digits.len()))
    } else {
        digits
    };
    let (integer, fraction) = digits.split_at(digits.len() - places);
    let sign = if value.is_sign_negative() && whole != 0 {
        "-"
    } else {
        ""
    };
    if places == 0 {
        format!("{sign}{integer}")
    } else {
        format!("{sign}{integer}.{fraction}")
    }
}

/// A grid value as the shortest decimal that reads back as itself: at
/// most six places, no trailing zeros (`0.35`, `12`, `-0.000001`). Values
/// of 10^15 and more, which only a hostile link holds, are written with
/// an exponent (`1.5e20`) for the notice that reports them.
pub fn short(value: f64) -> String {
    if value.is_finite() && value.abs() >= 1e15 {
        let (mut mantissa, mut exponent) = (value.abs(), 0);
        while mantissa >= 10.0 {
            mantissa /= 10.0;
            exponent += 1;
        }
        let sign = if value < 0.0 { "-" } else { "" };
        return format!("{sign}{}e{exponent}", trimmed(fixed(mantissa, GRID_PLACES)));
    }
    trimmed(fixed(value, GRID_PLACES))
}

/// A decimal without the zeros after its point that say nothing.
fn trimmed(text: String) -> String {
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::inputs::on_grid;

    #[test]
    fn reads_plain_decimals() {
        assert_eq!(parse("0.35"), Some(0.35));
        assert_eq!(parse("-0.35"), Some(-0.35));
        assert_eq!(parse("+12"), Some(12.0));
        assert_eq!(parse(".5"), Some(0.5));
        assert_eq!(parse("5."), Some(5.0));
        assert_eq!(parse("2.5e-3"), Some(0.0025));
        assert_eq!(parse("1E2"), Some(100.0));
        assert_eq!(parse("0.1"), Some(0.1));
        assert_eq!(parse("123456.789012"), Some(123456.789012));
    }

    #[test]
    fn refuses_what_is_not_a_decimal() {
        for bad in [
            "",
            "-",
            ".",
            "inf",
            "NaN",
            "infinity",
            "0x10",
            "1,5",
            "1.2.3",
            "1e",
            "e5",
            " 1",
            "1 ",
            "--1",
            "1e99999999999",
        ] {
            assert_eq!(parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn long_and_extreme_inputs_stay_finite_or_fail() {
        assert_eq!(parse("1e400"), Some(f64::INFINITY));
        assert_eq!(parse("1e-400"), Some(0.0));
        let many = format!("0.{}", "3".repeat(40));
        let v = parse(&many).unwrap();
        assert!((v - 1.0 / 3.0).abs() < 1e-15, "{v}");
        let big = "9".repeat(30);
        let v = parse(&big).unwrap();
        assert!((v / 1e30 - 1.0).abs() < 1e-15, "{v}");
    }

    #[test]
    fn rounds_as_a_reader_would() {
        assert_eq!(fixed(0.25, 1), "0.3");
        assert_eq!(fixed(2.5, 0), "3");
        assert_eq!(fixed(0.125, 2), "0.13");
        assert_eq!(fixed(1.005, 2), "1.01");
        assert_eq!(fixed(0.8, 2), "0.80");
        assert_eq!(fixed(9.96, 1), "10.0");
        assert_eq!(fixed(99.5, 0), "100");
        assert_eq!(fixed(0.0, 1), "0.0");
        assert_eq!(fixed(0.04, 0), "0");
        assert_eq!(fixed(-1.25, 1), "-1.3");
        assert_eq!(fixed(-0.01, 1), "0.0");
        assert_eq!(fixed(f64::NAN, 1), "0.0");
        assert_eq!(fixed(0.000123, 6), "0.000123");
        assert_eq!(fixed(1234.5678, 2), "1234.57");
        assert_eq!(shifted(0.0435, 1, 2), "4.4");
        assert_eq!(shifted(0.125, 0, 2), "13");
        assert_eq!(shifted(0.432, 1, 2), "43.2");
        assert_eq!(shifted(1.0, 0, 2), "100");
    }

    #[test]
    fn grid_values_round_trip_through_their_shortest_text() {
        for i in 0..20_000 {
            let v = on_grid(i as f64 * 0.000_731 - 3.0);
            let text = short(v);
            assert_eq!(parse(&text), Some(v), "{v} → {text}");
            assert_eq!(on_grid(v), v);
        }
        assert_eq!(short(0.35), "0.35");
        assert_eq!(short(12.0), "12");
        assert_eq!(short(-0.000001), "-0.000001");
        assert_eq!(short(0.1 + 0.2), "0.3");
        assert_eq!(short(1.5e20), "1.5e20");
        assert_eq!(short(-2e300), "-2e300");
        assert_eq!(parse(&short(1.5e20)), Some(1.5e20));
    }
}
