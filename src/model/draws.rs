//! Seeded random draws for the Monte Carlo.
//!
//! The same table of standard-normal draws is used for every run ("common
//! random numbers"): the same inputs always give the same numbers, and a
//! small slider move changes the result smoothly instead of re-rolling the
//! dice. Draws come in antithetic pairs (z, -z), which cuts the noise of
//! the averages for the same cost (by 1.3 to 6.5 times at the presets).

use std::sync::OnceLock;

/// How many uncertain parameters each draw perturbs.
pub const DIMENSIONS: usize = 10;

/// The number of draws behind the headline numbers and bands.
pub const SAMPLES: usize = 256;

/// The fixed seed: changing it changes every published figure.
pub const SEED: u64 = 0x5EED_2025_0B5E_ED01;

/// One draw: a standard-normal value per uncertain parameter.
pub type Draw = [f64; DIMENSIONS];

/// SplitMix64 (Steele, Lea and Flood 2014): tiny, fast and good enough for
/// sampling priors; it needs no dependency and behaves the same on every target.
#[derive(Clone, Debug)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in the open interval (0, 1).
    pub fn next_open01(&mut self) -> f64 {
        ((self.next_u64() >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    }

    /// A pair of independent standard normals (Marsaglia's polar method:
    /// no trigonometry, which keeps sine and cosine out of the download).
    pub fn next_normal_pair(&mut self) -> (f64, f64) {
        loop {
            let u = 2.0 * self.next_open01() - 1.0;
            let v = 2.0 * self.next_open01() - 1.0;
            let s = u * u + v * v;
            if s > 0.0 && s < 1.0 {
                let scale = (-2.0 * s.ln() / s).sqrt();
                return (u * scale, v * scale);
            }
        }
    }
}

/// Makes `count` draws (rounded up to an even number) from `seed`.
pub fn make_draws(seed: u64, count: usize) -> Vec<Draw> {
    let pairs = count.div_ceil(2);
    let mut rng = SplitMix64::new(seed);
    let mut draws = Vec::with_capacity(pairs * 2);
    for _ in 0..pairs {
        let mut draw = [0.0; DIMENSIONS];
        for chunk in draw.chunks_mut(2) {
            let (a, b) = rng.next_normal_pair();
            chunk[0] = a;
            if let Some(slot) = chunk.get_mut(1) {
                *slot = b;
            }
        }
        draws.push(draw);
        draws.push(draw.map(|z| -z));
    }
    draws
}

/// The number of draws in the stratified table (16 antithetic pairs).
pub const STRATA: usize = 32;

/// The standard normal quantiles at (k + 0.5) / 32 for k = 0..16: the
/// lower half of 32 equally likely strata (the upper half is their
/// negatives). Values from Wichura's algorithm AS241, as Python's
/// `statistics.NormalDist().inv_cdf` gives them; a test checks them.
const LOWER_QUANTILES: [f64; STRATA / 2] = [
    -2.1538746940614555,
    -1.6759397227734436,
    -1.4177971379962673,
    -1.229858759216589,
    -1.0775155670402803,
    -0.9467817563010456,
    -0.8305108782053992,
    -0.7245143834923653,
    -0.6260990123464213,
    -0.5334097062412805,
    -0.44509652498551633,
    -0.3601298917895694,
    -0.27769043982157676,
    -0.1970990842943123,
    -0.1177698745790953,
    -0.03917608550309764,
];

/// A Latin hypercube of `STRATA` draws in antithetic pairs (McKay,
/// Beckman and Conover 1979): on every dimension the 32 values are the 32
/// strata's quantiles, each exactly once, and which pair gets which
/// stratum is a seeded shuffle, drawn anew for each dimension. Few draws
/// then cover every uncertain parameter evenly, so a difference between
/// two runs on them (the sensitivity chart) is close to the one on the
/// full table at a fraction of the cost.
pub fn make_stratified_draws(seed: u64) -> Vec<Draw> {
    let pairs = STRATA / 2;
    let mut rng = SplitMix64::new(seed);
    let mut draws = vec![[0.0; DIMENSIONS]; pairs];
    for dim in 0..DIMENSIONS {
        let mut order: Vec<usize> = (0..pairs).collect();
        // Fisher–Yates.
        for i in (1..pairs).rev() {
            let j = (rng.next_u64() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        for (draw, &stratum) in draws.iter_mut().zip(&order) {
            draw[dim] = LOWER_QUANTILES[stratum];
        }
    }
    draws.into_iter().flat_map(|d| [d, d.map(|z| -z)]).collect()
}

/// The shared stratified table, made once.
pub fn stratified_draws() -> &'static [Draw] {
    static DRAWS: OnceLock<Vec<Draw>> = OnceLock::new();
    DRAWS.get_or_init(|| make_stratified_draws(SEED))
}

/// The shared table of draws, made once.
pub fn standard_draws() -> &'static [Draw] {
    static DRAWS: OnceLock<Vec<Draw>> = OnceLock::new();
    DRAWS.get_or_init(|| make_draws(SEED, SAMPLES))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_look_standard_normal() {
        let draws = make_draws(7, 20_000);
        for dim in 0..DIMENSIONS {
            let values: Vec<f64> = draws.iter().map(|d| d[dim]).collect();
            let n = values.len() as f64;
            let mean = values.iter().sum::<f64>() / n;
            let var = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n;
            assert!(mean.abs() < 1e-12, "antithetic pairs cancel: {mean}");
            assert!(
                (var - 1.0).abs() < 0.05,
                "variance {var} in dimension {dim}"
            );
        }
    }

    /// The standard normal distribution function, by the series of erf
    /// (enough terms for |x| < 3).
    fn normal_cdf(x: f64) -> f64 {
        let y = x / std::f64::consts::SQRT_2;
        let (mut term, mut sum) = (y, y);
        for n in 1..200 {
            term *= -y * y / n as f64;
            sum += term / (2 * n + 1) as f64;
        }
        0.5 + sum / std::f64::consts::PI.sqrt()
    }

    #[test]
    fn quantiles_are_the_strata_midpoints() {
        for (k, &q) in LOWER_QUANTILES.iter().enumerate() {
            let p = (k as f64 + 0.5) / STRATA as f64;
            assert!((normal_cdf(q) - p).abs() < 1e-13, "{k}: {q}");
        }
    }

    #[test]
    fn stratified_draws_cover_every_stratum_once_per_dimension() {
        let draws = stratified_draws();
        assert_eq!(draws.len(), STRATA);
        for dim in 0..DIMENSIONS {
            let mut values: Vec<f64> = draws.iter().map(|d| d[dim]).collect();
            values.sort_by(f64::total_cmp);
            let mut expected: Vec<f64> = LOWER_QUANTILES.iter().flat_map(|&q| [q, -q]).collect();
            expected.sort_by(f64::total_cmp);
            assert_eq!(values, expected, "dimension {dim}");
        }
        // The pairings differ between dimensions.
        let column = |dim: usize| draws.iter().map(|d| d[dim]).collect::<Vec<_>>();
        assert_ne!(column(0), column(1));
    }

    #[test]
    fn same_seed_same_draws_other_seed_other_draws() {
        assert_eq!(make_draws(1, 10), make_draws(1, 10));
        assert_ne!(make_draws(1, 10), make_draws(2, 10));
    }
}
