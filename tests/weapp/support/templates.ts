import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * What the built `base.wxml` says about each node name (`nn`) Taro writes into a page's `root`:
 * the WXML tag it becomes, its attributes under their short keys (`p0`, `p1`, …), and the events the
 * view layer delivers to the page's `eh` handler. The harness reads this instead of guessing, so
 * a tap bubbles exactly through the elements WeChat would call `eh` on.
 */
export interface NodeTemplate {
  readonly nn: string;
  readonly tag: string;
  /** Short key (`p12`) → WXML attribute name (`placeholder`). */
  readonly attributes: Readonly<Record<string, string>>;
  /** Events bound with `bind<event>="eh"`. */
  readonly binds: ReadonlySet<string>;
  /** Events bound with `catch<event>="eh"` (they stop bubbling). */
  readonly catches: ReadonlySet<string>;
  /** A text node (`<block>{{i.v}}</block>`): not an element. */
  readonly text: boolean;
}

export interface Templates {
  of(nn: string): NodeTemplate | undefined;
  readonly textNames: ReadonlySet<string>;
}

export function readTemplates(weappRoot: string): Templates {
  const wxml = readFileSync(path.join(weappRoot, 'base.wxml'), 'utf8');
  const byName = new Map<string, string>();
  for (const match of wxml.matchAll(/<template name="([^"]+)">([\s\S]*?)\n<\/template>/g)) byName.set(match[1]!, match[2]!);

  const templates = new Map<string, NodeTemplate>();
  for (const [name, body] of byName) {
    const level0 = /^tmpl_0_([^_]+)$/.exec(name);
    if (!level0) continue;
    const nn = level0[1]!;
    // Inputs and textareas switch between a `_focus` and a `_blur` variant; both bind the same events.
    const concrete = body.includes("xs.c(i, 'tmpl_0_')") ? (byName.get(`${name}_blur`) ?? body) : body;
    templates.set(nn, parseTemplate(nn, concrete));
  }
  const textNames = new Set([...templates.values()].filter((template) => template.text).map((template) => template.nn));
  return { of: (nn) => templates.get(nn), textNames };
}

function parseTemplate(nn: string, body: string): NodeTemplate {
  const trimmed = body.trim();
  if (/^<block>\{\{i\.v\}\}<\/block>$/.test(trimmed)) {
    return { nn, tag: '#text', attributes: {}, binds: new Set(), catches: new Set(), text: true };
  }
  const open = /^<([a-z-]+)([^>]*)>/.exec(trimmed);
  if (!open) throw new Error(`base.wxml: cannot read template tmpl_0_${nn}`);
  const [, tag, attributeText] = open;
  const attributes: Record<string, string> = {};
  const binds = new Set<string>();
  const catches = new Set<string>();
  for (const attribute of attributeText!.matchAll(/([a-z][\w-]*)="([^"]*)"/g)) {
    const [, name, value] = attribute;
    const event = /^(bind|catch)([a-z]+)$/.exec(name!);
    if (event && value === 'eh') {
      (event[1] === 'bind' ? binds : catches).add(event[2]!);
      continue;
    }
    const key = /\bi\.(p\d+)\b/.exec(value!);
    if (key) attributes[key[1]!] = name!;
  }
  return { nn, tag: tag!, attributes, binds, catches, text: false };
}
