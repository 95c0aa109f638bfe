//! Terminal safety: text full of escape sequences, C1 controls, bidi overrides and invisible
//! characters is stored exactly, carried exactly by JSON, and shown defused by every command
//! that prints it. A journal is seeded with such text in every field a person can write (and,
//! through an import, in the ones only an export can fill); then every printing command runs
//! over it and all the bytes it writes, on stdout and stderr, are scanned.

use std::path::Path;

use serde_json::{Value, json};

use crate::support::{Run, TestEnv};

/// Everything a note can hold that could drive or deceive a terminal: a window title (OSC 0),
/// a hyperlink (OSC 8), clear screen and colour (CSI), a C1 CSI, a right-to-left override, a
/// bidi isolate, zero-width space, byte order mark, carriage return, backspace, DEL, a line
/// separator, a soft hyphen and a tag character.
pub const HOSTILE: &str = "title\u{1b}]0;pwned\u{7} link\u{1b}]8;;http://x\u{7}here\u{1b}]8;;\u{7} \
clear\u{1b}[2J red\u{1b}[31m c1\u{9b}31m rlo\u{202e}desrever iso\u{2066}x\u{2069} \
zw\u{200b}sp bom\u{feff} cr\rover bs\u{8} del\u{7f} ls\u{2028} shy\u{ad} tag\u{e0041} end";

/// What a prompt file can hold: its loader refuses control characters, but not these.
pub const PROMPT_TEXT: &str =
    "Say it\u{202e}won\u{2066}x\u{2069} \u{200b}plainly\u{feff}\u{2028}\u{ad}\u{e0041}?";

/// The characters no output may carry raw: C0 controls but newline and tab, DEL, C1, bidi
/// controls, zero-width and other invisible format characters, line and paragraph separators,
/// tag characters. Written out here, apart from `sanitize`, so the test does not grade the
/// code by its own rules.
pub fn raw_hazards(text: &str) -> Vec<char> {
    text.chars()
        .filter(|&c| {
            let n = c as u32;
            (c.is_control() && c != '\n' && c != '\t')
                || matches!(n,
                    0xAD | 0x61C | 0x180E
                    | 0x200B..=0x200F
                    | 0x2028..=0x202E
                    | 0x2060..=0x2064
                    | 0x2066..=0x206F
                    | 0xFEFF
                    | 0xFFF9..=0xFFFB
                    | 0xE0000..=0xE007F)
        })
        .collect()
}

/// Runs commands and collects every place where raw hazards reached the output.
struct Scan<'a> {
    env: &'a TestEnv,
    problems: Vec<String>,
    runs: usize,
}

impl<'a> Scan<'a> {
    fn new(env: &'a TestEnv) -> Self {
        Scan {
            env,
            problems: Vec::new(),
            runs: 0,
        }
    }

    /// Runs `args`, scans both streams, and checks that the output shows `marker` (the user
    /// text was printed, defused, rather than dropped). Returns the run for further checks.
    fn run(&mut self, args: &[&str], code: i32, marker: Option<&str>) -> Run {
        let run = self.env.run(args);
        self.runs += 1;
        if run.code != code {
            self.problems.push(format!(
                "{args:?} exited {} (wanted {code}): {:?}",
                run.code, run.stderr
            ));
        }
        for (stream, text) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
            let hazards = raw_hazards(text);
            if !hazards.is_empty() {
                self.problems
                    .push(format!("{args:?} wrote raw {hazards:?} on {stream}"));
            }
        }
        if let Some(marker) = marker
            && !run.stdout.contains(marker)
            && !run.stderr.contains(marker)
        {
            self.problems.push(format!(
                "{args:?} did not show {marker:?}: {:?}",
                run.stdout
            ));
        }
        run
    }

    fn ok(&mut self, args: &[&str], marker: Option<&str>) -> Run {
        self.run(args, 0, marker)
    }

    fn finish(self) {
        assert!(
            self.problems.is_empty(),
            "{} problems over {} runs:\n{}",
            self.problems.len(),
            self.runs,
            self.problems.join("\n")
        );
    }
}

