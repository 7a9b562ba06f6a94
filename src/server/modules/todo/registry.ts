import { noticesToSign } from './providers/notices';
import type { TodoProvider } from './todo.types';

/**
 * Every kind of 待办, in the order 首页 shows the groups. A module adds its own to-dos by writing
 * `providers/<kind>.ts` (exporting one TodoProvider) and listing it here.
 */
export const todoProviders: readonly TodoProvider[] = [noticesToSign];
