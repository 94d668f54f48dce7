/** Median wall-clock time of repeated runs in one process, after a warm-up. */
export function medianMs(run: () => unknown, repeats: number, warmup = 3): number {
  for (let i = 0; i < warmup; i++) run();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = process.hrtime.bigint();
    run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return Number((times[Math.floor(times.length / 2)] ?? NaN).toFixed(3));
}
