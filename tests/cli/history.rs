//! `rekindle history`: the timeline, its filters and full-text search.

use serde_json::{Value, json};

use crate::support::{TestEnv, dump};

/// A week of entries of every kind but meetings (which need a terminal).
fn journal() -> TestEnv {
    let env = TestEnv::with_couple();
    for args in [
        &[
            "checkin",
            "--as",
            "Sam",
            "--date",
            "2026-11-19",
            "--trust",
            "4",
            "--connection",
            "5",
            "--feeling",
            "hurt:4",
            "--answer",
            "We walked by the river and I said sorry properly",
        ][..],
        &[
            "checkin",
            "--as",
            "Alex",
            "--date",
            "2026-11-20",
            "--trust",
            "3",
            "--note",
            "tired",
        ],
        &[
            "feel",
            "--as",
            "Alex",
            "--date",
            "2026-11-20",
            "anxious:2",
            "calm",
            "--note",
            "after the call",
        ],
        &[
            "promise",
            "add",
            "--as",
            "Sam",
            "Text you when I'm late",
            "--every",
            "day",
            "--from",
            "2026-11-18",
        ],
        &[
            "promise",
            "keep",
            "1",
            "--as",
            "Alex",
            "--date",
            "2026-11-18",
            "--note",
            "on the dot",
        ],
        &[
            "apology",
            "add",
            "--as",
            "Sam",
            "--date",
            "2026-11-17",
            "--what",
            "I hid the messages",
            "--responsibility",
            "I chose to hide them",
        ],
        &[
            "apology",
            "respond",
            "1",
            "--as",
            "Alex",
            "--date",
            "2026-11-18",
            "--need-time",
        ],
        &["focus", "communication", "--as", "Alex"],
    ] {
        env.run(args).success();
    }
    env
}

fn kinds(v: &Value) -> Vec<(String, i64)> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["kind"].as_str().unwrap().to_string(),
                r["id"].as_i64().unwrap(),
            )
        })
        .collect()
}

fn pairs(list: &[(&str, i64)]) -> Vec<(String, i64)> {
    list.iter().map(|(k, i)| (k.to_string(), *i)).collect()
}

#[test]
fn every_kind_newest_first() {
    let env = journal();
    let json = env.run(["history", "--json"]).success().json();
    assert_eq!(
        kinds(&json),
        pairs(&[
            ("focus", 2),   // 21 Nov, written last
            ("focus", 1),   // 21 Nov, from init
            ("feeling", 3), // 20 Nov: the feel entry ("calm" after "anxious"), written after
            ("feeling", 2), // Alex's check-in; feeling 1 is Sam's "hurt", inside check-in 1
            ("checkin", 2),
            ("checkin", 1),  // 19 Nov
            ("response", 1), // 18 Nov: written after the outcome and the promise
            ("outcome", 1),
            ("promise", 1),
            ("apology", 1), // 17 Nov
        ])
    );
    let dates: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["date"].as_str().unwrap())
        .collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted, "newest date first");
    assert_eq!(json.as_array().unwrap().len(), 10);
    assert_eq!(json[0]["kind"], "focus");
    assert_eq!(json[0]["step"], "communication");
    let checkin = json
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["kind"] == "checkin" && r["partner"] == "Sam")
        .unwrap();
    assert_eq!(checkin["trust"], 4);
    assert_eq!(checkin["connection"], 5);
    assert_eq!(
        checkin["feelings"],
        json!([{"word": "hurt", "intensity": 4, "valence": "unpleasant"}])
    );
    for key in [
        "step",
        "prompt_id",
        "answer",
        "appreciation",
        "need",
        "note",
    ] {
        assert!(checkin.get(key).is_some(), "{key}");
    }
    let outcome = json
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["kind"] == "outcome")
        .unwrap();
    assert_eq!(
        outcome["partner"], "Sam",
        "an outcome belongs to the promise's maker"
    );
    assert_eq!(outcome["recorded_by"], "Alex");
}

