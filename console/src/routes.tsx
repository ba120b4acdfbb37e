// Every page of the console, each its own chunk, under /console/.
import { createBrowserRouter, type RouteObject } from 'react-router';

/** A page module's default export, loaded when its route is first visited. */
const page = (load: () => Promise<{ default: React.ComponentType }>): Pick<RouteObject, 'lazy'> => ({
  lazy: async () => ({ Component: (await load()).default }),
});

/** Shown while the first page's chunk loads. */
const Loading = () => (
  <div role="status" aria-live="polite" style={{ padding: 48, textAlign: 'center', color: '#888' }}>
    正在加载…
  </div>
);

export const router = createBrowserRouter(
  [
    { path: '/sign-in', HydrateFallback: Loading, ...page(() => import('./auth/SignInPage.tsx')) },
    {
      HydrateFallback: Loading,
      // The frame (menu, header, the sign-in check) is a chunk of its own: the sign-in page never loads it.
      ...page(() => import('./components/AppLayout.tsx')),
      children: [
        // The public start on 开放数据, everyone else on 待办.
        { index: true, ...page(() => import('./components/HomePage.tsx')) },
        { path: 'work', ...page(() => import('./work/WorkPage.tsx')) },
        { path: 'catalog', ...page(() => import('./catalog/CatalogPage.tsx')) },
        { path: 'catalog/:id', ...page(() => import('./catalog/ResourcePage.tsx')) },
        { path: 'share-applications', ...page(() => import('./share-applications/ListPage.tsx')) },
        { path: 'share-applications/new', ...page(() => import('./share-applications/ApplyPage.tsx')) },
        { path: 'share-applications/:id', ...page(() => import('./share-applications/DetailPage.tsx')) },
        { path: 'objections', ...page(() => import('./objections/ListPage.tsx')) },
        { path: 'objections/:id', ...page(() => import('./objections/DetailPage.tsx')) },
        { path: 'open-data', ...page(() => import('./open-data/PortalPage.tsx')) },
        { path: 'open-data-requests', ...page(() => import('./open-data/ListPage.tsx')) },
        { path: 'open-data-requests/new', ...page(() => import('./open-data/RequestPage.tsx')) },
        { path: 'open-data-requests/:id', ...page(() => import('./open-data/DetailPage.tsx')) },
        { path: 'corrections', ...page(() => import('./corrections/ListPage.tsx')) },
        { path: 'corrections/new', ...page(() => import('./corrections/ReportPage.tsx')) },
        { path: 'corrections/:id', ...page(() => import('./corrections/DetailPage.tsx')) },
        { path: 'assessments', ...page(() => import('./assessments/CyclesPage.tsx')) },
        { path: 'assessments/:year', ...page(() => import('./assessments/CyclePage.tsx')) },
        { path: 'assessments/:year/agencies/:code', ...page(() => import('./assessments/AgencyPage.tsx')) },
        { path: 'admin/agencies', ...page(() => import('./admin/AgenciesPage.tsx')) },
        { path: 'admin/calendar', ...page(() => import('./admin/CalendarPage.tsx')) },
        { path: 'admin/indicators', ...page(() => import('./admin/IndicatorsPage.tsx')) },
        { path: 'admin/agreements', ...page(() => import('./admin/AgreementsPage.tsx')) },
        { path: 'admin/audit', ...page(() => import('./admin/AuditPage.tsx')) },
        { path: 'admin/schedules', ...page(() => import('./admin/SchedulesPage.tsx')) },
        { path: 'notifications', ...page(() => import('./notifications/InboxPage.tsx')) },
        { path: 'statistics', ...page(() => import('./statistics/StatisticsPage.tsx')) },
        { path: '*', ...page(() => import('./components/NotFoundPage.tsx')) },
      ],
    },
  ],
  { basename: '/console' },
);
