/**
 * The synthetic council is deterministic for a seed, and what it makes would pass the same
 * validation as a practitioner typing it into Kith's forms.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mock, test } from 'node:test';
import { detailsFormSchema, detailsToForm, parseDateOfBirth } from '../src/features/people/details.js';
import { GENESIS_HASH, hashEntry } from '../src/platform/audit/chain.js';
import {
  auditFieldsAt,
  chainedAuditEntries,
  generateCouncil,
  generateNetwork,
  generateTies,
  LARGE_NETWORK_SIZE,
  planAuditTrail,
  planCouncil,
  type SyntheticOptions,
} from './synthetic-council.js';
import { recordsOfChild, type ChildRecords } from './synthetic-records.js';
import {
  contentChangesSchema,
  decisionSchema as assessmentDecisionSchema,
} from '../src/features/assessment-of-need/validation.js';
import { decideSignOff, nextStatus, type AssessmentStatus } from '../src/features/assessment-of-need/lifecycle.js';
import { findingSchema, newPositionSchema, newQuestionSchema } from '../src/features/safe-uncertainty/validation.js';
import {
  actionSchema as planActionSchema,
  agreementSchema,
  goalSchema,
  reasonSchema,
  reviewSchema,
  startPlanSchema,
} from '../src/features/plans/validation.js';
import {
  nextActionDueOn,
  reasonProblem,
  reviewDateProblem,
  type PlanContent,
} from '../src/features/plans/plan-rules.js';
import { parseDirectWork } from '../src/features/voice/direct-work.js';
import { participationWays } from '../src/features/voice/schema.js';
import { isoDate } from '../src/features/voice/visit-form.js';
import {
  actionSchema as meetingActionSchema,
  agreementSchema as meetingAgreementSchema,
  decisionSchema as meetingDecisionSchema,
  informationSchema,
  inviteeSchema as meetingInviteeSchema,
  newMeetingSchema,
  offerResponseSchema,
  offerSchema,
  outcomeSchema,
  preparationSchema,
  preparationVisitSchema,
  privateTimeSchema,
} from '../src/features/meetings/validation.js';
import {
  agreementProblems,
  coordinatorProblem,
  privateTimeProblems,
  stageAfter,
  stageProblem,
  type Conference,
  type StagePart,
} from '../src/features/meetings/conference.js';
import type { ConferenceStage } from '../src/features/meetings/schema.js';
import { relationshipFactsSchema } from '../src/features/network/validation.js';
import { scoreSchema, validateEntry } from '../src/features/mapping/domain.js';
import { generateMappings } from './synthetic-mappings.js';
import { generateVisits } from './synthetic-visits.js';
import { parseVisit, visitToForm } from '../src/features/voice/visit-form.js';

const options: SyntheticOptions = {
  seed: 42,
  children: 60,
  slug: 'synthetic-test',
  name: 'Synthetic Test Council',
  asOf: '2026-11-01',
};
const fingerprint = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

test('the same seed makes exactly the same council; another seed makes a different one', () => {
  const first = generateCouncil(options);
  const again = generateCouncil(options);
  assert.equal(fingerprint(again), fingerprint(first));
  const other = generateCouncil({ ...options, seed: 43 });
  assert.notEqual(fingerprint(other.people), fingerprint(first.people));
  assert.equal(first.childRecords.length, 60);
});

test('every synthetic child and network member passes the validation a form applies to typed details', () => {
  const council = generateCouncil(options);
  const today = new Date(`${options.asOf}T12:00:00Z`);
  let checked = 0;
  for (const person of council.people) {
    const form = detailsToForm({
      fullName: person.fullName,
      knownAs: person.knownAs,
      pronouns: person.pronouns,
      dateOfBirth: person.dateOfBirth,
      dateOfBirthIsApproximate: person.dateOfBirthIsApproximate,
      languages: person.languages,
      whatTheyBring: person.whatTheyBring,
    });
    const parsed = detailsFormSchema.safeParse({
      ...form,
      reason: 'Synthetic data check',
      isCorrection: false,
      expectedVersion: 0,
    });
    assert.ok(parsed.success, `${person.fullName}: ${parsed.success ? '' : parsed.error.message}`);
    if (person.dateOfBirth) {
      const dob = parseDateOfBirth(String(form.dobDay), String(form.dobMonth), String(form.dobYear), today);
      assert.ok(dob.ok, `${person.fullName}: date of birth ${person.dateOfBirth}`);
    }
    checked += 1;
  }
  assert.ok(checked > 60 * 10, `networks are realistic in size (${checked} people for 60 children)`);
  for (const record of council.childRecords) assert.match(record.reference, /^[A-Z0-9-]{3,20}$/);
});

test('the audit trail it writes is a valid chain: each entry names the hash of the one before', () => {
  const council = generateCouncil(options);
  assert.ok(council.auditEntries.length > 100);
  let previousHash = GENESIS_HASH;
  for (const entry of council.auditEntries) {
    assert.equal(entry.previousHash, previousHash);
    // Recomputed with the application's own function, as `npm run audit:verify` does.
    assert.equal(entry.hash, hashEntry(previousHash, entry.fields));
    previousHash = entry.hash;
  }
});

test('every synthetic tie passes the relationship rules a form applies, and the large network has about 400', () => {
  const plan = generateCouncil(options).plan;
  const large = plan.children.find((child) => child.networkSize === LARGE_NETWORK_SIZE);
  assert.ok(large, 'the first practitioner works with a child whose network has 150 people');
  for (const child of [plan.children[1]!, large]) {
    const people = generateNetwork(plan, child.index);
    const { members, ties } = generateTies(plan, child.index, people);
    assert.equal(members.length, people.length - 1);
    const keys = new Set<string>();
    for (const tie of ties) {
      const parsed = relationshipFactsSchema.safeParse({ ...tie, startedOn: null, endedOn: null, notes: null });
      assert.ok(parsed.success, parsed.success ? '' : parsed.error.message);
      const key = `${[tie.fromPersonId, tie.toPersonId].sort().join('+')}:${tie.type}`;
      assert.ok(!keys.has(key), 'no duplicate ties');
      keys.add(key);
    }
    assert.equal(new Set(ties.map((tie) => tie.id)).size, ties.length, 'ids are unique');
    if (child === large) assert.ok(ties.length >= 350 && ties.length <= 450, `${ties.length} ties`);
  }
  const again = generateTies(plan, large.index, generateNetwork(plan, large.index));
  assert.equal(fingerprint(again), fingerprint(generateTies(plan, large.index, generateNetwork(plan, large.index))));
});

test('synthetic mappings are deterministic, follow the same rules as the form, and rise gently over time', () => {
  const plan = planCouncil(options);
  const first = plan.children.map((child) => generateMappings(plan, child.index, generateNetwork(plan, child.index)));
  const again = plan.children.map((child) => generateMappings(plan, child.index, generateNetwork(plan, child.index)));
  assert.equal(fingerprint(again), fingerprint(first));
  const all = first.flat();
  assert.ok(all.length >= plan.children.length, `${all.length} mappings for ${plan.children.length} children`);
  const ids = new Set(all.flatMap((mapping) => [mapping.id, ...mapping.entries.map((entry) => entry.id)]));
  assert.equal(ids.size, all.length + all.reduce((sum, mapping) => sum + mapping.entries.length, 0), 'no id repeats');
  for (const mapping of all) {
    assert.ok(mapping.heldOn <= options.asOf, 'nothing is dated after the council’s today');
    for (const entry of mapping.entries) {
      const checked = validateEntry(entry.section, { ...entry });
      assert.ok(checked.valid, JSON.stringify(entry));
    }
    for (const score of mapping.scores) assert.ok(scoreSchema.safeParse(score).success, JSON.stringify(score));
    assert.ok(mapping.scores.length >= 1);
  }
});

test('synthetic visits are deterministic and pass the visit form’s own checks', () => {
  const plan = planCouncil(options);
  const visitsOf = (index: number) => generateVisits(plan, index, generateNetwork(plan, index));
  assert.equal(fingerprint(visitsOf(3)), fingerprint(visitsOf(3)));
  const all = plan.children.flatMap((child) => visitsOf(child.index));
  assert.ok(all.length > plan.children.length * 10, `${all.length} visits`);
  assert.equal(new Set(all.map((visit) => visit.id)).size, all.length, 'no id repeats');
  // The seed may run at any hour of the council's today, so every visit is before it began.
  const now = new Date(`${options.asOf}T00:00:00Z`);
  assert.ok(
    all.every((visit) => new Date(visit.happenedAt) < now),
    'no visit on or after the council’s today',
  );
  for (const visit of all.filter((_, index) => index % 7 === 0)) {
    const parsed = parseVisit(visitToForm({ ...visit, place: visit.place, whoWasThere: [] }), {
      network: new Map(),
      childName: 'the child',
      now,
      isCorrection: false,
    });
    assert.ok(parsed.ok, `${visit.id}: ${parsed.ok ? '' : JSON.stringify(parsed.errors)}`);
  }
});

// ---- Assessments, plans, the child's words and meetings --------------------------------------

const recordsPlan = planCouncil({ ...options, children: 120 });
const everyRecord = recordsPlan.children.map((child) => recordsOfChild(recordsPlan, child.index));
const asOf = recordsPlan.options.asOf;
/** Runs `check` as if today were `day`: the forms refuse dates in the future (or the past) of today. */
function onDay<T>(day: string, check: () => T): T {
  mock.timers.enable({ apis: ['Date'], now: Date.parse(`${day}T12:00:00Z`) });
  try {
    return check();
  } finally {
    mock.timers.reset();
  }
}
/** The form's schema accepts it, and keeps these fields exactly as generated (nothing trimmed or changed). */
const ok = (
  parsed: { success: boolean; error?: { message: string }; data?: unknown },
  what: unknown,
  unchanged: readonly string[] = [],
) => {
  assert.ok(parsed.success, `${JSON.stringify(what).slice(0, 300)}: ${parsed.error?.message ?? ''}`);
  const data = parsed.data as Record<string, unknown>;
  for (const key of unchanged) assert.deepEqual(data[key], (what as Record<string, unknown>)[key], key);
};

