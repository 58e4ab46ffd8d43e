//! Colours: the Okabe–Ito palette, which people with the common forms of
//! colour blindness can tell apart, and a sequential scale for the map.

use crate::model::clamp;
use plotters::style::RGBColor;

/// A stand-in colour for text, axes and grid lines. [`super::finish`]
/// swaps it for `currentColor`, so the page's light or dark scheme colours
/// the chart without a redraw.
pub const INK: RGBColor = RGBColor(0x01, 0x02, 0x03);
pub const INK_HEX: &str = "#010203";

/// Settlement: Okabe–Ito bluish green.
pub const SETTLED: RGBColor = RGBColor(0x00, 0x9E, 0x73);
/// Escalation: Okabe–Ito vermillion.
pub const ESCALATED: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
/// A ceasefire broke down: Okabe–Ito reddish purple.
pub const BROKE: RGBColor = RGBColor(0xCC, 0x79, 0xA7);
/// Still fighting: Okabe–Ito grey-blue.
pub const FIGHTING: RGBColor = RGBColor(0x56, 0x6C, 0x86);
/// A lever moved up: Okabe–Ito blue.
pub const UP: RGBColor = RGBColor(0x00, 0x72, 0xB2);
/// A lever moved down: Okabe–Ito orange.
pub const DOWN: RGBColor = RGBColor(0xE6, 0x9F, 0x00);

/// Stops of a sequential scale from pale yellow to dark purple (after
/// matplotlib's "magma", reversed): ordered in lightness, so it also reads
/// in grey.
const SEQUENTIAL: [(u8, u8, u8); 6] = [
    (0xFC, 0xFD, 0xBF),
    (0xFE, 0xB0, 0x78),
    (0xF1, 0x60, 0x5D),
    (0xB7, 0x37, 0x79),
    (0x72, 0x1F, 0x81),
    (0x2C, 0x11, 0x5F),
];

/// The colour for a value in [0, 1] on the sequential scale.
pub fn sequential(t: f64) -> RGBColor {
    let t = if t.is_finite() {
        clamp(t, 0.0, 1.0)
    } else {
        0.0
    };
    let scaled = t * (SEQUENTIAL.len() - 1) as f64;
    let i = (scaled.floor() as usize).min(SEQUENTIAL.len() - 2);
    let f = scaled - i as f64;
    let (a, b) = (SEQUENTIAL[i], SEQUENTIAL[i + 1]);
    let mix = |x: u8, y: u8| (x as f64 + (y as f64 - x as f64) * f).round() as u8;
    RGBColor(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

/// Relative luminance (WCAG), to pick readable marks on top of a colour.
pub fn luminance(c: RGBColor) -> f64 {
    let lin = |v: u8| {
        let s = v as f64 / 255.0;
        if s <= 0.03928 {
            s / 12.92
        } else {
            (2.4 * ((s + 0.055) / 1.055).ln()).exp()
        }
    };
    0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sequential_scale_gets_darker() {
        let mut last = f64::INFINITY;
        for i in 0..=20 {
            let l = luminance(sequential(i as f64 / 20.0));
            assert!(l < last, "step {i}");
            last = l;
        }
    }
}
