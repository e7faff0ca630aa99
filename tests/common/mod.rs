//! What the binary-driving tests share: the `nunki` command with its
//! directories moved into a temp dir, so the machine's own config and
//! sessions never leak into a test.
#![allow(dead_code, clippy::unwrap_used)]

use std::path::Path;

use assert_cmd::Command;

pub fn nunki(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("nunki").unwrap();
    cmd.env("NUNKI_CONFIG_DIR", home.join("config"))
        .env("NUNKI_DATA_DIR", home.join("data"))
        .env("NO_COLOR", "1");
    cmd
}
