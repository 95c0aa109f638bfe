//! Two devices (issue 17), the pure part: the pairing code, the names of files in the sync
//! folder, and the plain header of a change batch. The cipher and the signatures are in
//! [`seal`]; what a batch holds is an export document (see `domain::exchange`).

pub mod code;
pub mod header;
pub mod names;
pub mod seal;

/// The file at the top of a sync folder that says what the folder is. It holds no secret.
pub const MARKER_FILE: &str = "rekindle-sync.json";

/// The marker's contents.
pub const MARKER_TEXT: &str = "{\"format\": \"rekindle-sync\", \"version\": 1}\n";
