// How validation mistakes read: named as the form names its fields, with the paths kept for programs.
import { describe, expect, it } from "vitest";
import { RULE_FIELD_NAMES, ruleInputSchema } from "@/lib/alerts/alert-schemas";
import { ApiError } from "./api-error";
import { readJsonBody } from "./read-json-body";

async function refusal(body: unknown): Promise<ApiError> {
  const request = new Request("http://callboard.test/api/alerts/rules", { method: "POST", body: JSON.stringify(body) });
  const error = await readJsonBody(request, ruleInputSchema, RULE_FIELD_NAMES).then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ApiError)) throw new Error("expected a refusal");
  return error;
}

describe("readJsonBody's messages", () => {
  it("names fields as the Alerts page does, destinations by their number", async () => {
    const error = await refusal({
      name: " ",
      kind: "threshold",
      cooldownMinutes: 5,
      destinations: [
        { kind: "webhook", url: "https://hooks.example.test/a" },
        { kind: "webhook", url: "ftp://hooks.example.test/b" },
        { kind: "email", to: ["oncall@example.test", "not an address"] },
        { kind: "pager" },
      ],
    });
    expect(error.status).toBe(422);
    const message = error.message.replace("The request body has the wrong shape. ", "");
    expect(message.split("; ")).toEqual([
      "Name is required",
      "Destination 2: the URL must be an http:// or https:// URL",
      "Destination 3: a recipient must be an e-mail address such as oncall@example.com",
      "Destination 4: send to must be webhook, slack or email",
    ]);
    expect(error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: ["destinations", 1, "url"] })]));
  });

  it("names the threshold fields a threshold rule lacks", async () => {
    const error = await refusal({ name: "Storm", kind: "threshold", destinations: [{ kind: "slack", url: "https://hooks.slack.test/x" }] });
    expect(error.message).toBe(
      "The request body has the wrong shape. Number of errors (N) is required for a threshold rule (alert when more than N errors…); " +
        "Window in minutes (M) is required for a threshold rule (…within M minutes)",
    );
  });

  it("says a rule needs a destination, and gives unnamed fields by their path", async () => {
    const error = await refusal({ name: "Errors", kind: "each-error", destinations: [], extra: 1 });
    expect(error.message).toContain("A rule needs at least one destination");
    expect((await refusal({ name: "Errors", kind: "each-error" })).message).toContain("A rule needs at least one destination");
    const unnamed = await refusal({ name: 5, kind: "each-error", destinations: [{ kind: "slack", url: "https://hooks.slack.test/x" }] });
    expect(unnamed.message).toMatch(/Name: Invalid input/);
  });
});
