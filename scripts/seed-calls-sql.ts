// The SQL that seed-calls.ts runs: calls made by Postgres itself (generate_series), each with a summary and a
// transcript in Dutch or English built from a few dozen phrases, so the words' frequencies look like a call
// centre's: a handful in most calls ("bestelling", "order"), most in few.
//
// A seeded call's text is one of some 16,000 combinations (language, two topics, line, error or end reason), so
// each combination is written once, with its words (callboard_search_vector, the trigger's function), into a
// table of its own, and each call copies its combination's: stemming a million transcripts twice over was most of
// the seed's time, and it gives the same words.

const EN_TOPICS = [
  ["a refund for a damaged order", "I would like a refund, the order arrived damaged.", "I have started the refund; you will see it within five working days."],
  ["the opening hours on Sunday", "Are you open on Sunday?", "On Sunday we are open from twelve to five."],
  ["changing a delivery address", "Can I change the delivery address of my parcel?", "I have changed the address; the courier will deliver tomorrow."],
  ["an invoice that was charged twice", "My invoice was charged twice this month.", "I see the double charge; the second payment will be returned."],
  ["cancelling a subscription", "I want to cancel my subscription.", "The subscription ends at the end of this month."],
  ["a late delivery", "My delivery is three days late.", "The parcel is at the depot and arrives tomorrow morning."],
  ["booking an appointment", "I would like to book an appointment for next week.", "You are booked for Tuesday at ten o'clock."],
  ["a broken product under warranty", "The coffee machine broke after two months.", "That is covered by the warranty; we will send a replacement."],
  ["a password reset", "I cannot log in to my account.", "I have sent you a link to reset your password."],
  ["speaking to a manager", "I want to speak to a manager about my complaint.", "I will ask a manager to call you back this afternoon."],
  ["the price of an upgrade", "How much does the premium plan cost?", "The premium plan costs twenty euros a month."],
  ["a wrong item in the parcel", "I received the wrong colour.", "Please return it with the label; we will send the right one."],
];

const NL_TOPICS = [
  ["een terugbetaling voor een beschadigde bestelling", "Ik wil graag een terugbetaling, de bestelling kwam beschadigd aan.", "Ik heb de terugbetaling gestart; u ziet het binnen vijf werkdagen."],
  ["de openingstijden op zondag", "Zijn jullie op zondag open?", "Op zondag zijn we open van twaalf tot vijf."],
  ["het wijzigen van een bezorgadres", "Kan ik het bezorgadres van mijn pakket wijzigen?", "Ik heb het adres aangepast; de bezorger komt morgen."],
  ["een factuur die dubbel is afgeschreven", "Mijn factuur is deze maand twee keer afgeschreven.", "Ik zie de dubbele afschrijving; de tweede betaling wordt teruggestort."],
  ["het opzeggen van een abonnement", "Ik wil mijn abonnement opzeggen.", "Het abonnement stopt aan het einde van deze maand."],
  ["een late levering", "Mijn levering is drie dagen te laat.", "Het pakket ligt bij het depot en komt morgenochtend."],
  ["het maken van een afspraak", "Ik wil graag een afspraak maken voor volgende week.", "U staat ingepland voor dinsdag om tien uur."],
  ["een kapot product onder garantie", "De koffiemachine is na twee maanden kapot gegaan.", "Dat valt onder de garantie; we sturen een vervangend apparaat."],
  ["het herstellen van een wachtwoord", "Ik kan niet inloggen op mijn account.", "Ik heb u een link gestuurd om uw wachtwoord te herstellen."],
  ["een klacht voor een leidinggevende", "Ik wil een leidinggevende spreken over mijn klacht.", "Ik vraag een leidinggevende u vanmiddag terug te bellen."],
  ["de prijs van een upgrade", "Wat kost het premium abonnement?", "Het premium abonnement kost twintig euro per maand."],
  ["een verkeerd artikel in het pakket", "Ik heb de verkeerde kleur ontvangen.", "Stuur het terug met het label; we sturen de juiste."],
];

