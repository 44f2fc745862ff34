import { describe, expect, it } from 'vitest';
import { cleanDocument, quoted } from './coach-test-document';
import { lintPrfaq } from './lint-prfaq';

const withSolution = (solution: string) => {
  const doc = cleanDocument();
  doc.pressRelease!.solution = solution;
  return { doc, result: lintPrfaq(doc) };
};

describe('weasel words and adjectives that should be data', () => {
  it('asks for a number where write-good’s weasel list or the coach’s few additions stand in for one', () => {
    const { doc, result } = withSolution('Many teams ship significantly faster, and nearly all of them use it. A lot of them love it.');
    expect(quoted(doc, result, 'needs-data')).toEqual([
      ['pressRelease.solution', 'Many'],
      ['pressRelease.solution', 'significantly'],
      ['pressRelease.solution', 'nearly all'],
      ['pressRelease.solution', 'A lot of'],
    ]);
    expect(result.findings[0].message).toBe('“Many” should be data: give the number instead (how many, how much, by what percentage, compared with what).');
  });

  it('calls the rest of the weasel list weasel words, and lets “too many” pass', () => {
    const { doc, result } = withSolution('It is clearly a very good cord. There were too many steps before.');
    expect(quoted(doc, result, 'weasel-word')).toEqual([
      ['pressRelease.solution', 'clearly'],
      ['pressRelease.solution', 'very'],
    ]);
    expect(quoted(doc, result, 'needs-data')).toEqual([]);
    expect(result.findings.find((f) => f.rule === 'weasel-word')?.message).toBe('“clearly” is a weasel word: cut it, or say precisely what you mean.');
  });
});

describe('write-good’s other word checks', () => {
  it('flags adverbs, “so” and “there is” openings, wordy phrases, clichés and repeated words', () => {
    const { doc, result } = withSolution('So the cord stops deploys quickly.\nThere are three pipelines. We utilize the the gate in order to think outside of the box.');
    const flagged = result.findings.map((f) => [f.rule, doc.pressRelease!.solution!.slice(f.start, f.end)]);
    expect(flagged).toEqual([
      ['starts-with-so', 'So'],
      ['adverb', 'quickly'],
      ['there-is', 'There are'],
      ['wordy', 'utilize'],
      ['repeated-word', 'the'],
      ['wordy', 'in order to'],
      ['cliche', 'think outside of the box'],
    ]);
    const messages = Object.fromEntries(result.findings.map((f) => [f.rule, f.message]));
    expect(messages).toEqual({
      'starts-with-so': 'Starting a sentence with “So” adds nothing: cut it.',
      adverb: '“quickly” is an adverb that weakens the verb: cut it, or pick a stronger verb.',
      'there-is': '“There are” delays the subject: start the sentence with the thing that is.',
      wordy: '“in order to” is wordy: say it in fewer words, or cut it.',
      'repeated-word': '“the” is repeated: delete one.',
      cliche: '“think outside of the box” is a cliché: say plainly what you mean.',
    });
  });

  it('reads the words of Markdown, not its marks or its code, and keeps the author’s offsets', () => {
    const solution = 'It is **very** fast. Run `npm run very-quickly` or see [the very guide](https://example.com/significantly).';
    const { doc, result } = withSolution(solution);
    expect(quoted(doc, result, 'weasel-word')).toEqual([
      ['pressRelease.solution', 'very'],
      ['pressRelease.solution', 'very'],
    ]);
    expect(result.findings.filter((f) => f.rule === 'weasel-word').map((f) => f.start)).toEqual([8, solution.indexOf('the very') + 4]);
    expect(quoted(doc, result, 'needs-data')).toEqual([]);
    expect(quoted(doc, result, 'adverb')).toEqual([]);
  });
});
