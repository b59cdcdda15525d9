"""A test kind of document ("tests.sample": a unit as its record, read by alice only) and its template."""

import copy
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from documents import registry
from documents.frame import Frame
from documents.registry import DocumentKind

TEMPLATES = Path(__file__).resolve().parent / "templates"
NAME = "Nguyễn Thị Ánh Tuyết"
NAME_NFD = unicodedata.normalize("NFD", NAME)
OPENING = (
    "Căn cứ kết quả thi đua của {unit} và biên bản họp Hội đồng Thi đua – Khen thưởng của đơn vị, đơn vị kính đề "
    "nghị Chủ tịch Ủy ban nhân dân phường xem xét, tặng Giấy khen cho các tập thể, cá nhân có tên trong danh sách."
)


def sample_context(unit, rows: int = 45) -> dict:
    frame = Frame(
        issuer="Ủy ban nhân dân\nphường Nam Gia Nghĩa",
        reference="12/TTr-VP",
        place="Nam Gia Nghĩa",
        doc_type="Tờ trình",
        summary="Về việc đề nghị tặng Giấy khen",
        issued_on=date(2027, 1, 5),
        signer_authority="",
        signer_title="Chánh Văn phòng",
        signer_name=NAME_NFD,  # typed decomposed: the PDF must hold it composed
        recipients=["Như trên;", "Lưu VT."],
    )
    return {"frame": frame, "opening": OPENING.format(unit=unit.name), "rows": range(1, rows + 1), "name": NAME_NFD}


def sample_templates_setting() -> list:
    """The project's TEMPLATES with this folder's test templates added."""
    from django.conf import settings

    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [*templates[0]["DIRS"], TEMPLATES]
    return templates


@pytest.fixture
def sample_templates(settings):
    settings.TEMPLATES = sample_templates_setting()


@pytest.fixture
def sample_kind(sample_templates):
    from units.models import Unit

    kind = DocumentKind(
        key="tests.sample",
        template="documents_tests/sample.html",
        find=lambda pk: Unit.objects.filter(pk=pk).first(),
        context=sample_context,
        can_view=lambda user, unit: user.username == "alice",
        version=lambda unit: 7,
        filename=lambda unit: f"to-trinh-{unit.code}.pdf",
    )
    registry.document_kind_register(kind)
    yield kind
    registry._KINDS.pop(kind.key, None)


REVOKED: set[int] = set()
"""Units whose test document is "revoked" (the verified kind's verify reads it)."""


def verified_record(unit) -> dict:
    return {
        "Người được khen thưởng": NAME,
        "Hình thức khen thưởng": "Giấy khen của Chủ tịch Ủy ban nhân dân phường",
        "Quyết định": "15/QĐ-UBND ngày 05/01/2027",
        "revoked": unit.pk in REVOKED,
    }


@pytest.fixture
def verified_kind(sample_templates):
    """A kind with a public page and a signature ("tests.verified"): a unit as its record."""
    from units.models import Unit

    kind = DocumentKind(
        key="tests.verified",
        template="documents_tests/verified.html",
        find=lambda pk: Unit.objects.filter(pk=pk).first(),
        context=lambda unit: sample_context(unit, rows=0),
        can_view=lambda user, unit: user.username == "alice",
        version=lambda unit: 1,
        verify=verified_record,
        signed=True,
    )
    registry.document_kind_register(kind)
    yield kind
    registry._KINDS.pop(kind.key, None)
    REVOKED.clear()


@pytest.fixture
def demo_certificate(settings, tmp_path_factory):
    """The demo's self-signed certificate, configured (made once per session)."""
    from documents.management.commands.signing_demo_cert import DEMO_PASSWORD, demo_p12

    path = tmp_path_factory.getbasetemp() / "demo.p12"
    if not path.exists():
        path.write_bytes(demo_p12())
    settings.DOCUMENT_SIGNING_P12 = str(path)
    settings.DOCUMENT_SIGNING_PASSWORD = DEMO_PASSWORD
    return path


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    """The verification pages count requests in the cache: each test starts with none."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
