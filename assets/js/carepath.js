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

// "Read aloud" on a step of the portal: the browser's own speech synthesis, in the page's
// language. The buttons stay hidden where the browser cannot speak.
function readAloud() {
  if (!window.speechSynthesis || typeof window.SpeechSynthesisUtterance !== "function") return;
  for (const button of document.querySelectorAll("[data-read-aloud]")) {
    const label = button.querySelector("span");
    const readLabel = label.textContent;
    button.hidden = false;
    // The label says what a press does ("Read aloud" / "Stop reading"); no aria-pressed beside it.
    const done = () => {
      label.textContent = readLabel;
      delete button.dataset.reading;
    };
    button.addEventListener("click", () => {
      if (button.dataset.reading) {
        window.speechSynthesis.cancel();
        done();
        return;
      }
      window.speechSynthesis.cancel();
      const utterance = new SpeechSynthesisUtterance(textOf(document.getElementById(button.dataset.readAloud)));
      utterance.lang = document.documentElement.lang;
      utterance.onend = done;
      utterance.onerror = done;
      label.textContent = button.dataset.stopLabel;
      button.dataset.reading = "yes";
      window.speechSynthesis.speak(utterance);
    });
  }
}

// The step's words as a person would read them: a picture by its description, no controls.
function textOf(element) {
  const copy = element.cloneNode(true);
  for (const image of copy.querySelectorAll("img")) image.replaceWith(`${image.alt}. `);
  for (const control of copy.querySelectorAll("button, video, script")) control.remove();
  const heading = element.closest(".govuk-summary-card")?.querySelector("h3")?.textContent ?? "";
  return `${heading}. ${copy.textContent}`.replace(/\s+/g, " ").trim();
}

readAloud();
