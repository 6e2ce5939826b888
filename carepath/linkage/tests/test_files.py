"""The matcher as a program of its own: JSON Lines in and out, refused whole when a line is not an encoding."""

import base64
import datetime
import json
import os
import subprocess
import sys

import pytest

from carepath.linkage import files
from carepath.linkage.__main__ import main
from carepath.linkage.encoding import BYTES, Encoder, Record
from carepath.linkage.matcher import Encoded, Match, match

SECRET = b"shared by the participating institutions"
ENCODER = Encoder(secret=SECRET)
JONAS = ENCODER.encode(Record("Jonas", "Petraitis", datetime.date(1980, 3, 15), "4 Birch Street"))
JONAS_TYPO = ENCODER.encode(Record("Jonas", "Petraitys", datetime.date(1980, 3, 15), "4 Birch Street"))
OTHER = ENCODER.encode(Record("Marek", "Kowalczyk", datetime.date(1955, 11, 2), "3 Station Road"))


def sent() -> list[Encoded]:
    return [
        Encoded("k-1", "food bank", "food", "2026-03", JONAS),
        Encoded("k-2", "municipality", "food", "2026-03", JONAS_TYPO),
        Encoded("k-3", "municipality", "food", "2026-03", OTHER),
        Encoded("k-4", "charity", "food", "2026-04", JONAS),  # another month
    ]


def line(**changes: object) -> str:
    value: dict[str, object] = {
        "key": "k-9", "institution": "charity", "kind": "food", "period": "2026-03",
        "clk": base64.b64encode(JONAS).decode(),
    }
    value.update(changes)
    return json.dumps({k: v for k, v in value.items() if v is not None})


def without_django_settings() -> dict[str, str]:
    return {name: value for name, value in os.environ.items() if name != "DJANGO_SETTINGS_MODULE"}


def run_module(*args: str) -> subprocess.CompletedProcess[str]:
    """`python -m carepath.linkage ARGS` as the matcher's machine runs it: no Django settings."""
    return subprocess.run(  # noqa: S603  (this interpreter, our own module)
        [sys.executable, "-m", "carepath.linkage", *args],
        capture_output=True, text=True, env=without_django_settings(), timeout=120, check=False,
    )


def test_encodings_written_are_read_back_the_same(tmp_path):
    path = tmp_path / "food-bank.jsonl"
    assert files.write_encodings(path, sent()) == 4
    assert files.read_encodings([path]) == sent()
    assert len(base64.b64decode(json.loads(path.read_text().splitlines()[0])["clk"])) == BYTES


def test_pairs_written_are_read_back_the_same(tmp_path):
    pairs = [Match("k-1", "k-2", 0.8571428656578064), Match("k-3", "k-5", 1.0)]
    files.write_pairs(tmp_path / "pairs.jsonl", pairs)
    assert files.read_pairs(tmp_path / "pairs.jsonl") == pairs


def test_files_are_readable_by_their_owner_only(tmp_path):
    files.write_encodings(tmp_path / "out.jsonl", sent())
    assert (tmp_path / "out.jsonl").stat().st_mode & 0o077 == 0


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (line(name="Jonas Petraitis"), "not allowed: 'name'"),
        (line(given_names="Jonas"), "not allowed: 'given_names'"),
        (line(clk=None), "lacks the field(s) clk"),
        (line(clk=base64.b64encode(JONAS[:-1]).decode()), f"an encoding is exactly {BYTES} bytes"),
        (line(clk=base64.b64encode(JONAS + b"\0").decode()), f"an encoding is exactly {BYTES} bytes"),
        (line(clk="not base64!"), "not valid base64"),
        (line(clk=list(JONAS)), "base64 string"),
        (line(institution=7), "institution must be a non-empty string"),
        (line(key=""), "key must be a non-empty string"),
        (line(kind="food for Jonas Petraitis of 4 Birch Street, born 15 March 1980, and family"), "longer than 64"),
        (line(period="March 2026"), "YYYY-MM"),
        (line(period="2026-13"), "YYYY-MM"),
        ('{"key": "a", "key": "b", "institution": "x", "kind": "food", "period": "2026-03", "clk": ""}', "twice"),
        ("Jonas Petraitis;1980-03-15", "not a JSON object"),
        ("[1, 2]", "not a JSON object"),
    ],
)
def test_anything_but_exactly_an_encoding_is_refused_with_the_file_and_line(tmp_path, text, reason):
    path = tmp_path / "sent.jsonl"
    path.write_text(line(key="k-0") + "\n\n" + text + "\n")
    with pytest.raises(files.Refused) as refused:
        files.read_encodings([path])
    assert refused.value.line == 3 and refused.value.path == str(path)
    assert str(refused.value).startswith(f"{path}, line 3: ") and reason in str(refused.value)
    assert "Petraitis" not in str(refused.value) and "Birch" not in str(refused.value)


