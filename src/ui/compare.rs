//! Comparing two views: the reader keeps the current view as "A", moves
//! any slider (or picks a scenario or a story step), and the page shows
//! the new view, "B", against A. The reference lives in the view, so the
//! permalink, the exports and an embed carry it; one click clears it.
//!
//! One button, with no status line of its own: its `aria-pressed` says
//! whether a comparison is on, and the headline's announcement gives B's
//! numbers against A once one is.

use crate::model::Valid;
use leptos::prelude::*;

use super::i18n::texts;

super::lazy::on_demand! {
    /// What moved the numbers most from A to B: sixteen counterfactual
    /// runs, in a module that loads with the first comparison.
    pub fn explanation(a: Valid, b: Valid) -> Option<crate::model::simulate::Explanation> {
        crate::model::simulate::explain(&a, &b)
    }
}

/// The button that keeps the current view as A, or clears the comparison.
#[component]
pub fn CompareControl(page: super::Page) -> impl IntoView {
    let super::Page { inputs, view, .. } = page;
    let t = texts();
    let comparing = move || view.with(|v| v.reference.is_some());
    let label = move || {
        let key = if comparing() {
            "compare.clear"
        } else {
            "compare.keep"
        };
        t.with(|t| t.get(key).to_owned())
    };
    let toggle = move |_| {
        let kept = (!comparing()).then(|| inputs.get_untracked());
        view.update(|v| v.reference = kept);
    };
    view! {
        <button type="button" class="compare" aria-pressed=move || comparing().to_string() on:click=toggle>
            {label}
        </button>
    }
}
