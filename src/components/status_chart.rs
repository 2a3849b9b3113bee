//! Turning the model's status counts into chart rows whose table links lead to the
//! matching task lists.

use planboard_model::{Filter, Route, Status, StatusCounts, View};

use super::chart::{ChartRow, Series, SeriesStyle};
use crate::i18n::lang;
use crate::state::{href, AppData};
use leptos::prelude::use_context;

/// The statuses the data hold, in the model's display order (滞后 first, so the part
/// that needs attention starts every bar); year-end outcomes only once a year-end
/// report is in the data.
fn shown_statuses() -> Vec<Status> {
    use_context::<AppData>().map_or_else(
        || Status::ALL.to_vec(),
        |data| data.index.statuses().to_vec(),
    )
}

/// The statuses as chart series (see `shown_statuses`).
pub fn status_series() -> Vec<Series> {
    shown_statuses()
        .into_iter()
        .map(|status| Series {
            label: status.label(lang()).to_string(),
            style: SeriesStyle::Status(status),
        })
        .collect()
}

/// One bar of a status chart. With a `filter`, the table links the label to that task
/// list and each count to the same list narrowed to its status.
pub fn status_row(label: String, counts: &StatusCounts, filter: Option<&Filter>) -> ChartRow {
    let statuses = shown_statuses();
    ChartRow {
        label,
        values: statuses.iter().map(|&status| counts.get(status)).collect(),
        href: filter.map(|filter| tasks_href(filter.clone())),
        value_hrefs: statuses
            .into_iter()
            .map(|status| filter.map(|filter| tasks_href(with_status(filter, status))))
            .collect(),
    }
}

/// One bar per status, labelled with the status word: for a single group's
/// composition, where a legend would only repeat the labels.
pub fn status_composition_rows(counts: &StatusCounts, filter: Option<&Filter>) -> Vec<ChartRow> {
    let statuses = shown_statuses();
    let shown = statuses.len();
    statuses
        .into_iter()
        .enumerate()
        .filter(|&(_, status)| counts.get(status) > 0)
        .map(|(i, status)| {
            let mut values = vec![0; shown];
            values[i] = counts.get(status);
            let link = filter.map(|filter| tasks_href(with_status(filter, status)));
            let mut value_hrefs = vec![None; shown];
            value_hrefs[i] = link.clone();
            ChartRow {
                label: status.label(lang()).to_string(),
                values,
                href: link,
                value_hrefs,
            }
        })
        .collect()
}

/// The task list (`#/tasks?…`) for a filter.
pub fn tasks_href(filter: Filter) -> String {
    href(&Route {
        view: View::Tasks,
        filter,
        ..Route::default()
    })
}

fn with_status(filter: &Filter, status: Status) -> Filter {
    Filter {
        status: vec![status],
        ..filter.clone()
    }
}
