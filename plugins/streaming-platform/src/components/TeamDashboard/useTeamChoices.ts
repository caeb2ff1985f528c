import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';

/** A Group one can pick. */
export interface TeamChoice {
  ref: string;
  title: string;
}

function toChoice(entity: Entity): TeamChoice {
  return {
    ref: stringifyEntityRef(entity),
    title: entity.metadata.title ?? entity.metadata.name,
  };
}

/** Every Group in the catalog, by title, read on behalf of the user. */
export function useTeamChoices() {
  const catalogApi = useApi(catalogApiRef);
  return useAsync(async (): Promise<TeamChoice[]> => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: 'Group' },
      fields: ['kind', 'metadata.name', 'metadata.namespace', 'metadata.title'],
    });
    return items
      .map(toChoice)
      .sort((a, b) => a.title.localeCompare(b.title, 'en'));
  }, [catalogApi]);
}

/**
 * The Groups the signed-in user belongs to, from their identity's ownership
 * refs (which Backstage resolves from the user's memberOf at sign-in).
 */
export function useMyTeams() {
  const identityApi = useApi(identityApiRef);
  return useAsync(async (): Promise<string[]> => {
    const identity = await identityApi.getBackstageIdentity();
    return identity.ownershipEntityRefs.filter(ref =>
      ref.toLocaleLowerCase('en-US').startsWith('group:'),
    );
  }, [identityApi]);
}
