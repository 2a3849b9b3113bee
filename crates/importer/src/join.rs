//! One commitment, many reports: the year's task breakdown and each progress report of
//! the same jurisdiction and year list the same tasks again, each in its own numbering
//! and sometimes its own words. This joins their records into [`Commitment`]s.
//!
//! Documents are taken oldest first (date, then id). A task of a later document joins
//! the commitment one of whose records it matches best:
//!
//! - **exact**: the numbers agree and the texts agree once full-/half-width, spaces and
//!   punctuation are normalised ([`normalise`]);
//! - **close**: otherwise, when the texts are alike enough — at least
//!   [`CLOSE_SAME_NUMBER`] of their character pairs shared with the same number, at
//!   least [`CLOSE_OTHER_NUMBER`] without — and the record says why.
//!
//! Each commitment takes at most one record per document, best pairs first (exact
//! before close, then by likeness). Records of different jurisdictions or years are
//! never compared. Only commitments found in two or more documents are listed.

use planboard_model::{
    Commitment, CommitmentRecord, DocumentKind, JoinMatch, SourceDocument, Task, TaskKind,
};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Likeness (Dice coefficient of character pairs) that joins two texts with one number.
pub const CLOSE_SAME_NUMBER: f64 = 0.5;
/// Likeness that joins two texts whose numbers differ (a breakdown numbers its tasks
/// per leader, a report through the year).
pub const CLOSE_OTHER_NUMBER: f64 = 0.8;

/// A text with width folded, spaces and punctuation dropped, Latin letters lower-cased:
/// `生产总值增长 6％。` and `生产总值增长6%` normalise alike. Digits, `%` and a decimal
/// point between digits stay, so figures still tell texts apart.
pub fn normalise(text: &str) -> String {
    let folded: Vec<char> = text.chars().map(fold_width).collect();
    let mut out = String::with_capacity(text.len());
    for (at, &c) in folded.iter().enumerate() {
        let between_digits = c == '.'
            && at > 0
            && folded[at - 1].is_ascii_digit()
            && folded.get(at + 1).is_some_and(char::is_ascii_digit);
        if c.is_alphanumeric() || c == '%' || between_digits {
            out.extend(c.to_lowercase());
        }
    }
    out
}

fn fold_width(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        _ => c,
    }
}

/// The character pairs of a normalised text (its single character when it has one).
fn pairs(text: &str) -> BTreeSet<(char, char)> {
    let chars: Vec<char> = text.chars().collect();
    match chars.as_slice() {
        [only] => BTreeSet::from([(*only, *only)]),
        _ => chars.windows(2).map(|w| (w[0], w[1])).collect(),
    }
}

/// Dice coefficient of two pair sets: 1.0 alike, 0.0 nothing shared.
fn likeness(a: &BTreeSet<(char, char)>, b: &BTreeSet<(char, char)>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let shared = a.intersection(b).count();
    2.0 * shared as f64 / (a.len() + b.len()) as f64
}

/// A record ready for comparison.
struct Prepared {
    task: usize,
    number: u32,
    normalised: String,
    pairs: BTreeSet<(char, char)>,
}

/// How a task would join a commitment, best first when sorted.
#[derive(Clone, Copy)]
struct Candidate {
    task: usize,
    commitment: usize,
    exact: bool,
    likeness: f64,
    same_number: bool,
    other_number: u32,
}

/// Joins the annual tasks of breakdowns and progress reports into commitments.
pub fn join_commitments(tasks: &[Task], documents: &[SourceDocument]) -> Vec<Commitment> {
    let by_id: HashMap<&str, &SourceDocument> =
        documents.iter().map(|d| (d.id.as_str(), d)).collect();
    // (jurisdiction, year) → (date, document id) → task indices in document order.
    let mut groups: BTreeMap<(&str, u16), DocumentsInOrder> = BTreeMap::new();
    for (index, task) in tasks.iter().enumerate() {
        let Some(document) = by_id.get(task.document.as_str()) else {
            continue;
        };
        let followed = matches!(
            document.kind,
            DocumentKind::TaskBreakdown | DocumentKind::ProgressReport
        );
        if task.kind != TaskKind::AnnualTask || !followed {
            continue;
        }
        groups
            .entry((task.jurisdiction.as_str(), task.year))
            .or_default()
            .entry((document.date.as_str(), document.id.as_str()))
            .or_default()
            .push(index);
    }
    let mut commitments = Vec::new();
    for ((jurisdiction, year), documents_in_order) in groups {
        if documents_in_order.len() < 2 {
            continue;
        }
        for records in join_group(tasks, documents_in_order.into_values()) {
            if records.len() < 2 {
                continue;
            }
            commitments.push(Commitment {
                id: tasks[records[0].0].id.clone(),
                jurisdiction: jurisdiction.to_string(),
                year,
                records: records
                    .into_iter()
                    .map(|(task, matched, reason)| CommitmentRecord {
                        task: tasks[task].id.clone(),
                        document: tasks[task].document.clone(),
                        date: by_id
                            .get(tasks[task].document.as_str())
                            .map_or_else(String::new, |d| d.date.clone()),
                        status: tasks[task].status,
                        matched,
                        reason,
                    })
                    .collect(),
            });
        }
    }
    commitments
}

