//! `links.json`: the threads that follow a commitment across documents and years, and
//! the figures progress reports state for the plan's key indicators.
//!
//! The importer computes all of it from the texts (shared distinctive phrases, shared
//! lead units, indicator names); the model only looks it up. Every link carries the
//! phrases it was made from, so a reader can judge it.

use crate::lang::Lang;
use std::collections::HashMap;

mod record;
pub use record::{record_text, RecordKind, RecordText};

use serde::{Deserialize, Serialize};

/// What a link says about its two records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LinkKind {
    /// A task or project serves a plan section, box or key indicator (`b` is the plan
    /// record).
    ServesPlan,
    /// The same commitment stated by two documents (`a` is the older document's record).
    SameCommitment,
}

impl LinkKind {
    pub fn label_zh(self) -> &'static str {
        match self {
            LinkKind::ServesPlan => "落实规划",
            LinkKind::SameCommitment => "同一事项",
        }
    }

    /// The label in the interface language (`label_zh` stays the URL value).
    pub fn label(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.label_zh(),
            Lang::En => match self {
                LinkKind::ServesPlan => "Serves the plan",
                LinkKind::SameCommitment => "Same commitment",
            },
        }
    }
}

/// One link between two records of different documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    /// Record id (task, project, plan section, box or indicator).
    pub a: String,
    pub b: String,
    pub kind: LinkKind,
    /// The shared phrases the link was made from, most distinctive first.
    pub reasons: Vec<String>,
    /// Lead units both records name (tasks and projects only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shared_units: Vec<String>,
    /// Sum of the reasons' weights (rarer and longer phrases weigh more), two decimals.
    pub score: f64,
}

impl Link {
    /// A key naming the pair, the same whichever way round it is asked for; the UI
    /// stores a reader's judgement of the link under it.
    pub fn key(&self) -> String {
        link_key(&self.a, &self.b)
    }

    /// The record at the other end, if `id` is one end.
    pub fn other(&self, id: &str) -> Option<&str> {
        if self.a == id {
            Some(&self.b)
        } else if self.b == id {
            Some(&self.a)
        } else {
            None
        }
    }
}

/// `a|b` with the ids in sorted order.
pub fn link_key(a: &str, b: &str) -> String {
    if a <= b {
        format!("{a}|{b}")
    } else {
        format!("{b}|{a}")
    }
}

/// A topic: records joined by links that share one key phrase.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Thread {
    /// The key phrase itself (`沪苏湖高铁`): readable in a URL and stable across
    /// rebuilds as long as the documents use the phrase.
    pub id: String,
    pub label: String,
    /// Record ids in date order (the documents' dates), document order within a date.
    pub items: Vec<String>,
    /// The documents the items come from, in date order.
    pub documents: Vec<String>,
}

/// Whether a figure is a growth rate or a level in the indicator's unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Measure {
    /// Percent growth over the same period a year before (`GDP增长6.5%`).
    Growth,
    /// A value in the indicator's own unit (`PM2.5平均浓度为37.9微克/立方米`).
    Level,
}

/// Whether the document reports the figure as achieved or sets it as the year's goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Basis {
    /// Stated in a progress report's progress (`上半年,全市GDP增长6.5%`).
    Reported,
    /// Stated as the year's target in a task (`地区生产总值增长6%左右`).
    Goal,
}

impl Basis {
    pub fn label_zh(self) -> &'static str {
        match self {
            Basis::Reported => "实际",
            Basis::Goal => "年度目标",
        }
    }

    /// The label in the interface language (`label_zh` stays the URL value).
    pub fn label(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.label_zh(),
            Lang::En => match self {
                Basis::Reported => "Reported",
                Basis::Goal => "Annual goal",
            },
        }
    }
}

