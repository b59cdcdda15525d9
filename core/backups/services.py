"""Back up and restore: the database (pg_dump of one snapshot) and the media folder, checked by a manifest."""

import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from core.backups import archive, database
from core.backups.archive import BackupError


@dataclass(frozen=True)
class Outcome:
    path: Path
    tables: int
    rows: int
    media_files: int
    moved_aside: Path | None = None


def create_backup(db: dict, media_root: Path, backup_dir: Path, now: datetime) -> Outcome:
    """Write `backup_dir/thidua-YYYYMMDD-HHMMSS.tar`. The row counts and the dump come from one snapshot
    (exported by the counting transaction, imported by pg_dump); the media folder is read after it, so
    every file a dumped row names was already on disk. The archive gets its name only once complete."""
    params = database.connection_params(db)
    backup_dir.mkdir(parents=True, exist_ok=True)
    target = backup_dir / f"thidua-{now:%Y%m%d-%H%M%S}.tar"
    if target.exists():
        raise BackupError(f"Đã có bản sao lưu {target}; chờ một giây rồi chạy lại.")
    with tempfile.TemporaryDirectory(prefix=".backup-", dir=backup_dir) as work:
        dump_path = Path(work) / archive.DUMP
        with database.connect(params, snapshot=True) as conn:
            snapshot = database.export_snapshot(conn)
            manifest = {
                "created_at": now.isoformat(),
                "database": {"name": params["dbname"], "server_version": database.server_version(conn)},
                "migrations": database.applied_migrations(conn),
                "tables": database.table_counts(conn),
            }
            database.dump(params, snapshot, dump_path)
        partial = Path(work) / "archive.tar"
        manifest = archive.write_archive(partial, manifest, dump_path, Path(media_root))
        os.replace(partial, target)
    return Outcome(target, len(manifest["tables"]), sum(manifest["tables"].values()), len(manifest["media"]))


def _has_files(folder: Path, but: Path | None = None) -> bool:
    return any(path for path in archive.media_files(folder) if but is None or but not in path.parents)


def restore_backup(path: Path, db: dict, media_root: Path, *, force: bool, now: datetime) -> Outcome:
    """Restore the archive into the configured database and media folder, which must be empty unless
    `force`. Every member is verified before anything is written; the database is replaced in one
    transaction; with `force`, the media folder's previous content is moved beside it, not deleted.
    Afterwards the row counts and media hashes are compared with the manifest."""
    params = database.connection_params(db)
    media_root = Path(media_root)
    with database.connect(params) as conn:
        existing = database.relations(conn)
    if not force and (existing or _has_files(media_root)):
        what = "cơ sở dữ liệu " + params["dbname"] if existing else f"thư mục media {media_root}"
        raise BackupError(
            f"Không phục hồi: {what} không trống. Phục hồi vào một cơ sở dữ liệu mới, "
            "hoặc chạy lại với FORCE=1 (make restore FILE=… FORCE=1) để thay toàn bộ dữ liệu hiện có."
        )
    media_root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".restore-", dir=media_root))
    moved_aside = None
    try:
        manifest = archive.extract_verified(Path(path), staging / archive.DUMP, staging / archive.MEDIA)
        database.restore(params, staging / archive.DUMP, existing)
        moved_aside = _swap_media(media_root, staging, now)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    _verify(params, media_root, manifest)
    tables = manifest["tables"]
    return Outcome(Path(path), len(tables), sum(tables.values()), len(manifest["media"]), moved_aside)


def _swap_media(media_root: Path, staging: Path, now: datetime) -> Path | None:
    """Move the folder's present entries (if any) beside it, then the restored ones into it."""
    present = [entry for entry in media_root.iterdir() if entry != staging]
    aside = None
    if present:
        aside = media_root.parent / f"{media_root.name}.before-restore-{now:%Y%m%d-%H%M%S}"
        aside.mkdir()
        for entry in present:
            shutil.move(str(entry), str(aside / entry.name))
    restored = staging / archive.MEDIA
    if restored.is_dir():
        for entry in restored.iterdir():
            os.replace(entry, media_root / entry.name)
    return aside


def _verify(params: dict, media_root: Path, manifest: dict) -> None:
    with database.connect(params) as conn:
        counts = database.table_counts(conn)
    if counts != manifest["tables"]:
        differ = sorted(
            set(counts) ^ set(manifest["tables"]) | {t for t in counts if counts[t] != manifest["tables"].get(t)}
        )
        raise BackupError(f"Đã phục hồi nhưng số dòng không khớp manifest ở các bảng: {', '.join(differ[:10])}.")
    wrong = archive.media_mismatches(media_root, manifest["media"])
    if wrong:
        raise BackupError(f"Đã phục hồi nhưng tệp media không khớp manifest: {', '.join(wrong[:10])}.")
