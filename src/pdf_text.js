// Text lines of a PDF for the importer, read in the browser with pdf.js (pdfjs-dist,
// legacy build; see scripts/setup.sh for the version and why). Loaded only when the
// reader chooses a PDF on #/import (src/imports/pdf.rs inserts this script); it loads
// pdf.js itself, so nothing of it is part of a cold visit. scripts/post-build.sh copies
// this file, pdf.js, its worker and the Adobe-GB1 CMaps into dist/pdfjs/.
//
// A classic script in ES2017 without a build step (Chromium 86 runs it as written). It
// defines `window.planboardPdfText.extract(bytes)`: a promise of
// `{ pages, lines: [[place, text], …] }`, each place `第 N 页第 M 行`, or a rejection
// with an Error whose `code` is `scanned`, `encrypted`, `corrupt` or `load` and whose
// message says in Chinese what is wrong and what to do.
//
// Lines are rebuilt from the positions of the text on the page, since a PDF holds
// glyphs at coordinates, not lines, paragraphs or tables:
// - items on one baseline (within a third of the font size) make a visual line;
// - a run of lines whose text leaves the same vertical gutters free is a table: each
//   line is cut at the gutters into cells, and a line with an empty first cell (序号)
//   continues the row above, as a long task wraps inside its cell. Rows are written
//   `| a | b | c |`, the importer's table form;
// - other lines that fill the text width are joined with the next one unless it is
//   indented: a paragraph wrapped by the layout becomes one line again.
(function () {
  "use strict";

  var HERE = document.currentScript ? document.currentScript.src : document.baseURI;
  var BASE = new URL("./", HERE).href;
  var PDFJS_URL = BASE + "pdf.min.js";
  var WORKER_URL = BASE + "pdf.worker.min.js";
  var CMAP_URL = BASE + "cmaps/";

  // Fractions of the font size.
  var SAME_BASELINE = 0.35;
  // A horizontal gap this wide inside a line separates two cells (or columns).
  var CELL_GAP = 0.9;
  // A gutter must stay at least this wide over every line of a table.
  var MIN_GUTTER = 0.3;
  // Within a cell or a line, a gap wider than this between two Latin letters or
  // digits is a space; between Chinese characters it is only the layout's spacing.
  var WORD_GAP = 0.2;
  // A line ending this close to the right edge of the text is full, so it may wrap
  // (a Latin word or a number that does not fit goes to the next line whole).
  var FULL_LINE = 4;
  // A line starting further right than this from the left edge is indented.
  var INDENT = 0.8;

  var MESSAGES = {
    scanned:
      "这是扫描版 PDF（没有文字层），无法读取文字；请向发文单位索取 Word/WPS 原件，或先做文字识别(OCR)",
    encrypted:
      "这个 PDF 设有密码或加密，浏览器无法读取其中的文字；请向发文单位索取未加密的 PDF 或 Word/WPS 原件",
    corrupt:
      "这个文件不是完整有效的 PDF（可能已损坏或没有下载完整），无法读取；请重新下载或向发文单位索取原件",
    load:
      "PDF 读取组件未能加载（网络中断或离线且从未用过 PDF 导入）；请联网后重试"
  };

  function failure(code, detail) {
    var error = new Error(MESSAGES[code] + (detail ? "（" + detail + "）" : ""));
    error.code = code;
    return error;
  }

  var pdfjsLoading = null;

  // pdf.js's legacy build is a UMD script: loaded as a classic script, it sets
  // `window.pdfjsLib`. A failed load is not remembered, so a retry may succeed.
  function loadPdfjs() {
    if (window.pdfjsLib) {
      return Promise.resolve(window.pdfjsLib);
    }
    if (!pdfjsLoading) {
      pdfjsLoading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = PDFJS_URL;
        script.onload = function () {
          if (window.pdfjsLib) {
            window.pdfjsLib.GlobalWorkerOptions.workerSrc = WORKER_URL;
            resolve(window.pdfjsLib);
          } else {
            pdfjsLoading = null;
            reject(failure("load", "pdf.js"));
          }
        };
        script.onerror = function () {
          pdfjsLoading = null;
          script.parentNode.removeChild(script);
          reject(failure("load"));
        };
        document.head.appendChild(script);
      });
    }
    return pdfjsLoading;
  }

  function describeError(error) {
    var name = error && error.name;
    if (name === "PasswordException") {
      return failure("encrypted");
    }
    if (error && error.code && MESSAGES[error.code]) {
      return error;
    }
    return failure("corrupt", error && error.message ? String(error.message) : "");
  }

  // --- items → visual lines ---------------------------------------------------------

  function isLatin(char) {
    return /[A-Za-z0-9]/.test(char || "");
  }

  // Two Latin words a wrap has separated; a number the layout broke is joined again.
  function needsSpace(before, after) {
    return isLatin(before) && isLatin(after) && /[A-Za-z]/.test(before + after);
  }

  // A line that starts an item of its own (`2`, `3.`, `（一）`, `二、`, `第三章`),
  // never the wrapped end of the paragraph above it.
  function startsItem(text) {
    return /^(\d+|\d{1,3}[.．、)）](?!\d).*|[（(][一二三四五六七八九十\d]+[)）].*|[一二三四五六七八九十]+、.*|第[一二三四五六七八九十百\d]+[章节条部分].*)$/.test(text);
  }

  // Text items of one page: upright ones, in page coordinates (y grows upwards).
  function pageItems(content) {
    var items = [];
    content.items.forEach(function (item) {
      if (typeof item.str !== "string" || item.str.trim() === "") {
        return;
      }
      var t = item.transform;
      // Rotated or vertical text (stamps, margin notes) is not part of the lines.
      if (Math.abs(t[1]) > 0.01 || Math.abs(t[2]) > 0.01) {
        return;
      }
      var size = Math.abs(t[3]) || item.height || 10;
      items.push({
        text: item.str,
        x: t[4],
        right: t[4] + (item.width || 0),
        y: t[5],
        size: size
      });
    });
    return items;
  }

  function groupLines(items) {
    items.sort(function (a, b) {
      return b.y - a.y || a.x - b.x;
    });
    var lines = [];
    items.forEach(function (item) {
      var last = lines[lines.length - 1];
      if (last && Math.abs(last.y - item.y) <= SAME_BASELINE * Math.max(last.size, item.size)) {
        last.items.push(item);
        last.size = Math.max(last.size, item.size);
      } else {
        lines.push({ y: item.y, size: item.size, items: [item] });
      }
    });
    lines.forEach(function (line) {
      line.items.sort(function (a, b) {
        return a.x - b.x;
      });
      line.left = line.items[0].x;
      line.right = Math.max.apply(
        null,
        line.items.map(function (item) {
          return item.right;
        })
      );
      line.segments = segmentsOf(line.items, line.size);
    });
    return lines;
  }

  // Runs of items separated by wide gaps: the cells of a table line.
  function segmentsOf(items, size) {
    var segments = [];
    items.forEach(function (item) {
      var last = segments[segments.length - 1];
      if (last && item.x - last.right <= CELL_GAP * size) {
        last.items.push(item);
        last.right = Math.max(last.right, item.right);
      } else {
        segments.push({ left: item.x, right: item.right, items: [item] });
      }
    });
    return segments;
  }

  // The items' text joined: a space only where the gap separates two Latin words.
  function joinItems(items, size) {
    var text = "";
    var previous = null;
    items.forEach(function (item) {
      if (previous) {
        var gap = item.x - previous.right;
        var before = text.charAt(text.length - 1);
        if (gap > WORD_GAP * size && isLatin(before) && isLatin(item.text.charAt(0))) {
          text += " ";
        }
      }
      text += item.text;
      previous = item;
    });
    return text.replace(/\s+/g, " ").trim();
  }

  // --- tables -----------------------------------------------------------------------

  // Free x-intervals between `left` and `right` that no segment of `lines` covers.
  function gutters(lines, left, right, size) {
    var covered = [];
    lines.forEach(function (line) {
      line.segments.forEach(function (segment) {
        covered.push([segment.left, segment.right]);
      });
    });
    covered.sort(function (a, b) {
      return a[0] - b[0];
    });
    var free = [];
    var reach = left;
    covered.forEach(function (span) {
      if (span[0] - reach >= MIN_GUTTER * size) {
        free.push([reach, span[0]]);
      }
      reach = Math.max(reach, span[1]);
    });
    return free.filter(function (gap) {
      return gap[1] <= right;
    });
  }

  // A table starts at a line of three or more cells; it goes on while the lines below
  // keep at least the gutters that separate the header's cells, lines whose cells are
  // all in one column included (a wrapped cell).
  function tableFrom(lines, start) {
    var header = lines[start];
    if (header.segments.length < 3) {
      return null;
    }
    var size = header.size;
    var left = header.left;
    var right = header.right;
    var needed = header.segments.length - 1;
    var end = start + 1;
    var kept = gutters([header], left, right, size);
    while (end < lines.length) {
      var line = lines[end];
      var gap = lines[end - 1].y - line.y;
      if (gap > 4 * size) {
        break;
      }
      var next = gutters(lines.slice(start, end + 1), Math.min(left, line.left), Math.max(right, line.right), size);
      var inner = next.filter(function (g) {
        return g[0] > Math.min(left, line.left) && g[1] < Math.max(right, line.right);
      });
      if (inner.length < needed) {
        break;
      }
      left = Math.min(left, line.left);
      right = Math.max(right, line.right);
      kept = inner;
      end += 1;
    }
    if (end - start < 2) {
      return null;
    }
    kept = kept.filter(function (g) {
      return g[0] > left && g[1] < right;
    });
    return { start: start, end: end, boundaries: kept.map(function (g) {
      return (g[0] + g[1]) / 2;
    }) };
  }

  function cellsOf(line, boundaries) {
    var cells = boundaries.map(function () {
      return [];
    });
    cells.push([]);
    line.items.forEach(function (item) {
      var middle = (item.x + item.right) / 2;
      var column = 0;
      while (column < boundaries.length && middle > boundaries[column]) {
        column += 1;
      }
      cells[column].push(item);
    });
    return cells.map(function (items) {
      return joinItems(items, line.size);
    });
  }

  // Joins a wrapped cell's next line to what it holds so far.
  function appendText(before, after) {
    if (!before) {
      return after;
    }
    if (!after) {
      return before;
    }
    var space = needsSpace(before.charAt(before.length - 1), after.charAt(0));
    return before + (space ? " " : "") + after;
  }

  function tableRows(lines, table, page, firstNumber) {
    var rows = [];
    for (var index = table.start; index < table.end; index += 1) {
      var cells = cellsOf(lines[index], table.boundaries);
      var current = rows[rows.length - 1];
      if (current && cells[0] === "") {
        current.cells = current.cells.map(function (text, column) {
          return appendText(text, cells[column]);
        });
      } else {
        rows.push({ place: place(page, firstNumber + index), cells: cells });
      }
    }
    return rows.map(function (row) {
      var cells = row.cells.map(function (cell) {
        return cell.replace(/\|/g, "｜");
      });
      return [row.place, "| " + cells.join(" | ") + " |"];
    });
  }

  // --- running text ---------------------------------------------------------------

  function place(page, line) {
    return "第 " + page + " 页第 " + line + " 行";
  }

  // Lines of a page: table rows and paragraphs, each with the place of its first line.
  // A paragraph or a table row that goes on over a page break stays two lines: the
  // lines at the foot and head of a page are often a page number or a running title.
  function pageLines(lines, page) {
    var out = [];
    var textLeft = Infinity;
    var textRight = -Infinity;
    lines.forEach(function (line) {
      textLeft = Math.min(textLeft, line.left);
      textRight = Math.max(textRight, line.right);
    });
    var index = 0;
    var open = null;
    while (index < lines.length) {
      var table = tableFrom(lines, index);
      if (table) {
        open = null;
        out = out.concat(tableRows(lines, table, page, 1));
        index = table.end;
        continue;
      }
      var line = lines[index];
      var text = joinItems(line.items, line.size);
      var indented = line.left - textLeft > INDENT * line.size;
      var continues = open && !indented && !startsItem(text);
      if (continues && Math.abs(open.size - line.size) < 0.2 * line.size) {
        open.text = appendText(open.text, text);
      } else {
        open = { place: place(page, index + 1), text: text, size: line.size };
        out.push(open);
      }
      open.full = textRight - line.right < FULL_LINE * line.size;
      if (!open.full) {
        open = null;
      }
      index += 1;
    }
    return {
      lines: out.map(function (entry) {
        return Array.isArray(entry) ? entry : [entry.place, entry.text];
      })
    };
  }

  function extract(bytes) {
    return loadPdfjs()
      .then(function (pdfjs) {
        return pdfjs.getDocument({
          data: bytes,
          cMapUrl: CMAP_URL,
          cMapPacked: true,
          // The app's Content-Security-Policy has no eval; text needs no font programs.
          isEvalSupported: false,
          disableFontFace: true,
          verbosity: 0
        }).promise;
      })
      .then(function (documentProxy) {
        var pages = [];
        var chain = Promise.resolve();
        for (var number = 1; number <= documentProxy.numPages; number += 1) {
          chain = chain.then(readPage.bind(null, documentProxy, number, pages));
        }
        return chain.then(function () {
          documentProxy.destroy();
          return pages;
        });
      })
      .then(function (pages) {
        var lines = [];
        var characters = 0;
        pages.forEach(function (page) {
          page.lines.forEach(function (line) {
            characters += line[1].length;
            lines.push(line);
          });
        });
        if (pages.length > 0 && characters === 0) {
          throw failure("scanned");
        }
        return { pages: pages.length, lines: lines };
      })
      .catch(function (error) {
        throw describeError(error);
      });
  }

  function readPage(documentProxy, number, pages) {
    return documentProxy
      .getPage(number)
      .then(function (page) {
        return page.getTextContent();
      })
      .then(function (content) {
        var lines = groupLines(pageItems(content));
        pages.push(pageLines(lines, number));
      });
  }

  window.planboardPdfText = { extract: extract };
})();
