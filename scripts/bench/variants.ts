/**
 * The build settings one bench run compares ("variants"), each a name and the environment its
 * builds get (the variables of src/lib/build-settings.ts), so a figure in docs/performance.md
 * can be measured again exactly:
 *
 *   --variant NAME:VAR=VALUE[,VAR=VALUE…]   e.g. --variant w1:BOOTHKIT_WORKERS=1 (repeatable)
 *   --levers                                each lever alone and all together (leverVariants)
 *
 * A variable a variant does not set takes the project's default, never the caller's shell.
 */
import { buildSettings, buildSettingVariables, defaultBuildSettings, type BuildSettings } from '../../src/lib/build-settings.ts';

export interface Variant {
  name: string;
  /** The build-setting variables of this variant's builds; the others are unset. */
  env: Record<string, string>;
}

const variableNames: readonly string[] = Object.values(buildSettingVariables);

/** The environment that selects `settings`, every variable written out. */
export function settingsEnv(settings: BuildSettings): Record<string, string> {
  return {
    [buildSettingVariables.workers]: String(settings.workers),
    [buildSettingVariables.contentStore]: settings.contentStore,
    [buildSettingVariables.incremental]: settings.incremental ? '1' : '0',
  };
}

/**
 * Each lever alone against none (serial: one thread, one store file, full rebuilds), then all
 * of them: what `npm run bench -- --levers` measures.
 */
export function leverVariants(workers = Math.max(defaultBuildSettings.workers, 2)): Variant[] {
  const none: BuildSettings = { workers: 0, contentStore: 'single-file', incremental: false };
  const variant = (name: string, change: Partial<BuildSettings>): Variant => ({ name, env: settingsEnv({ ...none, ...change }) });
  return [
    variant('serial', {}),
    variant(`workers=${workers}`, { workers }),
    variant('chunked', { contentStore: 'chunked' }),
    variant('incremental', { incremental: true }),
    variant('all', { workers, contentStore: 'chunked', incremental: true }),
  ];
}

/** "NAME:VAR=VALUE,VAR=VALUE" (or "default", the project's settings); throws a message naming what is wrong. */
export function parseVariant(text: string): Variant {
  const [name, assignments = ''] = text.split(/:(.*)/s);
  if (!name || !/^[\w.=-]+$/.test(name)) throw new Error(`--variant "${text}": start with a name, e.g. w1:BOOTHKIT_WORKERS=1`);
  const env: Record<string, string> = {};
  for (const pair of assignments.split(',').filter(Boolean)) {
    const [variable, value] = pair.split('=');
    if (!variable || value === undefined || !variableNames.includes(variable)) {
      throw new Error(`--variant "${text}": "${pair}" is not VAR=VALUE with VAR one of ${variableNames.join(', ')}`);
    }
    env[variable] = value;
  }
  buildSettings(env); // the build's own check of the values, with its message
  return { name, env };
}

/** `base` without any build-setting variable, then `variant`'s: the environment of one build. */
export function variantEnv(base: NodeJS.ProcessEnv, variant: Variant): NodeJS.ProcessEnv {
  const env = { ...base };
  for (const name of variableNames) delete env[name];
  return { ...env, ...variant.env };
}
