import { describe, expect, it } from "vitest";
import { MAX_TOTAL_UPLOAD_BYTES, MAX_UPLOAD_BYTES } from "@/domain/submission";
import { fileProblem, uploadErrors } from "@/components/authorization-form/uploads";
import { ACTION_BODY_LIMIT_BYTES } from "@/server/action-body";

const sized = (name: string, bytes: number, type = "application/pdf") => {
  const file = new File([], name, { type });
  Object.defineProperty(file, "size", { value: bytes });
  return file;
};

describe("the browser's first look at chosen files agrees with the server's limits", () => {
  it("refuses a file above 10 MB, an empty one and other types, as the server does", () => {
    expect(fileProblem(sized("id.pdf", MAX_UPLOAD_BYTES))).toBeNull();
    expect(fileProblem(sized("id.pdf", MAX_UPLOAD_BYTES + 1))).toMatch(/larger than 10 MB/);
    expect(fileProblem(sized("id.pdf", 0))).toMatch(/empty/);
    expect(fileProblem(sized("id.gif", 10, "image/gif"))).toMatch(/not a PDF, JPG or PNG/);
  });

  it("says so when the files together would exceed what the server takes in one post", () => {
    expect(MAX_TOTAL_UPLOAD_BYTES).toBeLessThan(ACTION_BODY_LIMIT_BYTES);
    const ten = () => sized("scan.pdf", MAX_UPLOAD_BYTES);
    const paper = uploadErrors("paper", "PATIENT", { paperFormScan: ten(), photoId: ten(), authorityProof: [ten(), ten(), ten()] });
    expect(Object.values(paper).join(" ")).toMatch(/Together the files are larger than 44 MB/);
    const online = uploadErrors("online", "REPRESENTATIVE", { paperFormScan: null, photoId: ten(), authorityProof: [ten(), ten(), ten()] });
    expect(online).toEqual({});
  });
});