test('a child’s records are the same for the same seed, and different for another', () => {
  const again = recordsPlan.children.map((child) => recordsOfChild(recordsPlan, child.index));
  assert.equal(fingerprint(again), fingerprint(everyRecord));
  const otherPlan = planCouncil({ ...options, children: 120, seed: 43 });
  assert.notEqual(fingerprint(recordsOfChild(otherPlan, 5)), fingerprint(everyRecord[5]));
  const ids = everyRecord.flatMap((records) => [
    ...records.assessments.flatMap((a) => [a.id, ...a.versions.map((v) => v.id)]),
    ...records.positions.map((p) => p.id),
    ...records.questions.map((q) => q.id),
    ...records.words.map((w) => w.id),
    ...records.directWork.map((d) => d.id),
    ...records.preferences.map((p) => p.id),
    ...records.plans.flatMap((p) => [
      p.id,
      ...p.reviews.map((r) => r.id),
      ...p.agreements.map((a) => a.id),
      ...p.goals.map((g) => g.id),
      ...p.actions.map((a) => a.id),
    ]),
    ...records.meetings.flatMap((m) => [m.id, ...m.invitees.map((i) => i.id)]),
    ...records.offers.map((o) => o.id),
  ]);
  assert.equal(new Set(ids).size, ids.length, 'no id repeats');
  const kept = everyRecord.flatMap((records) =>
    records.versions.map((v) => `${v.recordType}:${v.recordId}:${v.version}`),
  );
  assert.equal(new Set(kept).size, kept.length, 'each kept version is there once');
});

