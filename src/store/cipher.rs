//! SQLCipher, kept asleep until a journal is encrypted.
//!
//! SQLCipher's own start-up (`sqlcipher_extra_init`, run by SQLite's `SQLITE_EXTRA_INIT` at the
//! first open) asks OpenSSL for random bytes, which starts all of OpenSSL: its providers, its
//! random generator and its configuration file. That was measured at about +1.7 ms for every
//! process, even on a plain journal, and a broken `OPENSSL_CONF` made plain journals print
//! OpenSSL's errors. So `.cargo/config.toml` compiles SQLite with
//! `SQLITE_EXTRA_INIT=rekindle_sqlite_init`, the function below. It registers SQLCipher's own
//! OpenSSL provider with one change, its random source (the kernel's, through `getrandom`,
//! which is also what seeds OpenSSL's generator), and then runs SQLCipher's start-up, which
//! keeps a provider already registered. Every other function of that provider touches OpenSSL
//! only when a page is encrypted or a key derived, so a plain journal never starts it.
//! [`wake_openssl`] starts OpenSSL without reading any configuration file just before a
//! connection is keyed.
//!
//! The provider is a C struct of 17 function pointers and a `next` pointer in SQLCipher 4.14
//! (`struct sqlcipher_provider` in libsqlite3-sys 0.38.2's `sqlcipher/sqlite3.c`); `random` is
//! its fifth member. A test pins `PRAGMA cipher_version` to the version this was checked
//! against, and another that the hook is compiled in: an upgrade of libsqlite3-sys must
//! re-check the struct before changing the pinned version.
//!
//! The plain-SQLite build (`--features plain`) compiles with the same flags, so the hook exists
//! there too and does nothing.

use std::ffi::{c_char, c_int};

/// The SQLCipher version the provider layout above was checked against.
pub const CHECKED_CIPHER_VERSION: &str = "4.14.0 community";

/// Whether this build can open encrypted journals.
pub const AVAILABLE: bool = cfg!(feature = "encryption");

#[cfg(feature = "encryption")]
mod hook {
    use std::ffi::{c_char, c_int, c_void};

    /// `struct sqlcipher_provider` in SQLCipher 4.14: 17 function pointers, then `next`.
    const PROVIDER_WORDS: usize = 18;
    /// init, shutdown, get_provider_name, add_random, random, ...
    const RANDOM_SLOT: usize = 4;
    const SQLITE_OK: c_int = 0;
    const SQLITE_ERROR: c_int = 1;
    const SQLITE_NOMEM: c_int = 7;

    unsafe extern "C" {
        fn sqlite3_malloc(n: c_int) -> *mut c_void;
        fn sqlcipher_openssl_setup(p: *mut c_void) -> c_int;
        fn sqlcipher_register_provider(p: *mut c_void) -> c_int;
        fn sqlcipher_extra_init(arg: *const c_char) -> c_int;
        fn OPENSSL_init_crypto(opts: u64, settings: *const c_void) -> c_int;
    }

    unsafe extern "C" fn kernel_random(_ctx: *mut c_void, buf: *mut c_void, len: c_int) -> c_int {
        let Ok(len) = usize::try_from(len) else {
            return SQLITE_ERROR;
        };
        if len == 0 {
            return SQLITE_OK;
        }
        if buf.is_null() {
            return SQLITE_ERROR;
        }
        // SAFETY: SQLCipher hands a buffer of `len` writable bytes.
        let out = unsafe { std::slice::from_raw_parts_mut(buf.cast::<u8>(), len) };
        match getrandom::getrandom(out) {
            Ok(()) => SQLITE_OK,
            Err(_) => SQLITE_ERROR,
        }
    }

    pub(super) fn init(arg: *const c_char) -> c_int {
        // SAFETY: the struct is allocated with sqlite3_malloc because sqlcipher_extra_shutdown
        // frees it with sqlite3_free; it is zeroed, filled by SQLCipher's own setup, and only
        // its `random` member is replaced, with a function of the same C signature.
        unsafe {
            let words = PROVIDER_WORDS * size_of::<usize>();
            let p = sqlite3_malloc(words as c_int).cast::<usize>();
            if p.is_null() {
                return SQLITE_NOMEM;
            }
            std::ptr::write_bytes(p, 0, PROVIDER_WORDS);
            sqlcipher_openssl_setup(p.cast());
            *p.add(RANDOM_SLOT) = kernel_random as *const () as usize;
            let rc = sqlcipher_register_provider(p.cast());
            if rc != SQLITE_OK {
                return rc;
            }
            sqlcipher_extra_init(arg)
        }
    }

