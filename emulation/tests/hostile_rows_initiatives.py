"""Hostile-input rows of the initiative pages (core/tests/test_hostile_input.py): the register and edit forms, their
attachments, the secretariat's recognition, the list's filters and the downloads, fed texts no person types, hidden
characters, another unit's authors and files, files that are not what their names say, dates that have not come,
ids past 64 bits, stale versions and people who may not.

Every case answers a Vietnamese error on the page (or a 404 for what is not the person's) and writes nothing: no
row, no file in the media folder.
"""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from core.tests.hostile import Case, post
from emulation.initiatives import services
from emulation.initiatives.models import Initiative

NOT_FOUND = "Không tìm thấy trang"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03" + b"\x00" * 200
NOT_A_FILE_WE_TAKE = "không phải PDF, ảnh, .xlsx hay .docx"
TITLE = "Số hóa sổ hộ tịch cũ để tra cứu nhanh"


def context(ctx: dict) -> dict:
    """olga's VP initiative (not recognised, one file), a VP initiative the secretariat recognised, bob's KT-HT-ĐT
    initiative with a file."""
    campaign, olga, bob, sam = ctx["campaign"], ctx["olga"], ctx["bob"], ctx["sam"]

    def register(user, title, files=()):
        return services.initiative_register(
            campaign=campaign,
            unit=user.official.unit,
            actor=user,
            title=title,
            problem="Tra cứu sổ giấy mất nhiều thời gian.",
            solution="Quét, đánh chỉ mục và tra cứu trên máy.",
            uploads=files,
        )

    vp = register(olga, TITLE, [SimpleUploadedFile("thuyet-minh.pdf", PDF)])
    recognised = register(olga, "Phiếu hẹn trả kết quả có mã QR")
    services.initiative_recognise(
        initiative=recognised,
        actor=sam,
        recognised_on=timezone.localdate() - timedelta(days=3),
        level="ward",
        decision_reference="Quyết định số 12/QĐ-UBND",
        applied=True,
    )
    kt = register(bob, "Bản đồ số hạ tầng đô thị", [SimpleUploadedFile("ban-do.pdf", PDF)])
    return {
        "initiatives_vp": vp,
        "initiatives_recognised": Initiative.objects.get(pk=recognised.pk),
        "initiatives_kt": kt,
        "initiatives_kt_file": kt.files.get(),
    }


def _register_url(ctx) -> str:
    return reverse("emulation:initiative-register", kwargs={"code": ctx["campaign"].code})


def register(files=None, **changes) -> object:
    """olga registers for VP: a valid form but for `changes`, with `files()` (fresh uploads) attached."""

    def data(ctx):
        form = {
            "title": "Nhắc lịch hẹn qua tin nhắn",
            "problem": "Người dân quên ngày hẹn trả kết quả.",
            "solution": "Gửi tin nhắn nhắc trước một ngày.",
            "authors": [ctx["olga"].official.pk],
        }
        form |= {name: value(ctx) if callable(value) else value for name, value in changes.items()}
        return form | ({"files": files()} if files else {})

    return post(_register_url, data)


def upload(name: str, content: bytes) -> object:
    return register(files=lambda: [SimpleUploadedFile(name, content)])


def edit(key: str = "initiatives_vp", **changes) -> object:
    """The edit form of `key` as its page shows it (texts, authors, version), but for `changes`."""

    def data(ctx):
        initiative = ctx[key]
        form = {name: getattr(initiative, name) for name in ("title", "problem", "solution", "scope", "benefits")}
        form |= {"authors": [a.pk for a in initiative.authors.all()], "version": str(initiative.version)}
        return form | {name: value(ctx) if callable(value) else value for name, value in changes.items()}

    return post(lambda ctx: reverse("emulation:initiative-edit", kwargs={"pk": ctx[key].pk}), data)


