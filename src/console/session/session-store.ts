/** The signed-in API key lives in sessionStorage only: it goes when the tab or browser closes. */
const KEY = 'contact-hub.console.apiKey';

export function storedApiKey(): string | null {
  try {
    return window.sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function storeApiKey(apiKey: string): void {
  window.sessionStorage.setItem(KEY, apiKey);
}

export function forgetApiKey(): void {
  window.sessionStorage.removeItem(KEY);
}
