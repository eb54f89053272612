#!/usr/bin/env python3
"""Measure the reference rules on GUM-format news: quiet on clean copy, and
recall on errors seeded into copies of it.

usage: references.py --server target/release/copydesk --data ../shared/eval/gum-dev
                     [--show N] [--json PATH] [--keep DIR]

Not a test: it reads the shared evaluation data at run time, which the
project's tests never do. Nothing from the data is written into the repository.

For each <doc>.txt and its <doc>.json (gold persons, with derived `title`
fields), the script:

  1. checks the clean text and lists every diagnostic of the reference codes
     (title-mismatch, title-case, repeated-title, late-introduction,
     name-variant), with the rate per 1,000 words;
  2. seeds one error at a time into copies of the text and checks each copy:
     - office:   a different formal office before a later reference of a
                 person whose first reference has a capitalised title
                 ("Mohib" -> "Interior Minister Mohib"); expects title-mismatch;
     - case:     that first title's office word(s) lowercased ("Afghan
                 ambassador to the United States Hamdullah Mohib"); expects
                 title-case;
     - early:    the first full-name reference and the next surname-only
                 reference swapped, so the surname comes first; expects
                 late-introduction;
     - respell:  a later surname respelled the way transliterations differ
                 (i/y, a doubled consonant); expects name-variant.
     A seeded error is caught when a diagnostic with the expected code
     overlaps the seeded text.

Documents are checked as plain text (`copydesk check FILE.txt`), one process
per copy.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

CODES = {"title-mismatch", "title-case", "repeated-title", "late-introduction", "name-variant"}

# Offices to seed; the formal offices a first reference must hold for the
# "office" seed (a job description such as "Professor" is not one); words that
# mark a title's office (lowercased for "case").
OFFICES = ["Interior Minister", "Finance Minister", "Defense Secretary", "Governor", "Ambassador"]
FORMAL = {
    "president", "minister", "secretary", "ambassador", "governor", "mayor", "senator",
    "chancellor", "premier", "general", "judge", "king", "queen", "sheriff",
}
OFFICE_WORDS = {
    "president", "minister", "secretary", "ambassador", "governor", "mayor", "senator",
    "chancellor", "premier", "general", "judge", "chairman", "director", "chief",
    "foreign", "prime", "defense", "defence", "vice", "deputy", "home", "finance",
    "interior", "state", "attorney", "commissioner", "sheriff", "captain", "king", "queen",
}


def run(server: str, path: Path) -> list[dict]:
    out = subprocess.run([server, "check", "--format", "json", str(path)],
                         capture_output=True, text=True, timeout=60)
    found = []
    for line in out.stdout.splitlines():
        try:
            d = json.loads(line)
        except json.JSONDecodeError:
            continue
        if d.get("code") in CODES:
            found.append(d)
    return found


def byte_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Code-point offsets to UTF-8 byte offsets."""
    return len(text[:start].encode()), len(text[:end].encode())


# Photo captions and direct quotations are not judged by the rules (see
# data/caption-markers.txt and the rules' docs): no error is seeded into them.
MARKERS = [line.strip() for line in
           (Path(__file__).resolve().parents[2] / "data" / "caption-markers.txt")
           .read_text(encoding="utf-8").splitlines()
           if line.strip() and not line.startswith("#")]


