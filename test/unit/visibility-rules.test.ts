// Who may see a case, and in which role they act on it (docs/processes.md, each process's rules.ts). The
// API answers 404 to anyone these rules say may not know a case exists. Table-driven: one row, one rule.
import { describe, expect, it } from 'vitest';
import {
  actingRoleOnAssessment,
  canSeeAgencyAssessment,
  canSeeAssessmentCycle,
} from '../../workflows/assessment/rules.js';
import { agencyOfViewer, isBureauViewer, type Refusal, type Role, type Viewer } from '../../workflows/common/actors.js';
import { actingRoleOnCorrection, canSeeCorrection, correctionListScope } from '../../workflows/correction/rules.js';
import { actingRoleOnObjection } from '../../workflows/objection/rules.js';
import { actingRoleOnOpenData, canSeeOpenData, openDataListScope } from '../../workflows/open-data-request/rules.js';
import { actingRoleOn, canSeeShareApplication, partyListScope } from '../../workflows/share-application/rules.js';

const viewer = (sub: string, roles: Viewer['roles'], agency?: string): Viewer => ({ sub, roles, agency });
const staffA = viewer('staff-a', ['agency_staff'], 'APP');
const reviewerA = viewer('rev-a', ['agency_reviewer'], 'APP');
const reviewerP = viewer('rev-p', ['agency_reviewer'], 'PRV');
const staffP = viewer('staff-p', ['agency_staff'], 'PRV');
const other = viewer('staff-o', ['agency_staff', 'agency_reviewer'], 'OTH');
const coordinator = viewer('coord', ['bureau_coordinator']);
const admin = viewer('admin', ['bureau_admin']);
const assessor = viewer('assessor-1', ['assessor']);
const citizen = viewer('citizen-1', ['public']);
const gateway = viewer('gw', ['gateway']);
// An agency claim without an agency role gives no agency rights.
const publicWithAgency = viewer('citizen-2', ['public'], 'PRV');

describe('the viewer helpers', () => {
  it.each([
    [coordinator, true, null],
    [admin, true, null],
    [staffA, false, 'APP'],
    [reviewerP, false, 'PRV'],
    [assessor, false, null],
    [publicWithAgency, false, null],
  ] as const)('%o: bureau %s, agency %s', (v, bureau, agency) => {
    expect(isBureauViewer(v)).toBe(bureau);
    expect(agencyOfViewer(v)).toBe(agency);
  });
});

describe('P1 share application (共享申请): the parties and the bureau', () => {
  const parties = { applicantAgency: 'APP', providerAgency: 'PRV' };
  it.each([
    ['applicant staff', staffA, true],
    ['applicant reviewer', reviewerA, true],
    ['provider reviewer', reviewerP, true],
    ['provider staff', staffP, true],
    ['bureau coordinator', coordinator, true],
    ['bureau admin', admin, true],
    ['another agency', other, false],
    ['an assessor', assessor, false],
    ['a citizen', citizen, false],
    ['a public account claiming the provider agency', publicWithAgency, false],
    ['the credential gateway', gateway, false],
  ] as const)('%s sees it: %s', (_who, v, sees) => {
    expect(canSeeShareApplication(v, parties)).toBe(sees);
  });

  it.each([
    ['the provider reviewer decides', reviewerP, ['agency_reviewer'], 'agency_reviewer'],
    ['the applicant staff supplements', staffA, ['agency_staff'], 'agency_staff'],
    ['a coordinator urges as the bureau', coordinator, ['agency_staff', 'bureau_coordinator'], 'bureau_coordinator'],
    ['the applicant reviewer may not decide', reviewerA, ['agency_reviewer'], "only the provider's reviewer"],
    ['the provider staff may not supplement', staffP, ['agency_staff'], "only the applicant's staff"],
    ['a citizen holds none of the roles', citizen, ['agency_staff'], 'this needs one of the roles: agency_staff'],
  ] as const)('%s', (_what, v, allowed, expected) => {
    const role = actingRoleOn(v, parties, allowed);
    if (expected.includes(' ')) {
      expect(role).toMatchObject({ code: 'FORBIDDEN' });
      expect(typeof role === 'string' ? role : role.message).toContain(expected);
    } else expect(role).toBe(expected);
  });
});

describe('P3 open-data request (有条件开放申请): the requester, the provider and the bureau', () => {
  const request = { requesterUser: 'citizen-1', providerAgency: 'PRV' };
  it.each([
    ['the requester', citizen, true],
    ['another citizen', viewer('citizen-9', ['public']), false],
    ['provider staff', staffP, true],
    ['provider reviewer', reviewerP, true],
    ['another agency', staffA, false],
    ['the bureau', coordinator, true],
    ['a public account claiming the provider agency', publicWithAgency, false],
    // The subject alone is not enough: the requester is a public user.
    ['an agency user whose subject is the requester', viewer('citizen-1', ['agency_staff'], 'OTH'), false],
  ] as const)('%s sees it: %s', (_who, v, sees) => {
    expect(canSeeOpenData(v, request)).toBe(sees);
  });
});

describe('P5 correction (数据纠错): the reporter, the provider, the verifying agency and the bureau', () => {
  const report = { reporterId: 'staff-a', assignedAgency: 'VER', providerAgency: 'PRV' };
  it.each([
    ['the reporter', staffA, report, true],
    ['a colleague of the reporter', reviewerA, report, false],
    ['the provider', reviewerP, report, true],
    ['the verifying agency', viewer('ver-1', ['agency_reviewer'], 'VER'), report, true],
    ['another agency', other, report, false],
    ['the bureau', admin, report, true],
    ['the provider while the bureau routes it', staffP, { ...report, assignedAgency: null }, true],
    ['an outsider while the bureau routes it', other, { ...report, assignedAgency: null }, false],
  ] as const)('%s sees it: %s', (_who, v, r, sees) => {
    expect(canSeeCorrection(v, r)).toBe(sees);
  });
});

