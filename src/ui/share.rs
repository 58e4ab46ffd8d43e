//! The share panel: a link to what is on screen and an embed code for it,
//! each with a copy button, and both in fields a reader can select by
//! hand where the clipboard is out of reach.
//!
//! The panel is HTML from [`share::panel_html`], laid out again only when
//! the language changes; the two fields and the status line are then kept
//! up to date in place, and one listener per event handles every button
//! and checkbox. View code for the same panel costs several KiB more.

use super::embed::link;
use super::i18n::texts;
use crate::state::{share, Part, View};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// The panel, folded; nothing in embed mode, where it would be page
/// chrome. Its contents load, in a module of their own, the first time a
/// reader opens it.
#[component]
pub fn Share(page: super::Page) -> impl IntoView {
    let opened = RwSignal::new(false);
    (!page.view.with_untracked(|v| v.embed)).then(|| {
        view! {
            <details class="share" on:toggle=move |_| opened.set(true)>
                <summary>{super::i18n::tr("share.title")}</summary>
                {super::lazy::later(move || opened.get(), move || contents(page))}
            </details>
        }
    })
}

super::lazy::on_demand! {
    /// The open panel's fields, buttons and choices.
    fn contents(page: super::Page) -> AnyView {
        panel(page).into_any()
    }
}

/// The link and the embed code for the state on screen; `parts.show` is
/// what the embed shows. Reactive: it tracks what it reads.
fn texts_for(page: super::Page, parts: RwSignal<View>) -> [String; 2] {
    let super::Page { inputs, view, .. } = page;
    let v = View {
        show: parts.with(|p| p.show.clone()),
        ..view.get()
    };
    let origin = gloo::utils::window()
        .location()
        .origin()
        .unwrap_or_default();
    let src = link(&inputs.get(), &v, true);
    let code = texts().with(|t| {
        share::embed_code(
            &src,
            &origin,
            t.get("share.frame_title"),
            share::height(&v.show),
        )
    });
    [link(&inputs.get(), &v, false), code]
}

fn panel(page: super::Page) -> impl IntoView {
    let t = texts();
    // The parts the embed shows (only `show` is used): a View, whose
    // signal type the page has anyway, costs less download than a new one.
    let parts = RwSignal::new(View {
        show: vec![Part::Headline, Part::Outcomes],
        ..View::default()
    });
    let html = move || {
        let [url, code] = untrack(|| texts_for(page, parts));
        let show = parts.with_untracked(|p| p.show.clone());
        t.with(|t| share::panel_html(t, &url, &code, &show))
    };
    Effect::new(move |_| {
        let [url, code] = texts_for(page, parts);
        set("share-link", "value", &url);
        set("share-code", "value", &code);
    });
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let [url, code] = untrack(|| texts_for(page, parts));
        match attribute(&ev, "data-copy").as_deref() {
            Some("link") => copy(&url, "share.copied_link", "share-link"),
            Some("code") => copy(&code, "share.copied_code", "share-code"),
            _ => {}
        }
    };
    let on_change = move |ev: leptos::ev::Event| {
        let id = attribute(&ev, "data-part");
        if let Some(part) = Part::ALL
            .into_iter()
            .find(|p| Some(p.id()) == id.as_deref())
        {
            parts.update(|p| share::toggle(&mut p.show, part));
        }
    };
    view! { <div inner_html=html on:click=on_click on:change=on_change></div> }
}

/// The attribute `name` of the element an event happened on.
fn attribute(ev: &web_sys::Event, name: &str) -> Option<String> {
    ev.target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .get_attribute(name)
}

/// Sets a property (`value`, `textContent`) of the element with `id`.
fn set(id: &str, property: &str, value: &str) {
    if let Some(element) = gloo::utils::document().get_element_by_id(id) {
        let _ = web_sys::js_sys::Reflect::set(&element, &property.into(), &value.into());
    }
}

/// Copies `text` and says so in the status line (`done` is a catalogue
/// key). Where the clipboard is out of reach (a page not served over
/// https, a refused permission) it selects the field `id` instead and
/// asks the reader to copy it.
fn copy(text: &str, done: &'static str, id: &'static str) {
    let say = |key: &str| {
        set(
            "share-status",
            "textContent",
            texts().with_untracked(|t| t.get(key).to_owned()).as_str(),
        )
    };
    say("");
    let fail = move || {
        if let Some(field) = gloo::utils::document().get_element_by_id(id) {
            // An input or a textarea: both have focus() and select().
            let field = field.unchecked_into::<web_sys::HtmlInputElement>();
            let _ = field.focus();
            field.select();
        }
        say("share.failed");
    };
    let navigator = gloo::utils::window().navigator();
    if !web_sys::js_sys::Reflect::has(&navigator, &JsValue::from_str("clipboard")).unwrap_or(false)
    {
        fail();
        return;
    }
    let written = navigator.clipboard().write_text(text);
    leptos::task::spawn_local(async move {
        match super::browser::settled(written).await {
            Some(_) => say(done),
            None => fail(),
        }
    });
}
