//! `rekindle progress` against journals built through the command line, with every expected
//! figure worked out by hand in the comments. Today is Saturday 21 November 2026.

use serde_json::{Value, json};

use crate::support::{TestEnv, dump};

fn run_all(env: &TestEnv, steps: &[&[&str]]) {
    for args in steps {
        env.run(*args).success();
    }
}

/// Three weeks: Monday 2, 9 and 16 November.
fn three_weeks() -> (TestEnv, Value) {
    let env = TestEnv::with_couple();
    run_all(
        &env,
        &[
            &[
                "checkin",
                "--as",
                "Sam",
                "--date",
                "2026-11-03",
                "--trust",
                "4",
                "--connection",
                "5",
            ],
            &[
                "checkin",
                "--as",
                "Sam",
                "--date",
                "2026-11-05",
                "--trust",
                "6",
            ],
            &[
                "checkin",
                "--as",
                "Sam",
                "--date",
                "2026-11-16",
                "--trust",
                "7",
                "--connection",
                "8",
            ],
            &[
                "checkin",
                "--as",
                "Sam",
                "--date",
                "2026-11-20",
                "--trust",
                "8",
            ],
            &[
                "checkin",
                "--as",
                "Sam",
                "--trust",
                "9",
                "--feeling",
                "hurt:3",
                "--feeling",
                "hopeful",
            ],
            &[
                "checkin", "--as", "Alex", "--date", "friday", "--trust", "3",
            ],
            &["checkin", "--as", "Alex", "--trust", "5"],
            &[
                "promise",
                "add",
                "--as",
                "Sam",
                "Text when I'm late",
                "--every",
                "day",
                "--from",
                "2026-11-16",
            ],
            &[
                "promise",
                "keep",
                "1",
                "--as",
                "Sam",
                "--date",
                "2026-11-16",
            ],
            &[
                "promise",
                "keep",
                "1",
                "--as",
                "Alex",
                "--date",
                "2026-11-17",
            ],
            &[
                "promise",
                "miss",
                "1",
                "--as",
                "Sam",
                "--date",
                "2026-11-18",
            ],
            &[
                "promise",
                "skip",
                "1",
                "--as",
                "Sam",
                "--date",
                "2026-11-19",
            ],
            &[
                "promise",
                "keep",
                "1",
                "--as",
                "Sam",
                "--date",
                "2026-11-20",
            ],
            &[
                "apology",
                "add",
                "--as",
                "Sam",
                "--date",
                "2026-11-10",
                "--what",
                "I lied about Friday",
                "--responsibility",
                "I chose to lie",
            ],
            &[
                "apology",
                "respond",
                "1",
                "--as",
                "Alex",
                "--accept",
                "--date",
                "2026-11-12",
            ],
        ],
    );
    let json = env
        .run(["progress", "--weeks", "3", "--json"])
        .success()
        .json();
    (env, json)
}

#[test]
fn weekly_figures_match_hand_computation() {
    let (_env, p) = three_weeks();
    assert_eq!(p["from"], "2026-11-02");
    assert_eq!(p["until"], "2026-11-21");
    let weeks = p["weeks"].as_array().unwrap();
    let starts: Vec<&str> = weeks.iter().map(|w| w["start"].as_str().unwrap()).collect();
    assert_eq!(starts, ["2026-11-02", "2026-11-09", "2026-11-16"]);

    // Week of 2 Nov: Sam's trust 4 and 6 → 5.0; only the first gave a connection (5).
    assert_eq!(
        weeks[0]["partners"]["Sam"],
        json!({"checkins": 2, "trust": 5.0, "connection": 5.0, "kept": 0, "missed": 0,
               "keeping_rate": null, "pleasant": 0, "unpleasant": 0, "mixed": 0})
    );
    assert_eq!(weeks[0]["partners"]["Alex"]["trust"], Value::Null);
    // Week of 9 Nov: nobody checked in; Sam's apology of the 10th.
    assert_eq!(weeks[1]["partners"]["Sam"]["checkins"], 0);
    assert_eq!(weeks[1]["apologies"], 1);
    // Week of 16 Nov: trust 7, 8, 9 → 8.0; kept 16, 17, 20 (Alex recorded the 17th, it still
    // counts for Sam), missed 18, the skip on the 19th counts neither way → 3/4 = 0.75;
    // "hopeful" is pleasant and "hurt" unpleasant.
    assert_eq!(
        weeks[2]["partners"]["Sam"],
        json!({"checkins": 3, "trust": 8.0, "connection": 8.0, "kept": 3, "missed": 1,
               "keeping_rate": 0.75, "pleasant": 1, "unpleasant": 1, "mixed": 0})
    );
    assert_eq!(weeks[2]["partners"]["Alex"]["trust"], 4.0);
    assert_eq!(weeks[2]["partners"]["Alex"]["kept"], 0);
}

