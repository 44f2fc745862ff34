import { describe, expect, it } from 'vitest';
import { cleanDocument, quoted } from './coach-test-document';
import { lintPrfaq } from './lint-prfaq';

describe('customer focus', () => {
  it('asks who the customer is when the document does not say', () => {
    const doc = { ...cleanDocument(), customer: '  ' };
    const result = lintPrfaq(doc);
    expect(result.findings.filter((f) => f.rule.startsWith('customer')).map((f) => [f.rule, f.section, f.start, f.end])).toEqual([['customer-missing', 'customer', 0, 0]]);
    expect(result.categories.find((c) => c.name === 'customer')?.score).toBe(0);
  });

  it('points at a summary and a problem that do not name the customer', () => {
    const doc = cleanDocument();
    doc.customer = 'engineering managers at companies with 50 to 500 people';
    doc.pressRelease!.summary = 'Day One opens its andon cord today.';
    doc.pressRelease!.problem = 'Each engineering manager waits 40 minutes to stop a bad deploy.';
    const result = lintPrfaq(doc);
    expect(quoted(doc, result, 'customer-not-in-summary')).toEqual([['pressRelease.summary', 'Day One opens its andon cord today.']]);
    expect(quoted(doc, result, 'customer-not-in-problem')).toEqual([]);
    expect(result.findings.find((f) => f.rule === 'customer-not-in-summary')?.message).toBe(
      'Name the customer (engineering managers at companies with 50 to 500 people) in the summary, so the reader knows who it is for.',
    );
  });

  it('matches the customer’s words in the singular or the plural', () => {
    const doc = cleanDocument();
    doc.customer = 'small businesses';
    doc.pressRelease!.summary = 'Every small business can stop a deploy.';
    doc.pressRelease!.problem = 'Companies lose a day to each bad deploy.';
    const result = lintPrfaq(doc);
    expect(quoted(doc, result, 'customer-not-in-summary')).toEqual([]);
    expect(quoted(doc, result, 'customer-not-in-problem')).toEqual([['pressRelease.problem', 'Companies lose a day to each bad deploy.']]);
  });

  it('asks for a number in the customer quote, written in digits or in words', () => {
    const doc = cleanDocument();
    doc.pressRelease!.customerQuote = '“We halt bad releases fast now,” said Sam Lee.';
    expect(quoted(doc, lintPrfaq(doc), 'quote-without-number')).toEqual([['pressRelease.customerQuote', '“We halt bad releases fast now,” said Sam Lee.']]);
    doc.pressRelease!.customerQuote = '“We halt a bad release in seconds, twice as fast,” said Sam Lee.';
    expect(quoted(doc, lintPrfaq(doc), 'quote-without-number')).toEqual([]);
  });
});
