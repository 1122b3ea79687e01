import type { z } from 'zod';

/** One action's types: its input as the caller sends it, its output as the caller receives it. */
export type Io<S extends z.ZodType, O> = { input: z.input<S>; output: O };
