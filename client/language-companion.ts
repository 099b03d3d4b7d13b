/**
 * The language companion beside long text fields. A textarea opts in with
 * data-language-audience="professional|family|child"; as the writer pauses, the text is
 * checked through POST /api/v1/language/check and suggestions appear below the field in a
 * polite live region. Each suggestion can be dismissed. Nothing is ever changed in the text
 * and saving is never blocked.
 */
interface Finding {
  entryId: string;
  kind: string;
  severity: string;
  matched: string;
  why: string;
  alternatives: string[];
}
interface Check {
  findings: Finding[];
  readability: { readingAge: number | null; target: number | null; withinTarget: boolean | null };
}

const PAUSE_MS = 600;

export function initLanguageCompanion(documentRef: Document = document): void {
  const csrfToken = documentRef.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? '';
  for (const field of documentRef.querySelectorAll<HTMLTextAreaElement>('textarea[data-language-audience]')) {
    attach(field, csrfToken, documentRef);
  }
}

function attach(field: HTMLTextAreaElement, csrfToken: string, documentRef: Document): void {
  const audience = field.dataset.languageAudience ?? 'professional';
  const panel = documentRef.createElement('div');
  panel.className = 'app-language-hints';
  panel.id = `${field.id}-language-hints`;
  panel.setAttribute('aria-live', 'polite');
  field.after(panel);
  const dismissed = new Set<string>();
  let timer: number | undefined;
  let latest = 0;

  const render = (check: Check) => {
    const shown = check.findings.filter(
      (finding) => !dismissed.has(`${finding.entryId}:${finding.matched.toLowerCase()}`),
    );
    panel.replaceChildren();
    if (shown.length === 0) return;
    const heading = documentRef.createElement('p');
    heading.className = 'govuk-body-s govuk-!-font-weight-bold govuk-!-margin-bottom-1';
    heading.textContent = shown.length === 1 ? 'One suggestion' : `${shown.length} suggestions`;
    const list = documentRef.createElement('ul');
    list.className = 'govuk-list app-language-hints__list';
    for (const finding of shown) {
      const item = documentRef.createElement('li');
      item.className = 'app-language-hints__item';
      const text = documentRef.createElement('span');
      text.className = 'govuk-body-s';
      const instead =
        finding.severity === 'describe'
          ? `say what happened instead (${finding.alternatives.join('; ')}).`
          : `try ${finding.alternatives.join(', or ')}.`;
      text.textContent = `“${finding.matched}”: ${instead} ${finding.why}`;
      const dismiss = documentRef.createElement('button');
      dismiss.type = 'button';
      dismiss.className = 'govuk-button govuk-button--secondary app-language-hints__dismiss';
      dismiss.textContent = 'Dismiss';
      dismiss.setAttribute('aria-label', `Dismiss the suggestion about “${finding.matched}”`);
      dismiss.addEventListener('click', () => {
        dismissed.add(`${finding.entryId}:${finding.matched.toLowerCase()}`);
        render(check);
        field.focus();
      });
      item.append(text, dismiss);
      list.append(item);
    }
    panel.append(heading, list);
  };

  const check = async () => {
    const requestNumber = ++latest;
    const text = field.value;
    if (!text.trim()) {
      panel.replaceChildren();
      return;
    }
    try {
      const response = await fetch('/api/v1/language/check', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': csrfToken },
        body: JSON.stringify({ text: text.slice(0, 100_000), audience }),
      });
      // Only the newest check is shown: a slow answer never overwrites a newer one.
      if (!response.ok || requestNumber !== latest) return;
      render((await response.json()) as Check);
    } catch {
      // Suggestions are a help, not a requirement: a failed check shows nothing.
    }
  };

  field.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void check(), PAUSE_MS);
  });
  if (field.value.trim()) void check();
}
