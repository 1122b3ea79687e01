import { Text, View } from '@tarojs/components';
import type { EntryView } from '../../contract/surveys';
import type { Choice } from '../../domain/surveys/form';
import { answeredCount } from '../../domain/surveys/answers';
import { COMMENT_MAX } from '../../domain/surveys/comments';
import { ActionButton } from '../../components/ActionButton';
import { Notice } from '../../components/Notice';
import { TextAreaField } from '../../components/TextAreaField';
import type { SurveyProgress } from './progress';
import type { SubmitProblem } from './useSurvey';
import { ChoiceRow } from './ChoiceRow';

export interface QuestionsScreenProps {
  readonly view: EntryView;
  readonly progress: SurveyProgress;
  readonly problem: SubmitProblem | null;
  readonly busy: boolean;
  readonly onChoose: (itemId: string, choice: Choice) => void;
  readonly onComment: (comment: string) => void;
  readonly onSubmit: () => void;
  readonly onBack: () => void;
}

/** Screen 2 of 3: every item with its three choices, an optional comment, one submit. */
export function QuestionsScreen({ view, progress, problem, busy, onChoose, onComment, onSubmit, onBack }: QuestionsScreenProps) {
  const answered = answeredCount(view.form, progress.answers);
  const total = view.form.items.length;
  return (
    <View className='survey-questions'>
      <View className='survey-questions__head'>
        <Text className='survey-questions__subject'>评价：{view.unitName}</Text>
        <Text id='survey-progress' className='survey-questions__progress'>
          已答 {answered}/{total}
        </Text>
      </View>
      {view.form.items.map((item, index) => {
        const error = problem?.field === `answers.${item.id}` ? problem.message : undefined;
        return (
          <View key={item.id} id={`item-${item.id}`} className={`card survey-item${error ? ' survey-item--error' : ''}`}>
            <Text className='survey-item__title'>
              {index + 1}. {item.title}
            </Text>
            {item.hint ? <Text className='survey-item__hint'>{item.hint}</Text> : null}
            {error ? (
              <Text id={`item-${item.id}-error`} className='form-field__error'>
                {error}
              </Text>
            ) : null}
            <ChoiceRow itemId={item.id} selected={progress.answers[item.id]} onChoose={(choice) => onChoose(item.id, choice)} />
          </View>
        );
      })}
      <TextAreaField
        id='field-comment'
        label='意见建议（选填）'
        value={progress.comment}
        max={COMMENT_MAX}
        hint='请不要写姓名、电话等能认出您的信息；手机号、身份证号会被自动隐去。'
        error={problem?.field === 'comment' ? problem.message : undefined}
        onChange={onComment}
      />
      {problem && problem.field === undefined ? <Notice id='survey-problem' tone='error' text={problem.message} /> : null}
      <ActionButton id='survey-submit' text='提交评议' busy={busy} busyText='正在提交…' onTap={onSubmit} />
      <ActionButton id='survey-back' text='返回上一步' variant='secondary' onTap={onBack} />
    </View>
  );
}
