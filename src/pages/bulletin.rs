//! 督查通报: one progress report's lagging tasks grouped by lead unit and by leader, with
//! the supervisors' remarks and, if the reader asks (`note=1`), their own notes; laid
//! out for A4 paper by style/print.css.

use leptos::prelude::*;
use planboard_model::bulletin::{Bulletin, BulletinGroup};
use planboard_model::{DocumentKind, LinkIndex, Route, SourceDocument, View};

use crate::components::task_row::document_short_label;
use crate::notes::use_notes;
use crate::state::{href, navigate, use_data, use_route, HistoryMode};

/// `#/bulletin?doc=<progress report>&note=1`.
#[component]
pub fn BulletinPage() -> impl IntoView {
    let route = use_route();
    let chosen = Memo::new(move |_| route.with(|route| route.filter.doc.first().cloned()));
    let with_notes = Memo::new(move |_| route.with(|route| route.filter.note));
    move || view! { <BulletinReport chosen=chosen.get() with_notes /> }
}

/// Progress reports, newest first.
fn progress_reports(documents: &[SourceDocument]) -> Vec<SourceDocument> {
    let mut reports: Vec<SourceDocument> = documents
        .iter()
        .filter(|document| document.kind == DocumentKind::ProgressReport)
        .cloned()
        .collect();
    reports.sort_by(|a, b| b.date.cmp(&a.date));
    reports
}

#[component]
fn BulletinReport(chosen: Option<String>, with_notes: Memo<bool>) -> impl IntoView {
    let data = use_data();
    let reports = progress_reports(&data.dataset.catalog.documents);
    let Some(report) = chosen
        .and_then(|id| reports.iter().find(|r| r.id == id).cloned())
        .or_else(|| reports.first().cloned())
    else {
        return view! { <p class="empty">"当前数据中没有进展报告。"</p> }.into_any();
    };
    let links = LinkIndex::new(&data.dataset.links);
    let bulletin = Bulletin::new(&data.index, &links, &report.id);

    let report_links = reports
        .iter()
        .map(|r| {
            let target = bulletin_route(&r.id, with_notes.get_untracked());
            let current = (r.id == report.id).then_some("page");
            view! { <li><a href=href(&target) aria-current=current>{document_short_label(r)}</a></li> }
        })
        .collect_view();
    let report_id = report.id.clone();
    let toggle_notes = move |_| {
        navigate(
            &bulletin_route(&report_id, !with_notes.get_untracked()),
            HistoryMode::Replace,
        );
    };
    let print = |_| {
        let _ = window().print();
    };

    let lagging = bulletin.lagging.len();
    let summary = format!(
        "报告日期 {} · 跟踪任务 {} 项 · 滞后 {} 项 · 涉及牵头单位 {} 个",
        report.date,
        bulletin.tracked,
        lagging,
        bulletin.by_unit.len()
    );
    let leader_note = bulletin.leaders_from_earlier.then(|| {
        view! {
            <p class="bulletin-explain">
                "该报告没有写明分管领导，以下按较早文件（如2021年责任分解）中同一事项的分管领导归类；分工可能已经调整，仅供参考。"
            </p>
        }
    });
    let body = if lagging == 0 {
        view! { <p class="bulletin-empty">"该报告中没有标为滞后的任务。"</p> }.into_any()
    } else {
        view! {
            <section class="bulletin-part" data-testid="bulletin-by-unit">
                <h2>"一、按牵头单位"</h2>
                {groups_view(&bulletin.by_unit, "unit", with_notes)}
                {orphans_view(&bulletin.without_unit, "未列牵头单位", with_notes)}
            </section>
            <section class="bulletin-part" data-testid="bulletin-by-leader">
                <h2>"二、按分管领导"</h2>
                {leader_note}
                {groups_view(&bulletin.by_leader, "leader", with_notes)}
                {orphans_view(&bulletin.without_leader, "未能对应分管领导", with_notes)}
            </section>
        }
        .into_any()
    };

    view! {
        <article class="bulletin" data-testid="bulletin">
            <div class="bulletin-controls">
                <nav aria-label="选择进展报告">
                    <ul class="choice-list">{report_links}</ul>
                </nav>
                <label class="bulletin-notes-toggle">
                    <input
                        type="checkbox"
                        data-testid="bulletin-include-notes"
                        prop:checked=move || with_notes.get()
                        on:change=toggle_notes
                    />
                    "包含我的笔记"
                </label>
                <button type="button" on:click=print>"打印"</button>
            </div>
            <header class="bulletin-head">
                <h1>"督查通报"</h1>
                <p class="bulletin-title">{report.title.clone()}</p>
                <p class="bulletin-summary" data-testid="bulletin-summary">{summary}</p>
            </header>
            {body}
        </article>
    }
    .into_any()
}

fn bulletin_route(document: &str, with_notes: bool) -> Route {
    let mut route = Route::new(View::Bulletin);
    route.filter.doc = vec![document.to_owned()];
    route.filter.note = with_notes;
    route
}

fn groups_view(groups: &[BulletinGroup], axis: &'static str, with_notes: Memo<bool>) -> AnyView {
    groups
        .iter()
        .map(|group| {
            let heading = format!(
                "{}（滞后 {} 项 / 跟踪 {} 项）",
                group.name,
                group.lagging.len(),
                group.tracked
            );
            view! {
                <section class="bulletin-group" data-group=axis data-name=group.name.clone()>
                    <h3>{heading}</h3>
                    <ol class="bulletin-items">{items_view(&group.lagging, with_notes)}</ol>
                </section>
            }
        })
        .collect_view()
        .into_any()
}

fn orphans_view(positions: &[usize], title: &'static str, with_notes: Memo<bool>) -> AnyView {
    if positions.is_empty() {
        return ().into_any();
    }
    view! {
        <section class="bulletin-group" data-group="none">
            <h3>{format!("{title}（{} 项）", positions.len())}</h3>
            <ol class="bulletin-items">{items_view(positions, with_notes)}</ol>
        </section>
    }
    .into_any()
}

fn items_view(positions: &[usize], with_notes: Memo<bool>) -> AnyView {
    let data = use_data();
    let notes = use_notes();
    positions
        .iter()
        .filter_map(|&position| data.index.entries().get(position))
        .filter_map(|entry| {
            entry
                .task(&data.dataset)
                .map(|task| (entry.id.clone(), task))
        })
        .map(|(id, task)| {
            let remarks = task.remarks.join(" ");
            let item_href = href(&Route::new(View::Item(id.clone())));
            let note_id = id.clone();
            let note = move || {
                if !with_notes.get() {
                    return None;
                }
                let text = notes
                    .note(&note_id)
                    .filter(|note| !note.text.trim().is_empty())?
                    .text;
                Some(view! { <p class="bulletin-note">"我的笔记：" {text}</p> })
            };
            view! {
                <li class="bulletin-item" data-item-id=id>
                    <p class="bulletin-task">
                        <a href=item_href class="bulletin-citation">{task.citation()}</a>
                        " "
                        {task.text.clone()}
                    </p>
                    <p class="bulletin-remarks">"督查意见：" {remarks}</p>
                    {note}
                </li>
            }
        })
        .collect_view()
        .into_any()
}
