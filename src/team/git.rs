//! The `git` command line, run in one directory. nunki uses the command
//! line rather than a library because it brings the user's SSH agent,
//! credential helpers, proxies and identity with it.

use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Why a git command did not do its job.
#[derive(Debug, thiserror::Error)]
pub enum GitError {
    #[error(
        "git is not installed or cannot be run ({0}); install git to work as a team — nunki itself works without it"
    )]
    Missing(io::Error),
    #[error("cannot run git: {0}")]
    Spawn(io::Error),
    #[error("`git {args}` failed in {dir}: {stderr}")]
    Failed {
        args: String,
        dir: PathBuf,
        stderr: String,
    },
}

fn spawn_error(e: io::Error) -> GitError {
    if e.kind() == io::ErrorKind::NotFound {
        GitError::Missing(e)
    } else {
        GitError::Spawn(e)
    }
}

/// git, run in `dir`.
#[derive(Debug, Clone)]
pub struct Git {
    dir: PathBuf,
}

impl Git {
    pub fn new(dir: impl Into<PathBuf>) -> Git {
        Git { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Fails with [`GitError::Missing`] when there is no git to run.
    pub fn available() -> Result<(), GitError> {
        Command::new("git")
            .arg("--version")
            .output()
            .map(|_| ())
            .map_err(spawn_error)
    }

    /// Runs git and returns its standard output; a non-zero exit is an error
    /// carrying git's own message.
    pub fn run(&self, args: &[&str]) -> Result<String, GitError> {
        self.run_with_input(args, None)
    }

    /// Runs git with `input` on its standard input (a commit message of
    /// any length: `commit -F -`).
    pub fn run_with_input(&self, args: &[&str], input: Option<&str>) -> Result<String, GitError> {
        use std::io::Write;
        use std::process::Stdio;
        let mut child = Command::new("git")
            .arg("-C")
            .arg(&self.dir)
            .args(args)
            .stdin(if input.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(spawn_error)?;
        if let (Some(text), Some(mut stdin)) = (input, child.stdin.take()) {
            stdin.write_all(text.as_bytes()).map_err(GitError::Spawn)?;
        }
        let out = child.wait_with_output().map_err(GitError::Spawn)?;
        if out.status.success() {
            Ok(String::from_utf8_lossy(&out.stdout).into_owned())
        } else {
            let stderr = String::from_utf8_lossy(&out.stderr).trim().to_string();
            let stdout = String::from_utf8_lossy(&out.stdout).trim().to_string();
            Err(GitError::Failed {
                args: args.join(" "),
                dir: self.dir.clone(),
                stderr: if stderr.is_empty() { stdout } else { stderr },
            })
        }
    }

    /// Whether git succeeds; its output is dropped.
    pub fn succeeds(&self, args: &[&str]) -> Result<bool, GitError> {
        match self.run(args) {
            Ok(_) => Ok(true),
            Err(GitError::Failed { .. }) => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// The output of a command that may fail, `None` when it does.
    pub fn maybe(&self, args: &[&str]) -> Result<Option<String>, GitError> {
        match self.run(args) {
            Ok(s) => Ok(Some(s)),
            Err(GitError::Failed { .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// The lines of a command's output, without empty ones.
    pub fn lines(&self, args: &[&str]) -> Result<Vec<String>, GitError> {
        Ok(self
            .run(args)?
            .lines()
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect())
    }
}