/// The user's prompt folder: every built-in prompt of the first step replaced by
/// [`PROMPT_TEXT`] (so whichever the day picks is hostile), a hostile title, summary and
/// practice, and a second file, named with an escape sequence, that the loader refuses.
pub fn hostile_prompt_files(env: &mut TestEnv) {
    let config = env.root().join("config");
    let dir = config.join("rekindle/prompts");
    std::fs::create_dir_all(&dir).unwrap();
    let builtin = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("prompts/responsibility.toml"),
    )
    .unwrap();
    let builtin: toml::Table = toml::from_str(&builtin).unwrap();
    let prompts: Vec<toml::Value> = builtin["prompts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let mut table = toml::Table::new();
            table.insert("id".into(), p["id"].clone());
            table.insert("audience".into(), "both".into());
            table.insert("text".into(), PROMPT_TEXT.into());
            toml::Value::Table(table)
        })
        .collect();
    let mut file = toml::Table::new();
    file.insert("id".into(), "responsibility".into());
    file.insert("title".into(), PROMPT_TEXT.into());
    file.insert("summary".into(), PROMPT_TEXT.into());
    file.insert("practices".into(), vec![PROMPT_TEXT].into());
    file.insert("prompts".into(), prompts.into());
    std::fs::write(dir.join("mine.toml"), toml::to_string(&file).unwrap()).unwrap();
    std::fs::write(
        dir.join("bad\u{1b}[2J\u{202e}.toml"),
        "id = \"responsibility\"\n[[prompts]]\nid = \"x\"\naudience = \"both\"\ntext = \"a\\u001b]0;pwned\\u0007\"\n",
    )
    .unwrap();
    env.set("XDG_CONFIG_HOME", &config);
}

