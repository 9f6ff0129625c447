import { compiledLookup, type Executor } from '../../db/database.ts';

const userProfile = compiledLookup((db, userId) =>
  db
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .leftJoin('teams as t', 't.id', 'u.team_id')
    .leftJoin('external_organisations as x', 'x.id', 'u.external_organisation_id')
    .select([
      'u.id', 'u.email', 'u.display_name', 'u.role', 'o.id as organisation_id', 'o.name as organisation_name',
      't.id as team_id', 't.name as team_name', 'x.id as external_id', 'x.name as external_name', 'x.kind as external_kind',
    ])
    .where('u.id', '=', userId),
);

/** The names around a user that "who am I" shows: organisation, team, external organisation (the web app asks on every page load). */
export async function findUserProfile(db: Executor, userId: string) {
  const [profile] = await userProfile(db, userId);
  if (!profile) throw new Error(`No user ${userId}`);
  return profile;
}
