//! A task's commitment through its year (`时间线`): each report that lists it, oldest
//! first, with its date, period, status and words; and the table columns the importer
//! keeps as printed (存在问题, 下步打算, columns it has no field for).

use leptos::prelude::*;
use planboard_model::commitments::timeline;
use planboard_model::{JoinMatch, Task, View};

use crate::components::status::StatusBadge;
use crate::i18n::{lang, tr};
use crate::state::{href_view, use_data};

/// The timeline of `task`'s commitment; nothing when no other document lists it.
#[component]
pub(super) fn CommitmentTimeline(task_id: String) -> impl IntoView {
    let data = use_data();
    let points = timeline(&data.dataset, &task_id);
    if points.is_empty() {
        return None;
    }
    let rows = points
        .into_iter()
        .map(|point| {
            let current = point.task.id == task_id;
            let period = point
                .document
                .map(|document| document.short_label())
                .unwrap_or_else(|| point.task.document.clone());
            let words: Vec<String> = point
                .task
                .progress
                .iter()
                .chain(&point.task.remarks)
                .cloned()
                .collect();
            let joined = point.matched.label(lang());
            // The reason quotes the documents' numbering and wording: Chinese.
            let reason = (point.matched == JoinMatch::Close)
                .then(|| point.reason.map(|reason| view! { {lang().pick("：", ": ")} <span lang="zh-CN">{reason.to_string()}</span> }))
                .flatten();
            let link = href_view(View::Item(point.task.id.clone()));
            view! {
                <li class="timeline-point" class:timeline-current=current data-testid="timeline-point"
                    aria-current=current.then_some("true")>
                    <p class="timeline-head">
                        <time datetime=point.date.to_string()>{point.date.to_string()}</time>
                        " "
                        <a href=link lang="zh-CN">{period}</a>
                        " "
                        <StatusBadge status=point.status />
                        " "
                        <span class="muted timeline-join">{joined} {reason}</span>
                    </p>
                    {if words.is_empty() {
                        view! { <p class="muted">{tr("此报告中没有写进展。", "This report writes no progress.")}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="progress-list">
                                {words.into_iter().map(|line| view! { <li lang="zh-CN">{line}</li> }).collect_view()}
                            </ul>
                        }
                            .into_any()
                    }}
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <section class="item-section item-timeline" data-testid="item-timeline" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{tr("时间线：各份文件中的这项工作", "Timeline: this commitment in each document")}</h2>
            <p class="muted">
                {tr(
                    "同一城市同一年的责任分解和各期进展报告中，序号和文字一致（忽略全半角、空格与标点）的为同一事项；文字相近的注明了依据。由旧到新：",
                    "The same city's breakdown and progress reports of one year list this work again; entries whose number and text agree (ignoring width, spaces and punctuation) are joined, close matches say why. Oldest first:",
                )}
            </p>
            <ol class="timeline">{rows}</ol>
        </section>
    })
}

/// Problems, next steps, the area heading and the columns kept as printed.
#[component]
pub(super) fn TaskExtras(task: Task) -> impl IntoView {
    let list = |title: &'static str, testid: &'static str, lines: Vec<String>| {
        (!lines.is_empty()).then(|| {
            view! {
                <section class="item-section" data-testid=testid>
                    <h2>{title}</h2>
                    <ul class="progress-list">
                        {lines.into_iter().map(|line| view! { <li lang="zh-CN">{line}</li> }).collect_view()}
                    </ul>
                </section>
            }
        })
    };
    let columns = (!task.other_columns.is_empty()).then(|| {
        view! {
            <section class="item-section" data-testid="item-other-columns">
                <h2>{tr("表格中的其他栏目（原样保留）", "Other columns of the table (as printed)")}</h2>
                <dl class="item-facts">
                    {task
                        .other_columns
                        .iter()
                        .map(|(name, cell)| view! { <dt lang="zh-CN">{name.clone()}</dt> <dd lang="zh-CN">{cell.clone()}</dd> })
                        .collect_view()}
                </dl>
            </section>
        }
    });
    view! {
        {list(tr("存在问题", "Problems"), "item-problems", task.problems.clone())}
        {list(tr("下步打算", "Next steps"), "item-next-steps", task.next_steps.clone())}
        {columns}
    }
}
