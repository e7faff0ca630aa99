//! The languages nunki speaks to customers, and its fixed wording in each.
//!
//! Fixed phrases (section titles, "excl. VAT", the proposal's sentences)
//! live in Fluent files, `assets/i18n/{en,de}/*.ftl`, compiled in: a
//! translator edits those, never Rust. Knowledge texts carry their own
//! German beside the English in `data/*.ron` (see
//! [`crate::knowledge::Text`]). Amounts and dates go through [`format`],
//! because Fluent's `NUMBER()` knows no Swiss grouping.
//!
//! Pure: the bundles are built from the embedded texts on first use.

pub mod format;

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use serde::{Deserialize, Serialize};

pub use fluent_bundle::FluentValue;

/// The language of a session, a proposal and the interview.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    De,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::De];

    /// The id on the command line and in session files: "en", "de".
    pub fn id(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
        }
    }

    /// Accepts the id, a locale ("de-CH") or the language's name.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        let primary = s.split(['-', '_']).next().unwrap_or("");
        match primary {
            "en" | "english" => Some(Lang::En),
            "de" | "german" | "deutsch" => Some(Lang::De),
            _ => None,
        }
    }

    /// The language in its own words, for menus: "English", "Deutsch".
    pub fn name(self) -> Cow<'static, str> {
        Cow::Owned(message(self, "language-name", &[]))
    }

    fn locale(self) -> &'static str {
        match self {
            Lang::En => "en-CH",
            Lang::De => "de-CH",
        }
    }

    fn sources(self) -> &'static [&'static str] {
        match self {
            Lang::En => &[
                include_str!("../../assets/i18n/en/common.ftl"),
                include_str!("../../assets/i18n/en/proposal.ftl"),
            ],
            Lang::De => &[
                include_str!("../../assets/i18n/de/common.ftl"),
                include_str!("../../assets/i18n/de/proposal.ftl"),
            ],
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

/// Every Fluent file of a language, parsed; a syntax error in a shipped
/// file is a build defect the test suite reports (`tests` below).
fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: [OnceLock<FluentBundle<FluentResource>>; 2] =
        [OnceLock::new(), OnceLock::new()];
    BUNDLES[lang as usize].get_or_init(|| {
        let id = lang
            .locale()
            .parse()
            .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // Unicode isolation marks around placeables would put invisible
        // characters into every export.
        bundle.set_use_isolating(false);
        for text in lang.sources() {
            let resource = match FluentResource::try_new((*text).to_string()) {
                Ok(r) => r,
                // Keep what parsed; the test names the broken entry.
                Err((r, _)) => r,
            };
            // A message defined twice keeps its first wording.
            let _ = bundle.add_resource(resource);
        }
        bundle
    })
}

/// A value for a placeable: text, or a number (Fluent picks plural forms
/// by it).
pub trait IntoArg {
    fn into_arg(self) -> FluentValue<'static>;
}

impl IntoArg for &str {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::from(self.to_string())
    }
}

impl IntoArg for String {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::from(self)
    }
}

impl IntoArg for &String {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::from(self.clone())
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl IntoArg for $t {
            fn into_arg(self) -> FluentValue<'static> {
                FluentValue::from(self)
            }
        }
    )*};
}
number_arg!(usize, u32, u64, i64, f64);

/// The message `id` in `lang` with its arguments. A message missing in
/// `lang` falls back to English, then to its id (the test suite checks
/// that both languages define every message).
pub fn message(lang: Lang, id: &str, args: &[(&str, FluentValue<'static>)]) -> String {
    let fluent_args = (!args.is_empty()).then(|| {
        let mut a = FluentArgs::new();
        for (k, v) in args {
            a.set(*k, v.clone());
        }
        a
    });
    for l in [lang, Lang::En] {
        let bundle = bundle(l);
        if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return bundle
                .format_pattern(pattern, fluent_args.as_ref(), &mut errors)
                .into_owned();
        }
    }
    id.to_string()
}

/// `tr!(lang, "message-id")` or `tr!(lang, "message-id", name = value, …)`:
/// a fixed phrase from `assets/i18n/<lang>/*.ftl`.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $id:literal) => {
        $crate::i18n::message($lang, $id, &[])
    };
    ($lang:expr, $id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::message(
            $lang,
            $id,
            &[$((stringify!($name), $crate::i18n::IntoArg::into_arg($value))),+],
        )
    };
}

/// The message ids a language defines, for the tests.
pub fn message_ids(lang: Lang) -> Vec<String> {
    let mut ids = Vec::new();
    for text in lang.sources() {
        let resource = match FluentResource::try_new((*text).to_string()) {
            Ok(r) | Err((r, _)) => r,
        };
        for entry in resource.entries() {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                ids.push(m.id.name.to_string());
            }
        }
    }
    ids
}

/// Syntax errors in a language's Fluent files, in words.
pub fn syntax_errors(lang: Lang) -> Vec<String> {
    lang.sources()
        .iter()
        .filter_map(|text| FluentResource::try_new((*text).to_string()).err())
        .flat_map(|(_, errors)| errors.into_iter().map(|e| format!("{lang}: {e:?}")))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fluent_files_parse_and_define_the_same_messages() {
        for lang in Lang::ALL {
            assert_eq!(syntax_errors(lang), Vec::<String>::new());
        }
        let mut en = message_ids(Lang::En);
        let mut de = message_ids(Lang::De);
        en.sort();
        de.sort();
        let only_en: Vec<_> = en.iter().filter(|id| !de.contains(id)).collect();
        let only_de: Vec<_> = de.iter().filter(|id| !en.contains(id)).collect();
        assert!(only_en.is_empty(), "missing in German: {only_en:?}");
        assert!(only_de.is_empty(), "missing in English: {only_de:?}");
        let mut dup = en.clone();
        dup.dedup();
        assert_eq!(dup.len(), en.len(), "a message is defined twice");
    }

    #[test]
    fn messages_take_arguments_without_isolation_marks() {
        assert_eq!(tr!(Lang::De, "valid-until"), "Gültig bis");
        let s = tr!(Lang::En, "next-open", count = 2usize);
        assert!(!s.contains('\u{2068}'), "{s:?}");
        assert!(s.contains("the 2 open questions"), "{s}");
        let one = tr!(Lang::De, "next-open", count = 1usize);
        assert!(one.starts_with("Beantworten Sie die offene Frage"), "{one}");
        assert_eq!(Lang::parse("de-CH"), Some(Lang::De));
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
    }
}
