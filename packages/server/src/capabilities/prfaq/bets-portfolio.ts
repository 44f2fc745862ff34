import { LONG_SHOT } from '@dayone/contracts';
import type { Db } from '../../platform/db/database';

/** A bet is a long shot when it rarely pays but pays hugely: probability ≤ 0.1 and payoff ≥ 10×. */
export const isLongShot = (probability: number, payoff: number) => probability <= LONG_SHOT.maxProbability && payoff >= LONG_SHOT.minPayoff;

const round = (x: number) => Math.round(x * 100) / 100;

/** The bold bets still in play (not shelved, not decided no), each with its expected value, and the
 *  portfolio's totals; it says so when the portfolio holds no long shot. */
export async function portfolio(trx: Db, query: { team?: string }) {
  let q = trx
    .selectFrom('prfaqs')
    .select(['number', 'title', 'team', 'status', 'bet_probability', 'bet_payoff', 'bet_cost'])
    .where('bet_probability', 'is not', null)
    .where('status', '!=', 'shelved')
    .where((eb) => eb.or([eb('decision', 'is', null), eb('decision', '=', 'yes')]));
  if (query.team) q = q.where('team', '=', query.team.toLowerCase());
  const rows = await q.orderBy('number').limit(1000).execute();
  const bets = rows.map((r) => {
    const probability = r.bet_probability!;
    const payoff = r.bet_payoff ?? 0;
    const cost = r.bet_cost ?? 0;
    const expectedReturn = probability * payoff * cost;
    return { number: r.number, title: r.title, team: r.team, status: r.status, probability, payoff, cost, expectedReturn: round(expectedReturn), expectedValue: round(expectedReturn - cost), longShot: isLongShot(probability, payoff) };
  });
  const totalCost = bets.reduce((s, b) => s + b.cost, 0);
  const expectedReturn = bets.reduce((s, b) => s + b.probability * b.payoff * b.cost, 0);
  const longShots = bets.filter((b) => b.longShot).length;
  const noLongShots = bets.length > 0 && longShots === 0;
  return {
    bets,
    totalCost: round(totalCost),
    expectedReturn: round(expectedReturn),
    expectedValue: round(expectedReturn - totalCost),
    longShots,
    noLongShots,
    advice: noLongShots
      ? `No long shots: every bet has better than a ${LONG_SHOT.maxProbability * 100}% chance or pays less than ${LONG_SHOT.minPayoff}×. A ten percent chance of a hundred times payoff is a bet to take every time; add one.`
      : null,
  };
}
