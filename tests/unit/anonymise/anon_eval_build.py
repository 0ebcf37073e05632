"""Builds tests/data/anonymise_eval.jsonl from the marked-up passages, checking every offset.

Run `python tests/unit/anonymise/anon_eval_build.py` after editing a passage.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from anon_eval_passages_a import PASSAGES_A  # noqa: E402
from anon_eval_passages_b import PASSAGES_B  # noqa: E402
from anon_eval_passages_c import PASSAGES_C  # noqa: E402
from anon_eval_heldout import PASSAGES_HELDOUT  # noqa: E402
from anon_dev_extra_passages import PASSAGES_DEV_EXTRA  # noqa: E402

EVAL_PATH = Path(__file__).resolve().parents[2] / "data" / "anonymise_eval.jsonl"
DEV_EXTRA_PATH = EVAL_PATH.with_name("anonymise_dev_extra.jsonl")
_MARK = re.compile(r"\[\[(?P<span>[^|\]]+)\|(?P<label>[A-Z0-9]+)\]\]|\{\{(?P<keep>[^}]+)\}\}")
LABELS = {"PERSON", "PLACE", "ADDRESS", "POSTCODE", "COLLAR", "FORCE", "DATE", "TIME", "AGE", "PHONE",
          "EMAIL", "VRM", "REFERENCE", "NINO", "DOB", "HANDLE", "W3W"}


def parse_markup(marked: str) -> tuple[str, list[dict[str, Any]], list[dict[str, Any]]]:
    """Plain text, gold identifier spans and kept-word spans from [[span|LABEL]] / {{span}} markup."""
    out: list[str] = []
    gold: list[dict[str, Any]] = []
    keep: list[dict[str, Any]] = []
    pos = 0
    length = 0
    for m in _MARK.finditer(marked):
        chunk = marked[pos:m.start()]
        out.append(chunk)
        length += len(chunk)
        span = m.group("span") or m.group("keep")
        entry = {"start": length, "end": length + len(span)}
        if m.group("label"):
            if m.group("label") not in LABELS:
                raise ValueError(f"unknown label {m.group('label')}")
            gold.append({**entry, "label": m.group("label"), "text": span})
        else:
            keep.append({**entry, "text": span})
        out.append(span)
        length += len(span)
        pos = m.end()
    out.append(marked[pos:])
    text = "".join(out)
    for g in gold + keep:
        assert text[g["start"]:g["end"]] == g["text"], g
    assert "[[" not in text and "{{" not in text and "]]" not in text, text
    return text, gold, keep


def records(passages: list[dict[str, object]] | None = None) -> list[dict[str, Any]]:
    rows = []
    if passages is None:
        passages = [*PASSAGES_A, *PASSAGES_B, *PASSAGES_C, *PASSAGES_HELDOUT]
    for passage in passages:
        text, gold, keep = parse_markup(str(passage["text"]))
        row: dict[str, Any] = {"id": passage["id"], "text": text, "people": passage.get("people", [])}
        if passage.get("force"):
            row["force"] = passage["force"]
        row["gold"] = gold
        row["keep"] = keep
        rows.append(row)
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)), "duplicate passage id"
    return rows


def render(passages: list[dict[str, object]] | None = None) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records(passages))


if __name__ == "__main__":
    EVAL_PATH.parent.mkdir(parents=True, exist_ok=True)
    EVAL_PATH.write_text(render(), encoding="utf-8")
    print(f"wrote {len(records())} passages to {EVAL_PATH}")
    DEV_EXTRA_PATH.write_text(render(PASSAGES_DEV_EXTRA), encoding="utf-8")
    print(f"wrote {len(PASSAGES_DEV_EXTRA)} passages to {DEV_EXTRA_PATH}")
