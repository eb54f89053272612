//! Documents to learn names from: their text, rebuilt from the corpus's
//! tokens, and the gold names in it as byte spans with their kind. Two
//! formats: CoNLL-U with GUM's entity annotation, and IOB2 (Universal NER).
//! The caller reads the files; nothing here touches the disk.

use super::NameKind;
use crate::span::Span;

/// A document and its gold names.
#[derive(Clone, Debug, Default)]
pub struct GoldDoc {
    pub id: String,
    pub text: String,
    /// Sorted, never overlapping.
    pub names: Vec<(Span, NameKind)>,
}

/// One word of a CoNLL-U document.
#[derive(Clone, Debug)]
struct Word {
    span: Span,
    form: String,
    xpos: String,
    /// The document-wide index of the head, `None` for the root.
    head: Option<usize>,
}

/// An entity mention: words `first..=last`, and GUM's entity type.
#[derive(Clone, Debug)]
struct EntityMention {
    first: usize,
    last: usize,
    kind: String,
}

#[derive(Default)]
struct ConlluDoc {
    id: String,
    text: String,
    words: Vec<Word>,
    mentions: Vec<EntityMention>,
    /// Open mentions: entity id, first word, type.
    open: Vec<(String, usize, String)>,
}

/// Reads the documents of a CoNLL-U file. Given the file's text as it is
/// published (`text`, for a file of one document), each token is found in
/// it; otherwise the text is rebuilt: paragraphs (`# newpar`) separated by
/// a blank line, sentences of a paragraph by a space, tokens as
/// `SpaceAfter=No` says. Names: each entity mention headed by a proper
/// noun gives the run of proper nouns around its head (with joining words
/// such as "of" between them); mentions are taken longest first, and a run
/// that overlaps one already taken is dropped.
pub fn read_conllu(src: &str, text: Option<&str>) -> Vec<GoldDoc> {
    let mut docs = Vec::new();
    let mut doc = ConlluDoc::default();
    let mut cursor = 0;
    let mut new_paragraph = false;
    let mut sentence_base = 0usize;
    let mut space_pending = false;
    // A multi-word token: its last word id, and its span.
    let mut multiword: Option<(usize, Span)> = None;
    for line in src.lines() {
        if let Some(id) = line.strip_prefix("# newdoc id = ") {
            if !doc.words.is_empty() {
                docs.push(finish(std::mem::take(&mut doc)));
            }
            doc.id = id.trim().to_string();
            if let Some(text) = text {
                doc.text = text.to_string();
            }
            cursor = 0;
            sentence_base = 0;
            space_pending = false;
            continue;
        }
        if line.trim() == "# newpar" || line.starts_with("# newpar ") {
            new_paragraph = true;
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        if line.trim().is_empty() {
            sentence_base = doc.words.len();
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 10 {
            continue;
        }
        let first_of_sentence = doc.words.len() == sentence_base && multiword.is_none();
        if first_of_sentence && text.is_none() && !doc.text.is_empty() {
            if new_paragraph {
                doc.text.truncate(doc.text.trim_end().len());
                doc.text.push_str("\n\n");
            } else if !doc.text.ends_with(char::is_whitespace) {
                doc.text.push(' ');
            }
            space_pending = false;
        }
        new_paragraph = false;
        let space_after = !cols[9].split('|').any(|f| f == "SpaceAfter=No");
        if let Some((a, b)) = cols[0].split_once('-') {
            // A multi-word token: the surface form is written once.
            let (Ok(_), Ok(last)) = (a.parse::<usize>(), b.parse::<usize>()) else {
                continue;
            };
            let span = match text {
                Some(t) => find_form(t, cols[1], &mut cursor),
                None => push_form(&mut doc.text, cols[1], &mut space_pending, space_after),
            };
            multiword = Some((last, span));
            continue;
        }
        if cols[0].contains('.') {
            continue;
        }
        let Ok(id) = cols[0].parse::<usize>() else {
            continue;
        };
        let span = match multiword {
            Some((last, span)) => {
                if id >= last {
                    multiword = None;
                }
                span
            }
            None => match text {
                Some(t) => find_form(t, cols[1], &mut cursor),
                None => push_form(&mut doc.text, cols[1], &mut space_pending, space_after),
            },
        };
        let head = cols[6]
            .parse::<usize>()
            .ok()
            .filter(|&h| h > 0)
            .map(|h| sentence_base + h - 1);
        let index = doc.words.len();
        doc.words.push(Word {
            span,
            form: cols[1].to_string(),
            xpos: cols[4].to_string(),
            head,
        });
        if let Some(entity) = cols[9].split('|').find_map(|f| f.strip_prefix("Entity=")) {
            entities(&mut doc, entity, index);
        }
    }
    if !doc.words.is_empty() {
        docs.push(finish(doc));
    }
    docs
}

fn push_form(text: &mut String, form: &str, space_pending: &mut bool, space_after: bool) -> Span {
    if *space_pending {
        text.push(' ');
    }
    let start = text.len();
    text.push_str(form);
    *space_pending = space_after;
    Span::new(start, text.len())
}

/// Where a token's form is in the published text, from `cursor` on (an
/// empty span at the cursor if it is not found nearby).
fn find_form(text: &str, form: &str, cursor: &mut usize) -> Span {
    let rest = text.get(*cursor..).unwrap_or("");
    let window = rest.len().min(form.len() + 200);
    let window = (window..=rest.len())
        .find(|&w| rest.is_char_boundary(w))
        .unwrap_or(rest.len());
    match rest[..window].find(form) {
        Some(at) => {
            let start = *cursor + at;
            *cursor = start + form.len();
            Span::new(start, *cursor)
        }
        None => Span::new(*cursor, *cursor),
    }
}

/// Reads GUM's bracketed entity field of one word: "(6-person-new-…" opens
/// entity 6, "6)" closes it, "(7-abstract-…)" is a one-word mention.
fn entities(doc: &mut ConlluDoc, field: &str, word: usize) {
    let bytes = field.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'(' {
            let start = i + 1;
            let mut j = start;
            while j < bytes.len() && bytes[j] != b'(' && bytes[j] != b')' {
                j += 1;
            }
            let content = &field[start..j];
            let mut parts = content.split('-');
            let id = parts.next().unwrap_or("").to_string();
            let kind = parts.next().unwrap_or("").to_string();
            if j < bytes.len() && bytes[j] == b')' {
                doc.mentions.push(EntityMention {
                    first: word,
                    last: word,
                    kind,
                });
                j += 1;
            } else {
                doc.open.push((id, word, kind));
            }
            i = j;
        } else if bytes[i].is_ascii_digit() {
            let start = i;
            while i < bytes.len() && bytes[i] != b')' {
                i += 1;
            }
            let id = &field[start..i];
            if let Some(pos) = doc.open.iter().rposition(|(open, _, _)| open == id) {
                let (_, first, kind) = doc.open.remove(pos);
                doc.mentions.push(EntityMention {
                    first,
                    last: word,
                    kind,
                });
            }
            i += 1;
        } else {
            i += 1;
        }
    }
}

fn proper(word: &Word) -> bool {
    matches!(word.xpos.as_str(), "NNP" | "NNPS")
}

/// Whether a word joins the proper nouns of one name: "of" and particles;
/// "and" only inside an organisation's name ("Procter and Gamble"), as
/// elsewhere it joins two names ("Carrano and Biewener").
fn joins(word: &Word, organisation: bool) -> bool {
    matches!(
        word.form.as_str(),
        "of" | "de"
            | "the"
            | "von"
            | "van"
            | "der"
            | "da"
            | "di"
            | "du"
            | "la"
            | "le"
            | "del"
            | "bin"
            | "al"
            | "-"
    ) || organisation && matches!(word.form.as_str(), "and" | "&")
}

/// The word a mention is about: the one whose head lies outside it.
fn head_of(words: &[Word], m: &EntityMention) -> Option<usize> {
    let inside = |w: usize| m.first <= w && w <= m.last;
    (m.first..=m.last).find(|&w| words[w].head.is_none_or(|h| !inside(h)))
}

fn finish(doc: ConlluDoc) -> GoldDoc {
    let words = &doc.words;
    // Each head word takes the kind of the smallest mention it heads: in
    // "Lewis (2009)", a work, the name heads a person's mention too.
    let mut by_head: Vec<Option<&EntityMention>> = vec![None; words.len()];
    for m in &doc.mentions {
        let Some(head) = head_of(words, m) else {
            continue;
        };
        if by_head[head].is_none_or(|other| other.last - other.first > m.last - m.first) {
            by_head[head] = Some(m);
        }
    }
    let mut heads: Vec<(usize, &EntityMention)> = by_head
        .iter()
        .enumerate()
        .filter_map(|(h, m)| m.map(|m| (h, m)))
        .filter(|&(h, _)| proper(&words[h]))
        .collect();
    // Longer mentions first: "University of Portsmouth" before "Portsmouth".
    heads.sort_by_key(|(_, m)| std::cmp::Reverse(m.last - m.first));
    let mut taken = vec![false; words.len()];
    let mut names = Vec::new();
    for (head, m) in heads {
        let organisation = m.kind == "organization";
        let mut first = head;
        while first > m.first
            && (proper(&words[first - 1])
                || first >= m.first + 2
                    && joins(&words[first - 1], organisation)
                    && proper(&words[first - 2]))
        {
            first -= 1;
        }
        let mut last = head;
        while last < m.last
            && (proper(&words[last + 1])
                || last + 2 <= m.last
                    && joins(&words[last + 1], organisation)
                    && proper(&words[last + 2]))
        {
            last += 1;
        }
        if taken[first..=last].iter().any(|&t| t) {
            continue;
        }
        taken[first..=last].fill(true);
        let kind = match m.kind.as_str() {
            "person" if words[head].xpos == "NNPS" => NameKind::Other,
            "person" => NameKind::Person,
            "organization" => NameKind::Organisation,
            "place" => NameKind::Place,
            _ => NameKind::Other,
        };
        names.push((
            Span::new(words[first].span.start, words[last].span.end),
            kind,
        ));
    }
    names.sort_by_key(|(s, _)| s.start);
    GoldDoc {
        id: doc.id,
        text: doc.text,
        names,
    }
}

impl GoldDoc {
    /// Makes `people` (byte spans) the document's person names, in place of
    /// any names they overlap.
    pub fn set_people(&mut self, people: &[Span]) {
        self.names
            .retain(|(s, _)| !people.iter().any(|p| p.overlaps(*s)));
        self.names
            .extend(people.iter().map(|&p| (p, NameKind::Person)));
        self.names.sort_by_key(|(s, _)| s.start);
        self.names.dedup_by_key(|(s, _)| *s);
    }
}

/// Reads the documents of an IOB2 file with `# text =` lines (Universal
/// NER): each token is found in its sentence's text; the sentences of a
/// document are joined by spaces. PER, ORG and LOC become persons,
/// organisations and places.
pub fn read_iob2(src: &str) -> Vec<GoldDoc> {
    let mut docs = Vec::new();
    let mut doc = GoldDoc::default();
    let mut sentence = "";
    let mut base = 0;
    let mut cursor = 0;
    let mut open: Option<(Span, NameKind)> = None;
    let close = |open: &mut Option<(Span, NameKind)>, doc: &mut GoldDoc| {
        if let Some(name) = open.take() {
            doc.names.push(name);
        }
    };
    for line in src.lines() {
        if let Some(id) = line.strip_prefix("# newdoc id = ") {
            close(&mut open, &mut doc);
            if !doc.text.is_empty() {
                docs.push(std::mem::take(&mut doc));
            }
            doc.id = id.trim().to_string();
            continue;
        }
        if let Some(text) = line.strip_prefix("# text = ") {
            close(&mut open, &mut doc);
            if !doc.text.is_empty() {
                doc.text.push(' ');
            }
            base = doc.text.len();
            doc.text.push_str(text);
            sentence = text;
            cursor = 0;
            continue;
        }
        if line.starts_with('#') || line.trim().is_empty() {
            close(&mut open, &mut doc);
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 3 {
            continue;
        }
        let Some(at) = sentence.get(cursor..).and_then(|rest| rest.find(cols[1])) else {
            close(&mut open, &mut doc);
            continue;
        };
        let start = cursor + at;
        cursor = start + cols[1].len();
        let span = Span::new(base + start, base + cursor);
        let kind = match cols[2].get(2..) {
            Some("PER") => Some(NameKind::Person),
            Some("ORG") => Some(NameKind::Organisation),
            Some("LOC") => Some(NameKind::Place),
            _ => None,
        };
        match (cols[2].as_bytes().first(), kind, &mut open) {
            (Some(b'I'), Some(k), Some((s, open_kind))) if *open_kind == k => {
                *s = Span::new(s.start, span.end);
            }
            (_, Some(k), _) => {
                close(&mut open, &mut doc);
                open = Some((span, k));
            }
            _ => close(&mut open, &mut doc),
        }
    }
    close(&mut open, &mut doc);
    if !doc.text.is_empty() {
        docs.push(doc);
    }
    docs
}

#[cfg(test)]
mod tests {
    use super::*;

    const CONLLU: &str = "# newdoc id = doc_a
# newpar
# text = Dr Ana Ruiz visited the Bank of Lisbon.
1\tDr\tDr\tPROPN\tNNP\t_\t3\tcompound\t_\tEntity=(1-person-new
2\tAna\tAna\tPROPN\tNNP\t_\t3\tflat\t_\t_
3\tRuiz\tRuiz\tPROPN\tNNP\t_\t4\tnsubj\t_\tEntity=1)
4\tvisited\tvisit\tVERB\tVBD\t_\t0\troot\t_\t_
5\tthe\tthe\tDET\tDT\t_\t6\tdet\t_\tEntity=(2-organization-new
6\tBank\tbank\tPROPN\tNNP\t_\t4\tobj\t_\t_
7\tof\tof\tADP\tIN\t_\t8\tcase\t_\t_
8\tLisbon\tLisbon\tPROPN\tNNP\t_\t6\tnmod\t_\tEntity=(3-place-new)2)|SpaceAfter=No
9\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

# newpar
# text = She smiled.
1\tShe\tshe\tPRON\tPRP\t_\t2\tnsubj\t_\tEntity=(1-person-giv)
2\tsmiled\tsmile\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No
3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
";

    #[test]
    fn conllu_text_and_names() {
        let docs = read_conllu(CONLLU, None);
        assert_eq!(docs.len(), 1);
        let doc = &docs[0];
        assert_eq!(
            doc.text,
            "Dr Ana Ruiz visited the Bank of Lisbon.\n\nShe smiled."
        );
        let names: Vec<(&str, NameKind)> = doc
            .names
            .iter()
            .map(|(s, k)| (s.of(&doc.text), *k))
            .collect();
        assert_eq!(
            names,
            vec![
                ("Dr Ana Ruiz", NameKind::Person),
                ("Bank of Lisbon", NameKind::Organisation)
            ]
        );
    }

    #[test]
    fn iob2_spans() {
        let src = "# newdoc id = d1\n# text = Ask Jo Lee at Acme Corp.\n1\tAsk\tO\n2\tJo\tB-PER\n3\tLee\tI-PER\n4\tat\tO\n5\tAcme\tB-ORG\n6\tCorp\tI-ORG\n7\t.\tO\n";
        let docs = read_iob2(src);
        let doc = &docs[0];
        let names: Vec<&str> = doc.names.iter().map(|(s, _)| s.of(&doc.text)).collect();
        assert_eq!(names, vec!["Jo Lee", "Acme Corp"]);
    }
}
