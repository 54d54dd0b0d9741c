"use client";
// A form field whose truth is the URL, with a local draft so typing and picking stay instant while
// the navigation runs (the page's props only change once the new render arrives).
import { useCallback, useEffect, useRef, useState } from "react";

export function useUrlDraft(urlValue: string) {
  const [draft, setDraft] = useState(urlValue);
  // The value this field last sent to the URL: a URL change carrying anything else (back/forward,
  // "Clear filters") replaces the draft, but our own push arriving late must not undo newer input.
  const pushed = useRef(urlValue);
  useEffect(() => {
    if (urlValue !== pushed.current) {
      pushed.current = urlValue;
      setDraft(urlValue);
    }
  }, [urlValue]);
  const markPushed = useCallback((v: string) => {
    pushed.current = v;
  }, []);
  return { draft, setDraft, markPushed };
}
