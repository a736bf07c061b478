// /calls/[id] – one call: its facts, the error, the report's summary, transcript and analysis, the recording, and every
// webhook event and every command people sent it, in the order they happened, with the raw payload as Flireo sent it;
// while the call is live, the controls for those who may act on it.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BackToBoardLink } from "@/components/header/back-to-board-link";
import { AppHeader, toHeaderUser } from "@/components/header/app-header";
import { CallDetailLive, RunningDuration } from "@/components/call/call-detail-live";
import { LocalTime } from "@/components/ui/time-zone";
import { humanizeEndReason, isKnownEndReason } from "@/components/call/call-labels";
import { callStartedAt, endedCallDuration, isLive, summaryState, type CallView } from "@/lib/shared/calls/call-view";
import { findLineName } from "@/lib/calls/find-board-calls";
import { findCallDetail } from "@/lib/calls/find-call-detail";
import { Json } from "@/components/call/timeline-event";
import { listCallCommands } from "@/lib/call-control/call-commands";
import { CallTimeline } from "@/components/call/call-timeline";
import { CallPageControls } from "@/components/control/call-page-controls";
import { loadControlSetup } from "@/lib/context/call-control";
import { getSessionUser } from "@/lib/context/session";
import { canControlCalls } from "@/lib/shared/auth/roles";
import { headers } from "next/headers";
import { formatDuration, formatPhoneNumber } from "@/lib/shared/calls/format";
import { appContext } from "@/lib/context/current";
import { toRecordingLink } from "@/lib/shared/calls/recording-link";
import { parseTranscript } from "@/lib/shared/calls/transcript";
import { TranscriptView } from "@/components/call/transcript-view";

export const dynamic = "force-dynamic";

type PageProps = { params: Promise<{ id: string }> };

/**
 * The call id as Flireo sent it. A page's params arrive still percent-encoded (route handlers get them decoded),
 * and call ids may hold anything: legacy ones carry a phone number's `+`. Null for a malformed escape.
 */
async function callIdOf(params: PageProps["params"]): Promise<string | null> {
  const { id } = await params;
  try {
    return decodeURIComponent(id);
  } catch {
    return null;
  }
}

const STATUS_BADGE_CLASS = {
  "in-progress": "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  ended: "bg-zinc-200 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200",
  "ended-with-error": "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300",
} as const;

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const [id, t] = await Promise.all([callIdOf(params), getTranslations("call")]);
  return { title: id === null ? t("metaNotFound") : t("metaTitle", { id: id.slice(0, 8) }) };
}

function Fact({ label, value, testId }: { label: string; value: React.ReactNode; testId?: string }) {
  return (
    <div>
      <dt className="text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{label}</dt>
      <dd className="mt-0.5 font-medium tabular-nums" data-testid={testId}>{value}</dd>
    </div>
  );
}

function Section({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <section className="rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm dark:border-zinc-800 dark:bg-zinc-900" data-testid={testId}>
      <h2 className="mb-3 text-base font-semibold tracking-tight">{title}</h2>
      {children}
    </section>
  );
}

export default async function CallPage({ params }: PageProps) {
  const id = await callIdOf(params);
  const detail = id === null ? null : await findCallDetail(appContext().prisma, id);
  if (!detail) notFound();
  const { call, timeline, analysis, transcript, recordingUrl, loadedAt } = detail;
  const user = await getSessionUser(await headers());
  const [commands, controlSetup] = await Promise.all([
    listCallCommands(appContext().prisma, call.id),
    user && canControlCalls(user.role) && isLive(call) ? loadControlSetup() : null,
  ]);
  const t = await getTranslations("call");
  // A legacy payload names no line: say the name the line is known by from its other calls.
  const knownLineName = !call.lineName && call.lineNumber ? await findLineName(appContext().prisma, call.lineNumber) : null;

  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-5 px-4 py-6 sm:px-6">
      {user && <AppHeader user={toHeaderUser(user)} />}
      <main className="flex flex-col gap-5">
        <nav className="flex items-center justify-between gap-3">
          <BackToBoardLink className="text-sm font-medium text-sky-700 hover:underline dark:text-sky-300" />
          <CallDetailLive callId={call.id} version={call.version} />
        </nav>
        <header className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight tabular-nums" data-testid="detail-customer">{formatPhoneNumber(call.customerNumber)}</h1>
          <span className={`rounded-full px-2.5 py-0.5 text-sm font-semibold ${STATUS_BADGE_CLASS[call.status]}`} data-testid="detail-status">{t(`status.${call.status}`)}</span>
          <span className="w-full font-mono text-xs break-all text-zinc-500 dark:text-zinc-400">{call.id}</span>
        </header>

        <CallPageControls callId={call.id} customer={formatPhoneNumber(call.customerNumber)} isLive={isLive(call)} setup={controlSetup} commands={commands} />

        <CallFacts call={call} knownLineName={knownLineName} />

        {call.error && (
          <div role="alert" className="rounded-2xl border border-red-300 bg-red-50 p-5 text-red-900 dark:border-red-800 dark:bg-red-950/40 dark:text-red-200" data-testid="detail-error">
            <h2 className="text-sm font-semibold tracking-wide uppercase">{t("error")}</h2>
            <p className="mt-1 text-lg font-semibold">{call.error}</p>
          </div>
        )}

        <div className="grid gap-5 md:grid-cols-2">
          <SummarySection call={call} loadedAt={loadedAt} />
          <RecordingSection recordingUrl={recordingUrl} />
        </div>

        <TranscriptView transcript={parseTranscript(transcript)} />

        {analysis !== null && analysis !== undefined && (
          <Section title={t("analysis")} testId="detail-analysis">
            <Json value={analysis} />
          </Section>
        )}

        <CallTimeline callId={call.id} timeline={timeline} commands={commands} />
      </main>
    </div>
  );
}

