import type { FastifyInstance } from 'fastify';
import { nameParam, peoplePage, peopleQuery, person } from '@dayone/contracts';
import { AppError } from '../../platform/errors/app-error';
import { errorReplies, typed } from '../../platform/http/typed';
import type { PeopleStore } from './people-store';

const tags = ['people'];

export function peopleRoutes(app: FastifyInstance, people: PeopleStore) {
  const r = typed(app);
  r.get('/api/v1/people', { schema: { tags, summary: 'List people, searchable by name, display name or email', querystring: peopleQuery, response: { 200: peoplePage, ...errorReplies } } }, (req) =>
    people.list(req.query),
  );
  r.get('/api/v1/people/:name', { schema: { tags, summary: 'One person and their teams', params: nameParam, response: { 200: person, ...errorReplies } } }, async (req) => {
    const row = await people.byName(req.params.name);
    if (!row) throw new AppError('PERSON_NOT_FOUND', `No person is named "${req.params.name}".`);
    return people.present(row);
  });
}
