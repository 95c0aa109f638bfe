//! The files in a sync folder. Each device writes only under `DIR/<device id>/`, each file
//! under a temporary name first and then linked into place without ever replacing a file that
//! is there, so a reader sees a batch whole or not at all and a file-sync tool never sees two
//! writers of one file. Readers never delete anything; a device removes only its own files
//! (`sync compact`).

use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use crate::domain::hlc::DeviceId;
use crate::domain::sync::names::{self, Name};
use crate::domain::sync::{MARKER_FILE, MARKER_TEXT};

/// Why the folder cannot be used now, in words for `sync status` and for the line a write
/// prints when its change has to wait.
pub fn unreachable(dir: &Path) -> Option<String> {
    match fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => return Some(format!("{} is not a folder", dir.display())),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Some(format!(
                "the sync folder {} is missing (is the drive or the synced folder there?)",
                dir.display()
            ));
        }
        Err(e) => return Some(format!("cannot reach {}: {e}", dir.display())),
    }
    if !dir.join(MARKER_FILE).is_file() {
        return Some(format!(
            "{} has no {MARKER_FILE}, so it is not the sync folder (or it has not finished syncing)",
            dir.display()
        ));
    }
    None
}

/// Whether `dir` already is a sync folder.
pub fn is_sync_folder(dir: &Path) -> bool {
    dir.join(MARKER_FILE).is_file()
}

/// Makes `dir` a sync folder (creating it if needed).
pub fn prepare(dir: &Path) -> io::Result<()> {
    fs::create_dir_all(dir)?;
    let marker = dir.join(MARKER_FILE);
    if !marker.exists() {
        put(dir, MARKER_FILE, MARKER_TEXT.as_bytes())?;
    }
    Ok(())
}

/// A random number for temporary names.
fn random_u64() -> u64 {
    let mut bytes = [0u8; 8];
    let _ = getrandom::getrandom(&mut bytes);
    u64::from_le_bytes(bytes) ^ u64::from(std::process::id())
}

/// Writes `bytes` as `folder/name` through a temporary file, never replacing an existing
/// file. `Ok(false)` when `name` was already there.
fn put(folder: &Path, name: &str, bytes: &[u8]) -> io::Result<bool> {
    let target = folder.join(name);
    if target.exists() {
        return Ok(false);
    }
    let temp = folder.join(names::temp_name(0, random_u64()));
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp)?;
    let written = file.write_all(bytes).and_then(|()| file.sync_all());
    drop(file);
    if let Err(e) = written {
        let _ = fs::remove_file(&temp);
        return Err(e);
    }
    // A hard link fails when the name is taken, where a rename would replace it.
    let placed = match fs::hard_link(&temp, &target) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(false),
        // Some file systems have no hard links: rename, having looked first.
        Err(_) if !target.exists() => fs::rename(&temp, &target).map(|()| true),
        Err(e) => Err(e),
    };
    let _ = fs::remove_file(&temp);
    if let Ok(dir) = fs::File::open(folder) {
        let _ = dir.sync_all();
    }
    placed
}

/// This device's folder.
pub fn own_folder(dir: &Path, device: DeviceId) -> PathBuf {
    dir.join(device.to_string())
}

/// Writes batch `seq` of `device`. `Ok(false)`: a file of that number was already there.
pub fn write_batch(
    dir: &Path,
    device: DeviceId,
    seq: u64,
    snapshot: bool,
    bytes: &[u8],
) -> io::Result<bool> {
    let folder = own_folder(dir, device);
    fs::create_dir_all(&folder)?;
    put(&folder, &names::file_name(seq, snapshot), bytes)
}

/// One file in a device's folder.
#[derive(Debug, Clone)]
pub struct Entry {
    pub name: Name,
    pub path: PathBuf,
}

/// The files of every device folder in `dir`, by device, batches in number order.
pub fn list(dir: &Path) -> io::Result<Vec<(DeviceId, Vec<Entry>)>> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        let Some(device) = name.to_str().and_then(names::device_folder) else {
            continue;
        };
        if !entry.file_type()?.is_dir() {
            continue;
        }
        out.push((device, files_of(&entry.path())?));
    }
    out.sort_by_key(|(d, _)| *d);
    Ok(out)
}

/// The files in one device's folder (none when it does not exist).
pub fn files_of(folder: &Path) -> io::Result<Vec<Entry>> {
    let mut files = Vec::new();
    let read = match fs::read_dir(folder) {
        Ok(read) => read,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(files),
        Err(e) => return Err(e),
    };
    for entry in read {
        let entry = entry?;
        let Some(name) = entry.file_name().to_str().map(names::sort) else {
            continue;
        };
        files.push(Entry {
            name,
            path: entry.path(),
        });
    }
    files.sort_by_key(|e| match e.name {
        Name::Batch(n) | Name::Snapshot(n) => (0, n),
        _ => (1, 0),
    });
    Ok(files)
}

/// Removes this device's batches and snapshots numbered below `seq` (after a snapshot
/// numbered `seq` is in place). Returns how many went.
pub fn remove_own_before(dir: &Path, device: DeviceId, seq: u64) -> io::Result<usize> {
    let mut removed = 0;
    for entry in files_of(&own_folder(dir, device))? {
        if let Name::Batch(n) | Name::Snapshot(n) = entry.name
            && n < seq
        {
            fs::remove_file(&entry.path)?;
            removed += 1;
        }
    }
    Ok(removed)
}
