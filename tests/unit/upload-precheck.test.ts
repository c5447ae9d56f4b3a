import { describe, expect, it } from "vitest";
import { MAX_TOTAL_UPLOAD_BYTES, MAX_UPLOAD_BYTES } from "@/domain/submission";
import { fileProblem, uploadErrors } from "@/components/authorization-form/uploads";
import { ACTION_BODY_LIMIT_BYTES } from "@/server/action-body";
import { problemTextIn } from "@/i18n/translator";

/** The problem as the English page says it (the Spanish page says it from the same key). */
const said = (file: File) => problemTextIn("en", fileProblem(file) ?? "");

const sized = (name: string, bytes: number, type = "application/pdf") => {
  const file = new File([], name, { type });
  Object.defineProperty(file, "size", { value: bytes });
  return file;
};

describe("the browser's first look at chosen files agrees with the server's limits", () => {
  it("refuses a file above 10 MB, an empty one and other types, as the server does", () => {
    expect(fileProblem(sized("id.pdf", MAX_UPLOAD_BYTES))).toBeNull();
    expect(said(sized("id.pdf", MAX_UPLOAD_BYTES + 1))).toBe("“id.pdf” is larger than 10 MB. Choose a smaller file, or take the photo at a lower resolution");
    expect(problemTextIn("es", fileProblem(sized("id.pdf", 0)) ?? "")).toBe("“id.pdf” está vacío. Elija el archivo de nuevo");
    expect(said(sized("id.pdf", 0))).toBe("“id.pdf” is empty. Choose the file again");
    expect(said(sized("id.gif", 10, "image/gif"))).toBe("“id.gif” is not a PDF, JPG or PNG file. Choose a photo or scan in one of those formats");
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
