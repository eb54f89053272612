//! Title rules: `title-mismatch` (a title that disagrees with the first
//! reference or the people file), `title-case` (a title in the case the house
//! style does not use there) and `repeated-title` (the full title again where
//! the surname will do).

use super::style::{HouseStyle, TitleCase as Case};
use super::{checked, is_name, later_name, line, people, surname_counts, text_of};
use crate::actors::lexicon::LEXICON;
use crate::actors::{Actor, Form, Mention, Title};
use crate::checks::{Context, Edit, Finding, RelatedLocation, Rule, RuleInfo, Severity};
use crate::span::Span;

static TITLE_MISMATCH: RuleInfo = RuleInfo {
    code: "title-mismatch",
    default_severity: Severity::Warning,
    summary: "A person given a different title from the first reference's, or the people file's.",
    doc: include_str!("../../../docs/rules/title-mismatch.md"),
};

static TITLE_CASE: RuleInfo = RuleInfo {
    code: "title-case",
    default_severity: Severity::Information,
    summary: "A formal title in lowercase before a name, or capitalised where the house style lowercases it.",
    doc: include_str!("../../../docs/rules/title-case.md"),
};

static REPEATED_TITLE: RuleInfo = RuleInfo {
    code: "repeated-title",
    default_severity: Severity::Hint,
    summary: "The full title repeated on a later reference where the surname will do.",
    doc: include_str!("../../../docs/rules/repeated-title.md"),
};

/// How a later title compares with the first reference's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Agreement {
    /// The same words ("Chinese Foreign Minister" twice).
    Same,
    /// The same office written another way ("Foreign Minister").
    OtherForm,
    /// Another office or country ("Defense Minister").
    OtherOffice,
}

/// Whether two office keys name one office: equal, or one inside the other
/// ("secretary" and "secretary of state").
fn offices_agree(a: &str, b: &str) -> bool {
    let contains = |outer: &str, inner: &str| {
        let outer: Vec<&str> = outer.split(' ').collect();
        inner.split(' ').all(|w| outer.contains(&w))
    };
    a == b || contains(a, b) || contains(b, a)
}

fn compare(ctx: &Context<'_>, first: &Title, later: &Title) -> Agreement {
    if text_of(ctx, first.span).to_lowercase() == text_of(ctx, later.span).to_lowercase() {
        return Agreement::Same;
    }
    let countries_agree = match (first.country, later.country) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    };
    if offices_agree(&first.office_key, &later.office_key) && countries_agree {
        Agreement::OtherForm
    } else {
        Agreement::OtherOffice
    }
}

/// A mention's formal title: the one before the name, else its appositive.
fn formal_title(m: &Mention) -> Option<&Title> {
    let formal = |t: &&Title| t.formal && !t.office_key.is_empty();
    m.title
        .as_deref()
        .filter(formal)
        .or(m.appositive.as_deref().filter(formal))
}

/// A person's references that carry a formal title, in order.
fn titled<'a>(ctx: &Context<'a>, actor: usize) -> Vec<(&'a Mention, &'a Title)> {
    checked(ctx.actors, actor)
        .filter(|(_, m)| is_name(m))
        .filter_map(|(_, m)| formal_title(m).map(|t| (m, t)))
        .collect()
}

/// A title directly before its name: one the rules may rewrite in place.
fn before_name(t: &Title) -> bool {
    !t.after_name && !t.set_off
}

pub struct TitleMismatch;

impl Rule for TitleMismatch {
    fn info(&self) -> &'static RuleInfo {
        &TITLE_MISMATCH
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let style = HouseStyle::of(ctx.settings.style);
        for (a, actor) in people(ctx.actors) {
            let titled = titled(ctx, a);
            let Some(&(_, first)) = titled.first() else {
                continue;
            };
            people_file(ctx, a, actor, first, out);
            for &(m, title) in &titled[1..] {
                let agreement = compare(ctx, first, title);
                let full = m.form == Form::Full;
                if agreement == Agreement::Same || agreement == Agreement::OtherForm && !full {
                    continue;
                }
                out.push(mismatch(ctx, style, actor, m, first, title, agreement));
            }
        }
    }
}

