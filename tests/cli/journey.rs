//! `rekindle prompt`, `steps` and `focus`, and the partner's own prompt files.

use std::collections::HashSet;

use crate::support::{TestEnv, bytes, dump};

fn prompt_id(env: &TestEnv, args: &[&str]) -> String {
    let mut all = vec!["prompt", "--json"];
    all.extend(args);
    env.run(&all).success().json()["prompt_id"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn the_prompt_is_the_same_all_day_and_does_not_come_back_within_two_weeks() {
    let mut env = TestEnv::with_couple();
    let first = prompt_id(&env, &["--as", "Sam"]);
    assert_eq!(prompt_id(&env, &["--as", "sam"]), first, "same all day");
    // Sam is repairing. Over two weeks: fourteen different prompts, one day in three from the
    // pool for any step (the days whose number counted from 1970-01-01 leaves 2 when divided
    // by 3: the 17th, 20th, 23rd and 26th), the rest from step 1.
    let days: Vec<String> = (15..=28)
        .map(|day| {
            env.set("REKINDLE_TODAY", format!("2026-11-{day}"));
            prompt_id(&env, &["--as", "Sam"])
        })
        .collect();
    let distinct: HashSet<&String> = days.iter().collect();
    assert_eq!(distinct.len(), 14, "no prompt twice in two weeks: {days:?}");
    let pooled: Vec<usize> = (15..=28)
        .zip(&days)
        .filter(|(_, id)| id.starts_with("anytime."))
        .map(|(day, _)| day)
        .collect();
    assert_eq!(pooled, [17, 20, 23, 26], "{days:?}");
    assert!(
        days.iter()
            .all(|id| id.starts_with("responsibility.") || id.starts_with("anytime."))
    );
    // A pool prompt carries its own audience; on a step day the step is the focus.
    env.set("REKINDLE_TODAY", "2026-11-17");
    let json = env
        .run(["prompt", "--as", "Sam", "--json"])
        .success()
        .json();
    assert_eq!(json["step"], "responsibility");
    assert_ne!(json["audience"], "healing", "Sam is repairing");
}

/// Check-ins keep the id of the prompt they answered. A prompt rekindle no longer asks still
/// shows its question; one it does not know at all (from a file of one's own, since removed)
/// leaves the answer shown without a question.
#[test]
fn history_shows_the_question_of_a_retired_prompt_and_the_answer_of_an_unknown_one() {
    let mut env = TestEnv::with_couple();
    env.run([
        "checkin",
        "--as",
        "Alex",
        "--trust",
        "4",
        "--answer",
        "Not today.",
    ])
    .success();
    // Alex reads: Alex's own words are never sealed for Alex (issue 15).
    env.set("REKINDLE_AS", "Alex");
    let set_prompt = |id: &str| {
        let conn = rusqlite::Connection::open(env.default_journal()).unwrap();
        conn.execute("UPDATE checkins SET prompt_id = ?1", [id])
            .unwrap();
    };
    set_prompt("reassess.safe");
    env.run(["history"])
        .success()
        .stdout_has("Prompt: Do you feel safe with your partner today, in body and in mind?")
        .stdout_has("Answer: Not today.");
    set_prompt("healing.underneath");
    env.run(["history"])
        .success()
        .stdout_has("Prompt: If you felt a wish to punish or get even today, what was\n");
    let json = env.run(["history", "--json"]).success().json();
    assert_eq!(json[0]["prompt_id"], "healing.underneath");
    set_prompt("ours.gone");
    let run = env.run(["history"]);
    let text = &run.success().stdout;
    assert!(text.contains("Answer: Not today."), "{text}");
    assert!(!text.contains("Prompt:"), "{text}");
}

#[test]
fn prompts_follow_the_role_step_and_date_flags() {
    let env = TestEnv::with_couple();
    let json = env
        .run(["prompt", "--as", "Alex", "--step", "forgiveness", "--json"])
        .success()
        .json();
    assert_eq!(json["date"], "2026-11-21");
    assert_eq!(json["partner"], "Alex");
    assert_eq!(json["step"], "forgiveness");
    assert!(
        json["prompt_id"]
            .as_str()
            .unwrap()
            .starts_with("forgiveness.")
    );
    assert_ne!(json["audience"], "repairing", "Alex is healing");
    assert!(json["text"].as_str().unwrap().ends_with('?'));
    let other_day = env
        .run([
            "prompt",
            "--as",
            "Alex",
            "--step",
            "5",
            "--date",
            "yesterday",
            "--json",
        ])
        .success()
        .json();
    assert_eq!(other_day["date"], "2026-11-20");
    assert_ne!(other_day["prompt_id"], json["prompt_id"]);
    env.run(["prompt", "--as", "Alex"])
        .success()
        .stdout_has("For Alex, Saturday 21 November 2026 (step 1 of 8, take responsibility):");
}

#[test]
fn the_reassess_step_always_shows_the_safety_note() {
    let env = TestEnv::with_couple();
    env.run(["prompt", "--as", "Sam", "--step", "reassess"])
        .success()
        .stdout_has("domestic-violence helpline");
    env.run(["focus", "reassess"])
        .success()
        .stdout_has("domestic-violence helpline");
    env.run(["focus"])
        .success()
        .stdout_has("domestic-violence helpline");
    env.run(["steps"])
        .success()
        .stdout_has("domestic-violence helpline");
    let run = env.run(["prompt", "--as", "Sam", "--step", "renewal"]);
    assert!(!run.success().stdout.contains("helpline"));
}

#[test]
fn prompt_refusals() {
    let env = TestEnv::with_couple();
    env.run(["prompt", "--as", "Sam", "--step", "bravery"])
        .refused()
        .stderr_has("--step: \"bravery\" is not a step");
    env.run(["prompt", "--as", "Sam", "--date", "2026-13-01"])
        .refused()
        .stderr_has("not a real calendar date");
    env.run(["prompt"])
        .refused()
        .stderr_has("pass --as with Sam or Alex");
    env.run(["prompt", "--as", "Kim"])
        .refused()
        .stderr_has("no partner called \"Kim\"");
}

#[test]
fn steps_lists_the_journey_with_the_current_focus() {
    let env = TestEnv::with_couple();
    let json = env.run(["steps", "--json"]).success().json();
    let steps = json.as_array().unwrap();
    let ids: Vec<&str> = steps.iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "responsibility",
            "communication",
            "healing",
            "consistency",
            "forgiveness",
            "intimacy",
            "reassess",
            "renewal"
        ]
    );
    assert_eq!(steps[0]["title"], "Take responsibility");
    assert_eq!(steps[0]["current"], true);
    assert_eq!(steps.iter().filter(|s| s["current"] == true).count(), 1);
    assert!(
        steps
            .iter()
            .all(|s| s["summary"].as_str().unwrap().len() > 40)
    );
    env.run(["focus", "4"]).success();
    let json = env.run(["steps", "--json"]).success().json();
    assert_eq!(json[3]["current"], true);
    assert_eq!(json[0]["current"], false);
    env.run(["steps"])
        .success()
        .stdout_has("4. Actions, not words (consistency)  <- your focus");
}

