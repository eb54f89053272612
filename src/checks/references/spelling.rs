//! `name-variant`: one person's name spelled two ways ("Zelensky",
//! "Zelenskyy"; "Keller", "Kellar"; "Martínez", "Martinez"), or encoded two
//! ways, or a Chinese or Korean name shortened to its given name.

use std::borrow::Cow;

use icu_normalizer::{ComposingNormalizerBorrowed, DecomposingNormalizerBorrowed};

use super::capitalised::Capitalised;
use super::layout::Layout;
use super::quiet::{Parts, QuietMemo};
use super::words::WordMemo;
use super::{checked, later_name, layout, line, named, shared_names, text_of};
use crate::actors::lexicon::LEXICON;
use crate::actors::{
    is_variant, skeleton, Actor, Confidence, Form, Mention, NameOrder, PersonName, Places,
};
use crate::checks::{Context, Edit, Finding, RelatedLocation, Rule, RuleInfo, Severity};
use crate::hashing::FastMap;
use crate::span::Span;

pub(super) static NAME_VARIANT: RuleInfo = RuleInfo {
    code: "name-variant",
    default_severity: Severity::Warning,
    summary: "One person's name spelled or encoded two ways (\"Zelensky\", \"Zelenskyy\"; accents dropped), or \"Jinping\" for Xi.",
    doc: include_str!("../../../docs/rules/name-variant.md"),
};

/// How a spelling differs from the expected one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Difference {
    /// The same letters in another Unicode encoding (a precomposed "í" and
    /// "i" with a combining accent): invisible, but search and sorting see it.
    Encoding,
    /// Accents dropped or added.
    Accents,
    /// Spelled as transliterations differ, or one typing slip apart.
    Letters,
}

pub(super) fn nfc(s: &str) -> String {
    ComposingNormalizerBorrowed::new_nfc()
        .normalize(s)
        .into_owned()
}

/// A name without its accents: decomposed, combining marks dropped.
pub(super) fn without_accents(s: &str) -> String {
    DecomposingNormalizerBorrowed::new_nfd()
        .normalize(s)
        .chars()
        .filter(|c| !matches!(*c as u32, 0x300..=0x36f | 0x1ab0..=0x1aff | 0x1dc0..=0x1dff | 0x20d0..=0x20ff | 0xfe20..=0xfe2f))
        .collect()
}

/// A curly or straight apostrophe is typography, not spelling.
fn straight(s: &str) -> String {
    s.replace(['’', '‘', 'ʼ'], "'")
}

/// Whether one spelling only drops or recapitalises a leading particle of
/// the other ("al-Assad" and "Assad", "Al-Awlaki" at a sentence start):
/// a shortening the house may choose, not a respelling.
fn particle_only(a: &str, b: &str) -> bool {
    let strip = |s: &str| -> String {
        let lower = s.to_lowercase();
        for p in ["al-", "el-", "al ", "el ", "al", "el"] {
            if let Some(rest) = lower.strip_prefix(p) {
                if p.len() == 3 || rest.starts_with(char::is_uppercase) {
                    return rest.to_string();
                }
            }
        }
        if let Some((first, rest)) = lower.split_once(' ') {
            if LEXICON.is_particle(first) {
                return rest.to_string();
            }
        }
        lower
    };
    a.to_lowercase() == b.to_lowercase() || strip(a) == strip(b)
}

/// How `written` differs from `expected`, if it is a spelling of it at all.
pub(super) fn difference(written: &str, expected: &str) -> Option<Difference> {
    if written == expected {
        return None;
    }
    let (w, e) = (straight(written), straight(expected));
    // "Clintons", "Trumps": a family, or a possessive without its
    // apostrophe; not another spelling of the name.
    let plural = |a: &str, b: &str| a.strip_suffix('s') == Some(b);
    // "TurMedia334": a handle or a code, numbered, not a name.
    let numbered = |s: &str| s.chars().any(|c| c.is_ascii_digit());
    if w == e || particle_only(&w, &e) || plural(&w, &e) || plural(&e, &w) || numbered(&w) {
        return None;
    }
    if nfc(&w) == nfc(&e) {
        return Some(Difference::Encoding);
    }
    if without_accents(&w) == without_accents(&e) {
        return Some(Difference::Accents);
    }
    (is_variant(&w, &e) || skeleton(&w) == skeleton(&e) && w.chars().count() >= 4)
        .then_some(Difference::Letters)
}

