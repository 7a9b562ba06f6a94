/**
 * Signs of vote-brushing (刷票) an organizer should look at: bursts (many votes in one minute), many
 * voters behind one address, and votes cast at night (00:00–05:59 Asia/Shanghai). Flags only: an
 * organizer decides, and voids with a reason.
 */
export const anomalyRules = {
  /** a minute with at least this many votes, and at least `burstFactor` × the campaign's median minute */
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

export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The minutes whose vote count stands out. */
export function burstMinutes(perMinute: { minute: string; votes: number }[]): { minute: string; votes: number }[] {
  const med = median(perMinute.map((m) => m.votes));
  return perMinute.filter((m) => m.votes >= anomalyRules.burstMinVotes && m.votes >= med * anomalyRules.burstFactor);
}

/** The hour (0–23) in Asia/Shanghai of an instant (China keeps no daylight saving: UTC+8). */
export function shanghaiHour(instant: Date): number {
  return (instant.getUTCHours() + 8) % 24;
}