#[test]
fn filters_by_kind_date_partner_and_limit() {
    let env = journal();
    let only = |args: &[&str]| kinds(&env.run(args).success().json());
    assert_eq!(
        only(&["history", "--json", "--kind", "checkin"]),
        pairs(&[("checkin", 2), ("checkin", 1)])
    );
    assert_eq!(
        only(&["history", "--json", "--kind", "apology,response"]),
        pairs(&[("response", 1), ("apology", 1)])
    );
    assert_eq!(
        only(&[
            "history",
            "--json",
            "--since",
            "2026-11-19",
            "--until",
            "friday",
            "--kind",
            "checkin,feeling"
        ]),
        pairs(&[
            ("feeling", 3),
            ("feeling", 2),
            ("checkin", 2),
            ("checkin", 1)
        ])
    );
    assert_eq!(
        only(&["history", "--json", "--limit", "1"]),
        pairs(&[("focus", 2)])
    );
    // --partner keeps that partner's entries and the shared ones (focus changes).
    let alex = only(&["history", "--json", "--partner", "alex"]);
    assert!(
        alex.iter()
            .all(|(k, _)| k != "apology" && k != "promise" && k != "outcome"),
        "{alex:?}"
    );
    assert!(alex.contains(&("response".to_string(), 1)));
    assert!(alex.contains(&("focus".to_string(), 1)));
    // --as says who reads, and filters nothing: Alex sees Sam's entries too.
    let as_alex = only(&["history", "--json", "--as", "alex"]);
    assert_eq!(as_alex.len(), 10, "{as_alex:?}");
    assert!(as_alex.contains(&("apology".to_string(), 1)), "{as_alex:?}");
    assert!(as_alex.contains(&("checkin".to_string(), 1)), "{as_alex:?}");
    // REKINDLE_AS alone does not filter.
    let mut env_as = journal();
    env_as.set("REKINDLE_AS", "Alex");
    assert_eq!(
        env_as
            .run(["history", "--json"])
            .success()
            .json()
            .as_array()
            .unwrap()
            .len(),
        10
    );
}

#[test]
fn search_finds_words_in_every_kind_of_text() {
    // Sam reads: Sam's words are never sealed for Sam (issue 15).
    let mut env = journal();
    env.set("REKINDLE_AS", "Sam");
    let found = |text: &str| {
        kinds(
            &env.run(["history", "--json", "--search", text])
                .success()
                .json(),
        )
    };
    assert_eq!(found("river"), pairs(&[("checkin", 1)]));
    assert_eq!(
        found("walking"),
        pairs(&[("checkin", 1)]),
        "endings are ignored"
    );
    assert_eq!(
        found("hurt"),
        pairs(&[("checkin", 1)]),
        "a check-in's feeling finds the check-in"
    );
    assert_eq!(found("calm"), pairs(&[("feeling", 3)]));
    assert_eq!(found("late"), pairs(&[("promise", 1)]));
    assert_eq!(found("dot"), pairs(&[("outcome", 1)]));
    assert_eq!(found("MESSAGES"), pairs(&[("apology", 1)]));
    assert_eq!(
        found("river sorry"),
        pairs(&[("checkin", 1)]),
        "every word must match"
    );
    assert_eq!(found("river bicycle"), pairs(&[]));
    assert_eq!(
        found("riv"),
        pairs(&[("checkin", 1)]),
        "the start of a word is enough"
    );
}

