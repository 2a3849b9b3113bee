//! Prints the scored candidate pairs (for tuning the thresholds by reading them):
//! `cargo run --release -p planboard-importer --example link_candidates`.
use planboard_importer::pipeline::{build, read_source_dir};
use planboard_importer::threads::candidates;
use std::path::Path;

fn main() {
    let sources = read_source_dir(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/sources")),
        &planboard_importer::period::DocumentDetails::default(),
    )
    .expect("sources");
    let built = build(&sources).expect("build");
    let mut all = candidates(&built.dataset);
    all.sort_by(|p, q| q.score.total_cmp(&p.score));
    for c in &all {
        let phrases: Vec<String> = c
            .phrases
            .iter()
            .map(|(p, w)| format!("{p}:{w:.1}"))
            .collect();
        println!(
            "{:.2}\t{}\t{}\t{}\t{:?}",
            c.score,
            c.a,
            c.b,
            phrases.join(" "),
            c.shared_units
        );
    }
    eprintln!(
        "{} candidates, {} links, {} threads",
        all.len(),
        built.dataset.links.links.len(),
        built.dataset.links.threads.len()
    );
}
