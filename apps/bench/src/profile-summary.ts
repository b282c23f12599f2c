// Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time by function and by package, heaviest first.
// Usage: node src/profile-summary.ts <file.cpuprofile> [top=25]
import { readFile } from "node:fs/promises";

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
  readonly startTime: number;
  readonly endTime: number;
}

/** Where a script URL comes from: the package (`zod`, `@keypolicy/core`), `node:` internals, or the file. */
export function packageOf(url: string): string {
  if (url === "") return "(native / vm)";
  if (url.startsWith("node:")) return "node: internals";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules)/.exec(url);
  if (pkg?.[1]) return pkg[1];
  const local = /\/packages\/([^/]+)\//.exec(url);
  return local?.[1] ? `@keypolicy/${local[1]}` : url.replace(/^file:\/\//, "");
}

/** Self time (µs) per function and per package. */
export function summarise(profile: Profile): {
  totalUs: number;
  byFunction: [string, number][];
  byPackage: [string, number][];
} {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const fn = new Map<string, number>();
  const pkg = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const dt = profile.timeDeltas[i] ?? 0;
    if (!node) return;
    const { functionName, url, lineNumber } = node.callFrame;
    const name = `${functionName || "(anonymous)"} ${packageOf(url)}${url ? `:${lineNumber + 1}` : ""}`;
    fn.set(name, (fn.get(name) ?? 0) + dt);
    const p =
      functionName === "(idle)" || functionName === "(garbage collector)" || functionName === "(program)"
        ? functionName
        : packageOf(url);
    pkg.set(p, (pkg.get(p) ?? 0) + dt);
  });
  const sorted = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]);
  return { totalUs: profile.endTime - profile.startTime, byFunction: sorted(fn), byPackage: sorted(pkg) };
}

if (import.meta.main) {
  const [file, topArg] = process.argv.slice(2);
  if (!file) {
    process.stderr.write("usage: node src/profile-summary.ts <file.cpuprofile> [top]\n");
    process.exit(2);
  }
  const top = Number(topArg ?? 25);
  const { totalUs, byFunction, byPackage } = summarise(JSON.parse(await readFile(file, "utf8")) as Profile);
  const pct = (us: number) =>
    `${((100 * us) / totalUs).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(1).padStart(8)} ms`;
  process.stdout.write(`total ${(totalUs / 1000).toFixed(1)} ms\n\nby package (self time)\n`);
  for (const [name, us] of byPackage.slice(0, top)) process.stdout.write(`${pct(us)}  ${name}\n`);
  process.stdout.write("\nby function (self time)\n");
  for (const [name, us] of byFunction.slice(0, top)) process.stdout.write(`${pct(us)}  ${name}\n`);
}
