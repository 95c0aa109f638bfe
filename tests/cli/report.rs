//! `rekindle report` against journals built through the command line. The page is parsed with
//! a real XML parser (it is XHTML-compatible), and each chart's marks are counted and read
//! back: the figures are the ones `progress` computes, worked out by hand in its own tests.
//! Today is Saturday 21 November 2026.

use std::path::{Path, PathBuf};

use roxmltree::{Document, Node, ParsingOptions};

use crate::support::{TestEnv, dump, mode};

fn run_all(env: &TestEnv, steps: &[&[&str]]) {
    for args in steps {
        env.run(*args).success();
    }
}

fn checkin(env: &TestEnv, who: &str, date: &str, trust: &str, extra: &[&str]) {
    let mut args = vec!["checkin", "--as", who, "--date", date, "--trust", trust];
    args.extend_from_slice(extra);
    env.run(&args).success();
}

/// Three weeks, Monday 2, 9 and 16 November, the same journal `progress`'s tests work through
/// by hand: Sam's weekly trust 5.0 (2 Nov), nothing (9 Nov), 8.0 (16 Nov); Alex's 4.0 in the
/// last week only; Sam's daily promise kept 3 of 4 in the last week; one pleasant and one
/// unpleasant feeling.
fn three_weeks() -> TestEnv {
    let env = TestEnv::with_couple();
    checkin(&env, "Sam", "2026-11-03", "4", &["--connection", "5"]);
    checkin(&env, "Sam", "2026-11-05", "6", &[]);
    checkin(&env, "Sam", "2026-11-16", "7", &["--connection", "8"]);
    checkin(&env, "Sam", "2026-11-20", "8", &[]);
    checkin(
        &env,
        "Sam",
        "2026-11-21",
        "9",
        &["--feeling", "hurt:3", "--feeling", "hopeful"],
    );
    checkin(&env, "Alex", "2026-11-20", "3", &[]);
    checkin(&env, "Alex", "2026-11-21", "5", &[]);
    run_all(
        &env,
        &[
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
        ],
    );
    env
}

/// Writes the report into the test's folder and returns the page.
fn report(env: &TestEnv, extra: &[&str]) -> (PathBuf, String) {
    let path = env.root().join("report.html");
    let mut args = vec!["report", "--output", path.to_str().unwrap()];
    args.extend_from_slice(extra);
    env.run(&args).success();
    let html = std::fs::read_to_string(&path).unwrap();
    (path, html)
}

fn parse(html: &str) -> Document<'_> {
    let options = ParsingOptions {
        allow_dtd: true,
        ..ParsingOptions::default()
    };
    Document::parse_with_options(html, options)
        .unwrap_or_else(|e| panic!("the page is not well-formed ({e}):\n{html}"))
}

fn by_id<'a, 'i>(doc: &'a Document<'i>, id: &str) -> Option<Node<'a, 'i>> {
    doc.descendants().find(|n| n.attribute("id") == Some(id))
}

fn has_class(node: &Node, class: &str) -> bool {
    node.attribute("class")
        .is_some_and(|c| c.split_whitespace().any(|x| x == class))
}

/// The data marks of a chart, as (class list, week or date, value).
fn marks<'a>(chart: Node<'a, '_>) -> Vec<(String, String, String)> {
    chart
        .descendants()
        .filter(|n| has_class(n, "mark") || has_class(n, "cell"))
        .map(|n| {
            (
                n.attribute("class").unwrap_or("").to_string(),
                n.attribute("data-week")
                    .or(n.attribute("data-date"))
                    .unwrap_or("")
                    .to_string(),
                n.attribute("data-value").unwrap_or("").to_string(),
            )
        })
        .collect()
}

/// All the text of a node, as a reader would see it.
fn text_of(node: Node) -> String {
    node.descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect()
}

/// The table that follows a chart in its section.
fn table_rows(doc: &Document, section: &str) -> usize {
    let section = by_id(doc, section).expect("section");
    section
        .descendants()
        .filter(|n| n.has_tag_name("tbody"))
        .flat_map(|b| b.children().filter(|r| r.has_tag_name("tr")))
        .count()
}

