//! `rekindle export`: JSON, CSV and Markdown, to the screen or into a private file.

use serde_json::{Value, json};

use crate::sample;
use crate::support::{TestEnv, bytes, dump, mode};

fn with_sample() -> TestEnv {
    let env = TestEnv::new();
    let file = env.root().join("sample.json");
    sample::write(&file, &sample::journal());
    env.run(["import", file.to_str().unwrap()]).success();
    env
}

#[test]
fn a_fresh_journal_exports_every_list_and_its_partners() {
    let env = TestEnv::with_couple();
    let doc = env.run(["export"]).success().json();
    assert_eq!(doc["format"], "rekindle-export");
    assert_eq!(doc["version"], 2);
    let stamp = doc["exported_at"].as_str().unwrap();
    assert!(
        chrono::DateTime::parse_from_rfc3339(stamp).is_ok(),
        "{stamp}"
    );
    let keys: Vec<&String> = doc.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "format",
            "version",
            "exported_at",
            "partners",
            "checkins",
            "feelings",
            "promises",
            "outcomes",
            "apologies",
            "responses",
            "focus",
            "meetings",
            "exercises",
            "notes",
            "tombstones",
            "revisions",
            "withdrawals",
            "partner_keys",
            "passphrase_events"
        ]
    );
    assert_eq!(doc["partners"][0]["name"], "Sam");
    assert_eq!(doc["partners"][0]["role"], "repairing");
    assert_eq!(doc["partners"][1]["name"], "Alex");
    for p in doc["partners"].as_array().unwrap() {
        assert!(uuid::Uuid::parse_str(p["uuid"].as_str().unwrap()).is_ok());
        assert!(p["created_at"].as_str().unwrap().ends_with('Z'));
        assert_eq!(p["created_at"], p["updated_at"]);
    }
    assert_eq!(doc["focus"][0]["step"], "responsibility");
    assert_eq!(doc["focus"][0]["date"], "2026-11-21");
    assert_eq!(doc["checkins"], json!([]));
    // --json changes nothing when the export itself is printed.
    let again = env.run(["export", "--json"]).success().json();
    assert_eq!(sample::without_stamp(again), sample::without_stamp(doc));
}

#[test]
fn csv_has_one_row_per_check_in_for_a_spreadsheet() {
    let env = with_sample();
    // Read by Sam, who may read every word in the sample (Alex's are of a day Sam checked in).
    let run = env.run(["export", "--format", "csv", "--as", "Sam"]);
    let text = run.success().stdout.clone();
    assert!(
        text.starts_with(
            "date,partner,trust,connection,feelings,step,prompt,answer,appreciation,need,note,words\r\n"
        ),
        "no BOM, RFC 4180 line ends: {text:?}"
    );
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3);
    let cells = |i: usize| -> Vec<&str> { rows[i].iter().collect() };
    assert_eq!(
        cells(0),
        [
            "2026-11-19",
            "Sam",
            "5",
            "6",
            "",
            "Take responsibility",
            "responsibility-2",
            "I said sorry, and meant it.",
            "You made tea",
            "",
            "",
            "shared"
        ]
    );
    assert_eq!(&cells(1)[..3], ["2026-11-19", "Alex", "3"]);
    assert_eq!(cells(1)[7], "Still raw, \"but\" hopeful, a bit");
    assert_eq!(cells(1)[10], "# not a heading\n- not a list");
    assert_eq!(cells(2)[4], "hurt:4; hopeful");
    assert_eq!(cells(2)[7], "We walked, together 💛");
    assert_eq!(cells(2)[10], "'=1+1", "a formula is kept as text");
    // The sample's prompt id belongs to no prompt rekindle knows, so it is shown as it is;
    // the step is shown by its title.
}

