//! `jsp`: measure the maturity of a medical device manufacturer's or a healthcare provider's
//! security program against the HSCC Joint Security Plan.
//!
//! The modules are the nouns of the domain: a [`questionnaire`] is answered in an [`answers`]
//! file, through the [`prompt`] or by hand; [`scoring`] turns answers into maturity levels and
//! scores, measured against a [`target`]; a [`report`] shows the result.

pub mod answers;
pub mod catalog;
pub mod cli;
pub mod commands;
pub mod config;
pub mod crosswalk;
pub mod error;
pub mod files;
pub mod prompt;
pub mod questionnaire;
pub mod report;
pub mod scoring;
pub mod target;
pub mod text;
mod yaml;

pub use commands::run;
pub use error::{EXIT_BAD_INPUT, Error, Result};
