/**
 * The idle timeout warning. Two minutes before the session would end, a modal dialog says so
 * and offers "Stay signed in", which refreshes the session on the server (WCAG 2.2.1 Timing
 * Adjustable). If nothing happens, the page goes to the sign-in page when the time is up.
 */
const WARN_BEFORE_MS = 2 * 60_000;

export function initTimeoutWarning(documentRef: Document = document): void {
  const dialog = documentRef.querySelector<HTMLDialogElement>('#app-timeout-warning');
  if (!dialog || typeof dialog.showModal !== 'function') return;
  const keepAliveUrl = dialog.dataset.keepAliveUrl ?? '';
  const signInUrl = dialog.dataset.signInUrl ?? '/sign-in';
  const countdown = dialog.querySelector<HTMLElement>('.app-timeout-warning__countdown');
  const stayButton = dialog.querySelector<HTMLButtonElement>('.app-timeout-warning__stay');
  // Read when needed: a page whose session was renewed (drafts.ts) holds a new token.
  const csrfToken = () => documentRef.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? '';
  let expiresAt = Date.parse(dialog.dataset.idleExpiresAt ?? '');
  if (Number.isNaN(expiresAt)) return;
  let warnTimer: number | undefined;
  let tickTimer: number | undefined;

  const describe = (msLeft: number) => {
    const seconds = Math.max(0, Math.ceil(msLeft / 1000));
    if (seconds > 60) return `in ${Math.ceil(seconds / 60)} minutes`;
    return `in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}`;
  };

  const tick = () => {
    const msLeft = expiresAt - Date.now();
    if (msLeft <= 0) {
      const returnTo = encodeURIComponent(window.location.pathname + window.location.search);
      window.location.assign(`${signInUrl}?returnTo=${returnTo}`);
      return;
    }
    // Update the words every 15 seconds, not every second, so screen readers are not flooded.
    if (countdown) countdown.textContent = describe(msLeft);
  };

  const schedule = () => {
    window.clearTimeout(warnTimer);
    window.clearInterval(tickTimer);
    warnTimer = window.setTimeout(
      () => {
        tick();
        if (!dialog.open) dialog.showModal();
        stayButton?.focus();
        tickTimer = window.setInterval(tick, 15_000);
      },
      Math.max(0, expiresAt - Date.now() - WARN_BEFORE_MS),
    );
  };

  stayButton?.addEventListener('click', () => {
    void fetch(keepAliveUrl, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'x-csrf-token': csrfToken(), accept: 'application/json' },
    })
      .then(async (response) => {
        if (!response.ok) throw new Error(String(response.status));
        const body = (await response.json()) as { idleExpiresAt: string | null };
        if (body.idleExpiresAt) expiresAt = Date.parse(body.idleExpiresAt);
        dialog.close();
        schedule();
      })
      .catch(() => {
        window.location.assign(signInUrl);
      });
  });
  // Work saved in the background (a draft) is activity: the server has refreshed the session,
  // so count the idle time again from now. The server notes activity at most every 15 seconds,
  // so count from 15 seconds earlier to be safe.
  const idleMs = expiresAt - Date.now();
  documentRef.addEventListener('kith:session-active', () => {
    if (dialog.open) return;
    expiresAt = Math.max(expiresAt, Date.now() + idleMs - 15_000);
    schedule();
  });
  dialog.addEventListener('cancel', (event) => {
    // Escape means "I'm still here": keep the session rather than just hiding the warning.
    event.preventDefault();
    stayButton?.click();
  });
  schedule();
}
