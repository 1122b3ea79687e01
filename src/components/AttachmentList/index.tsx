import { Text, View } from '@tarojs/components';
import { openDocument } from '../../client/documents';
import './index.css';

export interface AttachmentItem {
  readonly fileId: string;
  readonly name: string;
  /** Where the file can be fetched; rows with one open it when tapped. */
  readonly url?: string;
}

export interface AttachmentListProps {
  readonly items: readonly AttachmentItem[];
  /** Offered only while the attachments can still change. */
  readonly onRemove?: (fileId: string) => void;
}

/** Attached files, one row each: tap the name to open it (weapp: the document viewer; h5: a download), 删除 to take it off. */
export function AttachmentList({ items, onRemove }: AttachmentListProps) {
  return (
    <View className='attachment-list'>
      {items.map((item) => (
        <View key={item.fileId} className='attachment-row'>
          {item.url ? (
            <View className='attachment-row__name attachment-row__name--link' hoverClass='attachment-row__remove--pressed' ariaRole='link' onClick={() => void openDocument(item.url!, item.name).catch(() => undefined)}>
              <Text>{item.name}</Text>
            </View>
          ) : (
            <Text className='attachment-row__name'>{item.name}</Text>
          )}
          {onRemove ? (
            <View className='attachment-row__remove' hoverClass='attachment-row__remove--pressed' ariaRole='button' ariaLabel={`删除${item.name}`} onClick={() => onRemove(item.fileId)}>
              <Text>删除</Text>
            </View>
          ) : null}
        </View>
      ))}
    </View>
  );
}
