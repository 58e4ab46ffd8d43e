//! The glossary: technical terms in the page's text open their definition
//! in place, by tap, click, hover or keyboard.
//!
//! The definitions live once, in the glossary section of the about footer
//! (the catalogue's `gloss.html`); a term button (see [`crate::text::terms`])
//! copies its entry into one shared tip under the term. The tip is a live
//! region, so a screen reader hears the definition when it opens, and the
//! button's `aria-expanded` says whether it is open.
//!
//! One listener on the window serves every term on the page, whether it
//! was rendered before or after the listener: events bubble up to it, and
//! the button under them says which term they concern. A tip opened by
//! hover stays while the pointer is on the term or the tip, and closes
//! when it leaves them (WCAG 1.4.13); one opened by click, tap or keyboard
//! stays until the term is activated again, Escape is pressed, or the
//! reader clicks elsewhere.

use crate::text::terms;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlElement, KeyboardEvent, MouseEvent};

use super::i18n::texts;

/// The id of the one tip the terms share.
const TIP: &str = "term-tip";

/// Catalogue text with its term marks made buttons, for `inner_html`.
/// Re-renders when the language changes.
pub fn rich(key: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let t = texts();
    move || t.with(|t| terms::to_html(t.get(key)))
}

thread_local! {
    /// A term asked for before the glossary was on the page (it is in the
    /// rest of English, which waits for the reader), and whether by
    /// hover: opened once the glossary arrives.
    static PENDING: std::cell::RefCell<Option<(Element, bool)>> = const { std::cell::RefCell::new(None) };
}

/// The shared tip, and the listener that opens and closes it.
#[component]
pub fn TermTip() -> impl IntoView {
    let handler = Closure::<dyn FnMut(Event)>::new(on_event);
    let window = gloo::utils::window();
    for kind in ["click", "keydown", "mouseover", "mouseout"] {
        let _ = window.add_event_listener_with_callback(kind, handler.as_ref().unchecked_ref());
    }
    // The tip lives as long as the page: the listener is never removed.
    handler.forget();
    // A term asked for early opens once the glossary is on the page: on
    // the next frame, after the footer that holds it has drawn.
    let settled = super::i18n::texts_settled();
    Effect::new(move |_| {
        if settled.get() {
            request_animation_frame(open_pending);
        }
    });
    view! { <div id=TIP class="term-tip" aria-live="polite"></div> }
}

/// Opens the term asked for before the glossary arrived, if the reader
/// has not moved on. The text around it may have been drawn again since
/// (a language arriving): then the same term in the new text.
fn open_pending() {
    let Some((term, by_hover)) = PENDING.with(|p| p.borrow_mut().take()) else {
        return;
    };
    let term = if term.is_connected() {
        Some(term)
    } else {
        term.get_attribute("data-term").and_then(|id| {
            gloo::utils::document()
                .query_selector(&format!(".term[data-term=\"{id}\"]"))
                .ok()
                .flatten()
        })
    };
    if let Some(term) = term {
        show(&term, by_hover);
    }
}

/// What an event on the page means for the tip.
fn on_event(event: Event) {
    let term = event
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|e| e.closest(".term").ok().flatten());
    let open = open_term();
    let by_hover = tip().is_some_and(|t| t.has_attribute("data-hover"));
    match event.type_().as_str() {
        "click" => match term {
            // A second activation closes what the first opened; a tap on
            // a term its hover already opened keeps it open.
            Some(term) if open.as_ref() == Some(&term) && !by_hover => close(),
            Some(term) => show(&term, false),
            None if !inside_tip(event.target()) => close(),
            None => {}
        },
        "keydown" => {
            let escape = event
                .dyn_ref::<KeyboardEvent>()
                .is_some_and(|k| k.key() == "Escape");
            if let (true, Some(open)) = (escape, open) {
                close();
                // Back to the term a click or key opened; a hover leaves
                // the focus where it was.
                if let (false, Some(button)) = (by_hover, open.dyn_ref::<HtmlElement>()) {
                    let _ = button.focus();
                }
            }
        }
        "mouseover" => {
            if let (Some(term), true) = (term, open.is_none()) {
                show(&term, true);
            }
        }
        // Leaving the term or the tip for anywhere but the other one.
        _ => {
            let to = event
                .dyn_ref::<MouseEvent>()
                .and_then(MouseEvent::related_target);
            let to_term = to
                .clone()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|e| e.closest(".term").ok().flatten());
            if by_hover && to_term != open && !inside_tip(to) {
                close();
            } else if to_term.is_none() {
                // Off a term whose glossary was still on its way.
                PENDING.with(|p| {
                    let mut pending = p.borrow_mut();
                    if pending.as_ref().is_some_and(|(_, hover)| *hover) {
                        *pending = None;
                    }
                });
            }
        }
    }
}

