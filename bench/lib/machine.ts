import os from "node:os";

import type postgres from "postgres";

export type Machine = {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  postgres: string;
  sharedBuffers: string;
  os: string;
  /** 1/5/15-minute load averages when the run started: > cpus means the figures are noisy. */
  loadAverageAtStart: number[];
};

export async function describeMachine(sql: postgres.Sql): Promise<Machine> {
  const [{ version }] = await sql`select version()`;
  const [{ shared_buffers: sharedBuffers }] = await sql`show shared_buffers`;
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    postgres: String(version).split(",")[0]!,
    sharedBuffers,
    os: `${os.type()} ${os.release()}`,
    loadAverageAtStart: os.loadavg().map((n) => Math.round(n * 100) / 100),
  };
}

export const loadAverageNow = () => Math.round(os.loadavg()[0]! * 100) / 100;
