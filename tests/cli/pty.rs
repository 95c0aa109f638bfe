//! The guided flows driven for real in a pseudo-terminal, keystroke by keystroke, as a
//! person would use them. Each step waits for the question it answers (generous timeouts,
//! never sleeps), so a slow machine only makes the tests slower, not flaky.

use rexpect::process::WaitStatus;
use rexpect::session::PtySession;

use crate::support::{TestEnv, dump};

/// How long any one question may take to appear; far above what a slow CI machine needs.
const TIMEOUT_MS: u64 = 60_000;

const ENTER: &str = "\r";

fn spawn(env: &TestEnv, args: &[&str]) -> PtySession {
    let mut cmd = env.command(args);
    cmd.env("TERM", "xterm");
    rexpect::session::spawn_command(cmd, Some(TIMEOUT_MS)).expect("start rekindle in a pty")
}

/// Waits for `question`, then types `keys`. Returns what was shown before the question.
#[track_caller]
fn answer(p: &mut PtySession, question: &str, keys: &str) -> String {
    let shown = p
        .exp_string(question)
        .unwrap_or_else(|e| panic!("waiting for {question:?}: {e}"));
    p.send(keys).expect("type into the pty");
    p.flush().expect("flush the pty");
    shown
}

/// Reads to the end and returns the exit code.
fn finish(mut p: PtySession) -> (i32, String) {
    let rest = p.exp_eof().unwrap_or_default();
    match p.process().wait().expect("wait for rekindle") {
        WaitStatus::Exited(_, code) => (code, rest),
        other => panic!("rekindle did not exit normally: {other:?}\n{rest}"),
    }
}

