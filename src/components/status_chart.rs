//! Turning the model's status counts into chart rows whose table links lead to the
//! matching task lists.

use planboard_model::{Filter, Route, Status, StatusCounts, View};

use super::chart::{ChartRow, Series, SeriesStyle};
use crate::i18n::lang;
use crate::state::href;

/// The four statuses as chart series, in the model's display order (滞后 first, so
/// the part that needs attention starts every bar).
pub fn status_series() -> Vec<Series> {
    Status::ALL
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
    ChartRow {
        label,
        values: Status::ALL
            .into_iter()
            .map(|status| counts.get(status))
            .collect(),
        href: filter.map(|filter| tasks_href(filter.clone())),
        value_hrefs: Status::ALL
            .into_iter()
            .map(|status| filter.map(|filter| tasks_href(with_status(filter, status))))
            .collect(),
    }
}

/// One bar per status, labelled with the status word: for a single group's
/// composition, where a legend would only repeat the labels.
pub fn status_composition_rows(counts: &StatusCounts, filter: Option<&Filter>) -> Vec<ChartRow> {
    Status::ALL
        .into_iter()
        .enumerate()
        .filter(|&(_, status)| counts.get(status) > 0)
        .map(|(i, status)| {
            let mut values = vec![0; Status::ALL.len()];
            values[i] = counts.get(status);
            let link = filter.map(|filter| tasks_href(with_status(filter, status)));
            let mut value_hrefs = vec![None; Status::ALL.len()];
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