/// Seeds the journal through the commands themselves, scanning what each one prints, then
/// imports what no command can write directly (a meeting, a feeling word with escapes).
fn seed(scan: &mut Scan<'_>) {
    let h = HOSTILE;
    scan.ok(
        &[
            "checkin",
            "--as",
            "Sam",
            "--trust",
            "6",
            "--feeling",
            "hurt:3",
            "--answer",
            h,
            "--appreciation",
            h,
            "--need",
            h,
            "--note",
            h,
        ],
        None,
    );
    scan.ok(
        &["feel", "--as", "Alex", "hurt:2", "--note", h],
        Some("pwned"),
    );
    scan.ok(
        &[
            "promise",
            "add",
            h,
            "--every",
            "day",
            "--from",
            "2026-11-16",
            "--as",
            "Sam",
        ],
        Some("pwned"),
    );
    scan.ok(
        &[
            "promise",
            "keep",
            "1",
            "--date",
            "2026-11-17",
            "--note",
            h,
            "--as",
            "Alex",
        ],
        Some("pwned"),
    );
    for day in ["2026-11-18", "2026-11-19", "2026-11-20"] {
        scan.ok(
            &["promise", "miss", "1", "--date", day, "--as", "Alex"],
            Some("pwned"),
        );
    }
    scan.ok(&["promise", "add", h, "--as", "Alex"], Some("pwned"));
    scan.ok(&["promise", "cancel", "2"], Some("pwned"));
    // Flags, no terminal: the apology is held back by the check, whose findings quote it;
    // saved as written, the findings are said again.
    scan.run(
        &[
            "apology",
            "add",
            "--what",
            h,
            "--responsibility",
            &format!("I'm sorry if you felt hurt, {h}"),
            "--as",
            "Sam",
        ],
        2,
        None,
    );
    scan.ok(
        &[
            "apology",
            "add",
            "--what",
            h,
            "--impact",
            h,
            "--responsibility",
            &format!("I'm sorry if you felt hurt, {h}"),
            "--change",
            h,
            "--promise",
            "--as-written",
            "--as",
            "Sam",
        ],
        None,
    );
    scan.ok(
        &[
            "apology",
            "respond",
            "1",
            "--need-time",
            "--note",
            h,
            "--as",
            "Alex",
        ],
        None,
    );

    // An edit says what changed (never the words themselves) and keeps the version before;
    // each text is edited away and back, so what is stored ends as it began.
    for text in ["for a moment", h] {
        scan.ok(
            &[
                "edit",
                "apology",
                "1",
                "--impact",
                text,
                "--as-written",
                "--as",
                "Sam",
            ],
            Some("impact changed"),
        );
        scan.ok(
            &["edit", "promise", "1", "--text", text, "--as", "Sam"],
            Some("text changed"),
        );
    }

    let mut doc: Value = scan.ok(&["export"], Some("pwned")).json();
    let sam = doc["partners"][0]["uuid"].clone();
    let alex = doc["partners"][1]["uuid"].clone();
    let stamp = "2026-11-21T20:00:00.000000Z";
    let hlc = "01a1ffb1ba00-0000-00000000000000aa";
    doc["meetings"] = json!([{
        "uuid": "6f1c1a7e-8d0b-4c1e-9f57-0a4b6c3d2e10",
        "date": "2026-11-21",
        "went_well": h,
        "work_on": h,
        "parts": [
            {"partner_uuid": sam, "appreciation": h, "request": h, "promise_uuid": null},
            {"partner_uuid": alex, "appreciation": h, "request": h, "promise_uuid": null},
        ],
        "created_at": stamp,
        "updated_at": stamp,
        "hlc": hlc,
    }]);
    let file = scan
        .env
        .root()
        .join("we\u{1b}]0;pwned\u{7}ird\u{202e}.json");
    std::fs::write(&file, doc.to_string()).unwrap();
    let file_name = file.to_str().unwrap();
    scan.ok(&["import", file_name, "--dry-run"], Some("pwned"));
    scan.ok(&["import", file_name], Some("pwned"));
    // A feeling word with escapes: import refuses it as `feel` does (the refusal shows it
    // defused), but a journal written by an older rekindle may hold one, so it is put
    // straight into the file to see every command show it defused.
    let hostile_word = json!({
        "uuid": "0d2b7c55-1c7e-4a8e-b7a1-3f0e9d8c7b6a",
        "partner_uuid": sam,
        "checkin_uuid": null,
        "date": "2026-11-21",
        "word": h,
        "intensity": 4,
        "note": null,
        "created_at": stamp,
        "updated_at": stamp,
        "hlc": hlc,
    });
    doc["feelings"].as_array_mut().unwrap().push(hostile_word);
    std::fs::write(&file, doc.to_string()).unwrap();
    let refused = scan.run(&["import", file_name], 2, Some("pwned"));
    assert!(
        refused
            .stderr
            .contains("contains control or invisible characters"),
        "{}",
        refused.stderr
    );
    let conn = rusqlite::Connection::open(scan.env.default_journal()).unwrap();
    conn.execute(
        "INSERT INTO feelings (uuid, partner_id, checkin_id, date, word, intensity, note, created_at, updated_at, hlc)
         SELECT ?1, id, NULL, '2026-11-21', ?2, 4, NULL, ?3, ?3, ?4 FROM partners WHERE name = 'Sam'",
        rusqlite::params!["0d2b7c55-1c7e-4a8e-b7a1-3f0e9d8c7b6a", h, stamp, hlc],
    )
    .unwrap();
}

