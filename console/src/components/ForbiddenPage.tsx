// A page outside the person's menu, opened by its address: said plainly, with the way back.
import { Button, Result } from 'antd';
import { Link } from 'react-router';

export default function ForbiddenPage() {
  return (
    <Result
      status="403"
      title={<h2 style={{ font: 'inherit', margin: 0 }}>您无权使用此页面</h2>}
      subTitle="此页面不属于您的角色可以使用的功能；如需使用，请联系大数据局管理员。"
      extra={
        <Link to="/work">
          <Button type="primary">返回待办</Button>
        </Link>
      }
    />
  );
}
