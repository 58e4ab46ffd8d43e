//! The few places the page talks to the browser: the URL, observers of
//! the charts' boxes and the panic hook. Kept together so the components stay plain.

use crate::model::Valid;
use crate::state::{self, View};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use leptos::prelude::*;
use std::rc::Rc;
use wasm_bindgen::JsValue;

/// How long the URL waits after the last move before it is rewritten:
/// browsers throttle rapid history updates during a drag.
const URL_DELAY_MS: u32 = 200;

/// What a JavaScript promise settles to: its value, or `None` if it is
/// rejected (the reason is the browser's to log). `async` code awaits
/// this instead of chaining `then` and `catch` closures by hand.
///
/// ```ignore
/// leptos::task::spawn_local(async move {
///     if let Some(response) = settled(window().fetch_with_str(url)).await { … }
/// });
/// ```
pub async fn settled(promise: web_sys::js_sys::Promise) -> Option<JsValue> {
    leptos::__reexports::wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()
}

/// The current query string, or empty if it cannot be read.
pub fn query() -> String {
    gloo::utils::window()
        .location()
        .search()
        .unwrap_or_default()
}

/// Rewrites the address bar (replace, not push) shortly after the state
/// settles, so the URL is always a permalink to what is on screen.
pub fn keep_url_in_step(inputs: RwSignal<Valid>, view: RwSignal<View>) {
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

/// True from the reader's first scroll, touch, key press or focus: when
/// to fetch what the first screen does not show but a reader who starts to
/// use the page soon needs (the rest of English, the figures just below
/// the fold). A first visit that is only looked at fetches neither. Focus
/// counts because a screen reader's own navigation sends the page no key,
/// and may not scroll, but moves focus onto the buttons it passes. Call
/// once, for the page's life (its listeners stay until they fire).
pub fn use_engaged() -> ReadSignal<bool> {
    let (engaged, set_engaged) = signal(false);
    let window = gloo::utils::window();
    for event in ["scroll", "pointerdown", "keydown", "focusin"] {
        EventListener::once(&window, event, move |_| {
            if !engaged.get_untracked() {
                set_engaged.set(true);
            }
        })
        .forget();
    }
    engaged
}

/// `source`'s value one task later: for work the reader need not wait
/// for. The sensitivity sweep and the chasm map follow the sliders this
/// way (issue 24's idea of computing them after the headline). A move's
/// own task updates the headline and the outcomes chart, then yields:
/// when a frame is due the browser paints them at once, and otherwise
/// the sweep and the map run straight after and all three charts appear
/// in the same frame. Changes before the task runs are taken together:
/// the work behind them runs once, for the last.
///
/// ```ignore
/// let later = use_deferred(page.inputs);
/// let effects = Memo::new(move |_| model::sensitivity(&later.get()));
/// ```
pub fn use_deferred<T>(source: RwSignal<T>) -> RwSignal<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    // An RwSignal of the source's type, rather than a read/write pair:
    // each new signal type adds its trait objects to the first module.
    let later = RwSignal::new(source.get_untracked());
    // At most one task waits, and it takes the value `source` has when
    // it runs: a stream of changes cannot keep pushing it back. Its handle
    // is kept (replaced only once it has run) so that it is cancelled if
    // the figures go, rather than forgotten.
    let waiting: Rc<std::cell::RefCell<Option<Timeout>>> = Rc::default();
    let pending = Rc::new(std::cell::Cell::new(false));
    Effect::new(move |_| {
        source.track();
        if pending.replace(true) {
            return;
        }
        let pending = Rc::clone(&pending);
        let task = Timeout::new(0, move || {
            pending.set(false);
            let now = source.get_untracked();
            // The first run also lands here, and sets nothing unless the
            // source changed before the effect first ran.
            if later.with_untracked(|l| *l != now) {
                later.set(now);
            }
        });
        waiting.borrow_mut().replace(task);
    });
    later
}

/// What a figure's chart needs to know of its place on the page.
pub struct Watched {
    /// True while the figure is on screen (or near it). Charts use it to
    /// skip redrawing while they cannot be seen: a drag then pays only for
    /// what the reader is looking at, and a chart catches up the moment
    /// it scrolls into view. Starts true, so everything draws once.
    pub visible: ReadSignal<bool>,
    /// The width of the figure's chart box in CSS pixels, rounded down to
    /// a step of [`Size::STEP`](crate::charts::Size::STEP): the width the
    /// chart is drawn for. A ResizeObserver follows the box (a window
    /// resized, a phone turned, an embed's frame changed); the signal
    /// changes only when the width crosses a step, so a chart is not
    /// redrawn for every pixel of a drag, and never on a slider move. It
    /// starts from the window's width, so the first paint needs no wait.
    pub width: ReadSignal<f64>,
}

/// Watches the figure `target` and its `.chart` box (one effect for both
/// observers keeps the download small).
///
/// ```ignore
/// let figure = NodeRef::new();
/// let Watched { visible, width } = use_figure_box(figure);
/// let chart = Memo::new(move |_| visible.get().then(|| draw(Size::for_width(width.get()))));
/// view! { <div class="figure" node_ref=figure>…</div> }
/// ```
pub fn use_figure_box(target: NodeRef<leptos::html::Div>) -> Watched {
    use crate::charts::Size;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    // Not in view until the observer says so: a figure below the fold
    // draws nothing while the page loads.
    let (visible, set_visible) = signal(false);
    let step = |px: f64| (px / f64::from(Size::STEP)).floor() * f64::from(Size::STEP);
    let window = gloo::utils::window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64());
    let (width, set_width) = signal(step(window.unwrap_or(720.0).min(720.0)));
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
        // A chart out of view is not laid out (content-visibility), and
        // reads as 0 wide: it keeps its last width until it is back.
        if let Ok(Some(chart)) = element.query_selector(".chart") {
            let measured = chart.clone();
            let measure = move || {
                let now = step(f64::from(measured.client_width()));
                if now > 0.0 && now != width.get_untracked() {
                    set_width.set(now);
                }
            };
            measure();
            // Redrawing inside the observer's callback would resize the box
            // it observes within the same frame, which Firefox reports as
            // an error ("ResizeObserver loop"): measure in a task of its own.
            let resized = Closure::<dyn FnMut()>::new(move || {
                gloo::timers::callback::Timeout::new(0, measure.clone()).forget();
            });
            if let Ok(observer) = web_sys::ResizeObserver::new(resized.as_ref().unchecked_ref()) {
                observer.observe(&chart);
            }
            resized.forget();
        }
    });
    Watched { visible, width }
}
