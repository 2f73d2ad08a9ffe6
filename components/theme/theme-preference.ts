/** The reader's choice of colour scheme; "system" follows the operating system, live. */
export const THEME_PREFERENCES = ["system", "light", "dark"] as const;
export type ThemePreference = (typeof THEME_PREFERENCES)[number];

export const THEME_STORAGE_KEY = "switchyard.theme";

export function parseThemePreference(value: string | null | undefined): ThemePreference {
  return THEME_PREFERENCES.find((preference) => preference === value) ?? "system";
}

/**
 * Runs in <head> before the first paint (an inline script, so no flash of the wrong theme):
 * the stored choice, or the system's, becomes the `dark` class Tailwind's dark variant keys on.
 * Kept self-contained and ES5-safe because it is serialized as text.
 */
export const APPLY_THEME_SCRIPT = `(function(){try{var p=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});if(p!=="light"&&p!=="dark")p="system";var d=p==="dark"||(p==="system"&&window.matchMedia("(prefers-color-scheme: dark)").matches);var r=document.documentElement;r.classList.toggle("dark",d);r.style.colorScheme=d?"dark":"light";r.dataset.theme=p}catch(e){}})()`;
