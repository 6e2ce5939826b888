// The device's vault for home visits: IndexedDB holds only what AES-GCM has encrypted.
//
// Database "carepath-offline", three stores:
//   meta  {id: "key", key: CryptoKey, expiresAt: ms, user, device}  the key, never extractable
//         {id: <name>, iv, data}                                     small encrypted records (e.g. "info")
//   cases {id, iv, data}            each case encrypted on its own (a case is read without the others)
//   queue {client_id, iv, data, at} each write made offline, encrypted, in the order it was made
//
// The server hands out the raw key once; it is imported as non-extractable, so script on the page
// can use it but never read it back. When the key's time is up, loadKey() deletes the whole database:
// without the key the ciphertext is noise, and the server has destroyed its copy.

export const DB_NAME = "carepath-offline";
const DB_VERSION = 1;
const KEY_ID = "key";

let connection = null; // one open connection per page, closed by wipe()

// --- Pure helpers (no IndexedDB): importable and testable on their own -------

export function base64ToBytes(base64) {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function isExpired(record, now = Date.now()) {
  return !record || typeof record.expiresAt !== "number" || record.expiresAt <= now;
}

// Accepts the CryptoKey itself or the record loadKey() returns.
function cryptoKeyOf(key) {
  const found = key && key.key ? key.key : key;
  if (!(found instanceof CryptoKey)) throw new TypeError("vault: no key");
  return found;
}

export async function importKey(base64) {
  const raw = base64ToBytes(base64);
  if (raw.length !== 32) throw new TypeError("vault: the key must be 32 bytes");
  // extractable = false: the key can encrypt and decrypt, but exportKey() refuses it.
  return crypto.subtle.importKey("raw", raw, { name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
}

// A fresh random 12-byte IV for every record: GCM must never reuse one under the same key.
export async function encryptJSON(key, value) {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = new TextEncoder().encode(JSON.stringify(value));
  const data = await crypto.subtle.encrypt({ name: "AES-GCM", iv }, cryptoKeyOf(key), plain);
  return { iv, data };
}

export async function decryptJSON(key, record) {
  const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: record.iv }, cryptoKeyOf(key), record.data);
  return JSON.parse(new TextDecoder().decode(plain));
}

// --- IndexedDB plumbing --------------------------------------------------------

function promised(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

export function open() {
  if (connection) return connection;
  connection = new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains("meta")) db.createObjectStore("meta", { keyPath: "id" });
      if (!db.objectStoreNames.contains("cases")) db.createObjectStore("cases", { keyPath: "id" });
      if (!db.objectStoreNames.contains("queue")) db.createObjectStore("queue", { keyPath: "client_id" });
    };
    request.onsuccess = () => {
      const db = request.result;
      // Another tab deleting the database (a wipe) must not wait for this page to close.
      db.onversionchange = () => {
        db.close();
        connection = null;
      };
      resolve(db);
    };
    request.onerror = () => {
      connection = null;
      reject(request.error);
    };
  });
  return connection;
}