#[test]
fn the_charts_hold_one_mark_per_figure() {
    let env = three_weeks();
    let (path, html) = report(&env, &["--weeks", "3"]);
    let doc = parse(&html);

    // Trust: a point for each week with check-ins: Sam 2 (2 and 16 November), Alex 1.
    let trust = marks(by_id(&doc, "trust-chart").expect("trust chart"));
    let sam: Vec<(&str, &str)> = trust
        .iter()
        .filter(|m| m.0.contains("p0"))
        .map(|m| (m.1.as_str(), m.2.as_str()))
        .collect();
    assert_eq!(sam, [("2026-11-02", "5.0"), ("2026-11-16", "8.0")]);
    let alex: Vec<(&str, &str)> = trust
        .iter()
        .filter(|m| m.0.contains("p1"))
        .map(|m| (m.1.as_str(), m.2.as_str()))
        .collect();
    assert_eq!(alex, [("2026-11-16", "4.0")]);
    // Closeness: only Sam answered, in the first and last weeks (5 and 8).
    let closeness = marks(by_id(&doc, "closeness-chart").expect("closeness chart"));
    let values: Vec<&str> = closeness.iter().map(|m| m.2.as_str()).collect();
    assert_eq!(values, ["5.0", "8.0"]);

    // The calendar: the journal began on Tuesday 3 November; the 3rd to the 21st is 19 days,
    // a square each for both of you; 7 check-ins.
    let calendar = marks(by_id(&doc, "calendar-chart").expect("calendar"));
    assert_eq!(calendar.len(), 19 * 2);
    let filled: Vec<(&str, &str)> = calendar
        .iter()
        .filter(|m| !m.0.contains("none"))
        .map(|m| (m.1.as_str(), m.2.as_str()))
        .collect();
    assert_eq!(filled.len(), 7);
    assert!(filled.contains(&("2026-11-21", "9")));
    assert!(filled.contains(&("2026-11-20", "3")), "Alex's Friday");
    assert!(calendar.iter().any(|m| m.0 == "cell t9"));

    // Promises: one bar, Sam's last week, kept 16, 17, 20, missed 18 (the skip counts
    // neither way): 3 of 4.
    let promises = marks(by_id(&doc, "promises-chart").expect("promises chart"));
    assert_eq!(
        promises,
        [(
            "mark bar p0".to_string(),
            "2026-11-16".to_string(),
            "75%".to_string()
        )]
    );

    // Feelings: "hopeful" above the line, "hurt" below, both in Sam's last week.
    let feelings = marks(by_id(&doc, "feelings-chart").expect("feelings chart"));
    let classes: Vec<&str> = feelings.iter().map(|m| m.0.as_str()).collect();
    assert_eq!(classes, ["mark pleasant", "mark unpleasant"]);

    // A table beneath each chart, a row per week.
    for section in ["trust", "closeness", "promises", "feelings", "calendar"] {
        assert_eq!(table_rows(&doc, section), 3, "{section}");
    }
    assert_eq!(mode(&path), 0o600);
}

#[test]
fn every_chart_is_an_image_with_a_title_a_description_and_words() {
    let env = three_weeks();
    let (_, html) = report(&env, &["--weeks", "3"]);
    let doc = parse(&html);
    let charts: Vec<Node> = doc
        .descendants()
        .filter(|n| n.has_tag_name("svg") && n.attribute("role") == Some("img"))
        .collect();
    let ids: Vec<&str> = charts.iter().filter_map(|c| c.attribute("id")).collect();
    assert_eq!(
        ids,
        [
            "trust-chart",
            "closeness-chart",
            "calendar-chart",
            "promises-chart",
            "feelings-chart"
        ]
    );
    for chart in &charts {
        let labelled = chart.attribute("aria-labelledby").expect("aria-labelledby");
        let parts: Vec<&str> = labelled.split_whitespace().collect();
        assert_eq!(parts.len(), 2);
        let title = by_id(&doc, parts[0]).expect("title");
        let desc = by_id(&doc, parts[1]).expect("desc");
        assert!(title.has_tag_name("title") && desc.has_tag_name("desc"));
        assert_eq!(title.parent(), Some(*chart));
        assert!(text_of(desc).len() > 40, "{}", text_of(desc));
    }
    let trust = text_of(by_id(&doc, "trust-chart-desc").unwrap());
    assert!(
        trust.contains("Sam: 5.0 → 8.0, up 3.0, about +1.50 a week"),
        "{trust}"
    );
    assert!(
        trust.contains("Alex: 4.0, from one week of check-ins; a trend needs two weeks or more")
    );
    // Partners differ by more than colour: Sam's points are circles, Alex's squares.
    let chart = by_id(&doc, "trust-chart").unwrap();
    assert!(
        chart
            .descendants()
            .filter(|n| has_class(n, "mark"))
            .all(|n| n.has_tag_name(if has_class(&n, "p0") {
                "circle"
            } else {
                "rect"
            }))
    );
}

