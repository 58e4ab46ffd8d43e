//! The Red Lines model: pure Rust, no web dependencies. A crate of its
//! own (see its Cargo.toml) so that it compiles for speed.
//!
//! Inputs go in, made valid once ([`Valid`]); [`simulate`] returns
//! settlement likelihood and escalation risk month by month with their
//! uncertainty;
//! [`sensitivity`] and [`chasm_map`] give what the other charts need.
//! docs/MODEL.md documents every equation, parameter and source.

// A panic in the page is a frozen page for the reader: outside tests, code
// must handle the failure instead of unwrapping it.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod chasm;
pub mod draws;
pub mod inputs;
pub mod presets;
pub mod sensitivity;
pub mod simulate;

pub use chasm::{chasm_map, ChasmMap};
pub use inputs::{Group, Input, Inputs, Spec, Valid};
pub use presets::{presets, Preset};
pub use sensitivity::{dependence, sensitivity, Dependence, Effect};
pub use simulate::{simulate, simulate_from, Band, Drivers, Estimate, Outcome};

/// The model's version (semantic: a major step changes what the numbers
/// mean). It is shown on the page, written into every link and export,
/// and a link made with another version opens with a notice.
/// CHANGELOG.md says what each version changed.
pub const VERSION: &str = "3.0.0";

/// `x` held within `lo..=hi`, as `f64::clamp` does, NaN included (it stays
/// NaN), but without its check that `lo ≤ hi`: that check's panic message
/// prints both bounds with `{:?}`, and that alone brought core's float
/// printing (about 10 KiB, some 4 KiB compressed) into the page's first
/// module. Every bound here is a constant or a range's own ends.
#[inline]
pub fn clamp(x: f64, lo: f64, hi: f64) -> f64 {
    if x < lo {
        lo
    } else if x > hi {
        hi
    } else {
        x
    }
}

/// Everything one slider move needs, computed together.
#[derive(Clone, Debug, PartialEq)]
pub struct Analysis {
    pub outcome: Outcome,
    pub effects: Vec<Effect>,
    pub map: ChasmMap,
}

/// The three parts, computed from the same valid inputs.
pub fn analyse(inputs: &Valid) -> Analysis {
    Analysis {
        outcome: simulate(inputs),
        effects: sensitivity(inputs),
        map: chasm_map(inputs),
    }
}
