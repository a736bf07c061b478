// Local receivers for alert tests: an HTTP(S) receiver that verifies Callboard's signature the way a customer's
// would (with lib/webhooks/verify-signature.ts), and an SMTP sink (smtp-server + mailparser). Both listen on
// 127.0.0.1 (or another local address) on a free port and record what they got. Callboard refuses loopback
// destinations unless started with ALERT_ALLOW_LOOPBACK_DESTINATIONS=true, as the tests' servers are.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { verifySignature } from "@/lib/webhooks/verify-signature";

export type ReceivedRequest = {
  at: number;
  path: string;
  headers: http.IncomingHttpHeaders;
  rawBody: string;
  json: unknown;
  /** Checked against the secret set with setSecret; null when no secret was set. */
  signature: { isValid: boolean; reason?: string } | null;
};

export type AlertReceiver = {
  url: string;
  requests: ReceivedRequest[];
  setSecret: (secret: string) => void;
  /** The status to answer the n-th request (0-based) with; 200 by default. */
  respondWith: (status: (index: number) => number) => void;
  waitForRequests: (count: number, timeoutMs?: number) => Promise<ReceivedRequest[]>;
  close: () => Promise<void>;
};

async function waitUntil<T>(read: () => T[], count: number, timeoutMs: number, what: string): Promise<T[]> {
  const deadline = Date.now() + timeoutMs;
  while (read().length < count) {
    if (Date.now() > deadline) throw new Error(`Expected ${count} ${what} within ${timeoutMs} ms, got ${read().length}.`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return read();
}

export type TestCertificate = { certFile: string; key: string; cert: string };

/**
 * A self-signed certificate for 127.0.0.1, made with openssl, for receivers that must be https (Slack's). A server
 * trusts it when started with NODE_EXTRA_CA_CERTS=certFile.
 */
export function createTestCertificate(): TestCertificate {
  const folder = mkdtempSync(path.join(os.tmpdir(), "callboard-test-tls-"));
  const [keyFile, certFile] = [path.join(folder, "key.pem"), path.join(folder, "cert.pem")];
  execFileSync("openssl", [
    "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", keyFile, "-out", certFile,
  ], { stdio: "ignore" });
  return { certFile, key: readFileSync(keyFile, "utf8"), cert: readFileSync(certFile, "utf8") };
}

export async function startAlertReceiver(options: { tls?: TestCertificate; host?: string } = {}): Promise<AlertReceiver> {
  const requests: ReceivedRequest[] = [];
  let secret: string | null = null;
  let statusFor: (index: number) => number = () => 200;
  const handle = (request: http.IncomingMessage, response: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const rawBody = Buffer.concat(chunks);
      let json: unknown = null;
      try {
        json = JSON.parse(rawBody.toString("utf8"));
      } catch {
        json = null;
      }
      const signature = secret
        ? verifySignature({
            secrets: [secret],
            rawBody,
            signatureHeader: request.headers["x-webhook-signature"]?.toString() ?? null,
            timestampHeader: request.headers["x-webhook-timestamp"]?.toString() ?? null,
          })
        : null;
      const index = requests.length;
      requests.push({ at: Date.now(), path: request.url ?? "/", headers: request.headers, rawBody: rawBody.toString("utf8"), json, signature });
      // A receiver refuses a body it cannot verify, as a real one should.
      const status = signature && !signature.isValid ? 401 : statusFor(index);
      // A redirect points where an attacker would like the alert to go: the cloud's metadata service.
      const location = status >= 300 && status < 400 ? { location: "http://169.254.169.254/latest/meta-data/" } : {};
      response.writeHead(status, { "content-type": "text/plain", ...location }).end(status < 300 ? "ok" : `refused with ${status}`);
    });
  };
  const server = options.tls ? https.createServer({ key: options.tls.key, cert: options.tls.cert }, handle) : http.createServer(handle);
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${options.tls ? "https" : "http"}://${host.includes(":") ? `[${host}]` : host}:${port}/hooks/callboard`,
    requests,
    setSecret: (value) => (secret = value),
    respondWith: (status) => (statusFor = status),
    waitForRequests: (count, timeoutMs = 10_000) => waitUntil(() => requests, count, timeoutMs, "requests"),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type ReceivedMail = { at: number; from: string; to: string[]; subject: string; text: string; html: string };

export type SmtpSink = {
  url: string;
  mails: ReceivedMail[];
  waitForMails: (count: number, timeoutMs?: number) => Promise<ReceivedMail[]>;
  close: () => Promise<void>;
};

export async function startSmtpSink(): Promise<SmtpSink> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: no certificate to set up, and nodemailer does not try to upgrade.
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          mails.push({
            at: Date.now(),
            from: parsed.from?.text ?? "",
            to: session.envelope.rcptTo.map((recipient) => recipient.address),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : "",
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    waitForMails: (count, timeoutMs = 10_000) => waitUntil(() => mails, count, timeoutMs, "e-mails"),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
