//! `rekindle apology`: writing, answering, listing and checking apologies, and refusals.
//! Today is Saturday 21 November 2026 in every test.

use serde_json::json;

use crate::support::{TestEnv, dump};

const WHAT: &str = "I read your messages without asking.";
const RESPONSIBILITY: &str = "I chose to do it, and it was wrong.";

fn add_sams_apology(env: &TestEnv) {
    env.run([
        "apology",
        "add",
        "--as",
        "Sam",
        "--what",
        WHAT,
        "--responsibility",
        RESPONSIBILITY,
    ])
    .success();
}

fn rows(env: &TestEnv, table: &str) -> i64 {
    let conn = rusqlite::Connection::open(env.default_journal()).unwrap();
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

#[test]
fn add_with_flags_prints_the_record() {
    let env = TestEnv::with_couple();
    let record = env
        .run([
            "apology",
            "add",
            "--as",
            "sam",
            "--what",
            WHAT,
            "--impact",
            "You felt spied on.",
            "--responsibility",
            RESPONSIBILITY,
            "--change",
            "I will ask before I touch your phone.",
            "--json",
        ])
        .success()
        .json();
    assert_eq!(
        record,
        json!({"kind": "apology", "id": 1, "date": "2026-11-21", "partner": "Sam",
               "to": "Alex", "what": WHAT, "impact": "You felt spied on.",
               "responsibility": RESPONSIBILITY,
               "change": "I will ask before I touch your phone.", "promise_id": null,
               "withdrawn_on": null, "edited": false,
               "check": {"findings": [], "missing": ["regret"]}})
    );
    env.run(["apology", "list"])
        .success()
        .stdout_has("1  Sam to Alex, Saturday 21 November 2026 · not answered yet")
        .stdout_has("What happened: I read your messages without asking.")
        .stdout_has("How it affected them: You felt spied on.");
}

#[test]
fn human_output_names_the_date_and_how_to_answer() {
    let env = TestEnv::with_couple();
    env.run([
        "apology",
        "add",
        "--as",
        "Sam",
        "--what",
        WHAT,
        "--responsibility",
        RESPONSIBILITY,
        "--date",
        "yesterday",
    ])
    .success()
    .stdout_has("Saved Sam's apology to Alex, number 1, for Friday 20 November 2026.")
    .stdout_has("rekindle apology respond 1 --accept");
}

// Changed with issue 13: an apology given as flags is checked before it is saved, so words
// that land badly never reach the other partner's timeline unless the writer insists.
#[test]
fn a_non_apology_given_as_flags_is_held_back_and_saved_only_as_written() {
    let env = TestEnv::with_couple();
    let journal = env.default_journal();
    let before = crate::support::dump(&journal);
    let args = [
        "apology",
        "add",
        "--as",
        "Sam",
        "--what",
        "Things got out of hand.",
        "--responsibility",
        "I'm sorry if you felt hurt.",
    ];
    env.run(args)
        .refused()
        .stdout_has(
            "The apology check noticed something you may want to change before Alex reads it",
        )
        .stdout_has("A conditional apology: \"sorry if you felt hurt\"")
        .stdout_has("No one did it: \"Things got out of hand\"")
        .stderr_has("the apology check found 2 things in these words, so nothing was saved")
        .stderr_has("--as-written");
    assert_eq!(crate::support::dump(&journal), before, "nothing was saved");
    assert_eq!(rows(&env, "apologies"), 0);
    let mut as_written = args.to_vec();
    as_written.push("--as-written");
    env.run(as_written)
        .success()
        .stdout_has("Saved Sam's apology to Alex")
        .stdout_has("The apology check noticed something")
        .stdout_has("A conditional apology: \"sorry if you felt hurt\"");
    assert_eq!(rows(&env, "apologies"), 1);
}

#[test]
fn missing_parts_never_hold_an_apology_back() {
    let env = TestEnv::with_couple();
    env.run([
        "apology",
        "add",
        "--as",
        "Sam",
        "--what",
        "I read your messages.",
        "--responsibility",
        "I chose to.",
    ])
    .success()
    .stdout_has("Saved Sam's apology to Alex");
    assert_eq!(rows(&env, "apologies"), 1);
}

#[test]
fn add_says_which_parts_are_missing_as_the_check_does() {
    let env = TestEnv::with_couple();
    let what = "I read your messages without asking.";
    let responsibility = "I did that behind your back.";
    let saved = env.run([
        "apology",
        "add",
        "--as",
        "Sam",
        "--what",
        what,
        "--responsibility",
        responsibility,
    ]);
    saved.success();
    let checked = env.run(["apology", "check", &format!("{what}\n{responsibility}")]);
    let block = |out: &str| -> String {
        let start = out.find("It could say more about:").expect(out);
        out[start..]
            .lines()
            .take_while(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let from_add = block(&saved.stdout);
    assert_eq!(from_add, block(&checked.stdout));
    assert!(
        from_add.contains("  Repair: offer something concrete"),
        "{from_add}"
    );
    assert!(from_add.contains("  Regret: let them hear"), "{from_add}");
    assert_eq!(rows(&env, "apologies"), 1);

    // A whole apology gets no such lines.
    env.run([
        "apology",
        "add",
        "--as",
        "Sam",
        "--what",
        "I lied to you.",
        "--responsibility",
        "I'm sorry I lied. I chose to, and it was wrong.",
        "--change",
        "I will tell you the truth from now on.",
    ])
    .success();
    let whole = env.run([
        "apology",
        "add",
        "--as",
        "Sam",
        "--what",
        "I lied to you again.",
        "--responsibility",
        "I'm sorry I lied. I chose to, and it was wrong.",
        "--change",
        "I will tell you the truth from now on.",
    ]);
    assert!(!whole.stdout.contains("could say more"), "{}", whole.stdout);
}

#[test]
fn add_json_carries_the_check_findings_the_text_prints() {
    let env = TestEnv::with_couple();
    let record = env
        .run([
            "apology",
            "add",
            "--as",
            "Sam",
            "--what",
            "Things got out of hand.",
            "--responsibility",
            "I'm sorry if you felt hurt.",
            "--as-written",
            "--json",
        ])
        .success()
        .json();
    assert_eq!(record["kind"], "apology");
    let findings = record["check"]["findings"].as_array().unwrap();
    let kinds: Vec<&str> = findings
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["passive-voice", "conditional"], "{record}");
    assert_eq!(findings[1]["excerpt"], "sorry if you felt hurt");
    // Each finding is shaped as `apology check --json` gives it.
    let alone = env
        .run([
            "apology",
            "check",
            "--json",
            "Things got out of hand.\nI'm sorry if you felt hurt.",
        ])
        .success()
        .json();
    assert_eq!(record["check"], alone);
    assert_eq!(rows(&env, "apologies"), 1);
}

#[test]
fn promise_flag_links_a_promise_in_the_same_write() {
    let env = TestEnv::with_couple();
    let record = env
        .run([
            "apology",
            "add",
            "--as",
            "Sam",
            "--what",
            WHAT,
            "--responsibility",
            RESPONSIBILITY,
            "--change",
            "Ask before touching your phone",
            "--promise",
            "--every",
            "Day",
            "--json",
        ])
        .success()
        .json();
    assert_eq!(record["promise_id"], 1);
    let promises = env.run(["promise", "list", "--json"]).success().json();
    assert_eq!(promises[0]["id"], 1);
    assert_eq!(promises[0]["by"], "Sam");
    assert_eq!(promises[0]["to"], "Alex");
    assert_eq!(promises[0]["text"], "Ask before touching your phone");
    assert_eq!(promises[0]["every"], "day");
    assert_eq!(promises[0]["from"], "2026-11-21");
    let list = env.run(["apology", "list", "--json"]).success().json();
    assert_eq!(list[0]["promise_id"], 1);
    env.run(["apology", "list"])
        .success()
        .stdout_has("Change: Ask before touching your phone (promise 1)");
}

#[test]
fn add_refusals_write_nothing() {
    let env = TestEnv::with_couple();
    let before = dump(&env.default_journal());
    let cases: &[(&[&str], &str)] = &[
        (
            &["apology", "add", "--as", "Sam"],
            "apology add needs --what and --responsibility when there is no terminal to ask in",
        ),
        (
            &["apology", "add", "--as", "Sam", "--what", WHAT],
            "apology add needs --responsibility when",
        ),
        (
            &[
                "apology",
                "add",
                "--as",
                "Sam",
                "--responsibility",
                RESPONSIBILITY,
                "--change",
                "x",
            ],
            "apology add needs --what when",
        ),
        (
            &[
                "apology",
                "add",
                "--as",
                "Sam",
                "--what",
                "  ",
                "--responsibility",
                RESPONSIBILITY,
            ],
            "--what is empty",
        ),
        (
            &[
                "apology",
                "add",
                "--as",
                "Sam",
                "--what",
                WHAT,
                "--responsibility",
                RESPONSIBILITY,
                "--impact",
                "",
            ],
            "--impact is empty",
        ),
        (
            &[
                "apology",
                "add",
                "--as",
                "Sam",
                "--what",
                WHAT,
                "--responsibility",
                RESPONSIBILITY,
                "--promise",
            ],
            "--promise turns your --change into a promise; pass --change too",
        ),
        (
            &[
                "apology",
                "add",
                "--as",
                "Sam",
                "--what",
                WHAT,
                "--responsibility",
                RESPONSIBILITY,
                "--change",
                "x",
                "--promise",
                "--every",
                "often",
            ],
            "--every \"often\" is not a schedule",
        ),
        (
            &[
                "apology",
                "add",
                "--as",
                "Sam",
                "--what",
                WHAT,
                "--responsibility",
                RESPONSIBILITY,
                "--date",
                "2026-11-22",
            ],
            "an apology cannot be in the future",
        ),
        (
            &[
                "apology",
                "add",
                "--as",
                "Kim",
                "--what",
                WHAT,
                "--responsibility",
                RESPONSIBILITY,
            ],
            "there is no partner called \"Kim\"",
        ),
    ];
    for (args, needle) in cases {
        env.run(*args).refused().stderr_has(needle);
    }
    assert_eq!(dump(&env.default_journal()), before);
}

#[test]
fn respond_by_the_other_partner_and_a_later_answer_replaces_the_earlier() {
    let env = TestEnv::with_couple();
    add_sams_apology(&env);
    let first = env
        .run([
            "apology",
            "respond",
            "1",
            "--need-time",
            "--note",
            "Give me a week.",
            "--date",
            "2026-11-21",
            "--as",
            "Alex",
            "--json",
        ])
        .success()
        .json();
    assert_eq!(
        first,
        json!({"kind": "response", "id": 1, "date": "2026-11-21", "partner": "Alex",
               "apology_id": 1, "status": "need-time", "note": "Give me a week.",
               "edited": false})
    );
    let list = env.run(["apology", "list", "--json"]).success().json();
    assert_eq!(
        list[0]["response"],
        json!({"status": "need-time", "note": "Give me a week.", "date": "2026-11-21"})
    );
    env.run(["apology", "respond", "1", "--accept", "--as", "alex"])
        .success()
        .stdout_has("Saved Alex's answer to apology 1 from Sam, for Saturday 21 November 2026: accepted.")
        .stdout_has("It replaces the earlier answer (needs more time, Saturday 21 November 2026); both stay in the journal.");
    let list = env.run(["apology", "list", "--json"]).success().json();
    assert_eq!(
        list[0]["response"],
        json!({"status": "accepted", "note": null, "date": "2026-11-21"})
    );
    assert_eq!(rows(&env, "responses"), 2, "the history keeps both answers");
    env.run(["apology"])
        .success()
        .stdout_has("· accepted (Sat 21 Nov 2026)");
}

#[test]
fn respond_refusals_write_nothing() {
    let env = TestEnv::with_couple();
    env.run([
        "apology",
        "add",
        "--as",
        "Sam",
        "--what",
        WHAT,
        "--responsibility",
        RESPONSIBILITY,
        "--date",
        "2026-11-20",
    ])
    .success();
    let before = dump(&env.default_journal());
    let cases: &[(&[&str], &str)] = &[
        (
            &["apology", "respond", "1", "--accept", "--as", "Sam"],
            "apology 1 is Sam's own; only Alex can answer it",
        ),
        (
            &["apology", "respond", "1", "--as", "Alex"],
            "choose one answer: --accept, --need-time or --decline",
        ),
        (
            &[
                "apology",
                "respond",
                "1",
                "--accept",
                "--need-time",
                "--decline",
                "--as",
                "Alex",
            ],
            "choose only one answer (got --accept, --need-time and --decline)",
        ),
        (
            &["apology", "respond", "7", "--accept", "--as", "Alex"],
            "there is no apology 7",
        ),
        (
            &["apology", "respond", "-2", "--accept", "--as", "Alex"],
            "(got \"-2\")",
        ),
        (
            &[
                "apology",
                "respond",
                "1",
                "--decline",
                "--note",
                "",
                "--as",
                "Alex",
            ],
            "--note is empty",
        ),
        (
            &[
                "apology",
                "respond",
                "1",
                "--decline",
                "--date",
                "2026-11-19",
                "--as",
                "Alex",
            ],
            "--date Thursday 19 November 2026 is before the apology was made (Friday 20 November 2026)",
        ),
        (
            &[
                "apology",
                "respond",
                "1",
                "--decline",
                "--date",
                "2026-12-01",
                "--as",
                "Alex",
            ],
            "an answer cannot be in the future",
        ),
    ];
    for (args, needle) in cases {
        env.run(*args).refused().stderr_has(needle);
    }
    assert_eq!(dump(&env.default_journal()), before);
}

#[test]
fn empty_list_says_how_to_start() {
    let env = TestEnv::with_couple();
    env.run(["apology", "list"])
        .success()
        .stdout_has("No apologies yet.");
    assert_eq!(
        env.run(["apology", "list", "--json"]).success().json(),
        json!([])
    );
}

#[test]
fn check_finds_patterns_from_an_argument_or_stdin_and_exits_zero() {
    // No journal is needed: the check reads nothing and writes nothing.
    let env = TestEnv::new();
    let report = env
        .run([
            "apology",
            "check",
            "--json",
            "I’m sorry if you felt hurt, but you’re overreacting. Let’s move on.",
        ])
        .success()
        .json();
    let kinds: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    // One finding per place: "but you're overreacting" is reported once, as what it is (it
    // used to come back three times, as blame, an excuse and dismissing).
    assert_eq!(kinds, ["conditional", "dismissing", "demanding-closure"]);
    let excerpts: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["excerpt"].as_str().unwrap())
        .collect();
    assert_eq!(
        excerpts,
        [
            "sorry if you felt hurt",
            "you’re overreacting",
            "Let’s move on"
        ]
    );
    assert_eq!(report["findings"][0]["excerpt"], "sorry if you felt hurt");
    assert!(report["findings"][0]["why"].as_str().unwrap().len() > 20);
    assert!(report["findings"][0]["suggestion"].as_str().unwrap().len() > 20);
    assert_eq!(report["missing"], json!(["responsibility", "repair"]));

    let genuine = "I'm sorry I lied to you. I chose to, and it was wrong. I will tell you the truth from now on.";
    let clean = env
        .run_with_stdin(["apology", "check", "--json"], genuine)
        .success()
        .json();
    assert_eq!(clean, json!({"findings": [], "missing": []}));
    env.run_with_stdin(["apology", "check"], genuine)
        .success()
        .stdout_has("Nothing in it reads as an excuse, a hedge or blame.");
    env.run(["apology", "check", "It was just one night."])
        .success()
        .stdout_has("Making it smaller: \"It was just one night\"")
        .stdout_has("It could say more about:");
    assert!(!env.default_journal().exists());
}

#[test]
fn check_says_when_a_draft_is_no_apology_yet_or_reads_as_one_as_a_whole() {
    let env = TestEnv::new();
    // None of the parts, and nothing else found: not an apology yet.
    let report = env
        .run([
            "apology",
            "check",
            "--json",
            "We went to the beach on Saturday.",
        ])
        .success()
        .json();
    assert_eq!(report["findings"].as_array().unwrap().len(), 1);
    assert_eq!(report["findings"][0]["kind"], "no-apology");
    assert_eq!(report["findings"][0]["excerpt"], "We went to the beach on");
    assert_eq!(
        report["missing"],
        json!(["responsibility", "repair", "regret"])
    );
    env.run(["apology", "check", "We went to the beach on Saturday."])
        .success()
        .stdout_has("Not an apology yet: \"We went to the beach on\"");
    // No pattern, but the whole draft reads as a non-apology: said once, as a reading of the
    // whole, with the JSON shape unchanged.
    let draft = "im sorry ok. u know im trying my best here";
    let report = env
        .run(["apology", "check", "--json", draft])
        .success()
        .json();
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{report}");
    let keys: Vec<&String> = findings[0].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["kind", "excerpt", "why", "suggestion"]);
    assert!(draft.contains(findings[0]["excerpt"].as_str().unwrap()));
    env.run(["apology", "check", draft])
        .success()
        .stdout_has("No one phrase set this off: it is how the whole draft reads");
    assert!(!env.default_journal().exists());
    // Neither holds back an apology given as parts: each part's flag says what it is for, and
    // a missing part never blocks (the same words as one draft are "not an apology yet").
    let report = env
        .run(["apology", "check", "--json", "the weekend away\nmine"])
        .success()
        .json();
    assert_eq!(report["findings"][0]["kind"], "no-apology");
    let couple = TestEnv::with_couple();
    couple
        .run([
            "apology",
            "add",
            "--as",
            "sam",
            "--what",
            "the weekend away",
            "--responsibility",
            "mine",
        ])
        .success();
    assert_eq!(rows(&couple, "apologies"), 1);
}

