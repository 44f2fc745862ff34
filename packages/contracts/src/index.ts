export * from './common';
export * from './people';
export * from './auth';
export * from './teams';
export * from './tokens';
export * from './audit';
export * from './settings';
export * from './catalog';