#[test]
fn focus_changes_are_recorded_with_their_date() {
    let mut env = TestEnv::with_couple();
    env.run(["focus"]).success().stdout_has(
        "Your focus is step 1 of 8, Take responsibility, since Saturday 21 November 2026.",
    );
    env.set("REKINDLE_TODAY", "2026-11-25");
    let json = env
        .run(["focus", "Communication", "--as", "alex", "--json"])
        .success()
        .json();
    assert_eq!(json["kind"], "focus");
    assert_eq!(json["date"], "2026-11-25");
    assert_eq!(json["partner"], "Alex");
    assert_eq!(json["step"], "communication");
    assert_eq!(json["title"], "Talk and listen openly");
    let shown = env.run(["focus", "--json"]).success().json();
    assert_eq!(shown["step"], "communication");
    assert_eq!(shown["since"], "2026-11-25");
    assert_eq!(shown["days"], 1, "the day of the change is day 1");
    env.run(["focus", "healing"]).success().stdout_has(
        "Your focus is now step 3 of 8, Heal at your own pace, from Wednesday 25 November 2026.",
    );
    let conn = rusqlite::Connection::open(env.default_journal()).unwrap();
    let rows: Vec<(String, String, Option<i64>)> = conn
        .prepare("SELECT step, date, partner_id FROM focus_changes ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        rows,
        [
            ("responsibility".into(), "2026-11-21".into(), None),
            ("communication".into(), "2026-11-25".into(), Some(2)),
            ("healing".into(), "2026-11-25".into(), None),
        ]
    );
}

