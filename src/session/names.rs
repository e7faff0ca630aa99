//! Names on disk: the slug of a customer name, session ids and file names.
//!
//! A file name is `<slug>-<id>.ron`, built only from `a-z`, `0-9` and `-`,
//! so whatever a customer is called (`../../x`, `CON`, `株式会社`) the file
//! stays a plain file inside the sessions directory on every platform.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hash, Hasher};

/// Extension of session files.
pub const EXTENSION: &str = "ron";

/// Longest slug kept in a file name; the id keeps names unique anyway.
const MAX_SLUG: usize = 40;

/// Used when a customer name has no letter or digit we can keep.
const FALLBACK_SLUG: &str = "session";

/// Device names Windows refuses as a file name's stem, whatever follows.
const WINDOWS_RESERVED: [&str; 22] = [
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// A lowercase ASCII slug of a name: "Müller & Söhne AG" → "mueller-soehne-ag".
/// Never empty, never a path, never a reserved device name.
pub fn slug(name: &str) -> String {
    let out = slug_part(name);
    if out.is_empty() {
        FALLBACK_SLUG.to_string()
    } else if WINDOWS_RESERVED.contains(&out.as_str()) {
        format!("{out}-{FALLBACK_SLUG}")
    } else {
        out
    }
}

/// The letters and digits of a name that survive in a slug; may be empty.
pub fn slug_part(name: &str) -> String {
    slug_part_max(name, MAX_SLUG)
}

/// [`slug_part`] cut at `max` bytes instead of the file name's 40.
pub fn slug_part_max(name: &str, max: usize) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in name.chars().flat_map(char::to_lowercase) {
        let mapped = transliterate(c);
        match mapped {
            Some(s) => {
                if dash && !out.is_empty() {
                    out.push('-');
                }
                dash = false;
                out.push_str(s);
            }
            None if c.is_ascii_alphanumeric() => {
                if dash && !out.is_empty() {
                    out.push('-');
                }
                dash = false;
                out.push(c);
            }
            None => dash = true,
        }
        if out.len() >= max {
            break;
        }
    }
    out.truncate(max);
    out.trim_end_matches('-').to_string()
}

/// The letters of Swiss and European customer names, in the spelling a
/// person would type on an ASCII keyboard.
fn transliterate(c: char) -> Option<&'static str> {
    Some(match c {
        'ä' | 'æ' => "ae",
        'ö' | 'ø' | 'œ' => "oe",
        'ü' => "ue",
        'ß' => "ss",
        'à' | 'á' | 'â' | 'ã' | 'å' => "a",
        'ç' => "c",
        'è' | 'é' | 'ê' | 'ë' => "e",
        'ì' | 'í' | 'î' | 'ï' => "i",
        'ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' => "o",
        'ù' | 'ú' | 'û' => "u",
        'ý' | 'ÿ' => "y",
        _ => return None,
    })
}

/// The file name of a session.
pub fn file_name(customer: &str, id: &str) -> String {
    format!("{}-{}.{EXTENSION}", slug(customer), slug(id))
}

/// A new session id: the creation date (so ids sort by age) and six hex
/// digits that differ between processes and calls. `taken` says whether
/// an id is already in use; the next candidate is tried until one is free.
pub fn new_id(now: jiff::Timestamp, taken: impl Fn(&str) -> bool) -> String {
    let date = now.strftime("%Y%m%d").to_string();
    // RandomState is seeded randomly per process; mixing in the time, the
    // pid and the attempt keeps two nunkis started in the same instant apart.
    let state = RandomState::new();
    let mut attempt: u64 = 0;
    loop {
        let mut h = state.build_hasher();
        now.as_nanosecond().hash(&mut h);
        std::process::id().hash(&mut h);
        attempt.hash(&mut h);
        let id = format!("{date}-{:06x}", h.finish() & 0xff_ffff);
        if !taken(&id) {
            return id;
        }
        attempt = attempt.wrapping_add(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_safe_file_name_parts() {
        for (name, want) in [
            ("Müller & Söhne AG", "mueller-soehne-ag"),
            ("../../etc/passwd", "etc-passwd"),
            ("CON", "con-session"),
            ("株式会社", "session"),
            ("  ", "session"),
            ("Café Zürich", "cafe-zuerich"),
        ] {
            assert_eq!(slug(name), want, "{name}");
        }
        let long = slug(&"x".repeat(200));
        assert_eq!(long.len(), MAX_SLUG);
    }

    #[test]
    fn ids_sort_by_date_and_skip_taken_ones() {
        let now: jiff::Timestamp = "2025-01-14T09:30:00Z".parse().expect("timestamp");
        let first = new_id(now, |_| false);
        assert!(first.starts_with("20250114-"), "{first}");
        assert_eq!(first.len(), "20250114-".len() + 6);
        let second = new_id(now, |id| id == first);
        assert_ne!(first, second);
    }
}
