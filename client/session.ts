/**
 * The page's CSRF token, renewed without a refresh. A page keeps the token it was served with;
 * if the session ended and the person signed in again (in another tab, or this one), the new
 * session has a new token, so everything the page sends would be refused with 403. `renew()`
 * asks Kith for the current session's token and whose session it is, and puts the token in the
 * page (the meta tag and every form's `_csrf` field), so autosave and Save carry on.
 */
export type Renewal = 'renewed' | 'signed_out' | 'someone_else' | 'unreachable';

const DEFAULT_TOKEN_URL = '/api/v1/session/csrf-token';

export interface PageSession {
  /** The CSRF token to send now. */
  token(): string;
  /** Asks Kith for the current session; `owner` is the account the page was made for. */
  renew(owner: string): Promise<Renewal>;
}

export function pageSession(documentRef: Document = document, tokenUrl = DEFAULT_TOKEN_URL): PageSession {
  const meta = () => documentRef.querySelector<HTMLMetaElement>('meta[name="csrf-token"]');
  let pending: Promise<Renewal> | undefined;

  const renew = async (owner: string): Promise<Renewal> => {
    let response: Response;
    try {
      response = await fetch(tokenUrl, {
        credentials: 'same-origin',
        cache: 'no-store',
        headers: { accept: 'application/json' },
      });
    } catch {
      return 'unreachable';
    }
    if (response.status === 401) return 'signed_out';
    if (!response.ok) return 'unreachable';
    const body = (await response.json()) as { csrfToken: string; account: string };
    // Someone else signed in on this browser: this page's words must not be sent as theirs.
    if (owner && body.account !== owner) return 'someone_else';
    meta()?.setAttribute('content', body.csrfToken);
    for (const field of documentRef.querySelectorAll<HTMLInputElement>('input[name="_csrf"]')) {
      field.value = body.csrfToken;
    }
    documentRef.dispatchEvent(new CustomEvent('kith:session-active'));
    return 'renewed';
  };

  return {
    token: () => meta()?.content ?? '',
    // One question at a time: several forms (or a poll and a save) asking at once share it.
    renew: (owner) => {
      pending ??= renew(owner).finally(() => {
        pending = undefined;
      });
      return pending;
    },
  };
}