#[test]
fn the_page_says_what_progress_says() {
    let env = three_weeks();
    let (_, html) = report(&env, &["--weeks", "3"]);
    let text = text_of(parse(&html).root())
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    // The terminal view wraps long lines, and both keep "(day N)" together with a space that
    // does not break; compare the words, not the spaces between them.
    let progress = env
        .run(["progress", "--weeks", "3"])
        .success()
        .stdout
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for words in [
        "5.0 → 8.0",
        "up 3.0, about +1.50 a week",
        "last 30 days 75% (3 of 4); none recorded the 30 days before",
        "promises kept lately: 84% (recent ones count most)",
        "2 days in a row (longest in these weeks: 2 days)",
        "step 1 of 8, Take responsibility — since Saturday 21 November 2026 (day 1)",
        "Nothing stands out that needs a look.",
    ] {
        assert!(progress.contains(words), "progress lacks {words:?}");
        assert!(text.contains(words), "the page lacks {words:?}");
    }
    assert!(
        text.contains(
            "3 weeks since you began: Tuesday 3 November 2026 to Saturday 21 November 2026"
        )
    );
}

#[test]
fn signals_carry_the_same_words_as_progress() {
    let env = TestEnv::with_couple();
    checkin(&env, "Sam", "2026-11-01", "5", &[]);
    checkin(&env, "Sam", "2026-11-21", "6", &[]);
    let (_, html) = report(&env, &[]);
    let text = text_of(parse(&html).root());
    let progress = env.run(["progress"]).success().stdout.clone();
    let signal = "Alex has not checked in for the last 14 days; Sam has.";
    let help = "(rekindle prompt --step healing)";
    assert!(progress.contains(signal) && progress.contains(help));
    assert!(text.contains(signal), "{text}");
    assert!(text.contains(help));
}

#[test]
fn hostile_names_and_text_stay_text() {
    let env = TestEnv::new();
    let name = "<script>alert(1)</script>";
    let breakout = "\"><img src=x onerror=alert(1)>";
    env.run(["init", "--partner", name, "--partner", "Bo&b's"])
        .success();
    checkin(&env, name, "2026-11-01", "5", &["--note", breakout]);
    checkin(&env, name, "2026-11-21", "6", &["--note", breakout]);
    // A promise missed three times in a row puts its text into a signal.
    run_all(
        &env,
        &[
            &[
                "promise",
                "add",
                "--as",
                name,
                breakout,
                "--every",
                "day",
                "--from",
                "2026-11-18",
            ],
            &["promise", "miss", "1", "--as", name, "--date", "2026-11-18"],
            &["promise", "miss", "1", "--as", name, "--date", "2026-11-19"],
            &["promise", "miss", "1", "--as", name, "--date", "2026-11-20"],
        ],
    );
    let (_, html) = report(&env, &[]);
    let doc = parse(&html);
    let elements: Vec<&str> = doc
        .descendants()
        .filter(|n| n.is_element())
        .map(|n| n.tag_name().name())
        .collect();
    assert!(!elements.contains(&"script") && !elements.contains(&"img"));
    assert!(
        doc.descendants()
            .flat_map(|n| n.attributes())
            .all(|a| !a.name().starts_with("on") && a.name() != "src"),
        "no event handler or source attribute anywhere"
    );
    assert!(!html.contains("<script") && !html.contains("<img"));
    // The words are all there, as text.
    let h1 = doc.descendants().find(|n| n.has_tag_name("h1")).unwrap();
    assert_eq!(
        text_of(h1),
        "Progress for <script>alert(1)</script> and Bo&b's"
    );
    let text = text_of(doc.root());
    assert!(
        text.contains(&format!("(\"{breakout}\") was missed the last three times")),
        "{text}"
    );
}

