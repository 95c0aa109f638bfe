//! Integration tests: the real binary, run in an isolated environment (see `support`).

mod support;

mod apology;
mod checkin;
mod doctor;
mod feel;
mod init;
mod journal_file;
mod journey;
mod partners;
mod promise;
mod pty;
mod together;
