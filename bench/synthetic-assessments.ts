/**
 * Assessments of need and safe uncertainty for the synthetic council.
 *
 * Each child's assessment is one series, started a week or two after the record opens and
 * signed off by the team manager six to nine weeks later; then, while the record stays open,
 * a new version every year or so. A version is written as the service writes it (started,
 * saved, submitted, sometimes returned with a comment and submitted again, signed off), each
 * step kept in record_versions and audited. Versions are inserted in their final state: the
 * database's lock (migrations/0013) guards updates and removals, not inserts, and a signed-off
 * row inserted whole is exactly what the service's updates leave behind. The newest version of
 * a recently opened record is still a draft or waiting for sign-off.
 *
 * About a third of children also have positions on the safe uncertainty grid over time, and
 * questions or hypotheses with what was found.
 */
import type { GridPosition, QuestionKind } from '../src/features/safe-uncertainty/schema.js';
import type { AssessmentStatus } from '../src/features/assessment-of-need/schema.js';
import { contentFields, type AssessmentContent } from '../src/features/assessment-of-need/sections.js';
import { isoDay, seedFrom, uuidAt } from './synthetic-council.js';
import {
  about,
  between,
  chance,
  isoTime,
  pick,
  several,
  strideId,
  workingTime,
  type ChildContext,
  type KeptVersion,
} from './synthetic-context.js';

export interface SyntheticAssessment {
  id: string;
  childPersonId: string;
  startedAt: string;
  startedBy: string;
  startedByLabel: string;
  versions: SyntheticAssessmentVersion[];
}

export interface SyntheticAssessmentVersion {
  id: string;
  assessmentId: string;
  versionNumber: number;
  status: AssessmentStatus;
  revision: number;
  content: AssessmentContent;
  authorUserId: string;
  authorLabel: string;
  createdAt: string;
  updatedAt: string;
  updatedByLabel: string;
  submittedAt: string | null;
  submittedBy: string | null;
  submittedByLabel: string | null;
  signedOffAt: string | null;
  signedOffBy: string | null;
  signedOffByLabel: string | null;
  signOffComment: string | null;
  returnedAt: string | null;
  returnedBy: string | null;
  returnedByLabel: string | null;
  returnComment: string | null;
}

export interface SyntheticPosition {
  id: string;
  childPersonId: string;
  position: GridPosition;
  reasons: string;
  assessedOn: string;
  recordedAt: string;
  recordedBy: string;
  recordedByLabel: string;
}

export interface SyntheticQuestion {
  id: string;
  childPersonId: string;
  kind: QuestionKind;
  wording: string;
  raisedOn: string;
  revisitOn: string;
  recordedAt: string;
  recordedBy: string;
  recordedByLabel: string;
  finding: string | null;
  foundOn: string | null;
  findingRecordedAt: string | null;
  findingRecordedBy: string | null;
  findingRecordedByLabel: string | null;
  version: number;
}

const MAX_VERSIONS = 8;
const MAX_POSITIONS = 8;
const MAX_QUESTIONS = 8;

// ---- What an assessment says ----------------------------------------------------------------

