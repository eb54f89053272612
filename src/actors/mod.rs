//! Actors: the people and organisations an article names, each with its mentions.

use crate::config::Settings;
use crate::prose::Prose;

/// Every actor of a document and every mention linked to one.
#[derive(Clone, Debug, Default)]
pub struct Actors {}

pub fn recognise(_prose: &Prose, _settings: &Settings) -> Actors {
    Actors {}
}
