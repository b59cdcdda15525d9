"""The hostile-input table: every form, upload, query parameter and command of the portal, fed what an
attacker or a slip of the finger would feed it, must answer a clear Vietnamese error (or a 404) and
leave the database and the media folder exactly as they were.

Each feature keeps its cases beside its tests (`hostile_rows_*.py`, like the permission table's
url_rows), as `CASES` and an optional `context(ctx)` adding the objects they need; they all join the
one table here. A case sends one request (or runs one command) and says what must come back.
Before and after each case, every row of every table (but the sessions') and every file under
MEDIA_ROOT are read: a case that writes anything fails, naming the tables that changed.
"""

import hashlib
import importlib
import re

import pytest
from django.apps import apps
from django.conf import settings
from django.db import connection

from core.tests.hostile import Case

ROW_MODULES = [
    importlib.import_module(name)
    for name in (
        "emulation.tests.hostile_rows_reports",
        "emulation.tests.hostile_rows_excel",
        "emulation.tests.hostile_rows_scores",
        "criteria.tests.hostile_rows_admin",
        "emulation.tests.hostile_rows_initiatives",
        "awards.tests.hostile_rows_history",
        "awards.tests.hostile_rows_dossiers",
        "awards.tests.hostile_rows_dossier_documents",
        "awards.tests.hostile_rows_council",
        "awards.tests.hostile_rows_decisions",
        "awards.tests.hostile_rows_decision_documents",
        "documents.tests.hostile_rows_documents",
        "documents.tests.hostile_rows_verification",
        "core.tests.hostile_rows_security",
        "core.tests.hostile_rows_audit",
        "units.tests.hostile_rows_units",
    )
]
CASES: list[Case] = [case for module in ROW_MODULES for case in module.CASES]
MODULE_OF = {case.name: module for module in ROW_MODULES for case in module.CASES}
# The personal-data access log records a read (a page followed after a refusal), by design never a change of data.
SKIPPED_TABLES = {"django_session", "units_personaldataaccess"}


@pytest.fixture
def hostile_ctx(request, personas, campaign, settings) -> dict:
    """The personas, the campaign, and the objects the case's own row module asks for (only its module's: each
    builds what its rows need, so a case does not pay for every other feature's set-up)."""
    ctx = {"campaign": campaign, **personas}
    module = MODULE_OF[request.node.callspec.params["case"].name]
    if hasattr(module, "context"):
        ctx |= module.context(ctx)
    return ctx


def database_state() -> dict[str, str]:
    """Table → a digest of all its rows, read in primary-key order."""
    state = {}
    with connection.cursor() as cursor:
        for model in apps.get_models(include_auto_created=True):
            table = model._meta.db_table
            if table in SKIPPED_TABLES or model._meta.proxy or not model._meta.managed:
                continue
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"SELECT * FROM {quoted}")  # noqa: S608 - a table name of our own models
            rows = sorted(repr(row) for row in cursor.fetchall())
            state[table] = hashlib.sha256("\n".join(rows).encode()).hexdigest()
    return state


def media_state() -> dict[str, str]:
    root = settings.MEDIA_ROOT
    if not root.exists():
        return {}
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in root.rglob("*")
        if path.is_file()
    }


def _text(answer) -> str:
    if isinstance(answer, str):
        return " ".join(answer.split())
    content = answer.content.decode(errors="replace") if hasattr(answer, "content") else ""
    return " ".join(re.sub(r"<[^>]+>", " ", content).split())


def test_the_table_has_at_least_sixty_cases():
    assert len(CASES) >= 60
    assert len({case.name for case in CASES}) == len(CASES), "each case has its own name"


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_hostile_input_is_refused_cleanly_and_changes_nothing(client, hostile_ctx, case: Case):
    if case.persona:
        client.force_login(hostile_ctx[case.persona])
    before = (database_state(), media_state())
    answer = case.send(client, hostile_ctx)
    after = (database_state(), media_state())
    status = getattr(answer, "status_code", None)
    if case.status is not None:
        assert status in (case.status if isinstance(case.status, tuple) else (case.status,)), _text(answer)[:500]
    if case.says:
        assert case.says in _text(answer), _text(answer)[:1500]
    changed = [table for table in before[0] if before[0][table] != after[0][table]]
    assert set(changed) <= set(case.leaves), "nothing may be written but the refusal's own record"
    assert before[1] == after[1], "no file may be left in the media folder"