const bank: Record<(typeof contentFields)[number], readonly string[]> = {
  developmentStrengths: [
    '{child} is healthy, growing well and up to date with immunisations.',
    '{child} enjoys school and has a good group of friends in class.',
    '{child} loves stories and is proud of their reading.',
    '{child} is kind to younger children and likes helping at home.',
    '{child} plays football on Saturdays; the coach says they are a real team player.',
    '{child} knows what helps them calm down: music and time in their room.',
    '{child} talks easily with adults they trust and asks good questions.',
  ],
  developmentNeeds: [
    '{child} has missed two dental appointments and has a tooth that needs treatment.',
    'Attendance dropped to 86% last term; {child} finds mornings hard.',
    '{child} sometimes struggles with big feelings at lunchtime and needs an adult nearby.',
    '{child} is on the waiting list for a speech and language assessment.',
    '{child} worries about Mum and finds it hard to concentrate when things are hard at home.',
    '{child} is behind in maths after the moves between schools.',
  ],
  developmentChildView: [
    '{child} said: “I like school when I sit next to my friend. I don’t like the mornings.”',
    '{child} drew the family at the park and said that is when they are happiest.',
    '{child} told me they want to keep going to football and see Nan more.',
    '{child} said they would like help with reading at home, “but not every night”.',
  ],
  developmentFamilyView: [
    'Mum feels {child} is doing well at school and wants help with the mornings.',
    'Dad is proud of how {child} has settled and is worried about the dental waiting list.',
    'Nan says {child} has come on so much since the summer.',
    'The family think {child} needs more time with children their own age.',
  ],
  parentingStrengths: [
    'Mum knows {child} very well and notices quickly when something is wrong.',
    'There is warmth and fun at home: the family cook together at weekends.',
    'Dad has been to every parenting group session and uses what he learns.',
    'Routines at bedtime are consistent and {child} sleeps well.',
    'The parents have been honest about what is hard, which makes it easier to help.',
  ],
  parentingNeeds: [
    'When Mum is low she struggles to get up in the mornings and {child} gets themselves to school.',
    'Arguments between the adults have happened in front of the children.',
    'Boundaries are inconsistent between the two homes, which confuses {child}.',
    'Dad has said he drinks more after a hard week and wants help to cut down.',
    'Money worries take up a lot of the family’s energy.',
  ],
  parentingChildView: [
    '{child} said: “Mum is the best at hugs. I don’t like it when she is sad.”',
    '{child} said they feel safe at home “most of the time, and always at Nan’s”.',
    '{child} said Dad makes the best pancakes and they want more time with him.',
  ],
  parentingFamilyView: [
    'Mum said she wants to be the parent {child} deserves and is asking for help with her mood.',
    'Dad feels he is doing better and would like more time with {child} at weekends.',
    'Both parents agree that {child} should not hear their arguments.',
  ],
  environmentStrengths: [
    'The wider family are close and help every week: Nan has the children on Tuesdays.',
    'The family have a settled home with a garden and good neighbours.',
    'The school know the family well and are a real source of support.',
    'The family are part of a church community who help with lifts and meals.',
    'Mum has a good friend next door who the children trust.',
  ],
  environmentNeeds: [
    'The flat is damp and the landlord has not fixed the heating yet.',
    'The family have moved three times in two years and are in temporary housing.',
    'Money is very tight since the benefits changed; the family have used the food bank.',
    'The family live far from the school and rely on two buses.',
  ],
  environmentChildView: [
    '{child} said their favourite place is their bedroom because it has their books.',
    '{child} said they miss their old house and their friend from next door.',
    '{child} likes living near the park and wants to keep going to the club there.',
  ],
  environmentFamilyView: [
    'Mum wants help with the housing application and the damp.',
    'The family said the most helpful thing would be help with money advice.',
    'Nan would like to help more but lives two buses away.',
  ],
  analysis: [
    'There is a lot of love in this family and {child} is close to Mum and to Nan.',
    'The worries are about what happens when the adults are struggling: mornings, school and arguments at home.',
    'The strengths are real and have held for several months, which gives me confidence in the family’s plan.',
    'With the wider family involved, the adults have shown they can keep {child} safe and well on the hard weeks too.',
    '{child}’s own words are clear: they want things to stay calm and to keep seeing the people who matter to them.',
    'The family have used help well when it was offered in a way that made sense to them.',
    'What we do not know yet is how the family manage without a worker visiting every week.',
  ],
  recommendation: [
    'Continue support as a child in need, with a plan made with the family and reviewed every three months.',
    'Step down to early help at the family centre, with the network meeting every six weeks.',
    'Hold a family network meeting to widen the circle of support, then review the plan together.',
    'Continue the child protection plan; the next review should consider stepping down to a child in need plan.',
    'Offer a family group conference so the wider family can make their own plan.',
  ],
};

const signOffComments = [
  'A balanced assessment: the child’s voice comes through clearly. Signed off.',
  'Thorough and written in words the family will understand. Signed off.',
  'Good analysis of strengths and worries; agree with the recommendation.',
  'Clear and fair. Please share it with the family this week.',
];
const returnComments = [
  'Please add the family’s view in the environment section before I sign off.',
  'The analysis needs to say what we do not know yet. Please add that and resubmit.',
  'Please put the child’s own words in the development section.',
];

function writeContent(random: () => number, childName: string, previous: AssessmentContent | null): AssessmentContent {
  const content = {} as AssessmentContent;
  for (const field of contentFields) {
    const sentences = bank[field];
    const keep = previous && field !== 'analysis' && field !== 'recommendation' && chance(random, 0.6);
    if (keep) {
      content[field] = previous[field];
      continue;
    }
    const count = field === 'analysis' ? between(random, 2, 4) : field === 'recommendation' ? 1 : between(random, 1, 2);
    content[field] = several(random, sentences, count)
      .map((sentence) => about(sentence, childName))
      .join(' ');
  }
  return content;
}

