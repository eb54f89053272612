//! `courtesy-title`: courtesy titles used unevenly. One person called "Mr"
//! and "Ms"; a knight called "Sir Alan" and then "Mr Sugar"; and, as the
//! house style decides, a courtesy title where the article otherwise uses
//! bare surnames (AP uses none), or a bare surname where the article gives
//! others a courtesy title (UK houses and the NYT use one on every later
//! reference).

use super::layout::Layout;
use super::style::HouseStyle;
use super::{checked, introduced_people, later_name, layout, line, shared_names, text_of};
use crate::actors::{Actor, Form, Mention};
use crate::checks::{Context, Edit, Finding, RelatedLocation, Rule, RuleInfo, Severity};

static COURTESY_TITLE: RuleInfo = RuleInfo {
    code: "courtesy-title",
    default_severity: Severity::Warning,
    summary: "Courtesy titles used unevenly: \"Mr\" and \"Ms\" for one person, \"Sir Alan\" then \"Mr Sugar\", or some people with one and others without.",
    doc: include_str!("../../../docs/rules/courtesy-title.md"),
};

/// What a courtesy title says of its holder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// "Mr".
    Man,
    /// "Mrs", "Ms", "Miss".
    Woman,
    /// "Sir", "Dame": kept with the given name ("Sir Alan").
    Knight,
    /// "Lord", "Lady": kept with the title's name ("Lord Sugar").
    Peer,
    /// "Dr", "Prof", "Rev": a qualification, either sex.
    Other,
}

fn kind(courtesy: &str) -> Kind {
    match courtesy.trim_end_matches('.').to_lowercase().as_str() {
        "mr" => Kind::Man,
        "mrs" | "ms" | "miss" | "mx" => Kind::Woman,
        "sir" | "dame" => Kind::Knight,
        "lord" | "lady" => Kind::Peer,
        _ => Kind::Other,
    }
}

/// A person's later references, with the courtesy title each carries.
struct Courtesies<'a> {
    actor: usize,
    person: &'a Actor,
    /// Judged references after the introduction, by family name.
    later: Vec<(&'a Mention, Option<String>)>,
    /// For someone never named in full, the first bare surname after the
    /// first reference: it lacks a courtesy title as much as any, but does
    /// not count towards the article's practice.
    unnamed_bare: Option<&'a Mention>,
}

fn courtesies<'a>(ctx: &'a Context<'_>, layout: &'a Layout) -> Vec<Courtesies<'a>> {
    let mut out = Vec::new();
    for (a, person) in introduced_people(ctx) {
        // References by family name after the introduction in full; and
        // courtesy titles after any first reference: someone never named in
        // full ("Mr Wayne" throughout) shows the house's practice too, but a
        // bare word the model never saw in a full name ("Twitter") may be
        // no one's surname.
        let mut introduced = false;
        let mut later = Vec::new();
        let mut unnamed_bare = None;
        for (n, (_, m)) in checked(ctx, layout, a).enumerate() {
            introduced |= m.form == Form::Full;
            if m.form != Form::Family || m.title.is_some() {
                continue;
            }
            if introduced || n > 0 && m.courtesy.is_some() {
                later.push((m, m.courtesy.map(|c| text_of(ctx, c))));
            } else if n > 0 && m.courtesy.is_none() && !given_name(ctx, m) {
                unnamed_bare = unnamed_bare.or(Some(m));
            }
        }
        out.push(Courtesies {
            actor: a,
            person,
            later,
            unnamed_bare: unnamed_bare.filter(|_| !introduced),
        });
    }
    out
}

/// A single name that is a known given name ("John"): a first name alone,
/// not a surname without its courtesy title.
fn given_name(ctx: &Context<'_>, m: &Mention) -> bool {
    crate::actors::lexicon::LEXICON.is_given_name(ctx.prose.slice(m.name))
}

