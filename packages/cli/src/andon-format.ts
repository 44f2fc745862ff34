import type { AndonPull, Gate, GatePull } from '@dayone/sdk';
import { InvalidArgumentError } from 'commander';
import { formatTime } from './output';

/** The server's rule for environment names (packages/contracts/src/andon.ts). */
const ENVIRONMENT = /^[a-z0-9]+([-_.][a-z0-9]+)*$/;

export function parseEnvironment(value: string): string {
  if (value.length > 63 || !ENVIRONMENT.test(value)) {
    throw new InvalidArgumentError('expected lower-case letters and digits separated by "-", "_" or "." (e.g. production)');
  }
  return value;
}

export function parseSeverity(value: string): number {
  if (!/^[1-4]$/.test(value)) throw new InvalidArgumentError('expected 1 (worst) to 4');
  return Number(value);
}

export function parseMinutes(value: string): number {
  const minutes = Number(value);
  if (!/^\d+$/.test(value) || minutes < 1 || minutes > 1440) throw new InvalidArgumentError('expected whole minutes, 1 to 1440 (a day)');
  return minutes;
}

const UNIT_MS = { h: 3_600_000, m: 60_000, s: 1000 } as const;

/** "90s", "30m", "2h" or a combination in that order ("1h30m"); at least one second. */
export function parseDuration(value: string): number {
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(value.trim());
  const ms = match ? Number(match[1] ?? 0) * UNIT_MS.h + Number(match[2] ?? 0) * UNIT_MS.m + Number(match[3] ?? 0) * UNIT_MS.s : 0;
  if (!match || ms < 1000) throw new InvalidArgumentError('expected a duration with a unit, e.g. 90s, 30m, 2h or 1h30m');
  return ms;
}

/** 45s, 12m, 3h 5m, 2d 4h: the two largest units, rounded down. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const parts: [number, string][] = [
    [Math.floor(seconds / 86_400), 'd'],
    [Math.floor(seconds / 3600) % 24, 'h'],
    [Math.floor(seconds / 60) % 60, 'm'],
    [seconds % 60, 's'],
  ];
  const first = parts.findIndex(([n]) => n > 0);
  if (first < 0) return '0s';
  return parts
    .slice(first, first + 2)
    .filter(([n]) => n > 0)
    .map(([n, unit]) => `${n}${unit}`)
    .join(' ');
}

/** "2025-03-01T09:30Z (3h 5m ago)". */
export function since(iso: string, now = Date.now()): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : `${formatTime(iso)} (${formatDuration(now - time)} ago)`;
}

type Target = { kind: AndonPull['target']['kind']; name: string | null };

/** "service checkout", "system shop", "team payments", "the whole organisation". */
export function describeTarget(target: Target): string {
  return target.kind === 'organisation' ? 'the whole organisation' : `${target.kind} ${target.name ?? '?'}`;
}

/** What a pull stops: "deploys of service checkout to production". */
export function describeStops(target: Target, environment: string | null): string {
  const where = environment ? `to ${environment}` : 'to every environment';
  switch (target.kind) {
    case 'service':
      return `deploys of service ${target.name} ${where}`;
    case 'system':
      return `deploys of every service in system ${target.name} ${where}`;
    case 'team':
      return `deploys of every service team ${target.name} owns ${where}`;
    case 'organisation':
      return `every deploy in the organisation ${where}`;
  }
}

/** "checkout in production" / "checkout (any environment)". */
export function gateName(gate: Pick<Gate, 'service' | 'environment'>): string {
  return `${gate.service} ${gate.environment ? `in ${gate.environment}` : '(any environment)'}`;
}

/** Two lines per pull that closes a gate: who, why, how bad, since when. */
export function gatePullLines(pull: GatePull, now = Date.now()): string[] {
  const env = pull.environment ? ` in ${pull.environment}` : '';
  return [
    `  #${pull.number}  severity ${pull.severity}  ${pull.status}  on ${describeTarget(pull.target)}${env}`,
    `       pulled by ${pull.pulledBy} since ${since(pull.pulledAt, now)}: ${pull.reason}`,
  ];
}

export function overrideLines(gate: Gate, now = Date.now()): string[] {
  return gate.overrides.map(
    (o) => `  override by ${o.by} until ${formatTime(o.expiresAt)} (${formatDuration(Date.parse(o.expiresAt) - now)} left): ${o.reason}`,
  );
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
