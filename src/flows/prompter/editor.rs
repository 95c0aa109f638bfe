//! The user's editor, for an answer longer than a line: `$VISUAL`, `$EDITOR` or `vi` on a
//! file in a private temporary folder. A missing or failing editor is an [`Edited::Failed`],
//! never an error, so a guided flow can go on without it.
//!
//! The folder (`rekindle-edit-<pid>-XXXXXX`, mode 0700, in `$TMPDIR`) keeps the answer from
//! other users while it is being written, and the editor's own swap and backup files with
//! it. It is removed on every way out: when the editor is done, when the flow fails, and
//! when rekindle is interrupted (the interrupt handler removes what [`cleanup`] tracks). A
//! folder left by a process killed outright is removed the next time the editor is opened.

use std::ffi::{OsStr, OsString};
use std::io::{self, Write as _};
use std::os::unix::fs::OpenOptionsExt as _;
use std::path::Path;

use super::Edited;
use crate::store::cleanup;
use crate::text::sanitize;

/// The editor rekindle opens: `$VISUAL`, else `$EDITOR`, else `vi`, as most command-line
/// programs choose. A blank value counts as unset.
pub fn editor_command(visual: Option<OsString>, editor: Option<OsString>) -> OsString {
    let set = |v: &Option<OsString>| {
        v.as_ref()
            .filter(|v| !v.to_string_lossy().trim().is_empty())
            .cloned()
    };
    set(&visual)
        .or_else(|| set(&editor))
        .unwrap_or_else(|| OsString::from("vi"))
}

/// The comment lines at the top of the file: the question, and that these lines go.
fn header(about: &str) -> Vec<String> {
    let mut lines: Vec<String> = about
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| format!("# {}", sanitize::line(l.trim())))
        .collect();
    lines.push("# Write below. Lines starting with # are left out; an empty file skips it.".into());
    lines
}

/// What the editor left, without the comment lines rekindle wrote (only lines starting with
/// `#` that are exactly those, so a line of the user's own that starts with `#` stays) and
/// without the blank lines around the text.
pub fn without_header(text: &str, about: &str) -> String {
    let ours = header(about);
    let kept: Vec<&str> = text
        .lines()
        .filter(|l| !ours.iter().any(|h| h.as_str() == l.trim_end()))
        .collect();
    kept.join("\n").trim_matches(['\n', '\r']).to_string()
}

