import { describe, expect, it } from "vitest";
import { refusalPage } from "./refusal-page";

describe("refusalPage", () => {
  it("says why, as text, and leads back to the board", () => {
    const html = refusalPage(403, `Only <b>admins</b> & "owners"`);
    expect(html).toContain("<h1>Not for your role</h1>");
    expect(html).toContain("<p>Only &lt;b&gt;admins&lt;/b&gt; &amp; &quot;owners&quot;</p>");
    expect(html).toContain('<a href="/">Back to the board</a>');
  });

  it("titles an unavailable sign-in check as one to retry", () => {
    expect(refusalPage(503, "Database unavailable.")).toContain("<title>Try again shortly · Callboard</title>");
  });
});
