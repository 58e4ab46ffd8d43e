//! The page: Leptos components that render what the model returns.
//!
//! State lives in one place, an `RwSignal<Inputs>` created by [`App`];
//! everything else is derived from it with memos, so a slider move
//! recomputes the model once and redraws only what changed.

mod about;
mod browser;
mod compare;
mod controls;
mod embed;
mod export;
mod figures;
mod glossary;
mod headline;
mod i18n;
mod lazy;
mod share;
mod story;

use crate::model::{self, Inputs};
use crate::state;
use leptos::prelude::*;

pub use controls::Slider;

/// How long a slider must rest before the page says what moved the
/// numbers: long enough to skip the steps of a drag, short enough to feel
/// immediate.
const EXPLAIN_DELAY_MS: u32 = 150;

/// The whole explorer.
#[component]
pub fn App() -> impl IntoView {
    let query = browser::query();
    let decoded = state::decode(&query);
    let inputs = RwSignal::new(crate::story::opening_inputs(&query, &decoded));
    embed::start(&decoded.view);
    let view = RwSignal::new(decoded.view);
    let notices = RwSignal::new(decoded.notices);
    browser::keep_url_in_step(inputs, view);
    i18n::provide_texts(view, notices);

    let outcome = Memo::new(move |_| model::simulate(&inputs.get()));
    // The kept view A of a comparison, run only when it changes.
    let kept = Memo::new(move |_| view.with(|v| v.reference));
    let reference = Memo::new(move |_| kept.get().map(|a| model::simulate(&a)));
    // What moved the numbers most from A to the sliders' view B: 16
    // counterfactual runs, so worked out once a drag pauses, not per step.
    let moved = RwSignal::new(None);
    let mut explain = browser::after_pause(EXPLAIN_DELAY_MS, move |(a, b): (Inputs, Inputs)| {
        leptos::task::spawn_local(async move {
            let found = compare::explanation(a, b).await;
            // A comparison cleared while this was on its way says nothing.
            if kept.get_untracked().is_some() {
                moved.set(found);
            }
        });
    });
    Effect::new(move |_| match kept.get() {
        Some(a) => explain((a, inputs.get())),
        None => moved.set(None),
    });
    let results = NodeRef::new();
    let near = lazy::use_approach(results);

    view! {
        <i18n::LanguageSwitch view/>
        <Notices notices/>
        <main class="layout">
            <headline::Headline outcome reference moved>
                <compare::CompareControl inputs view/>
            </headline::Headline>
            <aside class="panel" aria-label=i18n::tr("panel.label")>
                <headline::MiniHeadline outcome/>
                <story::Story inputs view/>
                <controls::Presets inputs/>
                <share::Share inputs view/>
                <controls::Controls inputs/>
            </aside>
            <section id="results" class="figures" aria-label=i18n::tr("figures.label") node_ref=results>
                {move || {
                    near.get().then(|| lazy::later(move || figures::figures(outcome, reference, inputs)))
                }}
            </section>
        </main>
        <about::About/>
        <glossary::TermTip/>
        {embed::full_link(inputs, view)}
    }
}

/// What a link could not use, in plain words, with a way to dismiss it.
#[component]
fn Notices(notices: RwSignal<Vec<state::Notice>>) -> impl IntoView {
    let t = i18n::texts();
    view! {
            <div class="notice" role="status" hidden=move || notices.with(Vec::is_empty)>
                <p>{i18n::tr("notice.title")}</p>
                <ul>
                    {move || {
                        let t = t.get();
                        notices
                            .get()
                            .into_iter()
                            .map(|n| view! { <li>{n.text(&t)}</li> })
                            .collect_view()
                    }}
                </ul>
                <button type="button" on:click=move |_| notices.set(Vec::new())>
                    {i18n::tr("notice.dismiss")}
                </button>
            </div>
    }
}

/// Starts the app in the page body, with a panic hook that shows a
/// friendly message and a reload link instead of a frozen page.
pub fn start() {
    browser::install_panic_hook();
    leptos::mount::mount_to_body(App);
    browser::register_service_worker();
}
