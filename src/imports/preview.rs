//! What a chosen file would add, before the reader accepts it: the document, the
//! record counts, and the line accounting — recognised lines per field and every line
//! the importer did not recognise, by number.

use js_sys::Date;
use leptos::prelude::*;
use planboard_importer::local::{LocalPreview, LocalSource};
use planboard_importer::read_text::NotRead;
use planboard_model::Status;

use super::page::Chosen;
use super::state::{use_imports, Done};
use crate::i18n::{counted, lang, tr};

/// The preview of `chosen` with 接受导入 / 取消; `on_done` clears the choice.
#[component]
pub(super) fn PreviewPanel(chosen: Chosen, #[prop(into)] on_done: Callback<()>) -> impl IntoView {
    let imports = use_imports();
    let refused: RwSignal<Option<String>> = RwSignal::new(None);
    let Chosen {
        file_name,
        preview,
        details,
        parse_ms,
        from_pdf,
    } = chosen;
    let document = preview.document.clone();
    let text = preview.text.clone();
    let places = preview.places.clone();
    let format_label = preview.format_label.clone();
    let encoding = preview.encoding.clone();
    let accepted_name = file_name.clone();
    let tasks = preview.counts.tasks;
    let accept = move |_| {
        let source = LocalSource {
            file_name: accepted_name.clone(),
            imported_at: String::from(Date::new_0().to_iso_string()),
            text: text.clone(),
            // Kept with the text, so merging the stored documents at start needs no
            // format reader and messages still name the table and row.
            places: places.clone(),
            format: Some(format_label.clone()),
            details: details.clone(),
        };
        match imports.add(source) {
            Ok(()) => {
                imports.tell(Done::Imported {
                    file_name: accepted_name.clone(),
                    tasks,
                });
                on_done.run(());
            }
            Err(message) => refused.set(Some(message)),
        }
    };
    let kind = preview.kind.document_kind().label(lang());
    view! {
        <section class="import-preview" data-testid="import-preview" aria-labelledby="import-preview-heading">
            <h2 id="import-preview-heading">
                {tr("导入前预览：", "Preview before importing: ")}
                <span lang="zh-CN">{file_name.clone()}</span>
            </h2>
            <dl class="import-facts">
                <dt>{tr("类型", "Kind")}</dt>
                <dd data-testid="import-kind">{kind}</dd>
                <dt>{tr("文件格式", "File format")}</dt>
                <dd data-testid="import-format">
                    <span lang="zh-CN">{preview.format_label.clone()}</span>
                    {encoding.map(|encoding| view! {
                        {tr("，编码 ", ", encoding ")}
                        <span data-testid="import-encoding">{encoding}</span>
                    })}
                </dd>
                <dt>{tr("标题", "Title")}</dt>
                <dd lang="zh-CN">{document.title.clone()}</dd>
                <dt>{tr("地区与时期", "Area and period")}</dt>
                <dd lang="zh-CN">{format!("{} {}", document.jurisdiction, document.period)}</dd>
                <dt>{tr("日期", "Date")}</dt>
                <dd>{document.date.clone()}</dd>
                <dt>{tr("导入后的标识", "Id once imported")}</dt>
                <dd><code data-testid="import-document-id">{document.id.clone()}</code></dd>
                <dt>{tr("解析用时", "Parsed in")}</dt>
                <dd data-testid="import-parse-ms">{format!("{parse_ms:.0} ms")}</dd>
            </dl>
            {from_pdf.then(|| view! {
                <p class="import-pdf-note" role="note" data-testid="import-pdf-note">
                    {tr(
                        "PDF 导入是尽力而为的：PDF 只记录每个字在页面上的位置，这里的行、段落和表格是按位置重建的，可能有拆错或并错的地方。请对照原文核对下面的任务、领导和单位；有 Word/WPS 原件时，优先导入原件。",
                        "PDF import is best-effort: a PDF only records where each character sits on the page, so the lines, paragraphs and table rows here were rebuilt from those positions and may be split or joined wrongly. Check the tasks, leaders and units below against the original; where a Word/WPS original exists, import that instead.",
                    )}
                </p>
            })}
            <Counts preview=preview.clone() />
            <LineAccounting preview />
            <p class="import-actions">
                <button type="button" class="primary" data-testid="import-accept" on:click=accept>
                    {tr("接受导入", "Accept and import")}
                </button>
                " "
                <button type="button" data-testid="import-cancel" on:click=move |_| on_done.run(())>
                    {tr("取消", "Cancel")}
                </button>
            </p>
            {move || {
                refused
                    .get()
                    .map(|message| {
                        view! {
                            <p class="import-refused" role="alert" data-testid="import-accept-error">
                                {message}
                            </p>
                        }
                    })
            }}
        </section>
    }
}

/// "7 tasks" / "1 task".
pub(super) fn items(count: usize) -> String {
    counted(count, "task", "tasks")
}

