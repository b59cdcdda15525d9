"""`{% rule_perm 'app.perm' user [obj] as name %}`: a permission asked of the portal's rules only.

django-rules' own `has_perm` tag goes through `user.has_perm`, which also asks Django's model
backend: two queries on every page for anyone the rule refuses. The portal grants nothing through
the model backend outside the admin, so pages ask the rules alone.
"""

import rules
from django import template

from core.workflow import state_colour

register = template.Library()


@register.simple_tag
def rule_perm(perm: str, user, obj=None) -> bool:
    return rules.has_perm(perm, user, obj)


@register.filter
def status_colour(status: str) -> str:
    """The badge colour of a workflow state (core.workflow), for templates/partials/status_badge.html."""
    return state_colour(status)
