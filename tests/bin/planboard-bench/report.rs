//! BENCHMARKS.md: the measured part (rewritten on each run, between two markers) and
//! the machine it was measured on. The text outside the markers is kept as written.

use std::path::Path;
use std::process::Command;

use crate::measure::{DatasetResult, PageMeasures};

const START: &str = "<!-- measured:start (scripts/bench.sh rewrites this part) -->";
const END: &str = "<!-- measured:end -->";
/// Issue 6: wasm + js + css + data under 200 KB brotli at seed size.
const TRANSFER_TARGET: u64 = 200 * 1024;

/// CPU, cores, memory and browser, for the reader to compare machines.
pub fn machine_description() -> String {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu = cpuinfo
        .lines()
        .find_map(|line| line.strip_prefix("model name"))
        .map(|rest| rest.trim_start_matches([' ', '\t', ':']).to_owned())
        .unwrap_or_else(|| "unknown CPU".to_owned());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let memory_kib: u64 = meminfo
        .lines()
        .find_map(|line| line.strip_prefix("MemTotal:"))
        .and_then(|rest| rest.split_whitespace().next()?.parse().ok())
        .unwrap_or(0);
    let chromium = ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| Command::new(name).arg("--version").output().ok())
        .map(|output| String::from_utf8_lossy(&output.stdout).trim().to_owned())
        .unwrap_or_else(|| "unknown browser".to_owned());
    // Other work on the machine slows every measure; the reader should know it was there.
    let load = std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|text| Some(text.split_whitespace().next()?.to_owned()))
        .unwrap_or_else(|| "unknown".to_owned());
    format!(
        "{cores} cores ({cpu}), {:.1} GiB memory, load average {load} at the end of the run; \
         {chromium}",
        memory_kib as f64 / 1024.0 / 1024.0
    )
}

/// Writes the measured part into `out` and returns it.
pub fn write_report(
    out: &Path,
    machine: &str,
    results: &[DatasetResult],
    loads: usize,
    runs: usize,
) -> std::io::Result<String> {
    let measured = measured_part(machine, results, loads, runs);
    let existing = std::fs::read_to_string(out).unwrap_or_default();
    let document = match (existing.find(START), existing.find(END)) {
        (Some(start), Some(end)) if start < end => format!(
            "{}{measured}{}",
            &existing[..start],
            &existing[end + END.len()..]
        ),
        _ => format!(
            "# Benchmarks\n\nRun `bash scripts/bench.sh`; it rewrites the measured part below.\n\n\
             {measured}\n"
        ),
    };
    std::fs::write(out, document)?;
    Ok(measured)
}

fn measured_part(machine: &str, results: &[DatasetResult], loads: usize, runs: usize) -> String {
    let date = Command::new("date")
        .args(["-u", "+%Y-%m-%d %H:%M UTC"])
        .output()
        .map(|output| String::from_utf8_lossy(&output.stdout).trim().to_owned())
        .unwrap_or_default();
    let mut text = format!(
        "{START}\nMeasured {date} on {machine}.\n\n\
         Every load is cold (HTTP cache, service worker and storage cleared); times are \
         medians of {loads} loads or {runs} interactions. The static page is plain HTML \
         listing the tasks the app shows first, with the app's style sheets and a few lines \
         of JavaScript that filter those listed items; ratio = app ÷ static page.\n"
    );
    for result in results {
        text.push_str(&transfer_table(result));
    }
    text.push_str(&times_table(results));
    text.push_str(&memory_table(results));
    text.push_str(&targets(results));
    text.push_str(END);
    text
}

fn transfer_table(result: &DatasetResult) -> String {
    let mut text = format!(
        "\n### First load, {} ({} tasks; the first list shows {} of them): every file \
         the page fetched\n\n\
         | file | raw bytes | brotli bytes (the build's .br) |\n|---|---:|---:|\n",
        result.name, result.tasks, result.rows
    );
    for file in &result.files {
        text.push_str(&format!(
            "| {} | {} | {} |\n",
            file.path,
            group(file.raw),
            file.brotli.map_or("—".to_owned(), group)
        ));
    }
    let (raw, brotli) = counted_transfer(result);
    let all_raw: u64 = result.files.iter().map(|file| file.raw).sum();
    let all_brotli: u64 = result.files.iter().filter_map(|file| file.brotli).sum();
    text.push_str(&format!(
        "| **wasm + js + css + data** | {} | **{}** |\n| all files | {} | {} |\n",
        group(raw),
        group(brotli),
        group(all_raw),
        group(all_brotli)
    ));
    text
}

/// The transfer measure: wasm, js, css and data files (not index.html, icons).
fn counted_transfer(result: &DatasetResult) -> (u64, u64) {
    let counted = result.files.iter().filter(|file| {
        file.path.starts_with("data/")
            || [".wasm", ".js", ".css"]
                .iter()
                .any(|extension| file.path.ends_with(extension))
    });
    counted.fold((0, 0), |(raw, brotli), file| {
        (raw + file.raw, brotli + file.brotli.unwrap_or(file.raw))
    })
}

