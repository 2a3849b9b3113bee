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
//! the row label for the whole bar, each count for that bar's part.

use leptos::prelude::*;
use planboard_model::Status;

use super::chart_table::{composition_table, table_view};
use crate::i18n::{lang, tr};

/// Width of every chart's coordinate system; the SVG scales to its box from there.
/// Narrow on purpose: at 360 px the scale stays above one, so the 12-unit text stays
/// at least 12 px; on wide screens CSS caps the drawing's width instead.
const VIEW_WIDTH: f64 = 320.0;
const FONT: f64 = 12.0;
const ROW_HEIGHT: f64 = 24.0;
const BAR_HEIGHT: f64 = 16.0;
const TOP: f64 = 6.0;
/// Room right of the longest bar for its total.
const TOTAL_ROOM: f64 = 30.0;
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
            SeriesStyle::Lead => "#1f4e8c",
            SeriesStyle::Co => "#a9c4e8",
        }
    }

    /// (text colour, halo colour) for a count written on a segment of this series.
    fn ink(self) -> (&'static str, &'static str) {
        match self {
            SeriesStyle::Status(Status::Lagging) => ("#ffffff", "#5a0f0a"),
            SeriesStyle::Status(Status::Reported) => ("#ffffff", "#14401a"),
            SeriesStyle::Lead => ("#ffffff", "#0d2546"),
            _ => ("#111111", "#ffffff"),
        }
    }

    fn pattern(self) -> Option<&'static str> {
        match self {
            SeriesStyle::Status(Status::Lagging) => Some("hatch"),
            SeriesStyle::Status(Status::NoProgress) => Some("dots"),
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
            <figcaption>{caption_view(&caption, caption_name.as_deref())}</figcaption>
            <div class="chart-body">
                <div class="chart-graphic">
                    {legend}
                    {svg}
                    // The drawing's name: an HTML paragraph rather than an aria-label, so
                    // the names in it can be marked Chinese. Hidden, since the table
                    // beside the drawing already says it all to everyone else.
                    <p hidden id=summary_id>{summary}</p>
                </div>
                {table}
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

/// How the row labels are drawn: their language mark and the room they may take.
#[derive(Clone, Copy)]
struct RowLabels {
    lang: Option<&'static str>,
    max_width: f64,
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

fn chart_svg(
    prefix: &str,
    series: &[Series],
    shown: &[usize],
    rows: &[ChartRow],
    axis_label: &str,
    labels: RowLabels,
    summary_id: &str,
) -> impl IntoView {
    let max_total = rows.iter().map(ChartRow::total).max().unwrap_or(0);
    let (axis_max, step) = axis_scale(max_total);
    let label_width = rows
        .iter()
        .map(|row| text_width(&row.label, FONT))
        .fold(0.0, f64::max)
        .min(labels.max_width)
        + 8.0;
    let plot_x = label_width;
    let plot_width = VIEW_WIDTH - label_width - TOTAL_ROOM;
    let x_of = move |value: usize| plot_x + value as f64 / axis_max as f64 * plot_width;
    let axis_y = TOP + rows.len() as f64 * ROW_HEIGHT + 2.0;
    let height = axis_y + 36.0;

    let ticks = (0..=axis_max / step)
        .map(|i| {
            let value = i * step;
            let x = fmt(x_of(value));
            view! {
                <g class="tick">
                    <line x1=x.clone() x2=x.clone() y1=fmt(TOP - 2.0) y2=fmt(axis_y + 4.0)></line>
                    <text x=x y=fmt(axis_y + 16.0) text-anchor="middle">{value.to_string()}</text>
                </g>
            }
        })
        .collect_view();

    let bars = rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let y = TOP + i as f64 * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2.0;
            let text_y = fmt(y + BAR_HEIGHT / 2.0 + FONT * 0.36);
            let mut cursor = 0usize;
            // A lone segment's count would only repeat the total printed after the bar.
            let parts = shown
                .iter()
                .filter(|&&s| row.values.get(s).copied().unwrap_or(0) > 0)
                .count();
            let segments = shown
                .iter()
                .filter_map(|&s| {
                    let value = row.values.get(s).copied().unwrap_or(0);
                    if value == 0 {
                        return None;
                    }
                    let style = series[s].style;
                    let (x0, x1) = (x_of(cursor), x_of(cursor + value));
                    cursor += value;
                    let fill = match style.pattern() {
                        Some(name) => format!("url(#{prefix}-{name})"),
                        None => style.colour().to_string(),
                    };
                    let count = value.to_string();
                    let fits = x1 - x0 >= text_width(&count, 11.0) + 4.0;
                    let label = (parts > 1 && fits).then(|| {
                        let (ink, halo) = style.ink();
                        view! {
                            <text class="seg-value" x=fmt((x0 + x1) / 2.0) y=text_y.clone()
                                text-anchor="middle" style:fill=ink style:stroke=halo>{count}</text>
                        }
                    });
                    Some(view! {
                        <g class=format!("seg seg-{}", style.class())>
                            <rect x=fmt(x0) y=fmt(y) width=fmt(x1 - x0) height=fmt(BAR_HEIGHT)
                                fill=fill></rect>
                            {label}
                        </g>
                    })
                })
                .collect_view();
            let total = row.total();
            view! {
                <g class="bar">
                    <text class="bar-label" x=fmt(plot_x - 6.0) y=text_y.clone() text-anchor="end"
                        lang=labels.lang>
                        {fit_label(&row.label, labels.max_width)}
                    </text>
                    {segments}
                    <rect class="bar-outline" x=fmt(plot_x) y=fmt(y) width=fmt(x_of(total) - plot_x)
                        height=fmt(BAR_HEIGHT) fill="none"></rect>
                    <text class="bar-total" x=fmt(x_of(total) + 4.0) y=text_y>{total.to_string()}</text>
                </g>
            }
        })
        .collect_view();

    let view_box = format!("0 0 {} {}", fmt(VIEW_WIDTH), fmt(height));
    view! {
        <svg class="chart-svg" viewBox=view_box role="img" aria-labelledby=summary_id.to_owned()
            xmlns="http://www.w3.org/2000/svg">
            {patterns(prefix)}
            <g class="ticks">{ticks}</g>
            {bars}
            <line class="axis" x1=fmt(plot_x) x2=fmt(plot_x + plot_width) y1=fmt(axis_y)
                y2=fmt(axis_y)></line>
            <text class="axis-title" x=fmt(plot_x + plot_width / 2.0) y=fmt(axis_y + 32.0)
                text-anchor="middle">{axis_label.to_string()}</text>
        </svg>
    }
}

