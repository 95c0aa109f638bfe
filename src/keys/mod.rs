//! Keys: a partner's age X25519 identity, wrapped under their passphrase, and the text
//! encrypted to it. Everything cryptographic in rekindle goes through this module, so the
//! rest of the program never sees a cipher, a KDF parameter or one of age's messages.
//!
//! - [`Identity::generate`] makes a key pair; [`Identity::wrap`] seals its secret half under
//!   a [`Passphrase`] with scrypt ([`Cost`]); [`Identity::unwrap`] opens it again.
//! - [`Recipient`] is the public half: [`encrypt`] needs only recipients, so writing private
//!   text never asks for a passphrase; [`Identity::decrypt`] reads it back.
//! - [`Passphrase`] is read from a file ([`read_passphrase_file`], with its permission rules)
//!   or typed in a terminal (the prompter), and checked with [`check_strength`] before it is
//!   first used.
//!
//! Errors are [`KeyError`], in rekindle's own words; [`KeyError::is_user_error`] says which
//! ones are the user's to fix (exit 2).

mod cipher;
mod error;
mod passphrase;

pub use cipher::{Cost, Identity, Recipient, encrypt};
pub use error::KeyError;
pub use passphrase::{FileWarning, Passphrase, check_strength, read_passphrase_file};
