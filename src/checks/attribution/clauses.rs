//! Clauses: which clause of a sentence can source a claim, and where a
//! claim's clause ends, for the "Add a source" fix.
//!
//! Clauses are told apart at commas, semicolons, colons, dashes and
//! brackets; a subordinator ("after", "which", "that") makes the rest of its
//! clause subordinate.

use super::lexicon::{contains, Roles, LEXICON};
use super::scan::{is_between, Hit, Scan};
use crate::checks::Edit;
use crate::prose::TokenKind;
use crate::span::Span;

/// What the fix inserts; TK ("to come") is the newsroom mark for missing material.
const SOURCE_PLACEHOLDER: &str = "according to TK";

/// Whether the claim's sentence names its source. A source marker counts
/// when it stands in a clause that is not subordinate, or leads into the cue
/// in its own clause: "…, officials said", "…, according to the ministry" and
/// "officials who said the plan is expected to…" source a claim; "…, after he
/// appeared to suggest", "it is clear that voters want" and "Because they did
/// not respond, …" do not, nor does a verb after the claim that goes on to
/// report something else ("While the bill is expected to pass, the mayor
/// warned that…").
pub(super) fn sourced(
    scan: &Scan<'_>,
    sentence: usize,
    cue: Span,
    clauses: &mut SentenceClauses,
) -> bool {
    let prose = scan.prose;
    let s = &prose.sentences[sentence];
    let clauses = clauses.of(scan, sentence);
    let clause_of = |offset: usize| {
        let i = prose.tokens[s.tokens.clone()].partition_point(|t| t.span.start < offset);
        clauses.get(i).copied().unwrap_or_default()
    };
    let (cue_clause, _) = clause_of(cue.start);
    if content_of_a_speaker(scan, s.tokens.clone(), cue) {
        return true;
    }
    scan.hits_in(s.span).iter().any(|hit| {
        let (clause, subordinate) = clause_of(hit.span.start);
        let leads_into_cue = clause == cue_clause && hit.span.end <= cue.start;
        // "…, and aides say she will run", "seemed taken aback and
        // mentioned that …": a verb after the claim, in a clause of its
        // own or joined on with "and", says what its content is.
        let own_content_follows = hit.span.start >= cue.end
            && (clause != cue_clause || joined_between(scan, cue, hit))
            && introduces_content(scan, hit);
        // "The council wants to cut the toll, and the plan is expected to
        // pass": a wish or belief in an earlier clause governs its own
        // infinitive, not the claim in the next.
        let own_infinitive_before =
            clause != cue_clause && hit.span.end <= cue.start && takes_infinitive(scan, hit);
        let describes_a_noun =
            clause == cue_clause && hit.span.start >= cue.end && reduced_relative(scan, hit);
        let talked_about = clause == cue_clause
            && only_a_statement(hit)
            && (hit.span.start >= cue.end || judged_statement(scan, s.tokens.clone(), hit, cue));
        // "…is expected to win and, if he follows custom, will thank them
        // during his speech": a statement named after the claim as an
        // occasion is when something happens, not who makes the claim.
        let an_occasion_after =
            only_a_statement(hit) && hit.span.start >= cue.end && occasion(scan, hit);
        !cue.covers(hit.span)
            && !by_some_means(scan, hit)
            && (leads_into_cue || !subordinate)
            && !own_content_follows
            && !own_infinitive_before
            && !describes_a_noun
            && !talked_about
            && !an_occasion_after
            && scan.is_marker(hit)
    })
}

/// Whether "and" or "but" stands between the cue and a later hit in its
/// sentence, among the few words before the hit: the hit's verb is one of a
/// pair, with its own object.
fn joined_between(scan: &Scan<'_>, cue: Span, hit: &Hit) -> bool {
    scan.prev_words(hit.tokens.start)
        .take(SUBJECT_WORDS)
        .take_while(|&p| scan.token(p).span.start >= cue.end)
        .any(|p| scan.word_is(Some(p), "and") || scan.word_is(Some(p), "but"))
}

/// "responded by closing the gate", "answered by abruptly walking out": a
/// verb of saying for an act done by some means ("by", perhaps an adverb,
/// and an -ing form), with no statement that could source a claim.
fn by_some_means(scan: &Scan<'_>, hit: &Hit) -> bool {
    if !hit.roles.has(Roles::REPORTING)
        || hit
            .roles
            .has(Roles::PHRASE.or(Roles::SPOKESPERSON).or(Roles::AGENCY))
    {
        return false;
    }
    let Some(by) = word_after_adverbs(scan, hit).filter(|&n| scan.word_is(Some(n), "by")) else {
        return false;
    };
    let mut means = scan.next_word(by);
    if let Some(adverb) = means.filter(|&m| is_between(scan.word(m))) {
        means = scan.next_word(adverb);
    }
    means.is_some_and(|m| scan.word(m).to_ascii_lowercase().ends_with("ing"))
}