    /// OPENSSL_INIT_NO_LOAD_CONFIG | OPENSSL_INIT_NO_ATEXIT: no configuration file is read (a
    /// broken `OPENSSL_CONF` cannot get in the way), and nothing is torn down at exit.
    pub(super) fn wake_openssl() {
        const NO_LOAD_CONFIG: u64 = 0x0000_0080;
        const NO_ATEXIT: u64 = 0x0008_0000;
        // SAFETY: documented as safe to call more than once and from any thread.
        unsafe {
            OPENSSL_init_crypto(NO_LOAD_CONFIG | NO_ATEXIT, std::ptr::null());
        }
    }
}

/// Runs inside `sqlite3_initialize()` in place of `sqlcipher_extra_init`.
#[unsafe(no_mangle)]
pub extern "C" fn rekindle_sqlite_init(arg: *const c_char) -> c_int {
    #[cfg(feature = "encryption")]
    {
        hook::init(arg)
    }
    #[cfg(not(feature = "encryption"))]
    {
        let _ = arg;
        0
    }
}

/// Starts OpenSSL (without its configuration file) before the first key is given to SQLite.
pub fn wake_openssl() {
    #[cfg(feature = "encryption")]
    hook::wake_openssl();
}

#[cfg(not(any(feature = "encryption", feature = "plain")))]
compile_error!(
    "rekindle needs one of the features `encryption` (the default) or `plain` to choose its SQLite"
);

/// The random key an encrypted journal is encrypted with, given to SQLCipher as it is (a raw
/// key: no second key derivation). Wiped from memory when dropped.
pub struct DbKey([u8; 32]);

impl DbKey {
    pub const LEN: usize = 32;

    /// A new key from the kernel's random source.
    pub fn random() -> std::io::Result<DbKey> {
        let mut bytes = [0u8; Self::LEN];
        getrandom::getrandom(&mut bytes).map_err(|e| std::io::Error::other(e.to_string()))?;
        Ok(DbKey(bytes))
    }

    pub fn from_bytes(bytes: [u8; Self::LEN]) -> DbKey {
        DbKey(bytes)
    }

    /// From a slice of exactly 32 bytes.
    pub fn from_slice(bytes: &[u8]) -> Option<DbKey> {
        <[u8; Self::LEN]>::try_from(bytes).ok().map(DbKey)
    }

    pub fn as_bytes(&self) -> &[u8; Self::LEN] {
        &self.0
    }

    /// The `PRAGMA key` value: `x'<64 hex digits>'`, which SQLCipher takes as the raw key.
    fn pragma_value(&self) -> Secret {
        let mut text = String::with_capacity(67);
        text.push_str("x'");
        for b in self.0 {
            text.push(char::from(HEX[usize::from(b >> 4)]));
            text.push(char::from(HEX[usize::from(b & 15)]));
        }
        text.push('\'');
        Secret(text)
    }
}

impl Drop for DbKey {
    fn drop(&mut self) {
        wipe(&mut self.0);
    }
}

impl std::fmt::Debug for DbKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DbKey(…)")
    }
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// A string wiped when dropped.
struct Secret(String);

impl Drop for Secret {
    fn drop(&mut self) {
        // SAFETY: overwriting with zero bytes keeps the string valid UTF-8.
        wipe(unsafe { self.0.as_bytes_mut() });
    }
}

fn wipe(bytes: &mut [u8]) {
    for b in bytes.iter_mut() {
        // SAFETY: a valid, aligned pointer to a byte we own; volatile so it is not elided.
        unsafe { std::ptr::write_volatile(b, 0) };
    }
    std::sync::atomic::compiler_fence(std::sync::atomic::Ordering::SeqCst);
}

/// Gives `conn` the journal's key: SQLCipher's log is silenced first (a wrong key would
/// otherwise print SQLCipher's own lines), then the raw key. A wrong key is noticed only at
/// the first read, which fails with "file is not a database"; such a connection must be
/// dropped (its later queries fail with "out of memory").
pub fn key_connection(conn: &rusqlite::Connection, key: &DbKey) -> rusqlite::Result<()> {
    if !AVAILABLE {
        return Err(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_MISUSE),
            Some("this rekindle was built without encryption".into()),
        ));
    }
    wake_openssl();
    conn.execute_batch("PRAGMA cipher_log_level = NONE")?;
    let value = key.pragma_value();
    conn.execute_batch(&format!("PRAGMA key = \"{}\"", value.0))
}

/// What a file is, from its first bytes alone (no SQLite, no key, no OpenSSL).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// An ordinary SQLite database (it starts with SQLite's header).
    Plain,
    /// No SQLite header, but the shape of an SQLCipher database: whole pages of what looks like
    /// noise, at least one. (Any other file of that shape is taken for one too, until a key
    /// fails to open it.)
    Encrypted,
    /// Empty, too short, or not made of whole pages.
    Neither,
}

