//! The two sides in the same form: swapping every input of Kyiv's side
//! with its counterpart of Moscow's (and turning the front around)
//! mirrors the hazards, except for three named asymmetries
//! (docs/MODEL.md §14):
//!
//! 1. **The presence ladder.** A post-war Western force has no Russian
//!    counterpart, and Moscow's line is about it; Kyiv's line is about
//!    terms. Both lines are left out here (no presence, severity 0).
//! 2. **The guarantees.** Kyiv's guarantee is drawn from the presence and
//!    from aid that lasts; the assurances to Moscow are a lever. The
//!    mirror gives Moscow Kyiv's guarantee as its assurance, and sets
//!    the other side's aid so that Kyiv's guarantee is Moscow's old one.
//! 3. **Today's levels of support.** Western aid (0.55) and outside
//!    support for Russia (0.5) are read against different levels today,
//!    and each fades toward none; so momentum mirrors exactly in the
//!    current month, which is the month compared.

use super::draw::DrawParams;
use super::world::{WarMonth, World};
use crate::draws::{make_draws, DIMENSIONS};
use crate::inputs::{Inputs, Valid};

/// Kyiv's side swapped with Moscow's. `i.assurance` must be what the
/// mirror's own guarantee comes to (see [`with_matching_assurance`]).
fn mirror(i: &Inputs, guarantee: f64) -> Inputs {
    Inputs {
        momentum: -i.momentum,
        // Each side's support, as a deviation from today's level, swapped.
        aid: i.russian_support + 0.05,
        russian_support: i.aid - 0.05,
        support_half_life: i.russian_support_half_life,
        russian_support_half_life: i.support_half_life,
        loss_tolerance: i.ukraine_loss_tolerance,
        ukraine_loss_tolerance: i.loss_tolerance,
        aims: i.russian_aims,
        russian_aims: i.aims,
        escalation_propensity: i.west_escalation,
        west_escalation: i.escalation_propensity,
        assurance: guarantee,
        ..*i
    }
}

/// The world of `i` and of its mirror, with the assurances set so that
/// each side's guarantee is the other's in the mirror.
fn pair(i: &Inputs) -> (World, World) {
    let i = Inputs {
        presence: 0.0,
        severity: 0.0,
        credibility: 1.0,
        kyiv_credibility: 1.0,
        ..*i
    };
    // Kyiv's guarantee in the mirror, from the mirror's aid.
    let world = |i: &Inputs| World::new(&Valid::new(i), 52.0);
    let mirrored_guarantee = world(&mirror(&i, 0.0)).guarantee(0.0);
    let i = Inputs {
        assurance: mirrored_guarantee,
        ..i
    };
    let guarantee = world(&i).guarantee(0.0);
    (world(&i), world(&mirror(&i, guarantee)))
}

/// The first month's hazards of a draw: signing, escalation, the terms,
/// and a ceasefire's breakdown scale.
fn first_month(w: &World, d: &DrawParams) -> (WarMonth, f64) {
    let mut path = Vec::new();
    w.war_path(d, &mut path);
    let mut m = path[0];
    m.settle *= d.stands.settle_scale;
    (m, d.stands.ceasefire.breakdown_scale)
}

#[test]
fn swapping_the_sides_mirrors_the_hazards() {
    let draws = make_draws(11, 40);
    let cases = [
        Inputs::default(),
        Inputs {
            momentum: 0.6,
            aims: 0.9,
            russian_aims: 0.3,
            loss_tolerance: 0.2,
            ukraine_loss_tolerance: 0.9,
            escalation_propensity: 0.8,
            west_escalation: 0.1,
            aid: 0.3,
            russian_support: 0.7,
            support_half_life: 12.0,
            russian_support_half_life: 96.0,
            ..Inputs::default()
        },
        Inputs {
            momentum: -0.9,
            attrition: 1.0,
            pressure: 0.0,
            ..Inputs::default()
        },
    ];
    for i in cases {
        let (a, b) = pair(&i);
        for z in draws.iter().chain([&[0.0; DIMENSIONS]]) {
            // The mirror turns the drawn front around and swaps the draws
            // of the two sides' readiness.
            let mut zb = *z;
            zb[0] = -zb[0];
            zb.swap(2, 9);
            let (da, db) = (a.draw(z), b.draw(&zb));
            let ((ma, ba), (mb, bb)) = (first_month(&a, &da), first_month(&b, &db));
            // Inputs are kept on a grid of a millionth (`on_grid`), so the
            // guarantee handed over as an assurance is rounded there.
            let close = |x: f64, y: f64| (x - y).abs() <= 1e-6 * x.abs().max(y.abs());
            assert!(
                close(ma.settle, mb.settle),
                "signing {} vs {}",
                ma.settle,
                mb.settle
            );
            assert!(
                close(ma.escalate, mb.escalate),
                "escalation {} vs {}",
                ma.escalate,
                mb.escalate
            );
            assert!(
                close(ma.terms, 1.0 - mb.terms),
                "terms {} vs {}",
                ma.terms,
                mb.terms
            );
            assert!(close(ba, bb), "breakdown {ba} vs {bb}");
        }
    }
}
