//! A reader's judgement of a thread link (👍 相关 / 👎 不相关), kept in the browser.
//!
//! Stored in `localStorage` under its own key, apart from the notes. Nothing is ever
//! dropped silently: each change re-reads the stored map and changes only its own
//! link (so another tab's judgements survive), an unreadable stored value is copied to
//! a backup key before anything is written over it, and a failed write is said in
//! words while the judgement stays on the page.

use std::collections::BTreeMap;

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use planboard_model::Lang;
use serde::{Deserialize, Serialize};

use crate::i18n::{lang, tr};

/// The storage key; the version is in the value.
pub const JUDGEMENTS_KEY: &str = "planboard.link-judgements";
/// An unreadable stored value is copied here (with the time appended) before use.
const BACKUP_PREFIX: &str = "planboard.link-judgements.backup.";

/// What the reader said of a link.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Judgement {
    Related,
    Unrelated,
}

impl Judgement {
    pub fn label_zh(self) -> &'static str {
        self.label(Lang::Zh)
    }

    /// The word on the button and in the stated judgement.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Judgement::Related => lang.pick("相关", "Related"),
            Judgement::Unrelated => lang.pick("不相关", "Unrelated"),
        }
    }
}

#[derive(Default, Serialize, Deserialize)]
struct Stored {
    version: u32,
    /// By `Link::key()`.
    judgements: BTreeMap<String, Judgement>,
}

/// The judgements of this browser, with what went wrong reading or writing them.
#[derive(Clone, Copy)]
pub struct Judgements {
    map: RwSignal<BTreeMap<String, Judgement>>,
    problem: RwSignal<Option<String>>,
}

impl Judgements {
    /// Reads the stored judgements (once per page).
    pub fn load() -> Judgements {
        let (map, problem) = match read() {
            Ok(stored) => (stored.judgements, None),
            Err(problem) => (BTreeMap::new(), Some(problem.message)),
        };
        Judgements {
            map: RwSignal::new(map),
            problem: RwSignal::new(problem),
        }
    }

    pub fn get(&self, key: &str) -> Option<Judgement> {
        self.map.with(|map| map.get(key).copied())
    }

    /// Sets (or with `None` clears) the judgement of one link and saves it.
    pub fn set(&self, key: &str, judgement: Option<Judgement>) {
        self.map.update(|map| match judgement {
            Some(judgement) => {
                map.insert(key.to_owned(), judgement);
            }
            None => {
                map.remove(key);
            }
        });
        // Merge into what is stored now: another tab may have judged other links.
        let mut stored = match read() {
            Ok(stored) => stored,
            Err(problem) if problem.may_write => Stored::default(),
            Err(problem) => {
                self.problem.set(Some(problem.message));
                return;
            }
        };
        match judgement {
            Some(judgement) => stored.judgements.insert(key.to_owned(), judgement),
            None => stored.judgements.remove(key),
        };
        stored.version = 1;
        match LocalStorage::set(JUDGEMENTS_KEY, &stored) {
            Ok(()) => {
                self.map.set(stored.judgements);
                self.problem.set(None);
            }
            Err(error) => self.problem.set(Some(lang().pick(
                format!(
                    "判断未能保存到浏览器（{error}）；在本页关闭前仍然有效。请清理浏览器存储空间后再点一次。"
                ),
                format!(
                    "The judgement could not be saved in the browser ({error}); it holds until this page is closed. Free some browser storage and click again."
                ),
            ))),
        }
    }

    pub fn problem(&self) -> Option<String> {
        self.problem.get()
    }

    /// How many links this browser judged, (related, unrelated).
    pub fn counts(&self) -> (usize, usize) {
        self.map.with(|map| {
            let related = map.values().filter(|j| **j == Judgement::Related).count();
            (related, map.len() - related)
        })
    }
}

/// Why the stored judgements could not be read, and whether writing is safe.
struct ReadProblem {
    message: String,
    /// False when writing would overwrite a value nobody could back up.
    may_write: bool,
}

/// The stored value; an unreadable one is backed up first and reported.
fn read() -> Result<Stored, ReadProblem> {
    let raw = match LocalStorage::raw().get_item(JUDGEMENTS_KEY) {
        Ok(Some(raw)) => raw,
        Ok(None) => return Ok(Stored::default()),
        Err(_) => {
            return Err(ReadProblem {
                message: tr(
                    "浏览器不允许本页使用本地存储，判断只在本页有效。",
                    "The browser does not let this page use local storage: judgements last only while the page is open.",
                )
                .to_owned(),
                may_write: false,
            })
        }
    };
    match serde_json::from_str::<Stored>(&raw) {
        Ok(stored) => Ok(stored),
        Err(_) => {
            let backup = format!("{BACKUP_PREFIX}{}", js_sys::Date::now() as u64);
            let saved = LocalStorage::raw().set_item(&backup, &raw).is_ok()
                && LocalStorage::raw().remove_item(JUDGEMENTS_KEY).is_ok();
            Err(if saved {
                ReadProblem {
                    message: lang().pick(
                        format!("之前保存的判断无法读取，已原样备份在浏览器存储的 {backup} 中。"),
                        format!(
                            "The judgements saved earlier cannot be read; they are kept as they were under {backup} in the browser's storage."
                        ),
                    ),
                    may_write: true,
                }
            } else {
                ReadProblem {
                    message: tr(
                        "之前保存的判断无法读取，也未能备份；为不覆盖它，新的判断不会保存。",
                        "The judgements saved earlier cannot be read, nor backed up; so as not to overwrite them, new judgements are not saved.",
                    )
                    .to_owned(),
                    may_write: false,
                }
            })
        }
    }
}

/// The 👍/👎 buttons of one link, with the current judgement in words.
#[component]
pub fn LinkJudge(link_key: String, judgements: Judgements) -> impl IntoView {
    let key = StoredValue::new(link_key);
    let current = move || key.with_value(|key| judgements.get(key));
    let button = move |judgement: Judgement, icon: &'static str| {
        let pressed = move || (current() == Some(judgement)).to_string();
        view! {
            <button type="button" class="judge-button" aria-pressed=pressed
                on:click=move |_| {
                    let next = (current() != Some(judgement)).then_some(judgement);
                    key.with_value(|key| judgements.set(key, next));
                }>
                <span aria-hidden="true">{icon}</span>
                {judgement.label(lang())}
            </button>
        }
    };
    view! {
        <div class="link-judge" role="group" aria-label=tr("判断这条关联", "Judge this link")>
            {button(Judgement::Related, "👍 ")}
            {button(Judgement::Unrelated, "👎 ")}
            <span class="judge-state" aria-live="polite">
                {move || match current() {
                    Some(judgement) => lang()
                        .pick(
                            format!("你的判断：{}", judgement.label_zh()),
                            format!("Your judgement: {}", judgement.label(Lang::En)),
                        ),
                    None => tr("尚未判断", "Not judged yet").to_owned(),
                }}
            </span>
        </div>
    }
}

/// Says what went wrong with the stored judgements, if anything.
#[component]
pub fn JudgementProblem(judgements: Judgements) -> impl IntoView {
    move || {
        judgements.problem().map(|problem| {
            view! { <p class="judge-problem" role="alert">{problem}</p> }
        })
    }
}
