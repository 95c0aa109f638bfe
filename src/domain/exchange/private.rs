//! Private words in an export document, for every kind of record that can hold them (a
//! check-in's words now; notes and feelings use the same three fields).
//!
//! A private record keeps its normal fields, with its private text fields `null`, and says
//! `"private": true`. The JSON export (the couple's backup) adds `"ciphertext"`: the age
//! ciphertext exactly as the journal stores it, in base64 (standard alphabet, padded), so a
//! journal rebuilt from the backup gives the words back to their author. A sync batch carries
//! the stub only (`"ciphertext": null`): private words never leave the device they were
//! written on, while the record's shared parts do. A journal that holds a stub knows that
//! there are private words, and that they are elsewhere.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};

use super::{Place, Problem};

/// The private part of a record, as an export record carries it (flattened into the record).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Privacy {
    /// Whether the record's words are private: its text fields are then `null`.
    #[serde(default)]
    pub private: bool,
    /// The stored ciphertext of the private words, in base64; `null` when the record is not
    /// private, and in a stub (a sync batch, or a journal that holds only the stub).
    #[serde(default)]
    pub ciphertext: Option<String>,
    /// The day private words were shared with `reveal`; absent when they never were.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revealed_on: Option<String>,
}

/// What a version says of its private words, as the journal stores them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Held {
    /// Not private: the words are in the record's text fields.
    Shared,
    /// Private, the words elsewhere (a stub): a journal that holds them keeps them.
    Stub,
    /// Private, with the ciphertext.
    Ciphertext(Vec<u8>),
}

impl Privacy {
    /// From the stored column: `None` is not private, empty bytes a stub (the words are on
    /// another device), anything else the ciphertext.
    pub fn from_stored(stored: Option<&[u8]>, revealed_on: Option<String>) -> Privacy {
        Privacy {
            private: stored.is_some(),
            ciphertext: stored.filter(|b| !b.is_empty()).map(|b| STANDARD.encode(b)),
            revealed_on,
        }
    }

    /// What to store (the document was checked, so the base64 is known to decode).
    pub fn held(&self) -> Held {
        match (&self.private, &self.ciphertext) {
            (false, _) => Held::Shared,
            (true, None) => Held::Stub,
            (true, Some(text)) => match STANDARD.decode(text) {
                Ok(bytes) if !bytes.is_empty() => Held::Ciphertext(bytes),
                _ => Held::Stub,
            },
        }
    }

    /// The stub of these words: the record stays private, the ciphertext is dropped.
    pub fn strip(&mut self) {
        self.ciphertext = None;
    }

    /// A private record holds no words in the open, and its ciphertext (when present) is
    /// base64 of an age file; a record that is not private has none.
    pub(super) fn check(&self, at: &Place, words: &[(&str, bool)]) -> Result<(), Problem> {
        if !self.private {
            if self.ciphertext.is_some() {
                return Err(Problem::at(
                    &at.field("ciphertext"),
                    "a record that is not private has no ciphertext (null); set \"private\": true or remove it",
                ));
            }
            return Ok(());
        }
        if let Some((field, _)) = words.iter().find(|(_, present)| *present) {
            return Err(Problem::at(
                &at.field(*field),
                "a private record keeps its words only as ciphertext, so this must be null",
            ));
        }
        if let Some(text) = &self.ciphertext {
            let bytes = STANDARD.decode(text).map_err(|_| {
                Problem::at(
                    &at.field("ciphertext"),
                    "is not base64 (standard alphabet, with padding)",
                )
            })?;
            if !bytes.starts_with(b"age-encryption.org/v1\n") {
                return Err(Problem::at(
                    &at.field("ciphertext"),
                    "is not private words as rekindle encrypts them (an age file)",
                ));
            }
        }
        Ok(())
    }
}

/// The stub of a version's JSON (a revision's record, or any record): its ciphertext, when it
/// has one, becomes `null`; nothing else changes.
pub fn strip_value(value: &mut serde_json::Value) {
    if let Some(object) = value.as_object_mut()
        && let Some(c) = object.get_mut("ciphertext")
    {
        *c = serde_json::Value::Null;
    }
}

/// Base64 as the export writes binary data (standard alphabet, padded).
pub fn encode(bytes: &[u8]) -> String {
    STANDARD.encode(bytes)
}

/// Base64 as the export writes it; `None` when it is not.
pub fn decode(text: &str) -> Option<Vec<u8>> {
    STANDARD.decode(text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::kind::RecordKind;

    fn age(words: &[u8]) -> Vec<u8> {
        [b"age-encryption.org/v1\n".as_slice(), words].concat()
    }

    #[test]
    fn stored_bytes_become_base64_a_stub_or_nothing_and_back() {
        let c = age(b"\x00\xffsealed");
        let full = Privacy::from_stored(Some(&c), None);
        assert!(full.private);
        assert_eq!(full.held(), Held::Ciphertext(c.clone()));
        assert_eq!(
            decode(full.ciphertext.as_deref().unwrap()).as_deref(),
            Some(c.as_slice())
        );
        let stub = Privacy::from_stored(Some(b""), None);
        assert_eq!((stub.private, stub.ciphertext.as_deref()), (true, None));
        assert_eq!(stub.held(), Held::Stub);
        assert_eq!(Privacy::from_stored(None, None).held(), Held::Shared);
        let mut stripped = full.clone();
        stripped.strip();
        assert_eq!(stripped, stub);
    }

    #[test]
    fn a_private_record_with_open_words_or_a_stray_ciphertext_is_refused() {
        let at = Place::new(RecordKind::Checkin, 0);
        let mut p = Privacy::from_stored(Some(&age(b"x")), None);
        assert!(p.check(&at, &[("answer", false)]).is_ok());
        assert_eq!(
            p.check(&at, &[("answer", true)]).unwrap_err().to_string(),
            "checkins[0].answer: a private record keeps its words only as ciphertext, so this must be null"
        );
        p.ciphertext = Some("not base64!".into());
        assert!(
            p.check(&at, &[])
                .unwrap_err()
                .to_string()
                .contains("not base64")
        );
        p.ciphertext = Some(encode(b"plain words"));
        assert!(p.check(&at, &[]).unwrap_err().to_string().contains("age"));
        let stray = Privacy {
            private: false,
            ciphertext: Some(encode(&age(b"x"))),
            revealed_on: None,
        };
        assert!(stray.check(&at, &[]).is_err());
    }

    #[test]
    fn a_json_value_loses_its_ciphertext_and_keeps_the_rest() {
        let mut value = serde_json::json!({"trust": 6, "private": true, "ciphertext": "YWdl"});
        strip_value(&mut value);
        assert_eq!(
            value,
            serde_json::json!({"trust": 6, "private": true, "ciphertext": null})
        );
        // Whatever says it is not private still sends no ciphertext.
        let mut shared = serde_json::json!({"private": false, "ciphertext": "odd"});
        strip_value(&mut shared);
        assert_eq!(shared["ciphertext"], serde_json::Value::Null);
    }
}
