/**
 * The content check's look at logos (npm run check:content): each sponsor's and unit's logo,
 * decoded with sharp and measured on the plate it will sit on (src/lib/logo-contrast.ts).
 * A logo that would hardly show is a warning with the fix: the other plate, or another file.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import sharp from 'sharp';
import { plateColourTokens } from '../../../src/lib/logo-box.ts';
import { hexColour, logoContrast, minLogoContrast, readsOnPlate } from '../../../src/lib/logo-contrast.ts';
import type { Model } from '../../../src/lib/model.ts';
import type { Problem } from '../../../src/core/problems.ts';
import type { Plate } from '../../../src/schemas/shared.ts';

/** Logos are measured at this size: enough for their shapes, cheap at 1,000 sponsors. */
const SIDE = 160;

interface LogoRef {
  file: string;
  field: string;
  /** The image path as written, relative to the sponsor file. */
  path: string;
  plate: Plate;
}

export async function logoWarnings(root: string, model: Pick<Model, 'sponsors'>): Promise<Problem[]> {
  const colours = plateColourTokens(readFileSync(join(root, 'src', 'styles', 'tokens.css'), 'utf8'));
  const logos: LogoRef[] = model.sponsors.flatMap((s) => [
    { file: s.file, field: 'logo', path: s.logo.src as unknown as string, plate: s.logo.plate ?? 'light' },
    ...s.units.flatMap((u, i) => (u.logo ? [{ file: s.file, field: `units[${i}].logo`, path: u.logo.src as unknown as string, plate: u.logo.plate ?? 'light' }] : [])),
  ]);
  const warnings: Problem[] = [];
  for (const logo of logos) {
    const plate = hexColour(colours[logo.plate])!;
    const image = resolve(root, dirname(logo.file), logo.path);
    let pixels: Buffer;
    try {
      // From bytes: an SVG read this way cannot reach other files on the machine.
      pixels = await sharp(readFileSync(image)).resize(SIDE, SIDE, { fit: 'inside' }).ensureAlpha().raw().toBuffer();
    } catch (e) {
      warnings.push({ code: 'unreadable-logo', file: logo.file, field: `${logo.field}.src`, message: `${logo.path} cannot be read as an image (${(e as Error).message.split('\n')[0]}); save it again as SVG or PNG` });
      continue;
    }
    const measured = logoContrast(pixels, plate);
    if (readsOnPlate(measured)) continue;
    const other: Plate = logo.plate === 'light' ? 'dark' : 'light';
    const otherReads = readsOnPlate(logoContrast(pixels, hexColour(colours[other])!));
    const seen = measured.ink < 0.005 ? 'all but disappears' : `reaches only ${measured.contrast.toFixed(1)}:1`;
    const fix = otherReads ? `set ${logo.field}.plate: ${other}${other === 'light' ? ' (or remove plate:)' : ''}, or send a ${logo.plate === 'light' ? 'darker' : 'lighter'} version of the logo` : `send a version of the logo in ${logo.plate === 'light' ? 'dark' : 'light'} colours`;
    warnings.push({ code: 'faint-logo', file: logo.file, field: `${logo.field}.src`, message: `${logo.path} ${seen} on its ${logo.plate} plate (below ${minLogoContrast}:1 a logo is hard to tell from its plate); ${fix}` });
  }
  return warnings;
}
