//! copydesk: a copy editor for news copy, as a language server and a CLI.
//!
//! See ARCHITECTURE.md for the map of the code.

pub mod actors;
pub mod analysis;
pub mod checks;
pub mod cli;
pub mod config;
pub mod document;
pub mod hashing;
pub mod lsp;
pub mod prose;
pub mod regular_file;
pub mod sources;
pub mod span;
pub mod wordlist;
pub mod work;
