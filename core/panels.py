"""The home page's panels, registered by the apps that own what they show: core imports no app.

A panel is a template and a function of (request, today) giving its context, or None when the panel
has nothing for the person looking. The home page renders the panels in their order; each app
registers its own from its AppConfig.ready().
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

Context = Callable[[HttpRequest, date], dict | None]


@dataclass(frozen=True)
class Panel:
    name: str
    template: str
    context: Context
    order: int = 50
    wide: bool = False
    """Across the whole page (the campaign's card) rather than in the two-column grid."""


_PANELS: dict[str, Panel] = {}


def panel_register(panel: Panel) -> None:
    """Add (or replace, by name) a panel of the home page."""
    _PANELS[panel.name] = panel


@dataclass(frozen=True)
class Shown:
    panel: Panel
    html: SafeString


def panels_render(request: HttpRequest, today: date) -> list[Shown]:
    """The panels that have something for this person, rendered, in order."""
    shown = []
    for panel in sorted(_PANELS.values(), key=lambda p: (p.order, p.name)):
        context = panel.context(request, today)
        if context is not None:
            shown.append(Shown(panel, render_to_string(panel.template, context, request=request)))
    return shown