#[test]
fn the_page_needs_nothing_from_anywhere() {
    let env = three_weeks();
    let (_, html) = report(&env, &["--weeks", "3"]);
    for needle in [
        "http://", "https://", "src=", "<script", "@import", "url(http", "<link",
    ] {
        assert!(!html.contains(needle), "found {needle:?}");
    }
    assert!(!html.contains("NaN") && !html.contains("inf\""));
    let doc = parse(&html);
    let url_refs: Vec<&str> = doc
        .descendants()
        .flat_map(|n| n.attributes())
        .map(|a| a.value())
        .filter(|v| v.contains("url("))
        .collect();
    assert!(url_refs.is_empty(), "{url_refs:?}");
}

#[test]
fn an_empty_journal_gives_words_not_empty_axes() {
    let env = TestEnv::with_couple();
    let (_, html) = report(&env, &[]);
    let doc = parse(&html);
    let charts = doc
        .descendants()
        .filter(|n| n.attribute("role") == Some("img"))
        .count();
    assert_eq!(charts, 0, "no chart without data");
    let text = text_of(doc.root());
    assert!(
        text.contains(
            "No check-ins in these weeks yet; check in on a few more days to see a trend."
        )
    );
    assert!(text.contains("Nothing to draw yet"));
    assert!(text.contains("step 1 of 8, Take responsibility"));
    // A promise kept is something to draw, even before the first check-in.
    run_all(
        &env,
        &[
            &["promise", "add", "--as", "Sam", "Call at lunch"],
            &["promise", "keep", "1", "--as", "Sam"],
        ],
    );
    let (_, html) = report(&env, &[]);
    let doc = parse(&html);
    assert!(by_id(&doc, "promises-chart").is_some());
    let text = text_of(doc.root());
    assert!(
        text.contains(
            "No check-ins in these weeks yet; check in on a few more days to see a trend."
        )
    );
    assert!(text.contains("No pleasant or unpleasant feelings named in these weeks yet."));
    assert!(!html.contains("NaN"));
}

#[test]
fn one_week_of_data_asks_for_more_days_instead_of_a_line() {
    let env = TestEnv::with_couple();
    checkin(&env, "Sam", "2026-11-20", "6", &["--connection", "7"]);
    let (_, html) = report(&env, &[]);
    let doc = parse(&html);
    assert!(
        by_id(&doc, "trust-chart").is_none(),
        "a single point is not a trend"
    );
    let text = text_of(doc.root());
    // The journal began this week: one week shown, so the hint is about weeks, not days.
    assert!(text.contains("6.0 this week; a trend needs two weeks or more"));
    assert!(text.contains(
        "One week of check-ins so far, too little for a line; a trend needs two weeks or more."
    ));
    // The calendar still shows the day. The journal began on Friday the 20th: a square for
    // the 20th and the 21st each, not the 8 weeks' 55 days.
    let calendar = marks(by_id(&doc, "calendar-chart").expect("calendar"));
    assert_eq!(calendar.len(), 2 * 2);
    assert_eq!(calendar.iter().filter(|m| !m.0.contains("none")).count(), 1);
}

#[test]
fn a_long_window_draws_every_day() {
    let env = three_weeks();
    // A check-in on the window's first day, so the journal is as old as the window.
    checkin(&env, "Alex", "2025-09-29", "5", &[]);
    let (_, html) = report(&env, &["--weeks", "60"]);
    let doc = parse(&html);
    // 59 whole weeks and Monday 16 to Saturday 21 November.
    let cells = marks(by_id(&doc, "calendar-chart").unwrap()).len();
    assert_eq!(cells, (59 * 7 + 6) * 2);
    assert_eq!(table_rows(&doc, "trust"), 60);
}

#[test]
fn until_moves_the_window_back() {
    let env = three_weeks();
    let (_, html) = report(&env, &["--weeks", "1", "--until", "2026-11-08"]);
    let doc = parse(&html);
    let text = text_of(doc.root());
    assert!(
        text.contains("1 week since you began: Tuesday 3 November 2026 to Sunday 8 November 2026")
    );
    // Tuesday 3 to Sunday 8 November: Monday the 2nd was before the journal began.
    let calendar = marks(by_id(&doc, "calendar-chart").unwrap());
    assert_eq!(calendar.len(), 6 * 2);
    assert_eq!(calendar.iter().filter(|m| !m.0.contains("none")).count(), 2);
}

