#!/usr/bin/env python3
"""Writes the PDF fixtures of the browser tests (tests/fixtures/pdf/) with the tools
offices' PDFs come from, so the import is tried on what those tools really write:

- breakdown-table.pdf: a 重点工作 breakdown table written in Word form (python-docx) and
  exported by LibreOffice, as an office saves its attachment to PDF. Embedded subset
  fonts with Identity-H encoding and a ToUnicode map; long tasks wrap inside their cell.
- gb-cmap-progress.pdf: a progress table drawn by reportlab with its CID font
  STSong-Light, not embedded, encoded UniGB-UCS2-H and without a ToUnicode map — the
  case of older government PDFs, readable only with the Adobe-GB1 CMaps.
- scanned.pdf: a page that is only an image of text (a scan): no text layer at all.
- running-progress.pdf: a half-year progress report in running text (Word form →
  LibreOffice), its paragraphs wrapping over several lines, first lines indented.
- encrypted.pdf: the breakdown table with an opening password (AES-256, by pikepdf).

Usage: python3 scripts/make-pdf-fixtures.py   (needs python-docx, reportlab, Pillow,
img2pdf, pikepdf from PyPI; LibreOffice Writer, fonts-wqy-zenhei and fonts-noto-cjk from Debian)
"""

import io
import os
import shutil
import subprocess
import sys
import tempfile

import img2pdf
import pikepdf
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "fixtures", "pdf")
CJK_FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"

BREAKDOWN_TITLE = "平湖市2024年政府工作报告重点工作责任分解表"
BREAKDOWN_HEADER = ["序号", "重点工作", "责任领导", "牵头单位", "配合单位"]
BREAKDOWN_ROWS = [
    ["1", "地区生产总值增长6%左右,一般公共预算收入增长与经济增长基本同步,固定资产投资增长7%以上,城乡居民人均可支配收入增长与经济增长同步。",
     "沈建明常务副市长", "市发展改革局", "市财政局、市统计局、市税务局"],
    ["2", "深入实施“强链壮群”行动,加快新能源汽车及零部件、数控机床两大产业集群建设,规上工业增加值增长7.5%,新增规上工业企业100家以上。",
     "陆晓峰副市长", "市经信局", "市发展改革局、市科技局、市商务局"],
    ["3", "全年引进总投资超亿美元和10亿元以上项目18个以上,实到外资4亿美元。",
     "陆晓峰副市长", "市商务局", "市发展改革局、独山港经济开发区"],
    ["4", "新开工高质量小微企业园50万平方米,新竣工30万平方米,整治提升低效工业企业500家以上,腾退低效用地2500亩。",
     "陆晓峰副市长", "市经信局", "市自然资源和规划局、各镇街道"],
    ["5", "推进农业经济开发区提档升级,长三角农博汇开工建设,完成省级农田数字化管理试点县建设。",
     "顾美华副市长", "市农业农村局", "广陈镇、市供销社"],
    ["6", "新建改造城乡供水管网120公里,完成老旧小区改造32个,新增保障性租赁住房1500套。",
     "顾美华副市长", "市建设局", "市水利局、市城投集团"],
    ["7", "新增城镇就业岗位1.2万个,城镇调查失业率控制在5%以内,新增技能人才8000人。",
     "周立群副市长", "市人力社保局", "市教育局、市总工会"],
    ["8", "新建3所公办幼儿园,新增学位2100个,推进市第一人民医院改扩建工程主体结顶。",
     "周立群副市长", "市教育局", "市卫生健康局、市建设局"],
]

PROGRESS_TITLE = "平湖市2024年政府工作报告重点工作任务上半年完成情况"
PROGRESS_HEADER = ["序号", "主要工作任务", "完成情况", "牵头单位"]
PROGRESS_ROWS = [
    ["1", "生产总值增长6%左右。",
     "基本完成。上半年全市实现地区生产总值456.2亿元,增长5.8%,略低于年度目标,下半年将加快重大项目投产。", "市发展改革局"],
    ["2", "一般公共预算收入增长与经济增长基本同步。",
     "已完成。1-6月一般公共预算收入实现52.3亿元,增长6.1%,高于序时进度。", "市财政局"],
    ["3", "新开工亿元以上产业项目60个以上,上半年开工率80%以上。",
     "已完成。1-6月新开工亿元以上产业项目49个,开工率81.7%,其中10亿元以上项目6个。", "市发展改革局"],
    ["4", "完成老旧小区改造32个,新增保障性租赁住房1500套。",
     "未完成。受征迁进度影响,上半年完成老旧小区改造9个,保障性租赁住房开工620套,滞后于序时进度。", "市建设局"],
    ["5", "新增城镇就业岗位1.2万个,城镇调查失业率控制在5%以内。",
     "已完成。上半年新增城镇就业岗位7120个,城镇调查失业率4.2%。", "市人力社保局"],
    ["6", "新建3所公办幼儿园,新增学位2100个。",
     "基本完成。2所幼儿园主体结顶,1所进入装修,预计秋季学期新增学位1850个。", "市教育局"],
]

