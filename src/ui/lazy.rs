//! Code the first paint does not need, loaded when it is first needed.
//!
//! A function wrapped in [`on_demand!`] becomes a split point in release
//! builds: `cargo xtask dist` cuts it, and everything only it reaches,
//! into a WebAssembly chunk of its own (xtask/src/split.rs), fetched the
//! first time the function is called. Calling it is `async` either way;
//! debug builds and the component tests keep one module and run it at once.
//!
//! ```ignore
//! on_demand! {
//!     /// The figures, once their module has loaded.
//!     fn figures(page: Page) -> AnyView {
//!         view! { <Outcomes page/> }.into_any()
//!     }
//! }
//! // …
//! view! { <section>{later(move || near.get(), move || figures(page))}</section> }
//! ```

use leptos::__reexports::send_wrapper::SendWrapper;
use leptos::prelude::*;
use std::future::Future;

/// Declares functions that load on demand: `fn f(args) -> R { … }` becomes
/// `async fn f(args) -> R`, whose first call in a release build fetches the
/// chunk that holds it. Arguments and result cross a plain function call
/// into the chunk, so they are owned values (signals are cheap copies).
/// The chunk is named after the function, so names must be unique in the
/// crate.
macro_rules! on_demand {
    ($(
        $(#[$meta:meta])*
        $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) $(-> $ret:ty)? $body:block
    )*) => {$(
        #[cfg(not(debug_assertions))]
        #[leptos::lazy]
        $(#[$meta])*
        $vis fn $name($($arg: $ty),*) $(-> $ret)? $body

        #[cfg(debug_assertions)]
        $(#[$meta])*
        $vis async fn $name($($arg: $ty),*) $(-> $ret)? $body
    )*};
}
pub(crate) use on_demand;

/// Nothing until `wanted()` first holds; from then on, and for good, the
/// view `load` brings in once it has arrived. Nothing shows while it is on
/// its way, so a slow network shows the rest of the page, never a broken
/// part, and a part once loaded stays when `wanted()` no longer holds.
pub fn later<F>(
    wanted: impl Fn() -> bool + Send + Sync + 'static,
    load: impl Fn() -> F + Copy + Send + Sync + 'static,
) -> impl IntoView
where
    F: Future<Output = AnyView> + 'static,
{
    // Once true, the memo stops reading `wanted`, so it never changes again.
    let asked =
        Memo::new(move |before: Option<&bool>| before.copied().unwrap_or(false) || wanted());
    // Suspend wants a `Send` future; this one stays on the page's only
    // thread, which SendWrapper checks.
    move || {
        asked
            .get()
            .then(|| Suspend::new(SendWrapper::new(async move { load().await })))
    }
}

/// `true` once `target` comes within a screen's height of the viewport:
/// when to fetch what it will show, so it is there by the time the reader
/// scrolls to it, and a phone reader who never scrolls that far never
/// downloads it.
///
/// ```ignore
/// let section = NodeRef::new();
/// let near = use_approach(section);
/// view! { <section node_ref=section>{later(move || near.get(), move || figures(page))}</section> }
/// ```
pub fn use_approach(target: NodeRef<leptos::html::Section>) -> ReadSignal<bool> {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let (near, set_near) = signal(false);
    Effect::new(move |_| {
        let Some(element) = target.get() else {
            return;
        };
        let callback = Closure::<dyn FnMut(web_sys::js_sys::Array)>::new(
            move |entries: web_sys::js_sys::Array| {
                let seen = entries.iter().any(|e| {
                    e.dyn_into::<web_sys::IntersectionObserverEntry>()
                        .is_ok_and(|e| e.is_intersecting())
                });
                if seen && !near.get_untracked() {
                    set_near.set(true);
                }
            },
        );
        let options = web_sys::IntersectionObserverInit::new();
        options.set_root_margin("100% 0px");
        if let Ok(observer) = web_sys::IntersectionObserver::new_with_options(
            callback.as_ref().unchecked_ref(),
            &options,
        ) {
            observer.observe(&element);
        }
        // One observer per lazy part, for the page's life.
        callback.forget();
    });
    near
}