/// The forms the house style wants on a later reference to a person: the
/// surname (AP); in a house that uses courtesy titles, the one the article
/// gives the person ("Mr Lavrov", "Sir Alan"), or, when the article gives
/// others one but not this person, "Mr" or "Ms" for the writer to choose.
pub(super) fn later_forms(
    ctx: &Context<'_>,
    layout: &Layout,
    style: &HouseStyle,
    actor: usize,
    person: &Actor,
) -> Vec<String> {
    let Some(surname) = later_name(person) else {
        return Vec::new();
    };
    if !style.courtesy_titles {
        return vec![surname.to_string()];
    }
    let own = checked(ctx, layout, actor).find_map(|(_, m)| m.courtesy.map(|c| text_of(ctx, c)));
    if let Some(courtesy) = own {
        return vec![with_courtesy(&courtesy, person, surname)];
    }
    let used: Vec<String> = ctx
        .actors
        .mentions
        .iter()
        .filter(|m| !m.in_quote)
        .filter_map(|m| m.courtesy.map(|c| text_of(ctx, c)))
        .collect();
    if used.is_empty() {
        return vec![surname.to_string()];
    }
    let period = used.iter().any(|c| c.ends_with('.'));
    ["Mr", "Ms"]
        .iter()
        .map(|c| format!("{c}{} {surname}", if period { "." } else { "" }))
        .collect()
}

/// A later reference with a courtesy title: "Mr Lavrov", "Sir Alan".
fn with_courtesy(courtesy: &str, person: &Actor, surname: &str) -> String {
    let given = person
        .person
        .as_ref()
        .and_then(|p| p.given.as_deref())
        .and_then(|g| g.split(' ').next());
    match (kind(courtesy), given) {
        (Kind::Knight, Some(given)) => format!("{courtesy} {given}"),
        _ => format!("{courtesy} {surname}"),
    }
}

pub struct CourtesyTitle;

impl Rule for CourtesyTitle {
    fn info(&self) -> &'static RuleInfo {
        &COURTESY_TITLE
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let style = HouseStyle::of(ctx.settings.style);
        let layout = layout(ctx);
        for (a, person) in introduced_people(ctx) {
            one_person(ctx, &layout, a, person, out);
        }
        house_style(ctx, &layout, style, out);
    }
}

/// One person's courtesy titles disagree: "Mr" and "Ms", or "Mr Sugar" for
/// someone the article calls "Sir Alan".
fn one_person(
    ctx: &Context<'_>,
    layout: &Layout,
    a: usize,
    person: &Actor,
    out: &mut Vec<Finding>,
) {
    let titled: Vec<(&Mention, String)> = checked(ctx, layout, a)
        .filter_map(|(_, m)| m.courtesy.map(|c| (m, text_of(ctx, c))))
        .collect();
    let Some((first_m, first)) = titled.first() else {
        return;
    };
    let knight = titled.iter().find(|(_, c)| kind(c) == Kind::Knight);
    // "Mr" and "Mrs" for one surname is a couple as often as a slip: only
    // where the article names nobody else of that surname.
    let alone = later_name(person).is_some_and(|s| !relative_named(ctx, person, s));
    // A slip is made once: "Mr Clinton" written again and again beside
    // "Mrs. Clinton" is her husband, whom the model took for her.
    let once = |k: Kind| {
        titled
            .iter()
            .filter(|(m, c)| kind(c) == k && !paired(ctx, m))
            .count()
            == 1
    };
    // "He attacked Mr. Clinton's record after Mrs. Clinton spoke", where
    // the article calls her "Mrs. Clinton" throughout: the odd title beside
    // the usual one in one sentence sets two people side by side, not one
    // person misnamed.
    let sentence = |m: &Mention| ctx.prose.sentence_at(m.span.start);
    let beside_other = |m: &Mention, k: Kind| {
        let other = |c: &String| kind(c) != k;
        titled.iter().filter(|(_, c)| other(c)).count() >= 2
            && titled
                .iter()
                .any(|(o, c)| other(c) && o.span != m.span && sentence(o) == sentence(m))
    };
    for (m, courtesy) in &titled[1..] {
        let here = kind(courtesy);
        let clash = alone
            && once(here)
            && !beside_other(m, here)
            && matches!(
                (kind(first), here),
                (Kind::Man, Kind::Woman) | (Kind::Woman, Kind::Man)
            )
            && !paired(ctx, m);
        let demoted = matches!(here, Kind::Man | Kind::Woman) && knight.is_some();
        if !clash && !demoted {
            continue;
        }
        let (source, source_text) = match knight.filter(|_| demoted) {
            Some((k, c)) => (*k, c.clone()),
            None => (*first_m, first.clone()),
        };
        let said = text_of(ctx, source.span);
        let Some(surname) = later_name(person) else {
            continue;
        };
        let wanted = with_courtesy(&source_text, person, surname);
        let why = if demoted {
            "a knight or dame keeps the title on later references"
        } else {
            "the courtesy titles name a man and a woman"
        };
        out.push(
            Finding::new(
                &COURTESY_TITLE,
                m.span,
                format!(
                    "'{}' here, '{said}' on line {}: {why}",
                    text_of(ctx, m.span),
                    line(ctx, source.span.start)
                ),
            )
            .with_related(RelatedLocation::Here(source.span), format!("'{said}'"))
            .with_fix(
                format!("Use '{wanted}'"),
                vec![Edit {
                    span: m.span,
                    replacement: wanted,
                }],
            ),
        );
    }
}