fn query(env: &TestEnv, sql: &str) -> Vec<Vec<rusqlite::types::Value>> {
    let conn = rusqlite::Connection::open(env.default_journal()).unwrap();
    let mut stmt = conn.prepare(sql).unwrap();
    let columns = stmt.column_count();
    stmt.query_map([], |row| (0..columns).map(|i| row.get(i)).collect())
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn text(value: &str) -> rusqlite::types::Value {
    rusqlite::types::Value::Text(value.to_string())
}

fn int(value: i64) -> rusqlite::types::Value {
    rusqlite::types::Value::Integer(value)
}

#[test]
fn a_full_guided_check_in_in_a_terminal() {
    let env = TestEnv::with_couple();
    let mut p = spawn(&env, &["checkin", "--as", "Sam"]);
    // The step and the prompt come first.
    answer(&mut p, "Step 1 of 8: Take responsibility", "");
    answer(&mut p, "How much do you trust Alex today?", "12\r");
    answer(&mut p, "trust must be a whole number from 1 to 10", "7\r");
    answer(&mut p, "How close do you feel to Alex today?", "6\r");
    // Space picks the first word ("mad"), the down arrow moves to "angry", Enter is done.
    answer(&mut p, "What are you feeling?", " \x1b[B \r");
    answer(&mut p, "How strong is \"mad\"?", "3\r");
    answer(&mut p, "How strong is \"angry\"?", ENTER);
    answer(&mut p, "Your answer", "I was not honest about Tuesday.\r");
    answer(
        &mut p,
        "Anything you appreciated about Alex today?",
        "the soup\r",
    );
    answer(&mut p, "Something you need from Alex", ENTER);
    answer(&mut p, "Anything else to note?", ENTER);
    answer(&mut p, "Save this check-in?", ENTER);
    p.exp_string("Saved Sam's check-in for Saturday 21 November 2026.")
        .expect("the saved line");
    let (code, _) = finish(p);
    assert_eq!(code, 0);
    assert_eq!(
        query(
            &env,
            "SELECT trust, connection, answer, appreciation, need, note, prompt_id IS NOT NULL FROM checkins"
        ),
        [[
            int(7),
            int(6),
            text("I was not honest about Tuesday."),
            text("the soup"),
            rusqlite::types::Value::Null,
            rusqlite::types::Value::Null,
            int(1),
        ]]
    );
    assert_eq!(
        query(&env, "SELECT word, intensity FROM feelings ORDER BY id"),
        [
            vec![text("mad"), int(3)],
            vec![text("angry"), rusqlite::types::Value::Null]
        ]
    );
}

#[test]
fn ctrl_c_in_the_middle_saves_nothing() {
    let env = TestEnv::with_couple();
    let before = dump(&env.default_journal());
    let mut p = spawn(&env, &["checkin", "--as", "Sam"]);
    answer(&mut p, "How much do you trust Alex today?", "7\r");
    answer(&mut p, "How close do you feel to Alex today?", "");
    p.send_control('c').expect("press Ctrl-C");
    p.exp_string("cancelled; nothing was saved")
        .expect("the cancel message");
    let (code, _) = finish(p);
    assert_eq!(code, 130);
    assert_eq!(dump(&env.default_journal()), before);
}

#[test]
fn saying_no_at_the_end_saves_nothing() {
    let env = TestEnv::with_couple();
    let before = dump(&env.default_journal());
    let mut p = spawn(&env, &["checkin", "--as", "Alex", "--trust", "4"]);
    answer(&mut p, "How close do you feel to Sam today?", "4\r");
    answer(&mut p, "What are you feeling?", ENTER);
    answer(&mut p, "Your answer", ENTER);
    // Alex was hurt, and step 1 is in focus: no daily request to appreciate Sam.
    let shown = answer(&mut p, "Something you need from Sam", ENTER);
    assert!(!shown.contains("appreciate"), "{shown}");
    answer(&mut p, "Anything else to note?", ENTER);
    answer(&mut p, "Save this check-in?", "n\r");
    p.exp_string("cancelled; nothing was saved")
        .expect("the cancel message");
    let (code, _) = finish(p);
    assert_eq!(code, 130);
    assert_eq!(dump(&env.default_journal()), before);
}

/// The README's first command on a fresh machine: no journal yet, so checkin offers to make
/// one, asks the two names, and goes straight on with the check-in. After the setup, the
/// fewest keystrokes that complete a check-in are counted here: 10.
#[test]
fn first_use_creates_the_journal_and_goes_on_with_the_check_in() {
    let env = TestEnv::new();
    let mut p = spawn(&env, &["checkin"]);
    answer(&mut p, "There is no journal yet", "");
    answer(&mut p, "Create it now?", ENTER);
    answer(&mut p, "Your name", "Sam\r");
    answer(&mut p, "Your partner's name", "Alex\r");
    answer(&mut p, "Who broke trust?", ENTER);
    answer(&mut p, "rekindle is a journal, not therapy", "");
    let mut keystrokes = 0;
    let mut shown = String::new();
    for (question, keys) in [
        ("How much do you trust Alex today?", "8\r"),
        ("How close do you feel to Alex today?", "9\r"),
        ("What are you feeling?", ENTER),
        ("Your answer", ENTER),
        ("Anything you appreciated about Alex today?", ENTER),
        ("Something you need from Alex", ENTER),
        ("Anything else to note?", ENTER),
        ("Save this check-in?", ENTER),
    ] {
        keystrokes += keys.chars().count();
        shown.push_str(&answer(&mut p, question, keys));
    }
    assert_eq!(keystrokes, 10);
    // Sam typed their name first, so Sam is the one checking in without being asked.
    assert!(!shown.contains("Who is this?"), "{shown}");
    p.exp_string("Saved Sam's check-in for Saturday 21 November 2026.")
        .expect("the saved line");
    let (code, _) = finish(p);
    assert_eq!(code, 0);
    assert_eq!(
        query(&env, "SELECT name, role FROM partners ORDER BY id"),
        [
            vec![text("Sam"), text("unset")],
            vec![text("Alex"), text("unset")]
        ]
    );
    assert_eq!(
        query(&env, "SELECT trust, connection, step FROM checkins"),
        [[int(8), int(9), text("responsibility")]]
    );
}

#[test]
fn together_at_one_keyboard_saves_both_check_ins_and_the_meeting() {
    let env = TestEnv::with_couple();
    let mut p = spawn(&env, &["together"]);
    for (question, keys) in [
        ("How much do you trust Alex today?", "6\r"),
        ("How close do you feel to Alex today?", "7\r"),
        ("What are you feeling?", ENTER),
        ("Your answer", "I own it.\r"),
        ("Sam, show your scores on the summary", ENTER),
        ("hand the keyboard to Alex", ENTER),
        ("How much do you trust Sam today?", "4\r"),
        ("How close do you feel to Sam today?", "5\r"),
        ("What are you feeling?", ENTER),
        ("Your answer", ENTER),
        // Alex keeps their scores off the shared screen.
        ("Alex, show your scores on the summary", "n\r"),
        (
            "Sam, anything you appreciated about Alex this week?",
            "your patience\r",
        ),
        ("Alex, anything you appreciated about Sam this week?", ENTER),
        (
            "What went well between you this week?",
            "we talked calmly\r",
        ),
        ("One thing to work on together", ENTER),
        (
            "Sam, what would you like Alex to do for you this week?",
            ENTER,
        ),
        (
            "Alex, what would you like Sam to do for you this week?",
            "cook on Friday\r",
        ),
        // Down once: "Yes, once, by Friday 27 November 2026", the day the request names.
        ("Sam, would you like to make that a promise?", "\x1b[B\r"),
    ] {
        answer(&mut p, question, keys);
    }
    let summary = answer(&mut p, "Save your time together?", ENTER);
    assert!(
        summary.contains("Yes, once, by Friday 27 November 2026"),
        "the offer falls on the Friday the request names:\n{summary}"
    );
    // The summary is fitted to the terminal's width: compared word by word.
    let words = summary.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("(Sam promises it, once, by Friday 27 November 2026)"),
        "{summary}"
    );
    p.exp_string("Saved your time together for Saturday 21 November 2026.")
        .expect("the saved line");
    let (code, rest) = finish(p);
    assert_eq!(code, 0);
    assert!(rest.contains("trust 6"), "{rest}");
    assert!(
        !rest.contains("trust 4"),
        "Alex's scores stay off the screen:\n{rest}"
    );
    assert_eq!(
        query(
            &env,
            "SELECT partner_id, trust, connection FROM checkins ORDER BY partner_id"
        ),
        [vec![int(1), int(6), int(7)], vec![int(2), int(4), int(5)]]
    );
    assert_eq!(
        query(&env, "SELECT date, went_well, work_on FROM meetings"),
        [[
            text("2026-11-21"),
            text("we talked calmly"),
            rusqlite::types::Value::Null
        ]]
    );
    assert_eq!(
        query(
            &env,
            "SELECT partner_id, appreciation, request, promise_id FROM meeting_partners ORDER BY partner_id"
        ),
        [
            vec![
                int(1),
                text("your patience"),
                rusqlite::types::Value::Null,
                rusqlite::types::Value::Null
            ],
            vec![
                int(2),
                rusqlite::types::Value::Null,
                text("cook on Friday"),
                int(1)
            ],
        ]
    );
    // Alex asked, so the promise is Sam's, to Alex, due on the Friday Alex named (a week
    // after the meeting for a request that names no day).
    assert_eq!(
        query(
            &env,
            "SELECT id, by_id, to_id, text, date, due, every, status FROM promises"
        ),
        [[
            int(1),
            int(1),
            int(2),
            text("cook on Friday"),
            text("2026-11-21"),
            text("2026-11-27"),
            rusqlite::types::Value::Null,
            text("open")
        ]]
    );
}

