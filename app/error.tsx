"use client";

import type { PageChrome } from "@/components/page-shell";
import { ProblemView } from "@/components/problem-view";
import en from "@/messages/en.json";

// A client component cannot read the request: English, and no switcher.
const chrome: PageChrome = { locale: "en", dir: "ltr", languagesLabel: en.app.languages, languages: [], links: [] };

/**
 * A fallback only: refusals are rendered by /problem/[kind] without
 * JavaScript. Reached when something unexpected failed while rendering; it
 * never shows the error itself. The retry is a plain link to the same URL.
 */
export default function ErrorBoundary() {
  const messages = en.problem.unavailable;
  return (
    <ProblemView chrome={chrome} title={messages.title} body={messages.body}>
      <p>
        <a className="button" href="">
          {messages.retry}
        </a>
      </p>
    </ProblemView>
  );
}
