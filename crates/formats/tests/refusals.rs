//! Every file the readers refuse gets a message naming the file, the place when there
//! is one, what the file is and what to do.

use planboard_formats::{read, FormatError, MAX_FILE_BYTES};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn refusal(bytes: &[u8], name: &str) -> FormatError {
    match read(bytes, name) {
        Ok(extracted) => panic!("{name} was read:\n{}", extracted.text),
        Err(error) => {
            assert_eq!(error.file, name);
            assert!(error.to_string().starts_with(&format!("{name}: ")));
            error
        }
    }
}

fn assert_says(error: &FormatError, words: &[&str]) {
    let shown = error.to_string();
    for word in words {
        assert!(shown.contains(word), "{shown:?} does not say {word:?}");
    }
}

#[test]
fn word_97_document_is_named_with_how_to_save_as_docx() {
    let error = refusal(&fixture("breakdown-word97.doc"), "任务分解.doc");
    assert_says(&error, &["Word 97-2003 文档(.doc)", "另存为", ".docx"]);
    // The same bytes named .wps are WPS's writer format to the reader.
    let error = refusal(&fixture("breakdown-word97.doc"), "任务分解.wps");
    assert_says(&error, &["WPS 文字文档(.wps)", "另存为"]);
}

#[test]
fn password_protected_workbook_is_refused_as_such() {
    let error = refusal(&fixture("encrypted.xlsx"), "年度完成情况.xlsx");
    assert_says(&error, &["Excel 工作簿", "密码", "另存为"]);
    assert_eq!(error.place, None);
}

#[test]
fn zip_bomb_is_stopped_while_inflating() {
    let bytes = fixture("zip-bomb.docx");
    assert!(bytes.len() < 200 * 1024);
    let start = std::time::Instant::now();
    let error = refusal(&bytes, "炸弹.docx");
    assert_says(
        &error,
        &["解压后的内容超过 64.0 MB", "压缩炸弹", "没有导入任何内容"],
    );
    assert!(start.elapsed().as_secs() < 10);
}

#[test]
fn malformed_xml_names_the_part_and_position() {
    let error = refusal(&fixture("malformed.docx"), "任务分解.docx");
    let place = error.place.clone().unwrap_or_default();
    assert!(place.starts_with("word/document.xml 第 "), "{place}");
    assert!(place.contains("字节附近"), "{place}");
    assert_says(&error, &["XML 格式错误", "另存为"]);
}

#[test]
fn a_workbook_named_docx_is_refused_with_the_right_name() {
    let error = refusal(&fixture("misnamed-workbook.docx"), "任务分解.docx");
    assert_eq!(
        error.message,
        "文件名是 .docx,但内容是 Excel 工作簿(.xlsx);请改名为 .xlsx 后再导入"
    );
}

#[test]
fn a_page_of_navigation_only_has_nothing_to_import() {
    let error = refusal(&fixture("navigation-only.html"), "index.html");
    assert_says(&error, &["网页中没有表格,也没有正文段落"]);
}

#[test]
fn oversized_empty_and_binary_files() {
    let big = vec![b'a'; MAX_FILE_BYTES + 1];
    assert_says(&refusal(&big, "大.txt"), &["超过导入上限 8.0 MB"]);
    assert_says(&refusal(b"", "空.txt"), &["文件为空(没有任何文字)"]);
    assert_says(&refusal(b" \r\n\t ", "空.txt"), &["文件为空"]);
    assert_says(&refusal(b"\xFF\xFE", "空.txt"), &["文件为空"]);
    // Text that turns into binary data: the line where it stops being text.
    let error = refusal(b"first line\nsecond\n\xff\xfe\x00garbage", "a.txt");
    assert_eq!(error.place.as_deref(), Some("第 3 行"));
    assert_says(
        &error,
        &["a.txt: 第 3 行: 不是文本:从第 1 个字节(文件偏移 18)起"],
    );
    let garbage: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
    assert_says(&refusal(&garbage, "数据.bin"), &["认不出文件格式"]);
}

#[test]
fn pdf_rtf_and_other_containers_are_named() {
    assert_says(
        &refusal(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj", "报告.pdf"),
        &["PDF", "浏览器的导入页", ".docx"],
    );
    assert_says(
        &refusal(b"{\\rtf1\\ansi\\ansicpg936 ...}", "报告.rtf"),
        &["RTF", "另存为"],
    );
    assert_says(&refusal(b"\x1F\x8B\x08\x00rest", "a.gz"), &["压缩包"]);
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("说明.txt", options).expect("zip entry");
    std::io::Write::write_all(&mut zip, "你好".as_bytes()).expect("zip write");
    let bytes = zip.finish().expect("zip").into_inner();
    assert_says(
        &refusal(&bytes, "材料.zip"),
        &["zip 压缩包(1 个文件)", "解压"],
    );
}

#[test]
fn truncated_office_files_are_refused_not_read_in_part() {
    for name in [
        "pinghu-2024-breakdown.docx",
        "pinghu-2024-year-end.xlsx",
        "pinghu-2024-year-end.xls",
    ] {
        let bytes = fixture(name);
        let error = refusal(&bytes[..bytes.len() / 2], name);
        assert!(!error.message.is_empty());
    }
}
