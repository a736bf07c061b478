// What the webhooks page shows about Flireo and Callboard's webhook set-up. Safe to import from client
// components: it never holds an API key or an assistant's secret.

export type AssistantView = {
  id: string;
  name: string;
  isActive: boolean | null;
  /** Where the assistant sends its webhooks now. */
  webhookUrl: string | null;
  events: string[];
  /** "this-callboard": webhook_url is this Callboard's webhook URL. */
  connection: "this-callboard" | "elsewhere" | "none";
  /** Whether the assistant's webhook_secret is one Callboard accepts (compared on the server, never shown). */
  secretState: "current" | "previous" | "other" | "none";
  /** Enabled events this assistant does not send (registering again adds them). */
  missingEvents: string[];
};

export type NumberView = { id: string; phoneNumber: string | null; name: string | null; assistantId: string | null; assistantName: string | null };

export type FlireoOverview = { assistants: AssistantView[]; numbers: NumberView[] };

/** What happened, for the page to say in the reader's language (`message` says it in English, or in Flireo's words). */
export type RegistrationDetail =
  | { kind: "registered"; events: string[]; url: string }
  | { kind: "unregistered" }
  | { kind: "sends-elsewhere"; url: string }
  | { kind: "no-webhook" }
  | { kind: "not-tried"; retryAfterSeconds: number | null };

export type RegistrationResult = {
  assistantId: string;
  outcome: "registered" | "unregistered" | "unchanged" | "failed";
  message: string;
  /** Absent when Flireo refused: its own words are in `message`. */
  detail?: RegistrationDetail;
  /** Flireo's HTTP status when it failed; null when it could not be reached. */
  status?: number | null;
  retryAfterSeconds?: number | null;
};

export type SecretView = { secret: string; createdAt: string; validUntil: string | null };

export type ApiKeySource = "environment" | "saved" | null;

export type TestEventResult = {
  isAccepted: boolean;
  status: number | null;
  durationMs: number;
  callId: string;
  url: string;
  response: string;
};

/** What may be wrong with the webhook URL, worded by the page in the reader's language. */
export type WebhookUrlWarning = { kind: "local-host"; host: string } | { kind: "plain-http" };

export type WebhookSettingsView = {
  webhookUrl: string;
  webhookUrlSource: "PUBLIC_BASE_URL" | "request";
  warnings: WebhookUrlWarning[];
  availableEvents: string[];
  enabledEvents: string[];
  isSignatureRequired: boolean;
  /** The current secret with all but its prefix hidden; the page fetches the full one on "Reveal". */
  maskedSecret: string;
  secretCreatedAt: string;
  /** Rotated-out secrets still accepted, with the end of their grace period. */
  previousSecretsValidUntil: string[];
  graceHours: number;
  apiKeySource: ApiKeySource;
  flireoApiBaseUrl: string;
};
