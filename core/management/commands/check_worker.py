"""Send a task through the broker and wait for a worker's answer (for operators after a deploy)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core.tasks import worker_health


class Command(BaseCommand):
    help = "Kiểm tra Celery: gửi một tác vụ qua Redis và chờ worker trả lời."

    def add_arguments(self, parser):
        parser.add_argument("--timeout", type=float, default=10.0)

    def handle(self, *args, timeout: float, **options):
        if not settings.REDIS_URL:
            self.stdout.write("REDIS_URL chưa đặt: tác vụ chạy ngay trong tiến trình, không cần worker.")
        try:
            answer = worker_health.delay().get(timeout=timeout)
        except Exception as exc:
            raise CommandError(f"Worker không trả lời sau {timeout:g} giây: {exc}") from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Worker trả lời: CSDL {answer['database']}, {answer['users']} tài khoản đang hoạt động."
            )
        )
