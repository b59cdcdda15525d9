"""Hostile-input rows for the documents (core/tests/test_hostile_input.py): downloads by ids that are not a
document, not ready or past 64 bits, and `render_plan` fed an unknown campaign, an endless code, a folder that
does not exist. Each answers 404 or a Vietnamese error and writes nothing."""

from django.urls import reverse

from core.tests.hostile import Case, command, get, post
from documents.models import Document
from documents.tests.url_rows_documents import plan_document


def context(ctx: dict) -> dict:
    campaign = ctx["campaign"]
    return {
        "plan_document": plan_document(campaign),
        "queued_document": Document.objects.create(kind="emulation.plan", record_id=campaign.pk),
    }


def _download(pk) -> object:
    return get(lambda ctx: f"/van-ban/{pk(ctx) if callable(pk) else pk}/tai-ve/")


def _ask(kind: str, record=lambda ctx: ctx["campaign"].pk, **data) -> object:
    return post(lambda ctx: f"/van-ban/yeu-cau/{kind}/{record(ctx) if callable(record) else record}/", data)


def _status(label: str) -> object:
    return get(lambda ctx: reverse("documents:document-status", args=[ctx["queued_document"].pk]) + label)


CASES = [
    Case("document-ask-unknown-kind", "alice", _ask("khong.co"), status=404),
    Case("document-ask-kind-sql", "alice", _ask("emulation.plan';drop"), status=404),
    Case("document-ask-kind-endless", "alice", _ask("a" * 300 + ".plan"), status=404),
    Case("document-ask-unknown-record", "alice", _ask("emulation.plan", 987654321), status=404),
    Case("document-ask-record-past-64-bits", "alice", _ask("emulation.plan", "9" * 30), status=404),
    Case("document-ask-anonymous", None, _ask("emulation.plan"), status=200, says="Đăng nhập"),
    Case(
        "document-status-label-script",
        "alice",
        _status("?label=%3Cscript%3Ealert(1)%3C/script%3E"),
        status=200,
        says="Đang chờ tạo",  # the label is escaped where it shows (test_requests.py)
    ),
    Case("document-status-label-endless", "alice", _status("?label=" + "x" * 5000), status=200, says="Đang chờ tạo"),
    Case("document-status-unknown", "alice", get(lambda ctx: "/van-ban/987654321/trang-thai/"), status=404),
    Case("document-download-unknown-id", "alice", _download(987654321), status=404),
    Case("document-download-past-64-bits", "alice", _download("9" * 30), status=404),
    Case("document-download-not-a-number", "alice", _download("1%20OR%201=1"), status=404),
    Case("document-download-negative", "alice", _download("-1"), status=404),
    Case(
        "document-download-not-ready",
        "alice",
        get(lambda ctx: reverse("documents:document-download", args=[ctx["queued_document"].pk])),
        status=404,
    ),
    Case(
        "document-download-anonymous",
        None,
        get(lambda ctx: reverse("documents:document-download", args=[ctx["plan_document"].pk])),
        status=200,
        says="Đăng nhập",
    ),
    Case(
        "render-plan-unknown-campaign",
        None,
        command("render_plan", "--campaign", "KHONG-CO", "-o", "khong-ghi.pdf"),
        says="Không có phong trào mã “KHONG-CO”",
    ),
    Case(
        "render-plan-endless-code",
        None,
        command("render_plan", "--campaign", "X" * 5000, "-o", "khong-ghi.pdf"),
        says="Không có phong trào mã",
    ),
    Case(
        "render-plan-missing-folder",
        None,
        command("render_plan", "--campaign", lambda ctx: ctx["campaign"].code, "-o", "/khong-co-thu-muc/ke-hoach.pdf"),
        says="Không có thư mục /khong-co-thu-muc",
    ),
]
