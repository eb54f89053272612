//! The rule framework: what a finding is, how rules are registered and run.
//!
//! A rule has a stable kebab-case code, a default severity and a doc (what it
//! flags, why, an example), kept in `docs/rules/<code>.md` and shown by
//! `copydesk explain`. Rules read the prose model and the actor model through a
//! [`Context`] and return [`Finding`]s with byte spans. Nothing here knows LSP.
//!
//! Each rule runs isolated: a panic inside one is caught, reported as a
//! [`RuleFailure`], and the other rules' findings are kept.

pub mod attribution;
pub mod references;
pub mod suppression;

use std::any::{Any, TypeId};
use std::cell::RefCell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::rc::Rc;

use crate::actors::Actors;
use crate::config::{Level, Settings};
use crate::hashing::FastMap;
use crate::prose::Prose;
use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Hint,
    Information,
    Warning,
    Error,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Hint => "hint",
            Severity::Information => "information",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// What a rule is, for users: its code, default severity and documentation.
#[derive(Debug)]
pub struct RuleInfo {
    pub code: &'static str,
    pub default_severity: Severity,
    /// One line, for rule lists.
    pub summary: &'static str,
    /// Markdown: what it flags, why, and an example of bad and good copy.
    pub doc: &'static str,
}

/// Where a finding's related information points.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RelatedLocation {
    /// A span of the same document.
    Here(Span),
    /// A line (zero-based) of another file, such as a newsroom's people file.
    File { path: PathBuf, line: u32 },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    pub location: RelatedLocation,
    pub message: String,
}

/// One replacement of a byte span of the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

/// A quick fix: edits the user reviews and accepts as one change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<Edit>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub code: &'static str,
    pub severity: Severity,
    pub span: Span,
    pub message: String,
    pub related: Vec<Related>,
    pub fixes: Vec<Fix>,
}

impl Finding {
    /// A finding at the rule's default severity, with no related information or fixes.
    pub fn new(rule: &RuleInfo, span: Span, message: impl Into<String>) -> Finding {
        Finding {
            code: rule.code,
            severity: rule.default_severity,
            span,
            message: message.into(),
            related: Vec::new(),
            fixes: Vec::new(),
        }
    }

    pub fn with_related(mut self, location: RelatedLocation, message: impl Into<String>) -> Self {
        self.related.push(Related {
            location,
            message: message.into(),
        });
        self
    }

    pub fn with_fix(mut self, title: impl Into<String>, edits: Vec<Edit>) -> Self {
        self.fixes.push(Fix {
            title: title.into(),
            edits,
        });
        self
    }

    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }
}

/// Everything a rule may read.
pub struct Context<'a> {
    /// The document text.
    pub text: &'a str,
    pub prose: &'a Prose,
    pub actors: &'a Actors,
    pub settings: &'a Settings,
    /// Work the rules of one family share, made once per analysis.
    pub shared: Shared,
    /// What the rules keep between analyses of one document, if they may.
    pub memo: Option<&'a Memo>,
    /// Whether the text has changed since: then the rules left are not run.
    pub superseded: Option<&'a dyn Fn() -> bool>,
}

/// What the rules keep between analyses of one document: the attribution
/// scan of each block, what `name-variant` worked out about each word, the
/// people it found spelled one way and the capitalised words each block
/// writes, the shape of each block of the body (a subhead, a tagline, a
/// label: `references/layout.rs`), the words each block writes in
/// lowercase, and the role words that name a sex in each block.
#[derive(Debug, Default)]
pub struct Memo {
    scan: RefCell<attribution::ScanMemo>,
    words: RefCell<references::WordMemo>,
    quiet: RefCell<references::QuietMemo>,
    capitalised: RefCell<references::CapitalisedMemo>,
    layout: RefCell<references::LayoutMemo>,
    lowercase: RefCell<references::LowercaseMemo>,
    roles: RefCell<references::RolesMemo>,
}

impl Memo {
    /// How many people `name-variant` keeps as spelled one way.
    #[cfg(test)]
    pub(crate) fn people_spelled_one_way(&self) -> usize {
        self.quiet.borrow().len()
    }
}