/// A statement named by a noun ("his comments", "Ruiz's memo") and by
/// nothing that speaks: after the cue in its clause it is what the claim is
/// about ("appears to contradict Ruiz's comments"), not who makes it.
fn only_a_statement(hit: &Hit) -> bool {
    hit.roles.has(Roles::NOUN)
        && !hit.roles.has(
            Roles::PHRASE
                .or(Roles::SPOKESPERSON)
                .or(Roles::AGENCY)
                .or(Roles::REPORTING),
        )
}

/// A statement noun after "during" or "at", perhaps with an owner and a
/// modifier between: "during his acceptance speech", "at a rally".
fn occasion(scan: &Scan<'_>, hit: &Hit) -> bool {
    scan.prev_words(hit.tokens.start)
        .take(3)
        .any(|p| scan.word_is(Some(p), "during") || scan.word_is(Some(p), "at"))
}

/// How many words may stand between a statement and the cue it is the
/// subject of ("Thursday's memo from the panel seemed aimed at").
const SUBJECT_REACH: usize = 6;

/// A statement that is the subject of the cue: what is judged, not who
/// judges ("Ruiz's memo seemed aimed at", "his story, however, seemed
/// wasted"). Not one after a preposition ("In his statement, the plan
/// appears…"), which places the claim in the statement.
fn judged_statement(scan: &Scan<'_>, tokens: std::ops::Range<usize>, hit: &Hit, cue: Span) -> bool {
    let words = |from: usize, to: usize| {
        tokens.clone().filter(move |&t| {
            let token = scan.token(t);
            token.kind == TokenKind::Word && from <= token.span.start && token.span.end <= to
        })
    };
    let sentence_start = scan.token(tokens.start).span.start;
    let placed = words(sentence_start, hit.span.start)
        .any(|t| contains(&LEXICON.prepositions, scan.word(t)));
    let between: Vec<usize> = words(hit.span.end, cue.start).collect();
    hit.span.end <= cue.start
        && !placed
        && between.len() <= SUBJECT_REACH
        && !between.iter().any(|&t| scan.hit_at(t).is_some())
}

/// Whether the cue stands in a "that" clause whose verb has a subject of its
/// own, whatever the verb: "Fitton charged that the papers appeared to
/// contradict…", "the suit contends that…". What follows "that" is that
/// subject's account. The verb is a listed reporting verb or any past form
/// (-ed) that is not a passive ("it was reported that" has no subject) nor
/// itself a claim cue.
fn content_of_a_speaker(scan: &Scan<'_>, tokens: std::ops::Range<usize>, cue: Span) -> bool {
    for t in tokens {
        let token = scan.token(t);
        if token.span.start >= cue.start {
            return false;
        }
        if token.in_quote
            || !scan.word(t).eq_ignore_ascii_case("that")
            || !opens_clause_after(scan, t)
        {
            continue;
        }
        let Some(verb) = scan.prev_word(t) else {
            continue;
        };
        let word = scan.word(verb);
        let hit = scan.hit_covering(verb);
        let past = word.len() > 3 && word.ends_with("ed") && !scan.token(verb).capitalised;
        let reporting = hit.is_some_and(|h| h.roles.has(Roles::REPORTING));
        // "speculation swirled that": a listed word that is not a reporting
        // verb (talk spreading on its own) has no speaker.
        let other_word = hit.is_some_and(|h| !h.roles.has(Roles::REPORTING));
        if !(past || reporting) || other_word {
            continue;
        }
        let (subject, _) = scan.before_between(verb);
        // "Tom Fitton, the president of Judicial Watch, charged that": the
        // subject ends before an appositive's comma.
        let after_appositive =
            subject.is_none() && verb > 0 && scan.prose.slice(scan.token(verb - 1).span) == ",";
        let has_subject = after_appositive
            || subject.is_some_and(|s| {
                let w = scan.word(s);
                !scan.is_be(s)
                    && !contains(&LEXICON.determiners, w)
                    && !contains(&LEXICON.prepositions, w)
                    && !w.eq_ignore_ascii_case("it")
            });
        if has_subject {
            return true;
        }
    }
    false
}

