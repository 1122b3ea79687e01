import type { LocalDatabase } from '../../localcloud/db/database';

/**
 * Runs `work` while `change` happens "meanwhile": just before the first database request of
 * `moment` (a wire action such as `database.modifyDocument`) reaches the local database, as another
 * function instance or the console would change it at that instant. Answers what `work` answered
 * and whether the change happened (a test checks it did, else it proved nothing).
 */
export async function meanwhile<T>(db: LocalDatabase, moment: string, change: () => Promise<void>, work: () => Promise<T>): Promise<{ result: T; happened: boolean }> {
  const charge = db.beforeRequest;
  let happened = false;
  const hook = jest.spyOn(db, 'beforeRequest').mockImplementation(async (action) => {
    await charge.call(db, action);
    if (action !== moment || happened) return;
    happened = true;
    await change();
  });
  try {
    return { result: await work(), happened };
  } finally {
    hook.mockRestore();
  }
}