impl<'a> Context<'a> {
    pub fn new(
        text: &'a str,
        prose: &'a Prose,
        actors: &'a Actors,
        settings: &'a Settings,
    ) -> Self {
        Context {
            text,
            prose,
            actors,
            settings,
            shared: Shared::default(),
            memo: None,
            superseded: None,
        }
    }

    /// The same context, running no more rules once `superseded` says so.
    pub fn with_superseded(mut self, superseded: &'a dyn Fn() -> bool) -> Self {
        self.superseded = Some(superseded);
        self
    }

    /// The same context, keeping per-block work in `memo` for the next analysis.
    pub fn with_memo(mut self, memo: &'a Memo) -> Self {
        self.memo = Some(memo);
        self
    }
}

/// Values computed once per analysis, one of each type, for the rules of a
/// family to share (the attribution rules share one scan of the document).
#[derive(Default)]
pub struct Shared {
    /// By type: rules ask for a value once per mention or person, so the
    /// look-up is a hash, not a walk over every value made so far.
    values: RefCell<FastMap<TypeId, Rc<dyn Any>>>,
}

impl Shared {
    pub fn get_or_insert_with<T: Any>(&self, make: impl FnOnce() -> T) -> Rc<T> {
        let found = self
            .values
            .borrow()
            .get(&TypeId::of::<T>())
            .and_then(|v| Rc::clone(v).downcast::<T>().ok());
        found.unwrap_or_else(|| {
            // Made outside any borrow, so a panicking `make` leaves the memo whole.
            let value = Rc::new(make());
            self.values
                .borrow_mut()
                .insert(TypeId::of::<T>(), value.clone());
            value
        })
    }
}

pub trait Rule: Send + Sync {
    fn info(&self) -> &'static RuleInfo;
    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>);
}

/// A rule that panicked; its findings are dropped, the others' kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleFailure {
    pub code: &'static str,
    pub message: String,
}

/// Every rule, in the order their findings are reported.
static RULES: &[&dyn Rule] = &[
    &attribution::UnattributedClaim,
    &attribution::VagueAttribution,
    &attribution::OrphanQuote,
    &references::TitleMismatch,
    &references::TitleCaseRule,
    &references::RepeatedTitle,
    &references::LateIntroduction,
    &references::NameVariant,
    &references::CourtesyTitle,
];

/// Every rule copydesk knows: the registry, and `unknown-rule`, which the
/// suppression pass checks because it needs the document's language.
pub fn rules() -> impl Iterator<Item = &'static RuleInfo> {
    RULES
        .iter()
        .map(|r| r.info())
        .chain([&suppression::UNKNOWN_RULE])
}

pub fn rule_info(code: &str) -> Option<&'static RuleInfo> {
    rules().find(|info| info.code == code)
}

/// Where a rule's documentation is published.
pub fn doc_url(code: &str) -> String {
    format!(
        "{}/blob/main/docs/rules/{code}.md",
        env!("CARGO_PKG_REPOSITORY")
    )
}

/// Runs every enabled rule, each isolated from the others' panics.
pub fn run(ctx: &Context<'_>) -> (Vec<Finding>, Vec<RuleFailure>) {
    run_rules(RULES, ctx, &mut Vec::new())
}

/// [`run`], also giving the time each enabled rule took, in registry order
/// (`copydesk check --timings`).
pub fn run_timed(ctx: &Context<'_>) -> (Vec<Finding>, Vec<RuleFailure>, Vec<RuleTime>) {
    let mut times = Vec::with_capacity(RULES.len());
    let (findings, failures) = run_rules(RULES, ctx, &mut times);
    (findings, failures, times)
}