def recognise(key: str = "initiatives_vp", **changes) -> object:
    def data(ctx):
        form = {
            "recognised_on": f"{timezone.localdate():%d/%m/%Y}",
            "level": "ward",
            "decision_reference": "Quyết định số 45/QĐ-UBND",
            "applied": "1",
            "version": str(ctx[key].version),
        }
        return form | changes

    return post(lambda ctx: reverse("emulation:initiative-recognise", kwargs={"pk": ctx[key].pk}), data)


def _get(url) -> object:
    def send(client, ctx):
        return client.get(url(ctx), follow=True)

    return send


def _list(query: str) -> object:
    return _get(lambda ctx: reverse("emulation:initiative-list", kwargs={"code": ctx["campaign"].code}) + query)


def _big_id(name: str) -> object:
    path = reverse(name, kwargs={"pk": 1})
    return post(lambda ctx: path.replace("/1/", "/" + "9" * 24 + "/", 1), {})


def _tomorrow() -> str:
    return f"{timezone.localdate() + timedelta(days=1):%d/%m/%Y}"


CASES = [
    # Registering: texts bounded and cleaned, authors from the unit's records, files by content.
    Case(
        "initiative-title-100000",
        "olga",
        register(title="a" * 100_000),
        200,
        "Tên sáng kiến dài 100.000 ký tự, vượt giới hạn 300 ký tự.",
    ),
    Case(
        "initiative-solution-over-5000",
        "olga",
        register(solution="x" * 5001),
        200,
        "Nội dung, giải pháp dài 5.001 ký tự, vượt giới hạn 5.000 ký tự.",
    ),
    Case("initiative-title-nul-and-bidi-only", "olga", register(title="\x00\u202e\u200b "), 200, "Cần ghi tên"),
    Case("initiative-problem-nul-only", "olga", register(problem="\x00\x00\x00"), 200, "Cần ghi thực trạng"),
    Case(
        "initiative-author-of-another-unit",
        "olga",
        register(authors=lambda ctx: [ctx["bob"].official.pk]),
        200,
        "Tác giả phải là cán bộ, công chức đang công tác tại",
    ),
    Case(
        "initiative-author-typed-name",
        "olga",
        register(authors=["Nguyễn Văn A"]),
        200,
        "Tác giả không hợp lệ: hãy chọn trong danh sách",
    ),
    Case("initiative-author-id-24-digits", "olga", register(authors=["9" * 24]), 200, "Tác giả không hợp lệ"),
    Case("initiative-no-author", "alice", register(authors=[]), 200, "Cần chọn ít nhất một tác giả."),
    Case("initiative-executable-as-pdf", "olga", upload("thuyet-minh.pdf", EXE), 200, NOT_A_FILE_WE_TAKE),
    Case("initiative-empty-file", "olga", upload("trong.pdf", b""), 200, NOT_A_FILE_WE_TAKE),
    Case("initiative-pdf-named-png", "olga", upload("anh.png", PDF), 200, "tên tệp có đuôi khác"),
    Case("initiative-bidi-file-name", "olga", upload("anh\u202efdp.png", PDF), 200, "tên tệp có đuôi khác"),
    Case(
        "initiative-file-over-10-mb",
        "olga",
        upload("lon.pdf", PDF + b"0" * (10 * 1024 * 1024)),
        200,
        "Tệp “lon.pdf” vượt quá 10 MB.",
    ),
    Case(
        "initiative-one-bad-file-among-good",
        "olga",
        register(files=lambda: [SimpleUploadedFile("tot.pdf", PDF), SimpleUploadedFile("xau.docx", EXE)]),
        200,
        "Tệp “xau.docx”",
    ),
    Case(
        "initiative-21-files",
        "olga",
        register(files=lambda: [SimpleUploadedFile(f"tep-{i}.pdf", PDF) for i in range(21)]),
        200,
        "Mỗi sáng kiến có tối đa 20 tệp đính kèm",
    ),
    Case("initiative-same-title-twice", "olga", register(title=TITLE), 200, "đã đăng ký sáng kiến"),
    Case("initiative-registered-by-the-chairman", "chris", register(), 404, NOT_FOUND),
    Case(
        "initiative-unknown-campaign",
        "olga",
        post(lambda ctx: reverse("emulation:initiative-register", kwargs={"code": "khong-co"}), {"title": "x"}),
        404,
        NOT_FOUND,
    ),
    # Editing: versions, another unit's initiative and files, a recognised initiative.
    Case("initiative-edit-stale-version", "olga", edit(version="0", title="Tên mới"), 409, "chưa lưu gì"),
    Case("initiative-edit-version-garbage", "olga", edit(version="abc", title="Tên mới"), 409, "chưa lưu gì"),
    Case("initiative-edit-other-units", "bob", edit(title="Của tôi"), 404, NOT_FOUND),
    Case(
        "initiative-edit-removes-another-units-file",
        "olga",
        edit(remove_files=lambda ctx: [ctx["initiatives_kt_file"].pk]),
        200,
        "Tệp cần xóa không thuộc sáng kiến này.",
    ),
    Case(
        "initiative-edit-author-of-another-unit",
        "alice",
        edit(authors=lambda ctx: [ctx["bob"].official.pk]),
        200,
        "Tác giả phải là cán bộ, công chức đang công tác tại",
    ),
    Case(
        "initiative-edit-after-recognition",
        "olga",
        edit("initiatives_recognised", title="Sửa sau công nhận"),
        200,
        "đã được công nhận: không sửa được nữa",
    ),
    Case("initiative-edit-by-the-chairman", "chris", edit(title="Sửa"), 200, "Chỉ người đăng ký hoặc thủ trưởng"),
    Case("initiative-edit-id-24-digits", "olga", _big_id("emulation:initiative-edit"), 404, NOT_FOUND),
    # Recognition: the secretariat only; a day that has come, a known level, a reference.
    Case("recognise-future-date", "sam", recognise(recognised_on=_tomorrow()), 200, "không được sau hôm nay"),
    Case("recognise-31-february", "sam", recognise(recognised_on="31/02/2026"), 200, "Ngày công nhận không hợp lệ"),
    Case("recognise-full-width-date", "sam", recognise(recognised_on="１５/０３/２０２６"), 200, "không hợp lệ"),
    Case("recognise-year-999", "sam", recognise(recognised_on="01/01/0999"), 200, "năm phải từ 2000"),
    Case("recognise-bad-level", "sam", recognise(level="national"), 200, "Chọn cấp công nhận"),
    Case(
        "recognise-reference-over-200",
        "sam",
        recognise(decision_reference="Q" * 201),
        200,
        "Văn bản công nhận dài 201 ký tự, vượt giới hạn 200 ký tự.",
    ),
    Case("recognise-reference-blank", "sam", recognise(decision_reference="\u200b  "), 200, "Cần ghi văn bản"),
    Case("recognise-stale-version", "sam", recognise(version="0"), 409, "chưa lưu gì"),
    Case("recognise-by-the-unit-head", "alice", recognise(), 404, NOT_FOUND),
    Case("recognise-by-the-chairman", "chris", recognise(), 404, NOT_FOUND),
    Case(
        "recognition-withdrawn-without-reason",
        "sam",
        recognise("initiatives_recognised", action="withdraw", reason=" \u200b "),
        200,
        "Cần ghi lý do",
    ),
    Case(
        "recognition-withdrawn-when-none",
        "sam",
        recognise(action="withdraw", reason="Ghi nhầm"),
        200,
        "chưa được ghi nhận công nhận",
    ),
    # The list's filters and the downloads.
    Case("initiative-list-other-units-filter", "alice", _list("?don-vi=KTHTDT"), 404, NOT_FOUND),
    Case("initiative-list-unknown-filter", "sam", _list("?cong-nhan=ca-hai"), 404, NOT_FOUND),
    Case("initiative-list-page-5000-digits", "sam", _list("?trang=" + "9" * 5000), 200, "sáng kiến"),
    Case(
        "initiative-file-of-another-unit",
        "alice",
        _get(lambda ctx: reverse("emulation:initiative-file", kwargs={"pk": ctx["initiatives_kt_file"].pk})),
        404,
        NOT_FOUND,
    ),
]