#[test]
fn every_printing_command_shows_hostile_text_defused() {
    let mut env = TestEnv::with_couple();
    hostile_prompt_files(&mut env);
    let mut scan = Scan::new(&env);
    seed(&mut scan);
    let pwned = Some("pwned");
    let plainly = Some("plainly");
    for (args, marker) in [
        (&["partners"][..], None),
        (&["partners", "--json"], None),
        (&["prompt", "--as", "Sam"], plainly),
        (&["prompt", "--as", "Sam", "--json"], plainly),
        (&["steps"], plainly),
        (&["steps", "--json"], plainly),
        (&["focus"], plainly),
        (&["focus", "--json"], plainly),
        (&["feelings"], None),
        (&["promise", "list", "--all"], pwned),
        (&["promise", "list", "--all", "--json"], pwned),
        (&["apology", "list"], pwned),
        (&["apology", "list", "--json"], pwned),
        (&["apology", "check", HOSTILE], None),
        (&["apology", "check", "--json", HOSTILE], None),
        (&["history", "--limit", "100"], pwned),
        (&["history", "--limit", "100", "--json"], pwned),
        (&["history", "--search", "pwned"], pwned),
        (&["history", "--kind", "meeting,feeling"], pwned),
        (&["show", "apology", "1"], pwned),
        (&["show", "apology", "1", "--json"], pwned),
        (&["show", "promise", "1"], pwned),
        (&["show", "promise", "1", "--json"], pwned),
        (&["progress"], pwned),
        (&["progress", "--json"], pwned),
        (&["export"], pwned),
        (&["export", "--format", "markdown"], pwned),
        (&["doctor"], None),
        (&["doctor", "--json"], None),
        (
            &["backup", "copy\u{1b}[2J\u{202e}.db"],
            Some("copy\\e[2J\\u{202e}.db"),
        ),
        (
            &[
                "export",
                "--format",
                "markdown",
                "--output",
                "out\u{9b}2J.md",
            ],
            Some("out\\u{9b}2J.md"),
        ),
    ] {
        scan.ok(args, marker);
    }
    // A focus change and a check-in that answers the hostile prompt, then history shows it.
    scan.ok(&["focus", "communication"], None);
    scan.ok(&["focus", "1"], plainly);
    scan.ok(
        &[
            "checkin", "--as", "Alex", "--trust", "4", "--answer", "yes", "--json",
        ],
        None,
    );
    scan.ok(&["history", "--kind", "checkin", "--limit", "1"], plainly);
    // Error messages that echo what was typed.
    for args in [
        &["checkin", "--as", HOSTILE, "--trust", "5"][..],
        &["history", "--kind", HOSTILE],
        &["history", "--since", HOSTILE],
        &["promise", "add", "x", "--every", HOSTILE, "--as", "Sam"],
        &["promise", "keep", HOSTILE],
        &["focus", HOSTILE],
        &["feel", "--as", "Sam", HOSTILE],
        &["partners", "rename", "Sam", HOSTILE],
        &["export", "--format", HOSTILE],
        &[HOSTILE],
    ] {
        scan.run(args, 2, pwned);
    }
    scan.finish();
}

/// The hostile string as the database holds it, for every column a person can write.
fn stored(journal: &Path) -> Vec<(String, String)> {
    let conn = rusqlite::Connection::open(journal).unwrap();
    let mut found = Vec::new();
    for (table, columns) in [
        ("checkins", &["answer", "appreciation", "need", "note"][..]),
        ("feelings", &["note", "word"]),
        ("promises", &["text"]),
        ("outcomes", &["note"]),
        ("apologies", &["what", "impact", "change"]),
        ("responses", &["note"]),
        ("meetings", &["went_well", "work_on"]),
        ("meeting_partners", &["appreciation", "request"]),
    ] {
        for column in columns {
            let values: Vec<Option<String>> = conn
                .prepare(&format!("SELECT {column} FROM {table}"))
                .unwrap_or_else(|e| panic!("{table}.{column}: {e}"))
                .query_map([], |r| r.get(0))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            let exact = values.iter().flatten().filter(|v| *v == HOSTILE).count();
            found.push((format!("{table}.{column}"), exact.to_string()));
        }
    }
    found
}

