//! `planboard-ingest`: build the data files, inspect one document, or time a build.
//! Arguments are parsed by hand: three commands with one option each do not need a
//! parser crate.

use crate::dataset::assemble;
use crate::detect::detect;
use crate::error::{ImportError, MissingDetail};
use crate::period::DocumentDetails;
use crate::pipeline::{
    build, parse_read, parse_source, read_sidecar, read_source, read_source_dir, stated_details,
    SourceFile,
};
use planboard_model::JoinMatch;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const USAGE: &str = "用法:
  planboard-ingest build <SOURCE_DIR> --out <DIR> [文档信息]
                                                    解析 SOURCE_DIR 中全部源文件(.txt .docx .xlsx .xls .et .htm .html;.doc .wps .pdf .rtf 会报错并说明如何另存),写出 documents.json、tasks.json、projects.json、plan.json、links.json
  planboard-ingest inspect <FILE> [文档信息]        识别文件格式与文档类型,stdout 输出解析结果(JSON),stderr 输出格式与编码、未读取的部分、文档信息(读自文本/指定/缺失)、逐行归属统计与未归属的行(及其在文件中的位置)
    文档信息(文中没有写明时才需要;指定的优先于文中读出的):
      --jurisdiction 平湖市   --year 2023   --period 前三季度(一季度/上半年/前三季度/全年/5月)   --date 2023-10-10
      inspect: 指定的信息优先于文中读出的;build: 只用于文中缺少信息的文件
    build 时也可在源文件旁放同名 .meta.json(如 a.txt 旁的 a.meta.json):
      {\"jurisdiction\": \"平湖市\", \"year\": 2023, \"period\": \"前三季度\", \"date\": \"2023-10-10\"},它优先于命令行选项
  planboard-ingest bench <SOURCE_DIR> [--runs N]    在内存中重复构建整个数据集 N 次(默认 30),报告每次构建的最短/中位用时
  planboard-ingest synth <SOURCE_DIR> --tasks N --out <DIR>
                                                    基准测试用:保留全部真实记录,再以同一文件中的真实文本、单位、领导确定性地组合出新任务,直到共 N 项,写出数据文件";

/// A command line that could not be understood.
#[derive(Debug, Clone, PartialEq, Eq)]
struct UsageError(String);

/// What the user asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Command {
    Build {
        sources: PathBuf,
        out: PathBuf,
        details: DocumentDetails,
    },
    Inspect {
        file: PathBuf,
        details: DocumentDetails,
    },
    Bench {
        sources: PathBuf,
        runs: usize,
    },
    Synth {
        sources: PathBuf,
        tasks: usize,
        out: PathBuf,
    },
    Help,
}

