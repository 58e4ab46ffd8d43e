//! The headline: the chance that a ceasefire holds, the risk of
//! escalation and where a ceasefire lands, their ranges, the pair of
//! Moscow's lines that decides the first, and why they are what they are.

use crate::i18n::Catalog;
use crate::model::{Input, Outcome};
use crate::text;
use leptos::prelude::*;

use super::browser::after_pause;
use super::glossary::rich;
use super::i18n::{texts, tr};

/// Screen readers hear the new numbers once the reader pauses, not on
/// every step of a drag.
const ANNOUNCE_DELAY_MS: u32 = 800;

#[component]
pub fn Headline(
    page: super::Page,
    /// The comparison control, under the numbers it changes.
    children: Children,
) -> impl IntoView {
    let super::Page {
        outcome,
        reference,
        moved,
        ..
    } = page;
    let t = texts();
    let announcement = announcer(outcome, reference);

    // Every number and sentence reads the catalogue, so a language
    // switch re-renders them with the right words and decimal marks.
    let percent = move |pick| percent_of(t, outcome, pick);
    let range = move |pick: fn(&Outcome) -> &crate::model::Estimate| {
        move || {
            t.with(|t| {
                outcome.with(|o| {
                    text::terms::to_html(
                        &t.fill("headline.range", &[("range", &text::range(t, pick(o)))]),
                    )
                })
            })
        }
    };
    let what = move |key: &'static str| {
        move || t.with(|t| outcome.with(|o| t.fill(key, &[("months", &t.months(o.months as u32))])))
    };
    // The same words at the longest horizon, laid out unseen under them, so
    // a label never takes fewer lines (and moves what follows) when the
    // horizon shortens.
    let longest = move |key: &'static str| {
        let months = Input::Horizon.spec().max as u32;
        move || t.with(|t| t.fill(key, &[("months", &t.months(months))]))
    };
    let ceasefire = move || t.with(|t| outcome.with(|o| text::ceasefire_sentence(t, o)));
    let lines = move || t.with(|t| outcome.with(|o| text::lines_sentence(t, o)));
    let lines_room = move || t.with(text::lines_room);
    // B against the kept view A, under each number; empty when not comparing.
    let delta = move |pick: fn(&Outcome) -> f64| {
        move || {
            t.with(|t| {
                reference.with(|a| {
                    a.as_ref()
                        .map(|a| outcome.with(|b| text::delta(t, pick(b), pick(a))))
                        .unwrap_or_default()
                })
            })
        }
    };
    let reasons = move || {
        t.with(|t| {
            outcome.with(|o| {
                text::explain(t, o)
                    .into_iter()
                    .map(|s| view! { <p>{s}</p> })
                    .collect_view()
            })
        })
    };
    view! {
        <section class="headline" aria-labelledby="headline-title">
            <h2 id="headline-title" class="visually-hidden">{tr("headline.title")}</h2>
            <div class="numbers">
                <div class="number settle" data-testid="settlement">
                    <span class="big">{percent(|o| o.settlement.mean)}</span>
                    <span class="range" inner_html=range(|o| &o.settlement)></span>
                    <span class="delta" data-testid="settlement-delta">{delta(|o| o.settlement.mean)}</span>
                    <span class="what">{what("headline.settlement")}</span>
                    <span class="what-room" aria-hidden="true">{longest("headline.settlement")}</span>
                    <span class="lines" data-testid="lines">{lines}</span>
                    <span class="lines-room" aria-hidden="true">{lines_room}</span>
                </div>
                <div class="number escalate" data-testid="escalation">
                    <span class="big">{percent(|o| o.escalation.mean)}</span>
                    <span class="range" inner_html=range(|o| &o.escalation)></span>
                    <span class="delta" data-testid="escalation-delta">{delta(|o| o.escalation.mean)}</span>
                    <span class="what">{what("headline.escalation")}</span>
                    <span class="what-room" aria-hidden="true">{longest("headline.escalation")}</span>
                </div>
                <TermsNumber outcome reference/>
            </div>
            {children()}
            <div class="why" data-testid="why">
                <p class="moved" data-testid="moved">
                    {move || t.with(|t| moved.with(|m| m.as_ref().map(|e| text::moved_sentence(t, e)).unwrap_or_default()))}
                </p>
                {reasons}
            </div>
            <p class="durability" data-testid="ceasefire">{ceasefire}</p>
            <p class="definition" inner_html=rich("headline.definition")></p>
            <p class="visually-hidden" aria-live="polite" aria-atomic="true">{move || announcement.get()}</p>
        </section>
    }
}