#[test]
fn focusing_on_the_current_step_changes_nothing_and_bad_steps_are_refused() {
    let env = TestEnv::with_couple();
    let before = dump(&env.default_journal());
    env.run(["focus", "responsibility"])
        .success()
        .stdout_has("already step 1 of 8");
    env.run(["focus", "bravery"])
        .refused()
        .stderr_has("\"bravery\" is not a step; use one of responsibility, communication");
    env.run(["focus", "0"]).refused();
    env.run(["focus", "healing", "--as", "Kim"])
        .refused()
        .stderr_has("no partner called \"Kim\"");
    assert_eq!(dump(&env.default_journal()), before);
}

fn write_user_prompts(env: &TestEnv, name: &str, text: &str) {
    let dir = env.home().join(".config/rekindle/prompts");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(name), text).unwrap();
}

#[test]
fn a_partners_own_prompt_file_adds_and_replaces_prompts() {
    let mut env = TestEnv::with_couple();
    // Replace the prompt Alex sees today: the replacement keeps its place in the rotation.
    let builtin = env
        .run(["prompt", "--as", "Alex", "--json"])
        .success()
        .json();
    write_user_prompts(
        &env,
        "ours.toml",
        &format!(
            "id = \"responsibility\"\n\n[[prompts]]\nid = \"{}\"\naudience = \"healing\"\ntext = \"What would a kind evening look like for you?\"\n",
            builtin["prompt_id"].as_str().unwrap()
        ),
    );
    let replaced = env
        .run(["prompt", "--as", "Alex", "--json"])
        .success()
        .json();
    assert_eq!(replaced["prompt_id"], builtin["prompt_id"]);
    assert_eq!(
        replaced["text"],
        "What would a kind evening look like for you?"
    );
    // A check-in answering it records that id.
    let json = env
        .run([
            "checkin", "--as", "Alex", "--trust", "4", "--answer", "a bath", "--json",
        ])
        .success()
        .json();
    assert_eq!(json["prompt_id"], builtin["prompt_id"]);
    // XDG_CONFIG_HOME moves the folder.
    env.set("XDG_CONFIG_HOME", env.root().join("elsewhere"));
    let back = env
        .run(["prompt", "--as", "Alex", "--json"])
        .success()
        .json();
    assert_eq!(back["text"], builtin["text"]);
}

#[test]
fn a_malformed_prompt_file_is_reported_and_the_built_in_prompts_still_work() {
    let env = TestEnv::with_couple();
    let expected = env
        .run(["prompt", "--as", "Sam", "--json"])
        .success()
        .json();
    write_user_prompts(
        &env,
        "broken.toml",
        "id = \"responsibility\"\n\n[[prompts]]\nid = \"mine.one\"\naudience = \"everyone\"\ntext = \"Why?\"\n",
    );
    let run = env.run(["prompt", "--as", "Sam", "--json"]);
    run.success()
        .stderr_has("rekindle: warning: ")
        .stderr_has("broken.toml line 5: ")
        .stderr_has("the built-in prompts are used");
    assert_eq!(run.json(), expected);
    // Writes still work too.
    env.run(["checkin", "--as", "Sam", "--trust", "5"])
        .success()
        .stderr_has("broken.toml line 5");
}

#[test]
fn a_stray_word_after_focus_gets_a_plain_refusal() {
    let env = TestEnv::with_couple();
    let before = dump(&env.default_journal());
    let run = env.run(["focus", "healing", "extra"]);
    run.refused()
        .stderr_has("unexpected argument 'extra' found (see --help)");
    assert!(!run.stderr.contains("quotes"), "{}", run.stderr);
    assert_eq!(dump(&env.default_journal()), before);
    // Where the positional is free text, the hint about quotes stays.
    env.run(["promise", "add", "--as", "Sam", "Walk", "after", "dinner"])
        .refused()
        .stderr_has("text with spaces goes in quotes");
}

