//! A knowledge text a customer reads, in English and (ideally) German.
//!
//! In RON a text is either a plain string (English only, as older and
//! user override files write it) or both languages side by side:
//!
//! ```ron
//! title: (en: "Data stays in Switzerland", de: "Daten bleiben in der Schweiz"),
//! ```
//!
//! A [`Text`] dereferences to the text in the language it is set to (see
//! [`crate::knowledge::Knowledge::in_language`]); without a German version
//! the German shows the English. `nunki catalog validate` reports every
//! customer-facing text without German (see `validate::completeness`).

use std::fmt;
use std::ops::Deref;

use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::i18n::Lang;

#[derive(Debug, Clone, PartialEq, Eq, Default, Hash)]
pub struct Text {
    en: String,
    de: Option<String>,
    /// The language the text shows in.
    lang: Lang,
}

impl Text {
    /// An English-only text.
    pub fn new(en: impl Into<String>) -> Text {
        Text {
            en: en.into(),
            de: None,
            lang: Lang::En,
        }
    }

    /// A text in both languages.
    pub fn both(en: impl Into<String>, de: impl Into<String>) -> Text {
        Text {
            en: en.into(),
            de: Some(de.into()),
            lang: Lang::En,
        }
    }

    pub fn en(&self) -> &str {
        &self.en
    }

    pub fn de(&self) -> Option<&str> {
        self.de.as_deref()
    }

    /// The text in `lang`, English where there is no translation.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::De => self.de.as_deref().unwrap_or(&self.en),
        }
    }

    /// Whether the text exists in `lang` (English always does).
    pub fn has(&self, lang: Lang) -> bool {
        lang == Lang::En || self.de.is_some()
    }

    /// The text in the language it is set to.
    pub fn as_str(&self) -> &str {
        self.get(self.lang)
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn set_lang(&mut self, lang: Lang) {
        self.lang = lang;
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text::new(s)
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text::new(s)
    }
}

impl From<&Text> for String {
    fn from(t: &Text) -> String {
        t.as_str().to_string()
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// A plain string when there is no German, both languages otherwise, as
/// the RON files write it.
impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match &self.de {
            None => s.serialize_str(&self.en),
            Some(de) => {
                let mut st = s.serialize_struct("Text", 2)?;
                st.serialize_field("en", &self.en)?;
                st.serialize_field("de", de)?;
                st.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
        d.deserialize_any(TextVisitor)
    }
}

struct TextVisitor;

const FIELDS: &[&str] = &["en", "de"];

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Text;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string, or `(en: \"…\", de: \"…\")`")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
        Ok(Text::new(v))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Text, E> {
        Ok(Text::new(v))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
        let mut en: Option<String> = None;
        let mut de: Option<String> = None;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "en" if en.is_some() => return Err(de::Error::duplicate_field("en")),
                "de" if de.is_some() => return Err(de::Error::duplicate_field("de")),
                "en" => en = Some(map.next_value()?),
                "de" => de = Some(map.next_value()?),
                other => return Err(de::Error::unknown_field(other, FIELDS)),
            }
        }
        let en = en.ok_or_else(|| de::Error::missing_field("en"))?;
        Ok(Text {
            en,
            de,
            lang: Lang::En,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<Text, ron::error::SpannedError> {
        crate::knowledge::ron_options().from_str(s)
    }

    #[test]
    fn a_text_is_a_plain_string_or_both_languages() {
        let plain = parse("\"Data stays here\"").unwrap_or_default();
        assert_eq!(plain.en(), "Data stays here");
        assert_eq!(
            plain.get(Lang::De),
            "Data stays here",
            "falls back to English"
        );
        assert!(!plain.has(Lang::De));
        let both = parse("(en: \"Valid until\", de: \"Gültig bis\")").unwrap_or_default();
        let mut shown = both.clone();
        assert_eq!(&*shown, "Valid until");
        shown.set_lang(Lang::De);
        assert_eq!(&*shown, "Gültig bis");
        assert_eq!(shown.to_string(), "Gültig bis");
        let wrong = parse("(en: \"x\", fr: \"y\")");
        assert!(wrong.is_err_and(|e| e.to_string().contains("fr")));
        assert!(
            parse("(de: \"nur Deutsch\")").is_err(),
            "English is required"
        );
    }

    #[test]
    fn a_text_writes_back_as_it_was_read() {
        let both = Text::both("Yes", "Ja");
        let out = ron::to_string(&both).unwrap_or_default();
        assert_eq!(parse(&out).ok(), Some(both));
        assert_eq!(ron::to_string(&Text::new("x")).unwrap_or_default(), "\"x\"");
    }
}