test('the proportions are realistic: most children assessed, planned and heard; some meetings and conferences', () => {
  const share = (count: (records: ChildRecords) => boolean) => everyRecord.filter(count).length / everyRecord.length;
  assert.ok(share((r) => r.assessments.length > 0) > 0.8, 'most children have an assessment of need');
  const versions = everyRecord.flatMap((r) => r.assessments.flatMap((a) => a.versions));
  assert.ok(versions.filter((v) => v.status === 'signed_off').length / versions.length > 0.75, 'most are signed off');
  assert.ok(
    versions.some((v) => v.status !== 'signed_off'),
    'some are in progress',
  );
  assert.ok(share((r) => r.plans.length > 0) > 0.7, 'most children have a plan');
  assert.ok(share((r) => r.plans.some((p) => p.reviews.length >= 2)) > 0.3, 'plans are reviewed');
  assert.ok(share((r) => r.words.length > 0) > 0.6, 'most children’s own words are recorded');
  const meetings = share((r) => r.meetings.length > 0);
  assert.ok(meetings > 0.3 && meetings < 0.9, `a share of children have meetings (${meetings})`);
  assert.ok(everyRecord.some((r) => r.meetings.some((m) => m.kind === 'family_group_conference')));
  const open = everyRecord.filter((_, index) => recordsPlan.children[index]!.record.status === 'open');
  const overdue = open.filter((r) =>
    r.plans.some((p) => p.actions.some((a) => a.status !== 'done' && a.dueOn < asOf)),
  ).length;
  assert.ok(
    overdue > 0 && overdue < open.length / 2,
    `some, not most, have overdue actions (${overdue}/${open.length})`,
  );
});

