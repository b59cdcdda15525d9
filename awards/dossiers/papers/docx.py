"""The ward's tờ trình to the province as an editable Word file (Decree 152 Art. 33.12 asks for one beside the
PDF): the same province_data as the PDF, on A4 with the Decree 30 margins (top and bottom 20, left 30, right
15 mm), Times New Roman 14 (Word on Linux shows it in Liberation Serif), the header as a two-column borderless
table, the list on its own page with its header row repeated."""

import io

from docx import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

FONT = "Times New Roman"
CENTER, JUSTIFY, LEFT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.LEFT
LIST_WIDTHS = (Mm(12), Mm(42), Mm(38), Mm(30), Mm(43))
"""STT, name, position and unit, form, achievements: the text width of 165 mm."""


def _font(style_or_run, size: float | None = None) -> None:
    font = style_or_run.font
    font.name = FONT
    if size is not None:
        font.size = Pt(size)
    element = style_or_run.element
    properties = element.get_or_add_rPr()
    fonts = properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        properties.append(fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT)


def _para(container, text: str = "", *, align=JUSTIFY, size=14, bold=False, italic=False, indent=True, after=6):
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(after)
    paragraph.paragraph_format.space_before = Pt(0)
    if indent and align == JUSTIFY:
        paragraph.paragraph_format.first_line_indent = Cm(1)
    for number, line in enumerate(text.split("\n")):
        if number:
            paragraph.add_run().add_break()
        run = paragraph.add_run(line)
        run.bold, run.italic = bold, italic
        _font(run, size)
    return paragraph


def _borderless(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def _widths(table, widths) -> None:
    """Fixed column widths, which Word and LibreOffice both keep (the grid's and every cell's, no autofit)."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def _no_padding(table) -> None:
    """No space inside the cells' left and right edges: the header's columns hold their lines as the PDF's do."""
    margins = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), "0")
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    table._tbl.tblPr.append(margins)


def _cell(cell, text: str, **style) -> None:
    cell.paragraphs[0]._element.getparent().remove(cell.paragraphs[0]._element)
    _para(cell, text, indent=False, after=0, **style)


def _header(document, data: dict) -> None:
    table = document.add_table(rows=2, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _borderless(table)
    _widths(table, (Mm(60), Mm(105)))  # the Quốc hiệu on one line, as the PDF's header
    _no_padding(table)
    _cell(table.cell(0, 0), data["issuer"].upper(), align=CENTER, size=13, bold=True)
    _cell(table.cell(0, 1), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", align=CENTER, size=13, bold=True)
    motto = _para(table.cell(0, 1), "Độc lập - Tự do - Hạnh phúc", align=CENTER, bold=True, after=0)
    motto.runs[0].underline = True
    _cell(table.cell(1, 0), f"Số: {data['reference']}", align=CENTER, size=13)
    _cell(table.cell(1, 1), data["place_date"], align=CENTER, italic=True)


def _closing(document, data: dict) -> None:
    table = document.add_table(rows=1, cols=2)
    _borderless(table)
    left, right = table.rows[0].cells
    _cell(left, "Nơi nhận:", align=LEFT, size=12, bold=True, italic=True)
    for recipient in data["recipients"]:
        _para(left, f"- {recipient}", align=LEFT, size=11, indent=False, after=0)
    _cell(right, data["signer"]["title"].upper(), align=CENTER, bold=True)
    for _ in range(4):
        _para(right, "", align=CENTER, after=0)
    _para(right, data["signer"]["name"], align=CENTER, bold=True, after=0)


def _repeat_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _list(document, data: dict) -> None:
    _para(document, "DANH SÁCH", align=CENTER, bold=True, after=0)
    _para(document, f"Đề nghị tặng {data['award_form']}", align=CENTER, bold=True, after=0)
    note = f"(Kèm theo Tờ trình số {data['reference']} {data['place_date'].split(', ', 1)[-1]} của {data['ward']})"
    _para(document, note, align=CENTER, italic=True)
    heads = ("STT", "Họ và tên / Tập thể", "Chức vụ, đơn vị", "Hình thức", "Thành tích tóm tắt")
    table = document.add_table(rows=1, cols=len(heads))
    table.style = "Table Grid"
    _repeat_header(table.rows[0])
    for cell, head in zip(table.rows[0].cells, heads, strict=True):
        _cell(cell, head, align=CENTER, size=12, bold=True)
    groups = [("TẬP THỂ", "collective"), ("CÁ NHÂN", "individual")]
    numeral = 0
    for title, kind in groups:
        rows = [row for row in data["rows"] if row["kind"] == kind]
        if not rows:
            continue
        numeral += 1
        group = table.add_row().cells
        _cell(group[0], "I" * numeral if numeral < 4 else str(numeral), align=CENTER, size=12, bold=True)
        merged = group[1].merge(group[-1])
        _cell(merged, title, align=LEFT, size=12, bold=True)
        for number, row in enumerate(rows, start=1):
            cells = table.add_row().cells
            values = (str(number), row["name"], row["position_unit"], row["form"], row["summary"])
            for cell, value in zip(cells, values, strict=True):
                _cell(cell, value, align=CENTER if cell is cells[0] else LEFT, size=12)
    _widths(table, LIST_WIDTHS)


def province_docx(data: dict) -> bytes:
    """The tờ trình and its list as a .docx file's bytes."""
    document = WordDocument()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    _font(document.styles["Normal"], 14)
    _header(document, data)
    _para(document, "TỜ TRÌNH", align=CENTER, bold=True, after=0).paragraph_format.space_before = Pt(12)
    _para(document, data["subject"], align=CENTER, bold=True, after=12)
    _para(document, f"Kính gửi: {data['addressee']}\n{data['through']}", align=CENTER, after=9)
    for ground in data["grounds"]:
        _para(document, f"{ground};")
    for key in ("basis", "proposal"):
        _para(document, data[key])
    _para(document, data["attached"], italic=True)
    _para(document, data["request"])
    _closing(document, data)
    _para(document, "", after=0).add_run().add_break(WD_BREAK.PAGE)
    _list(document, data)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
