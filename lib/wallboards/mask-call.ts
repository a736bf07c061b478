// Customers' numbers on a masked wallboard link: only the last four digits, done on the server for what the page
// renders, what its API answers and what its socket is sent, so no full number ever reaches the screen.
import type { CallView } from "@/lib/shared/calls/call-view";

const MASK = "•••";
/** A run of at least seven digits, with the spaces, dots, dashes and brackets people write numbers with. */
const NUMBER_IN_TEXT = /\+?\d[\d ().-]{5,}\d/g;
/** A date (2026-12-07) is not a number to hide. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `+31612345678` → `••• 5678`; a number of four digits or fewer is masked whole. */
export function maskPhoneNumber(number: string): string {
  const digits = number.replace(/\D/g, "");
  return digits.length <= 4 ? MASK : `${MASK} ${digits.slice(-4)}`;
}

/** Numbers inside free text (an error message may quote one) masked the same way. */
export function maskNumbersInText(text: string): string {
  return text.replace(NUMBER_IN_TEXT, (match) => (match.replace(/\D/g, "").length >= 7 && !ISO_DATE.test(match) ? maskPhoneNumber(match) : match));
}

/**
 * A call as a masked wallboard may see it: the customer's number masked, numbers in texts masked, and the summary
 * (what the caller said, in words) left out, as the wall never shows it.
 */
export function maskCallForWallboard(call: CallView): CallView {
  return {
    ...call,
    customerNumber: call.customerNumber === null ? null : maskPhoneNumber(call.customerNumber),
    error: call.error === null ? null : maskNumbersInText(call.error),
    endReason: call.endReason === null ? null : maskNumbersInText(call.endReason),
    unresolvedReason: call.unresolvedReason === null ? null : maskNumbersInText(call.unresolvedReason),
    summary: null,
  };
}
