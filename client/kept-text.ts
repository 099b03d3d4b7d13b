/**
 * Text kept in the browser while it cannot reach Kith's server as the person who typed it: the
 * session ended, someone else signed in, or the page is being left with text not yet saved.
 * Kept in localStorage (so a reload, or signing in again in this tab, finds it), one entry per
 * account and form, and only until the server has it. Because a browser may be shared, an entry
 * is never kept longer than a day, every entry is forgotten when anyone signs out in this
 * browser, and an entry is only ever given back to the account that typed it.
 */
export type FormContent = Record<string, string | string[]>;

export interface KeptText {
  /** When it was kept (ms since 1970). */
  keptAt: number;
  /** The version of the server's draft that this text follows on from. */
  baseVersion: number;
  content: FormContent;
}

const PREFIX = 'kith.unsent.v1:';
export const KEEP_FOR_MS = 24 * 60 * 60_000;

/** localStorage, or nothing where the browser refuses it (private modes, storage turned off). */
function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export const keptTextKey = (owner: string, form: string) => `${PREFIX}${owner}:${form}`;

export function keepText(key: string, text: KeptText): void {
  try {
    storage()?.setItem(key, JSON.stringify(text));
  } catch {
    // Full or refused: the text is still on the page.
  }
}

export function keptText(key: string, now = Date.now()): KeptText | null {
  const raw = storage()?.getItem(key);
  if (!raw) return null;
  try {
    const text = JSON.parse(raw) as KeptText;
    if (typeof text.keptAt === 'number' && now - text.keptAt <= KEEP_FOR_MS && typeof text.content === 'object') {
      return text;
    }
  } catch {
    // Not ours, or damaged: forget it.
  }
  forgetText(key);
  return null;
}

export function forgetText(key: string): void {
  storage()?.removeItem(key);
}

function keptKeys(): string[] {
  const store = storage();
  if (!store) return [];
  const keys: string[] = [];
  for (let index = 0; index < store.length; index += 1) {
    const key = store.key(index);
    if (key?.startsWith(PREFIX)) keys.push(key);
  }
  return keys;
}

/** Forgets what was kept more than a day ago (run on every page). */
export function forgetOldText(now = Date.now()): void {
  for (const key of keptKeys()) keptText(key, now);
}

/** Forgets everything kept, for every account (signing out). */
export function forgetAllText(): void {
  for (const key of keptKeys()) forgetText(key);
}
