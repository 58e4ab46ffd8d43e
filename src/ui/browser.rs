//! The few places the page talks to the browser: the URL, media queries
//! and the panic hook. Kept together so the components stay plain.

use crate::model::Inputs;
use crate::state::{self, View};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use leptos::prelude::*;
use std::rc::Rc;
use wasm_bindgen::JsValue;

/// How long the URL waits after the last move before it is rewritten:
/// browsers throttle rapid history updates during a drag.
const URL_DELAY_MS: u32 = 200;

/// The current query string, or empty if it cannot be read.
pub fn query() -> String {
    gloo::utils::window()
        .location()
        .search()
        .unwrap_or_default()
}

/// Rewrites the address bar (replace, not push) shortly after the state
/// settles, so the URL is always a permalink to what is on screen.
pub fn keep_url_in_step(inputs: RwSignal<Inputs>, view: RwSignal<View>) {
    let mut schedule = after_pause(URL_DELAY_MS, |query: String| replace_query(&query));
    Effect::new(move |previous: Option<()>| {
        let query = view.with(|v| state::encode(&inputs.get(), v));
        if previous.is_none() && browser_query_matches(&query) {
            return;
        }
        schedule(query);
    });
}

/// A scheduler that hands each value to `act` once no newer value has
/// come for `delay_ms`: during a drag only the last value acts.
pub fn after_pause<T: 'static>(delay_ms: u32, act: impl Fn(T) + 'static) -> impl FnMut(T) {
    let act = Rc::new(act);
    let mut pending: Option<Timeout> = None;
    move |value| {
        let act = Rc::clone(&act);
        // Replacing the pending timeout drops, and so cancels, it.
        pending.replace(Timeout::new(delay_ms, move || act(value)));
    }
}

fn browser_query_matches(query: &str) -> bool {
    self::query().trim_start_matches('?') == query
}

fn replace_query(query: &str) {
    let window = gloo::utils::window();
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    if let Ok(history) = window.history() {
        let url = format!("{path}?{query}{hash}");
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// A signal that follows a CSS media query, e.g. a narrow screen.
pub fn media_query(query: &'static str) -> ReadSignal<bool> {
    let window = gloo::utils::window();
    let list = window.match_media(query).ok().flatten();
    let (matches, set_matches) = signal(list.as_ref().is_some_and(|l| l.matches()));
    if let Some(list) = list {
        let target = list.clone();
        let listener = EventListener::new(&list, "change", move |_| {
            set_matches.set(target.matches());
        });
        // The page lives as long as the listener: keep it for good.
        listener.forget();
    }
    matches
}

/// Replaces the page with a short apology and a reload link if the code
/// ever panics, rather than leaving a frozen page.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&JsValue::from_str(&info.to_string()));
        let page = CRASH_PAGE
            .with(|page| page.try_borrow().map(|p| p.clone()).ok())
            .filter(|p| !p.is_empty())
            .unwrap_or_else(|| crash_page(&crate::i18n::Catalog::english()));
        gloo::utils::body().set_inner_html(&page);
    }));
}

thread_local! {
    /// The crash page in the page's current language, written ahead of
    /// time: once the code has panicked, nothing should be asked of it.
    static CRASH_PAGE: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// Prepares the crash page in `t`'s language; called when the language
/// changes.
pub fn prepare_crash_page(t: &crate::i18n::Catalog) {
    let page = crash_page(t);
    CRASH_PAGE.with(|slot| {
        if let Ok(mut slot) = slot.try_borrow_mut() {
            *slot = page;
        }
    });
}

fn crash_page(t: &crate::i18n::Catalog) -> String {
    format!(
        "<main class=\"crash\" role=\"alert\" lang=\"{}\"><h1>{}</h1><p>{}</p><p><a href=\"\">{}</a></p></main>",
        t.lang().code(),
        t.get("crash.title"),
        t.get("crash.body"),
        t.get("crash.reload")
    )
}

/// Registers the service worker that keeps the page working offline. Only
/// release builds ship a stamped worker; the dev server must never cache.
pub fn register_service_worker() {
    if cfg!(debug_assertions) {
        return;
    }
    let navigator = gloo::utils::window().navigator();
    // Plain-http hosts and some browsers have no service workers: skip it.
    let supported = web_sys::js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker"))
        .unwrap_or(false);
    if supported {
        // A browser may refuse (in a third-party iframe, say, or a private
        // window); the page works without it, so the refusal is let pass.
        let ignore = wasm_bindgen::closure::Closure::<dyn FnMut(JsValue)>::new(|_| {});
        let _ = navigator
            .service_worker()
            .register("./sw.js")
            .catch(&ignore);
        ignore.forget();
    }
}

/// A signal that is true while `target` is on screen (or near it). Charts
/// use it to skip redrawing while they cannot be seen: a drag then pays
/// only for what the reader is looking at, and a chart catches up the
/// moment it scrolls into view. Starts true, so everything draws once.
pub fn on_screen(target: NodeRef<leptos::html::Figure>) -> ReadSignal<bool> {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let (visible, set_visible) = signal(true);
    Effect::new(move |_| {
        let Some(element) = target.get() else {
            return;
        };
        let callback = Closure::<dyn FnMut(web_sys::js_sys::Array)>::new(
            move |entries: web_sys::js_sys::Array| {
                if let Some(entry) = entries
                    .iter()
                    .last()
                    .and_then(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().ok())
                {
                    set_visible.set(entry.is_intersecting());
                }
            },
        );
        // A chart that scrolls into view catches up in the same frame.
        if let Ok(observer) = web_sys::IntersectionObserver::new(callback.as_ref().unchecked_ref())
        {
            observer.observe(&element);
        }
        // The observer lives as long as the page.
        callback.forget();
        // A printout shows every chart, so all of them draw before printing.
        EventListener::new(&gloo::utils::window(), "beforeprint", move |_| {
            set_visible.set(true)
        })
        .forget();
    });
    visible
}
