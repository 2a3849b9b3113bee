//! planboard's importer: published government documents in, the typed dataset out.
//!
//! Each document kind has its own parser; every parser claims each line it uses in an
//! [`accounting::Accounting`], so nothing is dropped silently.

pub mod accounting;
pub mod breakdown;
pub mod cli;
pub mod dataset;
pub mod detect;
pub mod error;
pub mod figures;
pub mod join;
pub mod local;
pub mod outcome;
pub mod parsed;
pub mod period;
pub mod pinghu;
pub mod pipeline;
pub mod plan;
pub mod progress;
mod prose;
pub mod protocol;
#[cfg(feature = "publish")]
pub mod publish;
pub mod read_text;
pub mod reference;
pub mod report;
pub mod synth;
pub mod text;
pub mod threads;
pub mod units;