/// The hatch (滞后) and dot (未报进展) patterns, with ids unique to one chart.
pub fn patterns(prefix: &str) -> impl IntoView {
    view! {
        <defs>
            <pattern id=format!("{prefix}-hatch") width="6" height="6" patternUnits="userSpaceOnUse"
                patternTransform="rotate(45)">
                <rect width="6" height="6" fill="#b3261e"></rect>
                <line x1="1" y1="0" x2="1" y2="6" stroke="#f4c7c3" stroke-width="1.6"></line>
            </pattern>
            <pattern id=format!("{prefix}-dots") width="5" height="5" patternUnits="userSpaceOnUse">
                <rect width="5" height="5" fill="#f0c05a"></rect>
                <circle cx="2.5" cy="2.5" r="1.1" fill="#6b4a00"></circle>
            </pattern>
        </defs>
    }
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

/// The axis maximum and tick step for counts up to `max`: a 1-2-5 step giving at most
/// five intervals, so tick labels never crowd at 360 px.
pub fn axis_scale(max: usize) -> (usize, usize) {
    if max == 0 {
        return (1, 1);
    }
    let mut magnitude = 1usize;
    loop {
        for factor in [1, 2, 5] {
            let step = factor * magnitude;
            if max.div_ceil(step) <= 5 {
                return (max.div_ceil(step) * step, step);
            }
        }
        magnitude *= 10;
    }
}

/// Estimated rendered width: CJK characters are one em, capitals and digits about six
/// tenths, lower-case letters a little less, a space a third. Good enough to reserve
/// label room without measuring in the browser.
pub fn text_width(text: &str, font: f64) -> f64 {
    text.chars()
        .map(|c| match c {
            ' ' => 0.3,
            'a'..='z' => 0.55,
            c if c.is_ascii() => 0.62,
            _ => 1.0,
        })
        .sum::<f64>()
        * font
}

/// The label shortened with `…` to fit `max` (the table beside the chart has it whole).
pub fn fit_label(label: &str, max: f64) -> String {
    if text_width(label, FONT) <= max {
        return label.to_string();
    }
    let mut out = String::new();
    for c in label.chars() {
        if text_width(&out, FONT) + 2.0 * FONT > max {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// An id fragment from any key: ASCII letters and digits kept, everything else spelled
/// as its code point, so keys made of Chinese names stay unique and valid.
pub fn svg_id(key: &str) -> String {
    let mut id = String::from("chart-");
    for c in key.chars() {
        if c.is_ascii_alphanumeric() || c == '-' {
            id.push(c);
        } else {
            id.push_str(&format!("_{:x}", c as u32));
        }
    }
    id
}

/// A coordinate with at most one decimal, to keep the markup small.
pub fn fmt(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{}", rounded as i64)
    } else {
        format!("{rounded:.1}")
    }
}
