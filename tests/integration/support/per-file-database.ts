import crypto from "node:crypto";

import postgres from "postgres";
import { afterAll, beforeAll, inject } from "vitest";

import { connectDatabase, disconnectDatabase } from "../../../src/db/client";
import { TEMPLATE_DB, withDatabase } from "./global-setup";

/** Each test file gets a private database cloned from the migrated template, so files run in parallel. */
const name = `test_${crypto.randomBytes(6).toString("hex")}`;
const adminUrl = inject("pgAdminUrl");

beforeAll(async () => {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name} template ${TEMPLATE_DB}`);
  await admin.end();
  connectDatabase(withDatabase(adminUrl, name), { max: 12 });
});

afterAll(async () => {
  await disconnectDatabase();
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
});
