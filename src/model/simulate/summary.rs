//! Summaries across the draws: a probability's mean with its spread, and
//! the bands of a curve.

/// Summary of one outcome across the draws.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Estimate {
    /// The probability averaged over the uncertainty: the headline number.
    pub mean: f64,
    pub p5: f64,
    pub p25: f64,
    pub median: f64,
    pub p75: f64,
    pub p95: f64,
    /// Monte Carlo standard error of the mean.
    pub std_error: f64,
}

/// The 50% and 90% bands and the median of a curve at one month.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Band {
    pub p5: f64,
    pub p25: f64,
    pub median: f64,
    pub p75: f64,
    pub p95: f64,
}

/// Nearest-rank index of quantile `q` in `n` sorted values.
fn rank(n: usize, q: f64) -> usize {
    ((n - 1) as f64 * q).round() as usize
}

/// The 5th, 25th, 50th, 75th and 95th percentiles. Selects the median
/// first, then each outer quantile only within the part of the slice that
/// holds it, which costs about a third of five independent selections:
/// this runs for every month of both curves whenever the outcomes chart
/// or an export reads the bands.
///
/// The selection runs on [`order_key`]s, integers in the order of
/// `f64::total_cmp`, with [`select`]: in the size-tuned release build,
/// `select_nth_unstable_by(total_cmp)` cost a fifth of the Monte Carlo's
/// instructions in WebAssembly. Any correct selection gives the same
/// values, so no figure changes.
pub(super) fn band(values: &[f64]) -> Band {
    let n = values.len();
    if n == 0 {
        return Band::default();
    }
    let mut keys: Vec<u64> = values.iter().map(|&v| order_key(v)).collect();
    let [i5, i25, i50, i75, i95] = [0.05, 0.25, 0.5, 0.75, 0.95].map(|q| rank(n, q));
    let nth = |slice: &mut [u64], k: usize| from_order_key(select(slice, k));
    // Each selection leaves smaller values before its index and larger
    // ones after, so the next quantile is sought only on its own side.
    let median = nth(&mut keys, i50);
    let p25 = if i25 < i50 {
        nth(&mut keys[..i50], i25)
    } else {
        median
    };
    let p5 = if i5 < i25 {
        nth(&mut keys[..i25], i5)
    } else {
        p25
    };
    let p75 = if i75 > i50 {
        nth(&mut keys[i50 + 1..], i75 - i50 - 1)
    } else {
        median
    };
    let p95 = if i95 > i75 {
        nth(&mut keys[i75 + 1..], i95 - i75 - 1)
    } else {
        p75
    };
    Band {
        p5,
        p25,
        median,
        p75,
        p95,
    }
}

/// The `k`-th smallest of `keys` (from 0), leaving smaller keys before
/// index `k` and larger ones after it, as `select_nth_unstable` does.
///
/// A quickselect round the median of three whose partitions have no
/// branch on the data (Lomuto's scheme as a swap and an add): the draws'
/// values come in no order, so a partition that branches on each
/// comparison mispredicts half of them, which cost more than the
/// comparisons. Keys equal to the pivot are gathered by a second pass, so
/// a month where every draw is at 0 takes two passes.
fn select(keys: &mut [u64], k: usize) -> u64 {
    let (mut lo, mut hi) = (0, keys.len());
    while hi - lo > 1 {
        let (a, b, c) = (keys[lo], keys[lo + (hi - lo) / 2], keys[hi - 1]);
        let pivot = a.max(b).min(a.min(b).max(c));
        // Keys below the pivot to the front of the window, then keys
        // equal to it after them; the window always holds the pivot.
        let below = partition(&mut keys[lo..hi], |x| x < pivot) + lo;
        if k < below {
            hi = below;
            continue;
        }
        let equal = partition(&mut keys[below..hi], |x| x <= pivot) + below;
        if k < equal {
            return pivot;
        }
        lo = equal;
    }
    keys[k]
}

/// Moves the keys for which `front` holds to the front, keeping no order,
/// and returns how many there are.
#[inline(always)]
#[expect(
    clippy::manual_swap,
    reason = "slice::swap stays a call at opt-level z, in the innermost loop"
)]
fn partition(keys: &mut [u64], front: impl Fn(u64) -> bool) -> usize {
    let mut store = 0;
    for i in 0..keys.len() {
        let key = keys[i];
        keys[i] = keys[store];
        keys[store] = key;
        store += usize::from(front(key));
    }
    store
}

