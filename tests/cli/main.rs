//! Integration tests: the real binary, run in an isolated environment (see `support`).

mod support;

mod apology;
mod backup;
mod checkin;
mod concurrency;
mod crash;
mod doctor;
mod export;
mod feel;
mod import;
mod init;
mod journal_file;
mod journey;
mod partners;
mod progress;
mod promise;
mod pty;
mod roundtrip;
mod sample;
mod together;
