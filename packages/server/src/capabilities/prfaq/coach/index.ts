export { lintPrfaq } from './lint-prfaq';
export type { CoachInput } from './coach-text';
export { coachRoutes } from './coach-routes';
