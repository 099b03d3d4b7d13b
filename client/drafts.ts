/**
 * Nothing typed is lost. A form with data-draft-url sends what is typed to the server as a
 * draft a moment after typing pauses (and at least every few seconds while it goes on), and
 * again when the page is hidden or left (fetch keepalive). While the connection is down the text
 * simply stays in the page, and is sent when the connection returns. A polite live region says
 * what happened. If the same draft was saved from another window meanwhile (the server refuses
 * the stale version), both versions are shown and nothing is overwritten.
 *
 * When the session ends (timed out, or the cookie is gone) the server cannot take the text, and
 * the page may be reloaded or left to sign in. Then, and only then, what the server does not
 * have yet is kept in the browser (kept-text.ts: per account and form, at most a day, forgotten
 * on signing out), and put back when this person opens the form again. The page asks Kith for
 * the session's new CSRF token when a save is refused (session.ts), so signing in again in
 * another tab lets autosave and Save carry on without a refresh; Save while signed out goes to
 * sign in and back to this form instead of sending the form to be lost.
 */
import { forgetAllText, forgetOldText, forgetText, keepText, keptText, keptTextKey } from './kept-text.js';
import type { FormContent as DraftContent } from './kept-text.js';
import { pageSession, type PageSession, type Renewal } from './session.js';
import { storableText } from './storable-text.js';

interface Theirs {
  content: DraftContent;
  version: number;
  savedAt: string;
}

const PAUSE_MS = 1_500;
const MAX_WAIT_MS = 8_000;
const RETRY_MS = 5_000;
/** While signed out, how often the page looks whether its person has signed in again elsewhere. */
const SIGNED_OUT_POLL_MS = 10_000;
/** Browsers refuse keepalive bodies over 64 KB; larger drafts are sent as an ordinary request. */
const KEEPALIVE_LIMIT = 60_000;

const clock = (date: Date) => new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' }).format(date);

/** Set while a sign-out form is being sent: nothing may be kept in the browser after it. */
let signingOut = false;

export function initDraftAutosave(documentRef: Document = document): void {
  forgetOldText();
  // Signing out forgets everything kept in this browser, for every account (shared computers).
  documentRef.addEventListener('submit', (event) => {
    const form = event.target;
    if (
      form instanceof HTMLFormElement &&
      new URL(form.action, window.location.href).pathname.startsWith('/sign-out')
    ) {
      signingOut = true;
      forgetAllText();
    }
  });
  if (new URLSearchParams(window.location.search).has('signedOut')) forgetAllText();
  const forms = documentRef.querySelectorAll<HTMLFormElement>('form[data-draft-url]');
  if (forms.length === 0) return;
  const session = pageSession(documentRef, forms[0]?.dataset.sessionTokenUrl);
  for (const form of forms) attach(form, session, documentRef);
}

function contentOf(form: HTMLFormElement): DraftContent {
  const content: DraftContent = {};
  for (const [name, value] of new FormData(form)) {
    if (name === '_csrf' || name === '_submission' || typeof value !== 'string') continue;
    const existing = content[name];
    const text = storableText(value);
    if (existing === undefined) content[name] = text;
    else content[name] = Array.isArray(existing) ? [...existing, text] : [existing, text];
  }
  return content;
}

/** Puts kept text back in the form's fields (hidden fields, like the version a correction began from, stay). */
function fill(form: HTMLFormElement, content: DraftContent): void {
  const valuesOf = (name: string) => {
    const value = content[name];
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
  };
  for (const field of form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[name], textarea[name]')) {
    if (field.name === '_csrf' || field.type === 'hidden' || field.type === 'file') continue;
    if (field instanceof HTMLInputElement && (field.type === 'radio' || field.type === 'checkbox')) {
      field.checked = valuesOf(field.name).includes(field.value);
    } else {
      field.value = valuesOf(field.name)[0] ?? '';
    }
  }
}

/** The same words, give or take the spaces the server trims. */
const sameWords = (a: DraftContent, b: DraftContent) => {
  const plain = (content: DraftContent) =>
    JSON.stringify(
      Object.entries(content)
        .map(([name, value]) => [name, Array.isArray(value) ? value.map((v) => v.trim()) : value.trim()])
        .filter(([, value]) => value !== '' && !(Array.isArray(value) && value.length === 0))
        .sort(([x], [y]) => String(x).localeCompare(String(y))),
    );
  return plain(a) === plain(b);
};

