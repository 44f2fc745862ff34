import type { Migration } from 'kysely';
import * as foundation from './20261126-0001-foundation';
import * as catalog from './20261126-0002-catalog';
import * as andon from './20261126-0003-andon';
import * as experiments from './20261126-0005-experiments';
import * as outbox from './20261126-0004-outbox';
import * as coe from './20261126-0006-coe';
import * as prfaq from './20261126-0007-prfaq';
import * as tokenScopes from './20261126-0008-token-scopes';
import * as coeSupportingData from './20261126-0009-coe-supporting-data';
import * as notifications from './20261126-0010-notifications';
import * as experimentCovariates from './20261126-0011-experiment-covariates';
import * as externalIdentities from './20261126-0012-external-identities';
import * as search from './20261126-0013-search';
import * as flywheel from './20261126-0014-flywheel';
import * as notificationSubscriptions from './20261126-0015-notification-subscriptions';
import * as searchWords from './20261126-0016-search-words';
import * as searchGrams from './20261126-0017-search-grams';

/** Every migration, in order. Names are timestamped; migrations are forward-only (no down). */
export const migrations: Record<string, Migration> = {
  '20261126-0001-foundation': foundation,
  '20261126-0002-catalog': catalog,
  '20261126-0003-andon': andon,
  '20261126-0004-outbox': outbox,
  '20261126-0005-experiments': experiments,
  '20261126-0006-coe': coe,
  '20261126-0007-prfaq': prfaq,
  '20261126-0008-token-scopes': tokenScopes,
  '20261126-0009-coe-supporting-data': coeSupportingData,
  '20261126-0010-notifications': notifications,
  '20261126-0011-experiment-covariates': experimentCovariates,
  '20261126-0012-external-identities': externalIdentities,
  '20261126-0013-search': search,
  '20261126-0014-flywheel': flywheel,
  '20261126-0015-notification-subscriptions': notificationSubscriptions,
  '20261126-0016-search-words': searchWords,
  '20261126-0017-search-grams': searchGrams,
};
