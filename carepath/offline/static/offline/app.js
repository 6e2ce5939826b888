// The offline app for home visits (/offline/app/): cases taken along, read and written without a network.
//
// Everything personal lives encrypted in IndexedDB (vault.js); this module only renders it. The DOM is
// built with createElement/textContent, never innerHTML, so case data can never become markup. The
// words come translated from the page (json_script "offline-strings"), the API's addresses from
// "offline-urls". Nothing here logs case data.
import * as vault from "./vault.js";

const STRINGS = readJSON("offline-strings");
const URLS = readJSON("offline-urls");
const LANG = document.documentElement.lang || undefined;

const state = {
  key: null, // the key record from the vault, or null
  info: null, // {generated_at, expires_at, choices} of the last download
  outcomes: [], // conflicts, refusals and errors of the last syncs, to show the person
  shown: null, // the route on screen ("#/" or "#/case/<id>")
  busy: false,
};
let syncing = null;

function readJSON(id) {
  const node = document.getElementById(id);
  return node ? JSON.parse(node.textContent) : {};
}

// A translated string; "{name}" placeholders are filled with .replace (no HTML involved).
function t(name, values = {}) {
  let text = STRINGS[name] ?? name;
  for (const [key, value] of Object.entries(values)) text = text.replaceAll(`{${key}}`, String(value));
  return text;
}

// --- DOM helpers ------------------------------------------------------------------

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") node.className = value;
    else if (name === "text") node.textContent = value;
    else if (name === "value" || name === "checked") node[name] = value;
    else if (name.startsWith("on") && typeof value === "function") node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined && child !== false) node.append(child);
  }
  return node;
}

const $ = (id) => document.getElementById(id);