RUNNING_TITLE = "湖州市2024年政府工作报告重点工作任务上半年进展情况"
RUNNING_TASKS = [
    ("1", "地区生产总值增长6%左右,一般公共预算收入增长与经济增长基本同步,固定资产投资增长7%左右,全体居民人均可支配收入增长与经济增长同步。(责任单位:市发展改革委、市财政局、市统计局、各区县政府)",
     ["1.上半年,全市GDP增长6.5%,分别高于全国、全省1.5个和0.9个百分点,排名全省第3;固定资产投资增长10.6%,排名全省第4。",
      "2.半年度全体居民人均可支配收入增长4.4%,城乡居民收入倍差1.50、居全省第2位。"]),
    ("2", "全力争取和用好国家、省各类政策,争取政府债券200亿元以上,中长期国债、中央预算内投资资金占全省份额超过经济占比。(责任单位:市发展改革委、市财政局、人民银行湖州市分行)",
     ["截至6月底,通过省审核报国家超长期特别国债第二批项目128个,资金需求250.7亿元;104个专项债券项目通过国家“双审”,资金需求224.4亿元。"]),
    ("3", "聚焦地下管网、教育、医疗、养老等领域,谋划实施一批基础设施和公共服务重大项目。(责任单位:市发展改革委、市教育局、市民政局、市建设局、市卫生健康委)",
     ["1.已谋划储备全市固投3亿元以上项目150个、总投资3931.9亿元,其中地下管网、保障性租赁住房项目44个、14个。",
      "2.33个公共服务“七优享”重大项目有序推进,年度投资完成率88.46%,新建项目开工率100%,超时序进度。"]),
    ("4", "高质量做好全国第五次经济普查。(责任单位:市统计局、各区县政府)",
     ["顺利完成数据采集工作,4月底完成11.3万家单位和2.1万家个体户的数据采集,进度居全省前列;完成数据审核修正2万余笔。"]),
]


def cjk_run_font(run, name="WenQuanYi Zen Hei"):
    """Word keeps East Asian fonts apart from the Latin one. A TrueType CJK font (as
    WPS's 宋体 is), so LibreOffice embeds it as a CID font with Identity-H encoding."""
    run.font.name = name
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


def paragraph(document, text, size=12, bold=False, center=False, indent=False):
    para = document.add_paragraph()
    if center:
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if indent:
        para.paragraph_format.first_line_indent = Pt(size * 2)
    para.paragraph_format.space_after = Pt(2)
    run = para.add_run(text)
    run.font.size = Pt(size)
    run.bold = bold
    cjk_run_font(run)
    return para


def write_breakdown_docx(path):
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.0))
    paragraph(document, "附件", size=12)
    paragraph(document, BREAKDOWN_TITLE, size=18, bold=True, center=True)
    table = document.add_table(rows=1, cols=len(BREAKDOWN_HEADER))
    table.style = "Table Grid"
    widths = [Cm(1.4), Cm(12.0), Cm(3.4), Cm(3.4), Cm(5.4)]
    # LibreOffice lays the table out by its grid columns, Word by the cells' widths.
    table.autofit = False
    for column, width in zip(table.columns, widths):
        column.width = width
    for cell, name, width in zip(table.rows[0].cells, BREAKDOWN_HEADER, widths):
        cell.width = width
        cell.text = ""
        run = cell.paragraphs[0].add_run(name)
        run.bold = True
        run.font.size = Pt(11)
        cjk_run_font(run)
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    for values in BREAKDOWN_ROWS:
        cells = table.add_row().cells
        for cell, value, width in zip(cells, values, widths):
            cell.width = width
            run = cell.paragraphs[0].add_run(value)
            run.font.size = Pt(10.5)
            cjk_run_font(run)
    document.save(path)


