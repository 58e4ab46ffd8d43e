//! Pre-registered forecasts: the model's own answers to questions still
//! open, written down once with the version that made them, the day, and
//! the permalink of the inputs, so that the record can later prove the
//! model wrong. `data/preregistered.tsv` holds them.
//!
//! Rows are written once and never changed. `data/preregistered.lock` is a
//! committed copy of the table as written; `tests/preregistered.rs` fails
//! if the table no longer starts with it (a row changed or removed), and
//! recomputes every row of the current model version from its link,
//! comparing the figure exactly as printed. Rows of older versions are
//! never recomputed: they say what that version said. To add rows, append
//! them (`cargo run --release --example backtest` prints the current
//! version's), then copy the table over the lock.
//!
//! Each figure is the model run from the day the forecast was made, with
//! the war's age on that day and the link's inputs, in a world where no
//! ceasefire has come by then. The inputs are the page's defaults: the war
//! as coded to the last day the sources cover (30 June 2026), since nothing
//! later is coded.

use super::{at_month, months_between, tsv, WAR_START};
use crate::model::{simulate_from, Valid, VERSION};

/// The table, as the repository holds it.
pub const TABLE: &str = include_str!("../../data/preregistered.tsv");
/// The rows as first written, which the table must start with.
pub const LOCK: &str = include_str!("../../data/preregistered.lock");

/// The columns of the table, in order; its first line names them.
pub const COLUMNS: [&str; 7] = [
    "version", "made", "question", "event", "deadline", "figure", "link",
];

/// The day the current version's rows were made.
pub const MADE: &str = "2026-12-05";

/// What a question asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    /// A general ceasefire reached by the deadline (`Outcome::reached`).
    Reached,
    /// A ceasefire holding, or peace durable, at the deadline
    /// (`Outcome::settled`).
    Holding,
    /// Sustained direct NATO–Russia combat by the deadline
    /// (`Outcome::escalated`).
    Escalation,
}

impl Event {
    pub fn key(self) -> &'static str {
        match self {
            Event::Reached => "reached",
            Event::Holding => "holding",
            Event::Escalation => "escalation",
        }
    }

    pub fn parse(key: &str) -> Option<Event> {
        [Event::Reached, Event::Holding, Event::Escalation]
            .into_iter()
            .find(|e| e.key() == key)
    }
}

/// One pre-registered forecast.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub version: String,
    pub made: String,
    pub question: String,
    pub event: Event,
    pub deadline: String,
    /// The probability, as printed (four decimals).
    pub figure: String,
    /// The permalink query of the inputs.
    pub link: String,
}

impl Row {
    /// The row as the table writes it.
    pub fn line(&self) -> String {
        [
            self.version.as_str(),
            &self.made,
            &self.question,
            self.event.key(),
            &self.deadline,
            &self.figure,
            &self.link,
        ]
        .join("\t")
    }
}

/// Reads one line of the table, or says what is wrong with it.
pub fn parse_row(line: &'static str) -> Result<Row, String> {
    let [version, made, question, event, deadline, figure, link] =
        tsv::cells::<{ COLUMNS.len() }>(line)?;
    Ok(Row {
        version: version.to_owned(),
        made: made.to_owned(),
        question: question.to_owned(),
        event: Event::parse(event).ok_or_else(|| format!("event {event:?}"))?,
        deadline: deadline.to_owned(),
        figure: figure.to_owned(),
        link: link.to_owned(),
    })
}

/// Every row of the table, in its order.
pub fn rows() -> Result<Vec<Row>, String> {
    tsv::records(TABLE).map(parse_row).collect()
}

/// The model's probability of `event` by `deadline`, run from `made` with
/// `inputs` (those a row's link decodes to), printed to four decimals.
pub fn figure(inputs: &Valid, made: &str, event: Event, deadline: &str) -> Option<String> {
    let age = months_between(WAR_START, made)?;
    let months = months_between(made, deadline)?;
    let outcome = simulate_from(inputs, age, crate::model::draws::standard_draws());
    let path = match event {
        Event::Reached => &outcome.reached,
        Event::Holding => &outcome.settled,
        Event::Escalation => &outcome.escalated,
    };
    Some(format!("{:.4}", at_month(path, months)?))
}

/// The questions the current version answers, with their deadlines.
pub const QUESTIONS: [(&str, Event, &str); 4] = [
    (
        "A general ceasefire between Russia and Ukraine reached by 31 December 2026",
        Event::Reached,
        "2026-12-31",
    ),
    (
        "A general ceasefire between Russia and Ukraine reached by 30 June 2027",
        Event::Reached,
        "2027-06-30",
    ),
    (
        "A general ceasefire holding (or a durable peace) on 30 June 2027",
        Event::Holding,
        "2027-06-30",
    ),
    (
        "Escalation, sustained direct combat between NATO and Russian forces, by 30 June 2027",
        Event::Escalation,
        "2027-06-30",
    ),
];

/// The current version's rows, as they would be written today, from the
/// page's defaults and `link`, their permalink query.
pub fn current(link: &str) -> Vec<Row> {
    let link = link.to_owned();
    QUESTIONS
        .iter()
        .filter_map(|&(question, event, deadline)| {
            Some(Row {
                version: VERSION.to_owned(),
                made: MADE.to_owned(),
                question: question.to_owned(),
                event,
                deadline: deadline.to_owned(),
                figure: figure(&Valid::default(), MADE, event, deadline)?,
                link: link.clone(),
            })
        })
        .collect()
}

/// The table in Markdown for the forecasts page and the methods page.
pub fn markdown() -> String {
    let mut out = String::from(
        "| Made | Model version | Question | The model's forecast | Inputs |\n|---|---|---|---|---|\n",
    );
    for r in rows().unwrap_or_default() {
        let percent = r
            .figure
            .parse::<f64>()
            .map_or(r.figure.clone(), |p| format!("{:.1}%", 100.0 * p));
        out.push_str(&format!(
            "| {} | {} | {} | {percent} | [link](./?{}) |\n",
            r.made, r.version, r.question, r.link
        ));
    }
    out
}