const emptyContent = (): AssessmentContent =>
  Object.fromEntries(contentFields.map((field) => [field, ''])) as AssessmentContent;

export function generateAssessments(context: ChildContext): {
  assessments: SyntheticAssessment[];
  versions: KeptVersion[];
} {
  const { practitioner, manager, childId, childName } = context;
  const random = context.random(41);
  const assessmentKey = seedFrom(context.plan.idKey, 41);
  const versionKey = seedFrom(context.plan.idKey, 42);
  const kept: KeptVersion[] = [];
  let start = context.opened + between(random, 5, 20);
  if (start > context.lastDay) return { assessments: [], versions: [] };
  const series: SyntheticAssessment = {
    id: uuidAt(assessmentKey, context.childIndex),
    childPersonId: childId,
    startedAt: isoTime(workingTime(random, start)),
    startedBy: practitioner.user.id,
    startedByLabel: practitioner.user.fullName,
    versions: [],
  };
  let previous: AssessmentContent | null = null;
  while (start <= context.lastDay && series.versions.length < MAX_VERSIONS) {
    const versionNumber = series.versions.length + 1;
    const id = uuidAt(versionKey, strideId(context.childIndex, MAX_VERSIONS, series.versions.length));
    const saveDay = start + between(random, 3, 14);
    const submitDay = saveDay + between(random, 7, 25);
    const returned = chance(random, 0.08);
    const resubmitDay = returned ? submitDay + between(random, 3, 9) : submitDay;
    const signDay = resubmitDay + between(random, 1, 10);
    // A closed record's assessment was finished before it closed; an open one may be in progress.
    if (context.closed && signDay > context.lastDay) break;
    const content = writeContent(random, childName, previous);
    let revision = 0;
    let status = 'draft' as AssessmentStatus;
    const startedAt = versionNumber === 1 ? Date.parse(series.startedAt) : workingTime(random, start);
    const version: SyntheticAssessmentVersion = {
      id,
      assessmentId: series.id,
      versionNumber,
      status,
      revision,
      content: previous ?? emptyContent(),
      authorUserId: practitioner.user.id,
      authorLabel: practitioner.user.fullName,
      createdAt: isoTime(startedAt),
      updatedAt: isoTime(startedAt),
      updatedByLabel: practitioner.user.fullName,
      submittedAt: null,
      submittedBy: null,
      submittedByLabel: null,
      signedOffAt: null,
      signedOffBy: null,
      signedOffByLabel: null,
      signOffComment: null,
      returnedAt: null,
      returnedBy: null,
      returnedByLabel: null,
      returnComment: null,
    };
    const details = { assessmentId: series.id, versionNumber };
    /** One change of the version: kept in record_versions and audited, as the service does. */
    const step = (
      at: number,
      by: typeof practitioner,
      event: string,
      action: string,
      reason: string | null,
      extra: Record<string, string | number> = {},
    ) => {
      revision += 1;
      version.revision = revision;
      version.status = status;
      version.updatedAt = isoTime(at);
      version.updatedByLabel = by.user.fullName;
      kept.push({
        recordType: 'need_assessment',
        recordId: id,
        version: revision,
        recordedAt: isoTime(at),
        recordedBy: by.user.id,
        recordedByLabel: by.label,
        reason,
        content: { event, status, assessmentId: series.id, versionNumber, ...version.content },
      });
      context.audit({
        at,
        userIndex: by.index,
        action,
        subjectType: 'child_record',
        subjectId: childId,
        details: { ...details, ...(event === 'started' ? {} : { revision }), ...extra },
        reason: action === 'assessment.signed_off' || action === 'assessment.returned' ? reason : null,
      });
    };
    if (versionNumber === 1) {
      step(startedAt, practitioner, 'started', 'assessment.started', null);
    } else {
      step(
        startedAt,
        practitioner,
        'started',
        'assessment.new_version',
        `Carried on from version ${versionNumber - 1}`,
      );
    }
    const today = context.lastDay;
    const save = (day: number) => {
      const before = version.content;
      version.content = content;
      const fields = contentFields.filter((field) => before[field] !== content[field]);
      step(workingTime(random, day), practitioner, 'saved', 'assessment.draft_saved', null, {
        fields: fields.join(','),
      });
    };
    const submit = (day: number) => {
      const at = workingTime(random, day);
      status = 'submitted';
      version.submittedAt = isoTime(at);
      version.submittedBy = practitioner.user.id;
      version.submittedByLabel = practitioner.user.fullName;
      step(at, practitioner, 'submitted', 'assessment.submitted', null);
    };
    if (saveDay <= today) save(saveDay);
    if (submitDay <= today) submit(submitDay);
    const returnDay = Math.min(resubmitDay - 1, submitDay + between(random, 1, 3));
    if (returned && status === 'submitted' && returnDay <= today) {
      const at = workingTime(random, returnDay);
      const comment = pick(random, returnComments);
      status = 'draft';
      version.returnedAt = isoTime(at);
      version.returnedBy = manager.user.id;
      version.returnedByLabel = manager.user.fullName;
      version.returnComment = comment;
      version.submittedAt = null;
      version.submittedBy = null;
      version.submittedByLabel = null;
      step(at, manager, 'returned', 'assessment.returned', comment);
      if (resubmitDay <= today) {
        save(resubmitDay);
        submit(resubmitDay);
      }
    }
    if (status === 'submitted' && signDay <= today) {
      const at = workingTime(random, signDay);
      const comment = pick(random, signOffComments);
      status = 'signed_off';
      version.signedOffAt = isoTime(at);
      version.signedOffBy = manager.user.id;
      version.signedOffByLabel = manager.user.fullName;
      version.signOffComment = comment;
      step(at, manager, 'signed_off', 'assessment.signed_off', comment);
    }
    series.versions.push(version);
    if (version.status !== 'signed_off') break; // one version in progress at a time
    previous = version.content;
    start = signDay + between(random, 300, 540);
  }
  return { assessments: series.versions.length > 0 ? [series] : [], versions: kept };
}

