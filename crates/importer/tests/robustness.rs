//! Arbitrary input never panics the importer: it parses or it says what is wrong.

mod common;

use common::{source_text, BREAKDOWN, PINGHU_2023, PLAN, PROGRESS_2024, REPORT_2020};
use planboard_importer::breakdown;
use planboard_importer::period::DocumentDetails;
use planboard_importer::pipeline::{build, decode, parse_document, SourceFile};
use planboard_importer::units::resolve_units;
use proptest::prelude::*;

/// Lines that look like the documents' structure, to reach deep into the parsers.
fn structured_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("附件1".to_string()),
        Just("附件 2：".to_string()),
        Just("一、王纲市长牵头重点工作".to_string()),
        Just("（二）李四副市长负责".to_string()),
        Just("责任单位:市财政局、各区县政府<含南太湖新区、长合区管委会>".to_string()),
        Just("责任单位：★发改局(列第一位者,下同)".to_string()),
        Just("三、项目(3个子项)。甲;乙。丙".to_string()),
        Just("湖州市人民政府办公室".to_string()),
        Just("2021年3月22日".to_string()),
        Just("序号 | 任务 | 完成情况 | 牵头单位 |".to_string()),
        Just("12".to_string()),
        Just("各位代表：".to_string()),
        Just("专栏3—1 标题".to_string()),
        "[0-9]{1,3}[.．、]?[一-龥（）()<>:：;；、★|]{0,30}",
        "[一二三十]{1,2}[、.]?[一-龥()（）]{0,20}",
        "\\PC{0,40}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        let _ = parse_document(&text, "fuzz.txt", &DocumentDetails::default());
        let _ = breakdown::parse(&text, "fuzz.txt");
        let _ = resolve_units(&text, "湖州市");
    }

    #[test]
    fn structured_looking_text_never_panics(lines in prop::collection::vec(structured_line(), 0..40)) {
        let text = lines.join("\n");
        if let Err(error) = parse_document(&text, "fuzz.txt", &DocumentDetails::default()) {
            prop_assert!(error.to_string().starts_with("fuzz.txt:"));
        }
        let _ = breakdown::parse(&text, "fuzz.txt");
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        if let Ok(text) = decode(&bytes, "bytes.txt") {
            let _ = parse_document(&text, "bytes.txt", &DocumentDetails::default());
        }
        let _ = build(&[SourceFile { name: "bytes.txt".into(), bytes, details: DocumentDetails::default() }]);
    }

    /// Cutting a real document anywhere, or dropping a line, gives a result or an error.
    #[test]
    fn damaged_documents_never_panic(which in 0usize..5, cut in 0.0f64..1.0, drop in 0usize..400) {
        let file = [BREAKDOWN, PROGRESS_2024, PINGHU_2023, PLAN, REPORT_2020][which];
        let text = source_text(file);
        let mut end = (text.len() as f64 * cut) as usize;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let _ = parse_document(&text[..end], file, &DocumentDetails::default());
        let lines: Vec<&str> = text.lines().enumerate().filter(|(i, _)| *i != drop).map(|(_, l)| l).collect();
        let _ = parse_document(&lines.join("\n"), file, &DocumentDetails::default());
    }
}
