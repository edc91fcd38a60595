import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { DEFAULT_CONFIG_FILE } from '../report/config-options.js';

/*
 * Which configuration a command reads when --config is not given: labreport.config.json
 * in the current folder or the nearest parent that has one (a course folder holding one
 * config for all its captures), else the user's own, in the platform's config folder.
 */

export interface ConfigPlaces {
  cwd: string;
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  home: string;
  isFile(file: string): boolean;
}

/** The user's config file: $XDG_CONFIG_HOME/labreport/config.json, or the platform's equivalent. */
export function userConfigFile(p: ConfigPlaces): string {
  const join = p.platform === 'win32' ? path.win32.join : path.posix.join;
  if (p.env.XDG_CONFIG_HOME) return join(p.env.XDG_CONFIG_HOME, 'labreport', 'config.json');
  if (p.platform === 'win32') return join(p.env.APPDATA ?? join(p.home, 'AppData', 'Roaming'), 'labreport', 'config.json');
  if (p.platform === 'darwin') return join(p.home, 'Library', 'Application Support', 'labreport', 'config.json');
  return join(p.home, '.config', 'labreport', 'config.json');
}

/** The config file that applies, or undefined for none (the defaults). */
export function findConfigFile(p: ConfigPlaces): string | undefined {
  const paths = p.platform === 'win32' ? path.win32 : path.posix;
  // Up the folders, one level per step: as many steps as the path has parts.
  for (let dir = paths.resolve(p.cwd); ; dir = paths.dirname(dir)) {
    const candidate = paths.join(dir, DEFAULT_CONFIG_FILE);
    if (p.isFile(candidate)) return candidate;
    if (paths.dirname(dir) === dir) break;
  }
  const own = userConfigFile(p);
  return p.isFile(own) ? own : undefined;
}

export function thisMachine(): ConfigPlaces {
  return {
    cwd: process.cwd(),
    platform: process.platform,
    env: process.env,
    home: homedir(),
    isFile: (file) => existsSync(file) && statSync(file).isFile(),
  };
}
