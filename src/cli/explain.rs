//! `copydesk explain [CODE]`: a rule's documentation, or the list of rules.

use std::io::Write;
use std::process::ExitCode;

use super::EXIT_ERROR;
use crate::checks;

pub fn run(code: Option<&str>) -> ExitCode {
    match code {
        None => {
            let mut list = String::from("Rules (copydesk explain CODE shows one):\n\n");
            for info in checks::rules() {
                list += &format!(
                    "  {:<20} {:<12} {}\n",
                    info.code,
                    info.default_severity.name(),
                    info.summary
                );
            }
            print_out(&list)
        }
        Some(code) => match checks::rule_info(code) {
            Some(info) => print_out(info.doc),
            None => {
                eprintln!("error: no rule has the code `{code}`; `copydesk explain` lists them");
                ExitCode::from(EXIT_ERROR)
            }
        },
    }
}

/// Prints to stdout; a closed pipe (`| head`) is not an error worth a panic.
fn print_out(text: &str) -> ExitCode {
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    ExitCode::SUCCESS
}
