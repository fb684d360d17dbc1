/**
 * YAML as the build reads it. Astro reads data files and front matter with the `yaml` package
 * and these options (a YAML 1.1 timestamp becomes a Date, `<<` merges); src/content.config.ts
 * reads conference.yaml the same way, so every content file is read one way. The content check
 * validates this reading besides its own (which keeps dates as text, for exact messages), so a
 * file the check passes is one the build accepts. tests/unit/yaml-reading.test.ts holds these
 * options equal to Astro's own reader.
 */
import { parseDocument, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';

export const buildYamlOptions: ParseOptions & DocumentOptions & SchemaOptions = { customTags: ['timestamp'], merge: true, schema: 'core' };

/** The value of a YAML text as the build reads it; throws the first syntax error. */
export function readYamlAsBuild(text: string): unknown {
  const doc = parseDocument(text, buildYamlOptions);
  if (doc.errors.length > 0) throw doc.errors[0];
  return doc.contents === null ? undefined : doc.toJS();
}
