//! The page's state, in one place: what the reader set, what the page
//! shows, and what the model makes of it. Built once by [`Page::from_address_bar`] and
//! handed to each part of the page as one `Copy` value; leaf components
//! (a slider, a figure) take only the signal they use.

use crate::model::simulate::Explanation;
use crate::model::{self, Outcome, Valid};
use crate::state::{self, Notice, View};
use leptos::prelude::*;

use super::{browser, compare, embed, i18n};

/// How long a slider must rest before the page says what moved the
/// numbers: long enough to skip the steps of a drag, short enough to feel
/// immediate.
const EXPLAIN_DELAY_MS: u32 = 150;

/// Signals and memos: cheap handles into Leptos's reactive store, so the
/// struct is `Copy` and moves freely into closures and chunks.
#[derive(Clone, Copy)]
pub struct Page {
    /// The sliders: the one source of truth for the model's inputs, valid
    /// from the moment they are decoded ([`model::Valid`]).
    pub inputs: RwSignal<Valid>,
    /// Everything else a link carries: language, story step, embed mode
    /// and its parts, the view kept as A for a comparison.
    pub view: RwSignal<View>,
    /// What a link could not use, until the reader dismisses it.
    pub notices: RwSignal<Vec<Notice>>,
    /// The model run for the sliders, once per change.
    pub outcome: Memo<Outcome>,
    /// The model run for A, when comparing; run only when A changes.
    pub reference: Memo<Option<Outcome>>,
    /// What moved the numbers most from A to the sliders, when comparing.
    pub moved: RwSignal<Option<Explanation>>,
    /// Whether the reader has scrolled, touched, typed or moved focus yet
    /// ([`browser::use_engaged`]): what waits for that is fetched then.
    pub engaged: ReadSignal<bool>,
}

impl Page {
    /// Reads the address bar (validated, with notices for what it cannot
    /// use), then keeps the address bar, the language and the comparison's
    /// explanation in step with the state.
    pub fn from_address_bar() -> Self {
        let query = browser::query();
        let decoded = state::decode(&query);
        let inputs = RwSignal::new(state::opening_inputs(&query, &decoded));
        embed::start(&decoded.view);
        let view = RwSignal::new(decoded.view);
        let notices = RwSignal::new(decoded.notices);
        browser::keep_url_in_step(inputs, view);
        let engaged = browser::use_engaged();
        i18n::provide_texts(view, notices, engaged);

        let outcome = Memo::new(move |_| model::simulate(&inputs.get()));
        let kept = Memo::new(move |_| view.with(|v| v.reference));
        let reference = Memo::new(move |_| kept.get().map(|a| model::simulate(&a)));
        let moved = RwSignal::new(None);
        explain_when_comparing(inputs, kept, moved, notices);
        Self {
            inputs,
            view,
            notices,
            outcome,
            reference,
            moved,
            engaged,
        }
    }
}

/// Works out what moved the numbers from A to B (16 counterfactual runs)
/// once a drag pauses, not per step, in a module that loads with the
/// first comparison.
fn explain_when_comparing(
    inputs: RwSignal<Valid>,
    kept: Memo<Option<Valid>>,
    moved: RwSignal<Option<Explanation>>,
    notices: RwSignal<Vec<Notice>>,
) {
    let mut explain = browser::after_pause(EXPLAIN_DELAY_MS, move |(a, b): (Valid, Valid)| {
        leptos::task::spawn_local(async move {
            let Ok(found) = compare::explanation(a, b).await else {
                return super::lazy::tell_unavailable(notices);
            };
            // A comparison cleared while this was on its way says nothing.
            if kept.get_untracked().is_some() {
                moved.set(found);
            }
        });
    });
    Effect::new(move |_| match kept.get() {
        Some(a) => explain((a, inputs.get())),
        None => moved.set(None),
    });
}
