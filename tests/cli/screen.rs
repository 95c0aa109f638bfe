//! The guided flows as they look on a real screen, at 60 and 120 columns: the bytes rekindle
//! writes to a pseudo-terminal are played into a terminal emulator (vt100), and the final
//! screen is read like a person would read it. Every question must be left on screen exactly
//! once, as its answered line, whatever wrapped or scrolled; after Ctrl-C the cursor must be
//! visible and the message on a line of its own.

use rexpect::session::PtySession;

use crate::support::TestEnv;

const TIMEOUT_MS: u64 = 60_000;
const ROWS: u16 = 200;

/// rekindle in a pseudo-terminal `columns` wide (and tall enough that nothing scrolls away).
fn spawn(env: &TestEnv, columns: u16, args: &[&str]) -> PtySession {
    let template = env.command(args);
    let mut cmd = std::process::Command::new("sh");
    cmd.arg("-c")
        .arg(format!(
            "stty cols {columns} rows {ROWS}; exec \"$0\" \"$@\""
        ))
        .arg(template.get_program())
        .args(template.get_args())
        .env_clear()
        .envs(
            template
                .get_envs()
                .filter_map(|(k, v)| Some((k.to_owned(), v?.to_owned()))),
        )
        .env("TERM", "xterm")
        .env_remove("COLUMNS")
        .current_dir(env.root());
    rexpect::session::spawn_command(cmd, Some(TIMEOUT_MS)).expect("start rekindle in a pty")
}

/// Everything the program wrote, kept to be played into the emulator at the end.
struct Screen {
    session: PtySession,
    bytes: Vec<u8>,
    columns: u16,
}

/// rexpect hands back each byte as one char.
fn raw(text: &str) -> Vec<u8> {
    text.chars().map(|c| c as u32 as u8).collect()
}

impl Screen {
    fn new(env: &TestEnv, columns: u16, args: &[&str]) -> Screen {
        Screen {
            session: spawn(env, columns, args),
            bytes: Vec::new(),
            columns,
        }
    }

    /// Waits for `question`, then types `keys`.
    #[track_caller]
    fn answer(&mut self, question: &str, keys: &str) {
        let before = self
            .session
            .exp_string(question)
            .unwrap_or_else(|e| panic!("waiting for {question:?}: {e}"));
        self.bytes.extend(raw(&before));
        self.bytes.extend(question.as_bytes());
        self.session.send(keys).expect("type");
        self.session.flush().expect("flush");
    }

    fn ctrl_c(&mut self) {
        self.session.send_control('c').expect("Ctrl-C");
    }

    /// Reads to the end and plays everything into a terminal of the same size.
    fn finish(mut self) -> vt100::Parser {
        let rest = self.session.exp_eof().unwrap_or_default();
        self.bytes.extend(raw(&rest));
        let mut parser = vt100::Parser::new(ROWS, self.columns, 0);
        parser.process(&self.bytes);
        parser
    }
}

/// The screen's text, one string per row, trailing spaces gone.
fn rows(parser: &vt100::Parser) -> Vec<String> {
    let contents = parser.screen().contents();
    contents.lines().map(|l| l.trim_end().to_string()).collect()
}

#[track_caller]
fn shown_once(rows: &[String], label: &str) {
    let count = rows.iter().filter(|r| r.contains(label)).count();
    assert_eq!(
        count,
        1,
        "{label:?} is on screen {count} times:\n{}",
        rows.join("\n")
    );
}

/// No question is left half-drawn: every line that starts a question was answered.
#[track_caller]
fn nothing_stale(rows: &[String]) {
    let stale: Vec<&String> = rows.iter().filter(|r| r.starts_with("? ")).collect();
    assert!(
        stale.is_empty(),
        "stale questions {stale:?}:\n{}",
        rows.join("\n")
    );
}

const LONG_ANSWER: &str = "The part where you looked me in the eye and said nothing, \
                           and I knew, and I waited for you to say it";

fn check_in(columns: u16) {
    let env = TestEnv::with_couple();
    let mut s = Screen::new(&env, columns, &["checkin", "--as", "Sam"]);
    s.answer("How much do you trust Alex today?", "12\r");
    s.answer("trust must be a whole number", "7\r");
    s.answer("How close do you feel to Alex today?", "6\r");
    // Turn two pages, tick a word, turn back, go down and tick another, Enter.
    s.answer("What are you feeling?", "\x1b[C\x1b[C \x1b[D\x1b[B \r");
    s.answer("How strong is", "3\r");
    s.answer("How strong is", "\r");
    // A long answer that wraps, then Ctrl-W and Ctrl-U to take words back and type again.
    s.answer(
        "Your answer",
        &format!("{LONG_ANSWER} and more\x17\x17\x15{LONG_ANSWER}\r"),
    );
    s.answer("Anything you appreciated about Alex today?", "the soup\r");
    s.answer("Something you need from Alex", "\r");
    s.answer("Anything else to note?", "\r");
    s.answer("Save this check-in?", "\r");
    let parser = s.finish();
    let rows = rows(&parser);
    for label in [
        "How much do you trust Alex today?",
        "How close do you feel to Alex today?",
        "What are you feeling?",
        "Your answer ·",
        "Anything you appreciated about Alex today?",
        "Save this check-in?",
    ] {
        shown_once(&rows, label);
    }
    nothing_stale(&rows);
    assert!(!parser.screen().hide_cursor());
    assert!(rows.iter().any(|r| r.starts_with("Saved Sam's check-in")));
    // The first check-in of the day says how the other partner checks in.
    assert!(
        rows.join(" ").contains("rekindle checkin --as Alex"),
        "{}",
        rows.join("\n")
    );
    // The summary holds the answer whole, as typed after Ctrl-U.
    let text = rows.join(" ");
    assert!(
        text.contains("The part where you looked me in the eye"),
        "{text}"
    );
    assert!(!text.contains("and more"), "{text}");
}

