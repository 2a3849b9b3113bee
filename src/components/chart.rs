//! Horizontal stacked bar charts drawn as SVG by the app (no chart library).
//!
//! Every chart is a `<figure data-chart="…">` holding a caption, a legend that names
//! each series in words, the SVG (`role="img"` with a spoken summary) and a table with
//! the same numbers. Colour is never the only carrier: the lagging and no-progress
//! series also have a pattern, segments carry their count, and the table and legend
//! spell the series out.
//!
//! The SVG itself holds no links — an element with role `img` presents its children as
//! decoration, so links there would be unreachable for screen-reader users (axe flags
//! them as nested interactive content). The table beside the chart carries the links:
//! the row label for the whole bar, each count for that bar's part. The drawing itself
//! is in `chart/svg.rs`.

mod svg;

use leptos::prelude::*;
use planboard_model::Status;

use super::chart_table::{composition_table, table_view};
use crate::i18n::{lang, tr};
use svg::{chart_svg, RowLabels};
pub use svg::{fit_label, fmt, svg_id, text_width};

/// The most room a row label takes before it is shortened with `…`.
const MAX_LABEL_WIDTH: f64 = 122.0;
/// Interface words as row labels (English status words are long) get more room: such
/// charts have few rows and short bars.
const MAX_INTERFACE_LABEL_WIDTH: f64 = 150.0;
/// Where a caption names its subject (see `caption_name`).
const NAME_PLACEHOLDER: &str = "{name}";
/// At most this many rows are read out in the SVG's spoken summary; the table has all.
const SPOKEN_ROWS: usize = 12;

/// How a series is painted. Statuses keep one look across every chart of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeriesStyle {
    Status(Status),
    /// Counted as the lead unit (牵头).
    Lead,
    /// Counted as a co-responsible unit (配合).
    Co,
}

impl SeriesStyle {
    /// CSS class suffix, shared by the SVG segments and the legend swatches.
    pub fn class(self) -> &'static str {
        match self {
            SeriesStyle::Status(status) => status.code(),
            SeriesStyle::Lead => "lead",
            SeriesStyle::Co => "co",
        }
    }

    /// Base colour; the patterned series draw their pattern over it.
    fn colour(self) -> &'static str {
        match self {
            SeriesStyle::Status(Status::Lagging) => "#b3261e",
            SeriesStyle::Status(Status::NoProgress) => "#f0c05a",
            SeriesStyle::Status(Status::Reported) => "#2e7d32",
            SeriesStyle::Status(Status::NotTracked) => "#9aa3ad",
            SeriesStyle::Status(Status::NotCompleted) => "#6d1a7e",
            SeriesStyle::Status(Status::Ongoing) => "#4f8fbf",
            SeriesStyle::Status(Status::MostlyCompleted) => "#7fb77e",
            SeriesStyle::Status(Status::Completed) => "#0b5d1e",
            SeriesStyle::Lead => "#1f4e8c",
            SeriesStyle::Co => "#a9c4e8",
        }
    }

    /// (text colour, halo colour) for a count written on a segment of this series.
    fn ink(self) -> (&'static str, &'static str) {
        match self {
            SeriesStyle::Status(Status::Lagging) => ("#ffffff", "#5a0f0a"),
            SeriesStyle::Status(Status::Reported) => ("#ffffff", "#14401a"),
            SeriesStyle::Status(Status::NotCompleted) => ("#ffffff", "#3a0d44"),
            SeriesStyle::Status(Status::Completed) => ("#ffffff", "#062f0f"),
            SeriesStyle::Lead => ("#ffffff", "#0d2546"),
            _ => ("#111111", "#ffffff"),
        }
    }

    fn pattern(self) -> Option<&'static str> {
        match self {
            SeriesStyle::Status(Status::Lagging) => Some("hatch"),
            SeriesStyle::Status(Status::NoProgress) => Some("dots"),
            SeriesStyle::Status(Status::NotCompleted) => Some("cross"),
            _ => None,
        }
    }
}

/// One series (one segment kind) of a stacked chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// The word shown in the legend and the table header, e.g. `滞后`, `牵头`; an
    /// interface word, in the interface language.
    pub label: String,
    pub style: SeriesStyle,
}

/// One bar: a label and one value per series, in the chart's series order.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ChartRow {
    pub label: String,
    pub values: Vec<usize>,
    /// Where the row's label links (the task list this bar counts).
    pub href: Option<String>,
    /// Per series, where that count links.
    pub value_hrefs: Vec<Option<String>>,
}

impl ChartRow {
    pub fn total(&self) -> usize {
        self.values.iter().sum()
    }
}

