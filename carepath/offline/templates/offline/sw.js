{% autoescape off %}// Carepath's service worker. Rendered by Django at /sw.js so that its scope is the whole site.
// Every value below comes from the view already JSON-encoded (views_app.service_worker).
//
// It keeps: the offline app's shell and the static files (so /offline/app/ opens without a network),
// a copy of a citizen's "today" page and its pictures once opened, and the "you are offline" page.
// It never touches the API, sign-in, administration or any request that changes something.
"use strict";

const VERSION = {{ version_json }};
const SHELL = `carepath-shell-${VERSION}`;
// Portal copies outlive a new version: a citizen keeps the today page until it is opened online again.
const PAGES = "carepath-pages-v1";
const PRECACHE = {{ precache_json }};
const APP = {{ app_url_json }};
const UNAVAILABLE = {{ unavailable_url_json }};
const STATIC = {{ static_url_json }};
const NEVER = ["/offline/api/", "/api/", "/fhir/", "/accounts/", "/admin/"];
const PORTAL_TODAY = /^\/portal\/\d+\/$/;
const PORTAL_PICTURE = /^\/portal\/\d+\/supports\/\d+\/$/;
// A slow network is worse than a copy: after this long the copy is shown (the network still refreshes it).
const NETWORK_WAIT_MS = 6000;

// A response worth keeping: a real answer, not a redirect to the sign-in page or an error.
function keepable(response) {
  return response && response.ok && !response.redirected && response.type === "basic";
}

async function precache() {
  const cache = await caches.open(SHELL);
  await Promise.all(
    PRECACHE.map(async (url) => {
      try {
        // The offline page is fetched without cookies: the same for everyone on this device.
        const credentials = url === UNAVAILABLE ? "omit" : "same-origin";
        const response = await fetch(new Request(url, { cache: "reload", credentials }));
        if (keepable(response)) await cache.put(url, response);
      } catch {
        // One file missing (or the app shell for a citizen, who may not open it) must not stop the rest.
      }
    }),
  );
}

self.addEventListener("install", (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith("carepath-") && name !== SHELL && name !== PAGES) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

function fromCache(cacheName, key) {
  return caches.open(cacheName).then((cache) => cache.match(key, { ignoreVary: true, ignoreSearch: true }));
}

async function store(cacheName, key, response) {
  if (!keepable(response)) return;
  const cache = await caches.open(cacheName);
  await cache.put(key, response);
}

// Network first; keeps a copy; falls back to the copy (then to `fallback`) when the network fails.
async function networkFirst(event, cacheName, key, fallback) {
  let saved = Promise.resolve();
  const network = fetch(event.request).then(
    (response) => {
      // Cloned before the page reads the body; kept alive even when the copy was answered first.
      saved = store(cacheName, key, response.clone());
      return response;
    },
    () => null,
  );
  event.waitUntil(network.then(() => saved));
  const copy = await fromCache(cacheName, key);
  let response;
  if (copy) {
    const slow = new Promise((resolve) => setTimeout(() => resolve(null), NETWORK_WAIT_MS));
    response = await Promise.race([network, slow]);
    if (!response || (!response.ok && response.status >= 500)) return copy;
    return response;
  }
  response = await network;
  if (response) return response;
  const other = fallback ? await fromCache(SHELL, fallback) : null;
  return other || Response.error();
}

async function cacheFirst(event) {
  const copy = await fromCache(SHELL, event.request.url);
  if (copy) return copy;
  const response = await fetch(event.request);
  event.waitUntil(store(SHELL, event.request.url, response.clone()));
  return response;
}

async function navigation(event) {
  try {
    return await fetch(event.request);
  } catch {
    return (await fromCache(SHELL, UNAVAILABLE)) || Response.error();
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const path = url.pathname;
  if (NEVER.some((prefix) => path.startsWith(prefix))) return;

  if (path.startsWith(STATIC)) {
    event.respondWith(cacheFirst(event));
  } else if (path === APP) {
    event.respondWith(networkFirst(event, SHELL, APP, UNAVAILABLE));
  } else if (PORTAL_TODAY.test(path) || PORTAL_PICTURE.test(path)) {
    const fallback = request.mode === "navigate" ? UNAVAILABLE : null;
    event.respondWith(networkFirst(event, PAGES, url.origin + path, fallback));
  } else if (request.mode === "navigate") {
    event.respondWith(navigation(event));
  }
});
{% endautoescape %}
