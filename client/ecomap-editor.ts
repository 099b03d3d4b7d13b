/**
 * Editing the ecomap in the browser: add someone, draw a relationship, move people, change a
 * tie. Every change goes through the same JSON API the forms' rules guard, then the server
 * draws the map again, so what you see is always what is saved. Without JavaScript, the
 * forms on the page do all of this.
 *
 * Moving has a keyboard way (focus a person, Shift + arrow keys) and a single-pointer way
 * ("Move someone", then the person, then the place), so dragging is never the only way
 * (WCAG 2.5.7). Results are announced in a polite live region.
 */

interface NetworkPerson {
  id: string;
  fullName: string;
  knownAs: string | null;
  circle: string | null;
}
interface NetworkRelationship {
  id: string;
  version: number;
  fromPersonId: string;
  toPersonId: string;
  type: string;
  closeness: string;
  quality: string;
  supportFlows: string;
  lovesTheChild: boolean | null;
  childLovesThem: boolean | null;
  lifelongConnection: boolean;
  safetyNetworkRole: string | null;
  startedOn: string | null;
  endedOn: string | null;
  notes: string | null;
}
interface Network {
  childId: string;
  people: NetworkPerson[];
  relationships: NetworkRelationship[];
}

type Mode = { kind: 'idle' } | { kind: 'draw'; firstId?: string } | { kind: 'move'; personId?: string };

const TYPES: [string, string][] = [
  ['mother', 'Mother'],
  ['father', 'Father'],
  ['parent', 'Parent'],
  ['step_parent', 'Step-parent'],
  ['carer', 'Carer'],
  ['grandmother', 'Grandmother'],
  ['grandfather', 'Grandfather'],
  ['grandparent', 'Grandparent'],
  ['sibling', 'Brother or sister'],
  ['half_sibling', 'Half-sibling'],
  ['step_sibling', 'Step-sibling'],
  ['aunt', 'Aunt'],
  ['uncle', 'Uncle'],
  ['cousin', 'Cousin'],
  ['partner', 'Partners'],
  ['married', 'Married'],
  ['separated', 'Separated'],
  ['divorced', 'Divorced'],
  ['godparent', 'Godparent'],
  ['family_friend', 'Family friend'],
  ['friend', 'Friend'],
  ['neighbour', 'Neighbour'],
  ['teacher', 'Teacher'],
  ['youth_worker', 'Youth worker'],
  ['coach', 'Coach'],
  ['social_worker', 'Social worker'],
  ['health_visitor', 'Health visitor'],
  ['doctor', 'Doctor'],
  ['member', 'Member or regular'],
  ['other', 'Something else'],
];
const CLOSENESS: [string, string][] = [
  ['strong', 'Strong'],
  ['moderate', 'Moderate'],
  ['tenuous', 'Tenuous'],
];
const QUALITY: [string, string][] = [
  ['supportive', 'Supportive'],
  ['mixed', 'Mixed'],
  ['stressful', 'Stressful'],
  ['broken', 'Broken off'],
];
const CIRCLES: [string, string][] = [
  ['family', 'Family'],
  ['friends_and_community', 'Friends and community'],
  ['professional', 'Professionals'],
];

const nameOf = (person: NetworkPerson) => person.knownAs ?? person.fullName;

export function initEcomapEditors(documentRef: Document = document): void {
  for (const figure of documentRef.querySelectorAll<HTMLElement>('.app-ecomap[data-editable="true"]')) {
    new EcomapEditor(figure, documentRef);
  }
}

class EcomapEditor {
  private mode: Mode = { kind: 'idle' };
  private network: Network | null = null;
  private readonly childId: string;
  private readonly csrfToken: string;
  private readonly status: HTMLElement;
  private readonly toolbar: HTMLElement;
  private drag: {
    personId: string;
    element: SVGGraphicsElement;
    startX: number;
    startY: number;
    x: number;
    y: number;
    moved: boolean;
  } | null = null;

  constructor(
    private figure: HTMLElement,
    private readonly documentRef: Document,
  ) {
    this.childId = figure.dataset.childId ?? '';
    this.csrfToken = documentRef.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? '';
    this.toolbar = this.buildToolbar();
    this.status = documentRef.createElement('p');
    this.status.className = 'govuk-body-s app-ecomap__status';
    this.status.setAttribute('role', 'status');
    this.status.setAttribute('aria-live', 'polite');
    this.toolbar.after(this.status);
    this.bind();
    void this.loadNetwork();
  }

  private get api(): string {
    return `/api/v1/children/${encodeURIComponent(this.childId)}/network`;
  }