/// Whether the word after "that" at `t` starts a clause (a determiner, a
/// pronoun, a name, a number, "there"), so "that" is a conjunction rather
/// than a demonstrative ("propelled that increase").
fn opens_clause_after(scan: &Scan<'_>, t: usize) -> bool {
    scan.next_word(t).is_some_and(|n| {
        let token = scan.token(n);
        let word = scan.word(n);
        token.capitalised
            || token.kind == TokenKind::Number
            || contains(&LEXICON.determiners, word)
            || contains(&LEXICON.pronouns, word)
            || contains(&LEXICON.personal, word)
            || word.eq_ignore_ascii_case("there")
    })
}

/// "has reportedly drawn fire from a group demanding a boycott": an -ing
/// form right after a lowercase noun describes what that noun is doing. It
/// is no source for a claim earlier in its clause ("with Beijing saying"
/// and "were saying" are other readings).
fn reduced_relative(scan: &Scan<'_>, hit: &Hit) -> bool {
    let t = hit.tokens.start;
    if !scan.word(t).ends_with("ing") {
        return false;
    }
    scan.prev_word(t).is_some_and(|p| {
        let word = scan.word(p);
        let token = scan.token(p);
        token.kind == TokenKind::Word
            && !token.capitalised
            && !token.possessive()
            && !scan.is_be(p)
            && !is_between(word)
            && scan.hit_covering(p).is_none()
            && !contains(&LEXICON.prepositions, word)
            && !contains(&LEXICON.pronouns, word)
            && !contains(&LEXICON.personal, word)
            && !contains(&LEXICON.determiners, word)
            && !contains(&LEXICON.coordinators, word)
            && !contains(&LEXICON.subordinators, word)
    })
}

/// A reporting verb followed at once by what it reports: "warned that", "did
/// not want to remain". Such a verb, in a clause after the claim's, reports
/// its own content, not the claim: in "When the diagnosis was confirmed, she
/// did not want to stay", no one is named as confirming it.
fn introduces_content(scan: &Scan<'_>, hit: &Hit) -> bool {
    let next = word_after_adverbs(scan, hit);
    let told = hit.roles.has(Roles::REPORTING) && that_after_addressee(scan, next);
    scan.word_is(next, "that") || takes_infinitive(scan, hit) || told || clause_follows(scan, hit)
}

/// How many words a speaker may take between "and" and the verb ("and two
/// of the mayor's aides say").
const SUBJECT_WORDS: usize = 6;

/// How many words after a verb of saying its content clause may take to
/// show its own verb ("aides say the new mayor will").
const CLAUSE_REACH: usize = 5;

/// "…, and aides say she will run again", "but officials believe the pier
/// could fall": a verb of saying or believing in a clause joined on with
/// "and" or "but", followed by a clause of its own with no "that", known by
/// a subject pronoun right after the verb or by a form of "be" or an
/// auxiliary a few words on, before any punctuation or preposition. Not a
/// tag ("…, aides said on Tuesday."), nor a speaker whose clause is the main
/// one ("When the plan was revealed, the mayor said she was ashamed").
fn clause_follows(scan: &Scan<'_>, hit: &Hit) -> bool {
    const SUBJECTS: [&str; 5] = ["he", "she", "they", "we", "i"];
    const AUXILIARIES: [&str; 12] = [
        "will", "would", "could", "can", "may", "might", "should", "must", "has", "have", "had",
        "won't",
    ];
    let coordinated = scan
        .prev_words(hit.tokens.start)
        .take(SUBJECT_WORDS)
        .any(|p| contains(&LEXICON.coordinators, scan.word(p)));
    if !hit.roles.has(Roles::SPEECH.or(Roles::BELIEF)) || !coordinated {
        return false;
    }
    let Some(first) = word_after_adverbs(scan, hit) else {
        return false;
    };
    if SUBJECTS.iter().any(|w| scan.word_is(Some(first), w)) {
        return true;
    }
    let mut at = first;
    for _ in 0..CLAUSE_REACH {
        let word = scan.word(at);
        if scan.is_be(at) || AUXILIARIES.iter().any(|w| word.eq_ignore_ascii_case(w)) {
            return true;
        }
        if contains(&LEXICON.prepositions, word) || contains(&LEXICON.subordinators, word) {
            return false;
        }
        match scan.next_word(at) {
            Some(n) if n == at + 1 => at = n,
            _ => return false,
        }
    }
    false
}

