/**
 * Final scores of a selection, in hundredths of a point (integers, exact on every database):
 * jury score = mean of the jurors' scores (0–100); public score = votes ÷ the most votes any nominee
 * received × 100; final = jury × juryWeight% + public × (100 − juryWeight)%. Without voting the
 * jury score is final; without a jury the public score is. Ties rank by votes, then by nominee code.
 */
export interface ScoreInput {
  id: string;
  seq: number;
  votes: number;
  juryScores: number[];
}

export interface ScoredNominee {
  id: string;
  seq: number;
  votes: number;
  /** hundredths; null when the campaign has no jury or nobody scored */
  jury: number | null;
  /** hundredths; null when the campaign has no vote */
  public: number | null;
  final: number;
  rank: number;
}

export function divRound(a: number, b: number): number {
  return b === 0 ? 0 : Math.floor((2 * a + b) / (2 * b));
}

export function scoreNominees(list: ScoreInput[], rules: { votingEnabled: boolean; juryEnabled: boolean; juryWeight: number }): ScoredNominee[] {
  const maxVotes = Math.max(0, ...list.map((n) => n.votes));
  const weighted = rules.votingEnabled && rules.juryEnabled;
  const scored = list.map((n) => {
    const jury = rules.juryEnabled && n.juryScores.length ? divRound(n.juryScores.reduce((a, b) => a + b, 0) * 100, n.juryScores.length) : rules.juryEnabled ? 0 : null;
    const pub = rules.votingEnabled ? divRound(n.votes * 10000, maxVotes) : null;
    const final = weighted ? divRound((jury ?? 0) * rules.juryWeight + (pub ?? 0) * (100 - rules.juryWeight), 100) : (jury ?? pub ?? 0);
    return { id: n.id, seq: n.seq, votes: n.votes, jury: rules.juryEnabled && n.juryScores.length === 0 ? null : jury, public: pub, final, rank: 0 };
  });
  scored.sort((a, b) => b.final - a.final || b.votes - a.votes || a.seq - b.seq);
  scored.forEach((s, i) => {
    const prev = scored[i - 1];
    s.rank = prev && prev.final === s.final && prev.votes === s.votes ? prev.rank : i + 1;
  });
  return scored;
}

/** 8765 → "87.65" */
export function formatScore(hundredths: number | null): string {
  if (hundredths === null) return '—';
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}
