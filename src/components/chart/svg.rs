//! The SVG drawing of a stacked bar chart: bars, segments with their counts, ticks and
//! the value axis, and the small geometry helpers other charts share.

use leptos::prelude::*;

use super::{ChartRow, Series};

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

/// How the row labels are drawn: their language mark and the room they may take.
#[derive(Clone, Copy)]
pub(super) struct RowLabels {
    pub lang: Option<&'static str>,
    pub max_width: f64,
}

/// The drawing, named for assistive technology by the element with id `summary_id`.
pub(super) fn chart_svg(
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

/// The hatch (滞后), dot (未报进展) and cross (未完成) patterns, with ids unique to one
/// chart, so the two statuses a supervisor follows up never read as a plain colour.
fn patterns(prefix: &str) -> impl IntoView {
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
            <pattern id=format!("{prefix}-cross") width="6" height="6" patternUnits="userSpaceOnUse">
                <rect width="6" height="6" fill="#6d1a7e"></rect>
                <path d="M0 0L6 6M6 0L0 6" stroke="#e9c8ef" stroke-width="1.2"></path>
            </pattern>
        </defs>
    }
}

/// The axis maximum and tick step for counts up to `max`: a 1-2-5 step giving at most
/// five intervals, so tick labels never crowd at 360 px.
fn axis_scale(max: usize) -> (usize, usize) {
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
