//! `late-introduction`: a surname before the full name, or a person the
//! article never names in full ("Prime Minister Albanese" throughout).

use super::layout::Layout;
use super::offices::{self, Agreement};
use super::style::HouseStyle;
use super::{
    checked, introduced_people, is_name, later_name, layout, line, shared_names, text_of, unlike,
};
use crate::actors::lexicon::LEXICON;
use crate::actors::{Actor, Form, Mention, Title};
use crate::checks::{Context, Edit, Finding, RelatedLocation, Rule, RuleInfo, Severity};
use crate::prose::TokenKind;
use crate::span::Span;

static LATE_INTRODUCTION: RuleInfo = RuleInfo {
    code: "late-introduction",
    default_severity: Severity::Warning,
    summary: "A person referred to by surname before the reference with the full name, or never named in full.",
    doc: include_str!("../../../docs/rules/late-introduction.md"),
};

pub struct LateIntroduction;

impl Rule for LateIntroduction {
    fn info(&self) -> &'static RuleInfo {
        &LATE_INTRODUCTION
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let layout = layout(ctx);
        shared_name_first(ctx, &layout, out);
        for (a, actor) in introduced_people(ctx) {
            if named_in_deck(ctx, &layout, actor) {
                continue;
            }
            let mut refs = checked(ctx, &layout, a)
                .filter(|(_, m)| is_name(m) && !attributive(ctx, m))
                .map(|(_, m)| m);
            let Some(early) = refs.next() else {
                continue;
            };
            // A given name alone before the introduction is too often a word
            // ("Bill", "Will"); the family name is the surname rule's case.
            if early.form != Form::Family {
                continue;
            }
            // A surname spelled otherwise than the person's ("Jolfa" before
            // "New Julfa", "OSSOFF" before "John Ossoff"'s later "Ossoff")
            // was linked as a look-alike: another name, a slip (that is
            // `name-variant`'s) or a transcript's speaker label, not the
            // surname used too early.
            let written = text_of(ctx, early.name);
            if !spelled_as(&written, later_name(actor))
                || unlike::in_capitals(&written)
                || unlike::with_epithet(ctx, early)
            {
                continue;
            }
            // A bare surname that is also a place ("Washington") may mean
            // the place, not the person introduced later.
            let place = early.title.is_none()
                && early.courtesy.is_none()
                && LEXICON.names_a_place(&text_of(ctx, early.name));
            let namesake = later_name(actor)
                .is_some_and(|s| ends_a_name_before(ctx, &layout, s, early.name.start));
            match refs.find(|m| m.form == Form::Full) {
                Some(_) if place || namesake => {}
                Some(intro)
                    if names_a_thing(ctx, early, intro) || unlike::other_sex(ctx, early, intro) => {
                }
                Some(intro) if same_office(early, intro) => {
                    out.push(surname_first(ctx, actor, early, intro));
                }
                Some(_) => {}
                None => {
                    let more = checked(ctx, &layout, a).filter(|(_, m)| is_name(m)).count();
                    if more >= 2 {
                        never_named_in_full(ctx, a, actor, early, out);
                    }
                }
            }
        }
    }
}

/// Whether the deck under the headline names the person in full. Under a
/// headline written as a sentence, a short first paragraph is a deck or the
/// lede, and the layout can only guess which: either way the reader has
/// met the person by name ("Rival Ted Cruz won Iowa." then "Cruz said").
fn named_in_deck(ctx: &Context<'_>, layout: &Layout, actor: &Actor) -> bool {
    actor.mentions.iter().any(|&m| {
        let m = &ctx.actors.mentions[m];
        m.form == Form::Full && !m.in_quote && layout.in_deck(m.span.start)
    })
}

/// Whether the text writes the surname as the last word of a longer name
/// before `offset` ("17-year-old Trayvon Martin", then "Martin", then "Tracy
/// Martin"): the reader has met someone of that name, whom the model may
/// not have made a person, and the surname may mean them.
fn ends_a_name_before(ctx: &Context<'_>, layout: &Layout, surname: &str, offset: usize) -> bool {
    let ends = ctx.shared.get_or_insert_with(|| NameEnds::of(ctx, layout));
    ends.0.get(surname).is_some_and(|&first| first < offset)
}

/// Where each capitalised word is first written after a name-shaped word
/// (not a title: "President Martin" is no other name), worked out once per
/// analysis.
struct NameEnds(crate::hashing::FastMap<String, usize>);