pub struct NameVariant;

impl Rule for NameVariant {
    fn info(&self) -> &'static RuleInfo {
        &NAME_VARIANT
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let layout = layout(ctx);
        let places = &ctx.actors.places;
        let mut fresh = WordMemo::default();
        let mut kept = ctx.memo.map(|m| m.words.borrow_mut());
        let words = kept.as_deref_mut().unwrap_or(&mut fresh);
        words.start();
        let mut kept_quiet = ctx.memo.map(|m| m.quiet.borrow_mut());
        let mut quiet = kept_quiet.as_deref_mut();
        if let Some(q) = quiet.as_deref_mut() {
            q.start();
        }
        // Filled again for each person: asking allocates nothing.
        let mut scratch = Scratch::default();
        // A name with its accents dropped, or in another encoding, is worth a
        // look even where only its shape says it is a person's.
        for (a, actor) in named(ctx.actors, Confidence::Likely) {
            let Some(person) = &actor.person else {
                continue;
            };
            if actor.confidence == Confidence::Certain {
                given_name_alone(ctx, &layout, a, actor, person, out);
            }
            spellings(
                ctx,
                &layout,
                (a, actor),
                (places, words, quiet.as_deref_mut()),
                &mut scratch,
                out,
            );
        }
        if let Some(q) = quiet {
            q.finish();
        }
        shared_name_spelling(ctx, &layout, out);
        let capitalised = Capitalised::of(ctx);
        super::slips::unlinked_respellings(ctx, &layout, words, (places, &capitalised), out);
        super::slips::accent_variants(ctx, &layout, words, (places, &capitalised), out);
        words.finish();
    }
}

/// A look-alike of a surname several people share ("Mohammed" where two
/// people are "Mohamed"): whoever is meant, the spelling differs.
fn shared_name_spelling(ctx: &Context<'_>, layout: &Layout, out: &mut Vec<Finding>) {
    let actors = ctx.actors;
    for (m, candidates) in shared_names(ctx, layout) {
        let written = text_of(ctx, m.name);
        let families: Vec<&str> = candidates
            .iter()
            .filter_map(|&a| actors.actors[a].person.as_ref().map(|p| p.family.as_str()))
            .collect();
        let Some(&family) = families.first() else {
            continue;
        };
        if families.iter().any(|f| *f != family) {
            continue;
        }
        let Some(how) = difference(&written, family) else {
            continue;
        };
        let Some(first) = actors.mentions_of(candidates[0]).next() else {
            continue;
        };
        out.push(respelling(
            ctx,
            (m.name, &written),
            family,
            how,
            (first.name, format!("first spelling: '{family}'")),
        ));
    }
}

/// A name spelled otherwise than `expected`, with the place that shows the
/// expected spelling, and the fix that restores it.
pub(super) fn respelling(
    ctx: &Context<'_>,
    (span, written): (Span, &str),
    expected: &str,
    how: Difference,
    (shown, note): (Span, String),
) -> Finding {
    Finding::new(
        &NAME_VARIANT,
        span,
        message(
            how,
            written,
            expected,
            &format!("on line {}", line(ctx, shown.start)),
        ),
    )
    .with_severity(severity(how))
    .with_related(RelatedLocation::Here(shown), note)
    .with_fix(
        format!("Spell it '{expected}'"),
        vec![Edit {
            span,
            replacement: expected.to_string(),
        }],
    )
}

fn message(how: Difference, written: &str, expected: &str, where_: &str) -> String {
    match how {
        Difference::Encoding => format!(
            "'{written}' here and '{expected}' {where_} look alike but are encoded differently (composed and decomposed accents): search and sorting treat them as two names"
        ),
        Difference::Accents => format!(
            "'{written}' here, '{expected}' {where_}: the accents differ"
        ),
        Difference::Letters => format!(
            "'{written}' here, '{expected}' {where_}: the same person's name is spelled two ways"
        ),
    }
}

fn severity(how: Difference) -> Severity {
    match how {
        Difference::Encoding => Severity::Information,
        _ => Severity::Warning,
    }
}