#[test]
fn a_hostile_prompt_file_is_shown_defused_in_the_guided_check_in() {
    let mut env = TestEnv::with_couple();
    crate::hostile::hostile_prompt_files(&mut env);
    let before = dump(&env.default_journal());
    let mut p = spawn(&env, &["checkin", "--as", "Sam"]);
    // Everything before the first question: the refused file's warning, the step's title
    // and the day's prompt, all from the user's prompt folder.
    let shown = p
        .exp_string("How much do you trust Alex today?")
        .expect("the first question");
    // rexpect hands back each byte as a char; put the UTF-8 back together.
    let bytes: Vec<u8> = shown.chars().map(|c| c as u32 as u8).collect();
    let shown = String::from_utf8_lossy(&bytes).into_owned();
    p.send_control('c').expect("press Ctrl-C");
    let (code, _) = finish(p);
    assert_eq!(code, 130);
    assert!(shown.contains("plainly"), "{shown}");
    assert!(shown.contains("\\u{202e}won"), "{shown}");
    assert!(shown.contains("bad\\e[2J\\u{202e}.toml"), "{shown}");
    // dialoguer draws with escape sequences of its own and the terminal ends lines with
    // "\r\n", so look only for the characters that came from the user's file.
    let raw: Vec<char> = crate::hostile::raw_hazards(&shown)
        .into_iter()
        .filter(|c| !matches!(c, '\u{1b}' | '\r' | '\u{8}' | '\u{7}'))
        .collect();
    assert!(raw.is_empty(), "raw {raw:?} in:\n{shown}");
    assert_eq!(dump(&env.default_journal()), before);
}

