//! The model's inputs: what a reader can move, with the range, default and
//! meaning of each. This table is the single source the sliders, the URL
//! decoder, the sensitivity analysis and the methods page all read from.

use serde::{Deserialize, Serialize};

/// Every value a reader controls. Field names are the model's; the short
/// `serde` names are the permalink's query keys, kept short so a shared link
/// stays readable.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Inputs {
    /// Who gains ground, from -1 (Russia advancing fast) to +1 (Ukraine
    /// advancing fast), at today's level of aid (`AID_REFERENCE`).
    #[serde(rename = "mo")]
    pub momentum: f64,
    /// What a month of war costs both sides, from 0 (a quiet front) to 1 (the costliest months so far).
    #[serde(rename = "at")]
    pub attrition: f64,
    /// Western military and financial aid, from 0 (none) to 1 (everything asked for).
    #[serde(rename = "ai")]
    pub aid: f64,
    /// Post-war Western presence in Ukraine, as a rung of [`PRESENCE_RUNGS`] (0 to 5).
    #[serde(rename = "pr")]
    pub presence: f64,
    /// Months until Western support has halved if nothing renews it.
    #[serde(rename = "sp")]
    pub support_half_life: f64,
    /// The highest rung of Western presence Moscow would accept (0 to 5).
    #[serde(rename = "to")]
    pub tolerance: f64,
    /// How long Russia can absorb losses before pain changes its demands, 0 to 1.
    #[serde(rename = "lt")]
    pub loss_tolerance: f64,
    /// How readily Moscow answers a crossed red line with escalation, 0 to 1.
    #[serde(rename = "ep")]
    pub escalation_propensity: f64,
    /// Ukraine's war aims, from 0 (resilience and security first) to 1 (full territorial recovery).
    #[serde(rename = "ua")]
    pub aims: f64,
    /// How many months ahead the model looks.
    #[serde(rename = "ho")]
    pub horizon: f64,
    /// How wide the uncertainty about every parameter is, 0 (none) to 1 (very wide).
    #[serde(rename = "un")]
    pub uncertainty: f64,
}

/// The ladder of Western presence, from the debate about a "coalition of the
/// willing": each rung is a more visible, more exposed commitment.
pub const PRESENCE_RUNGS: [&str; 6] = [
    "None",
    "Trainers and advisers",
    "Air and naval policing",
    "Reassurance force away from the line",
    "Tripwire brigades near the line",
    "Combat formations",
];

/// The name of the rung nearest to a (possibly fractional) ladder value.
pub fn rung_name(value: f64) -> &'static str {
    let index = value.round().clamp(0.0, 5.0) as usize;
    PRESENCE_RUNGS[index]
}

/// The slider groups of the page, in the order they appear.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    Battlefield,
    Western,
    Russian,
    Ukrainian,
    Advanced,
}

impl Group {
    pub const ALL: [Group; 5] = [
        Group::Battlefield,
        Group::Western,
        Group::Russian,
        Group::Ukrainian,
        Group::Advanced,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Group::Battlefield => "Battlefield realities",
            Group::Western => "Western commitment",
            Group::Russian => "Russian tolerance",
            Group::Ukrainian => "Ukraine's war aims",
            Group::Advanced => "Model settings",
        }
    }
}

/// One input of the model, used to look up its description and to get or
/// set it on an [`Inputs`] value without repeating a match everywhere.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Input {
    Momentum,
    Attrition,
    Aid,
    Presence,
    SupportHalfLife,
    Tolerance,
    LossTolerance,
    EscalationPropensity,
    Aims,
    Horizon,
    Uncertainty,
}

/// What the page and the methods page say about one input.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spec {
    /// Short id, used for element ids and test hooks.
    pub id: &'static str,
    /// The label a reader sees, in plain words.
    pub label: &'static str,
    pub group: Group,
    pub unit: &'static str,
    pub min: f64,
    pub max: f64,
    pub step: f64,
    pub default: f64,
    /// One sentence that says what moving it means. Why each default has
    /// its value, with sources, is in docs/MODEL.md.
    pub hint: &'static str,
}

