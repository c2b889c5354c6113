import "server-only";

import fs from "node:fs";
import path from "node:path";

import PDFDocument from "pdfkit";

/**
 * Drawing primitives for the PDF report (A4, points): fonts, headings, KPI cards, tables with bars,
 * and a footer on every page.
 *
 * Fonts: PDF's built-in Helvetica only covers Windows-1252 — no "₹", no Polish or Czech letters.
 * Next ships Geist (SIL Open Font License) inside its own package for OG images; it covers Latin,
 * "₹", "€", "kr." and typographic punctuation, so the report embeds a subset of it. If a future Next
 * moves the file, the report still renders, in Helvetica, with ISO currency codes instead of
 * symbols and unsupported characters replaced (`unicodeFonts` false).
 */
const GEIST = path.join(/*turbopackIgnore: true*/ process.cwd(), "node_modules/next/dist/compiled/@vercel/og/Geist-Regular.ttf");

let cachedFont: Buffer | null | undefined;
function unicodeFont(): Buffer | null {
  if (cachedFont === undefined) {
    try {
      cachedFont = fs.readFileSync(GEIST);
    } catch {
      cachedFont = null;
    }
  }
  return cachedFont;
}

export const A4 = { width: 595.28, height: 841.89 };
export const MARGIN = 48;
export const CONTENT_WIDTH = A4.width - 2 * MARGIN;
const FOOTER_SPACE = 28;

export const INK = "#18181b";
export const MUTED = "#71717a";
export const RULE = "#e4e4e7";
export const BRAND = "#1d53f1";
export const BRAND_LIGHT = "#dbe6ff";
export const GOOD = "#059669";
export const BAD = "#dc2626";

export type Pdf = PDFKit.PDFDocument & { unicodeFonts: boolean };

export function createPdf(info: { title: string; subject: string; footer: string }): Pdf {
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    info: { Title: info.title, Subject: info.subject, Author: "Momentum", Creator: "Momentum" },
  }) as Pdf;
  const font = unicodeFont();
  doc.unicodeFonts = font !== null;
  if (font) {
    doc.registerFont("Body", font);
    doc.font("Body");
  }
  let page = 1;
  const footer = () => {
    // Writing below the bottom margin would open a new page: lift the margin while drawing.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = A4.height - MARGIN + 10;
    doc.fontSize(7.5).fillColor(MUTED);
    doc.text(safe(doc, info.footer), MARGIN, y, { width: CONTENT_WIDTH - 60, lineBreak: false });
    doc.text(`Page ${page}`, MARGIN, y, { width: CONTENT_WIDTH, align: "right", lineBreak: false });
    doc.page.margins.bottom = bottom;
    doc.x = MARGIN;
    doc.y = MARGIN;
    page += 1;
  };
  footer();
  doc.on("pageAdded", footer);
  return doc;
}

/** Without the Unicode font, characters Helvetica cannot draw become "?" instead of garbage. */
export function safe(doc: Pdf, text: string): string {
  if (doc.unicodeFonts) return text;
  return text
    .replace(/[\u202f\u00a0]/g, " ")
    .replace(/[^\x20-\x7e\u00a0-\u00ff\u20ac\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026]/g, "?");
}

/** Starts a new page when fewer than `height` points are left above the footer. */
export function ensureSpace(doc: Pdf, height: number): void {
  if (doc.y + height > A4.height - MARGIN - FOOTER_SPACE) doc.addPage();
}

export function heading(doc: Pdf, title: string, note?: string): void {
  ensureSpace(doc, 80);
  doc.moveDown(1.2);
  doc.x = MARGIN;
  doc.fontSize(13).fillColor(INK).text(safe(doc, title), { width: CONTENT_WIDTH });
  if (note) doc.moveDown(0.15).fontSize(8).fillColor(MUTED).text(safe(doc, note), { width: CONTENT_WIDTH });
  doc.moveDown(0.5);
}

function fit(doc: Pdf, text: string, width: number): string {
  const s = safe(doc, text);
  if (doc.widthOfString(s) <= width) return s;
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (doc.widthOfString(s.slice(0, mid) + "…") <= width) lo = mid;
    else hi = mid - 1;
  }
  return s.slice(0, lo) + "…";
}

export type KpiCard = { label: string; value: string; note?: string | null; tone?: "good" | "bad" | "neutral"; extra?: string | null };

