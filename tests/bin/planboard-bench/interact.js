// Times one kind of interaction `runs` times in the page and returns, per run, the
// durations (ms) from the action to the first and to the last DOM change it caused (the
// DOM counts as settled once 150 ms pass without a mutation). Called through WebDriver's
// execute-async.
//   arguments: kind ("keystroke" | "new-term" | "facet"), runs, searchBox, facetSelector, done
const [kind, runs, searchBox, facetSelector, done] = arguments;
const root = document.querySelector("main") || document.body;

function timeOne(action) {
  return new Promise((resolve) => {
    let first = null;
    let last = null;
    const observer = new MutationObserver(() => {
      last = performance.now();
      first = first === null ? last : first;
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
    const start = performance.now();
    action();
    const check = () => {
      const now = performance.now();
      if ((last !== null && now - last > 150) || now - start > 10000) {
        observer.disconnect();
        resolve(last === null ? null : [first - start, last - start]);
      } else {
        setTimeout(check, 10);
      }
    };
    setTimeout(check, 10);
  });
}

// One keystroke each: 高 → 高铁 → 高 → (empty) → 高 …, so every step changes the list.
// The app remembers what recent search terms matched, so from the second round on these
// are searches it has seen; "new-term" types a term not searched before at every step
// (single characters common in the documents, none containing another), the cost of a
// search the app has to do in full.
const queries = ["高", "高铁", "高", ""];
const newTerms = Array.from("市区县建设推进项目产业发展城乡交通水环境民生科技");
function type(text) {
  const input = document.querySelector(searchBox);
  input.value = text;
  input.dispatchEvent(new Event("input", { bubbles: true }));
}
// Select, then deselect, the same facet value.
function clickFacet() {
  document.querySelector(facetSelector).click();
}

(async () => {
  const times = [];
  if (kind === "facet" && !document.querySelector(facetSelector)) {
    done("nothing matches " + facetSelector);
    return;
  }
  if (kind !== "facet") {
    type("");
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  for (let run = 0; run < runs; run++) {
    const action =
      kind === "keystroke"
        ? () => type(queries[run % queries.length])
        : kind === "new-term"
          ? () => type(newTerms[run % newTerms.length])
          : clickFacet;
    times.push(await timeOne(action));
  }
  done(times);
})();
