"""Gettext catalogues in pure Python: read a .po file and write its .mo, as GNU msgfmt would.

The project's own translations (locale/) complete Django's Vietnamese catalogue. Their .mo files
are committed, and compiled with this module rather than msgfmt, which the CI machines lack
(`manage.py compile_translations`); core/tests/test_translations.py checks that they match.
"""

import ast
import re
import struct
from dataclasses import dataclass, field
from pathlib import Path

CONTEXT_SEPARATOR = "\x04"
PLURAL_SEPARATOR = "\x00"
MO_MAGIC = 0x950412DE


@dataclass
class Message:
    msgid: str
    msgstr: list[str]
    msgctxt: str | None = None
    msgid_plural: str | None = None
    flags: set[str] = field(default_factory=set)
    references: list[str] = field(default_factory=list)

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @property
    def mo_key(self) -> str:
        key = self.msgid if self.msgid_plural is None else f"{self.msgid}{PLURAL_SEPARATOR}{self.msgid_plural}"
        return key if self.msgctxt is None else f"{self.msgctxt}{CONTEXT_SEPARATOR}{key}"


_KEYWORD = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(\".*\")\s*$")


def read_po(path: Path) -> list[Message]:
    """Every entry of a .po file, the header (msgid "") first; obsolete (#~) entries are left out.

    Raises ValueError on a line it does not understand, naming the file and line.
    """
    messages: list[Message] = []
    current: dict = {}
    last: tuple[str, int | None] | None = None

    def flush() -> None:
        nonlocal current, last
        if "msgid" in current:
            plurals = current.get("plurals", {})
            messages.append(
                Message(
                    msgid=current["msgid"],
                    msgstr=[plurals[i] for i in sorted(plurals)] if plurals else [current.get("msgstr", "")],
                    msgctxt=current.get("msgctxt"),
                    msgid_plural=current.get("msgid_plural"),
                    flags=current.get("flags", set()),
                    references=current.get("references", []),
                )
            )
        current, last = {}, None

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        complete = last is not None and last[0] == "msgstr"
        if not line or line.startswith("#~"):
            if complete:
                flush()
            continue
        if line.startswith("#"):
            if complete:
                flush()
            if line.startswith("#,"):
                current.setdefault("flags", set()).update(f.strip() for f in line[2:].split(",") if f.strip())
            elif line.startswith("#:"):
                current.setdefault("references", []).extend(line[2:].split())
            continue
        if line.startswith('"'):
            if last is None:
                raise ValueError(f"{path}:{number}: a continued string with nothing before it")
            text = _string(line, path, number)
            if last[1] is None:
                current[last[0]] += text
            else:
                current["plurals"][last[1]] += text
            continue
        match = _KEYWORD.match(line)
        if match is None:
            raise ValueError(f"{path}:{number}: cannot read {line!r}")
        keyword, index, quoted = match.groups()
        if complete and keyword in ("msgctxt", "msgid"):
            flush()
        text = _string(quoted, path, number)
        if index is not None:
            current.setdefault("plurals", {})[int(index)] = text
            last = ("msgstr", int(index))
        else:
            current[keyword] = text
            last = ("msgstr" if keyword == "msgstr" else keyword, None)
    flush()
    return messages


def _string(quoted: str, path: Path, number: int) -> str:
    try:
        value = ast.literal_eval(quoted)
    except (SyntaxError, ValueError):
        raise ValueError(f"{path}:{number}: not a quoted string: {quoted!r}") from None
    if not isinstance(value, str):
        raise ValueError(f"{path}:{number}: not a quoted string: {quoted!r}")
    return value


def compiled_entries(messages: list[Message]) -> dict[str, str]:
    """What a .mo holds: key → translation, as msgfmt keeps them (no fuzzy or untranslated entry)."""
    entries = {}
    for message in messages:
        if message.msgid == "" and message.msgctxt is None:
            # The header is kept even when marked fuzzy, without its POT date, as msgfmt does.
            lines = message.msgstr[0].splitlines(keepends=True)
            entries[""] = "".join(line for line in lines if not line.startswith("POT-Creation-Date:"))
        elif not message.fuzzy and all(message.msgstr):
            entries[message.mo_key] = PLURAL_SEPARATOR.join(message.msgstr)
    return entries


def mo_bytes(entries: dict[str, str]) -> bytes:
    """A little-endian .mo without a hash table (allowed by the format; readers search the sorted keys)."""
    keys = sorted(entries, key=lambda key: key.encode("utf-8"))
    ids = [key.encode("utf-8") for key in keys]
    strs = [entries[key].encode("utf-8") for key in keys]
    header_size = 7 * 4
    tables_size = 2 * 8 * len(keys)
    offset = header_size + tables_size
    originals, translations, blob = [], [], b""
    for data in ids:
        originals.append((len(data), offset + len(blob)))
        blob += data + b"\0"
    for data in strs:
        translations.append((len(data), offset + len(blob)))
        blob += data + b"\0"
    output = struct.pack("<7I", MO_MAGIC, 0, len(keys), header_size, header_size + 8 * len(keys), 0, 0)
    for length, start in originals + translations:
        output += struct.pack("<2I", length, start)
    return output + blob


def compile_po(path: Path) -> Path:
    """Write the .mo beside a .po; returns its path."""
    target = path.with_suffix(".mo")
    target.write_bytes(mo_bytes(compiled_entries(read_po(path))))
    return target
