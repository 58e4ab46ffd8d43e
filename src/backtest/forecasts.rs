//! Dated public forecasts of a general Russia–Ukraine ceasefire or peace
//! deal, and of a direct NATO–Russia clash, to set beside the model. The
//! table is one data file, `data/forecasts.tsv` (tab-separated, one
//! forecast a line, easy to extend in any editor or spreadsheet), read
//! here for the backtest and the forecasts page, and by `build.rs` for the
//! few numbers the outcomes chart's forecast layer draws. It was taken
//! from the research notes (`shared/research/calibration.md`, §5), which
//! give each snapshot's platform, date, probability and page; a test
//! checks every row (`tests/forecasts.rs`).
//!
//! Plain std with no crate paths but its sibling `tsv`, so that
//! `build.rs` can read the table with this same code.
//!
//! Left out of the table, with reasons:
//! - Row 13 (RAND FI, Metaculus and Glimt: "if a 2025 ceasefire happens, it
//!   lasts under 30 days"): a conditional question about how long a truce
//!   would last, not whether one is agreed; its condition was never met.
//! - Row 17 (Polymarket: "Trump ends the war in his first 90 days", about
//!   15%): the only date given, 9 Dec 2025, falls after the question's
//!   deadline (about 20 Apr 2025), so the snapshot cannot be dated.
//! - Row 22 (AI forecasting bots, 2026): machine forecasts rather than a
//!   crowd, marked low weight in the notes, and the bots disagree on whether
//!   the 2026 Easter truce counts, so the question is not the one asked here.
//! - Metaculus's "direct conflict between Russia and any NATO member state
//!   before 2027" (14%): the only stored copy, a mirror, carries no date.
//!
//! The backtest scores the ceasefire forecasts made before their deadline:
//! Good Judgment Open's final crowd forecast on a full ceasefire before
//! 5 May 2023 (2.8%) is dated on the deadline itself, so it is listed but
//! leaves no window to compare with.
//!
//! One rule for every ambiguous value, fixed before scoring and never in
//! the crowds' disfavour by choice: where a source reports a value moving
//! (72% rising to 78%), the earlier value; for a distribution of forecasts,
//! its median; a value shown as 0% is 0.
//!
//! Where a date is approximate, `question` says so; the date is then the day
//! reported or, failing that, an estimate within the stated period.

/// The table, as the repository holds it.
pub const TABLE: &str = include_str!("../../data/forecasts.tsv");

/// The columns of the table, in order; its first line names them.
pub const COLUMNS: [&str; 10] = [
    "platform",
    "compares",
    "event",
    "question",
    "date",
    "deadline",
    "value",
    "resolution",
    "source",
    "note",
];

/// Where forecasts may come from. A new platform is added here on purpose,
/// not by a typo in the table.
pub const PLATFORMS: [&str; 8] = [
    "Metaculus",
    "Good Judgment Open",
    "Polymarket",
    "RAND Forecasting Initiative",
    "Manifold",
    "Nonrival readers",
    "Glimt (FOI, Sweden)",
    "Lines.com",
];

/// Which of the model's numbers a forecast can be set beside.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compares {
    /// A ceasefire or peace deal by the deadline: the model's chance that
    /// one is reached ("a ceasefire reached (ever)").
    Ceasefire,
    /// A direct NATO–Russia clash by the deadline: the model's escalation.
    NatoRussia,
}

/// The event a ceasefire question asks about, as its own text defines it
/// (the `event` column). Each is answered by the model's matching number,
/// or not at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    /// A ceasefire reached (agreed, or taking effect) by the deadline:
    /// the model's chance that one is reached (`Outcome::reached`).
    ReachedBy,
    /// A ceasefire in effect, holding, at the deadline: the model's
    /// chance that one holds then (`Outcome::settled`).
    InEffectAt,
    /// A ceasefire that lasts at least this many months. The model's
    /// nearest number is a ceasefire holding at the deadline, an
    /// approximation the scores say they use.
    LastingMonths(u32),
    /// A peace deal, an agreement to end the war or a signed framework:
    /// the model has no such event, so it does not answer and the
    /// question is left out of the scores.
    DealOrFramework,
    /// A NATO–Russia question: the model's escalation, not a ceasefire.
    Clash,
}

impl Event {
    /// The cell as the table writes it.
    pub fn parse(cell: &str) -> Result<Event, String> {
        match cell {
            "reached_by" => Ok(Event::ReachedBy),
            "in_effect_at" => Ok(Event::InEffectAt),
            "deal_or_framework" => Ok(Event::DealOrFramework),
            "clash" => Ok(Event::Clash),
            other => match other.strip_prefix("lasting_months:").map(str::parse::<u32>) {
                Some(Ok(n)) if n > 0 => Ok(Event::LastingMonths(n)),
                _ => Err(format!(
                    "event {other:?}: reached_by, in_effect_at, lasting_months:N, deal_or_framework or clash"
                )),
            },
        }
    }
}

