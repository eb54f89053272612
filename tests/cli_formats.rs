//! `copydesk check --format …` and the human output's colour, summary,
//! statistics, markers and wrapping, through the built binary.

mod cli_common;

use std::path::Path;

use cli_common::{json_lines, scratch, write, Run, CLEAN, FLAGGED, TWO_RULES};
use serde_json::{json, Value};
use unicode_width::UnicodeWidthStr;

fn example_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn json_is_one_array_and_empty_when_the_copy_is_clean() {
    let dir = scratch("format-json");
    write(&dir, "a.md", FLAGGED);
    write(&dir, "b.md", TWO_RULES);
    write(&dir, "clean.md", CLEAN);
    let out = Run::new(&["check", "--format", "json", "a.md", "b.md"])
        .cwd(&dir)
        .out();
    assert_eq!(out.code, Some(1), "{out:?}");
    let all: Value = serde_json::from_str(&out.stdout).expect("one JSON document");
    let codes: Vec<(&str, &str)> = all
        .as_array()
        .expect("an array")
        .iter()
        .map(|f| (f["path"].as_str().unwrap(), f["code"].as_str().unwrap()))
        .collect();
    assert_eq!(
        codes,
        vec![
            ("a.md", "vague-attribution"),
            ("b.md", "vague-attribution"),
            ("b.md", "title-case")
        ]
    );
    let clean = Run::new(&["check", "--format", "json", "clean.md"])
        .cwd(&dir)
        .out();
    assert_eq!((clean.code, clean.stdout.as_str()), (Some(0), "[]\n"));
    let clean = Run::new(&["check", "--format", "jsonl", "clean.md"])
        .cwd(&dir)
        .out();
    assert_eq!((clean.code, clean.stdout.as_str()), (Some(0), ""));
}

