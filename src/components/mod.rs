//! Pieces shared by several views.

pub mod chart;
pub mod chart_table;
pub mod data_gate;
pub mod empty_page;
pub mod entry_list;
pub mod export_buttons;
pub mod facets;
pub mod highlight;
pub mod indicator_chart;
pub mod judgements;
pub mod jump_link;
pub mod list_route;
pub mod load_error;
pub mod nav;
pub mod scheduling;
pub mod status;
pub mod status_chart;
pub mod task_row;
pub mod update_banner;
