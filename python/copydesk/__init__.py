"""copydesk: a copy editor for news copy.

The same analysis as the ``copydesk`` command and language server, for Python::

    import copydesk
    copydesk.check(text, path="story.md")   # findings, as `copydesk check --format jsonl`
    copydesk.actors(text)                    # people and organisations, with every mention
    copydesk.statements(text)                # who said what: speaker, cue, quote or content, span

Each call analyses the text afresh and releases the GIL while it does, so
threads (or a Dask or Ray worker's thread pool) run analyses in parallel.

``path`` is the name the text is reported under; its extension chooses how the
text is read (``.md``/``.markdown`` as Markdown, anything else as plain text).
It is not opened. ``config`` is ``None`` for the default settings, the path of
a ``.copydesk.toml``, or a dict of settings as the editors send them
(``{"style": "uk", "rules": {"repeated-title": "off"}}``); a bad config raises
``ValueError``.
"""

from __future__ import annotations

import json
import os
from typing import Any, Dict, List, Mapping, Optional, Union

from . import _native

__all__ = ["check", "actors", "statements", "__version__"]
__version__: str = _native.__version__

Config = Union[None, str, "os.PathLike[str]", Mapping[str, Any]]


def _config(config: Config) -> Dict[str, Any]:
    if config is None:
        return {}
    if isinstance(config, (str, os.PathLike)):
        return {"config_path": os.fspath(config)}
    if isinstance(config, Mapping):
        return {"config_json": json.dumps(dict(config))}
    raise TypeError(
        f"config must be None, a path to a .copydesk.toml, or a dict of settings, not {type(config).__name__}"
    )


def _text(text: str) -> str:
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    return text


def check(text: str, path: str = "story.md", config: Config = None) -> List[Dict[str, Any]]:
    """The findings in ``text``: one dict per finding, with the keys of
    ``copydesk check --format jsonl`` (path, line, column, end_line, end_column,
    start_byte, end_byte, code, severity, message, …)."""
    return json.loads(_native.check(_text(text), os.fspath(path), **_config(config)))


def actors(text: str, path: str = "story.md", config: Config = None) -> Dict[str, Any]:
    """The people and organisations in ``text``, as ``copydesk actors --format
    json`` prints them: ``{"path", "actors": [{"name", "kind", "role",
    "references", "relations", "statements"}], "unlinked"}``."""
    return json.loads(_native.actors(_text(text), os.fspath(path), **_config(config)))


def statements(text: str, path: str = "story.md", config: Config = None) -> List[Dict[str, Any]]:
    """Who said what in ``text``, in order: one dict per attributed statement
    with ``speaker`` (a name, or the words describing an unnamed source),
    ``kind`` (person, organisation, government or anonymous), ``named``,
    ``cue`` ("said", "according to"), ``content`` (the quotation or the
    reported clause), ``quote`` (whether ``content`` is a direct quotation),
    ``line`` and ``column`` (1-based), and the statement's span as
    ``start``/``end`` (indices into ``text``) and ``start_byte``/``end_byte``
    (into its UTF-8 encoding)."""
    return json.loads(_native.statements(_text(text), os.fspath(path), **_config(config)))
