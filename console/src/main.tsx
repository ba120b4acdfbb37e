import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { ApiError } from './api/errors.ts';
import { ToastHost } from './components/toast.tsx';
import { router } from './routes.tsx';

dayjs.locale('zh-cn');

// antd's grey texts are too faint on white for WCAG AA (4.5:1); these are the lightest that pass.
const theme = {
  token: {
    colorPrimary: '#1d5fbf',
    // A hovered primary button keeps AA contrast with its white text (antd lightens it by default).
    colorPrimaryHover: '#174c99',
    // Links default to antd's #1677ff (4.1:1 on white): the primary colour passes.
    colorLink: '#1d5fbf',
    colorLinkHover: '#174c99',
    colorLinkActive: '#123b78',
    // Danger buttons and field errors default to #ff4d4f (3.3:1 on white): this red passes.
    colorError: '#cf1322',
    borderRadius: 4,
    colorTextSecondary: '#595959',
    colorTextDescription: '#595959',
    colorTextTertiary: '#6b6b6b',
    colorTextQuaternary: '#767676',
    colorTextPlaceholder: '#767676',
  },
};

// A description's label stays on one line (决定时间, not 决定时/间) however narrow its column.
const descriptions = { styles: { label: { whiteSpace: 'nowrap' as const } } };

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
    <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }} descriptions={descriptions} theme={theme}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
        <ToastHost />
      </QueryClientProvider>
    </ConfigProvider>
  </StrictMode>,
);
