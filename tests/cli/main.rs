//! Integration tests: the real binary, run in an isolated environment (see `support`).

mod support;

mod apology;
mod doctor;
mod init;
mod journal_file;
mod partners;
mod promise;