impl NameEnds {
    fn of(ctx: &Context<'_>, layout: &Layout) -> NameEnds {
        let tokens = &ctx.prose.tokens;
        let mut first = crate::hashing::FastMap::default();
        for pair in tokens.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            if !(a.capitalised && b.capitalised)
                || a.kind != TokenKind::Word
                || b.kind != TokenKind::Word
                || ctx.prose.text.get(a.span.end..b.span.start) != Some(" ")
            {
                continue;
            }
            let before = ctx.prose.slice(a.word);
            // In a headline in title case, or opening a sentence, a
            // capitalised word is no sign of a name.
            let opener = a.sentence_start && !LEXICON.is_given_name(before);
            if opener
                || !layout.in_body(a.span.start)
                || !super::name_like(before)
                || offices::is_listed(&before.to_lowercase())
            {
                continue;
            }
            first
                .entry(ctx.prose.slice(b.word).to_string())
                .or_insert(b.span.start);
        }
        NameEnds(first)
    }
}

/// Whether a written surname is the person's, letter for letter (accents
/// and apostrophes aside), with or without the particles that open it
/// ("Bismarck" for "von Bismarck").
fn spelled_as(written: &str, surname: Option<&str>) -> bool {
    let plain = |s: &str| super::spelling::without_accents(s).replace(['’', '‘'], "'");
    surname.is_some_and(|s| {
        plain(written) == plain(s)
            || crate::actors::without_particles(s).is_some_and(|core| plain(written) == plain(core))
    })
}

/// Whether an early reference with a title fits the introduction: a title
/// names the office the introduction gives, if it gives one. A leader named
/// by title and surname ("President Obama") before a full name with no title
/// ("Michelle Obama") is likely someone else, and title and surname is how
/// some houses introduce a head of state.
fn same_office(early: &Mention, intro: &Mention) -> bool {
    fn formal(m: &Mention) -> Option<&Title> {
        m.title
            .as_deref()
            .filter(|t| t.formal && !t.office_key.is_empty())
    }
    match (formal(early), formal(intro)) {
        (None, _) => true,
        (Some(t), None) => !t.leader,
        (Some(a), Some(b)) => {
            offices::relate(&a.office_key, &b.office_key) != Agreement::OtherOffice
        }
    }
}

