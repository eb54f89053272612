"""Checks an archive of articles on Dask: copydesk's findings for every article,
and a source ledger (who is quoted, how often, named or anonymous), written as
Parquet tables.

    python archive.py ARCHIVE_DIR OUT_DIR [--workers 4]          # a LocalCluster on this machine
    python archive.py ARCHIVE_DIR OUT_DIR --scheduler tcp://HOST:8786   # a cluster that is running

Writes, under OUT_DIR, Parquet tables (a folder is a dataset of one file per partition):
  findings/        one row per finding: the columns of `copydesk check --format jsonl`
                   that every finding has, and `finding`, the whole finding as JSON;
  ledger/          one row per speaker per article: article, speaker, kind (person,
                   organisation, government, anonymous), named, statements, quotes;
  articles/        one row per article: statements by named and anonymous speakers,
                   findings, and findings by rule (JSON);
  sources.parquet  one row per speaker over the archive: statements, quotes, articles.

The articles are read by the workers, so on a real cluster ARCHIVE_DIR must be
a path every worker can read (a shared filesystem), and OUT_DIR one they can
write. Each worker needs the copydesk wheel installed.
"""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Tuple

import dask.bag as db
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from dask.distributed import Client, LocalCluster

import copydesk

#: What `copydesk check` reads when it is given a folder.
PROSE_SUFFIXES = {".md", ".markdown", ".txt"}

#: The fields every finding has, kept as columns; the rest stays in `finding`.
FINDINGS = pa.schema([
    ("path", pa.string()),
    ("line", pa.int64()),
    ("column", pa.int64()),
    ("end_line", pa.int64()),
    ("end_column", pa.int64()),
    ("start_byte", pa.int64()),
    ("end_byte", pa.int64()),
    ("code", pa.string()),
    ("severity", pa.string()),
    ("message", pa.string()),
    ("finding", pa.string()),
])

LEDGER = pa.schema([
    ("article", pa.string()),
    ("speaker", pa.string()),
    ("kind", pa.string()),
    ("named", pa.bool_()),
    ("statements", pa.int64()),
    ("quotes", pa.int64()),
])

ARTICLES = pa.schema([
    ("article", pa.string()),
    ("named_statements", pa.int64()),
    ("anonymous_statements", pa.int64()),
    ("findings", pa.int64()),
    ("by_rule", pa.string()),
])

#: The most articles in one partition, unless asked otherwise.
PARTITION = 500

SPEAKER = ["speaker", "kind", "named"]
COUNTS = ["statements", "quotes", "articles"]


def articles(folder: str) -> List[str]:
    """The prose files under `folder`, named as `copydesk check FOLDER` names
    them: the folder as given, then the path below it; hidden files and
    folders, `target` and `node_modules` left out; sorted."""

    def walk(directory: Path, shown: str) -> Iterator[str]:
        for entry in sorted(directory.iterdir(), key=lambda p: p.name):
            if entry.name.startswith(".") or entry.name in ("target", "node_modules"):
                continue
            name = f"{shown.rstrip('/')}/{entry.name}"
            if entry.is_dir():
                yield from walk(entry, name)
            elif entry.suffix.lower() in PROSE_SUFFIXES:
                yield name

    return list(walk(Path(folder), folder))


def analyse(path: str) -> Dict[str, Any]:
    """One article: its findings and its statements."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    return {
        "path": path,
        "findings": copydesk.check(text, path=path),
        "statements": copydesk.statements(text, path=path),
    }


def check_partition(numbered: List[Tuple[int, str]], out: str) -> List[Dict[str, Any]]:
    """Runs on a worker: analyses a partition of the archive, writes its part
    of each table, and returns one summary: how many articles and findings, and
    its speakers' counts for the archive-wide table."""
    findings, ledger, per_article = [], [], []
    for _, path in numbered:
        result = analyse(path)
        for f in result["findings"]:
            findings.append({**{k: f[k] for k in FINDINGS.names if k != "finding"},
                             "finding": json.dumps(f, sort_keys=True)})
        speakers: Dict[Tuple[str, str, bool], List[int]] = {}
        for s in result["statements"]:
            counts = speakers.setdefault((s["speaker"], s["kind"], s["named"]), [0, 0])
            counts[0] += 1
            counts[1] += int(s["quote"])
        ledger += [{"article": path, "speaker": k[0], "kind": k[1], "named": k[2],
                    "statements": n, "quotes": q} for k, (n, q) in speakers.items()]
        per_article.append({
            "article": path,
            "named_statements": sum(s["named"] for s in result["statements"]),
            "anonymous_statements": sum(not s["named"] for s in result["statements"]),
            "findings": len(result["findings"]),
            "by_rule": json.dumps(Counter(f["code"] for f in result["findings"]), sort_keys=True),
        })
    if not numbered:
        return []
    part = f"part-{numbered[0][0]:07d}.parquet"
    for table, schema, rows in (("findings", FINDINGS, findings), ("ledger", LEDGER, ledger),
                                ("articles", ARTICLES, per_article)):
        pq.write_table(pa.Table.from_pylist(rows, schema=schema), Path(out) / table / part)
    frame = pd.DataFrame(ledger, columns=LEDGER.names).assign(articles=1)
    speakers = frame.groupby(SPEAKER)[COUNTS].sum().reset_index()
    return [{"articles": len(numbered), "findings": len(findings), "speakers": speakers.to_dict("records")}]