/// "Jinping" for Xi Jinping: a family-name-first name shortened to its given
/// name.
fn given_name_alone(
    ctx: &Context<'_>,
    layout: &Layout,
    a: usize,
    actor: &Actor,
    person: &PersonName,
    out: &mut Vec<Finding>,
) {
    if person.order != NameOrder::FamilyFirst {
        return;
    }
    // Only where the article also uses the family name alone: a name read
    // family-name-first by mistake ("Mo Elleithee") uses the other part.
    let family_alone = checked(ctx, layout, a).any(|(_, m)| m.form == Form::Family);
    if !family_alone {
        return;
    }
    let introduction = checked(ctx, layout, a).find(|(_, m)| m.form == Form::Full);
    for (_, m) in checked(ctx, layout, a).filter(|(_, m)| m.form == Form::Given) {
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
/// Borrowed from the text where it is written as it reads (most names).
fn family_of<'a>(
    ctx: &Context<'a>,
    words: &mut WordMemo,
    m: &Mention,
) -> Option<(Span, Cow<'a, str>)> {
    match m.form {
        Form::Family => Some((m.name, super::single_spaced_cow(ctx.prose.slice(m.name)))),
        Form::Full => {
            let (at, family) = words.family(ctx.prose.slice(m.name), family_in)?;
            let start = m.name.start + at;
            let span = Span::new(start, start + family.len());
            // The family name is found in the name as written, so the text
            // there spells it.
            Some((span, Cow::Borrowed(ctx.prose.slice(span))))
        }
        _ => None,
    }
}

/// The family name of a full name as written, and where it starts in it.
fn family_in(raw: &str) -> Option<(usize, String)> {
    let written = super::single_spaced(raw);
    let words: Vec<&str> = written.split(' ').collect();
    let family = PersonName::parse(&words)?;
    let at = match family.order {
        NameOrder::GivenFirst => raw.rfind(family.family.as_str())?,
        _ => raw.find(family.family.as_str())?,
    };
    Some((at, family.family))
}

/// Spellings of the family name that differ from the first one used, or
/// from the people file's; and full names that lost their accents or
/// encoding as a whole ("Jose Martinez" after "José Martínez"). A person
/// spelled one way in an earlier analysis, with the same references written
/// the same way, is not read again (`quiet.rs`).
fn spellings<'s>(
    ctx: &'s Context<'_>,
    layout: &'s Layout,
    (a, actor): (usize, &Actor),
    (places, words, quiet): (&Places, &mut WordMemo, Option<&mut QuietMemo>),
    scratch: &mut Scratch<'s>,
    out: &mut Vec<Finding>,
) {
    let refs = &mut scratch.refs;
    refs.clear();
    refs.extend(checked(ctx, layout, a).map(|(_, m)| m));
    let refs = &refs[..];
    let entry = ctx.actors.entry_of(a);
    // One reference spells the name one way, unless a people file spells
    // it another.
    if refs.len() < 2 && entry.is_none() {
        return;
    }
    let Some(quiet) = quiet else {
        spellings_of(ctx, (a, actor), refs, (places, words), out);
        return;
    };
    let prose = ctx.prose;
    let key = quiet.key(
        &mut scratch.parts,
        entry.map(|e| e.name.as_str()),
        refs,
        |m| prose.slice(m.name),
    );
    if quiet.spelled_one_way(&key) {
        return;
    }
    if spellings_of(ctx, (a, actor), refs, (places, words), out) == Spelled::OneWay {
        quiet.keep(&key);
    }
}

/// The lists [`spellings`] fills for each person, kept across people.
#[derive(Default)]
struct Scratch<'a> {
    refs: Vec<&'a Mention>,
    parts: Parts<'a>,
}

/// What [`spellings_of`] found.
#[derive(PartialEq, Eq)]
enum Spelled {
    /// One spelling throughout, read from the people file's name and the
    /// references' forms and texts alone.
    OneWay,
    /// Spellings that differ, or a finding.
    Otherwise,
}

