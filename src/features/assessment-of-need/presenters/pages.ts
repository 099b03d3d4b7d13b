/** Pure: each page's template context, from what the service read. */
import type { FormErrors } from '../../../platform/http/forms.js';
import type { FormValues } from '../../../platform/http/question-page.js';
import { childRecordNavigation } from '../../../platform/views/child-record-navigation.js';
import type { ChildSummary } from '../../child-record/index.js';
import { isEditable, statusNames, signOffRefusalMessages } from '../lifecycle.js';
import { assessmentPaths as paths, versionParameters } from '../paths.js';
import {
  fieldName,
  fieldsOf,
  sectionNames,
  sideHints,
  contentOf,
  type ContentField,
  type Section,
} from '../sections.js';
import type { AssessmentList, AssessmentVersion, VersionView } from '../service.js';
import {
  balanceOf,
  nameOf,
  presentChanges,
  presentDay,
  presentWhen,
  statusTag,
  summarySections,
  taskList,
  versionFacts,
} from './content.js';

const notices = {
  started: 'The assessment has been started as a draft. Write each section, then check and submit it.',
  saved: 'Your changes have been saved. The earlier text is kept in the history.',
  submitted: 'The assessment has been submitted. A team manager will sign it off or return it to you.',
  signed_off: 'The assessment has been signed off. It is now locked: changes go in a new version.',
  returned: 'The assessment has been returned to its author as a draft, with your comment.',
  new_version: 'A new draft version has been started from a copy of the signed-off one, which is kept unchanged.',
  version_open: 'A version of this assessment is already being worked on: carry on with that one.',
} as const satisfies Record<string, string>;
/** What the page says after a change (its redirect carries `?notice=`). */
export type Notice = keyof typeof notices;
const noticeFor = (code: unknown) =>
  typeof code === 'string' ? ((notices as Record<string, string>)[code] ?? null) : null;

/** Every link about one version of one child's assessment. */
export function versionLinks(childId: string, version: Pick<AssessmentVersion, 'assessmentId' | 'versionNumber'>) {
  const parameters = versionParameters({ childId, ...version });
  return {
    version: (notice?: Notice) => paths.version.href(parameters, { notice }),
    section: (section: Section) => paths.section.href({ ...parameters, section }),
    submit: paths.submit.href(parameters),
    signOff: paths.signOff.href(parameters),
    changes: paths.changes.href(parameters),
    newVersion: paths.newVersion.href({ childId, assessmentId: version.assessmentId }),
  };
}

const recordContext = (child: ChildSummary) => ({
  child,
  recordHeading: 'Assessment of need',
  recordNavigation: childRecordNavigation(child.childId, 'assessments'),
});

export function listPage(list: AssessmentList, childId: string, notice: unknown) {
  return {
    pageTitle: `Assessment of need – ${nameOf(list.child)}`,
    ...recordContext(list.child),
    childName: nameOf(list.child),
    notice: noticeFor(notice),
    mayChange: list.mayChange,
    newHref: list.mayChange ? paths.new.href({ childId }) : null,
    series: list.series.map((series) => ({
      title: `Assessment started ${presentDay(series.startedAt)} by ${series.startedByLabel}`,
      newVersionAction: series.mayStartNewVersion ? paths.newVersion.href({ childId, assessmentId: series.id }) : null,
      versions: [...series.versions].reverse().map((version) => ({
        number: version.versionNumber,
        href: versionLinks(childId, version).version(),
        status: statusTag(version.status),
        when:
          version.status === 'signed_off'
            ? `Signed off ${presentDay(version.signedOffAt)} by ${version.signedOffByLabel ?? ''}`
            : version.status === 'submitted'
              ? `Submitted ${presentDay(version.submittedAt)} by ${version.submittedByLabel ?? ''}`
              : `Last saved ${presentDay(version.updatedAt)} by ${version.updatedByLabel}`,
      })),
    })),
  };
}

export function newPage(child: ChildSummary, childId: string) {
  return {
    pageTitle: 'Start an assessment of need',
    childName: nameOf(child),
    action: paths.new.href({ childId }),
    backHref: paths.list.href({ childId }),
    sides: (['development', 'parenting', 'environment'] as const).map((side) => ({
      name: sectionNames[side],
      hint: sideHints[side],
    })),
  };
}

export function versionPage(found: VersionView, options: { maySignOff: boolean; notice: unknown }) {
  const { child, version } = found;
  const childId = child.childId;
  const childName = nameOf(child);
  const links = versionLinks(childId, version);
  const editable = found.mayChange && isEditable(version.status);
  const mayDecide = options.maySignOff && version.status === 'submitted';
  return {
    pageTitle: `Assessment of need, version ${version.versionNumber} – ${childName}`,
    ...recordContext(child),
    childName,
    notice: noticeFor(options.notice),
    backHref: paths.list.href({ childId }),
    version: { number: version.versionNumber, status: version.status, statusName: statusNames[version.status] },
    facts: versionFacts(version, { showComments: found.mayChange }),
    returned:
      found.mayChange && version.status === 'draft' && version.returnedAt
        ? { by: version.returnedByLabel, when: presentWhen(version.returnedAt), comment: version.returnComment }
        : null,
    taskList: editable ? taskList(contentOf(version), links.section) : null,
    sections: summarySections(contentOf(version), childName, editable ? links.section : null),
    // A note for whoever is still writing or deciding; a signed-off version is settled.
    balance: found.mayChange && version.status !== 'signed_off' ? balanceOf(version, childName) : [],
    submitHref: editable ? links.submit : null,
    signOffHref: mayDecide && found.signOff.allowed ? links.signOff : null,
    signOffRefusal: mayDecide && !found.signOff.allowed ? signOffRefusalMessages[found.signOff.reason] : null,
    newVersionAction: found.mayStartNewVersion && version.status === 'signed_off' ? links.newVersion : null,
    locked: version.status === 'signed_off',
    changesHref: found.previous ? links.changes : null,
    previousNumber: found.previous?.versionNumber ?? null,
    versions: found.versions.map((candidate) => ({
      number: candidate.versionNumber,
      href: versionLinks(childId, candidate).version(),
      status: statusTag(candidate.status),
      current: candidate.versionNumber === version.versionNumber,
    })),
  };
}

