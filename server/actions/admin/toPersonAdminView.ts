import type { PersonAdminView } from '../../../src/contract/admin';
import type { PersonDocument } from '../../db/documents';
import type { Grant } from '../../runtime/context';
import { grantView } from '../../runtime/viewer';

/** A person with the grants the caller may see (`visible`: those in the scope asked about). */
export function toPersonAdminView(person: Pick<PersonDocument, '_id' | 'name' | 'grants'>, visible: (grant: Grant) => boolean = () => true): PersonAdminView {
  return { id: person._id, name: person.name, grants: person.grants.filter(visible).map(grantView) };
}
