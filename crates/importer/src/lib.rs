//! planboard's importer: published government documents in, the typed dataset out.
//!
//! Each document kind has its own parser; every parser claims each line it uses in an
//! [`accounting::Accounting`], so nothing is dropped silently.

pub mod accounting;
pub mod error;
pub mod parsed;
pub mod text;
pub mod reference;
pub mod units;
pub mod breakdown;
pub mod progress;
pub mod pinghu;
pub mod dataset;
pub mod detect;
pub mod pipeline;
pub mod cli;
pub mod plan;
pub mod report;
mod prose;
