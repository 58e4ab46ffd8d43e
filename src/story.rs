//! Story mode for lessons: a guided sequence of steps that follows the
//! argument of the debate, from today's positions through Moscow's red
//! line and the coalition's presence proposal, the shift in each side's
//! aims and the pressure to compromise, to a settlement shaped by power.
//!
//! Each step sets every slider and has a short neutral title and caption
//! in the catalogue (`story.<id>.title`, `story.<id>.caption`). Captions
//! describe which way the model's numbers move, never the numbers
//! themselves: the headline shows them live. `tests/story.rs` pins each
//! of those directions with the real model.
//!
//! **Links.** `?story=N` opens step N. The steps are plain data that use
//! only the model; reading a link is `state`'s work, which validates the
//! step against [`steps`] and picks the sliders a step link opens with
//! ([`crate::state::opening_inputs`]).

use crate::model::{Inputs, Valid};

/// One step: an id for its catalogue keys (`story.<id>.title`, `.caption`)
/// and the settings it puts on the sliders, made valid once, where the
/// step is defined.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Step {
    pub id: &'static str,
    pub inputs: Valid,
}

impl Step {
    pub fn title_key(&self) -> String {
        format!("story.{}.title", self.id)
    }

    pub fn caption_key(&self) -> String {
        format!("story.{}.caption", self.id)
    }
}

/// The steps in order. Step 1 is today's stated positions; step 2 drops
/// the proposed force; step 3 puts a smaller one inside a line Moscow
/// accepts; steps 4 to 7 build on step 3, and steps 4 and 5 move each
/// side's aims by the same amount.
pub fn steps() -> Vec<Step> {
    settings()
        .into_iter()
        .map(|(id, inputs)| Step {
            id,
            inputs: Valid::new(&inputs),
        })
        .collect()
}

/// Each step's id and settings as written, before they are made valid.
fn settings() -> [(&'static str, Inputs); 7] {
    let today = Inputs::default();
    // Air and naval policing, with Moscow taken to accept up to that rung.
    let accepted = Inputs {
        presence: 2.0,
        tolerance: 2.0,
        ..today
    };
    // Kyiv puts security and protecting people first.
    let aims = Inputs {
        aims: 0.15,
        ..accepted
    };
    // Moscow's demands move as far toward the current line as Kyiv's did.
    let moscow = Inputs {
        russian_aims: 0.5,
        ..aims
    };
    // A stalled, costly front, losses that begin to weigh on both sides,
    // and mediators pressing both to sign.
    let pressure = Inputs {
        momentum: 0.0,
        attrition: 0.95,
        loss_tolerance: 0.5,
        ukraine_loss_tolerance: 0.3,
        pressure: 0.9,
        ..moscow
    };
    [
        ("today", today),
        // The West drops the proposed force: nothing above the red line.
        (
            "redline",
            Inputs {
                presence: 0.0,
                ..today
            },
        ),
        ("presence", accepted),
        ("aims", aims),
        ("moscow", moscow),
        ("pressure", pressure),
        // Less pressure to sign, and aid that lasts: a deal held up by
        // the balance of power rather than by deadlines.
        (
            "power",
            Inputs {
                pressure: 0.3,
                aid: 0.7,
                support_half_life: 72.0,
                ..pressure
            },
        ),
    ]
}

/// Step `n`, counting from 1.
pub fn step(n: usize) -> Option<Step> {
    steps().get(n.wrapping_sub(1)).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each step is written with values in range and on the grid, so
    /// making it valid changes nothing: the page shows what is written here.
    #[test]
    fn every_step_is_written_valid() {
        for (id, inputs) in settings() {
            assert_eq!(*Valid::new(&inputs), inputs, "{id}");
        }
    }
}
