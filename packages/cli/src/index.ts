export { runCli } from './run-cli';
export { buildProgram } from './build-program';
export { EXIT } from './cli-errors';
export type { CliContext, CliIo } from './cli-context';
