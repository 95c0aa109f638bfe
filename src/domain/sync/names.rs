//! The names of files in a sync folder. Each device writes only under `DIR/<device id>/`:
//! `00000001.batch`, `00000002.batch`, ... and `00000042.snapshot` from `sync compact`. A
//! batch is written under a temporary name first. File-sync tools leave files of their own
//! beside ours (files still arriving, conflict copies, placeholders); those are never applied,
//! and some are worth a word in `sync status`.

use crate::domain::hlc::DeviceId;

/// What a file name in a device's folder is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Name {
    /// `NNNNNNNN.batch`
    Batch(u64),
    /// `NNNNNNNN.snapshot`: everything that device knew, covering its own numbers up to N.
    Snapshot(u64),
    /// Still arriving, or not downloaded yet: ours being written (`.N.tmp-…`), Syncthing's
    /// (`.syncthing.*.tmp`, `~syncthing~*.tmp`) and iCloud's placeholders (`.*.icloud`).
    Arriving,
    /// A copy a file-sync tool made when two computers changed one file: with one writer per
    /// file, two journals are writing as one device.
    ConflictCopy,
    /// Anything else: never read.
    Other,
}

/// The file name of a batch or a snapshot.
pub fn file_name(seq: u64, snapshot: bool) -> String {
    format!("{seq:08}.{}", if snapshot { "snapshot" } else { "batch" })
}

/// A temporary name for a file being written into place.
pub fn temp_name(seq: u64, random: u64) -> String {
    format!(".{seq:08}.tmp-{random:016x}")
}

/// Sorts one file name.
pub fn sort(name: &str) -> Name {
    if let Some((digits, ext)) = name.split_once('.')
        && digits.len() == 8
        && digits.bytes().all(|b| b.is_ascii_digit())
        && let Ok(seq) = digits.parse::<u64>()
        && seq > 0
    {
        match ext {
            "batch" => return Name::Batch(seq),
            "snapshot" => return Name::Snapshot(seq),
            _ => {}
        }
    }
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".icloud")
        || lower.starts_with(".syncthing.")
        || lower.starts_with("~syncthing~")
        || (lower.starts_with('.') && lower.contains(".tmp-"))
    {
        return Name::Arriving;
    }
    let ours = lower.ends_with(".batch") || lower.ends_with(".snapshot");
    if ours && (lower.contains("conflict") || lower.contains(" (") || lower.contains('-')) {
        return Name::ConflictCopy;
    }
    Name::Other
}

/// A device's folder name, if `name` is one.
pub fn device_folder(name: &str) -> Option<DeviceId> {
    name.parse::<DeviceId>()
        .ok()
        .filter(|d| *d != DeviceId::LEGACY)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_snapshots_and_the_files_sync_tools_leave_are_told_apart() {
        assert_eq!(sort("00000001.batch"), Name::Batch(1));
        assert_eq!(sort("00000042.snapshot"), Name::Snapshot(42));
        assert_eq!(sort(&file_name(7, false)), Name::Batch(7));
        assert_eq!(sort(&temp_name(7, 99)), Name::Arriving);
        assert_eq!(sort(".syncthing.00000003.batch.tmp"), Name::Arriving);
        assert_eq!(sort(".00000003.batch.icloud"), Name::Arriving);
        assert_eq!(
            sort("00000003.sync-conflict-20261203-101500-ABCDEFG.batch"),
            Name::ConflictCopy
        );
        assert_eq!(
            sort("00000003 (Sam's conflicted copy 2026-12-03).batch"),
            Name::ConflictCopy
        );
        assert_eq!(sort("00000000.batch"), Name::Other);
        assert_eq!(sort("0000001.batch"), Name::Other);
        assert_eq!(sort("notes.txt"), Name::Other);
        assert!(device_folder("3f9a2c1d8e7b4a60").is_some());
        assert!(device_folder("0000000000000000").is_none());
        assert!(device_folder(".git").is_none());
    }
}
