import type { PlanView } from '../../../src/contract/plans';
import { planTiming } from '../../../src/domain/admin/workPlans';
import type { WorkPlanDocument } from '../../db/adminDocuments';
import type { WxCloud } from '../../runtime/cloud';

const iso = (value: Date | string) => new Date(value).toISOString();

/** A plan as pages show it: lateness judged against the deadline in force at its first submission. */
export function toPlanView(plan: WorkPlanDocument, deadline: string, now: Date): PlanView {
  const firstSubmittedAt = plan.firstSubmittedAt ? new Date(plan.firstSubmittedAt) : null;
  const judgedAgainst = plan.deadlineAtSubmission ?? deadline;
  return {
    id: plan._id,
    year: plan.year,
    subjectType: plan.subjectType,
    subjectId: plan.subjectId,
    subjectName: plan.subjectName,
    state: plan.state,
    text: plan.text,
    attachments: plan.attachments,
    deadline: judgedAgainst,
    timing: planTiming(judgedAgainst, firstSubmittedAt, now),
    firstSubmittedAt: firstSubmittedAt ? firstSubmittedAt.toISOString() : null,
    submittedAt: plan.submittedAt ? iso(plan.submittedAt) : null,
    authorName: plan.authorName,
    reviews: plan.reviews.map((review) => ({ at: iso(review.at), byName: review.byName, decision: review.decision, comment: review.comment })),
  };
}

/** The view with temporary download links for its attachments (an hour). */
export async function withLinks(cloud: WxCloud, view: PlanView): Promise<PlanView> {
  if (view.attachments.length === 0) return view;
  try {
    const links = (await cloud.getTempFileURL({ fileList: view.attachments.map((item) => ({ fileID: item.fileId, maxAge: 3600 })) })) as { fileList: Array<{ fileID: string; tempFileURL: string; status: number }> };
    const urls = new Map(links.fileList.filter((link) => link.status === 0).map((link) => [link.fileID, link.tempFileURL]));
    return { ...view, attachments: view.attachments.map((item) => (urls.has(item.fileId) ? { ...item, url: urls.get(item.fileId)! } : item)) };
  } catch {
    return view;
  }
}
