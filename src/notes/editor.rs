//! The note editor shown on an item's page.

use leptos::prelude::*;
use planboard_model::Lang;
use planboard_notes::{
    is_valid_date, local_date_time, normalize_tags, Conflict, Mark, Note, MAX_TEXT_CHARS,
};

use super::state::{use_notes, utc_offset_minutes, SaveStatus};
use super::NOTES_HREF;
use crate::i18n::text_lang;
use crate::i18n::{lang, tr};

/// Note, tags, watch star, follow-up date and mark for one item. Every change is kept
/// in memory at once and saved ~500 ms after typing pauses; the save state is shown.
#[component]
pub fn NoteEditor(#[prop(into)] item_id: String) -> impl IntoView {
    let notes = use_notes();
    let id = StoredValue::new(item_id);
    let note = Memo::new(move |_| id.with_value(|id| notes.note(id)));
    let field = move |read: fn(&Note) -> String| {
        move || note.with(|note| note.as_ref().map(read).unwrap_or_default())
    };
    let edit = move |change: Box<dyn FnOnce(&mut Note)>| {
        id.with_value(|id| notes.edit(id, change));
    };

    // The tags box keeps what the reader types ("交通，" on the way to a second tag);
    // it is rewritten only when the tags change elsewhere (another tab, an import).
    let tags_text = RwSignal::new(String::new());
    Effect::new(move |_| {
        let tags = note.with(|note| note.as_ref().map(|n| n.tags.clone()).unwrap_or_default());
        if normalize_tags(&tags_text.get_untracked()) != tags {
            tags_text.set(tags.join("，"));
        }
    });

    let watched = move || note.with(|note| note.as_ref().is_some_and(|n| n.watched));
    let mark = move || note.with(|note| note.as_ref().and_then(|n| n.mark));
    let on_date = move |event: leptos::ev::Event| {
        let value = event_target_value(&event);
        if value.is_empty() {
            edit(Box::new(|n| n.follow_up = None));
        } else if is_valid_date(&value) {
            edit(Box::new(move |n| n.follow_up = Some(value)));
        }
    };

    view! {
        <section class="note-editor" data-testid="note-editor" aria-labelledby="note-editor-heading">
            <h2 id="note-editor-heading">{tr("我的笔记", "My notes")}</h2>
            <PrivacyNotice />
            <label for="note-text">{tr("笔记", "Note")}</label>
            <textarea
                id="note-text"
                data-testid="note-text"
                rows="6"
                maxlength=MAX_TEXT_CHARS
                // Follows what the reader writes, so spell-checking and fonts treat a
                // Chinese note as Chinese in the English interface too.
                lang=move || note.with(|note| note.as_ref().and_then(|n| text_lang(&n.text)))
                prop:value=field(|n| n.text.clone())
                on:input=move |event| {
                    let text = event_target_value(&event);
                    edit(Box::new(move |n| n.text = text));
                }
            ></textarea>
            <div class="note-fields">
                <label class="note-field">
                    {tr("标签（用逗号或空格分隔）", "Tags (separated by commas or spaces)")}
                    <input
                        type="text"
                        data-testid="note-tags"
                        prop:value=move || tags_text.get()
                        on:input=move |event| {
                            let text = event_target_value(&event);
                            let tags = normalize_tags(&text);
                            tags_text.set(text);
                            edit(Box::new(move |n| n.tags = tags));
                        }
                    />
                </label>
                <label class="note-field">
                    {tr("跟进日期", "Follow-up date")}
                    <input
                        type="date"
                        data-testid="note-follow-up"
                        prop:value=field(|n| n.follow_up.clone().unwrap_or_default())
                        on:input=on_date
                        on:change=on_date
                    />
                </label>
                <label class="note-field">
                    {tr("标记", "Mark")}
                    <select
                        data-testid="note-mark"
                        prop:value=move || mark().map_or("", Mark::code)
                        on:change=move |event| {
                            let mark = Mark::from_code(&event_target_value(&event));
                            edit(Box::new(move |n| n.mark = mark));
                        }
                    >
                        <option value="" prop:selected=move || mark().is_none()>
                            {tr("（无标记）", "(no mark)")}
                        </option>
                        {Mark::ALL
                            .into_iter()
                            .map(|option| {
                                view! {
                                    <option
                                        value=option.code()
                                        prop:selected=move || mark() == Some(option)
                                    >
                                        {option.label(lang())}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
                <button
                    type="button"
                    class="note-watch"
                    data-testid="note-watch"
                    aria-pressed=move || watched().to_string()
                    on:click=move |_| edit(Box::new(|n| n.watched = !n.watched))
                >
                    {move || if watched() { tr("★ 已加星标", "★ Starred") } else { tr("☆ 加星标", "☆ Star") }}
                </button>
            </div>
            <SaveStatusLine />
            {move || {
                note.with(|note| {
                    note.as_ref()
                        .filter(|n| n.updated_at_ms > 0)
                        .map(|n| {
                            view! {
                                <p class="note-updated muted">
                                    {tr("最后修改 ", "Last changed ")}
                                    {local_date_time(n.updated_at_ms, utc_offset_minutes())}
                                </p>
                            }
                        })
                })
            }}
            <For
                each=move || id.with_value(|id| notes.conflicts_for(id))
                key=|conflict| (conflict.kept.updated_at_ms, conflict.other.updated_at_ms)
                let:conflict
            >
                <ConflictNotice conflict />
            </For>
        </section>
    }
}

/// The privacy line; its link sits mid-sentence, so each language has its own sentence.
#[component]
fn PrivacyNotice() -> impl IntoView {
    match lang() {
        Lang::Zh => view! {
            <p class="note-privacy">
                "笔记只保存在本设备的浏览器中，不会上传；换设备或清除浏览器数据前，请在"
                <a href=NOTES_HREF>"「我的笔记」"</a>
                "中导出。"
            </p>
        }
        .into_any(),
        Lang::En => view! {
            <p class="note-privacy">
                "Notes are kept only in this device's browser and are never uploaded. Before you change devices or clear the browser's data, export them from "
                <a href=NOTES_HREF>"My notes"</a>
                "."
            </p>
        }
        .into_any(),
    }
}

/// "已保存 / 保存中… / 保存失败（…）将自动重试", with a retry button on failure.
#[component]
fn SaveStatusLine() -> impl IntoView {
    let notes = use_notes();
    let status = Memo::new(move |_| notes.status());
    view! {
        <p
            class="note-save-status"
            data-testid="note-save-status"
            data-state=move || status.with(SaveStatus::code)
            role="status"
            aria-live="polite"
        >
            {move || status.with(|status| status.label(lang()))}
            {move || {
                matches!(status.get(), SaveStatus::Failed(_))
                    .then(|| {
                        view! {
                            " "
                            <button type="button" class="link-button" on:click=move |_| notes.retry_now()>
                                {tr("立即重试", "Retry now")}
                            </button>
                        }
                    })
            }}
        </p>
    }
}

/// Another tab edited the same note at the same time: show the version not kept.
#[component]
fn ConflictNotice(conflict: Conflict) -> impl IntoView {
    let notes = use_notes();
    let other = conflict.other.clone();
    let when = local_date_time(other.updated_at_ms, utc_offset_minutes());
    let details = conflict_details(&other);
    let take = StoredValue::new(conflict.clone());
    let item_id = conflict.item_id.clone();
    view! {
        <div class="note-conflict" role="alert" data-testid="note-conflict">
            <p>
                {lang().pick(
                    format!("这条笔记在另一个标签页中同时被修改。已保留较新的版本；另一版本（{when}）如下："),
                    format!("This note was changed in another tab at the same time. The newer version was kept; the other version ({when}) is below:"),
                )}
            </p>
            <blockquote class="note-text-plain" lang=text_lang(&other.text)>
                {other.text.clone()}
            </blockquote>
            {details}
            <p>
                <button type="button" on:click=move |_| take.with_value(|c| notes.take_other_version(c))>
                    {tr("改用另一版本", "Use the other version")}
                </button>
                " "
                <button type="button" on:click=move |_| notes.dismiss_conflicts(&item_id)>
                    {tr("保留当前版本", "Keep this version")}
                </button>
            </p>
        </div>
    }
}

/// Tags, follow-up date, mark and star of the version not kept, on one line; `None`
/// when it has none of them. The tags are the reader's words, marked as such.
fn conflict_details(other: &Note) -> Option<impl IntoView> {
    let separator = tr("；", "; ");
    let mut parts: Vec<AnyView> = Vec::new();
    if !other.tags.is_empty() {
        let tags = other.tags.join(tr("、", ", "));
        let lang_of_tags = text_lang(&tags);
        parts.push(
            view! { {tr("标签：", "Tags: ")} <span lang=lang_of_tags>{tags}</span> }.into_any(),
        );
    }
    if let Some(date) = other.follow_up.clone() {
        parts.push(view! { {tr("跟进日期：", "Follow-up date: ")} {date} }.into_any());
    }
    if let Some(mark) = other.mark {
        parts.push(view! { {tr("标记：", "Mark: ")} {mark.label(lang())} }.into_any());
    }
    if other.watched {
        parts.push(view! { {tr("★ 星标", "★ Starred")} }.into_any());
    }
    if parts.is_empty() {
        return None;
    }
    let count = parts.len();
    let line = parts
        .into_iter()
        .enumerate()
        .map(|(index, part)| view! { {part} {(index + 1 < count).then_some(separator)} })
        .collect_view();
    Some(view! { <p class="muted">{line}</p> })
}
