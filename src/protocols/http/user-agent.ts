import UAParser from 'ua-parser-js';
import { format, type Language } from '../../knowledge/index.js';
import { httpUiEn, type HttpUiKey } from '../../knowledge/http/ui-en.js';
import { httpUiZh } from '../../knowledge/http/ui-zh.js';

const UI: Record<Language, Record<HttpUiKey, string>> = { en: httpUiEn, zh: httpUiZh };

/**
 * A User-Agent in plain words: "Firefox 111 on Windows 10", "Chrome Headless 156 on Linux";
 * a program that is not a browser by its first product token: "curl 7.88.1". Browsers are
 * recognised by ua-parser-js (1.x, MIT); null when nothing can be said.
 */
export function userAgentText(ua: string, lang: Language): string | null {
  const { browser, os } = parsed(ua);
  if (browser.name) {
    const name = `${browser.name}${browser.major ? ` ${browser.major}` : ''}`;
    const system = os.name ? `${os.name}${os.version ? ` ${os.version}` : ''}` : null;
    return system ? format(UI[lang].httpEnvOn, name, system) : name;
  }
  const product = /^([A-Za-z][\w.-]*)\/([\w.-]+)/.exec(ua.trim());
  return product ? `${product[1]} ${product[2]}` : null;
}

/** Distinct User-Agents whose parse is remembered: a report shows the same few many times, and each parse runs ua-parser-js's hundreds of patterns. */
const PARSES_KEPT = 64;
const parses = new Map<string, ReturnType<UAParser['getResult']>>();

function parsed(ua: string): ReturnType<UAParser['getResult']> {
  let result = parses.get(ua);
  if (!result) {
    if (parses.size >= PARSES_KEPT) parses.clear();
    result = new UAParser(ua).getResult();
    parses.set(ua, result);
  }
  return result;
}
