/**
 * Signs of vote-brushing (刷票) an organizer should look at: bursts (many votes in one minute), many
 * voters behind one address, and votes cast at night (00:00–05:59 Asia/Shanghai). Flags only: an
 * organizer decides, and voids with a reason.
 */
export const anomalyRules = {
  /** a minute with at least this many votes, and at least `burstFactor` × the vote's mean minute (over its whole window) */
  burstMinVotes: 20,
  burstFactor: 5,
  /** an address hash behind at least this many distinct voters */
  addressMinVoters: 10,
  nightFromHour: 0,
  nightToHour: 6,
} as const;

export function isNightHour(hour: number): boolean {
  return hour >= anomalyRules.nightFromHour && hour < anomalyRules.nightToHour;
}

/**
 * The minutes whose vote count stands out against the vote's mean rate over its whole window. Minutes
 * without a vote count too: a brushing firm's 300 votes in one minute (or 30 a minute for ten
 * minutes) of a three-day vote are bursts even when no other minute has a vote — measured against
 * the minutes that had votes only, as before, they were not.
 */
export function burstMinutes(perMinute: { minute: string; votes: number }[], windowMinutes: number): { minute: string; votes: number }[] {
  const total = perMinute.reduce((sum, m) => sum + m.votes, 0);
  const mean = total / Math.max(1, windowMinutes, perMinute.length);
  return perMinute.filter((m) => m.votes >= anomalyRules.burstMinVotes && m.votes >= mean * anomalyRules.burstFactor);
}

/** Whole minutes from `from` to `to` (ISO instants), counting both ends' minutes. */
export function minutesBetween(from: string, to: string): number {
  return Math.max(1, Math.floor(Date.parse(to) / 60_000) - Math.floor(Date.parse(from) / 60_000) + 1);
}

/** The hour (0–23) in Asia/Shanghai of an instant (China keeps no daylight saving: UTC+8). */
export function shanghaiHour(instant: Date): number {
  return (instant.getUTCHours() + 8) % 24;
}