  private buildToolbar(): HTMLElement {
    const toolbar = this.documentRef.createElement('div');
    toolbar.className = 'app-ecomap__toolbar govuk-button-group';
    const button = (text: string, action: () => void) => {
      const element = this.documentRef.createElement('button');
      element.type = 'button';
      element.className = 'govuk-button govuk-button--secondary govuk-!-margin-bottom-2';
      element.textContent = text;
      element.addEventListener('click', action);
      toolbar.append(element);
      return element;
    };
    button('Add someone', () => {
      this.openAddPerson();
    });
    button('Draw a relationship', () => {
      this.setMode({ kind: 'draw' }, 'Choose the first person, then the second.');
    });
    button('Move someone', () => {
      this.setMode({ kind: 'move' }, 'Choose a person, then the place to move them to.');
    });
    this.figure.before(toolbar);
    return toolbar;
  }

  private announce(message: string): void {
    this.status.textContent = message;
  }

  private setMode(mode: Mode, message: string): void {
    this.mode = mode;
    this.figure.classList.toggle('app-ecomap--choosing', mode.kind !== 'idle');
    this.announce(message);
  }

  private svg(): SVGSVGElement | null {
    return this.figure.querySelector('svg');
  }

  private async loadNetwork(): Promise<void> {
    const response = await fetch(this.api, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
    if (response.ok) this.network = (await response.json()) as Network;
  }

  private bind(): void {
    this.figure.classList.add('app-ecomap--editable');
    this.figure.querySelector<HTMLElement>('.app-ecomap__hint')?.removeAttribute('hidden');
    // Delegated, so the listeners survive the map being drawn again after each change.
    this.figure.addEventListener('pointerdown', (event) => {
      this.onPointerDown(event);
    });
    this.figure.addEventListener('pointermove', (event) => {
      this.onPointerMove(event);
    });
    this.figure.addEventListener('pointerup', (event) => void this.onPointerUp(event));
    this.figure.addEventListener('click', (event) => void this.onClick(event));
    this.figure.addEventListener('keydown', (event) => void this.onKeyDown(event));
  }

  private personAt(target: EventTarget | null): SVGGraphicsElement | null {
    return target instanceof Element ? target.closest<SVGGraphicsElement>('.ecomap-person') : null;
  }

  private toSvgPoint(clientX: number, clientY: number): { x: number; y: number } {
    const svg = this.svg();
    const matrix = svg?.getScreenCTM();
    if (!svg || !matrix) return { x: 0, y: 0 };
    const point = new DOMPoint(clientX, clientY).matrixTransform(matrix.inverse());
    return { x: point.x, y: point.y };
  }

  private onPointerDown(event: PointerEvent): void {
    const element = this.personAt(event.target);
    if (!element || this.mode.kind !== 'idle' || element.classList.contains('ecomap-person--child')) return;
    const point = this.toSvgPoint(event.clientX, event.clientY);
    this.drag = {
      personId: element.dataset.personId ?? '',
      element,
      startX: point.x,
      startY: point.y,
      x: Number(element.dataset.x),
      y: Number(element.dataset.y),
      moved: false,
    };
    element.setPointerCapture(event.pointerId);
  }

  private onPointerMove(event: PointerEvent): void {
    if (!this.drag) return;
    const point = this.toSvgPoint(event.clientX, event.clientY);
    const dx = point.x - this.drag.startX;
    const dy = point.y - this.drag.startY;
    if (Math.hypot(dx, dy) > 4) this.drag.moved = true;
    this.drag.element.setAttribute('transform', `translate(${dx} ${dy})`);
  }

  private async onPointerUp(event: PointerEvent): Promise<void> {
    const drag = this.drag;
    this.drag = null;
    if (!drag?.moved) return;
    event.preventDefault();
    const point = this.toSvgPoint(event.clientX, event.clientY);
    await this.savePosition(drag.personId, drag.x + point.x - drag.startX, drag.y + point.y - drag.startY);
  }

  private async onClick(event: MouseEvent): Promise<void> {
    const element = this.personAt(event.target);
    if (this.mode.kind === 'idle') {
      // A drag ends in a click on the link; do not follow it.
      if (element && element.getAttribute('transform')) event.preventDefault();
      const tie = event.target instanceof Element ? event.target.closest<SVGElement>('.ecomap-tie') : null;
      if (tie?.dataset.relationshipId) this.openChangeTie(tie.dataset.relationshipId);
      return;
    }
    event.preventDefault();
    if (this.mode.kind === 'draw') {
      if (!element?.dataset.personId) return;
      if (!this.mode.firstId) {
        this.mode = { kind: 'draw', firstId: element.dataset.personId };
        this.announce(
          `${element.getAttribute('aria-label')?.split(',')[0] ?? 'First person'} chosen. Now choose the second person.`,
        );
        return;
      }
      const firstId = this.mode.firstId;
      this.setMode({ kind: 'idle' }, '');
      this.openDrawRelationship(firstId, element.dataset.personId);
      return;
    }
    if (this.mode.kind === 'move') {
      if (!this.mode.personId) {
        if (!element?.dataset.personId || element.classList.contains('ecomap-person--child')) return;
        this.mode = { kind: 'move', personId: element.dataset.personId };
        this.announce('Now choose the place to move them to.');
        return;
      }
      const point = this.toSvgPoint(event.clientX, event.clientY);
      const personId = this.mode.personId;
      this.setMode({ kind: 'idle' }, '');
      await this.savePosition(personId, point.x, point.y);
    }
  }

  private async onKeyDown(event: KeyboardEvent): Promise<void> {
    if (event.key === 'Escape' && this.mode.kind !== 'idle') {
      this.setMode({ kind: 'idle' }, 'Cancelled.');
      return;
    }
    const element = this.personAt(event.target);
    const steps: Record<string, [number, number]> = {
      ArrowUp: [0, -25],
      ArrowDown: [0, 25],
      ArrowLeft: [-25, 0],
      ArrowRight: [25, 0],
    };
    const step = steps[event.key];
    if (!element || !step || !event.shiftKey || element.classList.contains('ecomap-person--child')) return;
    event.preventDefault();
    await this.savePosition(
      element.dataset.personId ?? '',
      Number(element.dataset.x) + step[0],
      Number(element.dataset.y) + step[1],
    );
  }

  private async send(method: 'POST' | 'PUT', url: string, body: unknown): Promise<Response> {
    return fetch(url, {
      method,
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': this.csrfToken },
      body: JSON.stringify(body),
    });
  }

  private async savePosition(personId: string, x: number, y: number): Promise<void> {
    const clamp = (value: number) => Math.round(Math.min(970, Math.max(30, value)));
    const response = await this.send('PUT', `${this.api}/people/${encodeURIComponent(personId)}/position`, {
      x: clamp(x),
      y: clamp(y),
    });
    await this.afterChange(response, 'Moved and saved.', personId);
  }

  /** Draws the map and the table again from the server, so the page shows what is saved. */
  private async afterChange(response: Response, message: string, focusPersonId?: string): Promise<void> {
    if (!response.ok) {
      const detail = ((await response.json().catch(() => ({}))) as { detail?: string }).detail;
      this.announce(`Not saved. ${detail ?? 'Please try again.'}`);
      await this.redraw();
      return;
    }
    await this.redraw();
    await this.loadNetwork();
    this.announce(message);
    if (focusPersonId)
      this.figure.querySelector<SVGElement>(`[data-person-id="${CSS.escape(focusPersonId)}"]`)?.focus();
  }

  private async redraw(): Promise<void> {
    const page = await fetch(window.location.href, { credentials: 'same-origin', headers: { accept: 'text/html' } });
    if (!page.ok) return;
    const fresh = new DOMParser().parseFromString(await page.text(), 'text/html');
    const section = this.documentRef.querySelector('#network-section');
    const freshSection = fresh.querySelector('#network-section');
    if (!section || !freshSection) return;
    const freshSvg = freshSection.querySelector('.app-ecomap svg');
    const svg = this.svg();
    if (freshSvg && svg) svg.replaceWith(this.documentRef.importNode(freshSvg, true));
    // Everything else in the section (summary, prompts, table) follows the map.
    for (const selector of ['.app-network-summary', '.app-table-scroll']) {
      const current = section.querySelector(selector);
      const replacement = freshSection.querySelector(selector);
      if (current && replacement) current.replaceWith(this.documentRef.importNode(replacement, true));
    }
  }

  // ---- Dialogs ------------------------------------------------------------------------------

  private dialog(
    title: string,
    fields: string,
    submitText: string,
    onSubmit: (form: FormData) => Promise<Response>,
    success: string,
  ): void {
    const dialog = this.documentRef.createElement('dialog');
    dialog.className = 'app-dialog';
    dialog.setAttribute('aria-labelledby', 'app-dialog-title');
    dialog.innerHTML = `<form method="dialog" novalidate><h2 class="govuk-heading-m" id="app-dialog-title"></h2><div class="app-dialog__error govuk-error-message" role="alert" hidden></div>${fields}<div class="govuk-button-group"><button type="submit" class="govuk-button" data-module="govuk-button"></button><button type="button" class="govuk-button govuk-button--secondary app-dialog__cancel">Cancel</button></div></form>`;
    dialog.querySelector('#app-dialog-title')!.textContent = title;
    dialog.querySelector('button[type="submit"]')!.textContent = submitText;
    const close = () => {
      dialog.close();
      dialog.remove();
    };
    dialog.querySelector('.app-dialog__cancel')!.addEventListener('click', close);
    dialog.addEventListener('cancel', () => {
      dialog.remove();
    });
    const form = dialog.querySelector('form')!;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void (async () => {
        const response = await onSubmit(new FormData(form));
        if (!response.ok) {
          const problem = (await response.json().catch(() => ({}))) as {
            detail?: string;
            errors?: { message: string }[];
          };
          const error = dialog.querySelector<HTMLElement>('.app-dialog__error')!;
          error.hidden = false;
          error.textContent = problem.detail ?? 'This could not be saved. Check the details and try again.';
          return;
        }
        close();
        await this.afterChange(response, success);
      })();
    });
    this.documentRef.body.append(dialog);
    dialog.showModal();
  }

  private select(name: string, label: string, options: [string, string][], chosen?: string): string {
    const id = `app-dialog-${name}`;
    const items = options
      .map(
        ([value, text]) =>
          `<option value="${value}"${value === chosen ? ' selected' : ''}>${escapeHtml(text)}</option>`,
      )
      .join('');
    return `<div class="govuk-form-group"><label class="govuk-label govuk-label--s" for="${id}">${escapeHtml(label)}</label><select class="govuk-select" id="${id}" name="${name}">${items}</select></div>`;
  }

  private openAddPerson(): void {
    const childName = this.network ? nameOf(this.network.people[0]!) : 'the child';
    const fields =
      `<div class="govuk-form-group"><label class="govuk-label govuk-label--s" for="app-dialog-fullName">Name</label><input class="govuk-input" id="app-dialog-fullName" name="fullName" type="text" autocomplete="off" spellcheck="false"></div>` +
      this.select('circle', `Where do they belong in ${childName}’s world?`, CIRCLES) +
      this.select('type', `How are they related to ${childName}?`, TYPES) +
      this.select('closeness', 'How close are they?', CLOSENESS, 'moderate');
    this.dialog(
      `Add someone to ${childName}’s world`,
      fields,
      'Add',
      (form) =>
        this.send('POST', `${this.api}/people`, {
          person: { fullName: (form.get('fullName') as string | null) ?? '' },
          circle: form.get('circle'),
          relationshipToChild: {
            type: form.get('type'),
            closeness: form.get('closeness'),
            quality: 'supportive',
            supportFlows: 'from_first',
            lovesTheChild: null,
            childLovesThem: null,
            lifelongConnection: false,
            safetyNetworkRole: null,
            startedOn: null,
            endedOn: null,
            notes: null,
          },
        }),
      'Added and saved.',
    );
  }

  private openDrawRelationship(firstId: string, secondId: string): void {
    const person = (id: string) => this.network?.people.find((candidate) => candidate.id === id);
    const first = person(firstId);
    const second = person(secondId);
    const title = first && second ? `How are ${nameOf(first)} and ${nameOf(second)} related?` : 'Record a relationship';
    const fields =
      this.select('type', 'Relationship', TYPES) +
      this.select('closeness', 'How close are they?', CLOSENESS, 'moderate') +
      this.select('quality', 'How does it feel?', QUALITY, 'supportive');
    this.dialog(
      title,
      fields,
      'Save relationship',
      (form) =>
        this.send('POST', `${this.api}/relationships`, {
          fromPersonId: firstId,
          toPersonId: secondId,
          type: form.get('type'),
          closeness: form.get('closeness'),
          quality: form.get('quality'),
          supportFlows: 'both',
          lovesTheChild: null,
          childLovesThem: null,
          lifelongConnection: false,
          safetyNetworkRole: null,
          startedOn: null,
          endedOn: null,
          notes: null,
        }),
      'Relationship saved.',
    );
  }

  private openChangeTie(relationshipId: string): void {
    const tie = this.network?.relationships.find((candidate) => candidate.id === relationshipId);
    if (!tie) return;
    const fields =
      this.select('closeness', 'How close are they?', CLOSENESS, tie.closeness) +
      this.select('quality', 'How does it feel?', QUALITY, tie.quality);
    this.dialog(
      'Change this tie',
      fields,
      'Save change',
      (form) =>
        this.send('PUT', `${this.api}/relationships/${encodeURIComponent(relationshipId)}`, {
          facts: { ...tie, closeness: form.get('closeness'), quality: form.get('quality') },
          expectedVersion: tie.version,
          reason: null,
        }),
      'Tie changed and saved. The earlier version is kept.',
    );
  }
}

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}