#[test]
fn partner_summaries_match_hand_computation() {
    let (_env, p) = three_weeks();
    let sam = &p["partners"]["Sam"];
    // First week with data 5.0, last 8.0: change 3.0; slope through (0, 5) and (2, 8) is 1.5.
    assert_eq!(sam["trust_change"], 3.0);
    assert_eq!(sam["trust_trend_per_week"], 1.5);
    // 30 days back from the 21st: the four outcomes above; nothing in the 30 before.
    assert_eq!(sam["keeping_rate_30d"], 0.75);
    assert_eq!(sam["keeping_rate_prev_30d"], Value::Null);
    // Kept, kept, missed, kept: 1 → 1 → 0.8 → 0.2 + 0.8 × 0.8 = 0.84.
    assert_eq!(sam["consistency_score"], 0.84);
    // 20th and 21st in a row; nothing longer in the three weeks.
    assert_eq!(sam["streak"], json!({"current": 2, "longest": 2}));
    let alex = &p["partners"]["Alex"];
    assert_eq!(
        alex["trust_change"],
        Value::Null,
        "one week of data is not a change"
    );
    assert_eq!(alex["trust_trend_per_week"], Value::Null);
    // Alex's one week is both the first and the last, so the two agree.
    assert_eq!(alex["trust_first"], alex["trust_last"]);
    assert!(alex["trust_last"].is_number(), "{alex}");
    assert_eq!(alex["keeping_rate_30d"], Value::Null);
    assert_eq!(alex["consistency_score"], Value::Null);
    assert_eq!(alex["streak"], json!({"current": 2, "longest": 2}));
    assert_eq!(p["streak"], json!({"current": 2, "longest": 2}));
    assert_eq!(p["focus"]["step"], "responsibility");
    assert_eq!(p["focus"]["since"], "2026-11-21");
    assert_eq!(p["focus"]["days"], 1);
    assert_eq!(p["signals"], json!([]));
}

#[test]
fn signals_are_facts_with_the_step_that_helps() {
    let env = TestEnv::with_couple();
    run_all(
        &env,
        &[
            &[
                "checkin",
                "--as",
                "Sam",
                "--date",
                "2026-11-01",
                "--trust",
                "5",
            ],
            &["checkin", "--as", "Sam", "--trust", "6"],
            &[
                "apology",
                "add",
                "--as",
                "Sam",
                "--date",
                "2026-11-10",
                "--what",
                "I lied",
                "--responsibility",
                "It was my choice",
            ],
        ],
    );
    let p = env.run(["progress", "--json"]).success().json();
    let kinds: Vec<(&str, &str, &str)> = p["signals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["kind"].as_str().unwrap(),
                s["partner"].as_str().unwrap(),
                s["step"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("one-sided", "Alex", "healing"),
            ("apology-unanswered", "Sam", "healing")
        ]
    );
    assert_eq!(
        p["signals"][1]["message"],
        "Sam, your apology 1 from Tuesday 10 November is still open. There is no deadline: \
         Alex answers when ready, and waiting without pressing is part of the repair."
    );
    let text = env.run(["progress"]).success().stdout.clone();
    assert!(text.contains("Worth a look"), "{text}");
    assert!(
        text.contains("Alex has not checked in for the last 14 days; Sam has."),
        "{text}"
    );
    assert!(text.contains("rekindle prompt --step healing"), "{text}");
    assert!(!text.contains("reassess"), "{text}");
}

#[test]
fn an_empty_journal_is_honest_not_broken() {
    let env = TestEnv::with_couple();
    let text = env.run(["progress"]).success().stdout.clone();
    assert!(
        text.contains(
            "No check-ins in these weeks yet; check in on a few more days to see a trend."
        ),
        "{text}"
    );
    assert!(!text.contains("NaN"));
    let p = env.run(["progress", "--json"]).success().json();
    assert_eq!(p["weeks"].as_array().unwrap().len(), 8);
    assert_eq!(p["partners"]["Sam"]["trust_trend_per_week"], Value::Null);
    assert!(!p.to_string().contains("NaN"));
}

