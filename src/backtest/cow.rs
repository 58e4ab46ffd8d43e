//! How long inter-state wars last: the Correlates of War list read into
//! a life table, for the base rate of the backtest and the calibration
//! table of docs/MODEL.md.
//!
//! The data is the COW Inter-State War Data, version 4.0 (Sarkees and
//! Wayman 2010), one row per participant; a copy ships in
//! `examples/data/`. A war spans from its earliest participant's start
//! to its latest participant's end, so truces inside a war count as war.

use super::{days, DAYS_PER_MONTH};

/// One war: its number, name, length in days (both ends counted), and
/// whether it ended without a victor.
#[derive(Clone, Debug, PartialEq)]
pub struct War {
    pub number: u32,
    pub name: String,
    pub days: i64,
    /// No participant won (COW outcome 1), and at least one is coded as a
    /// compromise or tie (3) or a stalemate (6): the wars that ended the
    /// way a ceasefire on a line would. A war won by one side, or
    /// transformed into another kind of war (4), did not.
    pub without_victor: bool,
}

impl War {
    /// Length in months of 30.4375 days (365.25 / 12).
    pub fn months(&self) -> f64 {
        self.days as f64 / DAYS_PER_MONTH
    }
}

/// Splits one CSV line into fields, honouring double quotes.
fn fields(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(std::mem::take(&mut field)),
            _ => field.push(c),
        }
    }
    out.push(field);
    out
}

/// Reads the COW CSV text into wars, in order of their numbers. Rows it
/// cannot read are skipped; `None` if the header lacks a needed column.
pub fn wars(csv: &str) -> Option<Vec<War>> {
    let mut lines = csv.lines();
    let head = fields(lines.next()?);
    let col = |name: &str| head.iter().position(|h| h == name);
    let number = col("WarNum")?;
    let name = col("WarName")?;
    let outcome = col("Outcome")?;
    let spells = [
        ["StartYear1", "StartMonth1", "StartDay1"],
        ["EndYear1", "EndMonth1", "EndDay1"],
        ["StartYear2", "StartMonth2", "StartDay2"],
        ["EndYear2", "EndMonth2", "EndDay2"],
    ]
    .map(|names| names.map(col));
    // Per war: its number, name, first and last day, and whether any
    // participant won or drew (COW outcomes 1, and 3 or 6).
    let mut spans: Vec<(u32, String, i64, i64, bool, bool)> = Vec::new();
    for line in lines.filter(|l| !l.trim().is_empty()) {
        let f = fields(line);
        let Some(war) = f.get(number).and_then(|v| v.parse::<u32>().ok()) else {
            continue;
        };
        // A date given as year, month, day; COW codes a missing one as -8.
        let date = |cols: [Option<usize>; 3]| -> Option<i64> {
            let mut parts = cols.iter().map(|c| f.get((*c)?)?.parse::<i64>().ok());
            let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
            (y > 0 && m > 0 && d > 0).then(|| days(&format!("{y:04}-{m:02}-{d:02}")))?
        };
        let dates: Vec<i64> = spells.iter().filter_map(|s| date(*s)).collect();
        let (Some(&start), Some(&end)) = (dates.iter().min(), dates.iter().max()) else {
            continue;
        };
        let code = f.get(outcome).and_then(|v| v.parse::<i64>().ok());
        let (won, drew) = (code == Some(1), matches!(code, Some(3 | 6)));
        match spans.iter_mut().find(|s| s.0 == war) {
            Some(s) => {
                s.2 = s.2.min(start);
                s.3 = s.3.max(end);
                s.4 |= won;
                s.5 |= drew;
            }
            None => spans.push((war, f.get(name)?.clone(), start, end, won, drew)),
        }
    }
    spans.sort_by_key(|s| s.0);
    Some(
        spans
            .into_iter()
            .map(|(number, name, start, end, won, drew)| War {
                number,
                name,
                days: end - start + 1,
                without_victor: drew && !won,
            })
            .collect(),
    )
}

/// One row of a life table: of the wars still going at `from` months,
/// how many ended before `to`, over how many war-months.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Interval {
    pub from: f64,
    pub to: f64,
    pub at_risk: usize,
    pub ended: usize,
    pub war_months: f64,
}

impl Interval {
    /// The monthly hazard of ending in this interval: ended per war-month.
    pub fn hazard(&self) -> f64 {
        if self.war_months > 0.0 {
            self.ended as f64 / self.war_months
        } else {
            0.0
        }
    }
}

/// The life table over the given interval bounds (months); the last
/// interval is open-ended.
pub fn life_table(wars: &[War], bounds: &[f64]) -> Vec<Interval> {
    bounds
        .iter()
        .enumerate()
        .map(|(k, &from)| {
            let to = bounds.get(k + 1).copied().unwrap_or(f64::INFINITY);
            let months = wars.iter().map(War::months);
            Interval {
                from,
                to,
                at_risk: months.clone().filter(|&m| m > from).count(),
                ended: months.clone().filter(|&m| m > from && m <= to).count(),
                war_months: months.map(|m| (m.min(to) - from).max(0.0)).sum(),
            }
        })
        .collect()
}

