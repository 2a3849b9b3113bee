#!/usr/bin/env python3
"""Writes the office-file fixtures of crates/formats/tests/fixtures/ with real tools.

Requirements (the script checks and says what is missing):
  pip install python-docx openpyxl msoffcrypto-tool
  apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui   (soffice, for .xls/.doc)

Run from the repository root:  python3 scripts/make-format-fixtures.py
The generated files are committed; run this again only to change them.

What each file is for:
  pinghu-2024-breakdown.docx   Word task breakdown: merged title row, area rows spanning the
                               table, 分管领导 merged down over several rows (vMerge), an
                               auto-numbered note list, header names the published tables
                               do not use (主要工作任务 | 分管领导 | 主办单位 | 协办单位).
  pinghu-2024-breakdown.txt    the same document as the importer's lines (what the .docx,
                               .htm and this file must all build into).
  pinghu-2024-breakdown-gb2312.htm  the same breakdown as a government site's saved page in
                               GB2312, with navigation, a breadcrumb, share bar, footer,
                               scripts and styles, rowspan/colspan.
  pinghu-2024-year-end.xlsx    year-end table (完成情况 opening with 已完成/基本完成/未完成),
                               merged two-row title, 牵头单位 merged down, a notes sheet and
                               an empty sheet.
  pinghu-2024-year-end.txt     the year-end workbook as the importer's lines.
  pinghu-2024-year-end.xls     the same converted by LibreOffice (Excel 97-2003).
  pinghu-2024-year-end.et      the .xls saved under WPS's spreadsheet extension.
  huzhou-2024-q3-progress-gbk.txt   running-text progress report in GBK (older Windows tools).
  changxing-2024-h1-progress-utf16.txt  progress table in UTF-16LE with BOM (Notepad "Unicode").
  encrypted.xlsx               the year-end workbook with an open password (msoffcrypto-tool).
  breakdown-word97.doc         the breakdown converted to Word 97-2003 by LibreOffice.
  zip-bomb.docx                a docx whose document.xml inflates to 80 MB.
  malformed.docx               a docx whose document.xml has a broken tag.
  misnamed-workbook.docx       the year-end .xlsx saved under a .docx name.
  news-no-table.html           a site's news article: no table, running text only.
  navigation-only.html         a page with only navigation, footer and scripts.
"""

import copy
import io
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

try:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    import openpyxl
    from openpyxl.styles import Alignment, Font
    import msoffcrypto
    from msoffcrypto.format.ooxml import OOXMLFile
except ImportError as error:
    sys.exit(f"missing {error.name}: pip install python-docx openpyxl msoffcrypto-tool")

OUT = os.path.join("crates", "formats", "tests", "fixtures")
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

TITLE = "平湖市2024年政府工作报告重点工作任务分解表"
ISSUED = "(2024年2月26日印发)"
HEADER = ["序号", "主要工作任务", "分管领导", "主办单位", "协办单位"]
# (area heading, [(number, task, leader, lead unit, co-units)]); a leader repeated on
# consecutive rows is one merged cell in the Word and web versions.
AREAS = [
    (
        "一、主要预期目标",
        [
            ("1", "地区生产总值增长6%左右。", "周立新副市长", "发改局", "经信局、统计局"),
            ("2", "一般公共预算收入增长5%。", "周立新副市长", "财政局", "税务局"),
            ("3", "城乡居民人均可支配收入增长与经济增长同步。", "钱慧敏副市长", "发改局", "农业农村局、人力社保局"),
        ],
    ),
    (
        "二、聚力打造高端制造集聚地",
        [
            ("4", "深化“强链壮群”行动,“四群八链”产业集群产值突破1800亿元,规上工业增加值增长7%。", "沈国强常务副市长", "经信局", "科技局、商务局"),
            ("5", "实施数字化、绿色化改造项目150个,新增省级智能工厂、绿色工厂3家。", "沈国强常务副市长", "经信局", "生态环境分局"),
            ("6", "新增上市企业1家,新认定专精特新、隐形冠军企业20家。", "沈国强常务副市长", "金融发展中心", "经信局、市场监管局"),
            ("7", "新增规上(限上)服务业企业45家以上,服务业增加值增长5%。", "吴晓峰副市长", "发改局", "统计局、商务局"),
        ],
    ),
    (
        "三、持续增进民生福祉",
        [
            ("8", "新建改建城乡社区嵌入式服务设施12处,新增托育机构托位300个。", "钱慧敏副市长", "民政局", "卫生健康局、建设局"),
            ("9", "完成老旧小区改造15个,新开工保障性租赁住房1000套。", "钱慧敏副市长", "建设局", "自然资源规划分局"),
        ],
    ),
]
NOTE = "注:分管领导负责统筹协调,主办单位为第一责任单位,协办单位按职责分工协同推进。"