function formatDate(iso) {
  if (!iso) return "";
  // A bare date is a calendar day: read it as local midnight, not UTC.
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00` : iso);
  return Number.isNaN(date.getTime()) ? String(iso) : new Intl.DateTimeFormat(LANG, { dateStyle: "long" }).format(date);
}

function formatDateTime(iso) {
  if (iso === null || iso === undefined || iso === "") return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso ? String(iso) : "";
  return new Intl.DateTimeFormat(LANG, { dateStyle: "medium", timeStyle: "short" }).format(date);
}

// Text with line breaks as paragraphs (no <br> from data, no markup).
function paragraphs(text, className = "govuk-body") {
  return String(text ?? "")
    .split(/\n{1,}/)
    .filter((line) => line.trim())
    .map((line) => el("p", { class: className, text: line }));
}

function announce(message) {
  const region = $("offline-status");
  if (!region) return;
  // Emptied first so the same words said twice are read twice.
  region.textContent = "";
  window.setTimeout(() => {
    region.textContent = message;
  }, 50);
}

function waitingTag() {
  return el("strong", { class: "govuk-tag govuk-tag--yellow", text: t("waiting") });
}

function choiceLabel(list, value) {
  const found = (list || []).find(([code]) => code === value);
  return found ? found[1] : value;
}

function goalName(goal) {
  return goal.citizen_words || goal.formulation || t("goal_untitled");
}

function newId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// --- Talking to the server ---------------------------------------------------------

async function call(url, options = {}) {
  let response;
  try {
    response = await fetch(url, {
      credentials: "same-origin",
      cache: "no-store",
      ...options,
      headers: { Accept: "application/json", ...(options.headers || {}) },
    });
  } catch {
    return { status: 0, body: null };
  }
  // A redirect to the sign-in page means the session is gone.
  if (response.redirected && !response.url.includes(url)) return { status: 401, body: null };
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  return { status: response.status, body };
}

// Says why an answer stops the work; wipes on 410. Returns true when the caller must stop.
async function stopsHere(answer) {
  if (answer.status === 200 && answer.body) return false;
  if (answer.status === 0) announce(t("unreachable"));
  else if (answer.status === 410) await wipeAll(wipeReason(answer.body && answer.body.reason));
  else if (answer.status === 401) announce(t("signed_out"));
  else if (answer.status === 403 && answer.body && answer.body.error === "no_device") announce(t("no_device"));
  else if (answer.status === 403) announce(t("forbidden"));
  else announce(t("server_error"));
  return true;
}

function wipeReason(reason) {
  if (reason === "revoked") return t("wiped_revoked");
  if (reason === "expired") return t("wiped_expired");
  if (reason === "logged_out") return t("wiped_logged_out");
  return t("wiped");
}

// --- The key ------------------------------------------------------------------------

// The key if it is still valid; when its time is up the vault has deleted everything.
async function currentKey() {
  const record = await vault.loadKey({ now: Date.now() });
  if (!record && state.key) {
    forget();
    announce(t("expired"));
    renderList();
  }
  state.key = record;
  return record;
}

function forget() {
  state.key = null;
  state.info = null;
  state.outcomes = [];
  renderOutcomes();
}

async function wipeAll(message = t("wiped")) {
  await vault.wipe();
  // Copies of portal pages the service worker kept are personal too.
  if (window.caches) {
    for (const name of await caches.keys()) if (name.startsWith("carepath-pages")) await caches.delete(name);
  }
  forget();
  hideProgress();
  renderList();
  announce(message);
}

// --- Download ------------------------------------------------------------------------

function download() {
  return exclusive(fetchBundle);
}

// Key, then bundle; every case encrypted on its own; cases no longer taken along are deleted.
async function fetchBundle() {
  announce(t("downloading"));
  const keyAnswer = await call(URLS.key);
  // A revoked device first hands in the writes it still holds (sendQueue), then wipes.
  if (keyAnswer.status === 410 && keyAnswer.body && keyAnswer.body.reason === "revoked" && state.key && (await vault.queueLength())) {
    return sendQueue();
  }
  if (await stopsHere(keyAnswer)) return { state: "stopped", status: keyAnswer.status };
  const bundleAnswer = await call(URLS.bundle);
  if (await stopsHere(bundleAnswer)) return { state: "stopped", status: bundleAnswer.status };
  const answer = keyAnswer.body;
  const bundle = bundleAnswer.body;

  const old = await vault.loadKey();
  const same = Boolean(old) && old.user === answer.user;
  // Another person's unsent writes must never go out under this session.
  if (old && !same) {
    await vault.wipe();
    state.outcomes = [];
  }
  const waiting = same ? await vault.queue(old) : [];

  const expiries = [answer.expires_at, bundle.expires_at].map((v) => Date.parse(v)).filter(Number.isFinite);
  const record = await vault.saveKey(answer.key, {
    expiresAt: Math.min(...expiries),
    user: answer.user,
    device: answer.device,
  });
  // The writes made offline are encrypted again under the new key, in the same order.
  for (const { queued_at: at, ...write } of waiting) await vault.enqueue(record, write, { at });
  for (const item of bundle.cases) await vault.putCase(record, item);
  await vault.keepOnlyCases(bundle.cases.map((item) => item.id));
  const info = { generated_at: bundle.generated_at || new Date().toISOString(), expires_at: record.expiresAt, choices: bundle.choices || {} };
  await vault.putMeta(record, "info", info);
  await vault.putMeta(record, "outcomes", state.outcomes);
  state.key = record;
  state.info = info;

  await route({ focus: false });
  announce(t("downloaded", { count: bundle.cases.length, until: formatDateTime(record.expiresAt) }));
  return { state: "downloaded", cases: bundle.cases.length };
}

// --- Sync ----------------------------------------------------------------------------

function sync() {
  if (!syncing) syncing = exclusive(sendQueue).finally(() => (syncing = null));
  return syncing;
}

async function sendQueue() {
  const key = await currentKey();
  if (!key) {
    announce(t("nothing_to_send"));
    return { state: "empty", sent: 0, total: 0 };
  }
  const writes = await vault.queue(key);
  if (!writes.length) {
    announce(t("nothing_to_send"));
    return { state: "empty", sent: 0, total: 0 };
  }
  // The key answer carries the CSRF token the sync endpoint asks for. A revoked device gets one too:
  // it hands in what it still holds (kept at the office for review, not applied), then wipes.
  const keyAnswer = await call(URLS.key);
  const revoked = keyAnswer.status === 410 && keyAnswer.body && keyAnswer.body.reason === "revoked" && keyAnswer.body.csrf;
  if (!revoked && (await stopsHere(keyAnswer))) return { state: "stopped", status: keyAnswer.status, sent: 0, total: writes.length };
  const csrf = keyAnswer.body.csrf;

  const titles = new Map((await vault.listCases(key)).map((item) => [item.id, item.title]));
  const total = writes.length;
  let sent = 0;
  showProgress(0, total);
  for (const [index, write] of writes.entries()) {
    const { queued_at: _at, ...body } = write;
    const answer = await call(URLS.sync, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf },
      body: JSON.stringify(body),
    });
    if (answer.status === 410 && answer.body && answer.body.kept) {
      await vault.dequeue(write.client_id);
      sent += 1;
    } else if (answer.status === 400) {
      // Malformed: it stays on the device (only a 200 removes a write) and the person is told.
      note(write, titles, "error", null, answer.body && answer.body.error);
    } else if (answer.status === 200 && answer.body && answer.body.state) {
      await vault.dequeue(write.client_id);
      sent += 1;
      if (answer.body.state === "conflict") note(write, titles, "conflict", answer.body.conflict_url);
      if (answer.body.state === "refused") note(write, titles, "refused", null, answer.body.message);
    } else {
      if (!(await stopsHere(answer))) announce(t("server_error"));
      if (state.key) await saveOutcomes();
      if (answer.status === 410) hideProgress();
      return { state: answer.status === 410 ? "wiped" : "stopped", status: answer.status, sent, total };
    }
    showProgress(index + 1, total, sent);
  }
  if (revoked) {
    await wipeAll(wipeReason("revoked"));
    return { state: "wiped", status: 410, sent, total };
  }
  await saveOutcomes();
  announce(sent === total ? t("all_sent", { total }) : t("sent_some", { done: sent, total }));
  // Fresh data from the office: the bundle again (the server has applied the writes).
  if (sent > 0) await fetchBundle();
  return { state: "done", sent, total, conflicts: state.outcomes.filter((o) => o.state === "conflict").length };
}

function note(write, titles, outcome, url = null, message = "") {
  const safeUrl = typeof url === "string" && url.startsWith(URLS.conflict_base) ? url : null;
  state.outcomes.push({
    client_id: write.client_id,
    kind: write.kind,
    case: write.case,
    title: titles.get(write.case) || "",
    state: outcome,
    url: safeUrl,
    message: message || "",
    at: Date.now(),
  });
  // One line per write: a write sent again replaces its earlier line.
  const seen = new Map(state.outcomes.map((o) => [o.client_id, o]));
  state.outcomes = [...seen.values()];
  renderOutcomes();
}

async function saveOutcomes() {
  if (state.key) await vault.putMeta(state.key, "outcomes", state.outcomes);
  renderOutcomes();
}

function showProgress(done, total, sent = done) {
  const group = $("offline-progress-group");
  const bar = $("offline-progress");
  if (!group || !bar) return;
  group.hidden = false;
  bar.max = total;
  bar.value = done;
  bar.textContent = `${done}/${total}`;
  $("offline-progress-text").textContent = t("sent_some", { done: sent, total });
}

function hideProgress() {
  const group = $("offline-progress-group");
  if (group) group.hidden = true;
}

// One thing at a time: the buttons are off while a download, a sync or a wipe runs.
async function exclusive(work) {
  if (state.busy) return { state: "busy" };
  setBusy(true);
  try {
    return await work();
  } catch (error) {
    // The error's name only: its message could quote data.
    announce(t("failed"));
    return { state: "failed", error: error && error.name };
  } finally {
    setBusy(false);
  }
}

function setBusy(busy) {
  state.busy = busy;
  for (const id of ["offline-download", "offline-sync", "offline-wipe"]) {
    const button = $(id);
    if (!button) continue;
    button.disabled = busy;
    button.setAttribute("aria-disabled", busy ? "true" : "false");
  }
}

// --- Writes made on the device ---------------------------------------------------------

async function addWrite(kind, caseId, record, baseVersion, data, replaces = null) {
  const key = await currentKey();
  if (!key) return false;
  if (replaces) {
    // A newer write of the same thing replaces the one not sent yet (else the second would conflict).
    for (const old of await vault.queue(key)) if (replaces(old)) await vault.dequeue(old.client_id);
  }
  await vault.enqueue(key, {
    client_id: newId(),
    kind,
    case: caseId,
    record,
    base_version: baseVersion,
    device_at: new Date().toISOString(),
    data,
  });
  return true;
}

async function afterWrite(caseId, focusId) {
  await openCase(caseId, { focusId });
  announce(t("saved_on_device"));
  await refreshCounts();
}

function fieldError(group, input, message) {
  clearError(group);
  group.classList.add("govuk-form-group--error");
  const id = `${input.id}-error`;
  const error = el("p", { class: "govuk-error-message", id }, el("span", { class: "govuk-visually-hidden", text: `${t("error")}: ` }), message);
  input.before(error);
  input.setAttribute("aria-describedby", [input.getAttribute("aria-describedby"), id].filter(Boolean).join(" "));
  input.focus();
}

function clearError(group) {
  group.classList.remove("govuk-form-group--error");
  for (const old of group.querySelectorAll(".govuk-error-message")) old.remove();
}

// Scales a photo down to 1280 px at most and makes it a JPEG data URL (img-src allows data:, not blob:).
async function scaledJpeg(file) {
  let source;
  try {
    source = await createImageBitmap(file, { imageOrientation: "from-image" });
  } catch {
    const url = await new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result);
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(file);
    });
    source = await new Promise((resolve, reject) => {
      const image = new Image();
      image.onload = () => resolve(image);
      image.onerror = reject;
      image.src = url;
    });
  }
  const width = source.naturalWidth || source.width;
  const height = source.naturalHeight || source.height;
  const scale = Math.min(1, 1280 / Math.max(width, height));
  const canvas = document.createElement("canvas");
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  canvas.getContext("2d").drawImage(source, 0, 0, canvas.width, canvas.height);
  if (source.close) source.close();
  return canvas.toDataURL("image/jpeg", 0.85);
}

// --- Rendering: the list --------------------------------------------------------------------

function view() {
  return $("offline-view");
}

async function showList(options = {}) {
  state.shown = "#/";
  const key = await currentKey();
  const cases = key ? await vault.listCases(key) : [];
  const waiting = key ? await vault.queue(key) : [];
  renderList(cases, waiting, options);
  await refreshCounts();
}

function renderList(cases = [], waiting = [], { focus = false } = {}) {
  const root = view();
  if (!root) return;
  const heading = el("h2", { class: "govuk-heading-m", tabindex: "-1", id: "offline-view-heading", text: t("cases_heading") });
  const parts = [heading];
  if (state.key && state.info) {
    parts.push(
      el("p", {
        class: "govuk-body",
        text: t("downloaded_on", {
          when: formatDateTime(state.info.generated_at),
          until: formatDateTime(state.info.expires_at),
        }),
      }),
    );
  }
  if (!cases.length) {
    parts.push(el("p", { class: "govuk-body", text: t("no_cases") }));
  } else {
    cases.sort((a, b) => String(a.title).localeCompare(String(b.title), LANG));
    const list = el("ul", { class: "govuk-list govuk-list--spaced" });
    for (const item of cases) {
      const count = waiting.filter((w) => w.case === item.id).length;
      list.append(
        el(
          "li",
          {},
          el("a", { class: "govuk-link", href: `#/case/${item.id}`, text: item.title || t("case_untitled") }),
          item.person && item.person.name ? el("span", { class: "govuk-body" }, ` – ${item.person.name}`) : null,
          count ? [" ", el("strong", { class: "govuk-tag govuk-tag--yellow", text: t("waiting_count", { count }) })] : null,
        ),
      );
    }
    parts.push(list);
  }
  parts.push(el("p", { class: "govuk-body" }, el("a", { class: "govuk-link", href: URLS.take_along, text: t("choose_cases") })));
  root.replaceChildren(...parts);
  if (focus) heading.focus();
}

