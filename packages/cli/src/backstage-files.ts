import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { UsageError } from './cli-errors';

/** One non-empty YAML document of a catalog file, ready to send. */
export interface SourceDocument {
  /** The file as the user can open it: PATH itself, or PATH joined with the path inside the folder. */
  file: string;
  /** 1-based position of the document in its file, counted the way YAML parsers count documents. */
  document: number;
  /** `kind` of the descriptor when it has one (Component, Group, ...). */
  kind: string | undefined;
  /** `kind:namespace/name`, lower-cased as the server writes it, when kind and metadata.name are there. */
  ref: string | null;
  /** The document re-serialised on its own, without a `---` marker. */
  text: string;
}

/** A document that does not parse; nothing is sent when there is one. */
export interface YamlProblem {
  file: string;
  document: number;
  line?: number;
  column?: number;
  message: string;
}

const YAML_FILE = /\.ya?ml$/i;

/** PATH itself when it is a file, otherwise every *.yaml / *.yml file under it, sorted by path.
 *  node_modules and folders whose name starts with a dot are skipped; links to folders are not followed. */
export async function findYamlFiles(path: string): Promise<string[]> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(error.code === 'ENOENT' ? `no such file or folder: ${path}` : `cannot read ${path}: ${error.message}`);
  });
  if (!info.isDirectory()) return [path];

  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch((error: Error) => {
      throw new UsageError(`cannot read ${dir}: ${error.message}`);
    });
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) await walk(full);
      } else if (YAML_FILE.test(entry.name)) {
        if (entry.isFile() || (entry.isSymbolicLink() && (await stat(full).catch(() => undefined))?.isFile())) found.push(full);
      }
    }
  };
  await walk(path);
  // Sort on the path inside the folder, by code unit: the same order on every machine and locale.
  return found
    .map((file) => ({ file, key: relative(path, file) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ file }) => file);
}

export async function readYamlFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

/** Splits one file into its documents. Empty documents (only comments, a trailing `---`) are left
 *  out, as the server leaves them out, but still count for the document numbers. */
export function splitDocuments(file: string, text: string): { documents: SourceDocument[]; problems: YamlProblem[] } {
  const documents: SourceDocument[] = [];
  const problems: YamlProblem[] = [];
  parseAllDocuments(text).forEach((doc, i) => {
    const document = i + 1;
    const error = doc.errors[0];
    if (error) {
      const [position] = error.linePos ?? [];
      const message = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      problems.push({ file, document, line: position?.line, column: position?.col, message });
      return;
    }
    let value: unknown;
    try {
      value = doc.toJS();
    } catch (cause) {
      problems.push({ file, document, message: (cause as Error).message }); // e.g. too many aliases
      return;
    }
    if (value === null || value === undefined) return;
    const descriptor = isObject(value) ? value : {};
    const metadata = isObject(descriptor.metadata) ? descriptor.metadata : {};
    const kind = typeof descriptor.kind === 'string' ? descriptor.kind : undefined;
    const name = typeof metadata.name === 'string' ? metadata.name : undefined;
    const namespace = typeof metadata.namespace === 'string' ? metadata.namespace : 'default';
    const ref = kind && name ? `${kind}:${namespace}/${name}`.toLowerCase() : null;
    const serialised = doc.toString({ directives: false });
    documents.push({ file, document, kind, ref, text: serialised.endsWith('\n') ? serialised : `${serialised}\n` });
  });
  return { documents, problems };
}

/** `file: document 2, line 4, column 1: message` */
export function describeProblem(problem: YamlProblem): string {
  const where = [`document ${problem.document}`];
  if (problem.line !== undefined) where.push(`line ${problem.line}`);
  if (problem.column !== undefined) where.push(`column ${problem.column}`);
  return `${problem.file}: ${where.join(', ')}: ${problem.message}`;
}

/** Users and Groups, which the server must see together to link teams to parents and members. */
export function isOrgDocument(doc: SourceDocument): boolean {
  const kind = doc.kind?.toLowerCase();
  return kind === 'user' || kind === 'group';
}

/** Documents as one multi-document YAML body. */
export function joinDocuments(documents: SourceDocument[]): string {
  return documents.map((doc) => doc.text).join('---\n');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
