//! What every document about an assessment opens with, in each format that has one.

pub mod markdown;
