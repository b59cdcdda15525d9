"""Hostile-input rows for the audit log's filters (core/tests/test_hostile_input.py): every query parameter fed
bad dates, dates far in the past or future, huge ids, script tags, SQL and Unicode tricks. Each answers the
page with a clear Vietnamese error (400) or a 404 (an unknown export format), and reads only."""

from urllib.parse import urlencode

from django.urls import reverse

from core.tests.hostile import Case

NOT_A_DAY = "không phải ngày; ghi dạng dd/mm/yyyy"
RANGE = "Ngày phải trong khoảng 01/01/2000 – 31/12/2100."
CHOOSE = "Chọn một mục trong danh sách."
PAGE_LINK = "Liên kết trang không hợp lệ"


def _audit(**params) -> object:
    def send(client, ctx):
        return client.get(f"{reverse('core:audit')}?{urlencode(params)}", follow=True)

    return send


def _rows():
    for who in ("sam", "ada"):
        yield Case(f"audit-{who}-tu-not-a-date", who, _audit(tu="31/02/2026"), 400, NOT_A_DAY)
        yield Case(f"audit-{who}-den-words", who, _audit(den="hôm qua"), 400, NOT_A_DAY)
    yield Case("audit-tu-far-past", "sam", _audit(tu="01/01/0001"), 400, RANGE)
    yield Case("audit-den-far-future", "sam", _audit(den="31/12/9999"), 400, RANGE)
    yield Case("audit-den-before-tu", "sam", _audit(tu="10/03/2026", den="09/03/2026"), 400, "phải sau hoặc bằng")
    yield Case("audit-tu-endless", "sam", _audit(tu="1" * 5000), 400, "dd/mm/yyyy")
    yield Case("audit-tu-script", "sam", _audit(tu="<script>alert(1)</script>"), 400, "dd/mm/yyyy")
    yield Case("audit-den-sql", "sam", _audit(den="01/01/2026' OR '1'='1"), 400, NOT_A_DAY)
    yield Case("audit-tu-full-width-digits", "sam", _audit(tu="１５/０３/２０２６"), 400, NOT_A_DAY)
    yield Case("audit-tu-nul", "sam", _audit(tu="15/03/\x002026"), 400, "ký tự rỗng")
    yield Case("audit-nguoi-huge-id", "sam", _audit(nguoi="9" * 30), 400, CHOOSE)
    yield Case("audit-nguoi-negative", "ada", _audit(nguoi="-1"), 400, CHOOSE)
    yield Case("audit-nguoi-sql", "sam", _audit(nguoi="1 OR 1=1"), 400, CHOOSE)
    yield Case("audit-nguoi-script", "sam", _audit(nguoi="<script>alert(1)</script>"), 400, CHOOSE)
    yield Case("audit-don-vi-huge-id", "sam", _audit(don_vi=str(2**64)), 400, CHOOSE)
    yield Case("audit-don-vi-sql", "ada", _audit(don_vi="1; DROP TABLE units_unit; --"), 400, CHOOSE)
    yield Case("audit-don-vi-zero-width", "sam", _audit(don_vi="1\u200b"), 400, CHOOSE)
    yield Case("audit-loai-unknown", "sam", _audit(loai="khong-co"), 400, CHOOSE)
    yield Case("audit-loai-script", "sam", _audit(loai="<script>alert(1)</script>"), 400, CHOOSE)
    yield Case("audit-loai-rtl", "sam", _audit(loai="\u202eoh-oub"), 400, CHOOSE)
    yield Case("audit-truoc-forged", "sam", _audit(truoc="2026-03-01T00:00:00~khong-co~1"), 400, PAGE_LINK)
    yield Case("audit-truoc-no-zone", "sam", _audit(truoc="2026-03-01T00:00:00~buoc-bao-cao~1"), 400, PAGE_LINK)
    yield Case("audit-truoc-huge-id", "sam", _audit(truoc=f"2026-03-01T00:00:00+07:00~buoc-bao-cao~{'9' * 30}"), 400)
    yield Case("audit-truoc-far-future", "sam", _audit(truoc="99999-01-01T00:00:00+07:00~buoc-bao-cao~1"), 400)
    yield Case("audit-truoc-sql", "ada", _audit(truoc="'; DELETE FROM auth_user; --"), 400, PAGE_LINK)
    yield Case("audit-truoc-endless", "sam", _audit(truoc="x" * 5000), 400, "Điều kiện lọc chưa đúng")
    yield Case("audit-xuat-unknown", "sam", _audit(xuat="pdf"), 404)
    yield Case("audit-xuat-script", "ada", _audit(xuat="<script>"), 404)
    yield Case("audit-unit-head-any-filter", "alice", _audit(tu="01/03/2026"), 404)


CASES = list(_rows())
