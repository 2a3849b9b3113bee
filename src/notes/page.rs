//! 我的笔记 (`#/notes`): every note, searchable and filterable; due follow-ups first;
//! orphaned notes apart; export and import.

use std::collections::HashMap;

use leptos::prelude::*;
use planboard_model::View;
use planboard_notes::{
    list_notes, local_date_time, to_csv, to_export_json, ItemLabel, Mark, Note, NotesQuery,
};

use super::alerts::NotesAlerts;
use super::download::{download_text, CSV_MIME, JSON_MIME};
use super::import_panel::ImportPanel;
use super::items::{excerpt, item_labels};
use super::state::{now_ms, today, use_notes, utc_offset_minutes};
use crate::state::{href_view, use_data};

/// The listing with owned notes, so a memo can hold it.
#[derive(Clone, Default, PartialEq)]
struct Sections {
    due: Vec<Note>,
    others: Vec<Note>,
    orphans: Vec<Note>,
}

/// The 我的笔记 page.
#[component]
pub fn NotesPage() -> impl IntoView {
    let notes = use_notes();
    let data = use_data();
    let labels = StoredValue::new(item_labels(&data.dataset));
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
            <h1>"我的笔记"</h1>
            <p class="note-privacy">
                "笔记只保存在本设备的浏览器中，不会上传。换设备或清除浏览器数据前，请导出备份。"
            </p>
            <NotesAlerts />
            <div class="notes-filters" role="search">
                <label class="note-field">
                    "搜索笔记"
                    <input
                        type="search"
                        data-testid="notes-search"
                        prop:value=move || text.get()
                        on:input=move |event| text.set(event_target_value(&event))
                    />
                </label>
                <label class="note-field">
                    "标签"
                    <select
                        data-testid="notes-tag-filter"
                        on:change=move |event| {
                            let value = event_target_value(&event);
                            tag.set((!value.is_empty()).then_some(value));
                        }
                    >
                        <option value="" prop:selected=move || tag.with(Option::is_none)>"全部标签"</option>
                        {move || tag_counts.get().into_iter().map(|(name, count)| {
                            let value = name.clone();
                            let selected = name.clone();
                            view! {
                                <option value=value prop:selected=move || tag.with(|t| t.as_deref() == Some(selected.as_str()))>
                                    {format!("{name}（{count}）")}
                                </option>
                            }
                        }).collect_view()}
                    </select>
                </label>
                <label class="note-field">
                    "标记"
                    <select
                        data-testid="notes-mark-filter"
                        on:change=move |event| mark.set(Mark::from_code(&event_target_value(&event)))
                    >
                        <option value="">"全部"</option>
                        {Mark::ALL.into_iter().map(|option| view! {
                            <option value=option.code()>{option.label_zh()}</option>
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
                    " 只看星标"
                </label>
            </div>
            <p class="result-count" data-testid="notes-count" role="status">
                {move || format!("共 {} 条笔记，显示 {} 条", written.get(), shown())}
            </p>
            {move || (written.get() == 0).then(|| view! {
                <p class="muted">"还没有笔记。在任一任务、规划条目、指标或民生实事的页面写下笔记，就会列在这里。"</p>
            })}
            <NoteSection
                heading="到期待跟进"
                testid="notes-due"
                explanation="跟进日期已到或已过的笔记，按日期排列。"
                notes=Signal::derive(move || sections.with(|s| s.due.clone()))
                labels
            />
            <NoteSection
                heading="全部笔记"
                testid="notes-others"
                explanation=""
                notes=Signal::derive(move || sections.with(|s| s.others.clone()))
                labels
            />
            <NoteSection
                heading="已不在当前数据中的条目"
                testid="notes-orphans"
                explanation="数据更新后这些条目已不存在；笔记仍完整保留，也会一并导出。"
                notes=Signal::derive(move || sections.with(|s| s.orphans.clone()))
                labels
            />
            <section class="notes-export" aria-labelledby="notes-export-heading">
                <h2 id="notes-export-heading">"导出笔记"</h2>
                <p class="muted">"JSON 文件可在其他设备上导入；CSV 文件可用 Excel 打开。"</p>
                <button type="button" data-testid="notes-export-json" on:click=export_json>"导出 JSON"</button>
                " "
                <button type="button" data-testid="notes-export-csv" on:click=export_csv>"导出 CSV"</button>
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
                    <h2>{heading} <span class="muted">{move || format!("（{}）", notes.with(Vec::len))}</span></h2>
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
        Some(label) => view! { <a href=href>{excerpt(&label.title, 80)}</a> }.into_any(),
        // The item page says the item is gone; the link still leads to the note there.
        None => view! { <a class="note-orphan-id" href=href>{note.item_id.clone()}</a> }.into_any(),
    };
    view! {
        <li class="note-row" data-item-id=note.item_id.clone() data-testid="note-row">
            <div class="note-row-head">
                {title}
                {label.map(|label| view! { <span class="muted">" · " {label.document}</span> })}
            </div>
            <div class="note-row-badges">
                {note.watched.then(|| view! { <span class="note-badge" data-testid="note-row-watched">"★ 星标"</span> })}
                {note.mark.map(|mark| view! { <span class="note-badge" data-mark=mark.code()>{mark.label_zh()}</span> })}
                {note.follow_up.clone().map(|date| view! {
                    <span class="note-badge" class:note-due=due>
                        {if due { format!("跟进日期 {date}（已到期）") } else { format!("跟进日期 {date}") }}
                    </span>
                })}
                {note.tags.iter().map(|tag| view! { <span class="note-tag">{tag.clone()}</span> }).collect_view()}
            </div>
            <p class="note-text-plain">{excerpt(&note.text, 400)}</p>
            <p class="muted note-updated">
                {format!("最后修改 {}", local_date_time(note.updated_at_ms, utc_offset_minutes()))}
            </p>
        </li>
    }
}