test('assessments of need pass the form’s rules, move through their life as the service allows, and are signed off by someone else', () => {
  for (const [index, records] of everyRecord.entries()) {
    const child = recordsPlan.children[index]!;
    for (const assessment of records.assessments) {
      for (const version of assessment.versions) {
        ok(contentChangesSchema.safeParse(version.content), version.content);
        if (version.status === 'signed_off') {
          ok(assessmentDecisionSchema.safeParse({ decision: 'sign_off', comment: version.signOffComment }), version);
          assert.notEqual(version.signedOffBy, version.authorUserId);
          assert.notEqual(version.signedOffBy, version.submittedBy);
          const manager = recordsPlan.users.find((user) => user.id === version.signedOffBy)!;
          assert.equal(manager.teamIndex, child.teamIndex, 'the manager of the child’s team signs off');
          const decision = decideSignOff({
            actor: { userId: manager.id, roles: manager.roles },
            mayChangeRecord: true,
            version: {
              status: 'submitted',
              authorUserId: version.authorUserId,
              submittedBy: version.submittedBy,
              contributorIds: [version.authorUserId],
            },
          });
          assert.ok(decision.allowed);
        }
        if (version.returnComment)
          ok(assessmentDecisionSchema.safeParse({ decision: 'return', comment: version.returnComment }), version);
        assert.ok(version.updatedAt.slice(0, 10) < asOf, 'nothing dated today or later');
      }
      // Each kept revision follows the lifecycle: started, saved, submitted, (returned...), signed off.
      for (const version of assessment.versions) {
        const revisions = records.versions.filter((kept) => kept.recordId === version.id);
        assert.equal(revisions.length, version.revision);
        let status: AssessmentStatus = 'draft';
        for (const kept of revisions.slice(1)) {
          const next = kept.content.status as AssessmentStatus;
          const move = kept.content.event as string;
          const action =
            move === 'saved' ? 'edit' : move === 'submitted' ? 'submit' : move === 'signed_off' ? 'sign_off' : 'return';
          assert.equal(nextStatus(status, action), next, `${status} -> ${next}`);
          status = next;
        }
        assert.equal(status, version.status);
      }
      const open = assessment.versions.filter((version) => version.status !== 'signed_off');
      assert.ok(
        open.length <= 1 && (open.length === 0 || open[0] === assessment.versions.at(-1)),
        'one version worked on at a time',
      );
    }
  }
});