def paragraph_at(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n\n", 0, offset)
    end = text.find("\n\n", offset)
    return (start + 2 if start >= 0 else 0, end if end >= 0 else len(text))


def in_caption(text: str, offset: int) -> bool:
    start, end = paragraph_at(text, offset)
    return any(m in text[start:end] for m in MARKERS)


def in_quotation(text: str, offset: int) -> bool:
    """Inside a direct quotation, where the rules never fire."""
    start, _ = paragraph_at(text, offset)
    before = text[start:offset]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def proper_mentions(text: str, person: dict) -> list[dict]:
    return [m for m in person["mentions"]
            if m.get("proper") and m.get("name") and not m.get("heading")
            and not m.get("caption") and not in_caption(text, m["span"][0])
            and not in_quotation(text, m["span"][0])]


def replace(text: str, start: int, end: int, new: str) -> tuple[str, int, int]:
    """The text with [start, end) replaced; the new text's code-point span."""
    return text[:start] + new + text[end:], start, start + len(new)


def seeds(text: str, gold: dict):
    """Yield (kind, seeded text, seeded span in code points, description)."""
    for person in gold["persons"]:
        if person.get("plural"):
            continue
        mentions = proper_mentions(text, person)
        if len(mentions) < 2:
            continue
        first = mentions[0]
        later = mentions[1:]
        surname = person.get("surname") or ""

        def name_of(m: dict) -> str:
            return text[m["name"][0]:m["name"][1]]

        # office: a later reference given another office, when the first
        # reference holds a capitalised formal title.
        if first.get("title") and first.get("title_capitalized"):
            title_text = text[first["title"][0]:first["title"][1]]
            title_words = set(title_text.lower().replace(".", "").split())
            office = next((o for o in OFFICES if not set(o.lower().split()) & title_words), None)
            if office and title_words & FORMAL:
                for target in later:
                    # Replace the reference's own title, if it has one.
                    s = target["title"][0] if target.get("title") else target["name"][0]
                    e = target["name"][0]
                    new_text, ns, ne = replace(text, s, e, f"{office} ")
                    yield "office", new_text, (ns, ns + len(office)), f"{person['longest_name']}: '{office}'"
        # case: any capitalised formal title lowercased.
        for m in mentions:
            if not (m.get("title") and m.get("title_capitalized")):
                continue
            title_text = text[m["title"][0]:m["title"][1]]
            words = title_text.split(" ")
            lowered = [w.lower() if w.lower().strip(".") in OFFICE_WORDS else w for w in words]
            if lowered != words and set(w.lower().strip(".") for w in words) & FORMAL:
                new_title = " ".join(lowered)
                new_text, ns, ne = replace(text, m["title"][0], m["title"][1], new_title)
                yield "case", new_text, (ns, ne), f"{person['longest_name']}: '{new_title}'"
        # early: the first reference gives the full name; a later one the surname alone.
        full = name_of(first)
        if len(full.split()) >= 2 and surname and full.split()[-1] == surname:
            target = next((m for m in later if name_of(m) == surname), None)
            if target:
                s1, e1 = first["name"]
                s2, e2 = target["name"]
                new_text = text[:s1] + surname + text[e1:s2] + full + text[e2:]
                yield "early", new_text, (s1, s1 + len(surname)), f"{person['longest_name']}: surname first"
        # respell: a later surname spelled another way, one reference at a time.
        respelled = respell(surname) if len(surname) >= 4 else None
        for target in (m for m in later if respelled and name_of(m) == surname):
            s, e = target["name"]
            new_text, ns, ne = replace(text, s, e, respelled)
            yield "respell", new_text, (ns, ne), f"{surname} -> {respelled}"


def respell(name: str) -> str | None:
    """A transliteration-like respelling: i<->y, or a doubled consonant."""
    body = name[1:]
    if "i" in body:
        i = body.index("i") + 1
        return name[:i] + "y" + name[i + 1:]
    if "y" in body:
        i = body.index("y") + 1
        return name[:i] + "i" + name[i + 1:]
    for i in range(1, len(name) - 1):
        if name[i].lower() in "bdfglmnprst" and name[i - 1].lower() in "aeiou":
            return name[:i] + name[i] + name[i:]
    return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--server", required=True, help="the copydesk binary")
    ap.add_argument("--data", required=True, help="folder of <doc>.txt + <doc>.json (GUM format)")
    ap.add_argument("--show", type=int, default=10, help="misses to print per kind")
    ap.add_argument("--json", default=None, metavar="PATH")
    ap.add_argument("--keep", default=None, metavar="DIR", help="keep the seeded copies here")
    a = ap.parse_args()
    data = Path(a.data)
    words = 0
    clean: list[dict] = []
    caught: Counter = Counter()
    seeded: Counter = Counter()
    misses: dict[str, list[str]] = defaultdict(list)
    with tempfile.TemporaryDirectory() as scratch:
        tmp = Path(a.keep or scratch)
        tmp.mkdir(parents=True, exist_ok=True)
        for txt in sorted(data.glob("*.txt")):
            gold_path = txt.with_suffix(".json")
            if not gold_path.exists():
                continue
            text = txt.read_text(encoding="utf-8")
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            words += len(text.split())
            copy = tmp / txt.name
            copy.write_text(text, encoding="utf-8")
            for d in run(a.server, copy):
                d["doc"] = txt.stem
                clean.append(d)
            for n, (kind, seeded_text, (s, e), what) in enumerate(seeds(text, gold)):
                path = tmp / f"{txt.stem}-{kind}-{n}.txt"
                path.write_text(seeded_text, encoding="utf-8")
                bs, be = byte_span(seeded_text, s, e)
                expected = {"office": "title-mismatch", "case": "title-case",
                            "early": "late-introduction", "respell": "name-variant"}[kind]
                found = [d for d in run(a.server, path)
                         if d["code"] == expected and d["start_byte"] < be and bs < d["end_byte"]]
                seeded[kind] += 1
                if found:
                    caught[kind] += 1
                else:
                    misses[kind].append(f"{txt.stem}: {what}")
    print(f"reference rules on {data.name}: {words} words")
    rate = 1000 * len(clean) / max(words, 1)
    print(f"clean copy: {len(clean)} diagnostics ({rate:.2f} per 1,000 words)")
    for d in clean:
        print(f"  {d['doc']}:{d['line']}:{d['column']} {d['code']}: {d['message']}")
    print("seeded errors:")
    for kind in ["office", "case", "early", "respell"]:
        n = seeded[kind]
        pct = 100 * caught[kind] / n if n else 0.0
        print(f"  {kind:<8} {caught[kind]:>3}/{n:<3} caught ({pct:.1f}%)")
        for m in misses[kind][: a.show]:
            print(f"    missed: {m}")
    if a.json:
        Path(a.json).write_text(json.dumps({
            "words": words, "clean": clean, "per_1000_words": rate,
            "seeded": dict(seeded), "caught": dict(caught), "misses": misses,
        }, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
