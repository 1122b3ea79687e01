import { fitText } from '../../../src/domain/text/fit';
import { chinaDateString } from '../../../src/domain/time/chinaTime';
import type { PersonDocument } from '../../db/documents';
import { findAll } from '../../db/ops';
import type { CloudDatabase, WxCloud } from '../../runtime/cloud';
import { miniprogramState, planReminderTemplate } from './templates';

/** WeChat answers 43101 when the person has not allowed (or used up) this reminder: not an error. */
const NOT_SUBSCRIBED = 43101;

export interface PlanMessage {
  readonly title: string;
  readonly subjectName: string;
  readonly date: string;
  readonly note: string;
}

/** Sends the 工作提醒 message to one person; answers whether it reached them. */
export async function sendPlanMessage(cloud: WxCloud, openid: string, message: PlanMessage): Promise<boolean> {
  try {
    await cloud.openapi.subscribeMessage.send({
      touser: openid,
      templateId: planReminderTemplate.id,
      page: planReminderTemplate.page,
      miniprogramState,
      lang: 'zh_CN',
      data: {
        thing1: { value: fitText(message.title, 20) },
        thing2: { value: fitText(message.subjectName, 20) },
        date3: { value: message.date },
        thing4: { value: fitText(message.note, 20) },
      },
    });
    return true;
  } catch (error) {
    if ((error as { errCode?: number }).errCode !== NOT_SUBSCRIBED) console.warn('[gongjian] plan message failed', error);
    return false;
  }
}

/** The people who write a unit's plan (its staff and head) or a street's arrangement (its office). */
export async function writersOf(db: CloudDatabase, subjectType: 'unit' | 'street', subjectId: string): Promise<PersonDocument[]> {
  const roles = subjectType === 'unit' ? ['unitStaff', 'unitHead'] : ['streetOffice'];
  return findAll<PersonDocument>(db.collection('people').where({ grants: db.command.elemMatch({ scopeId: subjectId, role: db.command.in(roles) }) }).limit(100));
}

export function today(now: Date): string {
  return chinaDateString(now);
}
