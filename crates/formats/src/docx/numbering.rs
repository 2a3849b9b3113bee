//! Word's automatic numbering (`w:numPr`), rendered as the reader sees it: offices number
//! their area headings `一、` and their items `1.` with it, and the text alone would lose
//! the numbers the importer reads headings and tasks by.

use crate::xml::attr;
use quick_xml::events::Event;
use quick_xml::Reader;
use std::collections::HashMap;

/// One level of a list: how its number is written.
#[derive(Debug, Clone)]
struct Level {
    format: String,
    text: String,
    start: u32,
}

/// numbering.xml (and the numbered paragraph styles of styles.xml), with the running
/// counters of the document being read.
#[derive(Debug, Default)]
pub(crate) struct Numbering {
    abstract_levels: HashMap<String, Vec<Option<Level>>>,
    /// numId → (abstractNumId, per-level start overrides).
    nums: HashMap<String, (String, HashMap<usize, u32>)>,
    /// styleId → (numId, level) for styles that number their paragraphs.
    styles: HashMap<String, (String, usize)>,
    counters: HashMap<String, Vec<u32>>,
}

const MAX_LEVELS: usize = 9;

impl Numbering {
    /// Reads numbering.xml; a part that does not parse numbers nothing (the text itself
    /// is still read), since numbering is presentation.
    pub(crate) fn parse(numbering_xml: &str, styles_xml: Option<&str>) -> Numbering {
        let mut numbering = Numbering::default();
        let mut reader = Reader::from_str(numbering_xml);
        let mut abstract_id: Option<String> = None;
        let mut level: Option<(usize, Level)> = None;
        let mut num: Option<(String, String, HashMap<usize, u32>)> = None;
        let mut override_level: Option<usize> = None;
        loop {
            let event = match reader.read_event() {
                Ok(Event::Eof) | Err(_) => break,
                Ok(event) => event,
            };
            match event {
                Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                    "abstractNum" => abstract_id = attr(&e, "abstractNumId"),
                    "lvl" if abstract_id.is_some() => {
                        let index = attr(&e, "ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                        level = Some((
                            index,
                            Level {
                                format: "decimal".into(),
                                text: String::new(),
                                start: 1,
                            },
                        ));
                    }
                    "start" => {
                        if let (Some((_, lvl)), Some(v)) = (level.as_mut(), attr(&e, "val")) {
                            lvl.start = v.parse().unwrap_or(1);
                        }
                    }
                    "numFmt" => {
                        if let (Some((_, lvl)), Some(v)) = (level.as_mut(), attr(&e, "val")) {
                            lvl.format = v;
                        }
                    }
                    "lvlText" => {
                        if let (Some((_, lvl)), Some(v)) = (level.as_mut(), attr(&e, "val")) {
                            lvl.text = v;
                        }
                    }
                    "num" => {
                        if let Some(id) = attr(&e, "numId") {
                            num = Some((id, String::new(), HashMap::new()));
                        }
                    }
                    "abstractNumId" => {
                        if let (Some(n), Some(v)) = (num.as_mut(), attr(&e, "val")) {
                            n.1 = v;
                        }
                    }
                    "lvlOverride" => {
                        override_level = attr(&e, "ilvl").and_then(|v| v.parse().ok());
                    }
                    "startOverride" => {
                        if let (Some(n), Some(l), Some(v)) =
                            (num.as_mut(), override_level, attr(&e, "val"))
                        {
                            n.2.insert(l, v.parse().unwrap_or(1));
                        }
                    }
                    _ => {}
                },
                Event::End(e) => match e.local_name().as_ref() {
                    "lvl" => {
                        if let (Some(id), Some((index, lvl))) = (&abstract_id, level.take()) {
                            if index < MAX_LEVELS {
                                let levels = numbering
                                    .abstract_levels
                                    .entry(id.clone())
                                    .or_insert_with(|| vec![None; MAX_LEVELS]);
                                levels[index] = Some(lvl);
                            }
                        }
                    }
                    "abstractNum" => abstract_id = None,
                    "num" => {
                        if let Some((id, abstract_id, overrides)) = num.take() {
                            numbering.nums.insert(id, (abstract_id, overrides));
                        }
                    }
                    _ => {}
                },
                _ => {}
            }
        }
        if let Some(styles) = styles_xml {
            numbering.styles = numbered_styles(styles);
        }
        numbering
    }

    /// The numbered style of a paragraph: (numId, level).
    pub(crate) fn style_number(&self, style: &str) -> Option<(String, usize)> {
        self.styles.get(style).cloned()
    }

    /// The label of the next paragraph of list `num_id` at `level` (`一、`, `1.`,
    /// `（二）`), advancing the counters; `None` for bullets and unknown lists.
    pub(crate) fn next_label(&mut self, num_id: &str, level: usize) -> Option<String> {
        if num_id == "0" || level >= MAX_LEVELS {
            return None;
        }
        let (abstract_id, overrides) = self.nums.get(num_id)?;
        let levels = self.abstract_levels.get(abstract_id)?;
        let starts: Vec<u32> = (0..MAX_LEVELS)
            .map(|l| {
                overrides
                    .get(&l)
                    .copied()
                    .or_else(|| levels[l].as_ref().map(|lvl| lvl.start))
                    .unwrap_or(1)
            })
            .collect();
        let counters = self
            .counters
            .entry(num_id.to_string())
            .or_insert_with(|| vec![0; MAX_LEVELS]);
        counters[level] = if counters[level] == 0 {
            starts[level]
        } else {
            counters[level].saturating_add(1)
        };
        for (deeper, counter) in counters.iter_mut().enumerate().skip(level + 1) {
            let _ = deeper;
            *counter = 0;
        }
        let this = levels[level].as_ref()?;
        if this.format == "bullet" || this.format == "none" {
            return None;
        }
        let mut label = String::new();
        let mut chars = this.text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '%' {
                if let Some(d) = chars.peek().and_then(|d| d.to_digit(10)) {
                    chars.next();
                    let shown = (d as usize).checked_sub(1).filter(|l| *l < MAX_LEVELS);
                    if let Some(l) = shown {
                        let value = if counters[l] == 0 {
                            starts[l]
                        } else {
                            counters[l]
                        };
                        let format = levels[l].as_ref().map_or("decimal", |lvl| &lvl.format);
                        label.push_str(&format_number(value, format));
                    }
                    continue;
                }
            }
            label.push(c);
        }
        Some(label)
    }
}

