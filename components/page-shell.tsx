import type { ReactNode } from "react";
import type { PageChrome } from "@/lib/page-chrome";

/**
 * The frame of every page. The document's `lang` and `dir` come from the same
 * chrome (components/document.tsx), so the text and its direction always agree.
 */
export function PageShell({ chrome, title, wide = false, children }: { chrome: PageChrome; title: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className="page">
      {/* React hoists this into <head>: the tab says which step this is, in the page's language. */}
      <title>{chrome.productName ? `${title} · ${chrome.productName}` : title}</title>
      {(chrome.logo || chrome.productName) && (
        <header className="brand">
          {chrome.logo && (
            <picture>
              {chrome.logo.dark && <source srcSet={chrome.logo.dark} media="(prefers-color-scheme: dark)" />}
              <img
                src={chrome.logo.light}
                alt={chrome.logo.alt}
                width={chrome.logo.width}
                height={chrome.logo.height}
                referrerPolicy="no-referrer"
              />
            </picture>
          )}
          {chrome.productName && <span className="brand-name">{chrome.productName}</span>}
        </header>
      )}
      <main className={wide ? "card card-wide" : "card"} aria-labelledby="page-title">
        <h1 id="page-title">{title}</h1>
        {children}
      </main>
      <footer className="page-footer">
        {chrome.languages.length > 0 && (
          <nav aria-label={chrome.languagesLabel}>
            <ul className="languages">
              {chrome.languages.map((language) => (
                <li key={language.locale}>
                  <a
                    href={language.href}
                    hrefLang={language.locale}
                    lang={language.locale}
                    aria-current={language.current ? "true" : undefined}
                  >
                    {language.name}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        {chrome.links.length > 0 && (
          <ul className="footer-links">
            {chrome.links.map((link) => (
              <li key={link.label}>
                <a href={link.href} rel="noopener noreferrer">
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        )}
      </footer>
    </div>
  );
}
