//! Numbers and sentences in plain words.

/// A probability as a percentage a reader can take in at a glance: whole
/// percent from 10% up, one decimal below, and "under 0.1%" near zero.
pub fn percent(p: f64) -> String {
    let v = 100.0
        * if p.is_finite() {
            p.clamp(0.0, 1.0)
        } else {
            0.0
        };
    if v > 0.0 && v < 0.1 {
        "under 0.1%".to_owned()
    } else if v < 9.95 {
        format!("{v:.1}%")
    } else {
        format!("{v:.0}%")
    }
}

use crate::model::{rung_name, Input, Inputs, Outcome};

/// A slider's current value in words, as the page shows beside it.
pub fn value_text(input: Input, inputs: &Inputs) -> String {
    let v = input.get(inputs);
    match input {
        Input::Momentum => {
            let pace = match v.abs() {
                a if a < 0.1 => return "Neither side gains ground".to_owned(),
                a if a < 0.35 => "slowly",
                a if a < 0.65 => "steadily",
                _ => "fast",
            };
            let side = if v < 0.0 { "Russia" } else { "Ukraine" };
            format!("{side} gains ground {pace}")
        }
        Input::Presence => format!("{} (rung {v:.0} of 5)", rung_name(v)),
        Input::Tolerance => {
            if v < 0.5 {
                "No Western presence at all (rung 0)".to_owned()
            } else {
                format!("Up to rung {v:.0}: {}", rung_name(v))
            }
        }
        Input::SupportHalfLife => format!("Halves in {v:.0} months"),
        Input::Horizon => format!("{v:.0} months"),
        Input::Aid => format!("{:.0}% of what Kyiv asks for", 100.0 * v),
        Input::Aims => match v {
            x if x < 0.2 => "Security and resilience first".to_owned(),
            x if x < 0.45 => "Leaning to security first".to_owned(),
            x if x < 0.6 => "Balanced between the two".to_owned(),
            x if x < 0.85 => "Leaning to territorial recovery".to_owned(),
            _ => "Full territorial recovery".to_owned(),
        },
        Input::Attrition
        | Input::LossTolerance
        | Input::EscalationPropensity
        | Input::Uncertainty => format!("{} ({v:.2})", level(v)),
    }
}

/// A 0–1 index in one word.
pub fn level(v: f64) -> &'static str {
    match v {
        x if x < 0.15 => "Very low",
        x if x < 0.4 => "Low",
        x if x < 0.6 => "Moderate",
        x if x < 0.85 => "High",
        _ => "Very high",
    }
}

/// "38% (27%–49%)": the mean and the 90% range of the draws.
pub fn with_range(e: &crate::model::Estimate) -> String {
    format!("{} ({}–{})", percent(e.mean), percent(e.p5), percent(e.p95))
}

fn rungs(n: f64) -> String {
    let n = n.abs().round();
    if n == 1.0 {
        "one rung".to_owned()
    } else {
        let word = ["no", "one", "two", "three", "four", "five"][(n as usize).min(5)];
        format!("{word} rungs")
    }
}

/// One or two sentences on what drives the numbers right now, most
/// important first. They describe the model's mechanics, not anyone's intent.
pub fn explain(outcome: &Outcome) -> Vec<String> {
    let i = &outcome.inputs;
    let d = &outcome.drivers;
    let mut out = Vec::new();
    if d.presence_gap >= 0.5 {
        out.push(format!(
            "Western presence is {} above what Moscow tolerates; in the model this raises escalation risk and blocks a deal.",
            rungs(d.presence_gap)
        ));
    } else if i.presence >= 0.5 {
        out.push(
            "Western presence stays within what Moscow tolerates, so it strengthens the guarantee without crossing a red line."
                .to_owned(),
        );
    } else if d.guarantee < 0.4 {
        out.push(
            "No Western troops means no red line is crossed, but Kyiv's only guarantee is aid, so fear of a renewed attack (the commitment problem) holds back a deal."
                .to_owned(),
        );
    }
    if d.momentum_at_horizon > 0.4 {
        out.push(
            "A collapsing Russian front raises the risk that a nuclear-armed state escalates."
                .to_owned(),
        );
    } else if d.ripeness >= 0.3 {
        out.push("Heavy costs with little movement on the front make a deal more attractive to both sides: a hurting stalemate.".to_owned());
    } else if i.momentum.abs() >= 0.35 {
        let side = if i.momentum < 0.0 {
            "Russia"
        } else {
            "Ukraine"
        };
        out.push(format!(
            "{side} is gaining ground and expects to win more by fighting, so the stalemate does not yet hurt enough for a deal."
        ));
    } else if d.bargaining_gap > 0.5 {
        out.push(
            "The sides' demands remain far apart, and fighting narrows that gap only slowly."
                .to_owned(),
        );
    } else {
        out.push("The sides' demands are close enough that a settlement becomes more likely month by month.".to_owned());
    }
    out.truncate(2);
    out
}

/// The headline sentence for settlement.
pub fn settlement_sentence(outcome: &Outcome) -> String {
    format!(
        "{} chance of a negotiated settlement within {} months",
        with_range(&outcome.settlement),
        outcome.months
    )
}

/// The headline sentence for escalation.
pub fn escalation_sentence(outcome: &Outcome) -> String {
    format!(
        "{} risk of escalation to a direct NATO–Russia clash within {} months",
        with_range(&outcome.escalation),
        outcome.months
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{presets, simulate};

    #[test]
    fn percentages_read_plainly() {
        assert_eq!(percent(0.384), "38%");
        assert_eq!(percent(0.0123), "1.2%");
        assert_eq!(percent(0.0), "0.0%");
        assert_eq!(percent(0.0004), "under 0.1%");
        assert_eq!(percent(f64::NAN), "0.0%");
        assert_eq!(percent(1.7), "100%");
    }

    #[test]
    fn presence_names_the_rung() {
        let inputs = Inputs {
            presence: 3.0,
            ..Inputs::default()
        };
        assert!(value_text(Input::Presence, &inputs).starts_with("Reassurance force"));
        assert!(value_text(Input::Tolerance, &inputs).contains("No Western presence"));
    }

    #[test]
    fn explanation_names_the_chasm_when_presence_exceeds_tolerance() {
        let coalition = presets()
            .into_iter()
            .find(|p| p.id == "coalition")
            .map(|p| p.inputs);
        let outcome = simulate(&coalition.unwrap_or_default());
        let text = explain(&outcome).join(" ");
        assert!(text.contains("three rungs above"), "{text}");
    }

    #[test]
    fn every_preset_gets_one_or_two_sentences() {
        for p in presets() {
            let n = explain(&simulate(&p.inputs)).len();
            assert!((1..=2).contains(&n), "{}: {n}", p.id);
        }
    }

    #[test]
    fn headline_sentences_carry_the_range_and_horizon() {
        let outcome = simulate(&Inputs::default());
        let s = settlement_sentence(&outcome);
        assert!(s.contains("within 36 months") && s.contains('–'), "{s}");
        assert!(escalation_sentence(&outcome).contains("NATO–Russia"));
    }
}
