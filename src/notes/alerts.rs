//! Telling the reader when stored notes could not be read, and offering the raw value.

use leptos::prelude::*;
use planboard_model::Lang;
use planboard_notes::local_date_time;

use super::download::{DownloadLink, JSON_MIME};
use super::state::{use_notes, utc_offset_minutes};
use super::storage::BACKUP_PREFIX;
use super::NOTES_HREF;
use crate::i18n::{lang, tr};

/// A one-line banner for the top of every page (the shell renders it): shown when the
/// stored notes could not be read in this session, pointing to 我的笔记 for the backup.
/// The link sits mid-sentence, so each language has its own sentence around it.
#[component]
pub fn NotesBanner() -> impl IntoView {
    let notes = use_notes();
    move || {
        let language = lang();
        let problem = notes
            .storage_problem()
            .map(|problem| problem.message(language))
            .or_else(|| {
                notes.unsaved_backup().map(|backup| {
                    language.pick(
                        format!(
                            "本机存储中的笔记数据无法读取（{}）。",
                            backup.problem(language)
                        ),
                        format!(
                            "The notes stored on this device cannot be read ({}).",
                            backup.problem(language)
                        ),
                    )
                })
            })?;
        Some(match language {
            Lang::Zh => view! {
                <div class="notes-banner" role="alert" data-testid="notes-banner">
                    {problem}
                    " 原始数据已保留，可在"
                    <a href=NOTES_HREF>"「我的笔记」"</a>
                    "中下载。"
                </div>
            }
            .into_any(),
            Lang::En => view! {
                <div class="notes-banner" role="alert" data-testid="notes-banner">
                    {problem}
                    " The raw data have been kept; download them from "
                    <a href=NOTES_HREF>"My notes"</a>
                    "."
                </div>
            }
            .into_any(),
        })
    }
}

/// The full notice for 我的笔记: what went wrong, each backup with a download link and a
/// delete button, and — when the backup could not be stored — the raw value from
/// memory, with the button that lets saving continue.
#[component]
pub fn NotesAlerts() -> impl IntoView {
    let notes = use_notes();
    view! {
        {move || {
            notes
                .storage_problem()
                .map(|problem| {
                    view! {
                        <p class="notes-error" role="alert" data-testid="notes-storage-problem">
                            {problem.message(lang())}
                        </p>
                    }
                })
        }}
        {move || notes.unsaved_backup().map(|backup| view! {
            <div class="notes-alert" role="alert" data-testid="notes-unsaved-backup">
                <p>
                    {tr(
                        "无法读取的笔记数据未能另存到浏览器（存储空间不足）。为免覆盖，笔记暂停保存。请先下载这份数据，然后继续：",
                        "The notes data that could not be read could not be copied aside in the browser either (not enough storage). So that nothing is overwritten, saving is paused. Download the data first, then continue:",
                    )}
                </p>
                <p>
                    <DownloadLink
                        text=backup.raw.clone()
                        file_name="planboard-notes-unreadable.txt".to_owned()
                        mime=JSON_MIME
                        testid="notes-unsaved-backup-download"
                    >
                        {tr("下载无法读取的数据", "Download the unreadable data")}
                    </DownloadLink>
                    " "
                    <button type="button" on:click=move |_| notes.release_unsaved_backup()>
                        {tr("已下载，继续保存笔记", "Downloaded: continue saving notes")}
                    </button>
                </p>
            </div>
        })}
        {move || {
            let backups = notes.backups();
            (!backups.is_empty()).then(|| view! {
                <section class="notes-alert" data-testid="notes-backups" aria-labelledby="notes-backups-heading">
                    <h2 id="notes-backups-heading">
                        {tr("无法读取的笔记数据备份", "Backups of unreadable notes data")}
                    </h2>
                    <p>
                        {tr(
                            "本机存储中曾出现无法读取的笔记数据（可能已损坏，或由其他程序写入）。原始内容已原样保留在下面的备份中，可下载查看；确认不再需要后可删除。",
                            "Notes data that could not be read were found in this device's storage (damaged, or written by another program). The raw content is kept exactly as found in the backups below: download them to look inside, and delete them once you no longer need them.",
                        )}
                    </p>
                    <ul>
                        {backups.into_iter().map(|backup| {
                            let key = backup.key.clone();
                            let suffix = backup.key[BACKUP_PREFIX.len()..].to_owned();
                            let when = if backup.saved_at_ms > 0 {
                                local_date_time(backup.saved_at_ms, utc_offset_minutes())
                            } else {
                                suffix.clone()
                            };
                            view! {
                                <li data-testid="notes-backup" data-backup-key=backup.key.clone()>
                                    {
                                        let characters = backup.raw.chars().count();
                                        lang().pick(
                                            format!("备份于 {when}（{characters} 字符） "),
                                            format!("Backed up {when} ({characters} characters) "),
                                        )
                                    }
                                    <DownloadLink
                                        text=backup.raw
                                        file_name=format!("planboard-notes-backup-{suffix}.txt")
                                        testid="notes-backup-download"
                                    >
                                        {tr("下载", "Download")}
                                    </DownloadLink>
                                    " "
                                    <button
                                        type="button"
                                        data-testid="notes-backup-delete"
                                        on:click=move |_| {
                                            let confirmed = window()
                                                .confirm_with_message(tr(
                                                    "删除这份备份？删除后无法恢复。",
                                                    "Delete this backup? It cannot be undone.",
                                                ))
                                                .unwrap_or(false);
                                            if confirmed {
                                                notes.delete_backup(&key);
                                            }
                                        }
                                    >
                                        {tr("删除", "Delete")}
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            })
        }}
    }
}