#[test]
fn hostile_search_text_is_just_text() {
    let env = journal();
    for text in [
        "\"",
        "\"unbalanced",
        "(",
        "((river",
        "river)",
        "AND",
        "OR river",
        "NOT",
        "river NOT sorry",
        "NEAR(river sorry)",
        "*",
        "river*",
        "^river",
        "col:river",
        ":",
        "-river",
        "+",
        "''",
        "\\",
        "'; DROP TABLE checkins; --",
        "\u{1b}[2J",
        "😀",
        "\u{202e}",
    ] {
        let run = env.run(["history", "--json", &format!("--search={text}")]);
        run.success();
        assert!(run.json().is_array(), "{text:?}");
        assert!(!run.stderr.contains("fts5"), "{text:?}: {}", run.stderr);
    }
    let sql = env
        .run([
            "history",
            "--json",
            "--search",
            "'; DROP TABLE checkins; --",
        ])
        .success()
        .json();
    assert!(sql.as_array().unwrap().is_empty());
    assert_eq!(
        env.run(["history", "--json", "--kind", "checkin"])
            .success()
            .json()
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn human_timeline_reads_by_day() {
    // Sam reads: Sam's words are never sealed for Sam (issue 15).
    let mut env = journal();
    env.set("REKINDLE_AS", "Sam");
    let text = env.run(["history"]).success().stdout.clone();
    assert!(text.starts_with("Saturday 21 November 2026\n"), "{text}");
    assert!(
        text.contains(
            "Thursday 19 November 2026\n  Sam checked in: trust 4, close 5; feeling hurt (4)\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("Answer: We walked by the river and I said sorry properly"),
        "{text}"
    );
    assert!(
        text.contains("  Alex felt anxious (2), calm\n      Note: after the call"),
        "{text}"
    );
    assert!(
        text.contains(
            "Sam kept promise 1 \u{201c}Text you when I'm late\u{201d} (recorded by Alex)"
        ),
        "{text}"
    );
    assert!(
        text.contains("Alex answered apology 1: needs more time"),
        "{text}"
    );
    assert!(
        text.contains("Focus moved to step 2, Talk and listen openly (Alex)"),
        "{text}"
    );
    let empty = TestEnv::with_couple();
    let text = empty
        .run(["history", "--kind", "apology"])
        .success()
        .stdout
        .clone();
    assert_eq!(text, "Nothing to show.\n");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let env = journal();
    for args in [&["history"][..], &["history", "--json"]] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let output = env
            .command(args)
            .stdout(writer)
            .stderr(std::process::Stdio::piped())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&output.stderr), "", "{args:?}");
    }
}

#[test]
fn history_refusals_change_nothing() {
    let env = journal();
    let before = dump(&env.default_journal());
    for (args, needle) in [
        (
            &["history", "--kind", "diary"][..],
            "\"diary\" is not a kind of record; use checkin",
        ),
        (
            &["history", "--since", "2026-11-20", "--until", "2026-11-19"],
            "--since (2026-11-20) is after --until (2026-11-19)",
        ),
        (
            &["history", "--since", "2026-13-01"],
            "\"2026-13-01\" is not a real calendar date",
        ),
        (&["history", "--until", "whenever"], "\"whenever\""),
        (&["history", "--limit", "0"], "(got \"0\")"),
        (&["history", "--limit", "-5"], "-5"),
        (&["history", "--limit", "abc"], "(got \"abc\")"),
        (
            &["history", "--as", "Kim"],
            "there is no partner called \"Kim\"",
        ),
        (
            &["history", "--partner", "Kim"],
            "--partner: there is no partner called \"Kim\"",
        ),
    ] {
        env.run(args).refused().stderr_has(needle);
    }
    assert_eq!(dump(&env.default_journal()), before);
}

/// Regression: a search with no letters or digits (an emoji) found nothing, because the word
/// index does not hold it.
#[test]
fn an_emoji_is_searched_for_exactly() {
    // Sam reads: Sam's words are never sealed for Sam (issue 15).
    let mut env = journal();
    env.set("REKINDLE_AS", "Sam");
    env.run([
        "checkin",
        "--as",
        "Sam",
        "--trust",
        "6",
        "--appreciation",
        "you 💛 me",
    ])
    .success();
    let found = env
        .run(["history", "--json", "--search", "💛"])
        .success()
        .json();
    assert_eq!(kinds(&found), pairs(&[("checkin", 3)]));
    let none = env
        .run(["history", "--json", "--search", "🌧"])
        .success()
        .json();
    assert_eq!(kinds(&none), pairs(&[]));
}