// Regression: with NO_COLOR the feelings list showed no mark on the item under the cursor.
// Also: a missing $EDITOR ended the check-in with a raw I/O error.
#[test]
fn without_colour_lists_are_marked_and_a_missing_editor_is_gentle() {
    let env = TestEnv::with_couple();
    let mut cmd = env.command(["checkin", "--as", "Sam"]);
    cmd.env("TERM", "xterm")
        .env("EDITOR", "rekindle-no-such-editor")
        .env_remove("VISUAL");
    let mut p = rexpect::session::spawn_command(cmd, Some(TIMEOUT_MS)).expect("start");
    answer(&mut p, "How much do you trust Alex today?", "7\r");
    answer(&mut p, "How close do you feel to Alex today?", "6\r");
    answer(&mut p, "What are you feeling?", "");
    answer(&mut p, "> [ ] mad", " ");
    answer(&mut p, "> [x] mad", "\r");
    answer(&mut p, "How strong is \"mad\"?", ENTER);
    answer(&mut p, "Your answer", "e\r");
    answer(&mut p, "rekindle-no-such-editor", "");
    answer(&mut p, "Your answer", "typed instead\r");
    answer(&mut p, "Anything you appreciated about Alex today?", ENTER);
    answer(&mut p, "Something you need from Alex", ENTER);
    answer(&mut p, "Anything else to note?", ENTER);
    answer(&mut p, "Save this check-in?", ENTER);
    p.exp_string("Saved Sam's check-in")
        .expect("the saved line");
    let (code, _) = finish(p);
    assert_eq!(code, 0);
    assert_eq!(
        query(&env, "SELECT answer FROM checkins"),
        [[text("typed instead")]]
    );
}

// Regression: Enter through every question of `together` saved an empty meeting.
#[test]
fn together_with_nothing_entered_saves_nothing() {
    let env = TestEnv::with_couple();
    env.run(["checkin", "--as", "Sam", "--trust", "6"])
        .success();
    env.run(["checkin", "--as", "Alex", "--trust", "5"])
        .success();
    let before = dump(&env.default_journal());
    let mut p = spawn(&env, &["together"]);
    answer(&mut p, "Check in again and replace it?", ENTER);
    answer(&mut p, "hand the keyboard to Alex", ENTER);
    answer(&mut p, "Check in again and replace it?", ENTER);
    for question in [
        "Sam, anything you appreciated about Alex this week?",
        "Alex, anything you appreciated about Sam this week?",
        "What went well between you this week?",
        "One thing to work on together",
        "Sam, what would you like Alex to do for you this week?",
        "Alex, what would you like Sam to do for you this week?",
    ] {
        answer(&mut p, question, ENTER);
    }
    p.exp_string("Nothing was entered, so nothing was saved.")
        .expect("the nothing-saved line");
    let (code, _) = finish(p);
    assert_eq!(code, 0);
    assert_eq!(dump(&env.default_journal()), before);
}

/// Ctrl-C at the first check-in question, just after the journal was created: the journal
/// stays, and the message says that only the check-in was not saved.
#[test]
fn ctrl_c_after_creating_the_journal_says_it_was_created() {
    let env = TestEnv::new();
    let mut p = spawn(&env, &["checkin"]);
    answer(&mut p, "Create it now?", ENTER);
    answer(&mut p, "Your name", "Sam\r");
    answer(&mut p, "Your partner's name", "Alex\r");
    answer(&mut p, "Who broke trust?", ENTER);
    answer(&mut p, "How much do you trust Alex today?", "");
    p.send_control('c').expect("press Ctrl-C");
    p.exp_string("cancelled; your journal was created, but the check-in was not saved")
        .expect("the cancel message");
    let (code, _) = finish(p);
    assert_eq!(code, 130);
    assert_eq!(query(&env, "SELECT count(*) FROM partners"), [[int(2)]]);
    assert_eq!(query(&env, "SELECT count(*) FROM checkins"), [[int(0)]]);
}

/// In a terminal, a danger word is offered not to be saved, and Enter leaves it out; the safety
/// card comes first, once. Choosing to save it saves it.
#[test]
fn a_danger_word_is_left_out_unless_the_partner_chooses_to_save_it() {
    let env = TestEnv::with_couple();
    let before = dump(&env.default_journal());
    let mut p = spawn(&env, &["feel", "--as", "Alex", "afraid"]);
    let shown = answer(&mut p, "Leave it out", ENTER);
    assert!(shown.contains("Safety card"), "{shown}");
    assert!(shown.contains("Save \"afraid\"?"), "{shown}");
    p.exp_string("Nothing was saved.").expect("nothing saved");
    let (code, _) = finish(p);
    assert_eq!(code, 0);
    assert_eq!(dump(&env.default_journal()), before);

    let mut p = spawn(&env, &["feel", "--as", "Alex", "afraid", "hurt:3"]);
    // The second choice saves it.
    answer(&mut p, "Save it, where Sam can read it", "\x1b[B\r");
    p.exp_string("Saved Alex's feelings").expect("saved");
    let (code, _) = finish(p);
    assert_eq!(code, 0);
    assert_eq!(
        query(&env, "SELECT word FROM feelings ORDER BY id"),
        [vec![text("afraid")], vec![text("hurt")]]
    );
}

