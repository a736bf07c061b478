// Forgiving phone-number search, shared by the server's queries and the board's live filter.
// With default country NL, `+31 6 1234`, `06-1234`, `0031 6 12` and `61234` all find +31612345678.
import { AsYouType, type CountryCode } from "libphonenumber-js/min";

/** One way a query can match a stored E.164 number: as its beginning, or anywhere in its digits. */
export type NumberPattern = { kind: "prefix"; value: string } | { kind: "contains"; value: string };

export function parseNumberSearch(query: string, defaultCountry: CountryCode): NumberPattern | null {
  const trimmed = query.trim();
  const digits = trimmed.replace(/\D/g, "");
  if (digits.length === 0) return null;

  // A leading + or 0 says where the number starts (country code, international or trunk prefix),
  // so the query is read as the beginning of a full number. libphonenumber knows each country's prefixes.
  // Three zeros or more begin no number anywhere (after 0 or 00, a number or country code starts with 1–9): such
  // a query is digits, found anywhere, like any other run of bare digits.
  if ((trimmed.startsWith("+") || digits.startsWith("0")) && !/^0{3,}/.test(digits) && !/^\+\s*0/.test(trimmed)) {
    const typed = new AsYouType(trimmed.startsWith("+") ? undefined : defaultCountry);
    typed.input(trimmed.startsWith("+") ? `+${digits}` : digits);
    const e164Prefix = typed.getNumberValue();
    if (e164Prefix && e164Prefix.length > 1) return { kind: "prefix", value: e164Prefix };
  }
  return { kind: "contains", value: digits };
}

export function matchesNumberPattern(number: string | null, pattern: NumberPattern): boolean {
  if (!number) return false;
  if (pattern.kind === "prefix") return number.startsWith(pattern.value);
  return number.replace(/\D/g, "").includes(pattern.value);
}

/** True when the customer's or the line's number matches; an empty query matches everything. */
export function matchesNumberSearch(
  call: { customerNumber: string | null; lineNumber: string | null },
  pattern: NumberPattern | null,
): boolean {
  if (!pattern) return true;
  return matchesNumberPattern(call.customerNumber, pattern) || matchesNumberPattern(call.lineNumber, pattern);
}
