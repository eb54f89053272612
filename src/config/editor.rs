//! Settings sent by an editor: `initializationOptions` and the `copydesk`
//! section of `workspace/configuration`, in the editor's camelCase.

use serde_json::Value;

use super::{CheckOn, Level, Settings, Style};
use crate::checks::Severity;

/// Applies the editor's settings over `settings`. Returns one message per
/// setting that was not understood; those settings keep their earlier value.
pub fn apply(settings: &mut Settings, value: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    let Some(map) = value.as_object() else {
        if !value.is_null() {
            problems.push("copydesk settings must be an object".to_string());
        }
        return problems;
    };
    for (key, v) in map {
        match key.as_str() {
            "checkOn" | "check_on" => match v.as_str() {
                Some("save") => settings.check_on = CheckOn::Save,
                Some("change") => settings.check_on = CheckOn::Change,
                _ => problems.push(format!("checkOn must be \"save\" or \"change\", not {v}")),
            },
            "debounceMs" | "debounce_ms" => match v.as_u64() {
                Some(ms) => settings.debounce_ms = ms,
                None => problems.push(format!("debounceMs must be a whole number, not {v}")),
            },
            "style" => match v.as_str() {
                Some("ap") => settings.style = Style::Ap,
                Some("uk") => settings.style = Style::Uk,
                _ => problems.push(format!("style must be \"ap\" or \"uk\", not {v}")),
            },
            "rules" => match v.as_object() {
                Some(rules) => {
                    for (code, level) in rules {
                        match level.as_str().and_then(parse_level) {
                            Some(level) => {
                                settings.rules.insert(code.clone(), level);
                            }
                            None => problems.push(format!(
                                "rules.{code} must be off, hint, information, warning or error, not {level}"
                            )),
                        }
                    }
                }
                None => problems.push(format!("rules must be an object, not {v}")),
            },
            _ => problems.push(format!("unknown setting {key}")),
        }
    }
    problems
}

pub fn parse_level(s: &str) -> Option<Level> {
    Some(match s {
        "off" => Level::Off,
        "hint" => Level::On(Severity::Hint),
        "information" | "info" => Level::On(Severity::Information),
        "warning" => Level::On(Severity::Warning),
        "error" => Level::On(Severity::Error),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn camel_case_settings_apply_and_bad_ones_are_reported() {
        let mut s = Settings::default();
        let problems = apply(
            &mut s,
            &json!({"checkOn": "change", "debounceMs": 50, "rules": {"vague-attribution": "error"}, "style": "nyt"}),
        );
        assert_eq!(s.check_on, CheckOn::Change);
        assert_eq!(s.debounce_ms, 50);
        assert_eq!(
            s.level("vague-attribution"),
            Some(Level::On(Severity::Error))
        );
        assert_eq!(s.style, Style::Ap);
        assert_eq!(
            problems,
            vec!["style must be \"ap\" or \"uk\", not \"nyt\""]
        );
    }
}
