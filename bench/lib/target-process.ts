import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface DayOneConfig {
  dataDir: string;
  adminToken: string;
  databaseUrl?: string;
  databaseSchema?: string;
}

export type TargetRequest =
  | { id: number; op: 'dayone'; config: DayOneConfig }
  | { id: number; op: 'bare'; path: string; body: string; contentType: string; headers: [string, string][] }
  | { id: number; op: 'bare-sse'; path: string; events: string[] }
  | { id: number; op: 'stop' };

export type TargetReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

type Payload<T> = T extends unknown ? Omit<T, 'id'> : never;

/** A child process (bench/lib/target.ts) that hosts the servers under load. */
export class TargetProcess {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private exited = false;

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (answer: TargetReply) => {
      const waiter = this.pending.get(answer.id);
      if (!waiter) return;
      this.pending.delete(answer.id);
      if (answer.ok) waiter.resolve(answer.value);
      else waiter.reject(new Error(`target process: ${answer.error}`));
    });
    child.on('exit', (code, signal) => {
      this.exited = true;
      for (const waiter of this.pending.values()) waiter.reject(new Error(`target process exited (code ${code}, signal ${signal})`));
      this.pending.clear();
    });
  }

  /** cpuProfileDir: profile the target process with `node --cpu-prof`, into this folder. Each thread writes
   *  its own file (the main thread's is the largest; tsx's module loader thread writes a small one). */
  static start(options: { cpuProfileDir?: string } = {}): TargetProcess {
    const execArgv = ['--import', 'tsx'];
    if (options.cpuProfileDir) execArgv.push('--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`);
    const child = fork(fileURLToPath(new URL('./target.ts', import.meta.url)), [], {
      cwd: repoRoot,
      execArgv,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new TargetProcess(child);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  private call(request: Payload<TargetRequest>): Promise<unknown> {
    if (this.exited) return Promise.reject(new Error('target process has exited'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ ...request, id } as TargetRequest);
    });
  }

  /** Starts Day One (port 0 on 127.0.0.1) and resolves its base URL. */
  async startDayOne(config: DayOneConfig): Promise<string> {
    return (await this.call({ op: 'dayone', config })) as string;
  }

  /** Starts a bare node:http server that answers `body` on GET `path` with its content-type and, when given,
   *  the same `headers` as the answer it copies; resolves its base URL. */
  async startBare(path: string, body: string, contentType: string, headers: [string, string][] = []): Promise<string> {
    return (await this.call({ op: 'bare', path, body, contentType, headers })) as string;
  }

  /** Starts a bare node:http server-sent-events broadcaster: GET `path` subscribes (and gets the first of
   *  `events` at once, as `event: gate`), POST /trigger sends the next one, in turn, to every subscriber and
   *  answers 204 once they are all written. Resolves its base URL. */
  async startBareSse(path: string, events: string[]): Promise<string> {
    return (await this.call({ op: 'bare-sse', path, events })) as string;
  }

  /** Closes the servers and lets the process exit (writing its CPU profile, if one was asked for). */
  async stop(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    await this.call({ op: 'stop' });
    await exited;
  }
}