/// Opens `command` on a file holding `about` as comment lines and `initial` below them, in a
/// private folder made in `temp`, and returns what it holds afterwards without those lines.
/// The command may carry arguments (`code --wait`), split as a shell would. Whatever goes
/// wrong is one sentence naming the editor: the caller offers to type instead.
pub fn edit(command: &OsStr, initial: &str, about: &str, temp: &Path) -> Edited {
    let name = sanitize::line(&command.to_string_lossy()).into_owned();
    let (program, args) = match command.to_str().map(shell_words::split) {
        Some(Ok(mut words)) if !words.is_empty() => {
            let program = OsString::from(words.remove(0));
            (program, words)
        }
        // Not valid UTF-8, or quotes that do not close: run it as one program name.
        _ => (command.to_os_string(), Vec::new()),
    };
    let failed = |why: String| Edited::Failed { why, left: None };
    cleanup::sweep_editor_folders(temp);
    // A folder only you can open (0700), which tempfile removes when dropped; tracked
    // before it is made, and dropped after it is removed (declared first).
    let start = format!("{}{}-", cleanup::EDITOR_PREFIX, std::process::id());
    let _tracked = cleanup::track(&temp.join(&start));
    let folder = match tempfile::Builder::new()
        .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700))
        .prefix(&start)
        .tempdir_in(temp)
    {
        Ok(folder) => folder,
        Err(e) => {
            return failed(format!(
                "Could not make a private folder for your editor in {} ({e}).",
                temp.display()
            ));
        }
    };
    let path = folder.path().join("answer.md");
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&path)
        .and_then(|mut file| {
            let start = format!("{}\n\n{initial}", header(about).join("\n"));
            file.write_all(start.as_bytes()).and_then(|()| file.flush())
        });
    if let Err(e) = written {
        return failed(format!(
            "Could not make a file for your editor to open ({e})."
        ));
    }
    let status = std::process::Command::new(&program)
        .args(&args)
        .arg(&path)
        .status();
    match status {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return failed(format!(
                "Could not start your editor \"{name}\": there is no such program."
            ));
        }
        Err(e) => {
            return failed(format!("Could not start your editor \"{name}\" ({e})."));
        }
        Ok(status) if !status.success() => {
            // What it wrote before failing is offered back, never thrown away.
            let left = std::fs::read_to_string(&path)
                .ok()
                .map(|t| without_header(&t, about))
                .filter(|t| !t.trim().is_empty() && t != initial.trim_end_matches(['\n', '\r']));
            return Edited::Failed {
                why: format!("Your editor \"{name}\" stopped with an error."),
                left,
            };
        }
        Ok(_) => {}
    }
    match std::fs::read(&path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Edited::Text(without_header(&text, about)),
            Err(_) => failed(format!(
                "What your editor \"{name}\" saved is not UTF-8 text, so it was not used."
            )),
        },
        Err(e) => failed(format!(
            "Could not read back what your editor \"{name}\" saved ({e})."
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tmp() -> std::path::PathBuf {
        std::env::temp_dir()
    }

    #[test]
    fn the_editor_is_visual_then_editor_then_vi() {
        let os = |s: &str| Some(OsString::from(s));
        assert_eq!(editor_command(os("code --wait"), os("nano")), "code --wait");
        assert_eq!(editor_command(None, os("nano")), "nano");
        assert_eq!(editor_command(os("  "), os("")), "vi");
        assert_eq!(editor_command(None, None), "vi");
    }

    // Regression: a wrong $EDITOR ended the whole check-in with "IO error: No such file or
    // directory"; now it is one sentence naming the editor, and the flow goes on.
    #[test]
    fn a_missing_or_failing_editor_is_named_not_fatal() {
        let Edited::Failed { why, .. } =
            edit(OsStr::new("rekindle-no-such-editor"), "", "Q", &tmp())
        else {
            panic!("a missing editor cannot succeed");
        };
        assert_eq!(
            why,
            "Could not start your editor \"rekindle-no-such-editor\": there is no such program."
        );
        let Edited::Failed { why, left } = edit(OsStr::new("false"), "draft", "Q", &tmp()) else {
            panic!("`false` fails");
        };
        assert!(why.contains("\"false\" stopped with an error"), "{why}");
        assert_eq!(left, None);
        // Unbalanced quotes are one program name, not a panic.
        assert!(matches!(
            edit(OsStr::new("'oops"), "", "Q", &tmp()),
            Edited::Failed { .. }
        ));
        // Text written before the editor failed comes back with the failure.
        let Edited::Failed { left, .. } = edit(
            OsStr::new("sh -c 'echo written > \"$0\"; exit 3'"),
            "",
            "Q",
            &tmp(),
        ) else {
            panic!("exit 3 fails");
        };
        assert_eq!(left.as_deref(), Some("written"));
    }

    #[test]
    fn the_editor_gets_the_starting_text_and_its_changes_come_back() {
        // `sed -i` stands in for a person editing the file.
        let edited = edit(
            OsStr::new("sed -i s/draft/answer/"),
            "my draft\n",
            "Your answer",
            &tmp(),
        );
        assert_eq!(edited, Edited::Text("my answer".to_string()));
        assert_eq!(
            edit(OsStr::new("true"), "", "Q", &tmp()),
            Edited::Text(String::new())
        );
    }

    // Audit row V2: the answer is written in a folder only you can open, and nothing of it
    // is left once the editor is done.
    #[test]
    fn the_answer_lives_in_a_private_folder_that_is_gone_afterwards() {
        let temp = tempfile::tempdir().unwrap();
        let report = "sh -c 'printf \"%s %s %s\" \"$(stat -c %a \"$(dirname \"$0\")\")\" \"$(stat -c %a \"$0\")\" \"$(dirname \"$0\")\" > \"$0\"'";
        let Edited::Text(text) = edit(OsStr::new(report), "secret draft", "Q", temp.path()) else {
            panic!("the editor ran");
        };
        let parts: Vec<&str> = text.splitn(3, ' ').collect();
        assert_eq!(parts[..2], ["700", "600"], "{text}");
        assert!(parts[2].contains(cleanup::EDITOR_PREFIX), "{text}");
        assert!(!Path::new(parts[2]).exists(), "{text}");
        assert_eq!(std::fs::read_dir(temp.path()).unwrap().count(), 0);
        // A failing editor leaves nothing either.
        let _ = edit(OsStr::new("false"), "secret draft", "Q", temp.path());
        assert_eq!(std::fs::read_dir(temp.path()).unwrap().count(), 0);
    }

    // Regression: the editor opened on an empty file, with nothing to say what was asked.
    #[test]
    fn the_file_shows_the_question_as_comments_that_are_left_out() {
        // `cat` copies what the editor was given to a file beside it, then appends an answer.
        let dir = tempfile::tempdir().unwrap();
        let seen = dir.path().join("seen");
        let command = format!(
            "sh -c 'cp \"$0\" {seen}; printf \"# my own heading\\nI lied.\\n\" >> \"$0\"'",
            seen = seen.display()
        );
        let edited = edit(
            OsStr::new(&command),
            "",
            "Your answer\nWhat did you do that you want to own today?",
            &tmp(),
        );
        let shown = std::fs::read_to_string(&seen).unwrap();
        assert!(
            shown.starts_with("# Your answer\n# What did you do"),
            "{shown}"
        );
        assert!(
            shown.contains("Lines starting with # are left out"),
            "{shown}"
        );
        // Only rekindle's own comment lines go; the user's line starting with # stays.
        assert_eq!(
            edited,
            Edited::Text("# my own heading\nI lied.".to_string())
        );
    }
}
