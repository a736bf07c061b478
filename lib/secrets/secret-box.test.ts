// The secret box on its own: AES-256-GCM envelopes that name their key, several keys, and the reasons a stored value
// cannot be opened; and CALLBOARD_ENCRYPTION_KEY as lib/env.ts reads it.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { InvalidEnvironmentError, parseEnv } from "@/lib/env";
import { DEVELOPMENT_ENCRYPTION_KEY } from "./encryption-keys";
import { createSecretBox, isUndecryptableSecretError, resolveEncryptionKeys, sealedKeyId, type UndecryptableSecretError } from "./secret-box";

const newKey = () => randomBytes(32).toString("base64");
const keyA = newKey();
const keyB = newKey();

function openError(run: () => unknown): UndecryptableSecretError {
  try {
    run();
  } catch (error) {
    expect(isUndecryptableSecretError(error)).toBe(true);
    return error as UndecryptableSecretError;
  }
  throw new Error("expected the value not to open");
}

describe("the secret box", () => {
  it("seals a value so that it opens again, and never holds it in plain text", () => {
    const box = createSecretBox([keyA]);
    const secret = "whsec_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    const sealed = box.seal(secret, "webhook_secrets.secret");
    expect(sealed).toMatch(new RegExp(`^cb1:${box.currentKeyId}:[A-Za-z0-9_-]+$`));
    expect(sealed).not.toContain(secret);
    expect(Buffer.from(sealed.split(":")[2] ?? "", "base64url").toString("latin1")).not.toContain(secret);
    expect(box.open(sealed, "webhook_secrets.secret")).toBe(secret);
    // A fresh IV each time: the same secret never seals to the same text.
    expect(box.seal(secret, "webhook_secrets.secret")).not.toBe(sealed);
    expect(box.open(box.seal("ünïcødé ✓", "settings.flireo_api_key"), "settings.flireo_api_key")).toBe("ünïcødé ✓");
    expect(box.open(box.seal("", "alert_destinations.url"), "alert_destinations.url")).toBe("");
  });

  it("names a key by an id derived from it: the same key always gets the same id, another key another", () => {
    expect(createSecretBox([keyA]).currentKeyId).toBe(createSecretBox([keyA]).currentKeyId);
    expect(createSecretBox([keyA]).currentKeyId).not.toBe(createSecretBox([keyB]).currentKeyId);
    // Hex and base64 of the same 32 bytes are the same key.
    expect(createSecretBox([Buffer.from(keyA, "base64").toString("hex")]).currentKeyId).toBe(createSecretBox([keyA]).currentKeyId);
  });

  it("seals with the first key and opens with any of them", () => {
    const old = createSecretBox([keyA]);
    const rotated = createSecretBox([keyB, keyA]);
    const sealedByOld = old.seal("sk_live_flireo", "settings.flireo_api_key");
    expect(rotated.open(sealedByOld, "settings.flireo_api_key")).toBe("sk_live_flireo");
    const sealedByNew = rotated.seal("sk_live_flireo", "settings.flireo_api_key");
    expect(sealedKeyId(sealedByNew)).toBe(createSecretBox([keyB]).currentKeyId);
    expect(rotated.keyIds).toEqual([createSecretBox([keyB]).currentKeyId, old.currentKeyId]);
  });

  it("refuses a value sealed by a key it does not hold, naming that key and what to set", () => {
    const sealed = createSecretBox([keyA]).seal("whsec_x", "webhook_secrets.secret");
    const error = openError(() => createSecretBox([keyB]).open(sealed, "webhook_secrets.secret"));
    expect(error).toMatchObject({ reason: "unknown-key", keyId: createSecretBox([keyA]).currentKeyId, setupFault: { code: "unavailable" } });
    expect(error.message).toBe(
      `Callboard cannot decrypt a webhook signing secret: it was encrypted with key ${createSecretBox([keyA]).currentKeyId}, which CALLBOARD_ENCRYPTION_KEY does not hold. ` +
        "Add that key to CALLBOARD_ENCRYPTION_KEY (after the current one) and restart.",
    );
  });

  it("refuses an altered value, and a value moved to another column, instead of giving a wrong secret", () => {
    const box = createSecretBox([keyA]);
    const sealed = box.seal("https://hooks.slack.com/services/T1/B1/secret", "alert_destinations.url");
    const body = Buffer.from(sealed.split(":")[2] ?? "", "base64url");
    body[20] = (body[20] ?? 0) ^ 1;
    const altered = `cb1:${box.currentKeyId}:${body.toString("base64url")}`;
    expect(openError(() => box.open(altered, "alert_destinations.url")).reason).toBe("does-not-open");
    expect(openError(() => box.open(`cb1:${box.currentKeyId}:AAAA`, "alert_destinations.url")).reason).toBe("does-not-open");
    // A webhook secret copied into a URL column does not open there.
    const secret = box.seal("whsec_x", "webhook_secrets.secret");
    expect(openError(() => box.open(secret, "alert_destinations.url")).reason).toBe("does-not-open");
  });

  it("refuses plain text where a sealed value belongs: nobody with only the database can plant a secret", () => {
    const error = openError(() => createSecretBox([keyA]).open("whsec_planted", "webhook_secrets.secret"));
    expect(error.reason).toBe("not-sealed");
    expect(error.message).toContain("npm run secrets:reencrypt");
  });

  it("says how to keep values sealed with the public development key", () => {
    const sealed = createSecretBox([DEVELOPMENT_ENCRYPTION_KEY]).seal("x", "alert_destinations.secret");
    expect(openError(() => createSecretBox([keyA]).open(sealed, "alert_destinations.secret")).message).toContain(
      `the public development key (id ${createSecretBox([DEVELOPMENT_ENCRYPTION_KEY]).currentKeyId}). To keep it, add ${DEVELOPMENT_ENCRYPTION_KEY} after your key`,
    );
  });
});

