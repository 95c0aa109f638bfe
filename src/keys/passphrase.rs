//! Passphrases: held as secrets, read from a file with the permission rules, and checked for
//! strength against what a partner knows.

use std::io::Read;
use std::path::Path;

use age::secrecy::{ExposeSecret, SecretString};

use super::error::KeyError;

/// A passphrase, wiped from memory when dropped, never printed (its `Debug` hides it).
#[derive(Clone)]
pub struct Passphrase(SecretString);

impl std::fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Passphrase(…)")
    }
}

impl Passphrase {
    /// A passphrase as typed; an empty one is refused. Leading and trailing spaces are part
    /// of it (they were typed).
    pub fn new(text: String) -> Result<Passphrase, KeyError> {
        if text.is_empty() {
            return Err(KeyError::Empty);
        }
        Ok(Passphrase(SecretString::from(text)))
    }

    /// Whether two passphrases are the same (the "type it again" check).
    pub fn same_as(&self, other: &Passphrase) -> bool {
        self.0.expose_secret() == other.0.expose_secret()
    }

    /// The journal key in this "passphrase" when it is a recovery code: `None` when it does
    /// not have a recovery code's shape, an error when it does but is mistyped.
    pub fn recovery_key(&self) -> Option<Result<[u8; 32], crate::domain::recovery::CodeError>> {
        let text = self.0.expose_secret();
        crate::domain::recovery::looks_like_a_code(text)
            .then(|| crate::domain::recovery::decode(text))
    }

    pub(super) fn secret(&self) -> &SecretString {
        &self.0
    }
}

/// A passphrase file that works but that other people can read: the caller shows this on
/// standard error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileWarning(pub String);

/// The most of a passphrase file that is read: a passphrase is one line.
const FILE_LIMIT: u64 = 64 * 1024;

/// Reads a passphrase from the file named by the environment variable `var`
/// (`REKINDLE_PASSPHRASE_FILE` or `REKINDLE_NEW_PASSPHRASE_FILE`): its first line, without
/// the line ending. A file that people other than its owner can write is refused (someone
/// could put their own passphrase in it); one they can read is used, with a warning.
pub fn read_passphrase_file(
    var: &'static str,
    path: &Path,
) -> Result<(Passphrase, Option<FileWarning>), KeyError> {
    let refuse = |why: String| KeyError::File {
        var,
        path: path.to_path_buf(),
        why,
    };
    let meta = std::fs::metadata(path).map_err(|e| refuse(io_reason(&e)))?;
    if meta.is_dir() {
        return Err(refuse("is a folder, not a file".to_string()));
    }
    let warning = permission_check(&meta).map_err(refuse)?;
    let file = std::fs::File::open(path).map_err(|e| refuse(io_reason(&e)))?;
    let mut bytes = Vec::new();
    file.take(FILE_LIMIT)
        .read_to_end(&mut bytes)
        .map_err(|e| refuse(io_reason(&e)))?;
    let text =
        String::from_utf8(bytes).map_err(|_| refuse("is not text (UTF-8 expected)".to_string()))?;
    let first = text.split('\n').next().unwrap_or("");
    let first = first.strip_suffix('\r').unwrap_or(first);
    if first.is_empty() {
        return Err(refuse(
            "has an empty first line; put the passphrase on it".to_string(),
        ));
    }
    let passphrase = Passphrase::new(first.to_string())?;
    Ok((
        passphrase,
        warning.map(|who| {
            FileWarning(format!(
                "{var} names {}, which {who} can read; `chmod 600` it",
                path.display()
            ))
        }),
    ))
}

fn io_reason(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "does not exist".to_string(),
        std::io::ErrorKind::PermissionDenied => "rekindle is not allowed to read".to_string(),
        _ => format!("cannot be read ({})", err.kind()),
    }
}

