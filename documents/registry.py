"""The kinds of document the apps render: each app registers its own from its AppConfig.ready(), so that this
app, a floor below them, renders any record it is handed and imports none of them.

A kind is a template (extending documents/frame.html), how to find its record by id, the record's context for
the template, who may read it (the same predicate as the record's own page), and the record's version.
"""

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class DocumentKind:
    key: str
    """Stored with each document ("emulation.plan"); never renamed once documents of it exist."""
    template: str
    find: Callable[[int], object | None]
    """The record of that id, or None when it is gone."""
    context: Callable[[object], dict]
    """The template's context for the record; the record itself is added as `record`."""
    can_view: Callable[[object, object], bool]
    """can_view(user, record): may this person download it (else the download answers 404)."""
    version: Callable[[object], int] = lambda record: getattr(record, "version", 0)
    """The record's version the document shows (a changed record has a higher one)."""
    filename: Callable[[object], str] = lambda record: "van-ban.pdf"
    """The download's file name (ASCII)."""
    model: type | None = None
    """The record's model: saving one marks its documents stale and renders them again (documents.signals)."""
    frozen: Callable[[object], bool] = lambda record: False
    """True once the record is issued (a decision, its certificates): the document made then is the one issued,
    never made again, whatever changes later."""
    verify: Callable[[object], dict] | None = None
    """What the public page /xac-minh/<token>/ confirms of the record, {label: value, ...} in order, plus
    "revoked": bool; None: this kind has no public page (its token answers 404)."""
    signed: bool = False
    """Signed (PAdES, documents.signing) with the ward's certificate when one is configured."""
    parts: Callable[[object], list] | None = None
    """A merged print ("In tất cả giấy khen của quyết định N"): the records of `parts_kind` it is made of, in
    order; each part's own document is made (or reused) and the files joined, the progress counted per part."""
    parts_kind: str = ""
    on_download: Callable[[object, object], None] | None = None
    """on_download(user, record): called when someone who may read it downloads the file (after can_view), e.g. to
    log who took a copy of a record holding personal data (Mẫu 03, DOMAIN.md §7); None: nothing is called."""


class KindUnknown(LookupError):
    pass


_KINDS: dict[str, DocumentKind] = {}


def document_kind_register(kind: DocumentKind) -> None:
    """Add (or replace, by key) a kind of document; a kind naming its model is made again when a record is saved
    (documents.signals)."""
    _KINDS[kind.key] = kind


def watched_models() -> set[type]:
    return {kind.model for kind in _KINDS.values() if kind.model is not None}


def document_kind(key: str) -> DocumentKind:
    try:
        return _KINDS[key]
    except KeyError:
        raise KindUnknown(f"Loại văn bản “{key}” chưa được đăng ký.") from None


def document_kinds() -> list[DocumentKind]:
    return list(_KINDS.values())


def version_of(*shown) -> int:
    """A record's version made of what its document shows (for a kind whose record has no version counter): any
    change of the data gives another number. A hash, 60 bits, inside Document.record_version on every database."""
    text = json.dumps(shown, ensure_ascii=False, sort_keys=True, default=str)
    return int(hashlib.sha256(text.encode()).hexdigest()[:15], 16)
