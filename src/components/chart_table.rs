//! The table alternative printed beside every chart: the same numbers as the bars,
//! with the links (the SVG itself, being an image, holds none).

use leptos::prelude::*;

use super::chart::{ChartRow, Series};
use crate::i18n::tr;

/// One column per shown series, one row per bar, the total last. `label_lang` marks
/// the row labels when they are the documents' names.
pub fn table_view(
    label_header: &str,
    series: &[Series],
    shown: &[usize],
    rows: &[ChartRow],
    label_lang: Option<&'static str>,
) -> impl IntoView {
    let headers = shown
        .iter()
        .map(|&s| view! { <th scope="col" class="num">{series[s].label.clone()}</th> })
        .collect_view();
    let body = rows
        .iter()
        .map(|row| {
            let label = link_or_text(row.href.clone(), row.label.clone());
            let cells = shown
                .iter()
                .map(|&s| {
                    let value = row.values.get(s).copied().unwrap_or(0);
                    let href = row
                        .value_hrefs
                        .get(s)
                        .cloned()
                        .flatten()
                        .filter(|_| value > 0);
                    view! { <td class="num">{link_or_text(href, value.to_string())}</td> }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row" lang=label_lang>{label}</th>
                    {cells}
                    <td class="num total">{row.total().to_string()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="data chart-table">
            <thead>
                <tr>
                    <th scope="col">{label_header.to_string()}</th>
                    {headers}
                    <th scope="col" class="num">{tr("合计", "Total")}</th>
                </tr>
            </thead>
            <tbody>{body}</tbody>
        </table>
    }
}

/// For a composition chart: each row's count and its share of the whole.
pub fn composition_table(
    label_header: &str,
    rows: &[ChartRow],
    label_lang: Option<&'static str>,
) -> impl IntoView {
    let whole: usize = rows.iter().map(ChartRow::total).sum();
    let body = rows
        .iter()
        .map(|row| {
            let total = row.total();
            let share = if whole == 0 {
                "—".to_string()
            } else {
                format!("{:.0}%", total as f64 * 100.0 / whole as f64)
            };
            view! {
                <tr>
                    <th scope="row" lang=label_lang>
                        {link_or_text(row.href.clone(), row.label.clone())}
                    </th>
                    <td class="num">{total.to_string()}</td>
                    <td class="num">{share}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="data chart-table">
            <thead>
                <tr>
                    <th scope="col">{label_header.to_string()}</th>
                    <th scope="col" class="num">{tr("项数", "Count")}</th>
                    <th scope="col" class="num">{tr("占比", "Share")}</th>
                </tr>
            </thead>
            <tbody>{body}</tbody>
            <tfoot>
                <tr>
                    <th scope="row">{tr("合计", "Total")}</th>
                    <td class="num total">{whole.to_string()}</td>
                    <td class="num">{if whole == 0 { "—" } else { "100%" }}</td>
                </tr>
            </tfoot>
        </table>
    }
}

/// A link when there is somewhere to go, plain text otherwise.
pub fn link_or_text(href: Option<String>, text: String) -> AnyView {
    match href {
        Some(href) => view! { <a href=href>{text}</a> }.into_any(),
        None => text.into_any(),
    }
}