#[test]
fn json_objects_carry_fixes_related_places_the_rule_url_and_the_schema_version() {
    let out = Run::new(&["check", "--format", "jsonl", "examples/harbour-patrol.md"])
        .cwd(example_dir())
        .out();
    let findings = json_lines(&out.stdout);
    assert!(findings.iter().all(|f| f["schema_version"] == 1));
    let late = findings
        .iter()
        .find(|f| f["code"] == "late-introduction")
        .expect("the example has a late introduction");
    assert_eq!(
        late["url"],
        "https://github.com/copydesk/copydesk/blob/main/docs/rules/late-introduction.md"
    );
    assert_eq!(
        late["related"],
        json!([{"path": "examples/harbour-patrol.md", "line": 13, "column": 1, "message": "introduced here"}])
    );
    let fix = &late["fixes"][0];
    assert_eq!(
        fix["title"],
        "Introduce Anders Berg here: 'Swedish Defence Minister Anders Berg'"
    );
    let text = std::fs::read_to_string(example_dir().join("examples/harbour-patrol.md")).unwrap();
    let edit = &fix["edits"][0];
    let (start, end) = (
        edit["start_byte"].as_u64().unwrap() as usize,
        edit["end_byte"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[start..end], "Berg");
    assert_eq!(
        (edit["line"].clone(), edit["column"].clone()),
        (json!(5), late["column"].clone())
    );
}

#[test]
fn sarif_validates_against_the_sarif_2_1_0_schema() {
    let dir = scratch("format-sarif");
    std::fs::copy(
        example_dir().join("examples/harbour-patrol.md"),
        dir.join("harbour patrol.md"),
    )
    .unwrap();
    write(
        &dir,
        "desk/cjk.md",
        "# 港口\n\n記者によると、Critics say the 😀 plan will fail.\n",
    );
    let out = Run::new(&["check", "--format", "sarif", "."])
        .cwd(&dir)
        .out();
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    let log: Value = serde_json::from_str(&out.stdout).expect("one JSON document");
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(example_dir().join("tests/sarif/sarif-schema-2.1.0.json"))
            .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    assert!(
        !validator.is_valid(&json!({"version": "2.1.0", "runs": [{"tool": {}}]})),
        "the schema bites: a run's tool needs a driver"
    );
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");

    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(rules.iter().any(|r| r["id"] == "unknown-rule"));
    let results = run["results"].as_array().unwrap();
    let late = results
        .iter()
        .find(|r| r["ruleId"] == "late-introduction")
        .unwrap();
    let location = &late["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], "harbour%20patrol.md");
    assert_eq!(location["region"]["startLine"], 5);
    assert!(
        late["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"]
            .is_string()
    );
    assert_eq!(
        rules[late["ruleIndex"].as_u64().unwrap() as usize]["helpUri"],
        "https://github.com/copydesk/copydesk/blob/main/docs/rules/late-introduction.md"
    );
    let cjk = results
        .iter()
        .find(|r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "desk/cjk.md")
        .unwrap();
    assert_eq!(
        cjk["locations"][0]["physicalLocation"]["region"]["startColumn"], 8,
        "columns count code points"
    );
    // Clean copy is a valid log with no results.
    write(&dir, "clean.md", CLEAN);
    let clean = Run::new(&["check", "--format", "sarif", "clean.md"])
        .cwd(&dir)
        .out();
    let log: Value = serde_json::from_str(&clean.stdout).unwrap();
    assert!(validator.is_valid(&log));
    assert_eq!(log["runs"][0]["results"], json!([]));
}

#[test]
fn github_format_writes_workflow_annotations() {
    let dir = scratch("format-github");
    write(&dir, "a,b.md", TWO_RULES);
    let out = Run::new(&["check", "--format", "github", "a,b.md"])
        .cwd(&dir)
        .out();
    assert_eq!(out.code, Some(1));
    assert_eq!(
        out.stdout,
        "::warning file=a%2Cb.md,line=3,col=1,endLine=3,endColumn=16,title=copydesk vague-attribution::Who says so? \"Experts believe\" is a source no reader can check: name it, or describe it and say why it cannot be named.\n\
         ::notice file=a%2Cb.md,line=3,col=60,endLine=3,endColumn=76,title=copydesk title-case::A formal title directly before a name takes capitals in AP style: 'Foreign Minister'\n"
    );
}

#[test]
fn colour_follows_no_color_clicolor_force_and_the_flag() {
    let dir = scratch("format-colour");
    write(&dir, "a.md", FLAGGED);
    let run = |args: &[&str], env: &[(&str, &str)]| {
        let mut run = Run::new(&[&["check", "a.md"], args].concat()).cwd(&dir);
        for (k, v) in env {
            run = run.env(k, v);
        }
        run.out().stdout
    };
    let escape = "\u{1b}[";
    assert!(!run(&[], &[]).contains(escape), "no colour into a pipe");
    let forced = run(&[], &[("CLICOLOR_FORCE", "1")]);
    assert!(
        forced.contains("\u{1b}[1m\u{1b}[33mwarning[vague-attribution]"),
        "{forced:?}"
    );
    assert!(!run(&[], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]).contains(escape));
    assert!(run(&["--color", "always"], &[("NO_COLOR", "1")]).contains(escape));
    assert!(!run(&["--color", "never"], &[("CLICOLOR_FORCE", "1")]).contains(escape));
}

#[test]
fn the_summary_line_counts_findings_and_quiet_drops_it() {
    let dir = scratch("format-summary");
    write(&dir, "a.md", FLAGGED);
    write(&dir, "b.md", TWO_RULES);
    write(&dir, "c.md", CLEAN);
    let out = Run::new(&["check", "."]).cwd(&dir).out();
    assert!(
        out.stdout
            .ends_with("\n3 findings in 3 files (2 warnings, 1 information)\n"),
        "{}",
        out.stdout
    );
    let quiet = Run::new(&["check", "--quiet", "."]).cwd(&dir).out();
    assert!(!quiet.stdout.contains("findings in"));
    assert!(quiet.stdout.starts_with("warning[vague-attribution]"));
    assert_eq!(quiet.code, Some(1));
}

#[test]
fn statistics_count_findings_per_rule() {
    let dir = scratch("format-statistics");
    write(&dir, "a.md", FLAGGED);
    write(&dir, "b.md", TWO_RULES);
    let out = Run::new(&["check", "--statistics", "."]).cwd(&dir).out();
    assert_eq!(out.code, Some(1));
    assert_eq!(
        out.stdout,
        "     2  vague-attribution    2 warning\n     1  title-case           1 information\n\
         3 findings in 2 files (2 warnings, 1 information)\n"
    );
    let out = Run::new(&["check", "--statistics", "--format", "json", "."])
        .cwd(&dir)
        .out();
    let stats: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(stats[0]["code"], "vague-attribution");
    assert_eq!(stats[0]["count"], 2);
    assert_eq!(stats[0]["severities"], json!({"warning": 2}));
    assert_eq!(stats[1]["code"], "title-case");
    let out = Run::new(&["check", "--statistics", "--format", "sarif", "."])
        .cwd(&dir)
        .out();
    assert_eq!(out.code, Some(2));
    assert!(out
        .stderr
        .contains("--statistics works with --format human or json"));
}

/// The display column where the markers start, and how many there are.
fn marker(out: &str) -> (usize, usize) {
    let line = out
        .lines()
        .find(|l| l.contains('^'))
        .expect("a marker line");
    let at = line.find('^').unwrap();
    let width = line[..at].width();
    (width, line[at..].trim_end().chars().count())
}

#[test]
fn markers_line_up_under_cjk_and_emoji() {
    let dir = scratch("format-cjk");
    let text = "# 港口\n\n記者によると😀、Critics say the plan will fail.\n";
    write(&dir, "a.md", text);
    let out = Run::new(&["check", "a.md"]).cwd(&dir).out();
    let source = out
        .stdout
        .lines()
        .find(|l| l.starts_with("3 | "))
        .expect("the source line");
    let before = source.find("Critics").unwrap();
    assert_eq!(
        marker(&out.stdout),
        (source[..before].width(), "Critics say".len())
    );
    assert_eq!(source[..before].width(), 4 + 6 * 2 + 2 + 2);
}

#[test]
fn long_lines_are_wrapped_not_cut() {
    let dir = scratch("format-wrap");
    let filler = "The harbour board met on Tuesday to discuss the budget for the coming year and the ferries. ";
    let line = format!(
        "{}Critics say the plan will fail. {}",
        filler.repeat(3),
        filler.repeat(2)
    );
    write(&dir, "a.md", &format!("# Plan\n\n{line}\n"));
    let out = Run::new(&["check", "a.md"])
        .cwd(&dir)
        .env("COLUMNS", "60")
        .out();
    let rows: Vec<&str> = out
        .stdout
        .lines()
        .filter(|l| l.starts_with("3 | ") || l.starts_with("  | "))
        .collect();
    assert!(rows.iter().all(|r| r.width() <= 60), "{rows:#?}");
    let text: Vec<&str> = rows
        .iter()
        .filter(|r| !r.trim_start_matches("  | ").starts_with([' ', '^']) && r.len() > 4)
        .map(|r| r[4..].trim())
        .collect();
    assert_eq!(
        text.join(" ").split_whitespace().collect::<Vec<_>>(),
        line.split_whitespace().collect::<Vec<_>>(),
        "every word of the line is shown"
    );
    let marked = rows.iter().position(|r| r.contains('^')).unwrap();
    let above = rows[marked - 1];
    let (column, len) = marker(rows[marked]);
    let under: String = above.chars().skip(column).take(len).collect();
    assert_eq!(under, "Critics say");
}

#[test]
fn a_very_long_line_shows_the_rows_around_each_finding() {
    let dir = scratch("format-long-line");
    let sentence = "Critics say the plan will fail, and the harbour board met again. ";
    write(
        &dir,
        "a.md",
        &format!("# Plan\n\n{}\n", sentence.repeat(400)),
    );
    let out = Run::new(&["check", "--select", "vague-attribution", "a.md"])
        .cwd(&dir)
        .env("COLUMNS", "80")
        .out();
    assert_eq!(out.code, Some(1));
    assert!(out
        .stdout
        .ends_with("400 findings in 1 file (400 warnings)\n"));
    let blocks: Vec<&str> = out.stdout.split("\n\n").collect();
    let rows_in_last = blocks[blocks.len() - 2].lines().count();
    assert!(rows_in_last < 15, "{}", blocks[blocks.len() - 2]);
    assert!(blocks[200].contains("..."), "{}", blocks[200]);
}
