"""A released chronology made readable (pure): consecutive entries that open with the same time of day, as the
anonymiser leaves them ("In the early hours: ..." line after line, every clock time before 05:00 alike), say that
time once, with the entries under it as a list."""
from __future__ import annotations

import re

# The parts of the day the anonymiser puts for a clock time (anonymise/labels.time_replacement), or a clock time kept.
_WHEN = re.compile(r"(?P<when>(?:in the early hours|in the morning|in the afternoon|in the evening|late in the evening"
                   r"|around that time|at \d{1,2}[:.]\d{2}))\s*:\s+(?P<what>\S.*)", re.IGNORECASE)


def said_once(text: str | None) -> str:
    """`text` with each run of two or more consecutive lines "<time of day>: <entry>" of the same time of day as the
    line "<time of day>:" and the entries as "- <entry>" lines under it (a list where the text is shown); every other
    line as it was."""
    lines = (text or "").replace("\r\n", "\n").split("\n")
    out: list[str] = []
    n = 0
    while n < len(lines):
        found = _WHEN.fullmatch(lines[n].strip())
        run = n + 1
        while found and run < len(lines):
            following = _WHEN.fullmatch(lines[run].strip())
            if not following or following["when"].lower() != found["when"].lower():
                break
            run += 1
        if found and run - n > 1:
            out.append(found["when"] + ":")
            out += ["- " + _WHEN.fullmatch(line.strip())["what"] for line in lines[n:run]]
        else:
            out += lines[n:run]
        n = run
    return "\n".join(out)