async function refreshCounts() {
  const count = state.key ? await vault.queueLength() : 0;
  const line = $("offline-waiting");
  if (line) line.textContent = count ? t("waiting_total", { count }) : t("nothing_waiting");
}

function renderOutcomes() {
  const section = $("offline-outcomes");
  const list = $("offline-outcomes-list");
  if (!section || !list) return;
  section.hidden = state.outcomes.length === 0;
  list.replaceChildren(
    ...state.outcomes.map((outcome) => {
      const what = t("outcome_what", { kind: t(`kind_${outcome.kind}`), case: outcome.title || `#${outcome.case}` });
      if (outcome.state === "conflict") {
        return el(
          "li",
          {},
          `${what}: ${t("conflict")} `,
          outcome.url ? el("a", { class: "govuk-link", href: outcome.url, text: t("conflict_link") }) : null,
        );
      }
      if (outcome.state === "refused") return el("li", {}, `${what}: ${t("refused", { message: outcome.message })}`);
      return el("li", {}, `${what}: ${t("not_sent", { message: outcome.message })}`);
    }),
  );
}

// --- Rendering: one case ----------------------------------------------------------------------

// Reads, decrypts and renders a case; returns the time that took in ms (also in body[data-open-ms]).
async function openCase(id, { focus = true, focusId = null } = {}) {
  const started = performance.now();
  const target = `#/case/${Number(id)}`;
  state.shown = target;
  if (location.hash !== target) location.hash = target;
  const key = await currentKey();
  let item = null;
  try {
    item = key ? await vault.getCase(key, id) : null;
  } catch {
    item = null; // not readable under this key: as good as absent
  }
  if (!item) {
    renderMissing(focus);
    return null;
  }
  const waiting = (await vault.queue(key)).filter((w) => w.case === item.id);
  renderCase(item, waiting);
  const ms = performance.now() - started;
  document.body.dataset.openMs = ms.toFixed(1);
  const focusTarget = (focusId && $(focusId)) || (focus ? $("offline-view-heading") : null);
  if (focusTarget) focusTarget.focus();
  return ms;
}

