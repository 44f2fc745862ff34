import { describe, expect, it } from 'vitest';
import { gramPieces, gramsText, matchExpression, tagsText } from './search-match';
import { rankRows } from './search-ranking';

describe('the index columns and the FTS5 query', () => {
  it('writes every one- and two-character piece of the words once, each as one trigram', () => {
    const grams = gramsText('K8s k8s', 'ÉA');
    const pieces = grams.split('\u241f').filter(Boolean);
    expect(pieces.sort()).toEqual(['8', '8s', 'a', 'k', 'k8', 's', 'é', 'éa'].sort());
    expect([...grams].length).toBe(4 * 3 + 4 * 3);
  });

  it('reads ASCII text the quick way into the same pieces, in the same order, as any other text', () => {
    let seed = 20261207;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
    const alphabet = 'aAbBzZ09_- .:/\n#K8s';
    for (let n = 0; n < 2000; n++) {
      const text = Array.from({ length: Math.floor(random() * 40) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      // One character outside ASCII sends the whole text the general way; its own piece comes last.
      expect(gramPieces(text), text).toEqual(gramPieces(`${text} é`).filter((p) => p !== 'é'));
    }
    expect(gramPieces('Component svc-0042', 'Team A1')).toEqual(['c', 'co', 'o', 'om', 'm', 'mp', 'p', 'po', 'on', 'n', 'ne', 'e', 'en', 'nt', 't', 's', 'sv', 'v', 'vc', '0', '00', '04', '4', '42', '2', 'te', 'ea', 'a', 'am', 'a1', '1']);
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
