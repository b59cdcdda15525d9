"""The Decree 30 page frame, checked on a three-page test document the way a clerk checks paper: A4, the margins,
one font, page numbers from page 2, the header's parts with their sizes and styles, a long table's header on every
page and no row split, every character composed (NFC)."""

import unicodedata
from types import SimpleNamespace

import pytest
from django.test import override_settings

from documents.render import pdf_render
from documents.tests import pdf as p
from documents.tests.conftest import NAME, sample_context, sample_templates_setting


@pytest.fixture(scope="module")
def sample_pdf() -> bytes:
    """Rendered once for the module: the frame's checks read the same file."""
    with override_settings(TEMPLATES=sample_templates_setting()):
        return pdf_render("documents_tests/sample.html", sample_context(SimpleNamespace(name="Văn phòng", code="VP")))


@pytest.fixture(scope="module")
def lines(sample_pdf) -> list[p.Line]:
    return p.lines_of(sample_pdf)


def test_every_page_is_a4_portrait(sample_pdf):
    sizes = p.page_sizes(sample_pdf)
    assert len(sizes) >= 3, "the test table should run over three pages"
    assert all(abs(w - p.A4[0]) < 0.5 and abs(h - p.A4[1]) < 0.5 for w, h in sizes), sizes


def test_only_liberation_serif_is_embedded(sample_pdf):
    fonts = p.embedded_fonts(sample_pdf)
    assert fonts and all(p.font_is_liberation_serif(name) for name in fonts), fonts
    # Upright, bold, italic and bold italic are all used by the frame (body, headings, date, "Nơi nhận:").
    assert {"LiberationSerif", "LiberationSerifBold", "LiberationSerifItalic", "LiberationSerifBoldItalic"} <= {
        name.replace("-", "") for name in fonts
    }


def test_every_line_lies_inside_the_margins(lines):
    assert lines
    assert p.outside_margins(lines) == []
    # …and the text area is used to its edges: the body is justified from 30 mm to 15 mm from the edges.
    assert min(line.x0 for line in lines) == pytest.approx(p.LEFT, abs=2)
    assert max(line.x1 for line in lines) == pytest.approx(p.A4[0] - p.RIGHT, abs=2)


def test_pages_are_numbered_in_the_top_margin_from_page_two(lines):
    in_margin = {page: [line for line in lines if line.page == page and p.in_top_margin(line)] for page in (1, 2, 3)}
    assert in_margin[1] == [], "page 1 carries no number"
    for page in (2, 3):
        (number,) = in_margin[page]
        assert number.text == str(page)
        centre = (number.x0 + number.x1) / 2
        assert centre == pytest.approx((p.LEFT + p.A4[0] - p.RIGHT) / 2, abs=2), "centred over the text"
        assert number.sizes == {13.0}


def test_the_header_block_has_its_parts_sizes_and_styles(lines):
    national = p.line_with(lines, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", page=1)
    assert national.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "the Quốc hiệu stands on one line of its own"
    assert national.sizes == {13.0} and all("Bold" in f for f in national.fonts)
    motto = p.line_with(lines, "Độc lập - Tự do - Hạnh phúc", page=1)
    assert motto.sizes == {14.0} and all("Bold" in f for f in motto.fonts)
    issuer = [p.line_with(lines, "ỦY BAN NHÂN DÂN", page=1), p.line_with(lines, "PHƯỜNG NAM GIA NGHĨA", page=1)]
    assert all(line.sizes == {13.0} and all("Bold" in f for f in line.fonts) for line in issuer)
    number = p.line_with(lines, "Số: 12/TTr-VP", page=1)
    assert number.sizes == {13.0} and not any("Bold" in f or "Italic" in f for f in number.fonts)
    date = p.line_with(lines, "Nam Gia Nghĩa, ngày 05 tháng 01 năm 2027", page=1)
    assert date.sizes == {14.0} and all("Italic" in f for f in date.fonts)
    doc_type = p.line_with(lines, "TỜ TRÌNH", page=1)
    assert doc_type.sizes == {14.0} and all("Bold" in f for f in doc_type.fonts)
    # Left column above, right column beside it; then the type, centred, below both.
    assert issuer[0].x1 < national.x0 and number.x1 < date.x0
    assert doc_type.y1 < min(number.y0, date.y0)
    assert (doc_type.x0 + doc_type.x1) / 2 == pytest.approx((p.LEFT + p.A4[0] - p.RIGHT) / 2, abs=2)


def test_the_body_is_14pt_justified_with_an_indented_first_line(lines):
    opening = p.line_with(lines, "Căn cứ kết quả thi đua", page=1)
    assert opening.sizes == {14.0}
    assert opening.x0 == pytest.approx(p.LEFT + 10 * p.MM, abs=1.5), "first line indented 1 cm"


def test_signature_bottom_right_and_recipients_bottom_left(lines):
    last = max(line.page for line in lines)
    position = p.line_with(lines, "CHÁNH VĂN PHÒNG", page=last)
    name = min((line for line in lines if line.page == last and line.text == NAME), key=lambda line: line.y0)
    title = p.line_with(lines, "Nơi nhận:", page=last)
    recipient = p.line_with(lines, "- Lưu VT.", page=last)
    middle = p.A4[0] / 2 + (p.LEFT - p.RIGHT) / 2
    assert position.x0 > middle - 5 and name.x0 > middle - 5 and name.y1 < position.y0
    assert all("Bold" in f for f in position.fonts | name.fonts)
    assert title.x1 < middle and title.sizes == {12.0} and all("BoldItalic" in f.replace("-", "") for f in title.fonts)
    assert recipient.sizes == {11.0}


def test_a_long_table_repeats_its_header_on_every_page_and_never_splits_a_row(sample_pdf):
    pages = p.pages_text(sample_pdf)
    with_rows = [n for n, text in enumerate(pages) if "Dòng " in text]
    assert len(with_rows) >= 2
    for n in with_rows:
        assert "STT Họ và tên, đơn vị Ghi chú" in pages[n], f"page {n + 1} lacks the table's header row"
    for row in range(1, 46):
        holding = [n for n, text in enumerate(pages) if f"Dòng {row} của" in text or f"tiếp dòng {row} của" in text]
        assert len(set(holding)) == 1, f"row {row} is split over pages {holding}"


def test_a_name_typed_decomposed_prints_composed(sample_pdf):
    text = p.text_of(sample_pdf)
    assert NAME in text
    assert unicodedata.normalize("NFD", NAME) not in text
    assert not any(unicodedata.combining(ch) for ch in text), "every character composed (NFC)"
