//! The interface language. The documents stay in Chinese whatever is chosen; only the
//! words the app itself says (headings, labels, explanations) change.
//!
//! ```
//! use planboard_model::{Lang, Status};
//! let lang = Lang::from_param("en").unwrap_or_default();
//! assert_eq!(Status::Lagging.label(lang), "Lagging");
//! assert_eq!(lang.pick("滞后", "Lagging"), "Lagging");
//! ```

/// Chinese first: it is the language of the documents and of most readers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// The value of the URL parameter and of the stored choice (`lang=en`).
    pub fn param(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// Accepts what people type or paste: `zh`, `zh-CN`, `zh-Hans`, `en`, `en-GB`…
    pub fn from_param(value: &str) -> Option<Lang> {
        let value = value.trim().to_ascii_lowercase();
        let primary = value.split(['-', '_']).next().unwrap_or_default();
        match primary {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The BCP 47 tag for `<html lang>`, so screen readers and fonts follow the choice.
    pub fn html_tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// The name of the language in that language, for the switch.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::Zh => "中文",
            Lang::En => "English",
        }
    }

    /// The Chinese or the English of a pair written side by side at the place of use,
    /// so a translation is read next to the text it translates.
    pub fn pick<T>(self, zh: T, en: T) -> T {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn params_round_trip_and_tolerate_region_tags() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_param(lang.param()), Some(lang));
            assert_eq!(Lang::from_param(lang.html_tag()), Some(lang));
        }
        assert_eq!(Lang::from_param(" EN-gb "), Some(Lang::En));
        assert_eq!(Lang::from_param("zh_Hans"), Some(Lang::Zh));
        assert_eq!(Lang::from_param("fr"), None);
        assert_eq!(Lang::from_param(""), None);
    }
}
