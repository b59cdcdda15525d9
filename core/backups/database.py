"""PostgreSQL for backups: the connection from Django's settings, row counts, pg_dump and pg_restore.

The password never appears on a command line: the client programs get the connection through the
libpq environment variables (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE, PGSSLMODE).
"""

import os
import subprocess
import tempfile
from contextlib import contextmanager, suppress
from pathlib import Path

import psycopg2
from psycopg2 import sql

from core.backups.archive import BackupError

RELATIONS = (
    "SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') ORDER BY c.relname"
)
DROP_KIND = {"r": "TABLE", "p": "TABLE", "f": "FOREIGN TABLE", "v": "VIEW", "m": "MATERIALIZED VIEW", "S": "SEQUENCE"}
DROP_ORDER = ("MATERIALIZED VIEW", "VIEW", "FOREIGN TABLE", "TABLE", "SEQUENCE")
ERROR_TAIL = 2000
CHUNK = 1024 * 1024


def connection_params(db: dict) -> dict[str, str]:
    """libpq parameters from a Django DATABASES entry; refuses anything but PostgreSQL."""
    engine = db.get("ENGINE", "")
    if "postgresql" not in engine:
        where = f" ({db.get('NAME')})" if "sqlite" in engine else ""
        raise BackupError(
            f"Sao lưu và phục hồi chỉ dành cho PostgreSQL, còn DATABASE_URL đang trỏ tới {engine.rsplit('.', 1)[-1]}"
            f"{where}. Khi phát triển với SQLite, chỉ cần chép tệp cơ sở dữ liệu và thư mục media là đủ."
        )
    params = {
        "host": str(db.get("HOST") or ""),
        "port": str(db.get("PORT") or ""),
        "user": str(db.get("USER") or ""),
        "password": str(db.get("PASSWORD") or ""),
        "dbname": str(db.get("NAME") or ""),
        "sslmode": str((db.get("OPTIONS") or {}).get("sslmode") or ""),
    }
    if not params["dbname"]:
        raise BackupError("DATABASE_URL không ghi tên cơ sở dữ liệu.")
    return {key: value for key, value in params.items() if value}


def client_env(params: dict[str, str], base: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of a pg_dump/pg_restore/psql child: the caller's, with the connection in PG* variables."""
    env = {k: v for k, v in (os.environ if base is None else base).items() if not k.startswith("PG")}
    names = {"host": "PGHOST", "port": "PGPORT", "user": "PGUSER", "password": "PGPASSWORD", "dbname": "PGDATABASE"}
    names["sslmode"] = "PGSSLMODE"
    env.update({names[key]: value for key, value in params.items()})
    return env


@contextmanager
def connect(params: dict[str, str], *, snapshot: bool = False):
    """A psycopg2 connection of its own; with `snapshot`, one read-only REPEATABLE READ transaction."""
    try:
        conn = psycopg2.connect(**params)
    except psycopg2.Error as exc:
        raise BackupError(f"Không kết nối được cơ sở dữ liệu {params.get('dbname')}: {exc}".strip()) from exc
    try:
        if snapshot:
            conn.set_session(isolation_level="REPEATABLE READ", readonly=True)
        else:
            conn.autocommit = True
        yield conn
    finally:
        conn.close()


def relations(conn) -> list[tuple[str, str]]:
    with conn.cursor() as cursor:
        cursor.execute(RELATIONS)
        return list(cursor.fetchall())


def table_counts(conn) -> dict[str, int]:
    counts = {}
    with conn.cursor() as cursor:
        for name, kind in relations(conn):
            if kind in ("r", "p"):
                cursor.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(name)))
                counts[name] = cursor.fetchone()[0]
    return counts


def applied_migrations(conn) -> dict[str, list[str]]:
    with conn.cursor() as cursor:
        cursor.execute("SELECT to_regclass('django_migrations') IS NOT NULL")
        if not cursor.fetchone()[0]:
            return {}
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, id")
        applied: dict[str, list[str]] = {}
        for app, name in cursor.fetchall():
            applied.setdefault(app, []).append(name)
        return applied


