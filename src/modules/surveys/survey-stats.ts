// The two numbers a survey report gives, computed the way everyone reads them. CSAT: the
// average score (1–5) and the share of satisfied answers (4 and 5). NPS: the percentage of
// promoters (9–10) minus the percentage of detractors (0–6); passives (7–8) count in the
// total only. Pure.

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

export interface CsatSummary {
  answers: number;
  average: number | null;
  satisfied: number | null;
  distribution: Record<string, number>;
}

export function summariseCsat(scores: readonly number[]): CsatSummary {
  const distribution: Record<string, number> = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  for (const s of scores) distribution[String(s)] = (distribution[String(s)] ?? 0) + 1;
  const n = scores.length;
  if (n === 0) return { answers: 0, average: null, satisfied: null, distribution };
  const sum = scores.reduce((a, b) => a + b, 0);
  const satisfied = scores.filter((s) => s >= 4).length;
  return { answers: n, average: round(sum / n, 2), satisfied: round((100 * satisfied) / n, 1), distribution };
}

export interface NpsSummary {
  answers: number;
  score: number | null;
  promoters: number;
  passives: number;
  detractors: number;
}

export function netPromoterScore(scores: readonly number[]): NpsSummary {
  const promoters = scores.filter((s) => s >= 9).length;
  const detractors = scores.filter((s) => s <= 6).length;
  const n = scores.length;
  return {
    answers: n,
    score: n === 0 ? null : round((100 * (promoters - detractors)) / n, 1),
    promoters,
    passives: n - promoters - detractors,
    detractors,
  };
}
