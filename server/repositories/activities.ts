import { Collection } from '../db/collection';
import type { ActivityDocument } from '../db/documents';
import type { CloudDatabase } from '../runtime/cloud';

type Attendance = ActivityDocument['attendance'][number];

/** Quarterly joint activities (一季一活动) and their attendance. */
export function activitiesRepository(db: CloudDatabase) {
  const activities = new Collection<ActivityDocument>(db, 'activities');
  const _ = db.command;
  return {
    byId: (id: string): Promise<ActivityDocument | undefined> => activities.byId(id),

    async insert(activity: ActivityDocument): Promise<void> {
      await activities.insert(activity);
    },

    /** Activities matching `where`, the latest first (at most 50). */
    latest: (where: object): Promise<ActivityDocument[]> => activities.find(where, { orderBy: [['date', 'desc']], limit: 50 }),

    /** Adds a person's attendance unless they are already on the list; answers whether it was added. */
    async attend(activityId: string, entry: Attendance): Promise<boolean> {
      return (await activities.updateWhere({ _id: activityId, 'attendance.personId': _.neq(entry.personId) }, { attendance: _.push(entry) })) === 1;
    },

    /** Keeps where the organiser's phone first showed the code; a later position does not move the venue. */
    async setVenueOnce(activityId: string, venue: NonNullable<ActivityDocument['venue']>): Promise<void> {
      await activities.updateWhere({ _id: activityId, venue: _.exists(false) }, { venue });
    },

    /** Links the record that writes the activity up, unless one is linked already. */
    async linkRecord(activityId: string, recordId: string): Promise<void> {
      await activities.updateWhere({ _id: activityId, recordId: null }, { recordId });
    },
  };
}