test('safe uncertainty positions, questions and findings pass the form’s rules on the day they were recorded', () => {
  let checked = 0;
  for (const records of everyRecord) {
    for (const position of records.positions) {
      onDay(position.assessedOn, () => {
        ok(newPositionSchema.safeParse(position), position);
      });
      checked += 1;
    }
    for (const question of records.questions) {
      onDay(question.raisedOn, () => {
        ok(newQuestionSchema.safeParse(question), question);
      });
      if (question.finding !== null) {
        onDay(question.foundOn!, () => {
          ok(findingSchema.safeParse(question), question);
        });
      }
    }
  }
  assert.ok(checked > 10, `${checked} positions`);
});

test('plans pass the plan forms’ rules: every version, review and agreement, and no change of what is expected without a reason', () => {
  let reviews = 0;
  for (const records of everyRecord) {
    for (const plan of records.plans) {
      const kept = records.versions.filter((version) => version.recordType === 'plan' && version.recordId === plan.id);
      assert.equal(kept.length, plan.version, 'every version is kept');
      const first = kept[0]!.content as unknown as PlanContent;
      ok(
        startPlanSchema.safeParse({ ...first, support: first.support ?? '', fromMapping: plan.fromMappingId !== null }),
        first,
      );
      for (const [index, version] of kept.entries()) {
        const content = version.content as unknown as PlanContent;
        for (const goal of content.goals) {
          ok(
            goalSchema.safeParse({
              ...goal,
              professionalWording: goal.professionalWording ?? '',
              worryIds: goal.worries.map((worry) => worry.id),
            }),
            goal,
            ['goalInFamilyWords', 'professionalWording'],
          );
        }
        for (const action of content.actions) {
          ok(planActionSchema.safeParse(action), action, [
            'whatWillHappen',
            'ownerName',
            'ownerPersonId',
            'dueOn',
            'status',
          ]);
        }
        if (version.reason !== null) ok(reasonSchema.safeParse(version.reason), version.reason);
        if (index > 0) {
          const agreedBefore = plan.agreedVersion !== null && plan.agreedVersion < version.version;
          const before = kept[index - 1]!.content as unknown as PlanContent;
          assert.equal(reasonProblem(agreedBefore ? 'agreed' : 'draft', before, content, version.reason ?? ''), null);
        }
      }
      const latest = kept.at(-1)!.content as unknown as PlanContent;
      assert.deepEqual(latest.actions, plan.actions, 'the plan holds its latest version');
      assert.equal(plan.nextActionDueOn, nextActionDueOn(plan.actions));
      for (const review of plan.reviews) {
        ok(
          reviewSchema.safeParse({
            ...review,
            whatHasChanged: review.whatHasChanged ?? '',
            whatHasBeenAchieved: review.whatHasBeenAchieved ?? '',
            decisions: review.decisions ?? '',
          }),
          review,
          ['heldOn', 'whoCame', 'scores', 'whatHasChanged', 'whatHasBeenAchieved', 'decisions', 'nextReviewBy'],
        );
        assert.equal(reviewDateProblem(review.heldOn, plan.startsOn), null);
        assert.ok(review.heldOn < asOf);
        reviews += 1;
      }
      for (const agreement of plan.agreements) {
        ok(agreementSchema.safeParse({ ...agreement, inTheirWords: agreement.inTheirWords ?? '' }), agreement);
        assert.ok(agreement.planVersion <= plan.version);
      }
      if (plan.status === 'agreed') assert.ok(plan.agreedOn! >= plan.startsOn);
    }
  }
  assert.ok(reviews > 50, `${reviews} reviews`);
});

