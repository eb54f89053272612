//! `copydesk explain [CODE]`: a rule's documentation, or the list of rules.

use super::config::{code_of, unknown_code};
use super::output::{Problems, Stdout};
use super::{rules, ListFormat, EXIT_ERROR};
use crate::checks;

pub fn run(code: Option<&str>) -> u8 {
    let Some(written) = code else {
        let mut out = Stdout::new();
        out.write("Rules (`copydesk explain CODE` shows one):\n\n");
        out.flush();
        return rules::run(ListFormat::Human);
    };
    match code_of(written).and_then(checks::rule_info) {
        Some(info) => {
            let mut out = Stdout::new();
            out.write(info.doc);
            out.flush();
            0
        }
        None => {
            Problems::default().error(unknown_code("copydesk explain", written));
            EXIT_ERROR
        }
    }
}
