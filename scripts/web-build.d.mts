/** Why the web must be (re)built (a Chinese reason), or null when web/dist is current. */
export function webBuildReason(root?: string): string | null;
/** Builds the web when it is missing or stale; true when web/dist is current afterwards. */
export function ensureWebBuilt(opts?: { force?: boolean; log?: (s: string) => void }): boolean;
