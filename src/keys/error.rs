//! What can go wrong with keys and passphrases, in rekindle's own words. age's own messages
//! are never shown: they name age's internals, and some of them read badly ("would take
//! around -2147483648 seconds"), so each kind of failure is mapped to a sentence here.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    /// The passphrase does not open this key.
    #[error("that passphrase is not the right one")]
    WrongPassphrase,
    /// A wrapped key asks for more work than rekindle allows (a damaged or hostile record).
    #[error(
        "this key asks for more unlocking work than rekindle allows (cost {required}, at most \
         {allowed}); the record may be damaged"
    )]
    TooCostly { required: u8, allowed: u8 },
    /// Encrypted text that this identity cannot open: made for another key.
    #[error("this private text was written with another key and cannot be read with this one")]
    NotForThisKey,
    /// Stored key material or encrypted text that is not in a form rekindle wrote.
    #[error("stored key data is damaged ({what})")]
    Damaged { what: &'static str },
    /// A passphrase that is too easy to guess; `why` is a plain sentence.
    #[error("{why}")]
    Weak { why: String },
    /// The passphrase given is empty.
    #[error("a passphrase cannot be empty")]
    Empty,
    /// A passphrase file that cannot be used: `why` says what is wrong with it.
    #[error("{var} names {}, which {why}", path.display())]
    File {
        var: &'static str,
        path: PathBuf,
        why: String,
    },
    /// Encrypting failed in a way no input explains (a bug, or no randomness).
    #[error("could not encrypt: {0}")]
    Encrypt(String),
}

impl KeyError {
    /// Whether this is the user's to fix (exit 2): a wrong or weak passphrase, a passphrase
    /// file that cannot be used. Damaged key material is not (exit 1).
    pub fn is_user_error(&self) -> bool {
        matches!(
            self,
            KeyError::WrongPassphrase
                | KeyError::Weak { .. }
                | KeyError::Empty
                | KeyError::File { .. }
        )
    }
}
