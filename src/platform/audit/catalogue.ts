/**
 * The audit catalogue: every action the audit log may record, with the words a person reads
 * on the audit trail. Action names are typed: `AuditAction` is the union of every name a
 * module has declared, so `recordAuditEvent` cannot be given a name nobody described.
 *
 * The platform declares its own actions below. A feature declares its own in its
 * `audit-actions.ts` and adds them to the type with a module augmentation:
 *
 *   export const planAuditActions = defineAuditActions({ 'plan.view': 'Opened a plan' });
 *   declare module '../../platform/audit/catalogue.js' {
 *     interface AuditActionCatalogue extends AuditActionsOf<typeof planAuditActions> {}
 *   }
 *
 * and lists them in its manifest (`feature.ts`), so the audit trail's readable names come from
 * the same object at run time.
 */

/** Every declared action, as keys; features add theirs by module augmentation. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AuditActionCatalogue extends AuditActionsOf<typeof platformAuditActions> {}

export type AuditAction = Extract<keyof AuditActionCatalogue, string>;

/** Action name → what a person reads on the audit trail. */
export type AuditActionNames = Readonly<Record<string, string>>;

export type AuditActionsOf<Names extends AuditActionNames> = { readonly [Action in keyof Names]: string };

/** Declares a module's actions with their readable names (kept as literal keys for the type). */
export function defineAuditActions<const Names extends AuditActionNames>(names: Names): Names {
  for (const action of Object.keys(names)) {
    if (!/^[a-z][a-z_]*\.[a-z][a-z_.]*$/.test(action)) {
      throw new Error(`Audit action "${action}" must read area.what_happened, in lower case`);
    }
  }
  return names;
}

/** The actions the platform itself records: opening a record, signing in, the audit log. */
export const platformAuditActions = defineAuditActions({
  'child_record.view': 'Opened the child’s record',
  'child_record.change': 'Changed the child’s record',
  'sign_in.password_accepted': 'Password accepted',
  'sign_in.succeeded': 'Signed in',
  'sign_in.failed': 'Sign-in not accepted',
  'sign_in.second_factor_failed': 'Security code not accepted',
  'sign_in.refused_while_locked': 'Sign-in refused: too many tries',
  'sign_in.signed_out': 'Signed out',
  'sign_in.signed_out_everywhere': 'Signed out on every device',
  'audit.who_has_seen_viewed': 'Looked at who has seen the record',
  'audit.searched': 'Searched the audit log',
});

/**
 * The readable names of every action the running application declared, built once from the
 * platform's and each feature's lists. Two modules may not describe one action differently.
 */
export class AuditCatalogue {
  readonly #names = new Map<string, string>();

  constructor(lists: readonly AuditActionNames[]) {
    for (const list of [platformAuditActions, ...lists]) {
      for (const [action, name] of Object.entries(list)) {
        const earlier = this.#names.get(action);
        if (earlier !== undefined && earlier !== name) {
          throw new Error(`Audit action "${action}" is described twice: "${earlier}" and "${name}"`);
        }
        this.#names.set(action, name);
      }
    }
  }

  has(action: string): boolean {
    return this.#names.has(action);
  }

  /** A plain name for every action; one not in the catalogue (from an older release) reads from its code. */
  describe(action: string): string {
    const named = this.#names.get(action);
    if (named !== undefined) return named;
    const [area = '', what = ''] = action.split('.');
    const words = (text: string) => text.replaceAll('_', ' ').trim();
    const capitalised = words(area).replace(/^./, (first) => first.toUpperCase());
    return what ? `${capitalised}: ${words(what)}` : capitalised;
  }

  /** Every action and its name, for the audit log's filter. */
  entries(): [AuditAction, string][] {
    return [...this.#names.entries()] as [AuditAction, string][];
  }
}
