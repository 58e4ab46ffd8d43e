//! The page's language: which catalogue is in use, and fetching it from
//! the page's own host when it is first needed: the rest of English when
//! a view asks for one of its keys or the reader first scrolls, touches,
//! types or moves focus, another language when it is chosen.

use crate::i18n::{Catalog, Lang};
use crate::state::{Notice, View};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The catalogue in use, shared with every component through context,
/// and whether asking for the rest of English has come to an end (it
/// arrived, or could not be fetched).
#[derive(Clone, Copy)]
pub struct Texts(pub RwSignal<Catalog>, RwSignal<bool>);

/// The catalogue components read from; English until a translation arrives.
pub fn texts() -> RwSignal<Catalog> {
    use_context::<Texts>()
        .map(|t| t.0)
        .unwrap_or_else(|| RwSignal::new(Catalog::english()))
}

/// True once the catalogue is whole, or the rest of English could not be
/// fetched (offline on a first visit): what a part whose text is in the
/// rest waits for before it shows, so it never waits for good.
pub fn texts_settled() -> Memo<bool> {
    let (catalog, failed) = use_context::<Texts>()
        .map(|t| (t.0, t.1))
        .unwrap_or_else(|| (RwSignal::new(Catalog::english()), RwSignal::new(true)));
    Memo::new(move |_| failed.get() || catalog.with(Catalog::is_whole))
}

/// The language a reader sees: the one they chose, else their browser's.
pub fn wanted(view: &View) -> Lang {
    view.lang.unwrap_or_else(browser_lang)
}

/// The first of the browser's languages the page offers. Read once: the
/// view changes on every story step, and the answer does not.
fn browser_lang() -> Lang {
    static BROWSER: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();
    *BROWSER.get_or_init(|| {
        let languages = gloo::utils::window().navigator().languages();
        let tags: Vec<String> = languages.iter().filter_map(|v| v.as_string()).collect();
        Lang::preferred(tags.iter().map(String::as_str))
    })
}

thread_local! {
    /// Whether the page needs the rest of English (see [`want_rest`]).
    static REST_WANTED: std::cell::Cell<Option<RwSignal<bool>>> = const { std::cell::Cell::new(None) };
}

/// Sends for the rest of English, once: on the reader's first scroll,
/// touch, key or focus, when the figures (whose text it holds) start to
/// load, when a glossary term is used, or when a view asks for one of its
/// keys (the catalogue calls this, `i18n::on_missing`, possibly while a
/// view renders, so the signal is set in a task of its own).
pub fn want_rest() {
    if let Some(wanted) = REST_WANTED.with(|w| w.take()) {
        leptos::task::spawn_local(async move { wanted.set(true) });
    }
}

/// Provides the catalogue and keeps it on the language `view` asks for.
/// A failed fetch (offline on a first visit, say) leaves the page in the
/// language it was in ([`fall_back`]); English without its rest still has
/// every word of the explorer's controls and headline, and lacks the
/// about footer, notices, captions and the figures' labels.
///
/// The rest of English is not fetched with the page: a first visit that
/// is only looked at needs none of it (on a phone, it was a twentieth of
/// the download). It comes when first needed (see [`want_rest`]).
pub fn provide_texts(
    view: RwSignal<View>,
    notices: RwSignal<Vec<Notice>>,
    engaged: ReadSignal<bool>,
) -> RwSignal<Catalog> {
    let catalog = RwSignal::new(Catalog::english());
    let failed = RwSignal::new(false);
    provide_context(Texts(catalog, failed));
    let rest_wanted = RwSignal::new(false);
    REST_WANTED.with(|w| w.set(Some(rest_wanted)));
    crate::i18n::on_missing(want_rest);
    Effect::new(move |_| {
        if engaged.get() {
            want_rest();
        }
    });
    Effect::new(move |_| {
        let lang = view.with(wanted);
        if catalog.with_untracked(|c| c.lang() == lang && c.is_whole()) {
            return;
        }
        if lang == Lang::En && !rest_wanted.get() {
            // Back to English from another language, before anything
            // asked for the rest: the compiled-in part will do.
            if catalog.with_untracked(Catalog::lang) != lang {
                catalog.set(Catalog::english());
            }
            return;
        }
        leptos::task::spawn_local(async move {
            let fetched = fetch_catalog(lang).await;
            // The reader has switched again meanwhile: the fetch for the
            // new choice is on its way.
            if view.with_untracked(wanted) != lang {
                return;
            }
            match fetched {
                Some(c) => catalog.set(c),
                None => fall_back(lang, catalog, failed, notices).await,
            }
        });
    });
    Effect::new(move |previous: Option<Lang>| {
        let lang = catalog.with(Catalog::lang);
        // The static masthead is English in index.html; it only needs
        // rewriting once the language is not, or no longer, English (not
        // when the rest of a language's text arrives).
        if previous.map_or(lang != Lang::En, |p| p != lang) {
            catalog.with(translate_static_page);
        }
        lang
    });
    catalog
}

