//! Story mode for lessons: a guided sequence of steps through the debate.
//! (Being written: the steps and their captions come next.)

use crate::model::Inputs;

/// One step: an id for its catalogue keys (`story.<id>.title`, `.caption`)
/// and the settings it puts on the sliders.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub id: &'static str,
    pub inputs: Inputs,
}

/// The steps in order.
pub fn steps() -> Vec<Step> {
    vec![Step {
        id: "redline",
        inputs: Inputs::default(),
    }]
}
