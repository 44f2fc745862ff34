/** Thrown for input the engine cannot analyse. `path` names the offending field the way the client sent it
 *  (`variants[1].sumSquares`, `weights`, `alpha`), so the HTTP layer can answer 400 naming the field. */
export class StatsInputError extends Error {
  /** Where the fault is, e.g. `variants[1].sumSquares`. */
  readonly path: string;
  /** What is wrong, without the path. */
  readonly detail: string;

  constructor(path: string, detail: string) {
    super(`${path}: ${detail}`);
    this.name = 'StatsInputError';
    this.path = path;
    this.detail = detail;
  }
}