function renderMissing(focus) {
  const heading = el("h2", { class: "govuk-heading-m", tabindex: "-1", id: "offline-view-heading", text: t("case_missing") });
  view().replaceChildren(heading, backLink());
  if (focus) heading.focus();
}

function backLink() {
  return el("p", { class: "govuk-body" }, el("a", { class: "govuk-link govuk-link--no-visited-state", href: "#/", text: t("back") }));
}

function section(id, title, ...children) {
  return el("section", { class: "govuk-!-margin-bottom-8", "aria-labelledby": id }, el("h3", { class: "govuk-heading-m", id, tabindex: "-1", text: title }), ...children);
}

function summaryList(rows) {
  return el(
    "dl",
    { class: "govuk-summary-list" },
    rows
      .filter(([, value]) => value !== null && value !== undefined && value !== "")
      .map(([label, value]) =>
        el("div", { class: "govuk-summary-list__row" }, el("dt", { class: "govuk-summary-list__key", text: label }), el("dd", { class: "govuk-summary-list__value" }, value)),
      ),
  );
}

function renderCase(item, waiting) {
  const choices = (state.info && state.info.choices) || {};
  const person = item.person || {};
  const heading = el("h2", { class: "govuk-heading-l", tabindex: "-1", id: "offline-view-heading" }, item.title || t("case_untitled"));
  const parts = [backLink(), heading];
  if (waiting.length) parts.push(el("p", { class: "govuk-body", text: t("waiting_in_case", { count: waiting.length }) }));

  parts.push(
    section(
      "case-contact",
      t("contact"),
      summaryList([
        [t("name"), person.name],
        [t("birth_date"), person.birth_date ? formatDate(person.birth_date) : ""],
        [t("phone"), person.phone ? el("a", { class: "govuk-link", href: `tel:${person.phone}`, text: person.phone }) : ""],
        [t("email"), person.email ? el("a", { class: "govuk-link", href: `mailto:${person.email}`, text: person.email }) : ""],
        [t("address"), person.address ? el("div", {}, paragraphs(person.address, "govuk-body govuk-!-margin-bottom-0")) : ""],
      ]),
    ),
  );
  parts.push(section("case-goals", t("goals"), renderGoals(item, choices)));
  parts.push(section("case-steps", t("steps"), renderSteps(item, waiting, choices)));
  parts.push(section("case-agreement", t("agreement"), renderAgreement(item)));
  if ((item.evaluations || []).length) parts.push(section("case-evaluation", t("evaluation"), renderEvaluations(item, waiting, choices)));
  parts.push(section("case-notes", t("notes"), renderNotes(item, waiting)));
  parts.push(section("case-assessment", t("assessment"), renderAssessment(item)));
  parts.push(backLink());
  view().replaceChildren(...parts);
}

