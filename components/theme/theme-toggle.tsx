"use client";

import { useEffect, useState } from "react";
import { THEME_PREFERENCES, THEME_STORAGE_KEY, parseThemePreference, type ThemePreference } from "./theme-preference";

const LABELS: Record<ThemePreference, string> = { system: "System", light: "Light", dark: "Dark" };

function applyTheme(preference: ThemePreference) {
  const dark =
    preference === "dark" || (preference === "system" && window.matchMedia("(prefers-color-scheme: dark)").matches);
  const root = document.documentElement;
  root.classList.toggle("dark", dark);
  root.style.colorScheme = dark ? "dark" : "light";
  root.dataset.theme = preference;
}

/** System / light / dark, remembered in localStorage; "system" follows the OS as it changes. */
export function ThemeToggle() {
  // The server cannot know the stored choice; the inline script already applied it before paint.
  const [preference, setPreference] = useState<ThemePreference | null>(null);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- localStorage exists only in the browser
    setPreference(parseThemePreference(window.localStorage.getItem(THEME_STORAGE_KEY)));
  }, []);

  useEffect(() => {
    if (preference !== "system") return;
    const media = window.matchMedia("(prefers-color-scheme: dark)");
    const follow = () => applyTheme("system");
    follow();
    media.addEventListener("change", follow);
    return () => media.removeEventListener("change", follow);
  }, [preference]);

  function choose(next: ThemePreference) {
    setPreference(next);
    try {
      window.localStorage.setItem(THEME_STORAGE_KEY, next);
    } catch {
      // Storage can be disabled; the choice then lasts for this page only.
    }
    applyTheme(next);
  }

  return (
    <label className="flex shrink-0 items-center gap-1.5 text-[13px] text-zinc-700 dark:text-zinc-300">
      <span className="sr-only">Theme</span>
      <select
        value={preference ?? "system"}
        onChange={(event) => choose(parseThemePreference(event.target.value))}
        className="h-8 rounded-md border border-zinc-300 bg-white px-1.5 text-[13px] text-zinc-800 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200"
      >
        {THEME_PREFERENCES.map((option) => (
          <option key={option} value={option}>
            {LABELS[option]}
          </option>
        ))}
      </select>
    </label>
  );
}
