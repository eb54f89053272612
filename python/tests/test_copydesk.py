"""The installed wheel: the `copydesk` command (CLI and language server) and
the `copydesk` module. Run with the wheel installed in a fresh venv:

    python -m pytest python/tests
"""

import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import copydesk

STORY = """# Ferry cuts

Mayor Ilse Brandt said the night ferry would stop in June.

"We have no choice," Brandt said.

A senior council official said the budget was short by a third. Critics say
the cut is too deep. The ferry company is expected to appeal.
"""

COMMAND = shutil.which("copydesk", path=os.path.dirname(sys.executable))


def run(*args, cwd, **kwargs):
    assert COMMAND, "the wheel installs a copydesk command beside python"
    return subprocess.run([COMMAND, *args], cwd=cwd, capture_output=True, text=True, timeout=60, **kwargs)


# The command -------------------------------------------------------------------


def test_the_command_is_the_wheels_and_reports_the_version():
    assert Path(COMMAND).parent == Path(sys.executable).parent
    out = run("--version", cwd=".")
    assert out.returncode == 0
    assert out.stdout.strip() == f"copydesk {copydesk.__version__}"


def test_command_check_prints_findings_and_exits_one(tmp_path):
    (tmp_path / "story.md").write_text(STORY)
    out = run("check", "story.md", cwd=tmp_path)
    assert out.returncode == 1, out.stderr
    assert "warning[vague-attribution]" in out.stdout
    assert "--> story.md:7:65" in out.stdout


def test_command_json_equals_the_module(tmp_path):
    (tmp_path / "story.md").write_text(STORY)
    out = run("check", "--format", "jsonl", "story.md", cwd=tmp_path)
    from_command = [json.loads(line) for line in out.stdout.splitlines()]
    assert from_command == copydesk.check(STORY, path="story.md")
    assert {f["code"] for f in from_command} >= {"vague-attribution", "unattributed-claim"}


def test_command_ledger_and_usage_errors(tmp_path):
    (tmp_path / "story.md").write_text(STORY)
    out = run("ledger", "--format", "json", "story.md", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    ledger = json.loads(out.stdout)
    kinds = {row["source"]: row["kind"] for row in ledger["articles"][0]["sources"]}
    assert kinds["Ilse Brandt"] == "person"
    assert kinds["A senior council official"] == "anonymous"
    assert run("check", cwd=tmp_path).returncode == 2
    assert run("check", "missing.md", cwd=tmp_path).returncode == 2


def frame(message):
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n%s" % (len(body), body)


def read_message(stream):
    length = None
    while True:
        line = stream.readline()
        if not line:
            raise EOFError("the server closed stdout")
        if line in (b"\r\n", b"\n"):
            break
        name, _, value = line.decode().partition(":")
        if name.lower() == "content-length":
            length = int(value)
    return json.loads(stream.read(length))


def test_command_serves_lsp_on_stdio(tmp_path):
    """An editor's session, cut short: initialize, open a document, get its
    diagnostics, shut down; the server exits with status 0."""
    server = subprocess.Popen([COMMAND, "--stdio"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, cwd=tmp_path)
    uri = (tmp_path / "story.md").as_uri()
    try:
        server.stdin.write(frame({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                                  "params": {"processId": None, "rootUri": None, "capabilities": {}}}))
        server.stdin.flush()
        reply = read_message(server.stdout)
        assert reply["id"] == 1 and "capabilities" in reply["result"]
        server.stdin.write(frame({"jsonrpc": "2.0", "method": "initialized", "params": {}}))
        server.stdin.write(frame({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
            "textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": STORY}}}))
        server.stdin.flush()
        while True:
            message = read_message(server.stdout)
            if message.get("method") == "textDocument/publishDiagnostics":
                break
            if "id" in message and "method" in message:  # a request to the client: answer it
                server.stdin.write(frame({"jsonrpc": "2.0", "id": message["id"], "result": None}))
                server.stdin.flush()
        assert message["params"]["uri"] == uri
        codes = {d["code"] for d in message["params"]["diagnostics"]}
        assert "vague-attribution" in codes
        server.stdin.write(frame({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}))
        server.stdin.flush()
        while read_message(server.stdout).get("id") != 2:
            pass
        server.stdin.write(frame({"jsonrpc": "2.0", "method": "exit"}))
        server.stdin.close()
        assert server.wait(timeout=20) == 0
    finally:
        if server.poll() is None:
            server.kill()
        server.wait()


