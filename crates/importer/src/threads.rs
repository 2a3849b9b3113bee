//! Threads: the same commitment followed across documents and years, and the plan
//! sections, boxes and indicators each task serves.
//!
//! Two records are linked when they share distinctive phrases. Texts are cut into
//! chunks at punctuation, digits and boilerplate words (加快, 推进, 建设, 全面 …: every
//! task has them, so they say nothing about which commitment it is); every run of 3 to
//! 12 characters of a chunk is a candidate phrase, weighted by its rarity across all
//! records (inverse document frequency over records) and its length. A pair's score
//! sums the weights of its *maximal* shared phrases (a shared phrase inside a longer
//! shared one adds nothing), plus a bonus for a shared lead unit. Quoted terms (“…”)
//! count as phrases whatever their length. The thresholds below were tuned on the
//! hand-labelled pairs in `tests/threads.rs`.

use std::collections::{BTreeMap, HashMap, HashSet};

use planboard_model::{link_key, Dataset, Link, LinkKind, Links, Thread};

use crate::figures::{indicator_for, INDICATOR_WORDS};

mod phrases;

use phrases::{chunk, contains, grams, MIN_PHRASE};
// SipHash guards against hostile keys, which phrases are not; FxHash makes the phrase
// table several times faster, which keeps `planboard-ingest bench` short.
use rustc_hash::FxBuildHasher as FastHash;

/// A pair is linked from this score on.
pub const LINK_THRESHOLD: f64 = 8.5;
/// Each record keeps at most this many links into any one other document, the best.
pub const LINKS_PER_DOCUMENT: usize = 3;
/// Phrases in more records than this are common words of the genre, not topics.
const MAX_RECORDS_PER_PHRASE: usize = 12;
/// Added to a task pair's score when both name the same lead unit.
const SHARED_UNIT_BONUS: f64 = 2.0;
/// A phrase names a thread only if it weighs at least this much on its own.
const THREAD_PHRASE_WEIGHT: f64 = 5.5;
/// Score of a link from a task to an indicator it names.
const INDICATOR_SCORE: f64 = 10.0;

/// One linkable record with its text cut into chunks.
struct Record<'d> {
    id: &'d str,
    document: &'d str,
    jurisdiction: &'d str,
    date: &'d str,
    is_plan: bool,
    lead_units: Vec<&'d str>,
    chunks: Vec<Vec<char>>,
    /// Quoted terms, whole.
    quoted: Vec<Vec<char>>,
}

/// A candidate pair with its score and the phrases it shares.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub a: String,
    pub b: String,
    pub score: f64,
    /// (phrase, weight), heaviest first.
    pub phrases: Vec<(String, f64)>,
    pub shared_units: Vec<String>,
}