/** Which companion audience a field's words are checked for: the child's view for the child. */
const audienceOf = (field: ContentField) => (field.endsWith('ChildView') ? 'child' : 'family');

/** Why a section's form could not be saved as it stood. */
export type SectionProblem =
  { kind: 'conflict'; theirs: AssessmentVersion } | { kind: 'locked'; current: AssessmentVersion } | null;

export function sectionPage(found: VersionView, section: Section, values: FormValues, problem: SectionProblem) {
  const { child, version } = found;
  const childName = nameOf(child);
  const links = versionLinks(child.childId, version);
  const fields = fieldsOf(section);
  return {
    pageTitle: problem?.kind === 'conflict' ? 'Someone else changed this section' : sectionNames[section],
    heading: sectionNames[section],
    hint: section === 'analysis' ? null : sideHints[section],
    childName,
    versionNumber: version.versionNumber,
    action: links.section(section),
    backHref: links.version(),
    values,
    fields: fields.map((field) => ({
      name: field,
      label: fieldName(field, childName),
      audience: audienceOf(field),
      rows: field === 'analysis' ? 10 : 5,
      hint:
        field === 'recommendation'
          ? 'What should happen next, and who will do what'
          : field.endsWith('ChildView')
            ? `In ${childName}’s own words where you can`
            : field.endsWith('FamilyView')
              ? 'What the family say, in their words'
              : null,
    })),
    conflict:
      problem?.kind === 'conflict'
        ? {
            author: problem.theirs.updatedByLabel,
            when: presentWhen(problem.theirs.updatedAt),
            rows: fields.map((field) => ({
              key: { text: fieldName(field, childName) },
              value: problem.theirs[field].trim() ? { text: problem.theirs[field] } : { text: 'Not recorded yet' },
            })),
          }
        : null,
    locked:
      problem?.kind === 'locked'
        ? {
            signedOff: problem.current.status === 'signed_off',
            versionHref: links.version(),
            newVersionAction:
              problem.current.status === 'signed_off' && found.mayStartNewVersion ? links.newVersion : null,
          }
        : null,
  };
}

/** The error summary when a section is saved after its version was submitted or signed off. */
export function lockedErrors(current: AssessmentVersion): FormErrors {
  const text =
    current.status === 'signed_off'
      ? 'This version has been signed off, so it cannot be changed. Nothing was saved. Your text is below: start a new version to carry on.'
      : 'This version has been submitted for sign-off, so it cannot be changed unless a manager returns it. Nothing was saved. Your text is below.';
  return { errorList: [{ text, href: '#section-form' }], fieldErrors: {} };
}

export function checkAnswersPage(found: VersionView, problem: string | null) {
  const { child, version } = found;
  const childName = nameOf(child);
  const links = versionLinks(child.childId, version);
  const editable = isEditable(version.status);
  return {
    pageTitle: 'Check the assessment before you submit it',
    childName,
    versionNumber: version.versionNumber,
    action: links.submit,
    backHref: links.version(),
    expectedRevision: version.revision,
    sections: summarySections(contentOf(version), childName, editable ? links.section : null),
    balance: balanceOf(version, childName),
    cardHeadingLevel: 2,
    balanceHeadingLevel: 2,
    editable,
    problem,
    errorList: problem ? [{ text: problem, href: '#submit' }] : [],
  };
}

/** Why a version cannot be submitted (again). */
export const notADraftProblem = (current: AssessmentVersion) =>
  `This version is ${statusNames[current.status].toLowerCase()}: it cannot be submitted again.`;

export function signOffPage(found: VersionView, values: FormValues, refusal: string | null) {
  const { child, version } = found;
  const childName = nameOf(child);
  const links = versionLinks(child.childId, version);
  return {
    pageTitle: refusal ? 'You cannot sign off this assessment' : 'Sign off or return this assessment',
    childName,
    versionNumber: version.versionNumber,
    authorName: version.authorLabel,
    submittedBy: version.submittedByLabel,
    submittedWhen: presentWhen(version.submittedAt),
    action: links.signOff,
    backHref: links.version(),
    sections: summarySections(contentOf(version), childName, null),
    balance: balanceOf(version, childName),
    cardHeadingLevel: 2,
    balanceHeadingLevel: 2,
    refusal,
    values,
    decisionItems: [
      {
        value: 'sign_off',
        text: 'Sign it off',
        hint: { text: 'It becomes the council’s assessment and is locked: later changes go in a new version' },
        checked: values.decision === 'sign_off',
      },
      {
        value: 'return',
        text: 'Return it to the author',
        hint: { text: 'It goes back to draft, with your comment, for more work' },
        checked: values.decision === 'return',
      },
    ],
  };
}

export function changesPage(found: VersionView) {
  const { child, version, previous } = found;
  const childName = nameOf(child);
  return {
    pageTitle: `What changed in version ${version.versionNumber}`,
    childName,
    versionNumber: version.versionNumber,
    previousNumber: previous?.versionNumber ?? null,
    backHref: versionLinks(child.childId, version).version(),
    previousHref: previous ? versionLinks(child.childId, previous).version() : null,
    changes: previous ? presentChanges(previous, version, childName) : [],
  };
}