#[test]
fn the_file_is_private_replaced_whole_and_described() {
    let env = three_weeks();
    let path = env.root().join("report.html");
    std::fs::write(&path, "old").unwrap();
    std::fs::set_permissions(&path, std::os::unix::fs::PermissionsExt::from_mode(0o644)).unwrap();
    let run = env.run(["report", "--output", path.to_str().unwrap(), "--weeks", "3"]);
    run.success()
        .stdout_has("Wrote your progress report to ")
        .stdout_has(
            "3 weeks since you began, Tuesday 3 November 2026 to Saturday 21 November 2026.",
        );
    assert_eq!(mode(&path), 0o600);
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );
    let leftovers = std::fs::read_dir(env.root())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with('.')
        })
        .count();
    assert_eq!(leftovers, 0, "no temporary file left behind");
    let json = env
        .run(["report", "--output", path.to_str().unwrap(), "--json"])
        .success()
        .json();
    assert_eq!(json["output"], path.to_str().unwrap());
    assert_eq!(json["from"], "2026-09-28");
    assert_eq!(json["until"], "2026-11-21");
    assert_eq!(json["weeks"], 8);
    assert_eq!(
        json["bytes"].as_u64().unwrap(),
        std::fs::metadata(&path).unwrap().len()
    );
}

#[test]
fn a_dash_writes_the_page_to_a_pipe() {
    let env = three_weeks();
    let run = env.run(["report", "--output", "-", "--weeks", "3"]);
    run.success();
    assert!(run.stdout.starts_with("<!DOCTYPE html>"));
    parse(&run.stdout);
    env.run(["report", "--output", "-", "--json"])
        .refused()
        .stderr_has("--output -");
}

#[test]
fn refusals_change_nothing() {
    let env = TestEnv::with_couple();
    let journal = env.default_journal();
    let before = dump(&journal);
    let out = env.root().join("r.html");
    let out = out.to_str().unwrap();
    for (args, needle) in [
        (&["report"][..], "--output"),
        (
            &["report", "--output", out, "--weeks", "0"],
            "--weeks must be a whole number from 1 to 520 (got \"0\")",
        ),
        (
            &["report", "--output", out, "--weeks", "521"],
            "(got \"521\")",
        ),
        (&["report", "--output", out, "--weeks", "many"], "many"),
        (
            &["report", "--output", out, "--until", "2026-11-22"],
            "cannot be in the future",
        ),
        (
            &["report", "--output", out, "--until", "2026-02-30"],
            "\"2026-02-30\" is not a real calendar date",
        ),
        (
            &["report", "--output", out, "--until", "someday"],
            "\"someday\"",
        ),
        (
            &["report", "--output", ""],
            "a value is required for '--output <FILE>'",
        ),
    ] {
        env.run(args).refused().stderr_has(needle);
    }
    assert!(!Path::new(out).exists());
    // The journal itself, and any other database, are never written over.
    env.run(["report", "--output", journal.to_str().unwrap()])
        .refused()
        .stderr_has("part of your journal itself");
    let backup = env.root().join("backup.db");
    env.run(["backup", backup.to_str().unwrap()]).success();
    let backup_bytes = std::fs::read(&backup).unwrap();
    env.run(["report", "--output", backup.to_str().unwrap()])
        .refused()
        .stderr_has("is a database");
    assert_eq!(std::fs::read(&backup).unwrap(), backup_bytes);
    assert_eq!(dump(&journal), before);
}

