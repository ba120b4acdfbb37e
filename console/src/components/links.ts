// Where each case of each process lives in the console.
import type { processLabels } from '@glossary';

export type Process = keyof typeof processLabels;

export function caseLink(process: Process, caseId: string): string {
  switch (process) {
    case 'share-application': return `/share-applications/${caseId}`;
    case 'objection': return `/objections/${caseId}`;
    case 'open-data-request': return `/open-data-requests/${caseId}`;
    case 'correction': return `/corrections/${caseId}`;
    case 'assessment': {
      const [year, code] = caseId.split(':');
      return `/assessments/${year}/agencies/${code}`;
    }
    case 'assessment-cycle': return `/assessments/${caseId}`;
  }
}