fn tip() -> Option<HtmlElement> {
    gloo::utils::document()
        .get_element_by_id(TIP)
        .and_then(|e| e.dyn_into().ok())
}

/// The term whose definition is showing, if any.
fn open_term() -> Option<Element> {
    gloo::utils::document()
        .query_selector(".term[aria-expanded=true]")
        .ok()
        .flatten()
}

fn inside_tip(target: Option<web_sys::EventTarget>) -> bool {
    let node = target.and_then(|t| t.dyn_into::<web_sys::Node>().ok());
    tip().is_some_and(|tip| tip.contains(node.as_ref()))
}

/// Opens `term`'s definition under it, in place of any other. Before the
/// glossary is on the page, sends for it and opens the term when it comes.
fn show(term: &Element, by_hover: bool) {
    close();
    let document = gloo::utils::document();
    let id = term.get_attribute("data-term").unwrap_or_default();
    let Some(tip) = tip() else {
        return;
    };
    let Some(name) = document.get_element_by_id(&format!("g-{id}")) else {
        PENDING.with(|p| *p.borrow_mut() = Some((term.clone(), by_hover)));
        super::i18n::want_rest();
        return;
    };
    let definition = name
        .next_element_sibling()
        .map(|d| d.inner_html())
        .unwrap_or_default();
    // Both parts come from the page's own catalogue.
    tip.set_inner_html(&format!(
        "<strong>{}</strong> {definition}",
        name.inner_html()
    ));
    if by_hover {
        let _ = tip.set_attribute("data-hover", "");
    }
    let _ = term.set_attribute("aria-expanded", "true");
    place(&tip, term);
}

/// Puts the tip right under the term, inside the window's width. There is
/// no gap between them (the stylesheet draws one with a transparent
/// border), so a pointer can move from the term onto the tip.
fn place(tip: &HtmlElement, term: &Element) {
    let window = gloo::utils::window();
    let scroll_x = window.scroll_x().unwrap_or_default();
    let scroll_y = window.scroll_y().unwrap_or_default();
    let width = gloo::utils::document_element().client_width() as f64;
    let at = term.get_bounding_client_rect();
    let margin = 8.0;
    let left = at
        .left()
        .min(width - tip.offset_width() as f64 - margin)
        .max(margin);
    // Through the style object: the page's policy refuses style attributes.
    let style = tip.style();
    let _ = style.set_property(
        "left",
        &format!("{}px", crate::decimal::fixed(left + scroll_x, 0)),
    );
    let _ = style.set_property(
        "top",
        &format!("{}px", crate::decimal::fixed(at.bottom() + scroll_y, 0)),
    );
}

/// Closes whatever definition is open, or is waiting for the glossary.
fn close() {
    PENDING.with(|p| p.borrow_mut().take());
    if let Some(open) = open_term() {
        let _ = open.set_attribute("aria-expanded", "false");
    }
    if let Some(tip) = tip() {
        tip.set_inner_html("");
        let _ = tip.remove_attribute("data-hover");
        let _ = tip.style().set_property("left", "");
    }
}
