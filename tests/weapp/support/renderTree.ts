import type { Templates } from './templates';

/**
 * A page's `data.root` as Taro writes it with `setData`: every node has a name (`nn`, a number
 * standing for a WXML template), an id (`sid`, or the developer's `uid`), children under `cn`, and
 * text nodes carry their text in `v`. This is what the view layer would render.
 */
export interface RenderNode {
  readonly nn: string;
  readonly sid: string;
  readonly uid?: string;
  readonly v?: string;
  readonly cn?: readonly RenderNode[];
  readonly cl?: string;
  readonly [short: string]: unknown;
}

export type Data = Record<string, unknown>;

/** `root.cn.[0].cn.[2].v`, `list[3].name`, `a.b`: WeChat's setData path syntax, as segments. */
export function pathSegments(path: string): Array<string | number> {
  const segments: Array<string | number> = [];
  for (const match of path.matchAll(/\[(\d+)\]|([^.[\]]+)/g)) segments.push(match[1] !== undefined ? Number(match[1]) : match[2]!);
  if (segments.length === 0) throw new Error(`setData: empty data path "${path}"`);
  return segments;
}

/**
 * Apply one `setData` argument to a page's data as the logic layer does: each key is a path,
 * missing objects and arrays on the way are created, values arrive as JSON (functions and
 * `undefined` members are dropped).
 */
export function applySetData(target: Data, data: Data): void {
  for (const [path, value] of Object.entries(data)) {
    const segments = pathSegments(path);
    let holder: Record<string | number, unknown> = target;
    for (let index = 0; index < segments.length - 1; index += 1) {
      const segment = segments[index]!;
      let next = holder[segment];
      if (next === null || typeof next !== 'object') {
        next = typeof segments[index + 1] === 'number' ? [] : {};
        holder[segment] = next;
      }
      holder = next as Record<string | number, unknown>;
    }
    const last = segments[segments.length - 1]!;
    holder[last] = value === undefined ? undefined : JSON.parse(JSON.stringify(value));
  }
}

export const idOf = (node: RenderNode): string => node.uid ?? node.sid;

export function rootNodes(data: Data): readonly RenderNode[] {
  const root = data['root'] as { cn?: RenderNode[] } | undefined;
  return root?.cn ?? [];
}

/** Depth-first walk; `visit` gets each node and its ancestors (outermost first). */
export function walk(nodes: readonly RenderNode[], visit: (node: RenderNode, ancestors: readonly RenderNode[]) => boolean | void, ancestors: RenderNode[] = []): boolean {
  for (const node of nodes) {
    if (!node || typeof node !== 'object') continue;
    if (visit(node, ancestors) === true) return true;
    if (node.cn && walk(node.cn, visit, [...ancestors, node])) return true;
  }
  return false;
}

export interface Counts {
  /** Elements (views, texts, inputs, images…): what WeChat's audit counts as WXML nodes. */
  readonly elements: number;
  readonly textNodes: number;
  readonly depth: number;
}

export function countNodes(data: Data, templates: Templates): Counts {
  let elements = 0;
  let textNodes = 0;
  let depth = 0;
  walk(rootNodes(data), (node, ancestors) => {
    if (templates.textNames.has(node.nn)) textNodes += 1;
    else elements += 1;
    depth = Math.max(depth, ancestors.length + 1);
  });
  return { elements, textNodes, depth };
}

/** All the text under a node, in order. */
export function textOf(node: RenderNode, templates: Templates): string {
  if (templates.textNames.has(node.nn)) return node.v ?? '';
  return (node.cn ?? []).map((child) => textOf(child, templates)).join('');
}

/** The node with this id and its ancestors (outermost first), or undefined. */
export function findById(data: Data, id: string): { node: RenderNode; ancestors: readonly RenderNode[] } | undefined {
  let found: { node: RenderNode; ancestors: readonly RenderNode[] } | undefined;
  walk(rootNodes(data), (node, ancestors) => {
    if (idOf(node) === id) {
      found = { node, ancestors };
      return true;
    }
    return false;
  });
  return found;
}

/** The innermost element whose text contains `text` (exact: equals it), with its ancestors. */
export function findByText(data: Data, text: string, templates: Templates, exact = false): { node: RenderNode; ancestors: readonly RenderNode[] } | undefined {
  let found: { node: RenderNode; ancestors: readonly RenderNode[] } | undefined;
  walk(rootNodes(data), (node, ancestors) => {
    if (templates.textNames.has(node.nn)) return false;
    // The first match in document order, narrowed to its innermost element.
    if (found && !ancestors.includes(found.node)) return false;
    const content = textOf(node, templates);
    if (exact ? content.trim() === text : content.includes(text)) found = { node, ancestors };
    return false;
  });
  return found;
}
