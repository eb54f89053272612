//! Name rules: `late-introduction` (a surname before the full name) and
//! `name-variant` (one person's name spelled two ways, or a Chinese or Korean
//! name shortened to its given name).

use super::{checked, is_name, later_name, line, people, shared_names, text_of};
use crate::actors::lexicon::LEXICON;
use crate::actors::{is_variant, Actor, Form, Mention, NameOrder, PersonName};
use crate::checks::{Context, Edit, Finding, RelatedLocation, Rule, RuleInfo, Severity};
use crate::span::Span;

static LATE_INTRODUCTION: RuleInfo = RuleInfo {
    code: "late-introduction",
    default_severity: Severity::Warning,
    summary: "A person referred to by surname before the reference with the full name.",
    doc: include_str!("../../../docs/rules/late-introduction.md"),
};

static NAME_VARIANT: RuleInfo = RuleInfo {
    code: "name-variant",
    default_severity: Severity::Warning,
    summary: "The same person's name spelled two ways (\"Zelensky\", \"Zelenskyy\").",
    doc: include_str!("../../../docs/rules/name-variant.md"),
};

pub struct LateIntroduction;

impl Rule for LateIntroduction {
    fn info(&self) -> &'static RuleInfo {
        &LATE_INTRODUCTION
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        shared_name_first(ctx, out);
        for (a, actor) in people(ctx.actors) {
            let mut refs =
                checked(ctx.actors, a).filter(|(_, m)| is_name(m) && !attributive(ctx, m));
            let Some((_, early)) = refs.next() else {
                continue;
            };
            // A given name alone before the introduction is too often a word
            // ("Bill", "Will"); the family name is the surname rule's case.
            if early.form != Form::Family {
                continue;
            }
            let Some((_, intro)) = refs.find(|(_, m)| m.form == Form::Full) else {
                continue;
            };
            let written = text_of(ctx, early.name);
            let introduction = text_of(ctx, intro.span);
            let mut finding = Finding::new(
                &LATE_INTRODUCTION,
                early.name,
                format!(
                    "'{written}' comes before {} is introduced (line {}, '{introduction}'): give the full name and title at the first reference",
                    actor.name,
                    line(ctx, intro.span.start)
                ),
            )
            .with_related(RelatedLocation::Here(intro.span), "introduced here".to_string());
            if let Some(edits) = move_introduction(ctx, actor, early, intro) {
                finding = finding.with_fix(
                    format!("Introduce {} here: '{introduction}'", actor.name),
                    edits,
                );
            }
            out.push(finding);
        }
    }
}

/// A surname two people share, used before either is introduced: whoever is
/// meant, the reader meets the surname first.
fn shared_name_first(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let actors = ctx.actors;
    for (m, candidates) in shared_names(actors) {
        let introductions: Vec<&Mention> = candidates
            .iter()
            .filter_map(|&a| actors.mentions_of(a).find(|r| r.form == Form::Full))
            .collect();
        let before_all = introductions
            .iter()
            .all(|intro| m.span.end <= intro.span.start);
        let Some(nearest) = introductions.iter().min_by_key(|i| i.span.start) else {
            continue;
        };
        if !before_all {
            continue;
        }
        let written = text_of(ctx, m.name);
        out.push(
            Finding::new(
                &LATE_INTRODUCTION,
                m.name,
                format!(
                    "'{written}' comes before anyone of that name is introduced (the first, line {}, is '{}'): give the full name at the first reference",
                    line(ctx, nearest.span.start),
                    text_of(ctx, nearest.span)
                ),
            )
            .with_related(RelatedLocation::Here(nearest.span), "first introduced here".to_string()),
        );
    }
}

/// A name that modifies a noun ("the Trump campaign", "Sanders supporters")
/// names the person's organisation or following, not the person.
fn attributive(ctx: &Context<'_>, m: &Mention) -> bool {
    if m.possessive || m.form == Form::Full {
        return false;
    }
    let Some(t) = ctx.prose.token_at(m.name.start) else {
        return false;
    };
    let next = t + 1;
    next < ctx.prose.tokens.len()
        && !ctx.prose.tokens[next].capitalised
        && LEXICON.is_name_modifier(ctx.prose.slice(ctx.prose.tokens[next].word))
}

/// The edits that move the introduction to the early reference and leave the
/// surname where it was, when that is safe: the introduction's title does not
/// depend on what stands before it ("his Russian counterpart"), and no
/// appositive after it would be left describing the surname.
fn move_introduction(
    ctx: &Context<'_>,
    actor: &Actor,
    early: &Mention,
    intro: &Mention,
) -> Option<Vec<Edit>> {
    let surname = later_name(actor)?;
    let relational = intro
        .title
        .as_ref()
        .is_some_and(|t| t.relation.is_some() || t.article);
    let early_title_relational = early.title.as_ref().is_some_and(|t| t.relation.is_some());
    if relational || early_title_relational || intro.appositive.is_some() {
        return None;
    }
    Some(vec![
        Edit {
            span: early.span,
            replacement: text_of(ctx, intro.span),
        },
        Edit {
            span: intro.span,
            replacement: surname.to_string(),
        },
    ])
}

pub struct NameVariant;

impl Rule for NameVariant {
    fn info(&self) -> &'static RuleInfo {
        &NAME_VARIANT
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        for (a, actor) in people(ctx.actors) {
            let Some(person) = &actor.person else {
                continue;
            };
            given_name_alone(ctx, a, actor, person, out);
            spellings(ctx, a, actor, out);
        }
        shared_name_spelling(ctx, out);
    }
}