// Regression: history stopped at its limit with no sign that there was more, and a search
// did not say how much it found.
#[test]
fn a_full_page_says_how_many_more_there_are_and_a_search_counts_what_it_found() {
    let env = TestEnv::with_couple();
    for i in 1..=5 {
        env.run([
            "feel",
            "--as",
            "Sam",
            "calm",
            "--note",
            &format!("walk {i}"),
        ])
        .success();
    }
    // With the focus change made at init, seven entries in all.
    env.run(["feel", "--as", "Alex", "tired"]).success();
    // Without a search, the footer says that older entries exist (found by asking for one
    // more than the page, never by counting the whole journal) and how to see them.
    let run = env.run(["history", "--limit", "4"]);
    run.success();
    assert!(
        run.stdout.replace('\n', " ").contains(
            "Showing the newest 4 entries; there are older ones. Pass a larger --limit (such as \
             --limit 8) to see more, or --since a date"
        ),
        "{}",
        run.stdout
    );
    env.run(["history", "--search", "walk", "--limit", "2"])
        .success()
        .stdout_has("5 entries found; showing the newest 2. 3 more");
    env.run(["history", "--search", "walk"])
        .success()
        .stdout_has("5 entries found.");
    // A page that holds everything says nothing more, to the last entry.
    for limit in ["7", "8"] {
        let run = env.run(["history", "--limit", limit]);
        run.success();
        assert!(!run.stdout.contains("older ones"), "{}", run.stdout);
    }
    env.run(["history", "--limit", "6"])
        .success()
        .stdout_has("there are older ones");
    // With --json, standard output is the JSON alone and the note goes to standard error.
    let run = env.run(["history", "--limit", "4", "--json"]);
    run.success()
        .stderr_has("older entries lie beyond --limit 4");
    assert_eq!(run.json().as_array().unwrap().len(), 4);
    let run = env.run(["history", "--limit", "7", "--json"]);
    run.success();
    assert_eq!(run.stderr, "");
    let run = env.run(["history", "--search", "walk", "--limit", "2", "--json"]);
    run.success().stderr_has("3 more entries beyond --limit 2");
}

/// Finds the one check-in of `partner` in a `history --json` list.
fn checkin_of(list: &Value, partner: &str) -> Value {
    list.as_array()
        .unwrap()
        .iter()
        .find(|r| r["kind"] == "checkin" && r["partner"] == partner)
        .cloned()
        .unwrap_or_else(|| panic!("no check-in of {partner} in {list}"))
}

// Regression (new-user trial): `history --as Alex` showed only Alex's entries, so Alex never
// saw Sam's. `--as` names who reads; `--partner` is the filter.
#[test]
fn as_names_the_reader_who_sees_both_partners_entries() {
    let env = TestEnv::with_couple();
    for (who, words) in [
        ("Sam", "sams-evening-words"),
        ("Alex", "alexs-evening-words"),
    ] {
        env.run(["checkin", "--as", who, "--trust", "6", "--note", words])
            .success();
    }
    let list = env
        .run(["history", "--as", "Alex", "--json"])
        .success()
        .json();
    assert_eq!(checkin_of(&list, "Sam")["note"], "sams-evening-words");
    assert_eq!(checkin_of(&list, "Alex")["note"], "alexs-evening-words");
    env.run(["history", "--as", "Alex"])
        .success()
        .stdout_has("sams-evening-words")
        .stdout_has("alexs-evening-words");
    // --partner keeps one partner's entries, whoever reads.
    let only_sam = env
        .run(["history", "--as", "Alex", "--partner", "sam", "--json"])
        .success()
        .json();
    assert!(
        only_sam
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["partner"] != "Alex"),
        "{only_sam}"
    );
    assert_eq!(checkin_of(&only_sam, "Sam")["note"], "sams-evening-words");
}

