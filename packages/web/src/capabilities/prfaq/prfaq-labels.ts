import type { PrfaqStatus } from '@dayone/contracts';

export const statusLabel: Record<PrfaqStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  decided: 'Decided',
  building: 'Building',
  launched: 'Launched',
  shelved: 'Shelved',
};
export const statusColour: Record<PrfaqStatus, string> = { draft: 'gray', in_review: 'blue', decided: 'teal', building: 'violet', launched: 'green', shelved: 'dark' };

export const pressReleaseLabels = {
  heading: 'Heading',
  subheading: 'Subheading',
  city: 'City',
  outlet: 'Outlet',
  launchDate: 'Launch date',
  summary: 'Summary',
  problem: 'Problem',
  solution: 'Solution',
  leaderQuote: 'Leader quote',
  gettingStarted: 'How to get started',
  customerQuote: 'Customer quote',
  callToAction: 'Call to action',
} as const;
export type PressReleaseField = keyof typeof pressReleaseLabels;
export const pressReleaseFields = Object.keys(pressReleaseLabels) as PressReleaseField[];
export const shortFields: PressReleaseField[] = ['heading', 'subheading', 'city', 'outlet', 'launchDate'];