impl Input {
    pub const ALL: [Input; 11] = [
        Input::Momentum,
        Input::Attrition,
        Input::Aid,
        Input::Presence,
        Input::SupportHalfLife,
        Input::Tolerance,
        Input::LossTolerance,
        Input::EscalationPropensity,
        Input::Aims,
        Input::Horizon,
        Input::Uncertainty,
    ];

    /// The inputs that describe the world (everything but horizon and
    /// uncertainty width); these are the levers of the sensitivity chart.
    pub const LEVERS: [Input; 9] = [
        Input::Momentum,
        Input::Attrition,
        Input::Aid,
        Input::Presence,
        Input::SupportHalfLife,
        Input::Tolerance,
        Input::LossTolerance,
        Input::EscalationPropensity,
        Input::Aims,
    ];

    pub fn spec(self) -> Spec {
        match self {
            Input::Momentum => Spec {
                id: "momentum",
                label: "Front-line momentum",
                group: Group::Battlefield,
                unit: "index, -1 to +1",
                min: -1.0,
                max: 1.0,
                step: 0.05,
                default: -0.2,
                hint: "Left: Russia gains ground. Right: Ukraine gains ground. Read at today's aid; more aid shifts it toward Ukraine.",
            },
            Input::Attrition => Spec {
                id: "attrition",
                label: "Cost of a month of war",
                group: Group::Battlefield,
                unit: "index, 0 to 1",
                min: 0.0,
                max: 1.0,
                step: 0.05,
                default: 0.7,
                hint: "How much each month of fighting hurts both sides.",
            },
            Input::Aid => Spec {
                id: "aid",
                label: "Western military and financial aid",
                group: Group::Western,
                unit: "index, 0 to 1",
                min: 0.0,
                max: 1.0,
                step: 0.05,
                default: 0.55,
                hint: "From no aid to everything Kyiv asks for.",
            },
            Input::Presence => Spec {
                id: "presence",
                label: "Western troop presence after a ceasefire",
                group: Group::Western,
                unit: "rung of the presence ladder, 0 to 5",
                min: 0.0,
                max: 5.0,
                step: 1.0,
                default: 0.0,
                hint: "What the West commits to station in Ukraine to guarantee a deal.",
            },
            Input::SupportHalfLife => Spec {
                id: "staying",
                label: "Staying power of Western support",
                group: Group::Western,
                unit: "months until support halves",
                min: 6.0,
                max: 120.0,
                step: 6.0,
                default: 48.0,
                hint: "Short: support fades fast. Long: the West stays the course.",
            },
            Input::Tolerance => Spec {
                id: "tolerance",
                label: "Russian tolerance of Western presence",
                group: Group::Russian,
                unit: "highest accepted rung, 0 to 5",
                min: 0.0,
                max: 5.0,
                step: 1.0,
                default: 0.0,
                hint: "The highest rung Moscow would live with; its stated position is none. It matters once the West offers a presence.",
            },
            Input::LossTolerance => Spec {
                id: "losses",
                label: "Russian tolerance of losses",
                group: Group::Russian,
                unit: "index, 0 to 1",
                min: 0.0,
                max: 1.0,
                step: 0.05,
                default: 0.7,
                hint: "High: losses barely change Moscow's demands.",
            },
            Input::EscalationPropensity => Spec {
                id: "escalation",
                label: "Russian readiness to escalate",
                group: Group::Russian,
                unit: "index, 0 to 1",
                min: 0.0,
                max: 1.0,
                step: 0.05,
                default: 0.3,
                hint: "How readily a crossed red line meets a military answer.",
            },
            Input::Aims => Spec {
                id: "aims",
                label: "Ukraine's war aims",
                group: Group::Ukrainian,
                unit: "index, 0 (security first) to 1 (full recovery)",
                min: 0.0,
                max: 1.0,
                step: 0.05,
                default: 0.45,
                hint: "Left: resilience and protecting people first. Right: recover all territory.",
            },
            Input::Horizon => Spec {
                id: "horizon",
                label: "Months ahead",
                group: Group::Advanced,
                unit: "months",
                min: 6.0,
                max: 120.0,
                step: 6.0,
                default: 36.0,
                hint: "How far into the future the model looks.",
            },
            Input::Uncertainty => Spec {
                id: "uncertainty",
                label: "Width of uncertainty",
                group: Group::Advanced,
                unit: "index, 0 to 1",
                min: 0.0,
                max: 1.0,
                step: 0.05,
                default: 0.5,
                hint: "How unsure the model is about every parameter, including Moscow's real red line.",
            },
        }
    }

