import { Notice } from '../../components/Notice';

/** Shown to an org's party leader whose role still waits for approval. */
export function AwaitingApproval({ orgNames }: { readonly orgNames: readonly string[] }) {
  if (orgNames.length === 0) return null;
  return (
    <Notice
      id='awaiting-approval'
      tone='warning'
      title='待审核'
      text={`您作为“${orgNames.join('”“')}”党组织负责人的身份正在等待审核。结对单位、街道或区委党群共建办审核通过后，您就可以确认记录；在此之前可以先查看。`}
    />
  );
}
