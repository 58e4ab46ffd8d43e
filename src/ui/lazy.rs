//! Code the first paint does not need, loaded when it is first needed.
//!
//! A function wrapped in [`on_demand!`] becomes a split point in release
//! builds: `cargo xtask dist` cuts it, and everything only it reaches,
//! into a WebAssembly chunk of its own (xtask/src/split.rs), fetched the
//! first time the function is called. Calling it is `async` either way;
//! debug builds and the component tests keep one module and run it at once.
//!
//! The fetch can fail: a deploy removes the old build's chunks from the
//! host while a page opened before it still runs the old build (the
//! service worker keeps the previous build's files for that, but a page
//! may have no worker, or its cache may have been evicted). A call then
//! returns `Err(Unavailable)` rather than panicking, which would stop the
//! whole module, and the page says to reload instead.
//!
//! ```ignore
//! on_demand! {
//!     /// The figures, once their module has loaded (or `Err` if it could not).
//!     fn figures(page: Page) -> AnyView {
//!         view! { <Outcomes page/> }.into_any()
//!     }
//! }
//! // …
//! view! { <section>{later(move || approach.wanted(engaged), move || figures(page))}</section> }
//! ```

use leptos::__reexports::send_wrapper::SendWrapper;
use leptos::prelude::*;
use std::future::Future;

/// Declares functions that load on demand: `fn f(args) -> R { … }` becomes
/// `async fn f(args) -> Result<R, Unavailable>`, whose first call in a
/// release build fetches the chunk that holds it, and which is `Err` if
/// that fetch fails (a later call tries again). Arguments and result cross
/// a plain function call into the chunk, so they are owned values (signals
/// are cheap copies). The chunk is named after the function
/// (`split_<name>-<hash>.wasm`), so names must be unique in the crate.
///
/// This is Leptos's `#[lazy]` with wasm-split's `fallible` option, which
/// `#[lazy]` does not pass: without it a failed fetch panics.
macro_rules! on_demand {
    (@ret) => { () };
    (@ret $ret:ty) => { $ret };
    ($(
        $(#[$meta:meta])*
        $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) $(-> $ret:ty)? $body:block
    )*) => {$(
        #[cfg(not(debug_assertions))]
        #[leptos::wasm_split::wasm_split($name, wasm_split_path = ::leptos::wasm_split, fallible)]
        $(#[$meta])*
        $vis fn $name($($arg: $ty),*)
            -> Result<$crate::ui::lazy::on_demand!(@ret $($ret)?), $crate::ui::lazy::Unavailable>
        {
            Ok($body)
        }

        #[cfg(debug_assertions)]
        $(#[$meta])*
        $vis async fn $name($($arg: $ty),*)
            -> Result<$crate::ui::lazy::on_demand!(@ret $($ret)?), $crate::ui::lazy::Unavailable>
        {
            Ok($body)
        }
    )*};
}
pub(crate) use on_demand;

/// An on-demand function's chunk could not be fetched: most likely the
/// site was deployed again since this page was opened.
pub type Unavailable = leptos::wasm_split::SplitLoaderError;

/// Tells the reader, in the page's notices, that a part could not load
/// and the page needs a reload (once, however often it was tried).
pub fn tell_unavailable(notices: RwSignal<Vec<crate::state::Notice>>) {
    let notice = crate::state::Notice::new("notice.stale", &[]);
    notices.update(|n| {
        if !n.contains(&notice) {
            n.push(notice);
        }
    });
}

/// Nothing until `wanted()` first holds; from then on, and for good, the
/// view `load` brings in once it has arrived. Nothing shows while it is on
/// its way, so a slow network shows the rest of the page, never a broken
/// part, and a part once loaded stays when `wanted()` no longer holds. If
/// its module cannot be fetched, the part says so and offers a reload.
pub fn later<F>(
    wanted: impl Fn() -> bool + Send + Sync + 'static,
    load: impl Fn() -> F + Copy + Send + Sync + 'static,
) -> impl IntoView
where
    F: Future<Output = Result<AnyView, Unavailable>> + 'static,
{
    // Once true, the memo stops reading `wanted`, so it never changes again.
    let asked =
        Memo::new(move |before: Option<&bool>| before.copied().unwrap_or(false) || wanted());
    // Suspend wants a `Send` future; this one stays on the page's only
    // thread, which SendWrapper checks.
    move || {
        asked.get().then(|| {
            Suspend::new(SendWrapper::new(async move {
                load().await.unwrap_or_else(|_| stale())
            }))
        })
    }
}

/// In place of a part whose module is gone: what happened, and a link
/// that reloads the page (and so the new build). One element with its
/// text as HTML: cheaper in the first visit's module than a nested view.
fn stale() -> AnyView {
    let t = super::i18n::texts();
    let html = move || {
        t.with(|t| {
            format!(
                "{} <a href=\"\">{}</a>",
                crate::html::escape(t.get("notice.stale")),
                crate::html::escape(t.get("crash.reload"))
            )
        })
    };
    view! { <p class="notice" role="alert" inner_html=html></p> }.into_any()
}

/// How near a lazy part's section has come to the screen: each turns
/// true once, and stays so.
#[derive(Clone, Copy)]
pub struct Approach {
    /// Within a screen's height of the viewport.
    pub near: ReadSignal<bool>,
    /// On screen: some of it in the viewport itself (however it got
    /// there: a scroll, a resize, a turned phone).
    pub seen: ReadSignal<bool>,
}

impl Approach {
    /// When to fetch what `target` will show: once it is on screen, or
    /// within a screen of it once the reader has started to scroll, touch,
    /// type or move focus (`engaged`), so it is there by the time they
    /// reach it. A reader who only looks at the first screen downloads
    /// nothing for a part below it (on a laptop the figures start just
    /// below the fold), and a phone reader who never scrolls that far
    /// never does.
    pub fn wanted(self, engaged: ReadSignal<bool>) -> bool {
        self.seen.get() || (self.near.get() && engaged.get())
    }
}

/// Watches how near `target` comes to the screen ([`Approach`]).
///
/// ```ignore
/// let section = NodeRef::new();
/// let approach = use_approach(section);
/// view! { <section node_ref=section>{later(move || approach.wanted(engaged), move || figures(page))}</section> }
/// ```
pub fn use_approach(target: NodeRef<leptos::html::Section>) -> Approach {
    let near = use_intersection(target, "100% 0px");
    let seen = use_intersection(target, "0px");
    Approach { near, seen }
}

/// True once `target` first intersects the viewport grown by `margin` (a
/// CSS margin): one observer, for the page's life.
fn use_intersection(
    target: NodeRef<leptos::html::Section>,
    margin: &'static str,
) -> ReadSignal<bool> {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let (hit, set_hit) = signal(false);
    Effect::new(move |_| {
        let Some(element) = target.get() else {
            return;
        };
        let callback = Closure::<dyn FnMut(web_sys::js_sys::Array)>::new(
            move |entries: web_sys::js_sys::Array| {
                let now = entries.iter().any(|e| {
                    e.dyn_into::<web_sys::IntersectionObserverEntry>()
                        .is_ok_and(|e| e.is_intersecting())
                });
                if now && !hit.get_untracked() {
                    set_hit.set(true);
                }
            },
        );
        let options = web_sys::IntersectionObserverInit::new();
        options.set_root_margin(margin);
        if let Ok(observer) = web_sys::IntersectionObserver::new_with_options(
            callback.as_ref().unchecked_ref(),
            &options,
        ) {
            observer.observe(&element);
        }
        callback.forget();
    });
    hit
}
