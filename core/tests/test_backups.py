"""Backups: `backup` then `restore` into a new PostgreSQL database gives the same rows and media files; an
archive that was altered, cut short or is no backup at all is refused before anything is written."""

import hashlib
import tarfile
import uuid
from datetime import datetime
from pathlib import Path

import psycopg2
import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from core.backups import archive, database
from core.backups.archive import BackupError
from core.backups.services import create_backup, restore_backup
from units.models import Official, Unit

NOW = datetime(2026, 3, 15, 2, 0, 0)
SQLITE = {"ENGINE": "django.db.backends.sqlite3", "NAME": "/srv/thidua/db.sqlite3"}
POSTGRES = {
    "ENGINE": "django.db.backends.postgresql",
    "NAME": "thidua",
    "USER": "app",
    "PASSWORD": "bí-mật",
    "HOST": "db",
}


def test_sqlite_is_refused_with_the_advice_to_copy_the_file(tmp_path):
    with pytest.raises(BackupError, match=r"chỉ dành cho PostgreSQL.*chép tệp cơ sở dữ liệu"):
        create_backup(SQLITE, tmp_path / "media", tmp_path / "backups", NOW)
    with pytest.raises(BackupError, match="chỉ dành cho PostgreSQL"):
        restore_backup(tmp_path / "x.tar", SQLITE, tmp_path / "media", force=True, now=NOW)


def test_the_password_travels_in_the_environment_only():
    params = database.connection_params(POSTGRES)
    env = database.client_env(params, base={"PATH": "/usr/bin", "PGPASSWORD": "someone-else"})
    assert env == {
        "PATH": "/usr/bin",
        "PGHOST": "db",
        "PGUSER": "app",
        "PGPASSWORD": "bí-mật",
        "PGDATABASE": "thidua",
    }


def _fake_backup(tmp_path: Path) -> Path:
    """An archive written by the real writer around a stand-in dump (no database needed)."""
    dump = tmp_path / "database.dump"
    dump.write_bytes(b"PGDMP" + bytes(range(256)) * 40)
    media = tmp_path / "media"
    (media / "evidence").mkdir(parents=True)
    (media / "evidence" / "báo cáo.pdf").write_bytes(b"%PDF-1.7 " + b"x" * 5000)
    target = tmp_path / "backup.tar"
    archive.write_archive(target, {"tables": {"units_unit": 6}, "migrations": {}}, dump, media)
    return target


def _extract(path: Path, tmp_path: Path) -> dict:
    out = tmp_path / f"out-{uuid.uuid4().hex}"
    out.mkdir()
    return archive.extract_verified(path, out / "database.dump", out / "media")


def test_an_intact_archive_verifies_and_extracts_the_same_bytes(tmp_path):
    manifest = _extract(_fake_backup(tmp_path), tmp_path)
    pdf = (tmp_path / "media" / "evidence" / "báo cáo.pdf").read_bytes()
    assert manifest["media"]["evidence/báo cáo.pdf"]["sha256"] == hashlib.sha256(pdf).hexdigest()
    assert manifest["tables"] == {"units_unit": 6}


def test_an_altered_byte_is_refused(tmp_path):
    path = _fake_backup(tmp_path)
    data = bytearray(path.read_bytes())
    offset = data.index(b"%PDF-1.7 ") + 100
    data[offset] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(BackupError, match=r"đã bị sửa hoặc hỏng: SHA-256 của evidence/báo cáo.pdf"):
        _extract(path, tmp_path)


def test_a_truncated_archive_is_refused(tmp_path):
    path = _fake_backup(tmp_path)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    with pytest.raises(BackupError, match=r"không phải bản sao lưu.*cắt cụt"):
        _extract(path, tmp_path)


@pytest.mark.parametrize("kind", ["text", "foreign-tar", "escaping-tar"])
def test_a_file_that_is_not_a_backup_is_refused(tmp_path, kind):
    path = tmp_path / "other.tar"
    if kind == "text":
        path.write_text("không phải tar")
    else:
        (tmp_path / "note.txt").write_text("x")
        with tarfile.open(path, "w") as tar:
            tar.add(tmp_path / "note.txt", arcname="note.txt" if kind == "foreign-tar" else "media/../../note.txt")
    with pytest.raises(BackupError, match="không phải bản sao lưu"):
        _extract(path, tmp_path)
    assert not (tmp_path.parent / "note.txt").exists()


