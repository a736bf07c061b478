// The words of errors people read, in the request's language: keys with values, English as Callboard has always
// answered, and English for a language Callboard does not speak.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { newUserSchema } from "@/lib/auth/create-user";
import { actionError, parseFormFields } from "./action-error";
import { ApiError, errorBody, errorResponse } from "./api-error";
import { translateError, translatorFor } from "./error-text";
import { describeIssuesText } from "./issue-text";
import { requestLocale } from "./request-locale";

const t = translatorFor("errors");

function thrown(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("nothing was thrown");
}

describe("translateError", () => {
  it("fills a key's values in each language", () => {
    const text = t("apiTokens.notFound", { id: "42" });
    expect(translateError(text, "en")).toBe("No API token with id 42. Reload the list of tokens.");
    expect(translateError(text, "nl")).toBe("Er is geen API-token met id 42. Laad de lijst met tokens opnieuw.");
  });

  it("translates values that are messages themselves, and lists of them", () => {
    const text = t("validation.wrongShape", { problems: [t("validation.required", { field: t("fields.destinationName") }), t("validation.tooLong", { field: "url", maximum: 200 })] });
    expect(translateError(text, "nl")).toBe("Het verzoek klopt niet. Naam: vul dit in.; url mag hoogstens 200 tekens hebben.");
    expect(translateError(text, "en")).toBe("The request body has the wrong shape. Name is required.; url may have at most 200 characters.");
  });

  it("answers a language Callboard does not speak, or none, in English", () => {
    const text = t("access.adminOnly");
    expect(translateError(text, "de")).toBe("Only an admin may do this.");
    expect(translateError(text, "")).toBe("Only an admin may do this.");
    expect(translateError(text)).toBe("Only an admin may do this.");
  });

  it("keeps English words given as they are for English readers only", () => {
    const text = t("users.userExists", undefined, "User already exists. Use another email.");
    expect(translateError(text, "en")).toBe("User already exists. Use another email.");
    expect(translateError(text, "nl")).toBe("Er is al een gebruiker met dit e-mailadres. Gebruik een ander e-mailadres.");
  });
});

describe("an ApiError with a message key", () => {
  it("has today's English words as its message, and answers them to English and unknown languages", async () => {
    const error = new ApiError("forbidden", t("access.adminOnly"));
    expect(error.message).toBe("Only an admin may do this.");
    expect(errorBody(error)).toEqual({ error: { code: "forbidden", message: "Only an admin may do this." } });
    expect(errorBody(error, "fr")).toEqual({ error: { code: "forbidden", message: "Only an admin may do this." } });
    expect(await errorResponse(error).json()).toEqual({ error: { code: "forbidden", message: "Only an admin may do this." } });
  });

  it("answers a route handler's request in its language: the chosen cookie, else Accept-Language", async () => {
    const error = new ApiError("unauthorized", t("access.signIn"));
    const ask = (headers: Record<string, string>) => errorResponse(error, new Request("http://callboard.test/api/x", { headers }));
    expect((await ask({ "accept-language": "nl-NL,nl;q=0.9" }).json()).error.message).toBe("Log in om Callboard te gebruiken.");
    expect((await ask({ "accept-language": "nl-NL", cookie: "theme=dark; callboard-locale=en" }).json()).error.message).toBe("Sign in to use Callboard.");
    expect((await ask({ cookie: "callboard-locale=nl" }).json()).error.message).toBe("Log in om Callboard te gebruiken.");
    expect((await ask({}).json()).error.message).toBe("Sign in to use Callboard.");
    expect(ask({ "accept-language": "nl" }).status).toBe(401);
  });

  it("gives a server action the same words in the page's language", () => {
    expect(actionError(new ApiError("forbidden", t("users.ownRole")), "nl")).toEqual({ code: "forbidden", message: "Een andere beheerder kan je rol wijzigen." });
    expect(actionError(new ApiError("forbidden", t("users.ownRole")))).toEqual({ code: "forbidden", message: "Another admin can change your role." });
    // Words that stay English (Flireo's, a plain string) are answered as they are.
    expect(actionError(new ApiError("conflict", "Flireo says no."), "nl")).toEqual({ code: "conflict", message: "Flireo says no." });
  });
});

describe("zod field errors", () => {
  it("keep the schema's English, and say the problem with the field's name in Dutch", () => {
    const names = { email: t("fields.email"), password: t("fields.password") };
    const invalidEmail = thrown(() => parseFormFields(newUserSchema, { email: "nope", password: "0123456789", role: "admin" }, undefined, names));
    expect(invalidEmail.message).toBe("Enter a valid email address.");
    expect(errorBody(invalidEmail, "nl").error.message).toBe("E-mailadres: vul een geldig e-mailadres in.");

    const short = thrown(() => parseFormFields(newUserSchema, { email: "ann@example.test", password: "short", role: "admin" }, undefined, names));
    expect(short.message).toBe("The password needs at least 10 characters.");
    expect(errorBody(short, "nl").error.message).toBe("Wachtwoord moet minstens 10 tekens hebben.");
  });

  it("name a field without a name by its path, and a missing or mistyped one by the type it needs", () => {
    const parsed = z.object({ enabled: z.boolean(), role: z.enum(["admin", "viewer"]) }).safeParse({ role: "boss" });
    if (parsed.success) throw new Error("expected a failure");
    const [missing, wrong] = describeIssuesText(parsed.error.issues);
    expect(translateError(missing!, "nl")).toBe("enabled ontbreekt of heeft het verkeerde type (verwacht: waar of onwaar).");
    expect(translateError(wrong!, "nl")).toBe("role moet een van deze zijn: admin, viewer.");
    // English: the line Callboard has always given.
    expect(translateError(missing!, "en")).toBe(`enabled: ${parsed.error.issues[0]?.message}`);
  });
});

describe("requestLocale", () => {
  it("reads the language cookie among others, and ignores one Callboard does not speak", () => {
    expect(requestLocale(new Headers({ cookie: "a=1; callboard-locale=nl; b=2" }))).toBe("nl");
    expect(requestLocale(new Headers({ cookie: "callboard-locale=de", "accept-language": "nl-BE" }))).toBe("nl");
    expect(requestLocale(new Headers({ "accept-language": "fr-FR, de;q=0.8" }))).toBe("en");
  });
});