/// One dated public forecast.
#[derive(Clone, Debug, PartialEq)]
pub struct Forecast {
    /// Where the forecast was made: "Metaculus".
    pub platform: &'static str,
    pub compares: Compares,
    /// The event the question asks about, read from its text.
    pub event: Event,
    /// The question as the source reports it, short, with any note on how
    /// its value or date was read.
    pub question: &'static str,
    /// The snapshot date, YYYY-MM-DD.
    pub date: &'static str,
    /// The question's deadline, YYYY-MM-DD.
    pub deadline: &'static str,
    /// The forecast probability of Yes.
    pub probability: f64,
    /// Some(false) when it resolved No, Some(true) Yes, None when still open at 2026-11-30.
    pub resolved: Option<bool>,
    /// The page the value was read from (an https address, or http where
    /// the only stored copy is plain http).
    pub source: &'static str,
    /// How the question's definition differs from the model's.
    pub note: &'static str,
}

/// Reads one line of the table, or says what is wrong with it.
pub fn parse_row(line: &'static str) -> Result<Forecast, String> {
    let [platform, compares, event, question, date, deadline, value, resolution, source, note] =
        super::tsv::cells::<{ COLUMNS.len() }>(line)?;
    let compares = match compares {
        "ceasefire" => Compares::Ceasefire,
        "nato-russia" => Compares::NatoRussia,
        other => return Err(format!("compares {other:?}: ceasefire or nato-russia")),
    };
    let event = Event::parse(event)?;
    if (event == Event::Clash) != (compares == Compares::NatoRussia) {
        return Err(format!(
            "event {event:?}: clash for a NATO-Russia question, and only for one"
        ));
    }
    let probability = value
        .parse::<f64>()
        .map_err(|e| format!("value {value:?}: {e}"))?;
    let resolved = match resolution {
        "no" => Some(false),
        "yes" => Some(true),
        "open" => None,
        other => return Err(format!("resolution {other:?}: no, yes or open")),
    };
    Ok(Forecast {
        platform,
        compares,
        event,
        question,
        date,
        deadline,
        probability,
        resolved,
        source,
        note,
    })
}

/// Every forecast in the table, in its order (oldest first, by and large).
/// A row that cannot be read is skipped here; the test names it.
pub fn forecasts() -> Vec<Forecast> {
    super::tsv::records(TABLE)
        .filter_map(|l| parse_row(l).ok())
        .collect()
}

/// The site each platform publishes on: a source elsewhere is a report of
/// the forecast, and the table says "as reported by" it.
fn home(platform: &str) -> &'static str {
    match platform {
        "Metaculus" => "metaculus.com",
        "Good Judgment Open" => "gjopen.com",
        "Polymarket" => "polymarket.com",
        "RAND Forecasting Initiative" => "randforecastinginitiative.org",
        "Manifold" => "manifold.markets",
        "Nonrival readers" => "nonrival.pub",
        "Lines.com" => "lines.com",
        // Glimt has no public page of its own; its figures come by RAND's.
        _ => "",
    }
}

/// The host of a web address: "www.gjopen.com".
pub fn host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    rest.split(['/', '?']).next().unwrap_or(rest)
}

/// The whole table in Markdown for readers, as docs/forecasts.md shows it
/// (a test checks that the page has exactly this text). Each question
/// names its deadline, so the table does not repeat it.
pub fn markdown() -> String {
    let mut out = String::from(
        "| Date | Forecaster | Question (as reported) | Forecast | Resolved | Set beside the model's, and how the question differs | Source |\n|---|---|---|---|---|---|---|\n",
    );
    for f in forecasts() {
        let site = host(f.source).trim_start_matches("www.");
        let own = !home(f.platform).is_empty() && site.ends_with(home(f.platform));
        let source = if own {
            format!("[{site}]({})", f.source)
        } else {
            format!("as reported by [{site}]({})", f.source)
        };
        let resolved = match f.resolved {
            Some(true) => "Yes",
            Some(false) => "No",
            None => "Open",
        };
        let compares = match f.event {
            Event::ReachedBy => "*A ceasefire reached by the deadline.*".to_owned(),
            Event::InEffectAt => "*A ceasefire holding at the deadline.*".to_owned(),
            Event::LastingMonths(n) => {
                format!("*A ceasefire holding at the deadline (for one lasting {n} months).*")
            }
            Event::DealOrFramework => {
                "*Not answered: the model has no peace deal or framework.*".to_owned()
            }
            Event::Clash => "*Escalation.*".to_owned(),
        };
        let cell = |s: &str| s.replace('|', "/");
        out.push_str(&format!(
            "| {} | {} | {} | {:.1}% | {resolved} | {compares} {} | {source} |\n",
            f.date,
            f.platform,
            cell(f.question),
            100.0 * f.probability,
            cell(f.note),
        ));
    }
    out
}
