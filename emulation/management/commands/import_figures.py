"""Import a long-layout Excel sheet of figures (several units and months) from the command line."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from core.spreadsheets import ExcelInvalid
from emulation.models import Campaign
from emulation.plan.selectors import current_campaign
from emulation.reports.excel import importer
from emulation.reports.selectors import secretariat_users
from emulation.reports.services import ReportError


class Command(BaseCommand):
    help = (
        "Nhập số liệu từ tệp Excel dạng dài (Mã đơn vị | Tháng | Mã chỉ tiêu | Tử số | Mẫu số | Giá trị); "
        "xem docs/EXCEL.md. Có một ô sai thì không lưu gì và liệt kê mọi ô sai."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="Tệp .xlsx.")
        parser.add_argument(
            "--accept", action="store_true", help="Chấp nhận mọi báo cáo trong tệp sau khi nhập (như nhập trên web)."
        )
        parser.add_argument(
            "--user",
            help="Tài khoản Thường trực thi đua ghi là người nhập (mặc định: tài khoản duy nhất có vai trò này).",
        )
        parser.add_argument("--campaign", help="Mã phong trào (mặc định: phong trào đang triển khai).")

    def handle(self, *args, file: Path, accept: bool, user: str | None, campaign: str | None, **options):
        actor = self._actor(user)
        target = self._campaign(campaign)
        if not file.is_file():
            raise CommandError(f"Không có tệp {file}.")
        try:
            with file.open("rb") as source:
                result = importer.figures_import_long(
                    campaign=target, source=source, actor=actor, accept=accept, source_name=file.name
                )
        except ExcelInvalid as exc:
            for error in exc.errors:
                self.stderr.write(str(error))
            raise CommandError(f"Tệp {file.name} có {len(exc.errors)} lỗi; không lưu gì.") from None
        except ReportError as exc:
            raise CommandError(f"{exc} Không lưu gì.") from None
        self.stdout.write(self.style.SUCCESS(result.summary()))

    def _actor(self, username: str | None):
        if username:
            actor = get_user_model().objects.filter(username=username, is_active=True).first()
            if actor is None:
                raise CommandError(f"Không có tài khoản đang hoạt động “{username}”.")
        else:
            candidates = secretariat_users()
            if len(candidates) != 1:
                names = ", ".join(u.username for u in candidates) or "không có ai"
                raise CommandError(f"Hãy chỉ rõ --user (tài khoản Thường trực thi đua: {names}).")
            actor = candidates[0]
        if not actor.has_perm("emulation.import_figures"):
            raise CommandError(f"Tài khoản “{actor.username}” không có quyền nhập số liệu (Thường trực thi đua).")
        return actor

    def _campaign(self, code: str | None) -> Campaign:
        if code:
            found = Campaign.objects.filter(code=code).first()
            if found is None:
                raise CommandError(f"Không có phong trào mã “{code}”.")
            return found
        found = current_campaign(timezone.localdate())
        if found is None:
            raise CommandError("Chưa có phong trào nào đang triển khai; hãy chỉ rõ --campaign.")
        return found