function renderGoals(item, choices) {
  const goals = item.goals || [];
  if (!goals.length) return el("p", { class: "govuk-body", text: t("no_goals") });
  return el(
    "ol",
    { class: "govuk-list govuk-list--number" },
    goals.map((goal) =>
      el(
        "li",
        {},
        goal.citizen_words ? el("blockquote", { class: "cp-citizen-words" }, el("span", { class: "govuk-visually-hidden", text: `${t("own_words")}: ` }), goal.citizen_words) : null,
        goal.formulation ? el("p", { class: "govuk-body" }, el("strong", { text: `${t("formulation")}: ` }), goal.formulation) : null,
        // The bundle sends the translated label; a code is looked up in the choices when it has them.
        goal.status ? el("p", { class: "govuk-body", text: `${t("status")}: ${choiceLabel(choices.goal_status, goal.status)}` }) : null,
      ),
    ),
  );
}

function renderSteps(item, waiting, choices) {
  const steps = item.steps || [];
  if (!steps.length) return el("p", { class: "govuk-body", text: t("no_steps") });
  const goals = new Map((item.goals || []).map((goal) => [goal.id, goal]));
  return steps.map((step) => {
    const pendingStatus = waiting.filter((w) => w.kind === "step_status" && w.record === step.id).at(-1);
    const pendingPhotos = waiting.filter((w) => w.kind === "photo" && w.record === step.id);
    const statusValue = pendingStatus
      ? el("span", {}, `${choiceLabel(choices.step_status, pendingStatus.data.status)} `, waitingTag())
      : step.status_label || choiceLabel(choices.step_status, step.status);
    const goal = goals.get(step.goal);
    const titleId = `step-${step.id}-title`;
    return el(
      "div",
      { class: "govuk-summary-card", id: `step-${step.id}` },
      el("div", { class: "govuk-summary-card__title-wrapper" }, el("h4", { class: "govuk-summary-card__title", id: titleId, tabindex: "-1", text: step.what || t("step_untitled") })),
      el(
        "div",
        { class: "govuk-summary-card__content" },
        summaryList([
          [t("goal"), goal ? goalName(goal) : ""],
          [t("who"), step.who],
          [t("due"), step.due_on ? formatDate(step.due_on) : ""],
          [t("status"), statusValue],
        ]),
        renderAttachments(step, pendingPhotos),
        statusForm(item, step, pendingStatus, choices),
        item.photos_allowed ? photoForm(item, step) : el("p", { class: "govuk-body-s", text: t("photos_not_allowed") }),
      ),
    );
  });
}