#[test]
fn check_counts_a_question_about_what_would_help_as_repair() {
    let env = TestEnv::new();
    for ask in [
        "What would help?",
        "What would help you?",
        "Is there anything that would help?",
        "Is there anything I can do?",
        "What can I do?",
        "How can I make this right?",
        "What do you need from me?",
    ] {
        let draft = format!("I lied to you and I regret it. {ask}");
        let report = env
            .run(["apology", "check", "--json", &draft])
            .success()
            .json();
        assert_eq!(report, json!({"findings": [], "missing": []}), "{draft}");
    }
    // A question about something else is not an offer of repair.
    let report = env
        .run([
            "apology",
            "check",
            "--json",
            "I lied to you and I regret it. What time is dinner?",
        ])
        .success()
        .json();
    assert_eq!(report["missing"], json!(["repair"]));
}

#[test]
fn check_refuses_a_mistyped_flag_but_checks_a_draft_that_starts_with_a_dash() {
    let env = TestEnv::new();
    for flag in ["--jsn", "--bogus"] {
        env.run(["apology", "check", flag])
            .refused()
            .stderr_has(&format!("unknown flag {flag} for apology check"));
    }
    env.run([
        "apology",
        "check",
        "- I'm sorry I lied. I chose to. I will tell you the truth.",
    ])
    .success()
    .stdout_has("Nothing in it reads as an excuse");
    env.run_with_stdin(["apology", "check"], "--jsn")
        .success()
        .stdout_has("It could say more about:");
}

