import { CONTENT_BOTTOM, type LayoutBox, MARGIN, PAGE, type PdfLayout } from "@/server/pdf/layout";

const overlaps = (a: LayoutBox, b: LayoutBox) => a.page === b.page && a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Every pair of marks on a page that overlap (none should), and every mark outside the page's content area. */
export function geometryProblems(layout: PdfLayout): string[] {
  const problems: string[] = [];
  const { boxes } = layout;
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i]!;
    if (a.x < MARGIN - 0.01 || a.x + a.width > PAGE.width - MARGIN + 0.01 || a.y < CONTENT_BOTTOM - 0.01 || a.y + a.height > PAGE.height - MARGIN + 0.01)
      problems.push(`outside the content area on page ${a.page}: ${a.kind} "${a.content}"`);
    for (let j = i + 1; j < boxes.length; j++) {
      const b = boxes[j]!;
      if (overlaps(a, b)) problems.push(`page ${a.page}: ${a.kind} "${a.content}" overlaps ${b.kind} "${b.content}"`);
    }
  }
  return problems;
}