#[test]
fn a_check_in_at_60_columns_leaves_no_stale_questions() {
    check_in(60);
}

#[test]
fn a_check_in_at_120_columns_leaves_no_stale_questions() {
    check_in(120);
}

fn together(columns: u16) {
    let env = TestEnv::with_couple();
    let mut s = Screen::new(&env, columns, &["together"]);
    for (question, keys) in [
        ("How much do you trust Alex today?", "6\r"),
        ("How close do you feel to Alex today?", "7\r"),
        ("What are you feeling?", "\x1b[C \r"),
        ("How strong is", "\r"),
        ("Your answer", "I own it.\r"),
        ("show your scores", "\r"),
        ("hand the keyboard", "\r"),
        ("How much do you trust Sam today?", "4\r"),
        ("How close do you feel to Sam today?", "5\r"),
        ("What are you feeling?", "\r"),
        ("Your answer", "\r"),
        ("show your scores", "\r"),
        (
            "Sam, anything you appreciated about Alex this week?",
            "your patience with me when I get defensive about the past\r",
        ),
        ("Alex, anything you appreciated about Sam this week?", "\r"),
        (
            "What went well between you this week?",
            "we talked calmly\r",
        ),
        ("One thing to work on together", "\r"),
        (
            "Sam, what would you like Alex to do for you this week?",
            "\r",
        ),
        (
            "Alex, what would you like Sam to do for you this week?",
            "call me at lunch on Wednesday\r",
        ),
        // The weekly choice is on the day the request names.
        ("every Wednesday", "\x1b[B\x1b[B\r"),
        ("Save your time together?", "\r"),
    ] {
        s.answer(question, keys);
    }
    let parser = s.finish();
    let rows = rows(&parser);
    // Each check-in left the screen before the other partner took the keyboard.
    for gone in [
        "How much do you trust Alex today?",
        "I own it.",
        "trust Sam today",
    ] {
        assert!(
            !rows.iter().any(|r| r.contains(gone)),
            "{gone:?} is still on screen:\n{}",
            rows.join("\n")
        );
    }
    for label in [
        "Part 3 of 4: appreciations, and how the week went",
        "Sam, anything you appreciated about Alex this week?",
        "What went well between you this week?",
        "Sam, would you like to make that a promise?",
        "Save your time together?",
    ] {
        shown_once(&rows, label);
    }
    nothing_stale(&rows);
    assert!(
        rows.iter()
            .any(|r| r.starts_with("Saved your time together"))
    );
    env.run(["promise", "list"])
        .success()
        .stdout_has("every Wednesday");
}

/// A check-in for an earlier day asks about that day, and the next step names that day for the
/// partner (it used to suggest today's check-in, which the partner may already have made).
#[test]
fn a_check_in_for_an_earlier_day_asks_about_it_and_names_it_for_the_partner() {
    let env = TestEnv::with_couple();
    // Alex has checked in today, not yesterday.
    env.run([
        "checkin",
        "--as",
        "Alex",
        "--trust",
        "6",
        "--connection",
        "5",
    ])
    .success();
    let mut s = Screen::new(
        &env,
        100,
        &["checkin", "--as", "Sam", "--date", "yesterday"],
    );
    s.answer("How much did you trust Alex that day?", "7\r");
    s.answer("How close did you feel to Alex that day?", "6\r");
    s.answer("What were you feeling that day?", "\r");
    s.answer("Your answer", "\r");
    s.answer("Anything you appreciated about Alex that day?", "\r");
    s.answer("Something you need from Alex", "\r");
    s.answer("Anything else to note?", "\r");
    s.answer("Save this check-in?", "\r");
    let parser = s.finish();
    let text = rows(&parser).join(" ");
    assert!(
        text.contains("rekindle checkin --as Alex --date 20"),
        "{text}"
    );
    nothing_stale(&rows(&parser));
}

#[test]
fn together_at_60_columns_leaves_no_stale_questions() {
    together(60);
}

#[test]
fn together_at_120_columns_leaves_no_stale_questions() {
    together(120);
}

