//! The journal as people read it outside rekindle: CSV for a spreadsheet, Markdown to read or
//! print. (The JSON export is the document itself, `domain::exchange`.)

pub mod csv;
pub mod markdown;
mod words;

pub use words::Words;
