"""Hostile-input rows of the dossier's documents (core/tests/test_hostile_input.py): the province letter's Word
file asked for another unit's dossier, for a Giấy khen dossier (it has none), for a dossier that does not exist,
with a query string the view does not read. Each answers 404 (or the file, unchanged) and writes nothing."""

from django.urls import reverse

from awards.tests.url_rows_dossier_documents import vp_province_dossier
from awards.tests.url_rows_dossiers import vp_dossier
from core.tests.hostile import Case, get

NOT_FOUND = "Không tìm thấy trang"


def context(ctx) -> dict:
    return {"hdd_province": vp_province_dossier(ctx), "hdd_giay_khen": vp_dossier(ctx)}


def _docx(key: str, query: str = ""):
    return lambda ctx: reverse("awards:province-letter-docx", kwargs={"pk": ctx[key].pk}) + query


CASES = [
    Case("province-docx-of-another-unit", "bob", get(_docx("hdd_province")), 404, NOT_FOUND),
    Case("province-docx-of-a-giay-khen-dossier", "alice", get(_docx("hdd_giay_khen")), 404, NOT_FOUND),
    Case(
        "province-docx-of-no-dossier",
        "alice",
        get(lambda ctx: reverse("awards:province-letter-docx", kwargs={"pk": 999_999_999_999_999_999})),
        404,
        NOT_FOUND,
    ),
    Case("province-docx-with-a-stray-query", "alice", get(_docx("hdd_province", "?pk=1&x=%00" + "a" * 5000)), 200),
]
