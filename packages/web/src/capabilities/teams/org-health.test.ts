import { describe, expect, it } from 'vitest';
import { orgFinding, type OrgFinding, type OrgNode } from '@dayone/contracts';
import { countOrgHealth, orgFindingNames, orgHealthLevel, orgHealthLevels, orgHealthOf, orgSubtree } from './org-health';

const finding = (code: OrgFinding['code']): OrgFinding => ({ code, message: code });
const node = (name: string, codes: OrgFinding['code'][], children: OrgNode[] = []): OrgNode => ({
  name,
  displayName: name,
  memberCount: 1,
  fit: !codes.some((c) => c !== 'TEAM_OVERLOADED'),
  findings: codes.map(finding),
  children,
});

const tree = [node('commerce', [], [node('big', ['OVER_SIZE'], [node('Checkout', ['NO_LEADER', 'TEAM_OVERLOADED'])])]), node('ops', [])];

describe('the org tree colours', () => {
  it('is healthy with no finding, one with one, several with two or more', () => {
    expect(orgHealthOf([])).toBe('healthy');
    expect(orgHealthOf([finding('TEAM_OVERLOADED')])).toBe('one');
    expect(orgHealthOf([finding('NO_LEADER'), finding('LEADER_LEADS_SEVERAL')])).toBe('several');
  });

  it('counts every team at every depth', () => {
    expect(countOrgHealth(tree)).toEqual({ healthy: 2, one: 1, several: 1 });
  });

  it('narrows to a team and its sub-teams, by name in any case', () => {
    expect(orgSubtree(tree, 'BIG')!.map((n) => n.name)).toEqual(['big']);
    expect(countOrgHealth(orgSubtree(tree, 'checkout')!)).toEqual({ healthy: 0, one: 0, several: 1 });
    expect(orgSubtree(tree, '')).toBe(tree);
    expect(orgSubtree(tree, 'nowhere')).toBeNull();
  });

  it('gives each level its own colour, a name and a meaning, so the colour is never the only sign', () => {
    expect(orgHealthLevels.map((l) => l.health)).toEqual(['healthy', 'one', 'several']);
    expect(new Set(orgHealthLevels.map((l) => l.colour)).size).toBe(3);
    expect(new Set(orgHealthLevels.map((l) => l.name)).size).toBe(3);
    for (const level of orgHealthLevels) expect(level.meaning).not.toBe('');
    expect(orgHealthLevel('several').name).toBe('Several findings');
  });

  it('names every finding the server can report', () => {
    for (const code of orgFinding.shape.code.options) expect(orgFindingNames[code]).toBeTruthy();
    expect(orgFindingNames.OVER_SIZE).toBe('Over 10 people');
  });
});
