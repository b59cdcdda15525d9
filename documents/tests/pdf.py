"""Reading a rendered PDF as a clerk checks it: its text in order, its fonts, its page size and where each line sits
(pypdf for text and fonts, pdfminer.six for coordinates); and the checks every document's structural test makes
(assert_in_order, assert_decree30_page, assert_landscape_sheet for a certificate)."""

import io
import unicodedata
from dataclasses import dataclass

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTChar, LTTextContainer, LTTextLine
from pypdf import PdfReader

MM = 72 / 25.4
A4 = (210 * MM, 297 * MM)
TOP, RIGHT, BOTTOM, LEFT = 20 * MM, 15 * MM, 20 * MM, 30 * MM


def pages_text(pdf: bytes) -> list[str]:
    """Each page's text, whitespace made single (a wrapped line reads as one)."""
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(pdf)).pages]


def text_of(pdf: bytes) -> str:
    return " ".join(pages_text(pdf))


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in PdfReader(io.BytesIO(pdf)).pages]


def embedded_fonts(pdf: bytes) -> set[str]:
    """The base names of every font the pages use, without the subset prefix ("ABCDEF+")."""
    names = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        fonts = (page.get("/Resources") or {}).get("/Font") or {}
        for ref in fonts.values():
            font = ref.get_object()
            names.add(str(font["/BaseFont"]).lstrip("/").split("+", 1)[-1])
            for descendant in font.get("/DescendantFonts") or []:
                names.add(str(descendant.get_object()["/BaseFont"]).lstrip("/").split("+", 1)[-1])
    return names


@dataclass(frozen=True)
class Line:
    page: int
    """1-based."""
    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    sizes: frozenset[float]
    fonts: frozenset[str]


def lines_of(pdf: bytes) -> list[Line]:
    """Every text line with its box (PDF points, origin bottom left) and the sizes and fonts of its characters."""
    result = []
    for number, page in enumerate(extract_pages(io.BytesIO(pdf), laparams=LAParams()), start=1):
        for element in page:
            if not isinstance(element, LTTextContainer):
                continue
            for line in element:
                if not isinstance(line, LTTextLine) or not line.get_text().strip():
                    continue
                # Ink only: a justified line's trailing space may reach past the margin without printing anything.
                chars = [c for c in line if isinstance(c, LTChar) and c.get_text().strip()]
                result.append(
                    Line(
                        page=number,
                        text=unicodedata.normalize("NFC", " ".join(line.get_text().split())),
                        x0=min(c.x0 for c in chars),
                        y0=min(c.y0 for c in chars),
                        x1=max(c.x1 for c in chars),
                        y1=max(c.y1 for c in chars),
                        sizes=frozenset(round(c.size, 1) for c in chars),
                        fonts=frozenset(c.fontname.split("+", 1)[-1] for c in chars),
                    )
                )
    return result


def in_top_margin(line: Line) -> bool:
    return line.y0 >= A4[1] - TOP - 0.5


def outside_margins(lines: list[Line], tolerance: float = 0.5 * MM) -> list[Line]:
    """Lines not inside the text area; a page number (digits only) may sit in the top margin. Half a millimetre of
    tolerance: pdfminer measures a glyph by its advance, which passes its ink by a fraction of a point at a
    justified line's end (an en dash by one point)."""
    width, height = A4
    bad = []
    for line in lines:
        if in_top_margin(line) and line.text.isdigit() and line.y1 <= height - tolerance:
            continue
        inside = (
            line.x0 >= LEFT - tolerance
            and line.x1 <= width - RIGHT + tolerance
            and line.y0 >= BOTTOM - tolerance
            and line.y1 <= height - TOP + tolerance
        )
        if not inside:
            bad.append(line)
    return bad


def line_with(lines: list[Line], text: str, page: int | None = None) -> Line:
    """The one line holding `text` (on `page`); fails naming what was found."""
    found = [line for line in lines if text in line.text and (page is None or line.page == page)]
    assert len(found) == 1, f"{text!r}: {[(f.page, f.text) for f in found]}"
    return found[0]


def font_is_liberation_serif(name: str) -> bool:
    return name.replace("-", "").startswith("LiberationSerif")


LANDSCAPE = (A4[1], A4[0])


def assert_in_order(text: str, parts: list[str]) -> int:
    """Every part found in `text`, each after the one before; returns where the last one ends."""
    position = 0
    for part in parts:
        found = text.find(part, position)
        assert found >= 0, f"missing, or out of order, after {text[max(0, position - 80) : position]!r}: {part!r}"
        position = found + len(part)
    return position


def assert_liberation_serif_only(pdf: bytes) -> None:
    fonts = embedded_fonts(pdf)
    assert fonts and all(font_is_liberation_serif(name) for name in fonts), fonts


def assert_decree30_page(pdf: bytes, *, pages_at_least: int = 1) -> list[Line]:
    """A4 portrait, Liberation Serif only, every line inside the margins, a number on each page from page 2 (none
    on page 1); at least `pages_at_least` pages. Returns the lines, for further checks."""
    sizes = page_sizes(pdf)
    assert len(sizes) >= pages_at_least, f"{len(sizes)} pages, {pages_at_least} wanted"
    assert all(abs(w - A4[0]) < 0.5 and abs(h - A4[1]) < 0.5 for w, h in sizes), sizes
    assert_liberation_serif_only(pdf)
    lines = lines_of(pdf)
    bad = outside_margins(lines)
    assert bad == [], bad
    numbers = {line.page: line.text for line in lines if in_top_margin(line)}
    assert numbers == {page: str(page) for page in range(2, len(sizes) + 1)}, numbers
    return lines


def assert_landscape_sheet(pdf: bytes, *, inner: float | None = None) -> list[Line]:
    """One A4 landscape page in Liberation Serif only; with `inner` (points), nothing printed within that distance
    of the sheet's edges (half a millimetre of tolerance, as outside_margins). Returns the lines."""
    sizes = page_sizes(pdf)
    assert len(sizes) == 1 and abs(sizes[0][0] - LANDSCAPE[0]) <= 0.5 and abs(sizes[0][1] - LANDSCAPE[1]) <= 0.5, sizes
    assert_liberation_serif_only(pdf)
    lines = lines_of(pdf)
    if inner is not None:
        width, height = LANDSCAPE
        tolerance = 0.5 * MM
        outside = [
            line
            for line in lines
            if line.x0 < inner - tolerance
            or line.x1 > width - inner + tolerance
            or line.y0 < inner - tolerance
            or line.y1 > height - inner + tolerance
        ]
        assert outside == [], outside
    return lines