/// `focus` shows a known reader the practices for their role; for an unknown reader each
/// practice written for one partner says whom it is for.
#[test]
fn focus_shows_the_practices_for_the_readers_role() {
    let env = TestEnv::with_couple();
    let end_contact = "End the contact or the behaviour that broke trust";
    let not_now = "\"Not now\" is a complete";
    let alex = env.run(["focus", "--as", "Alex"]);
    alex.success();
    let alex_text = alex.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(!alex_text.contains(end_contact), "{}", alex.stdout);
    assert!(alex_text.contains(not_now), "{}", alex.stdout);
    let sam = env.run(["focus", "--as", "Sam"]);
    sam.success();
    let sam_text = sam.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(sam_text.contains(end_contact), "{}", sam.stdout);
    assert!(!sam_text.contains(not_now), "{}", sam.stdout);
    let anyone = env.run(["focus"]);
    anyone.success();
    assert!(
        anyone
            .stdout
            .contains(&format!("- If you broke trust: {}", &end_contact[..20])),
        "{}",
        anyone.stdout
    );
    assert!(
        anyone.stdout.contains("- If you were hurt: "),
        "{}",
        anyone.stdout
    );
}

/// A move to forgiveness, intimacy or renewal by the partner repairing trust waits for the
/// other's `focus --agree`; the proposal is kept, exported and visible, and the focus stays
/// where it was until then. The partner who was hurt moves there alone.
#[test]
fn a_move_to_forgiveness_by_the_repairing_partner_waits_for_agreement() {
    let env = TestEnv::with_couple();
    let journal = env.default_journal();
    let proposed = env.run(["focus", "forgiveness", "--as", "Sam"]);
    proposed.success();
    let words = proposed
        .stdout
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        words.contains("Sam proposed moving the focus to step 5 of 8, Forgive gradually. It moves when Alex agrees, in their own time: rekindle focus --agree --as Alex. Until then the focus stays on step 1 of 8."),
        "{words}"
    );
    assert!(
        words.contains("never owed, and it is not the same as staying together"),
        "{words}"
    );
    let focus = env.run(["focus", "--json"]).success().json();
    assert_eq!(focus["step"], "responsibility");
    assert_eq!(focus["waiting"]["step"], "forgiveness");
    assert_eq!(focus["waiting"]["waiting"], true);
    let prompt = env
        .run(["prompt", "--as", "Alex", "--json"])
        .success()
        .json();
    assert_ne!(
        prompt["step"], "forgiveness",
        "the focus has not moved: {prompt}"
    );
    env.run(["focus"])
        .success()
        .stdout_has("it moves when Alex agrees");
    let today = env.run(["--as", "Alex"]);
    today.success();
    let words = today
        .stdout
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        words.contains("Sam proposed step 5 of 8, Forgive gradually; it waits for Alex"),
        "{words}"
    );
    let today = env.run(["--as", "Alex", "--json"]).success().json();
    assert_eq!(today["focus"]["step"], "responsibility");
    assert_eq!(today["focus"]["proposed"]["step"], "forgiveness");
    // Proposing it again changes nothing.
    env.run(["focus", "forgiveness", "--as", "Sam"]).success();
    let history = env
        .run(["history", "--kind", "focus", "--json"])
        .success()
        .json();
    let waiting: Vec<_> = history
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["waiting"] == true)
        .collect();
    assert_eq!(waiting.len(), 1, "{history}");
    env.run(["history", "--kind", "focus"])
        .success()
        .stdout_has("Proposed moving the focus to step 5, Forgive gradually (Sam)");

    // The one who proposed cannot agree for the other; nothing changes.
    let before = bytes(&journal);
    env.run(["focus", "--agree", "--as", "Sam"])
        .refused()
        .stderr_has("Sam proposed the move to step 5");
    assert_eq!(bytes(&journal), before);

    let export = env.run(["export"]).success().json();
    let exported: Vec<_> = export["focus"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["waiting"] == true)
        .collect();
    assert_eq!(exported.len(), 1, "the proposal travels with the export");

    let agreed = env
        .run(["focus", "--agree", "--as", "Alex", "--json"])
        .success()
        .json();
    assert_eq!(agreed["step"], "forgiveness");
    assert_eq!(agreed["waiting"], false);
    assert_eq!(agreed["agreed_by"], "Alex");
    assert_eq!(agreed["partner"], "Sam");
    assert_eq!(agreed["date"], crate::support::TODAY);
    let focus = env.run(["focus", "--json"]).success().json();
    assert_eq!(focus["step"], "forgiveness");
    assert!(focus["waiting"].is_null());
    // The waiting version is kept as a revision.
    let id = agreed["id"].to_string();
    let shown = env.run(["show", "focus", &id, "--json"]).success().json();
    assert_eq!(
        shown["revisions"].as_array().map(Vec::len),
        Some(1),
        "{shown}"
    );
    env.run(["focus", "--agree", "--as", "Alex"])
        .refused()
        .stderr_has("no move of the focus is waiting");

    // The partner who was hurt moves to these steps without waiting.
    let moved = env
        .run(["focus", "intimacy", "--as", "Alex", "--json"])
        .success()
        .json();
    assert_eq!(moved["waiting"], false);
    assert_eq!(
        env.run(["focus", "--json"]).success().json()["step"],
        "intimacy"
    );
    // A move there by nobody in particular needs to know who is moving it.
    env.run(["focus", "renewal"]).refused().stderr_has("--as");
}

