//! Reading a file a person points rekindle at (an export to import, a prompt file of their
//! own), bounded: only a regular file is read, a named pipe or a device is refused at once
//! (opening one to read could wait forever, or never end), and nothing larger than the
//! caller's limit is read into memory.

use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::os::unix::fs::{FileTypeExt as _, OpenOptionsExt as _};
use std::path::Path;

/// Why a file was not read.
#[derive(Debug, thiserror::Error)]
pub enum NotRead {
    #[error("it is a folder")]
    Folder,
    #[error("it is a named pipe, not a file")]
    Pipe,
    #[error("it is a device, not a file")]
    Device,
    #[error("it is a socket, not a file")]
    Socket,
    #[error("it is larger than {}{}", size(*.limit), .found.map(|n| format!(" (it holds {})", size(n))).unwrap_or_default())]
    TooLarge { limit: u64, found: Option<u64> },
    #[error("{}", in_words(.0))]
    Io(#[from] io::Error),
}

/// Why a file a person named could not be read, in words ("it does not exist"), without the
/// system's error number.
pub fn in_words(err: &io::Error) -> String {
    match err.kind() {
        io::ErrorKind::NotFound => "it does not exist".to_string(),
        io::ErrorKind::PermissionDenied => "you are not allowed to read it".to_string(),
        io::ErrorKind::NotADirectory => "a part of its path is a file, not a folder".to_string(),
        kind => format!("it could not be read ({kind})"),
    }
}

/// A size in words: "256 MiB", "1 MiB", "12 KiB", "300 bytes".
pub fn size(bytes: u64) -> String {
    const KIB: u64 = 1024;
    const MIB: u64 = 1024 * 1024;
    if bytes >= MIB && bytes.is_multiple_of(MIB) || bytes >= 10 * MIB {
        format!("{} MiB", bytes / MIB)
    } else if bytes >= KIB {
        format!("{} KiB", bytes / KIB)
    } else {
        format!("{bytes} bytes")
    }
}

/// The kind of an open file, refused unless it is a regular file.
fn regular(file: &File) -> Result<u64, NotRead> {
    let meta = file.metadata()?;
    let kind = meta.file_type();
    if kind.is_file() {
        Ok(meta.len())
    } else if kind.is_dir() {
        Err(NotRead::Folder)
    } else if kind.is_fifo() {
        Err(NotRead::Pipe)
    } else if kind.is_char_device() || kind.is_block_device() {
        Err(NotRead::Device)
    } else {
        Err(NotRead::Socket)
    }
}

/// Reads the regular file at `path`, at most `limit` bytes. The file is opened without
/// waiting (a named pipe opened to read would wait for a writer) and its kind is taken from
/// what was opened, so a name swapped meanwhile changes nothing.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, NotRead> {
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32)
        .open(path)?;
    let found = regular(&file)?;
    if found > limit {
        return Err(NotRead::TooLarge {
            limit,
            found: Some(found),
        });
    }
    read_at_most(file, limit)
}

/// Reads `reader` to its end, refusing more than `limit` bytes.
pub fn read_at_most(reader: impl Read, limit: u64) -> Result<Vec<u8>, NotRead> {
    let mut bytes = Vec::new();
    reader.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(NotRead::TooLarge { limit, found: None });
    }
    Ok(bytes)
}

/// Refuses a standard input that is a device (a terminal, `/dev/zero`): reading an export
/// from it would wait for typing or never end. A pipe or a redirected file is fine.
pub fn check_stdin(stdin: &File) -> Result<(), NotRead> {
    match regular(stdin) {
        Ok(_) | Err(NotRead::Pipe | NotRead::Socket) => Ok(()),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_regular_files_within_the_limit_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("prompts.toml");
        std::fs::write(&file, b"twelve bytes").unwrap();
        assert_eq!(read_regular(&file, 12).unwrap(), b"twelve bytes");
        let err = read_regular(&file, 11).unwrap_err();
        assert_eq!(
            err.to_string(),
            "it is larger than 11 bytes (it holds 12 bytes)"
        );
        assert!(matches!(
            read_regular(dir.path(), 100),
            Err(NotRead::Folder)
        ));
        assert!(matches!(
            read_regular(Path::new("/dev/zero"), 100),
            Err(NotRead::Device)
        ));
        let fifo = dir.path().join("fifo.toml");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );
        // Refused at once, without waiting for a writer.
        assert!(matches!(read_regular(&fifo, 100), Err(NotRead::Pipe)));
        let link = dir.path().join("zero.toml");
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        assert!(matches!(read_regular(&link, 100), Err(NotRead::Device)));
    }

    #[test]
    fn a_stream_stops_at_the_limit() {
        let endless = std::io::repeat(b' ');
        let err = read_at_most(endless, 1000).unwrap_err();
        assert_eq!(err.to_string(), "it is larger than 1000 bytes");
        assert_eq!(read_at_most(&b"abc"[..], 3).unwrap(), b"abc");
        assert_eq!(size(256 * 1024 * 1024), "256 MiB");
        assert_eq!(size(1024 * 1024), "1 MiB");
    }
}
