//! Named scenarios drawn from the public debate. Each one sets every lever;
//! its rationale (in the text catalogue as `preset.<id>.why`, beside its
//! name `preset.<id>.name`) says which argument it stands for. Momentum is read at
//! today's aid, so a preset that changes aid sets momentum with that in mind. Tests in
//! tests/presets.rs pin the qualitative outcome of each.

use super::inputs::{Inputs, Valid};

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Preset {
    /// Stable id, used in links, tests and catalogue keys.
    pub id: &'static str,
    /// Made valid once, where the scenario is defined.
    pub inputs: Valid,
}

/// The scenarios, in the order the page lists them. "Positions today"
/// is the defaults: the latest quarter of the backtest's history, with the
/// coalition's proposed force (rung 3) against Moscow's stated tolerance
/// of none. Most others start from the same positions without the force
/// (`no_force`), since with it a deal is all but blocked.
pub fn presets() -> [Preset; 10] {
    scenarios().map(|(id, inputs)| Preset {
        id,
        inputs: Valid::new(&inputs),
    })
}

/// Each scenario's id and settings as written, before they are made valid.
fn scenarios() -> [(&'static str, Inputs); 10] {
    let today = Inputs::default();
    let no_force = Inputs {
        presence: 0.0,
        ..today
    };
    [
        ("today", today),
        (
            "frozen",
            Inputs {
                momentum: 0.0,
                attrition: 0.3,
                aid: 0.5,
                aims: 0.6,
                loss_tolerance: 0.9,
                ..no_force
            },
        ),
        (
            "coalition",
            Inputs {
                aid: 0.7,
                support_half_life: 72.0,
                ..today
            },
        ),
        (
            "fatigue",
            Inputs {
                aid: 0.2,
                support_half_life: 12.0,
                momentum: -0.25,
                ..no_force
            },
        ),
        (
            "neutrality",
            Inputs {
                aims: 0.1,
                presence: 1.0,
                tolerance: 1.0,
                aid: 0.7,
                support_half_life: 72.0,
                ..today
            },
        ),
        (
            "breakthrough",
            Inputs {
                momentum: 0.6,
                aid: 0.9,
                aims: 1.0,
                ..no_force
            },
        ),
        // The mirror of the Ukrainian breakthrough: the front read at
        // today's support shifted by as much as the extra aid shifts it there.
        (
            "russian-breakthrough",
            Inputs {
                momentum: -0.6,
                russian_support: 0.85,
                russian_aims: 1.0,
                ..no_force
            },
        ),
        (
            "moscow-terms",
            Inputs {
                russian_aims: 1.0,
                ..no_force
            },
        ),
        // The mirror of Moscow's terms: there the West drops the force, as
        // Moscow's stated red line requires; here Moscow accepts the
        // coalition's force, as Kyiv seeks (tolerance as in "limited-force").
        (
            "kyiv-terms",
            Inputs {
                aims: 1.0,
                tolerance: 3.0,
                ..today
            },
        ),
        // Tolerance is the assumption that decides the coalition case.
        (
            "limited-force",
            Inputs {
                tolerance: 3.0,
                ..today
            },
        ),
    ]
}

/// The preset whose inputs equal these, if any.
pub fn matching(inputs: &Valid) -> Option<Preset> {
    presets().into_iter().find(|p| p.inputs == *inputs)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each scenario is written with values in range and on the grid, so
    /// making it valid changes nothing: the page shows what is written here.
    #[test]
    fn every_scenario_is_written_valid() {
        for (id, inputs) in scenarios() {
            assert_eq!(*Valid::new(&inputs), inputs, "{id}");
        }
    }
}
