//! Named scenarios drawn from the public debate. Each one sets every lever;
//! its rationale says which argument it stands for. Momentum is read at
//! today's aid, so a preset that changes aid sets momentum with that in mind. Tests in
//! tests/presets.rs pin the qualitative outcome of each.

use super::inputs::Inputs;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Preset {
    /// Stable id, used in links and tests.
    pub id: &'static str,
    pub name: &'static str,
    /// One line: which argument of the debate this scenario stands for.
    pub rationale: &'static str,
    pub inputs: Inputs,
}

/// The scenarios, in the order the page lists them.
pub fn presets() -> [Preset; 6] {
    let today = Inputs::default();
    [
        Preset {
            id: "today",
            name: "Positions today",
            rationale: "The defaults: a slow Russian advance at high cost, fading US aid, no Western troops, and Moscow's stated red line of no Western presence at all.",
            inputs: today,
        },
        Preset {
            id: "frozen",
            name: "Frozen conflict",
            rationale: "Fighting settles into a costly but slower war of position with no one gaining ground; neither side is hurt enough to move, as in Korea before 1953.",
            inputs: Inputs {
                momentum: 0.0,
                attrition: 0.3,
                aid: 0.5,
                aims: 0.6,
                loss_tolerance: 0.8,
                ..today
            },
        },
        Preset {
            id: "coalition",
            name: "Coalition of the willing deploys",
            rationale: "European states commit a reassurance force away from the line, as the UK and France have planned, while Moscow holds to its stated red line.",
            inputs: Inputs {
                presence: 3.0,
                aid: 0.7,
                support_half_life: 72.0,
                ..today
            },
        },
        Preset {
            id: "fatigue",
            name: "Western fatigue",
            rationale: "Aid dries up and support fades within a year; Russia's advance quickens and Kyiv's bargaining position weakens.",
            inputs: Inputs {
                aid: 0.2,
                support_half_life: 12.0,
                momentum: -0.25,
                ..today
            },
        },
        Preset {
            id: "neutrality",
            name: "Negotiated neutrality",
            rationale: "Kyiv puts security first, the West offers trainers and strong aid instead of troops, and Moscow accepts trainers: the guarantee fits inside the red line.",
            inputs: Inputs {
                aims: 0.1,
                presence: 1.0,
                tolerance: 1.0,
                aid: 0.7,
                support_half_life: 72.0,
                ..today
            },
        },
        Preset {
            id: "breakthrough",
            name: "Ukrainian breakthrough",
            rationale: "Ukraine breaks through with strong Western aid and aims for full recovery; a nuclear-armed Russia faces a collapsing front.",
            inputs: Inputs {
                momentum: 0.6,
                aid: 0.9,
                aims: 1.0,
                ..today
            },
        },
    ]
}

/// The preset whose inputs equal these, if any.
pub fn matching(inputs: &Inputs) -> Option<Preset> {
    presets().into_iter().find(|p| p.inputs == *inputs)
}
