// Carepath front-end entry point (an ES module).
// Starts govuk-frontend's components, and starts them again in content htmx swaps in.
// Load htmx.min.js (defer) before this file so window.htmx exists when it runs.
import { initAll } from "./govuk-frontend.min.js";

function start(scope) {
  initAll({
    scope,
    onError(error) {
      // htmx re-processes regions whose components are already started: not a fault.
      if (error?.name !== "InitError") console.error(error);
    },
  });
}

start(document);

if (window.htmx) {
  window.htmx.onLoad((element) => {
    if (element instanceof Element && element !== document.body) {
      start(element.parentElement ?? element);
    }
  });
}
