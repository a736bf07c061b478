"use client";
// Opt-in desktop notification and a quiet chime when a call ends with an error. The choice is remembered.
import { useCallback, useRef, useSyncExternalStore } from "react";
import type { CallView } from "@/lib/calls/call-view";
import { formatPhoneNumber } from "@/lib/calls/format";

const STORAGE_KEY = "callboard.error-alerts";

type AlertsState = "unsupported" | "blocked" | "on" | "off";

const listeners = new Set<() => void>();

function readAlertsState(): AlertsState {
  if (!("Notification" in window)) return "unsupported";
  if (Notification.permission === "denied") return "blocked";
  return Notification.permission === "granted" && localStorage.getItem(STORAGE_KEY) === "on" ? "on" : "off";
}

function subscribeToAlerts(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function setPreference(value: "on" | "off"): void {
  localStorage.setItem(STORAGE_KEY, value);
  for (const listener of listeners) listener();
}

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

export type ErrorAlerts = {
  isSupported: boolean;
  isEnabled: boolean;
  isBlocked: boolean;
  toggle: () => Promise<void>;
  alert: (call: CallView) => void;
};

export function useErrorAlerts(): ErrorAlerts {
  const state = useSyncExternalStore<AlertsState>(subscribeToAlerts, readAlertsState, () => "unsupported");
  const audio = useRef<AudioContext | null>(null);

  const toggle = useCallback(async () => {
    if (readAlertsState() === "on") return setPreference("off");
    // Created on the click, so the browser lets it play sound later.
    audio.current ??= new AudioContext();
    const permission = Notification.permission === "granted" ? "granted" : await Notification.requestPermission();
    setPreference(permission === "granted" ? "on" : "off");
  }, []);

  const alert = useCallback((call: CallView) => {
    if (readAlertsState() !== "on") return;
    new Notification(`Call error: ${call.error ?? "Unknown error"}`, {
      body: `${formatPhoneNumber(call.customerNumber)} → ${call.lineName ?? formatPhoneNumber(call.lineNumber)}`,
      tag: `callboard-error-${call.id}`,
    });
    audio.current ??= new AudioContext();
    playChime(audio.current);
  }, []);

  return { isSupported: state !== "unsupported", isEnabled: state === "on", isBlocked: state === "blocked", toggle, alert };
}
