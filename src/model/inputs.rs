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
    /// Outside military support for Russia (shells, missiles, drones,
    /// troops), from 0 (none) to 1 (the most a partner could give). It
    /// moves momentum the way Western aid does, in the same form.
    #[serde(rename = "rs")]
    pub russian_support: f64,
    /// Post-war Western presence in Ukraine, as a rung of the presence
    /// ladder (0 to 5, named in the catalogue as `rung.0` to `rung.5`): from
    /// none, through trainers, air policing and a reassurance force, to
    /// tripwire brigades and combat formations.
    #[serde(rename = "pr")]
    pub presence: f64,
    /// Months until Western support has halved if nothing renews it.
    #[serde(rename = "sp")]
    pub support_half_life: f64,
    /// Outside pressure on both sides to sign a ceasefire, 0 (none) to 1
    /// (deadlines and threats). It makes a deal likelier and, once signed,
    /// likelier to break down (Werner and Yuen 2005).
    #[serde(rename = "ps")]
    pub pressure: f64,
    /// The highest rung of Western presence Moscow would accept (0 to 5).
    #[serde(rename = "to")]
    pub tolerance: f64,
    /// How well Russia absorbs losses and strain, 0 to 1: a tolerant side
    /// feels a stalemate less and concedes less when losing ground.
    #[serde(rename = "lt")]
    pub loss_tolerance: f64,
    /// The same for Ukraine: its tolerance of losses and of strain on its
    /// manpower, 0 to 1.
    #[serde(rename = "ul")]
    pub ukraine_loss_tolerance: f64,
    /// How readily Moscow answers a crossed red line with escalation, 0 to 1.
    #[serde(rename = "ep")]
    pub escalation_propensity: f64,
    /// Ukraine's war aims, from 0 (a ceasefire on the current line, with
    /// resilience and security first) to 1 (full territorial recovery and
    /// its full stated terms).
    #[serde(rename = "ua")]
    pub aims: f64,
    /// Russia's war aims, from 0 (a ceasefire on the current line) to 1
    /// (its full stated conditions), in the same form as Ukraine's.
    #[serde(rename = "ra")]
    pub russian_aims: f64,
    /// How many months ahead the model looks.
    #[serde(rename = "ho")]
    pub horizon: f64,
    /// How wide the uncertainty about every parameter is, 0 (none) to 1 (very wide).
    #[serde(rename = "un")]
    pub uncertainty: f64,
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

    /// The catalogue key of the group's title.
    pub fn key(self) -> &'static str {
        match self {
            Group::Battlefield => "group.battlefield",
            Group::Western => "group.western",
            Group::Russian => "group.russian",
            Group::Ukrainian => "group.ukrainian",
            Group::Advanced => "group.advanced",
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
    Pressure,
    RussianAims,
    Tolerance,
    LossTolerance,
    RussianSupport,
    EscalationPropensity,
    Aims,
    UkraineLossTolerance,
    Horizon,
    Uncertainty,
}

/// One input's range and default. Its label and hint are in the text
/// catalogue (`input.<id>.label`, `.hint`), so they can be translated.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spec {
    /// Short id, used for element ids and test hooks.
    pub id: &'static str,
    pub group: Group,
    pub unit: &'static str,
    pub min: f64,
    pub max: f64,
    pub step: f64,
    pub default: f64,
}

impl Input {
    pub const ALL: [Input; 15] = [
        Input::Momentum,
        Input::Attrition,
        Input::Aid,
        Input::Presence,
        Input::SupportHalfLife,
        Input::Pressure,
        Input::RussianAims,
        Input::Tolerance,
        Input::LossTolerance,
        Input::RussianSupport,
        Input::EscalationPropensity,
        Input::Aims,
        Input::UkraineLossTolerance,
        Input::Horizon,
        Input::Uncertainty,
    ];

    /// The inputs that describe the world (everything but horizon and
    /// uncertainty width); these are the levers of the sensitivity chart.
    pub const LEVERS: [Input; 13] = [
        Input::Momentum,
        Input::Attrition,
        Input::Aid,
        Input::Presence,
        Input::SupportHalfLife,
        Input::Pressure,
        Input::RussianAims,
        Input::Tolerance,
        Input::LossTolerance,
        Input::RussianSupport,
        Input::EscalationPropensity,
        Input::Aims,
        Input::UkraineLossTolerance,
    ];

