//! Two runs followed side by side: the number type of the model's runs
//! (the Monte Carlo, the sensitivity chart and the chasm map).
//!
//! A run is a chain of dependent steps month after month, so a processor
//! mostly waits on each result in turn. Two runs that take the same steps
//! (two draws of one variant: an antithetic pair shares its real line, see
//! `monte_carlo::line_of_draw`; or two cells of the map on its one draw)
//! can go together. In WebAssembly with the `simd128` feature, which every
//! wasm build turns on (`.cargo/config.toml`, and `xtask/src/split.rs` for
//! the release build), a [`Pair`] is one 128-bit register and each
//! operation one instruction for both runs; elsewhere it is two `f64`s.
//!
//! Every operation does, lane by lane, exactly what the scalar code does
//! (IEEE addition, subtraction, multiplication, division and square root
//! are correctly rounded in both forms, the clamp compares as
//! `crate::clamp` does, and the exponential follows [`super::exp`]'s steps
//! one for one), so a pair's numbers are those of two scalar runs, bit
//! for bit; tests check it natively and in the browsers' WebAssembly
//! (`tests/web.rs`).

use super::exp::exp;
use std::ops::{Add, AddAssign, Div, Mul, MulAssign, Neg, Sub, SubAssign};

/// What the run's arithmetic needs of its numbers: an `f64`, or a
/// [`Pair`] of them.
pub(super) trait Value:
    Copy
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Div<Output = Self>
    + Neg<Output = Self>
    + AddAssign
    + SubAssign
    + MulAssign
{
    /// `x` in every lane.
    fn splat(x: f64) -> Self;
    /// Whether any lane is above zero.
    fn any_positive(self) -> bool;
    /// e^x ([`super::exp::exp`]) in every lane.
    fn exp(self) -> Self;
    /// The larger of the two, lane by lane (neither is NaN in a run).
    fn max(self, other: Self) -> Self;
    /// Held within `lo..=hi` as [`crate::clamp`] does it.
    fn clamp(self, lo: f64, hi: f64) -> Self;
    fn sqrt(self) -> Self;
    fn abs(self) -> Self;
    /// This value where `flag` is not zero, and zero where it is.
    fn unless_zero(self, flag: Self) -> Self;
    /// `part / total` where `total` is positive, else zero: the share of
    /// one of two competing hazards.
    fn share(part: Self, total: Self) -> Self;
}

impl Value for f64 {
    #[inline(always)]
    fn splat(x: f64) -> f64 {
        x
    }
    #[inline(always)]
    fn any_positive(self) -> bool {
        self > 0.0
    }
    #[inline(always)]
    fn exp(self) -> f64 {
        exp(self)
    }
    #[inline(always)]
    fn max(self, other: f64) -> f64 {
        f64::max(self, other)
    }
    #[inline(always)]
    fn clamp(self, lo: f64, hi: f64) -> f64 {
        crate::clamp(self, lo, hi)
    }
    #[inline(always)]
    fn sqrt(self) -> f64 {
        f64::sqrt(self)
    }
    #[inline(always)]
    fn abs(self) -> f64 {
        f64::abs(self)
    }
    #[inline(always)]
    fn unless_zero(self, flag: f64) -> f64 {
        if flag == 0.0 {
            0.0
        } else {
            self
        }
    }
    #[inline(always)]
    fn share(part: f64, total: f64) -> f64 {
        if total > 0.0 {
            part / total
        } else {
            0.0
        }
    }
}

pub(super) use lanes::Pair;

/// `+=`, `-=` and `*=` for [`Pair`], from its `+`, `-` and `*`.
macro_rules! assign_operators {
    () => {
        impl std::ops::AddAssign for Pair {
            #[inline(always)]
            fn add_assign(&mut self, other: Pair) {
                *self = *self + other;
            }
        }
        impl std::ops::SubAssign for Pair {
            #[inline(always)]
            fn sub_assign(&mut self, other: Pair) {
                *self = *self - other;
            }
        }
        impl std::ops::MulAssign for Pair {
            #[inline(always)]
            fn mul_assign(&mut self, other: Pair) {
                *self = *self * other;
            }
        }
    };
}
use assign_operators;

impl Pair {
    /// The pair of `f(a)` and `f(b)`: for what is made once per draw.
    pub(super) fn zip<T>(a: &T, b: &T, f: impl Fn(&T) -> f64) -> Pair {
        Pair::new(f(a), f(b))
    }
}

