"""A test kind of document ("tests.slow", a unit as its record) whose render the test holds open, so that a worker
can be killed in the middle of it.

Each render writes `started-<pid>` into the folder SLOW_KIND_DIR names (the test learns which process renders),
then waits while a file `hold` is there (at most HOLD_SECONDS). A worker imports this module with
`celery worker --include documents.tests.slow_kind`, which registers the kind when SLOW_KIND_DIR is set; the test
process registers it through its own fixture.
"""

import os
import time
from datetime import date
from pathlib import Path

from documents.frame import Frame
from documents.registry import DocumentKind, document_kind_register

KEY = "tests.slow"
HOLD_SECONDS = 120


def _folder() -> Path:
    return Path(os.environ["SLOW_KIND_DIR"])


def _unit(pk: int):
    from units.models import Unit

    return Unit.objects.filter(pk=pk).first()


def _held_context(unit) -> dict:
    folder = _folder()
    (folder / f"started-{os.getpid()}").touch()
    deadline = time.monotonic() + HOLD_SECONDS
    while (folder / "hold").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    frame = Frame(
        issuer=unit.name,
        reference="1/TB",
        place="Nam Gia Nghĩa",
        doc_type="Thông báo",
        summary="Về việc thử tạo lại văn bản",
        issued_on=date(2026, 1, 5),
        signer_authority="",
        signer_title="Chánh Văn phòng",
        signer_name="Nguyễn Văn A",
        recipients=["Lưu VT."],
    )
    return {"frame": frame}


SLOW = DocumentKind(
    key=KEY,
    template="documents/frame.html",
    find=_unit,
    context=_held_context,
    can_view=lambda user, unit: False,
    version=lambda unit: 1,
)

if os.environ.get("SLOW_KIND_DIR"):
    document_kind_register(SLOW)
