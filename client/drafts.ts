/**
 * Nothing typed is lost. A form with data-draft-url sends what is typed to the server as a
 * draft a moment after typing pauses (and at least every few seconds while it goes on), and
 * again when the page is hidden or left (fetch keepalive). The draft lives on the server only:
 * case text is never written to localStorage, sessionStorage or IndexedDB. While the connection
 * is down the text simply stays in the page, and is sent when the connection returns. A polite
 * live region says what happened. If the same draft was saved from another window meanwhile
 * (the server refuses the stale version), both versions are shown and nothing is overwritten.
 */
type DraftContent = Record<string, string | string[]>;
interface Theirs {
  content: DraftContent;
  version: number;
  savedAt: string;
}

const PAUSE_MS = 1_500;
const MAX_WAIT_MS = 8_000;
const RETRY_MS = 5_000;
/** Browsers refuse keepalive bodies over 64 KB; larger drafts are sent as an ordinary request. */
const KEEPALIVE_LIMIT = 60_000;

const clock = (date: Date) => new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' }).format(date);

export function initDraftAutosave(documentRef: Document = document): void {
  const csrfToken = documentRef.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? '';
  for (const form of documentRef.querySelectorAll<HTMLFormElement>('form[data-draft-url]')) {
    attach(form, csrfToken, documentRef);
  }
}