/// The pair as one SIMD register.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod lanes {
    use super::super::exp::{exp, ROUND_SHIFT, STEPS_PER_UNIT, STEP_HEAD, STEP_TAIL, TWO_TO_J_32};
    use super::Value;
    use core::arch::wasm32::*;
    use std::ops::{Add, Div, Mul, Neg, Sub};

    #[derive(Clone, Copy, Debug)]
    pub(in super::super) struct Pair(v128);

    impl Pair {
        #[inline(always)]
        pub(in super::super) fn new(a: f64, b: f64) -> Pair {
            Pair(f64x2(a, b))
        }
        #[inline(always)]
        pub(in super::super) fn lanes(self) -> [f64; 2] {
            [
                f64x2_extract_lane::<0>(self.0),
                f64x2_extract_lane::<1>(self.0),
            ]
        }
    }

    macro_rules! operator {
        ($trait:ident, $method:ident, $simd:ident) => {
            impl $trait for Pair {
                type Output = Pair;
                #[inline(always)]
                fn $method(self, other: Pair) -> Pair {
                    Pair($simd(self.0, other.0))
                }
            }
        };
    }
    operator!(Add, add, f64x2_add);
    operator!(Sub, sub, f64x2_sub);
    operator!(Mul, mul, f64x2_mul);
    operator!(Div, div, f64x2_div);
    super::assign_operators!();

    impl Neg for Pair {
        type Output = Pair;
        #[inline(always)]
        fn neg(self) -> Pair {
            Pair(f64x2_neg(self.0))
        }
    }

    /// e^x lane by lane where a lane lies outside the table's range (the
    /// model never goes there): kept out of line, so that each of the
    /// exponential's call sites stays small.
    #[cold]
    #[inline(never)]
    fn beyond_the_table(x: Pair) -> Pair {
        let [a, b] = x.lanes();
        Pair::new(exp(a), exp(b))
    }

    impl Value for Pair {
        #[inline(always)]
        fn splat(x: f64) -> Pair {
            Pair(f64x2_splat(x))
        }
        #[inline(always)]
        fn any_positive(self) -> bool {
            v128_any_true(f64x2_gt(self.0, f64x2_splat(0.0)))
        }

        /// The table method of `exp::table_exp`, step for step, in both
        /// lanes; a lane outside ±700 sends both to the scalar routine.
        #[inline(always)]
        fn exp(self) -> Pair {
            let x = self.0;
            let inside = v128_and(
                f64x2_ge(x, f64x2_splat(-700.0)),
                f64x2_le(x, f64x2_splat(700.0)),
            );
            if !i64x2_all_true(inside) {
                return beyond_the_table(self);
            }
            let shift = f64x2_splat(ROUND_SHIFT);
            let shifted = f64x2_add(f64x2_mul(x, f64x2_splat(STEPS_PER_UNIT)), shift);
            let n = i64x2_sub(shifted, shift);
            let steps = f64x2_sub(shifted, shift);
            let r = f64x2_sub(
                f64x2_sub(x, f64x2_mul(steps, f64x2_splat(STEP_HEAD))),
                f64x2_mul(steps, f64x2_splat(STEP_TAIL)),
            );
            let (r, r2) = (Pair(r), Pair(f64x2_mul(r, r)));
            let c = Pair::splat;
            let poly = (c(1.0) + r)
                + r2 * ((c(0.5) + r * c(1.0 / 6.0))
                    + r2 * ((c(1.0 / 24.0) + r * c(1.0 / 120.0)) + r2 * c(1.0 / 720.0)));
            let j = |lane: i64| TWO_TO_J_32[(lane & 31) as usize];
            let table = f64x2(j(i64x2_extract_lane::<0>(n)), j(i64x2_extract_lane::<1>(n)));
            let scaled = i64x2_add(table, i64x2_shl(i64x2_shr(n, 5), 52));
            Pair(scaled) * poly
        }

        #[inline(always)]
        fn max(self, other: Pair) -> Pair {
            Pair(f64x2_max(self.0, other.0))
        }
        /// The pseudo-minimum and -maximum compare as `crate::clamp`
        /// does (`x < lo`, `x > hi`), signed zeros included.
        #[inline(always)]
        fn clamp(self, lo: f64, hi: f64) -> Pair {
            let raised = f64x2_pmax(self.0, f64x2_splat(lo));
            Pair(f64x2_pmin(raised, f64x2_splat(hi)))
        }
        #[inline(always)]
        fn sqrt(self) -> Pair {
            Pair(f64x2_sqrt(self.0))
        }
        #[inline(always)]
        fn abs(self) -> Pair {
            Pair(f64x2_abs(self.0))
        }
        #[inline(always)]
        fn unless_zero(self, flag: Pair) -> Pair {
            Pair(v128_and(self.0, f64x2_ne(flag.0, f64x2_splat(0.0))))
        }

        #[inline(always)]
        fn share(part: Pair, total: Pair) -> Pair {
            let positive = f64x2_gt(total.0, f64x2_splat(0.0));
            Pair(v128_and(f64x2_div(part.0, total.0), positive))
        }
    }
}

