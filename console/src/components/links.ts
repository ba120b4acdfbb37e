// Where each case of each process lives in the console.
import type { processLabels } from '@glossary';

export type Process = keyof typeof processLabels;

export function caseLink(process: Process, caseId: string): string {
  switch (process) {
    case 'share-application':
      return `/share-applications/${caseId}`;
    case 'objection':
      return `/objections/${caseId}`;
    case 'open-data-request':
      return `/open-data-requests/${caseId}`;
    case 'correction':
      return `/corrections/${caseId}`;
    case 'assessment': {
      const [year, code] = caseId.split(':');
      return `/assessments/${year}/agencies/${code}`;
    }
    case 'assessment-cycle':
      return `/assessments/${caseId}`;
  }
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A case id as a list shows it: a UUID by its first eight characters, any other id (2025:BZ-PSB) whole. */
export const shortId = (id: string): string => (uuid.test(id) ? id.slice(0, 8) : id);
