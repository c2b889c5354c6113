/**
 * Shared between the inline <head> script (runs before paint, so there is no light flash for
 * dark-mode users) and the client theme hooks. Plain strings only: this module is imported by
 * the root layout, a server component.
 */
export const THEME_STORAGE_KEY = "momentum-theme";
export const THEME_CHOICES = ["light", "dark", "system"] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

/**
 * Reads the stored choice, applies or removes `dark` on <html>, and re-applies when the OS
 * preference changes (only matters while the choice is `system`, since apply() re-reads storage)
 * or when another tab changes the choice. Wrapped in try/catch: storage can throw in private modes.
 */
export const THEME_SCRIPT = `(function(){try{
var k=${JSON.stringify(THEME_STORAGE_KEY)},r=document.documentElement,m=window.matchMedia("(prefers-color-scheme: dark)");
function a(){var t=null;try{t=localStorage.getItem(k)}catch(e){}
var d=t==="dark"||(t!=="light"&&m.matches);r.classList.toggle("dark",d);r.style.colorScheme=d?"dark":"light"}
a();m.addEventListener("change",a);window.addEventListener("storage",function(e){if(e.key===k)a()});
}catch(e){}})();`;
