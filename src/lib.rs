//! rekindle: a private, local-first journal for a couple rebuilding trust.
//!
//! `main.rs` only calls [`main`]; everything else lives in this library so it can be tested
//! in-process. The modules are layers, each using only those below it (ARCHITECTURE.md):
//! [`app`] (the process edge) → [`commands`] → [`flows`] → [`views`] → [`store`] →
//! [`keys`] → [`domain`] → [`text`].

pub mod app;
pub mod commands;
pub mod domain;
pub mod flows;
pub mod keys;
pub mod store;
pub mod text;
pub mod views;

pub use app::main;

#[cfg(test)]
mod layers;
