"""The visible digital signature (DOMAIN.md §5): the signature image in blue, the organisation's seal in red over
the left third of it, and in small upright blue type the organisation's name and the signing time (ISO 8601,
Vietnam time). Drawn as vectors by WeasyPrint into a one-page PDF the size of the box — its only font the
embedded Liberation Serif, no raster image — which pyHanko then uses as the signature field's appearance."""

import math
from datetime import datetime
from html import escape

from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

from documents.render import STYLESHEET, LocalFetcher, font_dir, font_faces

SIGNATURE_BOX_MM = (66.0, 26.0)
"""Width and height of the box; the same as .signature-box in static/documents/decree30.css."""
BLUE = "#1537a8"
RED = "#d2141e"
SEAL_MM = 26.0

# A demo handwritten signature: a few strokes of a cursive hand, in a 44 × 15 mm frame (vector, no image file).
SIGNATURE_PATH = (
    "M2 11 C4 3, 7 2, 7.5 6 S6 13, 9 10 S12 3, 13.5 6 S13 12, 16 9.5 C18 7.5, 19 6, 20.5 8 "
    "S21 12, 23.5 9 C25.5 6.5, 26.5 5, 28 7.5 S28.5 11.5, 31 9 C33 7, 35 4, 37 5.5 "
    "M9 12.5 C17 11, 28 10.5, 42 9.5 M30 3 C31 2.2, 33 2, 34 3"
)


def _seal_ring(text: str, size: float) -> str:
    """The seal's name around its ring, one rotated letter at a time, over 300° from the lower left."""
    letters = list(text)
    if not letters:
        return ""
    span, start = 300.0, -150.0
    step = span / max(1, len(letters) - 1)
    radius = size / 2 - 0.9
    out = []
    for i, letter in enumerate(letters):
        angle = start + i * step
        out.append(
            f'<span class="ring" style="left:{size / 2 - 1.2:.2f}mm;top:{size / 2 - radius:.2f}mm;'
            f'height:{radius:.2f}mm;transform:rotate({angle:.2f}deg)">{escape(letter)}</span>'
        )
    return "".join(out)


def _star(cx: float, cy: float, r: float) -> str:
    points = []
    for i in range(10):
        radius = r if i % 2 == 0 else r * 0.4
        angle = math.pi / 2 + i * math.pi / 5
        points.append(f"{cx + radius * math.cos(angle):.3f},{cy - radius * math.sin(angle):.3f}")
    return f'<polygon points="{" ".join(points)}" fill="{RED}"/>'


def stamp_html(*, organisation: str, seal_name: str, signed_at: datetime, test_certificate: bool) -> str:
    width, height = SIGNATURE_BOX_MM
    c = SEAL_MM / 2
    centre_word = "THỬ NGHIỆM" if test_certificate else ""
    seal_svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{SEAL_MM}mm" height="{SEAL_MM}mm" '
        f'viewBox="0 0 {SEAL_MM} {SEAL_MM}">'
        f'<circle cx="{c}" cy="{c}" r="{c - 0.45}" fill="none" stroke="{RED}" stroke-width="0.7"/>'
        f'<circle cx="{c}" cy="{c}" r="{c - 3.6}" fill="none" stroke="{RED}" stroke-width="0.3"/>'
        f"{_star(c, c - 1.2, 3.4)}</svg>"
    )
    signature_svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="44mm" height="15mm" viewBox="0 0 44 15">'
        f'<path d="{SIGNATURE_PATH}" fill="none" stroke="{BLUE}" stroke-width="0.45" stroke-linecap="round" '
        f'stroke-linejoin="round"/></svg>'
    )
    ring = _seal_ring(seal_name.upper(), SEAL_MM)
    when = signed_at.isoformat(timespec="seconds")
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><style>
@page {{ size: {width}mm {height}mm; margin: 0; }}
html, body {{ margin: 0; padding: 0; font-family: "Liberation Serif"; }}
.box {{ position: relative; width: {width}mm; height: {height}mm; overflow: hidden; }}
.signature {{ position: absolute; left: 13mm; top: 0.5mm; }}
.seal {{ position: absolute; left: 0; top: 0; width: {SEAL_MM}mm; height: {SEAL_MM}mm; opacity: 0.92; }}
.seal svg {{ position: absolute; left: 0; top: 0; }}
.ring {{ position: absolute; width: 2.4mm; text-align: center; font-size: 4.4pt; font-weight: bold; color: {RED};
  line-height: 1; transform-origin: 50% 100%; }}
.centre {{ position: absolute; left: 0; width: {SEAL_MM}mm; top: {c + 3.1:.2f}mm; text-align: center;
  font-size: 3.6pt; font-weight: bold; color: {RED}; line-height: 1; }}
.text {{ position: absolute; left: 27mm; right: 0; top: 15.2mm; color: {BLUE}; font-size: 5.6pt; line-height: 1.2;
  font-style: normal; }}
</style></head><body><div class="box">
<div class="signature">{signature_svg}</div>
<div class="seal">{seal_svg}{ring}<div class="centre">{escape(centre_word)}</div></div>
<div class="text">Ký bởi: {escape(organisation)}<br>Thời gian ký: {escape(when)}</div>
</div></body></html>"""


def stamp_pdf(**kwargs) -> bytes:
    """The box's artwork as a one-page PDF (see stamp_html for the arguments)."""
    fetcher = LocalFetcher([STYLESHEET.parent, font_dir()])
    fonts = FontConfiguration()
    faces = CSS(string=font_faces(), font_config=fonts, url_fetcher=fetcher)
    document = HTML(string=stamp_html(**kwargs), base_url=STYLESHEET.parent.as_uri() + "/", url_fetcher=fetcher)
    return document.write_pdf(stylesheets=[faces], font_config=fonts)
