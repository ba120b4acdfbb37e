// Every day count of docs/processes.md in one place, with its default. A deployment overrides any of them
// with SHUZHI_POLICY (JSON) or SHUZHI_POLICY_FILE; code never hard-codes a day count.
import { z } from 'zod';

const wd = (value: number) => z.number().int().min(1).max(365).default(value);
const days = (value: number) => z.number().int().min(0).max(3650).default(value);

export const policySchema = z
  .object({
    /** processes.md "Reminders": a case is due soon (即将超期) with at most this many working days left. */
    remindWd: z.number().int().min(0).max(30).default(2),
    share: z
      .object({
        precheckWd: wd(2),
        reviewWd: wd(10),
        supplementWd: wd(10),
        extensionWd: wd(10),
        expiryReminderDays: days(10),
        objectionWindowWd: wd(15),
      })
      .strict()
      .prefault({}),
    objection: z
      .object({
        negotiateWd: wd(5),
        providerStatementWd: wd(3),
        coordinateWd: wd(10),
      })
      .strict()
      .prefault({}),
    open: z
      .object({
        formalCheckWd: wd(5),
        reviewWd: wd(10),
        agreementWd: wd(5),
        reportEveryMonths: z.number().int().min(1).max(60).default(6),
        reportReminderDays: days(7),
        reportGraceWd: wd(10),
      })
      .strict()
      .prefault({}),
    assessment: z
      .object({
        startsOn: z
          .string()
          .regex(/^\d{2}-\d{2}$/)
          .default('01-15'),
        startsAt: z
          .string()
          .regex(/^\d{2}:\d{2}$/)
          .default('09:00'),
        selfWd: wd(10),
        reviewWd: wd(15),
        noticeWd: wd(5),
        rectifyPlanWd: wd(10),
        rectifyDays: days(30),
      })
      .strict()
      .prefault({}),
    correction: z
      .object({
        forwardWd: wd(2),
        verifyWd: wd(5),
        verifyExtendedWd: wd(10),
      })
      .strict()
      .prefault({}),
    freshness: z
      .object({
        overdueGraceWd: wd(2),
        // processes.md P6: delinquent after this many update cycles without an update (the bureau is told).
        delinquentCycles: z.number().int().min(2).max(12).default(2),
      })
      .strict()
      .prefault({}),
  })
  .strict();

/** The policy in force: JSON-safe, so a workflow can take it as input and keep it in history. */
export type Policy = z.output<typeof policySchema>;

export const defaultPolicy: Policy = policySchema.parse({});

/** Parses a deployment's overrides (a partial policy) over the defaults. Throws a ZodError naming the key. */
export function parsePolicy(overrides: unknown = {}): Policy {
  return policySchema.parse(overrides ?? {});
}
