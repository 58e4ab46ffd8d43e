//! Embed mode (`?embed=1&show=headline,chasm`): the page inside another
//! site's iframe, without its chrome, showing only the chosen parts, with
//! a link back to the full explorer. It tells its parent its height in
//! pym.js's message format, so a host page using pym.js, or the few lines
//! of script in our embed code, sizes the iframe to fit.
//!
//! The page listens to no message: nothing a host page (or any other
//! window) posts to it can change what it shows.

use super::i18n::texts;
use crate::model::Valid;
use crate::state::{self, share, Part, View};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The id of the height messages when pym.js gave the frame none.
const DEFAULT_ID: &str = "red-lines";

/// A link to this page showing `inputs` and `view`, in embed mode if
/// `embed`. Built from the state rather than the address bar, so it is
/// right even while the address bar waits to catch up after a drag.
pub fn link(inputs: &Valid, view: &View, embed: bool) -> String {
    let location = gloo::utils::window().location();
    let view = View {
        embed,
        ..view.clone()
    };
    format!(
        "{}{}?{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default(),
        state::encode(inputs, &view)
    )
}

/// Sets embed mode up, if `view` asks for it: `data-embed` on `<html>`
/// lists the parts to show (the stylesheet hides the rest and the
/// chrome), and a frame reports its height to its parent. An embedded
/// story step (`&story=N`) keeps its panel, so a lesson's page can show
/// the step's caption beside its numbers.
pub fn start(view: &View) {
    if !view.embed {
        return;
    }
    let mut parts: Vec<&str> = Part::ALL
        .into_iter()
        .filter(|p| view.shows(*p))
        .map(Part::id)
        .collect();
    if view.story.is_some() {
        parts.push("story");
    }
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = root.set_attribute("data-embed", &parts.join(" "));
    }
    report_height();
}

/// Posts `pymxPYMx<id>xPYMxheightxPYMx<px>` to the parent whenever the
/// body's height changes, starting with the first layout. A
/// ResizeObserver reports at most once a frame, after layout, so a burst
/// of changes sends one message. A top-level page has no parent to tell.
fn report_height() {
    let window = gloo::utils::window();
    let Some(parent) = window.parent().ok().flatten() else {
        return;
    };
    if JsValue::from(&parent) == JsValue::from(&window) {
        return;
    }
    let id = state::frame_id(&super::browser::query()).unwrap_or_else(|| DEFAULT_ID.into());
    let body = gloo::utils::body();
    let target = body.clone();
    let mut sent = -1;
    let send = Closure::<dyn FnMut()>::new(move || {
        let height = target.offset_height();
        if height != sent {
            sent = height;
            let message = format!("pymxPYMx{id}xPYMxheightxPYMx{height}");
            let _ = parent.post_message(&JsValue::from_str(&message), "*");
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(send.as_ref().unchecked_ref()) {
        observer.observe(&body);
    }
    // The observer lives as long as the page.
    send.forget();
}

/// In embed mode, the way out: the same state in the full explorer, in a
/// new tab. Nothing outside embed mode.
pub fn full_link(page: super::Page) -> Option<impl IntoView> {
    let super::Page { inputs, view, .. } = page;
    view.with_untracked(|v| v.embed).then(|| {
        let t = texts();
        let html = move || {
            let href = view.with(|v| link(&inputs.get(), v, false));
            t.with(|t| share::full_link_html(t, &href))
        };
        view! { <footer class="embed-foot" inner_html=html></footer> }
    })
}
