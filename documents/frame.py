"""What the Decree 30 page frame (templates/documents/frame.html) shows around a document's body: the header
block, the document type and summary, the signer and the recipients. A kind's context builds one as `frame`."""

from dataclasses import dataclass, field
from datetime import date

from core.dates import date_written


@dataclass(frozen=True)
class Frame:
    issuer: str
    """The issuing body, as many lines as it is written on ("Ủy ban nhân dân\\nphường Nam Gia Nghĩa"); upper-cased."""
    reference: str
    """Number and symbol after "Số: " ("12/KH-UBND", or "…/KH-UBND" before it has a number)."""
    place: str
    doc_type: str
    summary: str = ""
    issued_on: date | None = None
    year: int | None = None
    """The year written when the date is still blank."""
    superior: str = ""
    signer_authority: str = ""
    signer_title: str = ""
    signer_name: str = ""
    recipients: list[str] = field(default_factory=list)

    @property
    def date_written(self) -> str:
        return date_written(self.issued_on, year=self.year)
