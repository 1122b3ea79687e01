import type { RecordPlace } from '../../../src/domain/access/policy';
import { policy } from '../../../src/domain/access/policy';
import { allows } from '../../runtime/access';
import type { Caller } from '../../runtime/context';

/**
 * Who carries a written record on (edit, submit, revise, its confirm link): the unit side of its
 * pairing (`record.write`), and for a paper record (补录) the offices that may enter one (`pairing.office`).
 */
export function writesRecord(caller: Pick<Caller, 'grants'>, record: RecordPlace & { readonly paper: boolean }): boolean {
  return allows(caller, policy.record.write, record) || (record.paper && allows(caller, policy.pairing.office, record));
}