#[test]
fn as_a_reader_who_has_not_checked_in_sees_the_other_partners_words_sealed() {
    let env = TestEnv::with_couple();
    env.run([
        "checkin",
        "--as",
        "Sam",
        "--trust",
        "7",
        "--note",
        "only-sam-so-far",
    ])
    .success();
    let for_alex = checkin_of(
        &env.run(["history", "--as", "Alex", "--json"])
            .success()
            .json(),
        "Sam",
    );
    assert_eq!(for_alex["sealed"], true, "{for_alex}");
    assert_eq!(for_alex["note"], Value::Null);
    assert_eq!(for_alex["trust"], 7, "scores are not sealed");
    let run = env.run(["history", "--as", "Alex"]);
    run.success()
        .stdout_has("sealed until you check in for that day too");
    assert!(!run.stdout.contains("only-sam-so-far"), "{}", run.stdout);
    let for_sam = checkin_of(
        &env.run(["history", "--as", "Sam", "--json"])
            .success()
            .json(),
        "Sam",
    );
    assert!(for_sam.get("sealed").is_none(), "{for_sam}");
    assert_eq!(for_sam["note"], "only-sam-so-far");
}

/// A search leaves out a check-in whose words are sealed for its reader before it counts and
/// before `--limit`, so neither the page nor the count says that a sealed answer matched.
#[test]
fn a_sealed_match_is_neither_shown_nor_counted_nor_taking_a_place_on_the_page() {
    let env = TestEnv::with_couple();
    env.run([
        "checkin",
        "--as",
        "Sam",
        "--trust",
        "6",
        "--answer",
        "the walrus by the pier",
    ])
    .success();
    env.run([
        "note",
        "--as",
        "Alex",
        "--date",
        "yesterday",
        "a walrus in a picture book",
    ])
    .success();
    let page = env.run([
        "history", "--as", "Alex", "--search", "walrus", "--limit", "1", "--json",
    ]);
    let page = page.success();
    let list = page.json();
    assert_eq!(list.as_array().unwrap().len(), 1, "{list}");
    assert_eq!(list[0]["kind"], "note");
    assert!(!page.stderr.contains("more"), "{}", page.stderr);
    let all = env.run([
        "history", "--as", "Alex", "--search", "walrus", "--limit", "1",
    ]);
    let all = all.success();
    assert!(!all.stdout.contains("2 entries"), "{}", all.stdout);
    assert!(!all.stdout.contains("more"), "{}", all.stdout);
    // Sam, who wrote it, finds both; so does Alex once she has checked in that day.
    let sam = env
        .run(["history", "--as", "Sam", "--search", "walrus", "--json"])
        .success()
        .json();
    assert_eq!(sam.as_array().unwrap().len(), 2);
    env.run(["checkin", "--as", "Alex", "--trust", "5"])
        .success();
    let alex = env
        .run(["history", "--as", "Alex", "--search", "walrus", "--json"])
        .success()
        .json();
    assert_eq!(alex.as_array().unwrap().len(), 2);
}

#[test]
fn with_no_reader_named_sealed_words_wait_for_both_check_ins_and_say_how_to_name_one() {
    let env = TestEnv::with_couple();
    env.run([
        "checkin",
        "--as",
        "Sam",
        "--trust",
        "7",
        "--note",
        "only-sam-so-far",
    ])
    .success();
    let run = env.run(["history"]);
    run.success()
        .stdout_has("Sam's words are shown once you have both checked in for that day")
        .stdout_has("(name who is reading with --as NAME)");
    assert!(!run.stdout.contains("until you check in"), "{}", run.stdout);
    assert!(!run.stdout.contains("only-sam-so-far"), "{}", run.stdout);
}
