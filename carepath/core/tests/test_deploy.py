"""Production settings: clean deploy check, and no start without a real secret."""

import os
import secrets
import subprocess
import sys

PROD = {"DJANGO_SETTINGS_MODULE": "carepath.settings.production", "CAREPATH_ALLOWED_HOSTS": "carepath.example.org"}


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    # The browser fixture's DJANGO_ALLOW_ASYNC_UNSAFE must not reach a production check.
    inherited = {k: v for k, v in os.environ.items() if k not in ("CAREPATH_SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE")}
    full_env = {**inherited, **PROD, **env}
    return subprocess.run(
        [sys.executable, "-m", "carepath.manage", *args], env=full_env, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_is_clean_in_production_settings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", CAREPATH_SECRET_KEY=secrets.token_urlsafe(60))
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_secret_key():
    result = _manage("check")
    assert result.returncode != 0
    assert "CAREPATH_SECRET_KEY" in result.stderr