def row_line(cells):
    return "| " + " | ".join(cells) + " |"


def lines_text():
    """The breakdown as the importer's lines: what every format must read it as."""
    lines = ["附件1", TITLE, ISSUED, row_line(HEADER)]
    for area, tasks in AREAS:
        lines.append(row_line([area, "", "", "", ""]))
        for task in tasks:
            lines.append(row_line(list(task)))
    lines.append(NOTE)
    return "\n".join(fix_empty(line) for line in lines) + "\n"


def fix_empty(line):
    # An empty cell is written `| |`, one space, as the readers write it.
    while "|  |" in line:
        line = line.replace("|  |", "| |")
    return line


def set_cell_merge(cell, restart):
    tc_pr = cell._tc.get_or_add_tcPr()
    merge = OxmlElement("w:vMerge")
    if restart:
        merge.set(qn("w:val"), "restart")
    tc_pr.append(merge)


def make_docx(path):
    document = docx.Document()
    document.add_paragraph("附件1")
    rows = 3 + sum(1 + len(tasks) for _, tasks in AREAS)
    table = document.add_table(rows=rows, cols=5)
    table.style = "Table Grid"
    # Title and issue date: rows merged across the table, above its header.
    for index, text in enumerate((TITLE, ISSUED)):
        merged = table.rows[index].cells[0].merge(table.rows[index].cells[4])
        merged.text = text
        merged.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    for cell, name in zip(table.rows[2].cells, HEADER):
        cell.text = name
    row = 3
    for area, tasks in AREAS:
        heading = table.rows[row].cells[0].merge(table.rows[row].cells[4])
        heading.text = area
        row += 1
        first = row
        for index, task in enumerate(tasks):
            cells = table.rows[row + index].cells
            for column in (0, 1, 3, 4):
                cells[column].text = task[column]
        # Leader cells: one merged cell (vMerge restart/continue) per run of one leader,
        # written by hand as WPS writes them: the continuation cells are empty.
        start = 0
        while start < len(tasks):
            end = start
            while end + 1 < len(tasks) and tasks[end + 1][2] == tasks[start][2]:
                end += 1
            leader_cell = table.rows[first + start].cells[2]
            leader_cell.text = tasks[start][2]
            if end > start:
                set_cell_merge(leader_cell, True)
                for continued in range(start + 1, end + 1):
                    set_cell_merge(table.rows[first + continued].cells[2], False)
            start = end + 1
        row += len(tasks)
    document.add_paragraph(NOTE)
    document.save(path)


