import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import type { EntryView } from '../../contract/surveys';
import { respondentGroupHints, respondentGroups } from '../../domain/surveys/groups';
import { endLabel } from '../../domain/surveys/round';
import { ActionButton } from '../../components/ActionButton';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';

export interface IntroScreenProps {
  readonly view: EntryView;
  readonly ballotCode: string;
  readonly codeError?: string;
  readonly resuming: boolean;
  readonly onBallotCode: (code: string) => void;
  readonly onStart: () => void;
  /** h5 only, when the local cloud does not know the caller: sign in as a demo person instead of a code. */
  readonly onSignIn?: () => void;
}

/** Screen 1 of 3: whom you evaluate, as which group, and why it is safe to say what you think. */
export function IntroScreen({ view, ballotCode, codeError, resuming, onBallotCode, onStart, onSignIn }: IntroScreenProps) {
  const [wantsCode, setWantsCode] = useState(ballotCode !== '' || codeError !== undefined);
  const showCode = view.codesRequired || wantsCode;
  return (
    <View className='survey-intro'>
      <Text className='page-title'>{view.roundLabel}</Text>
      <View className='card'>
        <Text className='card__title' id='survey-subject'>
          请评价 {view.unitName}
        </Text>
        <Text className='card__text'>
          {view.unitName}与{view.orgName}结对共建。请您以“{respondentGroups[view.group]}”（{respondentGroupHints[view.group]}）的身份，对该单位本期的共建工作作出评价。
        </Text>
        <Text className='card__text muted'>
          共 {view.form.items.length} 题，约 1 分钟；截止 {endLabel(view.endDate)}。
        </Text>
      </View>
      <Notice id='survey-anonymity' tone='info' title='匿名评议'>
        <Text className='notice__text'>答卷只按题目汇总计数，与您的微信身份分开保存，无法对应到个人；被评议单位、企业负责人和党群共建办都看不到谁答了什么。每组不足 3 人时只公布份数。每人只能提交一次。</Text>
      </Notice>
      {showCode ? (
        <FormField id='field-ballotCode' label='评议码' optional={!view.codesRequired} hint={view.codesRequired ? '本组凭评议码作答，请输入组织负责人发给您的 10 位评议码' : '没有微信时可凭评议码作答'} error={codeError}>
          <Input id='field-ballotCode-input' className='form-input' value={ballotCode} maxlength={14} placeholder='例如 0A1B2-C3D4E' onInput={(event) => onBallotCode(event.detail.value)} />
        </FormField>
      ) : (
        <View id='survey-use-code' className='survey-intro__link' hoverClass='survey-intro__link--pressed' ariaRole='button' onClick={() => setWantsCode(true)}>
          <Text>我有评议码</Text>
        </View>
      )}
      {onSignIn ? <ActionButton id='survey-signin' text='本地演示：登录后作答' variant='secondary' onTap={onSignIn} /> : null}
      <ActionButton id='survey-start' text={resuming ? '继续答题' : '开始评议'} onTap={onStart} />
    </View>
  );
}
