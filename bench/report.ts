import { formatNumber, formatRatio, formatTarget, metTarget, ratioOf, type Figure } from './figures';

/** The figures as a Markdown table: one line per figure, the ratio and whether it meets its target. */
export function markdownTable(figures: readonly Figure[]): string {
  const header = ['section', 'store', 'what', 'hub', 'against', 'that', 'ratio', 'target', ''];
  const rows = figures.map((f) => [
    f.section,
    f.store,
    f.what,
    `${formatNumber(f.value)} ${f.unit}`,
    f.against,
    `${formatNumber(f.baseline)} ${f.unit}`,
    formatRatio(f),
    formatTarget(f),
    metTarget(f) === null ? '' : metTarget(f) ? 'met' : 'MISSED',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

const escapeXml = (s: string): string => s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] as string);

/**
 * A bar chart of the ratios as SVG: one bar per figure on a logarithmic axis (1× is the
 * comparison), the target as a tick, bars that meet their target in green, the others in red,
 * figures without a target in grey.
 */
export function svgChart(figures: readonly Figure[], title: string): string {
  const rowH = 22;
  const labelW = 470;
  const plotW = 420;
  const top = 40;
  const min = 0.01;
  const max = 1000;
  const x = (r: number) => labelW + (Math.log10(Math.min(max, Math.max(min, r))) - Math.log10(min)) * (plotW / (Math.log10(max) - Math.log10(min)));
  const height = top + figures.length * rowH + 40;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${labelW + plotW + 120}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="10" y="20" font-size="14" font-weight="bold">${escapeXml(title)}</text>`,
  ];
  for (const tick of [0.01, 0.1, 0.3, 1, 10, 100, 1000]) {
    parts.push(`<line x1="${x(tick)}" y1="${top - 6}" x2="${x(tick)}" y2="${height - 30}" stroke="${tick === 1 ? '#333' : '#ddd'}"/>`);
    parts.push(`<text x="${x(tick)}" y="${height - 14}" text-anchor="middle" fill="#555">${tick >= 1 ? `${tick}×` : `${tick * 100} %`}</text>`);
  }
  figures.forEach((f, i) => {
    const y = top + i * rowH;
    const r = ratioOf(f);
    const met = metTarget(f);
    const colour = met === null ? '#999' : met ? '#2e7d32' : '#c62828';
    parts.push(`<text x="${labelW - 8}" y="${y + 14}" text-anchor="end">${escapeXml(`${f.store} · ${f.what} vs ${f.against}`)}</text>`);
    parts.push(`<rect x="${x(min)}" y="${y + 4}" width="${Math.max(1, x(r) - x(min))}" height="${rowH - 8}" fill="${colour}"/>`);
    if (f.target !== undefined) parts.push(`<line x1="${x(f.target)}" y1="${y + 1}" x2="${x(f.target)}" y2="${y + rowH - 1}" stroke="black" stroke-width="2"/>`);
    parts.push(`<text x="${x(r) + 4}" y="${y + 14}">${escapeXml(formatRatio(f))}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}
