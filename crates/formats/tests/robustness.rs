//! No reader panics, whatever the bytes: arbitrary bytes, arbitrary bytes behind each
//! format's magic, and valid office files cut short or with bytes flipped.

use planboard_formats::read;
use proptest::prelude::*;

const MAGICS: [&[u8]; 12] = [
    b"PK\x03\x04",
    b"PK\x05\x06",
    b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
    b"%PDF-1.4",
    b"{\\rtf1",
    b"<html>",
    b"<!DOCTYPE html><table><tr><td rowspan=99999 colspan=99999>",
    b"\xEF\xBB\xBF",
    b"\xFF\xFE",
    b"\xFE\xFF",
    b"<meta charset=gb2312><table>",
    b"\xFF\xFE<\x00h\x00t\x00m\x00l\x00>\x00",
];

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn check(bytes: &[u8], name: &str) {
    if let Ok(extracted) = read(bytes, name) {
        assert_eq!(extracted.text.lines().count(), extracted.places.len());
        assert!(!extracted.text.contains('\r'));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        check(&bytes, "任意.bin");
    }

    #[test]
    fn arbitrary_bytes_behind_each_magic_never_panic(
        magic in 0..MAGICS.len(),
        tail in proptest::collection::vec(any::<u8>(), 0..4096),
        name in prop::sample::select(vec!["a.docx", "a.xlsx", "a.et", "a.wps", "a.html", "a.txt"]),
    ) {
        let mut bytes = MAGICS[magic].to_vec();
        bytes.extend(tail);
        check(&bytes, name);
    }

    #[test]
    fn arbitrary_markup_never_panics(text in "(<(/)?(table|tr|td|th|p|div|nav|script|style|br)( (rowspan|colspan|class)=\"?[0-9a-z]{0,6}\"?)?>|[一二三序号|&;#x0-9 ]{0,8}){0,200}") {
        check(format!("<html>{text}").as_bytes(), "页面.html");
    }
}

fn office_fixtures() -> Vec<(&'static str, Vec<u8>)> {
    [
        "pinghu-2024-breakdown.docx",
        "pinghu-2024-year-end.xlsx",
        "pinghu-2024-year-end.xls",
    ]
    .into_iter()
    .map(|name| (name, fixture(name)))
    .collect()
}

#[test]
fn every_truncation_of_the_office_fixtures_is_safe() {
    for (name, bytes) in office_fixtures() {
        let step = (bytes.len() / 300).max(1);
        for end in (0..bytes.len()).step_by(step) {
            check(&bytes[..end], name);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn office_fixtures_with_flipped_bytes_never_panic(
        which in 0..3usize,
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..16),
    ) {
        let (name, mut bytes) = office_fixtures().swap_remove(which);
        for (index, value) in flips {
            let at = index.index(bytes.len());
            bytes[at] = value;
        }
        check(&bytes, name);
    }
}
