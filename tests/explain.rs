//! What moved the numbers (model::explain): the named mechanism is the one
//! that carried most of the change between two views, the shares add up to
//! the change, and moving one lever names the mechanism that lever works
//! through (docs/MODEL.md §9.3).
#![cfg(not(target_arch = "wasm32"))]

use red_lines::model::draws::stratified_draws;
use red_lines::model::simulate::{contributions, explain, headline, Mechanism};
use red_lines::model::{Input, Inputs, Valid};

/// The defaults and the defaults changed by `change`, each made valid.
fn moved(change: impl Fn(&mut Inputs)) -> (Valid, Valid) {
    let a = Inputs::default();
    let mut b = a;
    change(&mut b);
    (Valid::new(&a), Valid::new(&b))
}

/// A lever moved from the defaults, and the mechanism it should name.
type Case = (&'static str, fn(&mut Inputs), Mechanism);

#[test]
fn one_lever_names_the_mechanism_it_works_through() {
    let cases: [Case; 5] = [
        (
            "Moscow accepts the force",
            |i| i.tolerance = 3.0,
            Mechanism::RedLine,
        ),
        (
            "the force is dropped",
            |i| i.presence = 0.0,
            Mechanism::RedLine,
        ),
        (
            "Moscow's aims come down",
            |i| i.russian_aims = 0.25,
            Mechanism::Gap,
        ),
        (
            "the war hurts less",
            |i| i.attrition = 0.2,
            Mechanism::Ripeness,
        ),
        (
            "Russia readier to escalate",
            |i| i.escalation_propensity = 0.95,
            Mechanism::WarEscalation,
        ),
    ];
    for (what, change, expected) in cases {
        let (a, b) = moved(change);
        let e = explain(&a, &b).unwrap_or_else(|| panic!("{what}: nothing named"));
        assert_eq!(e.mechanism, expected, "{what}: {e:?}");
    }
}

#[test]
fn the_named_mechanism_carries_most_of_the_change() {
    for input in Input::ALL {
        let spec = input.spec();
        for value in [spec.min, spec.max] {
            let (a, b) = moved(|i| {
                input.set(i, value);
            });
            let parts = contributions(&a, &b);
            let size = |settle: f64, escalate: f64| settle.abs() + escalate.abs();
            match explain(&a, &b) {
                Some(e) => {
                    for p in &parts {
                        assert!(
                            size(p.settlement, p.escalation) <= size(e.settlement, e.escalation),
                            "{input:?}={value}: {p:?} beats {e:?}"
                        );
                    }
                }
                None => {
                    for p in &parts {
                        assert!(
                            size(p.settlement, p.escalation) < 0.0005,
                            "{input:?}={value}: {p:?}"
                        );
                    }
                }
            }
            if input != Input::Horizon {
                let (ha, hb) = (
                    headline(&a, stratified_draws()),
                    headline(&b, stratified_draws()),
                );
                let total: f64 = parts.iter().map(|p| p.settlement).sum();
                assert!((total - (hb.0 - ha.0)).abs() < 1e-9, "{input:?}={value}");
            }
        }
    }
}

#[test]
fn the_same_view_twice_names_nothing() {
    let a = Valid::default();
    assert_eq!(explain(&a, &a), None);
}