function renderAttachments(step, pendingPhotos) {
  const shown = [];
  for (const attachment of step.attachments || []) {
    const description = attachment.description || t("picture");
    if (attachment.data_url && attachment.data_url.startsWith("data:image/")) {
      shown.push(el("figure", { class: "govuk-!-margin-0 govuk-!-margin-bottom-4" }, el("img", { class: "cp-offline-photo", src: attachment.data_url, alt: description }), el("figcaption", { class: "govuk-body-s", text: description })));
    } else if (attachment.text) {
      shown.push(el("div", { class: "govuk-inset-text" }, el("p", { class: "govuk-body govuk-!-font-weight-bold", text: description }), paragraphs(attachment.text)));
    } else {
      shown.push(el("p", { class: "govuk-body-s", text: t("attachment_online_only", { description }) }));
    }
  }
  for (const photo of pendingPhotos) {
    shown.push(el("figure", { class: "govuk-!-margin-0 govuk-!-margin-bottom-4" }, el("img", { class: "cp-offline-photo", src: photo.data.image, alt: photo.data.description }), el("figcaption", { class: "govuk-body-s" }, `${photo.data.description} `, waitingTag())));
  }
  if (!shown.length) return null;
  return el("div", {}, el("h5", { class: "govuk-heading-s", text: t("pictures") }), shown);
}

function statusForm(item, step, pendingStatus, choices) {
  const id = `step-${step.id}-status`;
  const current = pendingStatus ? pendingStatus.data.status : step.status;
  const select = el(
    "select",
    { class: "govuk-select", id, name: "status" },
    (choices.step_status || []).map(([code, label]) => el("option", { value: code, selected: code === current ? true : null, text: label })),
  );
  const group = el("div", { class: "govuk-form-group" }, el("label", { class: "govuk-label", for: id, text: t("change_status") }), select);
  return el(
    "form",
    {
      novalidate: true,
      onsubmit: async (event) => {
        event.preventDefault();
        clearError(group);
        if (select.value === current) {
          fieldError(group, select, t("status_unchanged"));
          return;
        }
        const ok = await addWrite("step_status", item.id, step.id, step.version, { status: select.value }, (w) => w.kind === "step_status" && w.record === step.id);
        if (ok) await afterWrite(item.id, `step-${step.id}-title`);
      },
    },
    group,
    el("button", { type: "submit", class: "govuk-button govuk-button--secondary", "data-module": "govuk-button", text: t("save_status") }),
  );
}

function photoForm(item, step) {
  const fileId = `step-${step.id}-photo`;
  const descriptionId = `step-${step.id}-photo-description`;
  const file = el("input", { class: "govuk-file-upload", id: fileId, name: "photo", type: "file", accept: "image/*", capture: "environment" });
  const description = el("input", { class: "govuk-input", id: descriptionId, name: "description", type: "text", autocomplete: "off" });
  const fileGroup = el("div", { class: "govuk-form-group" }, el("label", { class: "govuk-label", for: fileId, text: t("photo") }), file);
  const descriptionGroup = el(
    "div",
    { class: "govuk-form-group" },
    el("label", { class: "govuk-label", for: descriptionId, text: t("photo_description") }),
    el("div", { class: "govuk-hint", id: `${descriptionId}-hint`, text: t("photo_description_hint") }),
    description,
  );
  description.setAttribute("aria-describedby", `${descriptionId}-hint`);
  return el(
    "details",
    { class: "govuk-details" },
    el("summary", { class: "govuk-details__summary" }, el("span", { class: "govuk-details__summary-text", text: t("take_photo") })),
    el(
      "div",
      { class: "govuk-details__text" },
      el(
        "form",
        {
          novalidate: true,
          onsubmit: async (event) => {
            event.preventDefault();
            clearError(fileGroup);
            clearError(descriptionGroup);
            if (!file.files || !file.files.length) return fieldError(fileGroup, file, t("photo_missing"));
            if (!description.value.trim()) return fieldError(descriptionGroup, description, t("photo_description_missing"));
            let image;
            try {
              image = await scaledJpeg(file.files[0]);
            } catch {
              return fieldError(fileGroup, file, t("photo_unreadable"));
            }
            const ok = await addWrite("photo", item.id, step.id, null, { description: description.value.trim(), image });
            if (ok) await afterWrite(item.id, `step-${step.id}-title`);
          },
        },
        fileGroup,
        descriptionGroup,
        el("button", { type: "submit", class: "govuk-button govuk-button--secondary", "data-module": "govuk-button", text: t("save_photo") }),
      ),
    ),
  );
}

function renderAgreement(item) {
  const agreement = item.agreement;
  if (!agreement) return el("p", { class: "govuk-body", text: t("no_agreement") });
  return el(
    "div",
    {},
    agreement.agreed_on ? el("p", { class: "govuk-body-s", text: t("agreed_on", { date: formatDate(agreement.agreed_on) }) }) : null,
    paragraphs(agreement.text),
  );
}