/// `Err(why)` when others can write the file; `Ok(Some(who))` when others can read it.
#[cfg(unix)]
fn permission_check(meta: &std::fs::Metadata) -> Result<Option<&'static str>, String> {
    use std::os::unix::fs::PermissionsExt;
    let mode = meta.permissions().mode();
    // A pipe (`<(…)`, a here-string) belongs to this process's user: nothing to check.
    if !meta.is_file() {
        return Ok(None);
    }
    if mode & 0o022 != 0 {
        return Err(format!(
            "other people can change (mode {:o}); make it yours alone with `chmod 600`",
            mode & 0o777
        ));
    }
    Ok(match (mode & 0o040 != 0, mode & 0o004 != 0) {
        (_, true) => Some("everyone on this computer"),
        (true, false) => Some("its group"),
        (false, false) => None,
    })
}

#[cfg(not(unix))]
fn permission_check(_meta: &std::fs::Metadata) -> Result<Option<&'static str>, String> {
    Ok(None)
}

/// Refuses a passphrase that is easy to guess for someone who knows the couple. `names` are
/// the partners' names (each, and both orders joined, count as known words), `words` the
/// journal's own words (step ids and titles); "rekindle" is always known. The estimate is
/// zxcvbn's: it must say at least 10^10 guesses (its score 3), about a month of one
/// computer's work at this KDF's cost.
pub fn check_strength(
    passphrase: &Passphrase,
    names: &[&str],
    words: &[&str],
) -> Result<(), KeyError> {
    let text = passphrase.0.expose_secret();
    let mut known: Vec<String> = vec!["rekindle".to_string()];
    for name in names {
        known.push(name.to_lowercase());
    }
    for a in names {
        for b in names {
            if a != b {
                known.push(format!("{a}{b}").to_lowercase());
                known.push(format!("{a}and{b}").to_lowercase());
            }
        }
    }
    known.extend(words.iter().map(|w| w.to_lowercase()));
    let known: Vec<&str> = known.iter().map(String::as_str).collect();
    if text.chars().count() < 8 {
        return Err(KeyError::Weak {
            why: "that passphrase is too short: use at least 8 characters, better a few words"
                .to_string(),
        });
    }
    let estimate = zxcvbn::zxcvbn(text, &known);
    if u8::from(estimate.score()) >= 3 {
        return Ok(());
    }
    let lower = text.to_lowercase();
    let about = if names
        .iter()
        .any(|n| !n.is_empty() && lower.contains(&n.to_lowercase()))
    {
        "it leans on your names, which your partner (or anyone who knows you) would try first"
    } else if words
        .iter()
        .chain(["rekindle"].iter())
        .any(|w| lower.contains(&w.to_lowercase()))
    {
        "it leans on words from this journal, which anyone who opens it can see"
    } else {
        weakness(estimate.feedback().and_then(|f| f.warning()))
    };
    Err(KeyError::Weak {
        why: format!(
            "that passphrase would be too easy to guess: {about}; try three or four ordinary \
             words that mean nothing about you"
        ),
    })
}