@dataclass
class Summary:
    articles: int
    findings: int
    speakers: int
    seconds: float

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds else float("inf")


def run(archive: str, out: str, client: Client, partitions: Optional[int] = None) -> Summary:
    """Checks every article of `archive` on the cluster `client` is connected
    to, and writes the tables under `out` (replacing what is there)."""
    paths = articles(archive)
    if not paths:
        raise SystemExit(f"{archive}: no articles (*.md, *.markdown, *.txt)")
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    # Two partitions per worker, so one that finishes early takes another's
    # second; at most PARTITION articles in each, so a large archive streams.
    partitions = min(len(paths), partitions or max(2 * workers, -(-len(paths) // PARTITION)))
    out_dir = Path(out)
    for table in ("findings", "ledger", "articles"):
        shutil.rmtree(out_dir / table, ignore_errors=True)
        (out_dir / table).mkdir(parents=True)
    start = time.perf_counter()

    parts = db.from_sequence(list(enumerate(paths)), npartitions=partitions)
    summaries = parts.map_partitions(check_partition, str(out_dir)).compute()

    # Over the whole archive: a speaker is one row, with the articles that cite it.
    totals = pd.DataFrame([row for s in summaries for row in s["speakers"]], columns=SPEAKER + COUNTS)
    sources = (
        totals.groupby(SPEAKER)[COUNTS].sum().reset_index()
        .sort_values(["statements", "speaker"], ascending=[False, True])
    )
    sources.to_parquet(out_dir / "sources.parquet", index=False)
    seconds = time.perf_counter() - start
    checked = sum(s["articles"] for s in summaries)
    if checked != len(paths):
        raise RuntimeError(f"{checked} of {len(paths)} articles were checked")
    return Summary(articles=checked, findings=sum(s["findings"] for s in summaries),
                   speakers=len(sources), seconds=seconds)


@contextmanager
def connect(scheduler: Optional[str], workers: int = 4, threads: int = 1) -> Iterator[Client]:
    """A client of the cluster at `scheduler`, or of a LocalCluster of
    `workers` processes with `threads` threads each, closed on leaving."""
    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with LocalCluster(
        n_workers=workers,
        threads_per_worker=threads,
        processes=True,
        dashboard_address=None,
        # Workers whose scheduler goes first complain at shutdown; errors in
        # tasks still reach the client.
        silence_logs=logging.CRITICAL,
    ) as cluster, Client(cluster) as client:
        yield client


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("archive", help="a folder of articles (*.md, *.markdown, *.txt)")
    parser.add_argument("out", help="where to write the Parquet tables")
    parser.add_argument("--scheduler", help="the address of a running Dask scheduler (tcp://host:8786)")
    parser.add_argument("--workers", type=int, default=4, help="worker processes of the LocalCluster (default 4)")
    parser.add_argument("--threads", type=int, default=1, help="threads per worker (default 1)")
    parser.add_argument("--partitions", type=int,
                        help=f"partitions of the archive (default: 2 per worker, at most {PARTITION} articles each)")
    args = parser.parse_args()
    with connect(args.scheduler, args.workers, args.threads) as client:
        summary = run(args.archive, args.out, client, args.partitions)
    print(
        f"{summary.articles} articles, {summary.findings} findings, {summary.speakers} speakers "
        f"in {summary.seconds:.2f} s: {summary.rate:.0f} articles/s"
    )


if __name__ == "__main__":
    main()
