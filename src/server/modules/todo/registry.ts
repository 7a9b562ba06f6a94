import { caseDeadlines, caseFollowups, caseTransfers } from './providers/cases';
import { loansDue } from './providers/loans';
import { pairingVisits } from './providers/pairings';
import { screeningFollowups } from './providers/screenings';
import { noticesToSign } from './providers/notices';
import { nominationReviews, objectionAnswers } from './providers/selections';
import { targetsBehind } from './providers/targets';
import { wishClaims, wishReviews } from './providers/wishes';
import type { TodoProvider } from './todo.types';

/**
 * Every kind of 待办, in the order 首页 shows the groups. A module adds its own to-dos by writing
 * `providers/<kind>.ts` (exporting one TodoProvider) and listing it here.
 */
export const todoProviders: readonly TodoProvider[] = [
  caseDeadlines,
  caseTransfers,
  caseFollowups,
  screeningFollowups,
  pairingVisits,
  wishReviews,
  wishClaims,
  nominationReviews,
  objectionAnswers,
  loansDue,
  targetsBehind,
  noticesToSign,
];