# PostgreSQL: the real pg_dump, pg_restore and psql.
@pytest.fixture
def new_database():
    """A database of its own with a unique name, dropped after the test."""
    params = database.connection_params(connection.settings_dict)
    name = f"thidua_restore_{uuid.uuid4().hex[:12]}"
    admin = psycopg2.connect(**dict(params, dbname="postgres"))
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    try:
        yield {**connection.settings_dict, "NAME": name}
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def _counts(db: dict) -> dict[str, int]:
    with database.connect(database.connection_params(db)) as conn:
        return database.table_counts(conn)


@pytest.mark.usefixtures("alice", "bob", "sam")
@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="backups are of PostgreSQL databases")
@pytest.mark.django_db(transaction=True)
def test_backup_restores_into_a_new_database_with_the_same_rows_and_files(settings, tmp_path, new_database, capsys):
    media = Path(settings.MEDIA_ROOT)
    (media / "evidence" / "2026").mkdir(parents=True)
    pdf = media / "evidence" / "2026" / "báo cáo tháng 3.pdf"
    pdf.write_bytes(b"%PDF-1.7 " + uuid.uuid4().bytes * 500)
    source = _counts(connection.settings_dict)
    assert set(source) == set(connection.introspection.table_names())
    assert source["units_unit"] == Unit.objects.count() == 6 and source["units_official"] == Official.objects.count()

    call_command("backup", "--dir", str(tmp_path / "backups"))
    (backup,) = (tmp_path / "backups").glob("thidua-*.tar")
    assert "Đã sao lưu vào" in capsys.readouterr().out

    restored_media = tmp_path / "restored-media"
    outcome = restore_backup(backup, new_database, restored_media, force=False, now=NOW)
    assert _counts(new_database) == source
    assert outcome.rows == sum(source.values())
    copy = restored_media / "evidence" / "2026" / "báo cáo tháng 3.pdf"
    assert hashlib.sha256(copy.read_bytes()).hexdigest() == hashlib.sha256(pdf.read_bytes()).hexdigest()

    # Not again without FORCE: the database is no longer empty, and nothing changes.
    with pytest.raises(BackupError, match=f"cơ sở dữ liệu {new_database['NAME']} không trống.*FORCE=1"):
        restore_backup(backup, new_database, tmp_path / "empty-media", force=False, now=NOW)
    assert _counts(new_database) == source

    # A tampered or cut-short copy is refused and the restored database is left as it was.
    data = backup.read_bytes()
    inside_dump = data.index(b"PGDMP") + 200
    damaged = {
        "tampered": (data[:inside_dump] + bytes([data[inside_dump] ^ 1]) + data[inside_dump + 1 :], "đã bị sửa"),
        "cut": (data[: len(data) // 2], "cắt cụt"),
    }
    for name, (content, why) in damaged.items():
        bad = tmp_path / f"{name}.tar"
        bad.write_bytes(content)
        with pytest.raises(BackupError, match=why):
            restore_backup(bad, new_database, restored_media, force=True, now=NOW)
        assert _counts(new_database) == source
        assert copy.is_file()

    # With FORCE, the database is replaced whole and the media present is moved beside the folder.
    with database.connect(database.connection_params(new_database)) as conn, conn.cursor() as cursor:
        cursor.execute("DELETE FROM units_official")
        cursor.execute("CREATE TABLE stray (id int)")
    outcome = restore_backup(backup, new_database, restored_media, force=True, now=NOW)
    assert _counts(new_database) == source
    assert (outcome.moved_aside / "evidence" / "2026" / "báo cáo tháng 3.pdf").is_file()
    assert copy.is_file()


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="backups are of PostgreSQL databases")
@pytest.mark.django_db(transaction=True)
def test_restore_command_refuses_the_non_empty_configured_database(tmp_path):
    call_command("backup", "--dir", str(tmp_path))
    (backup,) = tmp_path.glob("thidua-*.tar")
    with pytest.raises(CommandError, match="không trống"):
        call_command("restore", str(backup))