/// The pair as two numbers, where there is no SIMD: natively (the tests,
/// the benchmarks and the examples).
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
mod lanes {
    use super::super::exp::exp;
    use super::Value;
    use std::ops::{Add, Div, Mul, Neg, Sub};

    #[derive(Clone, Copy, Debug)]
    pub(in super::super) struct Pair([f64; 2]);

    impl Pair {
        #[inline(always)]
        pub(in super::super) fn new(a: f64, b: f64) -> Pair {
            Pair([a, b])
        }
        #[inline(always)]
        pub(in super::super) fn lanes(self) -> [f64; 2] {
            self.0
        }
        #[inline(always)]
        fn map(self, f: impl Fn(f64) -> f64) -> Pair {
            Pair([f(self.0[0]), f(self.0[1])])
        }
        #[inline(always)]
        fn with(self, other: Pair, f: impl Fn(f64, f64) -> f64) -> Pair {
            Pair([f(self.0[0], other.0[0]), f(self.0[1], other.0[1])])
        }
    }

    macro_rules! operator {
        ($trait:ident, $method:ident) => {
            impl $trait for Pair {
                type Output = Pair;
                #[inline(always)]
                fn $method(self, other: Pair) -> Pair {
                    self.with(other, $trait::$method)
                }
            }
        };
    }
    operator!(Add, add);
    operator!(Sub, sub);
    operator!(Mul, mul);
    operator!(Div, div);
    super::assign_operators!();

    impl Neg for Pair {
        type Output = Pair;
        #[inline(always)]
        fn neg(self) -> Pair {
            self.map(|x| -x)
        }
    }

    impl Value for Pair {
        #[inline(always)]
        fn splat(x: f64) -> Pair {
            Pair([x, x])
        }
        #[inline(always)]
        fn any_positive(self) -> bool {
            self.0[0] > 0.0 || self.0[1] > 0.0
        }
        #[inline(always)]
        fn exp(self) -> Pair {
            self.map(exp)
        }
        #[inline(always)]
        fn max(self, other: Pair) -> Pair {
            self.with(other, f64::max)
        }
        #[inline(always)]
        fn clamp(self, lo: f64, hi: f64) -> Pair {
            self.map(|x| crate::clamp(x, lo, hi))
        }
        #[inline(always)]
        fn sqrt(self) -> Pair {
            self.map(f64::sqrt)
        }
        #[inline(always)]
        fn abs(self) -> Pair {
            self.map(f64::abs)
        }
        #[inline(always)]
        fn unless_zero(self, flag: Pair) -> Pair {
            self.with(flag, <f64 as Value>::unless_zero)
        }
        #[inline(always)]
        fn share(part: Pair, total: Pair) -> Pair {
            part.with(total, <f64 as Value>::share)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pair_does_what_each_lane_would() {
        let a = Pair::new(0.3, -2.5);
        let b = Pair::new(1.7, 0.0);
        let lanes = |p: Pair| p.lanes();
        assert_eq!(lanes(a + b), [0.3 + 1.7, -2.5 + 0.0]);
        assert_eq!(lanes(a - b), [0.3 - 1.7, -2.5 - 0.0]);
        assert_eq!(lanes(a * b), [0.3 * 1.7, -2.5 * 0.0]);
        assert_eq!(lanes(Value::share(a, b)), [0.3 / 1.7, 0.0]);
        assert_eq!(lanes(a.max(Pair::splat(0.0))), [0.3, 0.0]);
        assert_eq!(lanes(a.exp()), [exp(0.3), exp(-2.5)]);
        assert_eq!(lanes(-a), [-0.3, 2.5]);
        assert_eq!(lanes(a.clamp(0.0, 0.2)), [0.2, 0.0]);
        assert_eq!(
            lanes(Pair::new(-0.0, 0.5).clamp(0.0, 1.0))[0].to_bits(),
            (-0.0f64).to_bits()
        );
        assert_eq!(lanes(Pair::new(4.0, 2.25).sqrt()), [2.0, 1.5]);
        assert_eq!(lanes(a.abs()), [0.3, 2.5]);
        assert_eq!(lanes(a.unless_zero(b)), [0.3, 0.0]);
        assert!(a.any_positive() && !Pair::new(-1.0, 0.0).any_positive());
    }
}
