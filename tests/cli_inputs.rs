//! What `copydesk check` reads and which rules it runs: standard input,
//! `--select`, `--ignore`, `--exclude`, `--fail-on`, folder walks, and the
//! order of the output on any number of threads.

mod cli_common;

use cli_common::{json_lines, scratch, write, Run, CLEAN, FLAGGED, TWO_RULES};

fn codes(stdout: &str) -> Vec<String> {
    json_lines(stdout)
        .iter()
        .map(|f| {
            format!(
                "{}:{}",
                f["path"].as_str().unwrap(),
                f["code"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn stdin_is_read_as_the_file_named_by_stdin_filename() {
    let dir = scratch("inputs-stdin");
    write(
        &dir,
        "politics/.copydesk.toml",
        "[rules]\nvague-attribution = \"error\"\n",
    );
    // In Markdown a fenced block is code; in plain text it is prose.
    let story = "Port deal\n\n```\nCritics say it will fail.\n```\n\nObservers note a delay.\n";
    let md = Run::new(&[
        "check",
        "--format",
        "jsonl",
        "--stdin-filename",
        "politics/story.md",
        "-",
    ])
    .cwd(&dir)
    .stdin(story)
    .out();
    assert_eq!(md.code, Some(1), "{}", md.stderr);
    let found = json_lines(&md.stdout);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["path"], "politics/story.md");
    assert_eq!(
        found[0]["severity"], "error",
        "the config next to the named path"
    );
    assert_eq!(found[0]["line"], 7);

    let txt = Run::new(&[
        "check",
        "--format",
        "jsonl",
        "--stdin-filename",
        "story.txt",
        "-",
    ])
    .cwd(&dir)
    .stdin(story)
    .out();
    assert_eq!(
        json_lines(&txt.stdout).len(),
        2,
        "plain text: the fence is prose"
    );

    let plain = Run::new(&["check", "--format", "jsonl", "-"])
        .cwd(&dir)
        .stdin(FLAGGED)
        .out();
    assert_eq!(codes(&plain.stdout), vec!["-:vague-attribution"]);
    let clean = Run::new(&["check", "-"]).cwd(&dir).stdin(CLEAN).out();
    assert_eq!(
        (clean.code, clean.stdout.as_str()),
        (Some(0), "no findings in 1 file\n")
    );
    let bad = Run::new(&["check", "-"])
        .cwd(&dir)
        .stdin(b"Caf\xe9\n".to_vec())
        .out();
    assert_eq!(bad.code, Some(2));
    assert!(
        bad.stderr.contains("-: not valid UTF-8 (at byte 3)"),
        "{}",
        bad.stderr
    );
}

#[test]
fn select_and_ignore_sit_on_top_of_the_config() {
    let dir = scratch("inputs-select");
    write(&dir, "a.md", TWO_RULES);
    write(&dir, ".copydesk.toml", "[rules]\ntitle-case = \"off\"\n");
    let run = |args: &[&str]| {
        codes(
            &Run::new(&[&["check", "--format", "jsonl"], args, &["a.md"]].concat())
                .cwd(&dir)
                .out()
                .stdout,
        )
    };
    assert_eq!(
        run(&[]),
        vec!["a.md:vague-attribution"],
        "the config turns title-case off"
    );
    assert_eq!(
        run(&["--select", "title-case,Vague-Attribution"]),
        vec!["a.md:vague-attribution", "a.md:title-case"],
        "a selected rule runs even if the config turned it off; any case"
    );
    assert_eq!(run(&["--select", "title-case"]), vec!["a.md:title-case"]);
    assert_eq!(
        run(&["--select", "title-case", "--ignore", "title-case"]),
        Vec::<String>::new()
    );
    assert_eq!(
        run(&["--ignore", "vague_attribution"]),
        Vec::<String>::new()
    );
    let unknown = Run::new(&["check", "--select", "vague-atribution", "a.md"])
        .cwd(&dir)
        .out();
    assert_eq!(unknown.code, Some(2));
    assert!(
        unknown.stderr.contains(
            "--select: no rule has the code `vague-atribution`; did you mean `vague-attribution`?"
        ),
        "{}",
        unknown.stderr
    );
}

#[test]
fn fail_on_sets_the_severity_that_fails_the_run() {
    let dir = scratch("inputs-fail-on");
    write(&dir, "a.md", TWO_RULES);
    let status = |args: &[&str]| {
        Run::new(&[&["check", "--quiet"], args, &["a.md"]].concat())
            .cwd(&dir)
            .out()
            .code
    };
    assert_eq!(status(&[]), Some(1));
    assert_eq!(status(&["--fail-on", "error"]), Some(0));
    assert_eq!(
        status(&["--ignore", "vague-attribution"]),
        Some(0),
        "information alone passes"
    );
    assert_eq!(
        status(&["--ignore", "vague-attribution", "--fail-on", "information"]),
        Some(1)
    );
    assert_eq!(
        status(&["--ignore", "vague-attribution", "--fail-on", "hint"]),
        Some(1)
    );
    assert_eq!(status(&["--fail-on", "loud"]), Some(2));
}

#[test]
fn exclude_skips_files_and_folders_by_name_or_path() {
    let dir = scratch("inputs-exclude");
    for path in [
        "desk/a.md",
        "desk/drafts/b.md",
        "desk/archive/2019/c.md",
        "desk/notes.txt",
    ] {
        write(&dir, path, FLAGGED);
    }
    let run = |args: &[&str]| {
        codes(
            &Run::new(&[&["check", "--format", "jsonl"], args].concat())
                .cwd(&dir)
                .out()
                .stdout,
        )
    };
    assert_eq!(
        run(&[
            "--exclude",
            "drafts",
            "--exclude",
            "desk/archive/**",
            "--exclude",
            "*.txt",
            "desk"
        ]),
        vec!["desk/a.md:vague-attribution"]
    );
    assert_eq!(
        run(&["--exclude", "drafts", "desk/drafts/b.md", "desk/a.md"]),
        vec!["desk/a.md:vague-attribution"],
        "a named file that matches is skipped too"
    );
    let bad = Run::new(&["check", "--exclude", "a[", "desk"])
        .cwd(&dir)
        .out();
    assert_eq!(bad.code, Some(2));
}

#[test]
fn folders_honour_gitignore_and_skip_hidden_files_and_link_cycles() {
    let dir = scratch("inputs-walk");
    write(&dir, "desk/.gitignore", "drafts/\nscratch.md\n");
    write(&dir, "desk/a.md", FLAGGED);
    write(&dir, "desk/scratch.md", FLAGGED);
    write(&dir, "desk/drafts/b.md", FLAGGED);
    write(&dir, "desk/.hidden/c.md", FLAGGED);
    write(&dir, "desk/sub/d.markdown", FLAGGED);
    #[cfg(unix)]
    std::os::unix::fs::symlink("..", dir.join("desk/sub/loop")).unwrap();
    let out = Run::new(&["check", "--format", "jsonl", "desk"])
        .cwd(&dir)
        .out();
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert_eq!(
        codes(&out.stdout),
        vec![
            "desk/a.md:vague-attribution",
            "desk/sub/d.markdown:vague-attribution"
        ]
    );
    // A named file is checked even if ignored.
    let named = Run::new(&["check", "--format", "jsonl", "desk/scratch.md"])
        .cwd(&dir)
        .out();
    assert_eq!(
        codes(&named.stdout),
        vec!["desk/scratch.md:vague-attribution"]
    );
}

#[test]
fn output_order_is_the_same_on_one_thread_and_on_several() {
    let dir = scratch("inputs-order");
    for i in 0..60 {
        let text = if i % 3 == 0 { CLEAN } else { TWO_RULES };
        write(&dir, &format!("desk/{:02}/story.md", 59 - i), text);
    }
    let run = |threads: &str| {
        Run::new(&["check", "--format", "jsonl", "desk"])
            .cwd(&dir)
            .env("RAYON_NUM_THREADS", threads)
            .out()
    };
    let one = run("1");
    let four = run("4");
    assert_eq!(one.code, Some(1));
    assert_eq!(one.stdout, four.stdout);
    let paths: Vec<String> = json_lines(&one.stdout)
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_string())
        .collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted, "files in name order");
    assert_eq!(paths.len(), 40 * 2);
}
