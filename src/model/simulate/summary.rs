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
/// this runs for every month of every curve on every slider move.
pub(super) fn band(values: &mut [f64]) -> Band {
    let n = values.len();
    if n == 0 {
        return Band::default();
    }
    let [i5, i25, i50, i75, i95] = [0.05, 0.25, 0.5, 0.75, 0.95].map(|q| rank(n, q));
    let nth = |slice: &mut [f64], k: usize| *slice.select_nth_unstable_by(k, f64::total_cmp).1;
    // Each selection leaves smaller values before its index and larger
    // ones after, so the next quantile is sought only on its own side.
    let median = nth(values, i50);
    let p25 = if i25 < i50 {
        nth(&mut values[..i50], i25)
    } else {
        median
    };
    let p5 = if i5 < i25 {
        nth(&mut values[..i25], i5)
    } else {
        p25
    };
    let p75 = if i75 > i50 {
        nth(&mut values[i50 + 1..], i75 - i50 - 1)
    } else {
        median
    };
    let p95 = if i95 > i75 {
        nth(&mut values[i75 + 1..], i95 - i75 - 1)
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

/// Mean, quantiles and standard error of per-draw values. The draws come
/// in antithetic pairs, so the error is estimated from the pair averages,
/// which are independent (treating the draws as independent overstates
/// it). Each pair belongs to a stratum (`strata[pair]`, Moscow's real
/// line), in proportion to its weight, so the error is the stratified
/// one: the spread within each stratum, weighted by its share.
pub(super) fn estimate(values: &mut [f64], strata: &[usize]) -> Estimate {
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
    fn band_matches_sorting() {
        for n in [1usize, 2, 3, 7, 20, 512] {
            let mut values: Vec<f64> = (0..n).map(|i| ((i * 7919) % 1009) as f64).collect();
            let mut sorted = values.clone();
            sorted.sort_by(f64::total_cmp);
            let b = band(&mut values);
            let at = |q| sorted[rank(n, q)];
            assert_eq!(
                [b.p5, b.p25, b.median, b.p75, b.p95],
                [at(0.05), at(0.25), at(0.5), at(0.75), at(0.95)],
                "n = {n}"
            );
        }
    }
}