/// A partner with a passphrase of their own is also offered to keep a danger word private:
/// it is saved encrypted (the readable columns hold only the placeholder), counted nowhere
/// shared, and the other partner's timeline says only that a private feeling was noted.
#[test]
fn a_danger_word_can_be_kept_private_by_a_partner_with_a_passphrase() {
    let mut env = TestEnv::with_couple();
    env.set("REKINDLE_TEST_KDF", "cheap");
    let pass = env.root().join("alex.pass");
    std::fs::write(&pass, "copper kettle winter orchard\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&pass, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    env.set("REKINDLE_PASSPHRASE_FILE", &pass);
    env.run(["partners", "passphrase", "Alex", "--as", "Alex"])
        .success();
    let mut p = spawn(&env, &["feel", "--as", "Alex", "afraid:4", "tired"]);
    // Leave it out, keep it private, save it: the second.
    let shown = answer(&mut p, "Keep it private", "\x1b[B\r");
    assert!(shown.contains("Safety card"), "{shown}");
    p.exp_string("Saved Alex's feelings").expect("saved");
    p.exp_string("Saved a private feeling for Alex")
        .expect("the private one");
    let (code, rest) = finish(p);
    assert_eq!(code, 0);
    assert!(
        !rest.contains("afraid"),
        "a private word is not said back: {rest}"
    );
    assert_eq!(
        query(
            &env,
            "SELECT word, intensity, private IS NOT NULL FROM feelings ORDER BY id"
        ),
        [
            vec![text("-"), rusqlite::types::Value::Null, int(1)],
            vec![text("tired"), rusqlite::types::Value::Null, int(0)],
        ]
    );
    env.set("REKINDLE_PASSPHRASE_FILE", "");
    let listed = env.run(["history"]).success().stdout.clone();
    assert!(listed.contains("Alex noted a private feeling"), "{listed}");
    assert!(!listed.contains("afraid"), "{listed}");
}

/// A guided check-in whose answer is being written in `$EDITOR` (a script that writes the
/// answer, says it is ready, and waits), stopped with `signal`. Returns the private folders
/// the editor's file lived in that are still there afterwards, and the test's temp folder.
fn stop_while_editing(env: &TestEnv, signal: rexpect::process::Signal) -> Vec<String> {
    let tmp = env.root().join("tmp");
    std::fs::create_dir_all(&tmp).unwrap();
    let ready = env.root().join("editor-ready");
    let _ = std::fs::remove_file(&ready);
    let editor = format!(
        "sh -c 'printf EDITOR-SECRET-ANSWER > \"$0\"; touch {}; sleep 30'",
        ready.display()
    );
    let mut cmd = env.command(["checkin", "--as", "Sam"]);
    cmd.env("TERM", "xterm")
        .env("TMPDIR", &tmp)
        .env("EDITOR", &editor)
        .env_remove("VISUAL");
    let mut p = rexpect::session::spawn_command(cmd, Some(TIMEOUT_MS)).expect("start");
    answer(&mut p, "How much do you trust Alex today?", "7\r");
    answer(&mut p, "How close do you feel to Alex today?", "6\r");
    answer(&mut p, "What are you feeling?", "\r");
    answer(&mut p, "Your answer", "e\r");
    let started = std::time::Instant::now();
    while !ready.exists() {
        assert!(started.elapsed().as_secs() < 60, "the editor never started");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    p.process_mut().signal(signal).expect("signal rekindle");
    let _ = p.exp_eof();
    let _ = p.process_mut().wait();
    let mut left: Vec<String> = std::fs::read_dir(&tmp)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("rekindle-edit-"))
        .collect();
    left.sort();
    left
}

// Audit row V2: the answer being written in the editor lives in a private folder that is
// removed when rekindle is stopped (SIGTERM, or SIGHUP when the terminal closes), and after
// a SIGKILL `doctor --fix` finds and removes it.
#[test]
fn the_editors_private_folder_goes_whichever_way_rekindle_is_stopped() {
    use rexpect::process::Signal;
    let env = TestEnv::with_couple();
    for signal in [Signal::SIGTERM, Signal::SIGHUP] {
        assert_eq!(
            stop_while_editing(&env, signal),
            Vec::<String>::new(),
            "{signal}"
        );
    }
    let left = stop_while_editing(&env, Signal::SIGKILL);
    assert_eq!(left.len(), 1, "{left:?}");
    let folder = env.root().join("tmp").join(&left[0]);
    assert_eq!(crate::support::mode(&folder), 0o700);
    assert_eq!(
        std::fs::read_to_string(folder.join("answer.md")).unwrap(),
        "EDITOR-SECRET-ANSWER"
    );
    env.run(["doctor", "--fix"])
        .success()
        .stdout_has("removed 1 temporary file left by an export, report, backup or editor");
    assert!(!folder.exists());
    assert_eq!(query(&env, "SELECT count(*) FROM checkins"), [[int(0)]]);
}

/// Issue 13: a guided edit remembers the version it started from. When another command saves
/// a change to the record while the person is typing, both versions are shown and they are
/// asked which stays; either way, nothing anyone wrote is lost.
#[test]
fn a_guided_edit_that_meets_a_change_made_meanwhile_shows_both_and_asks() {
    let env = TestEnv::with_couple();
    env.run(["feel", "--as", "Alex", "hopeful", "--note", "after dinner"])
        .success();
    let note = || query(&env, "SELECT note FROM feelings");

    // Saving what was typed: the change made meanwhile is kept as an earlier version.
    let mut p = spawn(&env, &["edit", "feeling", "1", "--as", "Alex"]);
    answer(&mut p, "The feeling", ENTER);
    p.exp_string("Note (clear it to leave it out)")
        .expect("the note question");
    env.run([
        "edit",
        "feeling",
        "1",
        "--as",
        "Alex",
        "--note",
        "changed elsewhere",
    ])
    .success();
    p.send(" and a walk\r").expect("type into the pty");
    p.flush().expect("flush the pty");
    answer(&mut p, "Save this?", ENTER);
    let shown = answer(&mut p, "Which should stay?", ENTER);
    assert!(
        shown.contains("was changed by another rekindle command while you were writing"),
        "{shown}"
    );
    let theirs = shown
        .find("Saved meanwhile:")
        .expect("what was saved meanwhile");
    let mine = shown.find("What you wrote:").expect("what was typed");
    assert!(theirs < mine, "{shown}");
    assert!(shown[theirs..mine].contains("changed elsewhere"), "{shown}");
    assert!(shown[mine..].contains("after dinner and a walk"), "{shown}");
    let (code, _) = finish(p);
    assert_eq!(code, 0);
    assert_eq!(note(), [[text("after dinner and a walk")]]);
    let shown = env.run(["show", "feeling", "1", "--json"]).success().json();
    let earlier: Vec<&str> = shown["revisions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["note"].as_str())
        .collect();
    assert_eq!(earlier, ["after dinner", "changed elsewhere"], "{shown}");

    // Keeping what was saved meanwhile: what was typed is printed, to copy, and not saved.
    let mut p = spawn(&env, &["edit", "feeling", "1", "--as", "Alex"]);
    answer(&mut p, "The feeling", ENTER);
    p.exp_string("Note (clear it to leave it out)")
        .expect("the note question");
    env.run([
        "edit",
        "feeling",
        "1",
        "--as",
        "Alex",
        "--note",
        "said twice",
    ])
    .success();
    p.send(" again\r").expect("type into the pty");
    p.flush().expect("flush the pty");
    answer(&mut p, "Save this?", ENTER);
    answer(&mut p, "Which should stay?", "\x1b[B\r");
    let (code, rest) = finish(p);
    assert!(
        rest.contains("What you wrote was not saved; here it is"),
        "{rest}"
    );
    assert!(rest.contains("after dinner and a walk again"), "{rest}");
    assert_ne!(code, 0, "{rest}");
    assert_eq!(note(), [[text("said twice")]]);
}

/// Issue 13, audit row K11: a guided `checkin --amend` that meets an amend saved meanwhile
/// shows both and asks, instead of silently writing over it.
#[test]
fn a_guided_amend_that_meets_an_amend_made_meanwhile_shows_both_and_asks() {
    let env = TestEnv::with_couple();
    env.run([
        "checkin",
        "--as",
        "Sam",
        "--trust",
        "5",
        "--note",
        "slept badly",
    ])
    .success();
    let mut p = spawn(&env, &["checkin", "--as", "Sam", "--amend"]);
    answer(&mut p, "Step 1 of 8: Take responsibility", "");
    answer(&mut p, "How much do you trust Alex today?", ENTER);
    answer(&mut p, "How close do you feel to Alex today?", "6\r");
    answer(&mut p, "What are you feeling?", ENTER);
    answer(&mut p, "Your answer", ENTER);
    answer(&mut p, "Anything you appreciated about Alex today?", ENTER);
    answer(&mut p, "Something you need from Alex", ENTER);
    p.exp_string("Anything else to note?")
        .expect("the note question");
    env.run(["checkin", "--as", "Sam", "--amend", "--trust", "8"])
        .success();
    p.send("woke early\r").expect("type into the pty");
    p.flush().expect("flush the pty");
    let shown = answer(&mut p, "Save this check-in?", ENTER);
    let shown = shown + &answer(&mut p, "Which should stay?", ENTER);
    let theirs = shown
        .find("Saved meanwhile:")
        .expect("what was saved meanwhile");
    let mine = shown.find("What you wrote:").expect("what was typed");
    assert!(shown[theirs..mine].contains("trust 8"), "{shown}");
    assert!(shown[mine..].contains("woke early"), "{shown}");
    let (code, rest) = finish(p);
    assert_eq!(code, 0, "{rest}");
    assert_eq!(
        query(&env, "SELECT note FROM checkins"),
        [[text("woke early")]]
    );
    let shown = env.run(["show", "checkin", "1", "--json"]).success().json();
    let trusts: Vec<i64> = shown["revisions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["trust"].as_i64())
        .collect();
    assert_eq!(trusts, [5, 8], "the amend made meanwhile is kept: {shown}");
}

/// Issue 15 in a real terminal: Sam types the passphrase (nothing is echoed), is told once
/// what Alex can see, and answers "no" to sharing the words, which is asked before the
/// summary: the summary says so, saving is the last question, and they are saved encrypted.
#[test]
fn a_guided_check_in_asks_the_passphrase_unseen_and_can_keep_the_words_private() {
    let mut env = TestEnv::with_couple();
    env.set("REKINDLE_TEST_KDF", "cheap");
    let pass = env.root().join("sam.pass");
    std::fs::write(&pass, "lantern harbour meadow quietly\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&pass, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    env.set("REKINDLE_PASSPHRASE_FILE", &pass);
    env.run(["partners", "passphrase", "Sam", "--as", "Sam"])
        .success();
    env.set("REKINDLE_PASSPHRASE_FILE", "");
    let mut p = spawn(&env, &["checkin", "--as", "Sam"]);
    answer(
        &mut p,
        "Sam's passphrase",
        "lantern harbour meadow quietly\r",
    );
    let mut shown = String::new();
    for (question, keys) in [
        ("How much do you trust Alex today?", "6\r"),
        ("How close do you feel to Alex today?", "7\r"),
        ("What are you feeling?", ENTER),
        ("Your answer", "not-ready-to-say-this\r"),
        ("appreciated about Alex today", ENTER),
        ("Something you need from Alex", ENTER),
        ("Anything else to note?", ENTER),
        // Asked with the words, before the summary: "Save this check-in?" is the last question.
        ("Share these words with Alex?", "n\r"),
    ] {
        shown.push_str(&answer(&mut p, question, keys));
    }
    let summary = answer(&mut p, "Save this check-in?", ENTER);
    assert!(
        !shown.contains("lantern"),
        "the passphrase was echoed:\n{shown}"
    );
    assert!(shown.contains("What Alex sees"), "{shown}");
    // Sam has a passphrase: the note says the question comes, not how to set one.
    assert!(shown.contains("only you can read: you"), "{shown}");
    assert!(!shown.contains("rekindle partners passphrase"), "{shown}");
    assert!(!shown.contains("Save this check-in?"), "{shown}");
    assert!(
        summary.contains("words: private, only you can read them"),
        "the summary before saving says the words stay private:\n{summary}"
    );
    p.exp_string("Saved Sam's check-in")
        .expect("the saved line");
    let (code, _) = finish(p);
    assert_eq!(code, 0);
    let rows = query(
        &env,
        "SELECT trust, answer IS NULL, private IS NOT NULL FROM checkins",
    );
    assert_eq!(rows, [[int(6), int(1), int(1)]]);
}

/// An interrupted meeting keeps what was said as a draft (nothing else is written), and the
/// next `together` offers to go on from the part it stopped at.
#[test]
fn an_interrupted_meeting_is_kept_as_a_draft_and_resumed() {
    let env = TestEnv::with_couple();
    let mut p = spawn(&env, &["together"]);
    for (question, keys) in [
        ("How much do you trust Alex today?", "6\r"),
        ("How close do you feel to Alex today?", "7\r"),
        ("What are you feeling?", ENTER),
        ("Your answer", "I own it.\r"),
        ("Sam, show your scores on the summary", ENTER),
        ("hand the keyboard to Alex", ENTER),
        ("How much do you trust Sam today?", "\x03"),
    ] {
        answer(&mut p, question, keys);
    }
    p.exp_string("cancelled; what you said so far (the first part of 4) is kept as a draft")
        .expect("the draft line");
    let (code, rest) = finish(p);
    assert_eq!(code, 130);
    let rest_words = rest.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        rest_words.contains("the next `rekindle together` offers to go on from there"),
        "{rest}"
    );
    assert!(rest.contains("nothing else was saved"), "{rest}");
    assert!(!rest.contains("nothing was saved"), "{rest}");
    assert_eq!(query(&env, "SELECT count(*) FROM checkins"), [[int(0)]]);
    assert_eq!(
        query(&env, "SELECT count(*) FROM meeting_drafts"),
        [[int(1)]]
    );

    let mut p = spawn(&env, &["together"]);
    for (question, keys) in [
        ("stopped after part 1 of 4", ENTER),
        ("How much do you trust Sam today?", "4\r"),
        ("How close do you feel to Sam today?", "5\r"),
        ("What are you feeling?", ENTER),
        ("Your answer", ENTER),
        ("Alex, show your scores on the summary", ENTER),
        ("Sam, anything you appreciated about Alex this week?", ENTER),
        ("Alex, anything you appreciated about Sam this week?", ENTER),
        ("What went well between you this week?", "we kept going\r"),
        ("One thing to work on together", ENTER),
        (
            "Sam, what would you like Alex to do for you this week?",
            ENTER,
        ),
        (
            "Alex, what would you like Sam to do for you this week?",
            ENTER,
        ),
        ("Save your time together?", ENTER),
    ] {
        answer(&mut p, question, keys);
    }
    p.exp_string("Saved your time together")
        .expect("the saved line");
    let (code, _) = finish(p);
    assert_eq!(code, 0);
    assert_eq!(
        query(
            &env,
            "SELECT partner_id, trust FROM checkins ORDER BY partner_id"
        ),
        [vec![int(1), int(6)], vec![int(2), int(4)]]
    );
    assert_eq!(
        query(&env, "SELECT count(*) FROM meeting_drafts"),
        [[int(0)]]
    );
}

/// Issue 18: a hard moment talked through in a terminal. The opening says first that it is
/// never about blame for the betrayal; only the moment itself must be named; Enter leaves
/// any other part out; the last question says the partner can read it.
#[test]
fn a_hard_moment_is_talked_through_part_by_part_in_a_terminal() {
    let env = TestEnv::with_couple();
    let mut p = spawn(&env, &["exercise", "incident", "--as", "Sam"]);
    let shown = answer(&mut p, "Which moment is this about?", "the drive home\r");
    let flat = shown.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("blame for the betrayal"), "{shown}");
    answer(&mut p, "How did you feel then?", "tired, shut out\r");
    answer(&mut p, "How did it look from where you stood?", ENTER);
    answer(&mut p, "What did it touch in you", ENTER);
    answer(&mut p, "What was your own part", "I was short with Alex\r");
    answer(&mut p, "One thing that could help", ENTER);
    answer(
        &mut p,
        "Save this? Alex can read everything saved here",
        ENTER,
    );
    p.exp_string("Saved exercise 1").expect("saved");
    let (code, _) = finish(p);
    assert_eq!(code, 0);
    assert_eq!(
        query(
            &env,
            "SELECT type, what, felt, view, own_part, plan FROM exercises"
        ),
        [vec![
            text("incident"),
            text("the drive home"),
            text("tired, shut out"),
            rusqlite::types::Value::Null,
            text("I was short with Alex"),
            rusqlite::types::Value::Null,
        ]]
    );
}

/// `note -` with a terminal on standard input does not wait for typing that has no end: it
/// says how to give the words, exits 2 and writes nothing.
#[test]
fn a_note_of_a_dash_in_a_terminal_is_refused_rather_than_waited_on() {
    let env = TestEnv::with_couple();
    let p = spawn(&env, &["note", "--as", "Alex", "-"]);
    let (code, rest) = finish(p);
    assert_eq!(code, 2, "{rest}");
    assert!(rest.contains("standard input is this terminal"), "{rest}");
    assert_eq!(query(&env, "SELECT count(*) FROM notes"), [[int(0)]]);
}
