// On every page (base.html): registers Carepath's service worker, and keeps a sign-out from deleting
// changes made on a home visit that were not sent yet. Served from /sw.js, the worker's scope is the
// whole site. Without service workers (an old browser, or plain http) the site works as before.
import { unsentCount } from "./vault.js";

if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {
    // Nothing to do: the pages work online without it. The error says nothing about any person.
  });
}

// Signing out wipes this browser's storage (Clear-Site-Data), the queue of unsent changes with it.
// The vault keeps the count at hand, so the button asks at once (a confirm is synchronous) and a
// sign-out with nothing waiting goes ahead untouched.
for (const form of document.querySelectorAll("form[data-unsent-question]")) {
  form.addEventListener("submit", (event) => {
    const waiting = unsentCount();
    if (waiting > 0 && !window.confirm(form.dataset.unsentQuestion.replace("{count}", String(waiting)))) {
      event.preventDefault();
    }
  });
}
