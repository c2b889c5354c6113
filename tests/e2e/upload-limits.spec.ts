import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";

import { expect, type Page, test } from "@playwright/test";

import { withAppDb } from "./support/app-db";
import { signIn } from "./support/auth";

/**
 * The advertised 20 MB import limit holds end to end on the production server: a 15 MB file is
 * read (it failed with a 500 when the proxy buffered only Next's default 10 MB of a body), a 21 MB
 * one is refused with the limit in words and nothing stored — by the form before sending, and by
 * the server from the request's Content-Length when a client sends it anyway. Foodtruck Fiesta's
 * admin uploads here, so no other spec's import history sees these files.
 */
const ORG = "foodtruck-fiesta";
const ADMIN = "nanna@foodtruck.demo";
const MiB = 1024 * 1024;
const TOO_LARGE = /That file is 21(\.\d)? MB; the limit is 20 MB/;

test.describe.configure({ mode: "serial" });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "momentum-upload-limits-"));
const files = { ok: path.join(dir, "upload-limits-15mb.csv"), big: path.join(dir, "upload-limits-21mb.csv") };
const session = path.join(dir, "session.json");
test.use({ storageState: session });

/** A valid CSV of about `bytes` bytes (rows of ~100 bytes: well under the 200 000-row limit). */
function writeCsv(file: string, bytes: number) {
  const lines = ["title,contact,stage,value,notes"];
  let size = lines[0]!.length + 1;
  for (let i = 1; size < bytes; i++) {
    const line = `Upload limits deal ${i},Upload Limits Company ${i},Prospect,${1000 + (i % 500)},Padding so that rows are about a hundred bytes`;
    lines.push(line);
    size += line.length + 1;
  }
  fs.writeFileSync(file, lines.join("\n") + "\n");
}

test.beforeAll(async ({ browser }, testInfo) => {
  writeCsv(files.ok, 15 * MiB);
  writeCsv(files.big, 21 * MiB);
  // One sign-in for the file, whose session every test starts with.
  const page = await browser.newPage({ baseURL: testInfo.project.use.baseURL, storageState: { cookies: [], origins: [] } });
  await signIn(page, ADMIN);
  await page.context().storageState({ path: session });
  await page.close();
});

test.afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function storedImports(fileName: string): Promise<number> {
  return withAppDb(async (sql) => {
    const [row] = await sql<{ n: number }[]>`select count(*)::int as n from imports where file_name = ${fileName}`;
    return row!.n;
  });
}

/** Counts the server-action POSTs the page sends. */
function countActionPosts(page: Page) {
  const sent = { count: 0 };
  page.on("request", (r) => {
    if (r.method() === "POST" && r.headers()["next-action"] !== undefined) sent.count++;
  });
  return sent;
}

async function openUpload(page: Page) {
  await page.goto(`/${ORG}/import`);
  await expect(page.getByRole("heading", { level: 1, name: "Import deals" })).toBeVisible();
  await expect(page.getByText("up to 20 MB")).toBeVisible();
}

test("a 15 MB CSV is uploaded and reaches the mapping step", async ({ page }) => {
  test.slow(); // 15 MB through the browser, the proxy and the parser on a shared 2-core box
  await openUpload(page);
  await page.getByLabel("Choose a CSV file or drop it here").setInputFiles(files.ok);
  await expect(page.getByText(/^15(\.\d)? MB$/)).toBeVisible();
  await page.getByRole("button", { name: "Upload and map columns" }).click();

  await expect(page).toHaveURL(new RegExp(`/${ORG}/import/[0-9a-f-]{36}$`), { timeout: 60_000 });
  await expect(page.getByRole("heading", { level: 1, name: "upload-limits-15mb.csv" })).toBeVisible({ timeout: 20_000 });
  expect(await storedImports("upload-limits-15mb.csv")).toBe(1);

  // Leave the demo as it was: the draft (and its 15 MB source) goes.
  await page.getByRole("button", { name: "Discard" }).click();
  await expect(page).toHaveURL(new RegExp(`/${ORG}/import$`), { timeout: 20_000 });
  await expect.poll(() => storedImports("upload-limits-15mb.csv")).toBe(0);
});

test("a 21 MB CSV is refused in the form, before any request, and nothing is stored", async ({ page }) => {
  await openUpload(page);
  const sent = countActionPosts(page);
  await page.getByLabel("Choose a CSV file or drop it here").setInputFiles(files.big);
  await expect(page.getByText(TOO_LARGE)).toBeVisible();
  // The refused file was not kept: submitting asks for a file instead of sending one.
  await page.getByRole("button", { name: "Upload and map columns" }).click();
  await expect(page.getByText("Choose a CSV file to upload")).toBeVisible();
  expect(sent.count).toBe(0);
  expect(await storedImports("upload-limits-21mb.csv")).toBe(0);
});

test("a 21 MB upload sent anyway is refused by the server from its Content-Length, and the form says why", async ({ page }) => {
  test.slow();
  await openUpload(page);
  // The browser's own check is passed with a small file; on its way the request's file part
  // becomes 21 MB, as a client without that check (or an outdated page) would send it.
  const big = fs.readFileSync(files.big);
  const answers: { status: number; type: string | undefined; body: string }[] = [];
  await page.route(`**/${ORG}/import`, async (route) => {
    const request = route.request();
    if (request.method() !== "POST" || request.headers()["next-action"] === undefined) return route.fallback();
    const body = request.postDataBuffer()!;
    const at = body.indexOf("small-upload-limits deal 1");
    const grown = Buffer.concat([body.subarray(0, at), big, body.subarray(at)]);
    const response = await route.fetch({ postData: grown });
    answers.push({ status: response.status(), type: response.headers()["content-type"], body: await response.text() });
    await route.fulfill({ response });
  });
  await page.getByLabel("Choose a CSV file or drop it here").setInputFiles({
    name: "upload-limits-21mb.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("title,contact\nsmall-upload-limits deal 1,Small Company\n"),
  });
  await page.getByRole("button", { name: "Upload and map columns" }).click();

  await expect(page.getByText(/larger than the 20 MB limit/)).toBeVisible({ timeout: 30_000 });
  expect(answers).toHaveLength(1);
  expect(answers[0]).toMatchObject({ status: 413, type: "text/plain" });
  await expect(page).toHaveURL(new RegExp(`/${ORG}/import$`));
  expect(await storedImports("upload-limits-21mb.csv")).toBe(0);
});

test("an over-limit upload is answered from its Content-Length, before its body is sent", async ({ baseURL }) => {
  // The headers and 64 KB of a body announced as 22 MB: the refusal must not wait for the rest.
  const request = http.request(new URL(`/${ORG}/import`, baseURL), {
    method: "POST",
    headers: { "Content-Type": "multipart/form-data; boundary=x", "Content-Length": String(22 * MiB), "Next-Action": "0" },
  });
  const answer = await new Promise<{ status: number; type: string | undefined; body: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no answer within 10 s while the body was held back")), 10_000);
    request.on("error", reject);
    request.on("response", (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode!, type: res.headers["content-type"], body });
      });
    });
    request.write(Buffer.alloc(64 * 1024, "a"));
  }).finally(() => request.destroy());
  expect(answer).toEqual({ status: 413, type: "text/plain", body: expect.stringMatching(/larger than the 20 MB limit/) });
});
