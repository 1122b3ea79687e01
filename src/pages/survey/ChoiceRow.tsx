import { Text, View } from '@tarojs/components';
import type { Choice } from '../../domain/surveys/form';
import { choiceIds, choiceLabels } from '../../domain/surveys/form';

export interface ChoiceRowProps {
  readonly itemId: string;
  readonly selected: Choice | undefined;
  readonly onChoose: (choice: Choice) => void;
}

/** 满意 / 基本满意 / 不满意 as three big buttons side by side (a radio group). */
export function ChoiceRow({ itemId, selected, onChoose }: ChoiceRowProps) {
  return (
    <View className='choice-row' ariaRole='radiogroup'>
      {choiceIds.map((choice) => {
        const on = selected === choice;
        return (
          <View
            key={choice}
            id={`choice-${itemId}-${choice}`}
            className={`choice-row__choice choice-row__choice--${choice}${on ? ' choice-row__choice--on' : ''}`}
            hoverClass='choice-row__choice--pressed'
            ariaRole='radio'
            ariaLabel={`${choiceLabels[choice]}${on ? '（已选）' : ''}`}
            onClick={() => onChoose(choice)}
          >
            <Text className='choice-row__text'>{on ? `✓ ${choiceLabels[choice]}` : choiceLabels[choice]}</Text>
          </View>
        );
      })}
    </View>
  );
}