/// A check-in through the binary, on the step that holds the focus, with today's prompt.
fn checked_in_with_a_prompt() -> (TestEnv, serde_json::Value) {
    let mut env = TestEnv::with_couple();
    env.set("REKINDLE_AS", "Sam");
    env.run(["focus", "communication"]).success();
    let prompt = env.run(["prompt", "--json"]).success().json();
    env.run([
        "checkin",
        "--trust",
        "6",
        "--answer",
        "We listened to each other.",
    ])
    .success();
    (env, prompt)
}

#[test]
fn csv_and_markdown_show_the_prompt_and_step_in_words_and_json_keeps_ids() {
    let (env, prompt) = checked_in_with_a_prompt();
    let text = prompt["text"].as_str().unwrap().to_string();
    let id = prompt["prompt_id"].as_str().unwrap().to_string();
    assert_eq!(prompt["step"], "communication");
    assert!(!text.is_empty() && text != id);

    let csv_text = env
        .run(["export", "--format", "csv"])
        .success()
        .stdout
        .clone();
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(&rows[0][5], "Talk and listen openly");
    assert_eq!(&rows[0][6], text.as_str());
    assert!(
        !csv_text.contains(&id),
        "no prompt id in the CSV: {csv_text}"
    );

    let md = env
        .run(["export", "--format", "markdown"])
        .success()
        .stdout
        .clone();
    assert!(
        md.contains("- Working on step 2, Talk and listen openly\n"),
        "{md}"
    );
    assert!(md.contains("- Prompt: "), "{md}");
    assert!(!md.contains(&id), "no prompt id in the Markdown: {md}");

    let json = env.run(["export"]).success().json();
    assert_eq!(json["checkins"][0]["step"], "communication");
    assert_eq!(json["checkins"][0]["prompt_id"], id.as_str());
}

#[test]
fn a_prompt_whose_file_was_removed_is_shown_by_its_id() {
    // The sample's first check-in answered "responsibility-2"; here that is a prompt from the
    // couple's own file, which is later removed.
    let env = with_sample();
    let config = env.home().join(".config/rekindle/prompts");
    std::fs::create_dir_all(&config).unwrap();
    let file = config.join("ours.toml");
    std::fs::write(
        &file,
        "id = \"responsibility\"\n\n[[prompts]]\nid = \"responsibility-2\"\naudience = \"both\"\ntext = \"What did you notice on our walk?\"\n",
    )
    .unwrap();
    let prompt_cell = |env: &TestEnv| -> String {
        let text = env
            .run(["export", "--format", "csv"])
            .success()
            .stdout
            .clone();
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let row = reader.records().next().unwrap().unwrap();
        assert_eq!(&row[1], "Sam");
        row[6].to_string()
    };
    assert_eq!(prompt_cell(&env), "What did you notice on our walk?");
    let md = env
        .run(["export", "--format", "md"])
        .success()
        .stdout
        .clone();
    assert!(
        md.contains("- Prompt: What did you notice on our walk?"),
        "{md}"
    );
    std::fs::remove_file(&file).unwrap();
    assert_eq!(
        prompt_cell(&env),
        "responsibility-2",
        "an unknown prompt keeps its id"
    );
    let md = env
        .run(["export", "--format", "md"])
        .success()
        .stdout
        .clone();
    assert!(md.contains("- Prompt: responsibility-2"), "{md}");
}

