/**
 * Adding a photo, drawing or PDF: the file is sent as base64 through the JSON API (the server
 * decides its type from its content and refuses anything else), then the page shows it. A
 * refusal is shown on the field in the GOV.UK way; what was chosen stays chosen.
 */
const MAX_BYTES = 10 * 1024 * 1024;

export function initUploads(documentRef: Document = document): void {
  const csrfToken = documentRef.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? '';
  for (const form of documentRef.querySelectorAll<HTMLFormElement>('form.app-upload-form')) {
    documentRef.querySelector<HTMLElement>('.app-upload-needs-script')?.setAttribute('hidden', '');
    form.hidden = false;
    attach(form, csrfToken);
  }
}

function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const result = reader.result;
      resolve(typeof result === 'string' ? result.replace(/^data:[^,]*,/, '') : '');
    };
    reader.onerror = () => {
      reject(reader.error ?? new Error('could not read the file'));
    };
    reader.readAsDataURL(file);
  });
}

function attach(form: HTMLFormElement, csrfToken: string): void {
  const input = form.querySelector<HTMLInputElement>('input[type="file"]')!;
  const description = form.querySelector<HTMLInputElement>('input[name="description"]');
  const error = form.querySelector<HTMLElement>('.govuk-error-message');
  const status = form.querySelector<HTMLElement>('.app-upload-status');
  const group = input.closest('.govuk-form-group');

  const showError = (message: string) => {
    if (!error) return;
    error.hidden = false;
    error.textContent = `Error: ${message}`;
    group?.classList.add('govuk-form-group--error');
    input.classList.add('govuk-file-upload--error');
    input.setAttribute('aria-describedby', `${input.id}-hint ${error.id}`);
    if (status) status.textContent = '';
    input.focus();
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const file = input.files?.[0];
    if (!file) {
      showError('Select a photo, drawing or PDF');
      return;
    }
    if (file.size > MAX_BYTES) {
      showError('The selected file must be smaller than 10 MB');
      return;
    }
    if (status) status.textContent = 'Adding…';
    void base64Of(file)
      .then((contentBase64) =>
        fetch(form.dataset.uploadUrl ?? '', {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': csrfToken },
          body: JSON.stringify({
            belongsTo: form.dataset.belongsTo,
            belongsToId: form.dataset.belongsToId || null,
            fileName: file.name,
            description: description?.value || null,
            contentBase64,
          }),
        }),
      )
      .then(async (response) => {
        if (response.status === 201) {
          window.location.reload();
          return;
        }
        const problem = (await response.json().catch(() => ({}))) as { detail?: string };
        showError(
          response.status === 413
            ? 'The selected file must be smaller than 10 MB'
            : (problem.detail ?? 'The file could not be added'),
        );
      })
      .catch(() => {
        showError('The file could not be added. Check your connection and try again');
      });
  });
}