#[test]
fn check_refuses_an_empty_draft() {
    let env = TestEnv::new();
    env.run_with_stdin(["apology", "check"], "  \n")
        .refused()
        .stderr_has("there is nothing to check");
    env.run(["apology", "check", ""])
        .refused()
        .stderr_has("there is nothing to check");
}

#[test]
fn check_is_quick_on_a_long_draft() {
    let env = TestEnv::new();
    // Every sentence is a little different, since the same kind and excerpt is reported once.
    let text: String = (0..2000)
        .map(|i| format!("I'm sorry if you felt hurt {i} times, but you made me do it. Zoë 💛 "))
        .collect();
    let started = std::time::Instant::now();
    let report = env
        .run_with_stdin(["apology", "check", "--json"], &text)
        .success()
        .json();
    let findings = report["findings"].as_array().unwrap();
    assert!(findings.len() >= 2000, "{}", findings.len());
    // The blame repeated word for word is reported once.
    let blame = findings
        .iter()
        .filter(|f| f["kind"] == "blame-shifting")
        .count();
    assert_eq!(blame, 1);
    // Milliseconds in a release build; the bound only has to catch a blow-up.
    assert!(started.elapsed() < std::time::Duration::from_secs(30));
}

#[test]
fn user_text_is_shown_safely_and_stored_exactly() {
    let env = TestEnv::with_couple();
    let what = "I lied \x1b[31mabout\x1b[0m the \u{202e}money";
    env.run([
        "apology",
        "add",
        "--as",
        "Sam",
        "--what",
        what,
        "--responsibility",
        RESPONSIBILITY,
    ])
    .success();
    let listed = env.run(["apology", "list"]).success().stdout.clone();
    assert!(!listed.contains('\x1b'), "{listed:?}");
    assert!(listed.contains("\\e[31mabout"), "{listed}");
    assert!(listed.contains("\\u{202e}money"), "{listed}");
    let json = env.run(["apology", "list", "--json"]).success().json();
    assert_eq!(json[0]["what"], what);
}