async function CallFacts({ call, knownLineName }: { call: CallView; knownLineName: string | null }) {
  const t = await getTranslations("call");
  const duration = call.status === "in-progress" ? null : endedCallDuration(call);
  const lineName = call.lineName ?? knownLineName ?? t("unnamedLine");
  return (
    <dl className="grid grid-cols-2 gap-4 rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm sm:grid-cols-4 dark:border-zinc-800 dark:bg-zinc-900">
      <Fact label={t("facts.line")} value={`${lineName} · ${formatPhoneNumber(call.lineNumber)}`} testId="detail-line" />
      <Fact
        label={t("facts.type")}
        value={call.callType ? t(`callType.${call.callType}`) : <span title={t("callType.notStatedHint")}>{t("callType.notStated")}</span>}
      />
      <Fact label={t("facts.started")} value={<LocalTime iso={callStartedAt(call)} format="day-time-zone" />} testId="detail-started" />
      <Fact label={t("facts.ended")} value={<LocalTime iso={call.endedAt} format="day-time-zone" />} testId="detail-ended" />
      <Fact
        label={t("facts.duration")}
        value={isLive(call) ? <RunningDuration startedAt={callStartedAt(call)} /> : duration === null ? "—" : formatDuration(duration)}
        testId="detail-duration"
      />
      <Fact
        label={t("facts.endReason")}
        value={
          call.endReason ? (
            <>
              {isKnownEndReason(call.endReason) ? t(`endReasons.${call.endReason}`) : humanizeEndReason(call.endReason)}
              <span className="block font-mono text-xs font-normal text-zinc-500 dark:text-zinc-400">{call.endReason}</span>
            </>
          ) : (
            "—"
          )
        }
        testId="detail-end-reason"
      />
    </dl>
  );
}

async function SummarySection({ call, loadedAt }: { call: CallView; loadedAt: number }) {
  const t = await getTranslations("call");
  const summary = call.status === "in-progress" ? "pending" : summaryState(call, loadedAt);
  return (
    <Section title={t("summary.title")} testId="detail-summary">
      {summary === "summary" ? (
        <p className="leading-relaxed">{call.summary}</p>
      ) : (
        <p className="leading-relaxed text-zinc-500 dark:text-zinc-400" data-state={summary}>
          {t(`summary.state.${summary}`)}
          {summary === "no-report" && <span className="mt-1 block text-sm">{t("summary.noReportHint")}</span>}
        </p>
      )}
    </Section>
  );
}

/** Only an https address becomes a player and a link: the address is the webhook sender's text (recording-link.ts). */
async function RecordingSection({ recordingUrl }: { recordingUrl: string | null }) {
  const t = await getTranslations("call");
  const recording = toRecordingLink(recordingUrl);
  return (
    <Section title={t("recording.title")} testId="detail-recording">
      {recording?.kind === "player" ? (
        <div className="flex flex-col gap-3">
          <audio controls preload="none" src={recording.url} className="w-full" />
          <a href={recording.url} target="_blank" rel="noreferrer" className="text-sm font-medium break-all text-sky-700 hover:underline dark:text-sky-300">
            {t("recording.open")}
          </a>
        </div>
      ) : recording?.kind === "text" ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-300" data-testid="recording-address">
          {t.rich("recording.notHttps", { address: recording.text, mono: (chunks) => <span className="font-mono break-all">{chunks}</span> })}
        </p>
      ) : (
        <p className="text-zinc-500 dark:text-zinc-400">{t("recording.none")}</p>
      )}
    </Section>
  );
}