/// SQLCipher's page size (its default, which rekindle keeps).
pub const PAGE_SIZE: u64 = 4096;

/// The format of the file at `path`, or `None` when it cannot be read.
pub fn format_of(path: &std::path::Path) -> Option<Format> {
    let meta = std::fs::metadata(path).ok()?;
    // A pipe or a device is never read here: reading a pipe would wait for a writer.
    if !meta.is_file() {
        return Some(Format::Neither);
    }
    let len = meta.len();
    let head = super::files::head(path, 16)?;
    Some(if head.as_slice() == super::files::SQLITE_HEADER {
        Format::Plain
    } else if len >= PAGE_SIZE && len % 512 == 0 {
        Format::Encrypted
    } else {
        Format::Neither
    })
}

/// Whether the file at `path` looks like an encrypted journal (see [`Format::Encrypted`]).
pub fn looks_encrypted(path: &std::path::Path) -> bool {
    format_of(path) == Some(Format::Encrypted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::Connection;

    fn pragma(conn: &Connection, name: &str) -> Vec<String> {
        let mut stmt = conn.prepare(&format!("PRAGMA {name}")).unwrap();
        stmt.query_map([], |r| r.get::<_, String>(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    }

    #[test]
    fn sqlite_is_compiled_to_call_rekindles_start_up_hook() {
        // .cargo/config.toml sets LIBSQLITE3_FLAGS; built from outside the repository (or with
        // the variable overridden) SQLCipher would start OpenSSL in every process again.
        let conn = Connection::open_in_memory().unwrap();
        let options = pragma(&conn, "compile_options");
        assert!(
            options
                .iter()
                .any(|o| o == "EXTRA_INIT=rekindle_sqlite_init"),
            "{options:?}"
        );
    }

    #[cfg(feature = "encryption")]
    #[test]
    fn sqlcipher_is_the_version_the_start_up_hook_was_checked_against() {
        // The hook writes into SQLCipher's provider struct by position: a new SQLCipher must
        // be checked (src/store/cipher.rs, top) before this version is changed.
        let conn = Connection::open_in_memory().unwrap();
        assert_eq!(pragma(&conn, "cipher_version"), [CHECKED_CIPHER_VERSION]);
        assert!(
            pragma(&conn, "compile_options")
                .iter()
                .any(|o| o == "HAS_CODEC"),
        );
    }

    #[cfg(feature = "encryption")]
    #[test]
    fn a_raw_key_opens_what_it_wrote_and_another_key_fails_at_the_first_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k.db");
        let key = DbKey::random().unwrap();
        let conn = Connection::open(&path).unwrap();
        key_connection(&conn, &key).unwrap();
        conn.execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES ('lanternfish');")
            .unwrap();
        drop(conn);
        let bytes = std::fs::read(&path).unwrap();
        assert_eq!(format_of(&path), Some(Format::Encrypted));
        assert!(!bytes.windows(11).any(|w| w == b"lanternfish"));
        assert!(!bytes.starts_with(b"SQLite format 3"));
        // SQLCipher's random source is the kernel's: every page has its own random IV, so
        // the file is not mostly zeros.
        assert!(bytes.iter().filter(|b| **b == 0).count() < bytes.len() / 4);

        let again = Connection::open(&path).unwrap();
        key_connection(&again, &DbKey::from_bytes(*key.as_bytes())).unwrap();
        let x: String = again
            .query_row("SELECT x FROM t", [], |r| r.get(0))
            .unwrap();
        assert_eq!(x, "lanternfish");

        let wrong = Connection::open(&path).unwrap();
        key_connection(&wrong, &DbKey::random().unwrap()).unwrap();
        let err = wrong
            .query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
                r.get::<_, i64>(0)
            })
            .unwrap_err();
        assert_eq!(
            err.sqlite_error_code(),
            Some(rusqlite::ErrorCode::NotADatabase)
        );
    }

    #[test]
    fn formats_are_told_apart_by_their_first_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let plain = dir.path().join("p.db");
        Connection::open(&plain)
            .unwrap()
            .execute_batch("CREATE TABLE t(x)")
            .unwrap();
        assert_eq!(format_of(&plain), Some(Format::Plain));
        let short = dir.path().join("short");
        std::fs::write(&short, b"hello").unwrap();
        assert_eq!(format_of(&short), Some(Format::Neither));
        let noise = dir.path().join("noise");
        std::fs::write(&noise, vec![7u8; 8192]).unwrap();
        assert_eq!(format_of(&noise), Some(Format::Encrypted));
        assert_eq!(format_of(&dir.path().join("none")), None);
    }
}
