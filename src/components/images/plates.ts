/** The logo plates of this site, read once per build from the brand tokens (see src/lib/logo-box.ts). */
import tokens from '../../styles/tokens.css?raw';
import { plateGeometry } from '../../lib/logo-box.ts';

export const plates = plateGeometry(tokens);
