import { usePhotoUpload } from '../../client/usePhotoUpload';
import { ActionButton } from '../ActionButton';
import { AttachmentList } from '../AttachmentList';
import { FormField } from '../FormField';
import type { RecordForm } from './formModel';

/** records.save accepts at most this many attachments. */
const MAX_ATTACHMENTS = 9;

export interface AttachmentsFieldProps {
  readonly folder: string;
  readonly attachments: RecordForm['attachments'];
  readonly error?: string;
  /** e.g. 纸质记录扫描件 on the office's paper record page. */
  readonly label?: string;
  readonly hint?: string;
  readonly onChange: (attachments: RecordForm['attachments']) => void;
}

/** Optional photos (会议照片、签到表…), uploaded as they are picked. */
export function AttachmentsField({ folder, attachments, error, label = '附件照片', hint = '照片不是必须的', onChange }: AttachmentsFieldProps) {
  const upload = usePhotoUpload(folder, (fileId) => onChange([...attachments, { fileId, name: `照片${attachments.length + 1}` }]));

  return (
    <FormField id='field-attachments' label={label} optional hint={hint} error={error ?? upload.error}>
      <AttachmentList items={attachments} onRemove={(fileId) => onChange(attachments.filter((other) => other.fileId !== fileId))} />
      {attachments.length < MAX_ATTACHMENTS ? (
        <ActionButton id='add-photo' text='添加照片' variant='secondary' busy={upload.busy} busyText='正在上传…' onTap={() => void upload.pick()} />
      ) : null}
    </FormField>
  );
}
