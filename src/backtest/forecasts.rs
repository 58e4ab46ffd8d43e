//! Dated public crowd forecasts of a general Russia–Ukraine ceasefire or
//! peace agreement, to set beside the model's backtest. Taken from the
//! research notes (`shared/research/calibration.md`, §5), which give each
//! snapshot's platform, date, probability and page.
//!
//! Left out, with reasons:
//! - Row 13 (RAND FI, Metaculus and Glimt: "if a 2025 ceasefire happens, it
//!   lasts under 30 days"): a conditional question about how long a truce
//!   would last, not whether one is agreed; its condition was never met.
//! - Row 17 (Polymarket: "Trump ends the war in his first 90 days", about
//!   15%): the only date given, 9 Dec 2025, falls after the question's
//!   deadline (about 20 Apr 2025), so the snapshot cannot be dated.
//! - Row 22 (AI forecasting bots, 2026): machine forecasts rather than a
//!   crowd, marked low weight in the notes, and the bots disagree on whether
//!   the 2026 Easter truce counts, so the question is not the one asked here.
//! - Row 1 (Good Judgment Open: a full ceasefire before 5 May 2023, 2.8%):
//!   the final crowd forecast, dated on the question's own deadline, so it
//!   leaves no window to compare with.
//!
//! One rule for every ambiguous value, fixed before scoring and never in
//! the crowds' disfavour by choice: where a source reports a value moving
//! (72% rising to 78%), the earlier value; for a distribution of forecasts,
//! its median; a value shown as 0% is 0.
//!
//! Where a date is approximate, `question` says so; the date is then the day
//! reported or, failing that, an estimate within the stated period.

/// One dated public forecast of a Russia–Ukraine ceasefire or peace deal.
#[derive(Clone, Debug, PartialEq)]
pub struct Forecast {
    /// Where the forecast was made: "Metaculus".
    pub platform: &'static str,
    /// The question, short.
    pub question: &'static str,
    /// The snapshot date, YYYY-MM-DD.
    pub date: &'static str,
    /// The question's deadline, YYYY-MM-DD.
    pub deadline: &'static str,
    /// The forecast probability of Yes.
    pub probability: f64,
    /// Some(false) when it resolved No, Some(true) Yes, None when still open at 2026-11-30 or unknown.
    pub resolved: Option<bool>,
    /// Site and page, short.
    pub source: &'static str,
}