fn parse_args(args: &[String]) -> Result<Command, UsageError> {
    let (command, rest) = match args.split_first() {
        Some((command, rest)) => (command.as_str(), rest),
        None => return Err(UsageError("缺少命令".into())),
    };
    let mut positional = Vec::new();
    let mut out = None;
    let mut runs = None;
    let mut tasks = None;
    let mut details = DocumentDetails::default();
    let mut rest = rest.iter();
    while let Some(arg) = rest.next() {
        let mut value_of = |flag: &str, what: &str| {
            rest.next()
                .cloned()
                .ok_or_else(|| UsageError(format!("{flag} 后缺少{what}")))
        };
        match arg.as_str() {
            "--jurisdiction" => details.jurisdiction = Some(value_of(arg, "辖区,如 平湖市")?),
            "--year" => {
                let value = value_of(arg, "年份,如 2023")?;
                details.year = Some(
                    value
                        .parse::<u16>()
                        .map_err(|_| UsageError(format!("--year 需要四位年份,而不是“{value}”")))?,
                );
            }
            "--period" => details.period = Some(value_of(arg, "时段,如 前三季度")?),
            "--date" => details.date = Some(value_of(arg, "日期,如 2023-10-10")?),
            "--out" => {
                out = Some(
                    rest.next()
                        .ok_or_else(|| UsageError("--out 后缺少目录".into()))?,
                )
            }
            "--runs" => {
                let value = rest
                    .next()
                    .ok_or_else(|| UsageError("--runs 后缺少次数".into()))?;
                runs = Some(
                    value
                        .parse::<usize>()
                        .ok()
                        .filter(|n| *n > 0)
                        .ok_or_else(|| UsageError(format!("--runs 需要正整数,而不是“{value}”")))?,
                );
            }
            "--tasks" => {
                let value = rest
                    .next()
                    .ok_or_else(|| UsageError("--tasks 后缺少数目".into()))?;
                tasks =
                    Some(value.parse::<usize>().map_err(|_| {
                        UsageError(format!("--tasks 需要非负整数,而不是“{value}”"))
                    })?);
            }
            "-h" | "--help" => return Ok(Command::Help),
            flag if flag.starts_with("--") => return Err(UsageError(format!("未知选项 {flag}"))),
            value => positional.push(PathBuf::from(value)),
        }
    }
    let one = |what: &str| -> Result<PathBuf, UsageError> {
        match positional.as_slice() {
            [only] => Ok(only.clone()),
            [] => Err(UsageError(format!("{command} 需要 {what}"))),
            _ => Err(UsageError(format!("{command} 只接受一个 {what}"))),
        }
    };
    let problems = details.problems();
    if !problems.is_empty() {
        return Err(UsageError(problems.join(";")));
    }
    let takes_details = matches!(command, "build" | "inspect");
    if !details.is_empty() && !takes_details {
        return Err(UsageError(format!(
            "{command} 不接受 --jurisdiction/--year/--period/--date"
        )));
    }
    match command {
        "build" => Ok(Command::Build {
            sources: one("SOURCE_DIR")?,
            out: out
                .map(PathBuf::from)
                .ok_or_else(|| UsageError("build 需要 --out <DIR>".into()))?,
            details,
        }),
        "inspect" => Ok(Command::Inspect {
            file: one("FILE")?,
            details,
        }),
        "bench" => Ok(Command::Bench {
            sources: one("SOURCE_DIR")?,
            runs: runs.unwrap_or(30),
        }),
        "synth" => Ok(Command::Synth {
            sources: one("SOURCE_DIR")?,
            tasks: tasks.ok_or_else(|| UsageError("synth 需要 --tasks N".into()))?,
            out: out
                .map(PathBuf::from)
                .ok_or_else(|| UsageError("synth 需要 --out <DIR>".into()))?,
        }),
        "help" | "-h" | "--help" => Ok(Command::Help),
        other => Err(UsageError(format!("未知命令 {other}"))),
    }
}

/// Runs the tool; returns the process exit code (0 ok, 1 unusable input, 2 bad usage).
pub fn run(args: &[String], stdout: &mut dyn Write, stderr: &mut dyn Write) -> i32 {
    let command = match parse_args(args) {
        Ok(command) => command,
        Err(UsageError(message)) => {
            let _ = writeln!(stderr, "planboard-ingest: {message}\n{USAGE}");
            return 2;
        }
    };
    let result = match command {
        Command::Help => writeln!(stdout, "{USAGE}").map_err(io_error("(stdout)")),
        Command::Build {
            sources,
            out,
            details,
        } => run_build(&sources, &out, &details, stderr),
        Command::Inspect { file, details } => run_inspect(&file, &details, stdout, stderr),
        Command::Bench { sources, runs } => run_bench(&sources, runs, stdout),
        Command::Synth {
            sources,
            tasks,
            out,
        } => run_synth(&sources, tasks, &out, stderr),
    };
    match result {
        Ok(()) => 0,
        Err(error) => {
            let _ = writeln!(stderr, "{error}");
            1
        }
    }
}

fn io_error(file: &str) -> impl Fn(std::io::Error) -> ImportError + '_ {
    move |e| ImportError::new(file, 0, format!("读写失败: {e}"))
}

fn run_build(
    sources: &Path,
    out: &Path,
    details: &DocumentDetails,
    stderr: &mut dyn Write,
) -> Result<(), ImportError> {
    // The options are for the files that need them: a directory holds documents of
    // several cities and years, most of which state their own. A sidecar is per file.
    let mut sources = read_source_dir(sources, &DocumentDetails::default())?;
    if !details.is_empty() {
        for source in &mut sources {
            if parse_source(source).is_err_and(|error| !error.missing.is_empty()) {
                source.details = details.overridden_by(&source.details);
            }
        }
    }
    let built = build(&sources)?;
    let out_name = out.display().to_string();
    std::fs::create_dir_all(out).map_err(io_error(&out_name))?;
    for (name, json) in &built.files {
        let path = out.join(name);
        std::fs::write(&path, json).map_err(io_error(&path.display().to_string()))?;
    }
    for line in &built.summary {
        let _ = writeln!(
            stderr,
            "{}: {} [{}] {} 项任务, {} 项民生实事, {} 行未归属",
            line.file,
            line.document,
            line.kind.label_zh(),
            line.tasks,
            line.projects,
            line.unmapped
        );
    }
    for project in built.dataset.projects.iter().filter(|p| {
        p.declared_subitems
            .is_some_and(|n| n as usize != p.subitems.len())
    }) {
        let _ = writeln!(
            stderr,
            "注意: {} 标题声明 {} 个子项,拆出 {} 个",
            project.id,
            project.declared_subitems.unwrap_or_default(),
            project.subitems.len()
        );
    }
    let commitments = &built.dataset.commitments;
    if !commitments.is_empty() {
        let records: Vec<_> = commitments.iter().flat_map(|c| &c.records).collect();
        let count = |matched: JoinMatch| records.iter().filter(|r| r.matched == matched).count();
        let _ = writeln!(
            stderr,
            "同一事项: {} 项跨文件关联,其中 {} 条完全一致、{} 条相近匹配",
            commitments.len(),
            count(JoinMatch::Exact),
            count(JoinMatch::Close)
        );
    }
    let _ = writeln!(stderr, "已写入 {} 个文件到 {out_name}", built.files.len());
    Ok(())
}