const ERRORS = ["STT connection failed", "LLM timeout", "TTS provider returned 503", "SIP trunk rejected the call", "Transfer failed: no answer"];
const LINES = [
  ["+31201234567", "Support NL"], ["+31101234567", "Sales NL"], ["+31301234567", "Bookings"], ["+32212345678", "Support BE"],
  ["+442071234567", "Support UK"], ["+31851234567", "Billing"], ["+31881234567", "Service desk"], ["+31701234567", "Returns"],
];

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
const textArray = (items: string[]) => `ARRAY[${items.map(literal).join(", ")}]`;

export const DOCUMENTS_TABLE = "seed_call_documents";

/**
 * The combinations a seeded call's text is made of, keyed by (dutch, topic, topic2, line, outcome): outcome 1–5 is an
 * error (ended-with-error, pipeline-error), 6 and 7 an ordinary end (the assistant or the customer hung up).
 */
export function seedDocumentsSql(): string {
  const topics = (list: string[][], index: number) => textArray(list.map((topic) => topic[index] ?? ""));
  return `
CREATE UNLOGGED TABLE ${DOCUMENTS_TABLE} AS
WITH params AS (
  SELECT ${topics(EN_TOPICS, 0)} AS en_subject, ${topics(EN_TOPICS, 1)} AS en_ask, ${topics(EN_TOPICS, 2)} AS en_answer,
         ${topics(NL_TOPICS, 0)} AS nl_subject, ${topics(NL_TOPICS, 1)} AS nl_ask, ${topics(NL_TOPICS, 2)} AS nl_answer,
         ${textArray(ERRORS)} AS errors, ${textArray(LINES.map((line) => line[0] ?? ""))} AS line_numbers,
         ${textArray(LINES.map((line) => line[1] ?? ""))} AS line_names
), keys AS (
  SELECT dutch, topic, topic2, line, outcome
  FROM unnest(ARRAY[false, true]) AS dutch, generate_series(1, ${EN_TOPICS.length}) AS topic, generate_series(1, ${EN_TOPICS.length}) AS topic2,
       generate_series(1, ${LINES.length}) AS line, generate_series(1, ${ERRORS.length + 2}) AS outcome
), documents AS (
  SELECT k.*, p.line_numbers[k.line] AS line_number, p.line_names[k.line] AS line_name,
    CASE WHEN k.outcome <= ${ERRORS.length} THEN 'ended-with-error' ELSE 'ended' END AS status,
    CASE WHEN k.outcome <= ${ERRORS.length} THEN p.errors[k.outcome] END AS error,
    CASE WHEN k.outcome <= ${ERRORS.length} THEN 'pipeline-error' WHEN k.outcome = ${ERRORS.length + 1} THEN 'assistant-ended-call' ELSE 'customer-ended-call' END AS end_reason,
    CASE WHEN k.dutch THEN 'De beller vroeg naar ' || p.nl_subject[k.topic] || ' en daarna naar ' || p.nl_subject[k.topic2] || '.'
         ELSE 'The caller asked about ' || p.en_subject[k.topic] || ' and then about ' || p.en_subject[k.topic2] || '.' END AS summary,
    CASE WHEN k.dutch THEN jsonb_build_array(
        jsonb_build_object('role', 'assistant', 'content', 'Goedendag, u spreekt met de digitale assistent van ' || p.line_names[k.line] || '. Waarmee kan ik u helpen?'),
        jsonb_build_object('role', 'user', 'content', p.nl_ask[k.topic]),
        jsonb_build_object('role', 'assistant', 'content', 'Een moment, ik kijk het voor u na. ' || p.nl_answer[k.topic]),
        jsonb_build_object('role', 'user', 'content', 'Dank u. En nog iets: ' || lower(p.nl_ask[k.topic2])),
        jsonb_build_object('role', 'assistant', 'content', p.nl_answer[k.topic2] || ' Kan ik u nog ergens anders mee helpen?'),
        jsonb_build_object('role', 'user', 'content', 'Nee, dat was het. Fijne dag!'))
      ELSE jsonb_build_array(
        jsonb_build_object('role', 'assistant', 'content', 'Hello, you are speaking with the digital assistant of ' || p.line_names[k.line] || '. How can I help?'),
        jsonb_build_object('role', 'user', 'content', p.en_ask[k.topic]),
        jsonb_build_object('role', 'assistant', 'content', 'One moment, let me check that for you. ' || p.en_answer[k.topic]),
        jsonb_build_object('role', 'user', 'content', 'Thank you. One more thing: ' || lower(p.en_ask[k.topic2])),
        jsonb_build_object('role', 'assistant', 'content', p.en_answer[k.topic2] || ' Is there anything else I can help with?'),
        jsonb_build_object('role', 'user', 'content', 'No, that was all. Have a nice day!'))
    END AS transcript
  FROM keys k, params p
)
SELECT d.*, callboard_search_vector(d.summary, d.transcript, d.error, d.end_reason) AS search_vector FROM documents d;
ALTER TABLE ${DOCUMENTS_TABLE} ADD PRIMARY KEY (dutch, topic, topic2, line, outcome)`;
}