async function run(storeName, mode, work) {
  const db = await open();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(storeName, mode);
    let result;
    Promise.resolve(work(tx.objectStore(storeName))).then((value) => {
      result = value;
    }, reject);
    tx.oncomplete = () => resolve(result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

const get = (store, id) => run(store, "readonly", (s) => promised(s.get(id)));
const put = (store, value) => run(store, "readwrite", (s) => promised(s.put(value)));
const remove = (store, id) => run(store, "readwrite", (s) => promised(s.delete(id)));
const all = (store) => run(store, "readonly", (s) => promised(s.getAll()));

// --- The key -------------------------------------------------------------------

// Imports the server's raw key (base64) and keeps it; returns the record loadKey() would.
export async function saveKey(base64, { expiresAt, user = null, device = null } = {}) {
  const expires = typeof expiresAt === "string" ? Date.parse(expiresAt) : expiresAt;
  if (!Number.isFinite(expires)) throw new TypeError("vault: expiresAt is needed");
  const record = { id: KEY_ID, key: await importKey(base64), expiresAt: expires, user, device };
  await put("meta", record);
  return record;
}

export async function hasKey() {
  return Boolean(await get("meta", KEY_ID));
}

// The key record, or null. A key whose time is up is never returned: the database is deleted.
export async function loadKey({ now = Date.now() } = {}) {
  const record = await get("meta", KEY_ID);
  if (!record) return null;
  if (isExpired(record, now)) {
    await wipe();
    return null;
  }
  return record;
}

// --- Small encrypted records in meta (bundle date, choices, outcomes of a sync) ----

export async function putMeta(key, id, value) {
  if (id === KEY_ID) throw new TypeError("vault: reserved id");
  await put("meta", { id, ...(await encryptJSON(key, value)) });
}

export async function getMeta(key, id) {
  const record = await get("meta", id);
  return record && record.iv ? decryptJSON(key, record) : null;
}

// --- Cases -----------------------------------------------------------------------

export async function putCase(key, value) {
  await put("cases", { id: value.id, ...(await encryptJSON(key, value)) });
}

export async function getCase(key, id) {
  const record = await get("cases", Number(id));
  return record ? decryptJSON(key, record) : null;
}

export async function listCases(key) {
  const records = await all("cases");
  return Promise.all(records.map((record) => decryptJSON(key, record)));
}

export async function caseIds() {
  return run("cases", "readonly", (s) => promised(s.getAllKeys()));
}

export async function deleteCase(id) {
  await remove("cases", Number(id));
}

// Keeps the cases whose id is in `ids`, deletes the others (no longer taken along).
export async function keepOnlyCases(ids) {
  const keep = new Set(ids.map(Number));
  for (const id of await caseIds()) if (!keep.has(id)) await deleteCase(id);
}

// --- The queue of writes made offline -----------------------------------------

// How many writes wait, for the sign-out button on every page (register-sw.js), which must ask at
// once, without opening this database. A number only: nothing about any person.
export const UNSENT = "carepath-offline-unsent";

function noteUnsent(count) {
  try {
    localStorage.setItem(UNSENT, String(Math.max(0, count)));
  } catch {
    // Storage refused (a private window): the sign-out then does not ask.
  }
}

export function unsentCount() {
  try {
    return Number(localStorage.getItem(UNSENT)) || 0;
  } catch {
    return 0;
  }
}

async function queueChanged() {
  noteUnsent(await queueLength());
}

export async function enqueue(key, write, { at = Date.now() } = {}) {
  if (!write || !write.client_id) throw new TypeError("vault: a write needs a client_id");
  await put("queue", { client_id: write.client_id, at, ...(await encryptJSON(key, write)) });
  await queueChanged();
}

// Every waiting write, decrypted, oldest first; each carries `queued_at` (ms).
export async function queue(key) {
  const records = await all("queue");
  records.sort((a, b) => a.at - b.at);
  return Promise.all(records.map(async (record) => ({ ...(await decryptJSON(key, record)), queued_at: record.at })));
}

export async function queueLength() {
  return run("queue", "readonly", (s) => promised(s.count()));
}

export async function dequeue(clientId) {
  await remove("queue", clientId);
  await queueChanged();
}

// Encrypts the waiting writes again under a new key (after a new download), keeping their order.
export async function rekeyQueue(oldKey, newKey) {
  for (const write of await queue(oldKey)) {
    const { queued_at: at, ...rest } = write;
    await enqueue(newKey, rest, { at });
  }
}

// --- Wipe ------------------------------------------------------------------------

// Closes this page's connection and deletes the whole database (key, cases and queue).
export async function wipe() {
  const pending = connection;
  connection = null;
  if (pending) {
    try {
      (await pending).close();
    } catch {
      // It never opened: nothing to close.
    }
  }
  await new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    // Another tab still holds it open: its onversionchange closes it, then the delete goes on.
    request.onblocked = () => {};
  });
  noteUnsent(0);
}
