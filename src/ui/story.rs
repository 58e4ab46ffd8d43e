//! Story mode on the page: the button that starts it and the panel that
//! walks through the steps of [`crate::story`]. Entering a step puts its
//! settings on the sliders; moving a slider afterwards keeps the panel
//! and offers the way back to the step's settings.
//!
//! Every text, flag and click below goes through one of three closure
//! makers fed plain functions, so each kind compiles once: the WebAssembly
//! grows by one closure per kind, not one per use.

use super::i18n::{texts, tr};
use crate::i18n::Catalog;
use crate::model::dependence;
use crate::state::View;
use crate::story::{step, steps, Step};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Focuses the element with this id once the page has updated (the
/// view's effects run as microtasks, before any timer), trying again for
/// up to two seconds while the panel's module is still on its way.
fn focus_soon(id: &'static str) {
    focus_after(id, 0, 40);
}

/// Looks for `id` after `delay_ms` and focuses it; while it is missing,
/// looks again up to `tries` more times, `RETRY_MS` apart.
fn focus_after(id: &'static str, delay_ms: u32, tries: u32) {
    const RETRY_MS: u32 = 50;
    gloo::timers::callback::Timeout::new(delay_ms, move || {
        let found = gloo::utils::document().get_element_by_id(id);
        if found.is_none() && tries > 0 {
            return focus_after(id, RETRY_MS, tries - 1);
        }
        if let Some(element) = found {
            // In the one-column layout (style/main.css) the panel may sit
            // partly below the fold: bring the step to the top.
            let width = gloo::utils::window().inner_width().ok();
            let one_column = |w: f64| w < crate::layout::TWO_COLUMNS_MIN_WIDTH;
            if width.and_then(|w| w.as_f64()).is_some_and(one_column) {
                element.scroll_into_view();
            }
            let _ = element.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    })
    .forget();
}

/// The step on screen, 0 outside story mode.
fn at(v: &View) -> usize {
    v.story.unwrap_or(0)
}

/// The text of the step on screen under `key` ([`Step::title_key`] or
/// [`Step::caption_key`]); empty outside story mode.
fn step_text(t: &Catalog, v: &View, key: fn(&Step) -> String) -> String {
    step(at(v))
        // A caption is empty until the rest of English arrives.
        .map(|s| t.find(&key(&s)).unwrap_or_default().to_owned())
        .unwrap_or_default()
}

/// Which assumption the step's figure rests on, and the range across it;
/// empty for a step whose figure no one assumption moves much. Worked out
/// for the step's own settings, once per step.
fn depends_text(t: &Catalog, v: &View) -> String {
    step(at(v))
        .and_then(|s| dependence(&s.inputs))
        .map(|d| crate::text::dependence_sentence(t, &d))
        .unwrap_or_default()
}

/// The click handler that goes to the step `f` picks from the current one
/// (its settings on the sliders, its title in focus), or leaves story mode
/// when `f` picks none.
fn go(page: super::Page, f: fn(usize) -> Option<usize>) -> impl Fn(leptos::ev::MouseEvent) + Copy {
    let super::Page { inputs, view, .. } = page;
    move |_| match f(view.with_untracked(at)).and_then(|n| step(n).map(|s| (n, s))) {
        Some((n, s)) => {
            inputs.set(s.inputs);
            view.update(|v| v.story = Some(n));
            focus_soon("story-title");
        }
        None => {
            view.update(|v| v.story = None);
            focus_soon("story-open");
        }
    }
}

/// The button that starts story mode, and the panel, whose module loads
/// the first time a reader opens the story (or a link opens it at a step).
#[component]
pub fn Story(page: super::Page) -> impl IntoView {
    let view = page.view;
    let t = texts();
    view! {
        <button type="button" id="story-open" class="story-start" hidden=move || view.with(|v| at(v) > 0) on:click=go(page, |_| Some(1))>
            {move || t.with(|t| t.fill("story.open", &[("n", &steps().len().to_string())]))}
        </button>
        {super::lazy::later(move || view.with(|v| v.story.is_some()), move || panel(page))}
    }
}

super::lazy::on_demand! {
    /// The story panel: where the reader is, the step's words and what it
    /// depends on, and the way on, back or out.
    fn panel(page: super::Page) -> AnyView {
        steps_panel(page).into_any()
    }
}

fn steps_panel(page: super::Page) -> impl IntoView {
    let super::Page { inputs, view, .. } = page;
    let t = texts();
    let total = steps().len();
    let text = move |f: fn(&Catalog, &View) -> String| move || view.with(|v| t.with(|t| f(t, v)));
    let flag = move |f: fn(usize, usize) -> bool| move || view.with(|v| f(at(v), total));
    let click = move |f: fn(usize) -> Option<usize>| go(page, f);
    let on_step = move || {
        let here = view.with(|v| step(at(v)));
        here.is_none_or(|s| inputs.with(|i| *i == s.inputs))
    };
    view! {
        <section class="story" aria-labelledby="story-title" hidden=flag(|n, _| n == 0)>
            <p class="story-count">
                {text(|t, v| {
                    let (n, total) = (at(v).to_string(), steps().len().to_string());
                    t.fill("story.step", &[("n", &n), ("total", &total)])
                })}
            </p>
            <h2 id="story-title" tabindex="-1">{text(|t, v| step_text(t, v, Step::title_key))}</h2>
            <p aria-live="polite">{text(|t, v| step_text(t, v, Step::caption_key))}</p>
            <p class="story-depends" data-testid="story-depends">{text(depends_text)}</p>
            <p class="story-off" hidden=on_step>
                {tr("story.off")} " "
                <button type="button" on:click=click(Some)>{tr("story.back")}</button>
            </p>
            <div class="story-nav">
                <button type="button" disabled=flag(|n, _| n <= 1) on:click=click(|n| Some(n - 1))>
                    {tr("story.previous")}
                </button>
                <button type="button" disabled=flag(|n, total| n >= total) on:click=click(|n| Some(n + 1))>
                    {tr("story.next")}
                </button>
                // The link names the step (and a chosen language), so it
                // follows the step; the address bar holds the exact settings.
                <a href=text(|_, v| {
                    let lang = v.lang.map(|l| format!("&lang={}", l.code()));
                    format!("?story={}{}", at(v), lang.unwrap_or_default())
                })>{tr("story.link")}</a>
                <button type="button" on:click=click(|_| None)>{tr("story.exit")}</button>
            </div>
        </section>
    }
}
