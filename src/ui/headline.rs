//! The headline: the two numbers, their ranges, and why they are what they are.

use crate::model::Outcome;
use crate::text;
use leptos::prelude::*;

use super::browser::after_pause;

/// Screen readers hear the new numbers once the reader pauses, not on
/// every step of a drag.
const ANNOUNCE_DELAY_MS: u32 = 800;

#[component]
pub fn Headline(outcome: Memo<Outcome>) -> impl IntoView {
    let announcement = RwSignal::new(String::new());
    let mut announce = after_pause(ANNOUNCE_DELAY_MS, move |message| announcement.set(message));
    Effect::new(move |previous: Option<()>| {
        let o = outcome.get();
        if previous.is_none() {
            return;
        }
        let message = format!(
            "{}. {}.",
            text::settlement_sentence(&o),
            text::escalation_sentence(&o)
        );
        announce(message);
    });

    let range =
        |e: &crate::model::Estimate| format!("{}–{}", text::percent(e.p5), text::percent(e.p95));
    let settle = move || outcome.with(|o| text::percent(o.settlement.mean));
    let settle_range = move || outcome.with(|o| range(&o.settlement));
    let escalate = move || outcome.with(|o| text::percent(o.escalation.mean));
    let escalate_range = move || outcome.with(|o| range(&o.escalation));
    let months = move || outcome.with(|o| o.months);
    let durable = move || outcome.with(|o| text::percent(o.durability.mean));
    let reasons = move || {
        outcome.with(|o| {
            text::explain(o)
                .into_iter()
                .map(|s| view! { <p>{s}</p> })
                .collect_view()
        })
    };
    view! {
        <section class="headline" aria-labelledby="headline-title">
            <h2 id="headline-title" class="visually-hidden">"Results"</h2>
            <div class="numbers">
                <div class="number settle" data-testid="settlement">
                    <span class="big">{settle}</span>
                    <span class="range">"range " {settle_range}</span>
                    <span class="what">"chance of a negotiated settlement within " {months} " months"</span>
                </div>
                <div class="number escalate" data-testid="escalation">
                    <span class="big">{escalate}</span>
                    <span class="range">"range " {escalate_range}</span>
                    <span class="what">"risk of escalation to a direct NATO–Russia clash within " {months} " months"</span>
                </div>
            </div>
            <div class="why" data-testid="why">{reasons}</div>
            <p class="durability">
                "If a settlement is reached, the chance it holds five years: " {durable} "."
                " Ranges cover 90% of the model's uncertainty."
            </p>
            <p class="visually-hidden" aria-live="polite" aria-atomic="true">{move || announcement.get()}</p>
        </section>
    }
}

/// A compact copy of the two numbers that stays in view on a phone while
/// the reader scrolls through the sliders. Hidden from assistive
/// technology: the full headline already says the same.
#[component]
pub fn MiniHeadline(outcome: Memo<Outcome>) -> impl IntoView {
    view! {
        <div class="mini-headline" aria-hidden="true">
            <span class="settle">"Settlement " <b>{move || outcome.with(|o| text::percent(o.settlement.mean))}</b></span>
            <span class="escalate">"Escalation " <b>{move || outcome.with(|o| text::percent(o.escalation.mean))}</b></span>
        </div>
    }
}