/// A verb of belief or wish with "to" after it: "wants to", "hopes to",
/// "is thought to"; or a verb of commitment with an infinitive of its own
/// ("pledged to help", "vowed to fight", "threatened to leave"), not an
/// addressee ("promised to the crowd").
fn takes_infinitive(scan: &Scan<'_>, hit: &Hit) -> bool {
    // Commissive verbs: what they commit to is their infinitive.
    const COMMITMENTS: [&str; 8] = [
        "pledge", "promis", "vow", "threat", "agree", "declin", "refus", "swor",
    ];
    let to = word_after_adverbs(scan, hit).filter(|&n| scan.word_is(Some(n), "to"));
    let Some(to) = to else {
        return false;
    };
    if hit.roles.has(Roles::BELIEF.or(Roles::DESIRE)) {
        return true;
    }
    let verb = scan.next_word(to).filter(|&v| {
        let token = scan.token(v);
        let word = scan.word(v);
        token.kind == TokenKind::Word
            && !token.capitalised
            && !contains(&LEXICON.determiners, word)
            && !contains(&LEXICON.personal, word)
    });
    let word = scan.prose.slice(hit.span).to_ascii_lowercase();
    COMMITMENTS.iter().any(|c| word.starts_with(c)) && verb.is_some()
}

/// The first word after a hit that is not an auxiliary or adverb.
fn word_after_adverbs(scan: &Scan<'_>, hit: &Hit) -> Option<usize> {
    let mut next = scan.next_word(hit.tokens.end - 1);
    while let Some(n) = next.filter(|&n| is_between(scan.word(n))) {
        next = scan.next_word(n);
    }
    next
}

/// How many words an addressee may take between a reporting verb and its
/// "that" ("told the Associated Press that").
const ADDRESSEE_WORDS: usize = 4;

/// "told the AP that", "assured voters that": "that" after the few words of
/// an addressee, with no punctuation between, opens the verb's own content.
fn that_after_addressee(scan: &Scan<'_>, first: Option<usize>) -> bool {
    let Some(mut at) = first else {
        return false;
    };
    for _ in 0..ADDRESSEE_WORDS {
        let Some(next) = scan.next_word(at).filter(|&n| n == at + 1) else {
            return false;
        };
        if scan.word_is(Some(next), "that") {
            return true;
        }
        at = next;
    }
    false
}

fn is_clause_break(scan: &Scan<'_>, t: usize) -> bool {
    let token = scan.token(t);
    token.kind == TokenKind::Punct
        && !token.in_quote
        && matches!(
            scan.prose.slice(token.span),
            "," | ";" | ":" | "—" | "–" | "(" | ")"
        )
}

/// Whether a clause break stands between an offset and later ones, asked
/// in increasing order: each token is read once, however many are asked.
pub(super) struct ClauseBreaks {
    /// The next token to read.
    next: usize,
    found: bool,
}

impl ClauseBreaks {
    pub(super) fn after(scan: &Scan<'_>, from: usize) -> ClauseBreaks {
        ClauseBreaks {
            next: scan.prose.tokens.partition_point(|t| t.span.start < from),
            found: false,
        }
    }

    /// Whether a break stands between the offset and `to`.
    pub(super) fn before(&mut self, scan: &Scan<'_>, to: usize) -> bool {
        let end = scan.prose.tokens.partition_point(|t| t.span.start < to);
        while !self.found && self.next < end {
            self.found = is_clause_break(scan, self.next);
            self.next += 1;
        }
        self.found
    }
}

/// The clauses of the last sentence asked, kept while the claims of one
/// sentence are asked about in turn.
#[derive(Default)]
pub(super) struct SentenceClauses {
    sentence: Option<usize>,
    clauses: Vec<(usize, bool)>,
}

impl SentenceClauses {
    /// For each token of the sentence: the number of its clause, and whether
    /// it stands in a subordinate clause.
    fn of(&mut self, scan: &Scan<'_>, sentence: usize) -> &[(usize, bool)] {
        if self.sentence != Some(sentence) {
            self.sentence = Some(sentence);
            let prose = scan.prose;
            let tokens = prose.sentences[sentence].tokens.clone();
            self.clauses.clear();
            self.clauses.reserve(tokens.len());
            let mut clause = 0;
            let mut subordinate = false;
            for t in tokens {
                let token = &prose.tokens[t];
                if is_clause_break(scan, t) {
                    clause += 1;
                    subordinate = false;
                } else if token.kind != TokenKind::Punct
                    && !token.in_quote
                    && contains(&LEXICON.subordinators, prose.slice(token.word))
                {
                    subordinate = true;
                }
                self.clauses.push((clause, subordinate));
            }
        }
        &self.clauses
    }
}

