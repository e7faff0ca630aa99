//! nunki's own settings, `config.ron` in the config directory, set once
//! per laptop: who the sales engineer is, so every new session and its
//! proposal name them. A missing file is no settings; a broken one stops
//! with the file, line and column, like every other input.

use std::path::Path;

use serde::Deserialize;

use crate::error::Error;
use crate::knowledge::{SourceText, parse_ron};
use crate::session::Engineer;

/// The file's name in the config directory.
pub const FILE: &str = "config.ron";

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The sales engineer: `(name: "…", email: "…", phone: "…")`.
    #[serde(default)]
    pub engineer: Option<Engineer>,
}

const HELP: &str = "config.ron looks like (engineer: (name: \"Anna Muster\", email: \"anna.muster@vshn.ch\", phone: \"+41 44 545 53 00\")); every field but the name may be left out";

/// The settings in `config_dir`, or none when there is no such file.
pub fn load(config_dir: Option<&Path>) -> Result<Config, Error> {
    match read_optional(config_dir, FILE)? {
        Some(source) => parse(&source),
        None => Ok(Config::default()),
    }
}

/// A settings file `name` in `config_dir`: `None` when there is none (a
/// missing file is the defaults), an error when it cannot be read.
pub(crate) fn read_optional(
    config_dir: Option<&Path>,
    name: &str,
) -> Result<Option<SourceText>, Error> {
    let Some(path) = config_dir.map(|d| d.join(name)) else {
        return Ok(None);
    };
    match crate::files::read_input_text(&path) {
        Ok(text) => Ok(Some(SourceText {
            origin: path.display().to_string(),
            text,
        })),
        Err(crate::files::ReadError::Io { source, .. })
            if source.kind() == std::io::ErrorKind::NotFound =>
        {
            Ok(None)
        }
        Err(crate::files::ReadError::Io { source, .. }) => {
            Err(Error::io(format!("cannot read {}", path.display()), source))
        }
        Err(e) => Err(Error::input(e.to_string())),
    }
}

/// One line, single spaces.
fn tidy(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn parse(source: &SourceText) -> Result<Config, Error> {
    let mut config: Config =
        parse_ron(source).map_err(|d| Error::Located(Box::new(d.with_help(HELP))))?;
    if let Some(e) = &mut config.engineer {
        e.name = tidy(&e.name);
        e.email = e.email.as_deref().map(tidy).filter(|s| !s.is_empty());
        e.phone = e.phone.as_deref().map(tidy).filter(|s| !s.is_empty());
        if e.name.is_empty() {
            return Err(Error::input(format!(
                "{}: the engineer has no name\n  help: {HELP}",
                source.origin
            )));
        }
    }
    Ok(config)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn source(text: &str) -> SourceText {
        SourceText {
            origin: "config.ron".into(),
            text: text.into(),
        }
    }

    #[test]
    fn reads_the_engineer_and_tidies_their_details() {
        let c = parse(&source(
            "(engineer: (name: \" Anna  Muster \", email: \"anna@vshn.ch\", phone: \"\"))",
        ))
        .unwrap();
        let e = c.engineer.unwrap();
        assert_eq!(e.name, "Anna Muster");
        assert_eq!(e.email.as_deref(), Some("anna@vshn.ch"));
        assert_eq!(e.phone, None);
        assert_eq!(parse(&source("()")).unwrap(), Config::default());
    }

    #[test]
    fn a_broken_file_names_its_place_and_the_shape_expected() {
        let e = parse(&source("(engineer: (name: \"A\", mail: \"x\"))"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("config.ron:1:"), "{e}");
        assert!(e.contains("(engineer: (name:"), "{e}");
        let e = parse(&source("(engineer: (name: \" \"))"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("no name"), "{e}");
    }

    #[test]
    fn no_directory_or_no_file_is_no_settings() {
        assert_eq!(load(None).unwrap(), Config::default());
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(load(Some(dir.path())).unwrap(), Config::default());
    }
}
