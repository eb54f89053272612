//! Settings sent by an editor: `initializationOptions` and the `copydesk`
//! section of `workspace/configuration`, in the editor's camelCase.

use std::path::Path;

use serde_json::Value as Json;

use super::schema::{self, Entry, Item, Naming, Value};
use super::{Layer, Problem};

/// Reads the editor's settings. `root` is the workspace folder a relative
/// `people` path is resolved against. Settings that are not understood are
/// reported and left out of the layer; the others still apply.
pub fn read(json: &Json, root: Option<&Path>) -> (Layer, Vec<Problem>) {
    match json {
        Json::Null => (Layer::default(), Vec::new()),
        Json::Object(map) => schema::read(&entries(map), Naming::CamelCase, root),
        other => (
            Layer::default(),
            vec![Problem::new(
                format!("copydesk settings must be an object, not {other}"),
                None,
            )],
        ),
    }
}

fn entries(map: &serde_json::Map<String, Json>) -> Vec<Entry> {
    map.iter()
        .map(|(key, value)| Entry {
            key: key.clone(),
            key_span: None,
            item: item(value),
        })
        .collect()
}

fn item(json: &Json) -> Item {
    let value = match json {
        Json::String(s) => Value::Str(s.clone()),
        Json::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => Value::Int(Some(i.into())),
            // Some editors (Lua, JavaScript) send every number as a float.
            (None, Some(f)) if f.fract() == 0.0 && f.abs() < 1e18 => Value::Int(Some(f as i128)),
            (None, Some(_)) => Value::Other("a fraction"),
            (None, None) => Value::Int(None),
        },
        Json::Array(list) => Value::List(list.iter().map(item).collect()),
        Json::Object(map) => Value::Table(entries(map)),
        Json::Bool(_) => Value::Other("a boolean"),
        Json::Null => Value::Other("null"),
    };
    Item { value, span: None }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::Severity;
    use crate::config::{CheckOn, Level, Style};
    use serde_json::json;

    fn messages(problems: &[Problem]) -> Vec<&str> {
        problems.iter().map(|p| p.message.as_str()).collect()
    }

    #[test]
    fn camel_case_settings_apply_and_bad_ones_are_reported() {
        let (layer, problems) = read(
            &json!({"checkOn": "change", "debounceMs": 50.0, "rules": {"vague-attribution": "error"}, "style": "chicago"}),
            None,
        );
        assert_eq!(layer.check_on, Some(CheckOn::Change));
        assert_eq!(layer.debounce_ms, Some(50));
        assert_eq!(
            layer.rules.get("vague-attribution"),
            Some(&Level::On(Severity::Error))
        );
        assert_eq!(layer.style, None);
        assert_eq!(
            messages(&problems),
            vec!["`style` must be \"ap\", \"uk\" or \"nyt\", not \"chicago\""]
        );
    }

    #[test]
    fn people_is_resolved_against_the_workspace_and_words_are_read() {
        let (layer, problems) = read(
            &json!({"people": "desk/people.toml", "style": "UK", "words": {"sources": ["Interfax"], "titles": ["Chief Rabbi"]}}),
            Some(Path::new("/news")),
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            layer.people,
            Some(Path::new("/news/desk/people.toml").into())
        );
        assert_eq!(layer.style, Some(Style::Uk));
        assert_eq!(layer.words.sources, vec!["Interfax"]);
        assert_eq!(layer.words.titles, vec!["Chief Rabbi"]);
    }

    #[test]
    fn every_kind_of_bad_value_is_named() {
        let (layer, problems) = read(
            &json!({
                "debounceMs": -5,
                "checkOn": true,
                "rules": {"vague-atribution": "off", "vague-attribution": "loud"},
                "words": {"sources": [3, ""], "names": []},
                "colour": "red",
                "people": ""
            }),
            None,
        );
        assert_eq!(layer, Layer::default());
        assert_eq!(
            messages(&problems),
            vec![
                "`checkOn` must be \"save\" or \"change\", not a boolean",
                "unknown setting `colour`; known: style, checkOn, debounceMs, people, rules, words, checked",
                "`debounceMs` must be a whole number of milliseconds from 0 to 10000, not -5",
                "`people` must be the path of a people file, not \"\"",
                "unknown rule `vague-atribution`; did you mean `vague-attribution`?",
                "the level of `vague-attribution` must be \"off\", \"hint\", \"information\", \"warning\" or \"error\", not \"loud\"",
                "unknown word list `names`; known: sources, titles",
                "`words.sources` holds words, not 3",
                "`words.sources` holds words, not \"\"",
            ]
        );
        assert_eq!(
            messages(&read(&json!([1]), None).1),
            vec!["copydesk settings must be an object, not [1]"]
        );
    }
}
