import fs from "node:fs";

/** The parts of a V8 .cpuprofile (CDP Profiler.Profile) we read. */
export type CpuProfile = {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
};

type Frame = CpuProfile["nodes"][number]["callFrame"];

/**
 * Server chunks bundle many packages per file, so a frame's file alone says little. When the
 * build wrote source maps the original path is looked up; otherwise the chunk's own name is used
 * (Turbopack names node_modules chunks after the package).
 */
function groupOf(frame: Frame, sources: (url: string, line: number, column: number) => string | null): string {
  if (!frame.url) return frame.functionName.startsWith("(") ? frame.functionName : "(native)";
  if (frame.url.startsWith("node:") || !frame.url.includes("/")) return "node (core)";
  const original = sources(frame.url, frame.lineNumber, frame.columnNumber) ?? frame.url;
  // Next's prebuilt server runtime bundles React's renderers: tell them apart, they are most of a page.
  if (/react-dom-server/.test(original)) return "react-dom/server (HTML)";
  if (/react-server-dom-[a-z]+-server/.test(original)) return "react-server (RSC payload)";
  if (/react-server-dom-[a-z]+-client/.test(original)) return "react-server client (RSC → HTML)";
  if (/\/react(-jsx-runtime)?\.|compiled\/react\//.test(original)) return "react";
  if (/node_modules\/next\/|webpack:\/\/next\//.test(frame.url + original)) return "next";
  const ours = /(?:\[project\]\/|\.\.\/)src\/(app|components|server|lib|db|actions)\/([^/.]+)?/.exec(original);
  if (ours) return `src/${ours[1]}${ours[2] && ours[1] !== "app" ? `/${ours[2]}` : ""}`;
  const nm = /node_modules[/_](@[^/_]+[/_][^/_]+|[^/_]+)/.exec(original.replace(/%40/g, "@"));
  if (nm) return nm[1]!.replace(/_/g, "/");
  return original.replace(/^.*\/\.next[^/]*\//, ".next/");
}

/** Self time (ms over the whole profile) by group, largest first. */
export function groupSelfTime(profile: CpuProfile): { name: string; ms: number }[] {
  const sources = sourceLookup();
  const byNode = selfTimeByNode(profile);
  const groups = new Map<string, number>();
  for (const node of profile.nodes) {
    const us = byNode.get(node.id) ?? 0;
    if (!us || node.callFrame.functionName === "(idle)") continue;
    const g = groupOf(node.callFrame, sources);
    groups.set(g, (groups.get(g) ?? 0) + us / 1000);
  }
  return [...groups].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
}

/** The functions with the most self time (ms over the whole profile). */
export function topFunctions(profile: CpuProfile, n: number): { name: string; ms: number }[] {
  const byNode = selfTimeByNode(profile);
  const fns = new Map<string, number>();
  for (const node of profile.nodes) {
    const us = byNode.get(node.id) ?? 0;
    const f = node.callFrame;
    if (!us || f.functionName === "(idle)") continue;
    const key = `${f.functionName || "(anonymous)"} ${f.url.replace(/^.*\//, "")}:${f.lineNumber + 1}`;
    fns.set(key, (fns.get(key) ?? 0) + us / 1000);
  }
  return [...fns]
    .map(([name, ms]) => ({ name, ms }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, n);
}

function selfTimeByNode(profile: CpuProfile): Map<number, number> {
  const byNode = new Map<number, number>();
  // timeDeltas[i] is the time since the previous sample: it belongs to the sample before it.
  for (let i = 1; i < profile.samples.length; i++) {
    const id = profile.samples[i - 1]!;
    byNode.set(id, (byNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  return byNode;
}

/**
 * Maps a bundled position back to its source path through the chunk's .map (when the build wrote
 * one), by the nearest preceding mapping on that line. Source maps are read lazily and cached.
 */
function sourceLookup(): (url: string, line: number, column: number) => string | null {
  const maps = new Map<string, { sources: string[]; lines: number[][][] } | null>();
  return (url, line, column) => {
    const file = url.startsWith("file://") ? new URL(url).pathname : url;
    if (!maps.has(file)) maps.set(file, readMap(`${file}.map`));
    const map = maps.get(file);
    const segments = map?.lines[line];
    if (!map || !segments?.length) return null;
    let best: number[] | undefined;
    for (const seg of segments) if (seg[0]! <= column && seg.length >= 2) best = seg;
    return best ? (map.sources[best[1]!] ?? null) : null;
  };
}

function readMap(file: string): { sources: string[]; lines: number[][][] } | null {
  if (!fs.existsSync(file)) return null;
  try {
    const raw = JSON.parse(fs.readFileSync(file, "utf8")) as {
      sources?: string[];
      mappings?: string;
      sections?: { offset: { line: number; column: number }; map: { sources: string[]; mappings: string } }[];
    };
    // Index maps (Turbopack writes them): one section per module, each starting at an offset.
    if (raw.sections) {
      const sources: string[] = [];
      const lines: number[][][] = [];
      for (const s of raw.sections) {
        const base = sources.length;
        sources.push(...s.map.sources);
        decode(s.map.mappings).forEach((segs, i) => {
          const at = s.offset.line + i;
          lines[at] ??= [];
          for (const seg of segs)
            lines[at]!.push([seg[0]! + (i === 0 ? s.offset.column : 0), ...(seg.length >= 2 ? [seg[1]! + base] : [])]);
        });
      }
      return { sources, lines };
    }
    return { sources: raw.sources ?? [], lines: decode(raw.mappings ?? "") };
  } catch {
    return null;
  }
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Source map v3 VLQ mappings → per line, segments [generated column, source index] (absolute). */
function decode(mappings: string): number[][][] {
  const lines: number[][][] = [];
  let source = 0;
  for (const line of mappings.split(";")) {
    let column = 0;
    const segs: number[][] = [];
    for (const seg of line.split(",")) {
      if (!seg) continue;
      const values: number[] = [];
      let value = 0;
      let shift = 0;
      for (const ch of seg) {
        const digit = B64.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >> 1) : value >> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0] ?? 0;
      if (values.length >= 2) {
        source += values[1]!;
        segs.push([column, source]);
      } else segs.push([column]);
    }
    lines.push(segs);
  }
  return lines;
}