def write_running_docx(path):
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.6))
    paragraph(document, RUNNING_TITLE, size=16, bold=True, center=True)
    paragraph(document, "(截至2024年6月30日)", size=12, center=True)
    for number, task, reports in RUNNING_TASKS:
        paragraph(document, number, size=12, bold=True)
        paragraph(document, task, size=12, indent=True)
        for report in reports:
            paragraph(document, report, size=12, indent=True)
    document.save(path)


def libreoffice_pdf(docx_path, out_pdf):
    work = os.path.dirname(docx_path)
    # A profile of its own, so a running LibreOffice of the user is not disturbed.
    profile = "file://" + os.path.join(work, "lo-profile")
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", work, docx_path],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=240)
    shutil.move(os.path.splitext(docx_path)[0] + ".pdf", out_pdf)


def wrap(text, font, size, width):
    """Splits `text` into lines no wider than `width` points (CJK wraps anywhere)."""
    lines, line = [], ""
    for char in text:
        if line and pdfmetrics.stringWidth(line + char, font, size) > width:
            lines.append(line)
            line = char
        else:
            line += char
    if line:
        lines.append(line)
    return lines


def write_gb_cmap_pdf(path):
    # Not embedded; reportlab writes /Encoding /UniGB-UCS2-H and no /ToUnicode.
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    font, size, leading = "STSong-Light", 10.5, 15
    page_width, page_height = landscape(A4)
    pdf = canvas.Canvas(path, pagesize=(page_width, page_height), invariant=1)
    pdf.setTitle(PROGRESS_TITLE)
    widths = [40, 230, 380, 110]
    left = (page_width - sum(widths)) / 2
    y = page_height - 60
    pdf.setFont(font, 16)
    pdf.drawCentredString(page_width / 2, y, PROGRESS_TITLE)
    y -= 36

    def row(values, y):
        wrapped = [wrap(value, font, size, width - 10) for value, width in zip(values, widths)]
        height = max(len(lines) for lines in wrapped) * leading + 8
        x = left
        for lines, width in zip(wrapped, widths):
            pdf.rect(x, y - height, width, height)
            for index, line in enumerate(lines):
                pdf.drawString(x + 5, y - 4 - size - index * leading, line)
            x += width
        return y - height

    pdf.setFont(font, size)
    y = row(PROGRESS_HEADER, y)
    for values in PROGRESS_ROWS:
        if y < 110:
            pdf.showPage()
            pdf.setFont(font, size)
            y = page_height - 60
            y = row(PROGRESS_HEADER, y)
        y = row(values, y)
    pdf.save()


def write_scanned_pdf(path):
    """A page of a breakdown table as a 150 dpi greyscale image, as a copier scans it."""
    width, height = 1240, 1754
    image = Image.new("L", (width, height), 250)
    draw = ImageDraw.Draw(image)
    title = ImageFont.truetype(CJK_FONT, 40)
    body = ImageFont.truetype(CJK_FONT, 26)
    draw.text((width // 2, 160), BREAKDOWN_TITLE, font=title, fill=20, anchor="mm")
    y = 260
    for values in [BREAKDOWN_HEADER] + BREAKDOWN_ROWS[:4]:
        draw.text((120, y), "  ".join(value[:24] for value in values), font=body, fill=30)
        y += 60
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    with open(path, "wb") as out:
        out.write(img2pdf.convert(buffer.getvalue(), layout_fun=img2pdf.get_layout_fun(
            (img2pdf.mm_to_pt(210), img2pdf.mm_to_pt(297)))))


def main():
    os.makedirs(OUT, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="planboard-pdf-") as work:
        docx = os.path.join(work, "breakdown-table.docx")
        write_breakdown_docx(docx)
        libreoffice_pdf(docx, os.path.join(OUT, "breakdown-table.pdf"))
        docx = os.path.join(work, "running-progress.docx")
        write_running_docx(docx)
        libreoffice_pdf(docx, os.path.join(OUT, "running-progress.pdf"))
    with pikepdf.open(os.path.join(OUT, "breakdown-table.pdf")) as table:
        table.save(os.path.join(OUT, "encrypted.pdf"),
                   encryption=pikepdf.Encryption(owner="pinghu-office", user="pinghu2024", R=6))
    write_gb_cmap_pdf(os.path.join(OUT, "gb-cmap-progress.pdf"))
    write_scanned_pdf(os.path.join(OUT, "scanned.pdf"))
    for name in sorted(os.listdir(OUT)):
        print(f"{os.path.join('tests/fixtures/pdf', name)}: {os.path.getsize(os.path.join(OUT, name))} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