/// How long one rule took on one document.
pub type RuleTime = (&'static str, std::time::Duration);

fn run_rules(
    rules: &[&dyn Rule],
    ctx: &Context<'_>,
    times: &mut Vec<RuleTime>,
) -> (Vec<Finding>, Vec<RuleFailure>) {
    let mut findings = Vec::new();
    let mut failures = Vec::new();
    for rule in rules {
        if ctx.superseded.is_some_and(|superseded| superseded()) {
            break;
        }
        let info = rule.info();
        let level = ctx.settings.level(info.code);
        if level == Some(Level::Off) {
            continue;
        }
        let mut found = Vec::new();
        let started = std::time::Instant::now();
        let outcome = catch_unwind(AssertUnwindSafe(|| rule.check(ctx, &mut found)));
        times.push((info.code, started.elapsed()));
        match outcome {
            Ok(()) => {
                if let Some(Level::On(severity)) = level {
                    for f in &mut found {
                        f.severity = severity;
                    }
                }
                findings.extend(found);
            }
            Err(payload) => failures.push(RuleFailure {
                code: info.code,
                message: panic_message(payload.as_ref()),
            }),
        }
    }
    findings.sort_by_key(|f| (f.span.start, f.span.end));
    (findings, failures)
}

pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    static PANICKY: RuleInfo = RuleInfo {
        code: "panicky",
        default_severity: Severity::Warning,
        summary: "always panics",
        doc: "",
    };

    struct Panicky;

    impl Rule for Panicky {
        fn info(&self) -> &'static RuleInfo {
            &PANICKY
        }
        fn check(&self, _: &Context<'_>, out: &mut Vec<Finding>) {
            out.push(Finding::new(&PANICKY, Span::new(0, 1), "lost"));
            panic!("rule bug");
        }
    }

    #[test]
    fn a_panicking_rule_is_isolated_and_the_others_still_report() {
        let text = "Port plan\n\nCritics say the plan will fail.";
        let prose = crate::prose::parse(
            text,
            crate::document::Language::PlainText,
            &mut Default::default(),
        );
        let settings = Settings::default();
        let actors = Actors::default();
        let ctx = Context::new(text, &prose, &actors, &settings);
        let (findings, failures) = run_rules(
            &[&Panicky, &attribution::VagueAttribution],
            &ctx,
            &mut Vec::new(),
        );
        assert_eq!(
            failures,
            vec![RuleFailure {
                code: "panicky",
                message: "rule bug".into()
            }]
        );
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].code, "vague-attribution");
    }

    #[test]
    fn configured_levels_switch_rules_off_and_change_severity() {
        let text = "Port plan\n\nCritics say the plan will fail.";
        let prose = crate::prose::parse(
            text,
            crate::document::Language::PlainText,
            &mut Default::default(),
        );
        let actors = Actors::default();
        let mut settings = Settings::default();
        settings
            .rules
            .insert("vague-attribution".into(), Level::On(Severity::Error));
        let ctx = Context::new(text, &prose, &actors, &settings);
        assert_eq!(run(&ctx).0[0].severity, Severity::Error);
        let mut off = settings.clone();
        off.rules.insert("vague-attribution".into(), Level::Off);
        let ctx = Context::new(text, &prose, &actors, &off);
        assert!(run(&ctx).0.is_empty());
    }

    #[test]
    fn shared_values_are_made_once_per_type() {
        let shared = Shared::default();
        let mut made = 0;
        let a = shared.get_or_insert_with(|| {
            made += 1;
            vec![1u8]
        });
        let b = shared.get_or_insert_with(|| {
            made += 1;
            vec![2u8]
        });
        let other = shared.get_or_insert_with(|| String::from("x"));
        assert_eq!(
            (made, a, b, other.as_str()),
            (1, Rc::new(vec![1]), Rc::new(vec![1]), "x")
        );
    }

    #[test]
    fn codes_are_unique_kebab_case_and_documented() {
        let mut seen = HashSet::new();
        for info in rules() {
            assert!(seen.insert(info.code), "duplicate code {}", info.code);
            assert!(
                info.code
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-'),
                "{} is not kebab-case",
                info.code
            );
            for section in ["## What it flags", "## Why", "## Example"] {
                assert!(info.doc.contains(section), "{} lacks {section}", info.code);
            }
        }
    }
}
