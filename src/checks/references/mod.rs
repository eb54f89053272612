//! Reference rules: the copy desk's check on people. Titles that disagree
//! with the first reference or the people file, titles in the wrong case, full
//! introductions repeated, surnames before the introduction or people never
//! introduced, names spelled two ways, and courtesy titles used unevenly.
//!
//! All six read the actor model, and judge only what it is sure of: people it
//! is sure are people, and references it is sure point to them (not a
//! surname cut from a longer name, not "the Bush years"). None fires inside a
//! direct quotation (the speaker's words), a block quote or an embedded post,
//! in a headline, caption or the top matter above the story (`layout.rs`),
//! or in a link's text. The house
//! style's choices come from [`style::HouseStyle`].

mod capitalised;
mod case;
mod courtesy;
mod layout;
mod lowercase;
mod names;
mod offices;
mod quiet;
mod roles;
mod slips;
mod spelling;
mod style;
mod titles;
mod unlike;
mod words;

pub(crate) use capitalised::CapitalisedMemo;
pub use case::TitleCase as TitleCaseRule;
pub use courtesy::CourtesyTitle;
pub(crate) use layout::LayoutMemo;
pub(crate) use lowercase::LowercaseMemo;
pub use names::LateIntroduction;
pub(crate) use quiet::QuietMemo;
pub(crate) use roles::RolesMemo;
pub use spelling::NameVariant;
pub use style::{HouseStyle, TitleCase};
pub use titles::{RepeatedTitle, TitleMismatch};
pub(crate) use words::WordMemo;

use std::rc::Rc;

use crate::actors::lexicon::LEXICON;
use crate::actors::{Actor, ActorKind, Actors, Confidence, Form, Mention, NameOrder, Target};
use crate::checks::Context;
use crate::hashing::FastMap;
use crate::span::Span;
use layout::Layout;

/// Builds the family's word lists and patterns now (see [`crate::analysis::warm_up`]).
pub(crate) fn warm_up() {
    layout::warm_up();
    offices::warm_up();
}

/// The people the rules check: named persons, not names that only look like
/// one, nor labels of one letter ("speaker G" in a transcript).
fn people(actors: &Actors) -> impl Iterator<Item = (usize, &Actor)> {
    named(actors, Confidence::Certain)
}

/// The people the rules about introductions and spellings check: those the
/// model is sure of, and those it only thinks likely where the article
/// itself shows a person's name ([`shown_as_name`]).
fn introduced_people<'a>(ctx: &'a Context<'_>) -> impl Iterator<Item = (usize, &'a Actor)> + 'a {
    named(ctx.actors, Confidence::Likely).filter(move |(a, actor)| {
        actor.confidence == Confidence::Certain || shown_as_name(ctx, *a, actor)
    })
}

/// Strong local evidence that a likely person's name is a person's, even
/// where the tagger hesitates: a full name that starts with a given name the
/// word lists know ("Douglass North"), or a full name of two words or more
/// whose last word the article also uses alone ("Leonhard Euler", then
/// "Euler"), as it does a surname.
///
/// Words that are not names stay out of the second: a first word written
/// in capitals or with a capital inside ("UC", "OnThursday"), a word the
/// article also writes in lowercase ("Ware Farm", "New Julfa"), or a place;
/// and so does a word used alone again and again before the longer form
/// ("Buddhist" ... "Theravada Buddhist"): a slip puts a surname before the
/// introduction once.
fn shown_as_name(ctx: &Context<'_>, a: usize, actor: &Actor) -> bool {
    Answers::<ShownAsName>::of(ctx, ctx.actors.actors.len())
        .answer(a, || shows_a_name(ctx, a, actor))
}

