// The 公共数据安全承诺书 a requester accepts with the request (commitmentAccepted: true).
import { terms } from '@glossary';

export const commitmentParagraphs: readonly string[] = [
  '本人（本单位）申请使用有条件开放的公共数据，郑重承诺：',
  `一、仅在申请所述的${terms.use}、${terms.scenario}和${terms.periodOfUse}内使用数据，不超出范围使用，不向第三方提供、转让或公开数据；`,
  `二、按申请所述的${terms.processingEnvironment}处理数据，落实访问控制、操作日志留存等安全保护措施，防止数据泄露、篡改和丢失；`,
  '三、不以任何方式对数据进行再识别，不试图识别特定自然人，不利用数据从事违法活动，不损害国家利益、社会公共利益和他人合法权益；',
  `四、按期报送${terms.usageReport}，接受${terms.provider}和大数据局的监督检查；`,
  `五、${terms.periodOfUse}届满或${terms.agreement}终止后，及时删除数据及其副本；`,
  '六、违反本承诺的，自愿接受暂停或撤销使用、列入限制名单等处理，并依法承担相应的法律责任。',
];
