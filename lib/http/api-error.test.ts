// One error shape for whatever is thrown: route handlers' responses and server actions' answers alike.
import { redirect } from "next/navigation";
import { describe, expect, it } from "vitest";
import { FlireoApiError } from "@/lib/flireo/flireo-client";
import { actionError, parseFormFields } from "./action-error";
import { ApiError, errorResponse } from "./api-error";
import { newUserSchema } from "@/lib/auth/create-user";

const unreachableDatabase = () => Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });

describe("errorResponse", () => {
  it("answers an ApiError with its code's status, its headers and the one JSON shape", async () => {
    const response = errorResponse(new ApiError("unprocessable", "Name is required", { details: [{ path: ["name"] }], headers: { "x-test": "1" } }));
    expect(response.status).toBe(422);
    expect(response.headers.get("x-test")).toBe("1");
    expect(await response.json()).toEqual({ error: { code: "unprocessable", message: "Name is required", details: [{ path: ["name"] }] } });
  });

  it("relays Flireo's rate limit as a 429 with its Retry-After, and its other failures as a 502, in Flireo's words", async () => {
    const limited = errorResponse(new FlireoApiError("Flireo's rate limit was reached; try again in 30 s.", { status: 429, retryAfterSeconds: 30 }));
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("30");
    expect(await limited.json()).toEqual({
      error: { code: "rate_limited", message: "Flireo's rate limit was reached; try again in 30 s.", details: { flireoStatus: 429, retryAfterSeconds: 30 } },
    });

    const refused = errorResponse(new FlireoApiError("Flireo refused the API key.", { status: 401, code: "invalid_api_key" }));
    expect(refused.status).toBe(502);
    expect(refused.headers.get("retry-after")).toBeNull();
    expect(await refused.json()).toEqual({ error: { code: "upstream_failed", message: "Flireo refused the API key.", details: { flireoStatus: 401, flireoCode: "invalid_api_key" } } });

    const unreachable = errorResponse(new FlireoApiError("Flireo did not answer within 15 s.", { status: null }));
    expect(unreachable.status).toBe(502);
  });

  it("answers an unreachable database with a 503 to retry, and hides anything else behind a 500", async () => {
    const unavailable = errorResponse(unreachableDatabase());
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers.get("retry-after")).toBe("5");
    expect(await unavailable.json()).toMatchObject({ error: { code: "unavailable" } });

    const bug = errorResponse(new TypeError("Cannot read properties of undefined (reading 'secret')"));
    expect(bug.status).toBe(500);
    const body = await bug.json();
    expect(body).toEqual({ error: { code: "internal", message: "Callboard hit an unexpected error; it has been logged." } });
    expect(JSON.stringify(body)).not.toContain("secret");
  });
});

describe("actionError", () => {
  it("gives a server action the same code and message a route handler would answer", () => {
    expect(actionError(new ApiError("forbidden", "Another admin can change your role."))).toEqual({ code: "forbidden", message: "Another admin can change your role." });
    expect(actionError(new FlireoApiError("Flireo refused the API key.", { status: 401 }))).toMatchObject({ code: "upstream_failed", message: "Flireo refused the API key." });
    expect(actionError(unreachableDatabase())).toMatchObject({ code: "unavailable" });
    expect(actionError(new Error("boom"))).toEqual({ code: "internal", message: "Callboard hit an unexpected error; it has been logged." });
  });

  it("lets Next's redirect through", () => {
    let thrown: unknown;
    try {
      redirect("/login?created=1");
    } catch (error) {
      thrown = error;
    }
    expect(() => actionError(thrown)).toThrow();
  });
});

describe("parseFormFields", () => {
  it("answers a form's mistake with its first problem, as the form shows it", () => {
    expect(() => parseFormFields(newUserSchema, { email: "nope", password: "short", role: "admin" })).toThrow(
      expect.objectContaining({ code: "unprocessable", message: "Enter a valid email address." }),
    );
    expect(parseFormFields(newUserSchema, { email: "Ann@Example.test", password: "0123456789", role: "viewer" })).toMatchObject({ email: "ann@example.test" });
  });
});