#[test]
fn thin_data_asks_for_more_days_instead_of_a_trend() {
    let env = TestEnv::with_couple();
    env.run(["checkin", "--as", "Sam", "--trust", "6"])
        .success();
    let text = env.run(["progress"]).success().stdout.clone();
    // The journal began this week, so one week is all there is to show.
    assert!(
        text.contains("6.0 this week; a trend needs two weeks or more"),
        "{text}"
    );
    assert!(
        text.contains("1 week since you began: Saturday 21 November 2026\n"),
        "one day is not a span: {text}"
    );
}

#[test]
fn a_one_week_window_says_a_trend_needs_two_weeks() {
    let (env, _) = three_weeks();
    // Six check-ins this week (16 to 21 November): 7, 8, 9 and now 8, 8, 7, so
    // 47 / 6 = 7.83, shown as 7.8. Plenty of days; a second week is what is missing.
    for (day, trust) in [
        ("2026-11-17", "8"),
        ("2026-11-18", "8"),
        ("2026-11-19", "7"),
    ] {
        env.run(["checkin", "--as", "Sam", "--date", day, "--trust", trust])
            .success();
    }
    let text = env
        .run(["progress", "--weeks", "1"])
        .success()
        .stdout
        .clone();
    assert!(
        text.contains("Sam   ▆  7.8 this week; a trend needs two weeks or more"),
        "{text}"
    );
    assert!(!text.contains("check in on a few more days"), "{text}");
}

#[test]
fn progress_refusals_change_nothing() {
    let env = TestEnv::with_couple();
    let before = dump(&env.default_journal());
    for (args, needle) in [
        (&["progress", "--weeks", "0"][..], "(got \"0\")"),
        (&["progress", "--weeks", "521"], "(got \"521\")"),
        (&["progress", "--weeks", "-3"], "-3"),
        (
            &["progress", "--weeks", "99999999999999999999"],
            "99999999999999999999",
        ),
        (
            &["progress", "--until", "2026-11-22"],
            "cannot be in the future",
        ),
        (
            &["progress", "--until", "2026-02-30"],
            "\"2026-02-30\" is not a real calendar date",
        ),
        (&["progress", "--until", "someday"], "\"someday\""),
    ] {
        env.run(args).refused().stderr_has(needle);
    }
    assert_eq!(dump(&env.default_journal()), before);
}

#[test]
fn until_moves_the_window_back() {
    let (env, _) = three_weeks();
    let p = env
        .run([
            "progress",
            "--weeks",
            "1",
            "--until",
            "2026-11-08",
            "--json",
        ])
        .success()
        .json();
    assert_eq!(p["from"], "2026-11-02");
    assert_eq!(p["weeks"][0]["partners"]["Sam"]["checkins"], 2);
    // Nothing after the 8th counts: the streak ended on the 5th.
    assert_eq!(p["partners"]["Sam"]["streak"]["current"], 0);
}

/// Regression: at 80 columns the table's last column wrapped and sentences were cut mid-word.
#[test]
fn the_text_view_fits_eighty_columns() {
    let (env, _) = three_weeks();
    // A check-in on the first day of 52 weeks, so all 52 are shown.
    env.run([
        "checkin",
        "--as",
        "Alex",
        "--date",
        "2025-11-24",
        "--trust",
        "5",
    ])
    .success();
    for weeks in ["3", "52"] {
        let text = env
            .run(["progress", "--weeks", weeks])
            .success()
            .stdout
            .clone();
        for line in text.lines() {
            assert!(
                line.chars().count() <= 80,
                "{} columns: {line:?}",
                line.chars().count()
            );
        }
        // The consistency score, 0.84 (kept, kept, missed, kept), reads as a share on a line
        // of its own under Sam's promises, never split from its words.
        assert!(
            text.lines()
                .any(|l| l == "        promises kept lately: 84% (recent ones count most)"),
            "{text}"
        );
    }
    assert!(
        env.run(["progress", "--weeks", "52"])
            .success()
            .stdout
            .contains("52 weeks since you began: Monday 24 November 2025")
    );
}