/// An integer that orders as `v` does under `f64::total_cmp`: negative
/// numbers have every bit flipped, the others only the sign bit.
fn order_key(v: f64) -> u64 {
    let bits = v.to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | 1 << 63
    }
}

/// The inverse of [`order_key`].
fn from_order_key(key: u64) -> f64 {
    f64::from_bits(if key >> 63 == 1 {
        key & !(1 << 63)
    } else {
        !key
    })
}

/// Mean, quantiles and standard error of per-draw values. The draws come
/// in antithetic pairs, so the error is estimated from the pair averages,
/// which are independent (treating the draws as independent overstates
/// it). Each pair belongs to a stratum (`strata[pair]`, Moscow's real
/// line), in proportion to its weight, so the error is the stratified
/// one: the spread within each stratum, weighted by its share.
pub(super) fn estimate(values: &[f64], strata: &[usize]) -> Estimate {
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let pairs: Vec<f64> = values
        .chunks(2)
        .map(|c| c.iter().sum::<f64>() / c.len() as f64)
        .collect();
    let m = pairs.len() as f64;
    let layers = strata.iter().copied().max().map_or(1, |s| s + 1);
    let mut variance = 0.0;
    for layer in 0..layers {
        let members: Vec<f64> = pairs
            .iter()
            .zip(strata.iter().chain(std::iter::repeat(&0)))
            .filter(|(_, &s)| s == layer)
            .map(|(v, _)| *v)
            .collect();
        let k = members.len() as f64;
        if k == 0.0 {
            continue;
        }
        let own = members.iter().sum::<f64>() / k;
        let spread = members.iter().map(|v| (v - own).powi(2)).sum::<f64>() / (k - 1.0).max(1.0);
        // Its share of the pairs, squared, times its mean's variance.
        variance += (k / m).powi(2) * spread / k;
    }
    let b = band(values);
    Estimate {
        mean,
        p5: b.p5,
        p25: b.p25,
        median: b.median,
        p75: b.p75,
        p95: b.p95,
        std_error: variance.sqrt(),
    }
}

#[cfg(test)]
mod band_tests {
    use super::*;

    #[test]
    fn order_keys_order_as_total_cmp_and_invert() {
        let values = [
            f64::NEG_INFINITY,
            -1e300,
            -1.0,
            -f64::MIN_POSITIVE,
            -0.0,
            0.0,
            5e-324,
            0.25,
            1.0,
            f64::INFINITY,
        ];
        for a in values {
            assert_eq!(from_order_key(order_key(a)).to_bits(), a.to_bits());
            for b in values {
                assert_eq!(order_key(a).cmp(&order_key(b)), a.total_cmp(&b), "{a} {b}");
            }
        }
    }

    #[test]
    fn select_agrees_with_sorting_with_and_without_ties() {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for n in 1..70 {
            for distinct in [1u64, 3, 1000] {
                let keys: Vec<u64> = (0..n)
                    .map(|_| {
                        state ^= state << 13;
                        state ^= state >> 7;
                        state ^= state << 17;
                        state % distinct
                    })
                    .collect();
                let mut sorted = keys.clone();
                sorted.sort_unstable();
                for k in 0..n {
                    let mut work = keys.clone();
                    assert_eq!(select(&mut work, k), sorted[k], "n {n} k {k}");
                    assert!(work[..k].iter().all(|&x| x <= sorted[k]));
                    assert!(work[k + 1..].iter().all(|&x| x >= sorted[k]));
                }
            }
        }
    }

    #[test]
    fn band_matches_sorting() {
        for n in [1usize, 2, 3, 7, 20, 512] {
            let values: Vec<f64> = (0..n).map(|i| ((i * 7919) % 1009) as f64).collect();
            let mut sorted = values.clone();
            sorted.sort_by(f64::total_cmp);
            let b = band(&values);
            let at = |q| sorted[rank(n, q)];
            assert_eq!(
                [b.p5, b.p25, b.median, b.p75, b.p95],
                [at(0.05), at(0.25), at(0.5), at(0.75), at(0.95)],
                "n = {n}"
            );
        }
    }
}
