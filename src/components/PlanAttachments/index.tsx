import type { PlanView } from '../../contract/plans';
import { AttachmentList } from '../AttachmentList';
import { Section } from '../Section';

/** A work plan's attachments (附件), for its author and for the office reviewing it; nothing when there are none. */
export function PlanAttachments({ attachments, onRemove }: { readonly attachments: PlanView['attachments']; readonly onRemove?: (fileId: string) => void }) {
  if (attachments.length === 0) return null;
  return (
    <Section id='plan-attachments' title='附件'>
      <AttachmentList items={attachments} onRemove={onRemove} />
    </Section>
  );
}
