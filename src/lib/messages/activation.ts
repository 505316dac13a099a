/** Messages of the Activation tracker page. French is the reference; English must have every key. */
export const fr = {} as const;

export const en: Record<keyof typeof fr, string> = {};