/// A look-alike of a surname several people share ("Mohammed" where two
/// people are "Mohamed"): whoever is meant, the spelling differs.
fn shared_name_spelling(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let actors = ctx.actors;
    for (m, candidates) in shared_names(actors) {
        let written = text_of(ctx, m.name);
        let families: Vec<&str> = candidates
            .iter()
            .filter_map(|&a| actors.actors[a].person.as_ref().map(|p| p.family.as_str()))
            .collect();
        let Some(&family) = families.first() else {
            continue;
        };
        if families.iter().any(|f| *f != family) || !is_variant(&written, family) {
            continue;
        }
        let Some(first) = actors.mentions_of(candidates[0]).next() else {
            continue;
        };
        out.push(
            Finding::new(
                &NAME_VARIANT,
                m.name,
                format!(
                    "'{written}' here, '{family}' on line {}: the name is spelled two ways",
                    line(ctx, first.span.start)
                ),
            )
            .with_related(
                RelatedLocation::Here(first.name),
                format!("first spelling: '{family}'"),
            )
            .with_fix(
                format!("Spell it '{family}'"),
                vec![Edit {
                    span: m.name,
                    replacement: family.to_string(),
                }],
            ),
        );
    }
}

/// "Jinping" for Xi Jinping: a family-name-first name shortened to its given
/// name.
fn given_name_alone(
    ctx: &Context<'_>,
    a: usize,
    actor: &Actor,
    person: &PersonName,
    out: &mut Vec<Finding>,
) {
    if person.order != NameOrder::FamilyFirst {
        return;
    }
    let introduction = checked(ctx.actors, a).find(|(_, m)| m.form == Form::Full);
    for (_, m) in checked(ctx.actors, a).filter(|(_, m)| m.form == Form::Given) {
        let written = text_of(ctx, m.name);
        let family = &person.family;
        let mut finding = Finding::new(
            &NAME_VARIANT,
            m.name,
            format!(
                "{} puts the family name first: later references use '{family}', not '{written}'",
                actor.name
            ),
        );
        if let Some((_, intro)) = introduction {
            finding = finding.with_related(
                RelatedLocation::Here(intro.name),
                format!("full name: '{}'", text_of(ctx, intro.name)),
            );
        }
        out.push(finding.with_fix(
            format!("Use '{family}'"),
            vec![Edit {
                span: m.name,
                replacement: family.clone(),
            }],
        ));
    }
}

/// A reference's family name: its span and spelling.
fn family_of(ctx: &Context<'_>, m: &Mention) -> Option<(Span, String)> {
    let written = text_of(ctx, m.name);
    match m.form {
        Form::Family => Some((m.name, written)),
        Form::Full => {
            let words: Vec<&str> = written.split(' ').collect();
            let parsed = PersonName::parse(&words)?;
            let raw = ctx.prose.slice(m.name);
            let family = parsed.family;
            let span = match parsed.order {
                NameOrder::GivenFirst => {
                    let at = raw.rfind(family.as_str())?;
                    Span::new(m.name.start + at, m.name.start + at + family.len())
                }
                _ => {
                    let at = raw.find(family.as_str())?;
                    Span::new(m.name.start + at, m.name.start + at + family.len())
                }
            };
            Some((span, family))
        }
        _ => None,
    }
}

/// Spellings of the family name that differ from the first one used, or
/// from the people file's.
fn spellings(ctx: &Context<'_>, a: usize, actor: &Actor, out: &mut Vec<Finding>) {
    let families: Vec<(Span, String)> = checked(ctx.actors, a)
        .filter_map(|(_, m)| family_of(ctx, m))
        .collect();
    let Some((first_span, first)) = families.first().cloned() else {
        return;
    };
    let entry = ctx.actors.entry_of(a);
    let listed = entry.and_then(|e| {
        let words: Vec<&str> = e.name.split_whitespace().collect();
        PersonName::parse(&words).map(|p| p.family)
    });
    let (expected, related) = match (&listed, entry, ctx.actors.people.as_ref()) {
        (Some(family), Some(e), Some(people)) => (
            family.clone(),
            RelatedLocation::File {
                path: people.path.clone(),
                line: e.line,
            },
        ),
        _ => (first.clone(), RelatedLocation::Here(first_span)),
    };
    let variants: Vec<&(Span, String)> = families
        .iter()
        .filter(|(_, f)| *f != expected && is_variant(f, &expected))
        .collect();
    if variants.is_empty() {
        return;
    }
    let edits: Vec<Edit> = variants
        .iter()
        .map(|(span, _)| Edit {
            span: *span,
            replacement: expected.clone(),
        })
        .collect();
    for (span, written) in &variants {
        let message = match &related {
            RelatedLocation::File { .. } => format!(
                "'{written}' here, but the people file spells it '{expected}' ({})",
                entry.map_or(actor.name.as_str(), |e| e.name.as_str())
            ),
            RelatedLocation::Here(first) => format!(
                "'{written}' here, '{expected}' on line {}: the same person's name is spelled two ways",
                line(ctx, first.start)
            ),
        };
        let note = match &related {
            RelatedLocation::File { .. } => format!("people file: '{expected}'"),
            RelatedLocation::Here(_) => format!("first spelling: '{expected}'"),
        };
        out.push(
            Finding::new(&NAME_VARIANT, *span, message)
                .with_related(related.clone(), note)
                .with_fix(format!("Spell it '{expected}' everywhere"), edits.clone()),
        );
    }
}