#[component]
fn Counts(preview: LocalPreview) -> impl IntoView {
    let counts = preview.counts;
    let statuses = counts
        .by_status
        .iter()
        .filter(|(_, count)| *count > 0)
        .map(|&(status, count)| {
            view! {
                <li data-status=status.code()>
                    {format!("{}{}{count}", status.label(lang()), tr("：", ": "))}
                </li>
            }
        })
        .collect_view();
    let lagging = counts
        .by_status
        .iter()
        .find(|(status, _)| *status == Status::Lagging)
        .map_or(0, |(_, count)| *count);
    let new_units = (!counts.new_units.is_empty()).then(|| {
        view! {
            <li>
                {lang().pick(
                    format!("目录中没有的责任单位 {} 个：", counts.new_units.len()),
                    format!("Responsible units new to the catalog: {}: ", counts.new_units.len()),
                )}
                <span lang="zh-CN">{counts.new_units.join("、")}</span>
            </li>
        }
    });
    view! {
        <h3>{tr("将导入的内容", "What it adds")}</h3>
        <ul class="import-counts" data-testid="import-counts" data-tasks=counts.tasks
            data-lagging=lagging>
            <li>{lang().pick(format!("任务 {} 项", counts.tasks), items(counts.tasks))}</li>
            {(counts.projects > 0).then(|| view! {
                <li>{lang().pick(
                    format!("民生实事 {} 项", counts.projects),
                    format!("{} livelihood projects", counts.projects),
                )}</li>
            })}
            {statuses}
            {(counts.leaders > 0).then(|| view! {
                <li>{lang().pick(
                    format!("牵头领导 {} 位", counts.leaders),
                    format!("{} lead officials", counts.leaders),
                )}</li>
            })}
            {new_units}
        </ul>
    }
}

#[component]
fn LineAccounting(preview: LocalPreview) -> impl IntoView {
    let lines = preview.lines;
    let not_read = lines.not_read.clone();
    let recognised = lines.recognised_total();
    let unrecognised_count = lines.unrecognised.len();
    let field_rows = lines
        .recognised
        .iter()
        .map(|(field, count)| {
            view! {
                <tr>
                    <th scope="row">{field_label(field)} " " <code>{field.clone()}</code></th>
                    <td class="num">{*count}</td>
                </tr>
            }
        })
        .collect_view();
    let unrecognised = if lines.unrecognised.is_empty() {
        view! {
            <p data-testid="import-unrecognised-none">
                {tr("没有未识别的行：每一行非空文字都归入了某个字段。", "No unrecognised lines: every non-blank line went into a field.")}
            </p>
        }
        .into_any()
    } else {
        let rows = lines
            .unrecognised
            .iter()
            .map(|line| {
                view! {
                    <tr>
                        <td class="num">
                            {line.line}
                            {line.place.clone().map(|place| view! { " " <span lang="zh-CN">{format!("（{place}）")}</span> })}
                        </td>
                        <td lang="zh-CN">{line.text.clone()}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table class="import-unrecognised" data-testid="import-unrecognised">
                <caption>{tr("未识别的行（导入后不会出现在任何条目中）", "Unrecognised lines (they will not appear in any record)")}</caption>
                <thead><tr><th scope="col">{tr("行号", "Line")}</th><th scope="col">{tr("内容", "Text")}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        }
        .into_any()
    };
    view! {
        <h3>{tr("逐行核对", "Line accounting")}</h3>
        <p data-testid="import-line-summary" data-unrecognised=unrecognised_count>
            {lang().pick(
                format!("共 {} 行：识别 {recognised} 行，空行 {} 行，未识别 {unrecognised_count} 行。", lines.total, lines.blank),
                format!("{} lines: {recognised} recognised, {} blank, {unrecognised_count} unrecognised.", lines.total, lines.blank),
            )}
        </p>
        <table class="import-fields">
            <caption>{tr("识别的行，按字段", "Recognised lines by field")}</caption>
            <thead><tr><th scope="col">{tr("字段", "Field")}</th><th scope="col">{tr("行数", "Lines")}</th></tr></thead>
            <tbody>{field_rows}</tbody>
        </table>
        {unrecognised}
        <NotReadParts not_read />
    }
}

/// The parts of the file the reader left out (site navigation, scripts, other sheets,
/// images …), each with its place: accounted for, never dropped silently.
#[component]
fn NotReadParts(not_read: Vec<NotRead>) -> impl IntoView {
    if not_read.is_empty() {
        return ().into_any();
    }
    let count = not_read.len();
    let rows = not_read
        .into_iter()
        .map(|part| {
            view! {
                <tr>
                    <td lang="zh-CN">{part.place}</td>
                    <td lang="zh-CN">{part.what}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="import-unrecognised" data-testid="import-not-read" data-count=count>
            <caption>{tr("未读取的部分（不是任务内容：导航、脚本、其他工作表、图片等）", "Parts not read (not task content: navigation, scripts, other sheets, images …)")}</caption>
            <thead><tr><th scope="col">{tr("位置", "Place")}</th><th scope="col">{tr("内容", "What")}</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}

/// What a field of the line accounting holds, in the interface language; fields the
/// parsers add later show their code alone.
fn field_label(field: &str) -> &'static str {
    match field {
        "task-number" => tr("任务编号", "Task number"),
        "task-text" | "task.text" => tr("任务内容", "Task text"),
        "task-row" => tr("表格中的任务行", "Task row of the table"),
        "task.leader" => tr("牵头领导", "Lead official"),
        "progress" => tr("进展", "Progress"),
        "remarks" => tr("督查意见", "Supervisors' remarks"),
        "heading" | "source.path" => tr("标题", "Heading"),
        "table-header" => tr("表头", "Table header"),
        "table-rule" => tr("表格分隔线", "Table rule"),
        "noise" => tr("无内容的符号行", "Stray symbol line"),
        "document.title" => tr("文件标题", "Document title"),
        "document.date" => tr("日期", "Date"),
        "document.issuer" => tr("发文单位", "Issuer"),
        "project.title+subitems" | "project.subitems" => tr("民生实事", "Livelihood project"),
        "task.units" | "units" => tr("责任单位", "Responsible units"),
        _ => "",
    }
}
