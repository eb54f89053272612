"""The archive example on Dask, checked against the CLI: a generated archive of
2,000 articles, a LocalCluster of two worker processes, and the same files
through `copydesk check` and `copydesk ledger`.

    COPYDESK_BIN=target/release/copydesk python -m pytest examples/archive

COPYDESK_BIN is the CLI to compare with; without it, the `copydesk` command
installed beside this Python (the wheel's).
"""

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).parent))
import archive  # noqa: E402
import generate  # noqa: E402

ARTICLES = 2000


def cli():
    command = os.environ.get("COPYDESK_BIN") or shutil.which("copydesk", path=os.path.dirname(sys.executable))
    assert command, "set COPYDESK_BIN, or install the copydesk wheel beside this Python"
    return os.path.abspath(command)


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    """The archive, checked on Dask: (folder the paths are relative to, summary, tables)."""
    root = tmp_path_factory.mktemp("archive")
    generate.generate(root / "archive", ARTICLES, seed=17)
    cwd = os.getcwd()
    # Paths relative to one folder, as a newsroom's archive would be named,
    # and as the CLI reports them when run there.
    os.chdir(root)
    try:
        with archive.connect(None, workers=2) as client:
            summary = archive.run("archive", "out", client)
    finally:
        os.chdir(cwd)
    tables = {name: pd.read_parquet(root / "out" / name) for name in ("findings", "ledger", "articles")}
    tables["sources"] = pd.read_parquet(root / "out" / "sources.parquet")
    return root, summary, tables


def test_every_article_is_checked(checked):
    _, summary, tables = checked
    assert summary.articles == ARTICLES
    assert len(tables["articles"]) == ARTICLES
    assert tables["articles"]["article"].is_unique
    assert summary.findings == len(tables["findings"]) > 0


def test_findings_are_identical_to_the_clis(checked):
    root, _, tables = checked
    out = subprocess.run([cli(), "check", "--format", "jsonl", "archive"], cwd=root,
                         capture_output=True, text=True, timeout=600)
    assert out.returncode == 1, out.stderr  # something was found
    from_cli = Counter(json.dumps(json.loads(line), sort_keys=True) for line in out.stdout.splitlines())
    from_dask = Counter(tables["findings"]["finding"])
    assert from_dask == from_cli
    codes = {json.loads(f)["code"] for f in from_dask}
    assert {"vague-attribution", "unattributed-claim", "orphan-quote"} <= codes
    # The flat columns agree with the whole finding.
    first = tables["findings"].iloc[0]
    assert json.loads(first["finding"])["start_byte"] == first["start_byte"]


def test_the_ledger_agrees_with_copydesk_ledger(checked):
    root, _, tables = checked
    out = subprocess.run([cli(), "ledger", "--format", "json", "archive"], cwd=root,
                         capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    from_cli = {
        (a["path"], row["source"], row["kind"]): (row["statements"], row["quotes"])
        for a in json.loads(out.stdout)["articles"]
        for row in a["sources"]
        if row["kind"] != "vague"
    }
    ledger = tables["ledger"]
    from_dask = {
        (r.article, r.speaker, r.kind): (r.statements, r.quotes) for r in ledger.itertuples()
    }
    assert from_dask == from_cli
    assert set(ledger["kind"]) >= {"person", "anonymous"}
    assert ledger["named"].equals(ledger["kind"] != "anonymous")


def test_sources_sum_the_ledger_over_the_archive(checked):
    _, _, tables = checked
    ledger, sources = tables["ledger"], tables["sources"]
    assert sources[["speaker", "kind"]].duplicated().sum() == 0
    assert sources["statements"].sum() == ledger["statements"].sum()
    by_speaker = ledger.groupby(["speaker", "kind"]).size()
    for row in sources.head(20).itertuples():
        assert row.articles == by_speaker[(row.speaker, row.kind)]
