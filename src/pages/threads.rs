//! 主题脉络: the threads (one commitment followed across documents and years) and one
//! thread as a timeline with each document's words and each link's reason.

use std::sync::Arc;

use leptos::prelude::*;
use planboard_model::{record_text, Link, LinkIndex, Links, Plan, RecordText, Route, Thread, View};

use crate::components::chart::{ChartRow, Series, SeriesStyle, StackedBarChart};
use crate::components::data_gate::{with_links, with_plan, with_plan_and_links};
use crate::components::highlight::Highlighted;
use crate::components::judgements::{JudgementProblem, Judgements, LinkJudge};
use crate::components::task_row::{document_short_label, find_document, item_href};
use crate::i18n::{counted, lang, tr};
use crate::state::{href, href_view, navigate, use_data, use_route, HistoryMode};

/// Threads listed before the reader has to narrow the list by searching.
const THREADS_SHOWN: usize = 120;

/// The link to one thread's timeline.
pub fn thread_href(id: &str) -> String {
    href_view(View::Thread(id.to_owned()))
}

/// `#/threads`: every thread, widest first, narrowed by `q`.
#[component]
pub fn ThreadsPage() -> impl IntoView {
    with_links(|links| view! { <ThreadList links /> })
}

/// The threads of `links`, for `ThreadsPage`.
#[component]
fn ThreadList(links: Arc<Links>) -> impl IntoView {
    let route = use_route();
    let query = Memo::new(move |_| route.with(|route| route.filter.q.clone()));
    let threads = links.threads.clone();
    let spans_chart = spans_chart(&threads);
    let total = threads.len();
    let link_count = links.links.len();
    let judgements = Judgements::load();
    let judged = move || {
        let (related, unrelated) = judgements.counts();
        let judged = related + unrelated;
        lang().pick(
            format!("本浏览器已判断 {judged} 条关联：{related} 条相关，{unrelated} 条不相关。"),
            format!(
                "This browser has judged {}: {related} related, {unrelated} unrelated.",
                counted(judged, "link", "links")
            ),
        )
    };

    let on_input = move |event: leptos::ev::Event| {
        let mut next = Route::new(View::Threads);
        next.filter.q = event_target_value(&event);
        navigate(&next, HistoryMode::Replace);
    };
    let list = move || {
        let query = query.get();
        let matching: Vec<&Thread> = threads
            .iter()
            .filter(|thread| query.trim().is_empty() || thread.label.contains(query.trim()))
            .collect();
        let count = matching.len();
        let rows = matching
            .into_iter()
            .take(THREADS_SHOWN)
            .map(|thread| {
                let years = thread_years(thread);
                let (documents, records) = (thread.documents.len(), thread.items.len());
                let meta = lang().pick(
                    format!("跨 {documents} 份文件 · {records} 条 · {years}"),
                    format!(
                        "{} · {} · {years}",
                        counted(documents, "document", "documents"),
                        counted(records, "record", "records")
                    ),
                );
                view! {
                    <li class="thread-row">
                        <a href=thread_href(&thread.id) class="thread-label" lang="zh-CN">
                            {thread.label.clone()}
                        </a>
                        <span class="thread-meta">{meta}</span>
                    </li>
                }
            })
            .collect_view();
        let more = (count > THREADS_SHOWN).then(|| {
            view! {
                <p class="section-note">
                    {lang().pick(
                        format!("另有 {} 个主题未列出，请用上面的搜索框缩小范围。", count - THREADS_SHOWN),
                        format!(
                            "{} more not listed: narrow the list with the search box above.",
                            count - THREADS_SHOWN
                        ),
                    )}
                </p>
            }
        });
        view! {
            <p class="result-count" role="status">
                {lang().pick(format!("{count} 个主题"), counted(count, "thread", "threads"))}
            </p>
            <ol class="thread-list" data-testid="thread-list">{rows}</ol>
            {more}
        }
    };

    view! {
        <div class="view threads-page">
            <div class="page-head">
                <h1>{tr("主题脉络", "Threads")}</h1>
                <p class="page-lede">
                    {lang().pick(
                        format!("导入程序按共同的关键词句，把同一项工作在不同年份、不同文件中的表述连成 {link_count} 条关联，并归为 {total} 个主题。每条关联都写明依据的词句，可在主题页中逐条判断。"),
                        format!("The importer links what different documents and years say about the same work by the key phrases they share: {link_count} links, grouped into {total} threads. Every link names the phrases it rests on; judge them one by one on a thread's page."),
                    )}
                </p>
                <p class="section-note">{judged}</p>
                <JudgementProblem judgements />
            </div>
            {spans_chart}
            <label class="thread-search">
                {tr("搜索主题 ", "Search threads ")}
                <input type="search" prop:value=move || query.get() on:input=on_input
                    placeholder=tr("如：高铁、污水、人才", "a phrase in Chinese") />
            </label>
            {list}
        </div>
    }
}

