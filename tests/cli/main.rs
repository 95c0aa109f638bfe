//! Integration tests: the real binary, run in an isolated environment (see `support`).

mod support;

mod apology;
mod backup;
mod changes;
mod checkin;
mod concurrency;
mod crash;
mod damaged;
mod destinations;
mod docs;
mod doctor;
mod exercise;
mod export;
mod feel;
mod history;
mod hostile;
mod import;
mod init;
mod journal_file;
mod journey;
mod partners;
mod progress;
mod promise;
mod pty;
mod refusals;
mod remind;
mod report;
mod roundtrip;
mod safety;
mod sample;
mod screen;
mod together;
