import { z } from 'zod';

/**
 * zod's own messages, for a check that carries no rule-specific message (a wrong type, an array
 * where an object belongs), in Simplified Chinese: users are county staff. Imported for its effect
 * once by each entry point (server app, CLI runtime, staff web, phone pages); z.config is global.
 */
z.config(z.locales.zhCN());