fn thread_years(thread: &Thread) -> String {
    let data = use_data();
    let mut years: Vec<u16> = thread
        .documents
        .iter()
        .filter_map(|id| find_document(&data.dataset, id).map(|d| d.year))
        .collect();
    years.sort_unstable();
    years.dedup();
    years
        .iter()
        .map(|year| year.to_string())
        .collect::<Vec<_>>()
        .join(tr("、", ", "))
}

/// How many threads span 2, 3, 4 … documents.
fn spans_chart(threads: &[Thread]) -> impl IntoView {
    let widest = threads.iter().map(|t| t.documents.len()).max().unwrap_or(0);
    let rows = (2..=widest)
        .rev()
        .map(|span| ChartRow {
            label: lang().pick(
                format!("跨 {span} 份文件"),
                counted(span, "document", "documents"),
            ),
            values: vec![threads.iter().filter(|t| t.documents.len() == span).count()],
            ..ChartRow::default()
        })
        .collect();
    view! {
        <StackedBarChart key="thread-spans".to_string()
            caption=tr("主题按跨越的文件数", "Threads by the number of documents they span").to_string()
            series=vec![Series { label: tr("主题数", "Threads").to_string(), style: SeriesStyle::Lead }]
            rows=rows axis_label=tr("主题数（个）", "Threads").to_string()
            label_header=tr("跨越", "Spans").to_string() />
    }
}

/// `#/threads/<id>`: one thread in date order, then its links to judge.
#[component]
pub fn ThreadPage(id: String) -> impl IntoView {
    // The records may be the plan's: their words come with it.
    with_plan_and_links(move |plan, links| thread_or_not_found(id.clone(), links, plan))
}

/// The thread `id` of `links`, or a page saying it is not in the data.
fn thread_or_not_found(id: String, links: Arc<Links>, plan: Arc<Plan>) -> AnyView {
    let Some(thread) = LinkIndex::new(&links).thread(&id).cloned() else {
        return view! {
            <article class="thread-page not-found" data-testid="thread-not-found">
                <h1>{tr("找不到该主题", "Thread not found")}</h1>
                <p>
                    {tr("主题 ", "The thread ")} <code lang="zh-CN">{id}</code>
                    {tr(
                        " 不在当前数据中：数据更新后关键词可能变了。",
                        " is not in the current data: its phrases may have changed when the data were updated.",
                    )}
                </p>
                <p><a href=href_view(View::Threads)>{tr("全部主题", "All threads")}</a></p>
            </article>
        }
        .into_any();
    };
    view! { <ThreadTimeline thread links plan /> }.into_any()
}

/// A found thread's timeline and links, with `plan` for the plan's records.
#[component]
fn ThreadTimeline(thread: Thread, links: Arc<Links>, plan: Arc<Plan>) -> impl IntoView {
    let links = LinkIndex::new(&links);
    let within: Vec<Link> = links.links_within(&thread).into_iter().cloned().collect();
    let judgements = Judgements::load();
    let phrase = thread.label.clone();
    let timeline = timeline(&thread, &plan, &phrase);
    let link_rows = within
        .iter()
        .map(|link| view! { <LinkRow link=link.clone() plan=Arc::clone(&plan) judgements /> })
        .collect_view();
    let search_href = href(&{
        let mut route = Route::new(View::Tasks);
        route.filter.q = phrase.clone();
        route
    });

    view! {
        <article class="view thread-page" data-testid="thread-page">
            <div class="page-head">
                <p class="breadcrumb"><a href=href_view(View::Threads)>{tr("主题脉络", "Threads")}</a></p>
                <h1>{tr("主题：", "Thread: ")}<span lang="zh-CN">{thread.label.clone()}</span></h1>
                <p class="page-lede">
                    {lang().pick(
                        format!("{} 条记录，来自 {} 份文件，按文件日期排列。", thread.items.len(), thread.documents.len()),
                        format!(
                            "{} from {}, by the documents' dates.",
                            counted(thread.items.len(), "record", "records"),
                            counted(thread.documents.len(), "document", "documents")
                        ),
                    )}
                    " "
                    <a href=search_href>{tr("在任务中搜索这个词", "Search the tasks for this phrase")}</a>
                </p>
            </div>
            <section aria-labelledby="thread-timeline">
                <h2 id="thread-timeline">{tr("时间线", "Timeline")}</h2>
                <ol class="timeline" data-testid="thread-timeline">{timeline}</ol>
            </section>
            <section aria-labelledby="thread-links">
                <h2 id="thread-links">
                    {lang().pick(
                        format!("关联及其依据（{} 条）", within.len()),
                        format!("Links and their reasons ({})", within.len()),
                    )}
                </h2>
                <p class="section-note">
                    {tr(
                        "每条关联由两段文字共有的关键词句得出。请判断它们是否确为同一事项：判断只保存在本浏览器中。",
                        "Each link comes from key phrases the two texts share. Judge whether they really are the same matter: your judgements are kept only in this browser.",
                    )}
                </p>
                <JudgementProblem judgements />
                <ul class="link-list">{link_rows}</ul>
            </section>
        </article>
    }
    .into_any()
}

