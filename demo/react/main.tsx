// A hospital's React app using <mx-lookup> as an npm package: React 19 passes the props below to
// the element as properties (index, lang, placeholder, mode) and listens to its events by name
// (onmx-lookup-ready, onmx-lookup-open); what the widget reports is React state.
/// <reference types="vite/client" />
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import '@medixchange/lookup-widget';
import type {} from '@medixchange/lookup-widget/react';
// Bundled, the widget cannot find its index beside its own script: the app gives it the address.
import indexUrl from '@medixchange/lookup-widget/guidance-index.json?url';

const LANGUAGES = { en: 'English', fr: 'Français', zh: '中文' } as const;
type Language = keyof typeof LANGUAGES;
const PLACEHOLDERS: Record<Language, string> = {
  en: 'Search the ward handbook',
  fr: 'Chercher dans le guide du service',
  zh: '搜索病房手册',
};

interface Opened {
  id: string;
  /** 1 for the first card opened on this page, then 2, … */
  n: number;
}

function App() {
  const [lang, setLang] = useState<Language>('en');
  const [ready, setReady] = useState<{ entries: number; from: string } | null>(null);
  const [opened, setOpened] = useState<Opened[]>([]);

  return (
    <>
      <header className="site">
        <a className="brand" href="#">
          Riverside General · Ward handbook (React)
        </a>
        <mx-lookup
          mode="search"
          index={indexUrl}
          lang={lang}
          placeholder={PLACEHOLDERS[lang]}
          onmx-lookup-ready={(event) => setReady(event.detail)}
          onmx-lookup-open={(event) => setOpened((list) => [{ id: event.detail.id, n: (list[0]?.n ?? 0) + 1 }, ...list])}
        />
      </header>
      <main>
        <article>
          <h1>Ward handbook</h1>
          <p>
            This page is a React app. The search box in the header is the <code>&lt;mx-lookup&gt;</code> widget, installed as the npm package{' '}
            <code>@medixchange/lookup-widget</code>; the panel below is React state, kept up to date by the widget&apos;s events.
          </p>
          <label>
            Language of the cards{' '}
            <select data-testid="language" value={lang} onChange={(event) => setLang(event.target.value as Language)}>
              {Object.entries(LANGUAGES).map(([code, name]) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          <section aria-live="polite">
            <h2>What the widget told React</h2>
            <p data-testid="ready">{ready ? `Ready: ${ready.entries} guidance entries (from the ${ready.from}).` : 'Loading the guidance…'}</p>
            <p>Cards opened, latest first:</p>
            <ol data-testid="opened">
              {opened.map((card) => (
                <li key={card.n} data-opened-id={card.id}>
                  {card.id}
                </li>
              ))}
            </ol>
            {opened.length === 0 ? <p className="note">None yet: search for a term and open its card.</p> : null}
          </section>
        </article>
      </main>
    </>
  );
}

const container = document.getElementById('app');
if (!container) throw new Error('demo/react/index.html has no #app element');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