/// The forecasts, oldest first.
pub fn forecasts() -> Vec<Forecast> {
    vec![
        Forecast {
            platform: "Good Judgment Open",
            question: "Agreement to end the conflict before 19 Aug 2023 (date approx., about 26 Feb 2023; about 20%)",
            date: "2023-02-26",
            deadline: "2023-08-19",
            probability: 0.2,
            resolved: Some(false),
            source: "nonrival.pub, 'The risk of nuclear war; no end in sight in Ukraine'",
        },
        Forecast {
            platform: "Manifold",
            question: "Lasting ceasefire by the end of 2023 (date approx., about 26 Feb 2023)",
            date: "2023-02-26",
            deadline: "2023-12-31",
            probability: 0.22,
            resolved: Some(false),
            source: "nonrival.pub, 'The risk of nuclear war; no end in sight in Ukraine'",
        },
        Forecast {
            platform: "Nonrival readers",
            question: "Agreement to end the conflict by 19 Aug 2023 (date approx., about 26 Feb 2023; mean 19%, median 10%; the median is used)",
            date: "2023-02-26",
            deadline: "2023-08-19",
            probability: 0.1,
            resolved: Some(false),
            source: "nonrival.pub, 'The risk of nuclear war; no end in sight in Ukraine'",
        },
        Forecast {
            platform: "Metaculus",
            question: "Bilateral ceasefire or peace agreement before 1 Jan 2026",
            date: "2024-11-11",
            deadline: "2026-01-01",
            probability: 0.5,
            resolved: Some(false),
            source: "Improve the News, story 15180 (quoting Metaculus)",
        },
        Forecast {
            platform: "Metaculus",
            question: "Bilateral ceasefire or peace agreement before 1 Jan 2026",
            date: "2024-11-15",
            deadline: "2026-01-01",
            probability: 0.5,
            resolved: Some(false),
            source: "Improve the News, story 15274 (quoting Metaculus)",
        },
        Forecast {
            platform: "RAND Forecasting Initiative",
            question: "Ceasefire agreed before 1 Oct 2025 (initial forecast)",
            date: "2025-03-04",
            deadline: "2025-10-01",
            probability: 0.27,
            resolved: Some(false),
            source: "randforecastinginitiative.org, question 1525",
        },
        Forecast {
            platform: "Polymarket",
            question: "Ceasefire in 2025 (during the Jeddah talks; 72% rising to 78% as reported, the earlier value is used)",
            date: "2025-03-11",
            deadline: "2025-12-31",
            probability: 0.72,
            resolved: Some(false),
            source: "predictionnews.com, 'Ceasefire horizon: Ukraine accepts peace proposal'",
        },
        Forecast {
            platform: "RAND Forecasting Initiative",
            question: "Bilateral ceasefire in effect in 2025 (1 minus 'not before 2026')",
            date: "2025-03-31",
            deadline: "2025-12-31",
            probability: 0.39,
            resolved: Some(false),
            source: "randforecastinginitiative.org, blog 'Ukraine ceasefire collaboration'",
        },
        Forecast {
            platform: "Metaculus",
            question: "Bilateral ceasefire in effect in 2025 (1 minus 'not before 2026')",
            date: "2025-03-31",
            deadline: "2025-12-31",
            probability: 0.74,
            resolved: Some(false),
            source: "randforecastinginitiative.org, blog 'Ukraine ceasefire collaboration'",
        },
        Forecast {
            platform: "Glimt (FOI, Sweden)",
            question: "Bilateral ceasefire in effect in 2025 (1 minus 'not before 2026')",
            date: "2025-03-31",
            deadline: "2025-12-31",
            probability: 0.44,
            resolved: Some(false),
            source: "randforecastinginitiative.org, blog 'Ukraine ceasefire collaboration'",
        },
        Forecast {
            platform: "RAND Forecasting Initiative",
            question: "Bilateral ceasefire in effect in 2025 (1 minus 'not before 2026')",
            date: "2025-05-08",
            deadline: "2025-12-31",
            probability: 0.28,
            resolved: Some(false),
            source: "randforecastinginitiative.org, blog 'Ukraine ceasefire collaboration'",
        },
        Forecast {
            platform: "Metaculus",
            question: "Bilateral ceasefire in effect in 2025 (1 minus 'not before 2026')",
            date: "2025-05-08",
            deadline: "2025-12-31",
            probability: 0.53,
            resolved: Some(false),
            source: "randforecastinginitiative.org, blog 'Ukraine ceasefire collaboration'",
        },
        Forecast {
            platform: "Glimt (FOI, Sweden)",
            question: "Bilateral ceasefire in effect in 2025 (1 minus 'not before 2026')",
            date: "2025-05-08",
            deadline: "2025-12-31",
            probability: 0.4,
            resolved: Some(false),
            source: "randforecastinginitiative.org, blog 'Ukraine ceasefire collaboration'",
        },
        Forecast {
            platform: "Polymarket",
            question: "Ceasefire in 2025 (on the day of the Alaska summit)",
            date: "2025-08-15",
            deadline: "2025-12-31",
            probability: 0.4,
            resolved: Some(false),
            source: "deepnewz.com, 'Polymarket puts Russia-Ukraine ceasefire odds at 40%'",
        },
        Forecast {
            platform: "Polymarket",
            question: "Ceasefire in 2025",
            date: "2025-12-09",
            deadline: "2025-12-31",
            probability: 0.06,
            resolved: Some(false),
            source: "blog.polytrackhq.app, 'Polymarket Russia-Ukraine ceasefire market'",
        },
        Forecast {
            platform: "Polymarket",
            question: "Ceasefire agreement by 31 Mar 2026",
            date: "2025-12-09",
            deadline: "2026-03-31",
            probability: 0.24,
            resolved: Some(false),
            source: "blog.polytrackhq.app, 'Polymarket Russia-Ukraine ceasefire market'",
        },
        Forecast {
            platform: "Polymarket",
            question: "Ceasefire agreement by 31 May 2026 (date approx., late May 2026; shown as 0%)",
            date: "2026-05-25",
            deadline: "2026-05-31",
            probability: 0.0,
            resolved: Some(false),
            source: "streetspread.com, 'Russia x Ukraine ceasefire agreement by May 31, 2026?'",
        },
        Forecast {
            platform: "Polymarket",
            question: "Ceasefire agreement by 31 Dec 2026 (undated 2026 snapshot, date a guess; other pages show 43-44%)",
            date: "2026-06-01",
            deadline: "2026-12-31",
            probability: 0.3,
            resolved: None,
            source: "clairvoyant.pro, 'Russia x Ukraine ceasefire before 2027'",
        },
        Forecast {
            platform: "Polymarket",
            question: "Ukraine signs a peace deal or framework with Russia before 2027 (undated 2026 snapshot, date a guess; 26.5-31%, midpoint used)",
            date: "2026-06-01",
            deadline: "2026-12-31",
            probability: 0.29,
            resolved: None,
            source: "binarystreaks.com and polymarket-tax.co.uk market pages",
        },
        Forecast {
            platform: "Lines.com",
            question: "Peace deal by the end of 2026 (date approx., mid-June 2026; second-hand report)",
            date: "2026-06-18",
            deadline: "2026-12-31",
            probability: 0.16,
            resolved: None,
            source: "bestworldgroup.com, post of 18 Jun 2026 (quoting Lines.com)",
        },
    ]
}