def server_version(conn) -> str:
    with conn.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return cursor.fetchone()[0]


def export_snapshot(conn) -> str:
    with conn.cursor() as cursor:
        cursor.execute("SELECT pg_export_snapshot()")
        return cursor.fetchone()[0]


def _run(argv: list[str], env: dict[str, str], what: str) -> None:
    try:
        done = subprocess.run(  # noqa: S603 - fixed argv, no shell, connection in the environment
            argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False
        )
    except FileNotFoundError as exc:
        raise BackupError(f"Không tìm thấy chương trình {argv[0]} (cài gói postgresql-client).") from exc
    if done.returncode != 0:
        raise BackupError(f"{what} thất bại: {done.stderr.decode(errors='replace')[-ERROR_TAIL:].strip()}")


def dump(params: dict[str, str], snapshot: str, target: Path) -> None:
    """pg_dump in custom format of the snapshot the caller's transaction exported (and keeps open)."""
    argv = ["pg_dump", "--format=custom", f"--snapshot={snapshot}", f"--file={target}"]
    _run(argv, client_env(params), "pg_dump")


def drop_statement(existing: list[tuple[str, str]]) -> str:
    """Statements dropping every relation of the schema: views, then tables (taking their own sequences
    with them), then the sequences left (IF EXISTS: a cascade may have dropped one already)."""
    by_kind: dict[str, list[str]] = {}
    for name, kind in existing:
        by_kind.setdefault(DROP_KIND[kind], []).append('"' + name.replace('"', '""') + '"')
    return "".join(
        f"DROP {kind} IF EXISTS {', '.join(by_kind[kind])} CASCADE;" for kind in DROP_ORDER if kind in by_kind
    )


def restore(params: dict[str, str], dump_path: Path, existing: list[tuple[str, str]]) -> None:
    """Drop what the schema holds and load the dump, all in ONE transaction: pg_restore writes the SQL, psql
    runs it with --single-transaction and stops at the first error. Should pg_restore fail half-way, psql is
    killed before it reaches the end of its input, so the server rolls the transaction back: nothing changes."""
    env = client_env(params)
    before = ["-c", drop_statement(existing)] if existing else []
    psql = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction", *before, "-f", "-"]
    pg_restore = ["pg_restore", "--no-owner", "--no-privileges", "--file=-", str(dump_path)]
    with tempfile.TemporaryFile() as producer_errors, tempfile.TemporaryFile() as consumer_errors:
        try:
            producer = subprocess.Popen(  # noqa: S603 - fixed argv, no shell
                pg_restore, env=env, stdout=subprocess.PIPE, stderr=producer_errors
            )
            consumer = subprocess.Popen(  # noqa: S603 - fixed argv, no shell
                psql, env=env, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=consumer_errors
            )
        except FileNotFoundError as exc:
            raise BackupError(f"Không tìm thấy chương trình {exc.filename} (cài gói postgresql-client).") from exc
        try:
            while chunk := producer.stdout.read(CHUNK):
                consumer.stdin.write(chunk)
        except BrokenPipeError:  # psql stopped at an error: its message says which
            pass
        finally:
            producer.stdout.close()
            producer_failed = producer.wait() != 0
        if producer_failed:
            consumer.kill()
        else:
            with suppress(BrokenPipeError):
                consumer.stdin.close()
        consumer_failed = consumer.wait() != 0
        if producer_failed or consumer_failed:
            detail = b""
            for stream in (producer_errors, consumer_errors):
                stream.seek(0)
                detail += stream.read()
            detail = detail.decode(errors="replace")[-ERROR_TAIL:].strip()
            raise BackupError(f"Phục hồi cơ sở dữ liệu thất bại, không có gì bị thay đổi: {detail}")
