// Runs once per server process before the first request is served (Next holds requests until
// register() resolves): start or reach PostgreSQL, migrate, seed the demo, start the job worker.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { bootApp } = await import("./server/boot-app");
  await bootApp();
}
