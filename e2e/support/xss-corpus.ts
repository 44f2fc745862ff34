/** Cross-site-scripting payloads, each a short string of its own making.
 *
 *  The kinds follow the OWASP Cross Site Scripting Prevention and XSS Filter Evasion Cheat Sheets
 *  (cheatsheetseries.owasp.org) and PortSwigger's Cross-site scripting cheat sheet: script elements,
 *  event-handler attributes, breaking out of attributes and text, javascript: and data: URLs (plain,
 *  mixed case, entity-encoded), SVG and MathML, Markdown links and images, CSS url()/expression() tricks,
 *  template-injection strings and mutation-XSS shapes. Every payload that runs reports itself by
 *  setting `window.__xss` to its id (or by opening a dialog), which the test traps. */
export interface Payload {
  id: string;
  text: string;
}

const set = (id: string) => `window.__xss='${id}'`;

export const xssCorpus: Payload[] = [
  { id: 'script', text: `<script>${set('script')}</script>` },
  { id: 'img-onerror', text: `<img src=x onerror="${set('img-onerror')}">` },
  { id: 'svg-onload', text: `<svg onload="${set('svg-onload')}"></svg>` },
  { id: 'attr-break', text: `"><script>${set('attr-break')}</script>` },
  { id: 'quote-break', text: `'><img src=x onerror=alert('quote-break')>` },
  { id: 'text-break', text: `</textarea></title></style><img src=x onerror=${set('text-break')}>` },
  { id: 'js-url', text: `javascript:${set('js-url')}` },
  { id: 'js-url-case', text: `JaVaScRiPt:${set('js-url-case')}` },
  { id: 'js-url-entity', text: `jav&#x09;ascript:${set('js-url-entity')}` },
  { id: 'html-link', text: `<a href="javascript:${set('html-link')}">click</a>` },
  { id: 'md-link', text: `[click me](javascript:${set('md-link')})` },
  { id: 'md-image', text: `![pic](javascript:${set('md-image')})` },
  { id: 'md-ref-link', text: `[ref][x]\n\n[x]: javascript:${set('md-ref-link')}` },
  { id: 'md-autolink', text: `<javascript:${set('md-autolink')}>` },
  { id: 'data-url', text: `<a href="data:text/html,<script>${set('data-url')}</script>">d</a>` },
  { id: 'iframe-srcdoc', text: `<iframe srcdoc="<script>parent.__xss='iframe-srcdoc'</script>"></iframe>` },
  { id: 'details-toggle', text: `<details open ontoggle="${set('details-toggle')}">` },
  { id: 'autofocus', text: `<input autofocus onfocus="${set('autofocus')}">` },
  { id: 'math-mxss', text: `<math><mtext><table><mglyph><style><img src=x onerror=${set('math-mxss')}>` },
  { id: 'nested-script', text: `<scr<script>ipt>${set('nested-script')}</scr</script>ipt>` },
  { id: 'css-url', text: `<div style="background:url('javascript:${set('css-url')}')">css</div>` },
  { id: 'css-expression', text: `<div style="width:expression(${set('css-expression')})">x</div>` },
  { id: 'style-import', text: `<style>@import 'javascript:${set('style-import')}';</style>` },
  { id: 'object-data', text: `<object data="javascript:${set('object-data')}"></object>` },
  { id: 'meta-refresh', text: `<meta http-equiv="refresh" content="0;url=javascript:${set('meta-refresh')}">` },
  { id: 'angular-template', text: `{{constructor.constructor("${set('angular-template')}")()}}` },
  { id: 'template-literal', text: '${' + set('template-literal') + '}' },
  { id: 'encoded', text: `&lt;img src=x onerror=${set('encoded')}&gt; &#60;script&#62;${set('encoded')}&#60;/script&#62;` },
  { id: 'unicode-escape', text: `\\u003cscript\\u003e${set('unicode-escape')}\\u003c/script\\u003e` },
];

/** Every payload, one per line: for the long text fields (missions, descriptions, sections, comments). */
export const corpusText = xssCorpus.map((p) => p.text).join('\n\n');

/** The payloads packed into pieces no longer than `limit` characters, for short fields (names, titles). */
export function corpusPieces(limit: number): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const { text } of xssCorpus) {
    const next = current ? `${current} ${text}` : text;
    if (next.length <= limit) current = next;
    else {
      if (current) pieces.push(current);
      current = text.slice(0, limit);
    }
  }
  if (current) pieces.push(current);
  return pieces;
}

/** A link target a payload would put in a URL field. */
export const javascriptUrl = `javascript:${set('link-field')}`;
