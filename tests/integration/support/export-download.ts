import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { runAs } from "../../../src/server/actor";
import type { OrgRouteParams } from "../../../src/server/exports/respond";

type Handler = (request: Request, route: OrgRouteParams & { params: Promise<Record<string, string>> }) => Promise<Response>;

/**
 * Calls an export route handler exactly as Next would for a signed-in user (runAs stands in for the
 * session cookie). The body is read outside runAs, as the client reads it after the handler returned.
 */
export function download(handler: Handler, userId: string | null, path: string, params: Record<string, string>): Promise<Response> {
  const call = () => handler(new Request(`http://momentum.test${path}`), { params: Promise.resolve(params) as OrgRouteParams["params"] });
  return userId ? runAs({ userId }, call) : call();
}

/** The CSV's bytes as records (the BOM checked and stripped), header row first. */
export async function csvRecords(response: Response, delimiter = ";"): Promise<string[][]> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (!(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)) throw new Error("CSV has no UTF-8 byte-order mark");
  const text = new TextDecoder().decode(bytes.subarray(3));
  return parse(text, { delimiter, relax_column_count: false }) as string[][];
}

export async function xlsxWorkbook(response: Response): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
  return workbook;
}
