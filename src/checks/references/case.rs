//! `title-case`: a formal title in the case the house style does not use in
//! its position. Where houses differ and the style alone cannot say (a title
//! after "former", a title standing alone), the article's own usage decides:
//! only a title written both ways in the same position is flagged.

use super::layout::Layout;
use super::offices;
use super::style::{HouseStyle, TitleCase as Case};
use super::titles::with_period;
use super::{checked, in_past, layout, line, people};
use crate::actors::lexicon::LEXICON;
use crate::actors::{Form, Mention, Title};
use crate::checks::{Context, Edit, Finding, Rule, RuleInfo, Severity};
use crate::prose::Token;
use crate::span::Span;

static TITLE_CASE: RuleInfo = RuleInfo {
    code: "title-case",
    default_severity: Severity::Information,
    summary: "A formal title in lowercase before a name, or capitalised where the house style lowercases it.",
    doc: include_str!("../../../docs/rules/title-case.md"),
};

/// Words that join a title to a longer description: in "senior adviser to
/// Sen. Ana Ruiz" only "Sen." is Ruiz's title.
const JOINS: [&str; 5] = ["to", "for", "with", "at", "and"];

/// Office words that stay lowercase even directly before a name, where the
/// formal title is another ("Rep."): the AP Stylebook capitalises
/// "congressman" and "congresswoman" before a name only in quotations.
const LOWERCASE_BEFORE_NAME: [&str; 2] = ["congressman", "congresswoman"];

/// Where a title stands, for the style's choice of case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Place {
    BeforeName,
    /// Before a name, after "former" or "then": houses differ.
    BeforeNameInPast,
    SetOff,
    StandingAlone,
}

impl Place {
    fn words(self) -> &'static str {
        match self {
            Place::BeforeName | Place::BeforeNameInPast => "directly before a name",
            Place::SetOff => "set off by commas",
            Place::StandingAlone => "standing alone",
        }
    }
}

/// A title the rule judges: its office words whose case the style governs,
/// and the word that heads it.
struct Judged<'m> {
    title: &'m Title,
    place: Place,
    words: Vec<Span>,
    head: Span,
}

pub struct TitleCase;

impl Rule for TitleCase {
    fn info(&self) -> &'static RuleInfo {
        &TITLE_CASE
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let style = HouseStyle::of(ctx.settings.style);
        let layout = layout(ctx);
        let judged = titles(ctx, &layout);
        for j in &judged {
            let wanted = match j.place {
                Place::BeforeName => style.before_name,
                Place::BeforeNameInPast => style.before_name,
                Place::SetOff => style.set_off,
                Place::StandingAlone => style.standing_alone,
            };
            let capital = |w: &Span| ctx.prose.slice(*w).starts_with(char::is_uppercase);
            let head_capital = capital(&j.head);
            let lowercase_office = LOWERCASE_BEFORE_NAME.contains(&ctx.prose.slice(j.head));
            let wrong = match wanted {
                Case::Capital => !head_capital && !lowercase_office,
                Case::Lower => head_capital && !sentence_start(ctx, j.head),
                Case::Either => false,
            };
            if !wrong {
                continue;
            }
            // Where houses differ, the article's own usage decides.
            let evidence = match j.place {
                Place::BeforeNameInPast | Place::StandingAlone => {
                    let Some(other) = judged.iter().find(|o| {
                        o.place == j.place
                            && capital(&o.head) != head_capital
                            && !sentence_start(ctx, o.head)
                            && (j.place != Place::StandingAlone
                                || o.title.office_key == j.title.office_key)
                    }) else {
                        continue;
                    };
                    Some(other.head)
                }
                _ => None,
            };
            out.push(finding(ctx, style, j, wanted, evidence));
        }
    }
}

/// Every title the rule judges, in document order.
fn titles<'a>(ctx: &'a Context<'_>, layout: &'a Layout) -> Vec<Judged<'a>> {
    let mut out = Vec::new();
    for (a, _) in people(ctx.actors) {
        // A title set off after a word the article never gives as part of
        // a full name ("his rank as Oberst, Colonel.") may gloss the word,
        // not describe a person.
        let named_in_full = ctx.actors.mentions_of(a).any(|m| m.form == Form::Full);
        for (_, m) in checked(ctx, layout, a) {
            for title in [m.title.as_deref(), m.appositive.as_deref()]
                .into_iter()
                .flatten()
            {
                match judge(ctx, m, title) {
                    Some(j) if j.place == Place::SetOff && !named_in_full => {}
                    Some(j) => out.push(j),
                    None => {}
                }
            }
        }
    }
    out.sort_by_key(|j| j.title.span.start);
    out
}

