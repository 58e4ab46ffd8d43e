//! The page: Leptos components that render what the model returns.
//!
//! State lives in one place, a [`Page`] of signals created by [`App`];
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
mod page;
mod share;
mod story;

use crate::state;
use leptos::prelude::*;

pub use controls::Slider;
pub use page::Page;

/// The whole explorer.
#[component]
pub fn App() -> impl IntoView {
    let page = Page::from_address_bar();
    let Page {
        outcome, notices, ..
    } = page;
    let results = NodeRef::new();
    let approach = lazy::use_approach(results);
    // An embed is sized to its content, so its figures load at once.
    let embed = page.view.with_untracked(|v| v.embed);

    view! {
        <i18n::LanguageSwitch view=page.view/>
        <Notices notices/>
        <main class="layout">
            <headline::Headline page>
                <compare::CompareControl page/>
            </headline::Headline>
            <aside class="panel" aria-label=i18n::tr("panel.label")>
                <headline::MiniHeadline outcome/>
                <story::Story page/>
                <controls::Presets inputs=page.inputs/>
                <share::Share page/>
                <controls::Controls inputs=page.inputs/>
            </aside>
            // Focusable by the skip link only (tabindex -1): following it
            // moves focus into the figures, so the next Tab starts there
            // even while a figure is still on its way.
            <section id="results" class="figures" tabindex="-1" aria-label=i18n::tr("figures.label") node_ref=results>
                {lazy::later(move || embed || approach.wanted(page.engaged), move || {
                    // Their text is in the rest of English: fetch both at once.
                    i18n::want_rest();
                    figures::figures(page)
                })}
            </section>
        </main>
        <about::About/>
        <glossary::TermTip/>
        {embed::full_link(page)}
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
