// Small helpers shared by the e2e specs: unique numbers, so tests sharing a worker's server don't see each
// other's calls through a filter.
export function uniqueCustomer(): string {
  return `+3161${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
}

/** A line number no other test uses (a Dutch fixed-line number with random digits). */
export function uniqueLine(): string {
  return `+3130${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
}
