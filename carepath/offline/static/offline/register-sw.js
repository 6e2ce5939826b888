// On every page (base.html): registers Carepath's service worker, and keeps a sign-out from deleting
// changes made on a home visit that were not sent yet. Served from /sw.js, the worker's scope is the
// whole site. Without service workers (an old browser, or plain http) the site works as before.
import { DB_NAME, queueLength } from "./vault.js";

if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {
    // Nothing to do: the pages work online without it. The error says nothing about any person.
  });
}

// Signing out wipes this browser's storage (Clear-Site-Data), the queue of unsent changes with it.
// Ask first when changes are waiting; the form carries the translated question.
async function unsentChanges() {
  if (!window.indexedDB || !indexedDB.databases) return 0;
  const known = await indexedDB.databases();
  if (!known.some((db) => db.name === DB_NAME)) return 0; // never open it here: that would create it
  return queueLength();
}

for (const form of document.querySelectorAll("form[data-unsent-question]")) {
  form.addEventListener("submit", async (event) => {
    if (form.dataset.confirmed === "yes") return;
    event.preventDefault();
    let waiting = 0;
    try {
      waiting = await unsentChanges();
    } catch {
      waiting = 0;
    }
    if (waiting > 0 && !window.confirm(form.dataset.unsentQuestion.replace("{count}", String(waiting)))) return;
    form.dataset.confirmed = "yes";
    form.requestSubmit();
  });
}