/// What the headline says to a screen reader once the reader pauses: both
/// sentences, and B against A when comparing. Keeping or clearing a view A
/// is announced too.
fn announcer(outcome: Memo<Outcome>, reference: Memo<Option<Outcome>>) -> RwSignal<String> {
    let t = texts();
    let announcement = RwSignal::new(String::new());
    let mut announce = after_pause(ANNOUNCE_DELAY_MS, move |message| announcement.set(message));
    Effect::new(move |previous: Option<()>| {
        let o = outcome.get();
        reference.track();
        if previous.is_none() {
            return;
        }
        let message = t.with_untracked(|t| {
            let versus = |pick: fn(&Outcome) -> f64| {
                reference.with_untracked(|a| {
                    a.as_ref()
                        .map(|a| format!(" ({})", text::delta(t, pick(&o), pick(a))))
                        .unwrap_or_default()
                })
            };
            let terms_versus = reference.with_untracked(|a| {
                a.as_ref()
                    .map(|a| format!(" ({})", text::terms_delta(t, o.terms.mean, a.terms.mean)))
                    .unwrap_or_default()
            });
            format!(
                "{}{}. {}{}. {}{terms_versus}",
                text::settlement_sentence(t, &o),
                versus(|o| o.settlement.mean),
                text::escalation_sentence(t, &o),
                versus(|o| o.escalation.mean),
                text::terms_sentence(t, &o),
            )
        });
        announce(message);
    });

    announcement
}

/// The third number: where a ceasefire signed within the horizon lands
/// on the terms scale, out of 100, with its range, B against A when
/// comparing, and what the scale's ends and middle mean.
#[component]
fn TermsNumber(outcome: Memo<Outcome>, reference: Memo<Option<Outcome>>) -> impl IntoView {
    let t = texts();
    let part = move |pick: fn((String, String, String)) -> String| {
        move || t.with(|t| outcome.with(|o| pick(text::terms_parts(t, o.terms.mean))))
    };
    let range = move || {
        t.with(|t| {
            outcome.with(|o| {
                let range = text::terms_range(&o.terms);
                text::terms::to_html(&t.fill("headline.range", &[("range", &range)]))
            })
        })
    };
    let delta = move || {
        t.with(|t| {
            reference.with(|a| {
                a.as_ref()
                    .map(|a| outcome.with(|b| text::terms_delta(t, b.terms.mean, a.terms.mean)))
                    .unwrap_or_default()
            })
        })
    };
    let what = move || {
        t.with(|t| {
            outcome.with(|o| t.fill("headline.terms", &[("months", &t.months(o.months as u32))]))
        })
    };
    let longest = move || {
        let months = Input::Horizon.spec().max as u32;
        t.with(|t| t.fill("headline.terms", &[("months", &t.months(months))]))
    };
    view! {
        <div class="number terms" data-testid="terms">
            <span class="big">
                {part(|p| p.0)}{part(|p| p.1)}<span class="scale">{part(|p| p.2)}</span>
            </span>
            <span class="range" inner_html=range></span>
            <span class="delta" data-testid="terms-delta">{delta}</span>
            <span class="what">{what}</span>
            <span class="what-room" aria-hidden="true">{longest}</span>
        </div>
    }
}

/// A compact copy of the numbers that stays in view on a phone while
/// the reader scrolls through the sliders. Hidden from assistive
/// technology: the full headline already says the same.
#[component]
pub fn MiniHeadline(outcome: Memo<Outcome>) -> impl IntoView {
    let t = texts();
    let percent = move |pick| percent_of(t, outcome, pick);
    let terms = move || t.with(|t| outcome.with(|o| text::terms_value(t, o.terms.mean)));
    view! {
        <div class="mini-headline" aria-hidden="true">
            <span class="settle">{tr("headline.mini_settlement")} " " <b>{percent(|o| o.settlement.mean)}</b></span>
            <span class="escalate">{tr("headline.mini_escalation")} " " <b>{percent(|o| o.escalation.mean)}</b></span>
            <span class="terms">{tr("headline.mini_terms")} " " <b>{terms}</b></span>
        </div>
    }
}

/// One number of the outcome (`pick`) as a percentage in the page's
/// language, for both headlines.
fn percent_of(
    t: RwSignal<Catalog>,
    outcome: Memo<Outcome>,
    pick: fn(&Outcome) -> f64,
) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    move || t.with(|t| outcome.with(|o| t.percent(pick(o))))
}
