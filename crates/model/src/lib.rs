//! planboard's model: the typed dataset and everything the views ask of it (filtering,
//! facet counts, search, statistics, the URL state). Plain Rust, no web types, so all
//! of it is tested natively with `cargo test`.
//!
//! The flow: [`parse_dataset`] reads the four data files into a [`Dataset`];
//! [`Index::new`] turns it into entries once; every change of the URL's [`Route`]
//! gives a [`Filter`] for [`Index::query`], whose [`QueryResult`] holds the matching
//! entries and the facet counts; [`stats`] functions summarise matches for charts.

pub mod bulletin;
pub mod commitments;
pub mod compare;
mod corpus;
pub mod csv;
pub mod entry;
pub mod export;
pub mod facets;
pub mod filter;
pub mod index;
pub mod lag;
pub mod lang;
pub mod links;
pub mod load;
pub mod markup;
pub mod pace;
pub mod route;
pub mod search;
pub mod stats;
pub mod types;

pub use entry::{Entry, EntryKind, EntryRef};
pub use facets::{Facet, FacetValue, Facets};
pub use filter::{Filter, Role, SortOrder};
pub use index::{Index, QueryResult};
pub use lang::Lang;
pub use links::{
    link_key, record_text, Basis, Link, LinkIndex, LinkKind, Links, LinksFile, Measure, PaceFigure,
    RecordKind, RecordText, Thread,
};
pub use load::{parse_core_dataset, parse_dataset, parse_links, parse_plan, LoadError, DATA_DIR};
pub use route::{Route, View};
pub use search::{
    fold, fold_into, highlight, highlight_terms, matches_query, mentions_any, search_terms,
};
pub use stats::{
    lagging, neighbours, per_district, per_leader, per_progress_document, per_unit, sort_by_status,
    status_counts, Bar, Neighbours, StatusCounts, UnitLoad,
};
pub use types::*;