fn judge<'m>(ctx: &Context<'_>, m: &Mention, title: &'m Title) -> Option<Judged<'m>> {
    if !title.formal {
        return None;
    }
    // The title's tokens, found once for the questions below.
    let tokens = &ctx.prose.tokens[token_range(ctx, title.span)];
    let (words, cut) = governed_words(ctx, title, tokens);
    let head = head_word(ctx, tokens, &words)?;
    let in_past = in_past(ctx, title);
    let place = if m.form == Form::Description {
        Place::StandingAlone
    } else if title.set_off || title.after_name {
        // "Ohio Gov. John Kasich" after a comma in a list is the next name's
        // title, not an appositive.
        if precedes_name(ctx, title) {
            return None;
        }
        Place::SetOff
    } else if title.article && !cut {
        return None;
    } else {
        // A lowercase title before a name is surely formal only with a
        // qualifier, a country, or at the head of its phrase; a title whose
        // last word is a job description ("president candidate") is one.
        let formal = words.len() >= 2 || title.country.is_some() || title.opens_phrase;
        // "Log Cabin Republicans president", "president of the Communications
        // Workers": an office in an organisation, which houses write either way.
        if organisation_office(ctx, title, tokens, &words) {
            return None;
        }
        let ends_in_office = words
            .last()
            .is_some_and(|w| w.end == last_word_end(title, tokens));
        if !formal || !ends_in_office {
            return None;
        }
        if in_past {
            Place::BeforeNameInPast
        } else {
            Place::BeforeName
        }
    };
    Some(Judged {
        title,
        place,
        words,
        head,
    })
}

/// The office words whose case the style governs: not a word that only
/// gives the level ("state Sen."), and, in a longer description ("senior
/// adviser to Sen.", "a son of Deputy Prime Minister"), only those after the
/// last joining word. Also whether the title was cut so: then an article
/// before it belongs to the description, not to the title.
fn governed_words(ctx: &Context<'_>, title: &Title, tokens: &[Token]) -> (Vec<Span>, bool) {
    let before_name = !title.set_off && !title.after_name;
    // A level word after "of" is part of the office ("secretary of state").
    let after_of = |w: &Span| {
        ctx.prose.text[title.span.start..w.start]
            .trim_end()
            .rsplit(' ')
            .next()
            .is_some_and(|p| p.eq_ignore_ascii_case("of"))
    };
    // A level word that opens a listed office is part of it ("city
    // manager"): the office is "City Manager", never "city Manager".
    let opens_office = |k: usize| {
        title.case_words.get(k + 1).is_some_and(|next| {
            let phrase = ctx
                .prose
                .slice(Span::new(title.case_words[k].start, next.end));
            LEXICON.is_office(&phrase.split_whitespace().collect::<Vec<_>>().join(" "))
        })
    };
    let words: Vec<Span> = title
        .case_words
        .iter()
        .enumerate()
        .filter(|&(k, w)| !offices::is_level(ctx.prose.slice(*w)) || after_of(w) || opens_office(k))
        .map(|(_, w)| *w)
        .collect();
    // "of" joins only where no office word comes before it ("son of"), not
    // inside an office ("secretary of state").
    let join = tokens
        .iter()
        .filter(|t| {
            let word = ctx.prose.slice(t.word);
            JOINS.iter().any(|j| word.eq_ignore_ascii_case(j))
                || word.eq_ignore_ascii_case("of") && !words.iter().any(|w| w.end <= t.span.start)
        })
        .map(|t| t.span.end)
        .next_back();
    match join.filter(|_| before_name) {
        Some(j) if words.iter().any(|w| w.start >= j) => {
            (words.into_iter().filter(|w| w.start >= j).collect(), true)
        }
        _ => (words, false),
    }
}

/// A title that names an organisation's office: one office word after a
/// capitalised name that is no country, or an office "of" a named body.
fn organisation_office(ctx: &Context<'_>, title: &Title, tokens: &[Token], words: &[Span]) -> bool {
    let governed = |t: &crate::prose::Token| title.case_words.contains(&t.word);
    let of_body = tokens.windows(2).any(|w| {
        ctx.prose.slice(w[0].word).eq_ignore_ascii_case("of")
            && (w[1].capitalised && !governed(&w[1]) || ctx.prose.slice(w[1].word) == "the")
    });
    // The word before the office words, inside the title or before it.
    let office_start = words.first().map_or(title.span.start, |w| w.start);
    let first = ctx.prose.token_at(office_start).unwrap_or(0);
    // A nationality there is the country's office ("Russian president");
    // another capitalised word, even after one, names a body ("American
    // Unity Fund president").
    let named_before = first > 0 && {
        let t = &ctx.prose.tokens[first - 1];
        let word = ctx.prose.slice(t.word);
        t.capitalised
            && !t.sentence_start
            && t.kind == crate::prose::TokenKind::Word
            && !LEXICON.names_a_place(word)
            && !(title.country.is_some() && LEXICON.is_nationality(word))
    };
    of_body || words.len() == 1 && named_before
}