/// A two-sided 95% interval for a Poisson rate with `events` in
/// `exposure` (Garwood's exact interval), found by bisection on the
/// Poisson distribution so it needs no statistics library.
pub fn poisson_interval(events: usize, exposure: f64) -> (f64, f64) {
    // P(X <= k) for a Poisson mean `mu`.
    let cdf = |k: usize, mu: f64| -> f64 {
        let mut term = (-mu).exp();
        let mut sum = term;
        for i in 1..=k {
            term *= mu / i as f64;
            sum += term;
        }
        sum
    };
    // The mean at which `f` (falling in mu) crosses `target`.
    let solve = |f: &dyn Fn(f64) -> f64, target: f64| -> f64 {
        let (mut lo, mut hi) = (0.0, 10.0 * (events as f64 + 10.0));
        for _ in 0..200 {
            let mid = 0.5 * (lo + hi);
            if f(mid) > target {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        0.5 * (lo + hi)
    };
    let lower = if events == 0 {
        0.0
    } else {
        solve(&|mu| cdf(events - 1, mu), 0.975)
    };
    let upper = solve(&|mu| cdf(events, mu), 0.025);
    (lower / exposure, upper / exposure)
}

/// The Jeffreys interval (the central 95% of the posterior under
/// Jeffreys' prior, a gamma with shape `events + 0.5`) and its mean,
/// `(events + 0.5) / exposure`, for a Poisson rate. Unlike Garwood's
/// exact interval it is not built to cover at least 95% in every case,
/// which makes it narrower; the two are labelled apart in docs/MODEL.md.
pub fn jeffreys_interval(events: usize, exposure: f64) -> (f64, f64, f64) {
    let shape = events as f64 + 0.5;
    // The regularised lower incomplete gamma P(shape, x), by its series;
    // Gamma(shape + 1) from Gamma(1/2) = sqrt(pi), as the shape is a half-integer.
    let gamma_next = (0..=events).fold(std::f64::consts::PI.sqrt(), |g, j| g * (j as f64 + 0.5));
    let cdf = |x: f64| -> f64 {
        if x <= 0.0 {
            return 0.0;
        }
        let mut term = (shape * x.ln() - x).exp() / gamma_next;
        let mut sum = term;
        let mut n = 1.0;
        while term > 1e-17 * sum {
            term *= x / (shape + n);
            sum += term;
            n += 1.0;
        }
        sum
    };
    let quantile = |p: f64| -> f64 {
        let (mut lo, mut hi) = (0.0, 10.0 * (shape + 10.0));
        for _ in 0..200 {
            let mid = 0.5 * (lo + hi);
            if cdf(mid) < p {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        0.5 * (lo + hi)
    };
    (
        quantile(0.025) / exposure,
        shape / exposure,
        quantile(0.975) / exposure,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_war_from_its_participants() {
        let csv = "\"WarNum\",\"WarName\",\"Outcome\",\"StartMonth1\",\"StartDay1\",\"StartYear1\",\"EndMonth1\",\"EndDay1\",\"EndYear1\",\"StartMonth2\",\"StartDay2\",\"StartYear2\",\"EndMonth2\",\"EndDay2\",\"EndYear2\"\n\
            1,\"A, war\",1,1,1,1900,1,31,1900,-8,-8,-8,-8,-8,-8\n\
            1,\"A, war\",2,1,10,1900,2,9,1900,-8,-8,-8,-8,-8,-8\n\
            2,\"B\",6,3,1,1901,3,2,1901,4,1,1901,4,30,1901\n";
        let wars = wars(csv).unwrap();
        assert_eq!(wars.len(), 2);
        assert!(!wars[0].without_victor && wars[1].without_victor);
        assert_eq!((wars[0].name.as_str(), wars[0].days), ("A, war", 40));
        assert_eq!(wars[1].days, 61);
    }

    #[test]
    fn jeffreys_interval_matches_known_values() {
        // No event: the 97.5% point of a gamma(1/2) is 2.512.
        let (lo, mean, hi) = jeffreys_interval(0, 1.0);
        assert!(
            lo < 0.001 && mean == 0.5 && (hi - 2.512).abs() < 0.001,
            "{lo} {hi}"
        );
        // Two events: gamma(2.5) quantiles, half those of a chi-square
        // with 5 degrees of freedom (0.8312 and 12.8325).
        let (lo, _, hi) = jeffreys_interval(2, 1.0);
        assert!(
            (lo - 0.4156).abs() < 0.001 && (hi - 6.4163).abs() < 0.001,
            "{lo} {hi}"
        );
    }

    #[test]
    fn poisson_interval_matches_known_values() {
        // Garwood: 11 events give a mean between 5.49 and 19.68.
        let (lo, hi) = poisson_interval(11, 1.0);
        assert!(
            (lo - 5.491).abs() < 0.01 && (hi - 19.68).abs() < 0.01,
            "{lo} {hi}"
        );
        // None: 0 to 3.689.
        let (lo, hi) = poisson_interval(0, 1.0);
        assert!(lo == 0.0 && (hi - 3.689).abs() < 0.01, "{hi}");
    }
}