/// The "Add a source" edit: ", according to TK" at the end of the clause that
/// holds the claim — before a semicolon, colon, dash or bracket, before a comma
/// that opens a new clause (", after hosting…", ", and Norway is…"), or at the
/// end of the sentence.
pub(super) fn add_source(scan: &Scan<'_>, sentence: usize, cue_end: usize) -> Edit {
    let prose = scan.prose;
    let s = &prose.sentences[sentence];
    let insert = |at: usize| Edit {
        span: Span::new(at, at),
        replacement: format!(", {SOURCE_PLACEHOLDER}"),
    };
    let first =
        prose.tokens[s.tokens.clone()].partition_point(|t| t.span.end <= cue_end) + s.tokens.start;
    for k in first..s.tokens.end {
        let token = &prose.tokens[k];
        if token.kind != TokenKind::Punct || token.in_quote {
            continue;
        }
        let at = token.span.start;
        match prose.slice(token.span) {
            ";" | ":" | "—" | "–" | "(" => return insert(at),
            "-" if prose.text[..at].ends_with(' ') => return insert(at),
            "," if opens_clause(scan, k) => return insert(at),
            _ => {}
        }
    }
    end_of_sentence(prose.slice(s.span), s.span)
}

/// Whether the comma at token `k` opens a new clause.
fn opens_clause(scan: &Scan<'_>, k: usize) -> bool {
    let Some(next) = scan.next_word(k) else {
        return false;
    };
    let word = scan.word(next);
    if contains(&LEXICON.clause_breaks, word) {
        return true;
    }
    contains(&LEXICON.coordinators, word)
        && scan.next_word(next).is_some_and(|subject| {
            scan.token(subject).capitalised || contains(&LEXICON.pronouns, scan.word(subject))
        })
}

/// The edit at the end of a sentence: before its final punctuation, which moves
/// outside a closing quotation mark (`"a win."` becomes `"a win," according to TK.`).
fn end_of_sentence(text: &str, span: Span) -> Edit {
    let without_closers = text.trim_end_matches(is_closer);
    let body = without_closers.trim_end_matches(['.', '!', '?', '…']);
    let terminator = &without_closers[body.len()..];
    let closers = &text[without_closers.len()..];
    if terminator.is_empty() {
        let at = span.start + text.len();
        return Edit {
            span: Span::new(at, at),
            replacement: format!(", {SOURCE_PLACEHOLDER}"),
        };
    }
    if closers.is_empty() || terminator != "." {
        let at = span.start + body.len();
        return Edit {
            span: Span::new(at, at),
            replacement: format!(", {SOURCE_PLACEHOLDER}"),
        };
    }
    Edit {
        span: Span::new(span.start + body.len(), span.end),
        replacement: format!(",{closers} {SOURCE_PLACEHOLDER}."),
    }
}

/// Whether the sentence before, in the same paragraph, ends with its
/// speaker as a tag ("…, said Sgt. Ana Ruiz of the county police."): the
/// next sentence carries on that speaker's account ("The man is described
/// as wearing a grey coat."). Reads the sentence before once.
pub(super) fn continues_an_account(scan: &Scan<'_>, sentence: usize) -> bool {
    let prose = scan.prose;
    let Some(previous) = sentence.checked_sub(1) else {
        return false;
    };
    let (before, this) = (&prose.sentences[previous], &prose.sentences[sentence]);
    if before.block != this.block {
        return false;
    }
    let Some(marker) = scan
        .hits_in(before.span)
        .iter()
        .rev()
        .find(|h| scan.is_marker(h))
    else {
        return false;
    };
    // A tag: the speaker's clause opens after a comma and closes the
    // sentence with at most the speaker's name and description after the
    // verb, not a clause of its own ("the mayor warned that …").
    let tagged = prose.text[before.span.start..marker.span.start].contains(',');
    let after = &prose.text[marker.span.end..before.span.end];
    let words = after.split_whitespace().count();
    let reports = after
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w.eq_ignore_ascii_case("that"));
    tagged
        && words <= TAG_WORDS
        && !reports
        && !ClauseBreaks::after(scan, marker.span.end).before(scan, before.span.end)
}

/// The most words a speech tag has after its verb ("said Sgt. Ana Ruiz of
/// the county police").
const TAG_WORDS: usize = 10;

pub(super) fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
}
