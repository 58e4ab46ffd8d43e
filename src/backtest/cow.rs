//! How long inter-state wars last: the Correlates of War list read into
//! a life table, for the base rate of the backtest and the calibration
//! table of docs/MODEL.md.
//!
//! The data is the COW Inter-State War Data, version 4.0 (Sarkees and
//! Wayman 2010), one row per participant; a copy ships in
//! `examples/data/`. A war spans from its earliest participant's start
//! to its latest participant's end, so truces inside a war count as war.

use super::{days, DAYS_PER_MONTH};

/// One war: its number, name and length in days (both ends counted).
#[derive(Clone, Debug, PartialEq)]
pub struct War {
    pub number: u32,
    pub name: String,
    pub days: i64,
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
    let spells = [
        ["StartYear1", "StartMonth1", "StartDay1"],
        ["EndYear1", "EndMonth1", "EndDay1"],
        ["StartYear2", "StartMonth2", "StartDay2"],
        ["EndYear2", "EndMonth2", "EndDay2"],
    ]
    .map(|names| names.map(col));
    let mut spans: Vec<(u32, String, i64, i64)> = Vec::new();
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
        match spans.iter_mut().find(|s| s.0 == war) {
            Some(s) => {
                s.2 = s.2.min(start);
                s.3 = s.3.max(end);
            }
            None => spans.push((war, f.get(name)?.clone(), start, end)),
        }
    }
    spans.sort_by_key(|s| s.0);
    Some(
        spans
            .into_iter()
            .map(|(number, name, start, end)| War {
                number,
                name,
                days: end - start + 1,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_war_from_its_participants() {
        let csv = "\"WarNum\",\"WarName\",\"StartMonth1\",\"StartDay1\",\"StartYear1\",\"EndMonth1\",\"EndDay1\",\"EndYear1\",\"StartMonth2\",\"StartDay2\",\"StartYear2\",\"EndMonth2\",\"EndDay2\",\"EndYear2\"\n\
            1,\"A, war\",1,1,1900,1,31,1900,-8,-8,-8,-8,-8,-8\n\
            1,\"A, war\",1,10,1900,2,9,1900,-8,-8,-8,-8,-8,-8\n\
            2,\"B\",3,1,1901,3,2,1901,4,1,1901,4,30,1901\n";
        let wars = wars(csv).unwrap();
        assert_eq!(wars.len(), 2);
        assert_eq!((wars[0].name.as_str(), wars[0].days), ("A, war", 40));
        assert_eq!(wars[1].days, 61);
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
