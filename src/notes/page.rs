//! 我的笔记 (`#/notes`): every note, searchable and filterable; due follow-ups first;
//! orphaned notes apart; export and import.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;
use planboard_model::{Plan, View};
use planboard_notes::{
    list_notes, local_date_time, to_csv, to_export_json, ItemLabel, Mark, Note, NotesQuery,
};

use super::alerts::NotesAlerts;
use super::download::{download_text, CSV_MIME, JSON_MIME};
use super::import_panel::ImportPanel;
use super::items::{excerpt, item_labels};
use super::state::{now_ms, today, use_notes, utc_offset_minutes};
use crate::components::data_gate::with_plan;
use crate::i18n::text_lang;
use crate::i18n::{lang, tr};
use crate::state::{href_view, use_data};

/// The listing with owned notes, so a memo can hold it.
#[derive(Clone, Default, PartialEq)]
struct Sections {
    due: Vec<Note>,
    others: Vec<Note>,
    orphans: Vec<Note>,
}

/// The 我的笔记 page, drawn once the plan has loaded: notes may sit on plan records,
/// and a note whose record is not known would be listed as orphaned.
#[component]
pub fn NotesPage() -> impl IntoView {
    with_plan(|plan| view! { <NotesList plan /> })
}

#[component]
fn NotesList(plan: Arc<Plan>) -> impl IntoView {
    let notes = use_notes();
    let data = use_data();
    let labels = StoredValue::new(item_labels(&data.dataset, &plan));
    let text = RwSignal::new(String::new());
    let tag = RwSignal::new(None::<String>);
    let mark = RwSignal::new(None::<Mark>);
    let watched_only = RwSignal::new(false);
    let today = today();

    let sections = Memo::new(move |_| {
        let query = NotesQuery {
            text: text.get(),
            tag: tag.get(),
            mark: mark.get(),
            watched_only: watched_only.get(),
        };
        notes.book().with(|book| {
            labels.with_value(|labels| {
                let listing = list_notes(book, &query, &today, |id| {
                    labels.get(id).map(|label| label.title.clone())
                });
                let owned = |notes: Vec<&Note>| notes.into_iter().cloned().collect();
                Sections {
                    due: owned(listing.due),
                    others: owned(listing.others),
                    orphans: owned(listing.orphans),
                }
            })
        })
    });
    let written = Memo::new(move |_| notes.book().with(|book| book.written_count()));
    let tag_counts = Memo::new(move |_| notes.book().with(|book| book.tag_counts()));
    let shown = move || sections.with(|s| s.due.len() + s.others.len() + s.orphans.len());

    let export_json = move |_| {
        let json = notes
            .book()
            .with_untracked(|book| to_export_json(book, now_ms()));
        let _ = download_text(
            &format!("planboard-notes-{}.json", super::state::today()),
            JSON_MIME,
            &json,
        );
    };
    let export_csv = move |_| {
        let csv = notes.book().with_untracked(|book| {
            labels.with_value(|labels| {
                to_csv(book, |id| labels.get(id).cloned(), utc_offset_minutes())
            })
        });
        let _ = download_text(
            &format!("planboard-notes-{}.csv", super::state::today()),
            CSV_MIME,
            &csv,
        );
    };

    view! {
        <div class="notes-page" data-testid="notes-page">
            <h1>{tr("我的笔记", "My notes")}</h1>
            <p class="note-privacy">
                {tr(
                    "笔记只保存在本设备的浏览器中，不会上传。换设备或清除浏览器数据前，请导出备份。",
                    "Notes are kept only in this device's browser and are never uploaded. Before you change devices or clear the browser's data, export a backup.",
                )}
            </p>
            <NotesAlerts />
            <div class="notes-filters" role="search">
                <label class="note-field">
                    {tr("搜索笔记", "Search notes")}
                    <input
                        type="search"
                        data-testid="notes-search"
                        prop:value=move || text.get()
                        on:input=move |event| text.set(event_target_value(&event))
                    />
                </label>
                <label class="note-field">
                    {tr("标签", "Tag")}
                    <select
                        data-testid="notes-tag-filter"
                        on:change=move |event| {
                            let value = event_target_value(&event);
                            tag.set((!value.is_empty()).then_some(value));
                        }
                    >
                        <option value="" prop:selected=move || tag.with(Option::is_none)>{tr("全部标签", "All tags")}</option>
                        {move || tag_counts.get().into_iter().map(|(name, count)| {
                            let value = name.clone();
                            let selected = name.clone();
                            let tag_lang = text_lang(&name);
                            view! {
                                <option
                                    value=value
                                    lang=tag_lang
                                    prop:selected=move || tag.with(|t| t.as_deref() == Some(selected.as_str()))
                                >
                                    {lang().pick(format!("{name}（{count}）"), format!("{name} ({count})"))}
                                </option>
                            }
                        }).collect_view()}
                    </select>
                </label>
                <label class="note-field">
                    {tr("标记", "Mark")}
                    <select
                        data-testid="notes-mark-filter"
                        on:change=move |event| mark.set(Mark::from_code(&event_target_value(&event)))
                    >
                        <option value="">{tr("全部", "All")}</option>
                        {Mark::ALL.into_iter().map(|option| view! {
                            <option value=option.code()>{option.label(lang())}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label class="note-check">
                    <input
                        type="checkbox"
                        data-testid="notes-watched-filter"
                        prop:checked=move || watched_only.get()
                        on:change=move |event| watched_only.set(event_target_checked(&event))
                    />
                    {tr(" 只看星标", " Starred only")}
                </label>
            </div>
            <p class="result-count" data-testid="notes-count" role="status">
                {move || notes_count(written.get(), shown())}
            </p>
            {move || (written.get() == 0).then(|| view! {
                <p class="muted">
                    {tr(
                        "还没有笔记。在任一任务、规划条目、指标或民生实事的页面写下笔记，就会列在这里。",
                        "No notes yet. Write a note on the page of any task, plan entry, indicator or livelihood project and it is listed here.",
                    )}
                </p>
            })}
            <NoteSection
                heading=tr("到期待跟进", "Follow-ups due")
                testid="notes-due"
                explanation=tr(
                    "跟进日期已到或已过的笔记，按日期排列。",
                    "Notes whose follow-up date has come or passed, by date.",
                )
                notes=Signal::derive(move || sections.with(|s| s.due.clone()))
                labels
            />
            <NoteSection
                heading=tr("全部笔记", "All notes")
                testid="notes-others"
                explanation=""
                notes=Signal::derive(move || sections.with(|s| s.others.clone()))
                labels
            />
            <NoteSection
                heading=tr("已不在当前数据中的条目", "Items no longer in the data")
                testid="notes-orphans"
                explanation=tr(
                    "数据更新后这些条目已不存在；笔记仍完整保留，也会一并导出。",
                    "These items are gone since the data were updated; their notes are kept whole and are exported with the others.",
                )
                notes=Signal::derive(move || sections.with(|s| s.orphans.clone()))
                labels
            />
            <section class="notes-export" aria-labelledby="notes-export-heading">
                <h2 id="notes-export-heading">{tr("导出笔记", "Export notes")}</h2>
                <p class="muted">
                    {tr(
                        "JSON 文件可在其他设备上导入；CSV 文件可用 Excel 打开。",
                        "The JSON file can be imported on another device; the CSV file opens in Excel.",
                    )}
                </p>
                <button type="button" data-testid="notes-export-json" on:click=export_json>
                    {tr("导出 JSON", "Export JSON")}
                </button>
                " "
                <button type="button" data-testid="notes-export-csv" on:click=export_csv>
                    {tr("导出 CSV", "Export CSV")}
                </button>
            </section>
            <ImportPanel labels />
        </div>
    }
}

/// One section of the list; hidden when empty.
#[component]
fn NoteSection(
    heading: &'static str,
    testid: &'static str,
    explanation: &'static str,
    notes: Signal<Vec<Note>>,
    labels: StoredValue<HashMap<String, ItemLabel>>,
) -> impl IntoView {
    move || {
        (!notes.with(Vec::is_empty)).then(|| {
            view! {
                <section class="notes-section" data-testid=testid>
                    <h2>
                        {heading}
                        <span class="muted">
                            {move || {
                                let count = notes.with(Vec::len);
                                lang().pick(format!("（{count}）"), format!(" ({count})"))
                            }}
                        </span>
                    </h2>
                    {(!explanation.is_empty()).then(|| view! { <p class="muted">{explanation}</p> })}
                    <ul class="note-list">
                        <For
                            each=move || notes.get()
                            key=|note| (note.item_id.clone(), note.updated_at_ms)
                            let:note
                        >
                            <NoteRow
                                label=labels.with_value(|labels| labels.get(&note.item_id).cloned())
                                note
                            />
                        </For>
                    </ul>
                </section>
            }
        })
    }
}

/// One note in the list. The text is shown as text: whatever it holds is never parsed
/// as HTML.
#[component]
fn NoteRow(note: Note, label: Option<ItemLabel>) -> impl IntoView {
    let href = href_view(View::Item(note.item_id.clone()));
    let today = today();
    let due = note
        .follow_up
        .as_deref()
        .is_some_and(|date| date <= today.as_str());
    let title = match &label {
        Some(label) => {
            view! { <a href=href lang="zh-CN">{excerpt(&label.title, 80)}</a> }.into_any()
        }
        // The item page says the item is gone; the link still leads to the note there.
        None => view! { <a class="note-orphan-id" href=href>{note.item_id.clone()}</a> }.into_any(),
    };
    view! {
        <li class="note-row" data-item-id=note.item_id.clone() data-testid="note-row">
            <div class="note-row-head">
                {title}
                {label.map(|label| view! {
                    <span class="muted">" · " <span lang="zh-CN">{label.document}</span></span>
                })}
            </div>
            <div class="note-row-badges">
                {note.watched.then(|| view! {
                    <span class="note-badge" data-testid="note-row-watched">{tr("★ 星标", "★ Starred")}</span>
                })}
                {note.mark.map(|mark| view! {
                    <span class="note-badge" data-mark=mark.code()>{mark.label(lang())}</span>
                })}
                {note.follow_up.clone().map(|date| view! {
                    <span class="note-badge" class:note-due=due>
                        {if due {
                            lang().pick(format!("跟进日期 {date}（已到期）"), format!("Follow up {date} (due)"))
                        } else {
                            lang().pick(format!("跟进日期 {date}"), format!("Follow up {date}"))
                        }}
                    </span>
                })}
                {note.tags.iter().map(|tag| view! {
                    <span class="note-tag" lang=text_lang(tag)>{tag.clone()}</span>
                }).collect_view()}
            </div>
            <p class="note-text-plain" lang=text_lang(&note.text)>{excerpt(&note.text, 400)}</p>
            <p class="muted note-updated">
                {tr("最后修改 ", "Last changed ")}
                {local_date_time(note.updated_at_ms, utc_offset_minutes())}
            </p>
        </li>
    }
}

/// "共 7 条笔记，显示 3 条" / "7 notes, 3 shown".
fn notes_count(written: usize, shown: usize) -> String {
    lang().pick(
        format!("共 {written} 条笔记，显示 {shown} 条"),
        if written == 1 {
            format!("1 note, {shown} shown")
        } else {
            format!("{written} notes, {shown} shown")
        },
    )
}