/// Ctrl-C in a text question and in the feelings list: the cursor is shown again and the
/// message starts a line of its own.
fn ctrl_c(columns: u16, in_list: bool) {
    let env = TestEnv::with_couple();
    let mut s = Screen::new(&env, columns, &["checkin", "--as", "Sam"]);
    s.answer("How much do you trust Alex today?", "7\r");
    if in_list {
        s.answer("How close do you feel to Alex today?", "6\r");
        s.answer("What are you feeling?", "\x1b[B");
    } else {
        s.answer("How close do you feel to Alex today?", "half-typed");
    }
    s.ctrl_c();
    let parser = s.finish();
    let rows = rows(&parser);
    assert!(!parser.screen().hide_cursor(), "{}", rows.join("\n"));
    let message: Vec<&String> = rows
        .iter()
        .filter(|r| r.contains("cancelled; nothing was saved"))
        .collect();
    assert_eq!(message.len(), 1, "{}", rows.join("\n"));
    assert!(
        message[0].starts_with("rekindle: cancelled"),
        "{}",
        rows.join("\n")
    );
}

#[test]
fn ctrl_c_in_a_text_question_shows_the_cursor_and_a_clean_message() {
    ctrl_c(60, false);
    ctrl_c(120, false);
}

#[test]
fn ctrl_c_in_a_list_shows_the_cursor_and_a_clean_message() {
    ctrl_c(60, true);
    ctrl_c(120, true);
}

// Regression: typing e for the editor left "Your answer · e" on screen, and the editor
// opened on an empty file with nothing to say what was asked.
#[test]
fn the_editor_letter_is_not_shown_as_the_answer_and_the_file_shows_the_question() {
    let mut env = TestEnv::with_couple();
    let seen = env.root().join("seen.md");
    env.set(
        "VISUAL",
        format!(
            "sh -c 'cp \"$0\" {}; echo I was not honest about Tuesday. >> \"$0\"'",
            seen.display()
        ),
    );
    let mut s = Screen::new(
        &env,
        60,
        &[
            "checkin",
            "--as",
            "Sam",
            "--trust",
            "6",
            "--connection",
            "6",
        ],
    );
    s.answer("What are you feeling?", "\r");
    s.answer("Your answer", "e\r");
    s.answer("Anything you appreciated about Alex today?", "\r");
    s.answer("Something you need from Alex", "\r");
    s.answer("Anything else to note?", "\r");
    s.answer("Save this check-in?", "\r");
    let parser = s.finish();
    let rows = rows(&parser);
    assert!(
        !rows.iter().any(|r| r.trim_end().ends_with("· e")),
        "{}",
        rows.join("\n")
    );
    assert!(
        rows.iter()
            .any(|r| r.contains("Your answer, from the editor: I was not honest")),
        "{}",
        rows.join("\n")
    );
    let file = std::fs::read_to_string(&seen).unwrap();
    assert!(file.starts_with("# Your answer to:\n# "), "{file}");
    // Sam reads it back: Sam's own words are never sealed for Sam (issue 15).
    env.set("REKINDLE_AS", "Sam");
    let saved = env
        .run(["history", "--json", "--kind", "checkin"])
        .success()
        .json();
    assert_eq!(saved[0]["answer"], "I was not honest about Tuesday.");
}

/// No paragraph is wrapped twice: a row holding a single word between two rows of the same
/// paragraph is a line that was wrapped at the terminal's width and then again.
#[track_caller]
fn no_word_left_alone(rows: &[String]) {
    for w in rows.windows(3) {
        let in_a_paragraph = w.iter().all(|r| !r.is_empty() && !r.starts_with('✔'));
        assert!(
            !in_a_paragraph || w[1].contains(' '),
            "{:?} is alone on its row:\n{}",
            w[1],
            rows.join("\n")
        );
    }
}

// Regression (new-user trial): at 60 columns, a line of guidance exactly as wide as the
// terminal was wrapped again, leaving one word on a row of its own mid-paragraph.
#[test]
fn an_apology_at_60_columns_wraps_its_guidance_once() {
    let env = TestEnv::with_couple();
    let mut s = Screen::new(&env, 60, &["apology", "add", "--as", "Sam"]);
    s.answer(
        "What happened",
        "I read your messages without asking, for weeks on end\r",
    );
    s.answer("How it affected Alex", "\r");
    s.answer(
        "What you take responsibility for",
        "I chose to read them and to hide it from you\r",
    );
    s.answer(
        "What you will do differently",
        "I will ask first and tell you when I am tempted\r",
    );
    s.answer("Make this change a promise", "\r");
    s.answer("Save this apology?", "\r");
    let parser = s.finish();
    let rows = rows(&parser);
    no_word_left_alone(&rows);
    nothing_stale(&rows);
    assert!(
        rows.iter()
            .any(|r| r.starts_with("Saved Sam's apology to Alex")),
        "{}",
        rows.join("\n")
    );
}
