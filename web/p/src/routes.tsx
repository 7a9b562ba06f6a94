import { lazy } from 'react';
import type { PublicRoute } from './ui/router';

/**
 * The public pages, one line each (each page is its own lazily loaded chunk). Paths start with /p/;
 * `:name` matches one path segment. The first match wins.
 */
export const routes: PublicRoute[] = [
  { path: '/p', page: lazy(() => import('./ui/HomePage')) },
];
