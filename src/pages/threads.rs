//! 主题脉络: the threads (one commitment followed across documents and years) and one
//! thread as a timeline with each document's words and each link's reason.

use leptos::prelude::*;
use planboard_model::{record_text, Link, LinkIndex, Route, Thread, View};

use crate::components::chart::{ChartRow, Series, SeriesStyle, StackedBarChart};
use crate::components::highlight::Highlighted;
use crate::components::judgements::{JudgementProblem, Judgements, LinkJudge};
use crate::components::task_row::{document_short_label, find_document, item_href};
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
    let data = use_data();
    let route = use_route();
    let query = Memo::new(move |_| route.with(|route| route.filter.q.clone()));
    let threads = data.dataset.links.threads.clone();
    let spans_chart = spans_chart(&threads);
    let total = threads.len();
    let link_count = data.dataset.links.links.len();
    let judgements = Judgements::load();
    let judged = move || {
        let (related, unrelated) = judgements.counts();
        format!(
            "本浏览器已判断 {} 条关联：{related} 条相关，{unrelated} 条不相关。",
            related + unrelated
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
                view! {
                    <li class="thread-row">
                        <a href=thread_href(&thread.id) class="thread-label">{thread.label.clone()}</a>
                        <span class="thread-meta">
                            {format!("跨 {} 份文件 · {} 条 · {years}", thread.documents.len(), thread.items.len())}
                        </span>
                    </li>
                }
            })
            .collect_view();
        let more = (count > THREADS_SHOWN).then(|| {
            view! {
                <p class="section-note">
                    {format!("另有 {} 个主题未列出，请用上面的搜索框缩小范围。", count - THREADS_SHOWN)}
                </p>
            }
        });
        view! {
            <p class="result-count" role="status">{format!("{count} 个主题")}</p>
            <ol class="thread-list" data-testid="thread-list">{rows}</ol>
            {more}
        }
    };

    view! {
        <div class="view threads-page">
            <div class="page-head">
                <h1>"主题脉络"</h1>
                <p class="page-lede">
                    {format!("导入程序按共同的关键词句，把同一项工作在不同年份、不同文件中的表述连成 {link_count} 条关联，并归为 {total} 个主题。每条关联都写明依据的词句，可在主题页中逐条判断。")}
                </p>
                <p class="section-note">{judged}</p>
                <JudgementProblem judgements />
            </div>
            {spans_chart}
            <label class="thread-search">
                "搜索主题 "
                <input type="search" prop:value=move || query.get() on:input=on_input
                    placeholder="如：高铁、污水、人才" />
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
        .join("、")
}

/// How many threads span 2, 3, 4 … documents.
fn spans_chart(threads: &[Thread]) -> impl IntoView {
    let widest = threads.iter().map(|t| t.documents.len()).max().unwrap_or(0);
    let rows = (2..=widest)
        .rev()
        .map(|span| ChartRow {
            label: format!("跨 {span} 份文件"),
            values: vec![threads.iter().filter(|t| t.documents.len() == span).count()],
            ..ChartRow::default()
        })
        .collect();
    view! {
        <StackedBarChart key="thread-spans".to_string()
            caption="主题按跨越的文件数".to_string()
            series=vec![Series { label: "主题数".to_string(), style: SeriesStyle::Lead }]
            rows=rows axis_label="主题数（个）".to_string() label_header="跨越".to_string() />
    }
}

/// `#/threads/<id>`: one thread in date order, then its links to judge.
#[component]
pub fn ThreadPage(id: String) -> impl IntoView {
    let data = use_data();
    let links = LinkIndex::new(&data.dataset.links);
    let Some(thread) = links.thread(&id).cloned() else {
        return view! {
            <article class="thread-page not-found" data-testid="thread-not-found">
                <h1>"找不到该主题"</h1>
                <p>"主题 " <code>{id}</code> " 不在当前数据中：数据更新后关键词可能变了。"</p>
                <p><a href=href_view(View::Threads)>"全部主题"</a></p>
            </article>
        }
        .into_any();
    };
    let within: Vec<Link> = links.links_within(&thread).into_iter().cloned().collect();
    let judgements = Judgements::load();
    let phrase = thread.label.clone();
    let timeline = timeline(&thread, &phrase);
    let link_rows = within
        .iter()
        .map(|link| view! { <LinkRow link=link.clone() judgements /> })
        .collect_view();
    let search_href = href(&{
        let mut route = Route::new(View::Tasks);
        route.filter.q = phrase.clone();
        route
    });

    view! {
        <article class="view thread-page" data-testid="thread-page">
            <div class="page-head">
                <p class="breadcrumb"><a href=href_view(View::Threads)>"主题脉络"</a></p>
                <h1>{format!("主题：{}", thread.label)}</h1>
                <p class="page-lede">
                    {format!("{} 条记录，来自 {} 份文件，按文件日期排列。", thread.items.len(), thread.documents.len())}
                    " "
                    <a href=search_href>"在任务中搜索这个词"</a>
                </p>
            </div>
            <section aria-labelledby="thread-timeline">
                <h2 id="thread-timeline">"时间线"</h2>
                <ol class="timeline" data-testid="thread-timeline">{timeline}</ol>
            </section>
            <section aria-labelledby="thread-links">
                <h2 id="thread-links">{format!("关联及其依据（{} 条）", within.len())}</h2>
                <p class="section-note">
                    "每条关联由两段文字共有的关键词句得出。请判断它们是否确为同一事项：判断只保存在本浏览器中。"
                </p>
                <JudgementProblem judgements />
                <ul class="link-list">{link_rows}</ul>
            </section>
        </article>
    }
    .into_any()
}

