//! The inputs a page opens with. A link may ask for a story step
//! (`?story=N`, see [`crate::story`]): a link that carries no input key
//! (`?story=3`, or `?story=3&lang=uk`, as a teacher would write it) opens
//! with the step's settings; a link that carries inputs (every link the
//! address bar holds, which carries all of them) opens with exactly those,
//! so a reader's own changes made during a step reproduce too.

use super::{query, Decoded};
use crate::model::{Inputs, Valid};
use crate::story::step;

/// The inputs a page opened from `query` starts with: the link's own,
/// unless it asks for a story step and carries no input key, in which
/// case the step's (see the module notes).
pub fn opening_inputs(query: &str, decoded: &Decoded) -> Valid {
    match decoded.view.story.and_then(step) {
        Some(step) if !has_input_key(query) => step.inputs,
        _ => decoded.inputs,
    }
}

/// Whether the query sets any model input.
fn has_input_key(query: &str) -> bool {
    let mut ignored = Vec::new();
    let keys = query::to_query(&Inputs::default()).unwrap_or_default();
    let keys = query::parse_pairs(&keys, &mut ignored);
    query::parse_pairs(query, &mut ignored)
        .iter()
        .any(|(key, _)| keys.iter().any(|(k, _)| k == key))
}
