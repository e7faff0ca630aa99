//! The shell's file handling that the command line and the screens share:
//! reading input files with limits (a regular file, at most
//! [`MAX_INPUT_BYTES`], a leading UTF-8 byte order mark dropped) and
//! writing an export to whatever `-o` names without destroying it.

use std::fs;
use std::io::{self, Read, Write as _};
use std::path::{Path, PathBuf};

/// The largest input file nunki reads (answers, knowledge, sessions,
/// templates): 16 MiB, a thousand times the shipped knowledge.
pub const MAX_INPUT_BYTES: u64 = 16 * 1024 * 1024;

/// Why an input file was not read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{} is {kind}, not a regular file: nunki reads input from files only", path.display())]
    NotAFile { path: PathBuf, kind: &'static str },
    #[error(
        "{} is larger than {} MiB, the most nunki reads from one input file",
        path.display(),
        MAX_INPUT_BYTES / (1024 * 1024)
    )]
    TooLarge { path: PathBuf },
    #[error("cannot read {}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
}

impl ReadError {
    /// True when the file itself is at fault (the user's to fix), false
    /// when the file system failed.
    pub fn is_input(&self) -> bool {
        !matches!(self, ReadError::Io { .. })
    }
}

/// Reads an input file: only a regular file (a FIFO or a device would block
/// or never end), at most [`MAX_INPUT_BYTES`], a leading UTF-8 byte order
/// mark dropped.
pub fn read_input(path: &Path) -> Result<Vec<u8>, ReadError> {
    let io = |source| ReadError::Io {
        path: path.to_path_buf(),
        source,
    };
    let too_large = || ReadError::TooLarge {
        path: path.to_path_buf(),
    };
    let meta = fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(ReadError::NotAFile {
            path: path.to_path_buf(),
            kind: kind_of(&meta.file_type()),
        });
    }
    if meta.len() > MAX_INPUT_BYTES {
        return Err(too_large());
    }
    let file = fs::File::open(path).map_err(io)?;
    // The file may grow after the look at its size: never read past the cap.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(too_large());
    }
    if bytes.starts_with(BOM) {
        bytes.drain(..BOM.len());
    }
    Ok(bytes)
}

/// [`read_input`] as text; a file that is not UTF-8 is an `InvalidData`
/// read error.
pub fn read_input_text(path: &Path) -> Result<String, ReadError> {
    String::from_utf8(read_input(path)?).map_err(|e| ReadError::Io {
        path: path.to_path_buf(),
        source: io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "it is not UTF-8 text (byte {} is not)",
                e.utf8_error().valid_up_to() + 1
            ),
        ),
    })
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// What a file that is no regular file is, in words.
pub fn kind_of(t: &fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_dir() {
        "a directory"
    } else {
        "not a regular file"
    }
}

/// True when `path` is something other than a regular file or a
/// directory (a FIFO, a terminal, a device): written through, not replaced.
pub fn is_stream(path: &Path) -> bool {
    fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir())
}

/// Writes the export (text or a PDF's bytes) to `path` the way its target
/// calls for:
///
/// - a regular file (or nothing yet) is replaced atomically: a temp file
///   next to it is written, synced and renamed over it, so readers see the
///   old file or the new one, never half of one; an existing file keeps
///   its permissions, and a symbolic link keeps pointing at the file it
///   names, which is the one replaced;
/// - anything else (a FIFO, a terminal, `/dev/stdout`, a device) is opened
///   and written through, never replaced by a regular file;
/// - a target that cannot be written (read-only, a directory, a link to
///   nothing) is an error, and the target is left as it was.
///
pub fn write_output(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let meta = match fs::metadata(path) {
        Ok(m) => Some(m),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            if fs::symlink_metadata(path).is_ok() {
                return Err(io::Error::new(
                    io::ErrorKind::NotFound,
                    "it is a symbolic link to a file that does not exist",
                ));
            }
            None
        }
        Err(e) => return Err(e),
    };
    match meta {
        Some(m) if m.is_dir() => Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "it is a directory; give a file name",
        )),
        Some(m) if !m.is_file() => write_through(path, bytes),
        Some(m) => {
            // Fails on a read-only file without touching it: a shell's `>`
            // would refuse it too, and rename would have clobbered it.
            fs::OpenOptions::new().write(true).open(path)?;
            let target = fs::canonicalize(path)?;
            replace(&target, bytes, Some(m.permissions()))
        }
        None => replace(path, bytes, None),
    }
}

/// Writes into what is already there, like a shell's `>`.
fn write_through(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut out = fs::OpenOptions::new().write(true).open(path)?;
    out.write_all(bytes)?;
    out.flush()
}

fn replace(path: &Path, bytes: &[u8], keep: Option<fs::Permissions>) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut builder = tempfile::Builder::new();
    builder.prefix(".nunki-export-").suffix(".tmp");
    // A new file gets the usual permissions (0666 less the umask), not the
    // temp file's private 0600.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir)?;
    if let Some(permissions) = keep {
        // Set outright, so the umask cannot widen or narrow them.
        tmp.as_file().set_permissions(permissions)?;
    }
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
