"""What travels between the institutions and a separate matcher: JSON Lines files, checked line by line.

An institution sends its encodings, one JSON object a line with exactly these fields:

    {"key": "...", "institution": "...", "kind": "food", "period": "2026-03", "clk": "<base64>"}

where `clk` is the base64 of exactly `encoding.BYTES` bytes. The matcher sends back the pairs it
found, one a line: {"left": key, "right": key, "score": 0.93}.

A file with anything else (a field more, such as a name; a field missing; a wrong size; bad base64;
a key twice) is refused as a whole, with the file and line in the message and never the offending
value, which might be a name. Files are written through a temporary file in the same directory and
renamed at the end, readable by their owner only: an interrupted run leaves nothing half-written.

Plain Python (no Django): the matcher's machine has this package and numpy, nothing else of Carepath.
"""

import base64
import binascii
import json
import math
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from carepath.linkage.encoding import BYTES
from carepath.linkage.matcher import Encoded, Match

ENCODING_FIELDS = ("key", "institution", "kind", "period", "clk")
PAIR_FIELDS = ("left", "right", "score")
PERIOD = re.compile(r"\d{4}-(0[1-9]|1[0-2])")
# Keys, institutions and kinds are short codes (a UUID, an id, "food"): longer text is refused, so a
# file cannot carry a note or an address under an innocent field name.
LONGEST_TEXT = 64


class Refused(ValueError):
    """A file the matcher or the institution does not take; the message names the file and line."""

    def __init__(self, path: str | os.PathLike[str], line: int | None, reason: str) -> None:
        self.path, self.line, self.reason = str(path), line, reason
        where = f"{self.path}, line {line}" if line is not None else self.path
        super().__init__(f"{where}: {reason}")


class _Twice(ValueError):
    pass


class WrongSize(ValueError):
    """An encoding to write is not `encoding.BYTES` bytes (made before the filter size changed)."""


def _no_duplicate_fields(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for name, value in pairs:
        if name in found:
            raise _Twice(f"has the field {name[:LONGEST_TEXT]!r} twice")
        found[name] = value
    return found


def _lines(path: str | os.PathLike[str]) -> Iterator[tuple[int, str]]:
    try:
        with open(path, encoding="utf-8-sig") as file:  # a byte-order mark, as some editors write, is no field
            yield from enumerate(file, start=1)
    except OSError as problem:
        raise Refused(path, None, f"cannot be read ({problem.strerror or problem})") from None
    except UnicodeDecodeError:
        raise Refused(path, None, "is not UTF-8 text") from None


def _objects(path: str | os.PathLike[str], fields: tuple[str, ...]) -> Iterator[tuple[int, dict[str, Any]]]:
    """Each non-blank line of the file as an object with exactly `fields`, with its line number."""
    for number, line in _lines(path):
        if not line.strip():
            continue
        try:
            value = json.loads(line, object_pairs_hook=_no_duplicate_fields)
        except _Twice as problem:
            raise Refused(path, number, str(problem)) from None
        except ValueError:
            raise Refused(path, number, "is not a JSON object") from None
        if not isinstance(value, dict):
            raise Refused(path, number, "is not a JSON object")
        extra = sorted(set(value) - set(fields))
        if extra:
            # Field names are ours to show; their values never are.
            shown = ", ".join(repr(name[:LONGEST_TEXT]) for name in extra)
            raise Refused(path, number, f"has field(s) not allowed: {shown}; allowed are only {', '.join(fields)}")
        missing = [name for name in fields if name not in value]
        if missing:
            raise Refused(path, number, f"lacks the field(s) {', '.join(missing)}")
        yield number, value


def _text(path: str | os.PathLike[str], number: int, value: dict[str, Any], name: str) -> str:
    text = value[name]
    if type(text) is not str or not text.strip():
        raise Refused(path, number, f"{name} must be a non-empty string")
    if len(text) > LONGEST_TEXT:
        raise Refused(path, number, f"{name} is longer than {LONGEST_TEXT} characters")
    return text


def read_encodings(paths: Iterable[str | os.PathLike[str]]) -> list[Encoded]:
    """Every encoding in the files, in order; Refused at the first line that is not exactly an encoding."""
    records: list[Encoded] = []
    seen: dict[str, tuple[str, int]] = {}
    for path in paths:
        for number, value in _objects(path, ENCODING_FIELDS):
            key, institution, kind, period = (
                _text(path, number, value, name) for name in ("key", "institution", "kind", "period")
            )
            if not PERIOD.fullmatch(period):
                raise Refused(path, number, "period must be a month written YYYY-MM")
            if type(value["clk"]) is not str:
                raise Refused(path, number, "clk must be a base64 string")
            try:
                clk = base64.b64decode(value["clk"], validate=True)
            except (binascii.Error, ValueError):
                raise Refused(path, number, "clk is not valid base64") from None
            if len(clk) != BYTES:
                raise Refused(path, number, f"clk is {len(clk)} bytes; an encoding is exactly {BYTES} bytes")
            if key in seen:
                first_path, first_line = seen[key]
                raise Refused(path, number, f"the key of this line is also on {first_path}, line {first_line}")
            seen[key] = (str(path), number)
            records.append(Encoded(key=key, institution=institution, kind=kind, period=period, clk=clk))
    return records


def read_pairs(path: str | os.PathLike[str]) -> list[Match]:
    """The pairs a matcher sent back; Refused at the first line that is not exactly a pair."""
    pairs: list[Match] = []
    for number, value in _objects(path, PAIR_FIELDS):
        left, right = _text(path, number, value, "left"), _text(path, number, value, "right")
        score = value["score"]
        if type(score) not in (int, float) or not math.isfinite(score) or not 0 <= score <= 1:
            raise Refused(path, number, "score must be a number from 0 to 1")
        pairs.append(Match(left=left, right=right, score=float(score)))
    return pairs


def encoding_line(record: Encoded) -> str:
    """One encoding as the line `read_encodings` takes."""
    if len(record.clk) != BYTES:
        raise WrongSize(f"an encoding is {BYTES} bytes, not {len(record.clk)}")
    return json.dumps({
        "key": record.key, "institution": record.institution, "kind": record.kind, "period": record.period,
        "clk": base64.b64encode(record.clk).decode("ascii"),
    })


def pair_line(pair: Match) -> str:
    return json.dumps({"left": pair.left, "right": pair.right, "score": pair.score})


def write_lines(path: str | os.PathLike[str], lines: Iterable[str]) -> int:
    """Write the lines to a temporary file beside `path`, then rename it to `path`; the number written.

    The file is readable by its owner only (pseudonymised personal data). If anything fails, `path`
    is left as it was."""
    target = Path(path)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    count = 0
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            for line in lines:
                file.write(line + "\n")
                count += 1
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return count


def write_encodings(path: str | os.PathLike[str], records: Iterable[Encoded]) -> int:
    return write_lines(path, (encoding_line(record) for record in records))


def write_pairs(path: str | os.PathLike[str], pairs: Iterable[Match]) -> int:
    return write_lines(path, (pair_line(pair) for pair in pairs))
