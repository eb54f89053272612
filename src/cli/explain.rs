//! `copydesk explain [CODE]`: a rule's documentation, or the list of rules.

use std::process::ExitCode;

use super::EXIT_ERROR;
use crate::checks;

pub fn run(code: Option<&str>) -> ExitCode {
    match code {
        None => {
            println!("Rules (copydesk explain CODE shows one):\n");
            for info in checks::rules() {
                println!(
                    "  {:<20} {:<12} {}",
                    info.code,
                    info.default_severity.name(),
                    info.summary
                );
            }
            ExitCode::SUCCESS
        }
        Some(code) => match checks::rule_info(code) {
            Some(info) => {
                print!("{}", info.doc);
                ExitCode::SUCCESS
            }
            None => {
                eprintln!("error: no rule has the code `{code}`; `copydesk explain` lists them");
                ExitCode::from(EXIT_ERROR)
            }
        },
    }
}
