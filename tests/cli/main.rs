//! Integration tests: the real binary, run in an isolated environment (see `support`).

mod support;

mod backup;
mod doctor;
mod export;
mod import;
mod init;
mod journal_file;
mod partners;
mod roundtrip;
mod sample;
