import { Button, Result } from 'antd';
import { Link } from 'react-router';

export default function NotFoundPage() {
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在或已移动"
      extra={
        <Link to="/work">
          <Button type="primary">返回待办</Button>
        </Link>
      }
    />
  );
}
