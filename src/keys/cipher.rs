//! The age side: a partner's X25519 identity, its public recipient, wrapping the identity
//! under a passphrase with scrypt, and encrypting text to recipients.

use std::io::Write;
use std::str::FromStr;

use age::secrecy::ExposeSecret;

use super::error::KeyError;
use super::passphrase::Passphrase;

/// scrypt's work factor (log2 of N) for a new wrap: 64 MiB of memory and about 0.2–0.35 s
/// on the reference machine (notes/crypto-spike.md §3.1), inside "about 0.2–0.4 s".
const STANDARD_WORK_FACTOR: u8 = 16;
/// The most a stored wrap may ask for when it is opened (256 MiB, under a second): a damaged
/// or hostile record cannot make rekindle work for minutes. The factor is stored in each wrap,
/// so wraps made later at a higher cost (up to this) open without a format change.
pub(super) const MAX_WORK_FACTOR: u8 = 18;
/// The tests' cheap factor (1 MiB, about 2 ms): only in builds with debug assertions.
#[cfg(debug_assertions)]
const CHEAP_WORK_FACTOR: u8 = 10;

/// How costly wrapping a new identity is. A release build has only [`Cost::Standard`]: the
/// cheap variant is not even compiled there, so no setting can select it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Cost {
    #[default]
    Standard,
    /// For tests only (debug builds): a wrap that takes milliseconds.
    #[cfg(debug_assertions)]
    Cheap,
}

impl Cost {
    fn work_factor(self) -> u8 {
        match self {
            Cost::Standard => STANDARD_WORK_FACTOR,
            #[cfg(debug_assertions)]
            Cost::Cheap => CHEAP_WORK_FACTOR,
        }
    }
}

/// A partner's secret key (age X25519). Its secret half is wiped from memory when dropped.
pub struct Identity(age::x25519::Identity);

/// The public half of an [`Identity`]: anyone may encrypt to it. Its text form is age's
/// `age1…` (62 characters), which is what the journal stores.
#[derive(Clone, PartialEq, Eq)]
pub struct Recipient(age::x25519::Recipient);

impl std::fmt::Debug for Identity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Identity(…)")
    }
}

impl std::fmt::Debug for Recipient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Recipient({})", self.0)
    }
}

impl std::fmt::Display for Recipient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl Recipient {
    /// Reads the `age1…` text form, as stored.
    pub fn parse(text: &str) -> Result<Recipient, KeyError> {
        age::x25519::Recipient::from_str(text.trim())
            .map(Recipient)
            .map_err(|_| KeyError::Damaged {
                what: "a public key that is not an age key",
            })
    }
}

impl Identity {
    /// A new random identity.
    pub fn generate() -> Identity {
        Identity(age::x25519::Identity::generate())
    }

    /// Its public half.
    pub fn recipient(&self) -> Recipient {
        Recipient(self.0.to_public())
    }

    /// The secret half sealed under `passphrase` (scrypt at `cost`, the factor recorded in
    /// the result): about 256 bytes, safe to store beside the journal's shared records.
    pub fn wrap(&self, passphrase: &Passphrase, cost: Cost) -> Result<Vec<u8>, KeyError> {
        let mut recipient = age::scrypt::Recipient::new(passphrase.secret().clone());
        recipient.set_work_factor(cost.work_factor());
        let secret = self.0.to_string();
        age::encrypt(&recipient, secret.expose_secret().as_bytes())
            .map_err(|e| KeyError::Encrypt(encrypt_failure(&e)))
    }