/// Every pair of records from different documents of one jurisdiction (not both from
/// the plan) that shares at least one phrase, scored; the links are chosen from these.
pub fn candidates(dataset: &Dataset) -> Vec<Candidate> {
    let records = records(dataset);
    let mut phrase_ids: HashMap<&[char], u32, FastHash> = HashMap::default();
    let mut phrase_texts: Vec<&[char]> = Vec::new();
    let mut postings: Vec<Vec<u32>> = Vec::new();
    let mut seen: HashSet<u32, FastHash> = HashSet::default();
    for (position, record) in records.iter().enumerate() {
        seen.clear();
        let quoted = record.quoted.iter().map(|q| q.as_slice());
        let grams = record.chunks.iter().flat_map(|chunk| grams(chunk));
        for gram in quoted.chain(grams) {
            let id = *phrase_ids.entry(gram).or_insert_with(|| {
                phrase_texts.push(gram);
                postings.push(Vec::new());
                (phrase_texts.len() - 1) as u32
            });
            if seen.insert(id) {
                postings[id as usize].push(position as u32);
            }
        }
    }
    let total = records.len().max(1) as f64;
    let quoted_set: HashSet<&[char]> = records
        .iter()
        .flat_map(|r| r.quoted.iter().map(|q| q.as_slice()))
        .collect();
    let weight = |phrase: &[char], records_with: usize| {
        let rarity = (total / records_with as f64).ln();
        let length = (phrase.len().min(8) as f64) / 4.0;
        let quoted = if quoted_set.contains(phrase) {
            1.5
        } else {
            1.0
        };
        rarity * length * quoted
    };

    let mut shared: HashMap<(u32, u32), Vec<u32>, FastHash> = HashMap::default();
    for (id, posting) in postings.iter().enumerate() {
        if posting.len() < 2 || posting.len() > MAX_RECORDS_PER_PHRASE {
            continue;
        }
        for (i, &x) in posting.iter().enumerate() {
            for &y in &posting[i + 1..] {
                let (rx, ry) = (&records[x as usize], &records[y as usize]);
                if rx.document == ry.document
                    || rx.jurisdiction != ry.jurisdiction
                    || (rx.is_plan && ry.is_plan)
                {
                    continue;
                }
                shared.entry((x, y)).or_default().push(id as u32);
            }
        }
    }

    let mut found: Vec<Candidate> = shared
        .into_iter()
        .map(|((x, y), mut ids)| {
            // Longest first, so a phrase is kept only if it overlaps no kept one: a
            // shared run longer than `phrases::MAX_PHRASE` counts once, not once per window.
            ids.sort_by_key(|&id| std::cmp::Reverse(phrase_texts[id as usize].len()));
            let mut kept: Vec<(&[char], f64)> = Vec::new();
            for id in ids {
                let phrase = phrase_texts[id as usize];
                let overlaps = phrase
                    .windows(MIN_PHRASE)
                    .any(|window| kept.iter().any(|(longer, _)| contains(longer, window)));
                if overlaps {
                    continue;
                }
                kept.push((phrase, weight(phrase, postings[id as usize].len())));
            }
            let (rx, ry) = (&records[x as usize], &records[y as usize]);
            let shared_units: Vec<String> = rx
                .lead_units
                .iter()
                .filter(|unit| ry.lead_units.contains(unit))
                .map(|unit| unit.to_string())
                .collect();
            let mut score: f64 = kept.iter().map(|(_, w)| w).sum();
            if !shared_units.is_empty() {
                score += SHARED_UNIT_BONUS;
            }
            let mut phrases: Vec<(String, f64)> = kept
                .into_iter()
                .map(|(p, w)| (p.iter().collect(), w))
                .collect();
            phrases.sort_by(|p, q| q.1.total_cmp(&p.1).then_with(|| p.0.cmp(&q.0)));
            let (a, b) = ordered(rx, ry);
            Candidate {
                a: a.id.to_string(),
                b: b.id.to_string(),
                score,
                phrases,
                shared_units,
            }
        })
        .collect();
    found.extend(indicator_candidates(dataset, &records));
    found.sort_by(|p, q| p.a.cmp(&q.a).then_with(|| p.b.cmp(&q.b)));
    found
}

/// Older record first; a plan record always second (the task serves it).
fn ordered<'r, 'd>(x: &'r Record<'d>, y: &'r Record<'d>) -> (&'r Record<'d>, &'r Record<'d>) {
    if x.is_plan {
        (y, x)
    } else if y.is_plan || (x.date, x.id) <= (y.date, y.id) {
        (x, y)
    } else {
        (y, x)
    }
}

/// Tasks and projects that name an indicator in the yearly documents' words.
fn indicator_candidates(dataset: &Dataset, records: &[Record]) -> Vec<Candidate> {
    let texts: HashMap<&str, &str> = dataset
        .tasks
        .iter()
        .map(|task| (task.id.as_str(), task.text.as_str()))
        .collect();
    let mut found = Vec::new();
    for words in INDICATOR_WORDS {
        let Some(indicator) = indicator_for(words, &dataset.plan.indicators) else {
            continue;
        };
        let Some(plan) = records.iter().find(|r| r.id == indicator.id) else {
            continue;
        };
        for record in records
            .iter()
            .filter(|r| r.jurisdiction == plan.jurisdiction)
        {
            let Some(text) = texts.get(record.id) else {
                continue;
            };
            if let Some(mention) = words.mentions.iter().find(|m| text.contains(*m)) {
                found.push(Candidate {
                    a: record.id.to_string(),
                    b: indicator.id.clone(),
                    score: INDICATOR_SCORE,
                    phrases: vec![(mention.to_string(), INDICATOR_SCORE)],
                    shared_units: Vec::new(),
                });
            }
        }
    }
    found
}

