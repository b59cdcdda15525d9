"""Load the demo ward (fictional people), the 2026 CCHC plan, the months already reported, and the awards side
(initiatives, last year's awards, this year's dossiers); safe to run again. It lives in awards, the top floor,
because it loads every floor's demo."""

from datetime import date
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from awards.decisions.demo import decisions_demo_load
from awards.dossiers.demo import dossiers_demo_load
from awards.history.demo import history_demo_load
from emulation.demo import demo_history_load
from emulation.initiatives.demo import initiatives_demo_load
from emulation.plan.loader import PlanFileError, load_plan, read_plan_file
from units.services import WardFileError, ward_load

# The demo of each part of the awards side (and the initiatives): each is safe to run again and says what it
# added. Each wing adds its loader here.
DEMO_PARTS: list = [initiatives_demo_load, history_demo_load, dossiers_demo_load, decisions_demo_load]

DATA_DIR = Path(settings.BASE_DIR) / "data"
WARD_FILE = DATA_DIR / "wards" / "nam-gia-nghia-demo.yaml"
PLAN_FILE = DATA_DIR / "plans" / "ke-hoach-thi-dua-cchc-2026.yaml"
DEMO_CLERK = "vhxh"  # the secretariat account that "accepted" the demo history


def _month_before(day: date) -> date:
    return date(day.year - 1, 12, 1) if day.month == 1 else date(day.year, day.month - 1, 1)


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu: phường Nam Gia Nghĩa, cán bộ (hư cấu), tài khoản demo và kế hoạch thi đua CCHC 2026."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Cho phép chạy khi DEBUG tắt (môi trường thật).")

    def handle(self, *args, force: bool = False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG đang tắt: dữ liệu mẫu tạo tài khoản có mật khẩu công khai. Dùng --force nếu thật sự muốn."
            )
        try:
            ward = ward_load(data=read_plan_file(WARD_FILE), password=settings.DEMO_PASSWORD)
            plan = load_plan(data=read_plan_file(PLAN_FILE))
        except (WardFileError, PlanFileError) as exc:
            raise CommandError(str(exc)) from exc
        state = "đã tạo" if ward.created else "đã có sẵn, giữ nguyên"
        self.stdout.write(f"Phường {ward.ward}: {state}.")
        state = "đã tạo" if plan.created else "đã có sẵn, giữ nguyên"
        self.stdout.write(f"Phong trào {plan.campaign.code}: {state}.")
        # The months already past, reported and accepted, so the dashboards have something to show.
        through = min(_month_before(timezone.localdate()), plan.campaign.months()[-1])
        clerk = get_user_model().objects.get(username=DEMO_CLERK)
        made = demo_history_load(campaign=plan.campaign, through=through, clerk=clerk)
        self.stdout.write(f"Báo cáo tháng đã chấp nhận (đến tháng {through:%m/%Y}): thêm {made}.")
        for load in DEMO_PARTS:
            line = load(campaign=plan.campaign, clerk=clerk)
            if line:
                self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS(f"Tài khoản demo (mật khẩu {settings.DEMO_PASSWORD}):"))
        for username, description in ward.accounts:
            self.stdout.write(f"  {username:<12} {description}")
