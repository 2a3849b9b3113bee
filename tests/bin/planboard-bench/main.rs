//! `planboard-bench`: drives headless Chromium over a release build and reports, per
//! dataset, the bytes of the first load, the time to the first task list, the time from
//! a keystroke in search and from a facet click to the settled DOM, and memory — each
//! time beside the same measure on a plain static page listing the same items, served
//! in the same run. Writes the measured part of BENCHMARKS.md (between its markers).
//!
//! Usage: planboard-bench [--dist DIR] [--dataset NAME=DATA_DIR]… [--loads N] [--runs N]
//!        [--out FILE]      (scripts/bench.sh passes everything)

mod measure;
mod report;
mod static_page;

use std::path::PathBuf;
use std::process::ExitCode;

use measure::measure_dataset;
use report::{machine_description, write_report};

struct Options {
    dist: PathBuf,
    datasets: Vec<(String, Option<PathBuf>)>,
    loads: usize,
    runs: usize,
    out: PathBuf,
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
    let mut options = Options {
        dist: PathBuf::from("dist"),
        datasets: Vec::new(),
        loads: 5,
        runs: 21,
        out: PathBuf::from("BENCHMARKS.md"),
    };
    let count = |value: Option<String>, flag: &str| -> Result<usize, String> {
        value
            .and_then(|value| value.parse().ok())
            .filter(|n| *n > 0)
            .ok_or_else(|| format!("{flag} needs a positive number"))
    };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--dist" => options.dist = args.next().ok_or("--dist needs a folder")?.into(),
            "--out" => options.out = args.next().ok_or("--out needs a file")?.into(),
            "--loads" => options.loads = count(args.next(), "--loads")?,
            "--runs" => options.runs = count(args.next(), "--runs")?,
            "--dataset" => {
                let value = args.next().ok_or("--dataset needs NAME=DATA_DIR")?;
                let (name, dir) = value.split_once('=').ok_or(
                    "--dataset needs NAME=DATA_DIR (DATA_DIR may be empty: the build's own)",
                )?;
                let dir = (!dir.is_empty()).then(|| PathBuf::from(dir));
                options.datasets.push((name.to_owned(), dir));
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    if options.datasets.is_empty() {
        options.datasets.push(("seed".to_owned(), None));
    }
    Ok(options)
}

#[tokio::main]
async fn main() -> ExitCode {
    let options = match parse(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(message) => {
            eprintln!(
                "planboard-bench: {message}\nusage: planboard-bench [--dist DIR] \
                 [--dataset NAME=DATA_DIR]… [--loads N] [--runs N] [--out FILE]"
            );
            return ExitCode::from(2);
        }
    };
    if !options.dist.join("index.html").is_file() {
        eprintln!(
            "planboard-bench: {} has no index.html: build the app first (trunk build --release)",
            options.dist.display()
        );
        return ExitCode::FAILURE;
    }
    let mut results = Vec::new();
    for (name, data) in &options.datasets {
        eprintln!("planboard-bench: measuring dataset {name} …");
        match measure_dataset(
            &options.dist,
            name,
            data.as_deref(),
            options.loads,
            options.runs,
        )
        .await
        {
            Ok(result) => results.push(result),
            Err(message) => {
                eprintln!("planboard-bench: dataset {name}: {message}");
                return ExitCode::FAILURE;
            }
        }
    }
    let machine = machine_description();
    match write_report(
        &options.out,
        &machine,
        &results,
        options.loads,
        options.runs,
    ) {
        Ok(text) => {
            println!("{text}");
            eprintln!("planboard-bench: wrote {}", options.out.display());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!(
                "planboard-bench: cannot write {}: {error}",
                options.out.display()
            );
            ExitCode::FAILURE
        }
    }
}