/// Picks one series of times out of a page's measures.
type Measure = fn(&PageMeasures) -> &Vec<f64>;

fn times_table(results: &[DatasetResult]) -> String {
    let mut header = "\n### Times in milliseconds (median; min–max)\n\n| measure |".to_owned();
    let mut rule = "|---|".to_owned();
    for result in results {
        header.push_str(&format!(" {0}: app | {0}: static | ratio |", result.name));
        rule.push_str("---:|---:|---:|");
    }
    let mut text = format!("{header}\n{rule}\n");
    let rows: [(&str, Measure); 7] = [
        ("first task list on screen (from navigation)", |page| {
            &page.first_list_ms
        }),
        ("keystroke in search → first DOM change", |page| {
            &page.keystroke_first_ms
        }),
        ("keystroke in search → DOM settled", |page| {
            &page.keystroke_ms
        }),
        (
            "keystroke, a term not searched before → first DOM change",
            |page| &page.new_term_first_ms,
        ),
        (
            "keystroke, a term not searched before → DOM settled",
            |page| &page.new_term_ms,
        ),
        ("facet click → first DOM change", |page| {
            &page.facet_first_ms
        }),
        ("facet click → DOM settled", |page| &page.facet_ms),
    ];
    for (label, pick) in rows {
        text.push_str(&format!("| {label} |"));
        for result in results {
            let (app, plain) = (pick(&result.app), pick(&result.plain));
            text.push_str(&format!(
                " {} | {} | {:.1}× |",
                spread(app),
                spread(plain),
                median(app) / median(plain).max(0.001)
            ));
        }
        text.push('\n');
    }
    text
}

fn memory_table(results: &[DatasetResult]) -> String {
    let mut text = "\n### Memory after the interactions (bytes)\n\n| | ".to_owned();
    let names: Vec<String> = results
        .iter()
        .map(|result| format!("{0}: app | {0}: static", result.name))
        .collect();
    text.push_str(&names.join(" | "));
    text.push_str(" |\n|---|");
    text.push_str(&"---:|---:|".repeat(results.len()));
    text.push_str("\n| JS heap, live after GC |");
    for result in results {
        text.push_str(&format!(
            " {} | {} |",
            group(result.app.js_heap_bytes),
            group(result.plain.js_heap_bytes)
        ));
    }
    text.push_str("\n| wasm linear memory |");
    for result in results {
        let wasm = result.app.wasm_memory_bytes.map_or("—".to_owned(), group);
        text.push_str(&format!(" {wasm} | — |"));
    }
    text.push('\n');
    text
}

fn targets(results: &[DatasetResult]) -> String {
    let mut text = "\n### Targets\n\n".to_owned();
    let verdict = |value: f64, limit: f64, unit: &str| {
        if value <= limit {
            format!("met ({value:.1}{unit} ≤ {limit:.1}{unit})")
        } else {
            format!(
                "**missed** by {:.1}{unit} ({value:.1}{unit}, {:.1}× the target)",
                value - limit,
                value / limit
            )
        }
    };
    if let Some(seed) = results.first() {
        let (_, brotli) = counted_transfer(seed);
        text.push_str(&format!(
            "- wasm + js + css + data, brotli, {}: {}\n",
            seed.name,
            verdict(
                brotli as f64 / 1024.0,
                TRANSFER_TARGET as f64 / 1024.0,
                " KB"
            )
        ));
    }
    // The keystroke targets are judged on the first DOM change: the frame that shows the
    // count, the facets and the rows that fit the window. The rows below the window
    // come when the browser is idle; "DOM settled" in the table above includes them.
    for (index, result) in results.iter().enumerate() {
        let limit = if index == 0 { 4.0 } else { 16.0 };
        text.push_str(&format!(
            "- keystroke → first DOM change, {} ({} tasks): {}\n",
            result.name,
            result.tasks,
            verdict(median(&result.app.keystroke_first_ms), limit, " ms")
        ));
        text.push_str(&format!(
            "- keystroke → first DOM change, a term not searched before, {}: {}\n",
            result.name,
            verdict(median(&result.app.new_term_first_ms), limit, " ms")
        ));
        let ratio = median(&result.app.first_list_ms) / median(&result.plain.first_list_ms);
        text.push_str(&format!(
            "- first list ≤ 1.5× the static page, {}: {}\n",
            result.name,
            verdict(ratio, 1.5, "×")
        ));
    }
    text
}

fn median(values: &[f64]) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    sorted[sorted.len() / 2]
}

fn spread(values: &[f64]) -> String {
    let min = values.iter().copied().fold(f64::INFINITY, f64::min);
    let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    format!("{:.2} ({min:.2}–{max:.2})", median(values))
}

/// 1234567 → `1,234,567`.
fn group(value: u64) -> String {
    let digits = value.to_string();
    let mut grouped = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}
