"""What an evidence file really is, read from its first bytes: a renamed executable is not a PDF."""

import zipfile

ALLOWED = {
    # detected type: (content type, extensions a person may give it)
    "pdf": ("application/pdf", {".pdf"}),
    "png": ("image/png", {".png"}),
    "jpeg": ("image/jpeg", {".jpg", ".jpeg"}),
    "gif": ("image/gif", {".gif"}),
    "webp": ("image/webp", {".webp"}),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", {".xlsx"}),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", {".docx"}),
}
ACCEPT_ATTR = ",".join(sorted(ext for _, exts in ALLOWED.values() for ext in exts))


class EvidenceTypeError(ValueError):
    pass


def _office_kind(upload) -> str | None:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    if "[Content_Types].xml" not in names:
        return None
    if any(n.startswith("xl/") for n in names):
        return "xlsx"
    if any(n.startswith("word/") for n in names):
        return "docx"
    return None


def detect(upload) -> str | None:
    upload.seek(0)
    head = upload.read(16)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith(b"PK\x03\x04"):
        return _office_kind(upload)
    return None


def sniff_evidence_type(upload, *, name: str | None = None) -> str:
    """The content type of an allowed file whose name (`name`, default the upload's) matches its content;
    raises EvidenceTypeError."""
    kind = detect(upload)
    if kind is None:
        raise EvidenceTypeError("không phải PDF, ảnh, .xlsx hay .docx (hệ thống kiểm tra nội dung tệp, không chỉ tên).")
    content_type, extensions = ALLOWED[kind]
    name = (name if name is not None else upload.name or "").lower()
    if not any(name.endswith(ext) for ext in extensions):
        raise EvidenceTypeError(f"nội dung là tệp {kind.upper()} nhưng tên tệp có đuôi khác; hãy đặt đúng đuôi tệp.")
    return content_type
