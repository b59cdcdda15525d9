"""Recompute the stored scores of one campaign, or of every active campaign, from accepted reports."""

from django.core.management.base import BaseCommand, CommandError

from emulation.models import Campaign
from emulation.scores.services import scores_recompute


class Command(BaseCommand):
    help = "Tính lại điểm (theo tháng, quý, lũy kế, năm) từ các báo cáo đã được chấp nhận."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--campaign", help="Mã phong trào (mặc định: mọi phong trào đang triển khai).")

    def handle(self, *args, campaign: str | None = None, **options) -> None:
        if campaign:
            campaigns = list(Campaign.objects.filter(code=campaign))
            if not campaigns:
                raise CommandError(f"Không có phong trào mã “{campaign}”.")
        else:
            campaigns = list(Campaign.objects.filter(is_active=True).order_by("code"))
            if not campaigns:
                raise CommandError("Không có phong trào nào đang triển khai.")
        for target in campaigns:
            written = scores_recompute(campaign=target)
            self.stdout.write(self.style.SUCCESS(f"{target.code}: đã tính lại {written} dòng điểm chỉ tiêu."))
