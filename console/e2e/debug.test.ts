import { it } from 'vitest';
import { launchBrowser, newContext, signIn } from '../../test/helpers/browser.js';
import { startStack } from '../../test/helpers/stack.js';
it('debug', async () => {
  const stack = await startStack();
  const admin = await stack.token('admin', ['bureau_admin']);
  await stack.request('POST', '/api/v1/agencies', { token: admin, body: { code: 'PSB', name: '市公安局', level: 'municipal' } });
  await stack.request('POST', '/api/v1/agencies', { token: admin, body: { code: 'AMR', name: '市市场监督管理局', level: 'municipal' } });
  const r = await stack.request('POST', '/api/v1/catalog/resources', { token: admin, body: { code: 'R1', name: '人口基础信息', providerAgency: 'PSB', fields: [{ name: '姓名' }], shareType: 'conditional', openType: 'not_open', legalBasis: '《数据安全法》', updateCycle: 'daily' } });
  const staff = await stack.token('s', ['agency_staff'], 'AMR');
  await stack.request('POST', '/api/v1/share-applications', { token: staff, body: { resourceId: r.body.id, purpose: '企业开办核验', dutyBasis: '条例', usageScope: '本部门', periodMonths: 6, deliveryMethod: 'api' } });
  const browser = await launchBrowser();
  const page = await (await newContext(browser, stack.baseUrl)).newPage();
  page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
  await signIn(page, { role: '数据审核人', agency: 'PSB', name: '王芳' });
  await page.waitForTimeout(1500);
  await page.screenshot({ path: '/tmp/shots/work.png' });
  await browser.close(); await stack.close();
}, 60000);
