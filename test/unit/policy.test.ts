// The policy: every day count of docs/processes.md with its default, overridable per deployment.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defaultPolicy, parsePolicy, type Policy } from '../../policy/index.js';

/** Reads a dotted key such as 'share.reviewWd' from a policy. */
const at = (policy: Policy, key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], policy);

/** The ZodError paths a refused override reports, e.g. ['share.reviewWd']. */
function refusedPaths(overrides: unknown): string[] {
  try {
    parsePolicy(overrides);
  } catch (error) {
    if (error instanceof z.ZodError) return error.issues.map((i) => i.path.join('.'));
    throw error;
  }
  throw new Error('expected parsePolicy to refuse the overrides');
}

// Each number as docs/processes.md states it, with the sentence it comes from.
const domainNumbers: [key: string, value: number | string, source: string][] = [
  ['remindWd', 2, 'Reminders: remindWd = 2 working days before a deadline, the case is due soon'],
  ['share.precheckWd', 2, 'P1: compliance pre-check within share.precheckWd = 2'],
  ['share.reviewWd', 10, 'P1: the provider answers within share.reviewWd = 10 working days'],
  ['share.supplementWd', 10, 'P1: no supplement within share.supplementWd = 10 -> closed'],
  ['share.extensionWd', 10, 'P1: extend once by at most share.extensionWd = 10'],
  ['share.expiryReminderDays', 10, 'P1: reminder share.expiryReminderDays = 10 natural days before'],
  ['share.objectionWindowWd', 15, 'P1: objection within share.objectionWindowWd = 15'],
  ['objection.negotiateWd', 5, 'P2: negotiation objection.negotiateWd = 5'],
  ['objection.providerStatementWd', 3, 'P2: provider answers within objection.providerStatementWd = 3'],
  ['objection.coordinateWd', 10, 'P2: coordinator rules within objection.coordinateWd = 10'],
  ['open.formalCheckWd', 5, 'P3: formal check within open.formalCheckWd = 5'],
  ['open.reviewWd', 10, 'P3: provider review within open.reviewWd = 10'],
  ['open.agreementWd', 5, 'P3: requester signs within open.agreementWd = 5'],
  ['open.reportEveryMonths', 6, 'P3: usage reports every open.reportEveryMonths = 6'],
  ['open.reportReminderDays', 7, 'P3: with a reminder 7 days before'],
  ['open.reportGraceWd', 10, 'P3: suspended after open.reportGraceWd = 10'],
  ['assessment.startsOn', '01-15', 'P4: assessment.startsOn = 01-15'],
  ['assessment.startsAt', '09:00', 'P4: 09:00 Asia/Shanghai'],
  ['assessment.selfWd', 10, 'P4: self-assessment within assessment.selfWd = 10'],
  ['assessment.reviewWd', 15, 'P4: review within assessment.reviewWd = 15'],
  ['assessment.noticeWd', 5, 'P4: notice period assessment.noticeWd = 5'],
  ['assessment.rectifyPlanWd', 10, 'P4: plan within assessment.rectifyPlanWd = 10'],
  ['assessment.rectifyDays', 30, 'P4: completion within assessment.rectifyDays = 30'],
  ['correction.forwardWd', 2, 'P5: forwarding deadline correction.forwardWd = 2'],
  ['correction.verifyWd', 5, 'P5: provider verifies within correction.verifyWd = 5'],
  ['correction.verifyExtendedWd', 10, 'P5: extendable to correction.verifyExtendedWd = 10'],
  ['freshness.overdueGraceWd', 2, 'P6: overdue at cycle + 2 working days'],
];

describe('defaultPolicy', () => {
  it.each(domainNumbers)('sets %s to %s (%s)', (key, value) => {
    expect(at(defaultPolicy, key)).toBe(value);
  });

  it('holds exactly the keys docs/processes.md names, and nothing else', () => {
    expect(defaultPolicy).toStrictEqual({
      remindWd: 2,
      share: {
        precheckWd: 2,
        reviewWd: 10,
        supplementWd: 10,
        extensionWd: 10,
        expiryReminderDays: 10,
        objectionWindowWd: 15,
      },
      objection: { negotiateWd: 5, providerStatementWd: 3, coordinateWd: 10 },
      open: {
        formalCheckWd: 5,
        reviewWd: 10,
        agreementWd: 5,
        reportEveryMonths: 6,
        reportReminderDays: 7,
        reportGraceWd: 10,
      },
      assessment: {
        startsOn: '01-15',
        startsAt: '09:00',
        selfWd: 10,
        reviewWd: 15,
        noticeWd: 5,
        rectifyPlanWd: 10,
        rectifyDays: 30,
      },
      correction: { forwardWd: 2, verifyWd: 5, verifyExtendedWd: 10 },
      freshness: { overdueGraceWd: 2, delinquentCycles: 2 },
    });
  });

  it('is what parsePolicy gives with no overrides, undefined or null', () => {
    expect(parsePolicy()).toStrictEqual(defaultPolicy);
    expect(parsePolicy(undefined)).toStrictEqual(defaultPolicy);
    expect(parsePolicy(null)).toStrictEqual(defaultPolicy);
    expect(parsePolicy({})).toStrictEqual(defaultPolicy);
  });

  it('survives a JSON round trip unchanged, so a workflow can keep it in history', () => {
    expect(JSON.parse(JSON.stringify(defaultPolicy))).toStrictEqual(defaultPolicy);
  });
});