#[test]
fn markdown_reads_by_day_and_keeps_text_as_text() {
    let env = with_sample();
    let text = env
        .run(["export", "--format", "markdown", "--as", "Sam"])
        .success()
        .stdout
        .clone();
    assert!(text.starts_with("# Sam and Alex: our journal\n"), "{text}");
    let wed = text.find("## Wednesday 18 November 2026").unwrap();
    let thu = text.find("## Thursday 19 November 2026").unwrap();
    let fri = text.find("## Friday 20 November 2026").unwrap();
    assert!(wed < thu && thu < fri, "oldest day first");
    for needle in [
        "- **Sam**, repairing trust",
        "### Sam’s check-in",
        "- Trust 6 of 10, connection 6 of 10",
        "- Feelings: hurt (4 of 5), hopeful",
        "> \\# not a heading  \n> \\- not a list\n",
        "> \\=1+1",
        "- Alex felt lonely (2 of 5)",
        "- Sam promised to Alex: “Text you when I leave work”, every weekday (now open)",
        "- Sam missed “Text you when I leave work” (noted by Sam): phone died",
        "### An apology from Sam to Alex",
        "**The part I take responsibility for**",
        "### Alex answered Sam’s apology of Wednesday 18 November 2026",
        "Alex needs more time.",
        "### Our meeting together",
        "It became the promise “Text you when I leave work”.",
        "private words, and words still sealed for the reader, are left out",
    ] {
        assert!(text.contains(needle), "markdown lacks {needle:?}:\n{text}");
    }
    let md = env
        .run(["export", "--format", "md", "--as", "Sam"])
        .success()
        .stdout
        .clone();
    assert_eq!(md, text, "md is another name for markdown");
}

/// CSV and Markdown are for reading, so they follow the reader's seal (DESIGN, "Two
/// people"): Sam's words of a day Alex has not checked in are not in Alex's copy, nor in
/// one made with no reader named; the JSON export, the backup, keeps them.
#[test]
fn csv_and_markdown_follow_the_readers_seal_and_json_keeps_every_word() {
    let env = with_sample();
    // The sample: both checked in on the 19th; only Sam on the 20th.
    let sams_20th = "We walked, together";
    for (reader, sealed) in [(Some("Alex"), true), (None, true), (Some("Sam"), false)] {
        for format in ["csv", "markdown"] {
            let mut args = vec!["export", "--format", format];
            if let Some(reader) = reader {
                args.extend(["--as", reader]);
            }
            let run = env.run(&args);
            run.success();
            assert_eq!(
                run.stdout.contains(sams_20th),
                !sealed,
                "{format} read by {reader:?}"
            );
            // The 19th is open to both.
            assert!(
                run.stdout.contains("I said sorry, and meant it."),
                "{format}"
            );
            if sealed {
                assert!(
                    run.stderr.contains(
                        "rekindle: warning: the words of 1 check-in are sealed and left out"
                    ),
                    "{}",
                    run.stderr
                );
            } else {
                assert_eq!(run.stderr, "");
            }
        }
    }
    let json = env.run(["export", "--as", "Alex"]).success().json();
    assert!(
        json.to_string().contains(sams_20th),
        "the backup keeps every word"
    );
}

/// Found in a user trial: a check-in whose words were sealed and left out read, in the CSV
/// and the Markdown, like a day nothing was written. Each one now says so in the file: the
/// CSV's last column, `words`, and a line in the Markdown where the words would be.
#[test]
fn csv_and_markdown_mark_the_words_they_leave_out_as_sealed() {
    let env = with_sample();
    // The sample: both checked in on the 19th; only Sam on the 20th.
    let words_column = |reader: Option<&str>| -> Vec<(String, String, String)> {
        let mut args = vec!["export", "--format", "csv"];
        args.extend(reader.map(|r| ["--as", r]).into_iter().flatten());
        let text = env.run(&args).success().stdout.clone();
        let mut rows = csv::Reader::from_reader(text.as_bytes());
        assert_eq!(&rows.headers().unwrap()[11], "words");
        rows.records()
            .map(Result::unwrap)
            .map(|r| (r[0].to_string(), r[1].to_string(), r[11].to_string()))
            .collect()
    };
    let row =
        |date: &str, who: &str, words: &str| (date.to_string(), who.to_string(), words.to_string());
    for reader in [Some("Alex"), None] {
        assert_eq!(
            words_column(reader),
            [
                row("2026-11-19", "Sam", "shared"),
                row("2026-11-19", "Alex", "shared"),
                row("2026-11-20", "Sam", "sealed"),
            ],
            "read by {reader:?}"
        );
    }
    assert_eq!(
        words_column(Some("Sam")),
        [
            row("2026-11-19", "Sam", "shared"),
            row("2026-11-19", "Alex", "shared"),
            row("2026-11-20", "Sam", "shared"),
        ]
    );

    let markdown = |args: &[&str]| env.run(args).success().stdout.clone();
    let friday = |md: &str| md[md.find("## Friday 20 November 2026").unwrap()..].to_string();
    let alexs = friday(&markdown(&["export", "--format", "md", "--as", "Alex"]));
    assert!(
        alexs.contains(
            "### Sam’s check-in\n\n- Trust 6 of 10, connection 6 of 10\n- Feelings: hurt (4 of 5), hopeful\n"
        ),
        "{alexs}"
    );
    assert!(
        alexs.contains("\nSam's words are sealed until you check in for that day too.\n"),
        "{alexs}"
    );
    let nobodys = friday(&markdown(&["export", "--format", "md"]));
    assert!(
        nobodys.contains("\nSam's words are shown once you have both checked in for that day.\n"),
        "{nobodys}"
    );
    let sams = markdown(&["export", "--format", "md", "--as", "Sam"]);
    assert!(!sams.contains("sealed until"), "{sams}");
    assert!(!sams.contains("once you have both"), "{sams}");
    assert!(sams.contains("We walked, together"), "{sams}");
}