fn run_inspect(
    file: &Path,
    given: &DocumentDetails,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<(), ImportError> {
    let name = file.file_name().map_or_else(
        || file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let bytes = std::fs::read(file)
        .map_err(|e| ImportError::new(&name, 0, format!("无法读取文件: {e}")))?;
    let given = given.overridden_by(&read_sidecar(file)?);
    let source = SourceFile {
        name: name.clone(),
        bytes,
        details: given.clone(),
    };
    let read = read_source(&source)?;
    let _ = writeln!(
        stderr,
        "{name}: 格式 {}{}",
        read.format_label,
        read.encoding
            .as_deref()
            .map(|encoding| format!(" · 编码 {encoding}"))
            .unwrap_or_default()
    );
    if !read.not_read.is_empty() {
        let _ = writeln!(stderr, "未读取的部分: {}", read.not_read.len());
        for part in &read.not_read {
            let _ = writeln!(stderr, "  {}: {}", part.place, part.what);
        }
    }
    let text = &read.text;
    let kind = detect(text, &name).map_err(|error| error.placed(&read.places))?;
    let _ = writeln!(stderr, "{name}: 类型 {}", kind.label_zh());
    let parsed = match parse_read(&read, &name, &given) {
        Ok((_, parsed)) => parsed,
        Err(error) if !error.missing.is_empty() => {
            print_details(&stated_details(text), &given, &error.missing, stderr);
            return Err(error);
        }
        Err(error) => return Err(error),
    };
    let document = &parsed.document;
    let _ = writeln!(
        stderr,
        "文档信息: {} · 辖区 {} · 年份 {} · 时段 {} · 日期 {}{}",
        document.id,
        document.jurisdiction,
        document.year,
        document.period,
        document.date,
        if given.is_empty() {
            String::new()
        } else {
            " (含命令行或 .meta.json 指定的信息)".to_string()
        }
    );
    let accounting = parsed.accounting.clone();
    let dataset = assemble(vec![parsed])?;
    let json = serde_json::to_string_pretty(&dataset)
        .map_err(|e| ImportError::new(&name, 0, format!("无法序列化为 JSON: {e}")))?;
    writeln!(stdout, "{json}").map_err(io_error("(stdout)"))?;
    let _ = writeln!(stderr, "各字段行数:");
    for (field, count) in accounting.summary() {
        let _ = writeln!(stderr, "  {field}: {count}");
    }
    if !accounting.kept_columns().is_empty() {
        let _ = writeln!(
            stderr,
            "未识别的列(原样保留在每项的 other_columns 中): {}",
            accounting.kept_columns().join("、")
        );
    }
    let unmapped = accounting.unmapped();
    let _ = writeln!(stderr, "未归属的行: {}", unmapped.len());
    for line in unmapped {
        match &line.place {
            Some(place) => {
                let _ = writeln!(
                    stderr,
                    "  {name}: {place}(第 {} 行): {}",
                    line.line, line.text
                );
            }
            None => {
                let _ = writeln!(stderr, "  {name}:{}: {}", line.line, line.text);
            }
        }
    }
    Ok(())
}

/// What `inspect` read of a document whose details are incomplete: each detail as read
/// or given, and the missing ones marked with the option that supplies them.
fn print_details(
    stated: &DocumentDetails,
    given: &DocumentDetails,
    missing: &[MissingDetail],
    stderr: &mut dyn Write,
) {
    let shown =
        |given: Option<String>, stated: Option<String>, detail: Option<MissingDetail>| match (
            given, stated,
        ) {
            (Some(value), _) => format!("{value}(指定)"),
            (None, Some(value)) => format!("{value}(读自文本)"),
            (None, None) => match detail.filter(|d| missing.contains(d)) {
                Some(detail) => format!("缺失 — 请用 {} 指定", detail.option()),
                None => "未写明".to_string(),
            },
        };
    let _ = writeln!(stderr, "文档信息:");
    let _ = writeln!(
        stderr,
        "  辖区: {}",
        shown(
            given.jurisdiction.clone(),
            stated.jurisdiction.clone(),
            Some(MissingDetail::Jurisdiction)
        )
    );
    let _ = writeln!(
        stderr,
        "  年份: {}",
        shown(
            given.year.map(|y| y.to_string()),
            stated.year.map(|y| y.to_string()),
            Some(MissingDetail::Year)
        )
    );
    let _ = writeln!(
        stderr,
        "  时段: {}",
        shown(
            given.period.clone(),
            stated.period.clone(),
            Some(MissingDetail::Period)
        )
    );
    let _ = writeln!(stderr, "  日期: {}", shown(given.date.clone(), None, None));
}

fn run_synth(
    sources: &Path,
    tasks: usize,
    out: &Path,
    stderr: &mut dyn Write,
) -> Result<(), ImportError> {
    let real = build(&read_source_dir(sources, &DocumentDetails::default())?)?;
    let dataset = crate::synth::synthesize(&real.dataset, tasks);
    let files = crate::dataset::data_files(&dataset)
        .map_err(|e| ImportError::new("(dataset)", 0, format!("无法序列化为 JSON: {e}")))?;
    let out_name = out.display().to_string();
    std::fs::create_dir_all(out).map_err(io_error(&out_name))?;
    for (name, json) in &files {
        let path = out.join(name);
        std::fs::write(&path, json).map_err(io_error(&path.display().to_string()))?;
    }
    let _ = writeln!(
        stderr,
        "已写入 {} 个文件到 {out_name}: {} 项任务(其中真实 {} 项)",
        files.len(),
        dataset.tasks.len(),
        real.dataset.tasks.len()
    );
    Ok(())
}

fn run_bench(sources: &Path, runs: usize, stdout: &mut dyn Write) -> Result<(), ImportError> {
    let sources: Vec<SourceFile> = read_source_dir(sources, &DocumentDetails::default())?;
    build(&sources)?; // warm-up, and fail before timing anything if the input is bad
    let mut times: Vec<Duration> = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        let built = build(&sources)?;
        times.push(start.elapsed());
        std::hint::black_box(built);
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let median = times[times.len() / 2];
    writeln!(
        stdout,
        "构建整个数据集 {runs} 次({} 个源文件,解析+组装+序列化):最短 {:.2} ms,中位 {:.2} ms,最长 {:.2} ms",
        sources.len(),
        ms(times[0]),
        ms(median),
        ms(times[times.len() - 1])
    )
    .map_err(io_error("(stdout)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn commands_and_usage_errors() {
        assert_eq!(
            parse_args(&args(&["build", "src", "--out", "dst"])),
            Ok(Command::Build {
                sources: "src".into(),
                out: "dst".into(),
                details: DocumentDetails::default()
            })
        );
        assert_eq!(
            parse_args(&args(&["bench", "src", "--runs", "5"])),
            Ok(Command::Bench {
                sources: "src".into(),
                runs: 5
            })
        );
        assert_eq!(
            parse_args(&args(&["synth", "src", "--tasks", "50000", "--out", "dst"])),
            Ok(Command::Synth {
                sources: "src".into(),
                tasks: 50_000,
                out: "dst".into()
            })
        );
        assert!(parse_args(&args(&["synth", "src", "--out", "dst"])).is_err());
        assert!(parse_args(&args(&["build", "src"])).is_err());
        assert!(parse_args(&args(&["bench", "src", "--runs", "0"])).is_err());
        assert!(parse_args(&args(&["inspect"])).is_err());
        assert!(parse_args(&args(&["frobnicate"])).is_err());
        assert!(parse_args(&[]).is_err());
        assert_eq!(
            parse_args(&args(&[
                "inspect",
                "a.txt",
                "--jurisdiction",
                "平湖市",
                "--year",
                "2023",
                "--period",
                "前三季度",
                "--date",
                "2023-10-10"
            ])),
            Ok(Command::Inspect {
                file: "a.txt".into(),
                details: DocumentDetails {
                    jurisdiction: Some("平湖市".into()),
                    year: Some(2023),
                    period: Some("前三季度".into()),
                    date: Some("2023-10-10".into())
                }
            })
        );
        assert!(parse_args(&args(&["inspect", "a.txt", "--year", "二〇二三"])).is_err());
        assert!(parse_args(&args(&["inspect", "a.txt", "--period", "下半年"])).is_err());
        assert!(parse_args(&args(&["bench", "src", "--year", "2023"])).is_err());
    }
}