fn spellings_of(
    ctx: &Context<'_>,
    (a, actor): (usize, &Actor),
    refs: &[&Mention],
    (places, words): (&Places, &mut WordMemo),
    out: &mut Vec<Finding>,
) -> Spelled {
    let found = out.len();
    let one_way = |out: &Vec<Finding>| {
        if out.len() == found {
            Spelled::OneWay
        } else {
            Spelled::Otherwise
        }
    };
    let whole = whole_names(ctx, refs, out);
    let families: Vec<(Span, Cow<'_, str>)> = refs
        .iter()
        .filter(|m| !whole.contains(&m.name.start))
        .filter_map(|m| family_of(ctx, words, m))
        .collect();
    let Some((first_span, first)) = families.first().cloned() else {
        return one_way(out);
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
        _ => {
            let (span, spelling) = usual_spelling(&families).unwrap_or((first_span, first));
            (spelling.into_owned(), RelatedLocation::Here(span))
        }
    };
    // One spelling throughout: nothing differs from it.
    if families.iter().all(|(_, f)| *f == expected) {
        return one_way(out);
    }
    // Where only the shape of the name says it is a person's, only accents
    // and encodings: "Buddhism" and "Buddhist" differ in one letter too;
    // and a slip of the surname written alone, where the full name in
    // name-shaped words spells it, or where the article settles on a
    // spelling by itself.
    let sure = actor.confidence == Confidence::Certain || super::shown_as_name(ctx, a, actor);
    let shaped = introduced_in_shape(ctx, a, actor) == Some(expected.as_str());
    let alone = |span: &Span| {
        refs.iter()
            .any(|m| m.form == Form::Family && m.name == *span)
    };
    let variants: Vec<(Span, String, Difference)> = families
        .iter()
        .filter_map(|(span, f)| difference(f, &expected).map(|d| (*span, f.to_string(), d)))
        .filter(|(span, f, d)| {
            sure || *d != Difference::Letters
                || alone(span) && (shaped || settled_slip(ctx, &families, f, &expected))
        })
        // A form the article writes as a place's name ("the town of
        // Julfa") is the place's, and so is the usual form, unless the
        // model is certain the name is a person's ("Trump Tower").
        .filter(|(_, f, _)| {
            !places.contains(f.as_str())
                && (actor.confidence == Confidence::Certain || !places.contains(expected.as_str()))
        })
        .collect();
    let edits: Vec<Edit> = variants
        .iter()
        .map(|(span, _, _)| Edit {
            span: *span,
            replacement: expected.clone(),
        })
        .collect();
    for (span, written, how) in &variants {
        let (where_, note) = match &related {
            RelatedLocation::File { .. } => (
                format!(
                    "in the people file ({})",
                    entry.map_or(actor.name.as_str(), |e| e.name.as_str())
                ),
                format!("people file: '{expected}'"),
            ),
            RelatedLocation::Here(usual) => (
                format!("on line {}", line(ctx, usual.start)),
                format!("usual spelling: '{expected}'"),
            ),
        };
        let text = match (&related, how) {
            (RelatedLocation::File { .. }, Difference::Accents | Difference::Letters) => format!(
                "'{written}' here, but the people file spells it '{expected}' ({})",
                entry.map_or(actor.name.as_str(), |e| e.name.as_str())
            ),
            _ => message(*how, written, &expected, &where_),
        };
        out.push(
            Finding::new(&NAME_VARIANT, *span, text)
                .with_severity(severity(*how))
                .with_related(related.clone(), note)
                .with_fix(format!("Spell it '{expected}' everywhere"), edits.clone()),
        );
    }
    Spelled::Otherwise
}

/// The surname of a full name in name-shaped words ("Bedřich Smetana"),
/// written alone at most once before it: a person's name, even where a slip
/// took the only later use of the surname. A word used alone again and again
/// before the longer form ("Buddhist" ... "Theravada Buddhist") names a
/// thing.
fn introduced_in_shape<'a>(ctx: &Context<'_>, a: usize, actor: &'a Actor) -> Option<&'a str> {
    let surname = later_name(actor)?;
    let before_full = ctx
        .actors
        .mentions_of(a)
        .take_while(|m| m.form != Form::Full)
        .filter(|m| ctx.prose.slice(m.name) == surname)
        .count();
    (before_full <= 1 && super::slips::name_shaped(ctx, a, surname)).then_some(surname)
}

/// A slip in a name the article settles on by itself: the usual spelling
/// written alone three times or more, this one once, and the two alike in
/// the letters a suffix changes ("Einstein" throughout, "Einsetin" once; not
/// "Buddhist" and "Buddhism", a word and its kin), neither written in
/// lowercase nor a place. A person's name, used that way, even where the
/// model hesitates and the article never gives it in full.
fn settled_slip(
    ctx: &Context<'_>,
    families: &[(Span, Cow<'_, str>)],
    written: &str,
    expected: &str,
) -> bool {
    let count = |w: &str| families.iter().filter(|(_, f)| f == w).count();
    let last = |w: &str| w.chars().last().map(|c| c.to_lowercase().to_string());
    let plain = |w: &str| !LEXICON.names_a_place(w) && !LEXICON.is_function_word(w);
    count(expected) >= 3
        && count(written) == 1
        && last(written) == last(expected)
        && plain(written)
        && plain(expected)
        && !super::lowercase_in(ctx, &[written, expected])
}

/// The spelling most references use, at its first use; on a tie, the first
/// one written. One slip among many references is the slip, wherever it
/// comes.
fn usual_spelling<'a>(families: &[(Span, Cow<'a, str>)]) -> Option<(Span, Cow<'a, str>)> {
    // Counted once each: a person may be named hundreds of times.
    let mut counts: FastMap<&str, usize> = FastMap::default();
    for (_, f) in families {
        crate::work::step();
        *counts.entry(f.as_ref()).or_insert(0) += 1;
    }
    let count = |f: &str| counts.get(f).copied().unwrap_or(0);
    let mut best: Option<&(Span, Cow<'a, str>)> = None;
    for candidate in families {
        crate::work::step();
        if best.is_none_or(|b| count(&candidate.1) > count(&b.1)) {
            best = Some(candidate);
        }
    }
    best.cloned()
}

/// Full names that differ from the first full name only in accents or
/// encoding, each flagged as a whole; returns where their names start.
fn whole_names(ctx: &Context<'_>, refs: &[&Mention], out: &mut Vec<Finding>) -> Vec<usize> {
    let mut full = refs.iter().filter(|m| m.form == Form::Full);
    let Some(first) = full.next() else {
        return Vec::new();
    };
    let expected = text_of(ctx, first.name);
    let mut handled = Vec::new();
    for m in full {
        let written = text_of(ctx, m.name);
        let how = match difference(&written, &expected) {
            Some(how @ (Difference::Encoding | Difference::Accents)) => how,
            _ => continue,
        };
        // Only where the given names differ too; a family name alone is
        // the family rule's.
        let given = |s: &str| s.rsplit_once(' ').map(|(g, _)| g.to_string());
        if given(&written) == given(&expected) {
            continue;
        }
        handled.push(m.name.start);
        let where_ = format!("on line {}", line(ctx, first.span.start));
        out.push(
            Finding::new(
                &NAME_VARIANT,
                m.name,
                message(how, &written, &expected, &where_),
            )
            .with_severity(severity(how))
            .with_related(
                RelatedLocation::Here(first.name),
                format!("first spelling: '{expected}'"),
            )
            .with_fix(
                format!("Spell it '{expected}'"),
                vec![Edit {
                    span: m.name,
                    replacement: expected.clone(),
                }],
            ),
        );
    }
    handled
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differences_are_told_apart() {
        let composed = "Ram\u{ed}rez";
        let decomposed = "Rami\u{301}rez";
        assert_eq!(difference(decomposed, composed), Some(Difference::Encoding));
        assert_eq!(
            difference("Martinez", "Martínez"),
            Some(Difference::Accents)
        );
        assert_eq!(
            difference("Zelenskyy", "Zelensky"),
            Some(Difference::Letters)
        );
        assert_eq!(difference("Kellar", "Keller"), Some(Difference::Letters));
        assert_eq!(difference("Assad", "al-Assad"), None);
        assert_eq!(difference("Al-Awlaki", "al-Awlaki"), None);
        assert_eq!(difference("O’Neill", "O'Neill"), None);
        assert_eq!(difference("Peskov", "Lavrov"), None);
        assert_eq!(difference("Media334", "Media335"), None);
    }
}
