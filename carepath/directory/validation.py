"""Validate HSDS JSON against the Open Referral schemas shipped in schemas/hsds-3.0/.

Each schema file carries its `$id` and refers to the others by file name (`"$ref": "phone.json"`),
which resolves against that `$id`; a `referencing` Registry holding every shipped file lets
jsonschema follow those references without the network. A file without `$id` (as in the v3.0
tag) is registered under BASE_URI + its file name instead, so either set of files works.
"""

import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SCHEMA_DIR = Path(__file__).resolve().parent / "schemas" / "hsds-3.0"
BASE_URI = "https://raw.githubusercontent.com/openreferral/specification/refs/heads/3.2/schema/"


@cache
def _resources() -> dict[str, tuple[str, Resource]]:
    """{file name: (its URI, its resource)} for every shipped schema."""
    found = {}
    for path in sorted(SCHEMA_DIR.glob("*.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        uri = contents.get("$id", BASE_URI + path.name)
        found[path.name] = (uri, Resource.from_contents(contents, default_specification=DRAFT202012))
    return found


def registry() -> Registry:
    return Registry().with_resources((uri, resource) for uri, resource in _resources().values())


def validator(schema_file: str) -> Draft202012Validator:
    """A validator for one shipped schema, e.g. "service.json", following its $refs offline."""
    uri, _ = _resources()[schema_file]
    return Draft202012Validator({"$ref": uri}, registry=registry(), format_checker=FormatChecker())


def errors(instance: Any, schema_file: str) -> list[str]:
    """Every way `instance` breaks the schema, as "path: message" lines (empty when valid)."""
    return [
        f"{'/'.join(str(p) for p in error.absolute_path) or '(root)'}: {error.message}"
        for error in validator(schema_file).iter_errors(instance)
    ]
