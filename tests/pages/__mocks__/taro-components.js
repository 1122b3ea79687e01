// Minimal DOM stand-ins for Taro's components, enough to render pages in jsdom.
const React = require('react');

function toDomProps(props) {
  const { hoverClass, ariaRole, ariaLabel, children, ...rest } = props;
  const dom = { ...rest };
  if (ariaRole !== undefined) dom.role = ariaRole;
  if (ariaLabel !== undefined) dom['aria-label'] = ariaLabel;
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

module.exports = { __esModule: true, View, Text };
