// Structured JSON logs (pino). One line per event, with a request id where there is a request.
import pino from "pino";
import { env } from "@/lib/env";

export const logger = pino({
  level: env.LOG_LEVEL,
  base: { service: "callboard" },
  timestamp: pino.stdTimeFunctions.isoTime,
  // Secrets must never reach the logs, whatever object a caller passes.
  redact: {
    paths: ["*.secret", "*.secrets", "*.apiKey", "*.authorization", "*.password", "headers.authorization", "headers.cookie"],
    censor: "[redacted]",
  },
});

export type Logger = typeof logger;