test('the child’s words, direct work and how they want to take part pass the same checks as the forms', () => {
  let directWork = 0;
  for (const records of everyRecord) {
    for (const quote of records.words) {
      assert.ok(quote.words.trim() !== '' && quote.words.length <= 4000);
      assert.ok(quote.heardBy.trim() !== '' && quote.heardBy.length <= 300);
      assert.ok(quote.setting === null || quote.setting.length <= 300);
      assert.ok(quote.heardOn < asOf);
    }
    for (const work of records.directWork) {
      const [year, month, day] = work.doneOn.split('-');
      const values: Record<string, string> = {
        'doneOn-Day': String(Number(day)),
        'doneOn-Month': String(Number(month)),
        'doneOn-Year': year!,
        doneWith: work.doneWith,
      };
      for (const [part, items] of Object.entries(work.childsWords)) values[part] = items.join('\n');
      const parsed = parseDirectWork(work.tool, values, asOf, isoDate);
      assert.ok(parsed.ok, JSON.stringify(parsed));
      assert.deepEqual(parsed.record, { doneOn: work.doneOn, doneWith: work.doneWith, childsWords: work.childsWords });
      directWork += 1;
    }
    for (const preference of records.preferences) {
      assert.ok(participationWays.includes(preference.way));
      assert.ok(preference.inTheirWords === null || preference.inTheirWords.length <= 4000);
      assert.ok(preference.saidOn < asOf);
    }
  }
  assert.ok(directWork > 20, `${directWork} pieces of direct work`);
});

test('meetings, invitations, offers and family group conferences pass the meeting forms’ rules, stage by stage', () => {
  const blank = (value: string | null) => value ?? '';
  let conferences = 0;
  for (const [index, records] of everyRecord.entries()) {
    const child = recordsPlan.children[index]!;
    for (const offer of records.offers) {
      ok(offerSchema.safeParse(offer), offer);
      ok(
        offerResponseSchema.safeParse({
          ...offer,
          respondedOn: blank(offer.respondedOn),
          familyReason: blank(offer.familyReason),
        }),
        offer,
      );
    }
    for (const meeting of records.meetings) {
      ok(
        newMeetingSchema.safeParse({
          kind: meeting.kind,
          heldOn: meeting.heldOn,
          startsAt: blank(meeting.startsAt),
          endsAt: blank(meeting.endsAt),
          place: meeting.place,
          purpose: blank(meeting.purpose),
          coordinatorUserId: blank(meeting.coordinatorUserId),
          offerId: blank(meeting.offerId),
          reviewOfMeetingId: blank(meeting.reviewOfMeetingId),
        }),
        meeting,
        [
          'kind',
          'heldOn',
          'startsAt',
          'endsAt',
          'place',
          'purpose',
          'coordinatorUserId',
          'offerId',
          'reviewOfMeetingId',
        ],
      );
      for (const invitee of meeting.invitees) {
        ok(
          meetingInviteeSchema.safeParse({
            personId: blank(invitee.personId),
            name: invitee.name,
            relationship: blank(invitee.relationship),
            circle: invitee.circle,
          }),
          invitee,
          ['personId', 'name', 'relationship', 'circle'],
        );
        ok(
          preparationVisitSchema.safeParse({
            attendance: invitee.attendance,
            preparationVisitOn: blank(invitee.preparationVisitOn),
            preparationNotes: blank(invitee.preparationNotes),
          }),
          invitee,
        );
      }
      ok(
        outcomeSchema.safeParse({
          childPreference: blank(meeting.childPreference),
          howChildTookPart: blank(meeting.howChildTookPart),
          whatWasShared: blank(meeting.whatWasShared),
          professionalNotes: blank(meeting.professionalNotes),
        }),
        meeting,
        ['childPreference', 'howChildTookPart', 'whatWasShared', 'professionalNotes'],
      );
      for (const decision of meeting.decisions)
        ok(meetingDecisionSchema.safeParse(decision), decision, ['decision', 'reason']);
      for (const action of meeting.actions) {
        ok(meetingActionSchema.safeParse(action), action, ['whatWillHappen', 'ownerName', 'dueOn', 'forThePlan']);
      }
      const kept = records.versions.filter(
        (version) => version.recordType === 'meeting' && version.recordId === meeting.id,
      );
      assert.equal(kept.length, meeting.version, 'every version is kept');
      if (meeting.kind !== 'family_group_conference') continue;
      // A conference: an independent coordinator, and each stage recorded after the ones before.
      conferences += 1;
      const coordinator = recordsPlan.users.find((user) => user.id === meeting.coordinatorUserId)!;
      assert.ok(coordinator.roles.includes('fgc_coordinator'));
      assert.equal(coordinatorProblem(coordinator.id, [child.allocation.userId]), null);
      const { conference } = meeting;
      const fromFamily = meeting.invitees.filter(
        (invitee) => invitee.circle === 'family' || invitee.circle === 'network',
      ).length;
      const stages: [StagePart, unknown][] = [];
      if (conference.preparation) {
        ok(
          preparationSchema.safeParse(
            Object.fromEntries(Object.entries(conference.preparation).map(([key, value]) => [key, value ?? ''])),
          ),
          conference.preparation,
        );
        stages.push(['preparation', conference.preparation]);
      }
      if (conference.information) {
        const information = conference.information;
        ok(
          informationSchema.safeParse({
            ...information,
            resources: blank(information.resources),
            questionsAndAnswers: blank(information.questionsAndAnswers),
          }),
          information,
        );
        stages.push(['information', information]);
      }
      if (conference.privateFamilyTime) {
        ok(privateTimeSchema.safeParse(conference.privateFamilyTime), conference.privateFamilyTime);
        assert.deepEqual(privateTimeProblems(conference.privateFamilyTime), []);
        stages.push(['privateFamilyTime', conference.privateFamilyTime]);
      }
      if (conference.agreement) {
        const agreement = conference.agreement;
        const parsed = meetingAgreementSchema.safeParse({
          ...agreement,
          meetsBottomLines: agreement.meetsBottomLines ? 'yes' : 'no',
          planAccepted: agreement.planAccepted ? 'yes' : 'no',
          unmetBottomLinesReason: blank(agreement.unmetBottomLinesReason),
          changesAndWhy: blank(agreement.changesAndWhy),
          resourcesCommitted: blank(agreement.resourcesCommitted),
        });
        ok(parsed, agreement);
        assert.deepEqual(agreementProblems(agreement, meeting.heldOn), []);
        stages.push(['agreement', agreement]);
        assert.equal(meeting.stage, agreement.planAccepted ? 'agreed' : 'agreement');
        if (agreement.planAccepted) {
          const plan = records.plans.find((candidate) => candidate.id === meeting.planId);
          assert.ok(
            plan && plan.kind === 'family_plan' && plan.sharedWithFamily,
            'the family’s plan became the child’s plan',
          );
        }
      }
      let recorded: Conference = {};
      let stage: ConferenceStage = 'preparation';
      for (const [part, value] of stages) {
        assert.equal(stageProblem(part, recorded, stage, fromFamily), null, `${part} in order`);
        recorded = { ...recorded, [part]: value };
        stage = stageAfter(part, stage, recorded.agreement);
      }
    }
  }
  assert.ok(conferences > 0, 'some families have a family group conference');
});