    /// Opens a wrapped identity with `passphrase`. A wrong passphrase is
    /// [`KeyError::WrongPassphrase`] and takes as long as a right one.
    pub fn unwrap(wrapped: &[u8], passphrase: &Passphrase) -> Result<Identity, KeyError> {
        let mut identity = age::scrypt::Identity::new(passphrase.secret().clone());
        identity.set_max_work_factor(MAX_WORK_FACTOR);
        let secret = age::decrypt(&identity, wrapped).map_err(|err| match err {
            age::DecryptError::DecryptionFailed
            | age::DecryptError::KeyDecryptionFailed
            | age::DecryptError::InvalidMac => KeyError::WrongPassphrase,
            age::DecryptError::ExcessiveWork { required, .. } => KeyError::TooCostly {
                required,
                allowed: MAX_WORK_FACTOR,
            },
            other => damaged(other),
        })?;
        let text = String::from_utf8(secret).map_err(|_| KeyError::Damaged {
            what: "the unlocked key is not text",
        })?;
        let identity =
            age::x25519::Identity::from_str(text.trim()).map_err(|_| KeyError::Damaged {
                what: "the unlocked key is not an age key",
            })?;
        // `text` held the secret: age keeps its own copy wiped, and this one is dropped here.
        drop(text);
        Ok(Identity(identity))
    }

    /// Reads text encrypted to this identity's recipient.
    pub fn decrypt(&self, ciphertext: &[u8]) -> Result<Vec<u8>, KeyError> {
        age::decrypt(&self.0, ciphertext).map_err(|err| match err {
            age::DecryptError::NoMatchingKeys => KeyError::NotForThisKey,
            other => damaged(other),
        })
    }
}

/// Encrypts `plaintext` so that any one of `recipients` can read it (about 80 µs for one
/// recipient and a short text; about 220 bytes more than the text).
pub fn encrypt(recipients: &[&Recipient], plaintext: &[u8]) -> Result<Vec<u8>, KeyError> {
    let list: Vec<&dyn age::Recipient> = recipients
        .iter()
        .map(|r| &r.0 as &dyn age::Recipient)
        .collect();
    let encryptor = age::Encryptor::with_recipients(list.into_iter())
        .map_err(|e| KeyError::Encrypt(encrypt_failure(&e)))?;
    let mut out = Vec::with_capacity(plaintext.len() + 256);
    let mut writer = encryptor
        .wrap_output(&mut out)
        .map_err(|e| KeyError::Encrypt(e.kind().to_string()))?;
    writer
        .write_all(plaintext)
        .and_then(|()| writer.finish().map(|_| ()))
        .map_err(|e| KeyError::Encrypt(e.kind().to_string()))?;
    Ok(out)
}

fn damaged(err: age::DecryptError) -> KeyError {
    KeyError::Damaged {
        what: match err {
            age::DecryptError::InvalidHeader | age::DecryptError::UnknownFormat => {
                "not an encrypted record rekindle can read"
            }
            // The payload's authentication fails as a read error inside age's stream.
            age::DecryptError::Io(_)
            | age::DecryptError::DecryptionFailed
            | age::DecryptError::InvalidMac => "the encrypted record was changed or cut short",
            _ => "an unreadable encrypted record",
        },
    }
}

