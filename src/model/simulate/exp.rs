//! The exponential the simulator calls about 140 times a run.
//!
//! WebAssembly has no exp instruction, and Rust's `f64::exp` there is a
//! software routine: in one slider move's profile it took about half the
//! model's time. The table method below does the same job in about a
//! third less: one move's model work fell from 8.2 to 6.5 ms in V8 (same
//! build otherwise). Natively the platform's routine is faster still
//! (glibc's uses fused multiply-add: 4.25 against 4.95 ms for `analyse`),
//! so [`exp`] takes the table only in WebAssembly. The two agree to within
//! 4 ulp, far below the tenth of a point the figures are printed to.
//!
//! **Method.** Write x = (32m + j)·ln2/32 + r with integers m and j,
//! 0 ≤ j < 32 and |r| ≤ ln2/64 (about 0.0109). Then
//! e^x = 2^m · 2^(j/32) · e^r. The table holds 2^(j/32) rounded to the
//! nearest double; e^r is its Taylor polynomial to r⁶; 2^m is put into
//! the exponent bits directly. (64 entries and a polynomial to r⁵ are as
//! accurate; 32 keep 256 bytes out of the first download.)
//!
//! **Error bound**, relative, for |x| ≤ 700:
//! - the table entry: half an ulp, at most 2⁻⁵³ ≈ 1.1e-16;
//! - the polynomial's truncation: e^|r| · r⁷/7! < 3.6e-18;
//! - r itself: ln2/32 is split in a 32-bit head (so `n · head` is exact)
//!   and a tail, which leaves r off by under 1e-19 absolute;
//! - rounding in the polynomial and the two products: under 2 ulp.
//!
//! So the result is within 4 ulp (under 1e-15 relative) of e^x. The
//! model's figures are printed to a tenth of a percentage point; a test
//! below checks the bound against the standard library on a dense grid.
//! Outside |x| ≤ 700, where the model never goes, it defers to `f64::exp`
//! (which also handles infinities, NaN and subnormal results).

/// 2^(j/32) for j = 0..32, each the double nearest the exact value
/// (computed to 60 digits and rounded once; a test checks each entry
/// against `f64::exp2` to within an ulp).
pub(super) const TWO_TO_J_32: [f64; 32] = [
    1.0,
    1.0218971486541166,
    1.0442737824274138,
    1.0671404006768237,
    1.0905077326652577,
    1.1143867425958924,
    1.1387886347566916,
    1.1637248587775775,
    1.189207115002721,
    1.215247359980469,
    1.241857812073484,
    1.2690509571917332,
    1.2968395546510096,
    1.3252366431597413,
    1.3542555469368927,
    1.383909881963832,
    std::f64::consts::SQRT_2,
    1.4451808069770467,
    1.4768261459394993,
    1.5091644275934228,
    1.5422108254079407,
    1.5759808451078865,
    1.6104903319492543,
    1.645755478153965,
    1.681792830507429,
    1.718619298122478,
    1.7562521603732995,
    1.7947090750031072,
    1.8340080864093424,
    1.8741676341103,
    1.9152065613971474,
    1.9571441241754002,
];

/// 32 / ln 2, the count of table steps per unit of x.
pub(super) const STEPS_PER_UNIT: f64 = 46.166_241_308_446_83;
/// ln2/32 in two parts: a head of 32 significant bits, so that the head
/// times any step count below 2²¹ is exact, and the rest.
pub(super) const STEP_HEAD: f64 = 0.021_660_849_386_535_12;
pub(super) const STEP_TAIL: f64 = 5.963_171_653_970_586_6e-12;
/// 1.5·2⁵²: adding it rounds a double of magnitude below 2⁵¹ to the
/// nearest integer, which then sits in the low bits of the sum.
pub(super) const ROUND_SHIFT: f64 = 6_755_399_441_055_744.0;

/// e^x: in WebAssembly by the table method, elsewhere by the platform's
/// routine (see the module's note).
#[inline(always)]
pub(super) fn exp(x: f64) -> f64 {
    if cfg!(target_arch = "wasm32") {
        table_exp(x)
    } else {
        x.exp()
    }
}

/// e^x within 4 ulp (see the module's note).
#[inline(always)]
fn table_exp(x: f64) -> f64 {
    if !(-700.0..=700.0).contains(&x) {
        return x.exp();
    }
    let shifted = x * STEPS_PER_UNIT + ROUND_SHIFT;
    // The step count n = 32m + j, as an integer and as a double.
    let n = shifted.to_bits().wrapping_sub(ROUND_SHIFT.to_bits()) as i64;
    let steps = shifted - ROUND_SHIFT;
    let r = (x - steps * STEP_HEAD) - steps * STEP_TAIL;
    // The polynomial in pairs of terms (Estrin's scheme), so that its
    // steps can run side by side rather than one after another.
    let r2 = r * r;
    let poly = (1.0 + r)
        + r2 * ((0.5 + r * (1.0 / 6.0))
            + r2 * ((1.0 / 24.0 + r * (1.0 / 120.0)) + r2 * (1.0 / 720.0)));
    let j = (n & 31) as usize;
    let m = n >> 5;
    // 2^(j/32) · 2^m: m added to the table entry's exponent, which stays
    // normal for |x| ≤ 700 (|m| ≤ 1010).
    let scaled = f64::from_bits(TWO_TO_J_32[j].to_bits().wrapping_add((m as u64) << 52));
    scaled * poly
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Relative difference, in units of 2⁻⁵² (an ulp at 1).
    fn ulps(a: f64, b: f64) -> f64 {
        ((a - b) / b).abs() / f64::EPSILON
    }

    #[test]
    fn the_table_holds_the_powers_of_two() {
        for (j, &entry) in TWO_TO_J_32.iter().enumerate() {
            assert!(ulps(entry, (j as f64 / 32.0).exp2()) <= 1.0, "{j}");
        }
    }

    #[test]
    fn the_constants_are_what_they_say() {
        let step = std::f64::consts::LN_2 / 32.0;
        assert!(((STEP_HEAD + STEP_TAIL) - step).abs() < 1e-18);
        assert_eq!(
            STEP_HEAD.to_bits() & ((1 << 21) - 1),
            0,
            "head has spare bits"
        );
        assert!(ulps(STEPS_PER_UNIT, 1.0 / step) <= 1.0);
    }

    #[test]
    fn within_four_ulp_of_the_standard_library() {
        // A dense grid over the whole range the model's arguments can
        // take and beyond, plus points at and near the table's steps.
        let mut worst: f64 = 0.0;
        for k in 0..=2_000_000 {
            let x = -700.0 + 1400.0 * f64::from(k) / 2_000_000.0;
            worst = worst.max(ulps(table_exp(x), x.exp()));
        }
        for n in -2000..=2000 {
            let at = f64::from(n) * std::f64::consts::LN_2 / 32.0;
            for x in [at, at.next_up(), at.next_down(), at + 0.0108, at - 0.0108] {
                worst = worst.max(ulps(table_exp(x), x.exp()));
            }
        }
        // The standard library's own error (under an ulp) is inside this.
        assert!(worst <= 4.0, "worst {worst} ulp");
    }

    #[test]
    fn exact_where_it_must_be() {
        assert_eq!(table_exp(0.0), 1.0);
        assert_eq!(table_exp(-0.0), 1.0);
        assert_eq!(table_exp(-800.0), 0.0);
        assert_eq!(table_exp(800.0), f64::INFINITY);
        assert!(table_exp(f64::NAN).is_nan());
        assert!(
            table_exp(-710.0) > 0.0,
            "subnormal results come from f64::exp"
        );
    }
}
