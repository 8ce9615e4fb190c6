//! `jsp`: measure the maturity of a medical device manufacturer's or a healthcare provider's
//! security program against the HSCC Joint Security Plan.
//!
//! The modules are the nouns of the domain: a [`questionnaire`] is answered in an [`answers`]
//! file, through the [`prompt`] or by hand; [`scoring`] turns answers into maturity levels and
//! scores, measured against a [`target`]; an [`assessment`] is what every view is drawn from;
//! a [`report`], a [`roadmap`], a [`diff`], a [`crosswalk`] and a [`portfolio`] show it, each in
//! the formats of its `render` module, with the escaping and tables of [`render`]. The edge,
//! `app`, is the only layer that prints, reads the environment or decides an exit code; `cli`
//! is the command line as clap parses it.
//!
//! Every module is private, so that the compiler reports dead code; tests, fuzz targets, benches
//! and examples reach the library through [`internals`], which is not a stable interface.

mod answers;
mod app;
mod assessment;
mod catalog;
mod cli;
mod config;
mod crosswalk;
mod diff;
mod error;
mod evidence;
mod exit;
mod files;
mod gates;
mod generate;
mod git;
mod history;
mod portfolio;
mod prompt;
mod questionnaire;
mod render;
mod report;
mod requirements;
mod roadmap;
mod schema;
mod scoring;
mod session;
mod standards;
mod target;
#[cfg(test)]
mod testing;
mod text;
mod wording;
mod workbook;
mod yaml;

pub use app::{finish, run};
pub use cli::Cli;
pub use error::Error;
pub use exit::Exit;

/// The library as tests, fuzz targets, benches and examples use it. Not a stable interface.
#[doc(hidden)]
pub mod internals {
    pub use crate::answers::{Answer, Answers, Evidence, format_date, parse_date};
    pub use crate::assessment::Assessment;
    pub use crate::catalog::{BUILT_IN, Catalog};
    pub use crate::crosswalk::{crosswalk, split};
    pub use crate::error::Result;
    pub use crate::evidence::place::Locator;
    pub use crate::evidence::{Policy, Review};
    pub use crate::files::text_from_bytes;
    pub use crate::gates::Gates;
    pub use crate::generate::write_portfolio;
    pub use crate::portfolio::loader;
    pub use crate::questionnaire::{
        Domain, Group, Level, NOT_APPLICABLE, NaLevels, Question, Questionnaire, ScaleOption,
        Scoring, Stream,
    };
    pub use crate::render::Style;
    pub use crate::report::{Report, Score, chart};
    pub use crate::roadmap::Roadmap;
    pub use crate::scoring::{Scorecard, Status, round2, score};
    pub use crate::standards::{StandardFile, load as standard_files};
    pub use crate::target::{Goal, Target};
    pub use crate::workbook::{
        export::Export, export::write as export_workbook, import::open as open_workbook,
    };

    /// Every format, as the commands choose them.
    pub mod formats {
        pub use crate::questionnaire::render as questionnaire;
        pub use crate::report::{html, json, junit, markdown, table};
    }
}
