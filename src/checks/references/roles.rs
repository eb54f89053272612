//! People the article never names, described by their role at an
//! organisation: "a spokesman for the Riverside Mall", later "the Riverside
//! Mall spokeswoman". Two descriptions of one organisation's role that name
//! a man and a woman cannot both be right.

use super::layout::Layout;
use super::line;
use super::offices::{self, Sex};
use crate::checks::{Context, Edit, Finding, RelatedLocation, RuleInfo, Severity};
use crate::hashing::FastMap;
use crate::prose::{BlockKind, BlockMemo, Prose, TokenKind};
use crate::span::Span;

/// Words that tie a role to the organisation after it: "a spokesman for".
const TIES: [&str; 3] = ["for", "of", "at"];
const ARTICLES: [&str; 3] = ["the", "a", "an"];

/// A role word that names its holder's sex, with its organisation.
struct Described {
    word: Span,
    sex: Sex,
}

/// A block's words that name a role and its holder's sex: each word's
/// token, counted from the block's first, with the office and the sex. They
/// depend on the block's text alone, so they are kept by block between
/// analyses, and an edit looks again only at the blocks it changes.
type RoleWords = Box<[(u32, &'static str, Sex)]>;

/// The role words of each block of the latest analysis, by block key.
pub type RolesMemo = BlockMemo<RoleWords>;

fn role_words(prose: &Prose, tokens: std::ops::Range<usize>) -> RoleWords {
    let first = tokens.start;
    tokens
        .filter_map(|i| {
            let t = &prose.tokens[i];
            if t.kind != TokenKind::Word {
                return None;
            }
            let (office, sex) = offices::gendered_form(prose.slice(t.word))?;
            Some((u32::try_from(i - first).ok()?, office, sex))
        })
        .collect()
}

/// Flags the later of two descriptions of one organisation's role that
/// name the holder's sex differently.
pub(super) fn unnamed(
    ctx: &Context<'_>,
    layout: &Layout,
    rule: &'static RuleInfo,
    out: &mut Vec<Finding>,
) {
    let prose = ctx.prose;
    let mut fresh = RolesMemo::default();
    let mut kept = ctx.memo.map(|m| m.roles.borrow_mut());
    let memo = kept.as_deref_mut().unwrap_or(&mut fresh);
    let mut seen: FastMap<(String, &'static str), Described> = FastMap::default();
    for block in &prose.blocks {
        if block.kind == BlockKind::Heading || !layout.in_body(block.span.start) {
            continue;
        }
        let words = memo.get_or_make(block.key, || role_words(prose, block.tokens.clone()));
        let sentences = &prose.sentences[block.sentences.clone()];
        for &(offset, office, sex) in words.iter() {
            let i = block.tokens.start + offset as usize;
            let Some(sentence) = sentences.iter().find(|s| s.tokens.contains(&i)) else {
                continue;
            };
            let tokens = sentence.tokens.clone();
            let t = &prose.tokens[i];
            if t.in_quote {
                continue;
            }
            // A role before a name, or inside a named person's reference,
            // is the title rules' business.
            let named = i + 1 < tokens.end
                && prose.tokens[i + 1].capitalised
                && prose.tokens[i + 1].kind == TokenKind::Word;
            if named
                || ctx
                    .actors
                    .mention_at(t.word.start)
                    .is_some_and(|m| ctx.actors.mentions[m].form != crate::actors::Form::Name)
            {
                continue;
            }
            let Some(org) = organisation(ctx, tokens.clone(), i) else {
                continue;
            };
            let key = (org, office);
            match seen.get(&key) {
                None => {
                    seen.insert(key, Described { word: t.word, sex });
                }
                Some(first) if first.sex != sex => {
                    out.push(clash(ctx, rule, first, t.word, office, &key.0));
                }
                Some(_) => {}
            }
        }
    }
    memo.finish();
}

/// The organisation a role word belongs to: the capitalised words just
/// before it ("the Riverside Mall spokeswoman") or after "for", "of" or "at"
/// ("a spokesman for the Riverside Mall"), lowercase.
fn organisation(ctx: &Context<'_>, tokens: std::ops::Range<usize>, i: usize) -> Option<String> {
    let prose = ctx.prose;
    let capital = |k: usize| {
        let t = &prose.tokens[k];
        t.kind == TokenKind::Word
            && t.capitalised
            && !ARTICLES.contains(&prose.slice(t.word).to_lowercase().as_str())
    };
    let join = |range: std::ops::Range<usize>| {
        range
            .map(|k| prose.slice(prose.tokens[k].word).to_lowercase())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut start = i;
    while start > tokens.start && capital(start - 1) {
        start -= 1;
    }
    if start < i {
        return Some(join(start..i));
    }
    let tie = i + 1;
    if tie >= tokens.end
        || !TIES.contains(&prose.slice(prose.tokens[tie].word).to_lowercase().as_str())
    {
        return None;
    }
    let mut first = tie + 1;
    if first < tokens.end
        && ARTICLES.contains(
            &prose
                .slice(prose.tokens[first].word)
                .to_lowercase()
                .as_str(),
        )
    {
        first += 1;
    }
    let mut end = first;
    while end < tokens.end && capital(end) {
        end += 1;
    }
    (end > first).then(|| join(first..end))
}

fn clash(
    ctx: &Context<'_>,
    rule: &'static RuleInfo,
    first: &Described,
    here: Span,
    office: &str,
    org: &str,
) -> Finding {
    let said = ctx.prose.slice(first.word).to_string();
    let written = ctx.prose.slice(here).to_string();
    let mut finding = Finding::new(
        rule,
        here,
        format!(
            "'{written}' here, '{said}' on line {}: the same role at {}, described as a man and as a woman",
            line(ctx, first.word.start),
            title_case(org)
        ),
    )
    .with_severity(Severity::Warning)
    .with_related(RelatedLocation::Here(first.word), format!("'{said}' here"))
    .with_fix(
        format!("Use '{said}'"),
        vec![Edit {
            span: here,
            replacement: said.clone(),
        }],
    );
    if offices::form_office(office).is_some_and(|(_, sex)| sex.is_none()) && !office.contains(' ') {
        finding = finding.with_fix(
            format!("Use '{office}'"),
            vec![Edit {
                span: here,
                replacement: office.to_string(),
            }],
        );
    }
    finding
}

fn title_case(words: &str) -> String {
    words
        .split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}
