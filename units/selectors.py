"""Reads of the organisation: the ward root, units a person heads, officials a person may see."""

from django.db.models import Prefetch, QuerySet

from core.roles import Role, has_role
from units.models import Official, Unit


def ward_root() -> Unit | None:
    return Unit.objects.filter(parent__isnull=True, kind=Unit.Kind.WARD).order_by("order", "pk").first()


def official_of(user) -> Official | None:
    """The active official record linked to a user account, if any (cached on the user)."""
    if not user.is_authenticated:
        return None
    if not hasattr(user, "_portal_official"):
        user._portal_official = (
            Official.objects.select_related("unit", "position").filter(user=user, is_active=True).first()
        )
    return user._portal_official


def units_headed_by(user) -> list[Unit]:
    """Units the user acts for as unit head: the unit role plus heading or deputising the unit."""
    official = official_of(user)
    if official is None or not has_role(user, Role.UNIT_HEAD) or not official.leads_unit:
        return []
    return [official.unit]


def unit_list() -> QuerySet[Unit]:
    heads = Official.objects.filter(is_active=True, leadership=Official.Leadership.HEAD).select_related("position")
    return (
        Unit.objects.filter(is_active=True)
        .select_related("parent")
        .prefetch_related(Prefetch("officials", queryset=heads, to_attr="heads"))
    )


def unit_officials(unit: Unit) -> QuerySet[Official]:
    return unit.officials.filter(is_active=True).select_related("position", "user")


def person_name(user) -> str:
    """How a person is named in messages: their official record's full name, else their account's."""
    official = getattr(user, "official", None)
    return official.full_name if official else (user.get_full_name() or user.username)
