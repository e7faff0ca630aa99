//! Where knowledge and sessions live on disk, and reading the knowledge
//! files: embedded defaults, replaced file by file by the team's knowledge
//! (the last valid `catalog/` of a team folder, see `team::catalog`), then
//! by the user's config directory, then by `--catalog DIR`.
//!
//! `NUNKI_CONFIG_DIR` and `NUNKI_DATA_DIR` move those directories (tests
//! and portable installs use them).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::files::{ReadError, read_input_text};
use crate::knowledge::{Diagnostics, FILE_NAMES, Knowledge, KnowledgeTexts, SourceText};

/// The directories nunki reads and writes.
#[derive(Debug, Clone)]
pub struct Places {
    /// Knowledge overrides: `<config>/catalog/*.ron`, keymap, theme.
    pub config_dir: Option<PathBuf>,
    /// Sessions: `<data>/sessions/`.
    pub data_dir: PathBuf,
}

impl Places {
    pub fn from_env(data_dir: Option<PathBuf>) -> Places {
        let dirs = directories::ProjectDirs::from("ch", "VSHN", "nunki");
        let config_dir = std::env::var_os("NUNKI_CONFIG_DIR")
            .map(PathBuf::from)
            .or_else(|| dirs.as_ref().map(|d| d.config_dir().to_path_buf()));
        let data_dir = data_dir
            .or_else(|| std::env::var_os("NUNKI_DATA_DIR").map(PathBuf::from))
            .or_else(|| dirs.as_ref().map(|d| d.data_dir().to_path_buf()))
            .unwrap_or_else(|| PathBuf::from(".nunki"));
        Places {
            config_dir,
            data_dir,
        }
    }

    pub fn sessions_dir(&self) -> PathBuf {
        self.data_dir.join("sessions")
    }

    /// The team's knowledge in use: a copy of the last team `catalog/` that
    /// validated, kept outside git (`team::catalog`).
    pub fn team_catalog_dir(&self) -> PathBuf {
        self.data_dir.join(".team").join("catalog")
    }

    pub fn user_catalog_dir(&self) -> Option<PathBuf> {
        self.config_dir.as_ref().map(|d| d.join("catalog"))
    }
}

/// Why the knowledge could not be read, or (`Invalid`) does not load.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    /// Read, but the knowledge is not valid: every problem found.
    #[error("{0}")]
    Invalid(#[from] Diagnostics),
    #[error("the catalog directory {0} does not exist")]
    MissingDir(PathBuf),
    #[error("cannot read {path}: {source}")]
    Read { path: PathBuf, source: io::Error },
    /// A knowledge file that is no regular file, too large or unreadable.
    #[error("{0}")]
    File(#[from] ReadError),
}

/// The knowledge texts after applying both override layers, with the
/// files that replaced an embedded one.
pub fn knowledge_texts(
    places: &Places,
    catalog_dir: Option<&Path>,
) -> Result<(KnowledgeTexts, Vec<PathBuf>), SourceError> {
    let mut texts = KnowledgeTexts::embedded();
    let mut replaced = Vec::new();
    let team = places.team_catalog_dir();
    if team.is_dir() {
        overlay(&mut texts, &team, &mut replaced)?;
    }
    if let Some(dir) = places.user_catalog_dir()
        && dir.is_dir()
    {
        overlay(&mut texts, &dir, &mut replaced)?;
    }
    if let Some(dir) = catalog_dir {
        if !dir.is_dir() {
            return Err(SourceError::MissingDir(dir.to_path_buf()));
        }
        overlay(&mut texts, dir, &mut replaced)?;
    }
    Ok((texts, replaced))
}

pub(crate) fn overlay(
    texts: &mut KnowledgeTexts,
    dir: &Path,
    replaced: &mut Vec<PathBuf>,
) -> Result<(), SourceError> {
    for name in FILE_NAMES {
        let path = dir.join(name);
        if !path.exists() {
            continue;
        }
        let text = read_input_text(&path)?;
        if let Some(slot) = texts.by_name_mut(name) {
            *slot = SourceText {
                origin: path.display().to_string(),
                text,
            };
        }
        replaced.push(path);
    }
    Ok(())
}

/// Scenario files: `DIR/scenarios/*.ron` of `--catalog DIR` when it has
/// them, otherwise the shipped ones.
pub fn scenario_texts(catalog_dir: Option<&Path>) -> Result<Vec<SourceText>, SourceError> {
    if let Some(dir) = catalog_dir.map(|d| d.join("scenarios"))
        && dir.is_dir()
    {
        return read_ron_dir(&dir);
    }
    Ok(crate::embedded_files::SCENARIOS
        .iter()
        .map(|(name, text)| SourceText {
            origin: format!("embedded data/scenarios/{name}"),
            text: (*text).to_string(),
        })
        .collect())
}

/// Every `*.ron` file of a directory, sorted by name.
pub fn read_ron_dir(dir: &Path) -> Result<Vec<SourceText>, SourceError> {
    let entries = fs::read_dir(dir).map_err(|source| SourceError::Read {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let text = read_input_text(&path)?;
            Ok(SourceText {
                origin: path.display().to_string(),
                text,
            })
        })
        .collect()
}

/// Loads and validates the knowledge the command line asked for.
pub fn load_knowledge(
    places: &Places,
    catalog_dir: Option<&Path>,
) -> Result<Knowledge, SourceError> {
    let (texts, _) = knowledge_texts(places, catalog_dir)?;
    let knowledge = Knowledge::from_texts(&texts)?;
    let gaps = crate::knowledge::statement_gaps(&knowledge, &texts);
    if !gaps.is_empty() {
        // Scoping goes on with an older override file; the proposal shows
        // the prompt where a statement is missing.
        eprintln!(
            "warning: {} question(s) have no statement for the customer's proposal; it shows their prompt instead (`nunki catalog validate` lists them)",
            gaps.len()
        );
    }
    let untranslated = crate::knowledge::translation_gaps(&knowledge, &texts);
    if !untranslated.is_empty() {
        // English-only override files keep working: German shows English.
        eprintln!(
            "warning: {} customer-facing text(s) have no German; a German proposal shows them in English (`nunki catalog validate` lists them)",
            untranslated.len()
        );
    }
    Ok(knowledge)
}