fn mismatch(
    ctx: &Context<'_>,
    style: &HouseStyle,
    actor: &Actor,
    m: &Mention,
    first: &Title,
    title: &Title,
    agreement: Agreement,
) -> Finding {
    let first_text = text_of(ctx, first.span);
    let here = text_of(ctx, title.span);
    let message = format!(
        "{} is '{first_text}' on first reference (line {}) but '{here}' here",
        actor.name,
        line(ctx, first.span.start)
    );
    let severity = match agreement {
        Agreement::OtherOffice => Severity::Warning,
        _ => Severity::Information,
    };
    let mut finding = Finding::new(&TITLE_MISMATCH, title.span, message)
        .with_severity(severity)
        .with_related(
            RelatedLocation::Here(first.span),
            format!("first reference: '{first_text}'"),
        );
    if before_name(title) {
        finding = finding.with_fix(
            format!("Use the first reference's title: '{first_text}'"),
            vec![Edit {
                span: title.span,
                replacement: first_text,
            }],
        );
        let surname = later_name(actor).filter(|_| {
            agreement == Agreement::OtherForm && style.surname_on_later_reference && !title.article
        });
        if let Some(surname) = surname {
            finding = finding.with_fix(
                format!("Use the surname alone: '{surname}'"),
                vec![Edit {
                    span: m.span,
                    replacement: surname.to_string(),
                }],
            );
        }
    }
    finding
}

/// The people file's title, where the first reference gives another office.
fn people_file(ctx: &Context<'_>, a: usize, actor: &Actor, first: &Title, out: &mut Vec<Finding>) {
    let (Some(entry), Some(people)) = (ctx.actors.entry_of(a), ctx.actors.people.as_ref()) else {
        return;
    };
    let Some(expected) = &entry.title else { return };
    let key = LEXICON.office_key_of(expected);
    if key.is_empty() || offices_agree(&key, &first.office_key) {
        return;
    }
    let here = text_of(ctx, first.span);
    let date = entry
        .as_of
        .as_ref()
        .map(|d| format!(" (as of {d})"))
        .unwrap_or_default();
    let mut finding = Finding::new(
        &TITLE_MISMATCH,
        first.span,
        format!(
            "{} is '{expected}' in the people file{date} but '{here}' here",
            actor.name
        ),
    )
    .with_related(
        RelatedLocation::File {
            path: people.path.clone(),
            line: entry.line,
        },
        format!("people file: '{expected}'"),
    );
    if before_name(first) {
        finding = finding.with_fix(
            format!("Use the people file's title: '{expected}'"),
            vec![Edit {
                span: first.span,
                replacement: expected.clone(),
            }],
        );
    }
    out.push(finding);
}

pub struct RepeatedTitle;

impl Rule for RepeatedTitle {
    fn info(&self) -> &'static RuleInfo {
        &REPEATED_TITLE
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let style = HouseStyle::of(ctx.settings.style);
        if !style.surname_on_later_reference {
            return;
        }
        let counts = surname_counts(ctx.actors);
        for (a, actor) in people(ctx.actors) {
            let titled = titled(ctx, a);
            let Some(&(first_m, first)) = titled.first() else {
                continue;
            };
            let Some(surname) = later_name(actor) else {
                continue;
            };
            if counts.get(surname).copied().unwrap_or(0) > 1 {
                continue;
            }
            for &(m, title) in &titled[1..] {
                let repeated = before_name(title)
                    && !title.article
                    && compare(ctx, first, title) == Agreement::Same;
                if !repeated {
                    continue;
                }
                let introduced = text_of(ctx, first_m.span);
                let mut finding = Finding::new(
                    &REPEATED_TITLE,
                    m.span,
                    format!(
                        "{} was introduced as '{introduced}' (line {}); later references use the surname: '{surname}'",
                        actor.name,
                        line(ctx, first_m.span.start)
                    ),
                )
                .with_related(
                    RelatedLocation::Here(first_m.span),
                    "first reference".to_string(),
                )
                .with_fix(
                    format!("Use the surname: '{surname}'"),
                    vec![Edit {
                        span: m.span,
                        replacement: surname.to_string(),
                    }],
                );
                if let Some(courtesy) = courtesy_used(ctx, a).filter(|_| style.courtesy_titles) {
                    let replacement = format!("{courtesy} {surname}");
                    finding = finding.with_fix(
                        format!("Use '{replacement}'"),
                        vec![Edit {
                            span: m.span,
                            replacement,
                        }],
                    );
                }
                out.push(finding);
            }
        }
    }
}

/// The courtesy title the article already gives a person ("Mr"), if any.
fn courtesy_used(ctx: &Context<'_>, actor: usize) -> Option<String> {
    checked(ctx.actors, actor).find_map(|(_, m)| m.courtesy.map(|c| text_of(ctx, c)))
}

