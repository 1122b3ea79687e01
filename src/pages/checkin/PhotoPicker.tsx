import { Text, View } from '@tarojs/components';
import { usePhotoUpload } from '../../client/usePhotoUpload';
import { ActionButton } from '../../components/ActionButton';
import { Notice } from '../../components/Notice';

export interface PhotoPickerProps {
  /** Cloud folder for the photo. */
  readonly folder: string;
  readonly fileId: string | null;
  readonly onUploaded: (fileId: string) => void;
}

/** An optional on-site photo: take or pick one, uploaded right away. */
export function PhotoPicker({ folder, fileId, onUploaded }: PhotoPickerProps) {
  const { busy, error, pick } = usePhotoUpload(folder, onUploaded);

  return (
    <View id='photo-picker'>
      {fileId !== null ? <Notice tone='success' text='现场照片已上传，将附在访问记录中。' /> : null}
      {error !== undefined ? <Notice tone='error' text={error} /> : null}
      <ActionButton
        id='take-photo'
        text={fileId !== null ? '换一张照片' : '拍照留证（可选）'}
        variant='secondary'
        busy={busy}
        busyText='正在上传照片…'
        onTap={() => void pick()}
      />
      <Text className='checkin-page__hint'>照片不是必须的，不拍也可以写记录。</Text>
    </View>
  );
}
