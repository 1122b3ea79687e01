/**
 * Collections whose storage must keep no order and no history: the anonymous survey answers
 * (README 评议 → 匿名设计). For these the store gives new rows random rowids (so the table's order
 * is not arrival order) and empties the WAL after every write that touched them (so no
 * intermediate versions stay in the data folder). Every collection, unlinkable or not, keeps no
 * write counter on disk and zeroes deleted content (secure_delete).
 *
 * Chosen by name for now: the collections of the survey area are the ones named `survey…`.
 */
export function isUnlinkableCollection(collection: string): boolean {
  return collection.startsWith('survey');
}
