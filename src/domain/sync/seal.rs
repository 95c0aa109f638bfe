//! The cipher and the signatures of a batch. The couple's sync key (the 16 bytes the pairing
//! code carries) gives, through HKDF-SHA256, an age X25519 identity that encrypts and
//! authenticates every batch, and a key id that names the key in the plain header without
//! revealing it. age does not say which device wrote a file, so each device also signs its
//! batches with an Ed25519 key of its own, pinned by the others the first time they see it.
//!
//! Randomness comes from the caller (the store makes keys); this module only computes.

use std::str::FromStr as _;

use bech32::{ToBase32 as _, Variant};
use ed25519_dalek::{Signature, Signer as _, SigningKey, VerifyingKey};
use hkdf::Hkdf;
use sha2::Sha256;

use super::code::Secret;
use super::header::{self, Header};
use crate::domain::hlc::DeviceId;

const SALT: &[u8] = b"rekindle sync v1";

/// The couple's sync key.
#[derive(Clone)]
pub struct SyncKey(Secret);

impl SyncKey {
    pub fn new(secret: Secret) -> SyncKey {
        SyncKey(secret)
    }

    pub fn secret(&self) -> &Secret {
        &self.0
    }

    fn derive<const N: usize>(&self, info: &[u8]) -> [u8; N] {
        let mut out = [0u8; N];
        // 16 or 32 bytes from HKDF-SHA256 never exceed its limit (255 blocks).
        let _ = Hkdf::<Sha256>::new(Some(SALT), &self.0).expand(info, &mut out);
        out
    }

    /// Names this key in the plain header of a batch.
    pub fn key_id(&self) -> [u8; 16] {
        self.derive(b"key id")
    }

    fn identity(&self) -> Result<age::x25519::Identity, String> {
        let bytes: [u8; 32] = self.derive(b"age");
        let text = bech32::encode("age-secret-key-", bytes.to_base32(), Variant::Bech32)
            .map_err(|e| e.to_string())?;
        age::x25519::Identity::from_str(&text.to_uppercase()).map_err(|e| e.to_string())
    }

    /// Encrypts and authenticates `plaintext`.
    pub fn seal(&self, plaintext: &[u8]) -> Result<Vec<u8>, String> {
        let identity = self.identity()?;
        age::encrypt(&identity.to_public(), plaintext).map_err(|e| e.to_string())
    }

    /// Decrypts `ciphertext`; an error when it was changed or made with another key.
    pub fn open(&self, ciphertext: &[u8]) -> Result<Vec<u8>, String> {
        let identity = self.identity()?;
        age::decrypt(&identity, ciphertext).map_err(|e| e.to_string())
    }
}

/// The public half of a device's signing key, from its 32-byte secret.
pub fn public_key(sign_secret: &[u8; 32]) -> [u8; 32] {
    SigningKey::from_bytes(sign_secret)
        .verifying_key()
        .to_bytes()
}

/// Plaintexts longer than this are compressed before they are sealed (a first batch or a
/// snapshot of years of entries shrinks several times; a day's batch is left as it is).
const COMPRESS_ABOVE: usize = 4096;

/// The most a compressed batch may grow to: far beyond a lifetime of entries, and a bound
/// on what a crafted file can make this computer hold.
const LARGEST_PLAINTEXT: u64 = 1 << 30;

fn compress(plaintext: &[u8]) -> Result<Vec<u8>, String> {
    use std::io::Write as _;
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(plaintext).map_err(|e| e.to_string())?;
    z.finish().map_err(|e| e.to_string())
}

fn decompress(bytes: &[u8]) -> Result<Vec<u8>, String> {
    use std::io::Read as _;
    let mut out = Vec::new();
    flate2::read::ZlibDecoder::new(bytes)
        .take(LARGEST_PLAINTEXT + 1)
        .read_to_end(&mut out)
        .map_err(|e| e.to_string())?;
    if out.len() as u64 > LARGEST_PLAINTEXT {
        return Err("it unpacks to more than any journal holds".into());
    }
    Ok(out)
}

/// A whole batch file: `plaintext` sealed with `key`, signed with the device's key.
pub fn batch_file(
    key: &SyncKey,
    sign_secret: &[u8; 32],
    device: DeviceId,
    seq: u64,
    snapshot: bool,
    plaintext: &[u8],
) -> Result<Vec<u8>, String> {
    let compressed = plaintext.len() > COMPRESS_ABOVE;
    let ciphertext = if compressed {
        key.seal(&compress(plaintext)?)?
    } else {
        key.seal(plaintext)?
    };
    let signing = SigningKey::from_bytes(sign_secret);
    let mut header = Header {
        snapshot,
        compressed,
        key_id: key.key_id(),
        device,
        seq,
        sign_key: signing.verifying_key().to_bytes(),
        signature: [0; 64],
    };
    let mut message = header.signed_part(ciphertext.len() as u64);
    message.extend_from_slice(&ciphertext);
    header.signature = signing.sign(&message).to_bytes();
    Ok(header.file(&ciphertext))
}

