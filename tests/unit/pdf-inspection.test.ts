import { beforeAll, describe, expect, it } from "vitest";
import { ACTIVE, viewerProblem, walkEveryObject } from "@/server/upload-checks/pdf";
import { type CorpusEntry, maliciousCorpus } from "../support/malicious-files";

let malicious: CorpusEntry[] = [];
beforeAll(async () => {
  malicious = await maliciousCorpus();
});

describe("PDF inspection (src/server/upload-checks/pdf.ts)", () => {
  it("judges PDFs twice, each layer on its own: every object the file defines, and what pdf.js would run or offer", async () => {
    const active = malicious.filter((e) => e.filename.endsWith(".pdf") && !/encrypted|not a PDF|truncated|pages|Ob#6aStm/.test(e.name));
    // The object walk alone refuses every script, action and attachment, however its names are written…
    for (const entry of active) expect(await walkEveryObject(entry.bytes), entry.name).toBe("active");
    // …and Mozilla's pdf.js, reading the files as a viewer, confirms the holes of the red-team report are real.
    for (const name of ["lower-case hex name /#4aavaScript", "/Type /EmbeddedFile", "compressed object stream", "incremental update", "Ob#6aStm"]) {
      const entries = malicious.filter((e) => e.name.includes(name));
      expect(entries.length, name).toBeGreaterThan(0);
      for (const entry of entries) expect(await viewerProblem(entry.bytes, 50), entry.name).toBe(ACTIVE);
    }
    // An object stream whose type pdf-lib cannot decode would hide objects from the walk: refused as unreadable.
    const hidden = malicious.find((e) => e.name.includes("Ob#6aStm"))!;
    expect(await walkEveryObject(hidden.bytes)).toBe("unreadable");
  });
});