fn numbered_styles(styles_xml: &str) -> HashMap<String, (String, usize)> {
    let mut styles = HashMap::new();
    let mut reader = Reader::from_str(styles_xml);
    let mut style: Option<String> = None;
    let mut found: (Option<String>, usize) = (None, 0);
    loop {
        let event = match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(event) => event,
        };
        match event {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "style" => {
                    style = attr(&e, "styleId");
                    found = (None, 0);
                }
                "numId" if style.is_some() => found.0 = attr(&e, "val"),
                "ilvl" if style.is_some() => {
                    found.1 = attr(&e, "val").and_then(|v| v.parse().ok()).unwrap_or(0)
                }
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == "style" => {
                if let (Some(id), Some(num)) = (style.take(), found.0.take()) {
                    styles.insert(id, (num, found.1));
                }
            }
            _ => {}
        }
    }
    styles
}

/// `value` written in Word's number format `format`.
pub(crate) fn format_number(value: u32, format: &str) -> String {
    match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting"
        | "taiwaneseCounting"
        | "chineseLegalSimplified" => chinese(value),
        "ideographTraditional" => cycle(
            value,
            &["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"],
        ),
        "ideographZodiac" => cycle(
            value,
            &[
                "子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥",
            ],
        ),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&value) => {
            char::from_u32(0x2460 + value - 1).map_or(value.to_string(), String::from)
        }
        "decimalFullWidth" | "decimalFullWidth2" => value
            .to_string()
            .chars()
            .filter_map(|d| char::from_u32(d as u32 - '0' as u32 + 0xFF10))
            .collect(),
        "upperLetter" => letters(value, b'A'),
        "lowerLetter" => letters(value, b'a'),
        "upperRoman" => roman(value),
        "lowerRoman" => roman(value).to_lowercase(),
        _ => value.to_string(),
    }
}

fn cycle(value: u32, signs: &[&str]) -> String {
    let index = (value.max(1) - 1) as usize % signs.len();
    signs[index].to_string()
}

/// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (numbers past 999 as digits).
fn chinese(value: u32) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match value {
        0..=9 => DIGITS[value as usize].to_string(),
        10..=19 => format!(
            "十{}",
            if value == 10 {
                ""
            } else {
                DIGITS[value as usize - 10]
            }
        ),
        20..=99 => format!(
            "{}十{}",
            DIGITS[value as usize / 10],
            if value.is_multiple_of(10) {
                ""
            } else {
                DIGITS[value as usize % 10]
            }
        ),
        100..=999 => {
            let rest = value % 100;
            let tail = match rest {
                0 => String::new(),
                1..=9 => format!("零{}", DIGITS[rest as usize]),
                10..=19 => format!("一{}", chinese(rest)),
                _ => chinese(rest),
            };
            format!("{}百{tail}", DIGITS[value as usize / 100])
        }
        _ => value.to_string(),
    }
}

fn letters(value: u32, base: u8) -> String {
    let letter = (base + ((value.max(1) - 1) % 26) as u8) as char;
    letter
        .to_string()
        .repeat(((value.max(1) - 1) / 26 + 1).min(10) as usize)
}

fn roman(mut value: u32) -> String {
    if value == 0 || value >= 4000 {
        return value.to_string();
    }
    let table = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (amount, sign) in table {
        while value >= amount {
            out.push_str(sign);
            value -= amount;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_formats() {
        assert_eq!(format_number(1, "chineseCounting"), "一");
        assert_eq!(format_number(10, "chineseCounting"), "十");
        assert_eq!(format_number(12, "chineseCountingThousand"), "十二");
        assert_eq!(format_number(30, "chineseCounting"), "三十");
        assert_eq!(format_number(105, "chineseCounting"), "一百零五");
        assert_eq!(format_number(3, "ideographTraditional"), "丙");
        assert_eq!(format_number(2, "decimalEnclosedCircle"), "②");
        assert_eq!(format_number(14, "upperRoman"), "XIV");
        assert_eq!(format_number(28, "lowerLetter"), "bb");
        assert_eq!(format_number(7, "decimal"), "7");
    }

    #[test]
    fn levels_count_and_reset() {
        let xml = r#"<w:numbering xmlns:w="w">
          <w:abstractNum w:abstractNumId="5">
            <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
            <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
          </w:abstractNum>
          <w:num w:numId="3"><w:abstractNumId w:val="5"/></w:num>
        </w:numbering>"#;
        let mut numbering = Numbering::parse(xml, None);
        let labels: Vec<Option<String>> = [(0, "3"), (1, "3"), (1, "3"), (0, "3"), (1, "3")]
            .iter()
            .map(|(level, id)| numbering.next_label(id, *level))
            .collect();
        assert_eq!(
            labels,
            vec![
                Some("一、".to_string()),
                Some("1.".to_string()),
                Some("2.".to_string()),
                Some("二、".to_string()),
                Some("1.".to_string())
            ]
        );
        assert_eq!(numbering.next_label("9", 0), None);
    }
}
