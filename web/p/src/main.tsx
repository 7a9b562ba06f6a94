import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { syncClock } from '../../shared/clock';
import { Router } from './ui/router';
import { routes } from './routes';
import './ui/p.css';

/** The public phone pages (/p/…): plain React and one small CSS file, no antd, separate from the staff app. */
const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from p/index.html');
// a phone's clock may be wrong: the pages use the server's time (web/shared/clock.ts)
void syncClock().then(() =>
  createRoot(root).render(
    <StrictMode>
      <Router routes={routes} />
    </StrictMode>,
  ),
);
