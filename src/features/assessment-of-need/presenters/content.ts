/** Pure: shapes an assessment's content, status and changes for the pages. */
import { ukTime } from '../../../platform/views/clock.js';
import { whatChanged, type WordChange } from '../changes.js';
import { statusNames, type AssessmentStatus } from '../lifecycle.js';
import {
  aspects,
  assessmentBalance,
  contentOf,
  fieldName,
  fieldOf,
  fieldsOf,
  fullFieldName,
  sectionNames,
  sections,
  sectionStatus,
  sectionStatusNames,
  sideHints,
  sideNames,
  sides,
  type AssessmentContent,
  type Section,
} from '../sections.js';
import type { VersionRow as AssessmentVersion } from '../queries.js';

const escapeHtml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** The child's name as the pages use it: the name they are known by, or their first name. */
export const nameOf = (child: { knownAs: string | null; fullName: string }) =>
  child.knownAs ?? child.fullName.split(' ')[0] ?? child.fullName;

/** As GOV.UK writes dates: 2 December 2026 (in the UK). */
export function presentDay(when: Date | null): string {
  if (!when) return '';
  const { day, month, year } = ukTime(when);
  return `${day} ${month} ${year}`;
}
/** As GOV.UK writes times: 2 December 2026 at 5:55am. */
export const presentWhen = (when: Date | null) => (when ? `${presentDay(when)} at ${ukTime(when).clock}` : '');

export const statusTag = (status: AssessmentStatus) => ({
  text: statusNames[status],
  classes:
    status === 'signed_off' ? 'govuk-tag--green' : status === 'submitted' ? 'govuk-tag--blue' : 'govuk-tag--grey',
});

/** Text as it was written, or a plain "not recorded yet". */
const value = (text: string) =>
  text.trim() === ''
    ? { html: '<span class="app-not-recorded">Not recorded yet</span>' }
    : { html: `<span class="app-preserve-lines">${escapeHtml(text.trim())}</span>` };

export function summarySections(
  content: AssessmentContent,
  childName: string,
  changeHref: ((section: Section) => string) | null,
) {
  const sideCards = sides.map((side) => ({
    id: side,
    title: sideNames[side],
    hint: sideHints[side],
    changeHref: changeHref ? changeHref(side) : null,
    rows: aspects.map((aspect) => ({
      key: { text: fieldName(fieldOf(side, aspect), childName) },
      value: value(content[fieldOf(side, aspect)]),
    })),
  }));
  return [
    ...sideCards,
    {
      id: 'analysis',
      title: sectionNames.analysis,
      hint: 'What the three sides mean together for the child, and what should happen next',
      changeHref: changeHref ? changeHref('analysis') : null,
      rows: fieldsOf('analysis').map((field) => ({ key: { text: fieldName(field) }, value: value(content[field]) })),
    },
  ];
}

export function taskList(content: AssessmentContent, href: (section: Section) => string) {
  return sections.map((section) => {
    const status = sectionStatus(content, section);
    return {
      title: { text: sectionNames[section] },
      href: href(section),
      status:
        status === 'completed'
          ? { text: sectionStatusNames[status] }
          : {
              tag: {
                text: sectionStatusNames[status],
                classes: status === 'in_progress' ? 'govuk-tag--light-blue' : 'govuk-tag--blue',
              },
            },
    };
  });
}

export const balanceOf = (version: AssessmentVersion, childName: string) =>
  assessmentBalance(contentOf(version), childName);

export function versionFacts(version: AssessmentVersion, options: { showComments: boolean }) {
  const rows: { key: { text: string }; value: { text?: string; html?: string } }[] = [
    { key: { text: 'Version' }, value: { text: String(version.versionNumber) } },
    {
      key: { text: 'Status' },
      value: {
        html: `<strong class="govuk-tag ${statusTag(version.status).classes}">${statusTag(version.status).text}</strong>`,
      },
    },
    { key: { text: 'Written by' }, value: { text: version.authorLabel } },
    { key: { text: 'Started' }, value: { text: presentWhen(version.createdAt) } },
  ];
  if (version.status === 'draft') {
    rows.push({
      key: { text: 'Last saved' },
      value: { text: `${presentWhen(version.updatedAt)} by ${version.updatedByLabel}` },
    });
  }
  if (version.submittedAt) {
    rows.push({
      key: { text: 'Submitted' },
      value: { text: `${presentWhen(version.submittedAt)} by ${version.submittedByLabel ?? ''}` },
    });
  }
  if (version.signedOffAt) {
    rows.push({
      key: { text: 'Signed off' },
      value: { text: `${presentWhen(version.signedOffAt)} by ${version.signedOffByLabel ?? ''}` },
    });
    if (options.showComments && version.signOffComment) {
      rows.push({ key: { text: 'Manager’s comment' }, value: { text: version.signOffComment } });
    }
  }
  if (options.showComments && version.status === 'draft' && version.returnedAt) {
    rows.push({
      key: { text: 'Returned' },
      value: {
        text: `${presentWhen(version.returnedAt)} by ${version.returnedByLabel ?? ''}: ${version.returnComment ?? ''}`,
      },
    });
  }
  return rows;
}

/** Word changes as HTML: <ins> for words added, <del> for words taken out; every word escaped. */
export function wordChangesHtml(words: WordChange[]): string {
  return words
    .map((word) =>
      word.change === 'same'
        ? escapeHtml(word.text)
        : word.change === 'added'
          ? `<ins><span class="govuk-visually-hidden">[added: </span>${escapeHtml(word.text)}<span class="govuk-visually-hidden">]</span></ins>`
          : `<del><span class="govuk-visually-hidden">[taken out: </span>${escapeHtml(word.text)}<span class="govuk-visually-hidden">]</span></del>`,
    )
    .join('');
}

export function presentChanges(before: AssessmentVersion, after: AssessmentVersion, childName: string) {
  const changes = whatChanged(contentOf(before), contentOf(after));
  return changes.map((change) => {
    // A light edit reads best word by word; a rewrite reads best as before and after in full.
    const kept = change.words.filter((word) => word.change === 'same').reduce((sum, word) => sum + word.text.length, 0);
    const wordByWord = change.kind === 'changed' && kept >= Math.max(change.before.length, change.after.length) / 2;
    return {
      label: fullFieldName(change.field, childName),
      kind: change.kind === 'added' ? 'Added' : change.kind === 'removed' ? 'Taken out' : 'Changed',
      before: change.before,
      after: change.after,
      html: wordByWord ? wordChangesHtml(change.words) : null,
    };
  });
}
