/** Markdown syntax the coach should not read as prose, replaced by spaces of the same length so every
 *  offset into the masked text is an offset into the author's text. Code (fenced or inline), images,
 *  link targets, bare addresses, HTML tags and the heading, list and emphasis marks go; the words
 *  people read stay. Every repeat is bounded, so no pattern rescans the rest of a long text from each
 *  of many starting points. */
const MASKS: RegExp[] = [
  /```[^]*?(```|$)/g, // fenced code, to its closing fence or the end of the text
  /~~~[^]*?(~~~|$)/g,
  /`[^`\n]{0,500}`/g, // inline code
  /!\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\)/g, // images, alt text included: it is not part of the prose
  /\[(?=[^\]\n]{0,500}\]\()/g, // a link's opening bracket (its text stays)
  /\]\([^)\n]{0,2000}\)/g, // a link's target
  /<\/?[A-Za-z][^<>\n]{0,500}>/g, // HTML tags
  /\bhttps?:\/\/[^\s<>()]+/g, // bare addresses
  /^[ \t]{0,3}(#{1,6}|>+|[-*+]|\d{1,9}[.)])(?=[ \t])/gm, // heading, quote and list marks
  /[*_~]{1,3}(?=\S)|(?<=\S)[*_~]{1,3}/g, // emphasis marks
];

const blank = (match: string) => match.replace(/[^\n]/g, ' ');

export function maskMarkdown(text: string): string {
  let masked = text;
  for (const re of MASKS) masked = masked.replace(re, blank);
  return masked;
}