pub struct TitleCase;

impl Rule for TitleCase {
    fn info(&self) -> &'static RuleInfo {
        &TITLE_CASE
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let style = HouseStyle::of(ctx.settings.style);
        for (a, _) in people(ctx.actors) {
            for (_, m) in checked(ctx.actors, a) {
                for title in [m.title.as_ref(), m.appositive.as_ref()]
                    .into_iter()
                    .flatten()
                {
                    if !title.formal || title.case_words.is_empty() {
                        continue;
                    }
                    let (wanted, place) = if m.form == Form::Description {
                        (style.standing_alone, "standing alone")
                    } else if title.set_off || title.after_name {
                        (style.set_off, "set off by commas")
                    } else if !title.article && before_name_is_formal(title) {
                        (style.before_name, "directly before a name")
                    } else {
                        continue;
                    };
                    if let Some(finding) = wrong_case(ctx, style, title, wanted, place) {
                        out.push(finding);
                    }
                }
            }
        }
    }
}

/// A lowercase title before a name is an error only where it is surely a
/// formal title: an office with a qualifier ("foreign minister") or a country
/// ("Russian president"), or one that opens its phrase ("said president Ana
/// Ruiz"). "Club president Ana Ruiz" and "city mayor" are job descriptions.
fn before_name_is_formal(title: &Title) -> bool {
    title.case_words.len() >= 2 || title.country.is_some() || title.opens_phrase
}

fn wrong_case(
    ctx: &Context<'_>,
    style: &HouseStyle,
    title: &Title,
    wanted: Case,
    place: &str,
) -> Option<Finding> {
    let capital = |w: &Span| ctx.prose.slice(*w).starts_with(char::is_uppercase);
    // A capital at the start of a sentence says nothing about the style.
    let sentence_start = |w: &Span| {
        ctx.prose
            .token_at(w.start)
            .is_some_and(|t| ctx.prose.tokens[t].sentence_start)
    };
    let wrong: Vec<Span> = match wanted {
        Case::Capital => title
            .case_words
            .iter()
            .copied()
            .filter(|w| !capital(w))
            .collect(),
        Case::Lower => title
            .case_words
            .iter()
            .copied()
            .filter(|w| capital(w) && !sentence_start(w))
            .collect(),
        Case::Either => return None,
    };
    let (&first, &last) = (wrong.first()?, wrong.last()?);
    let edits: Vec<Edit> = wrong
        .iter()
        .map(|&w| Edit {
            span: w,
            replacement: recase(ctx.prose.slice(w), wanted),
        })
        .collect();
    let office = title.office.unwrap_or(first.join(last));
    let fixed = fixed_text(ctx, office, &edits);
    let how = if wanted == Case::Capital {
        "takes capitals"
    } else {
        "is lowercase"
    };
    Some(
        Finding::new(
            &TITLE_CASE,
            first.join(last),
            format!(
                "A formal title {place} {how} in {} style: '{fixed}'",
                style.name
            ),
        )
        .with_fix(format!("Write '{fixed}'"), edits),
    )
}

/// A word with its first letter made upper- or lowercase.
fn recase(word: &str, wanted: Case) -> String {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let first: String = match wanted {
        Case::Capital => first.to_uppercase().collect(),
        _ => first.to_lowercase().collect(),
    };
    first + chars.as_str()
}

/// The text of `span` with the edits inside it applied.
fn fixed_text(ctx: &Context<'_>, span: Span, edits: &[Edit]) -> String {
    let mut out = String::new();
    let mut at = span.start;
    for e in edits.iter().filter(|e| span.covers(e.span)) {
        out.push_str(ctx.prose.slice(Span::new(at, e.span.start)));
        out.push_str(&e.replacement);
        at = e.span.end;
    }
    out.push_str(ctx.prose.slice(Span::new(at, span.end)));
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offices_agree_when_one_holds_the_other() {
        assert!(offices_agree("foreign minister", "foreign minister"));
        assert!(offices_agree("secretary", "secretary of state"));
        assert!(!offices_agree("foreign minister", "defense minister"));
    }

    #[test]
    fn recasing_keeps_the_rest_of_the_word() {
        assert_eq!(recase("foreign", Case::Capital), "Foreign");
        assert_eq!(recase("Minister", Case::Lower), "minister");
        assert_eq!(recase("élysée", Case::Capital), "Élysée");
    }
}
