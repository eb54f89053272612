#!/usr/bin/env python3
"""Measure the reference rules on GUM-format copy: quiet on clean text, and
recall on errors seeded into copies of it, in AP and in UK style.

usage: references.py --server target/release/copydesk
                     --data ../shared/eval/gum-train [--data ../shared/eval/gum-dev]
                     [--clean ../shared/eval/polnear-train] [--show N] [--json PATH]
                     [--keep DIR] [--list-clean] [--loose]

Not a test: it reads the shared evaluation data at run time, which the
project's tests never do. Nothing from the data is written into the repository;
the titles and sentences it seeds are its own.

For each <doc>.txt with its <doc>.json (gold persons, with derived `name` and
`title` spans), the script seeds one error at a time into a copy of the text,
checks every copy with one `copydesk check --format json` per folder, and
counts a seeded error as caught when a diagnostic with the expected code
overlaps the seeded text. Only references that are the name itself (not "the
Bernoulli family"), outside headlines, captions and quotations, are seeded;
not a name after an article ("the Britney Spears story"), nor one in a
citation ("(Joyce 2006)").

Who is seeded: only gold persons with a real reference chain (see chain()):
named in full in running copy, then followed by that name or the surname
alone; not aliases, nicknames, given names, signatures, letterheads, names in
capitals or inside longer names (Trump Tower), nor a surname two people share.
A seed on anything else tests the gold annotation, not the rules. --loose
seeds every gold reference instead (the selection before this rule). The
surname of a Chinese or Korean name written family name first ("Hu Shih")
is its first word, which later references use; gold's is the last word, the
given name.

Kinds (expected code in brackets):
  office-across  a later reference given an office of another family
                 ("Mayor Ana Ruiz" ... "Senator Ruiz")            [title-mismatch]
  office-within  another office of the same family
                 ("Police Chief" ... "Fire Chief")               [title-mismatch]
  office-deputy  the deputy or vice office
                 ("Prime Minister" ... "Deputy Prime Minister")  [title-mismatch]
  case           a formal title before the name lowercased (AP); a title set off
                 by commas capitalised (UK)                       [title-case]
  early-*        the surname before the introduction: swapped with a later
                 reference, or in a new sentence before it, as its subject
                 (start, also possessive), object, object of a
                 preposition, possessor, after a quotation, inside
                 parentheses, in a parenthetical, or opening the body
                 (lede, also after a wire dateline, "LONDON — "; within six
                 paragraphs of the introduction); not
                 where the text writes the surname earlier still (gold
                 missed a reference, or a namesake)        [late-introduction]
  respell-*      a later surname spelled another way: i/y or a doubled letter
                 (translit), one letter substituted, two letters transposed, a
                 letter dropped, accents dropped, or the same letters in another
                 Unicode encoding (encoding); not a "surname" that is the whole
                 first reference and a word the text also writes in
                 lowercase ("President", "Student")               [name-variant]
  honorific-*    a courtesy title switched ("Mr" then "Ms"), a knight later
                 called "Mr" (rank), and, in UK style, one person "Mr Ruiz"
                 throughout while another is called by bare surname (missing)
                                                                  [courtesy-title]

In UK style the offices are seeded after the name ("Ana Ruiz, the foreign
minister,"), as British copy writes them.

Clean copy: every diagnostic of the reference codes on the unseeded texts,
per 1,000 words, for the --data folders (AP and UK) and each --clean folder
(AP), by code.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

CODES = {"title-mismatch", "title-case", "repeated-title", "late-introduction",
         "name-variant", "courtesy-title"}

EXPECTED = {"office": "title-mismatch", "case": "title-case", "early": "late-introduction",
            "respell": "name-variant", "honorific": "courtesy-title"}

# (first reference's office, later reference's office), per kind.
OFFICES = {
    "office-across": [("Mayor", "Senator"), ("Governor", "Ambassador"), ("Judge", "Mayor"),
                      ("General", "Governor"), ("Finance Minister", "Ambassador"),
                      ("Police Chief", "Mayor")],
    "office-within": [("Foreign Minister", "Defense Minister"), ("Police Chief", "Fire Chief"),
                      ("District Judge", "Magistrate Judge"),
                      ("Attorney General", "Solicitor General"),
                      ("Health Secretary", "Home Secretary"),
                      ("Interior Minister", "Finance Minister")],
    "office-deputy": [("Prime Minister", "Deputy Prime Minister"),
                      ("City Manager", "Deputy City Manager"), ("President", "Vice President"),
                      ("Governor", "Lieutenant Governor"),
                      ("Secretary of State", "Deputy Secretary of State"),
                      ("Chief Constable", "Deputy Chief Constable")],
}

# Formal titles seeded in the wrong case.
CASE_TITLES = ["foreign minister", "prime minister", "finance minister", "attorney general",
               "secretary of state", "vice president", "lieutenant governor",
               "deputy prime minister", "interior minister", "chief justice"]

# Words that open a name as a courtesy title, not a given name.
COURTESIES = {"Mr", "Mrs", "Ms", "Miss", "Madame", "Mme", "Monsieur", "Dr", "Sir", "Dame",
              "Lady", "Lord"}

# Ranks and styles that open a name as a title ("Emperor Norton").
RANKS = {"emperor", "empress", "major", "colonel", "lieutenant", "sergeant", "admiral",
         "pope", "saint", "st", "prince", "princess", "duke", "earl", "baron", "count"}

# New sentences that use the surname before the introduction.
EARLY = {
    "early-start": "{s} had not spoken publicly before. ",
    "early-object": "Few people outside the field knew {s} then. ",
    "early-possessive": "Much depended on {s}'s answer. ",
    "early-parenthetical": "That, {s} said later, was the plan. ",
    "early-quote": "\u201cWe will see,\u201d {s} said. ",
    "early-inparens": "The plan was not new (it was {s}'s idea). ",
    "early-preposition": "The letter was addressed to {s} alone. ",
    "early-start-possessive": "{s}'s office did not answer. ",
}

# The same surname opening the story's body: after the headline, and after a
# dateline that runs into the first sentence ("Thursday, March 15, 2012 ...").
LEDE = "{s} said on Monday that the work would go on. "
# How many paragraphs the introduction may follow the lede by (the model's
# reach for a bare name ahead of its introduction, FORWARD_BLOCKS).
LEDE_REACH = 6
DATELINE = re.compile(r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), "
                      r"[A-Z][a-z]+ \d{1,2}, \d{4}\s+")

OFFICE_WORDS = {
    "president", "minister", "secretary", "ambassador", "governor", "mayor", "senator",
    "chancellor", "premier", "general", "judge", "chairman", "director", "chief",
    "foreign", "prime", "defense", "defence", "vice", "deputy", "home", "finance",
    "interior", "state", "attorney", "commissioner", "sheriff", "captain", "king", "queen",
}
FORMAL = {"president", "minister", "secretary", "ambassador", "governor", "mayor", "senator",
          "chancellor", "premier", "general", "judge", "king", "queen", "sheriff"}

ROOT = Path(__file__).resolve().parents[2]


def family_name_sections() -> dict[str, list[str]]:
    """The sections of data/family-names.txt, each a list of its entries."""
    sections: dict[str, list[str]] = defaultdict(list)
    section = ""
    for line in (ROOT / "data" / "family-names.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("["):
            section = line
        elif line and not line.startswith("#"):
            sections[section].append(line)
    return sections


SECTIONS = family_name_sections()
# Chinese and Korean family names, written first.
FAMILY_FIRST = set(SECTIONS["[chinese]"]) | set(SECTIONS["[korean]"])


def syllabic(word: str) -> bool:
    """Whether a word reads as romanised syllables (an initial, a vowel, a
    coda), as the actor model reads the given name of "Xi Jinping"."""
    word = word.lower()
    initials = [""] + SECTIONS["[initials]"]
    vowels, codas = SECTIONS["[vowels]"], [""] + SECTIONS["[codas]"]
    ends = {0}
    for at in range(len(word)):
        if at not in ends:
            continue
        for i in initials:
            if not word.startswith(i, at):
                continue
            for v in vowels:
                if word.startswith(v, at + len(i)):
                    for c in codas:
                        if word.startswith(c, at + len(i) + len(v)):
                            ends.add(at + len(i) + len(v) + len(c))
    return len(word) in ends


def family_first(name: str) -> bool:
    """A Chinese or Korean name written family name first ("Hu Shih", "Moon
    Jae-in"), whose later references use the first word: gold's surname, the
    last word, is then the given name."""
    words = name.split()
    return 2 <= len(words) <= 4 and words[0] in FAMILY_FIRST \
        and all(syllabic(part) for w in words[1:] for part in w.split("-"))


def bears(name: str, surname: str) -> bool:
    """Whether a full name holds the surname where later references take it
    from: last, or first in a family-name-first name."""
    words = name.split()
    return bool(words) and (words[-1] == surname or family_first(name) and words[0] == surname)


# Photo captions are not judged by the rules (data/caption-markers.txt).
MARKERS = [line.strip() for line in
           (ROOT / "data" / "caption-markers.txt").read_text(encoding="utf-8").splitlines()
           if line.strip() and not line.startswith("#")]


def check(server: str, folder: Path) -> dict[str, list[dict]]:
    """Every diagnostic of the reference codes, by file name."""
    out = subprocess.run([server, "check", "--format", "json", str(folder)],
                         capture_output=True, text=True, timeout=1200)
    found: dict[str, list[dict]] = defaultdict(list)
    try:
        findings = json.loads(out.stdout)
    except json.JSONDecodeError:
        # Older builds print one JSON object a line.
        findings = []
        for line in out.stdout.splitlines():
            try:
                findings.append(json.loads(line))
            except json.JSONDecodeError:
                continue
    for d in findings:
        if d.get("code") in CODES:
            found[Path(d["path"]).name].append(d)
    return found


def byte_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Code-point offsets to UTF-8 byte offsets."""
    return len(text[:start].encode()), len(text[:end].encode())


def paragraph_at(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n\n", 0, offset)
    end = text.find("\n\n", offset)
    return (start + 2 if start >= 0 else 0, end if end >= 0 else len(text))


def in_caption(text: str, offset: int) -> bool:
    start, end = paragraph_at(text, offset)
    return any(m in text[start:end] for m in MARKERS)


def in_quotation(text: str, offset: int) -> bool:
    start, _ = paragraph_at(text, offset)
    before = text[start:offset]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


class Doc:
    def __init__(self, txt: Path):
        self.name = txt.stem
        self.text = txt.read_text(encoding="utf-8")
        self.gold = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
        self.words = len(self.text.split())

    def sentence_start(self, mention: dict) -> int:
        return self.gold["sentences"][mention["sentence"]][0]

    def references(self, person: dict) -> list[dict]:
        """The person's references that are the name itself (with its title,
        if any), in the body (not the headline: a short first line),
        outside quotations."""
        text = self.text
        first_line = text.split("\n", 1)[0]
        headline_end = len(first_line) if len(first_line.split()) <= 16 else 0
        out = []
        for m in person["mentions"]:
            if not (m.get("proper") and m.get("name")) or m.get("heading") or m.get("caption"):
                continue
            ns, ne = m["name"]
            ss, se = m["span"]
            lead = m["title"][0] if m.get("title") else ns
            tail = text[ne:se]
            if ss != lead or tail not in ("", "'s", "’s", "'"):
                continue
            if in_caption(text, ns) or in_quotation(text, ns) or ns < headline_end:
                continue
            if modifier(text, lead) or citation(text, ne):
                continue
            out.append(m)
        return out


def modifier(text: str, start: int) -> bool:
    """A name after an article modifies a noun ("the Britney Spears story"):
    it names no one, and the rules leave it alone."""
    before = text[max(0, start - 4):start].lower()
    return before.endswith((" the ", " a ", " an ")) or before in ("the ", "\nan ")


def citation(text: str, end: int) -> bool:
    """A reference in a citation ("(Joyce 2006)", "Smith et al."): not
    copy about the person."""
    return re.match(r"(?:,? \(?\d{4}\b| et al\b)", text[end:end + 12]) is not None


def name_of(text: str, m: dict) -> str:
    return text[m["name"][0]:m["name"][1]]


def gender(person: dict) -> str:
    words = Counter(m["text"].lower() for m in person["mentions"] if m.get("pronoun"))
    she = words["she"] + words["her"] + words["hers"] + words["herself"]
    he = words["he"] + words["him"] + words["his"] + words["himself"]
    return "f" if she > he else "m"


def edits(text: str, changes: list[tuple[int, int, str]]) -> tuple[str, list[tuple[int, int]]]:
    """The text with several [start, end) -> new replacements (non-overlapping);
    the new code-point spans of each replacement, in the order given."""
    order = sorted(range(len(changes)), key=lambda i: changes[i][0])
    out, at, shift = [], 0, 0
    spans: dict[int, tuple[int, int]] = {}
    for i in order:
        s, e, new = changes[i]
        out.append(text[at:s])
        spans[i] = (s + shift, s + shift + len(new))
        out.append(new)
        shift += len(new) - (e - s)
        at = e
    out.append(text[at:])
    return "".join(out), [spans[i] for i in range(len(changes))]


def follows_punct(text: str, end: int) -> bool:
    rest = text[end:end + 2]
    return rest[:1] in (".", ",", ";", ":", "?", "!", ")") or rest.startswith("'s") \
        or rest.startswith("’s")


def appositive(text: str, m: dict, title: str) -> tuple[int, int, str, int]:
    """An appositive inserted after the name (UK form): (start, end, new text,
    offset of the title inside it). A possessive name takes no appositive."""
    ne = m["name"][1]
    if follows_punct(text, ne):
        return ne, ne, f", the {title}", 6
    return ne, ne, f", the {title},", 6


# ---- seeds ------------------------------------------------------------------

def pick(options: list, key: str):
    return options[sum(map(ord, key)) % len(options)]


def office_seeds(doc: Doc, person: dict, refs: list[dict], style: str):
    text = doc.text
    first, later = refs[0], refs[1:]
    full = name_of(text, first)
    surname = person.get("surname") or ""
    if len(full.split()) < 2 or not later:
        return
    for kind, pairs in OFFICES.items():
        t1, t2 = pick(pairs, doc.name + full + kind)
        target = later[0]
        if style == "ap":
            s1 = first["title"][0] if first.get("title") else first["name"][0]
            s2 = target["title"][0] if target.get("title") else target["name"][0]
            new, (a, b) = edits(text, [(s1, first["name"][0], f"{t1} "),
                                       (s2, target["name"][0], f"{t2} ")])
            span = (b[0], b[1] - 1)
        else:
            if any(text[m["name"][1]:].startswith(("'", "’")) for m in (first, target)):
                continue
            a1 = appositive(text, first, t1.lower())
            a2 = appositive(text, target, t2.lower())
            new, (_, b) = edits(text, [a1[:3], a2[:3]])
            span = (b[0] + a2[3], b[1])
        yield kind, new, span, f"{full}: '{t1}' then '{t2}'"


def case_seeds(doc: Doc, person: dict, refs: list[dict], style: str):
    text = doc.text
    first = refs[0]
    full = name_of(text, first)
    if len(full.split()) < 2:
        return
    title = pick(CASE_TITLES, doc.name + full)
    if style == "ap":
        if first.get("title") and first.get("title_capitalized"):
            words = text[first["title"][0]:first["title"][1]].split(" ")
            lowered = [w.lower() if w.lower().strip(".") in OFFICE_WORDS else w for w in words]
            if lowered != words and {w.lower().strip(".") for w in words} & FORMAL:
                new, [span] = edits(text, [(first["title"][0], first["title"][1], " ".join(lowered))])
                yield "case", new, span, f"{full}: '{' '.join(lowered)}'"
                return
        s = first["title"][0] if first.get("title") else first["name"][0]
        new, [span] = edits(text, [(s, first["name"][0], f"{title} ")])
        yield "case", new, (span[0], span[1] - 1), f"{full}: '{title}'"
    else:
        if text[first["name"][1]:].startswith(("'", "’")):
            return
        capital = " ".join(w if w in ("of", "the") else w.capitalize() for w in title.split())
        s, e, new_text, at = appositive(text, first, capital)
        new, [span] = edits(text, [(s, e, new_text)])
        yield "case", new, (span[0] + at, span[0] + at + len(capital)), f"{full}: ', the {capital},'"


def named_before(text: str, end: int, surname: str) -> bool:
    """Whether the text writes the surname (alone or in any full name) before
    `end`: the person, or a namesake, is met there already (gold may miss a
    reference), so a surname put after it is no early reference, and one put
    before it is not the first."""
    return re.search(rf"(?<!\w){re.escape(surname)}(?!\w)", text[:end]) is not None


def early_seeds(doc: Doc, person: dict, refs: list[dict], style: str):
    text = doc.text
    first, later = refs[0], refs[1:]
    full = name_of(text, first)
    surname = person.get("surname") or ""
    if len(full.split()) < 2 or not surname or not bears(full, surname):
        return
    # A byname ("Bonosus of Sardica") or a courtesy title and surname
    # ("Madame Tussaud") has no surname to use early.
    words = full.split()
    if "of" in words or words[0].rstrip(".") in COURTESIES:
        return
    target = next((m for m in later if name_of(text, m) == surname), None)
    if target and not named_before(text, first["name"][0], surname):
        (s1, e1), (s2, e2) = first["name"], target["name"]
        new, (a, _) = edits(text, [(s1, e1, surname), (s2, e2, full)])
        yield "early-swap", new, a, f"{full}: surname first"
    at = doc.sentence_start(first)
    if at >= first["name"][0] or named_before(text, at, surname):
        return
    # A new sentence goes after a sentence or a line: not after a dateline
    # gold runs into the first sentence ("Preston, Victoria, Australia On
    # Saturday..."), where it would read as part of a name.
    if at > 0 and not re.search(r"(?:[.!?:;\"”’')\]]\s|\n)$", text[max(0, at - 2):at]):
        return
    for kind, sentence in EARLY.items():
        inserted = sentence.format(s=surname)
        new, [(s, _)] = edits(text, [(at, at, inserted)])
        off = inserted.index(surname)
        yield kind, new, (s + off, s + off + len(surname)), f"{full}: '{inserted.strip()}'"
    # In the lede, where the introduction follows within six paragraphs:
    # further off, a bare surname may mean someone else ("Obama" in the
    # lede, "Michelle Obama" twenty paragraphs on), and the model links no
    # bare name so far ahead.
    lede = body_start(text)
    near = lede is not None and text[lede:first["name"][0]].count("\n\n") <= LEDE_REACH
    if lede is not None and near and lede < at and not named_before(text, lede, surname):
        inserted = LEDE.format(s=surname)
        new, [(s, _)] = edits(text, [(lede, lede, inserted)])
        yield "early-lede", new, (s, s + len(surname)), f"{full}: lede '{inserted.strip()}'"
        # The same lede after a wire dateline in capitals.
        inserted = "LONDON \u2014 " + inserted
        new, [(s, _)] = edits(text, [(lede, lede, inserted)])
        off = inserted.index(surname)
        yield "early-dateline", new, (s + off, s + off + len(surname)), \
            f"{full}: dateline '{inserted.strip()}'"


def body_start(text: str) -> int | None:
    """Where the story's first running paragraph starts (twenty words or
    more, ending a sentence; not a subhead, a label or a list), past a
    dateline that runs into it. The first line is the headline."""
    at = text.find("\n\n")
    while at >= 0:
        start = at + 2
        end = text.find("\n\n", start)
        para = text[start:end if end >= 0 else len(text)].strip()
        if len(para.split()) >= 20 and para[-1:] in ".!?\"”":
            date = DATELINE.match(text, start)
            return date.end() if date else start
        at = end
    return None


def respellings(name: str) -> dict[str, str]:
    out: dict[str, str] = {}
    body = name[1:]
    if len(name) >= 4:
        if "i" in body:
            i = body.index("i") + 1
            out["respell-translit"] = name[:i] + "y" + name[i + 1:]
        elif "y" in body:
            i = body.index("y") + 1
            out["respell-translit"] = name[:i] + "i" + name[i + 1:]
        else:
            for i in range(1, len(name) - 1):
                if name[i].lower() in "bdfglmnprst" and name[i - 1].lower() in "aeiou":
                    out["respell-translit"] = name[:i] + name[i] + name[i:]
                    break
    if len(name) < 5 or not name.isalpha():
        return out
    swap = {"a": "e", "e": "a", "i": "e", "o": "a", "u": "o"}
    for i in range(len(name) - 1, 0, -1):
        if name[i] in swap:
            out["respell-substitution"] = name[:i] + swap[name[i]] + name[i + 1:]
            break
    mid = len(name) // 2
    for i in list(range(mid, len(name) - 1)) + list(range(1, mid)):
        if name[i] != name[i + 1]:
            out["respell-transposition"] = name[:i] + name[i + 1] + name[i] + name[i + 2:]
            break
    for i in list(range(mid, len(name) - 1)) + list(range(1, mid)):
        if name[i] != name[i - 1] and name[i] != name[i + 1]:
            out["respell-dropped"] = name[:i] + name[i + 1:]
            break
    return out


ACUTE = {"a": "á", "e": "é", "i": "í", "o": "ó", "u": "ú"}


def accented(name: str) -> str | None:
    for i in range(len(name) - 1, 0, -1):
        if name[i] in ACUTE:
            return name[:i] + ACUTE[name[i]] + name[i + 1:]
    return None


def strip_accents(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", name)
                   if not unicodedata.combining(c))


def written_lowercase(text: str, word: str) -> bool:
    """Whether the text also writes the word in lowercase, as a word."""
    return re.search(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", text) is not None


def respell_seeds(doc: Doc, person: dict, refs: list[dict], style: str):
    text = doc.text
    surname = person.get("surname") or ""
    later = [m for m in refs[1:] if name_of(text, m) == surname]
    # A "surname" that is the whole first reference and a word the text
    # also writes in lowercase ("President", "Student") is a common word
    # standing for someone, not a name: respelling it seeds a typo, not a
    # name variant.
    if not surname or not later:
        return
    if name_of(text, refs[0]) == surname and written_lowercase(text, surname):
        return
    target = later[0]
    s, e = target["name"]
    for kind, spelled in respellings(surname).items():
        new, [span] = edits(text, [(s, e, spelled)])
        yield kind, new, span, f"{surname} -> {spelled}"
    # Accents dropped, and another encoding: the first reference accented.
    first = refs[0]
    fs, fe = first["name"]
    first_name = text[fs:fe]
    if not first_name.endswith(surname):
        return
    # The two spellings differ: a flag on either is a catch (the rule takes
    # the first spelling it judges as the expected one).
    plain = strip_accents(surname)
    if plain != surname:
        new, [span] = edits(text, [(s, e, plain)])
        yield "respell-accents", new, span, f"{surname} -> {plain}"
        spelled = surname
    else:
        spelled = accented(surname)
        if not spelled:
            return
        given = first_name[:-len(surname)]
        new, [one, other] = edits(text, [(fs, fe, given + spelled), (s, e, surname)])
        yield "respell-accents", new, [one, other], f"{spelled} -> {surname}"
    given = first_name[:-len(surname)]
    nfc = unicodedata.normalize("NFC", spelled)
    nfd = unicodedata.normalize("NFD", spelled)
    new, [one, other] = edits(text, [(fs, fe, given + nfc), (s, e, nfd)])
    yield "respell-encoding", new, [one, other], f"{nfc} (NFC) -> NFD"


def courtesy(g: str, rank: bool = False) -> str:
    if rank:
        return "Dame" if g == "f" else "Sir"
    return "Ms" if g == "f" else "Mr"


def honorific_seeds(doc: Doc, person: dict, refs: list[dict], style: str):
    text = doc.text
    surname = person.get("surname") or ""
    first = refs[0]
    full = name_of(text, first)
    later = [m for m in refs[1:] if name_of(text, m) == surname]
    g = gender(person)
    # A courtesy title goes where no title stands ("Chairman Mr Green" is no
    # one's style).
    later = [m for m in later if not m.get("title")]
    if len(later) >= 2:
        a, b = later[0], later[1]
        other = "Ms" if g == "m" else "Mr"
        new, [_, span] = edits(text, [(a["name"][0], a["name"][0], courtesy(g) + " "),
                                      (b["name"][0], b["name"][0], other + " ")])
        yield "honorific-switch", new, (span[0], span[1] - 1), f"{surname}: {courtesy(g)} then {other}"
    if later and len(full.split()) >= 2 and full.split()[-1] == surname and not first.get("title"):
        given = full.split()[0]
        b = later[0]
        new, [_, span] = edits(text, [(first["name"][0], first["name"][0], courtesy(g, True) + " "),
                                      (b["name"][0], b["name"][0], courtesy(g) + " ")])
        yield "honorific-rank", new, (span[0], span[1] - 1 + len(surname) + 1), \
            f"{courtesy(g, True)} {given} then {courtesy(g)} {surname}"


def missing_courtesy_seeds(doc: Doc, people: list[tuple[dict, list[dict]]]):
    """UK: one person given a courtesy title on every later reference, another
    left with the bare surname."""
    text = doc.text
    with_later = []
    for person, refs in people:
        surname = person.get("surname") or ""
        later = [m for m in refs[1:] if name_of(text, m) == surname]
        # Every bare surname of the person, the first reference too when it
        # is one (GUM may not count a title-less introduction as a mention).
        bare = [m for m in refs if name_of(text, m) == surname]
        if surname and len(later) >= 2:
            with_later.append((person, later, bare))
    if len(with_later) < 2:
        return
    for (pa, la, _), (pb, _, lb) in zip(with_later, with_later[1:]):
        if pa["surname"] == pb["surname"]:
            continue
        changes = [(m["name"][0], m["name"][0], courtesy(gender(pa)) + " ") for m in la]
        new, _ = edits(text, changes)
        # The bare references of B, shifted by the insertions before them: a
        # flag on any of them is a catch (the rule flags each person once).
        spans = []
        for target in lb:
            shift = sum(len(c[2]) for c in changes if c[0] <= target["name"][0])
            s = target["name"][0] + shift
            spans.append((s, s + len(pb["surname"])))
        yield "honorific-missing", new, spans, \
            f"{courtesy(gender(pa))} {pa['surname']} throughout, bare {pb['surname']}"


# ---- which people are seeded --------------------------------------------------

# Particles that join a name to a longer one ("Paseo de Montejo").
JOINERS = {"de", "del", "della", "di", "da", "la", "of", "von", "van"}


def in_copy(text: str, m: dict) -> bool:
    """Whether a reference is a name in running copy: not set in capitals (a
    letterhead, a transcript's label), not on a short line of its own (a
    signature, "Respectfully, George Chriss", an epigraph's "— Ana Ruiz"), and
    not part of a longer name
    ("George Washington Bus Station", "Trump Tower", "Paseo de Montejo")."""
    ns, ne = m["name"]
    lead = m["title"][0] if m.get("title") else ns
    if text[ns:ne].isupper():
        return False
    line_start = text.rfind("\n", 0, lead) + 1
    line_end = text.find("\n", ne)
    line_end = len(text) if line_end < 0 else line_end
    if len((text[line_start:lead] + " " + text[ne:line_end]).split()) < 4:
        return False
    if re.match(r" [A-Z]", text[ne:ne + 2]):
        return False
    # "... laughs about it. — Rick Santorum": an epigraph's attribution.
    if re.search(r"[—–-] $", text[line_start:lead]) and not text[ne:line_end].strip(" .,'’s"):
        return False
    before = text[line_start:lead].split()
    if len(before) >= 2 and before[-1] in JOINERS and before[-2][:1].isupper():
        return False
    # A capitalised word just before the name that does not open the
    # sentence ("Port Authority George Washington"): a longer name, or a
    # title gold did not mark, which an office seed would then double.
    if before and before[-1][:1].isupper() and before[-1][-1:].isalnum() \
            and text[lead - 1:lead] == " " and len(before) >= 2 \
            and not before[-2].endswith((".", "!", "?", ":", '"', "“")):
        return False
    return True


def chain(doc: Doc, person: dict, refs: list[dict], others: set[str]) -> list[dict] | None:
    """The references a seed may go on: a real reference chain, or None.

    A seeded error is one a writer makes about a person the copy names and
    then follows. So the person is named in full in copy (two words or more
    ending in the surname; not only cited, "(Marsden & Mackey, 2014)", nor
    only inside a quotation, a caption or an image credit), and the
    references kept are those in copy (see in_copy) from that full name on
    that repeat the first one or give the surname alone. Left out:
    - references by an alias, a nickname, a given name or a peerage ("Peter
      Charles L'Enfant" after "Pierre Charles L'Enfant", "Larry Lessig",
      "Johann", "1st Earl of Snowdon");
    - a surname another person in the text, named in full, shares ("Walt
      Whitman" and "George Whitman": which of them a surname names is the
      reader's guess, so the error is no one's);
    - a first reference whose name opens with a title (below).
    Same rule on every set; --loose seeds every reference as before."""
    text = doc.text
    surname = person.get("surname") or ""
    in_full = [m["name"][0] for m in person["mentions"]
               if m.get("proper") and m.get("name") and not m.get("heading")
               and not m.get("caption") and len(m["name_text"].split()) >= 2
               and bears(m["name_text"], surname) and in_copy(text, m)
               and not in_quotation(text, m["name"][0]) and not in_caption(text, m["name"][0])]
    if not surname or not in_full or surname in others:
        return None
    refs = [m for m in refs if in_copy(text, m) and m["name"][0] >= in_full[0]]
    if not refs:
        return None
    # A first reference whose name opens with a title gold took for a name
    # ("Emperor Norton", "Major Kusanagi") has its title already: a seeded
    # title would stack on it.
    opener = name_of(text, refs[0]).split()[0].rstrip(".")
    if opener.lower() in OFFICE_WORDS | RANKS or opener in COURTESIES:
        return None
    keep = {name_of(text, refs[0]), surname}
    later = [m for m in refs[1:] if name_of(text, m) in keep]
    return [refs[0]] + later if later else None


def later_name(person: dict) -> dict:
    """The person with the surname later references use: for a Chinese or
    Korean name written family name first ("Hu Shih", then "Hu"), its first
    word, not gold's last."""
    name = person.get("longest_name") or ""
    if family_first(name):
        return dict(person, surname=name.split()[0])
    return person


def seeds(doc: Doc, style: str, loose: bool = False):
    people = []
    persons = [later_name(p) for p in doc.gold["persons"] if not p.get("plural")]
    for person in persons:
        refs = doc.references(person)
        if len(refs) < 2:
            continue
        if not loose:
            # Another person of the same surname, named in full ("Walt
            # Whitman" and "George Whitman"); not gold's second entity for
            # the same name ("Joe Biden", "Biden").
            others = {p.get("surname") for p in persons if p is not person
                      and len((p.get("longest_name") or "").split()) >= 2
                      and p.get("longest_name") != person.get("longest_name")}
            refs = chain(doc, person, refs, others)
            if refs is None:
                continue
        people.append((person, refs))
        yield from office_seeds(doc, person, refs, style)
        yield from case_seeds(doc, person, refs, style)
        yield from early_seeds(doc, person, refs, style)
        yield from respell_seeds(doc, person, refs, style)
        yield from honorific_seeds(doc, person, refs, style)
    if style == "uk":
        yield from missing_courtesy_seeds(doc, people)


# ---- runs --------------------------------------------------------------------

def write_style(folder: Path, style: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / ".copydesk.toml").write_text(f'style = "{style}"\n', encoding="utf-8")


def clean_rate(server: str, scratch: Path, docs: list[Doc], style: str, label: str) -> dict:
    folder = scratch / f"clean-{label}-{style}"
    write_style(folder, style)
    for doc in docs:
        (folder / f"{doc.name}.txt").write_text(doc.text, encoding="utf-8")
    found = check(server, folder)
    flags = [dict(d, doc=Path(d["path"]).stem) for ds in found.values() for d in ds]
    words = sum(doc.words for doc in docs)
    return {"label": label, "style": style, "words": words, "flags": flags,
            "per_1000": 1000 * len(flags) / max(words, 1),
            "by_code": dict(Counter(d["code"] for d in flags))}


def recall(server: str, scratch: Path, docs: list[Doc], style: str, label: str,
           loose: bool) -> dict:
    folder = scratch / f"seeded-{label}-{style}"
    write_style(folder, style)
    planted = []
    for doc in docs:
        for n, (kind, text, spans, what) in enumerate(seeds(doc, style, loose)):
            name = f"{doc.name}--{kind}--{n}.txt"
            (folder / name).write_text(text, encoding="utf-8")
            spans = spans if isinstance(spans, list) else [spans]
            planted.append((name, kind, text, spans, f"{doc.name}: {what}"))
    found = check(server, folder)
    seeded, caught = Counter(), Counter()
    misses: dict[str, list[str]] = defaultdict(list)
    missed_files: dict[str, list[str]] = defaultdict(list)
    for name, kind, text, spans, what in planted:
        code = EXPECTED[kind.split("-")[0]]
        hit = any(d["code"] == code and bs < d["end_byte"] and d["start_byte"] < be
                  for d in found.get(name, [])
                  for bs, be in (byte_span(text, s, e) for s, e in spans))
        seeded[kind] += 1
        if hit:
            caught[kind] += 1
        else:
            misses[kind].append(what)
            missed_files[kind].append(name)
    return {"label": label, "style": style, "seeded": dict(seeded), "caught": dict(caught),
            "misses": dict(misses), "missed_files": dict(missed_files)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--server", required=True, help="the copydesk binary")
    ap.add_argument("--data", action="append", required=True,
                    help="folder of <doc>.txt + <doc>.json (GUM format); repeatable")
    ap.add_argument("--clean", action="append", default=[],
                    help="folder of clean .txt copy to count flags on (AP); repeatable")
    ap.add_argument("--show", type=int, default=5,
                    help="misses to print per kind (for *-dev sets only with --show-dev)")
    ap.add_argument("--show-dev", action="store_true",
                    help="print misses on *-dev sets too (read no dev sentence while writing a rule)")
    ap.add_argument("--list-clean", action="store_true", help="print every clean-copy flag")
    ap.add_argument("--loose", action="store_true",
                    help="seed every reference, not only real reference chains (the old seeding)")
    ap.add_argument("--json", default=None, metavar="PATH")
    ap.add_argument("--keep", default=None, metavar="DIR", help="keep the copies here")
    a = ap.parse_args()
    report = {"recall": [], "clean": []}
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(a.keep or tmp)
        scratch.mkdir(parents=True, exist_ok=True)
        sets = []
        for folder in a.data:
            docs = [Doc(t) for t in sorted(Path(folder).glob("*.txt"))
                    if t.with_suffix(".json").exists()]
            sets.append((Path(folder).name, docs))
        for label, docs in sets:
            for style in ("ap", "uk"):
                report["recall"].append(recall(a.server, scratch, docs, style, label, a.loose))
        everything = [d for _, docs in sets for d in docs]
        joined = "+".join(label for label, _ in sets)
        for style in ("ap", "uk"):
            report["clean"].append(clean_rate(a.server, scratch, everything, style, joined))
        for folder in a.clean:
            texts = sorted(Path(folder).glob("*.txt"))
            docs = []
            for t in texts:
                d = Doc.__new__(Doc)
                d.name, d.text = t.stem, t.read_text(encoding="utf-8")
                d.words = len(d.text.split())
                docs.append(d)
            report["clean"].append(clean_rate(a.server, scratch, docs, "ap", Path(folder).name))
    kinds = sorted({k for r in report["recall"] for k in r["seeded"]})
    print("seeded recall (caught/seeded)")
    header = "  " + f"{'kind':<22}" + "".join(f"{r['label'] + ' ' + r['style']:>24}"
                                             for r in report["recall"])
    print(header)
    for kind in kinds:
        row = f"  {kind:<22}"
        for r in report["recall"]:
            n, c = r["seeded"].get(kind, 0), r["caught"].get(kind, 0)
            row += f"{f'{c}/{n} ({100 * c / n:.0f}%)' if n else '-':>24}"
        print(row)
    for r in report["recall"]:
        if r["label"].endswith("-dev") and not a.show_dev:
            continue
        for kind in kinds:
            for m in r["misses"].get(kind, [])[: a.show]:
                print(f"    missed {r['label']} {r['style']} {kind}: {m}")
    print("clean copy")
    for c in report["clean"]:
        codes = ", ".join(f"{k} {v}" for k, v in sorted(c["by_code"].items()))
        print(f"  {c['label']} ({c['style']}): {len(c['flags'])} flags in {c['words']} words,"
              f" {c['per_1000']:.2f} per 1,000 [{codes}]")
        if a.list_clean:
            for d in c["flags"]:
                print(f"    {d['doc']}:{d['line']}:{d['column']} {d['code']}: {d['message']}")
    if a.json:
        Path(a.json).write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n",
                                encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
