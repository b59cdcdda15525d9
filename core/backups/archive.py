"""The backup archive: an uncompressed tar of `database.dump`, `media/…` and `manifest.json` (last).

The manifest records when, the applied migrations, the row count of every table and the SHA-256 of the
dump and of every media file, each hashed from the very bytes written into the archive. Reading verifies
every member against it before anything is written to the database or the media folder.
"""

import hashlib
import io
import json
import os
import tarfile
from pathlib import Path, PurePosixPath

FORMAT = "thidua-cchc-backup"
VERSION = 1
MANIFEST = "manifest.json"
DUMP = "database.dump"
MEDIA = "media"
CHUNK = 1024 * 1024
MANIFEST_MAX_BYTES = 64 * 1024 * 1024


class BackupError(Exception):
    """A backup or a restore refused or failed; the message is for the operator, in Vietnamese."""


class _HashingReader:
    """Reads a file for tarfile while hashing exactly the bytes handed over."""

    def __init__(self, stream):
        self.stream = stream
        self.digest = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        self.digest.update(data)
        return data


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def media_files(media_root: Path) -> list[Path]:
    """Every regular file under the media folder (symbolic links are not followed), sorted."""
    if not media_root.is_dir():
        return []
    found = []
    for folder, _dirs, names in os.walk(media_root):
        for name in names:
            path = Path(folder) / name
            if path.is_file() and not path.is_symlink():
                found.append(path)
    return sorted(found)


def _add_file(tar: tarfile.TarFile, path: Path, arcname: str) -> dict:
    with open(path, "rb") as stream:
        info = tar.gettarinfo(arcname=arcname, fileobj=stream)
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        reader = _HashingReader(stream)
        tar.addfile(info, reader)
    return {"sha256": reader.digest.hexdigest(), "size": info.size}


def write_archive(target: Path, manifest: dict, dump_path: Path, media_root: Path) -> dict:
    """Write the archive to `target`; return the manifest completed with the dump's and media's hashes."""
    manifest = dict(manifest, format=FORMAT, version=VERSION)
    with tarfile.open(target, "w", format=tarfile.PAX_FORMAT) as tar:
        manifest["database"] = dict(manifest.get("database", {}), file=DUMP, **_add_file(tar, dump_path, DUMP))
        media = {}
        for path in media_files(media_root):
            relative = path.relative_to(media_root).as_posix()
            media[relative] = _add_file(tar, path, f"{MEDIA}/{relative}")
        manifest["media"] = media
        data = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode()
        info = tarfile.TarInfo(MANIFEST)
        info.size = len(data)
        info.mtime = int(os.path.getmtime(dump_path))
        tar.addfile(info, io.BytesIO(data))
    return manifest


def _media_relative(name: str) -> str | None:
    """`media/a/b.pdf` → `a/b.pdf`; None for any other or unsafe name."""
    parts = PurePosixPath(name).parts
    if len(parts) < 2 or parts[0] != MEDIA or name.startswith("/") or any(p in ("..", ".", "") for p in parts):
        return None
    return "/".join(parts[1:])


def _not_a_backup(path: Path, why: str) -> BackupError:
    return BackupError(f"Tệp {path} không phải bản sao lưu của cổng Thi đua CCHC hoặc đã hỏng: {why}.")


def _check_manifest(path: Path, manifest) -> dict:
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise _not_a_backup(path, "manifest.json không mang dấu của bản sao lưu")
    if manifest.get("version") != VERSION:
        raise BackupError(f"Bản sao lưu {path} có định dạng phiên bản {manifest.get('version')!r}, chưa hỗ trợ.")
    database, media, tables = manifest.get("database"), manifest.get("media"), manifest.get("tables")
    if not (isinstance(database, dict) and isinstance(media, dict) and isinstance(tables, dict)):
        raise _not_a_backup(path, "manifest.json thiếu mục database, media hoặc tables")
    for relative, entry in media.items():
        if _media_relative(f"{MEDIA}/{relative}") is None or not isinstance(entry, dict):
            raise _not_a_backup(path, f"manifest.json ghi một tệp media không hợp lệ ({relative!r})")
    return manifest


def extract_verified(path: Path, dump_target: Path, media_target: Path) -> dict:
    """Extract the dump to `dump_target` and the media files under `media_target`, hashing each, then check
    every hash, size and name against the manifest. Returns the manifest; raises BackupError at the first
    fault (the caller removes what was extracted)."""
    if not path.is_file():
        raise BackupError(f"Không tìm thấy tệp sao lưu {path}.")
    extracted: dict[str, dict] = {}
    manifest = None
    try:
        with tarfile.open(path, "r:") as tar:
            for member in tar:
                if member.name == MANIFEST and member.isfile():
                    if member.size > MANIFEST_MAX_BYTES:
                        raise _not_a_backup(path, "manifest.json quá lớn")
                    manifest = json.loads(tar.extractfile(member).read().decode())
                    continue
                if member.isdir() and _media_relative(member.name.rstrip("/") + "/x"):
                    continue
                if not member.isfile():
                    raise _not_a_backup(path, f"có mục không phải tệp thường ({member.name!r})")
                if member.name == DUMP:
                    key, target = DUMP, dump_target
                else:
                    relative = _media_relative(member.name)
                    if relative is None:
                        raise _not_a_backup(path, f"có tệp lạ {member.name!r}")
                    key, target = relative, media_target / relative
                if key in extracted:
                    raise _not_a_backup(path, f"tệp {member.name!r} xuất hiện hai lần")
                target.parent.mkdir(parents=True, exist_ok=True)
                digest = hashlib.sha256()
                with tar.extractfile(member) as source, open(target, "xb") as out:
                    while chunk := source.read(CHUNK):
                        digest.update(chunk)
                        out.write(chunk)
                extracted[key] = {"sha256": digest.hexdigest(), "size": member.size}
    except (tarfile.TarError, EOFError, OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _not_a_backup(path, f"không đọc hết được ({exc}); tệp có thể bị cắt cụt") from exc
    if manifest is None:
        raise _not_a_backup(path, "thiếu manifest.json (tệp có thể bị cắt cụt)")
    manifest = _check_manifest(path, manifest)
    _compare(path, manifest, extracted)
    return manifest


def _compare(path: Path, manifest: dict, extracted: dict[str, dict]) -> None:
    expected = {DUMP: {k: manifest["database"].get(k) for k in ("sha256", "size")}, **manifest["media"]}
    missing = sorted(set(expected) - set(extracted))
    extra = sorted(set(extracted) - set(expected))
    if missing or extra:
        raise BackupError(
            f"Bản sao lưu {path} không khớp manifest: thiếu {missing[:5] or 'không'}, thừa {extra[:5] or 'không'}."
        )
    altered = sorted(
        key
        for key, entry in extracted.items()
        if entry["sha256"] != expected[key].get("sha256") or entry["size"] != expected[key].get("size")
    )
    if altered:
        raise BackupError(
            f"Bản sao lưu {path} đã bị sửa hoặc hỏng: SHA-256 của {', '.join(altered[:5])} không khớp manifest."
        )


def media_mismatches(media_root: Path, expected: dict) -> list[str]:
    """The media files (relative paths) that are missing or whose hash differs from the manifest's."""
    return sorted(
        relative
        for relative, entry in expected.items()
        if not (media_root / relative).is_file() or file_sha256(media_root / relative) != entry["sha256"]
    )
