import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { chooseOneImage } from '../../client/media';
import { cloudPathFor, uploadImage } from '../../client/upload';
import { ActionButton } from '../../components/ActionButton';
import { FormField } from '../../components/FormField';
import type { RecordForm } from './formModel';

/** records.save accepts at most this many attachments. */
const MAX_ATTACHMENTS = 9;

export interface AttachmentsFieldProps {
  readonly folder: string;
  readonly attachments: RecordForm['attachments'];
  readonly error?: string;
  readonly onChange: (attachments: RecordForm['attachments']) => void;
}

/** Optional photos (会议照片、签到表…), uploaded as they are picked. */
export function AttachmentsField({ folder, attachments, error, onChange }: AttachmentsFieldProps) {
  const [busy, setBusy] = useState(false);
  const [uploadError, setUploadError] = useState<string | undefined>(undefined);

  async function add() {
    const image = await chooseOneImage();
    if (!image) return;
    setBusy(true);
    setUploadError(undefined);
    const result = await uploadImage(image, cloudPathFor(folder, image));
    setBusy(false);
    if (result.ok) onChange([...attachments, { fileId: result.data.fileID, name: `照片${attachments.length + 1}` }]);
    else setUploadError(result.error.message);
  }

  return (
    <FormField id='field-attachments' label='附件照片' optional hint='照片不是必须的' error={error ?? uploadError}>
      {attachments.map((item) => (
        <View key={item.fileId} className='attachment-row'>
          <Text className='attachment-row__name'>{item.name}</Text>
          <View
            className='attachment-row__remove'
            hoverClass='attachment-row__remove--pressed'
            ariaRole='button'
            ariaLabel={`删除${item.name}`}
            onClick={() => onChange(attachments.filter((other) => other.fileId !== item.fileId))}
          >
            <Text>删除</Text>
          </View>
        </View>
      ))}
      {attachments.length < MAX_ATTACHMENTS ? (
        <ActionButton id='add-photo' text='添加照片' variant='secondary' busy={busy} busyText='正在上传…' onTap={() => void add()} />
      ) : null}
    </FormField>
  );
}