function renderEvaluations(item, waiting, choices) {
  const goals = new Map((item.goals || []).map((goal) => [goal.id, goal]));
  return item.evaluations.map((evaluation) => {
    const pending = waiting.filter((w) => w.kind === "evaluation" && w.record === evaluation.id).at(-1);
    const prefix = `evaluation-${evaluation.id}`;
    const answerGroups = [];
    const rows = (evaluation.goals || []).map((goalId) => {
      const goal = goals.get(goalId);
      const before = pending ? (pending.data.answers || []).find((a) => a.goal === goalId) : null;
      const name = `${prefix}-goal-${goalId}`;
      const radios = el(
        "div",
        { class: "govuk-radios govuk-radios--small", "data-module": "govuk-radios" },
        (choices.attainment || []).map(([code, label]) =>
          el(
            "div",
            { class: "govuk-radios__item" },
            el("input", { class: "govuk-radios__input", id: `${name}-${code}`, name, type: "radio", value: code, checked: before ? before.level === code : false }),
            el("label", { class: "govuk-label govuk-radios__label", for: `${name}-${code}`, text: label }),
          ),
        ),
      );
      const comment = el("textarea", { class: "govuk-textarea", id: `${name}-comment`, name: `${name}-comment`, rows: "2", value: before ? before.comment || "" : "" });
      const group = el(
        "div",
        { class: "govuk-form-group" },
        el(
          "fieldset",
          { class: "govuk-fieldset" },
          el("legend", { class: "govuk-fieldset__legend govuk-fieldset__legend--s", text: t("goal_reached", { goal: goal ? goalName(goal) : `#${goalId}` }) }),
          radios,
        ),
      );
      answerGroups.push({ goalId, name, group, radios, comment });
      return [group, el("div", { class: "govuk-form-group" }, el("label", { class: "govuk-label", for: `${name}-comment`, text: t("comment_optional") }), comment)];
    });
    const wordsId = `${prefix}-words`;
    const words = el("textarea", { class: "govuk-textarea", id: wordsId, name: "citizen_words", rows: "4", "aria-describedby": `${wordsId}-hint`, value: pending ? pending.data.citizen_words || "" : "" });
    const form = el(
      "form",
      {
        novalidate: true,
        onsubmit: async (event) => {
          event.preventDefault();
          const answers = [];
          for (const answer of answerGroups) {
            clearError(answer.group);
            const checked = answer.radios.querySelector("input:checked");
            if (checked) answers.push({ goal: answer.goalId, level: checked.value, comment: answer.comment.value.trim() });
          }
          if (!answers.length && answerGroups.length) {
            const first = answerGroups[0];
            return fieldError(first.group, first.radios.querySelector("input") || first.radios, t("evaluation_missing"));
          }
          const data = { citizen_words: words.value.trim(), answers };
          const ok = await addWrite("evaluation", item.id, evaluation.id, evaluation.version, data, (w) => w.kind === "evaluation" && w.record === evaluation.id);
          if (ok) await afterWrite(item.id, "case-evaluation");
        },
      },
      rows,
      el(
        "div",
        { class: "govuk-form-group" },
        el("label", { class: "govuk-label govuk-label--s", for: wordsId, text: t("citizen_words") }),
        el("div", { class: "govuk-hint", id: `${wordsId}-hint`, text: t("citizen_words_hint") }),
        words,
      ),
      el("button", { type: "submit", class: "govuk-button", "data-module": "govuk-button", text: t("save_evaluation") }),
    );
    return el(
      "div",
      {},
      el("h4", { class: "govuk-heading-s" }, t("evaluation_planned", { date: formatDate(evaluation.planned_on) }), pending ? [" ", waitingTag()] : null),
      form,
    );
  });
}