# The module ---------------------------------------------------------------------


def test_check_returns_findings_in_the_json_schema():
    findings = copydesk.check(STORY)
    assert findings, "the story has findings"
    for f in findings:
        assert {"path", "line", "column", "end_line", "end_column", "start_byte", "end_byte",
                "code", "severity", "message"} <= f.keys()
        assert f["path"] == "story.md"
    vague = next(f for f in findings if f["code"] == "vague-attribution")
    assert STORY.encode()[vague["start_byte"]:vague["end_byte"]].decode() == "Critics say"
    assert (vague["line"], vague["column"]) == (7, 65)


def test_path_chooses_markdown_or_plain_text():
    # In Markdown a fenced block is code, not prose.
    fenced = "The ferry ran late.\n\n```\nCritics say it is wrong.\n```\n"
    assert copydesk.check(fenced, path="note.md") == []
    assert [f["code"] for f in copydesk.check(fenced, path="note.txt")] == ["vague-attribution"]


def test_config_as_a_dict_or_a_file(tmp_path):
    off = copydesk.check(STORY, config={"rules": {"vague-attribution": "off"}})
    assert "vague-attribution" not in {f["code"] for f in off}
    config = tmp_path / ".copydesk.toml"
    config.write_text('[rules]\nvague-attribution = "error"\n')
    errors = copydesk.check(STORY, config=config)
    assert {f["severity"] for f in errors if f["code"] == "vague-attribution"} == {"error"}
    config.write_text('[rules]\nvague-attribution = "loud"\n')
    with pytest.raises(ValueError, match="loud"):
        copydesk.check(STORY, config=str(config))
    with pytest.raises(ValueError):
        copydesk.check(STORY, config={"style": "tabloid"})
    with pytest.raises(TypeError):
        copydesk.check(STORY, config=42)
    with pytest.raises(TypeError):
        copydesk.check(b"bytes are not text")


def test_actors_lists_people_with_their_mentions():
    result = copydesk.actors(STORY)
    brandt = next(a for a in result["actors"] if a["name"] == "Ilse Brandt")
    assert brandt["kind"] == "person"
    assert brandt["role"] == "Mayor"
    assert [r["text"] for r in brandt["references"]] == ["Mayor Ilse Brandt", "Brandt"]


def test_statements_give_speaker_cue_content_and_span():
    text = "Ménard, l'été 😀.\n\n" + STORY
    said = copydesk.statements(text)
    speakers = [(s["speaker"], s["kind"], s["named"]) for s in said]
    assert speakers == [
        ("Ilse Brandt", "person", True),
        ("Ilse Brandt", "person", True),
        ("A senior council official", "anonymous", False),
    ]
    quote = said[1]
    assert quote["quote"] is True and quote["content"] == "We have no choice,"
    assert quote["cue"] == "said"
    for s in said:
        # Character offsets index the str; byte offsets its UTF-8.
        assert text[s["start"]:s["end"]] == text.encode()[s["start_byte"]:s["end_byte"]].decode()
        assert s["content"] in text[s["start"]:s["end"]]
    assert said[2]["line"] == 9


def test_the_gil_is_released_while_analysing():
    """While one thread analyses a long text, another runs Python: with the GIL
    held, no Python could run in the middle of the call."""
    paragraph = ("The harbour board met on Tuesday and approved the plan for the new quay, "
                 "which will take two years to build and cost the city a third of its budget. ")
    text = "\n\n".join(f"{i}. {paragraph * 4}" for i in range(3000))
    window = {}

    def analyse():
        window["start"] = time.perf_counter()
        copydesk.check(text, path="long.txt")
        window["end"] = time.perf_counter()

    worker = threading.Thread(target=analyse)
    ticks = []
    worker.start()
    while worker.is_alive():
        ticks.append(time.perf_counter())
    worker.join()
    start, end = window["start"], window["end"]
    middle = (start + (end - start) * 0.25, start + (end - start) * 0.75)
    assert end - start > 0.02, "the text is long enough to measure"
    assert any(middle[0] <= t <= middle[1] for t in ticks), "Python ran while the analysis ran"


def test_threads_get_the_same_findings_as_one_after_another():
    texts = [STORY.replace("Brandt", name) for name in ("Brandt", "Okafor", "Lindqvist", "Moreau")]
    alone = [copydesk.check(t) for t in texts]
    results = [None] * len(texts)

    def work(i):
        results[i] = copydesk.check(texts[i])

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(texts))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == alone