/// The word that heads a title: its last office word, or, with "of", the
/// last before it ("secretary of State").
fn head_word(ctx: &Context<'_>, tokens: &[Token], words: &[Span]) -> Option<Span> {
    let of = tokens
        .iter()
        .find(|t| ctx.prose.slice(t.word).eq_ignore_ascii_case("of"))
        .map(|t| t.span.start);
    match of {
        Some(of) => words.iter().copied().rfind(|w| w.end <= of),
        None => words.last().copied(),
    }
    .or(words.last().copied())
}

fn token_range(ctx: &Context<'_>, span: Span) -> std::ops::Range<usize> {
    let tokens = &ctx.prose.tokens;
    tokens.partition_point(|t| t.span.end <= span.start)
        ..tokens.partition_point(|t| t.span.start < span.end)
}

fn last_word_end(title: &Title, tokens: &[Token]) -> usize {
    tokens
        .iter()
        .rev()
        .find(|t| t.kind == crate::prose::TokenKind::Word)
        .map_or(title.span.end, |t| t.word.end)
}

/// A title that ends in an abbreviation followed by a name: "Gov. John".
fn precedes_name(ctx: &Context<'_>, title: &Title) -> bool {
    let rest = &ctx.prose.text[title.span.end..];
    rest.strip_prefix('.')
        .map(str::trim_start)
        .is_some_and(|r| r.starts_with(char::is_uppercase))
        && ctx
            .prose
            .slice(title.span)
            .rsplit(' ')
            .next()
            .is_some_and(|w| w.len() <= 4)
}

/// A capital at the start of a sentence says nothing about the style.
fn sentence_start(ctx: &Context<'_>, w: Span) -> bool {
    ctx.prose
        .token_at(w.start)
        .is_some_and(|t| ctx.prose.tokens[t].sentence_start)
}

fn finding(
    ctx: &Context<'_>,
    style: &HouseStyle,
    j: &Judged<'_>,
    wanted: Case,
    evidence: Option<Span>,
) -> Finding {
    let capital = |w: &Span| ctx.prose.slice(*w).starts_with(char::is_uppercase);
    let wrong: Vec<Span> = j
        .words
        .iter()
        .copied()
        .filter(|w| match wanted {
            Case::Capital => !capital(w),
            _ => capital(w) && !sentence_start(ctx, *w),
        })
        .collect();
    let (first, last) = (
        wrong.first().copied().unwrap_or(j.head),
        wrong.last().copied().unwrap_or(j.head),
    );
    let edits: Vec<Edit> = wrong
        .iter()
        .map(|&w| Edit {
            span: w,
            replacement: recase(ctx.prose.slice(w), wanted),
        })
        .collect();
    let office = with_period(
        ctx,
        Span::new(
            j.words.first().map_or(first.start, |w| w.start),
            j.words.last().map_or(last.end, |w| w.end),
        ),
    );
    let fixed = fixed_text(ctx, office, &edits);
    let how = if wanted == Case::Capital {
        "takes capitals"
    } else {
        "is lowercase"
    };
    let also = evidence.map_or(String::new(), |e| {
        format!(", as the article writes it on line {}", line(ctx, e.start))
    });
    Finding::new(
        &TITLE_CASE,
        first.join(last),
        format!(
            "A formal title {} {how} in {} style: '{fixed}'{also}",
            j.place.words(),
            style.name
        ),
    )
    .with_fix(format!("Write '{fixed}'"), edits)
}

/// A word with the first letter of each hyphenated part made upper- or
/// lowercase.
fn recase(word: &str, wanted: Case) -> String {
    // Each part of a hyphenated title: "secretary-general", "Secretary-General".
    word.split('-')
        .map(|part| {
            let mut chars = part.chars();
            let Some(first) = chars.next() else {
                return String::new();
            };
            let first: String = match wanted {
                Case::Capital => first.to_uppercase().collect(),
                _ => first.to_lowercase().collect(),
            };
            first + chars.as_str()
        })
        .collect::<Vec<_>>()
        .join("-")
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
    fn recasing_keeps_the_rest_of_the_word() {
        assert_eq!(recase("foreign", Case::Capital), "Foreign");
        assert_eq!(recase("Minister", Case::Lower), "minister");
        assert_eq!(recase("élysée", Case::Capital), "Élysée");
        assert_eq!(
            recase("Secretary-General", Case::Lower),
            "secretary-general"
        );
        assert_eq!(
            recase("attorney-general", Case::Capital),
            "Attorney-General"
        );
    }
}