describe('parsePolicy overrides', () => {
  it('changes only the key it names and keeps the rest of that section', () => {
    const policy = parsePolicy({ share: { reviewWd: 15 } });
    expect(policy.share).toStrictEqual({
      precheckWd: 2,
      reviewWd: 15,
      supplementWd: 10,
      extensionWd: 10,
      expiryReminderDays: 10,
      objectionWindowWd: 15,
    });
    expect(policy.objection).toStrictEqual({ negotiateWd: 5, providerStatementWd: 3, coordinateWd: 10 });
  });

  it('keeps the same-named key of another section at its default', () => {
    const policy = parsePolicy({ open: { reviewWd: 20 } });
    expect(policy.open.reviewWd).toBe(20);
    expect(policy.share.reviewWd).toBe(10);
    expect(policy.assessment.reviewWd).toBe(15);
  });

  it('overrides several sections at once', () => {
    const policy = parsePolicy({
      correction: { verifyWd: 3, verifyExtendedWd: 6 },
      assessment: { startsOn: '02-01', startsAt: '08:30' },
      freshness: { overdueGraceWd: 1 },
    });
    expect(policy.correction).toStrictEqual({ forwardWd: 2, verifyWd: 3, verifyExtendedWd: 6 });
    expect(policy.assessment).toStrictEqual({
      startsOn: '02-01',
      startsAt: '08:30',
      selfWd: 10,
      reviewWd: 15,
      noticeWd: 5,
      rectifyPlanWd: 10,
      rectifyDays: 30,
    });
    expect(policy.freshness).toStrictEqual({ overdueGraceWd: 1, delinquentCycles: 2 });
    expect(policy.share.reviewWd).toBe(10);
  });

  it('leaves defaultPolicy untouched', () => {
    parsePolicy({ share: { reviewWd: 15 } });
    expect(defaultPolicy.share.reviewWd).toBe(10);
  });

  it.each([
    ['share.reviewWd', { share: { reviewWd: 1 } }, 1],
    ['share.reviewWd', { share: { reviewWd: 365 } }, 365],
    ['share.expiryReminderDays', { share: { expiryReminderDays: 0 } }, 0],
    ['assessment.rectifyDays', { assessment: { rectifyDays: 0 } }, 0],
    ['open.reportReminderDays', { open: { reportReminderDays: 3650 } }, 3650],
    ['open.reportEveryMonths', { open: { reportEveryMonths: 60 } }, 60],
  ])('accepts %s at the edge of its range: %j', (key, overrides, value) => {
    expect(at(parsePolicy(overrides), key)).toBe(value);
  });
});

describe('parsePolicy refusals', () => {
  it.each([
    ['a zero working-day count', { share: { reviewWd: 0 } }, 'share.reviewWd'],
    ['a negative working-day count', { objection: { negotiateWd: -1 } }, 'objection.negotiateWd'],
    ['a fractional working-day count', { share: { extensionWd: 2.5 } }, 'share.extensionWd'],
    ['a fractional natural-day count', { share: { expiryReminderDays: 1.5 } }, 'share.expiryReminderDays'],
    ['a working-day count over a year', { correction: { verifyWd: 366 } }, 'correction.verifyWd'],
    ['a working-day count as a string', { open: { formalCheckWd: '5' } }, 'open.formalCheckWd'],
    ['a null working-day count', { assessment: { selfWd: null } }, 'assessment.selfWd'],
    ['NaN', { freshness: { overdueGraceWd: Number.NaN } }, 'freshness.overdueGraceWd'],
    ['Infinity', { share: { supplementWd: Number.POSITIVE_INFINITY } }, 'share.supplementWd'],
    ['a negative natural-day count', { assessment: { rectifyDays: -1 } }, 'assessment.rectifyDays'],
    ['a report cycle of zero months', { open: { reportEveryMonths: 0 } }, 'open.reportEveryMonths'],
    ['a report cycle over five years', { open: { reportEveryMonths: 61 } }, 'open.reportEveryMonths'],
    ['a start date without padding', { assessment: { startsOn: '1-15' } }, 'assessment.startsOn'],
    ['a start time without padding', { assessment: { startsAt: '9:00' } }, 'assessment.startsAt'],
    ['a section that is not an object', { share: 10 }, 'share'],
    ['an unknown top-level key', { sharing: { reviewWd: 15 } }, ''],
  ])('refuses %s, naming %s', (_, overrides, path) => {
    expect(refusedPaths(overrides)).toEqual([path]);
  });

  it('names the unknown top-level key in its message', () => {
    expect(() => parsePolicy({ sharing: {} })).toThrow(/sharing/);
  });

  it('reports every bad key at once', () => {
    expect(refusedPaths({ share: { reviewWd: 0, extensionWd: 0.5 }, correction: { verifyWd: 0 } }).sort()).toEqual([
      'correction.verifyWd',
      'share.extensionWd',
      'share.reviewWd',
    ]);
  });

  it.each([
    ['a string', 'reviewWd=15'],
    ['a number', 15],
    ['an array', [{ share: { reviewWd: 15 } }]],
  ])('refuses overrides that are %s', (_, overrides) => {
    expect(() => parsePolicy(overrides)).toThrow(z.ZodError);
  });
});

describe('misspelt keys', () => {
  it('refuses an unknown key inside a section rather than dropping it', () => {
    expect(() => parsePolicy({ share: { reviewWD: 15 } })).toThrow();
  });
});