/// A figure a document states for one of the plan's key indicators.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PaceFigure {
    /// `Indicator::id`.
    pub indicator: String,
    /// The task the figure is stated under.
    pub item: String,
    pub document: String,
    /// The date the figure describes: the document's date (`2024-06-30`).
    pub date: String,
    pub measure: Measure,
    pub basis: Basis,
    pub value: f64,
    /// As printed, e.g. `6.5%`.
    pub printed: String,
    /// The sentence it was read from.
    pub sentence: String,
}

/// Everything `links.json` holds.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Links {
    pub links: Vec<Link>,
    pub threads: Vec<Thread>,
    pub figures: Vec<PaceFigure>,
}

/// `links.json`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LinksFile {
    pub format_version: u32,
    #[serde(flatten)]
    pub content: Links,
}

/// Lookups over `Links`: a record's links and threads, a thread by id.
///
/// ```
/// use planboard_model::{Link, LinkKind, Links, LinkIndex, Thread};
/// let links = Links {
///     links: vec![Link { a: "r/1".into(), b: "b/2".into(), kind: LinkKind::SameCommitment,
///                        reasons: vec!["沪苏湖高铁".into()], shared_units: vec![], score: 9.0 }],
///     threads: vec![Thread { id: "沪苏湖高铁".into(), label: "沪苏湖高铁".into(),
///                            items: vec!["r/1".into(), "b/2".into()], documents: vec![] }],
///     figures: vec![],
/// };
/// let index = LinkIndex::new(&links);
/// assert_eq!(index.links_of("b/2").len(), 1);
/// assert_eq!(index.threads_of("r/1")[0].id, "沪苏湖高铁");
/// assert!(index.thread("沪苏湖高铁").is_some());
/// ```
#[derive(Debug, Clone, Default)]
pub struct LinkIndex<'l> {
    links: &'l [Link],
    threads: &'l [Thread],
    links_by_item: HashMap<&'l str, Vec<usize>>,
    threads_by_item: HashMap<&'l str, Vec<usize>>,
}

impl<'l> LinkIndex<'l> {
    pub fn new(links: &'l Links) -> LinkIndex<'l> {
        let mut links_by_item: HashMap<&str, Vec<usize>> = HashMap::new();
        for (position, link) in links.links.iter().enumerate() {
            links_by_item.entry(&link.a).or_default().push(position);
            links_by_item.entry(&link.b).or_default().push(position);
        }
        let mut threads_by_item: HashMap<&str, Vec<usize>> = HashMap::new();
        for (position, thread) in links.threads.iter().enumerate() {
            for item in &thread.items {
                threads_by_item.entry(item).or_default().push(position);
            }
        }
        LinkIndex {
            links: &links.links,
            threads: &links.threads,
            links_by_item,
            threads_by_item,
        }
    }

    /// The record's links, highest score first.
    pub fn links_of(&self, id: &str) -> Vec<&'l Link> {
        let mut found: Vec<&Link> = self
            .links_by_item
            .get(id)
            .into_iter()
            .flatten()
            .map(|&position| &self.links[position])
            .collect();
        found.sort_by(|x, y| y.score.total_cmp(&x.score));
        found
    }

    /// The threads the record belongs to, in `links.json` order.
    pub fn threads_of(&self, id: &str) -> Vec<&'l Thread> {
        self.threads_by_item
            .get(id)
            .into_iter()
            .flatten()
            .map(|&position| &self.threads[position])
            .collect()
    }

    pub fn thread(&self, id: &str) -> Option<&'l Thread> {
        self.threads.iter().find(|thread| thread.id == id)
    }

    /// Links between two members of `thread`, highest score first.
    pub fn links_within(&self, thread: &Thread) -> Vec<&'l Link> {
        let mut found: Vec<&Link> = self
            .links
            .iter()
            .filter(|link| thread.items.contains(&link.a) && thread.items.contains(&link.b))
            .filter(|link| {
                link.reasons
                    .iter()
                    .any(|reason| reason.contains(&thread.id))
            })
            .collect();
        found.sort_by(|x, y| y.score.total_cmp(&x.score));
        found
    }
}
