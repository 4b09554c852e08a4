// The guidance card and the list of terms found in a sentence, as lit-html templates: they render
// in the extension's popover (a shadow root in the page), its popup and entry page, and the widget.
import { html, nothing, type TemplateResult } from 'lit-html';
import type { Entry, SourceRef } from '../core/index/types';
import type { Hit } from '../core/match/types';
import type { MeasuredValue } from '../core/note/measurements';
import { inlineMarkdown, isolateLtr } from './markdown';
import { directionOf, LANGUAGE_NAMES, stringsFor, type UiStrings } from './strings';

/** A title as text, its left-to-right runs isolated when it reads right to left. */
const isolated = (text: string | undefined, lang: string) => (directionOf(lang) === 'rtl' ? isolateLtr(text ?? '') : (text ?? ''));

export interface CardOptions {
  /** Language to show; falls back to English field by field. */
  lang: string;
  /**
   * The words of the page that matched, and the term they matched. For a selected word that is part
   * of a longer term, `before` and `after` are the rest of the term's words around the selection.
   */
  matched?: { text: string; term: string; before?: string; after?: string };
  /** Titles of the related entries that can be opened (others are not shown). */
  relatedTitles: Record<string, string>;
  onRelated?: (id: string) => void;
  onLanguage?: (lang: string) => void;
  onClose?: () => void;
  /** Other senses of an ambiguous selection. */
  otherSenses?: { id: string; title: string }[];
}

const pick = <T>(map: Record<string, T>, lang: string): [T | undefined, string] =>
  map[lang] !== undefined ? [map[lang], lang] : [map.en, 'en'];

function sourceLine(source: SourceRef): TemplateResult {
  const version = source.version ? ` (${source.version})` : '';
  return html`<li>
    <a href=${source.url} target="_blank" rel="noopener noreferrer">${source.publisher}, ${source.title}${version}</a>,
    ${source.date}. <span class="mx-section">${source.section}</span>
  </li>`;
}

export function cardTemplate(entry: Entry, options: CardOptions): TemplateResult {
  const s = stringsFor(options.lang);
  const [title, titleLang] = pick(entry.title, options.lang);
  const [summary, summaryLang] = pick(entry.summary, options.lang);
  const [points, pointsLang] = pick(entry.keyPoints, options.lang);
  const languages = Object.keys(entry.summary).filter((l) => entry.title[l]);
  const related = entry.related.filter((id) => options.relatedTitles[id]);
  const headingId = `mx-title-${entry.id}`;
  const reviewedIn = summaryLang === 'en' || Boolean(entry.translationReviews?.[summaryLang]);
  return html`<article class="mx-card" data-entry-id=${entry.id} aria-labelledby=${headingId} lang=${options.lang} dir=${directionOf(options.lang)}>
    <header class="mx-head">
      <h2 id=${headingId} lang=${titleLang} dir=${directionOf(titleLang)}>${isolated(title, titleLang)}</h2>
      ${options.onClose
        ? html`<button class="mx-icon" type="button" aria-label=${s.close} title=${s.close} @click=${options.onClose}>×</button>`
        : nothing}
    </header>
    ${options.matched
      ? matchedTemplate(options.matched, s.matched)
      : nothing}
    ${languages.length > 1 && options.onLanguage
      ? html`<div class="mx-langs" role="group" aria-label=${s.language}>
          ${languages.map(
            (l) => html`<button type="button" lang=${l} aria-pressed=${l === summaryLang ? 'true' : 'false'} @click=${() => options.onLanguage?.(l)}>
              ${LANGUAGE_NAMES[l] ?? l}
            </button>`,
          )}
        </div>`
      : nothing}
    ${reviewedIn
      ? nothing
      : html`<p class="mx-unreviewed" data-mx-unreviewed lang=${summaryLang} dir=${directionOf(summaryLang)}>${stringsFor(summaryLang).unreviewedTranslation}</p>`}
    <p class="mx-summary" lang=${summaryLang} dir=${directionOf(summaryLang)}>${inlineMarkdown(summary ?? '', directionOf(summaryLang))}</p>
    ${points && points.length > 0
      ? html`<h3>${s.keyPoints}</h3>
          <ul class="mx-points" lang=${pointsLang} dir=${directionOf(pointsLang)}>
            ${points.map((p) => html`<li>${inlineMarkdown(p, directionOf(pointsLang))}</li>`)}
          </ul>`
      : nothing}
    ${options.otherSenses && options.otherSenses.length > 0
      ? html`<h3>${s.otherMatches}</h3>
          <ul class="mx-links">
            ${options.otherSenses.map((o) => html`<li><button type="button" class="mx-link" data-related-id=${o.id} @click=${() => options.onRelated?.(o.id)}>${o.title}</button></li>`)}
          </ul>`
      : nothing}
    ${related.length > 0 && options.onRelated
      ? html`<h3>${s.related}</h3>
          <ul class="mx-links">
            ${related.map((id) => html`<li><button type="button" class="mx-link" data-related-id=${id} @click=${() => options.onRelated?.(id)}>${options.relatedTitles[id]}</button></li>`)}
          </ul>`
      : nothing}
    <footer class="mx-foot">
      <h3>${s.source}</h3>
      <ul class="mx-sources">${entry.sources.map(sourceLine)}</ul>
      <p class="mx-reviewed">${s.reviewed}: <time datetime=${entry.reviewed}>${entry.reviewed}</time></p>
      <p class="mx-disclaimer">${s.disclaimer}</p>
    </footer>
  </article>`;
}