describe('P4 assessment cycle: the bureau and the assessors', () => {
  it.each([
    ['a coordinator', coordinator, true],
    ['an admin', admin, true],
    ['an assessor', assessor, true],
    ['agency staff', staffA, false],
    ['a citizen', citizen, false],
  ] as const)('%s sees it: %s', (_who, v, sees) => {
    expect(canSeeAssessmentCycle(v)).toBe(sees);
  });
});

describe('P4 agency assessment (年度评估): the agency, its assessor and the bureau', () => {
  const row = { agencyCode: 'APP', assessorId: 'assessor-1' };
  it.each([
    ['the agency staff', staffA, row, true],
    ['the agency reviewer', reviewerA, row, true],
    ['another agency', reviewerP, row, false],
    ['the assigned assessor', assessor, row, true],
    ['another assessor', viewer('assessor-2', ['assessor']), row, false],
    ['an assessor before any is assigned', assessor, { ...row, assessorId: null }, false],
    ['the bureau', coordinator, row, true],
    ['a citizen', citizen, row, false],
  ] as const)('%s sees it: %s', (_who, v, r, sees) => {
    expect(canSeeAgencyAssessment(v, r)).toBe(sees);
  });
});

// The acting role on the other processes: a role, or the refusal's message.
const outcome = (r: Role | Refusal): string => (typeof r === 'string' ? r : `403 ${r.message}`);

describe('the role one acts in', () => {
  const parties = { applicantAgency: 'APP', providerAgency: 'PRV' };
  const request = { requesterUser: 'citizen-1', providerAgency: 'PRV' };
  it.each([
    ['P2: applicant staff makes a statement', actingRoleOnObjection(staffA, parties, ['agency_staff']), 'agency_staff'],
    [
      'P2: provider reviewer settles',
      actingRoleOnObjection(reviewerP, parties, ['agency_reviewer']),
      'agency_reviewer',
    ],
    [
      'P2: another agency may not speak',
      actingRoleOnObjection(other, parties, ['agency_staff']),
      '403 only the two agencies of the objection may do this',
    ],
    [
      'P2: the coordinator rules',
      actingRoleOnObjection(coordinator, parties, ['bureau_coordinator']),
      'bureau_coordinator',
    ],
    ['P3: the requester signs', actingRoleOnOpenData(citizen, request, ['public']), 'public'],
    [
      'P3: another citizen may not sign',
      actingRoleOnOpenData(viewer('citizen-9', ['public']), request, ['public']),
      '403 only the requester may do this',
    ],
    [
      'P3: the provider reviewer decides',
      actingRoleOnOpenData(reviewerP, request, ['agency_reviewer']),
      'agency_reviewer',
    ],
    [
      "P3: another agency's reviewer may not decide",
      actingRoleOnOpenData(reviewerA, request, ['agency_reviewer']),
      "403 only the provider's reviewer may do this",
    ],
    [
      'P5: the verifying reviewer answers',
      actingRoleOnCorrection(viewer('ver', ['agency_reviewer'], 'VER'), { assignedAgency: 'VER' }, ['agency_reviewer']),
      'agency_reviewer',
    ],
    [
      'P5: the provider may not answer for the verifying agency',
      actingRoleOnCorrection(reviewerP, { assignedAgency: 'VER' }, ['agency_reviewer']),
      "403 only the verifying agency's reviewer does this",
    ],
    [
      'P5: nobody answers while the bureau routes it',
      actingRoleOnCorrection(reviewerP, { assignedAgency: null }, ['agency_reviewer']),
      "403 only the verifying agency's reviewer does this",
    ],
    [
      'P5: the coordinator routes it',
      actingRoleOnCorrection(coordinator, { assignedAgency: null }, ['bureau_coordinator']),
      'bureau_coordinator',
    ],
    [
      'P4: the agency staff self-assesses',
      actingRoleOnAssessment(staffA, { agencyCode: 'APP' }, ['agency_staff']),
      'agency_staff',
    ],
    [
      "P4: another agency's staff may not",
      actingRoleOnAssessment(staffP, { agencyCode: 'APP' }, ['agency_staff']),
      '403 your role does not take this step of the assessment',
    ],
    [
      'P4: a coordinator is not the admin',
      actingRoleOnAssessment(coordinator, { agencyCode: 'APP' }, ['bureau_admin']),
      '403 this needs one of the roles: bureau_admin',
    ],
  ] as const)('%s', (_what, got, expected) => {
    expect(outcome(got)).toBe(expected);
  });
});

describe("a viewer's lists hold what they may see", () => {
  it.each([
    ['the bureau: every case', coordinator, {}, {}, {}],
    [
      'agency staff: its agency as party or provider, its own reports',
      staffA,
      { visibleToAgency: 'APP' },
      { providerAgency: 'APP' },
      { reporterId: 'staff-a', agency: 'APP' },
    ],
    [
      'a citizen: its own requests and reports',
      citizen,
      null,
      { requesterUser: 'citizen-1' },
      { reporterId: 'citizen-1' },
    ],
    ['an assessor: none but its own reports', assessor, null, null, { reporterId: 'assessor-1' }],
    [
      'a public account claiming an agency',
      publicWithAgency,
      null,
      { requesterUser: 'citizen-2' },
      { reporterId: 'citizen-2' },
    ],
  ] as const)('%s', (_who, v, parties, openData, corrections) => {
    expect(partyListScope(v)).toEqual(parties);
    expect(openDataListScope(v)).toEqual(openData);
    expect(correctionListScope(v)).toEqual(corrections);
  });
});