/// One entry per record, grouped under its document's date.
fn timeline(thread: &Thread, phrase: &str) -> impl IntoView {
    let data = use_data();
    let dataset = &data.dataset;
    thread
        .items
        .iter()
        .filter_map(|id| record_text(dataset, id))
        .map(|record| {
            let document = find_document(dataset, &record.document);
            let when = document.map_or_else(String::new, |d| d.date.clone());
            let source = document.map_or_else(|| record.document.clone(), document_short_label);
            let query = Signal::stored(phrase.to_owned());
            let heading = record.heading.clone().map(|heading| {
                view! { <p class="timeline-heading"><Highlighted text=heading query /></p> }
            });
            view! {
                <li class="timeline-item">
                    <p class="timeline-when">
                        <time>{when}</time> " " <span class="timeline-source">{source}</span>
                        " · " {record.kind_label.clone()}
                    </p>
                    {heading}
                    <p class="timeline-text"><Highlighted text=record.text.clone() query /></p>
                    <p class="timeline-open"><a href=item_href(&record.id)>"查看原条目"</a></p>
                </li>
            }
        })
        .collect_view()
}

/// A link with its two ends, its reasons and the reader's judgement.
#[component]
pub fn LinkRow(link: Link, judgements: Judgements) -> impl IntoView {
    let data = use_data();
    let end = |id: &str| {
        let label = record_text(&data.dataset, id)
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
        view! { <a href=item_href(id)>{label}</a> }
    };
    let reasons = link.reasons.join("、");
    let units = (!link.shared_units.is_empty())
        .then(|| format!("；同为牵头单位：{}", link.shared_units.join("、")));
    view! {
        <li class="link-row">
            <p class="link-ends">{end(&link.a)} " ⇄ " {end(&link.b)}</p>
            <p class="link-reason">
                {format!("{}，依据：{reasons}", link.kind.label_zh())}
                {units}
                <span class="muted">{format!("（分值 {}）", link.score)}</span>
            </p>
            <LinkJudge link_key=link.key() judgements />
        </li>
    }
}

/// On an item page: the threads the record belongs to and its links, with reasons.
#[component]
pub fn ItemThreads(id: String) -> impl IntoView {
    let data = use_data();
    let links = LinkIndex::new(&data.dataset.links);
    let threads = links.threads_of(&id);
    let own: Vec<Link> = links.links_of(&id).into_iter().cloned().collect();
    if threads.is_empty() && own.is_empty() {
        return ().into_any();
    }
    let judgements = Judgements::load();
    let thread_links = threads
        .iter()
        .map(|thread| {
            view! {
                <li>
                    <a href=thread_href(&thread.id)>{thread.label.clone()}</a>
                    {format!("（跨 {} 份文件）", thread.documents.len())}
                </li>
            }
        })
        .collect_view();
    let link_rows = own
        .iter()
        .map(|link| view! { <LinkRow link=link.clone() judgements /> })
        .collect_view();
    view! {
        <section class="item-threads" aria-labelledby="item-threads" data-testid="item-threads">
            <h2 id="item-threads">"在其他文件中"</h2>
            {(!threads.is_empty()).then(|| view! {
                <p>"所属主题："</p>
                <ul class="item-thread-list">{thread_links}</ul>
            })}
            <JudgementProblem judgements />
            <ul class="link-list">{link_rows}</ul>
        </section>
    }
    .into_any()
}
