// The SQL that seed-calls.ts runs: calls made by Postgres itself (generate_series), each with a summary and a
// transcript in Dutch or English built from a few dozen phrases, so the words' frequencies look like a call
// centre's: a handful in most calls ("bestelling", "order"), most in few.

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

/** Inserts calls `from`..`to` (inclusive): spread over the last 180 days, ids seed-<n>. */
export function seedCallsSql(from: number, to: number): string {
  const topics = (list: string[][], index: number) => textArray(list.map((topic) => topic[index] ?? ""));
  return `
WITH params AS (
  SELECT ${topics(EN_TOPICS, 0)} AS en_subject, ${topics(EN_TOPICS, 1)} AS en_ask, ${topics(EN_TOPICS, 2)} AS en_answer,
         ${topics(NL_TOPICS, 0)} AS nl_subject, ${topics(NL_TOPICS, 1)} AS nl_ask, ${topics(NL_TOPICS, 2)} AS nl_answer,
         ${textArray(ERRORS)} AS errors, ${textArray(LINES.map((line) => line[0] ?? ""))} AS line_numbers,
         ${textArray(LINES.map((line) => line[1] ?? ""))} AS line_names
), rows AS (
  SELECT g,
    -- A stable pseudo-random number per call and purpose.
    abs(hashint4(g)) AS h1, abs(hashint4(g + 7919)) AS h2, abs(hashint4(g + 104729)) AS h3, abs(hashint4(g + 1299709)) AS h4,
    now() - (interval '180 days' * (${to} - g) / greatest(${to} - ${from}, 1)) - interval '1 minute' AS started
  FROM generate_series(${from}, ${to}) AS g
), shaped AS (
  SELECT r.*, (r.h1 % 2 = 0) AS dutch, 1 + r.h4 % ${EN_TOPICS.length} AS topic, 1 + r.h3 % ${EN_TOPICS.length} AS topic2,
         CASE WHEN r.h1 % 8 = 1 THEN 'ended-with-error' ELSE 'ended' END AS status, 20 + r.h3 % 400 AS seconds
  FROM rows r
)
INSERT INTO calls (id, status, status_rank, status_at, call_type, line_number, line_name, customer_number, started_at, ended_at,
  first_event_at, last_event_at, error, end_reason, duration_seconds, summary, transcript, created_at, updated_at)
SELECT 'seed-' || s.g, s.status, 3, s.started + s.seconds * interval '1 second', 'inbound',
  p.line_numbers[1 + s.h2 % 8], p.line_names[1 + s.h2 % 8], '+316' || lpad((s.h1 % 100000000)::text, 8, '0'),
  s.started, s.started + s.seconds * interval '1 second', s.started, s.started + s.seconds * interval '1 second',
  CASE WHEN s.status = 'ended-with-error' THEN p.errors[1 + s.h3 % 5] END,
  CASE WHEN s.status = 'ended-with-error' THEN 'pipeline-error' WHEN s.h2 % 3 = 0 THEN 'assistant-ended-call' ELSE 'customer-ended-call' END,
  s.seconds,
  CASE WHEN s.dutch THEN 'De beller vroeg naar ' || p.nl_subject[s.topic] || ' en daarna naar ' || p.nl_subject[s.topic2] || '.'
       ELSE 'The caller asked about ' || p.en_subject[s.topic] || ' and then about ' || p.en_subject[s.topic2] || '.' END,
  CASE WHEN s.dutch THEN jsonb_build_array(
      jsonb_build_object('role', 'assistant', 'content', 'Goedendag, u spreekt met de digitale assistent van ' || p.line_names[1 + s.h2 % 8] || '. Waarmee kan ik u helpen?'),
      jsonb_build_object('role', 'user', 'content', p.nl_ask[s.topic]),
      jsonb_build_object('role', 'assistant', 'content', 'Een moment, ik kijk het voor u na. ' || p.nl_answer[s.topic]),
      jsonb_build_object('role', 'user', 'content', 'Dank u. En nog iets: ' || lower(p.nl_ask[s.topic2])),
      jsonb_build_object('role', 'assistant', 'content', p.nl_answer[s.topic2] || ' Kan ik u nog ergens anders mee helpen?'),
      jsonb_build_object('role', 'user', 'content', 'Nee, dat was het. Fijne dag!'))
    ELSE jsonb_build_array(
      jsonb_build_object('role', 'assistant', 'content', 'Hello, you are speaking with the digital assistant of ' || p.line_names[1 + s.h2 % 8] || '. How can I help?'),
      jsonb_build_object('role', 'user', 'content', p.en_ask[s.topic]),
      jsonb_build_object('role', 'assistant', 'content', 'One moment, let me check that for you. ' || p.en_answer[s.topic]),
      jsonb_build_object('role', 'user', 'content', 'Thank you. One more thing: ' || lower(p.en_ask[s.topic2])),
      jsonb_build_object('role', 'assistant', 'content', p.en_answer[s.topic2] || ' Is there anything else I can help with?'),
      jsonb_build_object('role', 'user', 'content', 'No, that was all. Have a nice day!'))
  END,
  s.started, s.started + s.seconds * interval '1 second'
FROM shaped s, params p
ON CONFLICT (id) DO NOTHING`;
}
