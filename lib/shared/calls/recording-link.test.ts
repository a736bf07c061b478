import { describe, expect, it } from "vitest";
import { toRecordingLink } from "./recording-link";

describe("toRecordingLink", () => {
  it("makes a player and a link of https only", () => {
    expect(toRecordingLink("https://recordings.example.test/a.mp3")).toEqual({ kind: "player", url: "https://recordings.example.test/a.mp3" });
    expect(toRecordingLink(" HTTPS://Recordings.example.test/a.mp3 ")).toEqual({ kind: "player", url: "https://recordings.example.test/a.mp3" });
    expect(toRecordingLink(null)).toBeNull();
    expect(toRecordingLink("")).toBeNull();
  });

  it("shows anything else as text: http, javascript:, data:, file:, relative and broken addresses", () => {
    for (const address of [
      "http://recordings.example.test/a.mp3",
      "javascript:alert(document.cookie)",
      " JaVaScRiPt:alert(1)",
      "data:audio/mpeg;base64,AAAA",
      "data:text/html,<script>alert(1)</script>",
      "file:///etc/passwd",
      "//evil.example/a.mp3",
      "/api/users",
      "not a url",
    ]) {
      expect(toRecordingLink(address), address).toEqual({ kind: "text", text: address });
    }
  });
});
