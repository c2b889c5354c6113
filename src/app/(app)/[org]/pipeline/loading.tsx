import { LoadingScreen, Skeleton } from "@/components/ui/skeleton";

/** The board's shape while it loads: a header and four columns of cards. */
export default function PipelineLoading() {
  return (
    <LoadingScreen label="Loading the pipeline…" title="w-40" description="w-96">
      <div className="grid auto-cols-[minmax(15rem,1fr)] grid-flow-col gap-3 overflow-hidden">
        {Array.from({ length: 4 }, (_, column) => (
          <div
            key={column}
            className="space-y-2 rounded-xl border border-zinc-200 bg-zinc-50/80 p-2 dark:border-zinc-800 dark:bg-zinc-900/40"
          >
            <div className="space-y-2 px-1 py-1.5">
              <Skeleton className="h-4 w-24" />
              <Skeleton className="h-3 w-32" />
            </div>
            {Array.from({ length: 4 - (column % 2) }, (_, card) => (
              <Skeleton key={card} className="h-24 w-full rounded-lg" />
            ))}
          </div>
        ))}
      </div>
    </LoadingScreen>
  );
}