type Records = Vec<(usize, JoinMatch, Option<String>)>;

/// (date, document id) → task indices in document order.
type DocumentsInOrder<'a> = BTreeMap<(&'a str, &'a str), Vec<usize>>;

/// The commitments of one jurisdiction and year; documents come oldest first.
fn join_group(tasks: &[Task], documents: impl Iterator<Item = Vec<usize>>) -> Vec<Records> {
    let prepare = |task: usize| {
        let normalised = normalise(&tasks[task].text);
        Prepared {
            task,
            number: tasks[task].number,
            pairs: pairs(&normalised),
            normalised,
        }
    };
    let mut commitments: Vec<Records> = Vec::new();
    // Per commitment, its records so far, prepared for comparison.
    let mut known: Vec<Vec<Prepared>> = Vec::new();
    for document in documents {
        let incoming: Vec<Prepared> = document.into_iter().map(prepare).collect();
        let mut candidates = Vec::new();
        for (position, record) in incoming.iter().enumerate() {
            for (commitment, records) in known.iter().enumerate() {
                let best = records
                    .iter()
                    .filter_map(|earlier| compare(record, earlier, position, commitment))
                    .max_by(|a, b| {
                        a.exact
                            .cmp(&b.exact)
                            .then(a.likeness.total_cmp(&b.likeness))
                            .then(a.same_number.cmp(&b.same_number))
                    });
                candidates.extend(best);
            }
        }
        candidates.sort_by(|a, b| {
            b.exact
                .cmp(&a.exact)
                .then(b.likeness.total_cmp(&a.likeness))
                .then(b.same_number.cmp(&a.same_number))
                .then(a.task.cmp(&b.task))
                .then(a.commitment.cmp(&b.commitment))
        });
        let mut placed = vec![false; incoming.len()];
        let mut taken = vec![false; known.len()];
        let mut joins = Vec::new();
        for candidate in candidates {
            if placed[candidate.task] || taken[candidate.commitment] {
                continue;
            }
            placed[candidate.task] = true;
            taken[candidate.commitment] = true;
            joins.push(candidate);
        }
        let mut incoming: Vec<Option<Prepared>> = incoming.into_iter().map(Some).collect();
        for candidate in joins {
            let Some(record) = incoming[candidate.task].take() else {
                continue;
            };
            let (matched, reason) = if candidate.exact {
                (JoinMatch::Exact, None)
            } else {
                (JoinMatch::Close, Some(reason(&candidate, record.number)))
            };
            commitments[candidate.commitment].push((record.task, matched, reason));
            known[candidate.commitment].push(record);
        }
        for record in incoming.into_iter().flatten() {
            commitments.push(vec![(record.task, JoinMatch::First, None)]);
            known.push(vec![record]);
        }
    }
    commitments
}

fn compare(
    record: &Prepared,
    known: &Prepared,
    position: usize,
    commitment: usize,
) -> Option<Candidate> {
    let same_number = record.number == known.number;
    let same_text = record.normalised == known.normalised && !record.normalised.is_empty();
    let likeness = if same_text {
        1.0
    } else {
        likeness(&record.pairs, &known.pairs)
    };
    let threshold = if same_number {
        CLOSE_SAME_NUMBER
    } else {
        CLOSE_OTHER_NUMBER
    };
    (likeness >= threshold).then_some(Candidate {
        task: position,
        commitment,
        exact: same_number && same_text,
        likeness,
        same_number,
        other_number: known.number,
    })
}

/// Why a close match was made, in the reader's words.
fn reason(candidate: &Candidate, number: u32) -> String {
    let text = if candidate.likeness >= 1.0 {
        "文字一致(忽略宽度、空格与标点)".to_string()
    } else {
        format!(
            "文字相近(字词重合 {:.0}%)",
            (candidate.likeness * 100.0).floor()
        )
    };
    let numbers = if candidate.same_number {
        format!("序号相同(第{number}项)")
    } else {
        format!(
            "序号不同(此前第{}项,此处第{number}项)",
            candidate.other_number
        )
    };
    format!("{text},{numbers}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalising_folds_width_spaces_and_punctuation() {
        assert_eq!(normalise("生产总值增长 6％。"), normalise("生产总值增长6%"));
        assert_eq!(normalise("“四群八链”ＡＢ"), "四群八链ab");
        assert_eq!(normalise("增长2.8%。"), "增长2.8%");
        assert_ne!(normalise("增长2.8%"), normalise("增长28%"));
    }

    #[test]
    fn likeness_of_rewordings() {
        let a = pairs(&normalise("新建改扩建幼儿园17所"));
        let b = pairs(&normalise("新建、改扩建幼儿园17所,义务教育学校14所"));
        let c = pairs(&normalise("完成老旧小区改造19个"));
        assert!(likeness(&a, &b) > 0.6);
        assert!(likeness(&a, &c) < 0.2);
    }
}
