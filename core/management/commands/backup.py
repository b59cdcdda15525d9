"""Back up the database (pg_dump, custom format) and the media folder into one dated, verified archive."""

import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from core.backups.archive import BackupError
from core.backups.services import create_backup


def default_backup_dir() -> Path:
    return Path(os.environ.get("BACKUP_DIR") or Path(settings.BASE_DIR) / "backups")


class Command(BaseCommand):
    help = "Sao lưu cơ sở dữ liệu PostgreSQL (pg_dump) và thư mục media vào một tệp .tar có ngày giờ."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dir", dest="directory", type=Path, help="Thư mục chứa bản sao lưu (mặc định: $BACKUP_DIR hoặc backups/)."
        )

    def handle(self, *args, directory: Path | None, **options):
        target_dir = directory or default_backup_dir()
        try:
            outcome = create_backup(
                connection.settings_dict, Path(settings.MEDIA_ROOT), target_dir, timezone.localtime()
            )
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        size = outcome.path.stat().st_size / (1024 * 1024)
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã sao lưu vào {outcome.path} ({size:.1f} MB): {outcome.tables} bảng, {outcome.rows} dòng, "
                f"{outcome.media_files} tệp media."
            )
        )