/** Cards in rows of three: label, value, and the change against the previous period. */
export function kpiCards(doc: Pdf, cards: KpiCard[]): void {
  const gap = 10;
  const width = (CONTENT_WIDTH - 2 * gap) / 3;
  const height = 64;
  for (let i = 0; i < cards.length; i += 3) {
    ensureSpace(doc, height + gap);
    const top = doc.y;
    cards.slice(i, i + 3).forEach((card, j) => {
      const x = MARGIN + j * (width + gap);
      doc.roundedRect(x, top, width, height, 5).lineWidth(0.75).strokeColor(RULE).stroke();
      doc
        .fontSize(7.5)
        .fillColor(MUTED)
        .text(fit(doc, card.label.toUpperCase(), width - 20), x + 10, top + 9, { lineBreak: false });
      doc
        .fontSize(15)
        .fillColor(INK)
        .text(fit(doc, card.value, width - 20), x + 10, top + 21, { lineBreak: false });
      const color = card.tone === "good" ? GOOD : card.tone === "bad" ? BAD : MUTED;
      if (card.note)
        doc
          .fontSize(7.5)
          .fillColor(color)
          .text(fit(doc, card.note, width - 20), x + 10, top + 42, { lineBreak: false });
      if (card.extra)
        doc
          .fontSize(7)
          .fillColor(MUTED)
          .text(fit(doc, card.extra, width - 20), x + 10, top + 52, { lineBreak: false });
    });
    doc.x = MARGIN;
    doc.y = top + height + gap;
  }
}

export type TableColumn = { header: string; width: number; align?: "left" | "right" };
/** A cell of the bar column: the share (0–1) of the widest bar. */
export type TableRow = { cells: string[]; bar?: number };

/**
 * A simple table: a muted header (repeated after a page break), hairlines between rows, text cut
 * with "…" to its column. A column with header "" and a row `bar` draws a horizontal bar there.
 */
export function table(doc: Pdf, columns: TableColumn[], rows: TableRow[]): void {
  const rowHeight = 17;
  const scale = CONTENT_WIDTH / columns.reduce((w, c) => w + c.width, 0);
  const widths = columns.map((c) => c.width * scale);
  const drawHeader = () => {
    const y = doc.y;
    let x = MARGIN;
    doc.fontSize(7.5).fillColor(MUTED);
    columns.forEach((c, i) => {
      doc.text(fit(doc, c.header.toUpperCase(), widths[i]! - 6), x + 3, y + 4, {
        width: widths[i]! - 6,
        align: c.align ?? "left",
        lineBreak: false,
      });
      x += widths[i]!;
    });
    doc
      .moveTo(MARGIN, y + rowHeight)
      .lineTo(MARGIN + CONTENT_WIDTH, y + rowHeight)
      .lineWidth(0.75)
      .strokeColor(RULE)
      .stroke();
    doc.y = y + rowHeight;
  };
  ensureSpace(doc, rowHeight * 3);
  drawHeader();
  for (const row of rows) {
    if (doc.y + rowHeight > A4.height - MARGIN - FOOTER_SPACE) {
      doc.addPage();
      drawHeader();
    }
    const y = doc.y;
    let x = MARGIN;
    doc.fontSize(8.5).fillColor(INK);
    columns.forEach((c, i) => {
      const w = widths[i]!;
      if (c.header === "" && row.bar !== undefined) {
        doc
          .rect(x + 3, y + 5, w - 6, rowHeight - 10)
          .fillColor(BRAND_LIGHT)
          .fill();
        if (row.bar > 0)
          doc
            .rect(x + 3, y + 5, Math.max(1, (w - 6) * Math.min(1, row.bar)), rowHeight - 10)
            .fillColor(BRAND)
            .fill();
        doc.fillColor(INK);
      } else {
        doc.text(fit(doc, row.cells[i] ?? "", w - 6), x + 3, y + 5, { width: w - 6, align: c.align ?? "left", lineBreak: false });
      }
      x += w;
    });
    doc
      .moveTo(MARGIN, y + rowHeight)
      .lineTo(MARGIN + CONTENT_WIDTH, y + rowHeight)
      .lineWidth(0.4)
      .strokeColor(RULE)
      .stroke();
    doc.y = y + rowHeight;
  }
  doc.x = MARGIN;
}

export function paragraph(doc: Pdf, text: string, options: { size?: number; color?: string } = {}): void {
  doc.x = MARGIN;
  doc
    .fontSize(options.size ?? 8.5)
    .fillColor(options.color ?? MUTED)
    .text(safe(doc, text), { width: CONTENT_WIDTH });
}