function attach(form: HTMLFormElement, session: PageSession, documentRef: Document): void {
  const url = form.dataset.draftUrl ?? '';
  const owner = form.dataset.draftOwner ?? '';
  const signInUrl = form.dataset.signInUrl ?? '/sign-in';
  const keptKey = keptTextKey(owner, url);
  let version = Number(form.dataset.draftVersion ?? '0') || 0;
  const status = form.querySelector<HTMLElement>('.app-draft-status');
  const conflictPanel = form.querySelector<HTMLElement>('.app-draft-conflict');
  let lastSaved = JSON.stringify(contentOf(form));
  let pauseTimer: number | undefined;
  let maxWaitTimer: number | undefined;
  let retryTimer: number | undefined;
  let pollTimer: number | undefined;
  let sending = false;
  let again = false;
  let disconnected = false;
  let inConflict = false;
  let submitting = false;
  let submitChecked = false;
  /** Why the server cannot take this page's text just now, if it cannot. */
  let cannotSend: 'signed_out' | 'someone_else' | null = null;

  const say = (text: string) => {
    if (status && (status.textContent !== text || status.childElementCount > 0)) status.textContent = text;
  };

  const unsent = () => JSON.stringify(contentOf(form)) !== lastSaved;

  /** Keeps what the server does not have yet in the browser (or forgets it once it has). */
  const keep = () => {
    if (signingOut || submitting || !owner) return;
    if (unsent()) keepText(keptKey, { keptAt: Date.now(), baseVersion: version, content: contentOf(form) });
    else forgetText(keptKey);
  };

  const signInHref = () => {
    const returnTo = window.location.pathname + window.location.search;
    const target = new URL(signInUrl, window.location.href);
    target.searchParams.set('returnTo', returnTo);
    target.searchParams.set('kept', '1');
    return target.pathname + target.search;
  };

  // In the status line (kept in sight at the foot of the window): a link to sign in and come
  // back here, text and all.
  const link = documentRef.createElement('a');
  link.className = 'govuk-link app-draft-sign-in';
  link.addEventListener('click', () => {
    link.href = signInHref();
    keep();
  });

  const cannotSendNow = (why: 'signed_out' | 'someone_else') => {
    const alreadySaid = cannotSend === why && link.isConnected;
    cannotSend = why;
    keep();
    window.clearTimeout(pollTimer);
    pollTimer = window.setTimeout(() => void recover(), SIGNED_OUT_POLL_MS);
    // Said once: looking again every few seconds must not announce it again and again.
    if (alreadySaid) return;
    say(
      why === 'signed_out'
        ? 'You have been signed out, so your newest text has not been saved. It is kept on this page and in this browser.'
        : 'Someone else has signed in to Kith in this browser, so your newest text has not been saved as theirs. It is kept on this page and in this browser for you.',
    );
    link.textContent = why === 'signed_out' ? 'Sign in again to save it' : 'Sign in again as yourself to save it';
    link.href = signInHref();
    status?.append(' ', link, '. If you sign in in another tab instead, this page carries on saving by itself.');
    window.clearTimeout(pollTimer);
    pollTimer = window.setTimeout(() => void recover(), SIGNED_OUT_POLL_MS);
  };

  /** Looks whether this person is signed in again (here or in another tab); if so, carries on saving. */
  const recover = async (): Promise<Renewal> => {
    window.clearTimeout(pollTimer);
    const renewal = await session.renew(owner);
    if (renewal === 'renewed') {
      cannotSend = null;
      if (link.isConnected) say('');
    } else if (renewal === 'signed_out' || renewal === 'someone_else') {
      cannotSendNow(renewal);
    } else if (cannotSend) {
      pollTimer = window.setTimeout(() => void recover(), SIGNED_OUT_POLL_MS);
    }
    return renewal;
  };

  const scheduleRetry = () => {
    window.clearTimeout(retryTimer);
    retryTimer = window.setTimeout(() => void save(false), RETRY_MS);
  };

  const put = (body: string, leaving: boolean) =>
    fetch(url, {
      method: 'PUT',
      credentials: 'same-origin',
      keepalive: leaving && body.length < KEEPALIVE_LIMIT,
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': session.token() },
      body,
    });

  const save = async (leaving: boolean): Promise<void> => {
    window.clearTimeout(pauseTimer);
    window.clearTimeout(maxWaitTimer);
    pauseTimer = undefined;
    maxWaitTimer = undefined;
    if (submitting || inConflict) return;
    if (leaving) keep();
    const content = contentOf(form);
    const snapshot = JSON.stringify(content);
    if (snapshot === lastSaved) return;
    if (sending && !leaving) {
      again = true;
      return;
    }
    if (cannotSend) {
      keep();
      // Leaving: no time to ask; what is kept in the browser comes back with this person.
      if (leaving || (await recover()) !== 'renewed') return;
    }
    sending = true;
    const body = JSON.stringify({ content, expectedVersion: version });
    try {
      let response = await put(body, leaving);
      if ((response.status === 401 || response.status === 403) && !leaving) {
        // A new session (signed in again, perhaps in another tab) has a new token: ask for it and try once more.
        const renewal = await recover();
        if (renewal === 'renewed') response = await put(body, false);
        else if (renewal !== 'unreachable') return;
      }
      if (response.ok) {
        const saved = (await response.json()) as { version: number; savedAt: string };
        version = saved.version;
        lastSaved = snapshot;
        say(`${disconnected ? 'Saved after reconnecting' : 'Saved'} ${clock(new Date(saved.savedAt))}`);
        disconnected = false;
        window.clearTimeout(retryTimer);
        keep();
        // Typing keeps someone signed in: the save refreshed the session on the server.
        documentRef.dispatchEvent(new CustomEvent('kith:session-active'));
      } else if (response.status === 409) {
        const problem = (await response.json()) as { theirs: Theirs };
        showConflict(problem.theirs);
      } else if (response.status === 401) {
        cannotSendNow('signed_out');
      } else if (response.status === 403) {
        say('You cannot save a draft of this form. What you typed is still on this page.');
      } else if (response.status >= 400 && response.status < 500) {
        // Refused for what it says: sending the same again would be refused again, so no retry
        // loop; the next change typed is tried afresh. The text stays on the page.
        keep();
        say('This draft could not be saved as it is. What you typed is still on this page: press Save to check it.');
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
    const keepMine = documentRef.createElement('button');
    keepMine.type = 'button';
    keepMine.className = 'govuk-button govuk-button--secondary govuk-!-margin-right-2';
    keepMine.textContent = 'Keep what is on this page';
    keepMine.addEventListener('click', () => {
      version = theirs.version;
      inConflict = false;
      conflictPanel.hidden = true;
      lastSaved = '';
      void save(false);
    });
    const useTheirs = documentRef.createElement('button');
    useTheirs.type = 'button';
    useTheirs.className = 'govuk-button govuk-button--secondary';
    useTheirs.textContent = 'Use the other window’s version';
    useTheirs.addEventListener('click', () => {
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
    conflictPanel.append(list, keepMine, useTheirs);
    conflictPanel.hidden = false;
    say('This draft was also changed in another window. Both versions are shown; choose which to keep.');
  };

  form.addEventListener('input', () => {
    if (submitting) return;
    if (cannotSend) keep();
    window.clearTimeout(pauseTimer);
    pauseTimer = window.setTimeout(() => void save(false), PAUSE_MS);
    maxWaitTimer ??= window.setTimeout(() => void save(false), MAX_WAIT_MS);
  });
  form.addEventListener('change', () => {
    if (cannotSend) keep();
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
    if (submitChecked) {
      // The session is this person's and the form carries its token: send it. Once sent, what
      // the browser kept is not needed (an error shows the form again with everything in it).
      submitting = true;
      forgetText(keptKey);
      return;
    }
    // First make sure the form will arrive: a form sent while signed out is lost, and one sent
    // with an old session's token is refused.
    event.preventDefault();
    const submitter = event.submitter;
    void recover().then((renewal) => {
      if (renewal === 'renewed') {
        submitChecked = true;
        form.requestSubmit(submitter instanceof HTMLButtonElement ? submitter : null);
        submitChecked = false;
      } else if (renewal === 'signed_out') {
        keep();
        window.location.assign(signInHref());
      } else if (renewal === 'unreachable') {
        say(
          'Kith could not be reached, so nothing was sent. Your text is safe on this page: try Save again in a moment.',
        );
      }
    });
  });
  const lookAgain = () => {
    if (!cannotSend) return;
    void recover().then((renewal) => {
      if (renewal === 'renewed') void save(false);
    });
  };
  window.addEventListener('online', () => void save(false));
  window.addEventListener('focus', lookAgain);
  documentRef.addEventListener('visibilitychange', () => {
    if (documentRef.visibilityState === 'hidden') void save(true);
    else lookAgain();
  });
  window.addEventListener('pagehide', () => void save(true));

  // Text kept in this browser after the session ended: put it back, say so, and save it.
  const kept = owner ? keptText(keptKey) : null;
  if (kept) {
    if (sameWords(kept.content, contentOf(form))) {
      forgetText(keptKey);
    } else {
      fill(form, kept.content);
      // Text that follows on from an older draft than the server's now: saving it is refused as
      // stale, and both versions are shown, as for another window.
      if (kept.baseVersion < version) version = kept.baseVersion;
      const notice = documentRef.createElement('div');
      notice.className = 'govuk-inset-text app-draft-kept';
      notice.textContent = `We put back what you typed at ${clock(new Date(kept.keptAt))}, after you were signed out: it was kept in this browser. Check it, then carry on. It is being saved as your draft now.`;
      form.before(notice);
      void save(false);
    }
  }
}
