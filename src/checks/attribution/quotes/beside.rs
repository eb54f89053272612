//! Speakers who stand beside a quotation rather than in a speech tag: the
//! person the sentence next to it is about ("Ruiz slammed the table. “We
//! lost.”"), short stage directions between a speaker's lines ("She
//! pauses."), and a headline of the form "Ruiz: ‘We lost’" over a story that
//! opens with the quotation. Readers take the words as that person's.

use crate::actors::ActorKind;
use crate::checks::attribution::scan::Scan;
use crate::prose::{BlockKind, Prose, Quotation, TokenKind};

/// A beat has at most this many words.
const BEAT_WORDS: usize = 3;

/// The longest name a headline label holds, in words ("Cecile Richards:").
const LABEL_WORDS: usize = 4;

/// A paragraph of one short sentence with no quotation ("She pauses.",
/// "Laughter."): a beat in a scene, which does not end a speaker's turn.
pub(super) fn is_beat(prose: &Prose, block: usize) -> bool {
    let b = &prose.blocks[block];
    b.kind != BlockKind::Heading
        && b.quotations.is_empty()
        && b.sentences.len() == 1
        && b.sentences.clone().all(|s| {
            prose
                .sentence_tokens(s)
                .iter()
                .filter(|t| t.kind == TokenKind::Word)
                .count()
                <= BEAT_WORDS
        })
}

/// Whether the sentence just before a quotation that opens its sentence (in
/// its paragraph, or a paragraph before of that one sentence) or just after one
/// that closes its sentence (in its paragraph) opens with someone: a person
/// or organisation the actor model knows, or "he", "she", "they" with
/// someone to refer back to.
pub(super) fn speaker_beside(prose: &Prose, scan: &Scan<'_>, q: &Quotation) -> bool {
    let (Some(first), Some(last)) = (
        prose.sentence_at(q.span.start),
        prose.sentence_at(q.span.end.saturating_sub(1)),
    ) else {
        return false;
    };
    let only_marks = |text: &str| {
        text.chars()
            .all(|c| c.is_whitespace() || c.is_ascii_punctuation() || "“”‘’—–".contains(c))
    };
    let opens = only_marks(&prose.text[prose.sentences[first].span.start..q.span.start]);
    let closes =
        only_marks(&prose.text[q.span.end..prose.sentences[last].span.end.max(q.span.end)]);
    let block_of = |s: usize| prose.block_at(prose.sentences[s].span.start);
    // Across a paragraph break only a paragraph of one sentence hands its
    // subject on: after "Lepp flew to Brussels. Salonen stayed home." a
    // quotation is nobody's in particular.
    let before = first.checked_sub(1).filter(|&s| {
        block_of(s).is_some_and(|b| {
            let block = &prose.blocks[b];
            b == q.block
                || (b + 1 == q.block
                    && block.kind != BlockKind::Heading
                    && block.sentences.len() == 1)
        })
    });
    let after =
        Some(last + 1).filter(|&s| s < prose.sentences.len() && block_of(s) == Some(q.block));
    (opens && before.is_some_and(|s| opens_with_someone(prose, scan, s, true)))
        || (closes && after.is_some_and(|s| opens_with_someone(prose, scan, s, false)))
}

/// Whether a sentence opens, outside quotation marks, with someone, and
/// (when `alone`) names no other person: a sentence before a quotation that
/// names two people ("Salonen met Tamm.") leaves open whose words come
/// next. The sentence after a quotation is its speaker's action ("Ruiz
/// turned to Tamm."), whoever else it names.
fn opens_with_someone(prose: &Prose, scan: &Scan<'_>, s: usize, alone: bool) -> bool {
    let sentence = &prose.sentences[s];
    let Some(k) = prose.tokens[sentence.tokens.clone()]
        .iter()
        .position(|t| t.kind == TokenKind::Word)
    else {
        return false;
    };
    let t = sentence.tokens.start + k;
    let token = &prose.tokens[t];
    if token.in_quote {
        return false;
    }
    let word = prose.slice(token.word);
    let subject = if ["he", "she", "they"]
        .iter()
        .any(|p| word.eq_ignore_ascii_case(p))
    {
        if !scan.antecedent_possible(t) {
            return false;
        }
        None
    } else {
        match actor_named_at(scan, token.span.start) {
            Some(actor) => Some(actor),
            None => return false,
        }
    };
    if !alone {
        return true;
    }
    let actors = scan.actors();
    let span = sentence.span;
    let first = actors
        .mentions
        .partition_point(|m| m.span.start < span.start);
    actors.mentions[first..]
        .iter()
        .take_while(|m| m.span.start < span.end)
        .filter_map(|m| m.actor())
        .all(|a| Some(a) == subject || actors.actors[a].kind != ActorKind::Person)
}

/// The actor of a mention starting at `offset`, if the actor model knows one.
fn actor_named_at(scan: &Scan<'_>, offset: usize) -> Option<usize> {
    let actors = scan.actors();
    actors.mention_at(offset).and_then(|m| {
        let mention = &actors.mentions[m];
        (mention.span.start == offset)
            .then(|| mention.actor())
            .flatten()
    })
}

/// A quotation opening the first paragraph under a headline that opens with
/// someone's name and a colon ("Ana Ruiz: ‘We lost the vote’"): the
/// headline's way of saying who speaks. The headline is a heading, or the
/// document's first paragraph (one ending in a full stop is not shaped
/// like a heading).
pub(super) fn headline_speaker(prose: &Prose, scan: &Scan<'_>, q: &Quotation) -> bool {
    let Some(above) = q.block.checked_sub(1) else {
        return false;
    };
    let block = &prose.blocks[above];
    let text = prose.slice(block.span);
    let lead = text.len() - text.trim_start().len();
    // Only white space before it: trimmed from the front, so the cost is
    // that of the white space, not of the paragraph.
    let opens_block = prose.text[prose.blocks[q.block].span.start..q.span.start]
        .trim_start()
        .is_empty();
    (block.kind == BlockKind::Heading || above == 0)
        && opens_block
        && text.split_once(':').is_some_and(|(head, _)| {
            let words = head.split_whitespace().count();
            (1..=LABEL_WORDS).contains(&words)
                && actor_named_at(scan, block.span.start + lead).is_some()
        })
}
