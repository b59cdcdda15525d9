"""Restore a backup made by `backup` into the configured database and media folder, then verify it."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from core.backups.archive import BackupError
from core.backups.services import restore_backup


class Command(BaseCommand):
    help = "Phục hồi một bản sao lưu vào cơ sở dữ liệu và thư mục media đang cấu hình (phải trống, trừ khi có --force)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="Tệp .tar do lệnh backup tạo.")
        parser.add_argument(
            "--force", action="store_true", help="Thay toàn bộ dữ liệu hiện có (media cũ được chuyển sang bên cạnh)."
        )

    def handle(self, *args, file: Path, force: bool, **options):
        connection.close()  # the restore drops tables: hold no connection of our own meanwhile
        try:
            outcome = restore_backup(
                file, connection.settings_dict, Path(settings.MEDIA_ROOT), force=force, now=timezone.localtime()
            )
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        if outcome.moved_aside:
            self.stdout.write(f"Thư mục media cũ đã được chuyển sang {outcome.moved_aside}; xoá khi không cần nữa.")
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã phục hồi {outcome.path}: {outcome.tables} bảng, {outcome.rows} dòng, "
                f"{outcome.media_files} tệp media — khớp manifest. "
                "Nếu mã nguồn mới hơn bản sao lưu, chạy tiếp: python manage.py migrate."
            )
        )