XLSX_TITLE = "平湖市2024年政府工作报告重点工作任务年度完成情况表"
XLSX_SUBTITLE = "(截至2024年12月31日)"
XLSX_HEADER = ["序号", "重点工作任务", "牵头单位", "完成情况", "备注"]
XLSX_ROWS = [
    (1, "地区生产总值增长6%左右。", "发改局", "已完成。全年实现地区生产总值1089.3亿元,按可比价计算增长6.4%。", ""),
    (2, "一般公共预算收入增长5%。", "财政局", "已完成。全年一般公共预算收入完成101.2亿元,同口径增长5.6%。", ""),
    (3, "城乡居民人均可支配收入增长与经济增长同步。", "发改局", "基本完成。城镇常住居民人均可支配收入增长5.1%,农村常住居民增长6.7%,城镇居民收入增速略低于经济增速。", ""),
    (4, "深化“强链壮群”行动,“四群八链”产业集群产值突破1800亿元,规上工业增加值增长7%。", "经信局", "已完成。“四群八链”产业集群实现产值1836亿元,规上工业增加值增长7.9%。", ""),
    (5, "实施数字化、绿色化改造项目150个,新增省级智能工厂、绿色工厂3家。", "经信局", "未完成。全年实施数字化、绿色化改造项目138个,新增省级智能工厂2家,受企业投资意愿下降影响未达年度目标。", "结转2025年"),
    (6, "新增上市企业1家,新认定专精特新、隐形冠军企业20家。", "金融发展中心", "基本完成。1家企业已过会待发行,新认定专精特新、隐形冠军企业23家。", ""),
    (7, "新增规上(限上)服务业企业45家以上,服务业增加值增长5%。", "发改局", "已完成。全年新增规上(限上)服务业企业51家,服务业增加值增长5.3%。", ""),
]
# 牵头单位 merged down over rows of the same unit (rows 4-5: 经信局).