/// Whether the text names someone else with this surname: a capitalised
/// word that is none of the person's given names before it ("Bill Clinton"
/// beside Hillary Clinton), whether or not the model made a person of them.
fn relative_named(ctx: &Context<'_>, person: &Actor, surname: &str) -> bool {
    let given: Vec<&str> = person
        .person
        .as_ref()
        .and_then(|p| p.given.as_deref())
        .map(|g| g.split(' ').collect())
        .unwrap_or_default();
    let other_person = ctx.actors.actors.iter().any(|a| {
        !std::ptr::eq(a, person)
            && a.kind == crate::actors::ActorKind::Person
            && later_name(a) == Some(surname)
    });
    let in_title = |offset: usize| {
        ctx.actors.mention_at(offset).is_some_and(|i| {
            let m = &ctx.actors.mentions[i];
            m.title.as_ref().is_some_and(|t| t.span.contains(offset))
                || m.courtesy.is_some_and(|c| c.contains(offset))
        })
    };
    // "The Obamas", "the Bushes": the article speaks of a family ("Andrews"
    // alone is a surname of its own).
    let family = || {
        ctx.prose.tokens.windows(2).any(|pair| {
            let word = ctx.prose.slice(pair[1].word);
            ctx.prose.slice(pair[0].word).eq_ignore_ascii_case("the")
                && word
                    .strip_suffix('s')
                    .is_some_and(|w| w == surname || w.strip_suffix('e') == Some(surname))
        })
    };
    other_person
        || family()
        || ctx.prose.tokens.windows(2).any(|pair| {
            let (before, name) = (&pair[0], &pair[1]);
            let word = ctx.prose.slice(before.word);
            ctx.prose.slice(name.word) == surname
                && before.capitalised
                && before.kind == crate::prose::TokenKind::Word
                && !before.sentence_start
                && !given.contains(&word)
                && kind(word) == Kind::Other
                && !crate::actors::lexicon::LEXICON.is_function_word(word)
                && !in_title(before.span.start)
        })
}

/// "Mr. and Mrs. Khan": two courtesy titles for a couple (not "Bernoulli
/// and Ms Euler": two people).
fn paired(ctx: &Context<'_>, m: &Mention) -> bool {
    let before = ctx.prose.text[..m.span.start].trim_end();
    let Some(rest) = before
        .strip_suffix(" and")
        .or_else(|| before.strip_suffix('&'))
    else {
        return false;
    };
    let word = rest.trim_end().rsplit(' ').next().unwrap_or("");
    matches!(kind(word), Kind::Man | Kind::Woman)
}