/// The links: candidates from the threshold on, each record keeping its best
/// `LINKS_PER_DOCUMENT` into any other document.
pub fn choose_links(dataset: &Dataset, candidates: Vec<Candidate>) -> Vec<Link> {
    let document_of: HashMap<&str, &str> = all_ids(dataset).collect();
    let mut passing: Vec<Candidate> = candidates
        .into_iter()
        .filter(|c| c.score >= LINK_THRESHOLD)
        .collect();
    passing.sort_by(|p, q| {
        q.score
            .total_cmp(&p.score)
            .then_with(|| (&p.a, &p.b).cmp(&(&q.a, &q.b)))
    });
    let mut taken: HashMap<(&str, &str), usize> = HashMap::new();
    let mut links = Vec::new();
    for candidate in &passing {
        let (Some(&doc_a), Some(&doc_b)) = (
            document_of.get(candidate.a.as_str()),
            document_of.get(candidate.b.as_str()),
        ) else {
            continue;
        };
        let full = |taken: &HashMap<(&str, &str), usize>, id: &str, other_doc: &str| {
            taken.get(&(id, other_doc)).copied().unwrap_or(0) >= LINKS_PER_DOCUMENT
        };
        if full(&taken, &candidate.a, doc_b) || full(&taken, &candidate.b, doc_a) {
            continue;
        }
        *taken.entry((candidate.a.as_str(), doc_b)).or_default() += 1;
        *taken.entry((candidate.b.as_str(), doc_a)).or_default() += 1;
        let plan = dataset.plan.document.as_str();
        links.push(Link {
            a: candidate.a.clone(),
            b: candidate.b.clone(),
            kind: if doc_b == plan {
                LinkKind::ServesPlan
            } else {
                LinkKind::SameCommitment
            },
            reasons: candidate.phrases.iter().map(|(p, _)| p.clone()).collect(),
            shared_units: candidate.shared_units.clone(),
            score: (candidate.score * 100.0).round() / 100.0,
        });
    }
    links.sort_by(|p, q| p.a.cmp(&q.a).then_with(|| p.b.cmp(&q.b)));
    links
}

/// Threads: for each heavy enough phrase, the records its links join, if they come
/// from at least two documents besides the plan or span the plan and two years.
pub fn group_threads(dataset: &Dataset, candidates: &[Candidate], links: &[Link]) -> Vec<Thread> {
    let linked: HashSet<String> = links.iter().map(Link::key).collect();
    let mut by_phrase: BTreeMap<&str, (f64, Vec<&str>)> = BTreeMap::new();
    for candidate in candidates {
        if !linked.contains(&link_key(&candidate.a, &candidate.b)) {
            continue;
        }
        for (phrase, weight) in &candidate.phrases {
            if *weight < THREAD_PHRASE_WEIGHT {
                continue;
            }
            let (best, items) = by_phrase.entry(phrase).or_insert((0.0, Vec::new()));
            *best = best.max(*weight);
            items.extend([candidate.a.as_str(), candidate.b.as_str()]);
        }
    }
    let dates: HashMap<&str, (&str, usize)> = record_dates(dataset);
    let document_of: HashMap<&str, &str> = all_ids(dataset).collect();
    let mut threads: Vec<(f64, Thread)> = Vec::new();
    let mut seen_sets: HashSet<Vec<&str>> = HashSet::new();
    let mut phrases: Vec<(&str, (f64, Vec<&str>))> = by_phrase.into_iter().collect();
    // Heavier phrases name a set of items first; a lighter phrase with the same items
    // adds nothing.
    phrases.sort_by(|p, q| q.1 .0.total_cmp(&p.1 .0).then_with(|| p.0.cmp(q.0)));
    for (phrase, (weight, mut items)) in phrases {
        items.sort_by_key(|id| dates.get(id).copied().unwrap_or(("", usize::MAX)));
        items.dedup();
        let mut documents: Vec<String> = Vec::new();
        for id in &items {
            let document = document_of.get(id).copied().unwrap_or_default().to_string();
            if !documents.contains(&document) {
                documents.push(document);
            }
        }
        if documents.len() < 2 {
            continue;
        }
        let mut set = items.clone();
        set.sort_unstable();
        if !seen_sets.insert(set) {
            continue;
        }
        threads.push((
            weight,
            Thread {
                id: phrase.to_string(),
                label: phrase.to_string(),
                items: items.iter().map(|id| id.to_string()).collect(),
                documents,
            },
        ));
    }
    threads.sort_by(|(wp, p), (wq, q)| {
        q.documents
            .len()
            .cmp(&p.documents.len())
            .then_with(|| q.items.len().cmp(&p.items.len()))
            .then_with(|| wq.total_cmp(wp))
            .then_with(|| p.id.cmp(&q.id))
    });
    threads.into_iter().map(|(_, thread)| thread).collect()
}

