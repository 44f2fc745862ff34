import { describe, expect, it } from 'vitest';
import { gramsText, matchExpression, tagsText } from './search-match';
import { rankRows } from './search-ranking';

describe('the index columns and the FTS5 query', () => {
  it('writes every one- and two-character piece of the words once, each as one trigram', () => {
    const grams = gramsText('K8s k8s', 'ÉA');
    const pieces = grams.split('\u241f').filter(Boolean);
    expect(pieces.sort()).toEqual(['8', '8s', 'a', 'k', 'k8', 's', 'é', 'éa'].sort());
    expect([...grams].length).toBe(4 * 3 + 4 * 3);
  });

  it('tags a document by type and team with one trigram each, the same for the same values', () => {
    const tags = tagsText('coe', 'payments').split(' ');
    expect(tags).toHaveLength(2);
    for (const t of tags) expect([...t]).toHaveLength(3);
    expect(tagsText('coe', 'payments')).toBe(tagsText('coe', 'payments'));
    expect(tagsText('coe', null)).toBe(tags[0]);
    expect(tagsText('coe', 'ledger')).not.toBe(tagsText('coe', 'payments'));
  });

  it('quotes every term, so no typed text is FTS5 syntax', () => {
    expect(matchExpression(['checkout', 'ci'])).toBe('{title body} : "checkout" AND grams : "ci\u241f"');
    expect(matchExpression(['x'])).toBe('grams : "\u241fx\u241f"');
    const filtered = matchExpression(['ledger'], { types: ['coe', 'decision'], teams: ['a"b'] });
    expect(filtered).toMatch(/^\{title body\} : "ledger" AND \(tags : "[^"]+" OR tags : "[^"]+"\) AND \(tags : "[^"]+"\)$/);
  });
});

describe('ranking the candidates', () => {
  const row = (seq: number, title: string, body: string) => ({ seq, title, body });

  it('puts every word in the title first, then whole words above parts of words, then the newest', () => {
    const rows = [row(1, 'Notes', 'we deploy on fridays'), row(2, 'Notes', 'the deployment went out'), row(3, 'Deploy guide', 'how to'), row(4, 'Notes', 'a redeploy of the fleet'), row(5, 'Notes', 'we deploy on mondays')];
    expect(rankRows(rows, ['deploy']).map((r) => r.seq)).toEqual([3, 5, 1, 2, 4]);
  });

  it('counts more occurrences for more, and one in a long body for less', () => {
    const long = `deploy ${'filler '.repeat(200)}`;
    const rows = [row(1, 'a', long), row(2, 'b', 'deploy'), row(3, 'c', 'deploy then deploy again')];
    expect(rankRows(rows, ['deploy']).map((r) => r.seq)).toEqual([3, 2, 1]);
  });
});
