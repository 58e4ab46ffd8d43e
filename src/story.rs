//! Story mode for lessons: a guided sequence of steps that follows the
//! argument of the debate, from today's positions through Moscow's red
//! line, the coalition's presence proposal, the shift in Ukraine's aims
//! and the pressure to compromise, to a settlement shaped by power.
//!
//! Each step sets every slider and has a short neutral title and caption
//! in the catalogue (`story.<id>.title`, `story.<id>.caption`). Captions
//! describe which way the model's numbers move, never the numbers
//! themselves: the headline shows them live. `tests/story.rs` pins each
//! of those directions with the real model.
//!
//! **Links.** `?story=N` opens step N. The rule for its sliders is
//! [`opening_inputs`]: a link that carries no input key (`?story=3`, or
//! `?story=3&lang=uk`, as a teacher would write it) opens with the step's
//! settings; a link that carries inputs (every link the address bar
//! holds, which carries all of them) opens with exactly those, so a
//! reader's own changes made during a step reproduce too.

use crate::model::Inputs;
use crate::state::{query, Decoded};

/// One step: an id for its catalogue keys (`story.<id>.title`, `.caption`)
/// and the settings it puts on the sliders.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Step {
    pub id: &'static str,
    pub inputs: Inputs,
}

impl Step {
    pub fn title_key(&self) -> String {
        format!("story.{}.title", self.id)
    }

    pub fn caption_key(&self) -> String {
        format!("story.{}.caption", self.id)
    }
}

/// The steps in order. Steps 4 to 6 build on one another from today's
/// positions; steps 2 and 3 climb the presence ladder above the red line.
pub fn steps() -> Vec<Step> {
    let today = Inputs::default();
    // Kyiv puts security and protecting people first.
    let aims = Inputs {
        aims: 0.15,
        ..today
    };
    // A stalled, costly front, fading Western support, and Russian losses
    // that begin to weigh: a mutually hurting stalemate.
    let pressure = Inputs {
        momentum: 0.0,
        attrition: 0.9,
        aid: 0.4,
        support_half_life: 24.0,
        loss_tolerance: 0.5,
        ..aims
    };
    vec![
        Step {
            id: "today",
            inputs: today,
        },
        // Trainers and advisers: one rung above Moscow's stated line.
        Step {
            id: "redline",
            inputs: Inputs {
                presence: 1.0,
                ..today
            },
        },
        // The coalition's reassurance force, as the "coalition" preset.
        Step {
            id: "presence",
            inputs: Inputs {
                presence: 3.0,
                aid: 0.7,
                support_half_life: 72.0,
                ..today
            },
        },
        Step {
            id: "aims",
            inputs: aims,
        },
        Step {
            id: "pressure",
            inputs: pressure,
        },
        // Trainers that Moscow accepts, and aid that lasts.
        Step {
            id: "power",
            inputs: Inputs {
                presence: 1.0,
                tolerance: 1.0,
                aid: 0.6,
                support_half_life: 60.0,
                ..pressure
            },
        },
    ]
}

/// Step `n`, counting from 1.
pub fn step(n: usize) -> Option<Step> {
    steps().get(n.wrapping_sub(1)).copied()
}

/// The inputs a page opened from `query` starts with: the link's own,
/// unless it asks for a story step and carries no input key, in which
/// case the step's (see the module notes).
pub fn opening_inputs(query: &str, decoded: &Decoded) -> Inputs {
    match decoded.view.story.and_then(step) {
        Some(step) if !has_input_key(query) => step.inputs,
        _ => decoded.inputs,
    }
}

/// Whether the query sets any model input.
fn has_input_key(query: &str) -> bool {
    let mut ignored = Vec::new();
    let keys = query::to_query(&Inputs::default()).unwrap_or_default();
    let keys = query::parse_pairs(&keys, &mut ignored);
    query::parse_pairs(query, &mut ignored)
        .iter()
        .any(|(key, _)| keys.iter().any(|(k, _)| k == key))
}
