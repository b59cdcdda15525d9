"""Permission-table rows for the initiative pages (see core/tests/test_permissions.py).

An initiative of VP (registered by olga, an official of VP, with a file) and one of KT-HT-ĐT (bob's unit). VP's
people see VP's; the ward-wide roles see every unit's; another unit's answers 404. Only officials and heads of a
taking-part unit register (chris's record is the ward's, ada has none); only the secretariat recognises.
"""

from django.core.files.uploadedfile import SimpleUploadedFile

from emulation.initiatives import services

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
WARD_WIDE = {"sam": 200, "chris": 200, "ada": 200}


def register(ctx, user, title: str, *, files=()):
    unit = user.official.unit
    return services.initiative_register(
        campaign=ctx["campaign"],
        unit=unit,
        actor=user,
        title=title,
        problem="Người dân phải nộp lại giấy tờ đã nộp.",
        solution="Tra cứu kho dữ liệu số hóa trước khi yêu cầu bản giấy.",
        uploads=files,
        authors=[user.official.pk],
    )


def context(ctx) -> dict:
    upload = SimpleUploadedFile("thuyet-minh.pdf", PDF, content_type="application/pdf")
    vp = register(ctx, ctx["olga"], "Tra cứu hồ sơ số hóa trước khi yêu cầu bản giấy", files=[upload])
    kt = register(ctx, ctx["bob"], "Bản đồ số hạ tầng đô thị")
    return {"initiative_vp": vp, "initiative_kt": kt, "initiative_file_vp": vp.files.get()}


def _pk(key):
    return lambda ctx: {"pk": ctx[key].pk}


def _code(ctx) -> dict:
    return {"code": ctx["campaign"].code}


OWN_VP = {"alice": 200, "bob": 404, "olga": 200, **WARD_WIDE}
EDIT_VP = {"alice": 200, "bob": 404, "olga": 200, "sam": 302, "chris": 302, "ada": 302}
REGISTER = {"alice": 200, "bob": 200, "olga": 200, "sam": 200, "chris": 404, "ada": 404}
RECOGNISE = {"alice": 404, "bob": 404, "olga": 404, "sam": 200, "chris": 404, "ada": 404}

ROWS = {
    "emulation:initiative-current": (
        lambda ctx: {},
        dict.fromkeys(["alice", "bob", "olga", "sam", "chris", "ada"], 302),
        "login",
    ),
    "emulation:initiative-list": (_code, dict.fromkeys(["alice", "bob", "olga", "sam", "chris", "ada"], 200), "login"),
    "emulation:initiative-register": (_code, REGISTER, "login"),
    "emulation:initiative-detail": (_pk("initiative_vp"), OWN_VP, "login"),
    "emulation:initiative-edit": (_pk("initiative_vp"), EDIT_VP, "login"),
    "emulation:initiative-recognise": (_pk("initiative_vp"), RECOGNISE, "login"),
    "emulation:initiative-file": (_pk("initiative_file_vp"), OWN_VP, "login"),
}