    pub fn get(self, inputs: &Inputs) -> f64 {
        match self {
            Input::Momentum => inputs.momentum,
            Input::Attrition => inputs.attrition,
            Input::Aid => inputs.aid,
            Input::Presence => inputs.presence,
            Input::SupportHalfLife => inputs.support_half_life,
            Input::Tolerance => inputs.tolerance,
            Input::LossTolerance => inputs.loss_tolerance,
            Input::EscalationPropensity => inputs.escalation_propensity,
            Input::Aims => inputs.aims,
            Input::Horizon => inputs.horizon,
            Input::Uncertainty => inputs.uncertainty,
        }
    }

    fn slot(self, inputs: &mut Inputs) -> &mut f64 {
        match self {
            Input::Momentum => &mut inputs.momentum,
            Input::Attrition => &mut inputs.attrition,
            Input::Aid => &mut inputs.aid,
            Input::Presence => &mut inputs.presence,
            Input::SupportHalfLife => &mut inputs.support_half_life,
            Input::Tolerance => &mut inputs.tolerance,
            Input::LossTolerance => &mut inputs.loss_tolerance,
            Input::EscalationPropensity => &mut inputs.escalation_propensity,
            Input::Aims => &mut inputs.aims,
            Input::Horizon => &mut inputs.horizon,
            Input::Uncertainty => &mut inputs.uncertainty,
        }
    }

    /// Sets the value, clamped to the input's range (a non-finite value
    /// becomes the default), and returns what was stored.
    pub fn set(self, inputs: &mut Inputs, value: f64) -> f64 {
        let stored = self.spec().sanitize(value);
        *self.slot(inputs) = stored;
        stored
    }
}

impl Spec {
    /// The value clamped into range; NaN and infinities give the default.
    pub fn sanitize(&self, value: f64) -> f64 {
        if value.is_finite() {
            value.clamp(self.min, self.max)
        } else {
            self.default
        }
    }

    pub fn is_valid(&self, value: f64) -> bool {
        value.is_finite() && (self.min..=self.max).contains(&value)
    }
}

impl Default for Inputs {
    fn default() -> Self {
        let mut inputs = Inputs {
            momentum: 0.0,
            attrition: 0.0,
            aid: 0.0,
            presence: 0.0,
            support_half_life: 0.0,
            tolerance: 0.0,
            loss_tolerance: 0.0,
            escalation_propensity: 0.0,
            aims: 0.0,
            horizon: 0.0,
            uncertainty: 0.0,
        };
        for input in Input::ALL {
            *input.slot(&mut inputs) = input.spec().default;
        }
        inputs
    }
}

impl Inputs {
    /// A copy with every value in range: what the model may rely on.
    pub fn sanitized(&self) -> Inputs {
        let mut out = *self;
        for input in Input::ALL {
            input.set(&mut out, input.get(self));
        }
        out
    }

    /// The number of whole months simulated.
    pub fn months(&self) -> usize {
        let spec = Input::Horizon.spec();
        spec.sanitize(self.horizon).round() as usize
    }
}
