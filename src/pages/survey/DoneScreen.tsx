import { CalmState } from '../../components/CalmState';
import type { Outcome } from './useSurvey';

const titles: Record<Outcome, string> = {
  counted: '提交成功，感谢您的评价',
  alreadyCounted: '您已参加过本次评议',
  closed: '本次评议已结束',
  ownUnit: '您不能评议本单位',
};

/** Screen 3 of 3: counted (or already counted, or closed). Nothing about the answers stays on the phone. */
export function DoneScreen({ outcome, message, roundLabel }: { readonly outcome: Outcome; readonly message?: string; readonly roundLabel?: string }) {
  const text =
    message ??
    (outcome === 'counted'
      ? `您的答卷已匿名计入${roundLabel ?? '本次评议'}。手机上不保留您的答案。`
      : outcome === 'alreadyCounted'
        ? '您的答卷已经计入，每人只能提交一次，谢谢！'
        : outcome === 'ownUnit'
          ? '这份问卷请结对组织的党群组织、员工代表和企业主填写；被评议单位的人员不参加对本单位的评议。'
          : '评议已截止，不再接收答卷。');
  return <CalmState id={`survey-done-${outcome}`} title={titles[outcome]} text={text} tone={outcome === 'closed' || outcome === 'ownUnit' ? 'neutral' : 'success'} />;
}
