"""Production mode: refuses unsafe settings, and `check --deploy` is clean with the three required variables."""

import os
import subprocess
import sys

from django.conf import settings

GOOD_KEY = "k7#Qp2!vX9@mZ4$wL8^rT1&yB6*nC3(hD5)jF0_gS-uE+aR=iO"


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS"}}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_without_debug_the_app_refuses_the_development_secret_key():
    result = _manage("check", DEBUG="0", ALLOWED_HOSTS="thidua.example")
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_debug_is_off_unless_asked_for():
    result = _manage("check", ALLOWED_HOSTS="thidua.example")
    assert result.returncode != 0 and "SECRET_KEY must be set" in result.stderr


def test_without_debug_the_app_refuses_empty_allowed_hosts():
    result = _manage("check", DEBUG="0", SECRET_KEY=GOOD_KEY)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set when DEBUG is off" in result.stderr


def test_check_deploy_is_clean_with_only_the_three_variables():
    result = _manage(
        "check", "--deploy", "--fail-level", "WARNING", DEBUG="0", SECRET_KEY=GOOD_KEY, ALLOWED_HOSTS="thidua.example"
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_each_security_setting_can_be_relaxed_by_its_own_variable():
    result = _manage(
        "shell",
        "-c",
        "from django.conf import settings as s; print(s.SECURE_SSL_REDIRECT, "
        "s.SESSION_COOKIE_SECURE, s.SECURE_HSTS_SECONDS)",
        DEBUG="0",
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="thidua.example",
        SECURE_SSL_REDIRECT="0",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].split() == ["False", "True", "31536000"]


def test_the_ui_speaks_vietnamese_in_ho_chi_minh_time():
    assert settings.LANGUAGE_CODE == "vi" and settings.TIME_ZONE == "Asia/Ho_Chi_Minh" and settings.USE_TZ
