import { Alert, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { messageOf } from '../api/errors.ts';
import { useSession, useToken } from './session.ts';

/** Pages behind it need a signed-in person; anyone else is sent to the sign-in page and brought back. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const token = useToken();
  const location = useLocation();
  const session = useSession();
  if (!token) return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  if (session.isPending) return <Spin size="large" fullscreen tip="正在加载" />;
  if (session.isError)
    return (
      <Alert
        type="warning"
        showIcon
        title="无法连接服务"
        description={messageOf(session.error)}
        style={{ margin: 48 }}
      />
    );
  if (!session.data.principal) return <Navigate to="/sign-in" replace />;
  return <>{children}</>;
}
