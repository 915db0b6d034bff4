// "Did you mean": the closest candidate by edit distance, if it is close enough to be a typo.
export function editDistance(a: string, b: string): number {
  return boundedDistance(a, b, Infinity);
}

/**
 * The edit distance of `a` and `b`, or any number above `bound` as soon as it must exceed it (a
 * whole row of the table above it): thousands of unknown names against thousands of candidates
 * (each with a did-you-mean) stay cheap, since most candidates are ruled out in a row or two.
 */
function boundedDistance(a: string, b: string, bound: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > bound) return bound + 1;
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0]!;
    prev[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j]!;
      const d = Math.min(above + 1, prev[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev[j] = d;
      if (d < rowMin) rowMin = d;
      diagonal = above;
    }
    if (rowMin > bound) return bound + 1;
  }
  return prev[b.length]!;
}

export function suggest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  const limit = Math.max(1, Math.floor(name.length / 3));
  let bestScore = limit + 1;
  const lower = name.toLowerCase();
  for (const c of candidates) {
    // Only a closer candidate than the best so far matters: the bound shrinks as they are found.
    const d = boundedDistance(lower, c.toLowerCase(), bestScore - 1);
    if (d < bestScore) {
      best = c;
      bestScore = d;
      if (d === 0) break;
    }
  }
  return best;
}

export function didYouMean(name: string, candidates: Iterable<string>): string[] {
  const s = suggest(name, candidates);
  return s ? [`did you mean \`${s}\`?`] : [];
}