/// zxcvbn's warning, said plainly.
fn weakness(warning: Option<zxcvbn::feedback::Warning>) -> &'static str {
    use zxcvbn::feedback::Warning as W;
    match warning {
        Some(W::StraightRowsOfKeysAreEasyToGuess | W::ShortKeyboardPatternsAreEasyToGuess) => {
            "it follows the keys of the keyboard"
        }
        Some(
            W::RepeatsLikeAaaAreEasyToGuess | W::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess,
        ) => "it repeats itself",
        Some(W::SequencesLikeAbcAreEasyToGuess) => "it is a sequence like abc or 123",
        Some(W::RecentYearsAreEasyToGuess | W::DatesAreOftenEasyToGuess) => {
            "dates and years are tried early"
        }
        Some(W::ThisIsATop10Password | W::ThisIsATop100Password | W::ThisIsACommonPassword) => {
            "it is one of the most common passwords"
        }
        Some(W::ThisIsSimilarToACommonlyUsedPassword) => "it is close to a common password",
        Some(W::AWordByItselfIsEasyToGuess) => "a single word is tried early",
        Some(
            W::NamesAndSurnamesByThemselvesAreEasyToGuess | W::CommonNamesAndSurnamesAreEasyToGuess,
        ) => "names are tried early",
        _ => "it is not long or unusual enough",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pass(text: &str) -> Passphrase {
        Passphrase::new(text.to_string()).unwrap()
    }

    #[test]
    fn weak_passphrases_are_refused_with_a_reason_in_plain_words() {
        let names = ["Alex", "Sam"];
        let steps = ["responsibility", "forgiveness"];
        for (weak, reason) in [
            ("password1", "common password"),
            ("alex2024", "your names"),
            ("Sam2024", "too short"),
            ("SamAlex2024", "your names"),
            ("rekindle123", "words from this journal"),
            ("forgiveness1", "words from this journal"),
            ("qwertyuiop", "common password"),
            ("aaaaaaaaaaaa", "repeats itself"),
        ] {
            let err = check_strength(&pass(weak), &names, &steps).unwrap_err();
            assert!(matches!(err, KeyError::Weak { .. }), "{weak}: {err:?}");
            assert!(err.is_user_error());
            let text = err.to_string();
            assert!(text.contains(reason), "{weak}: {text}");
            assert!(
                !text.to_lowercase().contains("zxcvbn") && !text.contains("score"),
                "{text}"
            );
        }
        for strong in ["paris-lantern-1987-oak", "correct horse battery staple"] {
            check_strength(&pass(strong), &names, &steps).unwrap();
        }
    }

    #[test]
    fn an_empty_passphrase_is_refused() {
        assert!(matches!(
            Passphrase::new(String::new()).unwrap_err(),
            KeyError::Empty
        ));
        assert!(pass("a b").same_as(&pass("a b")));
        assert!(!pass("a b").same_as(&pass("a  b")));
        assert_eq!(format!("{:?}", pass("secret words")), "Passphrase(…)");
    }

    #[cfg(unix)]
    fn file_with(dir: &Path, body: &[u8], mode: u32) -> std::path::PathBuf {
        use std::os::unix::fs::PermissionsExt;
        let path = dir.join(format!("pass-{mode:o}-{}", body.len()));
        std::fs::write(&path, body).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
        path
    }

    #[cfg(unix)]
    #[test]
    fn a_passphrase_file_gives_its_first_line_and_its_permissions_are_checked() {
        let dir = tempfile::tempdir().unwrap();
        let var = "REKINDLE_PASSPHRASE_FILE";
        let (p, warning) =
            read_passphrase_file(var, &file_with(dir.path(), b" two words \nnext\n", 0o600))
                .unwrap();
        assert!(p.same_as(&pass(" two words ")));
        assert_eq!(warning, None);
        let (p, _) =
            read_passphrase_file(var, &file_with(dir.path(), b"crlf words\r\n", 0o400)).unwrap();
        assert!(p.same_as(&pass("crlf words")));
        let (p, _) =
            read_passphrase_file(var, &file_with(dir.path(), b"no newline", 0o600)).unwrap();
        assert!(p.same_as(&pass("no newline")));

        let (_, warning) =
            read_passphrase_file(var, &file_with(dir.path(), b"readable\n", 0o644)).unwrap();
        let warning = warning.unwrap().0;
        assert!(
            warning.contains("everyone on this computer can read"),
            "{warning}"
        );
        assert!(warning.contains("chmod 600"), "{warning}");
        let (_, warning) =
            read_passphrase_file(var, &file_with(dir.path(), b"group\n", 0o640)).unwrap();
        assert!(warning.unwrap().0.contains("its group can read"));

        for mode in [0o666, 0o620, 0o602] {
            let err =
                read_passphrase_file(var, &file_with(dir.path(), b"open\n", mode)).unwrap_err();
            let text = err.to_string();
            assert!(
                text.starts_with("REKINDLE_PASSPHRASE_FILE names "),
                "{text}"
            );
            assert!(text.contains("other people can change"), "{text}");
            assert!(err.is_user_error());
        }
        for (body, why) in [
            (&b"\nsecond line\n"[..], "empty first line"),
            (&b""[..], "empty first line"),
            (&b"\xff\xfe\n"[..], "not text"),
        ] {
            let err = read_passphrase_file(var, &file_with(dir.path(), body, 0o600)).unwrap_err();
            assert!(err.to_string().contains(why), "{err}");
        }
        let err = read_passphrase_file(var, &dir.path().join("missing")).unwrap_err();
        assert!(err.to_string().ends_with("which does not exist"), "{err}");
        let err = read_passphrase_file(var, dir.path()).unwrap_err();
        assert!(err.to_string().contains("is a folder"), "{err}");
    }
}
