// How an operator likes the board's live list: its order and its row density. The browser remembers them (see
// stored-choice.ts) and mirrors them into cookies, so that the server renders the board the way it will look: a
// wall screen reloading compact rows does not first show comfortable ones and then jump.

export type LiveOrder = "newest" | "longest";
/** Comfortable rows carry two lines each; compact ones one line, so a wall screen shows half as many again. */
export type LiveDensity = "comfortable" | "compact";

export type ChoiceDefinition<T extends string> = { key: string; values: readonly T[]; fallback: T };

export const LIVE_ORDER: ChoiceDefinition<LiveOrder> = { key: "callboard.live-order", values: ["newest", "longest"], fallback: "newest" };
export const LIVE_DENSITY: ChoiceDefinition<LiveDensity> = { key: "callboard.live-density", values: ["comfortable", "compact"], fallback: "comfortable" };

export type BoardPreferences = { liveOrder: LiveOrder; liveDensity: LiveDensity };

export function readChoice<T extends string>(definition: ChoiceDefinition<T>, stored: string | null | undefined): T {
  return definition.values.find((value) => value === stored) ?? definition.fallback;
}

/** The preferences as the request's cookies carry them; anything missing or unknown is the default. */
export function readBoardPreferences(cookies: { get: (name: string) => { value: string } | undefined }): BoardPreferences {
  return {
    liveOrder: readChoice(LIVE_ORDER, cookies.get(LIVE_ORDER.key)?.value),
    liveDensity: readChoice(LIVE_DENSITY, cookies.get(LIVE_DENSITY.key)?.value),
  };
}