#[test]
fn markdown_of_an_empty_journal_says_so() {
    let env = TestEnv::with_couple();
    env.run(["export", "--format", "markdown"])
        .success()
        .stdout_has("Your focus became step 1, Take responsibility.");
    let mut env = TestEnv::new();
    env.set("REKINDLE_JOURNAL", env.root().join("j.db"));
    let mut file = sample::journal();
    for kind in [
        "checkins",
        "feelings",
        "promises",
        "outcomes",
        "apologies",
        "responses",
        "focus",
        "meetings",
    ] {
        file[kind] = json!([]);
    }
    let path = env.root().join("partners-only.json");
    sample::write(&path, &file);
    env.run(["import", path.to_str().unwrap()]).success();
    env.run(["export", "--format", "markdown"])
        .success()
        .stdout_has("Nothing has been written in the journal yet.");
}

#[test]
fn output_writes_a_private_file_and_replaces_an_older_export() {
    let env = with_sample();
    let out = env.root().join("mine.json");
    std::fs::write(&out, "an older export").unwrap();
    std::fs::set_permissions(&out, std::os::unix::fs::PermissionsExt::from_mode(0o644)).unwrap();
    let run = env.run(["export", "--output", out.to_str().unwrap()]);
    run.success()
        .stdout_has("Wrote your journal as JSON to")
        .stdout_has("on Saturday 21 November 2026")
        .stdout_has("3 check-ins");
    assert_eq!(mode(&out), 0o600);
    let written: Value = serde_json::from_slice(&bytes(&out)).unwrap();
    assert_eq!(
        sample::without_stamp(written),
        sample::without_stamp(sample::journal())
    );
    let leftovers: Vec<_> = std::fs::read_dir(env.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    let csv = env.root().join("checkins.csv");
    let summary = env
        .run([
            "export",
            "--format",
            "csv",
            "-o",
            csv.to_str().unwrap(),
            "--json",
        ])
        .success()
        .json();
    assert_eq!(summary["format"], "csv");
    assert_eq!(summary["counts"]["checkins"], 3);
    assert_eq!(mode(&csv), 0o600);
    assert!(bytes(&csv).starts_with(b"date,partner,"));
}

#[test]
fn output_never_lands_on_the_journal_or_another_database() {
    let env = with_sample();
    let journal = env.default_journal();
    let before = dump(&journal);
    env.run(["export", "--output", journal.to_str().unwrap()])
        .refused()
        .stderr_has("is part of your journal itself");
    let backup = env.root().join("backup.db");
    env.run(["backup", backup.to_str().unwrap()]).success();
    let backup_bytes = bytes(&backup);
    env.run(["export", "--output", backup.to_str().unwrap()])
        .refused()
        .stderr_has("is a database");
    assert_eq!(bytes(&backup), backup_bytes);
    env.run(["export", "--output", env.root().to_str().unwrap()])
        .refused()
        .stderr_has("is a folder");
    let nowhere = env.root().join("no/such/folder/x.json");
    env.run(["export", "--output", nowhere.to_str().unwrap()])
        .code(1)
        .stderr_has("does not exist");
    assert_eq!(dump(&journal), before);
}

#[test]
fn export_needs_a_journal_and_a_known_format() {
    let env = TestEnv::new();
    env.run(["export"]).code(1).stderr_has("rekindle init");
    let env = TestEnv::with_couple();
    env.run(["export", "--format", "xlsx"])
        .code(2)
        .stderr_has("xlsx");
}

#[test]
fn control_characters_are_exact_in_json_and_defused_on_the_screen() {
    let env = TestEnv::new();
    let mut file = sample::journal();
    file["checkins"][0]["note"] = "red \u{1b}[31m alert\u{7}".into();
    let path = env.root().join("hostile.json");
    sample::write(&path, &file);
    env.run(["import", path.to_str().unwrap()]).success();
    let doc = env.run(["export"]).success().json();
    assert_eq!(doc["checkins"][0]["note"], "red \u{1b}[31m alert\u{7}");
    let md = env
        .run(["export", "--format", "markdown"])
        .success()
        .stdout
        .clone();
    assert!(!md.contains('\u{1b}'), "no raw escape in Markdown");
    assert!(md.contains("red \\\\e\\[31m alert\\\\x07"), "{md}");
    // CSV to a file (not a terminal) carries the text exactly, like JSON.
    let csv = env
        .run(["export", "--format", "csv"])
        .success()
        .stdout
        .clone();
    assert!(csv.contains("red \u{1b}[31m alert\u{7}"));
}

/// A journal holding `count` check-ins with long answers, imported through the binary.
fn many_checkins(count: usize) -> TestEnv {
    let env = TestEnv::new();
    let mut file = sample::journal();
    let checkins: Vec<Value> = (0..count)
        .map(|i| {
            let partner = if i % 2 == 0 {
                sample::SAM
            } else {
                sample::ALEX
            };
            let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap()
                - chrono::Duration::days((i / 2) as i64);
            json!({
                "uuid": format!("e0000000-0000-4000-8000-{i:012x}"), "partner_uuid": partner,
                "date": date.to_string(), "trust": 1 + (i % 10), "step": "consistency",
                "answer": "we kept the small promise again ".repeat(8),
                "created_at": sample::at(21, 1), "updated_at": sample::at(21, 1)
            })
        })
        .collect();
    file["checkins"] = checkins.into();
    for kind in ["feelings", "outcomes", "responses", "apologies", "meetings"] {
        file[kind] = json!([]);
    }
    let path = env.root().join("many.json");
    sample::write(&path, &file);
    env.run(["import", path.to_str().unwrap()]).success();
    env
}

#[test]
fn a_pipe_closed_after_the_first_line_ends_quietly_in_every_format() {
    use std::io::BufRead as _;
    // 1,500 check-ins of about 270 bytes each: far more than a pipe holds (64 KiB on Linux),
    // so rekindle is still writing when the reader goes away.
    let env = many_checkins(1500);
    for format in ["csv", "json", "markdown"] {
        let mut child = env
            .command(["export", "--format", format])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        std::io::BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        // The reader is dropped here, closing the pipe like `| head -1`.
        let output = child.wait_with_output().unwrap();
        if format == "csv" {
            assert!(first.starts_with("date,partner,"), "{first}");
        }
        assert_eq!(
            String::from_utf8_lossy(&output.stderr),
            "",
            "{format}: nothing on stderr"
        );
        assert_eq!(output.status.code(), Some(0), "{format}");
    }
}
