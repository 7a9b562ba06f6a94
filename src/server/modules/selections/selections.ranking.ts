import { scoreNominees, type ScoredNominee } from '../../../domain/selections/scoring';
import type { Ctx } from '../../context';
import * as repo from './selections.repo';

/** The accepted nominations of a campaign ranked by final score (votes exclude voided ones). */
export async function rankNominations(ctx: Ctx, c: repo.CampaignRow): Promise<ScoredNominee[]> {
  const [noms, votes, scores] = await Promise.all([repo.nominationsOf(ctx.db, c.id, null), repo.voteCounts(ctx.db, c.id), repo.juryScoresOf(ctx.db, c.id)]);
  const byNom = new Map<string, number[]>();
  for (const s of scores) byNom.set(s.nomination_id, [...(byNom.get(s.nomination_id) ?? []), Number(s.score)]);
  return scoreNominees(
    noms.filter((n) => n.status === 'accepted').map((n) => ({ id: n.id, seq: Number(n.seq), votes: votes.get(n.id) ?? 0, juryScores: byNom.get(n.id) ?? [] })),
    { votingEnabled: Number(c.voting_enabled) === 1, juryEnabled: Number(c.jury_enabled) === 1, juryWeight: Number(c.jury_weight) },
  );
}
