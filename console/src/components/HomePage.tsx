// /console/: where each person starts — the public on 开放数据, everyone else on 待办.
import { Navigate } from 'react-router';
import { usePrincipal } from '../auth/session.ts';
import { homeOf } from './access.ts';

export default function HomePage() {
  return <Navigate to={homeOf(usePrincipal())} replace />;
}
