//! Reading the files copydesk is pointed at (articles, `.copydesk.toml`, the
//! people file) safely: only regular files, and only up to a size limit.
//!
//! A FIFO named as a config file would block a plain `read` forever, and
//! `/dev/zero` would fill memory. The file is opened without blocking and its
//! type is checked on the open handle, so a path swapped for a pipe between a
//! check and the read cannot slip through.

use std::fmt;
use std::fs::{File, FileType};
use std::io::{self, Read};
use std::path::Path;

/// Largest `.copydesk.toml` read.
pub const CONFIG_LIMIT: u64 = 1 << 20;
/// Largest people file read: some 200,000 entries.
pub const PEOPLE_LIMIT: u64 = 64 << 20;
/// Largest article read: about ten million words.
pub const ARTICLE_LIMIT: u64 = 64 << 20;

/// Why a file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    /// The path names something other than a regular file: a folder, a pipe, a device.
    NotAFile(&'static str),
    TooLarge {
        limit: u64,
    },
    /// Any other I/O error, as the system words it.
    Io(String),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::NotAFile(kind) => write!(f, "not a regular file but {kind}"),
            ReadError::TooLarge { limit } => {
                write!(
                    f,
                    "larger than {} MiB, the most copydesk reads",
                    limit >> 20
                )
            }
            ReadError::Io(message) => f.write_str(message),
        }
    }
}

impl From<io::Error> for ReadError {
    fn from(err: io::Error) -> Self {
        #[cfg(unix)]
        if err.raw_os_error() == Some(libc::ELOOP) {
            return ReadError::Io("a loop of symbolic links".to_string());
        }
        ReadError::Io(err.to_string())
    }
}

/// What kind of thing a file type is, for messages.
fn kind(file_type: FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a pipe (FIFO)";
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return "a device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    if file_type.is_dir() {
        "a folder"
    } else {
        "a special file"
    }
}

fn open(path: &Path) -> io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Opening a FIFO for reading blocks until a writer comes, unless non-blocking.
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// The bytes of a regular file of at most `limit` bytes.
pub fn read(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let file = open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(ReadError::NotAFile(kind(meta.file_type())));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge { limit });
    }
    // A regular file ignores O_NONBLOCK, so this reads as usual; the limit
    // holds even if the file grows while it is read.
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { limit });
    }
    Ok(bytes)
}

/// Whether anything is at `path`, even a broken or looping link: a
/// `.copydesk.toml` that is a folder or a link loop is reported, not skipped.
pub fn exists(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("copydesk-read-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn regular_files_are_read_within_the_limit() {
        let dir = scratch("limit");
        let path = dir.join("a.toml");
        std::fs::write(&path, "style = \"ap\"\n").unwrap();
        assert_eq!(read(&path, 100).unwrap(), b"style = \"ap\"\n");
        assert_eq!(read(&path, 4), Err(ReadError::TooLarge { limit: 4 }));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn folders_devices_and_pipes_are_refused_without_blocking() {
        let dir = scratch("kinds");
        assert_eq!(read(&dir, 100), Err(ReadError::NotAFile("a folder")));
        #[cfg(unix)]
        {
            assert_eq!(
                read(Path::new("/dev/zero"), 100),
                Err(ReadError::NotAFile("a device"))
            );
            let fifo = dir.join("fifo");
            let made = std::process::Command::new("mkfifo").arg(&fifo).status();
            if made.is_ok_and(|s| s.success()) {
                assert_eq!(read(&fifo, 100), Err(ReadError::NotAFile("a pipe (FIFO)")));
            }
            let looped = dir.join("loop");
            std::os::unix::fs::symlink(&looped, &looped).unwrap();
            assert!(exists(&looped));
            assert_eq!(
                read(&looped, 100).unwrap_err().to_string(),
                "a loop of symbolic links"
            );
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