    /// The input's range, step, default and unit: one literal [`Spec`] per
    /// input, kept together so a reader compares them at a glance. It is a
    /// data table, exempt from the length limit on functions
    /// (tests/code_shape.rs); a new input adds one entry here.
    pub fn spec(self) -> Spec {
        match self {
            Input::Momentum => Spec {
                id: "momentum",
                group: Group::Battlefield,
                unit: "index, -1 to +1",
                min: -1.0,
                max: 1.0,
                step: 0.05,
                default: 0.05,
            },
            Input::Attrition => Spec {
                id: "attrition",
                group: Group::Battlefield,
                unit: "index, 0 to 1",
                min: 0.0,
                max: 1.0,
                step: 0.05,
                default: 0.8,
            },
            Input::Aid => Spec {
                id: "aid",
                group: Group::Western,
                unit: "index, 0 to 1",
                min: 0.0,
                max: 1.0,
                step: 0.05,
                default: 0.55,
            },
            Input::Presence => Spec {
                id: "presence",
                group: Group::Western,
                unit: "rung of the presence ladder, 0 to 5",
                min: 0.0,
                max: 5.0,
                step: 1.0,
                default: 3.0,
            },
            Input::SupportHalfLife => Spec {
                id: "staying",
                group: Group::Western,
                unit: "months until support halves",
                min: 6.0,
                max: 120.0,
                step: 6.0,
                default: 36.0,
            },
            Input::Pressure => Spec {
                id: "pressure",
                group: Group::Western,
                unit: "index, 0 to 1",
                min: 0.0,
                max: 1.0,
                step: 0.05,
                default: 0.6,
            },
            Input::RussianAims => Spec {
                id: "russian_aims",
                group: Group::Russian,
                unit: "index, 0 (the current line) to 1 (full stated conditions)",
                min: 0.0,
                max: 1.0,
                step: 0.05,
                default: 0.75,
            },
            Input::RussianSupport => Spec {
                id: "russian_support",
                group: Group::Russian,
                unit: "index, 0 to 1",
                min: 0.0,
                max: 1.0,
                step: 0.05,
                default: 0.5,
            },
            Input::UkraineLossTolerance => Spec {
                id: "ua_losses",
                group: Group::Ukrainian,
                unit: "index, 0 to 1",
                min: 0.0,
                max: 1.0,
                step: 0.05,
                default: 0.5,
            },
            Input::Tolerance => Spec {
                id: "tolerance",
                group: Group::Russian,
                unit: "highest accepted rung, 0 to 5",
                min: 0.0,
                max: 5.0,
                step: 1.0,
                default: 0.0,
            },
            Input::LossTolerance => Spec {
                id: "losses",
                group: Group::Russian,
                unit: "index, 0 to 1",
                min: 0.0,
                max: 1.0,
                step: 0.05,
                default: 0.8,
            },
            Input::EscalationPropensity => Spec {
                id: "escalation",
                group: Group::Russian,
                unit: "index, 0 to 1",
                min: 0.0,
                max: 1.0,
                step: 0.05,
                default: 0.35,
            },
            Input::Aims => Spec {
                id: "aims",
                group: Group::Ukrainian,
                unit: "index, 0 (the current line) to 1 (full stated conditions)",
                min: 0.0,
                max: 1.0,
                step: 0.05,
                default: 0.4,
            },
            Input::Horizon => Spec {
                id: "horizon",
                group: Group::Advanced,
                unit: "months",
                min: 6.0,
                max: 120.0,
                step: 6.0,
                default: 36.0,
            },
            Input::Uncertainty => Spec {
                id: "uncertainty",
                group: Group::Advanced,
                unit: "index, 0 to 1",
                min: 0.0,
                max: 1.0,
                step: 0.05,
                default: 0.5,
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
            Input::UkraineLossTolerance => inputs.ukraine_loss_tolerance,
            Input::RussianSupport => inputs.russian_support,
            Input::RussianAims => inputs.russian_aims,
            Input::Pressure => inputs.pressure,
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
            Input::UkraineLossTolerance => &mut inputs.ukraine_loss_tolerance,
            Input::RussianSupport => &mut inputs.russian_support,
            Input::RussianAims => &mut inputs.russian_aims,
            Input::Pressure => &mut inputs.pressure,
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

/// `value` moved to the nearest millionth: the resolution at which inputs
/// are kept. It is far below a slider's step, and a decimal with six
/// places writes a grid value exactly, so a value read from a link is the
/// value written to it (see [`crate::decimal`]).
pub fn on_grid(value: f64) -> f64 {
    const GRID: f64 = 1e6;
    (value * GRID).round() / GRID
}

impl Spec {
    /// The value clamped into range and put on the grid ([`on_grid`]);
    /// NaN and infinities give the default.
    pub fn sanitize(&self, value: f64) -> f64 {
        if value.is_finite() {
            on_grid(value.clamp(self.min, self.max))
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
            pressure: 0.0,
            russian_aims: 0.0,
            russian_support: 0.0,
            ukraine_loss_tolerance: 0.0,
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