def make_xlsx(path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "2024年完成情况"
    sheet.append([XLSX_TITLE])
    sheet.merge_cells("A1:E1")
    sheet.append([XLSX_SUBTITLE])
    sheet.merge_cells("A2:E2")
    sheet["A1"].font = Font(bold=True, size=16)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet["A2"].alignment = Alignment(horizontal="center")
    sheet.append(XLSX_HEADER)
    for values in XLSX_ROWS:
        sheet.append(list(values))
    # 经信局 leads rows 4 and 5: one merged cell, as offices lay it out.
    first = 3 + 4
    sheet[f"C{first + 1}"] = None
    sheet.merge_cells(f"C{first}:C{first + 1}")
    for column, width in zip("ABCDE", (6, 48, 14, 60, 12)):
        sheet.column_dimensions[column].width = width
    notes = workbook.create_sheet("填表说明")
    notes.append(["填表说明"])
    notes.append(["完成情况请以“已完成”“基本完成”“未完成”开头,再写具体进展。"])
    notes.append(["报送时间"])
    notes.append([__import__("datetime").date(2025, 1, 10)])
    workbook.create_sheet("Sheet3")
    workbook.save(path)


def year_end_text():
    """The year-end table as the importer's lines (merged title rows are paragraphs)."""
    lines = [XLSX_TITLE, XLSX_SUBTITLE, row_line(XLSX_HEADER)]
    for values in XLSX_ROWS:
        lines.append(fix_empty(row_line([str(v) for v in values])))
    return "\n".join(lines) + "\n"


GBK_REPORT = """湖州市2024年政府工作报告重点工作前三季度进展情况
(截至2024年9月30日)
1
地区生产总值增长6%左右,一般公共预算收入增长与经济增长基本同步,固定资产投资增长7%左右。(责任单位:市发展改革委、市财政局、市统计局)
1.前三季度,全市GDP增长6.2%,高于全省0.8个百分点;固定资产投资增长8.9%。
2.1-9月一般公共预算收入完成236.4亿元,增长4.1%,略低于序时进度。
2
实施支持企业稳工稳产十条举措,落实支持高质量发展财政资金200亿元以上。(责任单位:市经信局、市财政局、市税务局)
1-9月,累计兑现稳工稳产奖励1960余万元,规上工业总产值增长8.1%;为市场主体减负171.3亿元。
3
新建城市绿道20公里,完成老旧小区改造40个。(责任单位:市建设局、市综合执法局)
1.已建成城市绿道13.6公里,进度慢于序时要求,主要受征迁影响。
2.老旧小区改造开工38个,完工21个。
"""

UTF16_REPORT = """长兴县2024年政府工作报告重点工作上半年推进情况
序号 | 工作任务 | 责任单位 | 进展情况 | 备注 |
1 | 新增规上工业企业60家。 | 县经信局 | 上半年新增规上工业企业34家,完成年度目标的56.7%。 |  |
2 | 完成农村公路提档改造80公里。 | 县交通运输局 | 已完成提档改造37公里,其余路段正在施工。 | 进度慢于序时要求 |
3 | 新建城乡社区嵌入式服务设施5处。 | 县民政局 | 已建成2处,3处完成主体施工。 |  |
"""


def gb2312_page():
    rows = []
    rows.append(f'<tr><td colspan="5" align="center"><b>{TITLE}</b></td></tr>')
    rows.append(f'<tr><td colspan="5" align="center">{ISSUED}</td></tr>')
    rows.append("<tr>" + "".join(f"<th>{name}</th>" for name in HEADER) + "</tr>")
    for area, tasks in AREAS:
        rows.append(f'<tr><td colspan="5"><b>{area}</b></td></tr>')
        start = 0
        while start < len(tasks):
            end = start
            while end + 1 < len(tasks) and tasks[end + 1][2] == tasks[start][2]:
                end += 1
            for index in range(start, end + 1):
                number, task, leader, lead, co = tasks[index]
                leader_cell = ""
                if index == start:
                    span = f' rowspan="{end - start + 1}"' if end > start else ""
                    leader_cell = f"<td{span}>{leader}</td>"
                # Old CMS output: no </td> on the last cells, &nbsp; padding.
                rows.append(
                    f"<tr><td>{number}<td>{task}</td>{leader_cell}<td>&nbsp;{lead}&nbsp;</td><td>{co}</tr>"
                )
            start = end + 1
    table = "\n".join(rows)
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>平湖市人民政府办公室关于印发{TITLE[3:]}的通知 - 平湖市人民政府</title>
<link href="/css/style.css" rel="stylesheet" type="text/css" />
<style type="text/css">.zoom {{ font-size: 16px; }} table td {{ border: 1px solid #000; }}</style>
<script type="text/javascript">var pageTable = "<table><tr><td>不是正文</td></tr></table>"; if (1 < 2) {{ document.title = document.title; }}</script>
</head>
<body>
<div class="top"><a href="/">平湖市人民政府</a> | <a href="/en/">English</a> | 无障碍浏览</div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/bszn/">办事服务</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>
<div class="dqwz">当前位置:<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政府文件</div>
<div class="article">
<h1>平湖市人民政府办公室关于印发{TITLE[3:]}的通知</h1>
<div class="info">发布日期:2024-02-26 &nbsp; 来源:市政府办公室 &nbsp; 浏览次数:<script>document.write(1024)</script></div>
<div class="zoom" id="zoom">
<p>各镇人民政府、街道办事处,市政府各部门、各直属单位:</p>
<p>现将《{TITLE}》印发给你们,请认真贯彻落实。</p>
<p>附件1</p>
<table border="1" cellspacing="0" cellpadding="0" width="100%">
{table}
</table>
<p>{NOTE}</p>
</div>
<div class="bdsharebuttonbox"><a href="#" class="bds_weixin">分享到微信</a><a href="#" class="bds_tsina">分享到微博</a></div>
</div>
<div class="footer"><p>主办单位:平湖市人民政府办公室 &nbsp; 网站标识码:3304820001</p><p>浙ICP备05013201号 浙公网安备 33048202000101号</p></div>
<script src="/js/common.js"></script>
<script>var _hmt = _hmt || [];</script>
</body>
</html>
"""


NEWS_PAGE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>我市召开重点工作推进会 - 平湖市人民政府</title>
<script>window.dataLayer = [];</script></head>
<body>
<header class="site-header"><a href="/">平湖市人民政府</a></header>
<nav class="menu"><a href="/">首页</a><a href="/xwzx/">新闻中心</a><a href="/zwgk/">政务公开</a></nav>
<div class="breadcrumb">首页 &gt; 新闻中心 &gt; 平湖要闻</div>
<article>
<h1>我市召开2024年政府工作报告重点工作推进会</h1>
<p class="meta">2024-07-18 来源:市政府办公室</p>
<p>7月17日,市政府召开2024年政府工作报告重点工作推进会,通报上半年重点工作推进情况,部署下半年工作。</p>
<p>会议指出,上半年全市上下紧紧围绕年初确定的目标任务,攻坚克难、奋力拼搏,主要经济指标保持稳中有进。</p>
<p>会议要求,各牵头单位要对照年度目标,倒排时间、挂图作战,对进度慢于序时要求的工作逐项分析原因、落实措施。</p>
</article>
<footer><p>版权所有:平湖市人民政府办公室</p></footer>
</body></html>
"""

NAVIGATION_ONLY = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>平湖市人民政府</title><script>location.href = "/";</script></head>
<body>
<nav class="nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a></nav>
<div class="footer">版权所有:平湖市人民政府办公室</div>
</body></html>
"""


def zip_bomb(path):
    # 80 MB of spaces inside <w:t>: a few tens of KB deflated.
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        body = b" " * (80 * 1024 * 1024)
        archive.writestr(
            "word/document.xml",
            b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'
            + body
            + b"</w:t></w:r></w:p></w:body></w:document>",
        )


def malformed_docx(source, path):
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in original.infolist():
            data = original.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                # A tag closed by the wrong end tag, as a careless script leaves it.
                at = text.index("</w:t>", text.index("主要工作任务"))
                text = text[:at] + "</w:r>" + text[at + len("</w:t>"):]
                data = text.encode("utf-8")
            out.writestr(item, data)


def soffice_convert(source, target_format, out_dir):
    if not SOFFICE:
        sys.exit("missing soffice: apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui")
    profile = tempfile.mkdtemp()
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target_format, "--outdir", out_dir, source],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    shutil.rmtree(profile, ignore_errors=True)


def main():
    os.makedirs(OUT, exist_ok=True)
    join = lambda name: os.path.join(OUT, name)
    make_docx(join("pinghu-2024-breakdown.docx"))
    with open(join("pinghu-2024-breakdown.txt"), "w", encoding="utf-8") as f:
        f.write(lines_text())
    with open(join("pinghu-2024-breakdown-gb2312.htm"), "wb") as f:
        f.write(gb2312_page().encode("gbk"))
    make_xlsx(join("pinghu-2024-year-end.xlsx"))
    with open(join("pinghu-2024-year-end.txt"), "w", encoding="utf-8") as f:
        f.write(year_end_text())
    with open(join("huzhou-2024-q3-progress-gbk.txt"), "wb") as f:
        f.write(GBK_REPORT.replace("\n", "\r\n").encode("gbk"))
    with open(join("changxing-2024-h1-progress-utf16.txt"), "wb") as f:
        f.write(b"\xff\xfe" + UTF16_REPORT.replace("\n", "\r\n").encode("utf-16-le"))
    with open(join("news-no-table.html"), "w", encoding="utf-8") as f:
        f.write(NEWS_PAGE)
    with open(join("navigation-only.html"), "w", encoding="utf-8") as f:
        f.write(NAVIGATION_ONLY)
    zip_bomb(join("zip-bomb.docx"))
    malformed_docx(join("pinghu-2024-breakdown.docx"), join("malformed.docx"))
    shutil.copy(join("pinghu-2024-year-end.xlsx"), join("misnamed-workbook.docx"))

    with open(join("pinghu-2024-year-end.xlsx"), "rb") as plain, open(join("encrypted.xlsx"), "wb") as out:
        office = OOXMLFile(plain)
        office.encrypt("pinghu2024", out)

    with tempfile.TemporaryDirectory() as work:
        soffice_convert(join("pinghu-2024-year-end.xlsx"), "xls", work)
        shutil.copy(os.path.join(work, "pinghu-2024-year-end.xls"), join("pinghu-2024-year-end.xls"))
        shutil.copy(os.path.join(work, "pinghu-2024-year-end.xls"), join("pinghu-2024-year-end.et"))
        soffice_convert(join("pinghu-2024-breakdown.docx"), "doc", work)
        shutil.copy(os.path.join(work, "pinghu-2024-breakdown.doc"), join("breakdown-word97.doc"))
    print("fixtures written to", OUT)


if __name__ == "__main__":
    main()
