"use client";
// Opt-in desktop notification and a quiet chime when a call ends with an error. The choice is remembered.
// A storm of errors is one notification per QUIET_MS, saying how many more came and which, not one chime each.
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState, useSyncExternalStore } from "react";
import type { CallView } from "@/lib/shared/calls/call-view";
import { formatPhoneNumber } from "@/lib/shared/calls/format";

const STORAGE_KEY = "callboard.error-alerts";
/** After a notification, errors wait this long and are then summed up in one. */
export const QUIET_MS = 15_000;
/** One tag for all: a new notification replaces the last one on screen instead of piling up. */
const TAG = "callboard-call-errors";

type AlertsState = "unsupported" | "blocked" | "on" | "off";

const listeners = new Set<() => void>();

function readAlertsState(): AlertsState {
  if (!("Notification" in window)) return "unsupported";
  if (Notification.permission === "denied") return "blocked";
  return Notification.permission === "granted" && localStorage.getItem(STORAGE_KEY) === "on" ? "on" : "off";
}

/**
 * The state as last read. The board renders many times a second under load, and reading Notification.permission
 * is a synchronous call into the browser: read on every render, it was the board's costliest function (about 8% of
 * a core at 200 updates a second, `npm run bench:board`). It is read again when something may have changed it.
 */
let knownState: AlertsState | null = null;

function alertsState(): AlertsState {
  return (knownState ??= readAlertsState());
}

function refresh(): void {
  const next = readAlertsState();
  if (next === knownState) return;
  knownState = next;
  for (const listener of listeners) listener();
}

let isWatching = false;

/** Permission changes (in the site's settings), another tab's choice, and coming back to the tab. */
function watchForChanges(): void {
  if (isWatching) return;
  isWatching = true;
  window.addEventListener("storage", refresh);
  document.addEventListener("visibilitychange", refresh);
  navigator.permissions
    ?.query({ name: "notifications" })
    .then((status) => status.addEventListener("change", refresh))
    .catch(() => {}); // No Permissions API: the two above still notice.
}

function subscribeToAlerts(listener: () => void): () => void {
  watchForChanges();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function setPreference(value: "on" | "off"): void {
  localStorage.setItem(STORAGE_KEY, value);
  refresh();
}

// One per page, made on the first click that turns alerts on, so the browser lets it play sound later.
let sharedAudio: AudioContext | null = null;
const audioContext = () => (sharedAudio ??= new AudioContext());

/**
 * Two soft sine notes at low volume. Written with the Web Audio API directly: it is a dozen lines, and an
 * audio file would need a download and an autoplay-permitted <audio> element.
 */
function playChime(context: AudioContext): void {
  const start = context.currentTime;
  [880, 660].forEach((frequency, index) => {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = "sine";
    oscillator.frequency.value = frequency;
    const at = start + index * 0.18;
    gain.gain.setValueAtTime(0, at);
    gain.gain.linearRampToValueAtTime(0.06, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.35);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(at);
    oscillator.stop(at + 0.4);
  });
}

/** A notification's words in the reader's language (board.notification). */
export type AlertWords = ReturnType<typeof useTranslations<"board.notification">>;

/** "LLM timeout ×5, STT connection failed ×2", most frequent first, at most three kinds. */
export function summarizeErrors(calls: readonly Pick<CallView, "error">[], t: AlertWords, unknownError: string): string {
  const counts = new Map<string, number>();
  for (const call of calls) counts.set(call.error ?? unknownError, (counts.get(call.error ?? unknownError) ?? 0) + 1);
  const kinds = [...counts].sort((a, b) => b[1] - a[1]);
  const shown = kinds.slice(0, 3).map(([error, count]) => (count > 1 ? t("repeated", { error, count }) : error));
  return kinds.length > 3 ? t("otherKinds", { list: shown.join(", "), count: kinds.length - 3 }) : shown.join(", ");
}

/**
 * The first error is told at once; the ones after it wait QUIET_MS and are told together, and so on while they keep
 * coming. Written here: a throttle that sums up what it held back is a few lines, not worth a dependency.
 */
type NotificationWords = { t: AlertWords; unknownError: string };

/** `initialWords`: the reader's language as the throttle starts; `speak` changes it. */
function createAlertThrottle(notify: (title: string, body: string) => void, initialWords: NotificationWords) {
  let words = initialWords;
  let held: CallView[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    const calls = held;
    held = [];
    if (calls.length === 0 || alertsState() !== "on") return;
    const { t, unknownError } = words;
    notify(t("more", { count: calls.length }), summarizeErrors(calls, t, unknownError));
    timer = setTimeout(flush, QUIET_MS);
  };
  return {
    add(call: CallView) {
      if (timer !== null) {
        held.push(call);
        return;
      }
      const { t, unknownError } = words;
      notify(t("first", { error: call.error ?? unknownError }), `${formatPhoneNumber(call.customerNumber)} → ${call.lineName ?? formatPhoneNumber(call.lineNumber)}`);
      timer = setTimeout(flush, QUIET_MS);
    },
    speak(next: NotificationWords) {
      words = next;
    },
    dispose() {
      if (timer !== null) clearTimeout(timer);
    },
  };
}

export type ErrorAlerts = {
  isSupported: boolean;
  isEnabled: boolean;
  isBlocked: boolean;
  toggle: () => Promise<void>;
  alert: (call: CallView) => void;
};

export function useErrorAlerts(): ErrorAlerts {
  const state = useSyncExternalStore<AlertsState>(subscribeToAlerts, alertsState, () => "unsupported");

  const toggle = useCallback(async () => {
    if (alertsState() === "on") return setPreference("off");
    // Created on the click, so the browser lets it play sound later.
    audioContext();
    const permission = Notification.permission === "granted" ? "granted" : await Notification.requestPermission();
    setPreference(permission === "granted" ? "on" : "off");
  }, []);

  const t = useTranslations("board.notification");
  const unknownError = useTranslations("calls")("unknownError");
  const [throttle] = useState(() =>
    createAlertThrottle(
      (title, body) => {
        new Notification(title, { body, tag: TAG });
        playChime(audioContext());
      },
      { t, unknownError },
    ),
  );
  // The language may change while the board stays open: notifications follow it.
  useEffect(() => throttle.speak({ t, unknownError }), [throttle, t, unknownError]);
  useEffect(() => () => throttle.dispose(), [throttle]);

  const alert = useCallback(
    (call: CallView) => {
      if (alertsState() === "on") throttle.add(call);
    },
    [throttle],
  );

  return { isSupported: state !== "unsupported", isEnabled: state === "on", isBlocked: state === "blocked", toggle, alert };
}
