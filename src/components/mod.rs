//! Pieces shared by several views.

pub mod facets;
pub mod highlight;
pub mod nav;
pub mod status;
pub mod task_row;