/// A horizontal stacked bar chart with its legend and table alternative.
///
/// Series whose every value is zero are left out of legend, SVG and table. With no
/// bar to draw, an explicit empty-state sentence replaces the figure.
#[component]
pub fn StackedBarChart(
    /// The `data-chart` value; also prefixes the SVG's pattern ids, so must be unique
    /// on the page.
    key: String,
    /// In the interface language; may hold `{name}` where `caption_name` goes.
    caption: String,
    /// A name from the documents (a leader, a unit) that the caption is about: put in
    /// place of `{name}` and marked `lang="zh-CN"`, so the caption's own words can be
    /// English around it.
    #[prop(optional, into)]
    caption_name: Option<String>,
    series: Vec<Series>,
    rows: Vec<ChartRow>,
    /// Title of the value axis, e.g. `任务数（项）`.
    axis_label: String,
    /// Header of the table's label column, e.g. `领导`.
    label_header: String,
    /// The row labels are the documents' own names (leaders, units, districts,
    /// indicators), not interface words: they are marked `lang="zh-CN"` in the drawing,
    /// the table and the spoken summary.
    #[prop(optional)]
    document_labels: bool,
    /// Each row is one series of a single group (e.g. the statuses of one document):
    /// the row labels already name the series, so no legend, and the table gives each
    /// row's count and share instead of a column per series.
    #[prop(optional)]
    composition: bool,
) -> impl IntoView {
    let shown: Vec<usize> = (0..series.len())
        .filter(|&s| {
            rows.iter()
                .any(|row| row.values.get(s).copied().unwrap_or(0) > 0)
        })
        .collect();
    let label_lang = document_labels.then_some("zh-CN");
    if shown.is_empty() {
        return view! {
            <p class="empty" data-chart-empty=key>
                {caption_view(&caption, caption_name.as_deref())}
                {tr("：没有可绘制的数据。", ": nothing to draw.")}
            </p>
        }
        .into_any();
    }
    let pattern_prefix = svg_id(&key);
    let summary_id = format!("{pattern_prefix}-summary");
    let caption_id = format!("{pattern_prefix}-caption");
    let summary = spoken_summary(
        caption_view(&caption, caption_name.as_deref()),
        &series,
        &shown,
        &rows,
        label_lang,
    );
    let legend = (!composition).then(|| legend_view(&series, &shown));
    let labels = RowLabels {
        lang: label_lang,
        max_width: if document_labels {
            MAX_LABEL_WIDTH
        } else {
            MAX_INTERFACE_LABEL_WIDTH
        },
    };
    let svg = chart_svg(
        &pattern_prefix,
        &series,
        &shown,
        &rows,
        &axis_label,
        labels,
        &summary_id,
    );
    let table = if composition {
        composition_table(&label_header, &rows, label_lang).into_any()
    } else {
        table_view(&label_header, &series, &shown, &rows, label_lang).into_any()
    };
    view! {
        <figure class="chart" data-chart=key>
            <figcaption id=caption_id.clone()>
                {caption_view(&caption, caption_name.as_deref())}
            </figcaption>
            <div class="chart-body">
                <div class="chart-graphic">
                    {legend}
                    {svg}
                    // The drawing's name: an HTML paragraph rather than an aria-label, so
                    // the names in it can be marked Chinese. Hidden, since the table
                    // beside the drawing already says it all to everyone else.
                    <p hidden id=summary_id>{summary}</p>
                </div>
                // A scroll box of its own, named by the caption: a table with a column
                // per status fits a phone only as long as the reader's fonts are narrow
                // enough, and then the table, not the page, must scroll sideways.
                <div class="table-scroll" role="region" aria-labelledby=caption_id tabindex="0">
                    {table}
                </div>
            </div>
        </figure>
    }
    .into_any()
}

/// The caption with its subject's name, if any, in place and marked Chinese.
fn caption_view(caption: &str, name: Option<&str>) -> AnyView {
    match (name, caption.split_once(NAME_PLACEHOLDER)) {
        (Some(name), Some((before, after))) => view! {
            {before.to_owned()}
            <span lang="zh-CN">{name.to_owned()}</span>
            {after.to_owned()}
        }
        .into_any(),
        _ => caption.to_owned().into_any(),
    }
}

/// The legend: a swatch (colour and pattern) beside the series' word.
pub fn legend_view(series: &[Series], shown: &[usize]) -> impl IntoView {
    let items = shown
        .iter()
        .map(|&s| {
            let class = format!("swatch swatch-{}", series[s].style.class());
            view! {
                <li>
                    <span class=class aria-hidden="true"></span>
                    {series[s].label.clone()}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="chart-legend" aria-label=tr("图例", "Legend")>{items}</ul> }
}

/// What a screen reader says for the chart: the caption and, row by row, the counts.
fn spoken_summary(
    caption: AnyView,
    series: &[Series],
    shown: &[usize],
    rows: &[ChartRow],
    label_lang: Option<&'static str>,
) -> impl IntoView {
    let language = lang();
    let row_parts = rows
        .iter()
        .take(SPOKEN_ROWS)
        .enumerate()
        .map(|(i, row)| {
            let detail: Vec<String> = shown
                .iter()
                .filter_map(|&s| {
                    let value = row.values.get(s).copied().unwrap_or(0);
                    (value > 0).then(|| format!("{} {}", series[s].label, value))
                })
                .collect();
            let total = row.total();
            let counts = language.pick(
                format!(" 共 {total}（{}）", detail.join("，")),
                format!(": {total} ({})", detail.join(", ")),
            );
            let separator = (i > 0).then(|| tr("；", "; "));
            view! { {separator} <span lang=label_lang>{row.label.clone()}</span> {counts} }
        })
        .collect_view();
    let more = (rows.len() > SPOKEN_ROWS).then(|| {
        let n = rows.len();
        language.pick(format!("；等 {n} 项"), format!("; {n} rows in all"))
    });
    view! {
        {tr("条形图：", "Bar chart: ")}
        {caption}
        {tr("。", ". ")}
        {row_parts}
        {more}
        {tr("。数据见下表。", ". The numbers are in the table below.")}
    }
}
