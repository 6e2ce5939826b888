"""Database options read from the environment (carepath/settings/base.py), checked in a fresh process."""

import json
import os
import subprocess
import sys

PRINT_OPTIONS = (
    "import json; from carepath.settings import base; "
    "print(json.dumps({alias: db.get('OPTIONS', {}) for alias, db in base.DATABASES.items()}))"
)


def _options(**env: str) -> dict[str, dict[str, object]]:
    unset = ("DATABASE_REPLICA_URL", "CAREPATH_DB_PREPARE_THRESHOLD")
    inherited = {k: v for k, v in os.environ.items() if k not in unset}
    result = subprocess.run(  # noqa: S603  (this interpreter, our own settings)
        [sys.executable, "-c", PRINT_OPTIONS], env={**inherited, **env}, capture_output=True, text=True, timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


PRIMARY = "postgres://carepath@db.internal:5432/carepath"
REPLICA = "postgres://reader@replica.internal:5432/carepath"


def test_prepared_statements_are_off_unless_asked_for():
    options = _options(DATABASE_URL=PRIMARY, DATABASE_REPLICA_URL=REPLICA)
    assert "prepare_threshold" not in options["default"] and "prepare_threshold" not in options["replica"]


def test_a_prepare_threshold_binds_parameters_on_the_server_for_every_postgresql_alias():
    options = _options(DATABASE_URL=PRIMARY, DATABASE_REPLICA_URL=REPLICA, CAREPATH_DB_PREPARE_THRESHOLD="2")
    expected = {"server_side_binding": True, "prepare_threshold": 2}
    assert options["default"] == expected and options["replica"] == expected


def test_sqlite_keeps_its_own_options_whatever_the_threshold():
    options = _options(DATABASE_URL="sqlite:////tmp/carepath-settings-check.sqlite3", CAREPATH_DB_PREPARE_THRESHOLD="2")
    assert options["default"]["transaction_mode"] == "IMMEDIATE"
    assert "prepare_threshold" not in options["default"]
