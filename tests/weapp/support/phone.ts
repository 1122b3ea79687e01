import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../../scripts/paths';
import type { DemoDistrict } from '../../../scripts/seed/demoDistrict';
import type { ActionInput, ActionName, ActionOutput } from '../../../src/contract/actions';
import type { ActionResult } from '../../../src/contract/result';
import type { Seed } from './cloudHost';
import type { ThousandPairings } from './district1000';
import { RemoteCloud } from './remoteCloud';
import type { PageFigures } from './limits';
import { describeProblems, figuresOf, limitViolations } from './limits';
import type { LaunchOptions, PageEntry } from './miniProgram';
import { MiniProgram } from './miniProgram';
import type { PrivacyDeclaration } from './privacy';
import { readPrivacyDeclaration } from './privacy';
import type { RenderNode } from './renderTree';
import { findById, findByText, idOf, textOf, walk } from './renderTree';
import type { Templates } from './templates';
import { readTemplates } from './templates';
import type { Position, UserScript } from './wxFake';

export const weappRoot = path.join(projectRoot, 'dist', 'weapp');

const WAIT_MS = 20_000;

/**
 * One local cloud (in-memory, the functions from source, in a worker thread) and any number of
 * phones on it, each running the built mini-program as one person.
 */
export class World {
  readonly templates: Templates;
  readonly privacy: PrivacyDeclaration;
  private readonly phones = new Set<Phone>();

  private constructor(
    readonly cloud: RemoteCloud,
    private readonly seeded: unknown,
    private readonly seed: Seed,
  ) {
    this.templates = readTemplates(weappRoot);
    this.privacy = readPrivacyDeclaration(weappRoot);
  }

  /** A fresh world seeded with the demo district (as `npm start` does) or with 1,000 pairings. */
  static async open(seed: Seed = 'demo'): Promise<World> {
    const { cloud, seeded } = await RemoteCloud.start(seed);
    return new World(cloud, seeded, seed);
  }

  /** The demo district (in a world seeded with it). */
  get district(): DemoDistrict {
    if (this.seed !== 'demo') throw new Error('this world was not seeded with the demo district');
    return this.seeded as DemoDistrict;
  }

  /** The 1,000 pairings (in a world seeded with them). */
  get thousand(): ThousandPairings {
    if (this.seed !== 'thousand') throw new Error('this world was not seeded with 1,000 pairings');
    return this.seeded as ThousandPairings;
  }

  /** Call an action straight through the functions (setting the scene up, not part of a journey). */
  call<K extends ActionName>(openid: string, action: K, input: ActionInput<K>): Promise<ActionResult<ActionOutput<K>>> {
    return this.cloud.action(openid, action, input) as Promise<ActionResult<ActionOutput<K>>>;
  }

  /** A phone signed in to WeChat as `openid` (every call reaches the functions as this person). */
  phone(openid: string, user: Partial<UserScript> = {}): Phone {
    const phone = new Phone(this, openid, user);
    this.phones.add(phone);
    return phone;
  }

  async close(): Promise<void> {
    for (const phone of this.phones) phone.close();
    await this.cloud.close();
  }
}

export class Phone {
  readonly program: MiniProgram;
  readonly user: UserScript;
  private actedAt = 0;

  constructor(
    private readonly world: World,
    readonly openid: string,
    user: Partial<UserScript>,
  ) {
    this.user = { position: 'unavailable', allowsLocation: true, subscribes: 'accept', modalAnswers: [], photo: null, file: null, mapPoint: null, ...user };
    this.program = new MiniProgram({
      root: weappRoot,
      templates: world.templates,
      privacy: world.privacy,
      user: this.user,
      cloud: {
        callFunction: (name, data) => world.cloud.callAs(openid, name, data),
        uploadFile: (cloudPath, content) => world.cloud.upload(cloudPath, content, openid),
        subscribed: (answers) => world.cloud.subscribed(openid, answers),
      },
    });
  }

  /** Open the mini-program cold at a path (the home page from the app list, a card, a message, a code). */
  async launch(target: string | LaunchOptions): Promise<void> {
    await this.program.launch(typeof target === 'string' ? { path: target } : target);
  }

  get page(): PageEntry {
    return this.program.current;
  }

  get route(): string {
    return this.page.route;
  }

  get templates() {
    return this.world.templates;
  }

  moveTo(position: Position): void {
    this.user.position = position;
  }

  // ------------------------------------------------------------ reading the screen

  has(id: string): boolean {
    return findById(this.page.instance.data, id) !== undefined;
  }

  node(id: string): RenderNode {
    const found = findById(this.page.instance.data, id);
    if (!found) throw new Error(`no element #${id} on ${this.route}; the screen reads: ${this.screenText().slice(0, 400)}`);
    return found.node;
  }

  text(id: string): string {
    return textOf(this.node(id), this.templates);
  }

