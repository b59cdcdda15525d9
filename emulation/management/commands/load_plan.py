"""Load a campaign from a plan data file (see data/plans/); an existing campaign code is kept."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from emulation.plan.loader import PlanFileError, load_plan, read_plan_file


class Command(BaseCommand):
    help = "Nạp một kế hoạch thi đua từ tệp dữ liệu YAML (xem data/plans/)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        try:
            result = load_plan(data=read_plan_file(file))
        except PlanFileError as exc:
            raise CommandError(str(exc)) from exc
        campaign = result.campaign
        if result.created:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Đã tạo phong trào {campaign.code}: {campaign.criteria.count()} tiêu chí, "
                    f"{campaign.indicators.count()} chỉ tiêu, {campaign.award_forms.count()} hình thức khen thưởng."
                )
            )
        else:
            self.stdout.write(f"Phong trào {campaign.code} đã có, giữ nguyên.")
