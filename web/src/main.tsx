import '../../src/domain/zod-zh';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { syncClock } from '../shared/clock';
import { App } from './app/App';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
// the pages use the server's business date (web/shared/clock.ts): render once it is known
void syncClock().then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
