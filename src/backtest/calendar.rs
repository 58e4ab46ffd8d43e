//! Dates as the backtest and the forecast table write them, `YYYY-MM-DD`.
//! Plain std, so the build script can read the forecast table with it too
//! (`build.rs`) and the page gets the forecasts' horizons ready-made.

/// Mean days in a month (365.25 / 12), as in the war-duration figures.
pub const DAYS_PER_MONTH: f64 = 30.4375;

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (proleptic Gregorian), or
/// `None` when the text is not such a date.
pub fn days(date: &str) -> Option<i64> {
    let mut parts = date.split('-').map(|p| p.parse::<i64>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    if parts.next().is_some() || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Howard Hinnant's days-from-civil: years start in March, so the leap
    // day is the last day of the year.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let month_from_march = (m + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + d - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    Some(era * 146_097 + day_of_era - 719_468)
}

/// Months between two dates (fractional; negative if `to` is earlier).
pub fn months_between(from: &str, to: &str) -> Option<f64> {
    Some((days(to)? - days(from)?) as f64 / DAYS_PER_MONTH)
}
