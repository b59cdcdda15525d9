"""The house rules that no linter checks: small modules, no suffix-named files, every workflow's names registered.

(The floors and the absence of import circles are import-linter's contracts: `make lint`.)
"""

import re
from pathlib import Path

from django.conf import settings

from core.notifications import KINDS
from core.workflow import workflows

ROOT = Path(settings.BASE_DIR)
APPS = ("config", "core", "units", "criteria", "documents", "emulation", "awards")
MAX_LINES = 400


def _modules() -> list[Path]:
    return [path for app in APPS for path in (ROOT / app).rglob("*.py") if "migrations" not in path.parts]


def test_no_module_is_over_400_lines():
    long = {
        str(path.relative_to(ROOT)): n for path in _modules() if (n := len(path.read_text().splitlines())) > MAX_LINES
    }
    assert long == {}, "split these by job into a wing (subpackage)"


def test_no_module_is_named_by_suffix():
    """An app grows wings (subpackages), not views_excel.py, urls_matrix.py, selectors_scores.py…"""
    suffixed = re.compile(r"^(views|urls|selectors|services|models|permissions|tasks)_\w+\.py$")
    named = [
        str(path.relative_to(ROOT)) for path in _modules() if "tests" not in path.parts and suffixed.match(path.name)
    ]
    assert named == []


def test_every_workflow_names_only_registered_checks_effects_recipients_and_notices():
    assert workflows(), "the apps register their workflows when ready"
    for workflow in workflows():
        assert workflow.missing_names() == [], workflow.name
        notices = {t.notice for t in workflow.transitions if t.notice}
        assert notices <= set(KINDS), (workflow.name, notices - set(KINDS))
        for transition in workflow.transitions:
            assert transition.sources <= set(workflow.by_state) and transition.target in workflow.by_state
