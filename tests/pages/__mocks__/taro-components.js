// Minimal DOM stand-ins for Taro's components, enough to render pages in jsdom.
const React = require('react');

function toDomProps(props) {
  const { hoverClass, ariaRole, ariaLabel, children, openType, mode, userSelect, showMenuByLongpress, ...rest } = props;
  void userSelect;
  void showMenuByLongpress;
  const dom = { ...rest };
  if (ariaRole !== undefined) dom.role = ariaRole;
  if (ariaLabel !== undefined) dom['aria-label'] = ariaLabel;
  if (openType !== undefined) dom['data-open-type'] = openType;
  if (mode !== undefined) dom['data-mode'] = mode;
  return [dom, children];
}

function View(props) {
  const [dom, children] = toDomProps(props);
  return React.createElement('div', dom, children);
}

function Text(props) {
  const [dom, children] = toDomProps(props);
  return React.createElement('span', dom, children);
}

function Button(props) {
  const [dom, children] = toDomProps(props);
  return React.createElement('button', { type: 'button', ...dom }, children);
}

function Image(props) {
  const [dom] = toDomProps(props);
  return React.createElement('img', dom);
}

// Taro's inputs report `{ detail: { value } }`; the stand-ins turn DOM changes into that shape.
function field(tag) {
  return function Field(props) {
    const { onInput, onBlur, maxlength, placeholder, value, type, id, className, autoHeight, disabled } = props;
    void autoHeight;
    return React.createElement(tag, {
      id,
      className,
      placeholder,
      maxLength: maxlength,
      disabled,
      type: tag === 'input' ? (type === 'number' ? 'number' : 'text') : undefined,
      value: value ?? '',
      onChange: (event) => onInput && onInput({ detail: { value: event.target.value } }),
      onBlur: (event) => onBlur && onBlur({ detail: { value: event.target.value } }),
    });
  };
}

// A picker is its children plus a plain input that reports a change like Taro's picker does.
function Picker(props) {
  const { children, onChange, mode, id, value } = props;
  return React.createElement(
    'div',
    { id, 'data-picker-mode': mode ?? 'selector' },
    children,
    React.createElement('input', {
      'aria-label': `picker-${id ?? mode ?? 'selector'}`,
      'data-value': String(value ?? ''),
      onChange: (event) => onChange && onChange({ detail: { value: event.target.value } }),
    }),
  );
}

module.exports = { __esModule: true, View, Text, Button, Image, Input: field('input'), Textarea: field('textarea'), Picker };
