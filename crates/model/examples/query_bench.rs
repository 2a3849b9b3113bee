//! Times `Index::new` and `Index::query` on a synthetic dataset of realistic text:
//! `cargo run --release -p planboard-model --example query_bench [entries]`.
//!
//! The records reuse sentences of the shipped 2024 progress report, shuffled, with
//! leaders, units, districts and statuses spread the way the real documents spread
//! them, so substring scans see Chinese text of the real length and make-up.

use std::time::{Duration, Instant};

use planboard_model::{
    Catalog, Dataset, DocumentKind, Filter, Index, Role, SortOrder, SourceDocument, SourceSpan,
    Status, Task, TaskKind, UnitRef,
};

const SOURCE: &str = include_str!("../../../data/sources/huzhou-2024-tasks-h1-progress.txt");
const DISTRICTS: [&str; 7] = [
    "吴兴区",
    "南浔区",
    "德清县",
    "长兴县",
    "安吉县",
    "南太湖新区",
    "长合区",
];

/// A small deterministic generator (xorshift), so runs compare.
struct Random(u64);

impl Random {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

fn synthetic(entries: usize) -> Dataset {
    let sentences: Vec<&str> = SOURCE
        .split(['。', '\n'])
        .map(str::trim)
        .filter(|s| s.chars().count() > 8)
        .collect();
    let leaders: Vec<String> = (0..20).map(|i| format!("领导{i:02}")).collect();
    let units: Vec<String> = (0..200).map(|i| format!("市第{i}局")).collect();
    let documents: Vec<SourceDocument> = (0..40)
        .map(|i| SourceDocument {
            id: format!("doc-{i:02}"),
            kind: if i % 2 == 0 {
                DocumentKind::ProgressReport
            } else {
                DocumentKind::TaskBreakdown
            },
            title: format!("文件{i}"),
            issuer: "湖州市人民政府".into(),
            jurisdiction: if i % 5 == 0 { "平湖市" } else { "湖州市" }.into(),
            date: format!("{}-07", 2000 + i),
            period: format!("{}年", 2000 + i),
            year: 2000 + i as u16,
            source_file: format!("doc-{i}.txt"),
            line_count: 0,
            imported_locally: None,
            former_ids: Vec::new(),
        })
        .collect();
    let mut random = Random(0x9E37_79B9_7F4A_7C15);
    let pick_text = |random: &mut Random, count: usize| -> String {
        (0..count)
            .map(|_| sentences[random.below(sentences.len())])
            .collect::<Vec<_>>()
            .join("。")
    };
    let tasks = (0..entries)
        .map(|i| {
            let document = &documents[i * documents.len() / entries];
            let progress_report = document.kind == DocumentKind::ProgressReport;
            let status = if !progress_report {
                Status::NotTracked
            } else {
                [
                    Status::Reported,
                    Status::Reported,
                    Status::Reported,
                    Status::Lagging,
                    Status::NoProgress,
                ][random.below(5)]
            };
            let unit_count = 1 + random.below(5);
            let districts = match random.below(4) {
                0 => DISTRICTS.iter().map(|d| d.to_string()).collect(),
                1 => vec![DISTRICTS[random.below(7)].to_string()],
                _ => Vec::new(),
            };
            Task {
                id: format!("{}/t{i}", document.id),
                kind: TaskKind::AnnualTask,
                document: document.id.clone(),
                year: document.year,
                jurisdiction: document.jurisdiction.clone(),
                number: i as u32,
                number_inferred: false,
                text: pick_text(&mut random, 2),
                leader: (!progress_report).then(|| leaders[random.below(leaders.len())].clone()),
                units: (0..unit_count)
                    .map(|k| UnitRef {
                        name: units[random.below(units.len())].clone(),
                        lead: k == 0,
                    })
                    .collect(),
                progress: if progress_report {
                    (0..1 + random.below(3))
                        .map(|_| pick_text(&mut random, 2))
                        .collect()
                } else {
                    Vec::new()
                },
                remarks: if status == Status::Lagging {
                    vec!["进度慢于半年度目标，要加快推进".into()]
                } else {
                    Vec::new()
                },
                status,
                districts,
                source: SourceSpan::default(),
                area: None,
                problems: Vec::new(),
                next_steps: Vec::new(),
                other_columns: Vec::new(),
            }
        })
        .collect();
    Dataset {
        catalog: Catalog {
            format_version: 1,
            documents,
            ..Catalog::default()
        },
        tasks,
        ..Dataset::default()
    }
}

/// The first run is reported apart: the index remembers the entries of recent search
/// terms, so only the first run of a query with a new term scans the text.
fn time(label: &str, runs: usize, mut work: impl FnMut() -> usize) {
    let mut times: Vec<Duration> = Vec::with_capacity(runs);
    let mut results = 0;
    for _ in 0..runs {
        let start = Instant::now();
        results = work();
        times.push(start.elapsed());
    }
    let first = times[0];
    times.sort();
    println!(
        "{label:<44} first {:>8.2} ms  median {:>8.2} ms  min {:>8.2} ms  ({results} results)",
        first.as_secs_f64() * 1e3,
        times[runs / 2].as_secs_f64() * 1e3,
        times[0].as_secs_f64() * 1e3
    );
}

fn main() {
    let entries: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(50_000);
    let dataset = synthetic(entries);
    let text_bytes: usize = dataset
        .tasks
        .iter()
        .map(|t| t.text.len() + t.progress.iter().map(String::len).sum::<usize>())
        .sum();
    println!(
        "{entries} entries, {:.1} MB of task and progress text",
        text_bytes as f64 / 1e6
    );

    let start = Instant::now();
    let index = Index::new(&dataset);
    println!(
        "Index::new {:>37.1} ms",
        start.elapsed().as_secs_f64() * 1e3
    );

    let index = &index;
    let query = |filter: Filter| move || index.query(&filter).matches.len();
    let filter = |f: fn(&mut Filter)| {
        let mut filter = Filter::default();
        f(&mut filter);
        filter
    };
    time("no filter", 21, query(Filter::default()));
    time("q=高铁", 21, query(filter(|f| f.q = "高铁".into())));
    time(
        "q=推进 (common)",
        21,
        query(filter(|f| f.q = "推进".into())),
    );
    time(
        "q=市 (one char, nearly everywhere)",
        21,
        query(filter(|f| f.q = "市".into())),
    );
    time(
        "q=ｇｄｐ 增长 (two terms)",
        21,
        query(filter(|f| f.q = "ｇｄｐ 增长".into())),
    );
    time(
        "q=不存在的词",
        21,
        query(filter(|f| f.q = "不存在的词".into())),
    );
    time(
        "leader + district",
        21,
        query(filter(|f| {
            f.leader = vec!["领导03".into(), "领导07".into()];
            f.district = vec!["德清县".into()];
        })),
    );
    time(
        "unit (lead) + status + sort=status",
        21,
        query(filter(|f| {
            f.unit = vec!["市第7局".into()];
            f.role = Role::Lead;
            f.status = vec![Status::Lagging, Status::Reported];
            f.sort = SortOrder::Status;
        })),
    );
    time(
        "all facets + q=建设",
        21,
        query(filter(|f| {
            f.year = vec![2004, 2010, 2030];
            f.jurisdiction = vec!["湖州市".into()];
            f.district = vec!["吴兴区".into()];
            f.status = vec![Status::Reported];
            f.q = "建设".into();
        })),
    );
}
