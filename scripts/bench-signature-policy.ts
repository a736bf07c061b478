// npm run bench:signature-policy – what the webhook route pays to learn the valid signing secrets, with the
// in-memory cache (the normal case) against reading them from Postgres every time (the baseline), in one run.
// Uses DATABASE_URL, else the embedded Postgres, like `npm run dev`.
import "@/lib/env-files";
import { openScriptDatabase } from "@/lib/db/open-script-database";
import { env } from "@/lib/env";
import { createSecretBox, resolveEncryptionKeys } from "@/lib/secrets/secret-box";
import { createSigningSecrets, ensureWebhookSecret, type SigningSecrets } from "@/lib/webhooks/webhook-secrets";

type Figures = { calls: number; perSecond: number; p50: number; p99: number };

async function measure(signing: SigningSecrets, calls: number, isCached: boolean): Promise<Figures> {
  const latencies: number[] = [];
  const startedAt = performance.now();
  for (let i = 0; i < calls; i++) {
    if (!isCached) signing.invalidate();
    const before = performance.now();
    await signing.policy();
    latencies.push(performance.now() - before);
  }
  const seconds = (performance.now() - startedAt) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  return { calls, perSecond: calls / seconds, p50: at(0.5), p99: at(0.99) };
}

function show(label: string, figures: Figures): string {
  return `${label.padEnd(28)} ${figures.calls.toString().padStart(7)} calls  ${figures.perSecond.toFixed(0).padStart(9)}/s  p50 ${(figures.p50 * 1000).toFixed(1).padStart(8)} µs  p99 ${(figures.p99 * 1000).toFixed(1).padStart(8)} µs`;
}

// The stored secrets are encrypted, so the baseline includes decrypting them, as the webhook route's reads do. The
// key as for `npm run dev`, on whose database this runs by default: CALLBOARD_ENCRYPTION_KEY, else the development key.
const secretBox = createSecretBox(resolveEncryptionKeys({ ...env, NODE_ENV: "development" }).keys);
const database = await openScriptDatabase(secretBox);
let exitCode = 0;
try {
  await ensureWebhookSecret(database.prisma, secretBox);
  const signing = createSigningSecrets(database.prisma, secretBox, env);
  await measure(signing, 200, false); // warm up the connection pool and the JIT
  const baseline = await measure(signing, 2_000, false);
  const cached = await measure(signing, 200_000, true);
  console.log(show("baseline: Postgres each time", baseline));
  console.log(show("cached (webhook route)", cached));
  console.log(`cache speed-up: ${(cached.perSecond / baseline.perSecond).toFixed(0)}×`);
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await database.close();
}
process.exit(exitCode);
