import { Text, View } from '@tarojs/components';
import './index.css';

export interface ChipOption<T extends string> {
  readonly id: T;
  readonly label: string;
}

export interface ChipsProps<T extends string> {
  /** Prefix of each chip's element id: `${id}-${option}`. */
  readonly id: string;
  readonly options: readonly ChipOption<T>[];
  readonly selected: readonly T[];
  readonly onToggle: (option: T) => void;
  /** Stack one chip per line (long labels). */
  readonly wide?: boolean;
}

/** Big tappable choices; a tick marks the chosen ones. */
export function Chips<T extends string>({ id, options, selected, onToggle, wide = false }: ChipsProps<T>) {
  return (
    <View className={`chips${wide ? ' chips--wide' : ''}`}>
      {options.map((option) => {
        const on = selected.includes(option.id);
        return (
          <View
            key={option.id}
            id={`${id}-${option.id}`}
            className={`chip${on ? ' chip--on' : ''}`}
            hoverClass='chip--pressed'
            ariaRole='checkbox'
            ariaLabel={`${option.label}${on ? '（已选）' : ''}`}
            onClick={() => onToggle(option.id)}
          >
            <Text className='chip__text'>{on ? `✓ ${option.label}` : option.label}</Text>
          </View>
        );
      })}
    </View>
  );
}
