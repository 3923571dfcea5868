"use client";

import { ProblemView } from "@/components/problem-view";
import en from "@/messages/en.json";

/**
 * Reached when Hydra cannot be answered or something unexpected failed. It
 * never shows the error itself. The retry is a plain link to the same URL so
 * it works without JavaScript.
 */
export default function ErrorBoundary() {
  const messages = en.problem.unavailable;
  return (
    <ProblemView title={messages.title} body={messages.body}>
      <p>
        <a className="button" href="">
          {messages.retry}
        </a>
      </p>
    </ProblemView>
  );
}