test('the audit trail takes the entries the records’ making wrote, and stays a valid chain', () => {
  const events = everyRecord.flatMap((records) => records.events);
  const trail = planAuditTrail(recordsPlan, events);
  const actions = new Set(trail.events.map((_, index) => auditFieldsAt(trail, index).action));
  for (const action of [
    'assessment.started',
    'assessment.signed_off',
    'plan.start',
    'plan.agree',
    'plan.review',
    'plan.change',
    'plan.agreement',
    'childs_words.recorded',
    'direct_work.recorded',
    'meeting.plan',
    'meeting.record',
  ]) {
    assert.ok(actions.has(action), `the trail has ${action}`);
  }
  let previousHash = GENESIS_HASH;
  let last = 0;
  for (const entry of chainedAuditEntries(trail)) {
    assert.equal(entry.previousHash, previousHash);
    assert.equal(entry.hash, hashEntry(previousHash, entry.fields));
    assert.ok(entry.fields.occurredAt.getTime() >= last, 'in time order');
    last = entry.fields.occurredAt.getTime();
    previousHash = entry.hash;
  }
  const again = planAuditTrail(
    recordsPlan,
    recordsPlan.children.flatMap((child) => recordsOfChild(recordsPlan, child.index).events),
  );
  assert.equal(fingerprint(again.events), fingerprint(trail.events));
});