#[test]
fn an_unwritable_place_is_named() {
    let env = TestEnv::with_couple();
    let folder = env.root().to_str().unwrap().to_string();
    env.run(["report", "--output", &folder])
        .refused()
        .stderr_has(&format!("{folder} is a folder"))
        .stderr_has("rekindle-report.html");
    let nowhere = env.root().join("no/such/folder/r.html");
    env.run(["report", "--output", nowhere.to_str().unwrap()])
        .code(1)
        .stderr_has(nowhere.to_str().unwrap())
        .stderr_has("does not exist");
    // A folder without write permission (root ignores permissions, so this is only checked
    // where they apply).
    let locked = env.root().join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::set_permissions(&locked, std::os::unix::fs::PermissionsExt::from_mode(0o500)).unwrap();
    let target = locked.join("r.html");
    if std::fs::write(locked.join("probe"), "").is_err() {
        env.run(["report", "--output", target.to_str().unwrap()])
            .code(1)
            .stderr_has(target.to_str().unwrap())
            .stderr_has("ermission denied");
        assert!(!target.exists());
    }
    std::fs::set_permissions(&locked, std::os::unix::fs::PermissionsExt::from_mode(0o700)).unwrap();
    // Without a journal there is nothing to report, and no file is made.
    let empty = TestEnv::new();
    let path = empty.root().join("r.html");
    empty
        .run(["report", "--output", path.to_str().unwrap()])
        .code(1)
        .stderr_has("rekindle init");
    assert!(!path.exists());
}

#[test]
fn a_dash_on_a_terminal_is_refused() {
    let env = three_weeks();
    let mut cmd = env.command(["report", "--output", "-"]);
    cmd.env("TERM", "xterm");
    let mut p = rexpect::session::spawn_command(cmd, Some(60_000)).expect("start in a pty");
    let shown = p.exp_eof().unwrap_or_default();
    assert!(
        shown.contains("not something to read in a terminal"),
        "{shown}"
    );
    assert!(!shown.contains("<html"));
    match p.process().wait().expect("wait") {
        rexpect::process::WaitStatus::Exited(_, code) => assert_eq!(code, 2),
        other => panic!("{other:?}"),
    }
}

#[test]
fn without_output_it_says_which_flag_to_pass() {
    let env = TestEnv::with_couple();
    let journal = env.default_journal();
    let before = dump(&journal);
    for args in [
        &["report"][..],
        &["report", "--weeks", "4"],
        &["report", "--json"],
    ] {
        let run = env.run(args);
        run.refused();
        assert_eq!(
            run.stderr,
            "rekindle: error: report writes an HTML page: pass --output FILE.html (for example --output progress.html)\n",
            "{args:?}"
        );
        assert!(run.stdout.is_empty());
    }
    assert_eq!(dump(&journal), before);
    let help = env.run(["report", "--help"]);
    help.success()
        .stdout_has("Usage: rekindle report [OPTIONS] --output <FILE>")
        .stdout_has("-o, --output <FILE>");
}

#[test]
fn days_are_counted_from_the_day_the_journal_began() {
    // Begun Wednesday 21 October 2026, seen Saturday 21 November: 32 days, not 8 weeks' 55.
    let mut env = TestEnv::with_couple_on("2026-10-21");
    env.set("REKINDLE_TODAY", "2026-11-21");
    checkin(&env, "Sam", "2026-10-21", "5", &[]);
    checkin(&env, "Sam", "2026-11-02", "6", &[]);
    checkin(&env, "Sam", "2026-11-20", "8", &[]);
    checkin(&env, "Alex", "2026-11-20", "7", &[]);
    let (path, html) = report(&env, &[]);
    let text = text_of(parse(&html).root());
    assert!(
        text.contains(
            "Sam checked in on 3 of 32 days since you began; \
             Alex checked in on 1 of 32 days since you began."
        ),
        "{text}"
    );
    assert!(text.contains("5 weeks since you began: Wednesday 21 October 2026"));
    // The weekly tables start with the week the journal began.
    assert!(html.contains("<th scope=\"row\">Mon 19 Oct 2026</th>"));
    // Monday and Tuesday of that week come before the start: no squares, "·" in the numbers.
    let doc = parse(&html);
    let calendar = marks(by_id(&doc, "calendar-chart").unwrap());
    assert_eq!(calendar.len(), 32 * 2);
    assert!(html.contains("<td class=\"days\">· · 5 – – – –</td>"));
    assert!(!html.contains("Mon 12 Oct 2026"));
    assert!(!html.contains("Mon 28 Sep 2026"));
    let _ = path;
    let told = env
        .run([
            "report",
            "--output",
            env.root().join("r.html").to_str().unwrap(),
        ])
        .success()
        .stdout
        .clone();
    assert!(
        told.contains(
            "5 weeks since you began, Wednesday 21 October 2026 to Saturday 21 November 2026."
        ),
        "{told}"
    );
}