fn surname_first(ctx: &Context<'_>, actor: &Actor, early: &Mention, intro: &Mention) -> Finding {
    let name = with_particles(ctx, early.name, later_name(actor));
    let written = text_of(ctx, name);
    let introduction = text_of(ctx, intro.span);
    let mut finding = Finding::new(
        &LATE_INTRODUCTION,
        name,
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
    finding
}

/// A name as written at an offset: a particle that opens a sentence takes a
/// capital ("De Jong said").
fn at_sentence_start(ctx: &Context<'_>, offset: usize, name: &str) -> String {
    let opens = ctx
        .prose
        .token_at(offset)
        .is_some_and(|t| ctx.prose.tokens[t].sentence_start);
    let mut chars = name.chars();
    match chars.next() {
        Some(first) if opens && first.is_lowercase() => first.to_uppercase().chain(chars).collect(),
        _ => name.to_string(),
    }
}

/// The early name with the particles of the family name written just
/// before it ("de Jong", where the model read "Jong").
fn with_particles(ctx: &Context<'_>, name: Span, surname: Option<&str>) -> Span {
    let written = ctx.prose.slice(name);
    let particles = surname
        .and_then(|s| s.strip_suffix(written))
        .filter(|p| p.ends_with(' '));
    // Capitalised or not: "De Jong" opens a sentence.
    let before = |p: &str| {
        name.start
            .checked_sub(p.len())
            .and_then(|at| ctx.prose.text.get(at..name.start))
            .is_some_and(|b| b.eq_ignore_ascii_case(p))
    };
    match particles {
        Some(p) if before(p) => Span::new(name.start - p.len(), name.end),
        _ => name,
    }
}

/// A person named only by title and surname ("Prime Minister Albanese"),
/// at least twice, never in full anywhere in the article. Not a holder of an office known by
/// one name ("Pope Francis"), nor a U.S. president, whom AP names without a
/// first name, nor anyone the people file knows, nor a name the article
/// also writes in lowercase.
fn never_named_in_full(
    ctx: &Context<'_>,
    a: usize,
    actor: &Actor,
    first: &Mention,
    out: &mut Vec<Finding>,
) {
    let named_in_full = ctx.actors.mentions_of(a).any(|m| m.form == Form::Full);
    if named_in_full || ctx.actors.entry_of(a).is_some() {
        return;
    }
    // The surname after another capitalised word outside this person's
    // mentions ("Boston Mayor Michelle Wu" after "Mayor Wu"): the article
    // may well give the full name, in words the model did not link.
    let surname = later_name(actor).unwrap_or(&actor.name);
    if written_in_full_elsewhere(ctx, a, surname) {
        return;
    }
    // A name the article also writes in lowercase ("President Executive
    // Order" beside "an executive order") is a nickname or a thing.
    if super::lowercase_in(ctx, &[later_name(actor).unwrap_or(&actor.name)]) {
        return;
    }
    let Some(title) = first
        .title
        .as_deref()
        .filter(|t| t.formal && !t.office_key.is_empty())
    else {
        return;
    };
    // "adviser to President Obama": the person's own title is the one
    // after the joining word.
    let own_title = ctx
        .prose
        .slice(title.span)
        .rsplit([' ', '\n'])
        .take_while(|w| !matches!(*w, "to" | "for" | "of" | "with"))
        .count();
    let last_word_president = own_title == 1
        && ctx
            .prose
            .slice(title.span)
            .rsplit(' ')
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("president"));
    let president = (title.office_key == "president" || last_word_president)
        && matches!(title.country, None | Some("United States"));
    if president
        || offices::is_one_name_office(&title.office_key)
        || one_name_title(ctx, title)
        || bare_abbreviation_before_name(ctx, title, first)
    {
        return;
    }
    let written = text_of(ctx, first.span);
    out.push(Finding::new(
        &LATE_INTRODUCTION,
        first.span,
        format!(
            "'{written}' is never given a full name: give {}'s first name at the first reference",
            later_name(actor).unwrap_or(&actor.name)
        ),
    ));
}

/// Whether `surname` follows a capitalised word somewhere outside the
/// mentions of actor `a`: a full name the model may have left unlinked.
fn written_in_full_elsewhere(ctx: &Context<'_>, a: usize, surname: &str) -> bool {
    let text = &ctx.prose.text;
    let mine: Vec<Span> = ctx.actors.mentions_of(a).map(|m| m.span).collect();
    text.match_indices(surname).any(|(at, _)| {
        let end = at + surname.len();
        let whole_word = !text[end..].starts_with(char::is_alphanumeric);
        let given = text[..at]
            .strip_suffix(' ')
            .and_then(|before| before.rsplit([' ', '\n']).next())
            .is_some_and(|w| {
                w.len() > 1
                    && w.starts_with(char::is_uppercase)
                    && w.chars().all(char::is_alphabetic)
            });
        whole_word && given && mine.iter().all(|m| end <= m.start || m.end <= at)
    })
}

/// "Defence Minister Gen Nakatani" in a house that abbreviates with a period
/// ("Gen.", "Mr."): the bare word before the name is as likely the person's
/// given name as the abbreviated rank, so the article may well give the full
/// name.
fn bare_abbreviation_before_name(ctx: &Context<'_>, title: &Title, first: &Mention) -> bool {
    if !HouseStyle::of(ctx.settings.style).courtesy_period {
        return false;
    }
    let Some(last) = ctx.prose.slice(title.span).rsplit([' ', '\n']).next() else {
        return false;
    };
    let word = last.to_lowercase();
    let between = ctx.prose.text.get(title.span.end..first.name.start);
    abbreviates(&word, LEXICON.same_office(&word)) && between.is_some_and(|b| b.trim().is_empty())
}

/// Whether `short` abbreviates `long`: fewer letters, the same first one,
/// all of them in order in `long` ("gen", "sgt", "lt").
fn abbreviates(short: &str, long: &str) -> bool {
    let mut rest = long.chars();
    short.len() < long.len()
        && short.chars().next() == long.chars().next()
        && short.chars().all(|c| rest.any(|l| l == c))
}

/// A title whose words include an office known by one name ("Crown Prince").
fn one_name_title(ctx: &Context<'_>, title: &Title) -> bool {
    ctx.prose
        .slice(title.span)
        .split_whitespace()
        .any(|w| offices::is_one_name_office(&w.to_lowercase()))
}

