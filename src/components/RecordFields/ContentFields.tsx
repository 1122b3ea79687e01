import { View } from '@tarojs/components';
import { contentAreaIds, contentAreas, type ContentArea } from '../../domain/records/catalog';
import { Chips } from '../Chips';
import { FormField } from '../FormField';
import { TextAreaField } from '../TextAreaField';
import { toggle, type RecordForm } from './formModel';

/** The longest a record's 工作内容 and 具体成效 may be (records.save accepts 2000 characters each). */
export const RECORD_TEXT_MAX = 2000;

const areaOptions = contentAreaIds.map((id) => ({ id, label: contentAreas[id] }));

export interface ContentFieldsProps {
  readonly form: RecordForm;
  readonly errors: { readonly contentAreas?: string; readonly content?: string; readonly results?: string };
  readonly onAreas: (areas: ContentArea[]) => void;
  readonly onContent: (content: string) => void;
  readonly onResults: (results: string) => void;
}

/** 共建内容 (the notice's nine areas), 工作内容, 具体成效. */
export function ContentFields({ form, errors, onAreas, onContent, onResults }: ContentFieldsProps) {
  return (
    <View>
      <FormField id='field-contentAreas' label='共建内容' hint='可多选，至少选一项' error={errors.contentAreas}>
        <Chips id='area' wide options={areaOptions} selected={form.contentAreas} onToggle={(area) => onAreas(toggle(form.contentAreas, area))} />
      </FormField>
      <TextAreaField
        id='field-content'
        label='工作内容'
        value={form.content}
        max={RECORD_TEXT_MAX}
        placeholder='做了什么：时间、地点、形式、主要内容'
        error={errors.content}
        onChange={onContent}
      />
      <TextAreaField
        id='field-results'
        label='具体成效'
        value={form.results}
        max={RECORD_TEXT_MAX}
        placeholder='取得了什么成效、解决了什么问题'
        error={errors.results}
        onChange={onResults}
      />
    </View>
  );
}