/**
 * Inserts calls `from`..`to` (inclusive) of `count`, spread evenly over the last 180 days, ids seed-<n>, and their
 * search rows, each with its combination's text and words (seedDocumentsSql). One statement: a batch is stored whole
 * or not at all.
 */
export function seedCallsSql(from: number, to: number, count: number): string {
  return `
WITH rows AS (
  SELECT g,
    -- A stable pseudo-random number per call and purpose.
    abs(hashint4(g)) AS h1, abs(hashint4(g + 7919)) AS h2, abs(hashint4(g + 104729)) AS h3, abs(hashint4(g + 1299709)) AS h4,
    now() - (interval '180 days' * (${count} - g) / greatest(${count} - 1, 1)) - interval '1 minute' AS started
  FROM generate_series(${from}, ${to}) AS g
), shaped AS (
  -- Half Dutch, one in eight with an error (in either language), eight lines, two topics each.
  SELECT r.*, ((r.h1 / 8) % 2 = 0) AS dutch, 1 + r.h4 % ${EN_TOPICS.length} AS topic, 1 + r.h3 % ${EN_TOPICS.length} AS topic2, 1 + r.h2 % ${LINES.length} AS line,
         CASE WHEN r.h1 % 8 = 1 THEN 1 + r.h3 % ${ERRORS.length} WHEN r.h2 % 3 = 0 THEN ${ERRORS.length + 1} ELSE ${ERRORS.length + 2} END AS outcome,
         20 + r.h3 % 400 AS seconds
  FROM rows r
), chosen AS MATERIALIZED (
  SELECT 'seed-' || s.g AS id, s.*, d.status, d.line_number, d.line_name, d.error, d.end_reason, d.summary, d.transcript, d.search_vector
  FROM shaped s JOIN ${DOCUMENTS_TABLE} d USING (dutch, topic, topic2, line, outcome)
), inserted AS (
  INSERT INTO calls (id, status, status_rank, status_at, call_type, line_number, line_name, customer_number, started_at, ended_at,
    first_event_at, last_event_at, error, end_reason, duration_seconds, summary, transcript, created_at, updated_at)
  SELECT c.id, c.status, 3, c.started + c.seconds * interval '1 second', 'inbound',
    c.line_number, c.line_name, '+316' || lpad((c.h1 % 100000000)::text, 8, '0'),
    c.started, c.started + c.seconds * interval '1 second', c.started, c.started + c.seconds * interval '1 second',
    c.error, c.end_reason, c.seconds, c.summary, c.transcript, c.started, c.started + c.seconds * interval '1 second'
  FROM chosen c
)
INSERT INTO call_search (call_id, created_at, status, line_number, search_vector)
SELECT c.id, c.started, c.status, c.line_number, c.search_vector FROM chosen c`;
}
