import { InvalidArgumentError, type Command } from 'commander';
import { println, type CliContext, type ServerConfig } from '../cli-context';
import { EXIT, UsageError } from '../cli-errors';

interface ServeOptions {
  port?: number;
  host?: string;
  dataDir?: string;
  databaseUrl?: string;
}

export function registerServeCommand(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('start the Day One server (API and web app)')
    .option('--port <n>', 'port to listen on (default: $PORT or 4000)', parsePort)
    .option('--host <host>', 'address to bind (default: $HOST or 0.0.0.0)')
    .option('--data-dir <dir>', 'where the SQLite database and files live (default: $DAYONE_DATA_DIR or ./data)')
    .option('--database-url <url>', 'PostgreSQL URL instead of SQLite (default: $DAYONE_DATABASE_URL)')
    .addHelpText(
      'after',
      `
Flags override the environment. Other settings come from the environment only:
  DAYONE_ADMIN_TOKEN  creates an admin API token at start-up (bootstrap scripts and CI)
  DAYONE_RATE_LIMIT   API requests a minute per token, person or address (default 1200; 0: none)
  DAYONE_SHUTDOWN_GRACE_MS  how long a shutdown waits for requests, then webhooks (default 10000)

Stops cleanly on SIGINT (Ctrl-C) or SIGTERM: stops accepting, tells event streams to
reconnect elsewhere, finishes requests in flight, sends due webhooks, closes the database.

Examples:
  $ dayone serve
  $ dayone serve --port 8080 --data-dir /var/lib/dayone
  $ DAYONE_DATABASE_URL=postgres://dayone@db/dayone dayone serve --host 127.0.0.1`,
    )
    .action(async (options: ServeOptions) => {
      const server = await ctx.loadServer();
      let config: ServerConfig;
      try {
        config = server.loadConfig(ctx.io.env);
      } catch (error) {
        throw new UsageError(`invalid server configuration in the environment: ${(error as Error).message}`);
      }
      config = applyFlags(config, options);

      const running = await server.startServer(config);
      println(ctx.io.stdout, `Day One is listening on ${running.url}`);

      let stopping = false;
      const stop = (signal: NodeJS.Signals) => {
        if (stopping) return ctx.exit(EXIT.failed); // a second Ctrl-C: give up waiting
        stopping = true;
        println(ctx.io.stderr, `${signal} received, shutting down…`);
        running.close().then(
          () => ctx.exit(EXIT.ok),
          (error: unknown) => {
            println(ctx.io.stderr, `error: shutdown failed: ${(error as Error).message ?? String(error)}`);
            ctx.exit(EXIT.failed);
          },
        );
      };
      ctx.onSignal('SIGINT', () => stop('SIGINT'));
      ctx.onSignal('SIGTERM', () => stop('SIGTERM'));
    });
}

function applyFlags(config: ServerConfig, options: ServeOptions): ServerConfig {
  return {
    ...config,
    ...(options.port !== undefined && { port: options.port }),
    ...(options.host !== undefined && { host: options.host }),
    ...(options.dataDir !== undefined && { dataDir: options.dataDir }),
    ...(options.databaseUrl !== undefined && { databaseUrl: options.databaseUrl }),
  };
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new InvalidArgumentError('expected a port number from 0 to 65535');
  return port;
}