/// Links and threads of the dataset (figures are added by the caller).
pub fn compute(dataset: &Dataset) -> Links {
    let candidates = candidates(dataset);
    let links = choose_links(dataset, candidates.clone());
    let threads = group_threads(dataset, &candidates, &links);
    Links {
        links,
        threads,
        figures: Vec::new(),
    }
}

/// (id, document) of every linkable record.
fn all_ids(dataset: &Dataset) -> impl Iterator<Item = (&str, &str)> {
    let plan = &dataset.plan;
    dataset
        .tasks
        .iter()
        .map(|t| (t.id.as_str(), t.document.as_str()))
        .chain(
            dataset
                .projects
                .iter()
                .map(|p| (p.id.as_str(), p.document.as_str())),
        )
        .chain(
            plan.sections
                .iter()
                .map(|s| (s.id.as_str(), s.document.as_str())),
        )
        .chain(
            plan.boxes
                .iter()
                .map(|b| (b.id.as_str(), b.document.as_str())),
        )
        .chain(
            plan.indicators
                .iter()
                .map(|i| (i.id.as_str(), i.document.as_str())),
        )
}

/// Sort key of each record: its document's date, then its order in the dataset.
fn record_dates(dataset: &Dataset) -> HashMap<&str, (&str, usize)> {
    let date_of: HashMap<&str, &str> = dataset
        .catalog
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d.date.as_str()))
        .collect();
    all_ids(dataset)
        .enumerate()
        .map(|(order, (id, document))| (id, (date_of.get(document).copied().unwrap_or(""), order)))
        .collect()
}

fn records(dataset: &Dataset) -> Vec<Record<'_>> {
    let documents: HashMap<&str, (&str, &str)> = dataset
        .catalog
        .documents
        .iter()
        .map(|d| (d.id.as_str(), (d.jurisdiction.as_str(), d.date.as_str())))
        .collect();
    let place = |document: &str| documents.get(document).copied().unwrap_or(("", ""));
    let mut records = Vec::new();
    for task in &dataset.tasks {
        let (jurisdiction, date) = place(&task.document);
        records.push(record(
            &task.id,
            &task.document,
            jurisdiction,
            date,
            false,
            task.units
                .iter()
                .filter(|u| u.lead)
                .map(|u| u.name.as_str())
                .collect(),
            &task.text,
        ));
    }
    for project in &dataset.projects {
        let (jurisdiction, date) = place(&project.document);
        let text = std::iter::once(project.title.as_str())
            .chain(project.subitems.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join("。");
        records.push(record(
            &project.id,
            &project.document,
            jurisdiction,
            date,
            false,
            project
                .units
                .iter()
                .filter(|u| u.lead)
                .map(|u| u.name.as_str())
                .collect(),
            &text,
        ));
    }
    let plan = &dataset.plan;
    for section in &plan.sections {
        let (jurisdiction, date) = place(&section.document);
        let text = format!("{}。{}", section.title, section.text);
        records.push(record(
            &section.id,
            &section.document,
            jurisdiction,
            date,
            true,
            Vec::new(),
            &text,
        ));
    }
    for plan_box in &plan.boxes {
        let (jurisdiction, date) = place(&plan_box.document);
        let text = std::iter::once(plan_box.title.as_str())
            .chain(plan_box.entries.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join("。");
        records.push(record(
            &plan_box.id,
            &plan_box.document,
            jurisdiction,
            date,
            true,
            Vec::new(),
            &text,
        ));
    }
    for indicator in &plan.indicators {
        let (jurisdiction, date) = place(&indicator.document);
        // Indicators are linked through `INDICATOR_WORDS`, not their table names.
        records.push(Record {
            id: &indicator.id,
            document: &indicator.document,
            jurisdiction,
            date,
            is_plan: true,
            lead_units: Vec::new(),
            chunks: Vec::new(),
            quoted: Vec::new(),
        });
    }
    records
}

fn record<'d>(
    id: &'d str,
    document: &'d str,
    jurisdiction: &'d str,
    date: &'d str,
    is_plan: bool,
    lead_units: Vec<&'d str>,
    text: &str,
) -> Record<'d> {
    let (chunks, quoted) = chunk(text);
    Record {
        id,
        document,
        jurisdiction,
        date,
        is_plan,
        lead_units,
        chunks,
        quoted,
    }
}