/// An exported proposal stays a proposal in the journal it is imported into.
#[test]
fn an_imported_proposal_still_waits() {
    let env = TestEnv::with_couple();
    env.run(["focus", "renewal", "--as", "Sam"]).success();
    let file = env.root().join("export.json");
    env.run(["export", "--output", file.to_str().unwrap()])
        .success();
    let other = env.root().join("other.db");
    env.run([
        "--journal",
        other.to_str().unwrap(),
        "import",
        file.to_str().unwrap(),
    ])
    .success();
    let focus = env
        .run(["--journal", other.to_str().unwrap(), "focus", "--json"])
        .success()
        .json();
    assert_eq!(focus["step"], "responsibility");
    assert_eq!(focus["waiting"]["step"], "renewal");
}

// Audit rows I6, I7, I8: a prompt file that is a named pipe, a link to /dev/zero or larger
// than 1 MiB is skipped at once with one warning each, and the built-in prompts still work.
#[test]
fn prompt_files_that_are_pipes_devices_or_huge_are_skipped_at_once() {
    let env = TestEnv::with_couple();
    let expected = env
        .run(["prompt", "--as", "Sam", "--json"])
        .success()
        .json();
    let dir = env.home().join(".config/rekindle/prompts");
    std::fs::create_dir_all(&dir).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(dir.join("fifo.toml"))
        .status()
        .unwrap();
    assert!(made.success());
    std::os::unix::fs::symlink("/dev/zero", dir.join("zero.toml")).unwrap();
    let huge = format!(
        "id = \"responsibility\"\n{}",
        "[[prompts]]\nid = \"mine.x\"\naudience = \"everyone\"\ntext = \"Why?\"\n".repeat(20_000)
    );
    assert!(huge.len() > 1024 * 1024);
    std::fs::write(dir.join("huge.toml"), huge).unwrap();
    // A child process: a pipe that hung would hang this run, so it is given a deadline.
    let mut child = env
        .command(["prompt", "--as", "Sam", "--json"])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > std::time::Duration::from_secs(30) {
            let _ = child.kill();
            panic!("prompt hung on a prompt file");
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{stderr}");
    assert!(
        lines[0].contains("fifo.toml: it is a named pipe, not a file; this file was skipped"),
        "{stderr}"
    );
    assert!(
        lines[1].contains("huge.toml: it is larger than 1 MiB"),
        "{stderr}"
    );
    assert!(
        lines[2].contains("zero.toml: it is a device, not a file"),
        "{stderr}"
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json, expected);
}
