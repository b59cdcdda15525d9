"""Render a campaign's plan to a PDF file, here and now (no queue): a clerk's way to print it."""

import os
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from documents.build import document_pdf
from documents.registry import document_kind
from documents.render import RenderFailed
from emulation.plan.document import KIND
from emulation.plan.models import Campaign
from emulation.plan.selectors import campaign_page


class Command(BaseCommand):
    help = "Xuất kế hoạch của một phong trào ra tệp PDF theo thể thức Nghị định 30/2020/NĐ-CP."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--campaign", required=True, help="Mã phong trào, ví dụ CCHC-2026.")
        parser.add_argument("-o", "--output", required=True, help="Tệp PDF sẽ ghi, ví dụ ke-hoach-2026.pdf.")

    def handle(self, *args, campaign: str, output: str, **options) -> None:
        try:
            record = campaign_page(campaign)
        except Campaign.DoesNotExist:
            raise CommandError(f"Không có phong trào mã “{campaign[:60]}”.") from None
        target = Path(output)
        if not target.parent.is_dir():
            raise CommandError(f"Không có thư mục {target.parent} để ghi tệp.")
        try:
            pdf = document_pdf(kind=document_kind(KIND), record=record)
        except RenderFailed as exc:
            raise CommandError(str(exc)) from None
        try:  # written beside the target, then renamed: a reader never sees half a file
            fd, temporary = tempfile.mkstemp(dir=target.parent, suffix=".pdf.tmp")
            with os.fdopen(fd, "wb") as handle:
                handle.write(pdf)
            os.replace(temporary, target)
        except OSError as exc:
            raise CommandError(f"Không ghi được tệp {target}: {exc.strerror or exc}.") from None
        self.stdout.write(self.style.SUCCESS(f"Đã ghi kế hoạch {record.code} vào {target} ({len(pdf):,} byte)."))