function renderNotes(item, waiting) {
  const goals = item.goals || [];
  const steps = item.steps || [];
  const pending = waiting.filter((w) => w.kind === "note").reverse();
  const list = [
    ...pending.map((w) =>
      el("div", { class: "cp-note" }, el("p", { class: "govuk-body-s" }, `${formatDateTime(w.device_at)} `, waitingTag()), paragraphs(w.data.text)),
    ),
    ...(item.notes || []).map((n) =>
      el("div", { class: "cp-note" }, el("p", { class: "govuk-body-s", text: [formatDateTime(n.written_at), n.written_by].filter(Boolean).join(" · ") }), paragraphs(n.text)),
    ),
  ];
  const textId = `case-${item.id}-note`;
  const text = el("textarea", { class: "govuk-textarea", id: textId, name: "text", rows: "5" });
  const textGroup = el("div", { class: "govuk-form-group" }, el("label", { class: "govuk-label govuk-label--s", for: textId, text: t("note") }), text);
  const goalSelect = el(
    "select",
    { class: "govuk-select", id: `${textId}-goal`, name: "goal" },
    el("option", { value: "", text: t("no_goal") }),
    goals.map((goal) => el("option", { value: String(goal.id), text: goalName(goal) })),
  );
  const stepSelect = el(
    "select",
    { class: "govuk-select", id: `${textId}-step`, name: "step" },
    el("option", { value: "", text: t("no_step") }),
    steps.map((step) => el("option", { value: String(step.id), text: step.what || t("step_untitled") })),
  );
  const form = el(
    "form",
    {
      novalidate: true,
      onsubmit: async (event) => {
        event.preventDefault();
        clearError(textGroup);
        if (!text.value.trim()) return fieldError(textGroup, text, t("note_missing"));
        const data = {
          text: text.value.trim(),
          goal: goalSelect.value ? Number(goalSelect.value) : null,
          step: stepSelect.value ? Number(stepSelect.value) : null,
        };
        const ok = await addWrite("note", item.id, null, null, data);
        if (ok) await afterWrite(item.id, "case-notes");
      },
    },
    el("h4", { class: "govuk-heading-s", text: t("write_note") }),
    textGroup,
    goals.length ? el("div", { class: "govuk-form-group" }, el("label", { class: "govuk-label", for: goalSelect.id, text: t("note_goal") }), goalSelect) : null,
    steps.length ? el("div", { class: "govuk-form-group" }, el("label", { class: "govuk-label", for: stepSelect.id, text: t("note_step") }), stepSelect) : null,
    el("button", { type: "submit", class: "govuk-button", "data-module": "govuk-button", text: t("save_note") }),
  );
  return [list.length ? list : el("p", { class: "govuk-body", text: t("no_notes") }), form];
}

function renderAssessment(item) {
  const assessment = item.assessment;
  if (!assessment) return el("p", { class: "govuk-body", text: t("no_assessment") });
  return [
    el("p", { class: "govuk-body-s", text: t("assessed_on", { date: formatDate(assessment.assessed_on) }) }),
    summaryList(
      (assessment.dimensions || []).map((d) => [
        d.label,
        el("div", {}, el("p", { class: "govuk-body govuk-!-margin-bottom-1", text: t("score", { score: d.score ?? "–" }) }), d.comment ? paragraphs(d.comment, "govuk-body-s govuk-!-margin-bottom-0") : null),
      ]),
    ),
  ];
}

// --- Routing and start ----------------------------------------------------------------------------

async function route({ focus = false } = {}) {
  const match = /^#\/case\/(\d+)$/.exec(location.hash);
  if (match) return openCase(Number(match[1]), { focus });
  return showList({ focus });
}

function showConnection() {
  const notice = $("offline-connection");
  if (notice) notice.hidden = navigator.onLine;
}

async function start() {
  $("offline-download")?.addEventListener("click", () => download());
  $("offline-sync")?.addEventListener("click", () => sync());
  $("offline-wipe")?.addEventListener("click", async () => {
    const count = state.key ? await vault.queueLength() : 0;
    const question = count ? t("wipe_confirm_waiting", { count }) : t("wipe_confirm");
    if (window.confirm(question)) await exclusive(() => wipeAll(t("wiped")));
  });
  $("offline-outcomes-clear")?.addEventListener("click", async () => {
    state.outcomes = [];
    await saveOutcomes();
  });
  window.addEventListener("hashchange", () => {
    const hash = location.hash || "#/";
    if (hash !== state.shown) route({ focus: true });
  });
  window.addEventListener("online", async () => {
    showConnection();
    // Back online: send what waits (only then: a download alone would audit every case again).
    if (state.key && (await vault.queueLength())) sync();
  });
  window.addEventListener("offline", showConnection);
  showConnection();
  // The key's time can run out while the page stays open: look again every minute and on coming back.
  window.setInterval(() => state.key && currentKey(), 60_000);
  document.addEventListener("visibilitychange", () => !document.hidden && state.key && currentKey());

  try {
    const had = await vault.hasKey();
    state.key = await vault.loadKey({ now: Date.now() });
    if (had && !state.key) announce(t("expired"));
    if (state.key) {
      state.info = await vault.getMeta(state.key, "info");
      state.outcomes = (await vault.getMeta(state.key, "outcomes")) || [];
    }
  } catch {
    announce(t("storage_unavailable"));
  }
  const actions = $("offline-actions");
  if (actions) actions.hidden = false;
  renderOutcomes();
  try {
    await route({ focus: false });
  } catch {
    announce(t("failed"));
  }
}

const ready = start();

window.carepathOffline = {
  ready,
  wipe: () => exclusive(() => wipeAll(t("wiped"))),
  sync,
  download,
  openCase: (id) => openCase(id, { focus: false }),
};
