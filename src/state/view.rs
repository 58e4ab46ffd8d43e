//! How the page is shown, as opposed to what the model is fed: the
//! language, embed mode with the parts an embedder chose, the story step,
//! and a kept view to compare against. It shares the query string with
//! the model's inputs and is read with the same lenient serde format.

use super::query::{shown, Notice};
use crate::i18n::Lang;
use crate::model::clamp;
use crate::model::{Input, Valid};
use serde::{Deserialize, Serialize};

/// A part of the page an embed can show (`show=headline,chasm`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    Headline,
    Scenarios,
    Levers,
    Outcomes,
    Chasm,
    Sensitivity,
}

impl Part {
    /// In page order.
    pub const ALL: [Part; 6] = [
        Part::Headline,
        Part::Scenarios,
        Part::Levers,
        Part::Outcomes,
        Part::Chasm,
        Part::Sensitivity,
    ];

    /// The name used in `show=`.
    pub fn id(self) -> &'static str {
        match self {
            Part::Headline => "headline",
            Part::Scenarios => "scenarios",
            Part::Levers => "levers",
            Part::Outcomes => "outcomes",
            Part::Chasm => "chasm",
            Part::Sensitivity => "sensitivity",
        }
    }

    fn from_id(id: &str) -> Option<Part> {
        Part::ALL.into_iter().find(|p| p.id() == id.trim())
    }
}

/// The validated view settings.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct View {
    /// A language the reader chose; `None` follows the browser.
    pub lang: Option<Lang>,
    /// Embed mode: no page chrome, only `show`'s parts.
    pub embed: bool,
    /// The parts an embed shows, in page order; empty means all of them.
    pub show: Vec<Part>,
    /// The story step on screen (1-based); `None` when not in story mode.
    pub story: Option<usize>,
    /// A view kept as the reference "A" that the sliders' view "B" is
    /// compared against; `None` when not comparing.
    pub reference: Option<Valid>,
}

impl View {
    /// Whether `part` is on the page: always outside embed mode.
    pub fn shows(&self, part: Part) -> bool {
        !self.embed || self.show.is_empty() || self.show.contains(&part)
    }
}

/// The view's keys as they stand in the URL, before validation. Every
/// field is optional, so a plain permalink carries none of them.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub(super) struct ViewQuery {
    lang: Option<String>,
    embed: Option<bool>,
    show: Option<String>,
    story: Option<f64>,
    /// The reference's inputs, in slider order ([`Input::ALL`]), comma
    /// separated: one key rather than fifteen, so a link stays short.
    #[serde(rename = "ref")]
    reference: Option<String>,
}

impl ViewQuery {
    /// Checks every value; what cannot be used is dropped with a notice.
    /// `steps` is how many steps the story has.
    pub(super) fn validate(self, steps: usize, notices: &mut Vec<Notice>) -> View {
        let lang = self.lang.and_then(|tag| {
            let lang = Lang::from_code(&tag);
            if lang.is_none() {
                notices.push(Notice::new("notice.bad_lang", &[("value", shown(&tag))]));
            }
            lang
        });
        let mut chosen = Vec::new();
        for id in self.show.iter().flat_map(|s| s.split(',')) {
            match Part::from_id(id) {
                Some(part) => chosen.push(part),
                None if id.trim().is_empty() => {}
                None => notices.push(Notice::new("notice.bad_part", &[("value", shown(id))])),
            }
        }
        let embed = self.embed.unwrap_or(false);
        // Page order, each part once, however the link listed them; parts
        // only mean something in embed mode (the full page shows all).
        let show = Part::ALL
            .into_iter()
            .filter(|p| embed && chosen.contains(p))
            .collect();
        let story = self.story.and_then(|step| {
            if step.is_nan() {
                return None;
            }
            let clamped = clamp(step.round(), 1.0, steps.max(1) as f64);
            if clamped != step {
                notices.push(Notice::new(
                    "notice.bad_step",
                    &[
                        ("value", shown(&crate::decimal::short(step))),
                        ("n", steps.to_string()),
                    ],
                ));
            }
            Some(clamped as usize)
        });
        let reference = self.reference.and_then(|text| {
            let reference = reference_from(&text);
            if reference.is_none() {
                notices.push(Notice::new("notice.bad_ref", &[("value", shown(&text))]));
            }
            reference
        });
        View {
            lang,
            embed,
            show,
            story,
            reference,
        }
    }

    /// The URL form of a view: only what differs from the plain page.
    pub(super) fn from_view(view: &View) -> ViewQuery {
        ViewQuery {
            lang: view.lang.map(|l| l.code().to_owned()),
            embed: view.embed.then_some(true),
            show: (view.embed && !view.show.is_empty()).then(|| {
                let ids: Vec<&str> = view.show.iter().map(|p| p.id()).collect();
                ids.join(",")
            }),
            story: view.story.map(|s| s as f64),
            reference: view.reference.map(|r| reference_text(&r)),
        }
    }
}

/// The `ref=` form of a reference: every input in slider order.
fn reference_text(inputs: &Valid) -> String {
    let values: Vec<String> = Input::ALL
        .iter()
        .map(|i| crate::decimal::short(i.get(inputs)))
        .collect();
    values.join(",")
}

/// Reads `ref=`: one finite number per input, in slider order, each
/// clamped into its range. `None` for anything else (too few or too many
/// values, or one that is not a number), which the caller reports.
fn reference_from(text: &str) -> Option<Valid> {
    let mut inputs = Valid::default();
    let mut values = text.split(',');
    for input in Input::ALL {
        let value = crate::decimal::parse(values.next()?.trim())?;
        if !value.is_finite() {
            return None;
        }
        inputs = inputs.with(input, value);
    }
    values.next().is_none().then_some(inputs)
}
