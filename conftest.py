"""Shared fixtures: the ward with its units, named personas, and the 2026 plan loaded from its data file.

Personas: alice heads Văn phòng (VP), bob heads Phòng KT-HT-ĐT (KTHTDT), olga is an official of
VP, sam is the secretariat, chris the chairman, ada the admin.
"""

from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings

from core.roles import Role
from units.models import Official, Unit
from units.tests.factories import OfficialFactory, PositionFactory, UnitFactory, UserFactory

PLAN_FILE = Path(settings.BASE_DIR) / "data" / "plans" / "ke-hoach-thi-dua-cchc-2026.yaml"
WARD_UNITS = [
    ("VP", Unit.Kind.OFFICE),
    ("KTHTDT", Unit.Kind.DEPARTMENT),
    ("VHXH", Unit.Kind.DEPARTMENT),
    ("TTPVHCC", Unit.Kind.CENTRE),
    ("TTDVTH", Unit.Kind.CENTRE),
]


@pytest.fixture(autouse=True)
def _fast_passwords_and_eager_tasks(settings, request, tmp_path):
    """Tests hash quickly, keep uploads in a temporary folder and run Celery tasks in-process
    (except those marked `redis`)."""
    from config.celery import app

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    if request.node.get_closest_marker("redis") is None:
        previous = app.conf.task_always_eager
        app.conf.task_always_eager = True
        yield
        app.conf.task_always_eager = previous
    else:
        yield


@dataclass
class Ward:
    root: Unit
    units: dict[str, Unit]


@pytest.fixture
def ward(db) -> Ward:
    root = UnitFactory(
        code="NGN", name="Ủy ban nhân dân phường Nam Gia Nghĩa", short_name="UBND phường", kind=Unit.Kind.WARD
    )
    units = {
        code: UnitFactory(code=code, kind=kind, parent=root, order=i)
        for i, (code, kind) in enumerate(WARD_UNITS, start=1)
    }
    return Ward(root=root, units=units)


def _person(username: str, roles: list[Role], unit: Unit | None = None, leadership: str = "", position="Công chức"):
    user = UserFactory(username=username, first_name=username.capitalize(), roles=roles)
    if unit is not None:
        OfficialFactory(
            full_name=f"{username.capitalize()} Nguyễn",
            unit=unit,
            user=user,
            leadership=leadership,
            position=PositionFactory(name=position),
        )
    return user


@pytest.fixture
def alice(ward):
    return _person(
        "alice", [Role.UNIT_HEAD, Role.OFFICIAL], ward.units["VP"], Official.Leadership.HEAD, "Chánh Văn phòng"
    )


@pytest.fixture
def bob(ward):
    return _person(
        "bob", [Role.UNIT_HEAD, Role.OFFICIAL], ward.units["KTHTDT"], Official.Leadership.HEAD, "Trưởng phòng"
    )


@pytest.fixture
def olga(ward):
    return _person("olga", [Role.OFFICIAL], ward.units["VP"])


@pytest.fixture
def sam(ward):
    return _person("sam", [Role.SECRETARIAT, Role.OFFICIAL], ward.units["VHXH"])


@pytest.fixture
def chris(ward):
    return _person("chris", [Role.CHAIRMAN], ward.root, Official.Leadership.HEAD, "Chủ tịch UBND phường")


@pytest.fixture
def ada(db):
    return _person("ada", [Role.ADMIN])


@pytest.fixture
def personas(alice, bob, olga, sam, chris, ada) -> dict:
    return {"alice": alice, "bob": bob, "olga": olga, "sam": sam, "chris": chris, "ada": ada}


@pytest.fixture
def campaign(ward):
    """The real 2026 plan, loaded from its data file into the test ward."""
    from emulation.plan.loader import load_plan, read_plan_file

    return load_plan(data=read_plan_file(PLAN_FILE)).campaign
