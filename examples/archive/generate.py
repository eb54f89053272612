"""Writes an archive of short made-up news articles, for trying and testing
the archive example at scale: every article is different, and each carries
named speakers, an unnamed source or two, and now and then a vague source, an
unsourced claim or a quotation with no speaker.

    python generate.py OUT_DIR [--articles 2000] [--seed 17]

Everything here is invented for copydesk: the towns, people, bodies and events.
"""

import argparse
import random
from pathlib import Path

GIVEN = ["Ilse", "Tomas", "Marta", "Henrik", "Ada", "Oskar", "Lena", "Pavel", "Nora", "Emil",
         "Sofia", "Jonas", "Irena", "Viktor", "Clara", "Anton", "Mirela", "Felix", "Hana", "Dario"]
FAMILY = ["Brandt", "Okafor", "Lindqvist", "Moreau", "Vasquez", "Halloran", "Novak", "Petrescu",
          "Achterberg", "Sørensen", "Kowalczyk", "Ferreira", "Draganov", "Ishikawa", "Mbeki",
          "Castellano", "Whitcombe", "Raskin", "Terzić", "Oyelaran"]
TITLES = ["Mayor", "Harbour Master", "Council Leader", "Transport Minister", "Police Chief",
          "Finance Minister", "Health Minister", "Union Leader"]
BODIES = ["the Harbour Authority", "the Regional Council", "the Ferry Workers Union",
          "the Transport Ministry", "the Port Police", "the River Board"]
TOWNS = ["Vellmar", "Oskarsund", "Tarnow Quay", "Brisk", "Lindholm", "Saltmere", "Kesten", "Oldbridge"]
THINGS = ["the night ferry", "the new quay", "the old bridge", "the harbour dredging",
          "the tram extension", "the flood wall", "the fish market", "the bus depot"]
FACTS = ["would cost more than planned", "would open in the spring", "was two months late",
         "had passed its safety inspection", "would need another loan", "would close for the winter",
         "was running at half capacity", "had been redesigned twice"]
QUOTES = ["We have done what we promised", "Nobody wants another delay", "The money is there",
          "We will not cut corners on safety", "This town deserves better", "The figures speak for themselves",
          "We are ready to start", "It is too early to say"]
ANONYMOUS = ["A senior council official", "Two people familiar with the plans",
             "A person close to the board", "An official who asked not to be named",
             "Three harbour workers"]
VAGUE = ["Critics say", "Some residents believe", "Observers believe", "Experts say"]
CLAIMS = ["is expected to", "is likely to", "reportedly plans to"]
ACTIONS = ["resign before the vote", "ask for more money", "delay the opening", "sell the old depot"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def article(rng: random.Random, n: int) -> str:
    town = rng.choice(TOWNS)
    thing = rng.choice(THINGS)
    people = rng.sample([(g, f) for g in GIVEN for f in FAMILY], 2)
    titles = rng.sample(TITLES, 2)
    body = rng.choice(BODIES)
    (g1, f1), (g2, f2) = people
    facts = rng.sample(FACTS, 3)
    paragraphs = [
        f"# {town}: {thing} {rng.choice(FACTS)} (report {n})",
        f"{titles[0]} {g1} {f1} said on {rng.choice(DAYS)} that {thing} {facts[0]}.",
        f"\"{rng.choice(QUOTES)},\" {f1} told reporters in {town}.",
        f"{body[0].upper()}{body[1:]} said {thing} {facts[1]}, and {titles[1]} {g2} {f2} said the "
        f"council would meet again next week.",
        f"{rng.choice(ANONYMOUS)} said the plan {facts[2]}.",
    ]
    if rng.random() < 0.5:
        paragraphs.append(f"{rng.choice(VAGUE)} the town cannot afford it.")
    if rng.random() < 0.4:
        paragraphs.append(f"{f2} {rng.choice(CLAIMS)} {rng.choice(ACTIONS)}.")
    if rng.random() < 0.2:
        paragraphs.append(f"\"{rng.choice(QUOTES)}.\"")
    if rng.random() < 0.3:
        paragraphs.append(f"The vote in {town} is set for {rng.choice(DAYS)}, {f1} said.")
    return "\n\n".join(paragraphs) + "\n"


def generate(out: Path, articles: int, seed: int) -> list:
    rng = random.Random(seed)
    paths = []
    for n in range(articles):
        # A few folders, as an archive by desk would have.
        folder = out / f"desk-{n % 4}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{n:05d}.{'txt' if n % 10 == 9 else 'md'}"
        path.write_text(article(rng, n), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args()
    paths = generate(args.out, args.articles, args.seed)
    print(f"wrote {len(paths)} articles under {args.out}")


if __name__ == "__main__":
    main()