#[test]
fn one_week_of_trust_says_so_in_words() {
    let (env, _) = three_weeks();
    // Alex checked in on Friday (3) and today (5): one week, mean 4.0, and no trend yet.
    env.run(["progress", "--weeks", "3"])
        .success()
        .stdout_has("4.0, from one week of check-ins; a trend needs two weeks or more");
}

#[test]
fn focus_and_progress_count_the_days_of_a_step_alike() {
    let mut env = TestEnv::with_couple_on("2026-11-19");
    env.set("REKINDLE_TODAY", "2026-11-20");
    env.run(["focus", "communication"]).success();
    env.set("REKINDLE_TODAY", "2026-11-21");
    // The day of the change is day 1, so the day after is day 2 in both.
    let focus = env.run(["focus", "--json"]).success().json();
    assert_eq!(focus["since"], "2026-11-20");
    assert_eq!(focus["days"], 2);
    let progress = env.run(["progress", "--json"]).success().json();
    assert_eq!(progress["focus"]["since"], "2026-11-20");
    assert_eq!(progress["focus"]["days"], 2);
    env.run(["progress"]).success().stdout_has("(day\u{a0}2)");
}

/// A journal begun on Wednesday 21 October 2026, seen a month later (Saturday 21 November):
/// Sam checked in on 21 October, 2 and 20 November; Alex on 20 November.
fn begun_mid_window() -> TestEnv {
    let mut env = TestEnv::with_couple_on("2026-10-21");
    env.set("REKINDLE_TODAY", "2026-11-21");
    run_all(
        &env,
        &[
            &[
                "checkin",
                "--as",
                "Sam",
                "--date",
                "2026-10-21",
                "--trust",
                "5",
            ],
            &[
                "checkin",
                "--as",
                "Sam",
                "--date",
                "2026-11-02",
                "--trust",
                "6",
            ],
            &[
                "checkin",
                "--as",
                "Sam",
                "--date",
                "2026-11-20",
                "--trust",
                "8",
            ],
            &[
                "checkin",
                "--as",
                "Alex",
                "--date",
                "2026-11-20",
                "--trust",
                "7",
            ],
        ],
    );
    env
}

#[test]
fn weeks_before_the_journal_began_are_left_out_of_the_text_view() {
    let env = begun_mid_window();
    let text = env.run(["progress"]).success().stdout.clone();
    // 8 weeks from Monday 28 September; the journal began in the week of 19 October, so the
    // weeks of 28 September, 5 and 12 October are left out: 5 weeks remain.
    assert!(
        text.contains(
            "5 weeks since you began: Wednesday 21 October 2026 to Saturday 21 November 2026"
        ),
        "{text}"
    );
    for before in ["Mon 28 Sep", "Mon 5 Oct", "Mon 12 Oct"] {
        assert!(!text.contains(before), "{before} shown:\n{text}");
    }
    for week in [
        "Mon 19 Oct",
        "Mon 26 Oct",
        "Mon 2 Nov",
        "Mon 9 Nov",
        "Mon 16 Nov",
    ] {
        assert!(text.contains(week), "{week} missing:\n{text}");
    }
    // One mark per week shown: 5.0, nothing, 6.0, nothing, 8.0.
    assert!(text.contains("Sam   ▄·▅·▆  5.0 → 8.0"), "{text}");
    // The JSON keeps every week of the window and says when the journal began.
    let p = env.run(["progress", "--json"]).success().json();
    assert_eq!(p["from"], "2026-09-28");
    assert_eq!(p["started"], "2026-10-21");
    assert_eq!(p["weeks"].as_array().unwrap().len(), 8);
    assert_eq!(p["weeks"][0]["partners"]["Sam"]["checkins"], 0);
    assert_eq!(p["weeks"][3]["partners"]["Sam"]["checkins"], 1);
}

#[test]
fn a_journal_older_than_the_window_shows_every_week() {
    let env = begun_mid_window();
    let text = env
        .run(["progress", "--weeks", "2"])
        .success()
        .stdout
        .clone();
    assert!(
        text.contains("2 weeks: Monday 9 November 2026 to Saturday 21 November 2026"),
        "{text}"
    );
    assert!(!text.contains("since you began"), "{text}");
}