// ---- Safe uncertainty ---------------------------------------------------------------------------

const positionReasons: Record<GridPosition, readonly string[]> = {
  unsafe_certainty: [
    'We know the children were hurt when the adults argued last month, and there is no plan yet to stop it happening again.',
    'The police were called twice this month and the children were there both times.',
  ],
  unsafe_uncertainty: [
    'We are worried about what happens at weekends, and we do not know enough yet about who is looking after the children.',
    'There have been no incidents since the plan started, but it is early days and the family are still under a lot of strain.',
    'School have noticed {child} is tired and hungry some mornings; we do not yet understand why.',
  ],
  safe_uncertainty: [
    'The safety plan has held for three months and the network are doing what they said. We are still learning how it holds on hard weeks.',
    'Nan and the family friends are involved every week; {child} says they feel safe. We want to see this last through the holidays.',
    'The family have been open about the hard weeks and asked for help early each time.',
  ],
  safe_certainty: [
    'The plan has held for over a year, everyone in the network knows their part, and {child} tells us they feel safe.',
    'The family have shown over many months that they keep {child} safe without a worker visiting.',
  ],
};
const questions: readonly { kind: QuestionKind; wording: string; finding: string }[] = [
  {
    kind: 'question',
    wording: 'Who looks after the children when Mum works nights?',
    finding: 'Nan stays over every time; the rota is on the fridge and the children know it.',
  },
  {
    kind: 'hypothesis',
    wording: 'The arguments happen mostly when money runs out at the end of the month.',
    finding: 'Partly right: the arguments were about money, and have eased since the debt advice.',
  },
  {
    kind: 'question',
    wording: 'What does {child} do after school on the days no one is home?',
    finding: '{child} goes to the homework club and then to the neighbour’s until Mum is back.',
  },
  {
    kind: 'hypothesis',
    wording: '{child}’s tiredness at school is about sleep, not about what happens at home in the evenings.',
    finding: 'The school nurse helped with a bedtime routine and {child} is much less tired.',
  },
  {
    kind: 'question',
    wording: 'Does Dad’s drinking affect the children when they stay with him?',
    finding: 'Dad has not drunk on contact weekends since the summer; his sister checks in on Saturdays.',
  },
  {
    kind: 'question',
    wording: 'Who in the wider family could help if things get hard again?',
    finding: 'Auntie and two family friends said yes at the network meeting.',
  },
];
const path: readonly GridPosition[][] = [
  ['unsafe_uncertainty', 'safe_uncertainty', 'safe_uncertainty', 'safe_certainty'],
  ['unsafe_certainty', 'unsafe_uncertainty', 'safe_uncertainty', 'safe_uncertainty'],
  ['unsafe_uncertainty', 'unsafe_uncertainty', 'safe_uncertainty', 'safe_certainty'],
  ['safe_uncertainty', 'safe_uncertainty', 'safe_certainty', 'safe_certainty'],
];

