//! Helpers shared by the test binaries that tell the model's story in its
//! numbers (`tests/presets.rs`, `tests/story.rs`): named settings found by
//! id, their outcome, their validity, and the assertion that one chance is
//! likelier than another. A binary includes it with `mod common;`.
#![cfg(not(target_arch = "wasm32"))]
// Each binary uses only some of the helpers.
#![allow(dead_code)]

use red_lines::model::{presets, simulate, Input, Outcome, Preset, Valid};
use red_lines::story::{steps, Step};

/// Named settings of every input: a preset or a story step.
pub trait Named: Sized {
    /// What one is called, for a failure's message.
    const KIND: &'static str;
    fn all() -> Vec<Self>;
    fn id(&self) -> &'static str;
    fn inputs(&self) -> &Valid;
}

impl Named for Preset {
    const KIND: &'static str = "preset";
    fn all() -> Vec<Self> {
        presets().into()
    }
    fn id(&self) -> &'static str {
        self.id
    }
    fn inputs(&self) -> &Valid {
        &self.inputs
    }
}

impl Named for Step {
    const KIND: &'static str = "step";
    fn all() -> Vec<Self> {
        steps()
    }
    fn id(&self) -> &'static str {
        self.id
    }
    fn inputs(&self) -> &Valid {
        &self.inputs
    }
}

/// The one with this id; a test that names a missing one fails.
#[track_caller]
pub fn find<T: Named>(id: &str) -> T {
    T::all()
        .into_iter()
        .find(|t| t.id() == id)
        .unwrap_or_else(|| panic!("no {} {id}", T::KIND))
}

/// The model's outcome at the settings with this id.
#[track_caller]
pub fn outcome<T: Named>(id: &str) -> Outcome {
    simulate(find::<T>(id).inputs())
}

/// A chance as the failure messages show it.
pub fn pct(p: f64) -> String {
    format!("{:.1}%", 100.0 * p)
}

/// That chance `p` of `what` is likelier than `q`, the chance in `than`,
/// by more than `by`; a failure names both as percentages.
#[track_caller]
pub fn assert_likelier(what: &str, p: f64, than: &str, q: f64, by: f64) {
    assert!(p > q + by, "{what} {} vs {than} {}", pct(p), pct(q));
}

/// Every one sets each input inside its range, and no two set the same
/// inputs. (That each is written with values making it valid leaves as
/// they are is checked beside the definitions, in the unit tests of
/// `model::presets` and `story`.)
#[track_caller]
pub fn assert_valid_and_distinct<T: Named>(all: &[T]) {
    for t in all {
        let inputs = t.inputs();
        for input in Input::ALL {
            assert!(
                input.spec().is_valid(input.get(inputs)),
                "{}: {input:?} = {} is out of range",
                t.id(),
                input.get(inputs)
            );
        }
    }
    for (k, a) in all.iter().enumerate() {
        for b in &all[k + 1..] {
            assert_ne!(
                a.inputs(),
                b.inputs(),
                "{} and {} are the same",
                a.id(),
                b.id()
            );
        }
    }
}