/// Why a whole batch cannot be applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// Encrypted with a sync key this device does not have.
    OtherKey,
    /// Signed by a key other than the one pinned for its device, or not signed at all.
    Foreign(String),
    /// Its bytes were changed.
    Damaged(String),
}

/// The plaintext of a whole batch, if it was sealed with `key` and signed by its device's key
/// (`pinned`, when this device has seen that device before; else the key it carries).
pub fn open_batch(
    key: &SyncKey,
    header: &Header,
    ciphertext: &[u8],
    pinned: Option<&[u8; 32]>,
) -> Result<Vec<u8>, Unreadable> {
    if header.key_id != key.key_id() {
        return Err(Unreadable::OtherKey);
    }
    if let Some(pinned) = pinned
        && *pinned != header.sign_key
    {
        return Err(Unreadable::Foreign(format!(
            "it is signed with a key that is not the one device {} signs with",
            header.device
        )));
    }
    let verifying = VerifyingKey::from_bytes(&header.sign_key)
        .map_err(|_| Unreadable::Foreign("it carries no valid signing key".into()))?;
    let mut message = header.signed_part(ciphertext.len() as u64);
    message.extend_from_slice(ciphertext);
    verifying
        .verify_strict(&message, &Signature::from_bytes(&header.signature))
        .map_err(|_| Unreadable::Damaged("its signature does not match its bytes".into()))?;
    let plain = key
        .open(ciphertext)
        .map_err(|e| Unreadable::Damaged(format!("it cannot be decrypted ({e})")))?;
    if header.compressed {
        decompress(&plain).map_err(|e| Unreadable::Damaged(format!("it cannot be unpacked ({e})")))
    } else {
        Ok(plain)
    }
}

/// The header length, for sizes in `sync status`.
pub const OVERHEAD: usize = header::LEN;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sync::header::{Sorted, sort};

    fn whole(file: &[u8]) -> (Header, &[u8]) {
        match sort(file, DeviceId([1; 8]), 3, false) {
            Sorted::Whole(h, body) => (h, body),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_batch_opens_with_its_key_and_nothing_else() {
        let key = SyncKey::new([4; 16]);
        let file = batch_file(&key, &[7; 32], DeviceId([1; 8]), 3, false, b"our words").unwrap();
        assert!(!file.windows(9).any(|w| w == b"our words"));
        let (h, body) = whole(&file);
        assert_eq!(open_batch(&key, &h, body, None).unwrap(), b"our words");
        let pinned = public_key(&[7; 32]);
        assert_eq!(
            open_batch(&key, &h, body, Some(&pinned)).unwrap(),
            b"our words"
        );
        let other = SyncKey::new([5; 16]);
        assert_eq!(
            open_batch(&other, &h, body, None),
            Err(Unreadable::OtherKey)
        );
        assert!(matches!(
            open_batch(&key, &h, body, Some(&public_key(&[8; 32]))),
            Err(Unreadable::Foreign(_))
        ));
    }

    #[test]
    fn a_large_batch_is_compressed_and_reads_back_whole() {
        let key = SyncKey::new([4; 16]);
        let plain = "a check-in, a feeling, a promise kept. ".repeat(2000);
        let file =
            batch_file(&key, &[7; 32], DeviceId([1; 8]), 3, false, plain.as_bytes()).unwrap();
        assert!(file.len() < plain.len() / 5, "{} bytes", file.len());
        let (h, body) = whole(&file);
        assert!(h.compressed);
        assert_eq!(open_batch(&key, &h, body, None).unwrap(), plain.as_bytes());
    }

    #[test]
    fn a_changed_byte_is_damage() {
        let key = SyncKey::new([4; 16]);
        let mut file =
            batch_file(&key, &[7; 32], DeviceId([1; 8]), 3, false, b"our words").unwrap();
        let last = file.len() - 1;
        file[last] ^= 1;
        let (h, body) = whole(&file);
        assert!(matches!(
            open_batch(&key, &h, body, None),
            Err(Unreadable::Damaged(_))
        ));
    }

    #[test]
    fn another_device_signing_in_a_members_name_is_foreign() {
        let key = SyncKey::new([4; 16]);
        // Written with the right sync key, but by a device whose key is not the pinned one.
        let file = batch_file(&key, &[9; 32], DeviceId([1; 8]), 3, false, b"x").unwrap();
        let (h, body) = whole(&file);
        assert!(matches!(
            open_batch(&key, &h, body, Some(&public_key(&[7; 32]))),
            Err(Unreadable::Foreign(_))
        ));
    }
}