describe("CALLBOARD_ENCRYPTION_KEY", () => {
  it("takes one or more keys of 32 bytes, base64 or hex, comma-separated, in order", () => {
    const hex = randomBytes(32).toString("hex");
    expect(parseEnv({ CALLBOARD_ENCRYPTION_KEY: ` ${keyA} , ${hex},` }).CALLBOARD_ENCRYPTION_KEY).toEqual([keyA, hex]);
    expect(parseEnv({}).CALLBOARD_ENCRYPTION_KEY).toEqual([]);
  });

  it("refuses a key of the wrong length or alphabet at start-up, without repeating it", () => {
    const short = randomBytes(16).toString("base64");
    for (const value of [short, `${keyA},not-a-key`, "correct horse battery staple", randomBytes(32).toString("hex").slice(2)]) {
      let message = "";
      try {
        parseEnv({ CALLBOARD_ENCRYPTION_KEY: value });
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidEnvironmentError);
        message = (error as Error).message;
      }
      expect(message, value).toMatch(/CALLBOARD_ENCRYPTION_KEY: (the key|key 2 of 2) is not 32 bytes in base64 or hex: make one with `openssl rand -base64 32`/);
      for (const part of value.split(",")) expect(message).not.toContain(part);
    }
  });

  it("is required in production, and falls back to the public development key elsewhere", () => {
    expect(() => resolveEncryptionKeys(parseEnv({ NODE_ENV: "production" }))).toThrow(/CALLBOARD_ENCRYPTION_KEY is required in production: .*openssl rand -base64 32/);
    expect(() => resolveEncryptionKeys(parseEnv({}))).toThrow(InvalidEnvironmentError);
    expect(resolveEncryptionKeys(parseEnv({ NODE_ENV: "production", CALLBOARD_ENCRYPTION_KEY: keyA }))).toEqual({ keys: [keyA], isDevelopmentKey: false });
    expect(resolveEncryptionKeys(parseEnv({ NODE_ENV: "development" }))).toEqual({ keys: [DEVELOPMENT_ENCRYPTION_KEY], isDevelopmentKey: true });
  });
});