/// [`shown_as_name`], worked out.
fn shows_a_name(ctx: &Context<'_>, a: usize, actor: &Actor) -> bool {
    let Some(surname) = later_name(actor) else {
        return false;
    };
    // A family name that opens with particles ("von Bismarck") is often
    // written without them on later reference; its last word is the name.
    let core = crate::actors::without_particles(surname).unwrap_or(surname);
    let family_words = surname.split(' ').count();
    // A family name written first ("Ban Ki-moon") is the later name; the
    // given name follows it.
    let family_first = actor
        .person
        .as_ref()
        .is_some_and(|p| p.order == NameOrder::FamilyFirst);
    let mut full = false;
    let mut alone = false;
    let mut before_full = 0;
    for m in ctx.actors.mentions_of(a) {
        before_full += usize::from(!full && m.form == Form::Family);
        if m.in_quote {
            continue;
        }
        let text = ctx.prose.slice(m.name);
        match m.form {
            // A name cut off and said again is a false start, not an
            // introduction.
            Form::Full if speech_repair(ctx, m) => {}
            Form::Full => {
                // A suffix ("Jr.") is no part of the name a later reference
                // uses.
                let words: Vec<&str> = text
                    .split_whitespace()
                    .filter(|w| !LEXICON.is_suffix(w))
                    .collect();
                let Some(&first) = words.first() else {
                    continue;
                };
                if LEXICON.is_given_name(first) {
                    return true;
                }
                let Some(given_words) = words.len().checked_sub(family_words) else {
                    continue;
                };
                let (family, given) = if family_first {
                    (&words[..family_words], words.last())
                } else {
                    (&words[given_words..], Some(&first))
                };
                full |= given_words > 0
                    && family.join(" ") == surname
                    && given.is_some_and(|g| name_like(g))
                    && name_like(core);
            }
            Form::Family => alone |= text == surname || text == core,
            _ => {}
        }
    }
    full && alone && before_full <= 1 && !lowercase_in(ctx, &[core, first_word(&actor.name)])
}

/// A word shaped like a name: a capital, then lowercase letters only; or
/// such words joined by hyphens, the later ones capitalised or not
/// ("Okonkwo-Bello", "Jean-Luc", "Ki-moon").
fn name_like(word: &str) -> bool {
    let mut parts = word.split('-');
    let capitalised = |p: &str| {
        let mut chars = p.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase)
    };
    let lowercase = |p: &str| !p.is_empty() && p.chars().all(char::is_lowercase);
    parts.next().is_some_and(capitalised)
        && parts.all(|p| capitalised(p) || lowercase(p))
        && !LEXICON.names_a_place(word)
        && !LEXICON.is_function_word(word)
}

fn first_word(name: &str) -> &str {
    name.split_whitespace().next().unwrap_or("")
}

/// Every word the text writes in lowercase, worked out once per analysis
/// (from the blocks that changed, where the rules keep a memo).
struct Lowercase(std::sync::Arc<lowercase::Lowercase>);

/// Whether the text writes any of these words in lowercase.
fn lowercase_in(ctx: &Context<'_>, words: &[&str]) -> bool {
    let lowercase = ctx.shared.get_or_insert_with(|| {
        Lowercase(match ctx.memo {
            Some(memo) => memo.lowercase.borrow_mut().update(ctx.prose),
            None => LowercaseMemo::default().update(ctx.prose),
        })
    });
    words.iter().any(|w| {
        let word = lowercase::word_hash(&lowercase::lowered(w));
        lowercase.0.contains_key(&word)
    })
}

/// Persons the model is at least this sure of, with a name of two letters
/// or more.
fn named(actors: &Actors, least: Confidence) -> impl Iterator<Item = (usize, &Actor)> {
    actors.actors.iter().enumerate().filter(move |(_, a)| {
        a.kind == ActorKind::Person
            && a.confidence >= least
            && later_name(a).is_some_and(|n| n.chars().filter(|c| c.is_alphabetic()).count() >= 2)
    })
}

/// The article's layout, worked out once per analysis.
fn layout(ctx: &Context<'_>) -> Rc<Layout> {
    ctx.shared.get_or_insert_with(|| match ctx.memo {
        Some(memo) => Layout::of(ctx.text, ctx.prose, &mut memo.layout.borrow_mut()),
        None => Layout::of(ctx.text, ctx.prose, &mut LayoutMemo::default()),
    })
}

/// A reference a rule may judge: in the story's body (not a headline,
/// caption, the top matter or a link's text), outside quotations, block
/// quotes and embedded posts, and one the model is sure of.
fn judged(ctx: &Context<'_>, layout: &Layout, m: &Mention) -> bool {
    !m.in_quote
        && !m.heading
        && !m.caption
        && layout.in_body(m.span.start)
        && !layout.in_link_text(m.span)
        && !layout.in_embedded(m.span.start)
        && !speech_repair(ctx, m)
        && sure(ctx, m)
}

