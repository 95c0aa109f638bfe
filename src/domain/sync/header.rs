//! The plain header in front of every batch, so that a file still arriving (wait), a damaged
//! one (report), one from a newer rekindle (say which) and one that is not ours at all are told
//! apart before anything is decrypted. Big-endian:
//!
//! | offset | size | field |
//! |---|---|---|
//! | 0 | 8 | magic `RKDLSYNC` |
//! | 8 | 2 | format version (1) |
//! | 10 | 2 | flags (bit 0: a snapshot; bit 1: compressed with zlib before encryption) |
//! | 12 | 16 | key id: which sync key encrypted it (derived from the key, reveals nothing) |
//! | 28 | 8 | device id |
//! | 36 | 8 | sequence number |
//! | 44 | 8 | length `L` of the ciphertext |
//! | 52 | 32 | the device's Ed25519 public key |
//! | 84 | 64 | Ed25519 signature over bytes 0..84 and the ciphertext |
//! | 148 | L | the age ciphertext |

use crate::domain::hlc::DeviceId;

pub const MAGIC: &[u8; 8] = b"RKDLSYNC";
pub const FORMAT: u16 = 1;
pub const LEN: usize = 148;
/// The bytes the signature covers before the ciphertext.
pub const SIGNED: usize = 84;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    pub snapshot: bool,
    pub compressed: bool,
    pub key_id: [u8; 16],
    pub device: DeviceId,
    pub seq: u64,
    pub sign_key: [u8; 32],
    pub signature: [u8; 64],
}

/// What a file's bytes are, before any key is used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sorted<'a> {
    /// Shorter than its header says: still being copied here. Wait.
    Partial,
    /// Not a rekindle batch at all.
    Foreign(String),
    /// Written by a newer rekindle.
    Newer(u16),
    /// A rekindle batch whose bytes do not add up.
    Damaged(String),
    Whole(Header, &'a [u8]),
}

impl Header {
    /// The first 84 bytes: what the signature covers, with the ciphertext.
    pub fn signed_part(&self, len: u64) -> Vec<u8> {
        let mut out = Vec::with_capacity(SIGNED);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT.to_be_bytes());
        let flags = u16::from(self.snapshot) | (u16::from(self.compressed) << 1);
        out.extend_from_slice(&flags.to_be_bytes());
        out.extend_from_slice(&self.key_id);
        out.extend_from_slice(&self.device.0);
        out.extend_from_slice(&self.seq.to_be_bytes());
        out.extend_from_slice(&len.to_be_bytes());
        out.extend_from_slice(&self.sign_key);
        out
    }

    /// The whole file: header, then ciphertext.
    pub fn file(&self, ciphertext: &[u8]) -> Vec<u8> {
        let mut out = self.signed_part(ciphertext.len() as u64);
        out.extend_from_slice(&self.signature);
        out.extend_from_slice(ciphertext);
        out
    }
}

fn array<const N: usize>(bytes: &[u8], at: usize) -> [u8; N] {
    let mut out = [0u8; N];
    out.copy_from_slice(&bytes[at..at + N]);
    out
}

/// Sorts a file found at `DIR/<device>/<seq>.batch` (or `.snapshot`).
pub fn sort(bytes: &[u8], device: DeviceId, seq: u64, snapshot: bool) -> Sorted<'_> {
    let magic_len = bytes.len().min(MAGIC.len());
    if bytes[..magic_len] != MAGIC[..magic_len] {
        return Sorted::Foreign("it does not start as a rekindle batch does".into());
    }
    if bytes.len() < 12 {
        return Sorted::Partial;
    }
    let version = u16::from_be_bytes(array(bytes, 8));
    if version > FORMAT {
        return Sorted::Newer(version);
    }
    if version == 0 {
        return Sorted::Damaged("its format version is 0".into());
    }
    if bytes.len() < LEN {
        return Sorted::Partial;
    }
    let len = u64::from_be_bytes(array(bytes, 44));
    let total = (LEN as u64).saturating_add(len);
    if (bytes.len() as u64) < total {
        return Sorted::Partial;
    }
    if (bytes.len() as u64) > total {
        return Sorted::Damaged(format!(
            "it is {} bytes long and its header says {total}",
            bytes.len()
        ));
    }
    let flags = u16::from_be_bytes(array(bytes, 10));
    let header = Header {
        snapshot: flags & 1 == 1,
        compressed: flags & 2 == 2,
        key_id: array(bytes, 12),
        device: DeviceId(array(bytes, 28)),
        seq: u64::from_be_bytes(array(bytes, 36)),
        sign_key: array(bytes, 52),
        signature: array(bytes, 84),
    };
    if header.device != device || header.seq != seq || header.snapshot != snapshot {
        return Sorted::Damaged(format!(
            "its header names {} {} of device {}, not the file it is in",
            if header.snapshot { "snapshot" } else { "batch" },
            header.seq,
            header.device
        ));
    }
    Sorted::Whole(header, &bytes[LEN..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header() -> Header {
        Header {
            snapshot: false,
            compressed: false,
            key_id: [3; 16],
            device: DeviceId([9; 8]),
            seq: 4,
            sign_key: [5; 32],
            signature: [6; 64],
        }
    }

    #[test]
    fn a_whole_file_reads_back_and_a_short_one_waits() {
        let file = header().file(b"ciphertext");
        match sort(&file, DeviceId([9; 8]), 4, false) {
            Sorted::Whole(h, body) => {
                assert_eq!(h, header());
                assert_eq!(body, b"ciphertext");
            }
            other => panic!("{other:?}"),
        }
        for cut in [0, 5, 11, 100, file.len() - 1] {
            assert_eq!(
                sort(&file[..cut], DeviceId([9; 8]), 4, false),
                Sorted::Partial
            );
        }
    }

    #[test]
    fn foreign_newer_and_damaged_files_are_named_as_such() {
        let file = header().file(b"ciphertext");
        assert!(matches!(
            sort(b"hello", DeviceId([9; 8]), 4, false),
            Sorted::Foreign(_)
        ));
        let mut newer = file.clone();
        newer[9] = 2;
        assert_eq!(sort(&newer, DeviceId([9; 8]), 4, false), Sorted::Newer(2));
        let mut longer = file.clone();
        longer.push(0);
        assert!(matches!(
            sort(&longer, DeviceId([9; 8]), 4, false),
            Sorted::Damaged(_)
        ));
        assert!(matches!(
            sort(&file, DeviceId([9; 8]), 5, false),
            Sorted::Damaged(_)
        ));
        assert!(matches!(
            sort(&file, DeviceId([8; 8]), 4, false),
            Sorted::Damaged(_)
        ));
    }
}
