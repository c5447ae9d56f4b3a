import { describe, expect, it } from "vitest";
import { MAX_TOTAL_UPLOAD_BYTES, MAX_UPLOAD_BYTES } from "@/domain/submission";
import { fileContentProblem, fileProblem, uploadErrors } from "@/components/authorization-form/uploads";
import { executableNamedPdf, fileOf, photoPng, samplePdf } from "../support/files";
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

describe("the browser's look at a chosen file's content (issue 13: a fake image was refused only at the final submit)", () => {
  it("refuses, when chosen, a file whose bytes are not the PDF, JPEG or PNG its name says", async () => {
    const text = new File(["This is not a photo, only text in a file named .jpg"], "drivers-license.jpg", { type: "image/jpeg" });
    expect(fileProblem(text)).toBeNull(); // the name and declared type alone would pass
    expect(await fileContentProblem(text)).toMatch(/“drivers-license\.jpg” does not open as a PDF, JPG or PNG/);
    expect(await fileContentProblem(executableNamedPdf())).toMatch(/does not open as a PDF, JPG or PNG/);
    const gif = fileOf(Buffer.from("GIF89a\x01\x00\x01\x00"), "photo.png", "image/png");
    expect(await fileContentProblem(gif)).toMatch(/does not open/);
  });

  it("accepts a genuine PDF, PNG and JPEG by their first bytes", async () => {
    expect(await fileContentProblem(fileOf(await samplePdf(), "scan.pdf", "application/pdf"))).toBeNull();
    expect(await fileContentProblem(fileOf(photoPng(), "photo-id.png", "image/png"))).toBeNull();
    const jpeg = fileOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]), "id.jpg", "image/jpeg");
    // Here (Node) there is no image decoder: the first bytes decide; the browser also decodes the picture.
    expect(await fileContentProblem(jpeg)).toBeNull();
  });
});
