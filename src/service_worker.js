// planboard's service worker. scripts/post-build.sh prepends BUILD_VERSION (a hash of
// every file of the build), BUILD_FILES (their paths relative to this file) and
// ON_DEMAND_FILES (the PDF reader in pdfjs/) and writes the result to dist/sw.js, so
// each build is a new worker with its own cache.
//
// - install: precache every file of the build; a failed download fails the install, so a
//   half-cached build never takes over.
// - activate: delete the caches of older builds; take control of open pages.
// - fetch: the build's own files cache-first (they are content-hashed or change only with
//   a new build), except data/*.json network-first: an office may publish new data
//   without rebuilding, and offline the cached copy still opens the app.
// - The PDF reader (pdf.js, its worker, the GB CMaps: about 0.5 MB brotli) is not
//   precached, since few visitors import a PDF: the first request for one of its files
//   caches that file and, in the background, all the others, so PDF import works
//   offline after its first use, with any GB encoding.
// - A new build waits until the page asks it to take over (the 更新 button), because
//   switching files under a running page could mix two builds.
//
// Notes live in localStorage, which no cache operation here touches.

const CACHE_PREFIX = "planboard-";
const CACHE_NAME = CACHE_PREFIX + BUILD_VERSION;
const SCOPE = new URL("./", self.location.href);
const INDEX_URL = new URL("index.html", SCOPE).href;
const PRECACHE_URLS = new Set(BUILD_FILES.map((path) => new URL(path, SCOPE).href));
const ON_DEMAND_URLS = new Set(ON_DEMAND_FILES.map((path) => new URL(path, SCOPE).href));

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE_NAME).then((cache) =>
      cache.addAll([...PRECACHE_URLS].map((url) => new Request(url, { cache: cacheMode(url) }))),
    ),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE_NAME)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") {
    self.skipWaiting();
  }
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") {
    return;
  }
  const url = new URL(request.url);
  url.search = "";
  url.hash = "";
  if (request.mode === "navigate" && (url.href === SCOPE.href || url.href === INDEX_URL)) {
    event.respondWith(cacheFirst(INDEX_URL, request));
  } else if (PRECACHE_URLS.has(url.href)) {
    const isData = url.href.startsWith(new URL("data/", SCOPE).href);
    event.respondWith(isData ? networkFirst(url.href, request) : cacheFirst(url.href, request));
  } else if (ON_DEMAND_URLS.has(url.href)) {
    event.respondWith(cacheOnFirstUse(url.href, request));
    event.waitUntil(cacheAllOnDemand());
  }
  // Anything else (outside the build) goes to the network as if there were no worker.
});

// A content-hashed file (`main-0123456789abcdef.css`) cannot be stale, so the copy the
// page has just downloaded is taken from the HTTP cache instead of downloading it twice;
// any other file is revalidated, so the cache holds exactly this build.
function cacheMode(url) {
  return /-[0-9a-f]{16}(_bg)?\.[a-z]+$/.test(url) ? "default" : "no-cache";
}

async function cacheFirst(key, request) {
  const cache = await caches.open(CACHE_NAME);
  const cached = await cache.match(key);
  return cached || fetch(request);
}

async function cacheOnFirstUse(key, request) {
  const cache = await caches.open(CACHE_NAME);
  const cached = await cache.match(key);
  if (cached) {
    return cached;
  }
  const response = await fetch(request);
  if (response.ok) {
    await cache.put(key, response.clone());
  }
  return response;
}

// Each missing file of the PDF reader, one by one; one that fails (the network went
// away) is tried again on the next use. One pass at a time, however many files ask.
let fillingOnDemand = null;
function cacheAllOnDemand() {
  if (!fillingOnDemand) {
    fillingOnDemand = fillOnDemand().finally(() => {
      fillingOnDemand = null;
    });
  }
  return fillingOnDemand;
}

async function fillOnDemand() {
  const cache = await caches.open(CACHE_NAME);
  for (const url of ON_DEMAND_URLS) {
    if (!(await cache.match(url))) {
      try {
        const response = await fetch(new Request(url, { cache: "no-cache" }));
        if (response.ok) {
          await cache.put(url, response);
        }
      } catch (offline) {
        return;
      }
    }
  }
}

async function networkFirst(key, request) {
  const cache = await caches.open(CACHE_NAME);
  try {
    const response = await fetch(request);
    if (response.ok) {
      await cache.put(key, response.clone());
    }
    return response;
  } catch (networkError) {
    const cached = await cache.match(key);
    if (cached) {
      return cached;
    }
    throw networkError;
  }
}
