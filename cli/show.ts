// `mx-lookup show <id>`: an entry as its card reads, for editors reviewing content in a terminal.
import type { GuidanceIndex } from '../core/index/types';
import { CliError } from './default-index';

function wrap(text: string, width = 90, indent = ''): string {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if ((line + ' ' + word).trim().length > width) {
      lines.push(line);
      line = word;
    } else line = (line + ' ' + word).trim();
  }
  if (line) lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : indent + l)).join('\n');
}

export function showEntry(index: GuidanceIndex, id: string, lang: string): string {
  const entry = index.entries.find((e) => e.id === id);
  if (!entry) throw new CliError(`no entry "${id}"`);
  const pick = <T>(m: Record<string, T>) => m[lang] ?? m.en;
  const out: string[] = [];
  out.push(`┌ ${pick(entry.title)}   [${entry.id} · ${entry.category}]`);
  out.push(`│ ${wrap(pick(entry.summary) ?? '', 88, '│ ')}`);
  const points = entry.keyPoints[lang] ?? entry.keyPoints.en ?? [];
  for (const p of points) out.push(`│  • ${wrap(p, 85, '│    ')}`);
  const terms = entry.terms.filter((t) => t.lang === lang || lang === 'en').map((t) => `${t.text}${t.caseSensitive ? '*' : ''} (${t.lang} ${t.kind})`);
  out.push(`│ terms: ${wrap(terms.join(', '), 82, '│        ')}`);
  if (entry.codes.length) out.push(`│ codes: ${entry.codes.map((c) => `${c.system} ${c.code}`).join(', ')}`);
  if (entry.related.length) out.push(`│ related: ${entry.related.join(', ')}`);
  for (const s of entry.sources) out.push(`│ source: ${wrap(`${s.publisher}, ${s.title}${s.version ? ` (${s.version})` : ''}, ${s.date}, §${s.section} — ${s.url}`, 80, '│         ')}`);
  out.push(`└ reviewed ${entry.reviewed} · supports, does not replace, clinical judgement`);
  return `${out.join('\n')}\n`;
}