/// One entry per record, grouped under its document's date.
fn timeline(thread: &Thread, plan: &Plan, phrase: &str) -> impl IntoView {
    let data = use_data();
    let dataset = &data.dataset;
    thread
        .items
        .iter()
        .filter_map(|id| record_text(dataset, plan, id))
        .map(|record| {
            let document = find_document(dataset, &record.document);
            let when = document.map_or_else(String::new, |d| d.date.clone());
            let source = document.map_or_else(|| record.document.clone(), document_short_label);
            let query = Signal::stored(phrase.to_owned());
            let heading = record.heading.clone().map(|heading| {
                view! { <p class="timeline-heading" lang="zh-CN"><Highlighted text=heading query /></p> }
            });
            view! {
                <li class="timeline-item">
                    <p class="timeline-when">
                        <time>{when}</time> " " <span class="timeline-source" lang="zh-CN">{source}</span>
                        " · " {record.kind.label(lang())}
                    </p>
                    {heading}
                    <p class="timeline-text">
                        <span lang="zh-CN"><Highlighted text=record.text.clone() query /></span>
                        {baseline_and_target(&record)}
                    </p>
                    <p class="timeline-open"><a href=item_href(&record.id)>{tr("查看原条目", "Open the entry")}</a></p>
                </li>
            }
        })
        .collect_view()
}

/// An indicator's 2020 value and 2025 target, labelled in the reader's language (the
/// values are the plan's own, `高于全省平均` among them).
fn baseline_and_target(record: &RecordText) -> Option<impl IntoView> {
    let (baseline, target) = record.baseline_and_target.clone()?;
    Some(view! {
        {tr("：2020年 ", ": 2020 ")} <span lang="zh-CN">{baseline}</span>
        {tr("，2025年目标 ", ", 2025 target ")} <span lang="zh-CN">{target}</span>
    })
}

/// A link with its two ends, its reasons and the reader's judgement; `plan` names the
/// ends that are plan records.
#[component]
pub fn LinkRow(link: Link, plan: Arc<Plan>, judgements: Judgements) -> impl IntoView {
    let data = use_data();
    let end = |id: &str| {
        let label = record_text(&data.dataset, &plan, id)
            .map(|record| {
                let document = find_document(&data.dataset, &record.document)
                    .map_or_else(|| record.document.clone(), document_short_label);
                let text: String = record
                    .heading
                    .unwrap_or(record.text)
                    .chars()
                    .take(40)
                    .collect();
                format!("{document}：{text}…")
            })
            .unwrap_or_else(|| id.to_owned());
        view! { <a href=item_href(id) lang="zh-CN">{label}</a> }
    };
    let reasons = link.reasons.join("、");
    let units = (!link.shared_units.is_empty()).then(|| {
        view! {
            {tr("；同为牵头单位：", "; both led by ")}
            <span lang="zh-CN">{link.shared_units.join("、")}</span>
        }
    });
    view! {
        <li class="link-row">
            <p class="link-ends">{end(&link.a)} " ⇄ " {end(&link.b)}</p>
            <p class="link-reason">
                {link.kind.label(lang())}
                {tr("，依据：", ", because both say: ")}
                <span lang="zh-CN">{reasons}</span>
                {units}
                <span class="muted">
                    {lang().pick(format!("（分值 {}）", link.score), format!(" (score {})", link.score))}
                </span>
            </p>
            <LinkJudge link_key=link.key() judgements />
        </li>
    }
}

/// On an item page: the threads the record belongs to and its links, with reasons.
#[component]
pub fn ItemThreads(id: String) -> impl IntoView {
    with_links(move |links| item_threads(&id, &links))
}

/// The threads and links of the record `id` in `links`; nothing when it has none.
fn item_threads(id: &str, links: &Links) -> AnyView {
    let links = LinkIndex::new(links);
    let threads = links.threads_of(id);
    let own: Vec<Link> = links.links_of(id).into_iter().cloned().collect();
    if threads.is_empty() && own.is_empty() {
        return ().into_any();
    }
    let judgements = Judgements::load();
    let thread_links = threads
        .iter()
        .map(|thread| {
            view! {
                <li>
                    <a href=thread_href(&thread.id) lang="zh-CN">{thread.label.clone()}</a>
                    {lang().pick(
                        format!("（跨 {} 份文件）", thread.documents.len()),
                        format!(" ({})", counted(thread.documents.len(), "document", "documents")),
                    )}
                </li>
            }
        })
        .collect_view();
    // A link's other end may be a plan record, named from the plan.
    let link_rows = with_plan(move |plan| {
        own.iter()
            .map(|link| view! { <LinkRow link=link.clone() plan=Arc::clone(&plan) judgements /> })
            .collect_view()
    });
    view! {
        <section class="item-threads" aria-labelledby="item-threads" data-testid="item-threads">
            <h2 id="item-threads">{tr("在其他文件中", "In other documents")}</h2>
            {(!threads.is_empty()).then(|| view! {
                <p>{tr("所属主题：", "Threads:")}</p>
                <ul class="item-thread-list">{thread_links}</ul>
            })}
            <JudgementProblem judgements />
            <ul class="link-list">{link_rows}</ul>
        </section>
    }
    .into_any()
}
