import '@utrecht/component-library-css/dist/index.css';
import './theme.ts';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { AuthProvider } from './app/auth-context.tsx';
import { createAppRouter } from './app/router.tsx';
import { setupI18n } from './i18n/index.ts';
import { THEME_CLASS } from './theme.ts';

setupI18n();
document.documentElement.classList.add(THEME_CLASS);

const container = document.getElementById('root');
if (!container) throw new Error('index.html lacks #root');
const router = createAppRouter();

createRoot(container).render(
  <StrictMode>
    <AuthProvider>
      <RouterProvider router={router} />
    </AuthProvider>
  </StrictMode>,
);