def test_a_key_sent_twice_is_refused(tmp_path):
    (tmp_path / "a.jsonl").write_text(line(key="same") + "\n")
    (tmp_path / "b.jsonl").write_text(line(key="same", institution="food bank") + "\n")
    with pytest.raises(files.Refused, match=r"b.jsonl, line 1: .*also on .*a.jsonl, line 1"):
        files.read_encodings([tmp_path / "a.jsonl", tmp_path / "b.jsonl"])


@pytest.mark.parametrize(
    "text",
    ['{"left": "a", "right": "b"}', '{"left": "a", "right": "b", "score": 1.5}', '{"left": "a", "right": "b", '
     '"score": true}', '{"left": "a", "right": "b", "score": 0.9, "name": "Jonas"}', '{"left": 1, "right": "b", '
     '"score": 0.9}', '{"left": "a", "right": "b", "score": NaN}'],
)
def test_anything_but_exactly_a_pair_is_refused(tmp_path, text):
    path = tmp_path / "pairs.jsonl"
    path.write_text(text + "\n")
    with pytest.raises(files.Refused, match=r"pairs.jsonl, line 1: "):
        files.read_pairs(path)


def test_the_command_writes_the_pairs_the_matcher_finds(tmp_path, capsys):
    records = sent()
    files.write_encodings(tmp_path / "food-bank.jsonl", records[:1])
    files.write_encodings(tmp_path / "others.jsonl", records[1:])
    out = tmp_path / "pairs.jsonl"
    assert main(["match", str(tmp_path / "food-bank.jsonl"), str(tmp_path / "others.jsonl"), "--out", str(out)]) == 0
    assert files.read_pairs(out) == match(records) and len(match(records)) == 1
    assert "Compared 4 encoding(s) of 3 institution(s) from 2 file(s): 1 pair(s)" in capsys.readouterr().out
    assert main(["match", str(tmp_path / "food-bank.jsonl"), str(tmp_path / "others.jsonl"), "--out", str(out),
                 "--threshold", "1"]) == 0
    assert files.read_pairs(out) == []


def test_the_command_refuses_a_line_with_a_name_and_writes_nothing(tmp_path):
    files.write_encodings(tmp_path / "good.jsonl", sent())
    (tmp_path / "bad.jsonl").write_text(line() + "\n" + line(key="k-10", name="Jonas Petraitis") + "\n")
    out = tmp_path / "pairs.jsonl"
    result = run_module("match", str(tmp_path / "good.jsonl"), str(tmp_path / "bad.jsonl"), "--out", str(out))
    assert result.returncode == 1
    assert f"{tmp_path / 'bad.jsonl'}, line 2: has field(s) not allowed: 'name'" in result.stderr
    assert "Petraitis" not in result.stderr + result.stdout
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.jsonl", "good.jsonl"]


def test_a_refused_input_leaves_an_earlier_output_as_it_was(tmp_path):
    out = tmp_path / "pairs.jsonl"
    out.write_text("earlier\n")
    (tmp_path / "bad.jsonl").write_text(line(clk="AAAA") + "\n")
    assert run_module("match", str(tmp_path / "bad.jsonl"), "--out", str(out)).returncode == 1
    assert out.read_text() == "earlier\n"


def test_a_wrong_threshold_is_a_usage_error(tmp_path):
    result = run_module("match", str(tmp_path / "x.jsonl"), "--out", str(tmp_path / "o.jsonl"), "--threshold", "2")
    assert result.returncode == 2 and "--threshold" in result.stderr


def test_the_matcher_program_runs_without_django(tmp_path):
    """The matcher's machine has numpy and this package only: nothing on the way may import Django."""
    files.write_encodings(tmp_path / "sent.jsonl", sent())
    out = tmp_path / "pairs.jsonl"
    program = (
        "import runpy, sys\n"
        f"sys.argv = ['carepath.linkage', 'match', {str(tmp_path / 'sent.jsonl')!r}, '--out', {str(out)!r}]\n"
        "try:\n"
        "    runpy.run_module('carepath.linkage', run_name='__main__', alter_sys=True)\n"
        "except SystemExit as end:\n"
        "    assert end.code == 0, end.code\n"
        "print('django' in sys.modules, any(name.startswith('django') for name in sys.modules))\n"
    )
    result = subprocess.run(  # noqa: S603  (this interpreter, our own module)
        [sys.executable, "-I", "-c", program],
        capture_output=True, text=True, env=without_django_settings(), timeout=120, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "False False"
    assert len(files.read_pairs(out)) == 1
    assert "DJANGO_SETTINGS_MODULE" not in without_django_settings()



def test_a_byte_order_mark_is_not_a_field(tmp_path):
    (tmp_path / "sent.jsonl").write_text(line() + "\n", encoding="utf-8-sig")
    assert [r.key for r in files.read_encodings([tmp_path / "sent.jsonl"])] == ["k-9"]


def test_an_encoding_of_another_size_is_not_written(tmp_path):
    with pytest.raises(files.WrongSize):
        files.write_encodings(tmp_path / "out.jsonl", [*sent(), Encoded("k-5", "charity", "food", "2026-03", b"\0")])
    assert list(tmp_path.iterdir()) == []