/// "Sarah Stoddar- Stoddart": a speaker cuts a name off and says it again.
/// Neither the broken form nor the repair right after it is a reference of
/// its own to judge; the transcript's slip is not the writer's.
fn speech_repair(ctx: &Context<'_>, m: &Mention) -> bool {
    let text = &ctx.prose.text;
    let cut_off = |before: &str| {
        before
            .strip_suffix('-')
            .is_some_and(|b| b.ends_with(char::is_alphabetic))
    };
    text[m.name.end..].starts_with("- ")
        || text[..m.name.start].strip_suffix(' ').is_some_and(cut_off)
}

/// Whether a single name surely refers to the person it is linked to. Not
/// when a capitalised word the model left out stands just before it ("Jeb
/// Bush" read as "Bush": another person may be meant), nor after an article
/// ("the Bush years", "a Clinton ally": a family or a following, not the
/// person).
fn sure(ctx: &Context<'_>, m: &Mention) -> bool {
    if !matches!(m.form, Form::Family | Form::Given) || m.title.is_some() || m.courtesy.is_some() {
        return true;
    }
    let Some(t) = ctx.prose.token_at(m.name.start).filter(|&t| t > 0) else {
        return true;
    };
    let before = &ctx.prose.tokens[t - 1];
    // Whether the name's block holds the token before: a block's tokens
    // are a run, so its first token's index says.
    let same_block = match ctx.prose.block_at(m.name.start) {
        Some(b) => ctx.prose.blocks[b].tokens.contains(&(t - 1)),
        None => ctx.prose.block_at(before.span.start).is_none(),
    };
    if !same_block {
        return true;
    }
    let word = lowercase::lowered(ctx.prose.slice(before.word));
    if matches!(word.as_ref(), "the" | "a" | "an") || after_abbreviation(ctx, t) {
        return false;
    }
    let adjacent = ctx.prose.text[before.span.end..m.name.start] == *" ";
    let opener = before.sentence_start && LEXICON.is_function_word(&word);
    // "De Jong said": the particle of the person's family name, capitalised
    // at a sentence start.
    let own_particle = || {
        m.actor()
            .and_then(|a| ctx.actors.actors.get(a))
            .and_then(later_name)
            .and_then(|s| s.strip_suffix(ctx.prose.slice(m.name)))
            .is_some_and(|p| p.trim_end().eq_ignore_ascii_case(&word))
    };
    !(before.capitalised
        && adjacent
        && !opener
        && before.kind == crate::prose::TokenKind::Word
        && !own_particle())
}

/// "Jack St. Martin": a name after a short capitalised abbreviation inside
/// its sentence is the end of a longer name the model cut short (not after
/// a whole word and a period the sentence splitter missed: "Zelensky.
/// el-Sissi"). (A title or
/// courtesy title the model read, "Sen. Cruz", never gets here.)
fn after_abbreviation(ctx: &Context<'_>, t: usize) -> bool {
    let tokens = &ctx.prose.tokens;
    if t < 2 || tokens[t].sentence_start {
        return false;
    }
    let (word, dot) = (&tokens[t - 2], &tokens[t - 1]);
    word.kind == crate::prose::TokenKind::Word
        && word.capitalised
        && ctx.prose.slice(word.span).chars().count() <= 3
        && ctx.prose.slice(dot.span) == "."
        && word.span.end == dot.span.start
        && ctx.prose.text.get(dot.span.end..tokens[t].span.start) == Some(" ")
}

/// An actor's references that a rule may judge.
fn checked<'a>(
    ctx: &'a Context<'_>,
    layout: &'a Layout,
    actor: usize,
) -> impl Iterator<Item = (usize, &'a Mention)> + 'a {
    let actors: &'a Actors = ctx.actors;
    let indices = actors
        .actors
        .get(actor)
        .map_or(&[][..], |a| &a.mentions[..]);
    let known = Answers::<Judged>::of(ctx, actors.mentions.len());
    indices
        .iter()
        .map(move |&m| (m, &actors.mentions[m]))
        .filter(move |&(i, m)| known.answer(i, || judged(ctx, layout, m)))
}

/// One yes-or-no answer for each mention or each actor, worked out the
/// first time a rule asks, once per analysis for all the rules: most people
/// are checked by several rules, and some rules ask about a person more
/// than once. `Q` names the question.
struct Answers<Q>(
    Vec<std::cell::Cell<Option<bool>>>,
    std::marker::PhantomData<Q>,
);

/// Whether a rule may judge a mention ([`judged`]).
struct Judged;
/// Whether an actor's name is shown as a person's ([`shown_as_name`]).
struct ShownAsName;

impl<Q: 'static> Answers<Q> {
    fn of(ctx: &Context<'_>, count: usize) -> Rc<Self> {
        ctx.shared.get_or_insert_with(|| {
            Answers(
                vec![std::cell::Cell::new(None); count],
                std::marker::PhantomData,
            )
        })
    }

    fn answer(&self, i: usize, work_out: impl FnOnce() -> bool) -> bool {
        let Some(known) = self.0.get(i) else {
            return work_out();
        };
        known.get().unwrap_or_else(|| {
            let answer = work_out();
            known.set(Some(answer));
            answer
        })
    }
}

