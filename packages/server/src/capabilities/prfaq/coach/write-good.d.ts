declare module 'write-good' {
  export interface WriteGoodSuggestion {
    index: number;
    offset: number;
    reason: string;
  }
  export type WriteGoodCheck = 'weasel' | 'illusion' | 'so' | 'thereIs' | 'passive' | 'adverb' | 'tooWordy' | 'cliches' | 'eprime';
  export type WriteGoodOptions = Partial<Record<WriteGoodCheck, boolean>> & { whitelist?: string[] };
  export default function writeGood(text: string, options?: WriteGoodOptions): WriteGoodSuggestion[];
}