  screenText(): string {
    return this.page.instance.data['root'] ? textOf({ nn: '', sid: 'root', cn: (this.page.instance.data['root'] as { cn: RenderNode[] }).cn }, this.templates) : '';
  }

  /** Ids (developer-given) of the elements on screen whose id starts with `prefix`. */
  ids(prefix: string): string[] {
    const ids: string[] = [];
    walk((this.page.instance.data['root'] as { cn?: RenderNode[] } | undefined)?.cn ?? [], (node) => {
      if (node.uid?.startsWith(prefix)) ids.push(node.uid);
    });
    return ids;
  }

  // ------------------------------------------------------------ waiting

  /** Wait until the check holds (the app answers asynchronously, as in WeChat). */
  async until(check: () => boolean, what: string, timeout = WAIT_MS): Promise<void> {
    const deadline = Date.now() + timeout;
    for (;;) {
      let held = false;
      try {
        held = check();
      } catch {
        held = false;
      }
      if (held) return;
      if (Date.now() > deadline) {
        const problems = describeProblems(this.program.problems);
        throw new Error(`waited ${timeout} ms for ${what}; on ${this.safeRoute()} the screen reads: ${this.safeScreenText().slice(0, 600)}${problems.length ? `\nproblems:\n${problems.join('\n')}` : ''}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  async waitFor(id: string): Promise<void> {
    await this.until(() => this.has(id), `#${id}`);
  }

  async waitForText(text: string): Promise<void> {
    await this.until(() => this.screenText().includes(text), `“${text}”`);
  }

  async waitForRoute(route: string): Promise<void> {
    await this.until(() => this.route === route, `page ${route}`);
  }

  /**
   * Wait until the page is still: no answer in flight, no timer due soon (React and Taro schedule
   * their rendering with timers), and nothing rendered or answered for a moment.
   */
  async settle(quietMs = 30): Promise<void> {
    await this.until(() => {
      const { record } = this.program;
      const last = Math.max(this.program.renders[this.program.renders.length - 1]?.at ?? 0, record.lastAnswerAt, this.actedAt);
      return record.inFlight === 0 && !this.program.hasWorkDueWithin(100) && performance.now() - last > quietMs;
    }, 'the page to settle');
  }

  // ------------------------------------------------------------ acting

  /*
   * A person acts on what the screen shows: each action waits for the element, and afterwards for
   * the page to settle (answers delivered, rendering done) before the next one, as a hand would.
   */

  async tap(id: string): Promise<void> {
    await this.waitFor(id);
    this.program.tap(this.page, id);
    this.actedAt = performance.now();
    await this.settle();
  }

  /** Tap the innermost element showing this text (the tap bubbles to whatever handles it). */
  async tapText(text: string): Promise<void> {
    await this.until(() => findByText(this.page.instance.data, text, this.templates, true) !== undefined, `an element reading “${text}”`);
    const found = findByText(this.page.instance.data, text, this.templates, true)!;
    this.program.tap(this.page, idOf(found.node));
    this.actedAt = performance.now();
    await this.settle();
  }

  async type(id: string, value: string): Promise<void> {
    await this.waitFor(id);
    this.program.input(this.page, id, value);
    this.actedAt = performance.now();
    await this.settle();
  }

  async pick(id: string, value: unknown): Promise<void> {
    await this.waitFor(id);
    this.program.change(this.page, id, value);
    this.actedAt = performance.now();
    await this.settle();
  }

  /** Press the navigation bar's back button until `route` is on top. */
  async backTo(route: string): Promise<void> {
    await this.settle();
    while (this.route !== route) this.program.pressBack();
    await this.settle();
  }

  async share(id: string) {
    await this.waitFor(id);
    return this.program.shareFrom(this.page, id);
  }

  // ------------------------------------------------------------ what happened

  get problems(): string[] {
    return describeProblems(this.program.problems);
  }

  get violations(): string[] {
    return limitViolations(this.program.renders);
  }

  get refusals() {
    return this.program.record.refusals;
  }

  figures(): PageFigures[] {
    return figuresOf(this.program.renders);
  }

  /** Writes this phone's per-page figures when GONGJIAN_WEAPP_FIGURES names a folder (for reports and the bench). */
  saveFigures(name: string): void {
    const dir = process.env.GONGJIAN_WEAPP_FIGURES;
    if (!dir) return;
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `${name}.json`), JSON.stringify({ name, openid: this.openid, pages: this.figures(), storageWrites: this.program.record.storageWrites.length, refusals: this.refusals }, null, 2));
  }

  close(): void {
    this.program.close();
  }

  private safeRoute(): string {
    try {
      return this.route;
    } catch {
      return '(no page)';
    }
  }

  private safeScreenText(): string {
    try {
      return this.screenText();
    } catch {
      return '';
    }
  }
}
