"""Writes to the organisation: loading a ward from its data file."""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from core.data_files import checked
from core.roles import Role
from units.models import Official, Position, Unit


class WardFileError(Exception):
    """The ward file cannot be loaded; the message says where and why, in Vietnamese."""


@dataclass
class WardLoadResult:
    ward: Unit
    created: bool
    accounts: list[tuple[str, str]] = field(default_factory=list)
    """(username, description) of every account in the file, created or not."""


def _checked(obj, where: str, exclude: list[str] | None = None):
    return checked(obj, where, WardFileError, exclude)


def _roles(names: list[str], where: str) -> list[Group]:
    try:
        roles = [Role[name.upper()] for name in names]
    except KeyError as exc:
        raise WardFileError(f"{where}: không có vai trò {exc.args[0]}.") from exc
    return [Group.objects.get_or_create(name=role.group_name)[0] for role in roles]


def _main_role(spec: dict) -> str:
    """The first role listed for an account is the one it is there to show."""
    roles = spec.get("roles") or []
    return Role[roles[0].upper()].value if roles else ""


def _account(spec: dict, password: str, where: str, first_name: str = "", last_name: str = ""):
    User = get_user_model()
    groups = _roles(spec.get("roles") or [], where)
    user, created = User.objects.get_or_create(
        username=spec["account"] if "account" in spec else spec["username"],
        defaults={"first_name": first_name, "last_name": last_name},
    )
    if created:
        user.set_password(password)
        user.is_staff = any(g.name == Role.ADMIN.group_name for g in groups)
        user.save()
        user.groups.set(groups)
    return user


@transaction.atomic
def ward_load(*, data: dict, password: str) -> WardLoadResult:
    """Create the ward, its units, positions, officials and accounts, unless the ward exists.

    A ward whose code exists is left as it is (admins may have edited it), so loading twice
    changes nothing. Accounts are created with `password` and their roles' groups.
    """
    spec = data["ward"]
    accounts = [
        (o["account"], f"{_main_role(o)} — {o['name']}, {o['position']}")
        for o in data.get("officials") or []
        if o.get("account")
    ] + [(a["username"], _main_role(a)) for a in data.get("accounts") or []]
    existing = Unit.objects.filter(code=spec["code"]).first()
    if existing is not None:
        return WardLoadResult(existing, created=False, accounts=accounts)

    ward = _checked(
        Unit(code=spec["code"], name=spec["name"], short_name=spec["short_name"], kind=spec["kind"]),
        f"Phường {spec['code']}",
    )
    ward.save()
    units = {ward.code: ward}
    for order, item in enumerate(data.get("units") or [], start=1):
        unit = Unit(parent=ward, order=order, **{k: item[k] for k in ("code", "name", "short_name", "kind")})
        _checked(unit, f"Đơn vị {item['code']}").save()
        units[unit.code] = unit

    positions = {}
    for order, item in enumerate(data.get("positions") or [], start=1):
        position, _ = Position.objects.get_or_create(
            name=item["name"], defaults={"order": order, "in_charge_of_cchc": item.get("in_charge_of_cchc", False)}
        )
        positions[position.name] = position

    for item in data.get("officials") or []:
        where = f"Cán bộ {item['name']}"
        if item["unit"] not in units or item["position"] not in positions:
            raise WardFileError(f"{where}: đơn vị hoặc chức vụ không có trong tệp.")
        user = None
        if item.get("account"):
            # Vietnamese names read family name first: keep the whole name where Django's
            # get_full_name() ("first last") shows it in that order.
            user = _account(item, password, where, first_name=item["name"])
        official = Official(
            full_name=item["name"],
            sex=item["sex"],
            birth_date=item.get("born"),
            unit=units[item["unit"]],
            position=positions[item["position"]],
            leadership=item.get("leadership", ""),
            user=user,
        )
        _checked(official, where).save()

    for item in data.get("accounts") or []:
        _account(
            item,
            password,
            f"Tài khoản {item['username']}",
            first_name=item.get("first_name", ""),
            last_name=item.get("last_name", ""),
        )
    return WardLoadResult(ward, created=True, accounts=accounts)


@transaction.atomic
def official_update_own(*, official: Official, actor, data: dict) -> Official:
    """An official corrects their own name, sex or birth date; history records who changed it."""
    for field_name in ("full_name", "sex", "birth_date"):
        setattr(official, field_name, data[field_name])
    official._history_user = actor
    official.full_clean()
    official.save(update_fields=["full_name", "sex", "birth_date"])
    return official