#[test]
fn hostile_text_is_stored_exactly_and_json_carries_it_exactly() {
    let mut env = TestEnv::with_couple();
    hostile_prompt_files(&mut env);
    let mut scan = Scan::new(&env);
    seed(&mut scan);
    scan.finish();

    // In the database, byte for byte.
    for (column, exact) in stored(&env.default_journal()) {
        assert_ne!(exact, "0", "{column} does not hold the text exactly");
    }

    // In JSON, equal after parsing, wherever it appears (read by Sam, whose words they are).
    env.set("REKINDLE_AS", "Sam");
    let history = env
        .run(["history", "--limit", "100", "--json"])
        .success()
        .json();
    let records = history.as_array().unwrap();
    let of = |kind: &str| -> Vec<&Value> { records.iter().filter(|r| r["kind"] == kind).collect() };
    let checkin = of("checkin")[0];
    for field in ["answer", "appreciation", "need", "note"] {
        assert_eq!(checkin[field], HOSTILE, "checkin.{field}");
    }
    assert!(of("feeling").iter().any(|f| f["note"] == HOSTILE));
    assert!(of("feeling").iter().any(|f| f["word"] == HOSTILE));
    assert!(of("promise").iter().any(|p| p["text"] == HOSTILE));
    assert!(
        of("outcome")
            .iter()
            .any(|o| o["note"] == HOSTILE && o["promise"] == HOSTILE)
    );
    let apology = of("apology")[0];
    for field in ["what", "impact", "change"] {
        assert_eq!(apology[field], HOSTILE, "apology.{field}");
    }
    assert_eq!(of("response")[0]["note"], HOSTILE);
    let meeting = of("meeting")[0];
    assert_eq!(meeting["went_well"], HOSTILE);
    assert_eq!(meeting["work_on"], HOSTILE);
    for part in meeting["partners"].as_array().unwrap() {
        assert_eq!(part["appreciation"], HOSTILE);
        assert_eq!(part["request"], HOSTILE);
    }

    let promises = env
        .run(["promise", "list", "--all", "--json"])
        .success()
        .json();
    assert_eq!(promises[0]["text"], HOSTILE);
    let apologies = env.run(["apology", "list", "--json"]).success().json();
    assert_eq!(apologies[0]["what"], HOSTILE);
    assert_eq!(apologies[0]["response"]["note"], HOSTILE);
    let prompt = env
        .run(["prompt", "--as", "Sam", "--json"])
        .success()
        .json();
    assert_eq!(prompt["text"], PROMPT_TEXT);
    let steps = env.run(["steps", "--json"]).success().json();
    assert_eq!(steps[0]["title"], PROMPT_TEXT);
    assert_eq!(steps[0]["summary"], PROMPT_TEXT);
    let focus = env.run(["focus", "--json"]).success().json();
    assert_eq!(
        focus["practices"].as_array().unwrap().last().unwrap()["text"],
        PROMPT_TEXT
    );
    let progress = env.run(["progress", "--json"]).success().json();
    let missed = progress["signals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["kind"] == "promise-missed-repeatedly")
        .expect("the missed promise is a signal");
    assert!(missed["message"].as_str().unwrap().contains(HOSTILE));
    let export = env.run(["export"]).success().json();
    assert_eq!(export["checkins"][0]["note"], HOSTILE);
    assert_eq!(export["meetings"][0]["went_well"], HOSTILE);

    // Written as escapes, the JSON bytes themselves are safe on a terminal too.
    let raw = env
        .run(["history", "--limit", "100", "--json"])
        .success()
        .stdout
        .clone();
    assert!(raw_hazards(&raw).is_empty(), "raw hazards in JSON");
    assert!(raw.contains("\\u009b31m") && raw.contains("\\u202edesrever"));
}

#[test]
fn exports_to_files_keep_the_text_as_each_format_promises() {
    let env = TestEnv::with_couple();
    let mut scan = Scan::new(&env);
    seed(&mut scan);
    scan.ok(&["export", "--output", "all.json"], None);
    // Read by Sam, whose words they are (CSV and Markdown follow the reader's seal).
    scan.ok(
        &[
            "export", "--format", "csv", "--output", "all.csv", "--as", "Sam",
        ],
        None,
    );
    scan.ok(
        &[
            "export", "--format", "markdown", "--output", "all.md", "--as", "Sam",
        ],
        None,
    );
    scan.finish();

    // JSON: exact, and re-importable into a fresh journal with the text intact.
    let json: Value =
        serde_json::from_slice(&std::fs::read(env.root().join("all.json")).unwrap()).unwrap();
    assert_eq!(json["apologies"][0]["impact"], HOSTILE);

    // CSV, a file for spreadsheets: the text exactly (it does not start like a formula, so
    // it gets no apostrophe), as docs/decisions.md says.
    let mut csv = csv::Reader::from_path(env.root().join("all.csv")).unwrap();
    let headers = csv.headers().unwrap().clone();
    let row = csv.records().next().unwrap().unwrap();
    for column in ["answer", "appreciation", "need", "note"] {
        let at = headers.iter().position(|h| h == column).unwrap();
        assert_eq!(&row[at], HOSTILE, "csv {column}");
    }

    // Markdown, to read or print: defused like the terminal, then escaped as Markdown.
    let markdown = std::fs::read_to_string(env.root().join("all.md")).unwrap();
    assert!(raw_hazards(&markdown).is_empty(), "raw hazards in Markdown");
    assert!(markdown.contains("pwned") && markdown.contains("\\\\u{202e}desrever"));

    // A fresh journal made from the JSON holds the same text. The feeling word with escapes
    // that `seed` put straight into the journal is refused by import, as by `feel`, with its
    // place named; without it, the rest comes across.
    let other = TestEnv::new();
    let file = env.root().join("all.json");
    other
        .run(["import", file.to_str().unwrap()])
        .refused()
        .stderr_has(".word: the feeling \"title\\e]0;pwned");
    let mut json = json;
    json["feelings"]
        .as_array_mut()
        .unwrap()
        .retain(|f| f["uuid"] != "0d2b7c55-1c7e-4a8e-b7a1-3f0e9d8c7b6a");
    std::fs::write(&file, json.to_string()).unwrap();
    other.run(["import", file.to_str().unwrap()]).success();
    for (column, exact) in stored(&other.default_journal()) {
        if column == "feelings.word" {
            assert_eq!(exact, "0", "refused above, as `feel` refuses it");
            continue;
        }
        assert_ne!(exact, "0", "{column} after a round trip");
    }
}

#[test]
fn doctor_defuses_a_journal_path_full_of_escapes() {
    let env = TestEnv::new();
    let dir = env.root().join("we\u{1b}]0;pwned\u{7}ird");
    let journal = dir.join("j\u{202e}bd.db");
    let journal = journal.to_str().unwrap();
    env.run([
        "--journal",
        journal,
        "init",
        "--partner",
        "Sam",
        "--partner",
        "Alex",
    ])
    .success();
    // World-readable, so the privacy warnings quote the path as well.
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::set_permissions(journal, std::fs::Permissions::from_mode(0o644)).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut scan = Scan::new(&env);
    let run = scan.ok(&["--journal", journal, "doctor"], Some("pwned"));
    assert!(run.stderr.contains("chmod 600"), "{}", run.stderr);
    scan.ok(&["--journal", journal, "partners"], None);
    scan.ok(&["--journal", journal, "doctor", "--json"], Some("pwned"));
    scan.run(
        &["--journal", &format!("{journal}.missing"), "partners"],
        1,
        Some("pwned"),
    );
    scan.finish();
}