/// After `lang`'s catalogue could not be fetched (offline, say): a page
/// already in a whole language stays in it; one that is not (a first
/// visit) falls back to English, with its rest if that can be had. Without
/// it, `failed` lets what waits for the text show without it.
async fn fall_back(
    lang: Lang,
    catalog: RwSignal<Catalog>,
    failed: RwSignal<bool>,
    notices: RwSignal<Vec<Notice>>,
) {
    if lang != Lang::En {
        notices.update(|n| {
            n.push(Notice::new(
                "notice.lang_failed",
                &[("value", lang.name().into())],
            ));
        });
        if catalog.with_untracked(Catalog::is_whole) {
            return;
        }
        if let Some(english) = fetch_catalog(Lang::En).await {
            return catalog.set(english);
        }
    }
    if catalog.with_untracked(Catalog::lang) != Lang::En {
        catalog.set(Catalog::english());
    }
    failed.set(true);
}

/// Puts the catalogue's words into the parts of the page that index.html
/// serves as static HTML for a fast first paint: the title, the masthead
/// and the skip link, and the `lang` attribute screen readers rely on.
fn translate_static_page(t: &Catalog) {
    super::browser::prepare_crash_page(t);
    let document = gloo::utils::document();
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", t.lang().code());
    }
    document.set_title(t.get("page.title"));
    for (selector, key) in [
        (".masthead .kicker", "page.kicker"),
        (".masthead h1", "page.title"),
        (".masthead .intro", "page.intro"),
        (".skip", "page.skip"),
    ] {
        if let Ok(Some(element)) = document.query_selector(selector) {
            // The intro holds one <strong>; the catalogue's HTML is ours.
            element.set_inner_html(t.get(key));
        }
    }
}

/// The language menu: a native select, so it works by touch, keyboard and
/// screen reader without help. Choosing puts `lang=` in the URL.
#[component]
pub fn LanguageSwitch(view: RwSignal<View>) -> impl IntoView {
    let current = move || view.with(wanted);
    let options = Lang::ALL
        .into_iter()
        .map(|lang| {
            view! {
                <option value=lang.code() lang=lang.code() selected=move || current() == lang>
                    {lang.name()}
                </option>
            }
        })
        .collect_view();
    let on_change = move |ev: leptos::ev::Event| {
        if let Some(lang) = Lang::from_code(&event_target_value(&ev)) {
            view.update(|v| v.lang = Some(lang));
        }
    };
    view! {
        <div class="language">
            <label for="language">{tr("page.language")}</label>
            <select id="language" on:change=on_change prop:value=move || current().code()>
                {options}
            </select>
        </div>
    }
}

/// Fetches `public/i18n/<code>.txt` (for English, its rest) and parses
/// it; `None` if there is none to be had: a network error (offline on a
/// first visit), or anything but a 200 response with text.
async fn fetch_catalog(lang: Lang) -> Option<Catalog> {
    let url = format!("public/i18n/{}.txt", lang.code());
    let response = super::browser::settled(gloo::utils::window().fetch_with_str(&url)).await?;
    let response = response
        .dyn_into::<web_sys::Response>()
        .ok()
        .filter(web_sys::Response::ok)?;
    let text = super::browser::settled(response.text().ok()?).await?;
    text.as_string()
        .map(|text| Catalog::translated(lang, &text))
}

/// One string as a reactive closure for a view: it re-renders when the
/// language changes.
pub fn tr(key: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let t = texts();
    move || t.with(|t| t.get(key).to_owned())
}
