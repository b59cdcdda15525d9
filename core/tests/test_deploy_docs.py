"""docs/DEPLOY.md stays true: it shows the committed unit files and nginx site as they are, the documents unit runs
the worker `make worker-documents` runs, and every environment variable the settings read has its row."""

import re
import shlex
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
DOC = ROOT / "docs" / "DEPLOY.md"
DEPLOY_FILES = sorted(p for p in (ROOT / "deploy").rglob("*") if p.is_file())


def _doc() -> str:
    return DOC.read_text(encoding="utf-8")


def _exec_start(unit: str) -> list[str]:
    text = (ROOT / "deploy" / "systemd" / unit).read_text(encoding="utf-8")
    line = re.search(r"^ExecStart=((?:.*\\\n)*.*)$", text, re.M).group(1)
    return shlex.split(line.replace("\\\n", " "))


def _make_recipe(target: str) -> list[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    body = re.search(rf"^{re.escape(target)}:.*\n((?:\t.*\n)+)", text, re.M).group(1)
    last = body.strip().splitlines()[-1] if target == "serve" else body
    return shlex.split(last.replace("\\\n", " ").replace("\t", " "))


def _normalise(args: list[str]) -> list[str]:
    """Make's `$${NAME:-default}` and systemd's `${NAME}` are one variable; systemd writes Celery's %h as %%h."""
    out = []
    for arg in args:
        arg = re.sub(r"\$\$?\{(\w+)(:-[^}]*)?\}", r"$\1", arg).replace("%%", "%")
        out.append(arg.rsplit("/", 1)[-1] if arg.endswith(("/celery", "/gunicorn")) else arg)
    return out


@pytest.mark.parametrize("path", DEPLOY_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_page_shows_each_deploy_file_as_committed(path):
    assert f"`{path.relative_to(ROOT)}`" in _doc()
    assert f"\n{path.read_text(encoding='utf-8')}```" in _doc(), f"docs/DEPLOY.md shows an old {path.name}"


def test_the_documents_unit_runs_what_make_worker_documents_runs():
    assert _normalise(_exec_start("thidua-worker-documents.service")) == _normalise(_make_recipe("worker-documents"))


def test_the_default_worker_unit_runs_what_make_worker_runs():
    assert _normalise(_exec_start("thidua-worker.service")) == _normalise(_make_recipe("worker"))


def test_the_web_unit_binds_and_sizes_gunicorn_as_make_serve_does():
    unit, make = _normalise(_exec_start("thidua-web.service")), _normalise(_make_recipe("serve"))
    assert unit[:2] == make[:2] == ["gunicorn", "config.wsgi"]
    for option in ("--bind", "--workers", "--access-logfile"):
        assert option in unit and option in make
    assert unit[unit.index("--workers") + 1] == make[make.index("--workers") + 1] == "$WEB_CONCURRENCY"


def test_every_variable_the_settings_read_has_its_row():
    source = (ROOT / "config" / "settings.py").read_text(encoding="utf-8")
    names = set(re.findall(r"\benv(?:\.\w+)?\(\s*\"([A-Z][A-Z0-9_]*)\"", source))
    assert len(names) > 20
    rows = _doc()
    missing = sorted(name for name in names if not re.search(rf"^\|[^|\n]*`{name}`", rows, re.M))
    assert not missing, f"docs/DEPLOY.md lists no row for {missing}"
