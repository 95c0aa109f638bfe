//! The layer rule, checked: every module uses only the layers below it, and no command uses
//! another command. ARCHITECTURE.md explains the layers; this test keeps them true.
//!
//! It reads every source file under `src/`, collects the paths it names through `crate::`
//! (in `use` statements, braces expanded, and written out in code) and `super::` (resolved
//! to the module it means), and checks each one against the rule.

use std::fs;
use std::path::{Path, PathBuf};

/// The layers, top first. A module may use its own layer and the ones after it.
const LAYERS: [&str; 8] = [
    "app", "commands", "flows", "views", "store", "keys", "domain", "text",
];

/// The modules beside the commands that every command may use.
const SHARED_BY_COMMANDS: [&str; 2] = ["common", "context"];

/// Items at the crate root and the layer that defines them (`bail_user!` is exported at the
/// root, as macros are, from `domain::error`).
const ROOT_ITEMS: [(&str, &str); 2] = [("bail_user", "domain"), ("main", "app")];

/// The module path of a source file: `src/commands/promise/add.rs` is
/// `commands::promise::add`, `src/store/mod.rs` is `store`, `src/lib.rs` the root.
fn module_of(file: &Path, src: &Path) -> Vec<String> {
    let relative = file.strip_prefix(src).unwrap_or(file).with_extension("");
    let mut parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// The layer a module belongs to; the crate root is the process edge.
fn layer_of(module: &[String]) -> Option<usize> {
    let first = module.first().map_or("app", String::as_str);
    let first = ROOT_ITEMS
        .iter()
        .find(|(item, _)| *item == first)
        .map_or(first, |(_, layer)| layer);
    LAYERS.iter().position(|l| *l == first)
}

/// `a::{b, c::{d, e}}` as `a::b`, `a::c::d`, `a::c::e`.
fn expand(tree: &str) -> Vec<String> {
    let tree = tree.trim();
    let Some(open) = tree.find('{') else {
        let path = tree.split(" as ").next().unwrap_or(tree).trim();
        return vec![path.trim_end_matches("::").to_string()];
    };
    let prefix = &tree[..open];
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let mut items = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    items.push(&inner[start..]);
    items
        .into_iter()
        .filter(|item| !item.trim().is_empty())
        .flat_map(expand)
        .map(|path| match path.as_str() {
            "self" => prefix.trim_end_matches("::").to_string(),
            _ => format!("{prefix}{path}"),
        })
        .collect()
}

/// Every module path `source` names, as absolute paths from the crate root, with the line
/// each is on.
fn paths_named(source: &str, module: &[String]) -> Vec<(usize, Vec<String>)> {
    // `super::` means the parent of this module; in `foo/mod.rs` and `foo.rs` alike the
    // module is `foo`, so `super` is its parent either way.
    let parent: Vec<String> = module[..module.len().saturating_sub(1)].to_vec();
    let absolute = |path: &str| -> Option<Vec<String>> {
        let mut segments = path.split("::").map(str::trim);
        let (mut base, first) = match segments.next()? {
            "crate" | "$crate" => (Vec::new(), segments.next()?),
            "super" => (parent.clone(), segments.next()?),
            _ => return None,
        };
        let mut first = first;
        while first == "super" {
            base.pop();
            first = segments.next()?;
        }
        base.push(first.to_string());
        base.extend(segments.map(str::to_string));
        Some(base)
    };
    let mut found = Vec::new();
    let mut statement = String::new();
    let mut statement_line = 0;
    for (number, line) in source.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("//") {
            continue;
        }
        // `use` statements, which may run over several lines.
        if statement.is_empty() {
            let rest = trimmed
                .strip_prefix("pub use ")
                .or_else(|| trimmed.strip_prefix("use "));
            if let Some(rest) =
                rest.filter(|r| r.starts_with("crate::") || r.starts_with("super::"))
            {
                statement_line = number + 1;
                statement.push_str(rest);
            }
        } else {
            statement.push(' ');
            statement.push_str(trimmed);
        }
        if !statement.is_empty() {
            if let Some(end) = statement.find(';') {
                for path in expand(&statement[..end]) {
                    found.extend(absolute(&path).map(|p| (statement_line, p)));
                }
                statement.clear();
            }
            continue;
        }
        // Paths written out in code: `crate::store::focus::step_on(...)`.
        for (at, _) in line.match_indices("crate::") {
            let path: String = line[at..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            found.extend(absolute(path.trim_end_matches(':')).map(|p| (number + 1, p)));
        }
    }
    found
}

fn source_files(dir: &Path, files: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .expect("read src")
        .map(|e| e.expect("read src").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            source_files(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

/// What is wrong with `file` naming `target`, if anything.
fn broken_rule(module: &[String], target: &[String]) -> Option<String> {
    let (from, to) = (layer_of(module)?, layer_of(target)?);
    if to < from {
        return Some(format!(
            "{} (layer {}) uses {}, from the layer above it ({})",
            module.join("::"),
            LAYERS[from],
            target.join("::"),
            LAYERS[to]
        ));
    }
    // A command is commands::<name> and everything under it.
    let command = |path: &[String]| -> Option<String> {
        (path.first().map(String::as_str) == Some("commands"))
            .then(|| path.get(1).cloned())
            .flatten()
            .filter(|name| !SHARED_BY_COMMANDS.contains(&name.as_str()))
    };
    match (command(module), command(target)) {
        (Some(mine), Some(theirs)) if mine != theirs => Some(format!(
            "the command {mine} uses the command {theirs} ({}); what two commands share belongs in commands::common",
            target.join("::")
        )),
        _ => None,
    }
}

#[test]
fn every_module_uses_only_the_layers_below_it_and_no_command_uses_another() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    source_files(&src, &mut files);
    let mut broken = Vec::new();
    let mut checked = 0;
    for file in &files {
        let source = fs::read_to_string(file).expect("read a source file");
        let module = module_of(file, &src);
        // A new top-level module joins a layer here (and in ARCHITECTURE.md) first.
        if layer_of(&module).is_none() && module != ["layers"] {
            broken.push(format!(
                "{}: {} is in no layer; add it to LAYERS in src/layers.rs",
                file.display(),
                module.join("::")
            ));
        }
        for (line, target) in paths_named(&source, &module) {
            checked += 1;
            if let Some(why) = broken_rule(&module, &target) {
                let shown = file
                    .strip_prefix(src.parent().unwrap_or(&src))
                    .unwrap_or(file);
                broken.push(format!("{}:{line}: {why}", shown.display()));
            }
        }
    }
    assert!(
        checked > 500,
        "only {checked} paths were found; is the reader broken?"
    );
    assert!(broken.is_empty(), "\n{}\n", broken.join("\n"));
}

#[test]
fn the_rule_catches_what_it_is_for() {
    let m = |path: &str| -> Vec<String> { path.split("::").map(str::to_string).collect() };
    // Upward, and sideways between commands: refused.
    assert!(broken_rule(&m("store::history"), &m("views::json::Record")).is_some());
    assert!(broken_rule(&m("domain::recurrence"), &m("text::prose")).is_none());
    assert!(broken_rule(&m("domain::exchange::check"), &m("commands::partners")).is_some());
    assert!(broken_rule(&m("commands::together"), &m("commands::checkin::save")).is_some());
    assert!(broken_rule(&m("views::report"), &m("flows::prompter")).is_some());
    // Down, within a command's own family, and to the shared modules: fine.
    assert!(broken_rule(&m("flows::apology"), &m("views::apology")).is_none());
    assert!(broken_rule(&m("commands::promise::add"), &m("commands::promise")).is_none());
    assert!(
        broken_rule(
            &m("commands::checkin"),
            &m("commands::common::save_checkin")
        )
        .is_none()
    );
    assert!(broken_rule(&m("app::args"), &m("commands::Command")).is_none());
    // The reader expands braces and resolves `super`.
    assert_eq!(
        expand("crate::domain::{dates, model::{Partner, Step}, error as e}"),
        [
            "crate::domain::dates",
            "crate::domain::model::Partner",
            "crate::domain::model::Step",
            "crate::domain::error"
        ]
    );
    let found = paths_named(
        "use super::files::{self, PlaceError};\nlet x = crate::store::focus::step_on(c, d);\n",
        &m("store::destination"),
    );
    let found: Vec<String> = found.into_iter().map(|(_, p)| p.join("::")).collect();
    assert_eq!(
        found,
        [
            "store::files",
            "store::files::PlaceError",
            "store::focus::step_on"
        ]
    );
}
