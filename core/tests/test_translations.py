"""The project's Vietnamese catalogue (locale/): compiled as written, safe to format, and complete for the admin.

Django's own Vietnamese lacks part of its admin (and simple-history has none); locale/vi completes it.
The .mo files are committed (no GNU gettext on the CI machines), so a test checks each still matches
its .po; `python manage.py compile_translations` rewrites them.
"""

import gettext
import json
import re
from pathlib import Path

import django
import pytest
import simple_history
from django.conf import settings
from django.urls import reverse
from django.utils.translation import trans_real

from core.catalogues import PLURAL_SEPARATOR, compiled_entries, read_po

SOURCES = sorted(po for folder in settings.LOCALE_PATHS for po in Path(folder).glob("*/LC_MESSAGES/*.po"))
DJANGO = Path(django.__file__).parent


def _mo_view(entries: dict[str, str]) -> dict:
    """Compiled entries as Python's gettext holds a .mo: plural forms under (msgid, n), the rest as is."""
    view = {}
    for key, value in entries.items():
        if PLURAL_SEPARATOR in key:
            msgid = key.split(PLURAL_SEPARATOR)[0]
            view |= {(msgid, n): form for n, form in enumerate(value.split(PLURAL_SEPARATOR))}
        else:
            view[key] = value
    return view


def test_the_project_has_its_vietnamese_catalogues():
    assert {(po.parent.parent.name, po.stem) for po in SOURCES} == {("vi", "django"), ("vi", "djangojs")}


@pytest.mark.parametrize("po", SOURCES, ids=lambda po: po.stem)
def test_each_committed_mo_matches_its_po(po):
    mo = po.with_suffix(".mo")
    assert mo.exists(), f"{mo} is missing: run `python manage.py compile_translations` and commit it"
    with mo.open("rb") as compiled:
        catalog = gettext.GNUTranslations(compiled)._catalog
    expected = _mo_view(compiled_entries(read_po(po)))
    stale = sorted(str(key) for key in expected.keys() ^ catalog.keys())
    stale += sorted(str(key) for key in expected.keys() & catalog.keys() if expected[key] != catalog[key])
    assert not stale, f"{mo.name} differs from {po.name} ({stale[:5]}): run `python manage.py compile_translations`"


_PLACEHOLDERS = {
    "python-format": re.compile(r"%\(\w+\)[sdifr]|%[sdifr]"),
    "python-brace-format": re.compile(r"\{\w*\}"),
}


@pytest.mark.parametrize("po", SOURCES, ids=lambda po: po.stem)
def test_every_entry_is_translated_once_and_keeps_its_placeholders(po):
    """A placeholder lost or invented in a translation breaks the page that formats it (a 500)."""
    messages = [m for m in read_po(po) if m.msgid]
    keys = [(m.msgctxt, m.msgid) for m in messages]
    assert len(keys) == len(set(keys)), "an entry is written twice"
    for message in messages:
        assert not message.fuzzy and all(message.msgstr), f"untranslated: {message.msgid!r}"
        pattern = next((_PLACEHOLDERS[f] for f in message.flags if f in _PLACEHOLDERS), _PLACEHOLDERS["python-format"])
        if message.msgid_plural is None and "-format" not in " ".join(message.flags):
            continue  # not formatted: a "%" in it is text
        wanted = sorted(pattern.findall(message.msgid_plural or message.msgid))
        for text in message.msgstr:
            assert sorted(pattern.findall(text)) == wanted, f"{message.msgid!r} → {text!r}"


def _messages(po: Path):
    return [m for m in read_po(po) if m.msgid]


def _key(message):
    if message.msgid_plural is not None:
        return (message.msgid, 0) if message.msgctxt is None else (f"{message.msgctxt}\x04{message.msgid}", 0)
    return message.msgid if message.msgctxt is None else f"{message.msgctxt}\x04{message.msgid}"


ADMIN_CATALOGUES = {
    "django": [
        DJANGO / "contrib/admin/locale/en/LC_MESSAGES/django.po",
        DJANGO / "contrib/auth/locale/en/LC_MESSAGES/django.po",
        *sorted(Path(simple_history.__file__).parent.glob("locale/*/LC_MESSAGES/django.po")),
    ],
    "djangojs": [DJANGO / "contrib/admin/locale/en/LC_MESSAGES/djangojs.po"],
}


@pytest.mark.parametrize("domain", ADMIN_CATALOGUES)
def test_every_message_of_the_admin_has_vietnamese(domain):
    """Generated from Django's admin and account catalogues and simple-history's: a Django upgrade that
    adds a message to the admin fails here until locale/vi translates it."""
    catalog = trans_real.DjangoTranslation("vi", domain=domain)._catalog
    missing = sorted(
        {m.msgid for po in ADMIN_CATALOGUES[domain] for m in _messages(po) if _key(m) not in catalog}
        - {"Password reset on %(site_name)s"}  # the subject of an e-mail the portal never sends
    )
    assert not missing, f"add to locale/vi/LC_MESSAGES/{domain}.po: {missing}"


def test_the_admin_widgets_get_their_vietnamese_from_the_javascript_catalogue(client, ada):
    """The two-box selector (SelectFilter2.js) and the calendar read their words from the admin's jsi18n."""
    client.force_login(ada)
    script = client.get(reverse("admin:jsi18n")).content.decode()
    catalog = json.loads(re.search(r"const newcatalog = (\{.*?\});\n", script, re.DOTALL).group(1))
    assert catalog["Available %s"] == "Chưa chọn: %s"
    assert catalog["Chosen %s"] == "Đã chọn: %s"
    assert catalog['Choose %s by selecting them and then select the "Choose" arrow button.'].startswith("Chọn %s")
    assert catalog["Choose all %s"] == "Chọn tất cả %s"
    assert catalog["Sunday"] == "Chủ nhật"
    assert catalog["Today"] == "Hôm nay"
    english = [
        m.msgid
        for m in _messages(ADMIN_CATALOGUES["djangojs"][0])
        if m.msgctxt is None and catalog.get(m.msgid) in (None, m.msgid, [m.msgid])
    ]
    assert not english, english