export function generateSafeUncertainty(context: ChildContext): {
  positions: SyntheticPosition[];
  questions: SyntheticQuestion[];
  versions: KeptVersion[];
} {
  const random = context.random(43);
  const empty = { positions: [], questions: [], versions: [] };
  if (!chance(random, 0.35)) return empty;
  const { practitioner, childId, childName } = context;
  const positionKey = seedFrom(context.plan.idKey, 43);
  const questionKey = seedFrom(context.plan.idKey, 44);
  const positions: SyntheticPosition[] = [];
  const asked: SyntheticQuestion[] = [];
  const versions: KeptVersion[] = [];
  const route = pick(random, path);
  const used = new Set<number>();
  let day = context.opened + between(random, 20, 60);
  while (day <= context.lastDay && positions.length < route.length) {
    const position = route[positions.length]!;
    const at = workingTime(random, day);
    const record: SyntheticPosition = {
      id: uuidAt(positionKey, strideId(context.childIndex, MAX_POSITIONS, positions.length)),
      childPersonId: childId,
      position,
      reasons: about(pick(random, positionReasons[position]), childName),
      assessedOn: isoDay(day),
      recordedAt: isoTime(at),
      recordedBy: practitioner.user.id,
      recordedByLabel: practitioner.user.fullName,
    };
    positions.push(record);
    context.audit({
      at,
      userIndex: practitioner.index,
      action: 'safe_uncertainty.position_recorded',
      subjectType: 'child_record',
      subjectId: childId,
      details: { positionId: record.id, position, assessedOn: record.assessedOn },
      reason: null,
    });
    if (asked.length < 3 && (positions.length === 1 || chance(random, 0.4))) {
      const question = pick(
        random,
        questions.filter((_, index) => !used.has(index)),
      );
      used.add(questions.indexOf(question));
      const revisit = day + between(random, 28, 90);
      const id = uuidAt(questionKey, strideId(context.childIndex, MAX_QUESTIONS, asked.length));
      const raisedAt = at + 5 * 60_000;
      const row: SyntheticQuestion = {
        id,
        childPersonId: childId,
        kind: question.kind,
        wording: about(question.wording, childName),
        raisedOn: isoDay(day),
        revisitOn: isoDay(revisit),
        recordedAt: isoTime(raisedAt),
        recordedBy: practitioner.user.id,
        recordedByLabel: practitioner.user.fullName,
        finding: null,
        foundOn: null,
        findingRecordedAt: null,
        findingRecordedBy: null,
        findingRecordedByLabel: null,
        version: 1,
      };
      const content = () => ({
        kind: row.kind,
        wording: row.wording,
        raisedOn: row.raisedOn,
        revisitOn: row.revisitOn,
        finding: row.finding,
        foundOn: row.foundOn,
        findingRecordedByLabel: row.findingRecordedByLabel,
      });
      const keep = (at: number) =>
        versions.push({
          recordType: 'safe_uncertainty_question',
          recordId: id,
          version: row.version,
          recordedAt: isoTime(at),
          recordedBy: practitioner.user.id,
          recordedByLabel: practitioner.label,
          reason: null,
          content: content(),
        });
      keep(raisedAt);
      context.audit({
        at: raisedAt,
        userIndex: practitioner.index,
        action: 'safe_uncertainty.question_added',
        subjectType: 'child_record',
        subjectId: childId,
        details: { questionId: id, kind: row.kind },
        reason: null,
      });
      const foundDay = revisit + between(random, -7, 14);
      if (foundDay <= context.lastDay && chance(random, 0.85)) {
        const foundAt = workingTime(random, foundDay);
        row.finding = about(question.finding, childName);
        row.foundOn = isoDay(foundDay);
        row.findingRecordedAt = isoTime(foundAt);
        row.findingRecordedBy = practitioner.user.id;
        row.findingRecordedByLabel = practitioner.user.fullName;
        row.version = 2;
        keep(foundAt);
        context.audit({
          at: foundAt,
          userIndex: practitioner.index,
          action: 'safe_uncertainty.finding_recorded',
          subjectType: 'child_record',
          subjectId: childId,
          details: { questionId: id, version: 2, changedEarlierFinding: false },
          reason: null,
        });
      }
      asked.push(row);
    }
    day += between(random, 60, 150);
  }
  return { positions, questions: asked, versions };
}
