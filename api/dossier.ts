// The objection's case dossier (卷宗): a printable zh-CN HTML page with everything a coordinator
// attaches when escalating. Every value is escaped; the page loads nothing from elsewhere.
import type { AuditEventRow } from '../db/queries/audit.js';
import type { ShareApplicationRow } from '../db/queries/share-application.js';
import {
  eventLabelIn,
  objectionOutcomeLabels,
  roleLabels,
  rulingStageLabels,
  stateLabels,
  systemActorLabels,
} from '../workflows/common/glossary.js';
import type { ObjectionDto } from './objections.js';

const escape = (value: unknown): string =>
  String(value ?? '—').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const local = (iso: string | Date | null | undefined): string => {
  if (!iso) return '—';
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return `${d.toISOString().slice(0, 16).replace('T', ' ')}`;
};

const label = (labels: Record<string, string>, key: string) => labels[key] ?? key;

/** The dossier runs no script and loads nothing: its one inline style sheet is all it needs. */
export const DOSSIER_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The dossier, in the glossary's words, with agencies by name (`agencyName` knows every code in it). */
export function renderDossier(
  o: ObjectionDto,
  application: ShareApplicationRow,
  timeline: AuditEventRow[],
  agencyName: (code: string) => string,
): string {
  const agency = (code: string | null | undefined) => escape(code ? agencyName(code) : null);
  const who = (a: { name?: string | null; id: string; role?: string; agency?: string | null } | null | undefined) => {
    if (!a) return '—';
    if (a.role === 'system') return `系统（${escape(label(systemActorLabels, a.name ?? ''))}）`;
    const role = a.role ? label(roleLabels, a.role) : null;
    const where = [role, a.agency ? agencyName(a.agency) : null].filter(Boolean).join(' · ');
    return `${escape(a.name ?? a.id)}${where ? `（${escape(where)}）` : ''}`;
  };
  const state = (s: string | null) => escape(s ? label(stateLabels.objection, s) : null);
  const rows = (pairs: [string, string][]) => pairs.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join('');
  const list = <T>(items: T[], render: (item: T) => string, empty: string) =>
    items.length ? `<ol>${items.map((i) => `<li>${render(i)}</li>`).join('')}</ol>` : `<p class="empty">${empty}</p>`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>不予共享异议协商卷宗 ${escape(o.id)}</title>
<style>
body{font-family:"Noto Serif CJK SC","Songti SC",serif;max-width:52rem;margin:2rem auto;color:#111;line-height:1.6}
h1{text-align:center;font-size:1.6rem}h2{border-bottom:1px solid #999;font-size:1.15rem;margin-top:2rem}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{width:9rem;background:#f4f4f4;font-weight:normal}.empty{color:#666}.meta{text-align:center;color:#444}
@media print{body{margin:0}}
</style></head><body>
<h1>不予共享异议协商卷宗</h1>
<p class="meta">案件编号 ${escape(o.id)} · 状态：${state(o.state)} · 生成时间 ${escape(local(new Date()))}（北京时间）</p>
<h2>一、当事方</h2>
<table>${rows([
    ['申请单位', agency(o.applicantAgency)],
    ['数据提供单位', agency(o.providerAgency)],
    ['协调人', who(o.coordinator)],
  ])}</table>
<h2>二、共享申请</h2>
<table>${rows([
    ['申请编号', escape(application.id)],
    ['数据资源', `${escape(application.resourceName)}（${escape(application.resourceCode)}）`],
    ['申请数据项', escape(application.fields.join('、'))],
    ['用途及应用场景', escape(application.purpose)],
    ['履职依据', escape(application.dutyBasis)],
    ['使用范围', escape(application.usageScope)],
    ['使用期限', `${escape(application.periodMonths)} 个月`],
    ['提交时间', escape(local(application.submittedAt))],
  ])}</table>
<h2>三、不予共享决定及依据</h2>
<table>${rows([
    ['决定人', o.refusal.automatic ? '资源目录（不予共享类）' : who(o.refusal.by)],
    ['决定时间', escape(local(o.refusal.at))],
    ['理由', escape(o.refusal.reason)],
    ['法律依据', escape(o.refusal.legalBasis)],
  ])}</table>
<h2>四、异议</h2>
<table>${rows([
    ['提出人', who(o.filedBy)],
    ['提出时间', escape(local(o.filedAt))],
    ['异议陈述', escape(o.statement)],
    ['履职依据', escape(o.dutyBasis)],
    ['协商期限', escape(o.negotiationDueDate)],
    ['提供单位说明期限', escape(o.statementDueDate)],
    ['协调期限', escape(o.coordinationDueDate)],
  ])}</table>
<h2>五、各方陈述</h2>
${list(o.statements, (s) => `${escape(s.party === 'applicant' ? '申请单位' : '提供单位')} ${who(s.by)}，${escape(local(s.at))}：${escape(s.text)}`, '暂无陈述。')}
<h2>六、协调会议纪要</h2>
${list(o.minutes, (m) => `会议时间 ${escape(local(m.heldAt))}，记录人 ${who(m.by)}：${escape(m.text)}`, '暂无会议纪要。')}
<h2>七、提请市人民政府统筹协调</h2>
${
  o.escalation
    ? `<table>${rows([
        ['提请人', o.escalation.automatic ? '系统（协调期限届满）' : who(o.escalation.by)],
        ['时间', escape(local(o.escalation.at))],
        ['理由', escape(o.escalation.reason)],
      ])}</table>`
    : '<p class="empty">未提请。</p>'
}
<h2>八、处理结果</h2>
${
  o.ruling
    ? `<table>${rows([
        ['结果', escape(label(objectionOutcomeLabels, o.ruling.outcome))],
        ['决定方式', escape(label(rulingStageLabels, o.ruling.stage))],
        ['决定人', who(o.ruling.by)],
        ['时间', escape(local(o.ruling.at))],
        ['理由', escape(o.ruling.reasoning)],
        ['共享条件', escape(o.ruling.conditions)],
        ['文件编号', escape(o.ruling.documentRef)],
      ])}</table>`
    : '<p class="empty">尚未作出处理结果。</p>'
}
<h2>九、办理过程</h2>
<table><tr><th>时间</th><th>事项</th></tr>${timeline.map((e) => `<tr><td>${escape(local(e.at))}</td><td>${escape(eventLabelIn('objection', e.action))}：${state(e.fromState)} → ${state(e.toState)}；${who({ id: e.actorId, name: e.actorName, role: e.actorRole, agency: e.actorAgency })}${e.reason ? `；${escape(e.reason)}` : ''}</td></tr>`).join('')}</table>
<p class="meta">本卷宗由系统根据不可篡改的审计记录生成（审计哈希 ${escape(timeline.at(-1)?.hash.slice(0, 16) ?? '—')}…）。</p>
</body></html>`;
}