/// Courtesy titles against the house style, where the article mostly
/// follows it. In a house that uses them, a later reference without one
/// (once for each person), where most later references have one or someone
/// has one at every later reference. In AP
/// style, which uses none, each courtesy title where most later references
/// are bare surnames. An article that mostly does the other thing follows
/// another house, and is left alone.
fn house_style(ctx: &Context<'_>, layout: &Layout, style: &HouseStyle, out: &mut Vec<Finding>) {
    let all = courtesies(ctx, layout);
    let plain = |t: &Option<String>| {
        t.as_deref()
            .is_some_and(|t| matches!(kind(t), Kind::Man | Kind::Woman))
    };
    // A courtesy title on a surname several people share ("Mr Bernoulli" in
    // a family of mathematicians) shows the practice too, whoever is meant.
    let shared = shared_names(ctx, layout)
        .map(|(m, _)| m)
        .filter(|m| m.form == Form::Family && plain(&m.courtesy.map(|c| text_of(ctx, c))));
    let mut titled: Vec<&Mention> = all
        .iter()
        .flat_map(|c| c.later.iter().filter(|(_, t)| plain(t)).map(|(m, _)| *m))
        .chain(shared)
        .collect();
    let mut bare: Vec<&Mention> = all
        .iter()
        .flat_map(|c| c.later.iter().filter(|(_, t)| t.is_none()).map(|(m, _)| *m))
        .collect();
    // The messages point at the first of each in the text.
    titled.sort_by_key(|m| m.span.start);
    bare.sort_by_key(|m| m.span.start);
    // Someone never named in full lacks a courtesy title as much as anyone
    // ("Ms Goldsmith" throughout, "Warhol" bare), though their bare surname
    // does not count towards the article's practice.
    let Some(&example) = titled.first() else {
        return;
    };
    // Someone given a courtesy title at most later references, twice or
    // more: the article follows a house that uses them.
    let consistent = all.iter().any(|c| {
        let titled = c.later.iter().filter(|(_, t)| plain(t)).count();
        titled >= 2 && 2 * titled > c.later.len()
    });
    // With no bare surname of someone named in full to weigh against, only
    // someone's consistent courtesy title shows the practice: one "Ms.
    // Goldsmith" in a transcript of bare surnames does not.
    let practice = consistent || !bare.is_empty() && titled.len() >= bare.len();
    if style.courtesy_titles && practice {
        for c in &all {
            // Each person once: the first later reference without one.
            let flagged: Vec<&Mention> = c
                .later
                .iter()
                .filter(|(_, t)| t.is_none())
                .map(|(m, _)| *m)
                .chain(c.unnamed_bare)
                .take(1)
                .collect();
            let forms = later_forms(ctx, layout, style, c.actor, c.person);
            for m in flagged {
                let mut finding = Finding::new(
                    &COURTESY_TITLE,
                    m.span,
                    format!(
                        "In {} style later references take a courtesy title, as '{}' does (line {}): '{}' has none",
                        style.name,
                        text_of(ctx, example.span),
                        line(ctx, example.span.start),
                        text_of(ctx, m.span)
                    ),
                )
                .with_related(RelatedLocation::Here(example.span), "courtesy title here".to_string());
                for form in forms.iter().filter(|f| f.contains(' ')) {
                    finding = finding.with_fix(
                        format!("Use '{form}'"),
                        vec![Edit {
                            span: m.span,
                            replacement: form.clone(),
                        }],
                    );
                }
                out.push(finding);
            }
        }
    } else if let (true, Some(&bare_example)) = (titled.len() < bare.len(), bare.first()) {
        for c in &all {
            let Some(surname) = later_name(c.person) else {
                continue;
            };
            for (m, _) in c.later.iter().filter(|(_, t)| plain(t)) {
                let bare_at = (
                    text_of(ctx, bare_example.span),
                    line(ctx, bare_example.span.start),
                );
                // A house that gives courtesy titles does not forbid them:
                // the article's own practice is what this one breaks.
                let message = if style.courtesy_titles {
                    format!(
                        "This article mostly calls people by surname alone ('{}', line {}), though {} style gives a courtesy title: '{}' is the odd one out",
                        bare_at.0,
                        bare_at.1,
                        style.name,
                        text_of(ctx, m.span)
                    )
                } else {
                    format!(
                        "{} style uses no courtesy titles, and this article mostly calls people by surname alone ('{}', line {}): '{surname}'",
                        style.name, bare_at.0, bare_at.1
                    )
                };
                out.push(
                    Finding::new(&COURTESY_TITLE, m.span, message)
                        .with_related(
                            RelatedLocation::Here(bare_example.span),
                            "surname alone here".to_string(),
                        )
                        .with_fix(
                            format!("Use '{surname}'"),
                            vec![Edit {
                                span: m.span,
                                replacement: surname.to_string(),
                            }],
                        ),
                );
            }
        }
    }
}
