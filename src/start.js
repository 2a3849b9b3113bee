// planboard's first script: a classic script in ES5, so that it still runs in browsers
// too old for the app and can tell the reader so instead of leaving the page blank.
// index.html loads it before anything else; Trunk copies it (unminified, to keep it ES5).
//
// 1. Content-Security-Policy. index.html's policy must let the wasm compile in every
//    browser the app supports. Chromium before 97 only allows that under 'unsafe-eval',
//    which also allows eval(); later browsers know 'wasm-unsafe-eval', which allows wasm
//    and nothing else. A <meta> policy cannot choose per browser and can only tighten,
//    so index.html carries the policy with 'unsafe-eval', and this script adds a second,
//    stricter one (`script-src 'self' 'wasm-unsafe-eval'`) in every browser that can
//    compile wasm under it. The test is real, not a version guess: a blank frame gets the
//    strict policy and compiles an empty module with its own WebAssembly. Both policies
//    are enforced together, so eval() stays blocked wherever 'wasm-unsafe-eval' is
//    understood. (An older browser logs the probe's refusal and the unknown keyword in
//    the console; nothing else comes of it.)
// 2. A clear message instead of a blank page: when the browser lacks what the app needs
//    (module scripts, WebAssembly), or the start fails before the app announces it is
//    running (the `TrunkApplicationStarted` event of the boot script), the page says why
//    and what to do, in Chinese first.
// 3. The first data downloads (below).
(function () {
  "use strict";

  var STRICT_SCRIPT_POLICY = "script-src 'self' 'wasm-unsafe-eval'";
  // The smallest valid module: magic number and version.
  var EMPTY_MODULE = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  // A module with one function that uses every post-MVP feature the app's wasm may
  // contain (scripts/post-build.sh validates the build against this same list):
  // multi-value results, bulk memory (memory.copy), non-trapping float-to-int
  // (i32.trunc_sat_f32_s) and sign extension (i32.extend8_s). Chromium 86 has them all.
  var FEATURES_MODULE = EMPTY_MODULE.concat([
    0x01, 0x06, 0x01, 0x60, 0x00, 0x02, 0x7f, 0x7f, // type: func () -> (i32, i32)
    0x03, 0x02, 0x01, 0x00, // function 0 has type 0
    0x05, 0x03, 0x01, 0x00, 0x01, // one memory of one page
    0x0a, 0x18, 0x01, 0x16, 0x00, // code: one body of 22 bytes, no locals
    0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0xfc, 0x0a, 0x00, 0x00, // memory.copy 0 0 0
    0x43, 0x00, 0x00, 0x00, 0x00, 0xfc, 0x00, 0xc0, // f32 0 → trunc_sat → extend8_s
    0x41, 0x00, 0x0b // a second i32 result; end
  ]);

  var started = false;
  var shown = false;

  function addPolicy(doc, policy) {
    var meta = doc.createElement("meta");
    meta.httpEquiv = "Content-Security-Policy";
    meta.content = policy;
    doc.head.appendChild(meta);
  }

  function wasmCompilesUnderStrictPolicy() {
    var frame = document.createElement("iframe");
    frame.hidden = true;
    frame.setAttribute("aria-hidden", "true");
    document.documentElement.appendChild(frame);
    try {
      var inner = frame.contentWindow;
      addPolicy(inner.document, STRICT_SCRIPT_POLICY);
      new inner.WebAssembly.Module(new Uint8Array(EMPTY_MODULE));
      return true;
    } catch (refused) {
      return false;
    } finally {
      frame.parentNode.removeChild(frame);
    }
  }

  function wasmHasFeatures() {
    try {
      return WebAssembly.validate(new Uint8Array(FEATURES_MODULE));
    } catch (unsupported) {
      return false;
    }
  }

  function missingFeatures() {
    var missing = [];
    if (!("noModule" in document.createElement("script"))) {
      missing.push("JavaScript modules");
    }
    if (typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function") {
      missing.push("WebAssembly");
    } else if (!wasmHasFeatures()) {
      missing.push("WebAssembly multi-value, bulk memory, non-trapping float-to-int");
    }
    if (typeof Promise !== "function" || typeof fetch !== "function") {
      missing.push("Promise/fetch");
    }
    return missing;
  }

  // What the reader is told. `tooOld`: the browser cannot run the app at all; otherwise
  // the files did not arrive or did not start (a network or a server problem).
  var MESSAGES = {
    tooOld: {
      zh: [
        "此浏览器版本过旧，无法运行 planboard。",
        "planboard 需要 Chromium 86 或更新内核的浏览器，例如 360 安全浏览器 13 及以上" +
          "（极速模式）、新版 Chrome、Edge、Firefox 或 Safari。请换用或升级浏览器后再打开本页。"
      ],
      en: [
        "This browser is too old to run planboard.",
        "planboard needs a browser built on Chromium 86 or later (for example 360 Secure " +
          "Browser 13 or later in its fast mode), or a current Chrome, Edge, Firefox or " +
          "Safari. Please open this page in such a browser."
      ]
    },
    failed: {
      zh: [
        "planboard 未能启动。",
        "程序文件没有完整下载或无法运行。请检查网络连接后刷新页面；如果仍然看到这个提示，" +
          "请把下面的错误信息告诉网站管理员。"
      ],
      en: [
        "planboard could not start.",
        "Its files did not download completely or could not run. Check the network " +
          "connection and reload the page; if this message stays, send the error below " +
          "to the site's administrator."
      ]
    }
  };
  var NOTES_ARE_SAFE = {
    zh: "在本浏览器中写过的笔记仍然保存着，不会因此丢失。",
    en: "Any notes written in this browser are still kept and are not lost."
  };

  function paragraph(text, className) {
    var element = document.createElement("p");
    if (className) {
      element.className = className;
    }
    element.appendChild(document.createTextNode(text));
    return element;
  }

  function section(language, lines) {
    var element = document.createElement("section");
    element.setAttribute("lang", language === "zh" ? "zh-CN" : "en");
    element.appendChild(paragraph(lines[0], "startup-problem-title"));
    element.appendChild(paragraph(lines[1]));
    element.appendChild(paragraph(NOTES_ARE_SAFE[language]));
    return element;
  }

  function show(kind, detail) {
    if (shown || started) {
      return;
    }
    shown = true;
    var box = document.createElement("div");
    box.className = "startup-problem";
    box.setAttribute("role", "alert");
    box.setAttribute("data-testid", "startup-problem");
    box.setAttribute("data-kind", kind);
    box.appendChild(section("zh", MESSAGES[kind].zh));
    box.appendChild(section("en", MESSAGES[kind].en));
    if (detail) {
      var code = document.createElement("code");
      code.setAttribute("lang", "en");
      code.appendChild(document.createTextNode(detail));
      var details = paragraph("错误信息 / Error: ");
      details.appendChild(code);
      box.appendChild(details);
    }
    document.body.insertBefore(box, document.body.firstChild);
  }

  function showWhenReady(kind, detail) {
    if (document.body) {
      show(kind, detail);
    } else {
      document.addEventListener("DOMContentLoaded", function () {
        show(kind, detail);
      });
    }
  }

  function describe(error) {
    if (error && error.name && error.message) {
      return error.name + ": " + error.message;
    }
    return String(error);
  }

  // A browser that parses modules but not the syntax of the app's JavaScript is too
  // old. A wasm that does not compile in a browser with every feature it needs was
  // damaged on the way (a truncated download): a failed start, like anything else.
  function kindOf(error) {
    var name = error && error.name;
    return name === "SyntaxError" ? "tooOld" : "failed";
  }

  var missing = missingFeatures();
  if (missing.length > 0) {
    showWhenReady("tooOld", "missing: " + missing.join(", "));
    return;
  }

  if (wasmCompilesUnderStrictPolicy()) {
    addPolicy(document, STRICT_SCRIPT_POLICY);
  }

  // 3. The data files every view needs start downloading now, beside the app's wasm,
  //    instead of once the wasm has compiled and asked for them. src/data_loader.rs takes
  //    each request from here by file name (and fetches anew any file not found here, so
  //    a list that falls out of step with DATA_FILES only loses the head start). The same
  //    request options as the app's own: revalidated, never a stale copy.
  var requests = {};
  ["documents.json", "tasks.json", "projects.json"].forEach(function (file) {
    var request = fetch("data/" + file, { cache: "no-cache" });
    // Handled here so that a failed download is not reported as a failed start: the app
    // reads the failure from the same promise and shows which file could not be read.
    request["catch"](function () {});
    requests[file] = request;
  });
  window.planboardDataRequests = requests;

  window.addEventListener("TrunkApplicationStarted", function () {
    started = true;
  });
  // Capturing, to also hear a boot script that could not be downloaded (the error event
  // of a <script> element does not bubble).
  window.addEventListener(
    "error",
    function (event) {
      if (started) {
        return;
      }
      var target = event.target;
      if (target && target.tagName === "SCRIPT") {
        showWhenReady("failed", "could not load " + (target.src || "a script"));
      } else if (typeof event.message === "string") {
        var error = event.error || { name: "", message: event.message };
        showWhenReady(kindOf(error), describe(event.error || event.message));
      }
    },
    true
  );
  window.addEventListener("unhandledrejection", function (event) {
    if (!started) {
      showWhenReady(kindOf(event.reason), describe(event.reason));
    }
  });
})();
