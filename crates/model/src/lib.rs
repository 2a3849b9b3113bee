//! planboard's model: the typed dataset and everything the views ask of it (filtering,
//! facet counts, search, statistics, the URL state). Plain Rust, no web types, so all
//! of it is tested natively with `cargo test`.

pub mod types;

pub use types::*;