/// Whether an introduction whose first word is no given name reads as the
/// longer name of a thing, with the early word a part of it, not a surname:
/// - its first word is one the article also writes in lowercase
///   ("Educational Resources", "New Julfa" beside "new");
/// - the early word is the plural of a nationality or of a word the article
///   writes in lowercase ("Americans" before "Native Americans", "Rights"
///   beside "right" before "Human Rights");
/// - the early word also opens another capitalised name ("Fox", "Fox News",
///   then "Century Fox"), as a brand does and a surname rarely does.
fn names_a_thing(ctx: &Context<'_>, early: &Mention, intro: &Mention) -> bool {
    let Some(first) = ctx.prose.slice(intro.name).split_whitespace().next() else {
        return false;
    };
    if LEXICON.is_given_name(first) {
        return false;
    }
    let word = ctx.prose.slice(early.name);
    let plural_of_common = word
        .strip_suffix('s')
        .filter(|one| one.chars().count() >= 3)
        .is_some_and(|one| LEXICON.is_nationality(one) || super::lowercase_in(ctx, &[one]));
    super::lowercase_in(ctx, &[first])
        || plural_of_common
        || opens_a_name(ctx, word)
        || unlike::after_the(ctx, word)
}

/// Whether the text writes a word directly before another capitalised word
/// that is not a name suffix ("Fox News"), outside any person's name.
fn opens_a_name(ctx: &Context<'_>, word: &str) -> bool {
    let openers = ctx.shared.get_or_insert_with(|| {
        let tokens = &ctx.prose.tokens;
        NameOpeners(
            tokens
                .windows(2)
                .filter(|pair| {
                    let (a, b) = (&pair[0], &pair[1]);
                    a.capitalised
                        && b.capitalised
                        && a.span == a.word
                        && b.kind == crate::prose::TokenKind::Word
                        && ctx.prose.text.get(a.span.end..b.span.start) == Some(" ")
                        && !LEXICON.is_suffix(ctx.prose.slice(b.word))
                        && !inside_a_persons_name(ctx, b.span.start)
                })
                .map(|pair| ctx.prose.slice(pair[0].word).to_string())
                .collect(),
        )
    });
    openers.0.contains(word)
}

fn inside_a_persons_name(ctx: &Context<'_>, offset: usize) -> bool {
    let actors = ctx.actors;
    actors.mention_at(offset).is_some_and(|i| {
        let m = &actors.mentions[i];
        m.name.start <= offset
            && offset < m.name.end
            && m.actor()
                .is_some_and(|a| actors.actors[a].kind == crate::actors::ActorKind::Person)
    })
}

/// Every capitalised word the text writes before another, outside people's
/// names, worked out once per analysis.
struct NameOpeners(crate::hashing::FastSet<String>);

/// A surname two people share, used before either is introduced: whoever is
/// meant, the reader meets the surname first.
fn shared_name_first(ctx: &Context<'_>, layout: &Layout, out: &mut Vec<Finding>) {
    let actors = ctx.actors;
    for (m, candidates) in shared_names(ctx, layout) {
        // A given name alone is too often a word, or a parent's ("born to
        // Henry and Sophie Siegel"), as in the rule above; a name in
        // capitals is a label.
        if attributive(ctx, m)
            || m.form == Form::Given
            || unlike::in_capitals(&text_of(ctx, m.name))
        {
            continue;
        }
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
        if !before_all || !layout.in_body(nearest.span.start) {
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
    let name = with_particles(ctx, early.name, Some(surname));
    Some(vec![
        Edit {
            span: Span::new(early.span.start.min(name.start), early.span.end),
            replacement: text_of(ctx, intro.span),
        },
        Edit {
            span: intro.span,
            replacement: at_sentence_start(ctx, intro.span.start, surname),
        },
    ])
}

#[cfg(test)]
mod tests {
    use super::abbreviates;

    #[test]
    fn abbreviations_keep_the_first_letter_and_the_order() {
        assert!(abbreviates("gen", "general"));
        assert!(abbreviates("sgt", "sergeant"));
        assert!(abbreviates("lt", "lieutenant"));
        assert!(!abbreviates("general", "general"));
        assert!(!abbreviates("defence", "defense"));
        assert!(!abbreviates("tg", "general"));
    }
}
