"""Permission-table rows of the award history pages (core/tests/test_permissions.py).

Awards are kept to signed-in people with a reason to look (awards/history/permissions.py): the person their own
page, a unit head their unit's page and its officials' pages, the ward-wide roles (sam, chris, ada) everything;
entering by hand is the secretariat's and the admin's, importing the secretariat's.
"""

from datetime import date

from awards.history.services import award_record

WARD_WIDE = {"sam": 200, "chris": 200, "ada": 200}
RECORDERS = {"alice": 404, "bob": 404, "olga": 404, "sam": 200, "chris": 404, "ada": 200}


def context(ctx: dict) -> dict:
    """olga's Lao động tiên tiến 2025 and VP's Giấy khen 2025, entered by sam, so the pages list something."""
    olga, vp = ctx["olga"].official, ctx["alice"].official.unit
    common = {"actor": ctx["sam"], "year": 2025, "decision_date": date(2025, 12, 15)}
    common |= {"issuer": "Chủ tịch UBND phường Nam Gia Nghĩa"}
    award_record(**common, official=olga, title="Lao động tiên tiến", decision_number="214/QĐ-UBND")
    award_record(**common, unit=vp, title="Giấy khen của Chủ tịch UBND phường", decision_number="216/QĐ-UBND")
    return {"history_official": olga, "history_unit": vp}


def _official(ctx: dict) -> dict:
    return {"pk": ctx["history_official"].pk}


def _unit(ctx: dict) -> dict:
    return {"code": ctx["history_unit"].code}


ROWS = {
    # Every unit head searches (their unit's awards only); an official has their own page instead.
    "awards:history-search": (lambda ctx: {}, {"alice": 200, "bob": 200, "olga": 404, **WARD_WIDE}, "login"),
    "awards:history-import": (lambda ctx: {}, {**RECORDERS, "ada": 404}, "login"),
    # olga's page: olga herself, alice (heads VP), the ward-wide roles; bob heads another unit.
    "awards:history-official": (_official, {"alice": 200, "bob": 404, "olga": 200, **WARD_WIDE}, "login"),
    "awards:history-add-official": (_official, RECORDERS, "login"),
    # VP's page: alice heads it; olga works there but a unit's page is its head's and the ward-wide roles'.
    "awards:history-unit": (_unit, {"alice": 200, "bob": 404, "olga": 404, **WARD_WIDE}, "login"),
    "awards:history-add-unit": (_unit, RECORDERS, "login"),
}