/// age's encrypt errors say nothing a user could act on; only the kind is kept.
fn encrypt_failure(err: &age::EncryptError) -> String {
    match err {
        age::EncryptError::MissingRecipients => "no one to encrypt to".to_string(),
        age::EncryptError::Io(e) => e.kind().to_string(),
        _ => "the encryptor refused its recipients".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pass(text: &str) -> Passphrase {
        Passphrase::new(text.to_string()).unwrap()
    }

    #[test]
    fn a_wrapped_identity_opens_with_its_passphrase_only() {
        let id = Identity::generate();
        let wrapped = id
            .wrap(&pass("quiet harbour lantern"), Cost::Cheap)
            .unwrap();
        let text = String::from_utf8_lossy(&wrapped);
        assert!(
            !text.contains("AGE-SECRET-KEY"),
            "the secret is not in the wrap"
        );
        let opened = Identity::unwrap(&wrapped, &pass("quiet harbour lantern")).unwrap();
        assert_eq!(opened.recipient(), id.recipient());
        let wrong = Identity::unwrap(&wrapped, &pass("quiet harbour lanterns")).unwrap_err();
        assert!(matches!(wrong, KeyError::WrongPassphrase), "{wrong:?}");
        assert!(wrong.is_user_error());
    }

    #[test]
    fn the_cost_is_recorded_in_the_wrap() {
        let id = Identity::generate();
        let cheap = id
            .wrap(&pass("quiet harbour lantern"), Cost::Cheap)
            .unwrap();
        assert!(String::from_utf8_lossy(&cheap).contains(" 10\n"));
        let standard = id
            .wrap(&pass("quiet harbour lantern"), Cost::Standard)
            .unwrap();
        assert!(String::from_utf8_lossy(&standard).contains(" 16\n"));
        let opened = Identity::unwrap(&standard, &pass("quiet harbour lantern")).unwrap();
        assert_eq!(opened.recipient(), id.recipient());
    }

    #[test]
    fn a_wrap_asking_for_too_much_work_is_refused_unopened() {
        let id = Identity::generate();
        let wrapped = id
            .wrap(&pass("quiet harbour lantern"), Cost::Cheap)
            .unwrap();
        // Rewrite the stored factor (in the header, before the MAC) from 10 to 22.
        let text = String::from_utf8_lossy(&wrapped).into_owned();
        let at = text.find(" 10\n").unwrap();
        let mut hostile = wrapped.clone();
        hostile[at + 1..at + 3].copy_from_slice(b"22");
        let err = Identity::unwrap(&hostile, &pass("quiet harbour lantern")).unwrap_err();
        assert!(
            matches!(
                err,
                KeyError::TooCostly {
                    required: 22,
                    allowed: 18
                }
            ),
            "{err:?}"
        );
        assert!(!err.to_string().contains('\u{2068}'));
    }

    #[test]
    fn damaged_wraps_and_ciphertexts_say_so_in_our_words() {
        let err = Identity::unwrap(b"not age at all", &pass("quiet harbour lantern")).unwrap_err();
        assert!(matches!(err, KeyError::Damaged { .. }), "{err:?}");
        assert!(!err.is_user_error());
        let id = Identity::generate();
        let mut sealed = encrypt(&[&id.recipient()], b"for me").unwrap();
        let last = sealed.len() - 1;
        sealed[last] ^= 1;
        let err = id.decrypt(&sealed).unwrap_err();
        assert_eq!(
            err.to_string(),
            "stored key data is damaged (the encrypted record was changed or cut short)"
        );
    }

    #[test]
    fn text_encrypted_to_a_recipient_is_read_by_its_identity_only() {
        let sam = Identity::generate();
        let alex = Identity::generate();
        let words = "I was not ready to say this aloud";
        let sealed = encrypt(&[&sam.recipient()], words.as_bytes()).unwrap();
        assert!(!String::from_utf8_lossy(&sealed).contains("ready"));
        assert_eq!(sam.decrypt(&sealed).unwrap(), words.as_bytes());
        let err = alex.decrypt(&sealed).unwrap_err();
        assert!(matches!(err, KeyError::NotForThisKey), "{err:?}");
        // Two recipients: either one reads it (the database key of an encrypted journal).
        let both = encrypt(&[&sam.recipient(), &alex.recipient()], b"key").unwrap();
        assert_eq!(sam.decrypt(&both).unwrap(), b"key");
        assert_eq!(alex.decrypt(&both).unwrap(), b"key");
        assert!(matches!(
            encrypt(&[], b"x").unwrap_err(),
            KeyError::Encrypt(_)
        ));
    }

    #[test]
    fn a_recipient_round_trips_through_its_text_form() {
        let id = Identity::generate();
        let text = id.recipient().to_string();
        assert!(text.starts_with("age1") && text.len() == 62, "{text}");
        assert_eq!(Recipient::parse(&text).unwrap(), id.recipient());
        assert!(matches!(
            Recipient::parse("age1nope").unwrap_err(),
            KeyError::Damaged { .. }
        ));
        assert_eq!(format!("{:?}", id), "Identity(…)");
    }
}
