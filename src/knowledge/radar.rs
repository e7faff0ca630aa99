//! The Tech Radar: technologies with the ring Tech Alignment gave them.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TechRadar {
    pub entries: Vec<RadarEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RadarEntry {
    pub id: String,
    pub name: String,
    pub ring: Ring,
    #[serde(default)]
    pub quadrant: String,
    #[serde(default)]
    pub note: String,
    /// Other spellings a customer may use ("Postgres", "k8s").
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Ring {
    Adopt,
    Trial,
    Assess,
    Hold,
}

impl Ring {
    pub fn id(self) -> &'static str {
        match self {
            Ring::Adopt => "adopt",
            Ring::Trial => "trial",
            Ring::Assess => "assess",
            Ring::Hold => "hold",
        }
    }
}

/// The ring names a condition may use: the four rings, plus "unknown" for
/// a technology the radar does not list.
pub const RING_IDS: [&str; 5] = ["adopt", "trial", "assess", "hold", "unknown"];

impl TechRadar {
    /// Finds an entry by name, id or alias, ignoring case and spacing.
    pub fn lookup(&self, name: &str) -> Option<&RadarEntry> {
        let key = normalise(name);
        self.entries.iter().find(|e| {
            normalise(&e.id) == key
                || normalise(&e.name) == key
                || e.aliases.iter().any(|a| normalise(a) == key)
        })
    }
}

fn normalise(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '-' && *c != '_')
        .flat_map(char::to_lowercase)
        .collect()
}

/// Splits a free-text answer into technology names.
pub fn split_names(text: &str) -> impl Iterator<Item = &str> {
    text.split([',', ';', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
}