export interface TermListOptions {
  lang: string;
  text: string;
  onOpen: (id: string) => void;
  onClose?: () => void;
}

function matchedTemplate(matched: NonNullable<CardOptions['matched']>, label: string): TemplateResult {
  const { before = '', text, after = '', term } = matched;
  const whole = `${before}${text}${after}`;
  return html`<p class="mx-matched">${label}: <span class="mx-found" data-mx-found>${before}<mark>${text}</mark>${after}</span>${term.toLowerCase() !== whole.toLowerCase()
      ? html` → ${term}`
      : nothing}</p>`;
}

/**
 * Every term found in a sentence; each opens its card. The patient's present findings come first,
 * in text order; then the others, each saying how the note asserts it ("no fever", "history:
 * tuberculosis"). A measurement shows the threshold it met and who sets it.
 */
export function termListTemplate(hits: Hit[], entries: Record<string, Entry>, options: TermListOptions): TemplateResult {
  const s = stringsFor(options.lang);
  const present = hits.filter((h) => (h.assertion ?? 'present') === 'present');
  const others = hits.filter((h) => (h.assertion ?? 'present') !== 'present');
  return html`<section class="mx-list" aria-labelledby="mx-found" lang=${options.lang} dir=${directionOf(options.lang)}>
    <header class="mx-head">
      <h2 id="mx-found">${s.foundTerms} (${hits.length})</h2>
      ${options.onClose
        ? html`<button class="mx-icon" type="button" aria-label=${s.close} title=${s.close} @click=${options.onClose}>×</button>`
        : nothing}
    </header>
    <ul class="mx-links">
      ${[...present, ...others].map((hit) => {
        const entry = entries[hit.id];
        const title = (entry ? (entry.title[options.lang] ?? entry.title.en) : undefined) ?? hit.id;
        const assertion = hit.assertion ?? 'present';
        return html`<li>
          <button type="button" class="mx-term" data-entry-id=${hit.id} data-assertion=${assertion} @click=${() => options.onOpen(hit.id)}>
            <mark>${options.text.slice(hit.start, hit.end)}</mark>
            <span>${assertion === 'present' ? title : s.asserted[assertion].replace('{t}', lowerFirst(title))}</span>
            ${hit.value ? html`<small class="mx-value">${valueText(hit.value, s)}</small>` : nothing}
          </button>
        </li>`;
      })}
    </ul>
    <p class="mx-disclaimer">${s.disclaimer}</p>
  </section>`;
}

/** "Fever" → "fever" (a name in capitals, "COVID-19", stays). */
function lowerFirst(title: string): string {
  return /^\p{Lu}\p{Ll}/u.test(title) ? `${title.charAt(0).toLowerCase()}${title.slice(1)}` : title;
}

/** "below 90% · WHO 2023": the threshold a measurement met, and who sets it. */
export function valueText(value: MeasuredValue, s: UiStrings): string {
  const unit = value.unit === 'years' ? ` ${s.years}` : value.unit === 'weeks' ? ` ${s.weeks}` : value.unit === '%' ? '%' : ` ${value.unit}`;
  return `${s.thresholdOps[value.threshold.op]} ${value.threshold.value}${unit}${value.source ? ` · ${value.source}` : ''}`;
}
