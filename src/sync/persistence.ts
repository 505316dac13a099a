/** Asking the browser to keep this site's data (navigator.storage.persist). */

const PERSIST_ASKED = 'segur-pulse:persist-asked';

/**
 * Asks once (per browser profile) that the browser keep this site's data under pressure. Whether
 * it will; undefined when the browser cannot say.
 */
export async function requestPersistence(): Promise<boolean | undefined> {
  try {
    const storage = navigator.storage;
    if (!storage?.persisted) return undefined;
    let persisted = await storage.persisted();
    if (!persisted && storage.persist && !localStorage.getItem(PERSIST_ASKED)) {
      localStorage.setItem(PERSIST_ASKED, new Date().toISOString());
      persisted = await storage.persist();
    }
    return persisted;
  } catch {
    // Storage APIs refused (private mode, sandboxed frame): the data still works for this visit.
    return undefined;
  }
}
