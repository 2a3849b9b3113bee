//! 督查通报: one progress report's lagging tasks grouped by lead unit and by leader, with
//! the supervisors' remarks and, if the reader asks (`note=1`), their own notes; laid
//! out for A4 paper by style/print.css.

use leptos::prelude::*;
use planboard_model::bulletin::{Bulletin, BulletinGroup};
use planboard_model::{DocumentKind, Lang, LinkIndex, Route, SourceDocument, View};

use crate::components::data_gate::with_links;
use crate::components::task_row::document_short_label;
use crate::i18n::text_lang;
use crate::i18n::{counted, lang, tr};
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
        return view! {
            <p class="empty">
                {tr("当前数据中没有进展报告。", "The data hold no progress report.")}
            </p>
        }
        .into_any();
    };
    // Only a report that names no leader needs links.json (its tasks are grouped under
    // the leaders of earlier documents), so the others are drawn without waiting for it.
    if Bulletin::needs_links(&data.index, &report.id) {
        return with_links(move |links| {
            bulletin_article(&reports, &report, &LinkIndex::new(&links), with_notes)
        });
    }
    bulletin_article(&reports, &report, &LinkIndex::default(), with_notes)
}

/// The bulletin of `report`, with the links to the other `reports`.
fn bulletin_article(
    reports: &[SourceDocument],
    report: &SourceDocument,
    links: &LinkIndex,
    with_notes: Memo<bool>,
) -> AnyView {
    let data = use_data();
    let bulletin = Bulletin::new(&data.index, links, &report.id);

    let report_links = reports
        .iter()
        .map(|r| {
            let target = bulletin_route(&r.id, with_notes.get_untracked());
            let current = (r.id == report.id).then_some("page");
            view! {
                <li>
                    <a href=href(&target) aria-current=current lang="zh-CN">
                        {document_short_label(r)}
                    </a>
                </li>
            }
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
    let word = planboard_model::lag::follow_up_word(&data.index, &report.id, lang());
    let (date, tracked, units) = (&report.date, bulletin.tracked, bulletin.by_unit.len());
    let summary = lang().pick(
        format!(
            "报告日期 {date} · 跟踪任务 {tracked} 项 · {word} {lagging} 项 · 涉及牵头单位 {units} 个"
        ),
        format!(
            "Report of {date} · {} tracked · {lagging} {word} · {}",
            counted(tracked, "task", "tasks"),
            counted(units, "lead unit", "lead units"),
        ),
    );
    let leader_note = bulletin.leaders_from_earlier.then(|| {
        view! {
            <p class="bulletin-explain">
                {tr(
                    "该报告没有写明分管领导，以下按较早文件（如2021年责任分解）中同一事项的分管领导归类；分工可能已经调整，仅供参考。",
                    "This report names no leaders. The tasks are grouped under the leader an earlier document (such as the 2021 task breakdown) gives the same commitment; duties may have changed since, so take this as a guide only.",
                )}
            </p>
        }
    });
    let body = if lagging == 0 {
        view! {
            <p class="bulletin-empty">
                {tr("该报告中没有标为滞后的任务。", "This report marks no task as lagging.")}
            </p>
        }
        .into_any()
    } else {
        view! {
            <section class="bulletin-part" data-testid="bulletin-by-unit">
                <h2>{tr("一、按牵头单位", "1. By lead unit")}</h2>
                {groups_view(&bulletin.by_unit, "unit", word, with_notes)}
                {orphans_view(
                    &bulletin.without_unit,
                    tr("未列牵头单位", "No lead unit named"),
                    with_notes,
                )}
            </section>
            <section class="bulletin-part" data-testid="bulletin-by-leader">
                <h2>{tr("二、按分管领导", "2. By leader in charge")}</h2>
                {leader_note}
                {groups_view(&bulletin.by_leader, "leader", word, with_notes)}
                {orphans_view(
                    &bulletin.without_leader,
                    tr("未能对应分管领导", "No leader found"),
                    with_notes,
                )}
            </section>
        }
        .into_any()
    };

    view! {
        <article class="bulletin" data-testid="bulletin">
            <div class="bulletin-controls">
                <nav aria-label=tr("选择进展报告", "Choose a progress report")>
                    <ul class="choice-list">{report_links}</ul>
                </nav>
                <label class="bulletin-notes-toggle">
                    <input
                        type="checkbox"
                        data-testid="bulletin-include-notes"
                        prop:checked=move || with_notes.get()
                        on:change=toggle_notes
                    />
                    {tr("包含我的笔记", "Include my notes")}
                </label>
                <button type="button" on:click=print>{tr("打印", "Print")}</button>
            </div>
            <header class="bulletin-head">
                <h1>{title()}</h1>
                <p class="bulletin-title" lang="zh-CN">{report.title.clone()}</p>
                <p class="bulletin-summary" data-testid="bulletin-summary">{summary}</p>
            <p class="source-report" data-testid="source-report">
                {tr("本页依据：", "Based on: ")}
                <span lang="zh-CN">{format!("{}（{}，截至 {}）", document_short_label(report), report.period, report.date)}</span>
                {tr(
                    "。年中报告按督查“滞后”说明，年终报告按写明的“未完成”统计。",
                    ". A mid-year report counts its supervisors' lagging remarks; a year-end report the tasks it states as not completed.",
                )}
            </p>
            </header>
            {body}
        </article>
    }
    .into_any()
}

/// The bulletin's title; in English with the Chinese name a reader may have been asked
/// for.
fn title() -> AnyView {
    match lang() {
        Lang::Zh => "督查通报".into_any(),
        Lang::En => {
            view! { "Supervision bulletin (" <span lang="zh-CN">"督查通报"</span> ")" }.into_any()
        }
    }
}

fn bulletin_route(document: &str, with_notes: bool) -> Route {
    let mut route = Route::new(View::Bulletin);
    route.filter.doc = vec![document.to_owned()];
    route.filter.note = with_notes;
    route
}

fn groups_view(
    groups: &[BulletinGroup],
    axis: &'static str,
    word: &'static str,
    with_notes: Memo<bool>,
) -> AnyView {
    groups
        .iter()
        .map(|group| {
            let (lagging, tracked) = (group.lagging.len(), group.tracked);
            let counts = lang().pick(
                format!("（{word} {lagging} 项 / 跟踪 {tracked} 项）"),
                format!(" ({lagging} {word} of {tracked} tracked)"),
            );
            view! {
                <section class="bulletin-group" data-group=axis data-name=group.name.clone()>
                    <h3>
                        <span lang="zh-CN">{group.name.clone()}</span>
                        {counts}
                    </h3>
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
            <h3>
                {lang()
                    .pick(
                        format!("{title}（{} 项）", positions.len()),
                        format!("{title} ({})", positions.len()),
                    )}
            </h3>
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
                let written = text_lang(&text);
                Some(view! {
                    <p class="bulletin-note">
                        {tr("我的笔记：", "My note: ")}
                        <span lang=written>{text}</span>
                    </p>
                })
            };
            view! {
                <li class="bulletin-item" data-item-id=id>
                    <p class="bulletin-task">
                        <a href=item_href class="bulletin-citation" lang="zh-CN">{task.citation()}</a>
                        " "
                        <span lang="zh-CN">{task.text.clone()}</span>
                    </p>
                    <p class="bulletin-remarks">
                        {tr("督查意见：", "Supervisors' remarks: ")}
                        <span lang="zh-CN">{remarks}</span>
                    </p>
                    {note}
                </li>
            }
        })
        .collect_view()
        .into_any()
}
