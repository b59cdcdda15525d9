"""Parts of a plan that other apps own (the award forms are the awards app's), registered by them.

A section is loaded from its key of the plan data file inside load_plan's one transaction, and shown
on the campaign's page with its own template; emulation never imports the app that owns it.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class PlanSection:
    key: str
    """Its key in the plan data file (data/plans/*.yaml)."""
    load: Callable
    """load(campaign, items, checked): writes the section's records; `checked(obj, where)` validates one
    with the models' rules and raises the plan file's error naming `where`."""
    template: str
    """Included in the campaign's page, with `campaign` in its context."""
    prefetch: tuple[str, ...] = ()
    """Relations of the campaign the template reads, prefetched with the page."""
    document_template: str = ""
    """Included in the plan's PDF at the section's place (emulation/templates/emulation/documents/plan.html), with
    `campaign`; without one, the page's template is included there, styled by the document's stylesheet."""


_SECTIONS: dict[str, PlanSection] = {}


def plan_section_register(section: PlanSection) -> None:
    _SECTIONS[section.key] = section


def plan_sections() -> list[PlanSection]:
    return list(_SECTIONS.values())
