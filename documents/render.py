"""HTML to PDF, the one place it happens (WeasyPrint): a template and its context in, the PDF's bytes out.

Everything the renderer reads is on this machine: the Decree 30 stylesheet beside this module, the Liberation
Serif files (settings.DOCUMENT_FONT_DIR) as the only font, and nothing else — any other address a template
might name (http, a file elsewhere) is refused, so a render never waits on the network nor reads what it should
not. All text is NFC before layout, whatever the database holds (a name typed decomposed prints composed).
"""

import threading
import unicodedata
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

STYLESHEET = Path(__file__).resolve().parent / "static" / "documents" / "decree30.css"
FONT_FAMILY = "Liberation Serif"
FONT_FILES = {  # (weight, style) → file name in DOCUMENT_FONT_DIR
    ("normal", "normal"): "LiberationSerif-Regular.ttf",
    ("bold", "normal"): "LiberationSerif-Bold.ttf",
    ("normal", "italic"): "LiberationSerif-Italic.ttf",
    ("bold", "italic"): "LiberationSerif-BoldItalic.ttf",
}


class RenderFailed(Exception):
    """The document could not be rendered; the message says why, in Vietnamese."""


class LocalFetcher(URLFetcher):
    """Reads only the stylesheet's folder and the font folder (and inline data: URLs, for a QR code's SVG)."""

    def __init__(self, roots: list[Path]):
        super().__init__(allowed_protocols={"file", "data"})
        self._roots = [root.resolve() for root in roots]

    def fetch(self, url, headers=None):
        if url.startswith("file://"):
            path = Path(url.removeprefix("file://").split("?")[0]).resolve()
            if not any(path.is_relative_to(root) for root in self._roots):
                raise ValueError(f"Refused: {url}")
        elif not url.startswith("data:"):
            raise ValueError(f"Refused: {url}")
        return super().fetch(url, headers)


def font_dir() -> Path:
    return Path(settings.DOCUMENT_FONT_DIR)


def font_faces() -> str:
    """The @font-face rules of the one font, each naming its file on disk."""
    rules = []
    for (weight, style), name in FONT_FILES.items():
        path = font_dir() / name
        if not path.is_file():
            raise RenderFailed(f"Thiếu tệp phông chữ {path} (cài gói fonts-liberation2, hoặc đặt DOCUMENT_FONT_DIR).")
        rules.append(
            f'@font-face {{ font-family: "{FONT_FAMILY}"; src: url("{path.as_uri()}");'
            f" font-weight: {weight}; font-style: {style}; }}"
        )
    return "\n".join(rules)


def html_render(template: str, context: dict) -> str:
    """The document's HTML, every character NFC (the markup is ASCII, so normalising the whole page is exact)."""
    return unicodedata.normalize("NFC", render_to_string(template, context))


_PER_THREAD = threading.local()


def _styles() -> tuple[LocalFetcher, FontConfiguration, list[CSS]]:
    """The fetcher, the loaded font and the parsed stylesheets, made once per thread and font folder: a worker
    renders many documents, and parsing the stylesheets and loading the font again each time costs a third of a
    one-page render (bench/documents.py). Per thread, as Pango's font map is not shared across threads."""
    folder = font_dir()
    cached = getattr(_PER_THREAD, "styles", None)
    if cached is None or cached[0] != folder:
        fetcher = LocalFetcher([STYLESHEET.parent, folder])
        fonts = FontConfiguration()
        stylesheets = [
            CSS(string=font_faces(), font_config=fonts, url_fetcher=fetcher),
            CSS(filename=str(STYLESHEET), font_config=fonts, url_fetcher=fetcher),
        ]
        cached = _PER_THREAD.styles = (folder, fetcher, fonts, stylesheets)
    return cached[1], cached[2], cached[3]


def pdf_from_html(html: str) -> bytes:
    fetcher, fonts, stylesheets = _styles()
    document = HTML(string=html, base_url=STYLESHEET.parent.as_uri() + "/", url_fetcher=fetcher)
    return document.write_pdf(stylesheets=stylesheets, font_config=fonts)


def pdf_render(template: str, context: dict) -> bytes:
    """The PDF of `template` (extending documents/frame.html) rendered with `context`."""
    return pdf_from_html(html_render(template, context))
