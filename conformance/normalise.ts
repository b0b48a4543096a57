// The only rewriting the conformance comparison does: IDs, digests, pointers, times, sizes and column padding become placeholders.
// Everything else (wording, exit codes, order, addresses, names) must match as printed.

const RULES: [RegExp, string][] = [
  // digests and IDs: sha256:<64 hex>, full 64-hex IDs, 12-hex short IDs (container, image, network, volume)
  [/sha256:[0-9a-f]{64}/g, '<DIGEST>'],
  [/\b[0-9a-f]{64}\b/g, '<ID>'],
  [/\b[0-9a-f]{12}\b/g, '<ID>'],
  // Go heap addresses: a pointer inside a printed struct (`map[bridge:0xc0004c4000]`) differs on every run
  [/\b0xc[0-9a-f]{9}\b/g, '<PTR>'],
  // times: RFC 3339 stamps, Go's time.String(), ctime (iptables-save comments), human durations
  [/\b\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)/g, '<TIME>'],
  [/\b\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)? [+-]\d{4} \w+/g, '<TIME>'],
  [/\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d+ \d\d:\d\d:\d\d \d{4}/g, '<TIME>'],
  [/\b(About an? (second|minute|hour)|Less than a second|\d+ (seconds?|minutes?|hours?|days?|weeks?|months?|years?))\b/g, '<DUR>'],
  // sizes as docker prints them (units.HumanSize / BytesSize)
  [/\b\d+(\.\d+)?(B|kB|KB|MB|GB|TB|KiB|MiB|GiB|TiB)\b/g, '<SIZE>'],
];

/** The comparable form of one output stream. */
export function normalise(text: string): string {
  let t = text;
  for (const [re, to] of RULES) t = t.replace(re, to);
  // column padding: runs of spaces inside table rows collapse, trailing blanks go
  return t
    .split('\n')
    .map((l) => l.replace(/ {2,}/g, '  ').replace(/[ \t]+$/, ''))
    .join('\n');
}