function contentOf(form: HTMLFormElement): DraftContent {
  const content: DraftContent = {};
  for (const [name, value] of new FormData(form)) {
    if (name === '_csrf' || typeof value !== 'string') continue;
    const existing = content[name];
    if (existing === undefined) content[name] = value;
    else content[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return content;
}

function attach(form: HTMLFormElement, csrfToken: string, documentRef: Document): void {
  const url = form.dataset.draftUrl ?? '';
  let version = Number(form.dataset.draftVersion ?? '0') || 0;
  const status = form.querySelector<HTMLElement>('.app-draft-status');
  const conflictPanel = form.querySelector<HTMLElement>('.app-draft-conflict');
  let lastSaved = JSON.stringify(contentOf(form));
  let pauseTimer: number | undefined;
  let maxWaitTimer: number | undefined;
  let retryTimer: number | undefined;
  let sending = false;
  let again = false;
  let disconnected = false;
  let inConflict = false;
  let submitting = false;

  const say = (text: string) => {
    if (status && status.textContent !== text) status.textContent = text;
  };

  const scheduleRetry = () => {
    window.clearTimeout(retryTimer);
    retryTimer = window.setTimeout(() => void save(false), RETRY_MS);
  };

  const save = async (leaving: boolean): Promise<void> => {
    window.clearTimeout(pauseTimer);
    window.clearTimeout(maxWaitTimer);
    pauseTimer = undefined;
    maxWaitTimer = undefined;
    if (submitting || inConflict) return;
    const content = contentOf(form);
    const snapshot = JSON.stringify(content);
    if (snapshot === lastSaved) return;
    if (sending && !leaving) {
      again = true;
      return;
    }
    sending = true;
    const body = JSON.stringify({ content, expectedVersion: version });
    try {
      const response = await fetch(url, {
        method: 'PUT',
        credentials: 'same-origin',
        keepalive: leaving && body.length < KEEPALIVE_LIMIT,
        headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': csrfToken },
        body,
      });
      if (response.ok) {
        const saved = (await response.json()) as { version: number; savedAt: string };
        version = saved.version;
        lastSaved = snapshot;
        say(`${disconnected ? 'Saved after reconnecting' : 'Saved'} ${clock(new Date(saved.savedAt))}`);
        disconnected = false;
        window.clearTimeout(retryTimer);
        // Typing keeps someone signed in: the save refreshed the session on the server.
        documentRef.dispatchEvent(new CustomEvent('kith:session-active'));
      } else if (response.status === 409) {
        const problem = (await response.json()) as { theirs: Theirs };
        showConflict(problem.theirs);
      } else if (response.status === 401 || response.status === 403) {
        say(
          'You have been signed out, so the newest text has not been saved. It is still on this page: copy it, then sign in again.',
        );
      } else {
        say('Your text could not be saved just now. It is safe on this page; we will try again.');
        scheduleRetry();
      }
    } catch {
      // No connection (or it dropped): the text stays here, in the page only, until it returns.
      disconnected = true;
      say('Not connected: your text is safe on this page and will be saved when the connection returns.');
      scheduleRetry();
    } finally {
      sending = false;
      if (again) {
        again = false;
        void save(false);
      }
    }
  };

  const showConflict = (theirs: Theirs) => {
    inConflict = true;
    if (!conflictPanel) return;
    const mine = contentOf(form);
    conflictPanel.replaceChildren();
    conflictPanel.className = 'app-draft-conflict govuk-inset-text';
    const heading = documentRef.createElement('h2');
    heading.className = 'govuk-heading-m';
    heading.textContent = 'This draft was also changed in another window';
    const explain = documentRef.createElement('p');
    explain.className = 'govuk-body';
    explain.textContent = `It was saved there at ${clock(new Date(theirs.savedAt))}. Neither version has been overwritten. What was saved there is below; what you typed here is still in the form.`;
    conflictPanel.append(heading, explain);
    const list = documentRef.createElement('dl');
    list.className = 'govuk-summary-list';
    for (const [name, value] of Object.entries(theirs.content)) {
      const text = Array.isArray(value) ? value.join(', ') : value;
      const ours = mine[name];
      if (text === (Array.isArray(ours) ? ours.join(', ') : (ours ?? ''))) continue;
      const label = form.querySelector(`label[for="${CSS.escape(name)}"]`)?.textContent?.trim() ?? name;
      const row = documentRef.createElement('div');
      row.className = 'govuk-summary-list__row';
      const key = documentRef.createElement('dt');
      key.className = 'govuk-summary-list__key';
      key.textContent = label;
      const saved = documentRef.createElement('dd');
      saved.className = 'govuk-summary-list__value app-draft-conflict__text';
      saved.textContent = text || '(empty)';
      row.append(key, saved);
      list.append(row);
    }
    const keep = documentRef.createElement('button');
    keep.type = 'button';
    keep.className = 'govuk-button govuk-button--secondary govuk-!-margin-right-2';
    keep.textContent = 'Keep what is on this page';
    keep.addEventListener('click', () => {
      version = theirs.version;
      inConflict = false;
      conflictPanel.hidden = true;
      lastSaved = '';
      void save(false);
    });
    const use = documentRef.createElement('button');
    use.type = 'button';
    use.className = 'govuk-button govuk-button--secondary';
    use.textContent = 'Use the other window’s version';
    use.addEventListener('click', () => {
      for (const [name, value] of Object.entries(theirs.content)) {
        const field = form.elements.namedItem(name);
        if (field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement) {
          if (typeof value === 'string' && field.type !== 'radio' && field.type !== 'checkbox') field.value = value;
        }
      }
      version = theirs.version;
      inConflict = false;
      conflictPanel.hidden = true;
      lastSaved = JSON.stringify(contentOf(form));
      say('Using the version saved in the other window');
    });
    conflictPanel.append(list, keep, use);
    conflictPanel.hidden = false;
    say('This draft was also changed in another window. Both versions are shown; choose which to keep.');
  };

  form.addEventListener('input', () => {
    if (submitting) return;
    window.clearTimeout(pauseTimer);
    pauseTimer = window.setTimeout(() => void save(false), PAUSE_MS);
    maxWaitTimer ??= window.setTimeout(() => void save(false), MAX_WAIT_MS);
  });
  form.addEventListener('change', () => {
    window.clearTimeout(pauseTimer);
    pauseTimer = window.setTimeout(() => void save(false), PAUSE_MS);
  });
  form.addEventListener('submit', (event) => {
    if (!navigator.onLine) {
      // Sending now would lose the page to the browser's "no connection" screen.
      event.preventDefault();
      say('Not connected: your text is safe on this page. Save again when the connection returns.');
      return;
    }
    submitting = true;
  });
  window.addEventListener('online', () => void save(false));
  documentRef.addEventListener('visibilitychange', () => {
    if (documentRef.visibilityState === 'hidden') void save(true);
  });
  window.addEventListener('pagehide', () => void save(true));
}
