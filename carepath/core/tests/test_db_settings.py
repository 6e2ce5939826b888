"""Database options read from the environment (carepath/settings/base.py), checked in a fresh process."""

import json
import os
import subprocess
import sys

PRINT_OPTIONS = (
    "import json; from carepath.settings import base; "
    "print(json.dumps({alias: db.get('OPTIONS', {}) for alias, db in base.DATABASES.items()}))"
)


def _run(**env: str) -> subprocess.CompletedProcess[str]:
    unset = ("DATABASE_REPLICA_URL", "CAREPATH_DB_PREPARE_THRESHOLD")
    inherited = {k: v for k, v in os.environ.items() if k not in unset}
    return subprocess.run(  # noqa: S603  (this interpreter, our own settings)
        [sys.executable, "-c", PRINT_OPTIONS], env={**inherited, **env}, capture_output=True, text=True, timeout=60,
        check=False,
    )


def _options(**env: str) -> dict[str, dict[str, object]]:
    result = _run(**env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


PRIMARY = "postgres://carepath@db.internal:5432/carepath"
REPLICA = "postgres://reader@replica.internal:5432/carepath"


def test_prepared_statements_are_on_by_default_for_every_postgresql_alias():
    options = _options(DATABASE_URL=PRIMARY, DATABASE_REPLICA_URL=REPLICA)
    expected = {"server_side_binding": True, "prepare_threshold": 2}
    assert options["default"] == expected and options["replica"] == expected


def test_a_prepare_threshold_sets_the_number_of_runs():
    options = _options(DATABASE_URL=PRIMARY, CAREPATH_DB_PREPARE_THRESHOLD="5")
    assert options["default"] == {"server_side_binding": True, "prepare_threshold": 5}


def test_options_of_the_database_url_are_kept():
    options = _options(DATABASE_URL=f"{PRIMARY}?sslmode=require")
    assert options["default"] == {"sslmode": "require", "server_side_binding": True, "prepare_threshold": 2}


def test_off_leaves_binding_and_preparing_to_django_for_a_pooler_that_cannot_keep_statements():
    options = _options(DATABASE_URL=PRIMARY, DATABASE_REPLICA_URL=REPLICA, CAREPATH_DB_PREPARE_THRESHOLD="off")
    assert options["default"] == {} and options["replica"] == {}


def test_a_threshold_that_is_not_a_number_stops_the_start_with_a_clear_message():
    result = _run(DATABASE_URL=PRIMARY, CAREPATH_DB_PREPARE_THRESHOLD="sometimes")
    assert result.returncode != 0 and "CAREPATH_DB_PREPARE_THRESHOLD is a whole number" in result.stderr


def test_sqlite_keeps_its_own_options_whatever_the_threshold():
    options = _options(DATABASE_URL="sqlite:////tmp/carepath-settings-check.sqlite3", CAREPATH_DB_PREPARE_THRESHOLD="2")
    assert options["default"]["transaction_mode"] == "IMMEDIATE"
    assert "prepare_threshold" not in options["default"]
