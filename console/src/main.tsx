import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { ApiError } from './api/errors.ts';
import { router } from './routes.tsx';

dayjs.locale('zh-cn');

// antd's grey texts are too faint on white for WCAG AA (4.5:1); these are the lightest that pass.
const theme = {
  token: {
    colorPrimary: '#1d5fbf',
    borderRadius: 4,
    colorTextSecondary: '#595959',
    colorTextDescription: '#595959',
    colorTextTertiary: '#6b6b6b',
    colorTextQuaternary: '#767676',
    colorTextPlaceholder: '#767676',
  },
};

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal is an answer, not a glitch: only network trouble and 503 are retried.
      retry: (count, error) => count < 2 && (!(error instanceof ApiError) || error.status >= 503),
      refetchOnWindowFocus: true,
      staleTime: 10_000,
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }} theme={theme}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </ConfigProvider>
  </StrictMode>,
);
