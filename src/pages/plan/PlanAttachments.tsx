import { Text, View } from '@tarojs/components';
import type { PlanView } from '../../contract/plans';
import { Section } from '../../components/Section';
import { openDownload } from './files';

/** A plan's attachments; each opens (weapp: the document viewer; h5: the browser). */
export function PlanAttachments({ attachments, onRemove }: { readonly attachments: PlanView['attachments']; readonly onRemove?: (fileId: string) => void }) {
  if (attachments.length === 0) return null;
  return (
    <Section id='plan-attachments' title='附件'>
      {attachments.map((item) => (
        <View key={item.fileId} className='attachment-row'>
          <View className='attachment-row__name' hoverClass='attachment-row__remove--pressed' ariaRole={item.url ? 'link' : undefined} onClick={item.url ? () => void openDownload(item.url!, item.name).catch(() => undefined) : undefined}>
            <Text>{item.name}</Text>
          </View>
          {onRemove ? (
            <View className='attachment-row__remove' hoverClass='attachment-row__remove--pressed' ariaRole='button' ariaLabel={`删除${item.name}`} onClick={() => onRemove(item.fileId)}>
              <Text>删除</Text>
            </View>
          ) : null}
        </View>
      ))}
    </Section>
  );
}
