"""Compile the project's .po catalogues (LOCALE_PATHS) to .mo in pure Python: no GNU gettext needed."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core.catalogues import compile_po


class Command(BaseCommand):
    help = "Biên dịch các tệp bản dịch .po của dự án (locale/) sang .mo, không cần GNU gettext."
    requires_system_checks = []  # reads and writes files only

    def handle(self, *args, **options):
        sources = sorted(po for folder in settings.LOCALE_PATHS for po in Path(folder).glob("*/LC_MESSAGES/*.po"))
        if not sources:
            raise CommandError("Không có tệp .po nào trong LOCALE_PATHS.")
        for po in sources:
            try:
                target = compile_po(po)
            except ValueError as exc:
                raise CommandError(str(exc)) from exc
            self.stdout.write(f"{po} → {target.name}")
