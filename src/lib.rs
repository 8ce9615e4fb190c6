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
pub mod diff;
pub mod error;
pub mod files;
pub mod gates;
pub mod generate;
pub mod init;
pub mod manual;
pub mod outputs;
pub mod portfolio;
pub mod prompt;
pub mod questionnaire;
pub mod report;
pub mod roadmap;
pub mod schema;
pub mod scoring;
pub mod session;
pub mod target;
#[cfg(test)]
mod testing;
pub mod text;
mod wording;
mod yaml;

pub use commands::run;
pub use error::{EXIT_BAD_INPUT, Error, Result};