/// The judged references by a name several people share, each with the
/// people it may mean.
fn shared_names<'a>(
    ctx: &'a Context<'_>,
    layout: &'a Layout,
) -> impl Iterator<Item = (&'a Mention, &'a [usize])> + 'a {
    let actors: &'a Actors = ctx.actors;
    actors.mentions.iter().filter_map(move |m| match &m.target {
        Target::Ambiguous(candidates) if judged(ctx, layout, m) => Some((m, &candidates[..])),
        _ => None,
    })
}

/// Whether a title names an office held in the past ("former governor",
/// "then prime minister", "the late justice", "former Democratic governor").
/// Worked out once per title and analysis: `title-mismatch`, `repeated-title`
/// and `title-case` all ask, some more than once. The answer reads only the
/// text of the title's span and the two tokens before it, so the span is
/// the key.
fn in_past(ctx: &Context<'_>, t: &crate::actors::Title) -> bool {
    let known = ctx.shared.get_or_insert_with(PastTitles::default);
    let key = (t.span.start, t.span.end);
    if let Some(&answer) = known.0.borrow().get(&key) {
        return answer;
    }
    let answer = names_past_office(ctx, t);
    known.0.borrow_mut().insert(key, answer);
    answer
}

/// [`in_past`]'s answers by the title's span.
#[derive(Default)]
struct PastTitles(std::cell::RefCell<FastMap<(usize, usize), bool>>);

/// [`in_past`], worked out.
fn names_past_office(ctx: &Context<'_>, t: &crate::actors::Title) -> bool {
    let words = ctx.prose.slice(t.span).split_whitespace();
    let first = ctx.prose.token_at(t.span.start).unwrap_or(0);
    let before = (first.saturating_sub(2)..first)
        .filter(|&i| ctx.prose.tokens[i].kind == crate::prose::TokenKind::Word)
        .map(|i| ctx.prose.slice(ctx.prose.tokens[i].word));
    words.chain(before).any(offices::is_past)
}

/// One-based line of an offset, for messages.
fn line(ctx: &Context<'_>, offset: usize) -> usize {
    ctx.actors.line_of(offset) + 1
}

/// A span's text with runs of white space made single spaces.
fn text_of(ctx: &Context<'_>, span: Span) -> String {
    single_spaced(ctx.prose.slice(span))
}

/// Text with runs of white space made single spaces, borrowed where it has
/// none (most names).
fn single_spaced_cow(text: &str) -> std::borrow::Cow<'_, str> {
    if is_single_spaced(text) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(text.split_whitespace().collect::<Vec<_>>().join(" "))
}

fn is_single_spaced(text: &str) -> bool {
    text.split(' ')
        .all(|w| !w.is_empty() && !w.contains(char::is_whitespace))
}

/// Text with runs of white space made single spaces.
fn single_spaced(text: &str) -> String {
    single_spaced_cow(text).into_owned()
}

/// The name a later reference uses: the family name (the last given name for
/// Vietnamese names).
fn later_name(actor: &Actor) -> Option<&str> {
    actor.person.as_ref().map(|p| p.later())
}

/// How many people in the article go by each later name: a surname two
/// people share does not say who is meant on its own.
fn surname_counts(actors: &Actors) -> FastMap<&str, usize> {
    let mut counts = FastMap::default();
    for name in actors.actors.iter().filter_map(later_name) {
        *counts.entry(name).or_insert(0) += 1;
    }
    counts
}

/// A mention with the form it takes in the rules' eyes.
fn is_name(m: &Mention) -> bool {
    matches!(m.form, Form::Full | Form::Family | Form::Given)
}
