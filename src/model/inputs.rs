//! The model's inputs: what a reader can move, with the range, default and
//! meaning of each. One table (the `inputs!` invocation below) is the single
//! source the struct, its permalink keys, the sliders, the URL decoder, the
//! sensitivity analysis and the methods page all read from: a new input is
//! one row here, plus its lines in the text catalogues.

use super::clamp;
use serde::{Deserialize, Serialize};

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

    /// The model settings (horizon, uncertainty width, severity) rather than a
    /// lever of the world: they are folded away on the page and left out
    /// of the sensitivity chart.
    pub const fn is_setting(self) -> bool {
        matches!(self, Group::Advanced)
    }
}

/// One input's range and default. Its label and hint are in the text
/// catalogue (`input.<id>.label`, `.hint`), so they can be translated.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spec {
    /// Short id, used for element ids and test hooks.
    pub id: &'static str,
    /// The permalink's query key (the field's serde name).
    pub key: &'static str,
    pub group: Group,
    pub unit: &'static str,
    pub min: f64,
    pub max: f64,
    pub step: f64,
    pub default: f64,
}

/// Writes, from one row per input: the [`Inputs`] struct (field, doc,
/// serde key), the [`Input`] enum, `Input::ALL` in slider order,
/// `Input::spec`, `Input::get`, the private `slot` and `Inputs::default`.
macro_rules! inputs {
    ($(
        $(#[doc = $doc:literal])*
        $variant:ident, $field:ident, $key:literal, $id:literal, $group:ident,
        $unit:literal, [$min:expr, $max:expr, $step:expr], $default:expr;
    )*) => {
        /// Every value a reader controls. Field names are the model's; the
        /// short `serde` names are the permalink's query keys, kept short so
        /// a shared link stays readable.
        #[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
        #[serde(default)]
        pub struct Inputs {
            $(
                $(#[doc = $doc])*
                #[serde(rename = $key)]
                pub $field: f64,
            )*
        }

        /// One input of the model, used to look up its description and to
        /// get or set it on an [`Inputs`] value.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Input {
            $($variant,)*
        }

        impl Input {
            /// Every input, in the order of the sliders on the page.
            pub const ALL: [Input; [$(Input::$variant),*].len()] = [$(Input::$variant),*];

            /// The input's range, step, default, unit and keys.
            pub const fn spec(self) -> Spec {
                match self {
                    $(Input::$variant => Spec {
                        id: $id,
                        key: $key,
                        group: Group::$group,
                        unit: $unit,
                        min: $min,
                        max: $max,
                        step: $step,
                        default: $default,
                    },)*
                }
            }

            pub fn get(self, inputs: &Inputs) -> f64 {
                match self {
                    $(Input::$variant => inputs.$field,)*
                }
            }

            fn slot(self, inputs: &mut Inputs) -> &mut f64 {
                match self {
                    $(Input::$variant => &mut inputs.$field,)*
                }
            }
        }

        impl Default for Inputs {
            fn default() -> Self {
                Inputs {
                    $($field: $default,)*
                }
            }
        }
    };
}

inputs! {
    /// Who gains ground, from -1 (Russia advancing fast) to +1 (Ukraine
    /// advancing fast), at today's aid and support for Russia.
    Momentum, momentum, "mo", "momentum", Battlefield,
        "index, -1 to +1", [-1.0, 1.0, 0.05], 0.05;
    /// What a month of war costs both sides, from 0 (a quiet front) to 1
    /// (the costliest months so far).
    Attrition, attrition, "at", "attrition", Battlefield,
        "index, 0 to 1", [0.0, 1.0, 0.05], 0.8;
    /// Western military and financial aid, from 0 (none) to 1 (everything asked for).
    Aid, aid, "ai", "aid", Western,
        "index, 0 to 1", [0.0, 1.0, 0.05], 0.55;
    /// Post-war Western presence proposed for Ukraine, as a rung of the
    /// presence ladder (0 to 5, named in the catalogue as `rung.0` to
    /// `rung.5`).
    Presence, presence, "pr", "presence", Western,
        "rung of the presence ladder, 0 to 5", [0.0, 5.0, 1.0], 3.0;
    /// Months until Western support has halved if nothing renews it.
    SupportHalfLife, support_half_life, "sp", "staying", Western,
        "months until support halves", [6.0, 120.0, 6.0], 36.0;
    /// Outside pressure on both sides to sign a ceasefire, 0 (none) to 1
    /// (deadlines and threats). It makes a deal likelier and, once signed,
    /// likelier to break down (Werner and Yuen 2005).
    Pressure, pressure, "ps", "pressure", Western,
        "index, 0 to 1", [0.0, 1.0, 0.05], 0.6;
    /// Russia's war aims, from 0 (a ceasefire on the current line) to 1
    /// (its full stated conditions on territory and Ukraine's status; a
    /// foreign presence is left to `tolerance`, so it is counted once).
    RussianAims, russian_aims, "ra", "russian_aims", Russian,
        "index, 0 (the current line) to 1 (full stated conditions)", [0.0, 1.0, 0.05], 0.75;
    /// Moscow's stated line: the highest rung of Western presence it says
    /// it would accept (0 to 5). Its real line is drawn from `credibility`.
    Tolerance, tolerance, "to", "tolerance", Russian,
        "highest rung Moscow says it accepts, 0 to 5", [0.0, 5.0, 1.0], 0.0;
    /// How well Russia absorbs losses and strain, 0 to 1: a tolerant side
    /// feels a stalemate less and concedes less when losing ground.
    LossTolerance, loss_tolerance, "lt", "losses", Russian,
        "index, 0 to 1", [0.0, 1.0, 0.05], 0.8;
    /// Outside military support for Russia (shells, missiles, drones,
    /// troops), from 0 (none) to 1 (the most a partner could give), in the
    /// same form as Western aid.
    RussianSupport, russian_support, "rs", "russian_support", Russian,
        "index, 0 to 1", [0.0, 1.0, 0.05], 0.5;
    /// How readily Moscow answers a crossed line or a collapsing front
    /// with force, 0 to 1.
    EscalationPropensity, escalation_propensity, "ep", "escalation", Russian,
        "index, 0 to 1", [0.0, 1.0, 0.05], 0.35;
    /// Ukraine's war aims, from 0 (a ceasefire on the current line, with
    /// resilience and security first) to 1 (full territorial recovery and
    /// its full stated terms).
    Aims, aims, "ua", "aims", Ukrainian,
        "index, 0 (the current line) to 1 (full stated conditions)", [0.0, 1.0, 0.05], 0.4;
    /// The same as Russia's tolerance of losses, for Ukraine (including
    /// the strain on its manpower), 0 to 1.
    UkraineLossTolerance, ukraine_loss_tolerance, "ul", "ua_losses", Ukrainian,
        "index, 0 to 1", [0.0, 1.0, 0.05], 0.5;
    /// How many months ahead the model looks.
    Horizon, horizon, "ho", "horizon", Advanced,
        "months", [6.0, 120.0, 6.0], 36.0;
    /// How wide the uncertainty about every parameter is, 0 (none) to 1 (very wide).
    Uncertainty, uncertainty, "un", "uncertainty", Advanced,
        "index, 0 to 1", [0.0, 1.0, 0.05], 0.5;
    /// The chance that Moscow's stated line is its real one. Otherwise the
    /// real line lies one rung higher, with the same chance again of
    /// stopping there, and so on (a geometric prior; docs/MODEL.md §8.4).
    /// Inputs added in version 3 follow: a link's `ref=` lists inputs in
    /// this order, so older links keep their positions.
    Credibility, credibility, "cr", "credibility", Russian,
        "chance, 0 to 1", [0.0, 1.0, 0.05], 0.5;
    /// Months until outside support for Russia has halved if nothing
    /// renews it: the same form as Western staying power.
    RussianSupportHalfLife, russian_support_half_life, "rh", "russian_staying", Russian,
        "months until support halves", [6.0, 120.0, 6.0], 60.0;
    /// Kyiv's stated line: the worst terms it says it would sign, on the
    /// terms scale (0 all of Moscow's stated conditions, 0.5 a ceasefire
    /// on the current line, 1 all of Kyiv's).
    KyivLine, kyiv_line, "kl", "kyiv_line", Ukrainian,
        "terms, 0 (Moscow's conditions) to 1 (Kyiv's)", [0.0, 1.0, 0.05], 0.5;
    /// The chance that Kyiv's stated line is its real one, in the same
    /// form as Moscow's (`credibility`), a fifth of the terms scale a step.
    KyivCredibility, kyiv_credibility, "kc", "kyiv_credibility", Ukrainian,
        "chance, 0 to 1", [0.0, 1.0, 0.05], 0.5;
    /// The chance each month, in percent, that the coalition revises or
    /// defers its proposed presence down to Moscow's stated line while the
    /// fighting lasts (as the 1953 armistice put foreign forces off to a
    /// later conference).
    Revision, revision, "rv", "revision", Western,
        "percent a month, 0 to 10", [0.0, 10.0, 0.5], 1.5;
    /// Assurances offered to Moscow: limits on forces, arms control,
    /// sanctions relief, from 0 (none) to 1 (all it asks). Moscow's
    /// counterpart of Kyiv's guarantee, in the same form.
    Assurance, assurance, "as", "assurance", Western,
        "index, 0 to 1", [0.0, 1.0, 0.05], 0.45;
    /// How readily Western states answer an incident or a collapsing
    /// Ukrainian front with force, 0 to 1: the counterpart of Moscow's.
    WestEscalation, west_escalation, "we", "west_escalation", Western,
        "index, 0 to 1", [0.0, 1.0, 0.05], 0.35;
    /// How much a crossed red line matters, either side's: one factor on
    /// every red-line term, 0 (none) to 2 (twice the central judgement).
    Severity, severity, "sv", "severity", Advanced,
        "factor, 0 to 2", [0.0, 2.0, 0.05], 1.0;
}

/// How many inputs are levers ([`Input::LEVERS`]).
const LEVER_COUNT: usize = {
    let mut count = 0;
    let mut k = 0;
    while k < Input::ALL.len() {
        if !Input::ALL[k].spec().group.is_setting() {
            count += 1;
        }
        k += 1;
    }
    count
};

impl Input {
    /// The levers: every input but the model settings
    /// ([`Group::is_setting`]), in slider order. These are what the
    /// sensitivity chart moves.
    pub const LEVERS: [Input; LEVER_COUNT] = {
        let mut out = [Input::Momentum; LEVER_COUNT];
        let (mut k, mut n) = (0, 0);
        while k < Input::ALL.len() {
            if !Input::ALL[k].spec().group.is_setting() {
                out[n] = Input::ALL[k];
                n += 1;
            }
            k += 1;
        }
        out
    };
}

impl Input {
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
/// value written to it (see the page's `decimal` module).
pub fn on_grid(value: f64) -> f64 {
    const GRID: f64 = 1e6;
    (value * GRID).round() / GRID
}

impl Spec {
    /// The value clamped into range and put on the grid ([`on_grid`]);
    /// NaN and infinities give the default.
    pub fn sanitize(&self, value: f64) -> f64 {
        if value.is_finite() {
            on_grid(clamp(value, self.min, self.max))
        } else {
            self.default
        }
    }

    pub fn is_valid(&self, value: f64) -> bool {
        value.is_finite() && (self.min..=self.max).contains(&value)
    }
}

/// Inputs the model may rely on: every value finite, in range and on the
/// grid. Only [`Valid::new`] makes one, by sanitizing every field, and
/// [`Valid::with`] keeps it valid. Every public function of the model
/// takes this type, and so does the page's state: raw inputs are made
/// valid once, where they arrive (a link, a preset, a story step, a test),
/// and never checked again.
///
/// The field is private, so nothing else can make one:
///
/// ```compile_fail
/// use red_lines_model::{Inputs, Valid};
/// let unchecked = Valid(Inputs { aid: f64::NAN, ..Inputs::default() });
/// ```
///
/// and there is no conversion that skips the sanitizing:
///
/// ```compile_fail
/// use red_lines_model::{Inputs, Valid};
/// let unchecked: Valid = Inputs::default().into();
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Valid(Inputs);

impl Valid {
    /// `inputs` with every value sanitized ([`Spec::sanitize`]): clamped
    /// into range and put on the grid, NaN and infinities at the default.
    pub fn new(inputs: &Inputs) -> Valid {
        let mut out = *inputs;
        for input in Input::ALL {
            input.set(&mut out, input.get(inputs));
        }
        Valid(out)
    }

    /// The same inputs with `input` set to `value`, sanitized: what a
    /// slider move does to the page's state.
    #[must_use]
    pub fn with(mut self, input: Input, value: f64) -> Valid {
        input.set(&mut self.0, value);
        self
    }
}

/// The defaults, which are valid (a unit test below checks it).
impl Default for Valid {
    fn default() -> Valid {
        Valid(Inputs::default())
    }
}

impl std::ops::Deref for Valid {
    type Target = Inputs;

    fn deref(&self) -> &Inputs {
        &self.0
    }
}

impl Inputs {
    /// The number of whole months simulated.
    pub fn months(&self) -> usize {
        let spec = Input::Horizon.spec();
        spec.sanitize(self.horizon).round() as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A new input is one row of the table: this module writes the table
    /// again with one row more, and everything the page and the link use
    /// knows of the new input.
    mod one_row_more {
        use super::super::{Group, Spec};
        use serde::{Deserialize, Serialize};

        inputs! {
            /// An existing input.
            Aid, aid, "ai", "aid", Western, "index, 0 to 1", [0.0, 1.0, 0.05], 0.55;
            /// The new one.
            Mediation, mediation, "md", "mediation", Western,
                "index, 0 to 1", [0.0, 1.0, 0.05], 0.25;
        }

        #[test]
        fn the_new_row_is_everywhere() {
            assert_eq!(Input::ALL, [Input::Aid, Input::Mediation]);
            let spec = Input::Mediation.spec();
            assert_eq!(
                (spec.id, spec.key, spec.group),
                ("mediation", "md", Group::Western)
            );
            let mut inputs = Inputs::default();
            assert_eq!(Input::Mediation.get(&inputs), 0.25);
            *Input::Mediation.slot(&mut inputs) = 0.5;
            assert_eq!(inputs.mediation, 0.5);
        }
    }

    #[test]
    fn levers_are_every_input_but_the_settings() {
        let settings = [Input::Horizon, Input::Uncertainty, Input::Severity];
        let expected: Vec<Input> = Input::ALL
            .into_iter()
            .filter(|i| !settings.contains(i))
            .collect();
        assert_eq!(Input::LEVERS.to_vec(), expected);
    }

    #[test]
    fn the_defaults_are_valid() {
        assert_eq!(Valid::default(), Valid::new(&Inputs::default()));
    }

    #[test]
    fn valid_sanitizes_every_field_and_each_move() {
        let raw = Inputs {
            momentum: f64::NAN,
            aid: 7.0,
            presence: -1.0,
            pressure: 0.123_456_789,
            horizon: f64::INFINITY,
            ..Inputs::default()
        };
        let valid = Valid::new(&raw);
        assert_eq!(valid.momentum, Input::Momentum.spec().default);
        assert_eq!(valid.aid, 1.0);
        assert_eq!(valid.presence, 0.0);
        assert_eq!(valid.pressure, 0.123_457);
        assert_eq!(valid.horizon, Input::Horizon.spec().default);
        let moved = valid
            .with(Input::Aid, -3.0)
            .with(Input::Attrition, f64::NAN);
        assert_eq!((moved.aid, moved.attrition), (0.0, 0.8));
        assert_eq!(Valid::new(&moved), moved, "valid stays valid");
    }

    #[test]
    fn every_key_and_id_is_unique() {
        for (n, a) in Input::ALL.iter().enumerate() {
            for b in &Input::ALL[n + 1..] {
                assert_ne!(a.spec().key, b.spec().key);
                assert_ne!(a.spec().id, b.spec().id);
            }
        }
    }
}
