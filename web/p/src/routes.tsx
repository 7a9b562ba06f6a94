import { lazy } from 'react';
import type { PublicRoute } from './ui/router';

/**
 * The public pages, one line each (each page is its own lazily loaded chunk). Paths start with /p/;
 * `:name` matches one path segment. The first match wins.
 */
export const routes: PublicRoute[] = [
  { path: '/p', page: lazy(() => import('./ui/HomePage')) },
  { path: '/p/campaigns/:id', page: lazy(() => import('./campaigns/CampaignPage')) },
  { path: '/p/campaigns/:id/nominees/:code', page: lazy(() => import('./campaigns/NomineePage')) },
  { path: '/p/campaigns/:id/results', page: lazy(() => import('./campaigns/ResultsPage')) },
  { path: '/p/wishes', page: lazy(() => import('./wishes/WishBoardPage')) },
  { path: '/p/wishes/:id', page: lazy(() => import('./wishes/WishDetailPage')) },
  { path: '/p/my-claims', page: lazy(() => import('./wishes/MyClaimsPage')) },
  { path: '/p/my-objections', page: lazy(() => import('./campaigns/MyObjectionsPage')) },
];
