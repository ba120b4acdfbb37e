// `npm run docs:glossary`: writes docs/glossary.md from workflows/common/glossary.ts, the one list
// of Chinese terms the console and the notifications use. A test fails when the two drift.
import { writeFileSync } from 'node:fs';
import * as g from '../workflows/common/glossary.js';

const table = (rows: [string, string][], head: [string, string]) =>
  [`| ${head[0]} | ${head[1]} |`, '|---|---|', ...rows.map(([k, v]) => `| \`${k}\` | ${v} |`)].join('\n');
const section = (
  title: string,
  about: string,
  labels: Record<string, string>,
  head: [string, string] = ['key', '中文'],
) => `## ${title}\n\n${about}\n\n${table(Object.entries(labels), head)}\n`;

export function glossaryMarkdown(): string {
  return [
    '# Glossary (术语表)',
    '',
    'One Chinese term per concept. The console shows these words and the processes write them into',
    'their notifications; both take them from `workflows/common/glossary.ts`, and this page is generated',
    'from that file (`npm run docs:glossary`; a test fails when it is out of date). Add a term there, not in a page.',
    '',
    section(
      'Processes',
      'The process names, by their kebab name (workflow-id prefix, `process` of a work item).',
      g.processLabels,
    ),
    section('Roles', 'The roles a token carries (`roles` claim).', g.roleLabels),
    ...Object.entries(g.stateLabels).map(([process, labels]) =>
      section(
        `States: ${process} (${g.processLabels[process as keyof typeof g.processLabels]})`,
        'The states of the case, as the API names them.',
        labels,
      ),
    ),
    section(
      'Actions',
      "The `actions` of a case answer, as the console's buttons say them. In an open-data request, `reject` reads 不予开放.",
      g.actionLabels,
    ),
    section(
      'Audit events (审批记录)',
      "The actions recorded in the audit log, as a case's timeline shows them.",
      g.eventLabels,
    ),
    section('System actors', 'Who "the system" was in the audit log, when no person acted.', g.systemActorLabels),
    section('Other terms', 'Words the console and the notifications share.', g.terms),
    section('Share types', "A resource's share type (共享类型).", g.shareTypeLabels),
    section('Open types', "A resource's open type (开放类型).", g.openTypeLabels),
    section('Update cycles', "A resource's update cycle (更新周期).", g.updateCycleLabels),
    section('Freshness', 'Whether a resource keeps its update cycle (P6).', g.freshnessLabels),
    section('Delivery methods', 'How shared data is delivered (共享方式).', g.deliveryMethodLabels),
    section('Grades', "The annual assessment's grades.", g.gradeLabels),
    section(
      'Metric sources',
      "Where an agency's assessment metric comes from (the system's own records).",
      g.metricSourceLabels,
    ),
    section('Result stages', 'Whether an assessment result is preliminary (公示) or final.', g.resultStageLabels),
    section('Rectification states', 'Where a rectification (整改) stands.', g.rectificationStateLabels),
    section('Assessment terms', "The words of the annual assessment's pages (年度评估).", g.assessmentTerms),
    section('Objection outcomes', "A ruling's or the government's outcome.", g.objectionOutcomeLabels),
    section('Ruling stages', 'How an objection was concluded (办结方式).', g.rulingStageLabels),
    section('Objection parties', 'The side a statement in an objection speaks for.', g.partyLabels),
    section('Grant states', "A share grant's state (授权状态).", g.grantStateLabels),
    section('Renewal states', "A share grant renewal's state (续期).", g.renewalStateLabels),
    section('Correction outcomes', 'What the verifying agency found.', g.correctionOutcomeLabels),
    section('Agency levels', "An agency's level (机构级别).", g.agencyLevelLabels),
    section('Schedules', 'The Temporal Schedules shuzhi runs on its own, by id (定时任务).', g.scheduleLabels),
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync('docs/glossary.md', glossaryMarkdown());
  console.log('wrote docs/glossary.md');
}
